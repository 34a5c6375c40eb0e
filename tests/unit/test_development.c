/* Unit tests of the development summary's figures (core/development.c) on
 * a hand-computed fixture: two courses with four episodes and their repair
 * records, over the whole course and over a period whose boundaries fall on
 * sessions (inclusive), and the small-count warning. Episodes are written
 * by hand: the figures are tested apart from the opening criterion. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <string.h>

#include "alliance/core/development.h"
#include "alliance/core/parse.h"

static const struct al_dim dims[] = {{"trust", "Trust", true},
                                     {"collaboration", "Collaboration", true},
                                     {"empathy", "Empathy", true}};

struct course {
	struct al_session s[16];
	struct al_course c;
};

/* n weekly sessions from start (ratings do not matter here). */
static void course_init(struct course *k, const char *start, size_t n)
{
	int32_t day;
	assert_true(parse_date(start, &day));
	memset(k, 0, sizeof *k);
	for (size_t i = 0; i < n; i++) {
		k->s[i].date = day + 7 * (int32_t)i;
		k->s[i].seq = (int)i + 1;
		k->s[i].id = 100 + (int64_t)i;
	}
	k->c = (struct al_course){dims, 3, k->s, n};
}

static struct al_episode episode(enum al_episode_kind kind, size_t opened,
                                 enum al_episode_status status, size_t closed)
{
	return (struct al_episode){.kind = kind,
	                           .opened = opened,
	                           .status = status,
	                           .closed = closed,
	                           .severity = AL_SEV_RED};
}

#define S(x) (1u << AL_STRATEGY_##x)

/* Course A, 10 sessions from Monday 7 September 2026:
 *   E1 rupture opened at index 2 (21 Sep), repaired at 4 (5 Oct);
 *   E2 decline opened at 6 (19 Oct), unrepaired at 9 (9 Nov).
 *   r1 E1 at 3: bond, clarify + validate; r2 E1 at 4: goals, change-goal;
 *   r3 E2 at 8: tasks, change-task + clarify; r4 names index 5, which
 *   opens no episode (it is ignored).
 * Course B, 5 sessions from 2 November:
 *   E3 reported opened at 1 (9 Nov), repaired at 2 (16 Nov), no record;
 *   E4 rupture opened at 4, the last session (30 Nov), open, no record. */
struct fixture {
	struct course a, b;
	struct al_episode ea[2], eb[2];
	struct al_repair_rec ra[4];
};

static void fixture_init(struct fixture *f)
{
	course_init(&f->a, "2026-09-07", 10);
	course_init(&f->b, "2026-11-02", 5);
	f->ea[0] = episode(AL_EPISODE_RUPTURE, 2, AL_EPISODE_REPAIRED, 4);
	f->ea[1] = episode(AL_EPISODE_DECLINE, 6, AL_EPISODE_UNREPAIRED, 9);
	f->eb[0] = episode(AL_EPISODE_REPORTED, 1, AL_EPISODE_REPAIRED, 2);
	f->eb[1] = episode(AL_EPISODE_RUPTURE, 4, AL_EPISODE_OPEN, SIZE_MAX);
	/* out of order on purpose: the latest record is r2, the first r1 */
	f->ra[0] = (struct al_repair_rec){2, 2, 4, AL_DOMAIN_GOALS, S(CHANGE_GOAL), false};
	f->ra[1] =
	    (struct al_repair_rec){3, 6, 8, AL_DOMAIN_TASKS, S(CHANGE_TASK) | S(CLARIFY), true};
	f->ra[2] = (struct al_repair_rec){1, 2, 3, AL_DOMAIN_BOND, S(CLARIFY) | S(VALIDATE), false};
	f->ra[3] = (struct al_repair_rec){4, 5, 5, AL_DOMAIN_OTHER, S(SUPERVISION), false};
}

static void summarise(struct fixture *f, struct al_development *d, int32_t from, int32_t to)
{
	development_init(d, from, to);
	development_add(d, &f->a.c, f->ea, 2, f->ra, 4);
	development_add(d, &f->b.c, f->eb, 2, NULL, 0);
}

static void assert_rate(struct dev_rate r, int repaired, int closed)
{
	assert_int_equal(r.repaired, repaired);
	assert_int_equal(r.closed, closed);
}

static void test_whole_course(void **state)
{
	(void)state;
	struct fixture f;
	struct al_development d;
	fixture_init(&f);
	summarise(&f, &d, INT32_MIN, INT32_MAX);
	assert_int_equal(d.clients, 2);
	assert_int_equal(d.sessions, 15);
	assert_int_equal(d.opened, 4);
	assert_int_equal(d.by_kind[AL_EPISODE_RUPTURE], 2);
	assert_int_equal(d.by_kind[AL_EPISODE_DECLINE], 1);
	assert_int_equal(d.by_kind[AL_EPISODE_REPORTED], 1);
	assert_int_equal(d.by_kind[AL_EPISODE_DISENGAGEMENT], 0);
	/* the latest record's domain: E1 goals (not bond), E2 tasks */
	assert_int_equal(d.by_domain[AL_DOMAIN_BOND], 0);
	assert_int_equal(d.by_domain[AL_DOMAIN_GOALS], 1);
	assert_int_equal(d.by_domain[AL_DOMAIN_TASKS], 1);
	assert_int_equal(d.by_domain[AL_DOMAIN_OTHER], 0);
	assert_int_equal(d.no_record, 2);
	/* first records: E1 one session (7 days) on, E2 two (14 days) */
	assert_int_equal(d.timed, 2);
	assert_int_equal(development_median(d.first_sessions, DEV_SESSION_BINS, d.timed), 1);
	assert_int_equal(development_median(d.first_days, DEV_DAY_BINS, d.timed), 7);
	/* within one session: E1 yes, E2 no, E3 no; E4 has no next session yet */
	assert_int_equal(d.within_one, 1);
	assert_int_equal(d.within_one_of, 3);
	/* closed: E1 repaired, E2 unrepaired, E3 repaired; E4 is open */
	assert_rate(d.overall, 2, 3);
	assert_rate(d.by_strategy[AL_STRATEGY_CLARIFY], 1, 2);
	assert_rate(d.by_strategy[AL_STRATEGY_VALIDATE], 1, 1);
	assert_rate(d.by_strategy[AL_STRATEGY_CHANGE_GOAL], 1, 1);
	assert_rate(d.by_strategy[AL_STRATEGY_CHANGE_TASK], 0, 1);
	assert_rate(d.by_strategy[AL_STRATEGY_SUPERVISION], 0, 0);
	assert_rate(d.without_record, 1, 1);
	assert_int_equal(d.records, 3);
	assert_int_equal(d.strategy_used[AL_STRATEGY_CLARIFY], 2);
	assert_int_equal(d.strategy_used[AL_STRATEGY_SUPERVISION], 0);
	assert_false(d.engagement.known);
	assert_true(development_few(d.overall.closed));
}

/* 5 October to 9 November, both included: E1 closes on the first day, E2
 * closes and E3 opens on the last. */
static void test_period_boundaries(void **state)
{
	(void)state;
	struct fixture f;
	struct al_development d;
	int32_t from, to;
	fixture_init(&f);
	assert_true(parse_date("2026-10-05", &from));
	assert_true(parse_date("2026-11-09", &to));
	summarise(&f, &d, from, to);
	assert_int_equal(d.clients, 2);
	assert_int_equal(d.sessions, 8);
	assert_int_equal(d.opened, 2);
	assert_int_equal(d.by_kind[AL_EPISODE_RUPTURE], 0);
	assert_int_equal(d.by_kind[AL_EPISODE_DECLINE], 1);
	assert_int_equal(d.by_kind[AL_EPISODE_REPORTED], 1);
	assert_int_equal(d.by_domain[AL_DOMAIN_TASKS], 1);
	assert_int_equal(d.by_domain[AL_DOMAIN_GOALS], 0);
	assert_int_equal(d.no_record, 1);
	assert_int_equal(d.timed, 1);
	assert_int_equal(development_median(d.first_sessions, DEV_SESSION_BINS, d.timed), 2);
	assert_int_equal(development_median(d.first_days, DEV_DAY_BINS, d.timed), 14);
	assert_int_equal(d.within_one, 0);
	assert_int_equal(d.within_one_of, 2);
	assert_rate(d.overall, 1, 2);
	assert_rate(d.by_strategy[AL_STRATEGY_CLARIFY], 1, 2);
	assert_rate(d.by_strategy[AL_STRATEGY_CHANGE_TASK], 0, 1);
	assert_rate(d.without_record, 0, 0);
	assert_int_equal(d.records, 2); /* r2 on 5 October, r3 on 2 November */
	assert_int_equal(d.strategy_used[AL_STRATEGY_VALIDATE], 0);
	assert_int_equal(d.strategy_used[AL_STRATEGY_CLARIFY], 1);

	/* one day later on each side: E1's closing and E3's opening fall out */
	summarise(&f, &d, from + 1, to - 1);
	assert_int_equal(d.opened, 1);
	assert_rate(d.overall, 0, 0);
	assert_int_equal(development_percent(d.overall.repaired, d.overall.closed), -1);
}

static void test_few_percent_median(void **state)
{
	(void)state;
	assert_true(development_few(0));
	assert_true(development_few(4));
	assert_false(development_few(5));
	assert_int_equal(development_percent(2, 3), 67);
	assert_int_equal(development_percent(1, 2), 50);
	assert_int_equal(development_percent(5, 7), 71);
	assert_int_equal(development_percent(1, 8), 13); /* 12.5 rounds up */
	assert_int_equal(development_percent(0, 4), 0);
	int bins[8] = {0, 2, 0, 1, 0, 0, 0, 1}; /* 1, 1, 3, 7 */
	assert_int_equal(development_median(bins, 8, 4), 1);
	assert_int_equal(development_median(bins, 8, 0), -1);
	int odd[8] = {1, 0, 1, 0, 1}; /* 0, 2, 4 */
	assert_int_equal(development_median(odd, 8, 3), 2);
}

/* Many episodes, all repaired after clarify: five is enough for a rate. */
static void test_enough_episodes(void **state)
{
	(void)state;
	struct course k;
	struct al_episode eps[5];
	struct al_repair_rec recs[5];
	struct al_development d;
	course_init(&k, "2026-01-05", 15);
	for (size_t i = 0; i < 5; i++) {
		eps[i] = episode(AL_EPISODE_RUPTURE, 1 + 3 * i, AL_EPISODE_REPAIRED, 2 + 3 * i);
		recs[i] = (struct al_repair_rec){(int64_t)i + 1, 1 + 3 * i,  1 + 3 * i,
		                                 AL_DOMAIN_BOND, S(CLARIFY), false};
	}
	development_init(&d, INT32_MIN, INT32_MAX);
	development_add(&d, &k.c, eps, 5, recs, 5);
	assert_rate(d.by_strategy[AL_STRATEGY_CLARIFY], 5, 5);
	assert_false(development_few(d.by_strategy[AL_STRATEGY_CLARIFY].closed));
	assert_int_equal(d.within_one, 5);
	assert_int_equal(development_median(d.first_sessions, DEV_SESSION_BINS, d.timed), 0);
	assert_int_equal(d.by_domain[AL_DOMAIN_BOND], 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_whole_course),
	    cmocka_unit_test(test_period_boundaries),
	    cmocka_unit_test(test_few_percent_median),
	    cmocka_unit_test(test_enough_episodes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
