/* The audit trail every write adds to (SPEC §2: who, what, which record,
 * never text), and the check of text before it is stored. */
#include <stdio.h>
#include <string.h>

#include "alliance/core/text.h"
#include "internal.h"

enum al_status db_text_check(const char *what, const char *s, bool note, struct al_error *err)
{
	char why[96];
	if (!s || !*s || text_valid(s, strlen(s), note, why, sizeof why))
		return AL_OK;
	return al_fail(err, AL_EINPUT, "%s %s", what, why);
}

enum al_status db_audit(struct db *db, const char *action, const char *entity, int64_t id,
                        int64_t count, struct al_error *err)
{
	static const char sql[] =
	    "INSERT INTO audit (time, os_user, app_user, action, entity, entity_id, count) "
	    "VALUES (:time, :os, :app, :action, :entity, :id, :count)";
	if (db->audit_off)
		return AL_OK;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char now[21];
	if (!st)
		return err->status;
	db_now(now);
	db_bind_text(st, ":time", now);
	db_bind_text(st, ":os", db->os_user);
	db_bind_text(st, ":app", db->app_user);
	db_bind_text(st, ":action", action);
	db_bind_text(st, ":entity", entity);
	if (id)
		db_bind_int(st, ":id", id);
	if (count >= 0)
		db_bind_int(st, ":count", count);
	return db_run(db, st, err);
}

void db_audit_bulk(struct db *db, bool on)
{
	db->audit_off = on;
}
