/* Unit tests for a client's summary line (core/summary.c): worked courses
 * with the exact last values, trend points, episodes and status. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <string.h>

#include "alliance/core/analysis.h"
#include "alliance/core/summary.h"

#define MONDAY 20458 /* 5 January 2026 */

static const struct al_dim dims[] = {
    {"goals", "Goals", false}, /* not core: the summary leaves it out */
    {"trust", "Trust", true},
    {"collaboration", "Collaboration", true},
    {"empathy", "Empathy", true},
};

static struct al_session sessions[32];

/* n weekly sessions, client ratings goals 9.5, trust 9.0, collaboration
 * 8.8, empathy 9.2; nothing else. */
static struct al_course course(size_t n)
{
	memset(sessions, 0, sizeof sessions);
	for (size_t i = 0; i < n; i++) {
		struct al_session *s = &sessions[i];
		s->date = MONDAY + 7 * (int32_t)i;
		s->seq = (int)i + 1;
		for (int r = 0; r < AL_RATER_COUNT; r++)
			for (int d = 0; d < AL_DIM_MAX; d++)
				s->rating[r][d] = AL_MISSING;
		s->rating[AL_RATER_CLIENT][0] = 95;
		s->rating[AL_RATER_CLIENT][1] = 90;
		s->rating[AL_RATER_CLIENT][2] = 88;
		s->rating[AL_RATER_CLIENT][3] = 92;
	}
	return (struct al_course){dims, 4, sessions, n};
}

static void summarise(const struct al_course *c, struct al_flag *flags, size_t cap,
                      struct al_summary *out)
{
	struct al_settings s;
	struct al_analysis a = {0};
	al_settings_default(&s);
	assert_true(analysis_run(&a, c, &s, false));
	assert_true(a.nflags <= cap);
	if (a.nflags)
		memcpy(flags, a.flags, a.nflags * sizeof *flags);
	summary_compute(c, &s, a.flags, a.nflags, a.eps, a.neps, NULL, out);
	analysis_free(&a);
}

static void test_empty_course(void **state)
{
	(void)state;
	struct al_course c = course(0);
	struct al_flag flags[4];
	struct al_summary s;
	summarise(&c, flags, 4, &s);
	assert_int_equal(s.sessions, 0);
	assert_int_equal(s.last_date, INT32_MIN);
	for (int k = 0; k < AL_CORE_DIMS; k++)
		assert_int_equal(s.last[k], AL_MISSING);
	assert_int_equal(s.ntrend, 0);
	assert_int_equal(s.standing.state, AL_STATE_OK);
	assert_int_equal(s.standing.risk, AL_RISK_OK);
	assert_int_equal(s.standing.key_date, INT32_MIN);
	assert_int_equal(s.standing.current, 0);
	assert_int_equal(s.episodes, 0);
	assert_int_equal(s.nclosed, 0);
	assert_false(s.red_open || s.red_unrepaired);
	assert_string_equal(s.flag, "");
}

/* 14 sessions; at 13 trust falls from 9.0 to 6.0 (a red drop and a red
 * dip: a red rupture opens); 14 has collaboration 8.7 only, no trust: the
 * episode is still open. */
static void test_open_rupture(void **state)
{
	(void)state;
	struct al_course c = course(14);
	struct al_flag flags[32];
	struct al_summary s;
	struct al_settings set;
	char why[AL_EXPLAIN_MAX];
	sessions[12].rating[AL_RATER_CLIENT][1] = 60;
	sessions[13].rating[AL_RATER_CLIENT][0] = AL_MISSING;
	sessions[13].rating[AL_RATER_CLIENT][1] = AL_MISSING;
	sessions[13].rating[AL_RATER_CLIENT][3] = AL_MISSING;
	sessions[13].rating[AL_RATER_CLIENT][2] = 87;
	summarise(&c, flags, 32, &s);
	assert_int_equal(s.sessions, 14);
	assert_int_equal(s.last_date, MONDAY + 13 * 7);
	/* each core dimension's latest rating, from the last session that has one */
	assert_int_equal(s.last[0], 60);
	assert_int_equal(s.last[1], 87);
	assert_int_equal(s.last[2], 92);
	/* the last 12 sessions (3..14), oldest first, mean rounded to tenths */
	assert_int_equal(s.ntrend, 12);
	assert_int_equal(s.trend[0].date, MONDAY + 2 * 7);
	assert_int_equal(s.trend[0].value[0], 90);  /* (90 + 88 + 92) / 3 */
	assert_int_equal(s.trend[10].value[0], 80); /* (60 + 88 + 92) / 3 */
	assert_int_equal(s.trend[10].value[1], 60);
	assert_int_equal(s.trend[11].date, MONDAY + 13 * 7);
	assert_int_equal(s.trend[11].value[0], 87);
	assert_int_equal(s.trend[11].value[1], AL_MISSING);
	assert_int_equal(s.trend[11].value[2], 87);
	assert_int_equal(s.trend[11].value[3], AL_MISSING);
	assert_int_equal(s.episodes, 1);
	assert_true(s.red_open);
	assert_false(s.red_unrepaired);
	assert_int_equal(s.nclosed, 0);
	assert_int_equal(s.standing.state, AL_STATE_RUPTURE);
	assert_int_equal(s.standing.risk, AL_RISK_OPEN_RED);
	assert_int_equal(s.standing.key_date, MONDAY + 12 * 7); /* it opened on 30 March */
	assert_int_equal(s.standing.current, 1);
	assert_int_equal(s.standing.newest_flag, SIZE_MAX);
	assert_int_equal(s.standing.episode, SIZE_MAX);
	/* the why line is the episode's story */
	(void)set;
	(void)why;
	assert_string_equal(s.flag, "Since 30 March (session 13) trust fell from 9.0 to 6.0. No "
	                            "session rated since. Ask what would help them feel safe to "
	                            "be open.");
}

/* A drop at session 5 (a red drop and dip: a rupture), back at 6, calm
 * since: repaired at 6, closed on 9 February, and no longer current (the
 * last 4 sessions are 7-10). */
static void test_repaired_long_ago(void **state)
{
	(void)state;
	struct al_course c = course(10);
	struct al_flag flags[32];
	struct al_summary s;
	sessions[4].rating[AL_RATER_CLIENT][1] = 60;
	summarise(&c, flags, 32, &s);
	assert_int_equal(s.episodes, 1);
	assert_false(s.red_open || s.red_unrepaired);
	assert_int_equal(s.nclosed, 1);
	assert_int_equal(s.closed[0].date, MONDAY + 5 * 7);
	assert_true(s.closed[0].repaired);
	assert_int_equal(s.standing.state, AL_STATE_OK);
	assert_int_equal(s.standing.current, 0);
	assert_int_equal(s.standing.key_date,
	                 MONDAY + 9 * 7); /* no current one: the last session */
	assert_string_equal(s.flag, "");
	assert_int_equal(s.ntrend, 10);
	assert_int_equal(s.trend[4].value[0], 80);
}

/* A drop at session 3 has no usual level to be measured against (two
 * values before it, and no dip): no episode opens, and a low so long ago
 * is no longer current. */
static void test_too_early(void **state)
{
	(void)state;
	struct al_course c = course(10);
	struct al_flag flags[32];
	struct al_summary s;
	sessions[2].rating[AL_RATER_CLIENT][1] = 60;
	summarise(&c, flags, 32, &s);
	assert_int_equal(s.episodes, 0);
	assert_int_equal(s.standing.state, AL_STATE_OK);
}

/* More closed episodes than the summary keeps: the latest 32, oldest first
 * (sessions daily from 5 January). */
static void test_many_closed(void **state)
{
	(void)state;
	static struct al_session many[200];
	struct al_summary s;
	struct al_settings set;
	struct al_analysis a = {0};
	for (size_t i = 0; i < 200; i++) {
		many[i] = (struct al_session){.date = MONDAY + (int32_t)i, .seq = (int)i + 1};
		for (int r = 0; r < AL_RATER_COUNT; r++)
			for (int d = 0; d < AL_DIM_MAX; d++)
				many[i].rating[r][d] = AL_MISSING;
		for (int d = 1; d <= 3; d++)
			many[i].rating[AL_RATER_CLIENT][d] = 90;
		if (i % 5 == 4) /* a marker every 5 sessions, repaired at the next */
			many[i].rupture = AL_RUPTURE_WITHDRAWAL;
	}
	struct al_course c = {dims, 4, many, 200};
	al_settings_default(&set);
	assert_true(analysis_run(&a, &c, &set, false));
	summary_compute(&c, &set, a.flags, a.nflags, a.eps, a.neps, NULL, &s);
	analysis_free(&a);
	/* 40 markers (sessions 5, 10, ... 200), each repaired at the next
	 * session but the last: 39 closed, the latest 32 kept, from the 8th
	 * (repaired at session 41) to the 39th (at 196) */
	assert_int_equal(s.episodes, 40);
	assert_int_equal(s.nclosed, AL_SUMMARY_CLOSED);
	assert_int_equal(s.closed[0].date, MONDAY + 40);
	assert_int_equal(s.closed[AL_SUMMARY_CLOSED - 1].date, MONDAY + 195);
	assert_true(s.closed[0].repaired);
}

/* An unrated session: a gap in every series, the last values from before. */
static void test_unrated_last_session(void **state)
{
	(void)state;
	struct al_course c = course(5);
	struct al_flag flags[32];
	struct al_summary s;
	for (int d = 0; d < 4; d++)
		sessions[4].rating[AL_RATER_CLIENT][d] = AL_MISSING;
	summarise(&c, flags, 32, &s);
	assert_int_equal(s.last[0], 90);
	assert_int_equal(s.last[1], 88);
	assert_int_equal(s.last[2], 92);
	for (int k = 0; k <= AL_CORE_DIMS; k++)
		assert_int_equal(s.trend[4].value[k], AL_MISSING);
	assert_int_equal(s.standing.state, AL_STATE_OK); /* missing is info only */
	assert_int_equal(s.standing.current, 0);
	assert_string_equal(s.flag, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_empty_course),      cmocka_unit_test(test_open_rupture),
	    cmocka_unit_test(test_repaired_long_ago), cmocka_unit_test(test_too_early),
	    cmocka_unit_test(test_many_closed),       cmocka_unit_test(test_unrated_last_session),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
