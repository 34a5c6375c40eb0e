/* caseload [--clinician NAME] [--format table|csv|json]: the home screen's
 * summary, the visible clients who are not archived, most urgent first. */
#include <stdlib.h>
#include <string.h>

#include "alliance/cli/commands.h"
#include "alliance/db/caseload.h"
#include "alliance/core/parse.h"
#include "alliance/core/spark.h"

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

static enum al_status print_row(struct cli *c, struct out *o, const struct db_status_row *r)
{
	const struct al_summary *s = &r->summary;
	char n[16], date[AL_DATE_LEN + 1] = "", last[AL_CORE_DIMS][8] = {"", "", ""};
	char trend[AL_TREND_SESSIONS * 3 + 1];
	al_tenths mean[AL_TREND_SESSIONS];
	snprintf(n, sizeof n, "%d", s->sessions);
	if (s->last_date != INT32_MIN)
		format_date(s->last_date, date);
	for (int k = 0; k < AL_CORE_DIMS; k++)
		if (s->last[k] != AL_MISSING)
			format_tenths(s->last[k], last[k]);
	for (int i = 0; i < s->ntrend; i++)
		mean[i] = s->trend[i].value[0];
	spark_render(mean, (size_t)s->ntrend, c->ascii, trend, sizeof trend);
	const char *cells[] = {
	    r->client.code, r->client.clinician,           n,     date,    last[0], last[1],
	    last[2],        state_name(s->standing.state), trend, s->flag,
	};
	if (o->fmt == OUT_JSON) /* no sparkline: the flag takes the trend's place */
		cells[COL_TREND] = cells[COL_FLAG];
	return out_row(o, cells, c->err);
}

static enum al_status print_caseload(struct cli *c, enum out_format fmt,
                                     const struct db_caseload *cl)
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
	struct db_caseload cl = {0};
	if ((st = db_begin_read(c->db, c->err)))
		return st;
	if (!(st = cli_clients(c, cli_opt(opts, "clinician"), &f)))
		st = db_caseload_load(c->db, &f, &cl, c->err);
	db_end_read(c->db);
	if (!st)
		st = print_caseload(c, fmt, &cl);
	db_caseload_free(&cl);
	return st;
}
