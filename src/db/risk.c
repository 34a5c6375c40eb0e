/* The risk order a page at a time (db_risk.h): each query is one of three
 * scopes (a clinician's clients along client_status_mine, a supervisor's
 * or everyone's along client_status_risk) with the same filters, so that
 * SQLite walks an index in the order asked and stops at the page's end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/db_risk.h"
#include "internal.h"

#define ROW_COLS                                                                                   \
	"SELECT s.client_id, s.code, s.clinician_id, u.name, "                                     \
	"(SELECT coalesce(modality, '') FROM client WHERE id = s.client_id), "                     \
	"(SELECT coalesce(goal, '') FROM client WHERE id = s.client_id), s.archived, 1, "          \
	"s.sessions, s.last_date, s.last_attended, s.state, s.risk, s.key_date, s.current, "       \
	"s.episodes, s.red_open, s.red_unrepaired, s.closed, s.last, s.trend, "                    \
	"CASE WHEN :named THEN s.why_named ELSE s.why END "

/* The scopes. CROSS JOIN keeps client_status outermost and INDEXED BY
 * names the index that gives the order and holds every column a filter
 * or count reads (user is a small table read by its key). */
#define MINE                                                                                       \
	"FROM client_status s INDEXED BY client_status_mine JOIN user u ON u.id = s.clinician_id " \
	"WHERE s.clinician_id = :clinician AND s.archived = 0 "                                    \
	"AND (:supervisor = 0 OR u.supervisor_id = :supervisor) "
#define SUPERVISED                                                                                 \
	"FROM client_status s INDEXED BY client_status_risk CROSS JOIN user u "                    \
	"ON u.id = s.clinician_id WHERE s.archived = 0 AND u.supervisor_id = :supervisor "
#define EVERYONE                                                                                   \
	"FROM client_status s INDEXED BY client_status_risk CROSS JOIN user u "                    \
	"ON u.id = s.clinician_id WHERE s.archived = 0 "

#define FILTERS                                                                                    \
	"AND (:state < 0 OR s.state = :state) AND (:text = '' "                                    \
	"OR instr(lower(s.code), lower(:text)) > 0 "                                               \
	"OR (:text_clinician AND instr(lower(u.name), lower(:text)) > 0)) "

/* core/standing.c standing_compare: risk, key_date newest first (none
 * last), code. */
#define ORDER "ORDER BY s.risk, s.key_date DESC, s.code "
#define BEFORE                                                                                     \
	"AND (s.risk < :risk OR (s.risk = :risk AND (CASE WHEN :key_date IS NULL "                 \
	"THEN s.key_date IS NOT NULL ELSE s.key_date > :key_date END "                             \
	"OR (s.key_date IS :key_date AND s.code < :code))))"

enum { Q_PAGE, Q_COUNT, Q_KEY, Q_BEFORE, Q_KINDS };

#define QUERIES(scope)                                                                             \
	{                                                                                          \
		ROW_COLS scope FILTERS ORDER "LIMIT :limit OFFSET :offset",                        \
		    "SELECT count(*), max(length(s.code)) " scope FILTERS,                         \
		    "SELECT s.risk, s.key_date, s.code " scope FILTERS "AND s.client_id = :id",    \
		    "SELECT count(*) " scope FILTERS BEFORE                                        \
	}

static const char *const queries[3][Q_KINDS] = {QUERIES(MINE), QUERIES(SUPERVISED),
                                                QUERIES(EVERYONE)};

/* The statement of kind for q's scope, with q's bindings. */
static sqlite3_stmt *query(struct db *db, const struct db_risk_filter *q, int kind,
                           struct al_error *err)
{
	int64_t clinician = q->clinician_id ? q->clinician_id : q->who.clinician_id;
	int scope = clinician ? 0 : q->who.supervisor_id ? 1 : 2;
	sqlite3_stmt *st = db_stmt(db, queries[scope][kind], err);
	if (!st)
		return NULL;
	db_bind_int(st, ":clinician", clinician);
	db_bind_int(st, ":supervisor", q->who.supervisor_id);
	db_bind_int(st, ":state", q->state);
	db_bind_text(st, ":text", q->text);
	db_bind_int(st, ":text_clinician", q->text_clinician);
	db_bind_int(st, ":named", q->who.named);
	return st;
}

enum al_status db_risk_count(struct db *db, const struct db_risk_filter *q, size_t *n,
                             int *longest_code, struct al_error *err)
{
	sqlite3_stmt *st = query(db, q, Q_COUNT, err);
	int rc;
	*n = 0;
	*longest_code = 0;
	if (!st)
		return err->status;
	if ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		*n = (size_t)sqlite3_column_int64(st, 0);
		*longest_code = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? AL_OK : err->status;
}

enum al_status db_risk_page(struct db *db, const struct db_risk_filter *q, size_t offset,
                            struct db_status_row *rows, size_t cap, size_t *got,
                            struct al_error *err)
{
	sqlite3_stmt *st = query(db, q, Q_PAGE, err);
	int rc = SQLITE_DONE;
	*got = 0;
	if (!st)
		return err->status;
	db_bind_int(st, ":limit", (int64_t)cap);
	db_bind_int(st, ":offset", (int64_t)offset);
	while (*got < cap && (rc = db_step(db, st, err)) == SQLITE_ROW)
		db_status_row_read(st, &rows[(*got)++]);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? AL_OK : err->status;
}

enum al_status db_risk_position(struct db *db, const struct db_risk_filter *q, int64_t client_id,
                                size_t *pos, struct al_error *err)
{
	sqlite3_stmt *st = query(db, q, Q_KEY, err);
	char key_date[16] = "", code[4 * AL_KEY_MAX + 1] = "";
	int64_t risk = 0;
	bool null_date = true;
	int rc;
	*pos = SIZE_MAX;
	if (!st)
		return err->status;
	db_bind_int(st, ":id", client_id);
	if ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		risk = sqlite3_column_int64(st, 0);
		null_date = sqlite3_column_type(st, 1) == SQLITE_NULL;
		snprintf(key_date, sizeof key_date, "%s", db_col_text(st, 1));
		snprintf(code, sizeof code, "%s", db_col_text(st, 2));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? AL_OK : err->status;
	if (!(st = query(db, q, Q_BEFORE, err)))
		return err->status;
	db_bind_int(st, ":risk", risk);
	db_bind_text(st, ":key_date", null_date ? NULL : key_date);
	db_bind_text(st, ":code", code);
	if ((rc = db_step(db, st, err)) == SQLITE_ROW)
		*pos = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? AL_OK : err->status;
}

#define PAGES_AROUND 1 /* pages read before and after the rows in sight */

enum al_status db_risk_fetch(struct db *db, const struct db_risk_filter *q, size_t first,
                             size_t count, size_t total, struct db_risk_rows *w,
                             struct al_error *err)
{
	size_t end = first + count < total ? first + count : total;
	if (first >= end || (first >= w->from && end <= w->from + w->n))
		return AL_OK;
	size_t from = first > PAGES_AROUND * count ? first - PAGES_AROUND * count : 0;
	size_t want = (1 + 2 * PAGES_AROUND) * count;
	if (want > w->cap) {
		struct db_status_row *rows = realloc(w->rows, want * sizeof *rows);
		if (!rows)
			return al_fail(err, AL_EIO, "out of memory");
		w->rows = rows;
		w->cap = want;
	}
	w->from = from;
	enum al_status st = db_risk_page(db, q, from, w->rows, want, &w->n, err);
	if (st)
		w->n = 0;
	return st;
}

const struct db_status_row *db_risk_row(const struct db_risk_rows *w, size_t i)
{
	return i >= w->from && i < w->from + w->n ? &w->rows[i - w->from] : NULL;
}

void db_risk_forget(struct db_risk_rows *w)
{
	w->n = 0;
}

void db_risk_rows_free(struct db_risk_rows *w)
{
	free(w->rows);
	*w = (struct db_risk_rows){0};
}

enum al_status db_risk_complete(struct db *db, struct al_error *err)
{
	static const char sql[] = "SELECT (SELECT count(*) FROM client) = "
	                          "(SELECT count(*) FROM client_status)";
	sqlite3_stmt *st;
	int rc;
	bool complete = true;
	if (db_read_only(db))
		return AL_OK;
	if (!(st = db_stmt(db, sql, err)))
		return err->status;
	if ((rc = db_step(db, st, err)) == SQLITE_ROW)
		complete = sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return err->status;
	if (complete)
		return AL_OK;
	enum al_status status = db_begin(db, err);
	if (!status && (status = db_status_fill(db, err)))
		db_rollback(db);
	return status ? status : db_commit(db, err);
}
