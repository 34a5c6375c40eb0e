/* board [--clinician NAME] [--status S] [--summary] [--format table|csv|json]:
 * the supervisor board. Every client of every supervisee (a clinician: their
 * own) in risk order, and a summary line per clinician.
 *
 * Stable formats (listed in the man page):
 *   board (CSV, JSON):  client,clinician,sessions,last_date,status,flag
 *   board --summary:    clinician,clients,sessions_4w,mean_4w,open,unrepaired,
 *                       repaired_12w,closed_12w,repair_pct,missed_pct,unrated_pct,
 *                       not_seen,ended_planned,ended_dropout,ended_referred,ended_other
 * flag is the why line: the story of the episode behind the status (naming
 * the clinician), or the low or discrepancy flag behind a WATCH. open and
 * unrepaired count clients whose current red episode is open or unrepaired;
 * closed_12w the episodes repaired or judged unrepaired in the last 12
 * weeks, repaired_12w those repaired, repair_pct their ratio (SPEC §4b
 * "Counts": clients and episodes, never flags). missed_pct: no-shows and
 * late cancellations, unrated_pct: attended sessions without client
 * ratings, and the endings: the last 12 weeks; not_seen: clients not seen
 * for more than gap_days. The table
 * adds a trend sparkline (the mean of the core dimensions over the last 12
 * sessions) and prints the client list, then the summary; CSV and JSON
 * print one of the two, as a file has one header. */
#include <string.h>
#include <strings.h>

#include "alliance/cli/commands.h"
#include "alliance/db/board.h"
#include "alliance/core/parse.h"
#include "alliance/core/spark.h"

static enum al_status print_clients(struct cli *c, const struct db_board *b, int status,
                                    enum out_format fmt)
{
	static const struct out_col cols[] = {
	    {"client"}, {"clinician"}, {"sessions", true}, {"last_date"}, {"status"}, {"flag"},
	};
	static const struct out_col table_cols[] = {
	    {"client"}, {"clinician"}, {"sessions", true, "sess"}, {"last_date"}, {"status"},
	    {"trend"},  {"flag"},
	};
	bool table = fmt == OUT_TABLE;
	struct out o;
	enum al_status st = AL_OK;
	out_begin(&o, stdout, fmt, table ? table_cols : cols, table ? 7 : 6);
	for (size_t i = 0; !st && i < b->n; i++) {
		const struct al_summary *s = &b->rows[i].summary;
		char n[16], date[AL_DATE_LEN + 1] = "", trend[AL_TREND_SESSIONS * 3 + 1];
		al_tenths mean[AL_TREND_SESSIONS];
		if (status >= 0 && (int)s->standing.state != status)
			continue;
		snprintf(n, sizeof n, "%d", s->sessions);
		if (s->last_date != INT32_MIN)
			format_date(s->last_date, date);
		for (int k = 0; k < s->ntrend; k++)
			mean[k] = s->trend[k].value[0];
		spark_render(mean, (size_t)s->ntrend, c->ascii, trend, sizeof trend);
		const char *cells[7] = {b->rows[i].client.code, b->rows[i].client.clinician, n,
		                        date, state_name(s->standing.state)};
		int k = 5;
		if (table)
			cells[k++] = trend;
		cells[k] = s->flag;
		st = out_row(&o, cells, c->err);
	}
	enum al_status end = out_end(&o, c->err);
	return st ? st : end;
}

#define SUMMARY_COLS 16
static const struct out_col summary_cols[SUMMARY_COLS] = {
    {"clinician"},           {"clients", true},       {"sessions_4w", true},
    {"mean_4w", true},       {"open", true},          {"unrepaired", true},
    {"repaired_12w", true},  {"closed_12w", true},    {"repair_pct", true},
    {"missed_pct", true},    {"unrated_pct", true},   {"not_seen", true},
    {"ended_planned", true}, {"ended_dropout", true}, {"ended_referred", true},
    {"ended_other", true},
};

/* One clinician's summary line, every cell as text in buf. */
struct summary_line {
	char cell[SUMMARY_COLS][AL_KEY_MAX + 1];
};

static void summary_line(const struct db_board_clinician *bc, enum out_format fmt,
                         struct summary_line *l)
{
	const struct board_tally *t = &bc->tally;
	const struct al_engagement *e = &bc->engagement;
	const char *none = fmt == OUT_TABLE ? "-" : "";
	const int num_at[11] = {1, 2, 4, 5, 6, 7, 11, 12, 13, 14, 15};
	const int v[11] = {t->clients,  t->sessions, t->open,     t->unrepaired,
	                   t->repaired, t->closed,   t->not_seen, e->ended[0],
	                   e->ended[1], e->ended[2], e->ended[3]};
	const int pct_at[3] = {8, 9, 10};
	const int rate[3] = {board_repair_pct(t), engagement_missed_pct(e),
	                     engagement_unrated_pct(e)};
	int mean_tenths = board_tally_mean(t);
	snprintf(l->cell[0], sizeof l->cell[0], "%s", bc->name);
	for (int k = 0; k < 11; k++)
		snprintf(l->cell[num_at[k]], sizeof l->cell[0], "%d", v[k]);
	snprintf(l->cell[3], sizeof l->cell[3], "%s", none);
	if (mean_tenths != AL_MISSING)
		format_tenths(mean_tenths, l->cell[3]);
	for (int k = 0; k < 3; k++) {
		char *cell = l->cell[pct_at[k]];
		snprintf(cell, sizeof l->cell[0], "%s", none);
		if (rate[k] >= 0)
			snprintf(cell, sizeof l->cell[0], fmt == OUT_TABLE ? "%d%%" : "%d",
			         rate[k]);
	}
}

/* The summary's columns pick[0..n) (indexes into summary_cols). */
static enum al_status summary_part(struct cli *c, const struct db_board *b, enum out_format fmt,
                                   const int *pick, int n)
{
	struct out_col cols[SUMMARY_COLS];
	const char *cells[SUMMARY_COLS];
	struct summary_line l;
	struct out o;
	enum al_status st = AL_OK;
	for (int k = 0; k < n; k++)
		cols[k] = summary_cols[pick[k]];
	out_begin(&o, stdout, fmt, cols, n);
	for (size_t i = 0; !st && i < b->nclin; i++) {
		summary_line(&b->clin[i], fmt, &l);
		for (int k = 0; k < n; k++)
			cells[k] = l.cell[pick[k]];
		st = out_row(&o, cells, c->err);
	}
	enum al_status end = out_end(&o, c->err);
	return st ? st : end;
}

/* CSV and JSON: one line per clinician. A table has two parts, episodes
 * then engagement, so that each fits 80 columns. */
static enum al_status print_summary(struct cli *c, const struct db_board *b, enum out_format fmt)
{
	static const int all[SUMMARY_COLS] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
	static const int episodes[9] = {0, 1, 2, 3, 4, 5, 6, 7, 8};
	static const int engagement[8] = {0, 9, 10, 11, 12, 13, 14, 15};
	if (fmt != OUT_TABLE)
		return summary_part(c, b, fmt, all, SUMMARY_COLS);
	enum al_status st = summary_part(c, b, fmt, episodes, 9);
	if (!st)
		putchar('\n');
	return st ? st : summary_part(c, b, fmt, engagement, 8);
}

static enum al_status parse_status(struct cli *c, const char *arg, int *status)
{
	*status = -1;
	for (int s = AL_STATE_OK; arg && s <= AL_STATE_RUPTURE; s++)
		if (strcasecmp(arg, state_name((enum al_state)s)) == 0)
			*status = s;
	if (arg && *status < 0)
		return al_fail(c->err, AL_EINPUT,
		               "board: --status: '%.40s' is not RUPTURE, WATCH, repaired or ok",
		               arg);
	return AL_OK;
}

static enum al_status print_board(struct cli *c, const struct db_board *b, int status,
                                  enum out_format fmt, bool summary)
{
	enum al_status st = AL_OK;
	if (!summary && (st = print_clients(c, b, status, fmt)))
		return st;
	if (summary || fmt == OUT_TABLE) {
		if (!summary)
			putchar('\n');
		st = print_summary(c, b, fmt);
	}
	return st;
}

enum al_status cmd_board(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {
	    {"clinician", true}, {"status", true}, {"summary", false}, {"format", true}, {NULL}};
	const char *pos[1];
	enum out_format fmt;
	struct db_dims dims;
	struct db_client_filter f;
	struct db_board b = {0};
	int status;
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 0, 0, NULL);
	bool summary = cli_opt(opts, "summary") != NULL;
	if (st || (st = out_format_parse(c, cli_opt(opts, "format"), &fmt)) ||
	    (st = parse_status(c, cli_opt(opts, "status"), &status)))
		return st;
	if (summary && status >= 0)
		return al_fail(c->err, AL_EUSAGE,
		               "board: --status narrows the client list, not --summary");
	if ((st = db_dims_load(c->db, &dims, c->err)) || (st = db_begin_read(c->db, c->err)))
		return st;
	if (!(st = cli_clients(c, cli_opt(opts, "clinician"), &f)))
		st = db_board_load(c->db, &dims, &f, c->today, &b, c->err);
	db_end_read(c->db);
	if (!st)
		st = print_board(c, &b, status, fmt, summary);
	db_board_free(&b);
	return st;
}
