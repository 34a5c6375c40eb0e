/* Unit tests for the engagement rules (SPEC §4: reported, disengaging,
 * missed, and missing only for attended sessions), their explanations,
 * and the gap rule of the status (summary_apply_gap), each with a worked
 * series and the exact flags. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <math.h>
#include <stdlib.h>

#include "alliance/core/analysis.h"
#include "alliance/core/engagement.h"
#include "alliance/core/summary.h"
#include "rules_fixture.h"

/* Attendance per session from letters: A attended, C cancelled, L late
 * cancellation, N no-show, X cancelled by the clinician. */
static void attend(struct fixture *fx, const char *letters)
{
	static const char codes[] = "ACLNX";
	size_t i = 0;
	for (const char *p = letters; *p; p++) {
		if (*p == ' ')
			continue;
		const char *k = strchr(codes, *p);
		assert_non_null(k);
		assert_true(i < fx->c.n);
		fx->sessions[i++].attendance = (enum al_attendance)(k - codes);
	}
	assert_int_equal(i, fx->c.n);
}

/* The check-in of session number seq (1-based); -1 for no answer. */
static void checkin(struct fixture *fx, int seq, int tension, int talked, int misunderstood)
{
	struct al_session *s = &fx->sessions[seq - 1];
	s->tension = (int8_t)tension;
	s->talked = (int8_t)talked;
	s->misunderstood = (int8_t)misunderstood;
}

static void explain_at(struct fixture *fx, int seq, enum al_rule rule, char *buf, size_t cap)
{
	detect(fx);
	const struct al_flag *f = find_flag(fx, (size_t)seq - 1, -1, rule);
	flag_explain(&fx->c, &fx->s, f, buf, cap);
}

/* Calm ratings 9.0 on the three core dimensions for every attended session. */
static void calm(struct fixture *fx)
{
	for (size_t i = 0; i < fx->c.n; i++)
		for (int d = 0; d < 3; d++)
			fx->sessions[i].rating[AL_RATER_CLIENT][d] =
			    fx->sessions[i].attendance == AL_ATTENDED ? 90 : AL_MISSING;
}

/* ---- reported ----------------------------------------------------------- */

static void test_reported(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 9, 3);
	calm(&fx);
	checkin(&fx, 1, 0, -1, 0);  /* none, not misunderstood: nothing */
	checkin(&fx, 2, 1, 3, 0);   /* a little, mostly talked through: amber */
	checkin(&fx, 3, 1, 1, -1);  /* a little, hardly talked through: red */
	checkin(&fx, 4, 1, -1, -1); /* a little, talked not answered: amber */
	checkin(&fx, 5, 2, 4, 0);   /* some tension, however well talked through: red */
	checkin(&fx, 6, 0, -1, 1);  /* no tension, but misunderstood: red */
	checkin(&fx, 7, 4, 0, 1);   /* a lot: red, one flag */
	checkin(&fx, 8, -1, -1, 0); /* only misunderstood, no: nothing */
	/* session 9: no check-in at all */
	expect_flags(&fx, "2,,reported,amber,\n"
	                  "3,,reported,red,\n"
	                  "4,,reported,amber,\n"
	                  "5,,reported,red,\n"
	                  "6,,reported,red,\n"
	                  "7,,reported,red,\n");
	checkin(&fx, 2, 1, 2, 0); /* talked 2 is not "talked <= 1": still amber */
	detect(&fx);
	assert_int_equal(find_flag(&fx, 1, -1, AL_RULE_REPORTED)->severity, AL_SEV_AMBER);
}

static void test_explain_reported(void **state)
{
	(void)state;
	struct fixture fx;
	char buf[512];
	fixture_init(&fx, 3, 3);
	calm(&fx);
	checkin(&fx, 2, 2, 2, 0);
	explain_at(&fx, 2, AL_RULE_REPORTED, buf, sizeof buf);
	assert_string_equal(buf, "They said there was some tension today (2 of 4) and that it was "
	                         "only partly talked through. Thank them for saying so, and invite "
	                         "them to say more about what happened on 9 March.");
	checkin(&fx, 3, 1, 3, -1);
	explain_at(&fx, 3, AL_RULE_REPORTED, buf, sizeof buf);
	assert_string_equal(buf, "They said there was a little tension today (1 of 4) and that it "
	                         "was mostly talked through. Check in about it next time.");
	checkin(&fx, 3, 0, -1, 1);
	explain_at(&fx, 3, AL_RULE_REPORTED, buf, sizeof buf);
	assert_string_equal(buf, "They felt that something about who they are (background, culture "
	                         "or identity) was misunderstood. Thank them for saying so, and "
	                         "invite them to say more about what happened on 16 March.");
}

/* ---- missing: only for attended sessions --------------------------------- */

static void test_missing_attended_only(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 6, 3);
	attend(&fx, "A A C X A A");
	calm(&fx);
	for (int d = 0; d < 3; d++)
		fx.sessions[4].rating[AL_RATER_CLIENT][d] = AL_MISSING;
	expect_flags(&fx, "5,,missing,info,\n");
}

/* ---- missed --------------------------------------------------------------- */

static void test_missed(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 12, 3);
	/* 2-3: two in a row; 5, 7: a clinician's cancellation between does not
	 * break the row; 9, 11: a client's cancellation (ahead) does */
	attend(&fx, "A N L A N X L A N C N A");
	calm(&fx);
	expect_flags(&fx, "3,,missed,amber,\n"
	                  "7,,missed,amber,\n");
	assert_int_equal(find_flag(&fx, 2, -1, AL_RULE_MISSED)->k, 2);
	assert_int_equal(find_flag(&fx, 2, -1, AL_RULE_MISSED)->ref_session, 1);
	assert_int_equal(find_flag(&fx, 6, -1, AL_RULE_MISSED)->ref_session, 4);
	/* three in a row: the second and the third */
	attend(&fx, "A N N L A A A A A A A A");
	calm(&fx);
	expect_flags(&fx, "3,,missed,amber,\n"
	                  "4,,missed,amber,\n");
	assert_int_equal(find_flag(&fx, 3, -1, AL_RULE_MISSED)->k, 3);
}

static void test_explain_missed(void **state)
{
	(void)state;
	struct fixture fx;
	char buf[512];
	fixture_init(&fx, 4, 3);
	attend(&fx, "A L N N");
	calm(&fx);
	explain_at(&fx, 3, AL_RULE_MISSED, buf, sizeof buf);
	assert_string_equal(buf, "A no-show on 16 March after a late cancellation on 9 March: two "
	                         "missed sessions in a row. Get in touch to ask how they are and "
	                         "whether the times still suit them.");
	explain_at(&fx, 4, AL_RULE_MISSED, buf, sizeof buf);
	assert_string_equal(buf,
	                    "A no-show on 23 March: three missed sessions in a row. Get in "
	                    "touch to ask how they are and whether the times still suit them.");
}

/* ---- disengaging ---------------------------------------------------------- */

/* Trust 9.0 9.0 9.0 9.0 6.0: a red drop (and dip) at session 5, then
 * what the letters say; attended sessions after it rate trust as given. */
static void rupture(struct fixture *fx, const char *letters, const char *trust)
{
	attend(fx, letters);
	calm(fx);
	series(fx, AL_RATER_CLIENT, 0, trust);
}

static void test_disengaging(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 8, 3);
	/* a no-show right after the rupture, and a late cancellation two after */
	rupture(&fx, "A A A A A N L A", "9 9 9 9 6 - - 6.5");
	expect_flags(&fx, "5,trust,dip,red,open\n"
	                  "5,trust,drop,red,open\n"
	                  "5,trust,low,amber,\n"
	                  "6,,disengaging,red,\n"
	                  "7,,disengaging,red,\n"
	                  "7,,missed,amber,\n"
	                  "8,trust,decline,amber,\n"
	                  "8,trust,low,amber,\n");
	const struct al_flag *f = find_flag(&fx, 6, -1, AL_RULE_DISENGAGING);
	assert_int_equal(f->ref_session, 4);
	assert_int_equal(f->cause_dim, 0);
	assert_true(f->cause == AL_RULE_DIP || f->cause == AL_RULE_DROP);

	/* repaired before the no-show: nothing; a later repair never undoes one */
	rupture(&fx, "A A A A A A N A", "9 9 9 9 6 9 - 9");
	detect(&fx);
	for (size_t i = 0; i < fx.nflags; i++)
		assert_int_not_equal(fx.flags[i].rule, AL_RULE_DISENGAGING);
	rupture(&fx, "A A A A A N A A", "9 9 9 9 6 - 9 9");
	detect(&fx);
	assert_int_equal(find_flag(&fx, 5, -1, AL_RULE_DISENGAGING)->severity, AL_SEV_RED);
	assert_int_equal(find_flag(&fx, 4, 0, AL_RULE_DROP)->repair, AL_REPAIR_REPAIRED);

	/* the third session after is within, the fourth too late */
	rupture(&fx, "A A A A A A A N", "9 9 9 9 6 6 6 -");
	detect(&fx);
	assert_int_equal(find_flag(&fx, 7, -1, AL_RULE_DISENGAGING)->ref_session, 4);
	fixture_init(&fx, 9, 3);
	rupture(&fx, "A A A A A A A A N", "9 9 9 9 6 6 6 6 -");
	detect(&fx);
	assert_int_equal(find_flag(&fx, 4, 0, AL_RULE_DROP)->repair, AL_REPAIR_UNREPAIRED);
	for (size_t i = 0; i < fx.nflags; i++)
		assert_int_not_equal(fx.flags[i].rule, AL_RULE_DISENGAGING);
	/* a cancellation ahead, or by the clinician, is no sign */
	fixture_init(&fx, 8, 3);
	rupture(&fx, "A A A A A C X A", "9 9 9 9 6 - - 6");
	detect(&fx);
	for (size_t i = 0; i < fx.nflags; i++)
		assert_int_not_equal(fx.flags[i].rule, AL_RULE_DISENGAGING);
}

/* A red check-in always counts (it has no repair status); an amber one and
 * an amber dip never do; a marker does until repaired. */
static void test_disengaging_causes(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 6, 3);
	attend(&fx, "A A A N A L");
	calm(&fx);
	checkin(&fx, 2, 3, 1, 0);
	checkin(&fx, 3, 0, -1, 0); /* a calm check-in later does not undo it */
	checkin(&fx, 5, 1, 4, 0);  /* amber: no cause for the late cancellation */
	/* 4 is two sessions after the red check-in; 6 is four after it, and
	 * an amber check-in (5) is no cause */
	expect_flags(&fx, "2,,reported,red,\n"
	                  "4,,disengaging,red,\n"
	                  "5,,reported,amber,\n");
	assert_int_equal(find_flag(&fx, 3, -1, AL_RULE_DISENGAGING)->cause, AL_RULE_REPORTED);
}

static void test_disengaging_marker(void **state)
{
	(void)state;
	struct fixture fx;
	char buf[512];
	fixture_init(&fx, 7, 3);
	attend(&fx, "A A A A A A N");
	calm(&fx);
	fx.sessions[4].rupture = AL_RUPTURE_WITHDRAWAL; /* no fall in the ratings */
	expect_flags(&fx, "5,,marker,red,repaired\n");
	for (int d = 0; d < 3; d++) /* 8.0 after 9.0: no flag, but no repair (8.5) */
		fx.sessions[5].rating[AL_RATER_CLIENT][d] = 80;
	detect(&fx);
	assert_int_equal(find_flag(&fx, 6, -1, AL_RULE_DISENGAGING)->cause, AL_RULE_MARKER);
	explain_at(&fx, 7, AL_RULE_DISENGAGING, buf, sizeof buf);
	assert_string_equal(buf, "A no-show two sessions after an unrepaired rupture. On 30 March "
	                         "you noted a withdrawal. Unrepaired ruptures often come before "
	                         "dropping out: reach out and invite them back to talk about it.");
}

static void test_explain_disengaging(void **state)
{
	(void)state;
	struct fixture fx;
	char buf[512];
	fixture_init(&fx, 8, 3);
	rupture(&fx, "A A A A A N L A", "9 9 9 9 6 - - 6.5");
	explain_at(&fx, 6, AL_RULE_DISENGAGING, buf, sizeof buf);
	assert_string_equal(buf, "A no-show the session after an unrepaired rupture. On 30 March "
	                         "trust fell. Unrepaired ruptures often come before dropping out: "
	                         "reach out and invite them back to talk about it.");
	explain_at(&fx, 7, AL_RULE_DISENGAGING, buf, sizeof buf);
	assert_string_equal(buf, "A late cancellation two sessions after an unrepaired rupture. On "
	                         "30 March trust fell. Unrepaired ruptures often come before "
	                         "dropping out: reach out and invite them back to talk about it.");
	fixture_init(&fx, 3, 3);
	attend(&fx, "A A N");
	calm(&fx);
	checkin(&fx, 2, 2, 0, 0);
	explain_at(&fx, 3, AL_RULE_DISENGAGING, buf, sizeof buf);
	assert_string_equal(buf,
	                    "A no-show the session after they reported a rupture at the "
	                    "check-in (9 March). Unrepaired ruptures often come before dropping "
	                    "out: reach out and invite them back to talk about it.");
}

/* ---- the gap rule of the status ------------------------------------------ */

static struct al_summary gap_summary(enum al_state state, enum al_risk risk, int32_t last_attended)
{
	struct al_summary s;
	memset(&s, 0, sizeof s);
	s.standing.state = state;
	s.standing.risk = risk;
	s.standing.key_date = INT32_MIN;
	s.last_attended = last_attended;
	return s;
}

static void test_gap(void **state)
{
	(void)state;
	int32_t oct3 = date_from_ymd(2026, 10, 3), today = date_from_ymd(2026, 12, 5);
	struct al_summary s = gap_summary(AL_STATE_OK, AL_RISK_OK, oct3);
	summary_apply_gap(&s, false, today, 21);
	assert_true(s.gap);
	assert_int_equal(s.standing.state, AL_STATE_WATCH);
	assert_int_equal(s.standing.risk, AL_RISK_WATCH);
	assert_int_equal(s.standing.key_date, oct3);
	assert_string_equal(s.flag, "Not seen since 3 October, 9 weeks ago. Get in touch to ask "
	                            "how they are.");
	/* exactly gap_days is not more than gap_days */
	s = gap_summary(AL_STATE_REPAIRED, AL_RISK_REPAIRED, today - 21);
	summary_apply_gap(&s, false, today, 21);
	assert_false(s.gap);
	assert_int_equal(s.standing.state, AL_STATE_REPAIRED);
	s = gap_summary(AL_STATE_REPAIRED, AL_RISK_REPAIRED, today - 22);
	summary_apply_gap(&s, false, today, 21);
	assert_true(s.gap);
	assert_string_equal(s.flag, "Not seen since 13 November, 3 weeks ago. Get in touch to ask "
	                            "how they are.");
	s = gap_summary(AL_STATE_OK, AL_RISK_OK, today - 10);
	summary_apply_gap(&s, false, today, 7);
	assert_string_equal(s.flag, "Not seen since 25 November, 10 days ago. Get in touch to ask "
	                            "how they are.");
	/* a year back says the year */
	s = gap_summary(AL_STATE_OK, AL_RISK_OK, date_from_ymd(2025, 12, 1));
	summary_apply_gap(&s, false, today, 21);
	assert_string_equal(s.flag, "Not seen since 1 December 2025, 52 weeks ago. Get in touch to "
	                            "ask how they are.");
	/* archived clients and clients never seen are no gap; a rupture keeps
	 * its status and its story, but counts as not seen */
	s = gap_summary(AL_STATE_OK, AL_RISK_OK, oct3);
	summary_apply_gap(&s, true, today, 21);
	assert_false(s.gap);
	assert_int_equal(s.standing.state, AL_STATE_OK);
	s = gap_summary(AL_STATE_OK, AL_RISK_OK, INT32_MIN);
	summary_apply_gap(&s, false, today, 21);
	assert_false(s.gap);
	s = gap_summary(AL_STATE_RUPTURE, AL_RISK_UNREPAIRED, oct3);
	snprintf(s.flag, sizeof s.flag, "the rupture's story");
	summary_apply_gap(&s, false, today, 21);
	assert_true(s.gap);
	assert_int_equal(s.standing.state, AL_STATE_RUPTURE);
	assert_string_equal(s.flag, "the rupture's story");
}

/* The summary keeps the last attended date, not the last session's. */
static void test_summary_last_attended(void **state)
{
	(void)state;
	struct fixture fx;
	struct al_summary sum;
	fixture_init(&fx, 5, 3);
	attend(&fx, "A A A N C");
	calm(&fx);
	struct al_analysis a = {0};
	assert_true(analysis_run(&a, &fx.c, &fx.s, false));
	summary_compute(&fx.c, &fx.s, a.flags, a.nflags, a.eps, a.neps, NULL, &sum);
	analysis_free(&a);
	assert_int_equal(sum.last_attended, fx.sessions[2].date);
	assert_int_equal(sum.last_date, fx.sessions[4].date);
	assert_int_equal(sum.sessions, 5);
}

static void test_engagement_pct(void **state)
{
	(void)state;
	struct al_engagement e = {.sessions = 8, .missed = 1, .attended = 3, .unrated = 2};
	assert_int_equal(engagement_missed_pct(&e), 13); /* 12.5 rounds half up */
	assert_int_equal(engagement_unrated_pct(&e), 67);
	e = (struct al_engagement){0};
	assert_int_equal(engagement_missed_pct(&e), -1);
	assert_int_equal(engagement_unrated_pct(&e), -1);
}

/* The shared vectors have no absences and no check-in: nothing new fires. */
static void test_names_and_words(void **state)
{
	(void)state;
	enum al_attendance a;
	enum al_ending e;
	int8_t v;
	assert_true(parse_attendance("late-cancel", &a) && a == AL_LATE_CANCEL);
	assert_false(parse_attendance("Late-cancel", &a));
	assert_string_equal(attendance_name(AL_CLINICIAN_CANCEL), "clinician-cancel");
	assert_true(attendance_missed(AL_NO_SHOW) && attendance_missed(AL_LATE_CANCEL));
	assert_false(attendance_missed(AL_CANCELLED) || attendance_missed(AL_CLINICIAN_CANCEL));
	assert_true(parse_checkin("0", &v) && v == 0);
	assert_true(parse_checkin("4", &v) && v == 4);
	assert_false(parse_checkin("5", &v) || parse_checkin("-1", &v) ||
	             parse_checkin("2.0", &v) || parse_checkin("", &v) || parse_checkin("02", &v));
	assert_true(parse_yes_no("yes", &v) && v == 1);
	assert_false(parse_yes_no("Yes", &v) || parse_yes_no("y", &v));
	assert_true(parse_ending("dropout", &e) && e == AL_END_DROPOUT);
	assert_false(parse_ending("drop", &e));
	assert_true(valid_pin("0000") && valid_pin("123456789012"));
	assert_false(valid_pin("123") || valid_pin("1234567890123") || valid_pin("12a4") ||
	             valid_pin("") || valid_pin(" 1234"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_reported),
	    cmocka_unit_test(test_explain_reported),
	    cmocka_unit_test(test_missing_attended_only),
	    cmocka_unit_test(test_missed),
	    cmocka_unit_test(test_explain_missed),
	    cmocka_unit_test(test_disengaging),
	    cmocka_unit_test(test_disengaging_causes),
	    cmocka_unit_test(test_disengaging_marker),
	    cmocka_unit_test(test_explain_disengaging),
	    cmocka_unit_test(test_gap),
	    cmocka_unit_test(test_summary_last_attended),
	    cmocka_unit_test(test_engagement_pct),
	    cmocka_unit_test(test_names_and_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
