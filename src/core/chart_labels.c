/* The chart's words and numbers: each strip's name and ticks, the session
 * numbers and dates under the x axis, the cutoff's name and the legend. */
#include "chart_internal.h"

#include <string.h>

#include "alliance/core/parse.h"

#define LABEL_GAP 2 /* blank columns between two x labels */

static const struct glyph g_corner = {0x2514, '+'}; /* └ */
static const struct glyph g_hline = {0x2500, '-'};  /* ─ */
static const struct glyph g_xtick = {0x252C, '+'};  /* ┬ */
static const struct glyph g_more = {0x2026, '<'};   /* … older sessions not shown */
static const struct glyph g_cut = {0x2026, '.'};    /* … a name cut short */
static const struct glyph g_clin = {0x2592, '|'};   /* ▒ */

static const char month_abbr[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static void format_number(int v, char *buf)
{
	char tmp[12];
	int n = 0;
	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) > 0 && n < 11);
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = 0;
}

/* "10" or " 6": a tick value in whole points, right-aligned in two columns. */
static void put_tick(struct chart *c, int row, int tenths)
{
	char text[4] = {' ', ' ', 0, 0};
	format_number(tenths / 10, tenths >= 100 ? text : text + 1);
	chart_put_text(c, row, c->axis_col - 2, text, CHART_ROLE_LABEL);
}

/* The dimension's key, cut with "…" when longer than the names' column. */
static void put_name(struct layout *L, int row, const char *key)
{
	char text[AL_KEY_MAX + 1];
	size_t n = strlen(key), w = (size_t)L->label_w;
	memcpy(text, key, (n < w ? n : w) + 1);
	text[n < w ? n : w] = 0;
	chart_put_text(L->c, row, 0, text, CHART_ROLE_LABEL);
	if (n > w)
		chart_put(L->c, row, L->label_w - 1, g_cut, CHART_ROLE_LABEL, 0);
}

/* Each strip: its dimension's name on its top row, 10 there and the floor
 * on its bottom row (strips of one row carry only the name). */
void chart_draw_y_labels(struct layout *L)
{
	struct chart *c = L->c;
	for (int k = 0; k < c->nstrips; k++) {
		int top = c->strip_top[k], bottom = top + c->strip_rows - 1;
		put_name(L, top, L->course->dims[c->strip_dim[k]].key);
		if (bottom == top)
			continue;
		put_tick(c, top, 100);
		put_tick(c, bottom, c->floor);
		int cut = L->opts->cutoff, row = bottom - L->cutoff_row;
		if (L->cutoff_drawn && cut % 10 == 0 && row != top && row != bottom)
			put_tick(c, row, cut);
	}
}

static int session_number(const struct al_course *course, size_t i)
{
	int seq = course->sessions[i].seq;
	return seq > 0 ? seq : (int)i + 1;
}

/* Places ASCII text on row at col (moved left to end at the right edge if
 * need be) unless it would come closer than LABEL_GAP to text already there. */
static bool try_label(struct chart *c, int row, int col, const char *text)
{
	int len = (int)strlen(text);
	if (col + len > c->width)
		col = c->width - len;
	if (col < 0)
		return false;
	for (int x = col - LABEL_GAP; x < col + len + LABEL_GAP; x++)
		if (x >= 0 && x < c->width && chart_cell_at(c, row, x)->role != CHART_ROLE_BLANK)
			return false;
	chart_put_text(c, row, col, text, CHART_ROLE_LABEL);
	return true;
}

static void format_day(int32_t date, char *buf)
{
	int y, m, d;
	date_split(date, &y, &m, &d);
	format_number(d, buf);
	size_t n = strlen(buf);
	buf[n] = ' ';
	memcpy(buf + n + 1, month_abbr[m - 1], 4);
}

static void label_session(struct layout *L, size_t i)
{
	struct chart *c = L->c;
	int col = chart_col(c, i);
	char text[16];
	format_number(session_number(L->course, i), text);
	if (try_label(c, L->num_row, col, text))
		chart_put(c, L->axis_row, col, g_xtick, CHART_ROLE_AXIS, 0);
	format_day(L->course->sessions[i].date, text);
	try_label(c, L->date_row, col, text);
}

/* X labels, most wanted first: the last and first sessions shown (so the
 * numbers say where a cut course starts), the selected one, then every m-th
 * session number, m the smallest of 1, 2, 5, 10, 20... that leaves room. */
void chart_draw_x_axis(struct layout *L)
{
	struct chart *c = L->c;
	chart_put(c, L->axis_row, c->axis_col, g_corner, CHART_ROLE_AXIS, 0);
	for (int x = c->axis_col + 1; x < c->width; x++)
		chart_put(c, L->axis_row, x, g_hline, CHART_ROLE_AXIS, 0);
	if (c->shown == 0)
		return;
	if (c->first > 0)
		chart_put(c, L->num_row, 0, g_more, CHART_ROLE_LABEL, 0);

	size_t last = c->first + c->shown - 1;
	int sel = L->opts->selected;
	label_session(L, last); /* the newest date matters most when two collide */
	label_session(L, c->first);
	if (sel >= 0 && chart_col(c, (size_t)sel) >= 0)
		label_session(L, (size_t)sel);

	static const int every[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000};
	char widest[16];
	format_number(session_number(L->course, last), widest);
	size_t k = 0;
	while (k + 1 < sizeof every / sizeof every[0] &&
	       every[k] * c->step < (int)strlen(widest) + LABEL_GAP + 1)
		k++;
	int m = every[k];
	for (size_t i = c->first; i <= last; i++)
		if (session_number(L->course, i) % m == 0)
			label_session(L, i);
}

static void cutoff_text(const struct layout *L, char *text)
{
	memcpy(text, "cutoff ", 8);
	format_tenths(L->opts->cutoff, text + 7);
}

/* One line naming every mark in use, most needed first: the flag row's
 * marks, the clinician's bars, the cutoff unless named on its line. What
 * does not fit is left out. The strips name their own dimensions. */
void chart_draw_legend(struct layout *L)
{
	struct chart *c = L->c;
	int col = 0;
	chart_legend_marks(L, &col);
	if (L->opts->clinician)
		chart_legend_item(c, &col, &g_clin, 1, CHART_ROLE_CLINICIAN,
		                  "clinician (right bar)");
	if (L->cutoff_drawn && !L->cutoff_named) {
		char text[16];
		cutoff_text(L, text);
		chart_legend_item(c, &col, &L->cutoff_glyph, 1, CHART_ROLE_CUTOFF, text);
	}
}

/* "cutoff 8.0" at the right end of the first strip's line when the
 * sessions leave room, which spares the legend an item. */
void chart_name_cutoff(struct layout *L)
{
	struct chart *c = L->c;
	if (!L->cutoff_drawn)
		return;
	char text[16];
	cutoff_text(L, text);
	int col = c->width - (int)strlen(text);
	int last = c->shown ? chart_col(c, c->first + c->shown - 1) + 1 : c->axis_col;
	int row = -1;
	for (int x = c->axis_col + 1; x < c->width && row < 0; x++)
		for (int r = c->strip_top[0]; r < c->strip_top[0] + c->strip_rows; r++)
			if (chart_cell_at(c, r, x)->role == CHART_ROLE_CUTOFF)
				row = r;
	if (row < 0 || col - 1 <= last)
		return;
	chart_put(c, row, col - 1, (struct glyph){' ', ' '}, CHART_ROLE_BLANK, 0);
	chart_put_text(c, row, col, text, CHART_ROLE_CUTOFF);
	L->cutoff_named = true;
}
