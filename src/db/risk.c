/* The risk order a page at a time (db_risk.h): each query is one of three
 * scopes (a clinician's clients along client_status_mine, a supervisor's
 * or everyone's along client_status_risk) with the same filters, so that
 * SQLite walks an index in the order asked and stops at the page's end.
 *
 * The gap rule (SPEC §4b) depends on today, so the stored order cannot
 * hold it: a client whose summary says repaired or ok and who was last
 * seen before today - gap_days is WATCH, placed by the last attended
 * date. A page merges two walks: the stored order without those clients
 * (along the risk index) and those clients by their last attended date
 * (along the gap index, client_status_gap or client_status_mine_gap).
 * Counts and positions read each client's status as the rule makes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/db/meta.h"
#include "alliance/db/risk.h"
#include "alliance/core/parse.h"
#include "internal.h"

/* A row of db_status_row_read's columns, then the order's key: risk and
 * date as the gap rule makes them (KEY_RISK, KEY_DATE). */
#define ROW_COLS(risk, date)                                                                       \
	"SELECT s.client_id, s.code, s.clinician_id, u.name, "                                     \
	"(SELECT coalesce(modality, '') FROM client WHERE id = s.client_id), "                     \
	"(SELECT coalesce(goal, '') FROM client WHERE id = s.client_id), s.archived, 1, "          \
	"s.sessions, s.last_date, s.last_attended, s.state, s.risk, s.key_date, s.current, "       \
	"s.episodes, s.red_open, s.red_unrepaired, s.closed, s.last, s.trend, "                    \
	"CASE WHEN :named THEN s.why_named ELSE s.why END, " risk ", " date " "
#define COL_CODE 1
#define KEY_RISK 22
#define KEY_DATE 23

/* The scopes, along index ix. CROSS JOIN keeps client_status outermost
 * and INDEXED BY names the index that gives the order and holds every
 * column a filter or count reads (user is a small table read by its key). */
#define MINE(ix)                                                                                   \
	"FROM client_status s " ix " JOIN user u ON u.id = s.clinician_id "                        \
	"WHERE s.clinician_id = :clinician AND s.archived = 0 "                                    \
	"AND (:supervisor = 0 OR u.supervisor_id = :supervisor) "
#define SUPERVISED(ix)                                                                             \
	"FROM client_status s " ix " CROSS JOIN user u "                                           \
	"ON u.id = s.clinician_id WHERE s.archived = 0 AND u.supervisor_id = :supervisor "
#define EVERYONE(ix)                                                                               \
	"FROM client_status s " ix " CROSS JOIN user u ON u.id = s.clinician_id "                  \
	"WHERE s.archived = 0 "

/* The gap rule in SQL: :cut is the date gap_days before today ('' when
 * there is no today: nobody is before it), :watch and :watch_state the
 * risk tier and status it gives. A client with no attended session has
 * no gap (NULL compares as neither). */
#define GAP "(s.risk > :watch AND s.last_attended < :cut)"
#define NOT_GAP "(s.risk <= :watch OR s.last_attended IS NULL OR s.last_attended >= :cut) "
#define RISK "CASE WHEN " GAP " THEN :watch ELSE s.risk END"
#define DATE "CASE WHEN " GAP " THEN s.last_attended ELSE s.key_date END"
#define STATE "CASE WHEN " GAP " THEN :watch_state ELSE s.state END"

#define FILTERS(state)                                                                             \
	"AND (:state < 0 OR " state " = :state) AND (:text = '' "                                  \
	"OR instr(lower(s.code), lower(:text)) > 0 "                                               \
	"OR (:text_clinician AND instr(lower(u.name), lower(:text)) > 0)) "

/* core/standing.c standing_compare: risk, key_date newest first (none
 * last), code; the gap's clients by their last attended date. */
#define ORDER "ORDER BY s.risk, s.key_date DESC, s.code "
#define GAP_ORDER "ORDER BY s.last_attended DESC, s.code "
#define BEFORE                                                                                     \
	"AND (" RISK " < :risk OR (" RISK " = :risk AND (CASE WHEN :key_date IS NULL "             \
	"THEN " DATE " IS NOT NULL ELSE " DATE " > :key_date END "                                 \
	"OR ((" DATE ") IS :key_date AND s.code < :code))))"

enum { Q_PAGE, Q_GAP_PAGE, Q_COUNT, Q_KEY, Q_BEFORE, Q_KINDS };

#define QUERIES(scope, order_ix, gap_ix)                                                           \
	{                                                                                          \
		ROW_COLS("s.risk", "s.key_date")                                                   \
		scope(order_ix) "AND " NOT_GAP FILTERS("s.state") ORDER "LIMIT :limit",            \
		    ROW_COLS(":watch", "s.last_attended")                                          \
		        scope(gap_ix) "AND " GAP FILTERS(":watch_state") GAP_ORDER "LIMIT :limit", \
		    "SELECT count(*), max(length(s.code)) " scope(order_ix) FILTERS(STATE),        \
		    "SELECT " RISK ", " DATE ", s.code " scope("")                                 \
		        FILTERS(STATE) "AND s.client_id = :id",                                    \
		    "SELECT count(*) " scope(order_ix) FILTERS(STATE) BEFORE                       \
	}

static const char *const queries[3][Q_KINDS] = {
    QUERIES(MINE, "INDEXED BY client_status_mine", "INDEXED BY client_status_mine_gap"),
    QUERIES(SUPERVISED, "INDEXED BY client_status_risk", "INDEXED BY client_status_gap"),
    QUERIES(EVERYONE, "INDEXED BY client_status_risk", "INDEXED BY client_status_gap")};

/* Today and gap_days, for the gap rule as q's reader sees it. */
struct gap {
	int32_t today; /* 0: no gap rule */
	int days;
	char cut[AL_DATE_LEN + 1]; /* today - days, or "" */
};

static enum al_status gap_load(struct db *db, const struct db_risk_filter *q, struct gap *g,
                               struct al_error *err)
{
	struct al_settings settings;
	*g = (struct gap){.today = q->who.today};
	if (!g->today)
		return AL_OK;
	enum al_status st = db_settings_load(db, &settings, err);
	if (st)
		return st;
	g->days = settings.gap_days;
	format_date(g->today - g->days, g->cut);
	return AL_OK;
}

/* The statement of kind for q's scope, with q's bindings. */
static sqlite3_stmt *query(struct db *db, const struct db_risk_filter *q, const struct gap *g,
                           int kind, struct al_error *err)
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
	db_bind_text(st, ":cut", g->cut);
	db_bind_int(st, ":watch", AL_RISK_WATCH);
	db_bind_int(st, ":watch_state", AL_STATE_WATCH);
	return st;
}

enum al_status db_risk_count(struct db *db, const struct db_risk_filter *q, size_t *n,
                             int *longest_code, struct al_error *err)
{
	struct gap g;
	sqlite3_stmt *st;
	int rc;
	*n = 0;
	*longest_code = 0;
	if (gap_load(db, q, &g, err) || !(st = query(db, q, &g, Q_COUNT, err)))
		return err->status;
	if ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		*n = (size_t)sqlite3_column_int64(st, 0);
		*longest_code = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? AL_OK : err->status;
}

/* Whether the stored order's row (a) comes before the gap client's (b):
 * b is WATCH with a date, so only a WATCH row needs its date and code. */
static bool stored_first(sqlite3_stmt *a, sqlite3_stmt *b)
{
	int risk = sqlite3_column_int(a, KEY_RISK);
	if (risk != AL_RISK_WATCH)
		return risk < AL_RISK_WATCH;
	if (sqlite3_column_type(a, KEY_DATE) == SQLITE_NULL)
		return false; /* no date: last */
	int c = strcmp(db_col_text(a, KEY_DATE), db_col_text(b, KEY_DATE));
	return c ? c > 0 : strcmp(db_col_text(a, COL_CODE), db_col_text(b, COL_CODE)) < 0;
}

enum al_status db_risk_page(struct db *db, const struct db_risk_filter *q, size_t offset,
                            struct db_status_row *rows, size_t cap, size_t *got,
                            struct al_error *err)
{
	struct gap g;
	sqlite3_stmt *a, *b;
	*got = 0;
	if (gap_load(db, q, &g, err) || !(a = query(db, q, &g, Q_PAGE, err)))
		return err->status;
	if (!(b = query(db, q, &g, Q_GAP_PAGE, err))) {
		sqlite3_reset(a);
		return err->status;
	}
	/* Each walk gives at most offset + cap rows of the merged order. */
	db_bind_int(a, ":limit", (int64_t)(offset + cap));
	db_bind_int(b, ":limit", (int64_t)(offset + cap));
	int ra = db_step(db, a, err), rb = ra < 0 ? -1 : db_step(db, b, err);
	for (size_t i = 0; *got < cap && (ra == SQLITE_ROW || rb == SQLITE_ROW); i++) {
		bool from_a = rb != SQLITE_ROW || (ra == SQLITE_ROW && stored_first(a, b));
		sqlite3_stmt *st = from_a ? a : b;
		if (i >= offset) {
			struct db_status_row *r = &rows[(*got)++];
			db_status_row_read(st, r);
			if (g.today)
				summary_apply_gap(&r->summary, r->client.archived, g.today, g.days);
		}
		if (from_a)
			ra = db_step(db, a, err);
		else
			rb = db_step(db, b, err);
	}
	sqlite3_reset(a);
	sqlite3_reset(b);
	return ra < 0 || rb < 0 ? err->status : AL_OK;
}

enum al_status db_risk_position(struct db *db, const struct db_risk_filter *q, int64_t client_id,
                                size_t *pos, struct al_error *err)
{
	char key_date[16] = "", code[4 * AL_KEY_MAX + 1] = "";
	int64_t risk = 0;
	bool null_date = true;
	struct gap g;
	sqlite3_stmt *st;
	int rc;
	*pos = SIZE_MAX;
	if (gap_load(db, q, &g, err) || !(st = query(db, q, &g, Q_KEY, err)))
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
	if (!(st = query(db, q, &g, Q_BEFORE, err)))
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
