/* Whole-file operations: online backup and reading the audit trail. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "alliance/db/admin.h"
#include "alliance/core/parse.h"
#include "internal.h"

static void remove_copy(const char *path)
{
	static const char *const suffix[] = {"", "-journal", "-wal", "-shm"};
	char name[4096];
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(name, sizeof name, "%s%s", path, suffix[i]);
		unlink(name);
	}
}

/* The copy carries the source's WAL flag in its header; a fresh
 * connection switches it back so the copy is one self-contained file. */
static int leave_wal(const char *path)
{
	sqlite3 *h = NULL;
	int rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(h, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	int closed = sqlite3_close(h);
	return rc == SQLITE_OK ? closed : rc;
}

/* sqlite3_backup copies a consistent snapshot while others keep working. */
static enum al_status copy_to(struct db *db, const char *path, const char *name,
                              struct al_error *err)
{
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_backup *b = sqlite3_backup_init(dst, "main", db->h, "main");
		if (!b) {
			rc = sqlite3_errcode(dst);
		} else {
			rc = sqlite3_backup_step(b, -1);
			int done = sqlite3_backup_finish(b);
			rc = rc == SQLITE_DONE ? done : rc;
		}
	}
	if ((rc & 0xff) == SQLITE_IOERR && db_errno_full(sqlite3_system_errno(dst)))
		rc = SQLITE_FULL; /* a failed write on a full disk: say so */
	int closed = sqlite3_close(dst);
	if (rc == SQLITE_OK)
		rc = closed;
	if (rc == SQLITE_OK)
		rc = leave_wal(path);
	if (rc == SQLITE_OK)
		return AL_OK;
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return db_fail(db, rc, "backup", err);
	return db_fail(NULL, rc, name, err);
}

enum al_status db_backup(struct db *db, const char *path, const char *name, struct al_error *err)
{
	enum al_status st = copy_to(db, path, name, err);
	if (st)
		remove_copy(path);
	return st;
}

enum al_status db_backup_audit(struct db *db, struct al_error *err)
{
	enum al_status st;
	if (db->read_only)
		return AL_OK; /* nothing is written in read-only mode, audit row included */
	if ((st = db_begin(db, err)) || (st = db_audit(db, "backup", "database", 0, -1, err)) ||
	    (st = db_commit(db, err)))
		db_rollback(db);
	return st;
}

static void read_audit(sqlite3_stmt *st, struct al_audit_row *r)
{
	snprintf(r->time, sizeof r->time, "%s", db_col_text(st, 0));
	snprintf(r->os_user, sizeof r->os_user, "%s", db_col_text(st, 1));
	snprintf(r->app_user, sizeof r->app_user, "%s", db_col_text(st, 2));
	snprintf(r->action, sizeof r->action, "%s", db_col_text(st, 3));
	snprintf(r->entity, sizeof r->entity, "%s", db_col_text(st, 4));
	r->entity_id = sqlite3_column_int64(st, 5);
	r->count = sqlite3_column_int64(st, 6);
}

/* time is "YYYY-MM-DDTHH:MM:SSZ", so day bounds compare as text. */
enum al_status db_audit_each(struct db *db, int32_t from, int32_t to, db_audit_fn fn, void *ctx,
                             struct al_error *err)
{
	static const char sql[] =
	    "SELECT time, os_user, app_user, action, entity, coalesce(entity_id, 0), "
	    "coalesce(count, -1) FROM audit WHERE time >= :from AND time < :until ORDER BY id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char lo[16] = "0", hi[16] = "A"; /* "A" sorts after every digit */
	int rc;
	if (!st)
		return err->status;
	if (from != INT32_MIN)
		format_date(from, lo);
	if (to != INT32_MAX)
		format_date(to + 1, hi);
	db_bind_text(st, ":from", lo);
	db_bind_text(st, ":until", hi);
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		struct al_audit_row r;
		read_audit(st, &r);
		if (fn(ctx, &r, err)) {
			sqlite3_reset(st);
			return err->status;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? AL_OK : err->status;
}
