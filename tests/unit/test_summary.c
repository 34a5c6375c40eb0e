/* Unit tests for a client's summary line (core/summary.c): worked courses
 * with the exact last values, trend points, rupture counts and status. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <string.h>

#include "alliance/summary.h"

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
	al_settings_default(&s);
	size_t n = rules_detect(c, &s, flags, cap);
	assert_true(n <= cap);
	summary_compute(c, &s, flags, n, out);
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
	assert_int_equal(s.ruptures_open + s.ruptures_repaired + s.ruptures_unrepaired, 0);
	assert_string_equal(s.flag, "");
}

/* 14 sessions; at 13 trust falls from 9.0 to 6.0 (a red drop and a red
 * dip, both open); 14 has collaboration 8.7 only. */
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
	assert_int_equal(s.ruptures_open, 2);
	assert_int_equal(s.ruptures_repaired, 0);
	assert_int_equal(s.ruptures_unrepaired, 0);
	assert_int_equal(s.standing.state, AL_STATE_RUPTURE);
	assert_int_equal(s.standing.risk, AL_RISK_OPEN_RED);
	assert_int_equal(s.standing.key_date, MONDAY + 12 * 7);
	assert_int_equal(s.standing.newest_flag, SIZE_MAX);
	/* the words of the flag that weighs most: the first red one at session
	 * 13 in rule order, the dip */
	size_t dip = 0;
	while (!(flags[dip].session == 12 && flags[dip].rule == AL_RULE_DIP))
		dip++;
	al_settings_default(&set);
	flag_explain(&c, &set, &flags[dip], why, sizeof why);
	assert_string_equal(s.flag, why);
	assert_non_null(strstr(s.flag, "Trust"));
}

/* A drop at session 3, back at 4, calm since: repaired, and no longer current. */
static void test_repaired_long_ago(void **state)
{
	(void)state;
	struct al_course c = course(10);
	struct al_flag flags[32];
	struct al_summary s;
	sessions[2].rating[AL_RATER_CLIENT][1] = 60;
	summarise(&c, flags, 32, &s);
	assert_int_equal(s.ruptures_open, 0);
	assert_int_equal(s.ruptures_repaired, 1);
	assert_int_equal(s.ruptures_unrepaired, 0);
	assert_int_equal(s.standing.state, AL_STATE_OK);
	assert_int_equal(s.standing.current, 0);
	assert_string_equal(s.flag, "");
	assert_int_equal(s.ntrend, 10);
	assert_int_equal(s.trend[2].value[0], 80);
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
	assert_int_equal(s.standing.current, 1);
	assert_non_null(strstr(s.flag, "No client ratings on"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_empty_course),
	    cmocka_unit_test(test_open_rupture),
	    cmocka_unit_test(test_repaired_long_ago),
	    cmocka_unit_test(test_unrated_last_session),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
