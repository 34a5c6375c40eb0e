/* What the chart layout's files (chart.c, chart_flags.c, chart_labels.c,
 * chart_cells.c) share. */
#ifndef ALLIANCE_CHART_INTERNAL_H
#define ALLIANCE_CHART_INTERNAL_H

#include "alliance/core/chart.h"

#define CHART_FLAG_KINDS 5 /* enum chart_flag */
#define CHART_SPAN_KINDS 4 /* enum chart_span_kind */

struct glyph {
	uint32_t cp;
	char ascii;
};

/* Everything the steps share while one chart is laid out. */
struct layout {
	struct chart *c;
	const struct al_course *course;
	const enum chart_flag *flags;
	const struct chart_opts *opts;
	size_t dim_lo, dim_hi; /* dimensions shown: [dim_lo, dim_hi) */
	int label_w;           /* columns of the dimension names left of the strips */
	int flag_row, axis_row, num_row, date_row;
	bool cutoff_drawn, cutoff_named;
	int cutoff_row;            /* the line's row in a strip, counted from its bottom */
	struct glyph cutoff_glyph; /* the line's glyph in the first strip, for the legend */
	bool flag_seen[CHART_FLAG_KINDS], span_seen[CHART_SPAN_KINDS];
};

/* chart_cells.c: the grid. */
struct chart_cell *chart_cell_at(struct chart *c, int row, int col);
/* Puts one glyph; cells outside the chart are ignored. */
void chart_put(struct chart *c, int row, int col, struct glyph g, enum chart_role role, size_t dim);
/* ASCII text from col on; returns the column after it. */
int chart_put_text(struct chart *c, int row, int col, const char *s, enum chart_role role);
/* The column of session i's client bar, or -1 when not shown. */
int chart_col(const struct chart *c, size_t i);
/* "G word" (or "GGG word" for ng glyphs) after what is already on the legend
 * row, two columns apart; left out when it does not fit. */
void chart_legend_item(struct chart *c, int *col, const struct glyph *g, size_t ng,
                       enum chart_role role, const char *word);

/* chart_flags.c: the flag row (flags, episodes, absences). */
void chart_draw_flag_row(struct layout *L);
/* The legend's items for the flag row's marks that appear. */
void chart_legend_marks(struct layout *L, int *col);

/* chart_labels.c: names and ticks of the strips, the x axis, the legend. */
void chart_draw_y_labels(struct layout *L);
void chart_draw_x_axis(struct layout *L);
void chart_name_cutoff(struct layout *L);
void chart_draw_legend(struct layout *L);

#endif
