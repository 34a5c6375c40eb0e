/* The chart's cells: glyphs and text put on the grid, the column of a
 * session, and the legend's items (what chart.c, chart_flags.c and
 * chart_labels.c all draw with). */
#include "chart_internal.h"

#include <string.h>

struct chart_cell *chart_cell_at(struct chart *c, int row, int col)
{
	return &c->cells[(size_t)row * (size_t)c->width + (size_t)col];
}

void chart_put(struct chart *c, int row, int col, struct glyph g, enum chart_role role, size_t dim)
{
	if (row < 0 || row >= c->height || col < 0 || col >= c->width)
		return;
	struct chart_cell *x = chart_cell_at(c, row, col);
	x->cp = c->ascii ? (uint32_t)(unsigned char)g.ascii : g.cp;
	x->ascii = g.ascii;
	x->role = (uint8_t)role;
	x->dim = (uint8_t)dim;
}

int chart_put_text(struct chart *c, int row, int col, const char *s, enum chart_role role)
{
	for (; *s; s++, col++)
		chart_put(c, row, col, (struct glyph){(unsigned char)*s, *s}, role, 0);
	return col;
}

int chart_col(const struct chart *c, size_t i)
{
	if (i < c->first || i >= c->first + c->shown)
		return -1;
	return c->axis_col + 2 + (int)(i - c->first) * c->step;
}

void chart_legend_item(struct chart *c, int *col, const struct glyph *g, size_t ng,
                       enum chart_role role, const char *word)
{
	int at = *col > 0 ? *col + 2 : 0;
	if (at + (int)ng + 1 + (int)strlen(word) > c->width)
		return;
	for (size_t j = 0; j < ng; j++)
		chart_put(c, 0, at++, g[j], role, 0);
	*col = chart_put_text(c, 0, at + 1, word, CHART_ROLE_LABEL);
}
