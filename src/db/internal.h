/* Shared by the src/db/ files only: the connection and statement helpers. */
#ifndef ALLIANCE_DB_INTERNAL_H
#define ALLIANCE_DB_INTERNAL_H

#include <sqlite3.h>
#include <stdint.h>

#include "alliance/core/course.h"
#include "alliance/db/db.h"

#define DB_STMT_MAX 128

/* Clients whose summary the commit recomputes, and what recomputing
 * needs, loaded once per transaction (status.c). */
struct status_refresh;
struct db_touched {
	int64_t *ids;
	size_t n, cap;
	bool all;
	struct status_refresh *refresh;
};

struct db {
	sqlite3 *h;
	char *path;
	bool read_only;
	bool created;       /* this open made the file: a failed command takes it away */
	bool audit_off;     /* db_audit_bulk */
	unsigned file_mode; /* db_file_mode */
	char os_user[64];
	char app_user[64];
	char what[48]; /* db_set_command */
	int nstmt;
	struct {
		const char *sql; /* a string literal: compared by address */
		sqlite3_stmt *st;
	} stmts[DB_STMT_MAX];
	struct db_touched touched;
};

/* The statement for sql (a string literal), prepared once and kept; it
 * comes back reset with its bindings cleared. NULL on error (err is set). */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct al_error *err);

/* Named binds: db_bind_text(st, ":code", code). NULL text binds NULL. */
void db_bind_text(sqlite3_stmt *st, const char *name, const char *text);
void db_bind_int(sqlite3_stmt *st, const char *name, int64_t v);
void db_bind_null(sqlite3_stmt *st, const char *name);

/* Steps st: SQLITE_ROW or SQLITE_DONE, or -1 with err set from the error. */
int db_step(struct db *db, sqlite3_stmt *st, struct al_error *err);
/* Runs sql with :client bound to client_id (0: every client), calling row
 * on each row until one fails. */
/* Steps st, whose rows are (client id, archived), into ids (malloc'd; an
 * archived client's id negative). The caller resets or finalizes st. */
enum al_status db_client_ids(struct db *db, sqlite3_stmt *st, int64_t **ids, size_t *n,
                             struct al_error *err);
typedef enum al_status db_row_fn(void *ctx, sqlite3_stmt *st, struct al_error *err);
enum al_status db_client_rows(struct db *db, const char *sql, int64_t client_id, db_row_fn *row,
                              void *ctx, struct al_error *err);
/* Runs st to completion (for writes). */
enum al_status db_run(struct db *db, sqlite3_stmt *st, struct al_error *err);

/* The one place that turns an SQLite result code into our status and a
 * message "what: why". */
enum al_status db_fail(struct db *db, int rc, const char *what, struct al_error *err);
/* Whether an errno means no room: disk full, quota, file size limit. */
bool db_errno_full(int e);

/* Free text about to be stored (a goal, context, label, comment or note):
 * refused as text_valid says, "WHAT WHY", whatever path it came by. NULL
 * and "" pass. */
enum al_status db_text_check(const char *what, const char *s, bool note, struct al_error *err);

/* Column text that is never NULL. */
const char *db_col_text(sqlite3_stmt *st, int col);
/* A check-in answer column: AL_NO_ANSWER for NULL. */
int8_t db_col_answer(sqlite3_stmt *st, int col);
/* Binds a check-in answer: NULL for AL_NO_ANSWER. */
void db_bind_answer(sqlite3_stmt *st, const char *name, int8_t v);

/* status.c: db_commit recomputes the touched clients' summaries before it
 * commits (flush); db_rollback and db_close forget them (discard). After a
 * migration, fill computes the summaries that are missing. */
enum al_status db_status_flush(struct db *db, struct al_error *err);
void db_status_discard(struct db *db);
enum al_status db_status_fill(struct db *db, struct al_error *err);

/* status.c, for the paged readers: a row whose columns are db_status_each's
 * (a stored summary), and the four columns from col on (red_open,
 * red_unrepaired, trend, closed) into those fields of s alone. */
struct db_status_row;
struct al_summary;
void db_status_row_read(sqlite3_stmt *st, struct db_status_row *row);
void db_status_tally_read(sqlite3_stmt *st, int col, struct al_summary *s);

/* Appends s to buf[*at..cap), cutting at a character boundary (cap > 0). */
void db_text_append(char *buf, size_t cap, size_t *at, const char *s);

/* UTC time "YYYY-MM-DDTHH:MM:SSZ" for created/audit columns. */
void db_now(char buf[21]);

#endif
