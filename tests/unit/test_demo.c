/* Unit tests for the demo practice generator (core/demo.c): determinism,
 * ranges, names, the scripted shapes, and the statuses the real rules give. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alliance/core/analysis.h"
#include "alliance/core/demo.h"
#include "alliance/core/parse.h"
#include "alliance/core/rules.h"

#define TODAY 20600 /* 2026-05-26 */
#define MAX_FLAGS 4096

static const struct al_dim core_dims[AL_CORE_DIMS] = {
    {"trust", "Trust", true},
    {"collaboration", "Collaboration", true},
    {"empathy", "Empathy", true},
};

/* What the rules must say about me's eight clients, for every seed. */
static const enum al_state me_expected[DEMO_ME_CLIENTS] = {
    AL_STATE_RUPTURE, AL_STATE_WATCH,   AL_STATE_REPAIRED, AL_STATE_OK,
    AL_STATE_WATCH,   AL_STATE_RUPTURE, AL_STATE_OK,       AL_STATE_OK,
};

static const uint64_t seeds[] = {DEMO_SEED_DEFAULT, 0, 1, 2, 3, 42, 1234567, UINT64_MAX};
#define NSEEDS (sizeof(seeds) / sizeof(seeds[0]))

static struct demo_params params(uint64_t seed, int clients, int sessions)
{
	return (struct demo_params){
	    .seed = seed, .clients = clients, .sessions = sessions, .me = "alice", .today = TODAY};
}

/* Big buffers live here, not on the stack. */
static struct demo_session buf_a[DEMO_SESSIONS_MAX + 1], buf_b[DEMO_SESSIONS_MAX + 1];
static struct al_session course_buf[DEMO_SESSIONS_MAX];
static struct al_flag flag_buf[MAX_FLAGS];

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_session(const struct demo_session *a, const struct demo_session *b)
{
	if (a->date != b->date || a->rupture != b->rupture || !same_text(a->context, b->context) ||
	    !same_text(a->note, b->note) || a->attendance != b->attendance ||
	    a->tension != b->tension || a->talked != b->talked ||
	    a->misunderstood != b->misunderstood)
		return false;
	return memcmp(a->rating, b->rating, sizeof(a->rating)) == 0;
}

static bool same_client(const struct demo_client *a, const struct demo_client *b)
{
	return strcmp(a->code, b->code) == 0 && a->clinician_index == b->clinician_index &&
	       same_text(a->modality, b->modality) && same_text(a->goal, b->goal) &&
	       a->kind == b->kind && a->sessions == b->sessions && a->event == b->event &&
	       a->ending == b->ending && (a->ending < 0 || a->end_date == b->end_date);
}

/* Client i of p and client i of q are identical, sessions included. */
static bool same_client_course(const struct demo_params *p, const struct demo_params *q, int i)
{
	struct demo_client a, b;
	demo_client(p, i, &a);
	demo_client(q, i, &b);
	if (!same_client(&a, &b))
		return false;
	int n = demo_sessions(p, i, buf_a, DEMO_SESSIONS_MAX);
	if (demo_sessions(q, i, buf_b, DEMO_SESSIONS_MAX) != n)
		return false;
	for (int j = 0; j < n; j++)
		if (!same_session(&buf_a[j], &buf_b[j]))
			return false;
	return true;
}

static void test_deterministic(void **state)
{
	(void)state;
	for (size_t s = 0; s < NSEEDS; s++) {
		struct demo_params p = params(seeds[s], 0, 0), q = params(seeds[s], 0, 0);
		for (int i = 0; i < demo_client_count(&p); i++)
			assert_true(same_client_course(&p, &q, i));
	}
}

static void test_seed_changes_practice(void **state)
{
	(void)state;
	struct demo_params p = params(1, 0, 0), q = params(2, 0, 0);
	int differ = 0;
	for (int i = 0; i < demo_client_count(&p); i++)
		differ += !same_client_course(&p, &q, i);
	assert_int_equal(differ, demo_client_count(&p));
}

/* Client i depends on the seed and i only, so callers can stream. */
static void test_clients_independent(void **state)
{
	(void)state;
	struct demo_params small = params(7, DEMO_CLIENTS_MIN, 0), dflt = params(7, 0, 0),
	                   big = params(7, 1000, 0);
	for (int i = 0; i < DEMO_CLIENTS_MIN; i++) {
		assert_true(same_client_course(&small, &dflt, i));
		assert_true(same_client_course(&small, &big, i));
	}
	for (int i = DEMO_CLIENTS_MIN; i < DEMO_CLIENTS_DEFAULT; i++)
		assert_true(same_client_course(&dflt, &big, i));
}

static void test_counts(void **state)
{
	(void)state;
	struct demo_params p = params(5, 0, 0);
	assert_int_equal(demo_client_count(&p), DEMO_CLIENTS_DEFAULT);
	p.clients = 3;
	assert_int_equal(demo_client_count(&p), DEMO_CLIENTS_MIN);
	p.clients = 50;
	assert_int_equal(demo_client_count(&p), 50);
	p.clients = DEMO_CLIENTS_MAX + 1;
	assert_int_equal(demo_client_count(&p), DEMO_CLIENTS_MAX);

	/* default lengths: 6-30, at least 12 for the scripted shapes */
	for (size_t s = 0; s < NSEEDS; s++) {
		p = params(seeds[s], 200, 0);
		for (int i = 0; i < 200; i++) {
			struct demo_client c;
			demo_client(&p, i, &c);
			int n = demo_sessions(&p, i, NULL, 0);
			assert_int_equal(n, c.sessions);
			assert_in_range(n, 6, 30);
			if (c.kind != DEMO_CALM && c.kind != DEMO_WARMING)
				assert_in_range(n, DEMO_SESSIONS_MIN, 30);
		}
	}
	/* --sessions N: exactly N for everyone, clamped */
	const int asked[][2] = {{12, 12},
	                        {33, 33},
	                        {5, DEMO_SESSIONS_MIN},
	                        {DEMO_SESSIONS_MAX + 50, DEMO_SESSIONS_MAX}};
	for (size_t k = 0; k < sizeof(asked) / sizeof(asked[0]); k++) {
		p = params(9, 40, asked[k][0]);
		for (int i = 0; i < 40; i++)
			assert_int_equal(demo_sessions(&p, i, buf_a, DEMO_SESSIONS_MAX),
			                 asked[k][1]);
	}
}

/* A short buffer gets the first sessions and nothing past cap. */
static void test_cap(void **state)
{
	(void)state;
	struct demo_params p = params(11, 0, 0);
	int n = demo_sessions(&p, 0, buf_a, DEMO_SESSIONS_MAX);
	memset(buf_b, 0x5a, sizeof(buf_b));
	struct demo_session sentinel = buf_b[3];
	assert_int_equal(demo_sessions(&p, 0, buf_b, 3), n);
	for (int j = 0; j < 3; j++)
		assert_true(same_session(&buf_a[j], &buf_b[j]));
	assert_memory_equal(&buf_b[3], &sentinel, sizeof(sentinel));
}

static void check_ranges(const struct demo_params *p)
{
	static const char *const modalities[] = {"cbt", "psychodynamic", "humanistic",
	                                         "integrative", "other"};
	int sessions = 0, notes = 0;
	for (int i = 0; i < demo_client_count(p); i++) {
		struct demo_client c;
		demo_client(p, i, &c);
		assert_true(valid_code(c.code));
		assert_in_range(c.clinician_index, 1, DEMO_USERS - 1);
		assert_in_range(c.kind, 0, DEMO_COURSE_COUNT - 1);
		assert_string_not_equal(demo_course_name(c.kind), "");
		bool known = false;
		for (size_t m = 0; m < 5; m++)
			known = known || strcmp(c.modality, modalities[m]) == 0;
		assert_true(known);
		if (c.goal)
			assert_in_range(strlen(c.goal), 1, 60);

		int n = demo_sessions(p, i, buf_a, DEMO_SESSIONS_MAX);
		assert_in_range(c.event, 0, n);
		for (int j = 0; j < n; j++) {
			const struct demo_session *s = &buf_a[j];
			assert_true(s->date <= p->today);
			if (j > 0)
				assert_true(s->date > buf_a[j - 1].date);
			for (int r = 0; r < AL_RATER_COUNT; r++)
				for (int d = 0; d < AL_CORE_DIMS; d++)
					if (s->rating[r][d] != AL_MISSING)
						assert_in_range(s->rating[r][d], 0, 100);
			assert_in_range(s->rupture, AL_RUPTURE_NONE, AL_RUPTURE_CONFRONTATION);
			if (s->context)
				assert_in_range(strlen(s->context), 1, 40);
			if (s->note)
				assert_in_range(strlen(s->note), 1, 80);
			notes += s->note != NULL;
		}
		/* weekly-ish or fortnightly, ending near today (but the client not
		 * seen for six weeks and the one who dropped out) */
		int back = i == DEMO_GAP_CLIENT ? DEMO_GAP_DAYS
		           : c.ending >= 0      ? DEMO_DROPOUT_DAYS
		                                : 0;
		assert_true(buf_a[n - 1].date >= p->today - 14 - back);
		assert_true(buf_a[n - 1].date < p->today - back + 1);
		if (c.ending >= 0)
			assert_true(c.end_date >= buf_a[n - 1].date && c.end_date <= p->today);
		sessions += n;
	}
	assert_true(notes * 100 >= sessions * 40); /* notes on many sessions */
}

static void test_ranges(void **state)
{
	(void)state;
	for (size_t s = 0; s < NSEEDS; s++) {
		struct demo_params p = params(seeds[s], 0, 0);
		check_ranges(&p);
		p = params(seeds[s], 60, 33);
		check_ranges(&p);
	}
}

static void test_users(void **state)
{
	(void)state;
	struct demo_user u[DEMO_USERS];
	const char *mes[] = {"alice", "dr_okafor", "DR_LINDQVIST", "sup_moreau", "x", NULL};
	for (size_t k = 0; k < sizeof(mes) / sizeof(mes[0]); k++) {
		struct demo_params p = params(1, 0, 0);
		p.me = mes[k];
		demo_users(&p, u);
		assert_string_equal(u[DEMO_USER_ME].name, mes[k] ? mes[k] : "dr_demo");
		assert_true(u[DEMO_USER_SUPERVISOR].supervisor);
		assert_int_equal(u[DEMO_USER_SUPERVISOR].supervisor_index, -1);
		for (int a = 0; a < DEMO_USERS; a++) {
			assert_true(valid_code(u[a].name));
			if (a != DEMO_USER_SUPERVISOR) {
				assert_false(u[a].supervisor);
				assert_int_equal(u[a].supervisor_index, DEMO_USER_SUPERVISOR);
			}
			for (int b = 0; b < a; b++)
				assert_true(strcasecmp(u[a].name, u[b].name) != 0);
		}
	}
	struct demo_params p = params(1, 0, 0);
	demo_users(&p, u);
	assert_string_equal(u[0].name, "sup_moreau");
	assert_string_equal(u[2].name, "dr_okafor");
	assert_string_equal(u[3].name, "dr_lindqvist");

	/* me has the first eight clients; the others eight each */
	int per[DEMO_USERS] = {0};
	for (int i = 0; i < demo_client_count(&p); i++) {
		struct demo_client c;
		demo_client(&p, i, &c);
		per[c.clinician_index]++;
		assert_int_equal(c.clinician_index == DEMO_USER_ME, i < DEMO_ME_CLIENTS);
	}
	assert_int_equal(per[0], 0);
	assert_int_equal(per[1], 8);
	assert_int_equal(per[2], 8);
	assert_int_equal(per[3], 8);
}

/* Codes never collide, also past the first block of 10,000; and the generator
 * scales (10,000 clients x 33 sessions, the benchmark's million ratings). */
static void test_codes_unique_at_scale(void **state)
{
	(void)state;
	enum { N = 20000 };
	static bool seen[26][10000];
	struct demo_params p = params(3, N, 0);
	assert_int_equal(demo_client_count(&p), N);
	for (int i = 0; i < N; i++) {
		struct demo_client c;
		demo_client(&p, i, &c);
		assert_int_equal(strlen(c.code), 6);
		assert_true(c.code[0] >= 'A' && c.code[0] <= 'Z' && c.code[1] == '-');
		int num = atoi(c.code + 2);
		assert_false(seen[c.code[0] - 'A'][num]);
		seen[c.code[0] - 'A'][num] = true;
	}
	p = params(3, 10000, 33);
	long ratings = 0;
	for (int i = 0; i < demo_client_count(&p); i++) {
		int n = demo_sessions(&p, i, buf_a, DEMO_SESSIONS_MAX);
		for (int j = 0; j < n; j++)
			for (int d = 0; d < AL_CORE_DIMS; d++)
				ratings += buf_a[j].rating[AL_RATER_CLIENT][d] != AL_MISSING;
	}
	assert_true(ratings > 900000);
}

/* ---- the scripted shapes, checked on the numbers themselves */

static int value(int j, int d)
{
	return buf_a[j].rating[AL_RATER_CLIENT][d];
}

/* 3·(mean of the three values before session e, 0-based) in tenths, exact. */
static int pre3(int e, int d)
{
	return value(e - 1, d) + value(e - 2, d) + value(e - 3, d);
}

static void check_shapes(const struct demo_params *p)
{
	for (int i = 0; i < DEMO_ME_CLIENTS; i++) {
		struct demo_client c;
		demo_client(p, i, &c);
		int n = demo_sessions(p, i, buf_a, DEMO_SESSIONS_MAX);
		int e = c.event - 1; /* 0-based */
		int unrated = 0, context = 0;
		for (int j = 0; j < n; j++) {
			unrated += value(j, 0) == AL_MISSING;
			context += buf_a[j].context != NULL;
		}
		switch (c.kind) {
		case DEMO_UNREPAIRED: /* >= 2.0 drop with a marker, never back */
			assert_in_range(e, 3, n - 4);
			assert_true(value(e - 1, 0) - value(e, 0) >= 20);
			assert_int_not_equal(buf_a[e].rupture, AL_RUPTURE_NONE);
			for (int j = e + 1; j < n; j++)
				assert_true(3 * value(j, 0) < pre3(e, 0) - 15);
			break;
		case DEMO_DROP_REPAIRED: /* >= 2.0 drop, back within two sessions */
			assert_true(e >= 3 && e + 2 < n - 4);
			assert_true(value(e - 1, 0) - value(e, 0) >= 20);
			assert_true(3 * value(e + 1, 0) >= pre3(e, 0) - 15 ||
			            3 * value(e + 2, 0) >= pre3(e, 0) - 15);
			break;
		case DEMO_NEW_RUPTURE:
			assert_true(e >= n - 2);
			assert_true(value(e - 1, 0) - value(e, 0) >= 20);
			break;
		case DEMO_MARKER_REPAIRED:
			assert_true(e >= n - 4 && e < n - 1);
			assert_int_equal(buf_a[e].rupture, AL_RUPTURE_WITHDRAWAL);
			for (int j = 0; j < n; j++)
				for (int d = 0; d < AL_CORE_DIMS; d++)
					assert_true(value(j, d) >= 80);
			break;
		case DEMO_SLOW_DECLINE: /* no single drop, ends below the cutoff */
			for (int j = 1; j < n; j++)
				for (int d = 0; d < AL_CORE_DIMS; d++)
					assert_true(value(j - 1, d) - value(j, d) < 20);
			assert_true(value(n - 1, 0) < 80);
			assert_true(pre3(3, 0) - pre3(n, 0) >= 3 * 15);
			break;
		case DEMO_DISCREPANCY: /* clinician >= 2.0 above, every session */
			for (int j = 0; j < n; j++)
				for (int d = 0; d < AL_CORE_DIMS; d++)
					assert_true(buf_a[j].rating[AL_RATER_CLINICIAN][d] -
					                value(j, d) >=
					            20);
			break;
		case DEMO_CALM:
			for (int j = 0; j < n; j++)
				for (int d = 0; d < AL_CORE_DIMS; d++)
					if (value(j, d) != AL_MISSING)
						assert_true(value(j, d) >= 80);
			if (i == 3)
				assert_int_equal(unrated, 1);
			if (i == 7)
				assert_int_equal(context, 1);
			break;
		default:
			fail_msg("client %d of me has course %s", i, demo_course_name(c.kind));
		}
	}
}

static void test_shapes(void **state)
{
	(void)state;
	for (uint64_t seed = 0; seed < 200; seed++) {
		struct demo_params p = params(seed * 2654435761u, 0, 0);
		check_shapes(&p);
		p.sessions = DEMO_SESSIONS_MIN;
		check_shapes(&p);
	}
}

/* ---- what the detection rules make of it (SPEC §4, default settings) */

static size_t detect(const struct demo_params *p, int i, struct al_course *c)
{
	int n = demo_sessions(p, i, buf_a, DEMO_SESSIONS_MAX);
	for (int j = 0; j < n; j++) {
		struct al_session *s = &course_buf[j];
		al_session_clear(s);
		s->attendance = buf_a[j].attendance;
		s->tension = buf_a[j].tension;
		s->talked = buf_a[j].talked;
		s->misunderstood = buf_a[j].misunderstood;
		s->date = buf_a[j].date;
		s->seq = j + 1;
		s->rupture = buf_a[j].rupture;
		s->has_context = buf_a[j].context != NULL;
		for (int r = 0; r < AL_RATER_COUNT; r++)
			for (int d = 0; d < AL_DIM_MAX; d++)
				s->rating[r][d] =
				    d < AL_CORE_DIMS ? buf_a[j].rating[r][d] : AL_MISSING;
	}
	*c = (struct al_course){core_dims, AL_CORE_DIMS, course_buf, (size_t)n};
	struct al_settings st;
	al_settings_default(&st);
	size_t nf = rules_detect(c, &st, flag_buf, MAX_FLAGS);
	assert_true(nf <= MAX_FLAGS);
	return nf;
}

/* me's statuses (from episodes, SPEC §4b), every rule and repair status
 * somewhere in the practice, and episodes of every status. */
static void check_practice(const struct demo_params *p)
{
	bool rule_seen[AL_RULE_COUNT] = {false}, repair_seen[4] = {false}, status_seen[3] = {false};
	struct al_settings set;
	static struct al_analysis a;
	al_settings_default(&set);
	for (int i = 0; i < demo_client_count(p); i++) {
		struct al_course c;
		size_t nf = detect(p, i, &c);
		for (size_t f = 0; f < nf; f++) {
			rule_seen[flag_buf[f].rule] = true;
			repair_seen[flag_buf[f].repair] = true;
		}
		assert_true(analysis_run(&a, &c, &set, false));
		for (size_t k = 0; k < a.neps; k++)
			status_seen[a.eps[k].status] = true;
		if (i >= DEMO_ME_CLIENTS)
			continue;
		struct al_standing st;
		episodes_standing(&c, a.flags, a.nflags, a.eps, a.neps, &st);
		if (st.state != me_expected[i])
			fail_msg("seed %llu sessions %d client %d: %s, expected %s",
			         (unsigned long long)p->seed, p->sessions, i, state_name(st.state),
			         state_name(me_expected[i]));
		if (i == 0) { /* the RUPTURE is one unrepaired episode, still current */
			assert_int_equal(st.risk, AL_RISK_UNREPAIRED);
			assert_int_equal(st.current, 1);
			assert_int_equal(a.eps[st.episode].status, AL_EPISODE_UNREPAIRED);
			assert_int_equal(a.eps[st.episode].severity, AL_SEV_RED);
		}
		if (i == 5) /* a new rupture: open */
			assert_int_equal(st.risk, AL_RISK_OPEN_RED);
	}
	analysis_free(&a);
	for (int k = AL_EPISODE_OPEN; k <= AL_EPISODE_UNREPAIRED; k++)
		if (!status_seen[k])
			fail_msg("seed %llu: no %s episode", (unsigned long long)p->seed,
			         episode_status_name((enum al_episode_status)k));
	for (int r = 0; r < AL_RULE_COUNT; r++)
		if (!rule_seen[r])
			fail_msg("seed %llu: no %s flag", (unsigned long long)p->seed,
			         rule_name((enum al_rule)r));
	for (int r = AL_REPAIR_OPEN; r <= AL_REPAIR_UNREPAIRED; r++)
		if (!repair_seen[r])
			fail_msg("seed %llu: no %s flag", (unsigned long long)p->seed,
			         repair_name((enum al_repair)r));
}

static void test_default_practice_statuses(void **state)
{
	(void)state;
	struct demo_params p = params(DEMO_SEED_DEFAULT, 0, 0);
	check_practice(&p);
}

static void test_statuses_every_seed(void **state)
{
	(void)state;
	const int lengths[] = {0, DEMO_SESSIONS_MIN, 13, 14, 17, 33, 60};
	for (uint64_t seed = 0; seed < 300; seed++) {
		struct demo_params p = params(seed * 0x9e3779b97f4a7c15u + 1, 0, 0);
		check_practice(&p);
	}
	for (size_t s = 0; s < NSEEDS; s++)
		for (size_t k = 0; k < sizeof(lengths) / sizeof(lengths[0]); k++) {
			struct demo_params p = params(seeds[s], DEMO_CLIENTS_MIN, lengths[k]);
			check_practice(&p);
		}
}

/* Engagement in the demo: check-ins on most attended sessions, some with
 * tension; a no-show right after every unrepaired rupture (and a late
 * cancellation after me's); the client not seen for weeks; one dropout. */
static void test_engagement(void **state)
{
	(void)state;
	for (size_t k = 0; k < NSEEDS; k++) {
		struct demo_params p = params(seeds[k], 0, 0);
		int attended = 0, checkins = 0, tension = 0, absent = 0, dropouts = 0;
		for (int i = 0; i < demo_client_count(&p); i++) {
			struct demo_client c;
			demo_client(&p, i, &c);
			int n = demo_sessions(&p, i, buf_a, DEMO_SESSIONS_MAX);
			for (int j = 0; j < n; j++) {
				const struct demo_session *s = &buf_a[j];
				bool rated = s->rating[AL_RATER_CLIENT][0] != AL_MISSING;
				if (s->attendance != AL_ATTENDED) {
					absent++;
					assert_false(rated || s->tension != AL_NO_ANSWER ||
					             s->misunderstood != AL_NO_ANSWER ||
					             s->rupture != AL_RUPTURE_NONE || s->context);
					continue;
				}
				attended++;
				checkins += s->tension != AL_NO_ANSWER;
				tension += s->tension > 0;
				if (s->talked != AL_NO_ANSWER)
					assert_true(s->tension > 0);
			}
			if (c.kind == DEMO_UNREPAIRED)
				assert_int_equal(buf_a[c.event].attendance, AL_NO_SHOW);
			if (i == 0)
				assert_int_equal(buf_a[c.event + 1].attendance, AL_LATE_CANCEL);
			if (i == DEMO_GAP_CLIENT)
				assert_true(buf_a[n - 1].date <= p.today - DEMO_GAP_DAYS);
			if (c.ending >= 0) {
				dropouts++;
				assert_int_equal(i, DEMO_DROPOUT_CLIENT);
				assert_int_equal(c.ending, AL_END_DROPOUT);
				assert_int_equal(buf_a[n - 2].attendance, AL_LATE_CANCEL);
				assert_int_equal(buf_a[n - 1].attendance, AL_NO_SHOW);
			}
		}
		assert_true(checkins * 100 >= attended * 70); /* most sessions */
		assert_in_range(tension, 5, attended / 5);    /* some, not most */
		assert_in_range(absent, 3, attended / 10);    /* a few */
		assert_int_equal(dropouts, 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_deterministic),
	    cmocka_unit_test(test_seed_changes_practice),
	    cmocka_unit_test(test_clients_independent),
	    cmocka_unit_test(test_counts),
	    cmocka_unit_test(test_cap),
	    cmocka_unit_test(test_ranges),
	    cmocka_unit_test(test_users),
	    cmocka_unit_test(test_codes_unique_at_scale),
	    cmocka_unit_test(test_shapes),
	    cmocka_unit_test(test_default_practice_statuses),
	    cmocka_unit_test(test_statuses_every_seed),
	    cmocka_unit_test(test_engagement),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
