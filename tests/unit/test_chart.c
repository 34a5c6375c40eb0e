/* Unit tests for the trend chart layout (core/chart.c) and its text painter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/chart.h"
#include "alliance/parse.h"

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
	if (getenv("CHART_SHOW"))
		fputs(f->text, stderr);
}

static const struct chart_cell *at(const struct fixture *f, int row, int col)
{
	return chart_at(&f->chart, row, col);
}

/* The row a value must land on: plot_top holds 10.0. */
static int row_of(const struct fixture *f, int tenths)
{
	const struct chart *c = &f->chart;
	return c->plot_top + c->plot_rows - 1 - tenths * (c->plot_rows - 1) / 100;
}

/* The same small course in both goldens: an overlap, a drop repaired, an
 * unrated session, a full 10.0. */
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
	assert_string_equal(f->text,
	                    "T trust  C collaboration  E empathy  + repaired  * overlap\n"
	                    "                +     ?\n"
	                    "10+                         E\n"
	                    " 9+ *     *                 *\n"
	                    " 8+.C...........*.................................... cutoff 8.0\n"
	                    " 7+\n"
	                    " 6+             T\n"
	                    " 5+\n"
	                    " 4+\n"
	                    " 3+\n"
	                    " 2+\n"
	                    " 1+\n"
	                    " 0+\n"
	                    "  +-+-----+-----+-----+-----+-----------------------------------\n"
	                    "    1     2     3     4     5\n"
	                    "    2 Mar       16 Mar      30 Mar\n");
}

static void test_golden_utf8(void **state)
{
	struct fixture *f = small_course(state);
	layout(f, 64, 16);
	assert_string_equal(f->text,
	                    "● trust  ▲ collaboration  ■ empathy  ✓ repaired  ✱ overlap\n"
	                    "                ✓     ?\n"
	                    "10┤                         ■\n"
	                    " 9┤ ✱     ✱                 ✱\n"
	                    " 8┤╌▲╌╌╌╌╌╌╌╌╌╌╌✱╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌ cutoff 8.0\n"
	                    " 7┤\n"
	                    " 6┤             ●\n"
	                    " 5┤\n"
	                    " 4┤\n"
	                    " 3┤\n"
	                    " 2┤\n"
	                    " 1┤\n"
	                    " 0┤\n"
	                    "  └─┬─────┬─────┬─────┬─────┬───────────────────────────────────\n"
	                    "    1     2     3     4     5\n"
	                    "    2 Mar       16 Mar      30 Mar\n");
	/* the cells carry both glyphs and what they mean */
	const struct chart_cell *x = at(f, row_of(f, 60), chart_session_col(&f->chart, 2));
	assert_int_equal(x->cp, 0x25CF);
	assert_int_equal(x->ascii, 'T');
	assert_int_equal(x->role, CHART_ROLE_DIM);
	assert_int_equal(x->dim, 0);
	x = at(f, row_of(f, 100), chart_session_col(&f->chart, 4));
	assert_int_equal(x->ascii, 'E');
	assert_int_equal(x->dim, 2);
	assert_int_equal(at(f, row_of(f, 90), chart_session_col(&f->chart, 1))->role,
	                 CHART_ROLE_OVERLAP);
}

/* The line sits on the lowest row holding only values >= cutoff: 8.0 is on
 * it, 7.9 below it; another cutoff moves it and renames it. */
static void test_cutoff_line(void **state)
{
	struct fixture *f = *state;
	f->course.ndims = 1;
	add(f, 80, M, M);
	add(f, 79, M, M);
	layout(f, 40, 16);
	int line = f->chart.plot_top + 10 - 8;
	assert_int_equal(at(f, line, 3)->role, CHART_ROLE_CUTOFF);
	assert_int_equal(at(f, line, f->chart.width - 12)->role, CHART_ROLE_CUTOFF);
	assert_int_equal(at(f, line, chart_session_col(&f->chart, 0))->ascii, 'T');
	assert_int_equal(at(f, line + 1, chart_session_col(&f->chart, 1))->ascii, 'T');
	for (int r = f->chart.plot_top; r < f->chart.plot_top + f->chart.plot_rows; r++)
		if (r != line)
			assert_int_not_equal(at(f, r, 5)->role, CHART_ROLE_CUTOFF);
	char row[256];
	chart_text_row(&f->chart, line, row, sizeof row);
	assert_string_equal(row, " 8┤╌●──╮╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌ cutoff 8.0");

	f->opts.cutoff = 55;
	layout(f, 40, 16);
	chart_text_row(&f->chart, f->chart.plot_top + 10 - 6, row, sizeof row);
	assert_string_equal(row, " 6┤╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌ cutoff 5.5");

	f->opts.cutoff = CHART_NO_CUTOFF;
	layout(f, 40, 16);
	for (size_t k = 0; k < 40 * 16; k++)
		assert_int_not_equal(f->cells[k].role, CHART_ROLE_CUTOFF);
}

static void test_extremes_top_and_bottom(void **state)
{
	struct fixture *f = *state;
	add(f, 100, 0, 50);
	for (int h = CHART_MIN_HEIGHT; h <= 30; h++) {
		layout(f, 30, h);
		const struct chart *c = &f->chart;
		int col = chart_session_col(c, 0);
		assert_int_equal(at(f, c->plot_top, col)->ascii, 'T');
		assert_int_equal(at(f, c->plot_top + c->plot_rows - 1, col)->ascii, 'C');
		assert_int_equal(c->plot_top + c->plot_rows + 3, chart_fit_height(h));
		assert_true(chart_fit_height(h) <= h);
		/* 0, 5 and 10 are always labelled */
		assert_int_equal(at(f, c->plot_top, 0)->ascii, '1');
		assert_int_equal(at(f, c->plot_top + c->plot_rows - 1, 1)->ascii, '0');
		assert_int_equal(at(f, row_of(f, 50), 1)->ascii, '5');
	}
}

/* A missing rating draws nothing; in one-dimension mode it breaks the line. */
static void test_missing_leaves_gap(void **state)
{
	struct fixture *f = *state;
	add(f, 90, 90, 90);
	add(f, M, 70, 70);
	add(f, 90, 90, 90);
	f->opts.ascii = true;
	layout(f, 40, 16);
	int col = chart_session_col(&f->chart, 1);
	for (int r = f->chart.plot_top; r < f->chart.plot_top + f->chart.plot_rows; r++)
		assert_int_not_equal(at(f, r, col)->ascii, 'T');
	assert_int_equal(at(f, row_of(f, 70), col)->role, CHART_ROLE_OVERLAP);

	f->opts.dim = 0;
	layout(f, 40, 16);
	char row[256];
	chart_text_row(&f->chart, row_of(f, 90), row, sizeof row);
	assert_string_equal(row, " 9+ T           T");
}

/* 50 sessions on 40 columns: the newest 15 (two columns each, room for the
 * last date), "<" and the first shown number say where the view starts. */
static void test_newest_when_too_many(void **state)
{
	struct fixture *f = *state;
	for (int i = 0; i < 50; i++)
		add(f, 90 - i % 3 * 10, 85, 80);
	f->opts.ascii = true;
	layout(f, 40, 16);
	const struct chart *c = &f->chart;
	assert_int_equal(c->first, 35);
	assert_int_equal(c->shown, 15);
	assert_int_equal(c->step, 2);
	assert_int_equal(chart_session_col(c, 34), -1);
	assert_int_equal(chart_session_col(c, 35), 4);
	assert_int_equal(chart_session_col(c, 49), 32);
	assert_int_equal(chart_session_col(c, 50), -1);
	char row[256];
	chart_text_row(c, c->plot_top + c->plot_rows + 1, row, sizeof row);
	assert_string_equal(row, "<   36      40        45        50");
	chart_text_row(c, c->plot_top + c->plot_rows + 2, row, sizeof row);
	assert_string_equal(row, "    2 Nov   30 Nov    4 Jan     8 Feb");

	/* selecting an older session brings it into view */
	f->opts.selected = 5;
	layout(f, 40, 16);
	assert_int_equal(c->first, 5);
	assert_int_equal(c->shown, 15);
	chart_text_row(c, c->plot_top + c->plot_rows + 1, row, sizeof row);
	assert_string_equal(row, "<   6       10        15        20");
}

/* One dimension: its glyph only, joined by a line, its name alone in the legend. */
static void test_one_dimension(void **state)
{
	struct fixture *f = *state;
	f->course.ndims = 4;
	add(f, 90, 90, 90)->rating[AL_RATER_CLIENT][3] = 90;
	add(f, 90, 80, 60)->rating[AL_RATER_CLIENT][3] = 40;
	add(f, 90, 90, 90)->rating[AL_RATER_CLIENT][3] = 70;
	f->opts.dim = 3;
	layout(f, 40, 16);
	assert_string_equal(f->text, "◆ goals\n"
	                             "\n"
	                             "10┤\n"
	                             " 9┤ ◆──╮\n"
	                             " 8┤╌╌╌╌│╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌ cutoff 8.0\n"
	                             " 7┤    │     ╭──◆\n"
	                             " 6┤    │     │\n"
	                             " 5┤    │     │\n"
	                             " 4┤    ╰──◆──╯\n"
	                             " 3┤\n"
	                             " 2┤\n"
	                             " 1┤\n"
	                             " 0┤\n"
	                             "  └─┬─────┬─────┬───────────────────────\n"
	                             "    1     2     3\n"
	                             "    2 Mar       16 Mar\n");
	for (size_t k = 0; k < 40 * 16; k++)
		if (f->cells[k].role == CHART_ROLE_DIM)
			assert_int_equal(f->cells[k].dim, 3);
	f->opts.ascii = true;
	layout(f, 40, 16);
	assert_string_equal(f->text, "G goals\n"
	                             "\n"
	                             "10+\n"
	                             " 9+ G--\\\n"
	                             " 8+....|..................... cutoff 8.0\n"
	                             " 7+    |     /--G\n"
	                             " 6+    |     |\n"
	                             " 5+    |     |\n"
	                             " 4+    \\--G--/\n"
	                             " 3+\n"
	                             " 2+\n"
	                             " 1+\n"
	                             " 0+\n"
	                             "  +-+-----+-----+-----------------------\n"
	                             "    1     2     3\n"
	                             "    2 Mar       16 Mar\n");
	f->opts.dim = 4;
	assert_false(chart_layout(&f->chart, f->cells, 40, 16, &f->course, f->flags, &f->opts));
}

/* Clinician ratings: hollow (lower-case) marks; a client mark in the same
 * cell wins. */
static void test_clinician_overlay(void **state)
{
	struct fixture *f = *state;
	struct al_session *s = add(f, 60, 90, 90);
	s->rating[AL_RATER_CLINICIAN][0] = 90;
	s->rating[AL_RATER_CLINICIAN][1] = 90;
	s->rating[AL_RATER_CLINICIAN][2] = 30;
	layout(f, 50, 16);
	int col = chart_session_col(&f->chart, 0);
	assert_int_equal(at(f, row_of(f, 30), col)->role, CHART_ROLE_BLANK); /* off by default */
	f->opts.clinician = true;
	layout(f, 50, 16);
	const struct chart_cell *x = at(f, row_of(f, 30), col);
	assert_int_equal(x->role, CHART_ROLE_CLINICIAN);
	assert_int_equal(x->cp, 0x25A1);
	assert_int_equal(x->ascii, 'e');
	assert_int_equal(x->dim, 2);
	assert_int_equal(at(f, row_of(f, 90), col)->role, CHART_ROLE_OVERLAP);
	assert_int_equal(at(f, row_of(f, 60), col)->ascii, 'T');
	/* two clinician marks in one cell: the first dimension's */
	s->rating[AL_RATER_CLINICIAN][1] = 30;
	layout(f, 50, 16);
	assert_int_equal(at(f, row_of(f, 30), col)->ascii, 'c');
	assert_int_equal(at(f, row_of(f, 30), col)->dim, 1);
	char row[256];
	chart_text_row(&f->chart, 0, row, sizeof row);
	assert_string_equal(row, "● trust  ▲ collaboration  ■ empathy  ○△□ clinician");
	f->opts.ascii = true;
	layout(f, 50, 16);
	chart_text_row(&f->chart, 0, row, sizeof row);
	assert_string_equal(row, "T trust  C collaboration  E empathy  tce clinician");
	chart_text_row(&f->chart, row_of(f, 30), row, sizeof row);
	assert_string_equal(row, " 3+ c");
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
	char row[256];
	chart_text_row(&f->chart, 0, row, sizeof row);
	assert_string_equal(row, "● trust  ! rupture  ✓ repaired  ^ watch  ? unrated");
	chart_text_row(&f->chart, 1, row, sizeof row);
	assert_string_equal(row, "          !     ^     ✓     ?");
	static const enum chart_role roles[] = {CHART_ROLE_BLANK, CHART_ROLE_FLAG_RED,
	                                        CHART_ROLE_FLAG_AMBER, CHART_ROLE_REPAIRED,
	                                        CHART_ROLE_FLAG_INFO};
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(at(f, 1, chart_session_col(&f->chart, i))->role, roles[i]);
	f->opts.ascii = true;
	layout(f, 60, 16);
	chart_text_row(&f->chart, 0, row, sizeof row);
	assert_string_equal(row, "T trust  ! rupture  + repaired  ^ watch  ? unrated");
	chart_text_row(&f->chart, 1, row, sizeof row);
	assert_string_equal(row, "          !     ^     +     ?");
	/* without flags: no flag row marks, no flag words */
	layout(f, 60, 16);
	assert_true(chart_layout(&f->chart, f->cells, 60, 16, &f->course, NULL, &f->opts));
	chart_text_row(&f->chart, 0, row, sizeof row);
	assert_string_equal(row, "T trust");
	chart_text_row(&f->chart, 1, row, sizeof row);
	assert_string_equal(row, "");
}

/* The selected session: its column highlighted (attribute), dotted where
 * empty so it shows without colour, and its number labelled. */
static void test_selected_session(void **state)
{
	struct fixture *f = *state;
	for (int i = 0; i < 30; i++)
		add(f, 90, 90, 90);
	f->s[12].rating[AL_RATER_CLIENT][0] = 50;
	f->flags[12] = CHART_FLAG_RED;
	f->opts.selected = 12;
	f->opts.ascii = true;
	layout(f, 80, 16);
	const struct chart *c = &f->chart;
	int col = chart_session_col(c, 12);
	assert_int_equal(col, 28);
	for (int r = 1; r <= c->plot_top + c->plot_rows; r++)
		assert_true(at(f, r, col)->attr & CHART_ATTR_SELECTED);
	assert_false(at(f, 0, col)->attr & CHART_ATTR_SELECTED);
	assert_false(at(f, row_of(f, 10), col + 2)->attr & CHART_ATTR_SELECTED);
	assert_int_equal(at(f, row_of(f, 10), col)->role, CHART_ROLE_SELECTED);
	assert_int_equal(at(f, row_of(f, 10), col)->ascii, ':');
	assert_int_equal(at(f, row_of(f, 50), col)->ascii, 'T');
	assert_int_equal(at(f, 1, col)->ascii, '!');
	char row[256];
	chart_text_row(c, c->plot_top + c->plot_rows + 1, row, sizeof row);
	assert_string_equal(row,
	                    "    1       5         10    13  15        20        25        30");
	chart_text_row(c, c->plot_top + c->plot_rows + 2, row, sizeof row);
	assert_string_equal(row,
	                    "    2 Mar   30 Mar          25 May        13 Jul    17 Aug    21 Sep");
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

	/* an empty course still draws its axes */
	struct al_course empty = {core_dims, 3, NULL, 0};
	assert_true(
	    chart_layout(&c, cells, CHART_MIN_WIDTH, CHART_MIN_HEIGHT, &empty, NULL, &f->opts));
	assert_int_equal(c.shown, 0);
	char row[256];
	chart_text_row(&c, CHART_MIN_HEIGHT - 3, row, sizeof row);
	assert_string_equal(row, "  └─────────────────────");
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

static int lcg(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (int)((*seed >> 16) % 1000);
}

/* Many sizes and random courses (a fixed LCG): every rated value shows at
 * its row, as its own glyph or ✱, and the text fits chart_text_cap. */
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
			size_t lo = f->opts.dim == CHART_ALL_DIMS ? 0 : (size_t)f->opts.dim;
			size_t hi = f->opts.dim == CHART_ALL_DIMS ? f->course.ndims : lo + 1;
			for (size_t d = lo; d < hi; d++) {
				int v = f->s[i].rating[AL_RATER_CLIENT][d];
				if (v < 0 || v > 100)
					continue;
				const struct chart_cell *x = at(f, row_of(f, v), col);
				assert_true(x->role == CHART_ROLE_OVERLAP ||
				            (x->role == CHART_ROLE_DIM && x->dim == d));
			}
		}
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
	assert_string_equal(
	    f->text,
	    "● trust  ▲ collaboration  ■ empathy  ✓ repaired  ^ watch  ✱ overlap  ? unrated\n"
	    "    ^                     ?         ✓ ^                 ^\n"
	    "10┤\n"
	    " 9┤   ■ ■ ■ ✱ ✱ ✱ ✱ ✱ ✱ ✱   ✱ ✱ ✱ ✱     ■ ✱ ✱ ✱ ✱ ✱ ✱ ✱ ■ ✱ ✱ ✱\n"
	    " 8┤╌■╌✱╌✱╌✱╌▲╌╌╌▲╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌■╌✱╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌●╌╌╌╌╌╌╌╌╌╌╌╌ cutoff 8.0\n"
	    " 7┤ ✱                               ■ ✱                 ▲\n"
	    " 6┤                                 ▲\n"
	    " 5┤                                 ●\n"
	    " 4┤\n"
	    " 3┤\n"
	    " 2┤\n"
	    " 1┤\n"
	    " 0┤\n"
	    "  └─┬───────┬─────────┬─────────┬─────────┬─────────┬─────────┬─────────────────\n"
	    "    1       5         10        15        20        25        30\n"
	    "    2 Mar   30 Mar    4 May     8 Jun     27 Jul    31 Aug    5 Oct\n");
	f->opts.ascii = true;
	layout(f, 80, 16);
	assert_string_equal(
	    f->text,
	    "T trust  C collaboration  E empathy  + repaired  ^ watch  * overlap  ? unrated\n"
	    "    ^                     ?         + ^                 ^\n"
	    "10+\n"
	    " 9+   E E E * * * * * * *   * * * *     E * * * * * * * E * * *\n"
	    " 8+.E.*.*.*.C...C.....................E.*...............T............ cutoff 8.0\n"
	    " 7+ *                               E *                 C\n"
	    " 6+                                 C\n"
	    " 5+                                 T\n"
	    " 4+\n"
	    " 3+\n"
	    " 2+\n"
	    " 1+\n"
	    " 0+\n"
	    "  +-+-------+---------+---------+---------+---------+---------+-----------------\n"
	    "    1       5         10        15        20        25        30\n"
	    "    2 Mar   30 Mar    4 May     8 Jun     27 Jul    31 Aug    5 Oct\n");
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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_golden_ascii, fixture_new, fixture_free),
	    cmocka_unit_test_setup_teardown(test_golden_utf8, fixture_new, fixture_free),
	    cmocka_unit_test_setup_teardown(test_cutoff_line, fixture_new, fixture_free),
	    cmocka_unit_test_setup_teardown(test_extremes_top_and_bottom, fixture_new,
	                                    fixture_free),
	    cmocka_unit_test_setup_teardown(test_missing_leaves_gap, fixture_new, fixture_free),
	    cmocka_unit_test_setup_teardown(test_newest_when_too_many, fixture_new, fixture_free),
	    cmocka_unit_test_setup_teardown(test_one_dimension, fixture_new, fixture_free),
	    cmocka_unit_test_setup_teardown(test_clinician_overlay, fixture_new, fixture_free),
	    cmocka_unit_test_setup_teardown(test_flags_and_repair, fixture_new, fixture_free),
	    cmocka_unit_test_setup_teardown(test_selected_session, fixture_new, fixture_free),
	    cmocka_unit_test_setup_teardown(test_bounds_and_truncation, fixture_new, fixture_free),
	    cmocka_unit_test_setup_teardown(test_random_sizes, fixture_new, fixture_free),
	    cmocka_unit_test_setup_teardown(test_realistic_80x16, fixture_new, fixture_free),
	    cmocka_unit_test_setup_teardown(test_newest_date_wins, fixture_new, fixture_free),
	    cmocka_unit_test(test_flag_merge),
	    cmocka_unit_test(test_utf8_encode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
