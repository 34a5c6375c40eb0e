/* Saving a session: its ratings, rupture marker, context and note
 * (SPEC §3 session add, and the UI's entry and edit forms). */
#include <stdio.h>
#include <string.h>

#include "alliance/db/session.h"
#include "alliance/db/status.h"
#include "alliance/core/parse.h"
#include "checkin.h"
#include "internal.h"

#define SEQ_MAX 99 /* sessions on one date (schema CHECK) */

/* What a session holds before a save changes it. */
struct stored {
	al_tenths rating[AL_RATER_COUNT][AL_DIM_MAX];
	enum al_rupture rupture;
	char context[AL_CONTEXT_MAX + 1];
	struct checkin checkin;
	bool comment; /* the client's comment */
};

enum note_kind { NOTE_CLINICIAN, NOTE_CLIENT };
static const char *const note_kinds[] = {"note", "client"};

static bool has_text(const char *s)
{
	return s && *s;
}

/* The client's code, for error lines that name the session as typed. */
static void client_code(struct db *db, int64_t client_id, char *buf, size_t cap)
{
	static const char sql[] = "SELECT code FROM client WHERE id = :id";
	struct al_error ignored;
	sqlite3_stmt *st = db_stmt(db, sql, &ignored);
	snprintf(buf, cap, "client");
	if (!st)
		return;
	db_bind_int(st, ":id", client_id);
	if (db_step(db, st, &ignored) == SQLITE_ROW)
		snprintf(buf, cap, "%s", db_col_text(st, 0));
	sqlite3_reset(st);
}

/* The last session of the client on date (*id 0 when none) and the
 * highest seq used on that date. */
static enum al_status last_on_date(struct db *db, int64_t client_id, const char *date, int64_t *id,
                                   int *max_seq, struct al_error *err)
{
	static const char sql[] = "SELECT id, seq FROM session WHERE client_id = :client "
	                          "AND date = :date ORDER BY seq DESC LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":client", client_id);
	db_bind_text(st, ":date", date);
	int rc = db_step(db, st, err);
	if (rc < 0)
		return err->status;
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	*max_seq = rc == SQLITE_ROW ? sqlite3_column_int(st, 1) : 0;
	sqlite3_reset(st);
	return AL_OK;
}

/* The seq after max_seq on date, within what the schema allows. */
static enum al_status next_seq(struct db *db, int64_t client_id, const char *date, int max_seq,
                               int *seq, struct al_error *err)
{
	if (max_seq >= SEQ_MAX) {
		char code[AL_KEY_MAX + 1];
		client_code(db, client_id, code, sizeof code);
		return al_fail(err, AL_EINPUT, "session add: %s %s already has %d sessions", code,
		               date, SEQ_MAX);
	}
	*seq = max_seq + 1;
	return AL_OK;
}

static enum al_status session_insert(struct db *db, int64_t client_id, const char *date, int seq,
                                     int64_t *id, struct al_error *err)
{
	static const char sql[] = "INSERT INTO session (client_id, date, seq) "
	                          "VALUES (:client, :date, :seq)";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":client", client_id);
	db_bind_text(st, ":date", date);
	db_bind_int(st, ":seq", seq);
	if (db_run(db, st, err))
		return err->status;
	*id = sqlite3_last_insert_rowid(db->h);
	return AL_OK;
}

static int dim_index(const struct db_dims *dims, int64_t dim_id)
{
	for (size_t i = 0; i < dims->n; i++)
		if (dims->id[i] == dim_id)
			return (int)i;
	return -1;
}

static enum al_status stored_ratings(struct db *db, const struct db_dims *dims, int64_t sid,
                                     struct stored *s, struct al_error *err)
{
	static const char sql[] = "SELECT rater = 'clinician', dimension_id, tenths "
	                          "FROM rating WHERE session_id = :session";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;
	if (!st)
		return err->status;
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (int i = 0; i < AL_DIM_MAX; i++)
			s->rating[r][i] = AL_MISSING;
	db_bind_int(st, ":session", sid);
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		int i = dim_index(dims, sqlite3_column_int64(st, 1));
		if (i >= 0)
			s->rating[sqlite3_column_int(st, 0)][i] =
			    (al_tenths)sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? AL_OK : err->status;
}

static enum al_status note_exists(struct db *db, int64_t sid, enum note_kind kind, bool *exists,
                                  struct al_error *err)
{
	static const char sql[] = "SELECT 1 FROM note WHERE session_id = :session AND kind = :kind";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":session", sid);
	db_bind_text(st, ":kind", note_kinds[kind]);
	int rc = db_step(db, st, err);
	if (rc < 0)
		return err->status;
	*exists = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return AL_OK;
}

static enum al_status stored_load(struct db *db, const struct db_dims *dims, int64_t sid,
                                  struct stored *s, struct al_error *err)
{
	static const char sql[] = "SELECT coalesce(rupture, ''), coalesce(context, '') "
	                          "FROM session WHERE id = :session";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":session", sid);
	int rc = db_step(db, st, err);
	if (rc < 0)
		return err->status;
	if (rc == SQLITE_DONE)
		return al_fail(err, AL_EINPUT, "session: the session no longer exists");
	if (!parse_rupture(db_col_text(st, 0), &s->rupture))
		s->rupture = AL_RUPTURE_NONE;
	snprintf(s->context, sizeof s->context, "%s", db_col_text(st, 1));
	sqlite3_reset(st);
	enum al_status status = note_exists(db, sid, NOTE_CLIENT, &s->comment, err);
	if (!status)
		status = checkin_load(db, sid, &s->checkin, err);
	return status ? status : stored_ratings(db, dims, sid, s, err);
}

/* Whether the session has a note other than note (none: false). The text
 * is compared in SQL, never loaded. */
static enum al_status note_differs(struct db *db, int64_t sid, const char *note, bool *differs,
                                   struct al_error *err)
{
	static const char sql[] = "SELECT body IS NOT :body FROM note WHERE session_id = :session "
	                          "AND kind = 'note'";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":session", sid);
	db_bind_text(st, ":body", note);
	int rc = db_step(db, st, err);
	*differs = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return rc < 0 ? err->status : AL_OK;
}

/* Adding to a session must not silently overwrite what is there: the same
 * rater and dimension, a different rupture marker, context or note needs
 * replace. */
static enum al_status check_merge(struct db *db, const struct db_dims *dims,
                                  const struct db_session_in *in, int64_t sid,
                                  const struct stored *s, const char *date, struct al_error *err)
{
	char code[AL_KEY_MAX + 1];
	if (in->replace)
		return AL_OK;
	client_code(db, in->client_id, code, sizeof code);
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (size_t i = 0; i < dims->n; i++)
			if (in->rating[r][i] != AL_MISSING && s->rating[r][i] != AL_MISSING)
				return al_fail(
				    err, AL_EINPUT,
				    "session add: %s %s already has a %s %s rating (use --replace)",
				    code, date, rater_name((enum al_rater)r), dims->dim[i].key);
	bool other_note = false;
	if (has_text(in->note) && note_differs(db, sid, in->note, &other_note, err))
		return err->status;
	if (other_note)
		return al_fail(err, AL_EINPUT,
		               "session add: %s %s already has a different note (use --replace)",
		               code, date);
	if (!in->set_rupture)
		return AL_OK;
	if (in->rupture != AL_RUPTURE_NONE && s->rupture != AL_RUPTURE_NONE &&
	    in->rupture != s->rupture)
		return al_fail(
		    err, AL_EINPUT,
		    "session add: %s %s already has the rupture marker %s (use --replace)", code,
		    date, rupture_name(s->rupture));
	if (has_text(in->context) && *s->context && strcmp(in->context, s->context) != 0)
		return al_fail(err, AL_EINPUT,
		               "session add: %s %s already has a different context (use --replace)",
		               code, date);
	return AL_OK;
}

static enum al_status rating_put(struct db *db, int64_t sid, int rater, int64_t dim_id, al_tenths v,
                                 struct al_error *err)
{
	static const char sql[] =
	    "INSERT INTO rating (session_id, rater, dimension_id, tenths) "
	    "VALUES (:session, :rater, :dim, :v) "
	    "ON CONFLICT (session_id, rater, dimension_id) DO UPDATE SET tenths = excluded.tenths";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":session", sid);
	db_bind_text(st, ":rater", rater_name((enum al_rater)rater));
	db_bind_int(st, ":dim", dim_id);
	db_bind_int(st, ":v", v);
	return db_run(db, st, err);
}

static enum al_status ratings_clear(struct db *db, int64_t sid, struct al_error *err)
{
	static const char sql[] = "DELETE FROM rating WHERE session_id = :session";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":session", sid);
	return db_run(db, st, err);
}

/* Writes the given ratings; *count says how many. */
static enum al_status ratings_write(struct db *db, const struct db_dims *dims, int64_t sid,
                                    const struct db_session_in *in, int *count,
                                    struct al_error *err)
{
	*count = 0;
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (size_t i = 0; i < dims->n; i++) {
			al_tenths v = in->rating[r][i];
			if (v == AL_MISSING)
				continue;
			if (v < 0 || v > 100)
				return al_fail(err, AL_EINPUT, "session: a rating is out of range");
			if (rating_put(db, sid, r, dims->id[i], v, err))
				return err->status;
			(*count)++;
		}
	return AL_OK;
}

static enum al_status marker_write(struct db *db, int64_t sid, enum al_rupture rupture,
                                   const char *context, struct al_error *err)
{
	static const char sql[] =
	    "UPDATE session SET rupture = :rupture, context = :context WHERE id = :session";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	if (has_text(context) && strlen(context) > AL_CONTEXT_MAX)
		return al_fail(err, AL_EINPUT, "session: the context is longer than %d characters",
		               AL_CONTEXT_MAX);
	db_bind_int(st, ":session", sid);
	db_bind_text(st, ":rupture", rupture == AL_RUPTURE_NONE ? NULL : rupture_name(rupture));
	db_bind_text(st, ":context", has_text(context) ? context : NULL);
	return db_run(db, st, err);
}

/* Merges the marker and context given with those stored; *changed tells
 * whether anything differs. */
static enum al_status marker_merge(struct db *db, int64_t sid, const struct db_session_in *in,
                                   const struct stored *s, bool *changed, struct al_error *err)
{
	enum al_rupture rupture = s->rupture;
	const char *context = s->context;
	if (!in->set_rupture)
		return AL_OK;
	if (in->rupture != AL_RUPTURE_NONE)
		rupture = in->rupture;
	if (has_text(in->context))
		context = in->context;
	if (rupture == s->rupture && strcmp(context, s->context) == 0)
		return AL_OK;
	*changed = true;
	return marker_write(db, sid, rupture, context, err);
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* NULL leaves the note (or the client's comment) alone, "" removes it,
 * any other text replaces it. Audited as a note change of the session;
 * the text itself never is. */
static enum al_status note_write(struct db *db, int64_t sid, enum note_kind kind, const char *note,
                                 struct al_error *err)
{
	static const char put_sql[] =
	    "INSERT INTO note (session_id, kind, body) VALUES (:session, :kind, :body) "
	    "ON CONFLICT (session_id, kind) DO UPDATE SET body = excluded.body "
	    "WHERE body IS NOT excluded.body";
	static const char del_sql[] =
	    "DELETE FROM note WHERE session_id = :session AND kind = :kind";
	bool existed;
	if (!note)
		return AL_OK;
	if (utf8_chars(note) > AL_NOTE_MAX) /* as the schema counts: characters */
		return al_fail(err, AL_EINPUT, "session: the %s is longer than %d characters",
		               kind == NOTE_CLIENT ? "client comment" : "note", AL_NOTE_MAX);
	if (note_exists(db, sid, kind, &existed, err))
		return err->status;
	if (!*note && !existed)
		return AL_OK;
	sqlite3_stmt *st = db_stmt(db, *note ? put_sql : del_sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":session", sid);
	db_bind_text(st, ":kind", note_kinds[kind]);
	if (*note)
		db_bind_text(st, ":body", note);
	if (db_run(db, st, err))
		return err->status;
	if (sqlite3_changes(db->h) == 0)
		return AL_OK; /* the same text again */
	return db_audit(db, !*note ? "delete" : existed ? "change" : "add", "note", sid, -1, err);
}

static enum al_status notes_write(struct db *db, int64_t sid, const struct db_session_in *in,
                                  struct al_error *err)
{
	enum al_status st = note_write(db, sid, NOTE_CLINICIAN, in->note, err);
	return st ? st : note_write(db, sid, NOTE_CLIENT, in->comment, err);
}

static bool any_rating(const al_tenths rating[AL_RATER_COUNT][AL_DIM_MAX])
{
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (int i = 0; i < AL_DIM_MAX; i++)
			if (rating[r][i] != AL_MISSING)
				return true;
	return false;
}

/* Attendance and check-in of an add: into *out, with *changed when they
 * differ from what the session held (s NULL: a new session). */
static enum al_status checkin_of_add(struct db *db, const struct db_session_in *in,
                                     const struct stored *s, const char *date, struct checkin *out,
                                     bool *changed, struct al_error *err)
{
	char who[AL_KEY_MAX + AL_DATE_LEN + 2], code[AL_KEY_MAX + 1];
	struct checkin blank;
	struct checkin_with with = {
	    .rated = any_rating(in->rating) || (s && any_rating(s->rating)),
	    .marked = (in->set_rupture && in->rupture != AL_RUPTURE_NONE) ||
	              (s && s->rupture != AL_RUPTURE_NONE),
	    .comment = (in->comment && *in->comment) || (s && s->comment && !in->comment),
	};
	client_code(db, in->client_id, code, sizeof code);
	snprintf(who, sizeof who, "%s %s", code, date);
	checkin_blank(&blank);
	enum al_status st =
	    checkin_add(in, s ? &s->checkin : NULL, &with, "session add", who, out, err);
	*changed = !st && !checkin_same(out, s ? &s->checkin : &blank);
	return st;
}

/* session add: to the last session on the date, or a new one. */
static enum al_status session_add(struct db *db, const struct db_dims *dims,
                                  const struct db_session_in *in, int64_t *id, struct al_error *err)
{
	char date[AL_DATE_LEN + 1];
	int seq, count;
	struct stored s;
	struct checkin ck;
	bool changed = false, ck_changed;
	enum al_status st;
	format_date(in->date, date);
	if ((st = last_on_date(db, in->client_id, date, id, &seq, err)))
		return st;
	if (in->add_to)
		*id = in->add_to;
	if (in->must_exist && !*id) {
		char code[AL_KEY_MAX + 1];
		client_code(db, in->client_id, code, sizeof code);
		return al_fail(err, AL_EINPUT, "session edit: %s has no session on %s", code, date);
	}
	if (*id && (!in->new_session || in->add_to)) {
		if ((st = stored_load(db, dims, *id, &s, err)) ||
		    (st = check_merge(db, dims, in, *id, &s, date, err)) ||
		    (st = checkin_of_add(db, in, &s, date, &ck, &ck_changed, err)) ||
		    (ck_changed && (st = checkin_write(db, *id, &ck, err))) ||
		    (st = marker_merge(db, *id, in, &s, &changed, err)) ||
		    (st = ratings_write(db, dims, *id, in, &count, err)))
			return st;
		changed = changed || ck_changed;
		if ((changed || count) && (st = db_audit(db, "change", "session", *id, count, err)))
			return st;
		return notes_write(db, *id, in, err);
	}
	if ((st = checkin_of_add(db, in, NULL, date, &ck, &ck_changed, err)) ||
	    (st = next_seq(db, in->client_id, date, seq, &seq, err)) ||
	    (st = session_insert(db, in->client_id, date, seq, id, err)) ||
	    (ck_changed && (st = checkin_write(db, *id, &ck, err))) ||
	    (in->set_rupture && (st = marker_write(db, *id, in->rupture, in->context, err))) ||
	    (st = ratings_write(db, dims, *id, in, &count, err)) ||
	    (st = db_audit(db, "add", "session", *id, count, err)))
		return st;
	return notes_write(db, *id, in, err);
}

static enum al_status session_move(struct db *db, int64_t sid, int64_t client_id, const char *date,
                                   struct al_error *err)
{
	static const char sql[] = "UPDATE session SET date = :date, seq = :seq WHERE id = :session";
	int64_t last;
	int seq;
	sqlite3_stmt *st;
	if (last_on_date(db, client_id, date, &last, &seq, err) ||
	    next_seq(db, client_id, date, seq, &seq, err) || !(st = db_stmt(db, sql, err)))
		return err->status;
	db_bind_text(st, ":date", date);
	db_bind_int(st, ":seq", seq);
	db_bind_int(st, ":session", sid);
	return db_run(db, st, err);
}

/* The UI's edit: the session becomes exactly what the form holds. */
static enum al_status session_edit(struct db *db, const struct db_dims *dims,
                                   const struct db_session_in *in, struct al_error *err)
{
	static const char sql[] = "SELECT date FROM session WHERE id = :session "
	                          "AND client_id = :client";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char date[AL_DATE_LEN + 1];
	int count;
	if (!st)
		return err->status;
	db_bind_int(st, ":session", in->session_id);
	db_bind_int(st, ":client", in->client_id);
	int rc = db_step(db, st, err);
	if (rc < 0)
		return err->status;
	if (rc == SQLITE_DONE)
		return al_fail(err, AL_EINPUT, "session: the session no longer exists");
	format_date(in->date, date);
	bool moved = strcmp(db_col_text(st, 0), date) != 0;
	sqlite3_reset(st);
	struct stored held;
	struct checkin ck;
	enum al_status s = stored_load(db, dims, in->session_id, &held, err);
	struct checkin_with with = {
	    .rated = any_rating(in->rating),
	    .marked =
	        in->set_rupture ? in->rupture != AL_RUPTURE_NONE : held.rupture != AL_RUPTURE_NONE,
	    .comment = in->comment ? *in->comment != '\0' : held.comment,
	};
	if (s || (s = checkin_edit(in, &held.checkin, &with, &ck, err)) ||
	    (moved && (s = session_move(db, in->session_id, in->client_id, date, err))) ||
	    (s = ratings_clear(db, in->session_id, err)) ||
	    (!checkin_same(&ck, &held.checkin) &&
	     (s = checkin_write(db, in->session_id, &ck, err))) ||
	    (in->set_rupture &&
	     (s = marker_write(db, in->session_id, in->rupture, in->context, err))) ||
	    (s = ratings_write(db, dims, in->session_id, in, &count, err)) ||
	    (s = db_audit(db, "change", "session", in->session_id, count, err)))
		return s;
	return notes_write(db, in->session_id, in, err);
}

enum al_status db_session_number(struct db *db, int64_t client_id, int n, int64_t *id,
                                 int32_t *date, struct al_error *err)
{
	static const char sql[] = "SELECT id, date FROM session WHERE client_id = :client "
	                          "ORDER BY date, seq LIMIT 1 OFFSET :skip";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":client", client_id);
	db_bind_int(st, ":skip", n - 1);
	int rc = n >= 1 ? db_step(db, st, err) : SQLITE_DONE;
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc == SQLITE_ROW && !parse_date(db_col_text(st, 1), date))
		*id = 0;
	sqlite3_reset(st);
	return rc < 0 ? err->status : AL_OK;
}

void db_session_in_init(struct db_session_in *in, int64_t client_id, int32_t date)
{
	*in = (struct db_session_in){.client_id = client_id, .date = date};
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (int i = 0; i < AL_DIM_MAX; i++)
			in->rating[r][i] = AL_MISSING;
	in->attendance = AL_ATTENDED;
	in->tension = in->talked = in->misunderstood = AL_NO_ANSWER;
}

enum al_status db_session_save(struct db *db, const struct db_dims *dims,
                               const struct db_session_in *in, int64_t *id, struct al_error *err)
{
	enum al_status st;
	if ((st = db_text_check("context", in->context, false, err)) ||
	    (st = db_text_check("note", in->note, true, err)))
		return st;
	db_status_touch(db, in->client_id); /* its summary is recomputed at commit */
	if (in->session_id) {
		*id = in->session_id;
		return session_edit(db, dims, in, err);
	}
	return session_add(db, dims, in, id, err);
}

static enum al_status note_get(struct db *db, int64_t session_id, enum note_kind kind, char *buf,
                               size_t cap, struct al_error *err)
{
	static const char sql[] =
	    "SELECT body FROM note WHERE session_id = :session AND kind = :kind";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":session", session_id);
	db_bind_text(st, ":kind", note_kinds[kind]);
	int rc = db_step(db, st, err);
	if (rc < 0)
		return err->status;
	const char *body = rc == SQLITE_ROW ? db_col_text(st, 0) : "";
	size_t n = strlen(body);
	if (cap == 0) {
		sqlite3_reset(st);
		return AL_OK;
	}
	if (n >= cap) { /* cut at a character boundary, never inside one */
		n = cap - 1;
		while (n > 0 && ((unsigned char)body[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, body, n);
	buf[n] = '\0';
	sqlite3_reset(st);
	return AL_OK;
}

enum al_status db_note_get(struct db *db, int64_t session_id, char *buf, size_t cap,
                           struct al_error *err)
{
	return note_get(db, session_id, NOTE_CLINICIAN, buf, cap, err);
}

enum al_status db_comment_get(struct db *db, int64_t session_id, char *buf, size_t cap,
                              struct al_error *err)
{
	return note_get(db, session_id, NOTE_CLIENT, buf, cap, err);
}
