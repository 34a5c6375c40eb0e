/* Loading courses for analysis: one client's sessions with their ratings,
 * or every matching client's in one ordered scan. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/db/session.h"
#include "alliance/core/parse.h"
#include "internal.h"

/* The session columns both queries share, at a column offset; one row per
 * rating (or one row with NULL rating columns for an unrated session). */
/* COL_NOTES says which notes a session has, in one lookup: 1 the
 * clinician's note, 2 the client's comment. */
#define COURSE_COLUMNS                                                                             \
	"s.id, s.date, s.rupture, s.context, "                                                     \
	"(SELECT sum(CASE n.kind WHEN 'note' THEN 1 ELSE 2 END) FROM note n "                      \
	"WHERE n.session_id = s.id), "                                                             \
	"s.attendance, s.tension, s.talked, s.misunderstood, "                                     \
	"r.rater = 'clinician', r.dimension_id, r.tenths "
#define COURSE_JOINS "LEFT JOIN rating r ON r.session_id = s.id "
enum {
	COL_SID,
	COL_DATE,
	COL_RUPTURE,
	COL_CONTEXT,
	COL_NOTES,
	COL_ATTENDANCE,
	COL_TENSION,
	COL_TALKED,
	COL_MISUNDERSTOOD,
	COL_RATER,
	COL_DIM,
	COL_VALUE
};
#define NOTE_BIT 1
#define COMMENT_BIT 2

static void course_reset(struct db_course *c, const struct db_dims *dims)
{
	c->course.dims = dims->dim;
	c->course.ndims = dims->n;
	c->course.sessions = c->sessions;
	c->course.n = 0;
}

static enum al_status course_grow(struct db_course *c, struct al_error *err)
{
	size_t cap = c->cap ? c->cap * 2 : 64;
	struct al_session *s = realloc(c->sessions, cap * sizeof *s);
	if (s)
		c->sessions = s;
	char(*ctx)[AL_CONTEXT_MAX + 1] = s ? realloc(c->context, cap * sizeof *ctx) : NULL;
	if (ctx)
		c->context = ctx;
	bool *note = ctx ? realloc(c->has_note, cap * sizeof *note) : NULL;
	if (note)
		c->has_note = note;
	bool *comment = note ? realloc(c->has_comment, cap * sizeof *comment) : NULL;
	if (!comment)
		return al_fail(err, AL_EIO, "out of memory");
	c->has_comment = comment;
	c->cap = cap;
	c->course.sessions = c->sessions;
	return AL_OK;
}

static void session_start(struct db_course *c, sqlite3_stmt *st, int base)
{
	size_t i = c->course.n++;
	struct al_session *s = &c->sessions[i];
	al_session_clear(s);
	s->id = sqlite3_column_int64(st, base + COL_SID);
	parse_date(db_col_text(st, base + COL_DATE), &s->date);
	s->seq = (int)c->course.n;
	if (!parse_rupture(db_col_text(st, base + COL_RUPTURE), &s->rupture))
		s->rupture = AL_RUPTURE_NONE;
	snprintf(c->context[i], sizeof c->context[i], "%s", db_col_text(st, base + COL_CONTEXT));
	s->has_context = c->context[i][0] != '\0';
	int notes = sqlite3_column_int(st, base + COL_NOTES);
	c->has_note[i] = notes & NOTE_BIT;
	c->has_comment[i] = notes & COMMENT_BIT;
	if (!parse_attendance(db_col_text(st, base + COL_ATTENDANCE), &s->attendance))
		s->attendance = AL_ATTENDED; /* the schema's CHECK keeps it one of the words */
	s->tension = db_col_answer(st, base + COL_TENSION);
	s->talked = db_col_answer(st, base + COL_TALKED);
	s->misunderstood = db_col_answer(st, base + COL_MISUNDERSTOOD);
}

/* Adds one row of COURSE_COLUMNS at column base: a new session when the
 * session id changes, and the row's rating. */
static enum al_status course_row(struct db_course *c, const struct db_dims *dims, sqlite3_stmt *st,
                                 int base, struct al_error *err)
{
	if (sqlite3_column_type(st, base + COL_SID) == SQLITE_NULL)
		return AL_OK; /* a client without sessions */
	int64_t sid = sqlite3_column_int64(st, base + COL_SID);
	size_t n = c->course.n;
	if (n == 0 || c->sessions[n - 1].id != sid) {
		if (n == c->cap && course_grow(c, err))
			return err->status;
		session_start(c, st, base);
	}
	if (sqlite3_column_type(st, base + COL_DIM) == SQLITE_NULL)
		return AL_OK; /* an unrated session */
	int64_t dim_id = sqlite3_column_int64(st, base + COL_DIM);
	for (size_t d = 0; d < dims->n; d++)
		if (dims->id[d] == dim_id) {
			int rater = sqlite3_column_int(st, base + COL_RATER);
			c->sessions[c->course.n - 1].rating[rater][d] =
			    (al_tenths)sqlite3_column_int(st, base + COL_VALUE);
			break;
		}
	return AL_OK;
}

enum al_status db_course_load(struct db *db, const struct db_dims *dims, int64_t client_id,
                              struct db_course *out, struct al_error *err)
{
	static const char sql[] = "SELECT " COURSE_COLUMNS "FROM session s " COURSE_JOINS
	                          "WHERE s.client_id = :client ORDER BY s.date, s.seq";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;
	if (!st)
		return err->status;
	course_reset(out, dims);
	db_bind_int(st, ":client", client_id);
	while ((rc = db_step(db, st, err)) == SQLITE_ROW)
		if (course_row(out, dims, st, 0, err)) {
			sqlite3_reset(st);
			return err->status;
		}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? AL_OK : err->status;
}

void db_course_free(struct db_course *c)
{
	free(c->sessions);
	free(c->context);
	free(c->has_note);
	free(c->has_comment);
	*c = (struct db_course){0};
}

enum {
	COL_CLIENT,
	COL_CODE,
	COL_CLINICIAN_ID,
	COL_CLINICIAN,
	COL_MODALITY,
	COL_GOAL,
	COL_ARCHIVED,
	COL_COURSE
};

static void client_read(sqlite3_stmt *st, struct al_client *cl)
{
	cl->id = sqlite3_column_int64(st, COL_CLIENT);
	snprintf(cl->code, sizeof cl->code, "%s", db_col_text(st, COL_CODE));
	cl->clinician_id = sqlite3_column_int64(st, COL_CLINICIAN_ID);
	snprintf(cl->clinician, sizeof cl->clinician, "%s", db_col_text(st, COL_CLINICIAN));
	snprintf(cl->modality, sizeof cl->modality, "%s", db_col_text(st, COL_MODALITY));
	snprintf(cl->goal, sizeof cl->goal, "%s", db_col_text(st, COL_GOAL));
	cl->archived = sqlite3_column_int(st, COL_ARCHIVED);
}

/* Hands a finished client to fn, with its session count and last date. */
static enum al_status client_done(struct al_client *cl, const struct db_course *c, db_course_fn fn,
                                  void *ctx, struct al_error *err)
{
	cl->nsessions = (int)c->course.n;
	cl->last_date = c->course.n ? c->sessions[c->course.n - 1].date : INT32_MIN;
	return fn(ctx, cl, c, err);
}

enum al_status db_course_each(struct db *db, const struct db_dims *dims,
                              const struct db_client_filter *f, db_course_fn fn, void *ctx,
                              struct al_error *err)
{
	static const char sql[] =
	    "SELECT c.id, c.code, c.clinician_id, u.name, coalesce(c.modality, ''), "
	    "coalesce(c.goal, ''), c.archived, " COURSE_COLUMNS
	    "FROM client c JOIN user u ON u.id = c.clinician_id "
	    "LEFT JOIN session s ON s.client_id = c.id " COURSE_JOINS
	    "WHERE (:clinician = 0 OR c.clinician_id = :clinician) "
	    "AND (:supervisor = 0 OR u.supervisor_id = :supervisor) "
	    "AND (:archived OR NOT c.archived) "
	    "ORDER BY c.code, s.date, s.seq";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	struct db_course course = {0};
	struct al_client cl = {0};
	enum al_status status = AL_OK;
	int rc;
	if (!st)
		return err->status;
	db_bind_int(st, ":clinician", f ? f->clinician_id : 0);
	db_bind_int(st, ":supervisor", f ? f->supervisor_id : 0);
	db_bind_int(st, ":archived", f && f->with_archived);
	course_reset(&course, dims);
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, COL_CLIENT);
		if (id != cl.id) {
			if (cl.id && (status = client_done(&cl, &course, fn, ctx, err)))
				goto out;
			client_read(st, &cl);
			course_reset(&course, dims);
		}
		if ((status = course_row(&course, dims, st, COL_COURSE, err)))
			goto out;
	}
	if (rc != SQLITE_DONE)
		status = err->status;
	else if (cl.id)
		status = client_done(&cl, &course, fn, ctx, err);
out:
	sqlite3_reset(st);
	db_course_free(&course);
	return status;
}
