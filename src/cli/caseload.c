/* caseload [--clinician NAME] [--format table|csv|json]: the home screen's
 * summary, the visible clients who are not archived, most urgent first. */
#include <stdlib.h>
#include <string.h>

#include "alliance/cli_view.h"
#include "alliance/commands.h"
#include "alliance/parse.h"
#include "alliance/spark.h"

#define SPARK_SESSIONS 12 /* the trend column covers the last 12 sessions */

/*
 * caseload --format csv header (stable, listed in the man page):
 *   client,clinician,sessions,last_date,trust,collaboration,empathy,status
 * trust, collaboration and empathy are the client's latest rating of each
 * (from the last session that has one); status is RUPTURE, WATCH, repaired
 * or ok. JSON adds "flag", the explanation of the current flag that weighs
 * most; the table adds the trend (a sparkline of the mean of the core
 * dimensions over the last 12 sessions) and that explanation.
 */
static const struct out_col caseload_cols[] = {
    {"client"},        {"clinician"},   {"sessions", true},
    {"last_date"},     {"trust", true}, {"collaboration", true},
    {"empathy", true}, {"status"},      {"trend"},
    {"flag"},
};
#define CASELOAD_CSV_COLS 8
#define COL_TREND 8
#define COL_FLAG 9
static const char *const core_keys[AL_CORE_DIMS] = {"trust", "collaboration", "empathy"};

struct caseload_row {
	char code[AL_KEY_MAX + 1];
	char clinician[AL_KEY_MAX + 1];
	int sessions;
	int32_t last_date;
	al_tenths last[AL_CORE_DIMS];
	al_tenths trend[SPARK_SESSIONS];
	size_t ntrend;
	struct al_standing standing;
	char *flag; /* explanation of the flag that weighs most, or NULL */
};

struct caseload {
	struct cli *c;
	struct view *v;
	bool explain;           /* table and JSON only: CSV needs no explanations */
	int core[AL_CORE_DIMS]; /* index of each core dimension in v->dims, or -1 */
	struct caseload_row *rows;
	size_t n, cap;
};

static al_tenths last_rating(const struct al_course *course, int dim)
{
	for (size_t i = course->n; dim >= 0 && i-- > 0;)
		if (course->sessions[i].rating[AL_RATER_CLIENT][dim] != AL_MISSING)
			return course->sessions[i].rating[AL_RATER_CLIENT][dim];
	return AL_MISSING;
}

/* The mean of the core dimensions the client rated at session s. */
static al_tenths core_mean(const struct caseload *cl, const struct al_session *s)
{
	int sum = 0, n = 0;
	for (int k = 0; k < AL_CORE_DIMS; k++)
		if (cl->core[k] >= 0 && s->rating[AL_RATER_CLIENT][cl->core[k]] != AL_MISSING) {
			sum += s->rating[AL_RATER_CLIENT][cl->core[k]];
			n++;
		}
	return n ? (al_tenths)((sum + n / 2) / n) : AL_MISSING;
}

/* A new zeroed row, or NULL when out of memory. */
static struct caseload_row *row_add(struct caseload *cl)
{
	if (cl->n == cl->cap) {
		size_t cap = cl->cap ? cl->cap * 2 : 64;
		struct caseload_row *p = realloc(cl->rows, cap * sizeof *p);
		if (!p)
			return NULL;
		cl->rows = p;
		cl->cap = cap;
	}
	struct caseload_row *row = &cl->rows[cl->n++];
	*row = (struct caseload_row){0};
	return row;
}

static enum al_status row_explain(struct caseload *cl, const struct al_course *course,
                                  struct caseload_row *row)
{
	char why[VIEW_EXPLAIN_MAX];
	if (!cl->explain || row->standing.newest_flag == SIZE_MAX)
		return AL_OK;
	flag_explain(course, &cl->v->settings, &cl->v->flags[row->standing.newest_flag], why,
	             sizeof why);
	if (!(row->flag = strdup(why)))
		return al_fail(cl->c->err, AL_EIO, "caseload: out of memory");
	return AL_OK;
}

static enum al_status each_client(void *ctx, const struct al_client *client,
                                  const struct db_course *dc, struct al_error *err)
{
	struct caseload *cl = ctx;
	const struct al_course *course = &dc->course;
	enum al_status st = view_detect(cl->c, cl->v, course);
	(void)err;
	if (st)
		return st;
	struct caseload_row *row = row_add(cl);
	if (!row)
		return al_fail(cl->c->err, AL_EIO, "caseload: out of memory");
	snprintf(row->code, sizeof row->code, "%s", client->code);
	snprintf(row->clinician, sizeof row->clinician, "%s", client->clinician);
	row->sessions = (int)course->n;
	row->last_date = course->n ? course->sessions[course->n - 1].date : INT32_MIN;
	for (int k = 0; k < AL_CORE_DIMS; k++)
		row->last[k] = last_rating(course, cl->core[k]);
	size_t from = course->n > SPARK_SESSIONS ? course->n - SPARK_SESSIONS : 0;
	for (size_t i = from; i < course->n; i++)
		row->trend[row->ntrend++] = core_mean(cl, &course->sessions[i]);
	standing_compute(course, cl->v->flags, cl->v->n, &row->standing);
	return row_explain(cl, course, row);
}

static int row_compare(const void *a, const void *b)
{
	const struct caseload_row *x = a, *y = b;
	return standing_compare(&x->standing, x->code, &y->standing, y->code);
}

static enum al_status print_row(struct cli *c, struct out *o, const struct caseload_row *row)
{
	char n[16], date[AL_DATE_LEN + 1] = "", last[AL_CORE_DIMS][8] = {"", "", ""};
	char trend[SPARK_SESSIONS * 3 + 1];
	snprintf(n, sizeof n, "%d", row->sessions);
	if (row->last_date != INT32_MIN)
		format_date(row->last_date, date);
	for (int k = 0; k < AL_CORE_DIMS; k++)
		if (row->last[k] != AL_MISSING)
			format_tenths(row->last[k], last[k]);
	spark_render(row->trend, row->ntrend, c->ascii, trend, sizeof trend);
	const char *cells[] = {
	    row->code, row->clinician,
	    n,         date,
	    last[0],   last[1],
	    last[2],   state_name(row->standing.state),
	    trend,     row->flag ? row->flag : "",
	};
	if (o->fmt == OUT_JSON) /* no sparkline: the flag takes the trend's place */
		cells[COL_TREND] = cells[COL_FLAG];
	return out_row(o, cells, c->err);
}

static enum al_status print_caseload(struct cli *c, enum out_format fmt, const struct caseload *cl)
{
	static const struct out_col json_cols[] = {
	    {"client"},        {"clinician"},   {"sessions", true},
	    {"last_date"},     {"trust", true}, {"collaboration", true},
	    {"empathy", true}, {"status"},      {"flag"},
	};
	struct out o;
	enum al_status st = AL_OK;
	if (fmt == OUT_JSON)
		out_begin(&o, stdout, fmt, json_cols,
		          (int)(sizeof json_cols / sizeof json_cols[0]));
	else
		out_begin(&o, stdout, fmt, caseload_cols,
		          fmt == OUT_CSV ? CASELOAD_CSV_COLS : COL_FLAG + 1);
	for (size_t i = 0; !st && i < cl->n; i++)
		st = print_row(c, &o, &cl->rows[i]);
	enum al_status end = out_end(&o, c->err);
	return st ? st : end;
}

enum al_status cmd_caseload(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"clinician", true}, {"format", true}, {NULL}};
	const char *pos[1];
	enum out_format fmt;
	struct db_client_filter f;
	struct view v;
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 0, 0, NULL);
	if (st || (st = out_format_parse(c, cli_opt(opts, "format"), &fmt)) ||
	    (st = view_init(c, &v)))
		return st;
	struct caseload cl = {.c = c, .v = &v, .explain = fmt != OUT_CSV};
	for (int k = 0; k < AL_CORE_DIMS; k++)
		cl.core[k] = db_dims_find(&v.dims, core_keys[k]);
	if ((st = db_begin_read(c->db, c->err)))
		goto out;
	if (!(st = cli_clients(c, cli_opt(opts, "clinician"), &f)))
		st = db_course_each(c->db, &v.dims, &f, each_client, &cl, c->err);
	db_end_read(c->db);
	if (!st) {
		qsort(cl.rows, cl.n, sizeof *cl.rows, row_compare);
		st = print_caseload(c, fmt, &cl);
	}
out:
	for (size_t i = 0; i < cl.n; i++)
		free(cl.rows[i].flag);
	free(cl.rows);
	view_free(&v);
	return st;
}
