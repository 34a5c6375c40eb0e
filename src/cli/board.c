/* board [--clinician NAME] [--status S] [--summary] [--format table|csv|json]:
 * the supervisor board. Every client of every supervisee (a clinician: their
 * own) in risk order, and a summary line per clinician.
 *
 * Stable formats (listed in the man page):
 *   board (CSV, JSON):  client,clinician,sessions,last_date,status,flag
 *   board --summary:    clinician,clients,sessions_4w,mean_4w,open,unrepaired,
 *                       repaired,repair_pct
 * flag is the explanation of the current flag that weighs most. The table
 * adds a trend sparkline (the mean of the core dimensions over the last 12
 * sessions) and prints the client list, then the summary; CSV and JSON
 * print one of the two, as a file has one header. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alliance/board.h"
#include "alliance/cli_view.h"
#include "alliance/commands.h"
#include "alliance/db_user.h"
#include "alliance/parse.h"
#include "alliance/spark.h"

#define TREND_SESSIONS 12

struct board_row {
	char code[AL_KEY_MAX + 1];
	char clinician[AL_KEY_MAX + 1];
	int sessions;
	int32_t last_date;
	struct al_standing standing;
	al_tenths trend[TREND_SESSIONS];
	size_t ntrend;
	char *flag; /* the weightiest current flag's explanation, or NULL */
};

struct board_clinician {
	int64_t id;
	char name[AL_KEY_MAX + 1];
	struct board_tally tally;
};

struct board {
	struct cli *c;
	struct view *v;
	struct db_client_filter f;
	int status; /* the --status asked for (enum al_state), or -1 for any */
	struct board_row *rows;
	size_t n, cap;
	struct board_clinician *clin;
	size_t nclin, capclin;
};

static enum al_status grow(struct cli *c, void **p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return AL_OK;
	size_t want = *cap ? *cap * 2 : 16;
	void *q = realloc(*p, want * size);
	if (!q)
		return al_fail(c->err, AL_EIO, "board: out of memory");
	*p = q;
	*cap = want;
	return AL_OK;
}

/* ---- who is on the board */

static enum al_status add_clinician(void *ctx, const struct al_user *u, struct al_error *err)
{
	struct board *b = ctx;
	(void)err;
	bool mine = b->f.clinician_id ? u->id == b->f.clinician_id
				      : !u->supervisor && u->supervisor_id == b->f.supervisor_id;
	if (!mine)
		return AL_OK;
	enum al_status st = grow(b->c, (void **)&b->clin, &b->capclin, b->nclin, sizeof *b->clin);
	if (st)
		return st;
	struct board_clinician *k = &b->clin[b->nclin++];
	*k = (struct board_clinician){.id = u->id};
	snprintf(k->name, sizeof k->name, "%s", u->name);
	return AL_OK;
}

static struct board_clinician *clinician_of(struct board *b, int64_t id)
{
	for (size_t i = 0; i < b->nclin; i++)
		if (b->clin[i].id == id)
			return &b->clin[i];
	return NULL;
}

/* ---- one client */

static al_tenths core_mean(const struct al_course *c, const struct al_session *s)
{
	int sum = 0, n = 0;
	for (size_t d = 0; d < c->ndims; d++)
		if (c->dims[d].core && s->rating[AL_RATER_CLIENT][d] != AL_MISSING) {
			sum += s->rating[AL_RATER_CLIENT][d];
			n++;
		}
	return n ? (al_tenths)((sum + n / 2) / n) : AL_MISSING;
}

static enum al_status add_row(struct board *b, const struct al_client *client,
			      const struct al_course *course, const struct al_standing *sd)
{
	enum al_status st = grow(b->c, (void **)&b->rows, &b->cap, b->n, sizeof *b->rows);
	if (st)
		return st;
	struct board_row *row = &b->rows[b->n++];
	*row = (struct board_row){.sessions = (int)course->n, .standing = *sd,
				  .last_date = course->n ? course->sessions[course->n - 1].date
							 : INT32_MIN};
	snprintf(row->code, sizeof row->code, "%s", client->code);
	snprintf(row->clinician, sizeof row->clinician, "%s", client->clinician);
	size_t from = course->n > TREND_SESSIONS ? course->n - TREND_SESSIONS : 0;
	for (size_t i = from; i < course->n; i++)
		row->trend[row->ntrend++] = core_mean(course, &course->sessions[i]);
	if (sd->newest_flag == SIZE_MAX)
		return AL_OK;
	char why[VIEW_EXPLAIN_MAX];
	flag_explain(course, &b->v->settings, &b->v->flags[sd->newest_flag], why, sizeof why);
	if (!(row->flag = strdup(why)))
		return al_fail(b->c->err, AL_EIO, "board: out of memory");
	return AL_OK;
}

static enum al_status each_client(void *ctx, const struct al_client *client,
				  const struct db_course *dc, struct al_error *err)
{
	struct board *b = ctx;
	const struct al_course *course = &dc->course;
	struct al_standing sd;
	(void)err;
	enum al_status st = view_detect(b->c, b->v, course);
	if (st)
		return st;
	struct board_clinician *k = clinician_of(b, client->clinician_id);
	if (k)
		board_tally_add(&k->tally, course, b->v->flags, b->v->n, b->c->today);
	standing_compute(course, b->v->flags, b->v->n, &sd);
	if (b->status >= 0 && (int)sd.state != b->status)
		return AL_OK;
	return add_row(b, client, course, &sd);
}

static int row_compare(const void *x, const void *y)
{
	const struct board_row *a = x, *b = y;
	return standing_compare(&a->standing, a->code, &b->standing, b->code);
}

/* ---- printing */

static enum al_status print_clients(struct board *b, enum out_format fmt)
{
	static const struct out_col cols[] = {
	    {"client"}, {"clinician"}, {"sessions", true}, {"last_date"}, {"status"}, {"flag"},
	};
	static const struct out_col table_cols[] = {
	    {"client"}, {"clinician"}, {"sessions", true}, {"last_date"},
	    {"status"}, {"trend"},     {"flag"},
	};
	bool table = fmt == OUT_TABLE;
	struct out o;
	enum al_status st = AL_OK;
	out_begin(&o, stdout, fmt, table ? table_cols : cols, table ? 7 : 6);
	for (size_t i = 0; !st && i < b->n; i++) {
		const struct board_row *r = &b->rows[i];
		char n[16], date[AL_DATE_LEN + 1] = "", trend[TREND_SESSIONS * 3 + 1];
		snprintf(n, sizeof n, "%d", r->sessions);
		if (r->last_date != INT32_MIN)
			format_date(r->last_date, date);
		spark_render(r->trend, r->ntrend, b->c->ascii, trend, sizeof trend);
		const char *cells[7] = {r->code, r->clinician, n, date,
					state_name(r->standing.state)};
		int k = 5;
		if (table)
			cells[k++] = trend;
		cells[k] = r->flag ? r->flag : "";
		st = out_row(&o, cells, b->c->err);
	}
	enum al_status end = out_end(&o, b->c->err);
	return st ? st : end;
}

static enum al_status print_summary(struct board *b, enum out_format fmt)
{
	static const struct out_col cols[] = {
	    {"clinician"},        {"clients", true}, {"sessions_4w", true},
	    {"mean_4w", true},    {"open", true},    {"unrepaired", true},
	    {"repaired", true},   {"repair_pct", true},
	};
	const char *none = fmt == OUT_TABLE ? "-" : "";
	struct out o;
	enum al_status st = AL_OK;
	out_begin(&o, stdout, fmt, cols, (int)(sizeof cols / sizeof cols[0]));
	for (size_t i = 0; !st && i < b->nclin; i++) {
		const struct board_tally *t = &b->clin[i].tally;
		char num[5][16], mean[8], pct[8];
		int mean_tenths = board_tally_mean(t), rate = board_repair_pct(t);
		const int v[5] = {t->clients, t->sessions, t->open, t->unrepaired, t->repaired};
		for (int k = 0; k < 5; k++)
			snprintf(num[k], sizeof num[k], "%d", v[k]);
		snprintf(mean, sizeof mean, "%s", none);
		if (mean_tenths != AL_MISSING)
			format_tenths(mean_tenths, mean);
		snprintf(pct, sizeof pct, "%s", none);
		if (rate >= 0)
			snprintf(pct, sizeof pct, fmt == OUT_TABLE ? "%d%%" : "%d", rate);
		const char *cells[] = {b->clin[i].name, num[0], num[1], mean,
				       num[2],           num[3], num[4], pct};
		st = out_row(&o, cells, b->c->err);
	}
	enum al_status end = out_end(&o, b->c->err);
	return st ? st : end;
}

/* ---- the command */

static enum al_status parse_status(struct cli *c, const char *arg, int *status)
{
	*status = -1;
	for (int s = AL_STATE_OK; arg && s <= AL_STATE_RUPTURE; s++)
		if (strcasecmp(arg, state_name((enum al_state)s)) == 0)
			*status = s;
	if (arg && *status < 0)
		return al_fail(c->err, AL_EINPUT,
			       "board: --status: '%.40s' is not RUPTURE, WATCH, repaired or ok", arg);
	return AL_OK;
}

static enum al_status gather(struct board *b, const char *clinician)
{
	enum al_status st = cli_clients(b->c, clinician, &b->f);
	if (st || (st = db_user_each(b->c->db, add_clinician, b, b->c->err)) ||
	    (st = db_course_each(b->c->db, &b->v->dims, &b->f, each_client, b, b->c->err)))
		return st;
	qsort(b->rows, b->n, sizeof *b->rows, row_compare);
	return AL_OK;
}

static enum al_status print_board(struct board *b, enum out_format fmt, bool summary)
{
	enum al_status st = AL_OK;
	if (!summary && (st = print_clients(b, fmt)))
		return st;
	if (summary || fmt == OUT_TABLE) {
		if (!summary)
			putchar('\n');
		st = print_summary(b, fmt);
	}
	return st;
}

enum al_status cmd_board(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"clinician", true}, {"status", true}, {"summary", false},
				 {"format", true},    {NULL}};
	const char *pos[1];
	enum out_format fmt;
	struct view v;
	struct board b = {.c = c, .v = &v};
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 0, 0, NULL);
	bool summary = cli_opt(opts, "summary") != NULL;
	if (st || (st = out_format_parse(c, cli_opt(opts, "format"), &fmt)) ||
	    (st = parse_status(c, cli_opt(opts, "status"), &b.status)))
		return st;
	if (summary && b.status >= 0)
		return al_fail(c->err, AL_EUSAGE,
			       "board: --status narrows the client list, not --summary");
	if ((st = view_init(c, &v)))
		return st;
	if (!(st = db_begin_read(c->db, c->err))) {
		st = gather(&b, cli_opt(opts, "clinician"));
		db_end_read(c->db);
	}
	if (!st)
		st = print_board(&b, fmt, summary);
	for (size_t i = 0; i < b.n; i++)
		free(b.rows[i].flag);
	free(b.rows);
	free(b.clin);
	view_free(&v);
	return st;
}
