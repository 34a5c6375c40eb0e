/* The board's "To discuss": episodes whose clinician asked for
 * supervision in a repair record, not acknowledged since (db_discuss.h),
 * a few rows above the clients, who keep their risk order. */
#ifndef ALLIANCE_UI_DISCUSS_H
#define ALLIANCE_UI_DISCUSS_H

#include "alliance/db/discuss.h"
#include "../core/ui.h"

#define UI_DISCUSS_SHOWN 3 /* episodes listed; "+N more" says the rest */

/* The rows the section takes for n episodes: a heading and the episodes
 * shown, or 0 when there is none. */
int ui_discuss_rows(size_t n);
/* The section from row y. */
/* d[0..n) of total episodes to discuss, the first few listed. */
void ui_draw_discuss(const struct ui *ui, int y, const struct db_discuss *d, size_t n,
                     size_t total);

#endif
