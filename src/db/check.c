/* check: the file's integrity, its foreign keys, its schema (every table,
 * index and trigger this program makes, the audit trail's append-only
 * triggers among them), and purges the write-ahead log still holds. */
#include <stdio.h>
#include <string.h>

#include "alliance/db/admin.h"
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
			snprintf(line, sizeof line,
			         "foreign key: a row of %s refers to a missing %s",
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
	         "alliance check again)",
	         (long long)n, n == 1 ? "" : "s", since);
	++*problems;
	return fn(ctx, line, err);
}

/* The object of the file named like the expected one: *found, and
 * whether its SQL is the same. */
static enum al_status schema_find(struct db *db, const char *type, const char *name,
                                  const char *sql, bool *found, bool *same, struct al_error *err)
{
	static const char q[] = "SELECT coalesce(sql, '') FROM sqlite_schema "
	                        "WHERE type = :type AND name = :name";
	sqlite3_stmt *st = db_stmt(db, q, err);
	if (!st)
		return err->status;
	db_bind_text(st, ":type", type);
	db_bind_text(st, ":name", name);
	int rc = db_step(db, st, err);
	*found = rc == SQLITE_ROW;
	*same = *found && strcmp(db_col_text(st, 0), sql) == 0;
	sqlite3_reset(st);
	return rc < 0 ? err->status : AL_OK;
}

/* One line per expected object that is missing, and per trigger whose
 * SQL differs (a trigger emptied of its RAISE would still be there). */
static enum al_status schema_compare(struct db *db, sqlite3 *want, db_line_fn fn, void *ctx,
                                     long *problems, struct al_error *err)
{
	static const char q[] = "SELECT type, name, coalesce(sql, '') FROM sqlite_schema "
	                        "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name";
	sqlite3_stmt *st;
	enum al_status s = AL_OK;
	if (sqlite3_prepare_v2(want, q, -1, &st, NULL) != SQLITE_OK)
		return db_fail(NULL, sqlite3_errcode(want), "check: schema", err);
	while (!s && sqlite3_step(st) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		bool found = false, same = false;
		char line[200];
		if ((s = schema_find(db, type, name, (const char *)sqlite3_column_text(st, 2),
		                     &found, &same, err)) ||
		    (found && (same || strcmp(type, "trigger") != 0)))
			continue;
		snprintf(line, sizeof line, "schema: %s %s %s", type, name,
		         found ? "differs from the one this program makes" : "is missing");
		++*problems;
		s = fn(ctx, line, err);
	}
	sqlite3_finalize(st);
	return s;
}

/* The schema this program makes, built in memory, against the file's. */
static enum al_status schema(struct db *db, db_line_fn fn, void *ctx, long *problems,
                             struct al_error *err)
{
	struct db_open_opts o = {
	    .path = ":memory:", .os_user = db->os_user, .app_user = db->app_user};
	struct db *want;
	enum al_status st = db_open(&o, &want, err);
	if (st)
		return st;
	st = schema_compare(db, want->h, fn, ctx, problems, err);
	db_close(want);
	return st;
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
	    !(st = foreign_keys(db, fn, ctx, problems, err)) &&
	    !(st = schema(db, fn, ctx, problems, err)))
		st = purge_unfinished(db, fn, ctx, problems, err);
	db_end_read(db);
	return st;
}
