/* The draft table: one unsaved session entry per client. */
#include <stdio.h>

#include "alliance/db/draft.h"
#include "internal.h"

enum al_status db_draft_save(struct db *db, int64_t client_id, int64_t session_id, const char *body,
                             struct al_error *err)
{
	static const char sql[] =
	    "INSERT INTO draft (client_id, session_id, updated, body, user_id) "
	    "VALUES (:client, :session, :now, :body, (SELECT id FROM user WHERE name = :app)) "
	    "ON CONFLICT (client_id) DO UPDATE SET session_id = excluded.session_id, "
	    "updated = excluded.updated, body = excluded.body, user_id = excluded.user_id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char now[21];
	if (!st)
		return err->status;
	db_now(now);
	db_bind_int(st, ":client", client_id);
	if (session_id)
		db_bind_int(st, ":session", session_id);
	db_bind_text(st, ":now", now);
	db_bind_text(st, ":body", body);
	db_bind_text(st, ":app", db->app_user);
	return db_run(db, st, err);
}

enum al_status db_draft_load(struct db *db, int64_t client_id, struct db_draft *out, char *buf,
                             size_t cap, bool *found, struct al_error *err)
{
	static const char sql[] = "SELECT coalesce(session_id, 0), updated, body FROM draft "
	                          "WHERE client_id = :client "
	                          "AND user_id = (SELECT id FROM user WHERE name = :app)";
	sqlite3_stmt *st = db_stmt(db, sql, err);
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

enum al_status db_draft_delete(struct db *db, int64_t client_id, struct al_error *err)
{
	static const char sql[] = "DELETE FROM draft WHERE client_id = :client";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":client", client_id);
	return db_run(db, st, err);
}
