/* The board's acknowledgement marks: whether the episode behind a client's
 * status was acknowledged, by whom and when. Episodes are not stored, so
 * only the clients with an acknowledgement at all (few: a supervisor
 * writes them by hand) have their course analysed. */
#include <stdio.h>
#include <stdlib.h>

#include "alliance/core/analysis.h"
#include "alliance/db/ack.h"
#include "alliance/db/board.h"
#include "alliance/db/session.h"
#include "internal.h"

struct acked {
	struct db *db;
	const struct db_dims *dims;
	struct al_settings settings;
	struct db_board_acks *out;
};

/* The acknowledgements of the episode behind the status of the client
 * (archived: its course has ended) into out->count, user and date. */
static enum al_status client_ack(struct acked *g, int64_t client_id, bool archived,
                                 struct db_board_ack *out, struct al_error *err)
{
	struct db_course course = {0};
	struct al_analysis an = {0};
	struct db_episode_acks acks = {0};
	struct al_standing sd;
	const struct al_course *c = &course.course;
	enum al_status s = db_course_load(g->db, g->dims, client_id, &course, err);
	if (!s && !analysis_run(&an, c, &g->settings, archived))
		s = al_fail(err, AL_EIO, "board: out of memory");
	if (!s)
		s = db_episode_acks_load(g->db, client_id, &acks, err);
	if (!s) {
		episodes_standing(c, an.flags, an.nflags, an.eps, an.neps, &sd);
		size_t k = sd.episode;
		for (size_t i = k == SIZE_MAX ? acks.n : db_episode_acks_next(&acks, c, &an, k, 0);
		     i < acks.n; i = db_episode_acks_next(&acks, c, &an, k, i + 1)) {
			out->count++;
			snprintf(out->user, sizeof out->user, "%s", acks.a[i].user);
			snprintf(out->date, sizeof out->date, "%s", acks.a[i].date);
		}
	}
	db_episode_acks_free(&acks);
	analysis_free(&an);
	db_course_free(&course);
	return s;
}

static enum al_status add(struct acked *g, int64_t client_id, bool archived, struct al_error *err)
{
	struct db_board_acks *a = g->out;
	struct db_board_ack one = {.client_id = client_id};
	enum al_status s = client_ack(g, client_id, archived, &one, err);
	if (s || !one.count)
		return s;
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;
		struct db_board_ack *p = realloc(a->a, cap * sizeof *p);
		if (!p)
			return al_fail(err, AL_EIO, "board: out of memory");
		a->a = p;
		a->cap = cap;
	}
	a->a[a->n++] = one;
	return AL_OK;
}

/* The clients with any acknowledged episode, by id (their courses are
 * loaded once the statement is done). */
static enum al_status acked_clients(struct db *db, int64_t **ids, size_t *n, struct al_error *err)
{
	static const char sql[] = "SELECT DISTINCT c.id, c.archived FROM episode_ack a "
	                          "JOIN session s ON s.id = a.session_id "
	                          "JOIN client c ON c.id = s.client_id ORDER BY c.id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	enum al_status s = db_client_ids(db, st, ids, n, err);
	sqlite3_reset(st);
	return s;
}

enum al_status db_board_acks_load(struct db *db, const struct db_dims *dims,
                                  struct db_board_acks *out, struct al_error *err)
{
	struct acked g = {.db = db, .dims = dims, .out = out};
	int64_t *ids = NULL;
	size_t n = 0;
	*out = (struct db_board_acks){0};
	enum al_status s = db_settings_load(db, &g.settings, err);
	if (!s)
		s = acked_clients(db, &ids, &n, err);
	for (size_t i = 0; !s && i < n; i++)
		s = add(&g, ids[i] < 0 ? -ids[i] : ids[i], ids[i] < 0, err);
	free(ids);
	if (s)
		db_board_acks_free(out);
	return s;
}

void db_board_acks_free(struct db_board_acks *acks)
{
	free(acks->a);
	*acks = (struct db_board_acks){0};
}

const struct db_board_ack *db_board_ack_of(const struct db_board_acks *acks, int64_t client_id)
{
	for (size_t i = 0; i < acks->n; i++)
		if (acks->a[i].client_id == client_id)
			return &acks->a[i];
	return NULL;
}
