/* check: the file's integrity, its foreign keys, and purges the
 * write-ahead log still holds. */
#include <stdio.h>
#include <string.h>

#include "alliance/db_admin.h"
#include "internal.h"

static enum al_status integrity(struct db *db, db_line_fn fn, void *ctx, long *problems,
				struct al_error *err)
{
	static const char sql[] = "PRAGMA integrity_check";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;
	if (!st)
		return err->status;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		const char *line = db_col_text(st, 0);
		if (strcmp(line, "ok") == 0)
			continue;
		++*problems;
		if (fn(ctx, line, err)) {
			sqlite3_reset(st);
			return err->status;
		}
	}
	sqlite3_reset(st);
	/* on a damaged file the check itself fails after reporting the damage */
	return rc == SQLITE_DONE || *problems > 0 ? AL_OK : err->status;
}

static enum al_status foreign_keys(struct db *db, db_line_fn fn, void *ctx, long *problems,
				   struct al_error *err)
{
	static const char sql[] = "PRAGMA foreign_key_check";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;
	if (!st)
		return err->status;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		char line[256];
		if (sqlite3_column_type(st, 1) == SQLITE_NULL)
			snprintf(line, sizeof line, "foreign key: a row of %s refers to a missing %s",
				 db_col_text(st, 0), db_col_text(st, 2));
		else
			snprintf(line, sizeof line,
				 "foreign key: row %lld of %s refers to a missing %s",
				 (long long)sqlite3_column_int64(st, 1), db_col_text(st, 0),
				 db_col_text(st, 2));
		++*problems;
		if (fn(ctx, line, err)) {
			sqlite3_reset(st);
			return err->status;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? AL_OK : err->status;
}

/* A purge the write-ahead log still holds (db_purge_finish could not
 * empty it). */
static enum al_status purge_unfinished(struct db *db, db_line_fn fn, void *ctx, long *problems,
				       struct al_error *err)
{
	int64_t n;
	char since[21], line[400];
	enum al_status st = db_purge_pending(db, &n, since, err);
	if (st || n == 0)
		return st;
	snprintf(line, sizeof line,
		 "purge: %lld purge%s since %s not finished: another process kept reading the "
		 "database, so purged data may still be in the database files (close it and run "
		 "alliance check again)", (long long)n, n == 1 ? "" : "s", since);
	++*problems;
	return fn(ctx, line, err);
}

/* A damaged file makes foreign_key_check fail outright, so it runs only
 * on a file whose structure is sound. First, a purge left unfinished is
 * finished if nobody is reading any more. */
enum al_status db_check(struct db *db, db_line_fn fn, void *ctx, long *problems,
			struct al_error *err)
{
	enum al_status st;
	bool finished;
	*problems = 0;
	if ((st = db_purge_finish(db, &finished, err)) || (st = db_begin_read(db, err)))
		return st;
	if (!(st = integrity(db, fn, ctx, problems, err)) && *problems == 0 &&
	    !(st = foreign_keys(db, fn, ctx, problems, err)))
		st = purge_unfinished(db, fn, ctx, problems, err);
	db_end_read(db);
	return st;
}
