/* Unit tests for current flags, client status and risk order (core/standing.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <stdlib.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "alliance/core/rules.h"

#define NSESSIONS 16

static const struct al_dim dims[] = {
    {"trust", "Trust", true},
    {"collaboration", "Collaboration", true},
    {"empathy", "Empathy", true},
};

/* 16 weekly sessions from 5 January 2026 (day 20458), every rating 9.0. */
static struct al_session sessions[NSESSIONS];
static const struct al_course course = {dims, 3, sessions, NSESSIONS};

static int setup(void **state)
{
	(void)state;
	memset(sessions, 0, sizeof sessions);
	for (int i = 0; i < NSESSIONS; i++) {
		sessions[i].date = 20458 + 7 * i;
		sessions[i].seq = i + 1;
		for (int r = 0; r < AL_RATER_COUNT; r++)
			for (int d = 0; d < AL_DIM_MAX; d++)
				sessions[i].rating[r][d] =
				    r == AL_RATER_CLIENT && d < 3 ? 90 : AL_MISSING;
	}
	return 0;
}

/* A flag at session number seq (1-based) with the given severity and repair. */
static struct al_flag flag(int seq, enum al_rule r, enum al_severity sev, enum al_repair rep)
{
	return (struct al_flag){
	    .session = (size_t)seq - 1, .dim = 0, .rule = r, .severity = sev, .repair = rep};
}

#define RED(seq, rep) flag(seq, AL_RULE_DROP, AL_SEV_RED, AL_REPAIR_##rep)
#define AMBER(seq) flag(seq, AL_RULE_LOW, AL_SEV_AMBER, AL_REPAIR_NA)
#define INFO(seq) flag(seq, AL_RULE_MISSING, AL_SEV_INFO, AL_REPAIR_NA)

static void test_current_window(void **state)
{
	(void)state;
	/* of 16 sessions: every flag of 13..16, unrepaired ones of 5..16 */
	struct al_flag f;
	f = AMBER(13);
	assert_true(flag_is_current(&course, &f));
	f = AMBER(12);
	assert_false(flag_is_current(&course, &f));
	f = RED(16, REPAIRED);
	assert_true(flag_is_current(&course, &f));
	f = RED(12, OPEN);
	assert_false(flag_is_current(&course, &f));
	f = RED(12, REPAIRED);
	assert_false(flag_is_current(&course, &f));
	f = RED(5, UNREPAIRED);
	assert_true(flag_is_current(&course, &f));
	f = RED(4, UNREPAIRED);
	assert_false(flag_is_current(&course, &f));
	f = RED(17, OPEN); /* beyond the course */
	assert_false(flag_is_current(&course, &f));
	/* a short course: everything is within the last 4 */
	struct al_course two = {dims, 3, sessions, 2};
	f = INFO(1);
	assert_true(flag_is_current(&two, &f));
}

static void expect_standing(const struct al_flag *flags, size_t n, enum al_state state,
                            enum al_risk risk, int last_seq, size_t newest, size_t current)
{
	struct al_standing st;
	standing_compute(&course, flags, n, &st);
	assert_string_equal(state_name(st.state), state_name(state));
	assert_int_equal(st.risk, risk);
	assert_int_equal(st.key_date, last_seq ? sessions[last_seq - 1].date : INT32_MIN);
	assert_int_equal(st.newest_flag, newest);
	assert_int_equal(st.current, current);
}

static void test_status(void **state)
{
	(void)state;
	expect_standing(NULL, 0, AL_STATE_OK, AL_RISK_OK, 0, SIZE_MAX, 0);
	/* an old open drop is no longer current */
	const struct al_flag old[] = {RED(3, OPEN), AMBER(12)};
	expect_standing(old, 2, AL_STATE_OK, AL_RISK_OK, 0, SIZE_MAX, 0);
	/* info alone: ok, but the session counts as flagged */
	const struct al_flag info[] = {INFO(14)};
	expect_standing(info, 1, AL_STATE_OK, AL_RISK_OK, 14, 0, 1);
	const struct al_flag repaired[] = {RED(13, REPAIRED), INFO(14)};
	expect_standing(repaired, 2, AL_STATE_REPAIRED, AL_RISK_REPAIRED, 14, 0, 2);
	/* amber outranks a repaired red */
	const struct al_flag watch[] = {RED(13, REPAIRED), AMBER(13), INFO(16)};
	expect_standing(watch, 3, AL_STATE_WATCH, AL_RISK_WATCH, 16, 1, 3);
	const struct al_flag open[] = {AMBER(13), RED(14, OPEN), AMBER(15)};
	expect_standing(open, 3, AL_STATE_RUPTURE, AL_RISK_OPEN_RED, 15, 1, 3);
	/* an unrepaired red 9 sessions back outranks an open red now */
	const struct al_flag unrep[] = {RED(8, UNREPAIRED), RED(16, OPEN), RED(14, UNREPAIRED)};
	expect_standing(unrep, 3, AL_STATE_RUPTURE, AL_RISK_UNREPAIRED, 16, 2, 3);
	/* an amber dip keeps its repair status but is amber: WATCH */
	const struct al_flag dip[] = {flag(15, AL_RULE_DIP, AL_SEV_AMBER, AL_REPAIR_REPAIRED)};
	expect_standing(dip, 1, AL_STATE_WATCH, AL_RISK_WATCH, 15, 0, 1);
}

static void test_status_from_detection(void **state)
{
	(void)state;
	/* W-1's trust 6.0 at session 5 of 6: repaired drop and dip, low amber */
	struct al_flag flags[16];
	struct al_standing st;
	const int trust[] = {85, 90, 95, 90, 60, 90, 90, 90, 90, 90};
	for (int i = 0; i < 10; i++)
		sessions[i].rating[AL_RATER_CLIENT][0] = (al_tenths)trust[i];
	struct al_settings s;
	al_settings_default(&s);
	struct al_course w1 = {dims, 3, sessions, 6};
	size_t n = rules_detect(&w1, &s, flags, 16);
	assert_int_equal(n, 3);
	standing_compute(&w1, flags, n, &st);
	assert_int_equal(st.state, AL_STATE_WATCH);
	assert_int_equal(st.newest_flag, 2); /* the low */
	assert_int_equal(st.key_date, sessions[4].date);
	/* three sessions later session 5 is still among the last 4 ... */
	w1.n = 8;
	assert_int_equal(rules_detect(&w1, &s, flags, 16), 3);
	standing_compute(&w1, flags, 3, &st);
	assert_int_equal(st.state, AL_STATE_WATCH);
	/* ... four later it is history */
	w1.n = 9;
	standing_compute(&w1, flags, 3, &st);
	assert_int_equal(st.state, AL_STATE_OK);
	assert_int_equal(st.current, 0);
	assert_int_equal(st.newest_flag, SIZE_MAX);
	/* without the low (cutoff 5.0) only the repaired reds remain */
	s.cutoff = 50;
	w1.n = 6;
	assert_int_equal(rules_detect(&w1, &s, flags, 16), 2);
	standing_compute(&w1, flags, 2, &st);
	assert_int_equal(st.state, AL_STATE_REPAIRED);
	assert_int_equal(st.risk, AL_RISK_REPAIRED);
}

struct client {
	const char *code;
	struct al_standing st;
};

static int by_risk(const void *a, const void *b)
{
	const struct client *x = a, *y = b;
	return standing_compare(&x->st, x->code, &y->st, y->code);
}

static void test_risk_order(void **state)
{
	(void)state;
	struct client c[] = {
	    {"ok-1", {AL_STATE_OK, AL_RISK_OK, INT32_MIN, SIZE_MAX, 0}},
	    {"rep-1", {AL_STATE_REPAIRED, AL_RISK_REPAIRED, 100, 0, 1}},
	    {"open-old", {AL_STATE_RUPTURE, AL_RISK_OPEN_RED, 50, 0, 1}},
	    {"watch-b", {AL_STATE_WATCH, AL_RISK_WATCH, 70, 0, 1}},
	    {"unrep", {AL_STATE_RUPTURE, AL_RISK_UNREPAIRED, 10, 0, 1}},
	    {"ok-0", {AL_STATE_OK, AL_RISK_OK, 90, 0, 1}},
	    {"watch-a", {AL_STATE_WATCH, AL_RISK_WATCH, 70, 0, 1}},
	    {"open-new", {AL_STATE_RUPTURE, AL_RISK_OPEN_RED, 60, 0, 1}},
	    {"ok-2", {AL_STATE_OK, AL_RISK_OK, INT32_MIN, SIZE_MAX, 0}},
	};
	const char *want[] = {"unrep", "open-new", "open-old", "watch-a", "watch-b",
	                      "rep-1", "ok-0",     "ok-1",     "ok-2"};
	size_t n = sizeof c / sizeof c[0];
	qsort(c, n, sizeof c[0], by_risk);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(c[i].code, want[i]);
	assert_int_equal(standing_compare(&c[0].st, "x", &c[0].st, "x"), 0);
}

static void test_state_names(void **state)
{
	(void)state;
	assert_string_equal(state_name(AL_STATE_OK), "ok");
	assert_string_equal(state_name(AL_STATE_REPAIRED), "repaired");
	assert_string_equal(state_name(AL_STATE_WATCH), "WATCH");
	assert_string_equal(state_name(AL_STATE_RUPTURE), "RUPTURE");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_current_window, setup),
	    cmocka_unit_test_setup(test_status, setup),
	    cmocka_unit_test_setup(test_status_from_detection, setup),
	    cmocka_unit_test_setup(test_risk_order, setup),
	    cmocka_unit_test_setup(test_state_names, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
