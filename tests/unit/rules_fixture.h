/* A course built by hand for the rule tests (test_rules.c,
 * test_engagement.c): weekly sessions, series of ratings in words, the
 * flags rendered as CSV lines. Include after <cmocka.h>. */
#ifndef ALLIANCE_RULES_FIXTURE_H
#define ALLIANCE_RULES_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "alliance/core/rules.h"

#define MAX_SESSIONS 64
#define MAX_FLAGS 256

/* A course built by hand: dims trust, collaboration, empathy (core) and an
 * optional fourth, goals; weekly sessions from Monday 2 March 2026. */
struct fixture {
	struct al_dim dims[AL_DIM_MAX];
	struct al_session sessions[MAX_SESSIONS];
	struct al_course c;
	struct al_settings s;
	struct al_flag flags[MAX_FLAGS];
	size_t nflags;
};

static const struct al_dim core_dims[] = {
    {"trust", "Trust", true},
    {"collaboration", "Collaboration", true},
    {"empathy", "Empathy", true},
    {"goals", "Agreement on goals", false},
};

static inline void fixture_init(struct fixture *fx, size_t nsessions, size_t ndims)
{
	memset(fx, 0, sizeof *fx);
	memcpy(fx->dims, core_dims, ndims * sizeof core_dims[0]);
	int32_t start;
	assert_true(parse_date("2026-03-02", &start));
	for (size_t i = 0; i < MAX_SESSIONS; i++) {
		struct al_session *se = &fx->sessions[i];
		al_session_clear(se);
		se->date = start + 7 * (int32_t)i;
		se->seq = (int)i + 1;
	}
	fx->c = (struct al_course){fx->dims, ndims, fx->sessions, nsessions};
	al_settings_default(&fx->s);
}

/* Sets one dimension of one rater from "8.5 9.0 -" ("-": missing). */
static inline void series(struct fixture *fx, enum al_rater who, int dim, const char *values)
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
		fx->sessions[i].rating[who][dim] = v;
	}
	assert_int_equal(i, fx->c.n);
}

static inline void detect(struct fixture *fx)
{
	fx->nflags = rules_detect(&fx->c, &fx->s, fx->flags, MAX_FLAGS);
	assert_true(fx->nflags <= MAX_FLAGS);
}

/* The flags as "session,dimension,rule,severity,status" lines, as in CSV. */
static inline void render(const struct fixture *fx, char *buf, size_t cap)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < fx->nflags; i++) {
		const struct al_flag *f = &fx->flags[i];
		int n =
		    snprintf(buf + len, cap - len, "%d,%s,%s,%s,%s\n", fx->sessions[f->session].seq,
		             f->dim < 0 ? "" : fx->dims[f->dim].key, rule_name(f->rule),
		             severity_name(f->severity), repair_name(f->repair));
		assert_true(n > 0 && (size_t)n < cap - len);
		len += (size_t)n;
	}
}

static inline void expect_flags(struct fixture *fx, const char *want)
{
	char got[8192];
	detect(fx);
	render(fx, got, sizeof got);
	assert_string_equal(got, want);
}

static inline const struct al_flag *find_flag(const struct fixture *fx, size_t session, int dim,
                                              enum al_rule r)
{
	for (size_t i = 0; i < fx->nflags; i++)
		if (fx->flags[i].session == session && fx->flags[i].dim == dim &&
		    fx->flags[i].rule == r)
			return &fx->flags[i];
	fail_msg("no %s flag at session index %zu dim %d", rule_name(r), session, dim);
	return NULL;
}

#endif
