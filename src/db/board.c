/* Gathering the supervisor board: summaries in risk order, tallies by
 * clinician (each a pass over an index of the summaries). */
#include <stdio.h>
#include <stdlib.h>

#include "alliance/core/analysis.h"
#include "alliance/db/board.h"
#include "alliance/db/engagement.h"
#include "alliance/db/session.h"
#include "alliance/db/user.h"
#include "internal.h"

struct gather {
	struct db *db;
	const struct db_dims *dims;
	const struct db_client_filter *f;
	int32_t today;
	struct db_board *b;
	struct al_settings settings;
	struct al_summary s; /* a client's, as far as the tally reads it */
};

static enum al_status grow(void **p, size_t *cap, size_t n, size_t size, struct al_error *err)
{
	if (n < *cap)
		return AL_OK;
	size_t want = *cap ? *cap * 2 : 64;
	void *q = realloc(*p, want * size);
	if (!q)
		return al_fail(err, AL_EIO, "board: out of memory");
	*p = q;
	*cap = want;
	return AL_OK;
}

static enum al_status add_clinician(void *ctx, const struct al_user *u, struct al_error *err)
{
	struct gather *g = ctx;
	struct db_board *b = g->b;
	bool covered = g->f->clinician_id
	                   ? u->id == g->f->clinician_id
	                   : !u->supervisor && u->supervisor_id == g->f->supervisor_id;
	if (!covered)
		return AL_OK;
	enum al_status st = grow((void **)&b->clin, &b->capclin, b->nclin, sizeof *b->clin, err);
	if (st)
		return st;
	struct db_board_clinician *k = &b->clin[b->nclin++];
	*k = (struct db_board_clinician){.id = u->id};
	snprintf(k->name, sizeof k->name, "%s", u->name);
	return AL_OK;
}

/* The 4 weeks from the trend and the 12 weeks' closed episodes from the
 * summary; from the course for a client with too many of either. */
static enum al_status tally(struct gather *g, struct board_tally *t, int64_t client_id,
                            const struct al_summary *s, struct al_error *err)
{
	bool trend = board_trend_covers(s, g->today), closed = board_closed_covers(s, g->today);
	board_tally_client(t, s, g->today);
	if (trend)
		board_tally_trend(t, s, g->today);
	if (trend && closed)
		return AL_OK;
	struct db_course course = {0};
	struct al_analysis a = {0};
	enum al_status st = db_course_load(g->db, g->dims, client_id, &course, err);
	if (!st && !trend)
		board_tally_course(t, &course.course, g->today);
	if (!st && !closed) {
		if (analysis_run(&a, &course.course, &g->settings, false))
			board_tally_episodes(t, &course.course, a.eps, a.neps, g->today);
		else
			st = al_fail(err, AL_EIO, "board: out of memory");
	}
	analysis_free(&a);
	db_course_free(&course);
	return st;
}

/* The clinician's active clients not seen for more than gap_days (SPEC
 * §4b: worked out when reading, as it depends on today). */
static enum al_status count_not_seen(struct gather *g, struct db_board_clinician *k,
                                     struct al_error *err)
{
	static const char sql[] =
	    "SELECT count(*) FROM client_status WHERE clinician_id = :clinician "
	    "AND archived = 0 AND last_attended < :cut";
	char cut[AL_DATE_LEN + 1];
	sqlite3_stmt *st = db_stmt(g->db, sql, err);
	if (!st)
		return err->status;
	format_date(g->today - g->settings.gap_days, cut);
	db_bind_int(st, ":clinician", k->id);
	db_bind_text(st, ":cut", cut);
	int rc = db_step(g->db, st, err);
	if (rc == SQLITE_ROW)
		k->tally.not_seen = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? AL_OK : err->status;
}

/* One clinician's tally: a pass over the index that holds what it reads
 * (client_status_tally), one client at a time. */
static enum al_status tally_clinician(struct gather *g, struct db_board_clinician *k,
                                      struct al_error *err)
{
	static const char sql[] = "SELECT client_id, red_open, red_unrepaired, trend, closed "
	                          "FROM client_status INDEXED BY client_status_tally "
	                          "WHERE clinician_id = :clinician AND archived = 0";
	sqlite3_stmt *st = db_stmt(g->db, sql, err);
	enum al_status status = AL_OK;
	int rc = SQLITE_DONE;
	if (!st)
		return err->status;
	db_bind_int(st, ":clinician", k->id);
	while (!status && (rc = db_step(g->db, st, err)) == SQLITE_ROW) {
		db_status_tally_read(st, 1, &g->s);
		status = tally(g, &k->tally, sqlite3_column_int64(st, 0), &g->s, err);
	}
	if (!status && rc != SQLITE_ROW && rc != SQLITE_DONE)
		status = err->status;
	sqlite3_reset(st);
	return status ? status : count_not_seen(g, k, err);
}

static enum al_status add_client(void *ctx, const struct db_status_row *r, struct al_error *err)
{
	struct gather *g = ctx;
	struct db_board *b = g->b;
	enum al_status st = grow((void **)&b->rows, &b->cap, b->n, sizeof *b->rows, err);
	if (st)
		return st;
	b->rows[b->n++] = *r;
	return AL_OK;
}

static int risk_order(const void *x, const void *y)
{
	const struct db_status_row *a = x, *b = y;
	return standing_compare(&a->summary.standing, a->client.code, &b->summary.standing,
	                        b->client.code);
}

static enum al_status clinicians(struct gather *g, struct al_error *err)
{
	enum al_status st = db_settings_load(g->db, &g->settings, err);
	if (!st)
		st = db_user_each(g->db, add_clinician, g, err);
	for (size_t i = 0; !st && i < g->b->nclin; i++)
		st = tally_clinician(g, &g->b->clin[i], err);
	return st;
}

enum al_status db_board_tally(struct db *db, const struct db_dims *dims,
                              const struct db_client_filter *f, int32_t today, struct db_board *out,
                              struct al_error *err)
{
	struct gather g = {.db = db, .dims = dims, .f = f, .today = today, .b = out};
	*out = (struct db_board){0};
	enum al_status st = clinicians(&g, err);
	if (st)
		db_board_free(out);
	return st;
}

enum al_status db_board_load(struct db *db, const struct db_dims *dims,
                             const struct db_client_filter *f, int32_t today, struct db_board *out,
                             struct al_error *err)
{
	struct gather g = {.db = db, .dims = dims, .f = f, .today = today, .b = out};
	struct db_client_filter active = *f;
	active.with_archived = false;
	active.today = today; /* statuses as of today: the gap rule */
	*out = (struct db_board){0};
	enum al_status st = clinicians(&g, err);
	if (!st)
		st = db_status_each(db, &active, add_client, &g, err);
	for (size_t i = 0; !st && i < out->nclin; i++)
		st = db_engagement_load(db, out->clin[i].id, today - ENGAGEMENT_BOARD_DAYS + 1,
		                        today, &out->clin[i].engagement, err);
	if (st) {
		db_board_free(out);
		return st;
	}
	if (out->n > 1) /* rows is NULL when there are none */
		qsort(out->rows, out->n, sizeof *out->rows, risk_order);
	return AL_OK;
}

void db_board_free(struct db_board *b)
{
	free(b->rows);
	free(b->clin);
	*b = (struct db_board){0};
}
