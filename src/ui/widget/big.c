/* Big digits: each glyph three cells wide and five rows high, drawn with
 * full blocks (or '#' in ASCII), one blank cell between glyphs. */
#include <string.h>

#include "big.h"

static const char *const glyphs[11] = {
    "#### ## ## ####", /* 0 */
    " # ##  #  # ###", /* 1 */
    "###  #####  ###", /* 2 */
    "###  ####  ####", /* 3 */
    "# ## ####  #  #", /* 4 */
    "####  ###  ####", /* 5 */
    "####  #### ####", /* 6 */
    "###  #  #  #  #", /* 7 */
    "#### ##### ####", /* 8 */
    "#### ####  ####", /* 9 */
    "             # ", /* . */
};

static const char *glyph(char c)
{
	if (c >= '0' && c <= '9')
		return glyphs[c - '0'];
	return c == '.' ? glyphs[10] : NULL;
}

int ui_big_width(const char *s)
{
	int w = 0;
	for (; *s; s++)
		if (glyph(*s))
			w += w ? 4 : 3;
	return w;
}

void ui_big_draw(const struct ui *ui, int y, int x, attr_t a, const char *s)
{
	const char *cell = ui->ascii ? "#" : "\u2588";
	for (; *s; s++) {
		const char *g = glyph(*s);
		if (!g)
			continue;
		for (int r = 0; r < UI_BIG_ROWS; r++)
			for (int c = 0; c < 3; c++)
				if (g[r * 3 + c] == '#')
					ui_put(y + r, x + c, 1, a, cell);
		x += 4;
	}
}
