/* The client table: pseudonymous codes owned by a clinician. */
#include <stdio.h>

#include "alliance/db/admin.h"
#include "alliance/db/client.h"
#include "alliance/db/status.h"
#include "alliance/core/parse.h"
#include "internal.h"

/* nsessions and last_date come from the session index (client_id, date, seq). */
#define CLIENT_COLUMNS                                                                             \
	"SELECT c.id, c.code, c.clinician_id, u.name, coalesce(c.modality, ''), "                  \
	"coalesce(c.goal, ''), c.archived, "                                                       \
	"(SELECT count(*) FROM session s WHERE s.client_id = c.id), "                              \
	"(SELECT max(s.date) FROM session s WHERE s.client_id = c.id), "                           \
	"coalesce(c.end_reason, ''), c.end_date "                                                  \
	"FROM client c JOIN user u ON u.id = c.clinician_id "

static void read_client(sqlite3_stmt *st, struct al_client *c)
{
	c->id = sqlite3_column_int64(st, 0);
	snprintf(c->code, sizeof c->code, "%s", db_col_text(st, 1));
	c->clinician_id = sqlite3_column_int64(st, 2);
	snprintf(c->clinician, sizeof c->clinician, "%s", db_col_text(st, 3));
	snprintf(c->modality, sizeof c->modality, "%s", db_col_text(st, 4));
	snprintf(c->goal, sizeof c->goal, "%s", db_col_text(st, 5));
	c->archived = sqlite3_column_int(st, 6) != 0;
	c->nsessions = sqlite3_column_int(st, 7);
	if (!parse_date(db_col_text(st, 8), &c->last_date))
		c->last_date = INT32_MIN;
	snprintf(c->ending, sizeof c->ending, "%s", db_col_text(st, 9));
	if (!parse_date(db_col_text(st, 10), &c->end_date))
		c->end_date = INT32_MIN;
}

enum al_status db_client_find(struct db *db, const char *code, struct al_client *out, bool *found,
                              struct al_error *err)
{
	static const char sql[] = CLIENT_COLUMNS "WHERE c.code = :code";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_text(st, ":code", code);
	int rc = db_step(db, st, err);
	if (rc < 0)
		return err->status;
	*found = rc == SQLITE_ROW;
	if (*found)
		read_client(st, out);
	sqlite3_reset(st);
	return AL_OK;
}

enum al_status db_client_same(struct db *db, const struct al_client *held, bool *same,
                              struct al_error *err)
{
	static const char sql[] = "SELECT 1 FROM client WHERE id = :id AND code = :code "
	                          "AND clinician_id = :clinician";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":id", held->id);
	db_bind_text(st, ":code", held->code);
	db_bind_int(st, ":clinician", held->clinician_id);
	int rc = db_step(db, st, err);
	sqlite3_reset(st);
	if (rc < 0)
		return err->status;
	*same = rc == SQLITE_ROW;
	return AL_OK;
}

enum al_status db_client_add(struct db *db, struct al_client *c, struct al_error *err)
{
	static const char sql[] =
	    "INSERT INTO client (code, clinician_id, modality, goal, created) "
	    "VALUES (:code, :clinician, nullif(:modality, ''), nullif(:goal, ''), :now)";
	if (db_text_check("goal", c->goal, false, err))
		return err->status;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char now[21];
	if (!st)
		return err->status;
	db_now(now);
	db_bind_text(st, ":code", c->code);
	db_bind_int(st, ":clinician", c->clinician_id);
	db_bind_text(st, ":modality", c->modality);
	db_bind_text(st, ":goal", c->goal);
	db_bind_text(st, ":now", now);
	if (db_run(db, st, err))
		return err->status;
	c->id = sqlite3_last_insert_rowid(db->h);
	c->archived = false;
	c->nsessions = 0;
	c->last_date = INT32_MIN;
	db_status_touch(db, c->id); /* its (empty) summary is stored at commit */
	return db_audit(db, "add", "client", c->id, -1, err);
}

/* reason NULL: unarchive (the ending goes with it). The summary is
 * touched: the gap rule holds only for active clients. */
static enum al_status set_archived(struct db *db, int64_t id, const char *reason, int32_t date,
                                   struct al_error *err)
{
	static const char sql[] = "UPDATE client SET archived = :archived, end_reason = :reason, "
	                          "end_date = :date WHERE id = :id";
	char day[AL_DATE_LEN + 1];
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":archived", reason != NULL);
	db_bind_text(st, ":reason", reason);
	if (reason && date != INT32_MIN)
		format_date(date, day);
	db_bind_text(st, ":date", reason && date != INT32_MIN ? day : NULL);
	db_bind_int(st, ":id", id);
	if (db_run(db, st, err))
		return err->status;
	db_status_touch(db, id); /* archiving closes an open episode (SPEC §4b) */
	return db_audit(db, reason ? "archive" : "change", "client", id, -1, err);
}

enum al_status db_client_end(struct db *db, int64_t id, enum al_ending reason, int32_t date,
                             struct al_error *err)
{
	return set_archived(db, id, ending_name(reason), date, err);
}

enum al_status db_client_archive(struct db *db, int64_t id, struct al_error *err)
{
	return set_archived(db, id, ending_name(AL_END_OTHER), INT32_MIN, err);
}

enum al_status db_client_unarchive(struct db *db, int64_t id, struct al_error *err)
{
	return set_archived(db, id, NULL, INT32_MIN, err);
}

/* Sessions, ratings, notes, drafts and acks go by ON DELETE CASCADE; with
 * secure_delete on (every connection) their bytes are overwritten too. */
enum al_status db_client_purge(struct db *db, int64_t id, struct al_error *err)
{
	static const char count_sql[] = "SELECT count(*) FROM session WHERE client_id = :id";
	static const char sql[] = "DELETE FROM client WHERE id = :id";
	sqlite3_stmt *st = db_stmt(db, count_sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":id", id);
	if (db_step(db, st, err) != SQLITE_ROW)
		return err->status;
	int64_t nsessions = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (!(st = db_stmt(db, sql, err)))
		return err->status;
	db_bind_int(st, ":id", id);
	if (db_run(db, st, err) || db_purge_mark(db, id, err))
		return err->status;
	return db_audit(db, "purge", "client", id, nsessions, err);
}

enum al_status db_client_count(struct db *db, int64_t *n, struct al_error *err)
{
	static const char sql[] = "SELECT count(*) FROM client";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st || db_step(db, st, err) != SQLITE_ROW)
		return err->status;
	*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return AL_OK;
}

enum al_status db_client_each(struct db *db, const struct db_client_filter *f, db_client_fn fn,
                              void *ctx, struct al_error *err)
{
	static const char sql[] =
	    CLIENT_COLUMNS "WHERE (:clinician = 0 OR c.clinician_id = :clinician) "
	                   "AND (:supervisor = 0 OR u.supervisor_id = :supervisor) "
	                   "AND (:archived OR NOT c.archived) ORDER BY c.code";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;
	if (!st)
		return err->status;
	db_bind_int(st, ":clinician", f->clinician_id);
	db_bind_int(st, ":supervisor", f->supervisor_id);
	db_bind_int(st, ":archived", f->with_archived);
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		struct al_client c;
		read_client(st, &c);
		if (fn(ctx, &c, err)) {
			sqlite3_reset(st);
			return err->status;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? AL_OK : err->status;
}
