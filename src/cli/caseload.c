/* caseload [--clinician NAME] [--format table|csv|json]: the home screen's
 * summary, the visible clients who are not archived, most urgent first. */
#include <stdlib.h>
#include <string.h>

#include "alliance/commands.h"
#include "alliance/db_status.h"
#include "alliance/parse.h"
#include "alliance/spark.h"

/*
 * caseload --format csv header (stable, listed in the man page):
 *   client,clinician,sessions,last_date,trust,collaboration,empathy,status
 * trust, collaboration and empathy are the client's latest rating of each
 * (from the last session that has one); status is RUPTURE, WATCH, repaired
 * or ok. JSON adds "flag", the explanation of the current flag that weighs
 * most; the table adds the trend (a sparkline of the mean of the core
 * dimensions over the last 12 sessions) and that explanation. Every value
 * comes from the summaries the database keeps (db_status.h): no detection.
 */
static const struct out_col caseload_cols[] = {
    {"client"},        {"clinician"},   {"sessions", true, "sess"},
    {"last_date"},     {"trust", true}, {"collaboration", true, "collab"},
    {"empathy", true}, {"status"},      {"trend"},
    {"flag"},
};
#define CASELOAD_CSV_COLS 8
#define COL_TREND 8
#define COL_FLAG 9

struct caseload_row {
	char code[AL_KEY_MAX + 1];
	char clinician[AL_KEY_MAX + 1];
	int sessions;
	int32_t last_date;
	al_tenths last[AL_CORE_DIMS];
	al_tenths trend[AL_TREND_SESSIONS];
	size_t ntrend;
	struct al_standing standing;
	char *flag; /* explanation of the flag that weighs most, or NULL */
};

struct caseload {
	struct cli *c;
	bool explain; /* table and JSON only: CSV needs no explanations */
	struct caseload_row *rows;
	size_t n, cap;
};

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

static enum al_status each_client(void *ctx, const struct db_status_row *r, struct al_error *err)
{
	struct caseload *cl = ctx;
	const struct al_summary *s = &r->summary;
	struct caseload_row *row = row_add(cl);
	if (!row)
		return al_fail(err, AL_EIO, "caseload: out of memory");
	snprintf(row->code, sizeof row->code, "%s", r->client.code);
	snprintf(row->clinician, sizeof row->clinician, "%s", r->client.clinician);
	row->sessions = s->sessions;
	row->last_date = s->last_date;
	memcpy(row->last, s->last, sizeof row->last);
	for (int i = 0; i < s->ntrend; i++)
		row->trend[row->ntrend++] = s->trend[i].value[0];
	row->standing = s->standing;
	if (cl->explain && *s->flag && !(row->flag = strdup(s->flag)))
		return al_fail(err, AL_EIO, "caseload: out of memory");
	return AL_OK;
}

static int row_compare(const void *a, const void *b)
{
	const struct caseload_row *x = a, *y = b;
	return standing_compare(&x->standing, x->code, &y->standing, y->code);
}

static enum al_status print_row(struct cli *c, struct out *o, const struct caseload_row *row)
{
	char n[16], date[AL_DATE_LEN + 1] = "", last[AL_CORE_DIMS][8] = {"", "", ""};
	char trend[AL_TREND_SESSIONS * 3 + 1];
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
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 0, 0, NULL);
	if (st || (st = out_format_parse(c, cli_opt(opts, "format"), &fmt)))
		return st;
	struct caseload cl = {.c = c, .explain = fmt != OUT_CSV};
	if ((st = db_begin_read(c->db, c->err)))
		return st;
	if (!(st = cli_clients(c, cli_opt(opts, "clinician"), &f)))
		st = db_status_each(c->db, &f, each_client, &cl, c->err);
	db_end_read(c->db);
	if (!st) {
		if (cl.n > 1) /* rows is NULL when there are none */
			qsort(cl.rows, cl.n, sizeof *cl.rows, row_compare);
		st = print_caseload(c, fmt, &cl);
	}
	for (size_t i = 0; i < cl.n; i++)
		free(cl.rows[i].flag);
	free(cl.rows);
	return st;
}
