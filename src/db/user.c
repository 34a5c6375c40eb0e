/* The user table. */
#include <stdio.h>
#include <string.h>

#include "alliance/db/user.h"
#include "internal.h"

#define USER_COLUMNS                                                                               \
	"SELECT u.id, u.name, u.role = 'supervisor', coalesce(s.id, 0), coalesce(s.name, '') "     \
	"FROM user u LEFT JOIN user s ON s.id = u.supervisor_id "

static void read_user(sqlite3_stmt *st, struct al_user *u)
{
	u->id = sqlite3_column_int64(st, 0);
	snprintf(u->name, sizeof u->name, "%s", db_col_text(st, 1));
	u->supervisor = sqlite3_column_int(st, 2);
	u->supervisor_id = sqlite3_column_int64(st, 3);
	snprintf(u->supervisor_name, sizeof u->supervisor_name, "%s", db_col_text(st, 4));
}

enum al_status db_user_find(struct db *db, const char *name, struct al_user *out, bool *found,
                            struct al_error *err)
{
	static const char sql[] = USER_COLUMNS "WHERE u.name = :name";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_text(st, ":name", name);
	int rc = db_step(db, st, err);
	if (rc < 0)
		return err->status;
	*found = rc == SQLITE_ROW;
	if (*found)
		read_user(st, out);
	sqlite3_reset(st);
	return AL_OK;
}

enum al_status db_user_count(struct db *db, int64_t *n, struct al_error *err)
{
	static const char sql[] = "SELECT count(*) FROM user";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st || db_step(db, st, err) != SQLITE_ROW)
		return err->status;
	*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return AL_OK;
}

enum al_status db_user_add(struct db *db, const char *name, bool supervisor, int64_t supervisor_id,
                           int64_t *id, struct al_error *err)
{
	static const char sql[] = "INSERT INTO user (name, role, supervisor_id, created) "
	                          "VALUES (:name, :role, :sup, :now)";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char now[21];
	if (!st)
		return err->status;
	db_now(now);
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":role", supervisor ? "supervisor" : "clinician");
	if (supervisor_id)
		db_bind_int(st, ":sup", supervisor_id);
	db_bind_text(st, ":now", now);
	if (db_run(db, st, err))
		return err->status;
	*id = sqlite3_last_insert_rowid(db->h);
	return db_audit(db, "add", "user", *id, -1, err);
}

enum al_status db_user_set_supervisor(struct db *db, int64_t id, int64_t sup_id,
                                      struct al_error *err)
{
	static const char sql[] = "UPDATE user SET supervisor_id = :sup WHERE id = :id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	if (sup_id)
		db_bind_int(st, ":sup", sup_id);
	db_bind_int(st, ":id", id);
	if (db_run(db, st, err))
		return err->status;
	return db_audit(db, "change", "user", id, -1, err);
}

enum al_status db_user_each(struct db *db, db_user_fn fn, void *ctx, struct al_error *err)
{
	static const char sql[] = USER_COLUMNS "ORDER BY u.name";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;
	if (!st)
		return err->status;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		struct al_user u;
		read_user(st, &u);
		if (fn(ctx, &u, err)) {
			sqlite3_reset(st);
			return err->status;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? AL_OK : err->status;
}
