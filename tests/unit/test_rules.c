/* Unit tests for the detection rules, repair status and explanations
 * (core/rules.c, core/repair.c, core/explain.c), with worked series and the
 * shared 24-client acceptance vector. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/parse.h"
#include "alliance/rules.h"

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

static void fixture_init(struct fixture *fx, size_t nsessions, size_t ndims)
{
	memset(fx, 0, sizeof *fx);
	memcpy(fx->dims, core_dims, ndims * sizeof core_dims[0]);
	int32_t start;
	assert_true(parse_date("2026-03-02", &start));
	for (size_t i = 0; i < MAX_SESSIONS; i++) {
		struct al_session *se = &fx->sessions[i];
		se->date = start + 7 * (int32_t)i;
		se->seq = (int)i + 1;
		for (int r = 0; r < AL_RATER_COUNT; r++)
			for (int d = 0; d < AL_DIM_MAX; d++)
				se->rating[r][d] = AL_MISSING;
	}
	fx->c = (struct al_course){fx->dims, ndims, fx->sessions, nsessions};
	al_settings_default(&fx->s);
}

/* Fills one dimension of one rater from "8.5 9.0 -" ("-" leaves it missing). */
static void series(struct fixture *fx, enum al_rater who, int dim, const char *values)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", values);
	size_t i = 0;
	for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " "), i++) {
		assert_true(i < fx->c.n);
		if (strcmp(tok, "-") == 0)
			continue;
		al_tenths v;
		const char *why;
		assert_true(parse_rating(tok, &v, &why));
		fx->sessions[i].rating[who][dim] = v;
	}
	assert_int_equal(i, fx->c.n);
}

static void detect(struct fixture *fx)
{
	fx->nflags = rules_detect(&fx->c, &fx->s, fx->flags, MAX_FLAGS);
	assert_true(fx->nflags <= MAX_FLAGS);
}

/* The flags as "session,dimension,rule,severity,status" lines, as in CSV. */
static void render(const struct fixture *fx, char *buf, size_t cap)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < fx->nflags; i++) {
		const struct al_flag *f = &fx->flags[i];
		int n = snprintf(buf + len, cap - len, "%d,%s,%s,%s,%s\n",
				 fx->sessions[f->session].seq, f->dim < 0 ? "" : fx->dims[f->dim].key,
				 rule_name(f->rule), severity_name(f->severity),
				 repair_name(f->repair));
		assert_true(n > 0 && (size_t)n < cap - len);
		len += (size_t)n;
	}
}

static void expect_flags(struct fixture *fx, const char *want)
{
	char got[8192];
	detect(fx);
	render(fx, got, sizeof got);
	assert_string_equal(got, want);
}

static const struct al_flag *find_flag(const struct fixture *fx, size_t session, int dim,
				       enum al_rule r)
{
	for (size_t i = 0; i < fx->nflags; i++)
		if (fx->flags[i].session == session && fx->flags[i].dim == dim &&
		    fx->flags[i].rule == r)
			return &fx->flags[i];
	fail_msg("no %s flag at session index %zu dim %d", rule_name(r), session, dim);
	return NULL;
}

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

static FILE *shared_open(const char *name)
{
	const char *dir = getenv("SHARED");
	char path[1024];
	snprintf(path, sizeof path, "%s/examples/detection/%s", dir && *dir ? dir : "../shared",
		 name);
	FILE *fp = fopen(path, "r");
	if (!fp)
		fail_msg("cannot open %s", path);
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
		cmocka_unit_test(test_acceptance_vector),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
