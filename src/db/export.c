/* Export: one ordered scan of clients, sessions and ratings, handed on a
 * session at a time so that nothing grows with the database. */
#include <stdio.h>
#include <string.h>

#include "alliance/db/io.h"
#include "alliance/core/parse.h"
#include "internal.h"

/* The scan follows the indexes (client code, then the session's unique
 * (client, date, seq), then the rating key): SQLite needs no sort. */
static const char export_sql[] =
    "SELECT c.id, c.code, c.created, u.id, u.name, s.id, s.date, s.rupture, s.context, "
    "s.attendance, s.tension, s.talked, s.misunderstood, "
    "r.rater = 'clinician', d.key, d.position, r.tenths "
    "FROM client c JOIN user u ON u.id = c.clinician_id "
    "JOIN session s ON s.client_id = c.id "
    "LEFT JOIN rating r ON r.session_id = s.id "
    "LEFT JOIN dimension d ON d.id = r.dimension_id "
    "WHERE s.date <= :to ORDER BY c.code, s.date, s.seq";

enum {
	C_CLIENT_ID,
	C_CODE,
	C_CREATED,
	C_USER_ID,
	C_USER,
	C_SESSION_ID,
	C_DATE,
	C_RUPTURE,
	C_CONTEXT,
	C_ATTENDANCE,
	C_TENSION,
	C_TALKED,
	C_MISUNDERSTOOD,
	C_RATER,
	C_DIM,
	C_POSITION,
	C_TENTHS
};

struct rating {
	int rater, position;
	al_tenths value;
	char dim[AL_KEY_MAX + 1];
};

/* The session being gathered, with copies of the texts it needs. */
struct session {
	int64_t id;
	struct db_export_row row;
	char code[AL_KEY_MAX + 1], created[24], clinician[AL_KEY_MAX + 1];
	char context[4 * IMPORT_CONTEXT_MAX + 1];
	struct rating rating[AL_RATER_COUNT * AL_DIM_MAX];
	int n;
};

static void copy(char *dst, size_t cap, sqlite3_stmt *st, int col)
{
	snprintf(dst, cap, "%s", db_col_text(st, col));
}

static void start_session(struct session *s, sqlite3_stmt *st)
{
	int64_t client_id = sqlite3_column_int64(st, C_CLIENT_ID);
	s->row.session = client_id == s->row.client_id ? s->row.session + 1 : 1;
	s->row.client_id = client_id;
	s->row.clinician_id = sqlite3_column_int64(st, C_USER_ID);
	s->id = sqlite3_column_int64(st, C_SESSION_ID);
	copy(s->code, sizeof s->code, st, C_CODE);
	copy(s->created, sizeof s->created, st, C_CREATED);
	copy(s->clinician, sizeof s->clinician, st, C_USER);
	copy(s->context, sizeof s->context, st, C_CONTEXT);
	s->row.client = s->code;
	s->row.client_created = s->created;
	s->row.clinician = s->clinician;
	s->row.context = s->context;
	if (!parse_date(db_col_text(st, C_DATE), &s->row.date))
		s->row.date = 0; /* the schema's CHECK keeps dates valid */
	parse_rupture(db_col_text(st, C_RUPTURE), &s->row.rupture);
	if (!parse_attendance(db_col_text(st, C_ATTENDANCE), &s->row.attendance))
		s->row.attendance = AL_ATTENDED;
	s->row.tension = db_col_answer(st, C_TENSION);
	s->row.talked = db_col_answer(st, C_TALKED);
	s->row.misunderstood = db_col_answer(st, C_MISUNDERSTOOD);
	s->n = 0;
}

static void add_rating(struct session *s, sqlite3_stmt *st)
{
	if (sqlite3_column_type(st, C_RATER) == SQLITE_NULL ||
	    s->n == (int)(sizeof s->rating / sizeof s->rating[0]))
		return;
	struct rating *r = &s->rating[s->n++];
	r->rater = sqlite3_column_int(st, C_RATER);
	r->position = sqlite3_column_int(st, C_POSITION);
	r->value = (al_tenths)sqlite3_column_int(st, C_TENTHS);
	copy(r->dim, sizeof r->dim, st, C_DIM);
}

/* Client ratings first, each rater's in dimension order: an insertion
 * sort of at most 32 ratings. */
static void sort_ratings(struct session *s)
{
	for (int i = 1; i < s->n; i++) {
		struct rating r = s->rating[i];
		int j = i;
		for (; j > 0 && (s->rating[j - 1].rater > r.rater ||
		                 (s->rating[j - 1].rater == r.rater &&
		                  s->rating[j - 1].position > r.position));
		     j--)
			s->rating[j] = s->rating[j - 1];
		s->rating[j] = r;
	}
}

static enum al_status flush_session(struct session *s, int32_t from, db_export_fn fn, void *ctx,
                                    struct al_error *err)
{
	enum al_status st = AL_OK;
	if (!s->id || s->row.date < from)
		return AL_OK;
	sort_ratings(s);
	s->row.rater = -1;
	s->row.dimension = "";
	s->row.value = AL_MISSING;
	if (s->n == 0)
		return fn(ctx, &s->row, err);
	for (int i = 0; i < s->n && !st; i++) {
		s->row.rater = s->rating[i].rater;
		s->row.dimension = s->rating[i].dim;
		s->row.value = s->rating[i].value;
		st = fn(ctx, &s->row, err);
	}
	return st;
}

static enum al_status scan(struct db *db, int32_t from, int32_t to, db_export_fn fn, void *ctx,
                           struct session *s, struct al_error *err)
{
	char to_text[AL_DATE_LEN + 1];
	sqlite3_stmt *st = db_stmt(db, export_sql, err);
	enum al_status status = AL_OK;
	int rc;
	if (!st)
		return err->status;
	format_date(to < AL_LAST_DAY ? to : AL_LAST_DAY, to_text); /* INT32_MAX: no end */
	db_bind_text(st, ":to", to_text);
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		if (sqlite3_column_int64(st, C_SESSION_ID) != s->id) {
			if ((status = flush_session(s, from, fn, ctx, err)))
				break;
			start_session(s, st);
		}
		add_rating(s, st);
	}
	sqlite3_reset(st);
	if (status)
		return status;
	if (rc < 0)
		return err->status;
	return flush_session(s, from, fn, ctx, err);
}

enum al_status db_export_each(struct db *db, int32_t from, int32_t to, db_export_fn fn, void *ctx,
                              struct al_error *err)
{
	struct session s = {0};
	enum al_status st = db_begin_read(db, err);
	if (st)
		return st;
	st = scan(db, from, to, fn, ctx, &s, err);
	db_end_read(db);
	return st;
}
