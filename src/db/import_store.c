/* Import, the storing half: a file's sessions merged with the database's,
 * and ratings in batches whose duplicates the primary key refuses. */
#include <stdio.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "import_internal.h"

/* What the database holds for a session that a file's session merges with. */
struct held {
	int64_t id;
	int seq;
	const char *rupture, *context; /* "" for none */
	enum al_attendance attendance;
	int8_t answer[3]; /* tension, talked, misunderstood */
};

static bool answers_clash(int8_t file, int8_t held)
{
	return file != AL_NO_ANSWER && held != AL_NO_ANSWER && file != held;
}

/* What a file's session and the database's disagree on, or NULL. */
static const char *merge_clash(const struct import_row *row, const struct held *h)
{
	static const char *const answers[3] = {"tension", "talked", "misunderstood"};
	const int8_t file[3] = {row->tension, row->talked, row->misunderstood};
	if (row->rupture && *h->rupture && strcmp(h->rupture, rupture_name(row->rupture)) != 0)
		return "rupture";
	if (*row->context && *h->context && strcmp(h->context, row->context) != 0)
		return "context";
	if (row->attendance != h->attendance)
		return "attendance";
	for (int k = 0; k < 3; k++)
		if (answers_clash(file[k], h->answer[k]))
			return answers[k];
	return NULL;
}

/* Fills in the rupture, context and check-in answers of a merged session
 * where it has none; the schema refuses a talked without tension. */
static enum al_status session_fill(struct db_import *im, int64_t id, const struct import_row *row,
                                   struct al_error *err)
{
	static const char sql[] =
	    "UPDATE session SET rupture = coalesce(rupture, :rupture), "
	    "context = coalesce(context, :context), tension = coalesce(tension, :tension), "
	    "talked = coalesce(talked, :talked), "
	    "misunderstood = coalesce(misunderstood, :misunderstood) WHERE id = :id";
	sqlite3_stmt *st = db_stmt(im->db, sql, err);
	if (!st)
		return err->status;
	db_bind_text(st, ":rupture", row->rupture ? rupture_name(row->rupture) : NULL);
	db_bind_text(st, ":context", *row->context ? row->context : NULL);
	db_bind_answer(st, ":tension", row->tension);
	db_bind_answer(st, ":talked", row->talked);
	db_bind_answer(st, ":misunderstood", row->misunderstood);
	db_bind_int(st, ":id", id);
	return db_run(im->db, st, err);
}

static bool needs_fill(const struct import_row *row, const struct held *h)
{
	return (row->rupture && !*h->rupture) || (*row->context && !*h->context) ||
	       (row->tension != AL_NO_ANSWER && h->answer[0] == AL_NO_ANSWER) ||
	       (row->talked != AL_NO_ANSWER && h->answer[1] == AL_NO_ANSWER) ||
	       (row->misunderstood != AL_NO_ANSWER && h->answer[2] == AL_NO_ANSWER);
}

static void held_read(sqlite3_stmt *st, struct held *h)
{
	h->id = sqlite3_column_int64(st, 0);
	h->seq = sqlite3_column_int(st, 1);
	h->rupture = db_col_text(st, 2);
	h->context = db_col_text(st, 3);
	if (!parse_attendance(db_col_text(st, 4), &h->attendance))
		h->attendance = AL_ATTENDED;
	for (int k = 0; k < 3; k++)
		h->answer[k] = db_col_answer(st, 5 + k);
}

/* A session of a client that existed before: the file's n-th session on a
 * date is the database's n-th on that date (in entry order) if there is
 * one, whose rupture and context may be filled in, never changed.
 * Otherwise *seq is the seq after the last one on that date. */
static enum al_status session_merge(struct db_import *im, struct imp_client *cl,
                                    const struct import_row *row, const char *date, int *seq,
                                    struct al_error *err)
{
	static const char sql[] =
	    "SELECT id, seq, rupture, context, attendance, tension, talked, misunderstood "
	    "FROM session WHERE client_id = :client AND date = :date ORDER BY seq";
	sqlite3_stmt *st = db_stmt(im->db, sql, err);
	struct held h;
	int rc, n = 0;
	if (!st)
		return err->status;
	db_bind_int(st, ":client", cl->id);
	db_bind_text(st, ":date", date);
	*seq = 1;
	while ((rc = db_step(im->db, st, err)) == SQLITE_ROW && ++n < cl->seq.on_date)
		*seq = sqlite3_column_int(st, 1) + 1;
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc < 0 ? err->status : AL_OK;
	}
	held_read(st, &h);
	bool fill = needs_fill(row, &h);
	const char *clash = merge_clash(row, &h);
	sqlite3_reset(st);
	if (clash)
		return al_fail(err, AL_EINPUT, "session %d disagrees with the database on %s",
		               row->session, clash);
	cl->session_id = h.id;
	return fill ? session_fill(im, h.id, row, err) : AL_OK;
}

/* A new session comes after those already on its date. */
enum al_status import_session_open(struct db_import *im, struct imp_client *cl,
                                   const struct import_row *row, struct al_error *err)
{
	static const char sql[] =
	    "INSERT INTO session (client_id, date, seq, rupture, context, attendance, tension, "
	    "talked, misunderstood) VALUES (:client, :date, :seq, :rupture, :context, "
	    ":attendance, :tension, :talked, :misunderstood)";
	char date[AL_DATE_LEN + 1];
	int seq = cl->seq.on_date; /* a new client's sessions all come from the file */
	enum al_status s;
	sqlite3_stmt *st;
	cl->session_id = 0;
	format_date(row->date, date);
	if (cl->existed && ((s = session_merge(im, cl, row, date, &seq, err)) || cl->session_id))
		return s;
	if (!(st = db_stmt(im->db, sql, err)))
		return err->status;
	db_bind_int(st, ":client", cl->id);
	db_bind_text(st, ":date", date);
	db_bind_int(st, ":seq", seq);
	db_bind_text(st, ":rupture", row->rupture ? rupture_name(row->rupture) : NULL);
	db_bind_text(st, ":context", *row->context ? row->context : NULL);
	db_bind_text(st, ":attendance", attendance_name(row->attendance));
	db_bind_answer(st, ":tension", row->tension);
	db_bind_answer(st, ":talked", row->talked);
	db_bind_answer(st, ":misunderstood", row->misunderstood);
	if (db_run(im->db, st, err))
		return err->status;
	cl->session_id = sqlite3_last_insert_rowid(im->db->h);
	im->stats.sessions++;
	return AL_OK;
}

#define RATING_COLUMNS "INSERT INTO rating (session_id, rater, dimension_id, tenths) VALUES "
#define ROW1 "(?,?,?,?)"
#define ROW4 ROW1 "," ROW1 "," ROW1 "," ROW1
#define ROW16 ROW4 "," ROW4 "," ROW4 "," ROW4
#define ROW64 ROW16 "," ROW16 "," ROW16 "," ROW16
_Static_assert(IMPORT_BATCH == 64, "the batch statement holds 64 rows");

/* Positional parameters: a batch has 256 of them. */
static void bind_rating(const struct db_import *im, sqlite3_stmt *st, int first,
                        const struct imp_rating *r)
{
	sqlite3_bind_int64(st, first, r->session_id);
	sqlite3_bind_text(st, first + 1, rater_name(r->rater), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, first + 2, im->dims.id[r->dim]);
	sqlite3_bind_int(st, first + 3, r->value);
}

/* One rating on its own, to tell which one is the duplicate. */
static enum al_status rating_insert(struct db_import *im, const struct imp_rating *r,
                                    struct al_error *err)
{
	static const char sql[] = RATING_COLUMNS ROW1;
	char why[128];
	sqlite3_stmt *st = db_stmt(im->db, sql, err);
	if (!st)
		return err->status;
	bind_rating(im, st, 1, r);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) {
		im->stats.ratings++;
		return AL_OK;
	}
	if (rc != SQLITE_CONSTRAINT_PRIMARYKEY)
		return db_fail(im->db, rc, "import", err);
	snprintf(why, sizeof why, "duplicate rating: session %d already has a %s rating of %s",
	         r->session, rater_name(r->rater), im->dims.dim[r->dim].key);
	im->stats.refused++;
	im->refuse(im->ctx, r->line, why);
	return AL_OK;
}

enum al_status import_ratings_flush(struct db_import *im, struct al_error *err)
{
	static const char sql[] = RATING_COLUMNS ROW64;
	int n = im->nbatch;
	enum al_status st = AL_OK;
	im->nbatch = 0;
	if (n == IMPORT_BATCH) {
		sqlite3_stmt *batch = db_stmt(im->db, sql, err);
		if (!batch)
			return err->status;
		for (int i = 0; i < n; i++)
			bind_rating(im, batch, 4 * i + 1, &im->batch[i]);
		int rc = sqlite3_step(batch);
		sqlite3_reset(batch);
		if (rc == SQLITE_DONE) {
			im->stats.ratings += n;
			return AL_OK;
		}
		if ((rc & 0xff) != SQLITE_CONSTRAINT)
			return db_fail(im->db, rc, "import", err);
		/* the failed statement stored none of them: find the duplicates */
	}
	for (int i = 0; i < n && !st; i++)
		st = rating_insert(im, &im->batch[i], err);
	return st;
}

enum al_status import_rating_add(struct db_import *im, const struct imp_client *cl, long line,
                                 const struct import_row *row, struct al_error *err)
{
	im->batch[im->nbatch++] = (struct imp_rating){
	    .session_id = cl->session_id,
	    .line = line,
	    .session = row->session,
	    .dim = row->dim,
	    .rater = row->rater,
	    .value = row->value,
	};
	return im->nbatch == IMPORT_BATCH ? import_ratings_flush(im, err) : AL_OK;
}
