/* Big digits: a number five rows high, for a screen read from a distance
 * (client mode). */
#ifndef ALLIANCE_UI_BIG_H
#define ALLIANCE_UI_BIG_H

#include "../core/ui.h"

#define UI_BIG_ROWS 5
/* The cells s takes (digits and '.'; other characters are left out). */
int ui_big_width(const char *s);
/* Paints s with its top left at (y, x). */
void ui_big_draw(const struct ui *ui, int y, int x, attr_t a, const char *s);

#endif
