/* Unit tests for episodes (SPEC §4b; core/episode*.c): opening, joining,
 * references, repair, the story, current episodes and status, with worked
 * courses, and the two courses of ../shared/examples/detection/README.md. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/episode.h"
#include "alliance/episode_open.h"
#include "alliance/parse.h"

#define MAX_SESSIONS 64
#define MAX_FLAGS 512

/* A course built by hand: trust, collaboration, empathy (core) and an
 * optional fourth, goals; weekly sessions from a start date. */
struct fixture {
	struct al_dim dims[AL_DIM_MAX];
	struct al_session sessions[MAX_SESSIONS];
	struct al_course c;
	struct al_settings s;
	struct al_flag flags[MAX_FLAGS];
	size_t nflags;
	struct al_episode eps[MAX_SESSIONS];
	size_t neps;
	size_t held[MAX_FLAGS];
	bool archived;
};

static const struct al_dim all_dims[] = {
    {"trust", "Trust", true},
    {"collaboration", "Collaboration", true},
    {"empathy", "Empathy", true},
    {"goals", "Agreement on goals", false},
};

static void fixture_from(struct fixture *fx, const char *start, size_t n, size_t ndims)
{
	memset(fx, 0, sizeof *fx);
	memcpy(fx->dims, all_dims, ndims * sizeof all_dims[0]);
	int32_t day;
	assert_true(parse_date(start, &day));
	for (size_t i = 0; i < MAX_SESSIONS; i++) {
		struct al_session *se = &fx->sessions[i];
		se->date = day + 7 * (int32_t)i;
		se->seq = (int)i + 1;
		for (int r = 0; r < AL_RATER_COUNT; r++)
			for (int d = 0; d < AL_DIM_MAX; d++)
				se->rating[r][d] = AL_MISSING;
	}
	fx->c = (struct al_course){fx->dims, ndims, fx->sessions, n};
	al_settings_default(&fx->s);
}

static void fixture_init(struct fixture *fx, size_t n, size_t ndims)
{
	fixture_from(fx, "2026-03-02", n, ndims);
}

/* One dimension's client ratings from "8.5 9.0 -" ("-": missing). */
static void series(struct fixture *fx, int dim, const char *values)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", values);
	size_t i = 0;
	for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " "), i++) {
		assert_true(i < fx->c.n);
		al_tenths v = AL_MISSING;
		const char *why;
		if (strcmp(tok, "-") != 0)
			assert_true(parse_rating(tok, &v, &why));
		fx->sessions[i].rating[AL_RATER_CLIENT][dim] = v;
	}
	assert_int_equal(i, fx->c.n);
}

/* The same values in every core dimension. */
static void __attribute__((unused)) all_core(struct fixture *fx, const char *values)
{
	for (int d = 0; d < 3; d++)
		series(fx, d, values);
}

static void build(struct fixture *fx)
{
	fx->nflags = rules_detect(&fx->c, &fx->s, fx->flags, MAX_FLAGS);
	assert_true(fx->nflags <= MAX_FLAGS);
	struct al_episode_opts o = {.archived = fx->archived};
	fx->neps = episodes_build(&fx->c, &fx->s, fx->flags, fx->nflags, &o, fx->eps,
	                          MAX_SESSIONS, fx->held);
	assert_true(fx->neps <= fx->c.n);
}

/* The episodes as "opened,kind,severity,dims,status,closed" lines, the
 * columns of `episodes --format csv` after client and date. */
static void render(const struct fixture *fx, char *buf, size_t cap)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t k = 0; k < fx->neps; k++) {
		const struct al_episode *e = &fx->eps[k];
		char dims[128] = "", closed[16] = "";
		for (size_t d = 0; d < fx->c.ndims; d++)
			if (e->dims >> d & 1) {
				if (dims[0])
					strcat(dims, ";");
				strcat(dims, fx->dims[d].key);
			}
		if (e->closed != SIZE_MAX)
			snprintf(closed, sizeof closed, "%d", fx->sessions[e->closed].seq);
		int n = snprintf(buf + len, cap - len, "%d,%s,%s,%s,%s,%s\n",
		                 fx->sessions[e->opened].seq, episode_kind_name(e->kind),
		                 severity_name(e->severity), dims, episode_status_name(e->status),
		                 closed);
		assert_true(n > 0 && (size_t)n < cap - len);
		len += (size_t)n;
	}
}

static void expect_episodes(struct fixture *fx, const char *want)
{
	char got[4096];
	build(fx);
	render(fx, got, sizeof got);
	assert_string_equal(got, want);
}

static void story(const struct fixture *fx, size_t k, const char *clinician, char *buf,
                  size_t cap)
{
	episode_story(&fx->c, &fx->s, &fx->eps[k], clinician, buf, cap);
}

static void expect_story(const struct fixture *fx, size_t k, const char *want)
{
	char got[1024];
	story(fx, k, NULL, got, sizeof got);
	assert_string_equal(got, want);
}

static size_t flag_index(const struct fixture *fx, size_t session, int dim, enum al_rule r)
{
	for (size_t i = 0; i < fx->nflags; i++)
		if (fx->flags[i].session == session && fx->flags[i].dim == dim &&
		    fx->flags[i].rule == r)
			return i;
	fail_msg("no %s flag at session index %zu dim %d", rule_name(r), session, dim);
	return SIZE_MAX;
}

static struct al_standing standing(const struct fixture *fx)
{
	struct al_standing st;
	episodes_standing(&fx->c, fx->flags, fx->nflags, fx->eps, fx->neps, &st);
	return st;
}

#define assert_near(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-3)

/* ---- the two courses of the shared README ------------------------------- */

/* W-1: weekly from 2026-03-02, trust 8.5 9.0 9.5 9.0 6.0 9.0, the rest 9.0. */
static void test_readme_w1(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_init(&fx, 6, 3);
	series(&fx, 0, "8.5 9.0 9.5 9.0 6.0 9.0");
	series(&fx, 1, "9 9 9 9 9 9");
	series(&fx, 2, "9 9 9 9 9 9");
	expect_episodes(&fx, "5,rupture,red,trust,repaired,6\n");
	const struct al_episode *e = &fx.eps[0];
	assert_int_equal(e->opening, AL_OPEN_DROP_DIP);
	assert_int_equal(e->began, 4);
	assert_int_equal(e->judged, 1u);
	assert_near(e->ref[0], 9.1667);
	assert_int_equal(e->rated, 1);
	/* it holds the red drop and dip; the low only adds WATCH */
	assert_int_equal(fx.held[flag_index(&fx, 4, 0, AL_RULE_DIP)], 0);
	assert_int_equal(fx.held[flag_index(&fx, 4, 0, AL_RULE_DROP)], 0);
	assert_int_equal(fx.held[flag_index(&fx, 4, 0, AL_RULE_LOW)], SIZE_MAX);
	assert_int_equal(e->nflags, 2);
	expect_story(&fx, 0,
	             "Since 30 March (session 5) trust fell from 9.2 to 6.0. Back to 9.0 on "
	             "6 April (session 6): repaired. It may help to name together what made the "
	             "difference.");
	/* the low of session 5, one of the last 4, makes it WATCH (SPEC §4b) */
	struct al_standing st = standing(&fx);
	assert_int_equal(st.state, AL_STATE_WATCH);
	assert_int_equal(st.episode, SIZE_MAX);
	assert_int_equal(st.newest_flag, flag_index(&fx, 4, 0, AL_RULE_LOW));
	assert_int_equal(st.current, 1);
}

/* E-1: weekly from 2026-09-07, a confrontation at session 5 with all three
 * dimensions about 3 points down, never back within 0.5. */
static void e1(struct fixture *fx)
{
	fixture_from(fx, "2026-09-07", 8, 3);
	series(fx, 0, "9.5 9.3 9.2 9.5 6.0 6.3 6.6 6.7");
	series(fx, 1, "9.4 9.0 9.0 9.4 6.0 6.3 6.7 6.9");
	series(fx, 2, "9.2 8.9 8.9 9.2 6.1 6.6 6.8 7.2");
	fx->sessions[4].rupture = AL_RUPTURE_CONFRONTATION;
}

static void test_readme_e1(void **state)
{
	(void)state;
	struct fixture fx;
	e1(&fx);
	expect_episodes(&fx, "5,rupture,red,trust;collaboration;empathy,unrepaired,8\n");
	const struct al_episode *e = &fx.eps[0];
	assert_int_equal(e->opening, AL_OPEN_MARKER);
	assert_near(e->ref[0], 9.3333);
	assert_near(e->ref[1], 9.1333);
	assert_near(e->ref[2], 9.0);
	assert_int_equal(e->closed, 7);
	assert_int_equal(e->back, SIZE_MAX);
	/* every later dip and decline joins it; no low flag is held */
	for (size_t k = 0; k < fx.nflags; k++) {
		const struct al_flag *f = &fx.flags[k];
		bool evidence = f->rule != AL_RULE_LOW;
		assert_int_equal(fx.held[k], evidence ? 0 : SIZE_MAX);
	}
	assert_true(fx.nflags > 8); /* sessions 6-8 raise dips and declines */
	assert_true(e->rules >> AL_RULE_DECLINE & 1);
	expect_story(&fx, 0,
	             "Since 5 October (session 5) trust, collaboration and empathy fell by about "
	             "3 points from 9.2, and you noted a confrontation, and trust kept sliding. "
	             "Not back to about 9.2 after 3 "
	             "sessions (now 6.9). Invite them to talk about what happened between you.");
	char sup[1024];
	story(&fx, 0, "dr_lee", sup, sizeof sup);
	assert_non_null(strstr(sup, "and dr_lee noted a confrontation"));
	assert_non_null(strstr(sup, "dr_lee might invite them to talk about what happened"));
	assert_null(strstr(sup, "you"));
	struct al_standing st = standing(&fx);
	assert_int_equal(st.state, AL_STATE_RUPTURE);
	assert_int_equal(st.risk, AL_RISK_UNREPAIRED);
	assert_int_equal(st.episode, 0);
	assert_int_equal(st.key_date, fx.sessions[4].date);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_readme_w1),
	    cmocka_unit_test(test_readme_e1),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
