/* Each client's summary in the database (db_status.h): recomputed for the
 * clients a transaction touched just before it commits, read back with
 * one indexed scan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/analysis.h"
#include "alliance/db/meta.h"
#include "alliance/db/session.h"
#include "alliance/db/status.h"
#include "alliance/core/parse.h"
#include "internal.h"

#define TREND_BYTES 8  /* a trend point: date (4 bytes big-endian), 4 values */
#define CLOSED_BYTES 5 /* a closed episode: date (4 bytes big-endian), 1 or 2 */
#define NO_VALUE 255   /* a missing rating in the blobs */

/* What recomputing needs, loaded once per transaction (or per listing). */
struct status_refresh {
	struct db *db;
	struct db_dims dims;
	struct al_settings settings;
	struct al_analysis an;
	struct db_course course;
	struct al_summary summary;
	char named[AL_EXPLAIN_MAX]; /* the why line naming the clinician */
};

/* Who the client's clinician is and whether the course has ended. */
struct client_facts {
	bool archived;
	char clinician[AL_KEY_MAX + 1];
};

static enum al_status refresh_init(struct db *db, struct status_refresh *r, struct al_error *err)
{
	memset(r, 0, sizeof *r);
	r->db = db;
	enum al_status st = db_dims_load(db, &r->dims, err);
	return st ? st : db_settings_load(db, &r->settings, err);
}

static void refresh_free(struct status_refresh *r)
{
	analysis_free(&r->an);
	db_course_free(&r->course);
}

static enum al_status facts_load(struct db *db, int64_t client_id, struct client_facts *f,
                                 struct al_error *err)
{
	static const char sql[] = "SELECT c.archived, u.name FROM client c "
	                          "JOIN user u ON u.id = c.clinician_id WHERE c.id = :id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;
	*f = (struct client_facts){0};
	if (!st)
		return err->status;
	db_bind_int(st, ":id", client_id);
	if ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		f->archived = sqlite3_column_int(st, 0) != 0;
		snprintf(f->clinician, sizeof f->clinician, "%s", db_col_text(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? AL_OK : err->status;
}

/* The transaction's refresh context, loaded on first use. */
static enum al_status refresh_get(struct db *db, struct status_refresh **out, struct al_error *err)
{
	struct db_touched *t = &db->touched;
	if (!t->refresh) {
		struct status_refresh *r = malloc(sizeof *r);
		if (!r)
			return al_fail(err, AL_EIO, "out of memory");
		enum al_status st = refresh_init(db, r, err);
		if (st) {
			refresh_free(r);
			free(r);
			return st;
		}
		t->refresh = r;
	}
	*out = t->refresh;
	return AL_OK;
}

static void refresh_drop(struct db *db)
{
	if (db->touched.refresh) {
		refresh_free(db->touched.refresh);
		free(db->touched.refresh);
		db->touched.refresh = NULL;
	}
}

/* Detects the course's flags, builds its episodes and summarises, with
 * the why line in both voices. */
static enum al_status compute(struct status_refresh *r, const struct al_course *c,
                              const struct client_facts *f, struct al_error *err)
{
	struct al_analysis *a = &r->an;
	struct al_standing st;
	if (!analysis_run(a, c, &r->settings, f->archived))
		return al_fail(err, AL_EIO, "out of memory");
	summary_compute(c, &r->settings, a->flags, a->nflags, a->eps, a->neps, NULL, &r->summary);
	episodes_standing(c, a->flags, a->nflags, a->eps, a->neps, &st);
	summary_why(c, &r->settings, a->flags, a->eps, &st, f->clinician, r->named,
	            sizeof r->named);
	return AL_OK;
}

static uint8_t value_byte(al_tenths v)
{
	return v >= 0 && v <= 100 ? (uint8_t)v : NO_VALUE;
}

static al_tenths byte_value(uint8_t b)
{
	return b <= 100 ? (al_tenths)b : AL_MISSING;
}

static void bind_blob(sqlite3_stmt *st, const char *name, const uint8_t *p, int n)
{
	sqlite3_bind_blob(st, sqlite3_bind_parameter_index(st, name), p, n, SQLITE_TRANSIENT);
}

static void bind_date(sqlite3_stmt *st, const char *name, int32_t days)
{
	char buf[AL_DATE_LEN + 1];
	if (days == INT32_MIN)
		return; /* left NULL */
	format_date(days, buf);
	db_bind_text(st, name, buf);
}

static void put_date(uint8_t *p, int32_t date)
{
	uint32_t d = (uint32_t)date;
	p[0] = (uint8_t)(d >> 24), p[1] = (uint8_t)(d >> 16);
	p[2] = (uint8_t)(d >> 8), p[3] = (uint8_t)d;
}

static int32_t get_date(const uint8_t *p)
{
	return (int32_t)((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]);
}

static void bind_blobs(sqlite3_stmt *st, const struct al_summary *s)
{
	uint8_t last[AL_CORE_DIMS], trend[AL_TREND_SESSIONS * TREND_BYTES];
	uint8_t closed[AL_SUMMARY_CLOSED * CLOSED_BYTES];
	for (int k = 0; k < s->nclosed; k++) {
		put_date(&closed[k * CLOSED_BYTES], s->closed[k].date);
		closed[k * CLOSED_BYTES + 4] = s->closed[k].repaired ? 1 : 2;
	}
	bind_blob(st, ":closed", closed, s->nclosed * CLOSED_BYTES);
	for (int k = 0; k < AL_CORE_DIMS; k++)
		last[k] = value_byte(s->last[k]);
	for (int i = 0; i < s->ntrend; i++) {
		uint8_t *p = &trend[i * TREND_BYTES];
		put_date(p, s->trend[i].date);
		for (int k = 0; k <= AL_CORE_DIMS; k++)
			p[4 + k] = value_byte(s->trend[i].value[k]);
	}
	bind_blob(st, ":last", last, AL_CORE_DIMS);
	bind_blob(st, ":trend", trend, s->ntrend * TREND_BYTES);
}

/* Stores r->summary for the client with the client's code, clinician and
 * archived flag (the risk order's index reads them there), unless the
 * client is gone (purged in the same transaction). */
static enum al_status status_write(struct status_refresh *r, int64_t client_id,
                                   struct al_error *err)
{
	static const char sql[] =
	    "INSERT OR REPLACE INTO client_status (client_id, sessions, last_date, last_attended, "
	    "state, risk, key_date, current, episodes, red_open, red_unrepaired, closed, last, "
	    "trend, why, why_named, code, clinician_id, archived) "
	    "SELECT :id, :sessions, :last_date, :last_attended, :state, :risk, :key_date, "
	    ":current, :episodes, :red_open, :red_unrepaired, :closed, :last, :trend, :why, "
	    ":why_named, c.code, c.clinician_id, c.archived FROM client c WHERE c.id = :id";
	const struct al_summary *s = &r->summary;
	sqlite3_stmt *st = db_stmt(r->db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":id", client_id);
	db_bind_int(st, ":sessions", s->sessions);
	bind_date(st, ":last_date", s->last_date);
	bind_date(st, ":last_attended", s->last_attended);
	db_bind_int(st, ":state", s->standing.state);
	db_bind_int(st, ":risk", s->standing.risk);
	bind_date(st, ":key_date", s->standing.key_date);
	db_bind_int(st, ":current", (int64_t)s->standing.current);
	db_bind_int(st, ":episodes", s->episodes);
	db_bind_int(st, ":red_open", s->red_open);
	db_bind_int(st, ":red_unrepaired", s->red_unrepaired);
	bind_blobs(st, s);
	db_bind_text(st, ":why", s->flag);
	db_bind_text(st, ":why_named", r->named);
	return db_run(r->db, st, err);
}

static enum al_status refresh_each(void *ctx, const struct al_client *client,
                                   const struct db_course *course, struct al_error *err)
{
	struct status_refresh *r = ctx;
	struct client_facts f = {.archived = client->archived};
	snprintf(f.clinician, sizeof f.clinician, "%s", client->clinician);
	enum al_status st = compute(r, &course->course, &f, err);
	return st ? st : status_write(r, client->id, err);
}

static enum al_status refresh_one(struct status_refresh *r, int64_t client_id, struct al_error *err)
{
	struct client_facts f;
	enum al_status st = db_course_load(r->db, &r->dims, client_id, &r->course, err);
	if (st || (st = facts_load(r->db, client_id, &f, err)) ||
	    (st = compute(r, &r->course.course, &f, err)))
		return st;
	return status_write(r, client_id, err);
}

static int id_compare(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

void db_status_touch(struct db *db, int64_t client_id)
{
	struct db_touched *t = &db->touched;
	if (t->all || (t->n && t->ids[t->n - 1] == client_id))
		return;
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		int64_t *ids = realloc(t->ids, cap * sizeof *ids);
		if (!ids) { /* recomputing everyone is slower, never wrong */
			t->all = true;
			return;
		}
		t->ids = ids;
		t->cap = cap;
	}
	t->ids[t->n++] = client_id;
}

void db_status_touch_all(struct db *db)
{
	db->touched.all = true;
	refresh_drop(db); /* the settings changed: load them again */
}

void db_status_discard(struct db *db)
{
	refresh_drop(db);
	free(db->touched.ids);
	db->touched = (struct db_touched){0};
}

enum al_status db_status_store(struct db *db, int64_t client_id, const struct al_course *course,
                               struct al_error *err)
{
	struct status_refresh *r;
	struct client_facts f;
	enum al_status st = refresh_get(db, &r, err);
	if (st || (st = facts_load(db, client_id, &f, err)) || (st = compute(r, course, &f, err)))
		return st;
	return status_write(r, client_id, err);
}

enum al_status db_status_flush(struct db *db, struct al_error *err)
{
	struct db_touched *t = &db->touched;
	struct status_refresh *r;
	enum al_status st = AL_OK;
	if ((t->all || t->n) && !(st = refresh_get(db, &r, err)) && t->all) {
		struct db_client_filter every = {.with_archived = true};
		st = db_course_each(db, &r->dims, &every, refresh_each, r, err);
	} else if (!st && t->n) {
		if (t->n > 1) /* ids is NULL when there are none */
			qsort(t->ids, t->n, sizeof *t->ids, id_compare);
		for (size_t i = 0; !st && i < t->n; i++)
			if (i == 0 || t->ids[i] != t->ids[i - 1])
				st = refresh_one(r, t->ids[i], err);
	}
	db_status_discard(db);
	return st;
}

enum al_status db_status_fill(struct db *db, struct al_error *err)
{
	static const char sql[] = "SELECT c.id FROM client c WHERE NOT EXISTS "
	                          "(SELECT 1 FROM client_status s WHERE s.client_id = c.id)";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;
	if (!st)
		return err->status;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW)
		db_status_touch(db, sqlite3_column_int64(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? db_status_flush(db, err) : err->status;
}

/* ---- reading ---- */

enum {
	C_ID,
	C_CODE,
	C_CLINICIAN_ID,
	C_CLINICIAN,
	C_MODALITY,
	C_GOAL,
	C_ARCHIVED,
	C_STORED,
	C_SESSIONS,
	C_LAST_DATE,
	C_LAST_ATTENDED,
	C_STATE,
	C_RISK,
	C_KEY_DATE,
	C_CURRENT,
	C_EPISODES,
	C_RED_OPEN,
	C_RED_UNREPAIRED,
	C_CLOSED,
	C_LAST,
	C_TREND,
	C_WHY
};

static void client_read(sqlite3_stmt *st, struct al_client *cl)
{
	memset(cl, 0, sizeof *cl);
	cl->id = sqlite3_column_int64(st, C_ID);
	snprintf(cl->code, sizeof cl->code, "%s", db_col_text(st, C_CODE));
	cl->clinician_id = sqlite3_column_int64(st, C_CLINICIAN_ID);
	snprintf(cl->clinician, sizeof cl->clinician, "%s", db_col_text(st, C_CLINICIAN));
	snprintf(cl->modality, sizeof cl->modality, "%s", db_col_text(st, C_MODALITY));
	snprintf(cl->goal, sizeof cl->goal, "%s", db_col_text(st, C_GOAL));
	cl->archived = sqlite3_column_int(st, C_ARCHIVED);
}

static int32_t column_date(sqlite3_stmt *st, int col)
{
	int32_t days;
	return parse_date(db_col_text(st, col), &days) ? days : INT32_MIN;
}

static void blobs_read(sqlite3_stmt *st, struct al_summary *s)
{
	const uint8_t *last = sqlite3_column_blob(st, C_LAST);
	const uint8_t *trend = sqlite3_column_blob(st, C_TREND);
	const uint8_t *closed = sqlite3_column_blob(st, C_CLOSED);
	int nlast = sqlite3_column_bytes(st, C_LAST), ntrend = sqlite3_column_bytes(st, C_TREND);
	s->nclosed = sqlite3_column_bytes(st, C_CLOSED) / CLOSED_BYTES;
	if (s->nclosed > AL_SUMMARY_CLOSED)
		s->nclosed = AL_SUMMARY_CLOSED;
	for (int k = 0; k < s->nclosed; k++)
		s->closed[k] = (struct al_closed){get_date(&closed[k * CLOSED_BYTES]),
		                                  closed[k * CLOSED_BYTES + 4] == 1};
	for (int k = 0; k < AL_CORE_DIMS; k++)
		s->last[k] = k < nlast ? byte_value(last[k]) : AL_MISSING;
	s->ntrend = ntrend / TREND_BYTES;
	if (s->ntrend > AL_TREND_SESSIONS)
		s->ntrend = AL_TREND_SESSIONS;
	for (int i = 0; i < s->ntrend; i++) {
		const uint8_t *p = &trend[i * TREND_BYTES];
		s->trend[i].date = get_date(p);
		for (int k = 0; k <= AL_CORE_DIMS; k++)
			s->trend[i].value[k] = byte_value(p[4 + k]);
	}
}

static void summary_read(sqlite3_stmt *st, struct al_summary *s)
{
	memset(s, 0, sizeof *s);
	s->sessions = sqlite3_column_int(st, C_SESSIONS);
	s->last_date = column_date(st, C_LAST_DATE);
	s->last_attended = column_date(st, C_LAST_ATTENDED);
	s->standing.state = (enum al_state)sqlite3_column_int(st, C_STATE);
	s->standing.risk = (enum al_risk)sqlite3_column_int(st, C_RISK);
	s->standing.key_date = column_date(st, C_KEY_DATE);
	s->standing.current = (size_t)sqlite3_column_int64(st, C_CURRENT);
	s->standing.newest_flag = SIZE_MAX;
	s->standing.episode = SIZE_MAX;
	s->episodes = sqlite3_column_int(st, C_EPISODES);
	s->red_open = sqlite3_column_int(st, C_RED_OPEN) != 0;
	s->red_unrepaired = sqlite3_column_int(st, C_RED_UNREPAIRED) != 0;
	blobs_read(st, s);
	snprintf(s->flag, sizeof s->flag, "%s", db_col_text(st, C_WHY));
}

void db_status_row_read(sqlite3_stmt *st, struct db_status_row *row)
{
	client_read(st, &row->client);
	summary_read(st, &row->summary);
	row->client.nsessions = row->summary.sessions;
	row->client.last_date = row->summary.last_date;
}

void db_status_tally_read(sqlite3_stmt *st, int col, struct al_summary *s)
{
	const uint8_t *trend = sqlite3_column_blob(st, col + 2);
	const uint8_t *closed = sqlite3_column_blob(st, col + 3);
	s->red_open = sqlite3_column_int(st, col) != 0;
	s->red_unrepaired = sqlite3_column_int(st, col + 1) != 0;
	s->ntrend = sqlite3_column_bytes(st, col + 2) / TREND_BYTES;
	s->nclosed = sqlite3_column_bytes(st, col + 3) / CLOSED_BYTES;
	if (s->ntrend > AL_TREND_SESSIONS)
		s->ntrend = AL_TREND_SESSIONS;
	if (s->nclosed > AL_SUMMARY_CLOSED)
		s->nclosed = AL_SUMMARY_CLOSED;
	for (int i = 0; i < s->ntrend; i++) {
		const uint8_t *p = &trend[i * TREND_BYTES];
		s->trend[i].date = get_date(p);
		for (int k = 0; k <= AL_CORE_DIMS; k++)
			s->trend[i].value[k] = byte_value(p[4 + k]);
	}
	for (int k = 0; k < s->nclosed; k++)
		s->closed[k] = (struct al_closed){get_date(&closed[k * CLOSED_BYTES]),
		                                  closed[k * CLOSED_BYTES + 4] == 1};
}

/* A summary that is not stored: computed from the course (r loaded on first use). */
static enum al_status summary_live(struct db *db, struct status_refresh *r,
                                   const struct al_client *cl, bool named, struct al_summary *out,
                                   struct al_error *err)
{
	enum al_status st;
	struct client_facts f = {.archived = cl->archived};
	snprintf(f.clinician, sizeof f.clinician, "%s", cl->clinician);
	if (!r->db && (st = refresh_init(db, r, err)))
		return st;
	if ((st = db_course_load(db, &r->dims, cl->id, &r->course, err)) ||
	    (st = compute(r, &r->course.course, &f, err)))
		return st;
	*out = r->summary;
	if (named)
		snprintf(out->flag, sizeof out->flag, "%s", r->named);
	return AL_OK;
}

enum al_status db_status_each(struct db *db, const struct db_client_filter *f, db_status_fn fn,
                              void *ctx, struct al_error *err)
{
	static const char sql[] =
	    "SELECT c.id, c.code, c.clinician_id, u.name, coalesce(c.modality, ''), "
	    "coalesce(c.goal, ''), c.archived, s.client_id IS NOT NULL, s.sessions, "
	    "s.last_date, s.last_attended, s.state, s.risk, s.key_date, s.current, s.episodes, "
	    "s.red_open, s.red_unrepaired, s.closed, s.last, s.trend, "
	    "CASE WHEN :named THEN s.why_named ELSE s.why END "
	    "FROM client c JOIN user u ON u.id = c.clinician_id "
	    "LEFT JOIN client_status s ON s.client_id = c.id "
	    "WHERE (:clinician = 0 OR c.clinician_id = :clinician) "
	    "AND (:supervisor = 0 OR u.supervisor_id = :supervisor) "
	    "AND (:archived OR NOT c.archived) ORDER BY c.code";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	struct db_status_row row;
	struct status_refresh live = {0};
	struct al_settings settings;
	enum al_status status = AL_OK;
	int rc = SQLITE_DONE;
	if (!st)
		return err->status;
	if (f && f->today && (status = db_settings_load(db, &settings, err)))
		return status;
	db_bind_int(st, ":clinician", f ? f->clinician_id : 0);
	db_bind_int(st, ":supervisor", f ? f->supervisor_id : 0);
	db_bind_int(st, ":archived", f && f->with_archived);
	db_bind_int(st, ":named", f && f->named);
	while (!status && (rc = db_step(db, st, err)) == SQLITE_ROW) {
		client_read(st, &row.client);
		if (sqlite3_column_int(st, C_STORED))
			summary_read(st, &row.summary);
		else if ((status = summary_live(db, &live, &row.client, f && f->named, &row.summary,
		                                err)))
			break;
		row.client.nsessions = row.summary.sessions;
		row.client.last_date = row.summary.last_date;
		if (f && f->today)
			summary_apply_gap(&row.summary, row.client.archived, f->today,
			                  settings.gap_days);
		status = fn(ctx, &row, err);
	}
	if (!status && rc != SQLITE_DONE)
		status = err->status;
	sqlite3_reset(st);
	refresh_free(&live);
	return status;
}
