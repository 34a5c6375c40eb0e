/* Finishing a purge (SPEC §2): the deleted rows' old page images stay in
 * the write-ahead log until a checkpoint copies the log into the file and
 * truncates it. A reader holding an old snapshot keeps that from
 * happening, so each purge leaves a purge_pending row (schema 4) that only
 * a successful TRUNCATE checkpoint clears, and `check` reports. */
#include <stdio.h>

#include "alliance/db/admin.h"
#include "internal.h"

/* *done: the log is empty now (or there is none: not WAL, :memory:). A
 * reader or writer kept past the busy timeout is not an error here. */
static enum al_status wal_truncate(struct db *db, bool *done, struct al_error *err)
{
	int log = -1, copied = -1;
	int rc = sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &copied);
	*done = rc == SQLITE_OK && log <= 0;
	if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return AL_OK;
	return db_fail(db, rc, "checkpoint", err);
}

enum al_status db_purge_mark(struct db *db, int64_t client_id, struct al_error *err)
{
	static const char sql[] = "INSERT OR REPLACE INTO purge_pending (client_id, time) "
	                          "VALUES (:client, :now)";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char now[21];
	if (!st)
		return err->status;
	db_now(now);
	db_bind_int(st, ":client", client_id);
	db_bind_text(st, ":now", now);
	return db_run(db, st, err);
}

enum al_status db_purge_pending(struct db *db, int64_t *n, char since[21], struct al_error *err)
{
	static const char sql[] = "SELECT count(*), coalesce(min(time), '') FROM purge_pending";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st || db_step(db, st, err) != SQLITE_ROW)
		return err->status;
	*n = sqlite3_column_int64(st, 0);
	snprintf(since, 21, "%s", db_col_text(st, 1));
	sqlite3_reset(st);
	return AL_OK;
}

/* Clearing the rows is a write of its own; the log it leaves holds that
 * page only, and is emptied again when nobody is reading. */
static enum al_status clear(struct db *db, struct al_error *err)
{
	static const char sql[] = "DELETE FROM purge_pending";
	bool done;
	enum al_status s = db_begin(db, err);
	if (s)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st || db_run(db, st, err) || db_commit(db, err)) {
		db_rollback(db);
		return err->status;
	}
	return wal_truncate(db, &done, err);
}

/* Nothing to do, and no checkpoint to wait for, when no purge is pending. */
enum al_status db_purge_finish(struct db *db, bool *finished, struct al_error *err)
{
	int64_t n = 0;
	char since[21];
	bool done;
	enum al_status st = db_purge_pending(db, &n, since, err);
	*finished = n == 0;
	if (st || n == 0 || db->read_only)
		return st;
	if ((st = wal_truncate(db, &done, err)) || !done)
		return st;
	*finished = true;
	return clear(db, err);
}
