/* Prepared statements kept for the life of the connection, named binds,
 * and the mapping of SQLite errors to our statuses. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct al_error *err)
{
	for (int i = 0; i < db->nstmt; i++)
		if (db->stmts[i].sql == sql) {
			sqlite3_reset(db->stmts[i].st);
			sqlite3_clear_bindings(db->stmts[i].st);
			return db->stmts[i].st;
		}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		db_fail(db, rc, "database", err);
		return NULL;
	}
	if (db->nstmt < DB_STMT_MAX) {
		db->stmts[db->nstmt].sql = sql;
		db->stmts[db->nstmt].st = st;
		db->nstmt++;
	}
	/* else: leaks until close would be wrong; callers are few and fixed */
	return st;
}

static int param(sqlite3_stmt *st, const char *name)
{
	return sqlite3_bind_parameter_index(st, name);
}

void db_bind_text(sqlite3_stmt *st, const char *name, const char *text)
{
	if (text)
		sqlite3_bind_text(st, param(st, name), text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, param(st, name));
}

void db_bind_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	sqlite3_bind_int64(st, param(st, name), v);
}

void db_bind_null(sqlite3_stmt *st, const char *name)
{
	sqlite3_bind_null(st, param(st, name));
}

int db_step(struct db *db, sqlite3_stmt *st, struct al_error *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	db_fail(db, rc, "database", err);
	sqlite3_reset(st);
	return -1;
}

enum al_status db_run(struct db *db, sqlite3_stmt *st, struct al_error *err)
{
	int rc;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? AL_OK : err->status;
}

enum al_status db_client_rows(struct db *db, const char *sql, int64_t client_id, db_row_fn *row,
                              void *ctx, struct al_error *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	enum al_status s = AL_OK;
	int rc = SQLITE_DONE;
	if (!st)
		return err->status;
	db_bind_int(st, ":client", client_id);
	while (!s && (rc = db_step(db, st, err)) == SQLITE_ROW)
		s = row(ctx, st, err);
	if (!s && rc != SQLITE_DONE)
		s = err->status;
	sqlite3_reset(st);
	return s;
}

enum al_status db_client_ids(struct db *db, sqlite3_stmt *st, int64_t **ids, size_t *n,
                             struct al_error *err)
{
	size_t cap = 0;
	int rc;
	*ids = NULL;
	*n = 0;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			int64_t *p = realloc(*ids, cap * sizeof *p);
			if (!p)
				return al_fail(err, AL_EIO, "out of memory");
			*ids = p;
		}
		int64_t id = sqlite3_column_int64(st, 0);
		(*ids)[(*n)++] = sqlite3_column_int(st, 1) ? -id : id;
	}
	return rc == SQLITE_DONE ? AL_OK : err->status;
}

const char *db_col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? (const char *)t : "";
}

int8_t db_col_answer(sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return AL_NO_ANSWER;
	return (int8_t)sqlite3_column_int(st, col);
}

void db_bind_answer(sqlite3_stmt *st, const char *name, int8_t v)
{
	if (v == AL_NO_ANSWER)
		sqlite3_bind_null(st, param(st, name));
	else
		sqlite3_bind_int(st, param(st, name), v);
}

bool db_errno_full(int e)
{
	return e == ENOSPC || e == EDQUOT || e == EFBIG;
}

/* The errno of the last failed call on the database, -wal or journal file:
 * sqlite3_system_errno alone is often overwritten by the rollback that
 * follows a failed write. */
static int last_errno(sqlite3 *h)
{
	int e = sqlite3_system_errno(h);
	sqlite3_file *f = NULL;
	int fe = 0;
	if (db_errno_full(e))
		return e;
	if (sqlite3_file_control(h, "main", SQLITE_FCNTL_LAST_ERRNO, &fe) == SQLITE_OK &&
	    db_errno_full(fe))
		return fe;
	if (sqlite3_file_control(h, "main", SQLITE_FCNTL_JOURNAL_POINTER, &f) == SQLITE_OK && f &&
	    f->pMethods &&
	    f->pMethods->xFileControl(f, SQLITE_FCNTL_LAST_ERRNO, &fe) == SQLITE_OK &&
	    db_errno_full(fe))
		return fe;
	return e;
}

enum al_status db_fail(struct db *db, int rc, const char *what, struct al_error *err)
{
	const char *why = db && db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return al_fail(err, AL_EDB,
		               "%s: the database is locked by another program "
		               "(tried for 5 seconds)",
		               what);
	case SQLITE_CORRUPT:
		return al_fail(err, AL_EDB, "%s: the database file is corrupt", what);
	case SQLITE_NOTADB:
		return al_fail(err, AL_EDB, "%s: not an alliance database", what);
	case SQLITE_FULL:
		return al_fail(err, AL_EIO, "%s: disk full", what);
	case SQLITE_IOERR:
		/* a full disk, a quota or a file size limit often shows as a
		 * failed write: say so rather than "disk I/O error" */
		if (db && db->h && db_errno_full(last_errno(db->h)))
			return al_fail(err, AL_EIO, "%s: disk full (%s)", what,
			               strerror(last_errno(db->h)));
		return al_fail(err, AL_EIO, "%s: I/O error (%s)", what, why);
	case SQLITE_CANTOPEN:
		return al_fail(err, AL_EIO, "%s: cannot open the database file", what);
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return al_fail(err, AL_EIO, "%s: permission denied", what);
	case SQLITE_READONLY:
		if (db && db->read_only)
			return al_fail(err, AL_EINPUT,
			               "%s: refused: the database is open read-only", what);
		return al_fail(err, AL_EIO,
		               "%s: cannot write the database file (permission denied)", what);
	case SQLITE_CONSTRAINT:
		return al_fail(err, AL_EINPUT, "%s: refused by a constraint (%s)", what, why);
	case SQLITE_TOOBIG:
	case SQLITE_RANGE:
	case SQLITE_MISMATCH:
		return al_fail(err, AL_EINPUT, "%s: %s", what, why);
	default:
		return al_fail(err, AL_EDB, "%s: %s", what, why);
	}
}

void db_now(char buf[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
