/* The "why" panel under a list of clients: the selected client's status
 * and the plain words of its weightiest current flag, from its summary. */
#ifndef ALLIANCE_UI_WHY_H
#define ALLIANCE_UI_WHY_H

#include "../core/ui.h"

#define UI_WHY_ROWS 3
/* The rows a panel gets under a list that needs list_min rows of the
 * frame's rows: UI_WHY_ROWS and a gap, or 0 when that would not fit. */
int ui_why_rows(int rows, int list_min);
/* state is an al_state; flag is "" when the client has no current flag. */
void ui_draw_why(const struct ui *ui, int y, int rows, const char *code, int state,
                 const char *flag);

#endif
