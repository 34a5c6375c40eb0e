/* Gathering the supervisor board: summaries in risk order, tallies by clinician. */
#include <stdio.h>
#include <stdlib.h>

#include "alliance/analysis.h"
#include "alliance/db_board.h"
#include "alliance/db_session.h"
#include "alliance/db_user.h"
#include "internal.h"

struct gather {
	struct db *db;
	const struct db_dims *dims;
	const struct db_client_filter *f;
	int32_t today;
	struct db_board *b;
	struct al_settings settings;
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

static struct db_board_clinician *clinician_of(struct db_board *b, int64_t id)
{
	for (size_t i = 0; i < b->nclin; i++)
		if (b->clin[i].id == id)
			return &b->clin[i];
	return NULL;
}

/* The 4 weeks from the trend and the 12 weeks' closed episodes from the
 * summary; from the course for a client with too many of either. */
static enum al_status tally(struct gather *g, struct board_tally *t, const struct db_status_row *r,
                            struct al_error *err)
{
	const struct al_summary *s = &r->summary;
	bool trend = board_trend_covers(s, g->today), closed = board_closed_covers(s, g->today);
	board_tally_client(t, s, g->today);
	if (trend)
		board_tally_trend(t, s, g->today);
	if (trend && closed)
		return AL_OK;
	struct db_course course = {0};
	struct al_analysis a = {0};
	enum al_status st = db_course_load(g->db, g->dims, r->client.id, &course, err);
	if (!st && !trend)
		board_tally_course(t, &course.course, g->today);
	if (!st && !closed) {
		if (analysis_run(&a, &course.course, &g->settings, r->client.archived))
			board_tally_episodes(t, &course.course, a.eps, a.neps, g->today);
		else
			st = al_fail(err, AL_EIO, "board: out of memory");
	}
	analysis_free(&a);
	db_course_free(&course);
	return st;
}

static enum al_status add_client(void *ctx, const struct db_status_row *r, struct al_error *err)
{
	struct gather *g = ctx;
	struct db_board *b = g->b;
	struct db_board_clinician *k = clinician_of(b, r->client.clinician_id);
	enum al_status st = k ? tally(g, &k->tally, r, err) : AL_OK;
	if (st || (st = grow((void **)&b->rows, &b->cap, b->n, sizeof *b->rows, err)))
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

enum al_status db_board_load(struct db *db, const struct db_dims *dims,
                             const struct db_client_filter *f, int32_t today, struct db_board *out,
                             struct al_error *err)
{
	struct gather g = {.db = db, .dims = dims, .f = f, .today = today, .b = out};
	struct db_client_filter active = *f;
	active.with_archived = false;
	*out = (struct db_board){0};
	enum al_status st = db_settings_load(db, &g.settings, err);
	if (!st)
		st = db_user_each(db, add_clinician, &g, err);
	if (!st)
		st = db_status_each(db, &active, add_client, &g, err);
	if (st) {
		db_board_free(out);
		return st;
	}
	qsort(out->rows, out->n, sizeof *out->rows, risk_order);
	if ((st = db_board_acks_load(db, dims, &g.settings, out, err)))
		db_board_free(out);
	return st;
}

void db_board_free(struct db_board *b)
{
	free(b->rows);
	free(b->acks);
	free(b->clin);
	*b = (struct db_board){0};
}
