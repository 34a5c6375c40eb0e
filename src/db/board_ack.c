/* The board's acknowledgement marks: whether the episode behind each
 * client's status was acknowledged, by whom and when. Episodes are not
 * stored, so only the clients with an acknowledgement at all (few: a
 * supervisor writes them by hand) have their course analysed. */
#include <stdio.h>
#include <stdlib.h>

#include "alliance/analysis.h"
#include "alliance/db_ack.h"
#include "alliance/db_board.h"
#include "alliance/db_session.h"
#include "internal.h"

struct acked {
	int64_t *ids; /* clients with an acknowledged episode, ascending */
	size_t n, cap;
};

static enum al_status acked_add(struct acked *a, int64_t id, struct al_error *err)
{
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;
		int64_t *p = realloc(a->ids, cap * sizeof *p);
		if (!p)
			return al_fail(err, AL_EIO, "board: out of memory");
		a->ids = p;
		a->cap = cap;
	}
	a->ids[a->n++] = id;
	return AL_OK;
}

static enum al_status acked_load(struct db *db, struct acked *a, struct al_error *err)
{
	static const char sql[] = "SELECT DISTINCT s.client_id FROM episode_ack a "
	                          "JOIN session s ON s.id = a.session_id ORDER BY s.client_id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	enum al_status s = AL_OK;
	int rc;
	if (!st)
		return err->status;
	while (!s && (rc = db_step(db, st, err)) == SQLITE_ROW)
		s = acked_add(a, sqlite3_column_int64(st, 0), err);
	if (!s && rc != SQLITE_DONE)
		s = err->status;
	sqlite3_reset(st);
	return s;
}

static bool acked_has(const struct acked *a, int64_t id)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->ids[i] == id)
			return true;
	return false;
}

/* The acknowledgements of the episode behind r's status into out. */
static enum al_status row_ack(struct db *db, const struct db_dims *dims,
                              const struct al_settings *set, const struct db_status_row *r,
                              struct db_board_ack *out, struct al_error *err)
{
	struct db_course course = {0};
	struct al_analysis an = {0};
	struct db_episode_acks acks = {0};
	struct al_standing sd;
	const struct al_course *c = &course.course;
	enum al_status s = db_course_load(db, dims, r->client.id, &course, err);
	if (!s && !analysis_run(&an, c, set, r->client.archived))
		s = al_fail(err, AL_EIO, "board: out of memory");
	if (!s)
		s = db_episode_acks_load(db, r->client.id, &acks, err);
	if (!s) {
		episodes_standing(c, an.flags, an.nflags, an.eps, an.neps, &sd);
		for (size_t k = sd.episode == SIZE_MAX
		                    ? acks.n
		                    : db_episode_acks_next(&acks, c, &an, sd.episode, 0);
		     k < acks.n; k = db_episode_acks_next(&acks, c, &an, sd.episode, k + 1)) {
			out->count++;
			snprintf(out->user, sizeof out->user, "%s", acks.a[k].user);
			snprintf(out->date, sizeof out->date, "%s", acks.a[k].date);
		}
	}
	db_episode_acks_free(&acks);
	analysis_free(&an);
	db_course_free(&course);
	return s;
}

enum al_status db_board_acks_load(struct db *db, const struct db_dims *dims,
                                  const struct al_settings *set, struct db_board *b,
                                  struct al_error *err)
{
	struct acked a = {0};
	enum al_status s = AL_OK;
	if (!(b->acks = calloc(b->n ? b->n : 1, sizeof *b->acks)))
		return al_fail(err, AL_EIO, "board: out of memory");
	s = acked_load(db, &a, err);
	for (size_t i = 0; !s && i < b->n; i++)
		if (acked_has(&a, b->rows[i].client.id))
			s = row_ack(db, dims, set, &b->rows[i], &b->acks[i], err);
	free(a.ids);
	return s;
}
