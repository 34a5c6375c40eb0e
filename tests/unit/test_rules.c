/* Unit tests for the detection rules, repair status and explanations
 * (core/rules.c, core/repair.c, core/explain.c), with worked series and the
 * shared 24-client acceptance vector. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "alliance/core/rules.h"

#include "rules_fixture.h"

#define assert_near(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-3)

/* ---- the worked course of the README ------------------------------------ */

/* W-1: trust 8.5 9.0 9.5 9.0 6.0 9.0, the rest 9.0. */
static void w1(struct fixture *fx)
{
	fixture_init(fx, 6, 3);
	series(fx, AL_RATER_CLIENT, 0, "8.5 9.0 9.5 9.0 6.0 9.0");
	series(fx, AL_RATER_CLIENT, 1, "9 9 9 9 9 9");
	series(fx, AL_RATER_CLIENT, 2, "9 9 9 9 9 9");
}

static void test_worked_course_w1(void **state)
{
	(void)state;
	struct fixture fx;
	w1(&fx);
	expect_flags(&fx, "5,trust,dip,red,repaired\n"
	                  "5,trust,drop,red,repaired\n"
	                  "5,trust,low,amber,\n");
	const struct al_flag *dip = find_flag(&fx, 4, 0, AL_RULE_DIP);
	assert_near(dip->mean, 9.0);
	assert_near(dip->sd, 1.0); /* s = 0.408, floored */
	assert_near(dip->limit, 7.0);
	assert_int_equal(dip->k, 4);
	assert_near(dip->pre, 9.1667);
	assert_int_equal(dip->npre, 3);
	assert_int_equal(dip->repair_session, 5);
	assert_near(dip->repair_value, 9.0);
	const struct al_flag *drop = find_flag(&fx, 4, 0, AL_RULE_DROP);
	assert_int_equal(drop->ref, 90);
	assert_int_equal(drop->value, 60);
	assert_int_equal(drop->ref_session, 3);
	assert_int_equal(drop->repair_session, 5);
}

/* ---- each rule with a worked series ------------------------------------- */

/* Switches every rule off but the one under test, so a series shows only it. */
static void only(struct fixture *fx, enum al_rule keep)
{
	struct al_settings d;
	al_settings_default(&d);
	fx->s.cutoff = 0;
	fx->s.drop = 101;
	fx->s.dip_amber_sd = fx->s.dip_red_sd = 1000.0;
	fx->s.ewma_limit = 1000.0;
	fx->s.discrepancy = 101;
	if (keep == AL_RULE_LOW)
		fx->s.cutoff = d.cutoff;
	if (keep == AL_RULE_DROP)
		fx->s.drop = d.drop;
	if (keep == AL_RULE_DIP) {
		fx->s.dip_amber_sd = d.dip_amber_sd;
		fx->s.dip_red_sd = d.dip_red_sd;
	}
	if (keep == AL_RULE_DECLINE)
		fx->s.ewma_limit = d.ewma_limit;
	if (keep == AL_RULE_DISCREPANCY)
		fx->s.discrepancy = d.discrepancy;
}

static void test_low(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 6, 1);
	series(&fx, AL_RATER_CLIENT, 0, "8.0 7.9 8.1 7.5 0 10");
	only(&fx, AL_RULE_LOW);
	expect_flags(&fx, "2,trust,low,amber,\n"
	                  "4,trust,low,amber,\n"
	                  "5,trust,low,amber,\n");
	assert_int_equal(find_flag(&fx, 1, 0, AL_RULE_LOW)->value, 79);
	assert_int_equal(find_flag(&fx, 1, 0, AL_RULE_LOW)->ref, 80);
	fx.s.cutoff = 75; /* the cutoff is a setting; 7.5 is not under 7.5 */
	expect_flags(&fx, "5,trust,low,amber,\n");
	/* with every rule on, 0.0 after 7.5 is also a drop, a dip and a decline */
	al_settings_default(&fx.s);
	expect_flags(&fx, "2,trust,low,amber,\n"
	                  "4,trust,low,amber,\n"
	                  "5,trust,decline,amber,\n"
	                  "5,trust,dip,red,repaired\n"
	                  "5,trust,drop,red,repaired\n"
	                  "5,trust,low,amber,\n");
}

static void test_drop(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 5, 1);
	/* 9.3 -> 7.3 is exactly 2.0: a drop; 9.2 -> 7.3 is 1.9: none */
	series(&fx, AL_RATER_CLIENT, 0, "9.3 7.3 9.2 7.3 9.5");
	expect_flags(&fx, "2,trust,drop,red,repaired\n"
	                  "2,trust,low,amber,\n"
	                  "4,trust,low,amber,\n");
	const struct al_flag *f = find_flag(&fx, 1, 0, AL_RULE_DROP);
	assert_int_equal(f->ref, 93);
	assert_int_equal(f->value, 73);
	assert_int_equal(f->ref_session, 0);
	assert_near(f->pre, 9.3); /* only one value before */
	assert_int_equal(f->npre, 1);
	assert_int_equal(f->repair_session, 2); /* 9.2 >= 9.3 - 0.5 */
	assert_near(f->repair_value, 9.2);
}

static void test_drop_across_a_gap(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 4, 2);
	/* trust was not rated at session 2: the previous rated value is 9.0 */
	series(&fx, AL_RATER_CLIENT, 0, "9.0 - 7.0 7.0");
	series(&fx, AL_RATER_CLIENT, 1, "9.0 9.0 9.0 9.0");
	only(&fx, AL_RULE_DROP);
	expect_flags(&fx, "3,trust,drop,red,open\n");
	const struct al_flag *f = find_flag(&fx, 2, 0, AL_RULE_DROP);
	assert_int_equal(f->ref_session, 0);
	assert_int_equal(f->ref, 90);
}

static void test_dip_floor_and_exact_limits(void **state)
{
	(void)state;
	struct fixture fx;
	/* identical values: SD 0, floored to 1.0: amber at 7.5, red at 7.0 */
	fixture_init(&fx, 4, 1);
	only(&fx, AL_RULE_DIP);
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 7.6");
	expect_flags(&fx, "");
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 7.5");
	expect_flags(&fx, "4,trust,dip,amber,open\n");
	const struct al_flag *f = find_flag(&fx, 3, 0, AL_RULE_DIP);
	assert_near(f->mean, 9.0);
	assert_near(f->sd, 1.0);
	assert_near(f->limit, 7.5);
	assert_int_equal(f->k, 3);
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 7.1");
	expect_flags(&fx, "4,trust,dip,amber,open\n");
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 7.0");
	expect_flags(&fx, "4,trust,dip,red,open\n");
	assert_near(fx.flags[0].limit, 7.0);
}

static void test_dip_own_spread(void **state)
{
	(void)state;
	struct fixture fx;
	/* 6, 8, 10: mean 8.0, sample SD 2.0 (above the floor): amber 5.0, red 4.0 */
	fixture_init(&fx, 4, 1);
	only(&fx, AL_RULE_DIP);
	series(&fx, AL_RATER_CLIENT, 0, "6 8 10 5.0");
	expect_flags(&fx, "4,trust,dip,amber,open\n");
	assert_near(fx.flags[0].mean, 8.0);
	assert_near(fx.flags[0].sd, 2.0);
	assert_near(fx.flags[0].limit, 5.0);
	series(&fx, AL_RATER_CLIENT, 0, "6 8 10 4.0");
	expect_flags(&fx, "4,trust,dip,red,open\n");
	series(&fx, AL_RATER_CLIENT, 0, "6 8 10 5.1");
	expect_flags(&fx, "");
	/* every prior value counts, not a window: 5.5 against 6, 8, 10, 8
	 * (mean 8.0, SD 1.633, amber limit 5.55) */
	fixture_init(&fx, 5, 1);
	only(&fx, AL_RULE_DIP);
	series(&fx, AL_RATER_CLIENT, 0, "6 8 10 8 5.5");
	expect_flags(&fx, "5,trust,dip,amber,open\n");
	assert_int_equal(fx.flags[0].k, 4);
	assert_near(fx.flags[0].mean, 8.0);
	assert_near(fx.flags[0].sd, 1.633);
}

static void test_dip_needs_three_values(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 3, 1);
	series(&fx, AL_RATER_CLIENT, 0, "9 9 5");
	expect_flags(&fx, "3,trust,drop,red,open\n"
	                  "3,trust,low,amber,\n");
}

static void test_decline_once_per_run(void **state)
{
	(void)state;
	struct fixture fx;
	/* baseline 9 9 9 (SD 0, floored to 1.0); a slow slide under the limit at
	 * session 8, back above at 10, under again at 17 */
	fixture_init(&fx, 18, 1);
	only(&fx, AL_RULE_DECLINE);
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 8.4 8 7.6 7.2 7 7 9.5 9.5 9.5 9.5 9.5 7 7 7 7");
	expect_flags(&fx, "8,trust,decline,amber,\n"
	                  "17,trust,decline,amber,\n");
	const struct al_flag *f = find_flag(&fx, 7, 0, AL_RULE_DECLINE);
	assert_int_equal(f->k, 5);
	assert_near(f->z, 7.9812);
	assert_near(f->limit, 8.0552);
	assert_near(f->mean, 9.0);
	assert_near(f->sd, 1.0);
	assert_int_equal(f->repair, AL_REPAIR_NA);
	assert_int_equal(find_flag(&fx, 16, 0, AL_RULE_DECLINE)->k, 14);
}

static void test_decline_on_the_limit(void **state)
{
	(void)state;
	struct fixture fx;
	/* k = 1: limit 9.0 - 3 * 0.2 = 8.4; 6.0 gives z = 8.4, on it: not below */
	fixture_init(&fx, 4, 1);
	only(&fx, AL_RULE_DECLINE);
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 6.0");
	expect_flags(&fx, "");
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 5.9");
	expect_flags(&fx, "4,trust,decline,amber,\n");
	assert_near(fx.flags[0].z, 8.38);
	assert_near(fx.flags[0].limit, 8.4);
}

/* A context event (illness, bereavement...) keeps a session out of the dip
 * baseline only: the EWMA baseline, drop and repair still use it. */
static void test_context_dip_baseline(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 6, 1);
	series(&fx, AL_RATER_CLIENT, 0, "9 9 5 9 9 6");
	fx.sessions[2].has_context = true;
	/* session 6 against 9 9 9 9 (not 9 9 5 9 9, which would give no dip) */
	expect_flags(&fx, "3,trust,drop,red,repaired\n"
	                  "3,trust,low,amber,\n"
	                  "6,trust,dip,red,open\n"
	                  "6,trust,drop,red,open\n"
	                  "6,trust,low,amber,\n");
	const struct al_flag *f = find_flag(&fx, 5, 0, AL_RULE_DIP);
	assert_int_equal(f->k, 4);
	assert_near(f->mean, 9.0);
	assert_near(f->pre, 7.6667); /* repair target: 5 9 9, context included */
	fx.sessions[2].has_context = false;
	expect_flags(&fx, "3,trust,drop,red,repaired\n"
	                  "3,trust,low,amber,\n"
	                  "6,trust,drop,red,open\n"
	                  "6,trust,low,amber,\n");
}

static void test_context_ewma_baseline(void **state)
{
	(void)state;
	struct fixture fx;
	/* baseline 9.5 9 8.5 with the context session: mu0 9.0 and a decline at
	 * session 6; without 9.5 it would be 9 8.5 7 and no decline */
	fixture_init(&fx, 6, 1);
	only(&fx, AL_RULE_DECLINE);
	series(&fx, AL_RATER_CLIENT, 0, "9.5 9 8.5 7 7 7");
	fx.sessions[0].has_context = true;
	expect_flags(&fx, "6,trust,decline,amber,\n");
	assert_near(fx.flags[0].mean, 9.0);
	assert_near(fx.flags[0].z, 8.024);
	assert_near(fx.flags[0].limit, 8.141);
}

static void test_discrepancy(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 5, 1);
	only(&fx, AL_RULE_DISCREPANCY);
	series(&fx, AL_RATER_CLIENT, 0, "7.0 7.0 7.0 9.0 9.0");
	series(&fx, AL_RATER_CLINICIAN, 0, "9.0 8.9 - 9.5 6.0");
	/* 2.0 exactly fires; 1.9 does not; a clinician below the client does not */
	expect_flags(&fx, "1,trust,discrepancy,amber,\n");
	assert_int_equal(fx.flags[0].value, 70);
	assert_int_equal(fx.flags[0].ref, 90);
	fx.s.discrepancy = 19;
	expect_flags(&fx, "1,trust,discrepancy,amber,\n"
	                  "2,trust,discrepancy,amber,\n");
}

static void test_clinician_only_ratings(void **state)
{
	(void)state;
	struct fixture fx;
	/* session 2 has only the clinician's view: missing, no discrepancy, and
	 * not a prior value for the drop at session 3 */
	fixture_init(&fx, 3, 1);
	series(&fx, AL_RATER_CLIENT, 0, "9 - 6");
	series(&fx, AL_RATER_CLINICIAN, 0, "9 2 9");
	expect_flags(&fx, "2,,missing,info,\n"
	                  "3,trust,discrepancy,amber,\n"
	                  "3,trust,drop,red,open\n"
	                  "3,trust,low,amber,\n");
	assert_int_equal(find_flag(&fx, 2, 0, AL_RULE_DROP)->ref_session, 0);
	/* a course rated by the clinician alone */
	fixture_init(&fx, 2, 3);
	series(&fx, AL_RATER_CLINICIAN, 0, "9 2");
	series(&fx, AL_RATER_CLINICIAN, 2, "2 9");
	expect_flags(&fx, "1,,missing,info,\n"
	                  "2,,missing,info,\n");
	assert_int_equal(fx.flags[0].severity, AL_SEV_INFO);
	assert_int_equal(fx.flags[0].repair, AL_REPAIR_NA);
}

static void test_missing(void **state)
{
	(void)state;
	struct fixture fx;
	/* one dimension missing is not a missing session; all of them is */
	fixture_init(&fx, 3, 3);
	series(&fx, AL_RATER_CLIENT, 0, "9 - -");
	series(&fx, AL_RATER_CLIENT, 1, "9 9 -");
	series(&fx, AL_RATER_CLIENT, 2, "9 9 -");
	expect_flags(&fx, "3,,missing,info,\n");
	assert_int_equal(fx.flags[0].dim, -1);
	assert_int_equal(fx.flags[0].value, -1);
}

static void test_one_session(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 1, 3);
	series(&fx, AL_RATER_CLIENT, 0, "7.0");
	series(&fx, AL_RATER_CLIENT, 1, "9.0");
	series(&fx, AL_RATER_CLIENT, 2, "9.0");
	expect_flags(&fx, "1,trust,low,amber,\n");
	series(&fx, AL_RATER_CLIENT, 0, "10");
	expect_flags(&fx, "");
	fx.sessions[0].rupture = AL_RUPTURE_CONFRONTATION;
	expect_flags(&fx, "1,,marker,red,open\n");
	fixture_init(&fx, 0, 3);
	expect_flags(&fx, "");
}

static void test_identical_values(void **state)
{
	(void)state;
	struct fixture fx;
	/* SD 0 everywhere: the floor of 1.0 keeps 8.0 -> 6.5 an amber dip and
	 * not a red one; the EWMA (7.7) stays above 8.0 - 0.912 */
	fixture_init(&fx, 7, 1);
	series(&fx, AL_RATER_CLIENT, 0, "8 8 8 8 8 8 6.5");
	expect_flags(&fx, "7,trust,dip,amber,open\n"
	                  "7,trust,low,amber,\n");
	assert_near(fx.flags[0].sd, 1.0);
	assert_near(fx.flags[0].limit, 6.5);
	fx.s.sd_floor = 0.5; /* the floor is a setting: now 6.5 <= 8.0 - 2 * 0.5 */
	expect_flags(&fx, "7,trust,dip,red,open\n"
	                  "7,trust,low,amber,\n");
	fx.s.sd_floor = 0.3; /* and the EWMA limit 8.0 - 3 * 0.3 * 0.304 = 7.726 > 7.7 */
	expect_flags(&fx, "7,trust,decline,amber,\n"
	                  "7,trust,dip,red,open\n"
	                  "7,trust,low,amber,\n");
	assert_near(fx.flags[0].limit, 7.7263);
}

static void test_missing_one_dimension(void **state)
{
	(void)state;
	struct fixture fx;
	/* trust skips session 3: its dip baseline is 9 9 9 from sessions 1, 2, 4 */
	fixture_init(&fx, 5, 3);
	series(&fx, AL_RATER_CLIENT, 0, "9 9 - 9 6");
	series(&fx, AL_RATER_CLIENT, 1, "9 9 9 9 9");
	series(&fx, AL_RATER_CLIENT, 2, "9 9 9 9 9");
	expect_flags(&fx, "5,trust,dip,red,open\n"
	                  "5,trust,drop,red,open\n"
	                  "5,trust,low,amber,\n");
	assert_int_equal(fx.flags[0].k, 3);
	assert_int_equal(fx.flags[1].ref_session, 3);
}

static void test_two_sessions_one_date(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 3, 1);
	fx.sessions[2].date = fx.sessions[1].date; /* a second session on 9 March */
	series(&fx, AL_RATER_CLIENT, 0, "9 9 6.5");
	expect_flags(&fx, "3,trust,drop,red,open\n"
	                  "3,trust,low,amber,\n");
	assert_int_equal(fx.flags[0].session, 2);
	assert_int_equal(fx.flags[0].ref_session, 1);
}

static void test_fourth_dimension(void **state)
{
	(void)state;
	struct fixture fx;
	/* goals is not core: it has its own rules, after the core dimensions,
	 * and stays out of the marker's session mean */
	fixture_init(&fx, 5, 4);
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 7 9");
	series(&fx, AL_RATER_CLIENT, 1, "9 9 9 9 9");
	series(&fx, AL_RATER_CLIENT, 2, "9 9 9 9 9");
	series(&fx, AL_RATER_CLIENT, 3, "9 9 9 5 9");
	fx.sessions[3].rupture = AL_RUPTURE_WITHDRAWAL;
	expect_flags(&fx, "4,,marker,red,repaired\n"
	                  "4,trust,dip,red,repaired\n"
	                  "4,trust,drop,red,repaired\n"
	                  "4,trust,low,amber,\n"
	                  "4,goals,decline,amber,\n"
	                  "4,goals,dip,red,repaired\n"
	                  "4,goals,drop,red,repaired\n"
	                  "4,goals,low,amber,\n");
	assert_int_equal(fx.flags[0].value, 83); /* (7 + 9 + 9) / 3, not with 5 */
	assert_near(fx.flags[0].pre, 9.0);
	assert_int_equal(fx.flags[0].repair_session, 4);
	assert_int_equal(fx.flags[4].dim, 3);
}

static void test_marker_repair(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 8, 3);
	only(&fx, AL_RULE_MARKER);
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 6 8.5 - 8 8");
	series(&fx, AL_RATER_CLIENT, 1, "9 9 9 6 8.5 - 8 8");
	series(&fx, AL_RATER_CLIENT, 2, "9 9 9 6 9.0 - 8 8");
	fx.sessions[3].rupture = AL_RUPTURE_WITHDRAWAL;
	/* p = 9.0; session 5's mean 8.67 >= 8.5 */
	expect_flags(&fx, "4,,marker,red,repaired\n"
	                  "6,,missing,info,\n");
	assert_near(fx.flags[0].repair_value, 8.6667);
	assert_int_equal(fx.flags[0].value, 60);
	/* 8.4 8.4 8.5 -> mean 8.43: not back; with the unrated session 6
	 * skipped, sessions 5, 7 and 8 are the three that count */
	series(&fx, AL_RATER_CLIENT, 2, "9 9 9 6 8.5 - 8 8");
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 6 8.4 - 8 8");
	series(&fx, AL_RATER_CLIENT, 1, "9 9 9 6 8.4 - 8 8");
	expect_flags(&fx, "4,,marker,red,unrepaired\n"
	                  "6,,missing,info,\n");
	fx.c.n = 7; /* only two rated sessions after it so far */
	expect_flags(&fx, "4,,marker,red,open\n"
	                  "6,,missing,info,\n");
}

static void test_marker_without_prior(void **state)
{
	(void)state;
	struct fixture fx;
	/* nothing rated before: the marker stays open whatever follows */
	fixture_init(&fx, 6, 3);
	only(&fx, AL_RULE_MARKER);
	series(&fx, AL_RATER_CLIENT, 0, "- 5 9 9 9 9");
	series(&fx, AL_RATER_CLIENT, 1, "- 5 9 9 9 9");
	series(&fx, AL_RATER_CLIENT, 2, "- 5 9 9 9 9");
	fx.sessions[0].rupture = AL_RUPTURE_CONFRONTATION;
	fx.sessions[1].rupture = AL_RUPTURE_WITHDRAWAL;
	/* the first is also unrated: marker before missing (alphabetical) */
	expect_flags(&fx, "1,,marker,red,open\n"
	                  "1,,missing,info,\n"
	                  "2,,marker,red,open\n");
	assert_int_equal(fx.flags[0].value, -1);
	assert_int_equal(fx.flags[0].npre, 0);
	assert_int_equal(fx.flags[2].npre, 0);
}

static void test_marker_core_only(void **state)
{
	(void)state;
	struct fixture fx;
	/* sessions with only goals rated have no marker value and are skipped */
	fixture_init(&fx, 4, 4);
	only(&fx, AL_RULE_MARKER);
	series(&fx, AL_RATER_CLIENT, 0, "9 - 6 -");
	series(&fx, AL_RATER_CLIENT, 3, "1 1 1 1");
	fx.sessions[2].rupture = AL_RUPTURE_WITHDRAWAL;
	fx.sessions[3].rupture = AL_RUPTURE_WITHDRAWAL;
	expect_flags(&fx, "3,,marker,red,open\n"
	                  "4,,marker,red,open\n");
	assert_int_equal(fx.flags[0].npre, 1);
	assert_near(fx.flags[0].pre, 9.0);
	assert_int_equal(fx.flags[1].value, -1);
	assert_int_equal(fx.flags[1].npre, 2);
	assert_near(fx.flags[1].pre, 7.5);
}

static void test_repair_window(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 9, 2);
	only(&fx, AL_RULE_DROP);
	series(&fx, AL_RATER_CLIENT, 1, "9 9 9 9 9 9 9 9 9");
	/* p = 9.0: back at 8.5 exactly (p - 0.5) is repaired */
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 6 8.5 - - - -");
	expect_flags(&fx, "4,trust,drop,red,repaired\n");
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 6 8.4 - - - -");
	expect_flags(&fx, "4,trust,drop,red,open\n");
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 6 8.4 8.4 8.4 - -");
	expect_flags(&fx, "4,trust,drop,red,unrepaired\n");
	/* the third rated session still counts; unrated ones do not */
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 6 8 - - 8 8.5");
	expect_flags(&fx, "4,trust,drop,red,repaired\n");
	assert_int_equal(fx.flags[0].repair_session, 8);
	/* a fourth is too late */
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 6 8 8 8 9 9");
	expect_flags(&fx, "4,trust,drop,red,unrepaired\n");
	/* window and tolerance are settings */
	fx.s.repair_window = 4;
	expect_flags(&fx, "4,trust,drop,red,repaired\n");
	assert_int_equal(fx.flags[0].repair_session, 7);
	fx.s.repair_tolerance = 10;
	expect_flags(&fx, "4,trust,drop,red,repaired\n");
	assert_int_equal(fx.flags[0].repair_session, 4);
}

static void test_output_buffer(void **state)
{
	(void)state;
	struct fixture fx;
	struct al_flag few[3];
	w1(&fx);
	fx.sessions[0].rupture = AL_RUPTURE_WITHDRAWAL;
	detect(&fx);
	assert_int_equal(fx.nflags, 4);
	assert_int_equal(rules_detect(&fx.c, &fx.s, NULL, 0), 4);
	memset(few, 0x5a, sizeof few);
	assert_int_equal(rules_detect(&fx.c, &fx.s, few, 2), 4);
	assert_memory_equal(few, fx.flags, 2 * sizeof few[0]);
	for (size_t i = 0; i < sizeof few[2]; i++)
		assert_int_equal(((unsigned char *)&few[2])[i], 0x5a);
}

static void test_names(void **state)
{
	(void)state;
	const char *rules = "";
	char all[128] = "";
	for (int r = 0; r < AL_RULE_COUNT; r++) {
		strcat(all, rule_name((enum al_rule)r));
		strcat(all, " ");
	}
	rules = "decline dip discrepancy disengaging drop low marker missed missing reported ";
	assert_string_equal(all, rules);
	assert_string_equal(severity_name(AL_SEV_INFO), "info");
	assert_string_equal(severity_name(AL_SEV_AMBER), "amber");
	assert_string_equal(severity_name(AL_SEV_RED), "red");
	assert_string_equal(repair_name(AL_REPAIR_NA), "");
	assert_string_equal(repair_name(AL_REPAIR_OPEN), "open");
	assert_string_equal(repair_name(AL_REPAIR_REPAIRED), "repaired");
	assert_string_equal(repair_name(AL_REPAIR_UNREPAIRED), "unrepaired");
}

/* ---- explanations --------------------------------------------------------- */

static void expect_explained(const struct fixture *fx, size_t flag, const char *want)
{
	char got[512];
	assert_true(flag < fx->nflags);
	flag_explain(&fx->c, &fx->s, &fx->flags[flag], got, sizeof got);
	assert_string_equal(got, want);
}

static void test_explain_w1(void **state)
{
	(void)state;
	struct fixture fx;
	w1(&fx);
	detect(&fx);
	expect_explained(&fx, 0,
	                 "Trust was 6.0 on 30 March, far below this client's usual 9.0 "
	                 "(over 4 sessions). Ask what was different this time. "
	                 "It came back to 9.0 on 6 April: repaired.");
	expect_explained(&fx, 1,
	                 "Trust fell from 9.0 to 6.0 since 23 March (a drop of 3.0). "
	                 "Ask about how the last session felt. "
	                 "It came back to 9.0 on 6 April: repaired.");
	expect_explained(&fx, 2,
	                 "Trust was 6.0 on 30 March, under the cutoff of 8.0. "
	                 "Ask what would help them feel safe to be open.");
}

static void test_explain_repair_states(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 7, 3);
	only(&fx, AL_RULE_DROP);
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 6 8.4 8.4 8.4");
	series(&fx, AL_RATER_CLIENT, 1, "9 9 9 9 9 9 9");
	series(&fx, AL_RATER_CLIENT, 2, "9 9 9 6.5 9 9 9");
	fx.s.repair_tolerance = 4; /* p - 0.4: not back at 8.4 */
	detect(&fx);
	expect_explained(&fx, 0,
	                 "Trust fell from 9.0 to 6.0 since 16 March (a drop of 3.0). "
	                 "Ask about how the last session felt. "
	                 "Not back to its earlier level (9.0) after 3 sessions.");
	expect_explained(&fx, 1,
	                 "Empathy fell from 9.0 to 6.5 since 16 March (a drop of 2.5). "
	                 "Ask about how the last session felt. "
	                 "It came back to 9.0 on 30 March: repaired.");
	fx.c.n = 6;
	detect(&fx);
	expect_explained(&fx, 0,
	                 "Trust fell from 9.0 to 6.0 since 16 March (a drop of 3.0). "
	                 "Ask about how the last session felt. "
	                 "Open: watch for a return to 8.6 or more.");
}

static void test_explain_marker(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 3, 3);
	only(&fx, AL_RULE_MARKER);
	series(&fx, AL_RATER_CLIENT, 0, "- 7 -");
	series(&fx, AL_RATER_CLIENT, 1, "- 6 -");
	series(&fx, AL_RATER_CLIENT, 2, "- 6 -");
	fx.sessions[0].rupture = AL_RUPTURE_CONFRONTATION;
	fx.sessions[1].rupture = AL_RUPTURE_WITHDRAWAL;
	detect(&fx);
	expect_explained(&fx, 0,
	                 "You noted a confrontation rupture on 2 March. Invite them to "
	                 "talk about what happened between you. "
	                 "Open: no earlier ratings to compare with.");
	expect_explained(&fx, 1,
	                 "No client ratings on 2 March. "
	                 "Ask whether rating after the session still suits them.");
	expect_explained(&fx, 2,
	                 "You noted a withdrawal rupture on 9 March (mean alliance 6.3). "
	                 "Invite them to talk about what happened between you. "
	                 "Open: no earlier ratings to compare with.");
}

static void test_explain_decline_discrepancy(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 4, 1);
	series(&fx, AL_RATER_CLIENT, 0, "9 9 9 5.9");
	series(&fx, AL_RATER_CLINICIAN, 0, "- - - 8.0");
	only(&fx, AL_RULE_DECLINE);
	detect(&fx);
	expect_explained(&fx, 0,
	                 "Trust has been drifting down from its early level of 9.0: its "
	                 "running average reached 8.4 on 23 March, lower than usual "
	                 "variation explains. Ask how recent sessions have felt.");
	only(&fx, AL_RULE_DISCREPANCY);
	detect(&fx);
	expect_explained(&fx, 0,
	                 "On 23 March you rated trust 8.0, the client 5.9 (a gap of 2.1). "
	                 "Ask how the session was for them: your views differ.");
}

static void test_explain_dates_and_labels(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 3, 4);
	only(&fx, AL_RULE_DROP);
	/* across a new year: the year is written when it is not the latest one */
	assert_true(parse_date("2025-12-29", &fx.sessions[0].date));
	assert_true(parse_date("2026-01-05", &fx.sessions[1].date));
	fx.sessions[2].date = fx.sessions[1].date; /* a second session that day */
	series(&fx, AL_RATER_CLIENT, 3, "9 6 3");
	detect(&fx);
	expect_explained(&fx, 0,
	                 "Agreement on goals fell from 9.0 to 6.0 since 29 December 2025 "
	                 "(a drop of 3.0). Ask about how the last session felt. "
	                 "Open: watch for a return to 8.5 or more.");
	expect_explained(&fx, 1,
	                 "Agreement on goals fell from 6.0 to 3.0 since earlier that day "
	                 "(a drop of 3.0). Ask about how the last session felt. "
	                 "Open: watch for a return to 7.0 or more.");
	only(&fx, AL_RULE_LOW);
	detect(&fx);
	expect_explained(&fx, 0,
	                 "Agreement on goals was 6.0 on 5 January, under the cutoff of 8.0. "
	                 "Ask how this part of the work feels to them.");
}

static void test_explain_small_buffer(void **state)
{
	(void)state;
	struct fixture fx;
	char buf[16];
	w1(&fx);
	detect(&fx);
	memset(buf, 'x', sizeof buf);
	flag_explain(&fx.c, &fx.s, &fx.flags[1], buf, 12);
	assert_string_equal(buf, "Trust fell ");
	assert_int_equal(buf[12], 'x');
	flag_explain(&fx.c, &fx.s, &fx.flags[1], buf, 0);
	assert_int_equal(buf[0], 'T');
}

/* ---- the acceptance vector: 24 clients, flags --all exactly -------------- */

/* One client of input.csv, read row by row. */
struct vector {
	struct fixture fx;
	char client[AL_KEY_MAX + 1];
	char last_date[16];
	int last_seq;
	FILE *want; /* flags.csv, consumed line by line */
	size_t rows;
};

/* The shared vectors, copied into tests/vectors/ so that the source tree
 * alone builds and tests (tests/run.sh sets VECTORS). */
static FILE *shared_open(const char *name)
{
	const char *dir = getenv("VECTORS");
	char path[1024];
	snprintf(path, sizeof path, "%s/detection/%s", dir && *dir ? dir : "tests/vectors", name);
	FILE *fp = fopen(path, "r");
	if (!fp)
		fail_msg("cannot open %s (set VECTORS to the tests/vectors directory)", path);
	return fp;
}

/* Splits a line at commas in place; returns the number of fields. */
static int split(char *line, char **fields, int max)
{
	int n = 0;
	line[strcspn(line, "\r\n")] = '\0';
	for (char *p = line; n < max; p++) {
		fields[n++] = p;
		p = strchr(p, ',');
		if (!p)
			break;
		*p = '\0';
	}
	return n;
}

static int dim_index(const char *key)
{
	for (int d = 0; d < 3; d++)
		if (strcmp(core_dims[d].key, key) == 0)
			return d;
	fail_msg("unknown dimension %s", key);
	return -1;
}

/* Runs the rules on the client read so far and checks its rows of flags.csv. */
static void vector_flush(struct vector *v)
{
	if (!v->client[0])
		return;
	detect(&v->fx);
	for (size_t i = 0; i < v->fx.nflags; i++) {
		const struct al_flag *f = &v->fx.flags[i];
		char got[256], want[256], date[11];
		format_date(v->fx.sessions[f->session].date, date);
		snprintf(got, sizeof got, "%s,%d,%s,%s,%s,%s,%s\n", v->client,
		         v->fx.sessions[f->session].seq, date,
		         f->dim < 0 ? "" : v->fx.dims[f->dim].key, rule_name(f->rule),
		         severity_name(f->severity), repair_name(f->repair));
		if (!fgets(want, sizeof want, v->want))
			snprintf(want, sizeof want, "(end of flags.csv)\n");
		assert_string_equal(got, want);
		v->rows++;
	}
	v->client[0] = '\0';
}

static void vector_row(struct vector *v, char **f)
{
	/* client,clinician,date,session,rater,dimension,value,rupture,context */
	struct fixture *fx = &v->fx;
	if (strcmp(f[0], v->client) != 0) {
		vector_flush(v);
		fixture_init(fx, 0, 3);
		snprintf(v->client, sizeof v->client, "%s", f[0]);
		v->last_date[0] = '\0';
	}
	if (strcmp(f[2], v->last_date) != 0 || atoi(f[3]) != v->last_seq) {
		assert_true(fx->c.n < MAX_SESSIONS);
		struct al_session *se = &fx->sessions[fx->c.n++];
		assert_true(parse_date(f[2], &se->date));
		se->seq = atoi(f[3]);
		assert_true(parse_rupture(f[7], &se->rupture));
		se->has_context = f[8][0] != '\0';
		snprintf(v->last_date, sizeof v->last_date, "%s", f[2]);
		v->last_seq = se->seq;
	}
	if (!f[4][0])
		return; /* an unrated session */
	enum al_rater who;
	al_tenths value;
	const char *why;
	assert_true(parse_rater(f[4], &who));
	assert_true(parse_rating(f[6], &value, &why));
	fx->sessions[fx->c.n - 1].rating[who][dim_index(f[5])] = value;
}

static void test_acceptance_vector(void **state)
{
	(void)state;
	static struct vector v; /* large: keep it off the stack */
	char line[512], *f[9];
	memset(&v, 0, sizeof v);
	FILE *in = shared_open("input.csv");
	v.want = shared_open("flags.csv");
	assert_non_null(fgets(line, sizeof line, in)); /* headers */
	assert_non_null(fgets(line, sizeof line, v.want));
	assert_string_equal(line, "client,session,date,dimension,rule,severity,status\n");
	while (fgets(line, sizeof line, in)) {
		assert_int_equal(split(line, f, 9), 9);
		vector_row(&v, f);
	}
	vector_flush(&v);
	assert_null(fgets(line, sizeof line, v.want)); /* nothing expected is left over */
	assert_int_equal(v.rows, 967);
	fclose(in);
	fclose(v.want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_worked_course_w1),
	    cmocka_unit_test(test_low),
	    cmocka_unit_test(test_drop),
	    cmocka_unit_test(test_drop_across_a_gap),
	    cmocka_unit_test(test_dip_floor_and_exact_limits),
	    cmocka_unit_test(test_dip_own_spread),
	    cmocka_unit_test(test_dip_needs_three_values),
	    cmocka_unit_test(test_decline_once_per_run),
	    cmocka_unit_test(test_decline_on_the_limit),
	    cmocka_unit_test(test_context_dip_baseline),
	    cmocka_unit_test(test_context_ewma_baseline),
	    cmocka_unit_test(test_discrepancy),
	    cmocka_unit_test(test_clinician_only_ratings),
	    cmocka_unit_test(test_missing),
	    cmocka_unit_test(test_one_session),
	    cmocka_unit_test(test_identical_values),
	    cmocka_unit_test(test_missing_one_dimension),
	    cmocka_unit_test(test_two_sessions_one_date),
	    cmocka_unit_test(test_fourth_dimension),
	    cmocka_unit_test(test_marker_repair),
	    cmocka_unit_test(test_marker_without_prior),
	    cmocka_unit_test(test_marker_core_only),
	    cmocka_unit_test(test_repair_window),
	    cmocka_unit_test(test_output_buffer),
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_explain_w1),
	    cmocka_unit_test(test_explain_repair_states),
	    cmocka_unit_test(test_explain_marker),
	    cmocka_unit_test(test_explain_decline_discrepancy),
	    cmocka_unit_test(test_explain_dates_and_labels),
	    cmocka_unit_test(test_explain_small_buffer),
	    cmocka_unit_test(test_acceptance_vector),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
