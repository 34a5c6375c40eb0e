/* A database as schema 1 left it, made from a current one: its users,
 * clients, sessions, ratings, notes, acks and audit copied into the first
 * schema alone (user_version 1), so that a test can open it and watch the
 * migrations run on real data. Include after <cmocka.h>. */
#ifndef ALLIANCE_OLD_SCHEMA_H
#define ALLIANCE_OLD_SCHEMA_H

#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include "alliance/db/db.h"

extern const char *const al_schema_sql[];

static inline void old_exec(sqlite3 *h, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(h, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
	sqlite3_free(msg);
}

/* Replaces the (closed) database at path by its schema-1 copy. */
static inline void old_schema_v1(const char *path)
{
	char old[128], attach[160], pragmas[96];
	sqlite3 *h;
	snprintf(old, sizeof old, "%s.new", path);
	unlink(old);
	assert_int_equal(sqlite3_open(old, &h), SQLITE_OK);
	old_exec(h, al_schema_sql[0]);
	old_exec(h, "DELETE FROM dimension");
	snprintf(attach, sizeof attach, "ATTACH '%s' AS cur", path);
	old_exec(h, attach);
	old_exec(
	    h, "INSERT INTO user SELECT id, name, role, supervisor_id, created FROM cur.user;"
	       "INSERT INTO dimension SELECT id, key, label, wording, position, core "
	       "FROM cur.dimension;"
	       "INSERT INTO client SELECT id, code, clinician_id, modality, goal, archived, "
	       "created FROM cur.client;"
	       "INSERT INTO session SELECT id, client_id, date, seq, rupture, context "
	       "FROM cur.session;"
	       "INSERT INTO rating SELECT * FROM cur.rating;"
	       "INSERT INTO note SELECT session_id, body FROM cur.note WHERE kind = 'note';"
	       "DELETE FROM setting; INSERT INTO setting SELECT key, value FROM cur.setting "
	       "WHERE key NOT IN ('gap_days', 'ask_checkin');"
	       "INSERT INTO ack SELECT id, session_id, dimension_id, rule, user_id, time, comment "
	       "FROM cur.ack;"
	       "INSERT INTO audit SELECT * FROM cur.audit;");
	old_exec(h, "DETACH cur");
	snprintf(pragmas, sizeof pragmas, "PRAGMA application_id=%d; PRAGMA user_version=1",
	         AL_APPLICATION_ID);
	old_exec(h, pragmas);
	sqlite3_close(h);
	char wal[140], shm[140];
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(shm, sizeof shm, "%s-shm", path);
	unlink(wal);
	unlink(shm);
	assert_int_equal(rename(old, path), 0);
}

#endif
