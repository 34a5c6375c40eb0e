/* Trend chart layout: a course becomes a grid of glyph cells (no I/O, no colour).
 * One strip per dimension (small multiples), each value a bar of eighth
 * blocks, so that at 80x24 every value sits within 0.5 point of its place. */
#include "chart_internal.h"

#include <string.h>

#include "alliance/core/spark.h"

/*
 * Rows, top to bottom: legend | flag marks | strips (one per dimension, a
 * blank row between them when there is room) | x axis | session numbers |
 * dates. Columns: the dimension's name, its ticks (10 and the floor), the
 * y axis, a blank column, then one column per session every `step` columns
 * (two, the client's bar and the clinician's, with the clinician overlay).
 */
#define ROWS_FIXED 5          /* legend, flags, x axis, numbers, dates */
#define TICK_W 2              /* "10" */
#define LABEL_MIN 5           /* "trust" */
#define LABEL_MAX 13          /* "collaboration" */
#define STEP_MIN 2            /* a blank column between sessions keeps bars apart */
#define STEP_MAX 6            /* a short course is not stretched across the screen */
#define DATE_W 6              /* "30 Mar": the last session's date fits under it */
#define SEP_MIN_ROWS 3        /* strips this tall or more get a blank row between them */
#define FLOOR_MAX 60          /* tenths: the floor is at most 6.0 ... */
#define FLOOR_BELOW_CUTOFF 20 /* ... and at least 2.0 under the cutoff */
#define FLOOR_UNIT 20         /* and a multiple of 2.0 */

static const struct glyph g_vline = {0x2502, '|'};     /* │ */
static const struct glyph g_ytick = {0x2524, '+'};     /* ┤ */
static const struct glyph g_selcol = {0x250A, ' '};    /* ┊ (ASCII: the highlight alone,
                                                        * since ':' is a bar level) */
static const struct glyph g_clin_full = {0x2592, '|'}; /* ▒ a full clinician cell */
/* The cutoff line at five heights in a cell, bottom first: ⎽ ⎼ ─ ⎻ ⎺, so
 * that it sits where the bars' eighths put the cutoff. ASCII has no such
 * glyphs outside the bars' ramp "_.:-=+*#": ',' '~' '`' at three heights,
 * and '`' atop the row under a cutoff low in its row, where ',' would be
 * lost among the '.' and '_' of low bars. */
static const uint32_t cutoff_cp[5] = {0x23BD, 0x23BC, 0x2500, 0x23BB, 0x23BA};
static const char cutoff_ascii[3] = {',', '~', '`'};

int chart_session_col(const struct chart *c, size_t i)
{
	return chart_col(c, i);
}

static bool rated(int v)
{
	return v >= 0 && v <= 100;
}

/* The tallest bar leaves the strip's top eighth empty. */
static int bar_max(const struct chart *c)
{
	return CHART_EIGHTHS * c->strip_rows - 1;
}

int chart_bar_eighths(const struct chart *c, int tenths)
{
	int steps = bar_max(c) - 1, span = 100 - c->floor;
	int above = tenths > c->floor ? tenths - c->floor : 0;
	return 1 + (2 * above * steps + span) / (2 * span);
}

int chart_floor(const struct al_course *course, const struct chart_opts *opts)
{
	int lo = FLOOR_MAX, cut = opts->cutoff;
	if (rated(cut) && cut - FLOOR_BELOW_CUTOFF < lo)
		lo = cut - FLOOR_BELOW_CUTOFF;
	size_t ndims = course->ndims < AL_DIM_MAX ? course->ndims : AL_DIM_MAX;
	size_t d0 = opts->dim == CHART_ALL_DIMS ? 0 : (size_t)opts->dim;
	size_t d1 = opts->dim == CHART_ALL_DIMS ? ndims : d0 + 1;
	int raters = opts->clinician ? AL_RATER_COUNT : 1;
	for (size_t i = 0; i < course->n; i++)
		for (int r = 0; r < raters; r++)
			for (size_t d = d0; d < d1 && d < ndims; d++) {
				int v = course->sessions[i].rating[r][d];
				if (rated(v) && v < lo)
					lo = v;
			}
	return lo <= 0 ? 0 : lo / FLOOR_UNIT * FLOOR_UNIT;
}

/* Strips of equal height; a blank row between them once each has
 * SEP_MIN_ROWS rows; rows left over stay blank above the first strip. */
static void place_strips(struct layout *L)
{
	struct chart *c = L->c;
	int n = (int)(L->dim_hi - L->dim_lo);
	if (n > c->plot_rows)
		n = c->plot_rows; /* more dimensions than rows: the first ones */
	int sep = n > 1 && (c->plot_rows - (n - 1)) / n >= SEP_MIN_ROWS ? 1 : 0;
	c->nstrips = n;
	c->strip_rows = n ? (c->plot_rows - sep * (n - 1)) / n : 0;
	int used = n * c->strip_rows + sep * (n - 1);
	for (int k = 0; k < n; k++) {
		c->strip_top[k] = c->plot_top + (c->plot_rows - used) + k * (c->strip_rows + sep);
		c->strip_dim[k] = L->dim_lo + (size_t)k;
	}
}

/* The dimension's names take the longest shown key's width, within limits. */
static void place_label(struct layout *L)
{
	int w = LABEL_MIN, cap = L->c->width / 6;
	for (int k = 0; k < L->c->nstrips; k++) {
		int len = (int)strlen(L->course->dims[L->c->strip_dim[k]].key);
		if (len > w)
			w = len;
	}
	if (w > LABEL_MAX)
		w = LABEL_MAX;
	L->label_w = w < cap ? w : cap < LABEL_MIN ? LABEL_MIN : cap;
	L->c->axis_col = L->label_w + 1 + TICK_W;
}

static void place_window(struct layout *L)
{
	struct chart *c = L->c;
	size_t n = L->course->n;
	int step_min = STEP_MIN + (L->opts->clinician ? 1 : 0);
	int avail = c->width - (c->axis_col + 2) - (DATE_W - 1);
	size_t cap = avail > 0 ? (size_t)(avail / step_min) : 0;
	if (cap == 0)
		cap = 1;
	c->shown = n < cap ? n : cap;
	c->first = n - c->shown;
	int sel = L->opts->selected;
	if (sel >= 0 && (size_t)sel < c->first) {
		c->first = (size_t)sel;
		c->shown = n - c->first < cap ? n - c->first : cap;
	}
	int step = c->shown ? avail / (int)c->shown : STEP_MAX;
	c->step = step < step_min ? step_min : step > STEP_MAX ? STEP_MAX : step;
}

/* One cell of a bar holding k eighths (1..8). */
static struct glyph bar_glyph(int k, bool clinician)
{
	if (k >= CHART_EIGHTHS && clinician)
		return g_clin_full;
	return (struct glyph){0x2580 + (uint32_t)k, SPARK_ASCII_RAMP[k - 1]}; /* ▁ .. █ */
}

static void draw_bar(struct layout *L, int strip, int col, int v, enum chart_role role)
{
	struct chart *c = L->c;
	int h = chart_bar_eighths(c, v);
	int bottom = c->strip_top[strip] + c->strip_rows - 1;
	for (int r = 0; r < c->strip_rows && h > 0; r++, h -= CHART_EIGHTHS) {
		int k = h < CHART_EIGHTHS ? h : CHART_EIGHTHS;
		chart_put(c, bottom - r, col, bar_glyph(k, role == CHART_ROLE_CLINICIAN), role,
		          c->strip_dim[strip]);
	}
}

static void draw_bars(struct layout *L)
{
	struct chart *c = L->c;
	for (size_t i = c->first; i < c->first + c->shown; i++) {
		const struct al_session *s = &L->course->sessions[i];
		int col = chart_col(c, i);
		for (int k = 0; k < c->nstrips; k++) {
			size_t d = c->strip_dim[k];
			if (rated(s->rating[AL_RATER_CLIENT][d]))
				draw_bar(L, k, col, s->rating[AL_RATER_CLIENT][d], CHART_ROLE_DIM);
			if (L->opts->clinician && rated(s->rating[AL_RATER_CLINICIAN][d]))
				draw_bar(L, k, col + 1, s->rating[AL_RATER_CLINICIAN][d],
				         CHART_ROLE_CLINICIAN);
		}
	}
}

/* A column where a session's bars stand. In ASCII the cutoff line stays out
 * of it, so that "-" over "#" cannot read as a taller bar. */
static bool bar_column(const struct layout *L, int col)
{
	const struct chart *c = L->c;
	int x = col - (c->axis_col + 2);
	if (x < 0 || c->shown == 0 || x >= (int)c->shown * c->step)
		return false;
	return x % c->step == 0 || (L->opts->clinician && x % c->step == 1);
}

/* The cutoff's height in a strip, where a bar at exactly the cutoff would
 * end: the row (from the strip's bottom) and which of `parts` equal parts
 * of that row. */
static void cutoff_place(const struct chart *c, int cut, int parts, int *row, int *part)
{
	int span = 100 - c->floor, steps = bar_max(c) - 1;
	int above = cut > c->floor ? cut - c->floor : 0;
	long y = (long)span + (long)above * steps; /* eighths, times span */
	long per_row = (long)CHART_EIGHTHS * span;
	*row = (int)(y / per_row);
	if (*row >= c->strip_rows)
		*row = c->strip_rows - 1;
	long in_row = y - (long)*row * per_row;
	*part = (int)(in_row * parts / per_row);
	*part = *part >= parts ? parts - 1 : *part;
}

/* The cutoff line across each strip, in the columns between the bars (in
 * UTF-8 also over a bar column's empty cells). */
static void draw_cutoff(struct layout *L)
{
	struct chart *c = L->c;
	int cut = L->opts->cutoff;
	if (!rated(cut) || c->nstrips == 0)
		return;
	int row, part;
	if (c->ascii) {
		cutoff_place(c, cut, 3, &row, &part);
		if (part == 0 && row > 0)
			row--, part = 2;
		L->cutoff_glyph =
		    (struct glyph){(unsigned char)cutoff_ascii[part], cutoff_ascii[part]};
	} else {
		cutoff_place(c, cut, 5, &row, &part);
		L->cutoff_glyph = (struct glyph){cutoff_cp[part], '~'};
	}
	for (int k = 0; k < c->nstrips; k++) {
		int r = c->strip_top[k] + c->strip_rows - 1 - row;
		for (int x = c->axis_col + 1; x < c->width; x++)
			if ((!c->ascii || !bar_column(L, x)) &&
			    chart_cell_at(c, r, x)->role == CHART_ROLE_BLANK)
				chart_put(c, r, x, L->cutoff_glyph, CHART_ROLE_CUTOFF, 0);
		/* a tick (and its value, chart_labels.c) where no other label is:
		 * on the row of "10" or the floor it would read as theirs */
		if (row > 0 && row < c->strip_rows - 1)
			chart_put(c, r, c->axis_col, g_ytick, CHART_ROLE_AXIS, 0);
	}
	L->cutoff_row = row;
	L->cutoff_drawn = true;
}

static void draw_y_axis(struct layout *L)
{
	struct chart *c = L->c;
	for (int k = 0; k < c->nstrips; k++)
		for (int r = 0; r < c->strip_rows; r++)
			chart_put(c, c->strip_top[k] + r, c->axis_col, g_vline, CHART_ROLE_AXIS, 0);
}

static void draw_selection(struct layout *L)
{
	struct chart *c = L->c;
	int sel = L->opts->selected;
	int col = sel >= 0 ? chart_col(c, (size_t)sel) : -1;
	if (col < 0)
		return;
	for (int r = L->flag_row; r <= L->axis_row; r++) {
		bool in_strip = false;
		for (int k = 0; k < c->nstrips; k++)
			in_strip |= r >= c->strip_top[k] && r < c->strip_top[k] + c->strip_rows;
		if (in_strip && chart_cell_at(c, r, col)->role == CHART_ROLE_BLANK)
			chart_put(c, r, col, g_selcol, CHART_ROLE_SELECTED, 0);
		chart_cell_at(c, r, col)->attr |= CHART_ATTR_SELECTED;
	}
}

/* Heights whose plot rows split evenly into three strips (the core
 * dimensions), with or without blank rows between them. */
static bool fits_three(int height)
{
	int rows = height - ROWS_FIXED;
	if ((rows - 2) / 3 >= SEP_MIN_ROWS)
		return (rows - 2) % 3 == 0;
	return rows % 3 == 0;
}

int chart_fit_height(int height)
{
	if (height < CHART_MIN_HEIGHT)
		return height;
	while (height > CHART_MIN_HEIGHT && !fits_three(height))
		height--;
	return height;
}

enum chart_flag chart_flag_merge(enum chart_flag a, enum chart_flag b)
{
	static const int rank[] = {
	    [CHART_FLAG_NONE] = 0, [CHART_FLAG_INFO] = 1,     [CHART_FLAG_AMBER] = 2,
	    [CHART_FLAG_RED] = 4,  [CHART_FLAG_REPAIRED] = 3,
	};
	if ((size_t)a >= CHART_FLAG_KINDS)
		return b;
	if ((size_t)b >= CHART_FLAG_KINDS)
		return a;
	return rank[b] > rank[a] ? b : a;
}

void chart_opts_default(struct chart_opts *o)
{
	*o = (struct chart_opts){
	    .dim = CHART_ALL_DIMS,
	    .clinician = false,
	    .selected = CHART_NO_SESSION,
	    .ascii = false,
	    .cutoff = 80,
	    .spans = NULL,
	    .nspans = 0,
	};
}

bool chart_layout(struct chart *c, struct chart_cell *cells, int width, int height,
                  const struct al_course *course, const enum chart_flag *flags,
                  const struct chart_opts *opts)
{
	if (width < CHART_MIN_WIDTH || height < CHART_MIN_HEIGHT || width > CHART_MAX_WIDTH ||
	    height > CHART_MAX_HEIGHT)
		return false;
	size_t ndims = course->ndims < AL_DIM_MAX ? course->ndims : AL_DIM_MAX;
	if (opts->dim != CHART_ALL_DIMS && (opts->dim < 0 || (size_t)opts->dim >= ndims))
		return false;

	*c = (struct chart){
	    .width = width,
	    .height = height,
	    .ascii = opts->ascii,
	    .cells = cells,
	    .plot_top = 2,
	    .plot_rows = height - ROWS_FIXED,
	};
	for (size_t k = 0; k < (size_t)width * (size_t)height; k++)
		cells[k] = (struct chart_cell){.cp = ' ', .ascii = ' ', .role = CHART_ROLE_BLANK};

	struct layout L = {
	    .c = c,
	    .course = course,
	    .flags = flags,
	    .opts = opts,
	    .dim_lo = opts->dim == CHART_ALL_DIMS ? 0 : (size_t)opts->dim,
	    .dim_hi = opts->dim == CHART_ALL_DIMS ? ndims : (size_t)opts->dim + 1,
	    .flag_row = 1,
	    .axis_row = c->plot_top + c->plot_rows,
	};
	L.num_row = L.axis_row + 1;
	L.date_row = L.axis_row + 2;
	place_strips(&L);
	place_label(&L);
	place_window(&L);
	c->floor = chart_floor(course, opts);
	draw_y_axis(&L);
	draw_bars(&L);
	draw_cutoff(&L);
	chart_draw_y_labels(&L);
	chart_draw_flag_row(&L);
	draw_selection(&L);
	chart_draw_x_axis(&L);
	chart_name_cutoff(&L);
	chart_draw_legend(&L);
	return true;
}
