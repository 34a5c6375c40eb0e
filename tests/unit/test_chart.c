/* Unit tests for the trend chart layout (core/chart.c) and its text painter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/chart.h"
#include "alliance/core/chart_marks.h"
#include "alliance/core/parse.h"

#define MAX_SESSIONS 64
#define M AL_MISSING

static const struct al_dim core_dims[] = {
    {"trust", "Trust", true},
    {"collaboration", "Collaboration", true},
    {"empathy", "Empathy", true},
    {"goals", "Agreement on goals", false},
};

/* A course under construction: sessions weekly from 2 March 2026. */
struct fixture {
	struct al_session s[MAX_SESSIONS];
	enum chart_flag flags[MAX_SESSIONS];
	struct al_course course;
	struct chart_opts opts;
	struct chart chart;
	struct chart_cell *cells;
	char text[65536];
};

/* cmocka setup: an empty course with the three core dimensions. */
static int fixture_new(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	f->course = (struct al_course){core_dims, 3, f->s, 0};
	chart_opts_default(&f->opts);
	*state = f;
	return 0;
}

static int fixture_free(void **state)
{
	struct fixture *f = *state;
	free(f->cells);
	free(f);
	return 0;
}

/* Appends a session with client ratings t, c, e (tenths or M). */
static struct al_session *add(struct fixture *f, int t, int c, int e)
{
	assert_true(f->course.n < MAX_SESSIONS);
	struct al_session *s = &f->s[f->course.n];
	memset(s, 0, sizeof *s);
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (int d = 0; d < AL_DIM_MAX; d++)
			s->rating[r][d] = AL_MISSING;
	s->seq = (int)f->course.n + 1;
	s->date = date_from_ymd(2026, 3, 2) + 7 * (int32_t)f->course.n;
	s->rating[AL_RATER_CLIENT][0] = (al_tenths)t;
	s->rating[AL_RATER_CLIENT][1] = (al_tenths)c;
	s->rating[AL_RATER_CLIENT][2] = (al_tenths)e;
	f->course.n++;
	return s;
}

static void layout(struct fixture *f, int width, int height)
{
	free(f->cells);
	f->cells = calloc((size_t)width * (size_t)height, sizeof *f->cells);
	assert_non_null(f->cells);
	assert_true(
	    chart_layout(&f->chart, f->cells, width, height, &f->course, f->flags, &f->opts));
	assert_true(chart_text_cap(&f->chart) <= sizeof f->text);
	size_t len = chart_text(&f->chart, f->text, sizeof f->text);
	assert_int_equal(len, strlen(f->text));
	if (getenv("CHART_SHOW") && strcmp(getenv("CHART_SHOW"), "golden") != 0)
		fputs(f->text, stderr);
}

/* The chart's text must be expected; with CHART_SHOW=golden it is printed
 * between "@@name" and "@@end" lines instead, to review and paste in. */
static void expect_text(const struct fixture *f, const char *name, const char *expected)
{
	const char *show = getenv("CHART_SHOW");
	if (show && strcmp(show, "golden") == 0) {
		fprintf(stderr, "@@%s\n%s@@end\n", name, f->text);
		return;
	}
	assert_string_equal(f->text, expected);
}

static const struct chart_cell *at(const struct fixture *f, int row, int col)
{
	return chart_at(&f->chart, row, col);
}

/* ---- reading a chart back from its glyphs, as a person would ---- */

/* Eighths a cell shows as part of a bar (0 when it is no bar cell): ▁..█
 * (▒ a full clinician cell); in ASCII the ramp "_.:-=+*#" ('|' full,
 * clinician). */
static int cell_eighths(const struct chart *c, const struct chart_cell *x)
{
	if (x->role != CHART_ROLE_DIM && x->role != CHART_ROLE_CLINICIAN)
		return 0;
	if (!c->ascii) {
		if (x->cp >= 0x2581 && x->cp <= 0x2588)
			return (int)(x->cp - 0x2580);
		return x->cp == 0x2592 ? 8 : -100;
	}
	const char *ramp = "_.:-=+*#", *at = x->ascii ? strchr(ramp, x->ascii) : NULL;
	if (at)
		return (int)(at - ramp) + 1;
	return x->ascii == '|' ? 8 : -100;
}

/* The bar of role in column col of strip k, in eighths from the strip's
 * bottom: whole cells under at most one partial cell, nothing of that role
 * above. 0 when there is none, -1 when the cells do not form one bar. */
static int read_bar(const struct chart *c, int k, int col, enum chart_role role)
{
	int bottom = c->strip_top[k] + c->strip_rows - 1, h = 0;
	bool ended = false;
	for (int r = 0; r < c->strip_rows; r++) {
		const struct chart_cell *x = chart_at(c, bottom - r, col);
		if (x->role != role) {
			ended = true;
			continue;
		}
		int e = cell_eighths(c, x);
		if (ended || e <= 0 || x->dim != c->strip_dim[k])
			return -1;
		h += e;
		ended = e < 8;
	}
	return h;
}

/* Where a bar of h eighths puts its value, in tenths. */
static double bar_value(const struct chart *c, int h)
{
	return c->floor + (h - 1) * (100.0 - c->floor) / (8 * c->strip_rows - 2);
}

/* The strip of dimension d, or -1. */
static int strip_of(const struct chart *c, size_t d)
{
	for (int k = 0; k < c->nstrips; k++)
		if (c->strip_dim[k] == d)
			return k;
	return -1;
}

/* The cutoff line's height band in strip k, in eighths from its bottom,
 * read from its glyph: ⎽ ⎼ ─ ⎻ ⎺ each take a fifth of a row; ASCII ',' '~'
 * '`' a third, '`' up to a third into the row above. */
static void read_cutoff(const struct chart *c, int k, double *lo, double *hi)
{
	static const uint32_t utf8[] = {0x23BD, 0x23BC, 0x2500, 0x23BB, 0x23BA};
	static const char ascii[] = ",~`";
	*lo = *hi = -1;
	for (int r = 0; r < c->strip_rows; r++) {
		const struct chart_cell *x = chart_at(c, c->strip_top[k] + r, c->axis_col + 1);
		if (x->role != CHART_ROLE_CUTOFF)
			continue;
		int at = -1, parts = c->ascii ? 3 : 5;
		for (int p = 0; p < parts; p++)
			if (c->ascii ? x->ascii == ascii[p] : x->cp == utf8[p])
				at = p;
		assert_true(at >= 0);
		int row = c->strip_rows - 1 - r;
		*lo = 8.0 * row + 8.0 * at / parts;
		*hi = 8.0 * row + 8.0 * (at + 1) / parts + (c->ascii && at == 2 ? 8.0 / 3 : 0);
		return;
	}
}

/* The text of row r from column 0, for comparing names and ticks. */
static const char *row_text(const struct fixture *f, int r)
{
	static char row[1024];
	chart_text_row(&f->chart, r, row, sizeof row);
	return row;
}

/* Every rated value of the dimensions shown stands as one bar in its
 * dimension's strip, within 0.5 point of its value when the strips have
 * two rows or more; an unrated one leaves its column free of bars; the
 * cutoff line never takes a cell of a bar column in ASCII. Returns the
 * largest error in tenths. */
static double check_bars(const struct fixture *f)
{
	const struct chart *c = &f->chart;
	double worst = 0;
	size_t lo = f->opts.dim == CHART_ALL_DIMS ? 0 : (size_t)f->opts.dim;
	size_t hi = f->opts.dim == CHART_ALL_DIMS ? f->course.ndims : lo + 1;
	for (size_t i = c->first; i < c->first + c->shown; i++) {
		int col = chart_session_col(c, i);
		for (size_t d = lo; d < hi; d++) {
			int k = strip_of(c, d);
			if (k < 0)
				continue;
			for (int rater = 0; rater < (f->opts.clinician ? 2 : 1); rater++) {
				int v = f->s[i].rating[rater][d];
				enum chart_role role =
				    rater ? CHART_ROLE_CLINICIAN : CHART_ROLE_DIM;
				int h = read_bar(c, k, col + rater, role);
				assert_true(h >= 0);
				if (v < 0 || v > 100) {
					assert_int_equal(h, 0);
					continue;
				}
				assert_true(h >= 1);
				assert_int_equal(h, chart_bar_eighths(c, v));
				double err = fabs(bar_value(c, h) - v);
				worst = err > worst ? err : worst;
			}
		}
	}
	return worst;
}

/* The same small course in both goldens: a drop repaired, an unrated
 * session, a full 10.0. */
static struct fixture *small_course(void **state)
{
	struct fixture *f = *state;
	add(f, 90, 85, 95);
	add(f, 90, 90, 90);
	add(f, 60, 80, 85);
	add(f, M, M, M);
	add(f, 95, 90, 100);
	f->flags[2] = CHART_FLAG_REPAIRED;
	f->flags[3] = CHART_FLAG_INFO;
	return f;
}

static void test_golden_ascii(void **state)
{
	struct fixture *f = small_course(state);
	f->opts.ascii = true;
	layout(f, 64, 16);
	expect_text(f, "GOLDEN_ASCII",
	            "+ repaired  ? unrated\n"
	            "                           +     ?\n"
	            "trust      10| .     .                 -\n"
	            "            8+~#~~~~~#~~~~~ ~~~~~ ~~~~~#~~~~~~~~~~~~~ cutoff 8.0\n"
	            "            6| #     #     _           #\n"
	            "\n"
	            "collabora. 10|       .                 .\n"
	            "            8+~*~~~~~#~~~~~-~~~~~ ~~~~~#~~~~~~~~~~~~~~~~~~~~~~~~\n"
	            "            6| #     #     #           #\n"
	            "\n"
	            "empathy    10| -     .                 *\n"
	            "            8+~#~~~~~#~~~~~*~~~~~ ~~~~~#~~~~~~~~~~~~~~~~~~~~~~~~\n"
	            "            6| #     #     #           #\n"
	            "             +-+-----+-----+-----+-----+------------------------\n"
	            "               1     2     3     4     5\n"
	            "               2 Mar       16 Mar      30 Mar\n");
}

static void test_golden_utf8(void **state)
{
	struct fixture *f = small_course(state);
	layout(f, 64, 16);
	expect_text(f, "GOLDEN_UTF8",
	            "✓ repaired  ? unrated\n"
	            "                           ✓     ?\n"
	            "trust      10│ ▂     ▂                 ▄\n"
	            "            8┤─█─────█─────────────────█───────────── cutoff 8.0\n"
	            "            6│ █     █     ▁           █\n"
	            "\n"
	            "collabora… 10│       ▂                 ▂\n"
	            "            8┤─▇─────█─────▄───────────█────────────────────────\n"
	            "            6│ █     █     █           █\n"
	            "\n"
	            "empathy    10│ ▄     ▂                 ▇\n"
	            "            8┤─█─────█─────▇───────────█────────────────────────\n"
	            "            6│ █     █     █           █\n"
	            "             └─┬─────┬─────┬─────┬─────┬────────────────────────\n"
	            "               1     2     3     4     5\n"
	            "               2 Mar       16 Mar      30 Mar\n");
	/* the cells carry both glyphs and what they mean */
	const struct chart *c = &f->chart;
	int col = chart_session_col(c, 0), bottom = c->strip_top[0] + c->strip_rows - 1;
	const struct chart_cell *x = at(f, bottom, col);
	assert_int_equal(x->cp, 0x2588);
	assert_int_equal(x->ascii, '#');
	assert_int_equal(x->role, CHART_ROLE_DIM);
	assert_int_equal(x->dim, 0);
	assert_int_equal(at(f, c->strip_top[2], chart_session_col(c, 4))->dim, 2);
}

/* The issue's case: at the client screen's 80x24 the chart is 78x11. A calm
 * client at 9.4 stands clear above the cutoff line, 7.9 under it, and the
 * three dimensions have a strip each, named on the left. */
static void test_readable_80x24(void **state)
{
	struct fixture *f = *state;
	add(f, 94, 82, 96);
	add(f, 88, 91, 90);
	add(f, 79, 80, 85);
	for (int ascii = 0; ascii < 2; ascii++) {
		f->opts.ascii = ascii;
		layout(f, 78, chart_fit_height(11));
		const struct chart *c = &f->chart;
		assert_int_equal(c->height, 11);
		assert_int_equal(c->nstrips, 3);
		assert_int_equal(c->strip_rows, 2);
		assert_true(check_bars(f) <= 5.0);
		static const char *const names[] = {"trust ", "collaboration ", "empathy "};
		for (int k = 0; k < 3; k++) {
			assert_int_equal(c->strip_dim[k], (size_t)k);
			assert_memory_equal(row_text(f, c->strip_top[k]), names[k],
			                    strlen(names[k]));
		}
		double lo, hi;
		read_cutoff(c, 0, &lo, &hi);
		assert_true(lo >= 0);
		int col = chart_session_col(c, 0);
		assert_true(read_bar(c, 0, col, CHART_ROLE_DIM) > hi); /* 9.4 */
		assert_true(read_bar(c, 0, col, CHART_ROLE_DIM) >= 8 + 4);
		/* 7.9 does not stand above it */
		assert_true(read_bar(c, 0, chart_session_col(c, 2), CHART_ROLE_DIM) <= hi);
	}
}

static int lcg(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (int)((*seed >> 16) % 1000);
}

/* Many random courses at 78x11 (the client screen at 80x24), in UTF-8 and
 * ASCII, with and without the clinician's bars and a selection: every value
 * within 0.5 point, each in its own dimension's strip, none under the
 * cutoff line or another mark. */
static void test_random_80x24(void **state)
{
	struct fixture *f = *state;
	uint32_t seed = 2024;
	double worst = 0;
	for (int round = 0; round < 400; round++) {
		f->course.n = 0;
		int n = 1 + lcg(&seed) % 40, base = 20 + lcg(&seed) % 80;
		for (int i = 0; i < n; i++) {
			int v[3];
			for (int d = 0; d < 3; d++) {
				v[d] = base + lcg(&seed) % 41 - 20;
				v[d] = v[d] < 0 ? 0 : v[d] > 100 ? 100 : v[d];
				if (lcg(&seed) % 25 == 0)
					v[d] = M;
			}
			struct al_session *s = add(f, v[0], v[1], v[2]);
			s->rating[AL_RATER_CLINICIAN][lcg(&seed) % 3] =
			    (al_tenths)(lcg(&seed) % 101);
			f->flags[i] = (enum chart_flag)(lcg(&seed) % 5);
		}
		f->opts.ascii = round % 2;
		f->opts.clinician = round % 3 == 0;
		f->opts.selected = lcg(&seed) % (n + 1) - 1;
		f->opts.cutoff = round % 5 ? 80 : 50 + lcg(&seed) % 46;
		layout(f, 78, 11);
		double err = check_bars(f);
		assert_true(err <= 5.0);
		worst = err > worst ? err : worst;
	}
	assert_true(worst > 1.0); /* the check reads real errors, not zeros */
}

/* Below 8.0 under the line, on and above it over it; the line sits in no
 * bar's cell, and another cutoff moves it and renames it. */
static void test_cutoff_line(void **state)
{
	struct fixture *f = *state;
	f->course.ndims = 1;
	add(f, 80, M, M);
	add(f, 79, M, M);
	add(f, 100, M, M);
	layout(f, 40, 16);
	const struct chart *c = &f->chart;
	assert_int_equal(c->nstrips, 1);
	assert_int_equal(c->strip_rows, 11);
	assert_int_equal(c->floor, 60);
	double lo, hi;
	read_cutoff(c, 0, &lo, &hi);
	int h80 = read_bar(c, 0, chart_session_col(c, 0), CHART_ROLE_DIM);
	int h79 = read_bar(c, 0, chart_session_col(c, 1), CHART_ROLE_DIM);
	assert_true(h79 < h80);
	assert_true(h79 <= hi && h80 >= lo);
	assert_int_equal(read_bar(c, 0, chart_session_col(c, 2), CHART_ROLE_DIM), 8 * 11 - 1);
	assert_string_equal(row_text(f, 2), "trust 10│             ▇");
	assert_true(strstr(f->text, "cutoff 8.0") != NULL);

	f->opts.cutoff = 55;
	layout(f, 40, 16);
	assert_int_equal(c->floor, 20);
	assert_true(strstr(f->text, "cutoff 5.5") != NULL);

	f->opts.cutoff = CHART_NO_CUTOFF;
	layout(f, 40, 16);
	for (size_t k = 0; k < 40 * 16; k++)
		assert_int_not_equal(f->cells[k].role, CHART_ROLE_CUTOFF);
	assert_null(strstr(f->text, "cutoff"));
}

/* The floor: 6.0 for a calm course, lower to hold the lowest value, 0.0
 * for a 0.0, which still shows as one eighth (rated, not missing). */
static void test_floor(void **state)
{
	struct fixture *f = *state;
	add(f, 95, 90, 88);
	layout(f, 60, 11);
	assert_int_equal(f->chart.floor, 60);
	add(f, 45, 90, 88);
	layout(f, 60, 11);
	assert_int_equal(f->chart.floor, 40);
	add(f, 0, 100, 88);
	layout(f, 60, 11);
	const struct chart *c = &f->chart;
	assert_int_equal(c->floor, 0);
	assert_int_equal(read_bar(c, 0, chart_session_col(c, 2), CHART_ROLE_DIM), 1);
	assert_int_equal(read_bar(c, 1, chart_session_col(c, 2), CHART_ROLE_DIM), 15);
	assert_true(check_bars(f) <= 5.0);
	assert_memory_equal(row_text(f, c->strip_top[0] + 1), "            0│", 16);
}

/* Taller charts: more rows per strip, a blank row between strips, every
 * height used by chart_fit_height; the ticks 10, the cutoff and the floor. */
static void test_heights(void **state)
{
	struct fixture *f = *state;
	add(f, 100, 0, 50);
	static const int fits[] = {11, 14, 16, 19, 22, 25};
	for (size_t k = 0; k < sizeof fits / sizeof fits[0]; k++)
		assert_int_equal(chart_fit_height(fits[k]), fits[k]);
	assert_int_equal(chart_fit_height(13), 11);
	assert_int_equal(chart_fit_height(15), 14);
	assert_int_equal(chart_fit_height(10), 10);
	for (int h = CHART_MIN_HEIGHT; h <= 40; h++) {
		layout(f, 30, h);
		const struct chart *c = &f->chart;
		int used =
		    3 * c->strip_rows + (c->strip_top[1] - c->strip_top[0] - c->strip_rows) * 2;
		assert_true(c->strip_rows >= 2);
		assert_true(check_bars(f) <= 5.0);
		if (chart_fit_height(h) == h)
			assert_int_equal(used, c->plot_rows);
		assert_int_equal(c->strip_top[2] + c->strip_rows, h - 3);
	}
}

/* A missing rating leaves its column empty in that strip only. */
static void test_missing_leaves_gap(void **state)
{
	struct fixture *f = *state;
	add(f, 90, 90, 90);
	add(f, M, 70, 70);
	add(f, 90, 90, 90);
	for (int ascii = 0; ascii < 2; ascii++) {
		f->opts.ascii = ascii;
		layout(f, 40, 16);
		const struct chart *c = &f->chart;
		int col = chart_session_col(c, 1);
		assert_int_equal(read_bar(c, 0, col, CHART_ROLE_DIM), 0);
		assert_true(read_bar(c, 1, col, CHART_ROLE_DIM) > 0);
		check_bars(f);
	}
}

/* 50 sessions on 40 columns: the newest ones (two columns each, room for
 * the last date), "<" and the first shown number say where the view starts. */
static void test_newest_when_too_many(void **state)
{
	struct fixture *f = *state;
	for (int i = 0; i < 50; i++)
		add(f, 90 - i % 3 * 10, 85, 80);
	f->opts.ascii = true;
	layout(f, 40, 16);
	const struct chart *c = &f->chart;
	assert_int_equal(c->axis_col, 9);
	assert_int_equal(c->first, 38);
	assert_int_equal(c->shown, 12);
	assert_int_equal(c->step, 2);
	assert_int_equal(chart_session_col(c, 37), -1);
	assert_int_equal(chart_session_col(c, 38), 11);
	assert_int_equal(chart_session_col(c, 49), 33);
	assert_int_equal(chart_session_col(c, 50), -1);
	assert_string_equal(row_text(f, c->plot_top + c->plot_rows + 1),
	                    "<          39          45        50");
	check_bars(f);

	/* selecting an older session brings it into view */
	f->opts.selected = 5;
	layout(f, 40, 16);
	assert_int_equal(c->first, 5);
	assert_int_equal(c->shown, 12);
	assert_string_equal(row_text(f, c->plot_top + c->plot_rows + 1),
	                    "<          6       10        15  17");
}

/* One dimension: one tall strip, its name alone. */
static void test_one_dimension(void **state)
{
	struct fixture *f = *state;
	f->course.ndims = 4;
	add(f, 90, 90, 90)->rating[AL_RATER_CLIENT][3] = 90;
	add(f, 90, 80, 60)->rating[AL_RATER_CLIENT][3] = 40;
	add(f, 90, 90, 90)->rating[AL_RATER_CLIENT][3] = 70;
	f->opts.dim = 3;
	layout(f, 40, 16);
	expect_text(f, "GOLDEN_ONE",
	            "\n"
	            "\n"
	            "goals 10│\n"
	            "        │ ▁\n"
	            "        │ █\n"
	            "       8┤⎼█⎼⎼⎼⎼⎼⎼⎼⎼⎼⎼⎼⎼⎼⎼⎼⎼⎼⎼ cutoff 8.0\n"
	            "        │ █\n"
	            "        │ █           ▄\n"
	            "        │ █           █\n"
	            "        │ █           █\n"
	            "        │ █           █\n"
	            "        │ █           █\n"
	            "       4│ █     ▁     █\n"
	            "        └─┬─────┬─────┬─────────────────\n"
	            "          1     2     3\n"
	            "          2 Mar       16 Mar\n");
	for (size_t k = 0; k < 40 * 16; k++)
		if (f->cells[k].role == CHART_ROLE_DIM)
			assert_int_equal(f->cells[k].dim, 3);
	assert_true(check_bars(f) <= 1.0);
	f->opts.ascii = true;
	layout(f, 40, 16);
	expect_text(f, "GOLDEN_ONE_ASCII",
	            "\n"
	            "\n"
	            "goals 10|\n"
	            "        | _\n"
	            "        | #\n"
	            "        | #\n"
	            "       8+`#````` ````` `````` cutoff 8.0\n"
	            "        | #           -\n"
	            "        | #           #\n"
	            "        | #           #\n"
	            "        | #           #\n"
	            "        | #           #\n"
	            "       4| #     _     #\n"
	            "        +-+-----+-----+-----------------\n"
	            "          1     2     3\n"
	            "          2 Mar       16 Mar\n");
	f->opts.dim = 4;
	assert_false(chart_layout(&f->chart, f->cells, 40, 16, &f->course, f->flags, &f->opts));
}

/* Clinician ratings: a second bar right of the client's, ▒ (ASCII '|')
 * where full, named in the legend; the step leaves a blank column after. */
static void test_clinician_overlay(void **state)
{
	struct fixture *f = *state;
	struct al_session *s = add(f, 60, 90, 90);
	s->rating[AL_RATER_CLINICIAN][0] = 90;
	s->rating[AL_RATER_CLINICIAN][2] = 30;
	add(f, 70, 90, 90);
	layout(f, 50, 16);
	const struct chart *c = &f->chart;
	int col = chart_session_col(c, 0);
	assert_int_equal(read_bar(c, 0, col + 1, CHART_ROLE_CLINICIAN), 0); /* off by default */
	f->opts.clinician = true;
	for (int ascii = 0; ascii < 2; ascii++) {
		f->opts.ascii = ascii;
		layout(f, 50, 16);
		assert_true(c->step >= 3);
		assert_int_equal(c->floor, 20); /* the clinician's 3.0 is shown too */
		assert_true(check_bars(f) <= 5.0);
		assert_true(read_bar(c, 0, col + 1, CHART_ROLE_CLINICIAN) >
		            read_bar(c, 0, col, CHART_ROLE_DIM));
		assert_int_equal(read_bar(c, 1, col + 1, CHART_ROLE_CLINICIAN), 0);
		assert_int_equal(at(f, c->strip_top[0] + c->strip_rows - 1, col + 1)->cp,
		                 ascii ? '|' : 0x2592);
	}
	assert_string_equal(row_text(f, 0), "| clinician (right bar)");
}

/* Flag marks above their session, each with its glyph, role and legend word. */
static void test_flags_and_repair(void **state)
{
	struct fixture *f = *state;
	f->course.ndims = 1;
	for (int i = 0; i < 5; i++)
		add(f, 90, M, M);
	f->flags[1] = CHART_FLAG_RED;
	f->flags[2] = CHART_FLAG_AMBER;
	f->flags[3] = CHART_FLAG_REPAIRED;
	f->flags[4] = CHART_FLAG_INFO;
	f->opts.cutoff = CHART_NO_CUTOFF;
	layout(f, 60, 16);
	assert_string_equal(row_text(f, 0), "! rupture  ✓ repaired  ^ watch  ? unrated");
	assert_string_equal(row_text(f, 1), "                !     ^     ✓     ?");
	static const enum chart_role roles[] = {CHART_ROLE_BLANK, CHART_ROLE_FLAG_RED,
	                                        CHART_ROLE_FLAG_AMBER, CHART_ROLE_REPAIRED,
	                                        CHART_ROLE_FLAG_INFO};
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(at(f, 1, chart_session_col(&f->chart, i))->role, roles[i]);
	f->opts.ascii = true;
	layout(f, 60, 16);
	assert_string_equal(row_text(f, 0), "! rupture  + repaired  ^ watch  ? unrated");
	assert_string_equal(row_text(f, 1), "                !     ^     +     ?");
	/* without flags: no flag row marks, no flag words */
	assert_true(chart_layout(&f->chart, f->cells, 60, 16, &f->course, NULL, &f->opts));
	assert_string_equal(row_text(f, 0), "");
	assert_string_equal(row_text(f, 1), "");
}

/* Episodes and absences (synthetic until the data exists): a line from the
 * opening to the repair on the flag row, the opening's flag over it, the
 * end's mark (over a flag there), an open episode running to the last
 * session shown, a
 * session not attended as ○ over an empty column; spans out of range or
 * out of view are left out. */
static void test_spans(void **state)
{
	struct fixture *f = *state;
	for (int i = 0; i < 12; i++)
		add(f, 90, 90, 90);
	for (int d = 0; d < 3; d++)
		f->s[6].rating[AL_RATER_CLIENT][d] = M;
	f->flags[1] = CHART_FLAG_RED;
	f->flags[8] = CHART_FLAG_RED;
	f->flags[6] = CHART_FLAG_INFO;
	f->flags[4] = CHART_FLAG_AMBER;
	const struct chart_span spans[] = {
	    {1, 4, CHART_SPAN_REPAIRED}, {8, 11, CHART_SPAN_OPEN},
	    {6, 6, CHART_SPAN_ABSENT},   {9, 99, CHART_SPAN_UNREPAIRED},
	    {5, 2, CHART_SPAN_OPEN},     {2, 3, (enum chart_span_kind)9},
	};
	f->opts.spans = spans;
	f->opts.nspans = 5;
	layout(f, 80, 16);
	assert_string_equal(row_text(f, 0),
	                    "! rupture  ─ episode  ✓ repaired  ^ watch  ○ not attended");
	assert_string_equal(row_text(f, 1),
	                    "                      !───────────✓       ○       !────────────");
	const struct chart *c = &f->chart;
	assert_int_equal(at(f, 1, chart_session_col(c, 6))->role, CHART_ROLE_ABSENT);
	assert_int_equal(at(f, 1, chart_session_col(c, 2))->role, CHART_ROLE_REPAIRED);
	assert_int_equal(at(f, 1, chart_session_col(c, 9))->role, CHART_ROLE_FLAG_RED);
	check_bars(f);
	f->opts.nspans = 6;
	f->opts.ascii = true;
	layout(f, 80, 16);
	assert_string_equal(row_text(f, 1),
	                    "                      !-----------+       o       !------------");
	/* spans after the view are left out; one that ends past it has no end mark */
	f->opts.selected = 0;
	layout(f, 30, 16);
	assert_string_equal(row_text(f, 1), "            !-----+   o");
	layout(f, 24, 16);
	assert_string_equal(row_text(f, 1), "            !----");
}

/* The selected session: its column highlighted (attribute), dotted where
 * empty in UTF-8 so it shows without colour, and its number labelled. */
static void test_selected_session(void **state)
{
	struct fixture *f = *state;
	for (int i = 0; i < 30; i++)
		add(f, 90, 90, 90);
	f->s[12].rating[AL_RATER_CLIENT][0] = 65;
	f->flags[12] = CHART_FLAG_RED;
	f->opts.selected = 12;
	f->opts.cutoff = CHART_NO_CUTOFF;
	layout(f, 80, 16);
	const struct chart *c = &f->chart;
	int col = chart_session_col(c, 12);
	assert_int_equal(col, 38);
	for (int r = 1; r <= c->plot_top + c->plot_rows; r++)
		assert_true(at(f, r, col)->attr & CHART_ATTR_SELECTED);
	assert_false(at(f, 0, col)->attr & CHART_ATTR_SELECTED);
	assert_false(at(f, c->strip_top[0], col + 2)->attr & CHART_ATTR_SELECTED);
	assert_int_equal(at(f, c->strip_top[0], col)->role, CHART_ROLE_SELECTED);
	assert_int_equal(at(f, c->strip_top[0], col)->cp, 0x250A);
	assert_int_equal(at(f, 1, col)->ascii, '!');
	check_bars(f);
	assert_string_equal(
	    row_text(f, c->plot_top + c->plot_rows + 1),
	    "…                 3   5         10    13  15        20        25        30");
	f->opts.ascii = true;
	layout(f, 80, 16);
	assert_int_equal(at(f, c->strip_top[0], col)->ascii, ' ');
	assert_int_equal(at(f, c->strip_top[0], col)->role, CHART_ROLE_SELECTED);
}

/* Sizes out of range are refused; text output is cut like snprintf. */
static void test_bounds_and_truncation(void **state)
{
	struct fixture *f = small_course(state);
	struct chart_cell cells[CHART_MIN_WIDTH * CHART_MIN_HEIGHT];
	struct chart c;
	assert_false(chart_layout(&c, cells, CHART_MIN_WIDTH - 1, CHART_MIN_HEIGHT, &f->course,
	                          NULL, &f->opts));
	assert_false(chart_layout(&c, cells, CHART_MIN_WIDTH, CHART_MIN_HEIGHT - 1, &f->course,
	                          NULL, &f->opts));
	assert_true(
	    chart_layout(&c, cells, CHART_MIN_WIDTH, CHART_MIN_HEIGHT, &f->course, NULL, &f->opts));
	char full[2048], small[10];
	size_t need = chart_text(&c, full, sizeof full);
	assert_int_equal(need, strlen(full));
	assert_int_equal(chart_text(&c, small, sizeof small), need);
	assert_int_equal(strlen(small), 9);
	assert_memory_equal(small, full, 9);
	assert_int_equal(chart_text(&c, NULL, 0), need);

	/* an empty course still draws its strips and axes */
	struct al_course empty = {core_dims, 3, NULL, 0};
	assert_true(
	    chart_layout(&c, cells, CHART_MIN_WIDTH, CHART_MIN_HEIGHT, &empty, NULL, &f->opts));
	assert_int_equal(c.shown, 0);
	assert_int_equal(c.nstrips, 3);
	char row[256];
	chart_text_row(&c, CHART_MIN_HEIGHT - 3, row, sizeof row);
	assert_string_equal(row, "        └───────────────");
}

static void test_flag_merge(void **state)
{
	(void)state;
	assert_int_equal(chart_flag_merge(CHART_FLAG_NONE, CHART_FLAG_INFO), CHART_FLAG_INFO);
	assert_int_equal(chart_flag_merge(CHART_FLAG_AMBER, CHART_FLAG_INFO), CHART_FLAG_AMBER);
	/* a repaired drop usually comes with an amber `low`: the repair shows */
	assert_int_equal(chart_flag_merge(CHART_FLAG_AMBER, CHART_FLAG_REPAIRED),
	                 CHART_FLAG_REPAIRED);
	assert_int_equal(chart_flag_merge(CHART_FLAG_REPAIRED, CHART_FLAG_RED), CHART_FLAG_RED);
	assert_int_equal(chart_flag_merge(CHART_FLAG_RED, CHART_FLAG_REPAIRED), CHART_FLAG_RED);
	assert_int_equal(chart_flag_merge(CHART_FLAG_RED, CHART_FLAG_NONE), CHART_FLAG_RED);
}

static void test_utf8_encode(void **state)
{
	(void)state;
	char b[CHART_UTF8_MAX];
	assert_int_equal(chart_utf8_encode('A', b), 1);
	assert_memory_equal(b, "A", 1);
	assert_int_equal(chart_utf8_encode(0xB7, b), 2);
	assert_memory_equal(b, "\xC2\xB7", 2);
	assert_int_equal(chart_utf8_encode(0x25CF, b), 3);
	assert_memory_equal(b, "\xE2\x97\x8F", 3);
	assert_int_equal(chart_utf8_encode(0x1F600, b), 4);
	assert_memory_equal(b, "\xF0\x9F\x98\x80", 4);
	assert_int_equal(chart_utf8_encode(0xD800, b), 1);
	assert_memory_equal(b, "?", 1);
}

/* Many sizes and random courses (a fixed LCG): every rated value stands as
 * its bar in its strip, the text fits chart_text_cap. */
static void test_random_sizes(void **state)
{
	struct fixture *f = *state;
	uint32_t seed = 12345;
#define NEXT() lcg(&seed)
	for (int round = 0; round < 300; round++) {
		f->course.n = 0;
		f->course.ndims = (size_t)(1 + NEXT() % 4);
		int n = NEXT() % 60;
		for (int i = 0; i < n; i++) {
			struct al_session *s =
			    add(f, NEXT() % 130 - 15, NEXT() % 101, NEXT() % 101);
			s->rating[AL_RATER_CLIENT][3] = (al_tenths)(NEXT() % 101);
			s->rating[AL_RATER_CLINICIAN][NEXT() % 4] = (al_tenths)(NEXT() % 101);
			f->flags[i] = (enum chart_flag)(NEXT() % 6);
		}
		f->opts.dim = NEXT() % 3 == 0 ? NEXT() % (int)f->course.ndims : CHART_ALL_DIMS;
		f->opts.clinician = NEXT() % 2;
		f->opts.selected = NEXT() % (n + 3) - 1;
		f->opts.ascii = NEXT() % 2;
		f->opts.cutoff = NEXT() % 120 - 10;
		int w = CHART_MIN_WIDTH + NEXT() % 120, h = CHART_MIN_HEIGHT + NEXT() % 30;
		layout(f, w, h);
		const struct chart *c = &f->chart;
		assert_true(c->shown <= (size_t)n);
		assert_true(c->first + c->shown == (size_t)n || f->opts.selected >= 0);
		for (size_t i = c->first; i < c->first + c->shown; i++) {
			int col = chart_session_col(c, i);
			assert_true(col > c->axis_col && col < w);
		}
		double err = check_bars(f);
		if (c->strip_rows >= 2)
			assert_true(err <= 5.0);
	}
#undef NEXT
}

/* A realistic course, as `alliance chart CODE` prints it at 80 columns:
 * 30 weekly sessions, an early amber start, an unrated session (12), a
 * withdrawal rupture at 17 repaired by 19, a brief collaboration dip at 27. */
static void realistic_course(struct fixture *f)
{
	static const short ratings[30][3] = {
	    {78, 75, 88}, {82, 80, 90}, {86, 84, 91}, {89, 88, 92}, {90, 89, 93}, {91, 90, 93},
	    {90, 88, 94}, {92, 90, 94}, {93, 91, 95}, {92, 92, 94}, {94, 92, 95}, {M, M, M},
	    {93, 92, 95}, {94, 93, 96}, {92, 91, 95}, {93, 92, 95}, {58, 64, 76}, {74, 78, 84},
	    {89, 88, 92}, {91, 90, 94}, {93, 91, 95}, {94, 93, 96}, {93, 92, 95}, {95, 94, 97},
	    {94, 92, 96}, {95, 94, 97}, {88, 76, 90}, {93, 91, 95}, {95, 93, 96}, {96, 95, 97},
	};
	for (int i = 0; i < 30; i++)
		add(f, ratings[i][0], ratings[i][1], ratings[i][2])->date += i >= 15 ? 14 : 0;
	f->s[16].rupture = AL_RUPTURE_WITHDRAWAL;
	f->flags[0] = CHART_FLAG_AMBER;
	f->flags[11] = CHART_FLAG_INFO;
	f->flags[16] = CHART_FLAG_REPAIRED;
	f->flags[17] = CHART_FLAG_AMBER;
	f->flags[26] = CHART_FLAG_AMBER;
}

static void test_realistic_80x16(void **state)
{
	struct fixture *f = *state;
	realistic_course(f);
	layout(f, 80, 16);
	expect_text(
	    f, "GOLDEN_REAL",
	    "✓ repaired  ^ watch  ? unrated  ⎺ cutoff 8.0\n"
	    "                                    ?         ✓ ^                 ^\n"
	    "trust         10│ ▂ ▃ ▃ ▄ ▃ ▄ ▄ ▄ ▅   ▄ ▅ ▄ ▄     ▃ ▄ ▄ ▅ ▄ ▅ ▅ ▅ ▃ ▄ ▅ ▆\n"
	    "               8┤⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺⎺⎺█⎺█⎺█⎺█⎺⎺⎺▅⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺⎺⎺⎺⎺⎺⎺\n"
	    "               4│ █ █ █ █ █ █ █ █ █   █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ █\n"
	    "\n"
	    "collaboration 10│ ▁ ▃ ▃ ▃ ▃ ▃ ▄ ▄ ▄   ▄ ▄ ▄ ▄     ▃ ▃ ▄ ▄ ▄ ▅ ▄ ▅   ▄ ▄ ▅\n"
	    "               8┤⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺⎺⎺█⎺█⎺█⎺█⎺▂⎺▇⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺▆⎺█⎺█⎺█⎺⎺⎺⎺⎺⎺⎺\n"
	    "               4│ █ █ █ █ █ █ █ █ █   █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ █\n"
	    "\n"
	    "empathy       10│ ▄ ▄ ▄ ▄ ▅ ▅ ▅ ▅ ▅   ▅ ▆ ▅ ▅   ▁ ▄ ▅ ▅ ▆ ▅ ▆ ▆ ▆ ▃ ▅ ▆ ▆\n"
	    "               8┤⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺⎺⎺█⎺█⎺█⎺█⎺▆⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺█⎺⎺⎺⎺⎺⎺⎺\n"
	    "               4│ █ █ █ █ █ █ █ █ █   █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ █\n"
	    "                └─┬───┬─────────┬─────────┬─────────┬─────────┬─────────┬───────\n"
	    "…                 3   5         10        15        20        25        30\n"
	    "                  16 Mar        4 May     8 Jun     27 Jul    31 Aug    5 Oct\n");
	f->opts.ascii = true;
	layout(f, 80, 16);
	expect_text(
	    f, "GOLDEN_REAL_ASCII",
	    "+ repaired  ^ watch  ? unrated  ` cutoff 8.0\n"
	    "                                    ?         + ^                 ^\n"
	    "trust         10| . : : - : - - - =   - = - -     : - - = - = = = : - = +\n"
	    "               8+`#`#`#`#`#`#`#`#`#` `#`#`#`#` `=`#`#`#`#`#`#`#`#`#`#`#`#```````\n"
	    "               4| # # # # # # # # #   # # # # # # # # # # # # # # # # # #\n"
	    "\n"
	    "collaboration 10| _ : : : : : - - -   - - - -     : : - - - = - =   - - =\n"
	    "               8+`#`#`#`#`#`#`#`#`#` `#`#`#`#`.`*`#`#`#`#`#`#`#`#`+`#`#`#```````\n"
	    "               4| # # # # # # # # #   # # # # # # # # # # # # # # # # # #\n"
	    "\n"
	    "empathy       10| - - - - = = = = =   = + = =   _ - = = + = + + + : = + +\n"
	    "               8+`#`#`#`#`#`#`#`#`#` `#`#`#`#`+`#`#`#`#`#`#`#`#`#`#`#`#`#```````\n"
	    "               4| # # # # # # # # #   # # # # # # # # # # # # # # # # # #\n"
	    "                +-+---+---------+---------+---------+---------+---------+-------\n"
	    "<                 3   5         10        15        20        25        30\n"
	    "                  16 Mar        4 May     8 Jun     27 Jul    31 Aug    5 Oct\n");
}

/* The same course on the client screen at 80x24 (78x11). */
static void test_realistic_80x24(void **state)
{
	struct fixture *f = *state;
	realistic_course(f);
	f->opts.selected = 16;
	layout(f, 78, 11);
	expect_text(
	    f, "GOLDEN_REAL_UI",
	    "✓ repaired  ^ watch  ? unrated  ⎼ cutoff 8.0\n"
	    "                                  ?         ✓ ^                 ^\n"
	    "trust         10│⎼▄⎼▅⎼▅⎼▅⎼▅⎼▅⎼▅⎼▆⎼⎼⎼▅⎼▆⎼▅⎼▅⎼⎼⎼▁⎼▄⎼▅⎼▅⎼▆⎼▅⎼▆⎼▆⎼▆⎼▄⎼▅⎼▆⎼▆⎼⎼⎼⎼⎼⎼⎼\n"
	    "               4│ █ █ █ █ █ █ █ █   █ █ █ █ ▅ █ █ █ █ █ █ █ █ █ █ █ █ █\n"
	    "collaboration 10│⎼▄⎼▄⎼▅⎼▄⎼▅⎼▅⎼▅⎼▅⎼⎼⎼▅⎼▅⎼▅⎼▅⎼⎼⎼▂⎼▄⎼▅⎼▅⎼▅⎼▅⎼▆⎼▅⎼▆⎼▁⎼▅⎼▅⎼▆⎼⎼⎼⎼⎼⎼⎼\n"
	    "               4│ █ █ █ █ █ █ █ █   █ █ █ █ ▇ █ █ █ █ █ █ █ █ █ █ █ █ █\n"
	    "empathy       10│⎼▅⎼▅⎼▅⎼▆⎼▆⎼▆⎼▆⎼▆⎼⎼⎼▆⎼▆⎼▆⎼▆⎼▁⎼▃⎼▅⎼▆⎼▆⎼▆⎼▆⎼▆⎼▆⎼▆⎼▅⎼▆⎼▆⎼▆⎼⎼⎼⎼⎼⎼⎼\n"
	    "               4│ █ █ █ █ █ █ █ █   █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ █ █\n"
	    "                └─┬───────────┬─────────┬───┬─────┬─────────┬─────────┬───────\n"
	    "…                 4           10        15  17    20        25        30\n"
	    "                  23 Mar      4 May         6 Jul           31 Aug    5 Oct\n");
	assert_true(check_bars(f) <= 5.0);
}

/* Two sessions a week apart whose dates collide under the axis: the newest
 * date is the one shown, since it is the one a clinician looks for. */
static void test_newest_date_wins(void **state)
{
	struct fixture *f = *state;
	add(f, 90, 85, 90);
	add(f, 60, 70, 80);
	layout(f, 60, 16);
	const char *dates = strrchr(f->text, '\n');
	while (dates > f->text && dates[-1] != '\n')
		dates--;
	assert_non_null(strstr(dates, "9 Mar"));
	assert_null(strstr(dates, "2 Mar"));
}

/* Episodes as spans: from the opening to where it was repaired or judged
 * unrepaired, an open one to the last session, each marked by its status. */
static void test_episode_spans(void **state)
{
	(void)state;
	struct al_course c = {.n = 8};
	struct al_episode eps[3] = {
	    {.opened = 1, .closed = 4, .status = AL_EPISODE_REPAIRED},
	    {.opened = 2, .closed = 5, .status = AL_EPISODE_UNREPAIRED},
	    {.opened = 6, .closed = SIZE_MAX, .status = AL_EPISODE_OPEN},
	};
	struct chart_span sp[3];
	chart_episode_spans(&c, eps, 3, sp);
	assert_int_equal(sp[0].from, 1);
	assert_int_equal(sp[0].to, 4);
	assert_int_equal(sp[0].kind, CHART_SPAN_REPAIRED);
	assert_int_equal(sp[1].from, 2);
	assert_int_equal(sp[1].to, 5);
	assert_int_equal(sp[1].kind, CHART_SPAN_UNREPAIRED);
	assert_int_equal(sp[2].from, 6);
	assert_int_equal(sp[2].to, 7);
	assert_int_equal(sp[2].kind, CHART_SPAN_OPEN);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, fixture_new, fixture_free)
	const struct CMUnitTest tests[] = {
	    T(test_golden_ascii),
	    T(test_golden_utf8),
	    T(test_readable_80x24),
	    T(test_random_80x24),
	    T(test_cutoff_line),
	    T(test_floor),
	    T(test_heights),
	    T(test_missing_leaves_gap),
	    T(test_newest_when_too_many),
	    T(test_one_dimension),
	    T(test_clinician_overlay),
	    T(test_flags_and_repair),
	    T(test_spans),
	    T(test_selected_session),
	    T(test_bounds_and_truncation),
	    T(test_random_sizes),
	    T(test_realistic_80x16),
	    T(test_realistic_80x24),
	    T(test_newest_date_wins),
	    cmocka_unit_test(test_flag_merge),
	    cmocka_unit_test(test_episode_spans),
	    cmocka_unit_test(test_utf8_encode),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
