/* The episode_ack table: supervisors' acknowledgements of episodes, and
 * the move of older flag acknowledgements to the episode holding them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/db/ack.h"
#include "alliance/db/session.h"
#include "internal.h"

enum al_status db_episode_ack_add(struct db *db, int64_t session_id, int64_t user_id,
                                  const char *comment, int64_t *id, struct al_error *err)
{
	static const char sql[] =
	    "INSERT INTO episode_ack (session_id, user_id, time, comment, seen_repair) "
	    "VALUES (:session, :user, :time, :comment, "
	    "(SELECT coalesce(max(id), 0) FROM repair "
	    " WHERE opened_id = :session))";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char now[21];
	if (!st)
		return err->status;
	db_now(now);
	db_bind_int(st, ":session", session_id);
	db_bind_int(st, ":user", user_id);
	db_bind_text(st, ":time", now);
	db_bind_text(st, ":comment", comment);
	enum al_status s = db_run(db, st, err);
	if (s)
		return s;
	*id = sqlite3_last_insert_rowid(db->h);
	return db_audit(db, "acknowledge", "session", session_id, -1, err);
}

static enum al_status ack_read(void *ctx, sqlite3_stmt *st, struct al_error *err)
{
	struct db_episode_acks *acks = ctx;
	struct al_episode_ack a = {.id = sqlite3_column_int64(st, 0),
	                           .session_id = sqlite3_column_int64(st, 1)};
	snprintf(a.user, sizeof a.user, "%s", db_col_text(st, 2));
	snprintf(a.date, sizeof a.date, "%s", db_col_text(st, 3));
	if (acks->n == acks->cap) {
		size_t cap = acks->cap ? acks->cap * 2 : 16;
		struct al_episode_ack *p = realloc(acks->a, cap * sizeof *p);
		if (!p)
			return al_fail(err, AL_EIO, "out of memory");
		acks->a = p;
		acks->cap = cap;
	}
	if (!(a.comment = strdup(db_col_text(st, 4))))
		return al_fail(err, AL_EIO, "out of memory");
	acks->a[acks->n++] = a;
	return AL_OK;
}

enum al_status db_episode_acks_load(struct db *db, int64_t client_id, struct db_episode_acks *out,
                                    struct al_error *err)
{
	static const char sql[] =
	    "SELECT a.id, a.session_id, u.name, substr(a.time, 1, 10), a.comment "
	    "FROM episode_ack a JOIN user u ON u.id = a.user_id "
	    "WHERE :client = 0 OR a.session_id IN "
	    "(SELECT id FROM session WHERE client_id = :client) "
	    "ORDER BY a.session_id, a.id";
	*out = (struct db_episode_acks){0};
	enum al_status s = db_client_rows(db, sql, client_id, ack_read, out, err);
	if (s)
		db_episode_acks_free(out);
	return s;
}

void db_episode_acks_free(struct db_episode_acks *acks)
{
	for (size_t i = 0; i < acks->n; i++)
		free(acks->a[i].comment);
	free(acks->a);
	*acks = (struct db_episode_acks){0};
}

/* Whether an acknowledgement written on session id belongs to episode k. */
static bool belongs(const struct al_course *c, const struct al_analysis *a, size_t k,
                    int64_t session_id)
{
	const struct al_episode *e = &a->eps[k];
	if (c->sessions[e->opened].id == session_id)
		return true;
	for (size_t j = e->began; j <= e->last && j < c->n; j++)
		if (c->sessions[j].id == session_id)
			return analysis_episode_at(a, j) == SIZE_MAX;
	return false;
}

size_t db_episode_acks_next(const struct db_episode_acks *acks, const struct al_course *c,
                            const struct al_analysis *a, size_t k, size_t from)
{
	for (size_t i = from; i < acks->n; i++)
		if (belongs(c, a, k, acks->a[i].session_id))
			return i;
	return acks->n;
}

size_t db_episode_acks_text(const struct db_episode_acks *acks, const struct al_course *c,
                            const struct al_analysis *a, size_t k, char *buf, size_t cap)
{
	size_t at = 0, count = 0;
	if (cap == 0)
		return 0;
	buf[0] = '\0';
	for (size_t i = db_episode_acks_next(acks, c, a, k, 0); i < acks->n;
	     i = db_episode_acks_next(acks, c, a, k, i + 1)) {
		const struct al_episode_ack *x = &acks->a[i];
		if (count++)
			db_text_append(buf, cap, &at, "; ");
		db_text_append(buf, cap, &at, x->user);
		db_text_append(buf, cap, &at, " ");
		db_text_append(buf, cap, &at, x->date);
		db_text_append(buf, cap, &at, ": ");
		db_text_append(buf, cap, &at, x->comment);
	}
	return count;
}

/* ---- the move, once, after the migration */

struct move {
	struct db *db;
	struct db_dims dims;
	struct al_settings settings;
	struct db_course course;
	struct al_analysis an;
	struct db_acks acks;
};

static enum al_status move_one(struct move *m, const struct al_ack *k, struct al_error *err)
{
	static const char copy[] =
	    "INSERT INTO episode_ack (session_id, user_id, time, comment) "
	    "SELECT :session, user_id, time, comment FROM ack WHERE id = :id";
	static const char drop[] = "DELETE FROM ack WHERE id = :id";
	const struct al_course *c = &m->course.course;
	for (size_t f = 0; f < m->an.nflags; f++) {
		const struct al_flag *fl = &m->an.flags[f];
		if (c->sessions[fl->session].id != k->session_id || fl->dim != k->dim ||
		    fl->rule != k->rule || m->an.held[f] == SIZE_MAX)
			continue;
		const struct al_episode *e = &m->an.eps[m->an.held[f]];
		sqlite3_stmt *st = db_stmt(m->db, copy, err);
		enum al_status s;
		if (!st)
			return err->status;
		db_bind_int(st, ":session", c->sessions[e->opened].id);
		db_bind_int(st, ":id", k->id);
		if ((s = db_run(m->db, st, err)))
			return s;
		if (!(st = db_stmt(m->db, drop, err)))
			return err->status;
		db_bind_int(st, ":id", k->id);
		return db_run(m->db, st, err);
	}
	return AL_OK; /* no episode holds it: it stays with its flag */
}

/* A statement on the list, prepared for this run alone: the list is
 * dropped at the end, and a kept statement would outlive it. */
static sqlite3_stmt *once(struct db *db, const char *sql, struct al_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		db_fail(db, rc, "schema migration", err);
		return NULL;
	}
	return st;
}

/* The listed acknowledgements of one client. */
static enum al_status move_client(struct move *m, int64_t client_id, bool archived,
                                  struct al_error *err)
{
	enum al_status s = db_course_load(m->db, &m->dims, client_id, &m->course, err);
	sqlite3_stmt *st = NULL;
	if (s || (s = db_acks_load(m->db, &m->dims, client_id, &m->acks, err)))
		return s;
	if (!analysis_run(&m->an, &m->course.course, &m->settings, archived))
		s = al_fail(err, AL_EIO, "out of memory");
	else if (!(st = once(m->db, "SELECT 1 FROM ack_move WHERE ack_id = ?", err)))
		s = err->status;
	for (size_t i = 0; !s && i < m->acks.n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, m->acks.a[i].id);
		int rc = db_step(m->db, st, err);
		if (rc == SQLITE_ROW)
			s = move_one(m, &m->acks.a[i], err);
		else if (rc != SQLITE_DONE)
			s = err->status;
	}
	sqlite3_finalize(st);
	db_acks_free(&m->acks);
	return s;
}

/* The clients with a listed acknowledgement, into ids (archived flag in
 * the sign: negative for an archived client). */
static enum al_status clients_listed(struct db *db, int64_t **ids, size_t *n, struct al_error *err)
{
	static const char sql[] =
	    "SELECT DISTINCT c.id, c.archived FROM ack_move m JOIN ack a ON a.id = m.ack_id "
	    "JOIN session s ON s.id = a.session_id JOIN client c ON c.id = s.client_id "
	    "ORDER BY c.id";
	sqlite3_stmt *st = once(db, sql, err);
	if (!st)
		return err->status;
	enum al_status s = db_client_ids(db, st, ids, n, err);
	sqlite3_finalize(st);
	return s;
}

static enum al_status has_list(struct db *db, bool *yes, struct al_error *err)
{
	static const char sql[] =
	    "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'ack_move'";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	int rc = db_step(db, st, err);
	sqlite3_reset(st);
	*yes = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? AL_OK : err->status;
}

enum al_status db_ack_move_to_episodes(struct db *db, struct al_error *err)
{
	struct move m = {.db = db};
	int64_t *ids = NULL;
	size_t n = 0;
	bool listed = false;
	enum al_status s = has_list(db, &listed, err);
	if (s || !listed)
		return s;
	if (!(s = db_dims_load(db, &m.dims, err)) && !(s = db_settings_load(db, &m.settings, err)))
		s = clients_listed(db, &ids, &n, err);
	for (size_t i = 0; !s && i < n; i++)
		s = move_client(&m, ids[i] < 0 ? -ids[i] : ids[i], ids[i] < 0, err);
	free(ids);
	analysis_free(&m.an);
	db_course_free(&m.course);
	if (s)
		return s;
	int rc = sqlite3_exec(db->h, "DROP TABLE ack_move", NULL, NULL, NULL);
	return rc == SQLITE_OK ? AL_OK : db_fail(db, rc, "schema migration", err);
}
