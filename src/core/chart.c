/* Trend chart layout: a course becomes a grid of glyph cells (no I/O, no colour). */
#include "alliance/chart.h"

#include <string.h>

#include "alliance/parse.h"

/*
 * Rows, top to bottom:      legend | flag marks | plot (10.0 .. 0.0) |
 *                           x axis | session numbers | dates
 * Columns: tick values, the y axis, a blank column, then one column per
 * session every `step` columns.
 */
#define ROWS_FIXED 5 /* legend, flags, x axis, numbers, dates */
#define TICK_W 2     /* "10" */
#define STEP_MIN 2   /* a blank column between sessions keeps marks apart */
#define STEP_MAX 6   /* a short course is not stretched across the screen */
#define LABEL_GAP 2  /* blank columns between two x labels */
#define DATE_W 6     /* "30 Mar": the last session's date fits under it */
#define SHAPES 6     /* dimensions drawn with a shape; later ones with a letter */

struct glyph {
	uint32_t cp;
	char ascii;
};

static const uint32_t client_shape[SHAPES] = {0x25CF, 0x25B2, 0x25A0, 0x25C6, 0x25BC, 0x2605};
static const uint32_t clinician_shape[SHAPES] = {0x25CB, 0x25B3, 0x25A1, 0x25C7, 0x25BD, 0x2606};

static const struct glyph g_overlap = {0x2731, '*'};    /* ✱ */
static const struct glyph g_cutoff = {0x254C, '.'};     /* ╌ */
static const struct glyph g_selcol = {0x250A, ':'};     /* ┊ */
static const struct glyph g_vline = {0x2502, '|'};      /* │ */
static const struct glyph g_ytick = {0x2524, '+'};      /* ┤ */
static const struct glyph g_corner = {0x2514, '+'};     /* └ */
static const struct glyph g_hline = {0x2500, '-'};      /* ─ */
static const struct glyph g_down_from = {0x256E, '\\'}; /* ╮ */
static const struct glyph g_down_to = {0x2570, '\\'};   /* ╰ */
static const struct glyph g_up_from = {0x256F, '/'};    /* ╯ */
static const struct glyph g_up_to = {0x256D, '/'};      /* ╭ */
static const struct glyph g_xtick = {0x252C, '+'};      /* ┬ */
static const struct glyph g_more = {0x2026, '<'};       /* … older sessions not shown */

static const struct {
	struct glyph g;
	enum chart_role role;
	const char *word;
} flag_look[] = {
    [CHART_FLAG_NONE] = {{' ', ' '}, CHART_ROLE_BLANK, ""},
    [CHART_FLAG_INFO] = {{'?', '?'}, CHART_ROLE_FLAG_INFO, "unrated"},
    [CHART_FLAG_AMBER] = {{'^', '^'}, CHART_ROLE_FLAG_AMBER, "watch"},
    [CHART_FLAG_RED] = {{'!', '!'}, CHART_ROLE_FLAG_RED, "rupture"},
    [CHART_FLAG_REPAIRED] = {{0x2713, '+'}, CHART_ROLE_REPAIRED, "repaired"},
};
#define FLAG_KINDS (sizeof flag_look / sizeof flag_look[0])

static const char month_abbr[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* Everything the steps below share while one chart is laid out. */
struct layout {
	struct chart *c;
	const struct al_course *course;
	const enum chart_flag *flags;
	const struct chart_opts *opts;
	struct glyph client[AL_DIM_MAX], clinician[AL_DIM_MAX];
	size_t dim_lo, dim_hi; /* dimensions shown: [dim_lo, dim_hi) */
	int flag_row, axis_row, num_row, date_row;
	int cutoff_row; /* -1 without a cutoff line */
	bool overlap_seen, flag_seen[FLAG_KINDS];
	bool cutoff_named; /* "cutoff 8.0" written on the line itself */
};

static struct chart_cell *cell(struct chart *c, int row, int col)
{
	return &c->cells[(size_t)row * (size_t)c->width + (size_t)col];
}

static void put(struct chart *c, int row, int col, struct glyph g, enum chart_role role, size_t dim)
{
	if (row < 0 || row >= c->height || col < 0 || col >= c->width)
		return;
	struct chart_cell *x = cell(c, row, col);
	x->cp = c->ascii ? (uint32_t)(unsigned char)g.ascii : g.cp;
	x->ascii = g.ascii;
	x->role = (uint8_t)role;
	x->dim = (uint8_t)dim;
}

/* ASCII text from col on; returns the column after it. */
static int put_text(struct chart *c, int row, int col, const char *s, enum chart_role role)
{
	for (; *s; s++, col++)
		put(c, row, col, (struct glyph){(unsigned char)*s, *s}, role, 0);
	return col;
}

/* Rows of the plot count from the bottom in steps of 10/(plot_rows-1) units;
 * a value sits in the row whose band [k, k+1) steps holds it, so 10.0 is the
 * top row, 0.0 the bottom one and 7.9 is never drawn on an 8.0 cutoff line. */
static int value_row(const struct chart *c, int tenths)
{
	int k = tenths * (c->plot_rows - 1) / 100;
	return c->plot_top + c->plot_rows - 1 - k;
}

/* The cutoff line goes on the lowest row holding only values >= cutoff. */
static int cutoff_row(const struct chart *c, int tenths)
{
	int k = (tenths * (c->plot_rows - 1) + 99) / 100;
	return c->plot_top + c->plot_rows - 1 - k;
}

static int session_number(const struct al_course *course, size_t i)
{
	int seq = course->sessions[i].seq;
	return seq > 0 ? seq : (int)i + 1;
}

/* Dimension glyphs: shapes first (● ▲ ■ ◆ ▼ ★, hollow for the clinician),
 * then letters. In ASCII every dimension gets the first letter of its key
 * that no earlier dimension took (T C E for the core three), clinician in
 * lower case, so the legend reads "T trust  C collaboration  E empathy". */
static void choose_glyphs(struct layout *L)
{
	bool taken[26] = {false};
	for (size_t d = 0; d < L->course->ndims && d < AL_DIM_MAX; d++) {
		char letter = 0;
		for (const char *k = L->course->dims[d].key; *k && !letter; k++)
			if (*k >= 'a' && *k <= 'z' && !taken[*k - 'a'])
				letter = *k;
		for (int i = 0; i < 26 && !letter; i++)
			if (!taken[i])
				letter = (char)('a' + i);
		taken[letter - 'a'] = true;
		char upper = (char)(letter - 'a' + 'A');
		L->client[d] =
		    (struct glyph){d < SHAPES ? client_shape[d] : (uint32_t)upper, upper};
		L->clinician[d] =
		    (struct glyph){d < SHAPES ? clinician_shape[d] : (uint32_t)letter, letter};
	}
}

static void place_window(struct layout *L)
{
	struct chart *c = L->c;
	size_t n = L->course->n;
	int avail = c->width - (c->axis_col + 2) - (DATE_W - 1);
	size_t cap = (size_t)(avail / STEP_MIN);
	c->shown = n < cap ? n : cap;
	c->first = n - c->shown;
	int sel = L->opts->selected;
	if (sel >= 0 && (size_t)sel < c->first) {
		c->first = (size_t)sel;
		c->shown = n - c->first < cap ? n - c->first : cap;
	}
	int step = c->shown ? avail / (int)c->shown : STEP_MAX;
	c->step = step < STEP_MIN ? STEP_MIN : step > STEP_MAX ? STEP_MAX : step;
}

int chart_session_col(const struct chart *c, size_t i)
{
	if (i < c->first || i >= c->first + c->shown)
		return -1;
	return c->axis_col + 2 + (int)(i - c->first) * c->step;
}

/* Y axis with every whole value labelled when the plot has a row per unit
 * or more, else 0, 5 and 10 (and a whole cutoff); then the cutoff line. */
static void draw_y_axis(struct layout *L)
{
	struct chart *c = L->c;
	int unit = c->plot_rows - 1 >= 10 ? 1 : 5;
	for (int r = c->plot_top; r < c->plot_top + c->plot_rows; r++)
		put(c, r, c->axis_col, g_vline, CHART_ROLE_AXIS, 0);
	for (int v = 0; v <= 10; v += unit) {
		int r = value_row(c, v * 10);
		char label[3] = {v >= 10 ? '1' : ' ', (char)('0' + v % 10), 0};
		put_text(c, r, 0, label, CHART_ROLE_LABEL);
		put(c, r, c->axis_col, g_ytick, CHART_ROLE_AXIS, 0);
	}
	L->cutoff_row = -1;
	int cut = L->opts->cutoff;
	if (cut >= 0 && cut <= 100) {
		L->cutoff_row = cutoff_row(c, cut);
		for (int x = c->axis_col + 1; x < c->width; x++)
			put(c, L->cutoff_row, x, g_cutoff, CHART_ROLE_CUTOFF, 0);
		/* a whole cutoff between two ticks gets its value too */
		if (cut % 10 == 0 && cell(c, L->cutoff_row, 1)->role == CHART_ROLE_BLANK) {
			char label[3] = {cut >= 100 ? '1' : ' ', (char)('0' + cut / 10 % 10), 0};
			put_text(c, L->cutoff_row, 0, label, CHART_ROLE_LABEL);
			put(c, L->cutoff_row, c->axis_col, g_ytick, CHART_ROLE_AXIS, 0);
		}
	}
}

static bool is_under(enum chart_role role)
{
	return role == CHART_ROLE_BLANK || role == CHART_ROLE_CUTOFF || role == CHART_ROLE_SELECTED;
}

/* Clinician marks first, so a client mark in the same cell wins; two client
 * dimensions in one cell become ✱ (the other marks of the column say which). */
static void draw_marks(struct layout *L, size_t i, int col)
{
	struct chart *c = L->c;
	const struct al_session *s = &L->course->sessions[i];
	for (int rater = L->opts->clinician ? AL_RATER_CLINICIAN : AL_RATER_CLIENT;
	     rater >= AL_RATER_CLIENT; rater--) {
		for (size_t d = L->dim_lo; d < L->dim_hi; d++) {
			int v = s->rating[rater][d];
			if (v < 0 || v > 100)
				continue;
			int row = value_row(c, v);
			enum chart_role under = cell(c, row, col)->role;
			if (rater == AL_RATER_CLINICIAN) {
				if (is_under(under))
					put(c, row, col, L->clinician[d], CHART_ROLE_CLINICIAN, d);
			} else if (under == CHART_ROLE_DIM || under == CHART_ROLE_OVERLAP) {
				put(c, row, col, g_overlap, CHART_ROLE_OVERLAP, 0);
				L->overlap_seen = true;
			} else {
				put(c, row, col, L->client[d], CHART_ROLE_DIM, d);
			}
		}
	}
}

static void draw_selection(struct layout *L, int col)
{
	struct chart *c = L->c;
	for (int r = L->flag_row; r <= L->axis_row; r++) {
		bool in_plot = r >= c->plot_top && r < c->plot_top + c->plot_rows;
		if (in_plot && cell(c, r, col)->role == CHART_ROLE_BLANK)
			put(c, r, col, g_selcol, CHART_ROLE_SELECTED, 0);
		cell(c, r, col)->attr |= CHART_ATTR_SELECTED;
	}
}

/* One dimension alone is drawn as a line: between two rated sessions the
 * gap columns carry ─ on each value's row, joined by a rounded step
 * (╮│╰ down, ╯│╭ up) in the middle column. A missing rating breaks it. */
static void draw_link(struct layout *L, size_t d, int x1, int v1, int x2, int v2)
{
	struct chart *c = L->c;
	int r1 = value_row(c, v1), r2 = value_row(c, v2), mid = (x1 + x2) / 2;
	for (int x = x1 + 1; x < x2; x++) {
		int r = x < mid ? r1 : r2;
		if (x != mid || r1 == r2) {
			if (is_under(cell(c, r, x)->role))
				put(c, r, x, g_hline, CHART_ROLE_DIM, d);
			continue;
		}
		int lo = r1 < r2 ? r1 : r2, hi = r1 < r2 ? r2 : r1;
		for (int y = lo; y <= hi; y++) {
			struct glyph g = g_vline;
			if (y == r1)
				g = r1 < r2 ? g_down_from : g_up_from;
			else if (y == r2)
				g = r1 < r2 ? g_down_to : g_up_to;
			if (is_under(cell(c, y, x)->role))
				put(c, y, x, g, CHART_ROLE_DIM, d);
		}
	}
}

static void draw_line(struct layout *L)
{
	struct chart *c = L->c;
	size_t d = L->dim_lo;
	for (size_t i = c->first; i + 1 < c->first + c->shown; i++) {
		int v1 = L->course->sessions[i].rating[AL_RATER_CLIENT][d];
		int v2 = L->course->sessions[i + 1].rating[AL_RATER_CLIENT][d];
		if (v1 >= 0 && v1 <= 100 && v2 >= 0 && v2 <= 100)
			draw_link(L, d, chart_session_col(c, i), v1, chart_session_col(c, i + 1),
			          v2);
	}
}

static void draw_sessions(struct layout *L)
{
	struct chart *c = L->c;
	if (L->dim_hi - L->dim_lo == 1)
		draw_line(L);
	for (size_t i = c->first; i < c->first + c->shown; i++) {
		int col = chart_session_col(c, i);
		draw_marks(L, i, col);
		enum chart_flag f = L->flags ? L->flags[i] : CHART_FLAG_NONE;
		if (f > CHART_FLAG_NONE && (size_t)f < FLAG_KINDS) {
			put(c, L->flag_row, col, flag_look[f].g, flag_look[f].role, 0);
			L->flag_seen[f] = true;
		}
	}
	int sel = L->opts->selected;
	if (sel >= 0 && chart_session_col(c, (size_t)sel) >= 0)
		draw_selection(L, chart_session_col(c, (size_t)sel));
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
		if (x >= 0 && x < c->width && cell(c, row, x)->role != CHART_ROLE_BLANK)
			return false;
	put_text(c, row, col, text, CHART_ROLE_LABEL);
	return true;
}

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
	int col = chart_session_col(c, i);
	char text[16];
	format_number(session_number(L->course, i), text);
	if (try_label(c, L->num_row, col, text))
		put(c, L->axis_row, col, g_xtick, CHART_ROLE_AXIS, 0);
	format_day(L->course->sessions[i].date, text);
	try_label(c, L->date_row, col, text);
}

/* X labels, most wanted first: the last and first sessions shown (so the
 * numbers say where a cut course starts), the selected one, then every m-th
 * session number, m the smallest of 1, 2, 5, 10, 20... that leaves room. */
static void draw_x_axis(struct layout *L)
{
	struct chart *c = L->c;
	put(c, L->axis_row, c->axis_col, g_corner, CHART_ROLE_AXIS, 0);
	for (int x = c->axis_col + 1; x < c->width; x++)
		put(c, L->axis_row, x, g_hline, CHART_ROLE_AXIS, 0);
	if (c->shown == 0)
		return;
	if (c->first > 0)
		put(c, L->num_row, 0, g_more, CHART_ROLE_LABEL, 0);

	size_t last = c->first + c->shown - 1;
	int sel = L->opts->selected;
	label_session(L, last); /* the newest date matters most when two collide */
	label_session(L, c->first);
	if (sel >= 0 && chart_session_col(c, (size_t)sel) >= 0)
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

/* "G word" (or "GGG word" for a run of glyphs) after what is already on
 * the legend row, two columns apart; left out when it does not fit. */
static void legend_item(struct chart *c, int *col, const struct glyph *g, size_t ng,
                        enum chart_role role, size_t dim0, const char *word)
{
	int at = *col > 0 ? *col + 2 : 0;
	if (at + (int)ng + 1 + (int)strlen(word) > c->width)
		return;
	for (size_t j = 0; j < ng; j++)
		put(c, 0, at++, g[j], role, dim0 + j);
	*col = put_text(c, 0, at + 1, word, CHART_ROLE_LABEL);
}

static void legend_flag(struct layout *L, int *col, enum chart_flag f)
{
	if (L->flag_seen[f])
		legend_item(L->c, col, &flag_look[f].g, 1, flag_look[f].role, 0, flag_look[f].word);
}

/* One line naming every glyph in use, most needed first: dimensions,
 * clinician marks, the flag marks that appear (✱ after red, repaired and
 * amber), the cutoff unless named on its line. What does not fit is left out. */
static void draw_legend(struct layout *L)
{
	struct chart *c = L->c;
	int col = 0;
	for (size_t d = L->dim_lo; d < L->dim_hi; d++)
		legend_item(c, &col, &L->client[d], 1, CHART_ROLE_DIM, d, L->course->dims[d].key);
	if (L->opts->clinician)
		legend_item(c, &col, &L->clinician[L->dim_lo], L->dim_hi - L->dim_lo,
		            CHART_ROLE_CLINICIAN, L->dim_lo, "clinician");
	legend_flag(L, &col, CHART_FLAG_RED);
	legend_flag(L, &col, CHART_FLAG_REPAIRED);
	legend_flag(L, &col, CHART_FLAG_AMBER);
	if (L->overlap_seen)
		legend_item(c, &col, &g_overlap, 1, CHART_ROLE_OVERLAP, 0, "overlap");
	legend_flag(L, &col, CHART_FLAG_INFO);
	if (L->cutoff_row >= 0 && !L->cutoff_named) {
		char text[16] = "cutoff ";
		format_tenths(L->opts->cutoff, text + 7);
		legend_item(c, &col, &g_cutoff, 1, CHART_ROLE_CUTOFF, 0, text);
	}
}

/* "cutoff 8.0" at the right end of its line when the sessions leave room,
 * which spares the legend an item. */
static void name_cutoff(struct layout *L)
{
	struct chart *c = L->c;
	if (L->cutoff_row < 0)
		return;
	char text[16] = "cutoff ";
	format_tenths(L->opts->cutoff, text + 7);
	int col = c->width - (int)strlen(text);
	int last = c->shown ? chart_session_col(c, c->first + c->shown - 1) : c->axis_col;
	if (col - 1 <= last)
		return;
	put(c, L->cutoff_row, col - 1, (struct glyph){' ', ' '}, CHART_ROLE_BLANK, 0);
	put_text(c, L->cutoff_row, col, text, CHART_ROLE_CUTOFF);
	L->cutoff_named = true;
}

/* Plot rows split 0-10 into a multiple of 5 steps, so that the even values
 * (and the default cutoff 8.0) fall on row boundaries. */
static int plot_rows_for(int height)
{
	int steps = height - ROWS_FIXED - 1;
	return steps - steps % 5 + 1;
}

int chart_fit_height(int height)
{
	if (height < CHART_MIN_HEIGHT)
		return height;
	return plot_rows_for(height) + ROWS_FIXED;
}

enum chart_flag chart_flag_merge(enum chart_flag a, enum chart_flag b)
{
	static const int rank[] = {
	    [CHART_FLAG_NONE] = 0, [CHART_FLAG_INFO] = 1,     [CHART_FLAG_AMBER] = 2,
	    [CHART_FLAG_RED] = 4,  [CHART_FLAG_REPAIRED] = 3,
	};
	if ((size_t)a >= FLAG_KINDS)
		return b;
	if ((size_t)b >= FLAG_KINDS)
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
	    .plot_rows = plot_rows_for(height),
	    .axis_col = TICK_W,
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
	choose_glyphs(&L);
	place_window(&L);
	draw_y_axis(&L);
	draw_sessions(&L);
	draw_x_axis(&L);
	name_cutoff(&L);
	draw_legend(&L);
	return true;
}
