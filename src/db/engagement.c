/* Engagement figures of one clinician over a period: two aggregate reads. */
#include <string.h>

#include "alliance/db/engagement.h"
#include "alliance/core/parse.h"
#include "internal.h"

static void bind_period(sqlite3_stmt *st, int32_t from, int32_t to)
{
	char a[AL_DATE_LEN + 1], b[AL_DATE_LEN + 1];
	int32_t first = date_from_ymd(1900, 1, 1); /* INT32_MIN: from the start */
	format_date(from > first ? from : first, a);
	format_date(to < AL_LAST_DAY ? to : AL_LAST_DAY, b);
	db_bind_text(st, ":from", a);
	db_bind_text(st, ":to", b);
}

static enum al_status sessions_read(struct db *db, int64_t clinician_id, int32_t from, int32_t to,
                                    struct al_engagement *out, struct al_error *err)
{
	static const char sql[] =
	    "SELECT count(*) FILTER (WHERE s.attendance <> 'clinician-cancel'), "
	    "count(*) FILTER (WHERE s.attendance IN ('no-show', 'late-cancel')), "
	    "count(*) FILTER (WHERE s.attendance = 'attended'), "
	    "count(*) FILTER (WHERE s.attendance = 'attended' AND NOT EXISTS "
	    "(SELECT 1 FROM rating r WHERE r.session_id = s.id AND r.rater = 'client')), "
	    "count(*) FILTER (WHERE s.tension IS NOT NULL OR s.misunderstood IS NOT NULL), "
	    "count(*) FILTER (WHERE s.tension > 0), "
	    "count(*) FILTER (WHERE s.misunderstood = 1) "
	    "FROM client c JOIN session s ON s.client_id = c.id "
	    "WHERE c.clinician_id = :clinician AND s.date BETWEEN :from AND :to";
	int *fields[] = {&out->sessions, &out->missed,  &out->attended,     &out->unrated,
	                 &out->checkins, &out->tension, &out->misunderstood};
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":clinician", clinician_id);
	bind_period(st, from, to);
	int rc = db_step(db, st, err);
	if (rc < 0)
		return err->status;
	for (size_t k = 0; rc == SQLITE_ROW && k < sizeof fields / sizeof fields[0]; k++)
		*fields[k] = sqlite3_column_int(st, (int)k);
	sqlite3_reset(st);
	return AL_OK;
}

static enum al_status endings_read(struct db *db, int64_t clinician_id, int32_t from, int32_t to,
                                   struct al_engagement *out, struct al_error *err)
{
	static const char sql[] =
	    "SELECT end_reason, count(*) FROM client "
	    "WHERE clinician_id = :clinician AND end_date BETWEEN :from AND :to "
	    "GROUP BY end_reason";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	enum al_ending e;
	int rc;
	if (!st)
		return err->status;
	db_bind_int(st, ":clinician", clinician_id);
	bind_period(st, from, to);
	while ((rc = db_step(db, st, err)) == SQLITE_ROW)
		if (parse_ending(db_col_text(st, 0), &e))
			out->ended[e] = sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? AL_OK : err->status;
}

enum al_status db_engagement_load(struct db *db, int64_t clinician_id, int32_t from, int32_t to,
                                  struct al_engagement *out, struct al_error *err)
{
	memset(out, 0, sizeof *out);
	enum al_status st = sessions_read(db, clinician_id, from, to, out, err);
	return st ? st : endings_read(db, clinician_id, from, to, out, err);
}
