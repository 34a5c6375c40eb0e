/* The draft tables: one unsaved session entry per client (draft) and one
 * unsaved repair record per client (repair_draft). The two differ only in
 * their table and the session they name, so one set of functions serves
 * both, each table with its own statements (kept by their SQL). */
#include <stdio.h>

#include "alliance/db/draft.h"
#include "internal.h"

struct draft_sql {
	const char *save, *load, *discard;
};

static const struct draft_sql entry_sql = {
    "INSERT INTO draft (client_id, session_id, updated, body, user_id) "
    "VALUES (:client, :session, :now, :body, "
    "(SELECT id FROM user WHERE name = :app)) "
    "ON CONFLICT (client_id) DO UPDATE SET session_id = excluded.session_id, "
    "updated = excluded.updated, body = excluded.body, user_id = excluded.user_id",
    "SELECT coalesce(session_id, 0), updated, body FROM draft WHERE client_id = :client "
    "AND user_id = (SELECT id FROM user WHERE name = :app)",
    "DELETE FROM draft WHERE client_id = :client",
};

static const struct draft_sql repair_sql = {
    "INSERT INTO repair_draft (client_id, opened_id, updated, body, user_id) "
    "VALUES (:client, :session, :now, :body, "
    "(SELECT id FROM user WHERE name = :app)) "
    "ON CONFLICT (client_id) DO UPDATE SET opened_id = excluded.opened_id, "
    "updated = excluded.updated, body = excluded.body, user_id = excluded.user_id",
    "SELECT coalesce(opened_id, 0), updated, body FROM repair_draft WHERE client_id = :client "
    "AND user_id = (SELECT id FROM user WHERE name = :app)",
    "DELETE FROM repair_draft WHERE client_id = :client",
};

static enum al_status save(struct db *db, const struct draft_sql *q, int64_t client_id,
                           int64_t session_id, const char *body, struct al_error *err)
{
	sqlite3_stmt *st = db_stmt(db, q->save, err);
	char now[21];
	if (!st)
		return err->status;
	db_now(now);
	db_bind_int(st, ":client", client_id);
	if (session_id) /* else NULL */
		db_bind_int(st, ":session", session_id);
	db_bind_text(st, ":now", now);
	db_bind_text(st, ":body", body);
	db_bind_text(st, ":app", db->app_user);
	return db_run(db, st, err);
}

static enum al_status load(struct db *db, const struct draft_sql *q, int64_t client_id,
                           struct db_draft *out, char *buf, size_t cap, bool *found,
                           struct al_error *err)
{
	sqlite3_stmt *st = db_stmt(db, q->load, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":client", client_id);
	db_bind_text(st, ":app", db->app_user);
	int rc = db_step(db, st, err);
	if (rc < 0)
		return err->status;
	*found = rc == SQLITE_ROW;
	if (*found) {
		out->session_id = sqlite3_column_int64(st, 0);
		snprintf(out->updated, sizeof out->updated, "%s", db_col_text(st, 1));
		snprintf(buf, cap, "%s", db_col_text(st, 2));
	}
	sqlite3_reset(st);
	return AL_OK;
}

static enum al_status discard(struct db *db, const struct draft_sql *q, int64_t client_id,
                              struct al_error *err)
{
	sqlite3_stmt *st = db_stmt(db, q->discard, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":client", client_id);
	return db_run(db, st, err);
}

enum al_status db_draft_save(struct db *db, int64_t client_id, int64_t session_id, const char *body,
                             struct al_error *err)
{
	return save(db, &entry_sql, client_id, session_id, body, err);
}

enum al_status db_draft_load(struct db *db, int64_t client_id, struct db_draft *out, char *buf,
                             size_t cap, bool *found, struct al_error *err)
{
	return load(db, &entry_sql, client_id, out, buf, cap, found, err);
}

enum al_status db_draft_delete(struct db *db, int64_t client_id, struct al_error *err)
{
	return discard(db, &entry_sql, client_id, err);
}

enum al_status db_repair_draft_save(struct db *db, int64_t client_id, int64_t opened_id,
                                    const char *body, struct al_error *err)
{
	return save(db, &repair_sql, client_id, opened_id, body, err);
}

enum al_status db_repair_draft_load(struct db *db, int64_t client_id, struct db_draft *out,
                                    char *buf, size_t cap, bool *found, struct al_error *err)
{
	return load(db, &repair_sql, client_id, out, buf, cap, found, err);
}

enum al_status db_repair_draft_delete(struct db *db, int64_t client_id, struct al_error *err)
{
	return discard(db, &repair_sql, client_id, err);
}
