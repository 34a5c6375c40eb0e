/* Unit tests for the board's per-clinician summary (core/board.c), against
 * numbers worked out by hand in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <string.h>

#include "alliance/core/analysis.h"
#include "alliance/core/board.h"
#include "alliance/core/parse.h"

#define M AL_MISSING

static const struct al_dim dims[] = {
    {"trust", "Trust", true},
    {"collaboration", "Collaboration", true},
    {"empathy", "Empathy", true},
    {"goals", "Goals", false},
};

static struct al_session session(int y, int m, int d, int t, int c, int e, int g)
{
	struct al_session s;
	memset(&s, 0, sizeof s);
	s.date = date_from_ymd(y, m, d);
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (int k = 0; k < AL_DIM_MAX; k++)
			s.rating[r][k] = M;
	s.rating[AL_RATER_CLIENT][0] = (al_tenths)t;
	s.rating[AL_RATER_CLIENT][1] = (al_tenths)c;
	s.rating[AL_RATER_CLIENT][2] = (al_tenths)e;
	s.rating[AL_RATER_CLIENT][3] = (al_tenths)g;
	return s;
}

/* A client's summary, computed from its course as the database does. */
static void summarise(const struct al_course *c, struct al_summary *s)
{
	struct al_settings set;
	struct al_analysis a = {0};
	al_settings_default(&set);
	assert_true(analysis_run(&a, c, &set, false));
	summary_compute(c, &set, a.flags, a.nflags, a.eps, a.neps, NULL, s);
	analysis_free(&a);
}

/* Adds a client as the board does: its stored summary, and the window from
 * the trend when it covers it, else from the whole course. */
static void add_summary(struct board_tally *t, const struct al_course *c,
                        const struct al_summary *s, int32_t today)
{
	board_tally_client(t, s, today);
	if (board_trend_covers(s, today))
		board_tally_trend(t, s, today);
	else
		board_tally_course(t, c, today);
}

static void add(struct board_tally *t, const struct al_course *c, int32_t today)
{
	struct al_summary s;
	summarise(c, &s);
	add_summary(t, c, &s, today);
}

/*
 * Today is 2026-11-27: the window is 2026-10-31 .. 2026-11-27 (28 days).
 *
 * Client A                      in window  rated  core ratings (tenths)
 *   2026-10-30  9.0 9.0 9.0     no (29 days before)
 *   2026-10-31  8.0 9.0  -  g7  yes        yes    80 + 90          = 170 (2)
 *   2026-11-13  clinician only  yes        no     (not rated by the client)
 *   2026-11-20  goals 6.0 only  yes        no     (goals is not core)
 *   2026-11-27  7.5 8.5 9.0     yes        yes    75 + 85 + 90     = 250 (3)
 *   2026-11-28  10  10  10      no (after today)
 * Client B
 *   2026-09-04  9.0 9.0 9.0     no
 *   2026-11-27  6.1 6.2 6.3     yes        yes    61 + 62 + 63     = 186 (3)
 *
 * sessions 2 + 1 = 3; mean (170 + 250 + 186) / 8 = 606 / 8 = 75.75 -> 7.6
 *
 * The episode counts, as the summaries hold them (set here by hand):
 * A's current red episode is open; B's is unrepaired: open 1, unrepaired 1
 * (clients). The repair rate's 12 weeks are 2026-09-05 .. 2026-11-27:
 *   A closed 2026-09-04 repaired    no (84 days before)
 *   A closed 2026-09-05 unrepaired  yes
 *   A closed 2026-11-27 repaired    yes
 *   A closed 2026-11-28 repaired    no (after today)
 *   B closed 2026-10-01 repaired    yes
 * closed 3, repaired 2: 67 %
 */
static void test_fixture(void **state)
{
	(void)state;
	struct al_session a[] = {
	    session(2026, 10, 30, 90, 90, 90, M), session(2026, 10, 31, 80, 90, M, 70),
	    session(2026, 11, 13, M, M, M, M),    session(2026, 11, 20, M, M, M, 60),
	    session(2026, 11, 27, 75, 85, 90, M), session(2026, 11, 28, 100, 100, 100, M),
	};
	a[2].rating[AL_RATER_CLINICIAN][0] = 90;
	struct al_session b[] = {session(2026, 9, 4, 90, 90, 90, M),
	                         session(2026, 11, 27, 61, 62, 63, M)};
	struct al_course ca = {dims, 4, a, 6}, cb = {dims, 4, b, 2};
	struct al_summary sa, sb;
	struct board_tally t = {0}, by_course = {0};
	int32_t today = date_from_ymd(2026, 11, 27);
	summarise(&ca, &sa);
	summarise(&cb, &sb);
	sa.red_open = true;
	sa.nclosed = 4;
	sa.closed[0] = (struct al_closed){date_from_ymd(2026, 9, 4), true};
	sa.closed[1] = (struct al_closed){date_from_ymd(2026, 9, 5), false};
	sa.closed[2] = (struct al_closed){date_from_ymd(2026, 11, 27), true};
	sa.closed[3] = (struct al_closed){date_from_ymd(2026, 11, 28), true};
	sb.red_unrepaired = true;
	sb.nclosed = 1;
	sb.closed[0] = (struct al_closed){date_from_ymd(2026, 10, 1), true};
	add_summary(&t, &ca, &sa, today);
	add_summary(&t, &cb, &sb, today);
	assert_int_equal(t.clients, 2);
	assert_int_equal(t.sessions, 3);
	assert_int_equal(t.rating_sum, 606);
	assert_int_equal(t.ratings, 8);
	assert_int_equal(board_tally_mean(&t), 76);
	assert_int_equal(t.open, 1);
	assert_int_equal(t.unrepaired, 1);
	assert_int_equal(t.closed, 3);
	assert_int_equal(t.repaired, 2);
	assert_int_equal(board_repair_pct(&t), 67);
	/* the whole courses give the same window */
	board_tally_course(&by_course, &ca, today);
	board_tally_course(&by_course, &cb, today);
	assert_int_equal(by_course.sessions, 3);
	assert_int_equal(by_course.rating_sum, 606);
	assert_int_equal(by_course.ratings, 8);
}

/*
 * More closed episodes in 12 weeks than a summary keeps: a session every
 * day from 5 January 2026, all 9.0, a withdrawal noted every other day
 * (sessions 2, 4, ... 200), each repaired the next day but the last. 99
 * closed, on days 2k from 5 January (k = 1..99); today is day 199, so the
 * 12 weeks are days 116..199: k = 58..99, 42 episodes, all repaired. The
 * summary keeps the latest 32 (from day 136, inside the 12 weeks), so the
 * board counts from the course's episodes.
 */
static void test_many_closed(void **state)
{
	(void)state;
	static struct al_session s[200];
	struct al_settings set;
	struct al_analysis a = {0};
	struct al_summary sum;
	int32_t first = date_from_ymd(2026, 1, 5);
	for (int i = 0; i < 200; i++) {
		s[i] = session(2026, 1, 5, 90, 90, 90, M);
		s[i].date = first + i;
		s[i].seq = i + 1;
		if (i % 2 == 1)
			s[i].rupture = AL_RUPTURE_WITHDRAWAL;
	}
	struct al_course c = {dims, 4, s, 200};
	int32_t today = first + 199;
	summarise(&c, &sum);
	assert_int_equal(sum.episodes, 100);
	assert_int_equal(sum.nclosed, AL_SUMMARY_CLOSED);
	assert_false(board_closed_covers(&sum, today));
	struct board_tally t = {0};
	board_tally_client(&t, &sum, today);
	assert_int_equal(t.closed, 0); /* left to the course */
	al_settings_default(&set);
	assert_true(analysis_run(&a, &c, &set, false));
	board_tally_episodes(&t, &c, a.eps, a.neps, today);
	analysis_free(&a);
	assert_int_equal(t.closed, 42);
	assert_int_equal(t.repaired, 42);
	assert_int_equal(board_repair_pct(&t), 100);
	/* 40 days later the 12 weeks begin at day 156: k = 78..99, 22, all
	 * kept by the summary */
	assert_true(board_closed_covers(&sum, today + 40));
	t = (struct board_tally){0};
	board_tally_client(&t, &sum, today + 40);
	assert_int_equal(t.closed, 22);
}

/*
 * More sessions in 4 weeks than the trend holds: client C came daily from
 * 14 to 27 November (14 sessions, trust 9.0 only), so the trend's 12 miss
 * two and the board counts from the course: 14 sessions, 14 ratings of 90.
 * Client D has 12 sessions, the first on 30 October (outside the window):
 * its trend covers the window, 11 sessions of 8.0 each.
 * Together: 25 sessions, (1260 + 11 * 3 * 80) / (14 + 33) = 3900 / 47
 * = 82.98 -> 8.3.
 */
static void test_intensive(void **state)
{
	(void)state;
	struct al_session c[14], d[12];
	for (int i = 0; i < 14; i++)
		c[i] = session(2026, 11, 14 + i, 90, M, M, M);
	d[0] = session(2026, 10, 30, 80, 80, 80, M);
	for (int i = 1; i < 12; i++)
		d[i] = session(2026, 11, 1 + 2 * i, 80, 80, 80, M);
	struct al_course cc = {dims, 4, c, 14}, cd = {dims, 4, d, 12};
	struct al_settings set;
	struct al_summary s;
	int32_t today = date_from_ymd(2026, 11, 27);
	al_settings_default(&set);
	(void)set;
	summarise(&cc, &s);
	assert_false(board_trend_covers(&s, today));
	summarise(&cd, &s);
	assert_true(board_trend_covers(&s, today));
	d[0].date++; /* 31 October: inside, and there may be more before it */
	summarise(&cd, &s);
	assert_false(board_trend_covers(&s, today));
	d[0].date--;
	struct board_tally t = {0};
	add(&t, &cc, today);
	add(&t, &cd, today);
	assert_int_equal(t.clients, 2);
	assert_int_equal(t.sessions, 25);
	assert_int_equal(t.rating_sum, 3900);
	assert_int_equal(t.ratings, 47);
	assert_int_equal(board_tally_mean(&t), 83);
	assert_int_equal(board_repair_pct(&t), -1);
}

/* A clinician without clients or ruptures: no mean, no rate ("-"). */
static void test_empty(void **state)
{
	(void)state;
	struct board_tally t = {0};
	assert_int_equal(board_tally_mean(&t), AL_MISSING);
	assert_int_equal(board_repair_pct(&t), -1);
	struct al_session s = session(2026, 1, 5, 90, 90, 90, M);
	struct al_course c = {dims, 4, &s, 1};
	add(&t, &c, date_from_ymd(2026, 11, 27));
	assert_int_equal(t.clients, 1);
	assert_int_equal(t.sessions, 0);
	assert_int_equal(board_tally_mean(&t), AL_MISSING);
	assert_int_equal(board_repair_pct(&t), -1);
	/* only open episodes: none closed */
	t.open = 3;
	assert_int_equal(board_repair_pct(&t), -1);
}

/* Halves round up: 87.5 -> 88 (tenths), 12.5 % -> 13 %, 66.7 % -> 67 %. */
static void test_rounding(void **state)
{
	(void)state;
	struct board_tally t = {.rating_sum = 175, .ratings = 2};
	assert_int_equal(board_tally_mean(&t), 88);
	t = (struct board_tally){.rating_sum = 174, .ratings = 2};
	assert_int_equal(board_tally_mean(&t), 87);
	t = (struct board_tally){.repaired = 1, .closed = 8};
	assert_int_equal(board_repair_pct(&t), 13);
	t = (struct board_tally){.repaired = 2, .closed = 3};
	assert_int_equal(board_repair_pct(&t), 67);
	t = (struct board_tally){.repaired = 0, .closed = 4};
	assert_int_equal(board_repair_pct(&t), 0);
	t = (struct board_tally){.repaired = 4, .closed = 4};
	assert_int_equal(board_repair_pct(&t), 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fixture),   cmocka_unit_test(test_many_closed),
	    cmocka_unit_test(test_intensive), cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_rounding),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
