/* Storage tests for engagement (schema 3): a database from schema 1 keeps
 * its data through the migrations, attendance and check-in are saved under
 * the rules (and the schema refuses what breaks them), the client's comment
 * is a note of its own kind that a purge takes, the ending of a course,
 * the PIN (only a hash, checked by db_user_pin_check), and the engagement
 * figures of a clinician. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alliance/db/client.h"
#include "alliance/db/engagement.h"
#include "alliance/db/meta.h"
#include "alliance/db/session.h"
#include "alliance/db/status.h"
#include "alliance/db/user.h"
#include "alliance/core/parse.h"
#include "old_schema.h"
#include "practice_fixture.h"

#define MONDAY 20458 /* 5 January 2026 */

static int setup(void **state)
{
	struct fx *fx = fx_begin("alliance-engagement");
	fx_commit(fx);
	*state = fx;
	return 0;
}

/* The first column of the first row of text, on a second connection. */
static long long sql(struct fx *fx, const char *text)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	long long v = -1;
	assert_int_equal(sqlite3_open(fx->path, &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	assert_int_equal(sqlite3_prepare_v2(h, text, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

/* The result code of text, run on a second connection. */
static int sql_rc(struct fx *fx, const char *text)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(fx->path, &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	int rc = sqlite3_exec(h, text, NULL, NULL, NULL);
	sqlite3_close(h);
	return rc;
}

/* Saves in (one transaction); returns the status, the session id in *id. */
static enum al_status save(struct fx *fx, const struct db_session_in *in, int64_t *id)
{
	int64_t ignored;
	enum al_status st = db_begin(fx->db, &fx->err);
	if (!st)
		st = db_session_save(fx->db, &fx->dims, in, id ? id : &ignored, &fx->err);
	if (!st)
		st = db_commit(fx->db, &fx->err);
	db_rollback(fx->db);
	return st;
}

static enum al_status rated(struct fx *fx, int64_t client, int week, int trust)
{
	struct db_session_in in;
	db_session_in_init(&in, client, MONDAY + 7 * week);
	in.rating[AL_RATER_CLIENT][0] = (al_tenths)trust;
	return save(fx, &in, NULL);
}

static enum al_status absent(struct fx *fx, int64_t client, int week, enum al_attendance a)
{
	struct db_session_in in;
	db_session_in_init(&in, client, MONDAY + 7 * week);
	in.set_attendance = true;
	in.attendance = a;
	return save(fx, &in, NULL);
}

/* ---- the migrations keep what was there ---------------------------------- */

static void test_migration_keeps_data(void **state)
{
	struct fx *fx = *state;
	struct db_session_in in;
	assert_int_equal(rated(fx, fx->k1, 0, 90), AL_OK);
	db_session_in_init(&in, fx->k1, MONDAY + 7);
	in.rating[AL_RATER_CLIENT][0] = 60;
	in.note = "a note from before";
	assert_int_equal(save(fx, &in, NULL), AL_OK);
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_client_archive(fx->db, fx->k2, &fx->err), AL_OK);
	assert_int_equal(db_setting_set(fx->db, "cutoff", 7.5, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	db_close(fx->db);
	old_schema_v1(fx->path);
	fx_open(fx, false);
	assert_int_equal(sql(fx, "PRAGMA user_version"), db_schema_version());
	assert_int_equal(sql(fx, "SELECT count(*) FROM rating"), 2);
	assert_int_equal(sql(fx,
	                     "SELECT count(*) FROM session WHERE attendance = 'attended' "
	                     "AND tension IS NULL AND talked IS NULL AND misunderstood IS NULL"),
	                 2);
	assert_int_equal(sql(fx, "SELECT count(*) FROM note WHERE kind = 'note' "
	                         "AND body = 'a note from before'"),
	                 1);
	assert_int_equal(sql(fx, "SELECT count(*) FROM client WHERE archived "
	                         "AND end_reason = 'other' AND end_date IS NULL"),
	                 1);
	assert_int_equal(sql(fx, "SELECT count(*) FROM client WHERE end_reason IS NOT NULL"), 1);
	assert_int_equal(sql(fx, "SELECT value * 10 FROM setting WHERE key = 'cutoff'"), 75);
	assert_int_equal(sql(fx, "SELECT value FROM setting WHERE key = 'gap_days'"), 21);
	assert_int_equal(sql(fx, "SELECT value FROM setting WHERE key = 'ask_checkin'"), 1);
	assert_int_equal(sql(fx, "SELECT count(*) FROM user WHERE pin_hash IS NOT NULL"), 0);
	/* every summary computed again, with the last attended date */
	assert_int_equal(sql(fx, "SELECT count(*) FROM client_status"), 3);
	assert_int_equal(
	    sql(fx, "SELECT count(*) FROM client_status WHERE last_attended = '2026-01-12'"), 1);
	assert_int_equal(sql(fx, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_int_equal(sql(fx, "SELECT count(*) FROM audit WHERE action = 'change' "
	                         "AND entity = 'database' AND count = 3"),
	                 1);
}

/* ---- attendance and the check-in ------------------------------------------ */

static void test_checkin_rules(void **state)
{
	struct fx *fx = *state;
	struct db_session_in in;
	int64_t id;
	db_session_in_init(&in, fx->k1, MONDAY);
	in.rating[AL_RATER_CLIENT][0] = 90;
	in.tension = 2;
	in.talked = 1;
	in.misunderstood = 0;
	assert_int_equal(save(fx, &in, &id), AL_OK);
	assert_int_equal(sql(fx, "SELECT tension * 100 + talked * 10 + misunderstood FROM session"),
	                 210);
	/* a stored no-show takes no ratings, check-in or comment */
	assert_int_equal(absent(fx, fx->k1, 1, AL_NO_SHOW), AL_OK);
	db_session_in_init(&in, fx->k1, MONDAY + 7);
	in.rating[AL_RATER_CLINICIAN][1] = 80;
	assert_int_equal(save(fx, &in, NULL), AL_EINPUT);
	assert_string_equal(fx->err.msg,
	                    "session add: K-1 2026-01-12 was not attended (a no-show): "
	                    "a session not attended has no ratings");
	db_session_in_init(&in, fx->k1, MONDAY + 7);
	in.comment = "say it";
	assert_int_equal(save(fx, &in, NULL), AL_EINPUT);
	db_session_in_init(&in, fx->k1, MONDAY + 7);
	in.note = "a note is fine";
	assert_int_equal(save(fx, &in, NULL), AL_OK);
	/* talked needs tension; a tension of 0 given with replace drops talked */
	db_session_in_init(&in, fx->k1, MONDAY + 14);
	in.talked = 2;
	assert_int_equal(save(fx, &in, NULL), AL_EINPUT);
	assert_string_equal(fx->err.msg, "session add: --talked needs --tension above 0");
	db_session_in_init(&in, fx->k1, MONDAY);
	in.tension = 0;
	in.replace = true;
	assert_int_equal(save(fx, &in, NULL), AL_OK);
	assert_int_equal(sql(fx, "SELECT coalesce(talked, -1) FROM session WHERE tension = 0"), -1);
	/* the UI's edit leaves attendance and answers alone unless it sets them */
	db_session_in_init(&in, fx->k1, MONDAY);
	in.session_id = id;
	in.rating[AL_RATER_CLIENT][0] = 85;
	assert_int_equal(save(fx, &in, NULL), AL_OK);
	assert_int_equal(sql(fx, "SELECT misunderstood FROM session WHERE id = 1"), 0);
	in.set_checkin = true; /* every answer AL_NO_ANSWER: cleared */
	assert_int_equal(save(fx, &in, NULL), AL_OK);
	assert_int_equal(sql(fx, "SELECT count(*) FROM session WHERE id = 1 AND tension IS NULL "
	                         "AND misunderstood IS NULL"),
	                 1);
	in.set_attendance = true;
	in.attendance = AL_CANCELLED;
	assert_int_equal(save(fx, &in, NULL), AL_EINPUT); /* it has a rating */
	assert_string_equal(fx->err.msg, "session: the session was not attended (a cancellation): "
	                                 "a session not attended has no ratings");
	/* the schema agrees, whatever writes */
	assert_int_equal(sql_rc(fx, "UPDATE session SET attendance = 'no-show' WHERE id = 1"),
	                 SQLITE_CONSTRAINT);
	assert_int_equal(sql_rc(fx, "UPDATE session SET talked = 3 WHERE id = 1"),
	                 SQLITE_CONSTRAINT);
}

/* ---- the client's comment: a note of its own kind ------------------------- */

static void test_comment(void **state)
{
	struct fx *fx = *state;
	struct db_session_in in;
	int64_t id;
	char buf[64];
	db_session_in_init(&in, fx->k1, MONDAY);
	in.rating[AL_RATER_CLIENT][0] = 90;
	in.note = "the clinician's";
	in.comment = "Slower, please";
	assert_int_equal(save(fx, &in, &id), AL_OK);
	assert_int_equal(db_note_get(fx->db, id, buf, sizeof buf, &fx->err), AL_OK);
	assert_string_equal(buf, "the clinician's");
	assert_int_equal(db_comment_get(fx->db, id, buf, sizeof buf, &fx->err), AL_OK);
	assert_string_equal(buf, "Slower, please");
	assert_int_equal(sql(fx, "SELECT count(*) FROM audit WHERE action = 'add' AND entity = "
	                         "'note' AND entity_id = 1 AND count IS NULL"),
	                 2);
	struct db_course c = {0};
	assert_int_equal(db_course_load(fx->db, &fx->dims, fx->k1, &c, &fx->err), AL_OK);
	assert_int_equal(c.course.n, 1); /* two notes, one session */
	assert_true(c.has_note[0] && c.has_comment[0]);
	db_course_free(&c);
	db_session_in_init(&in, fx->k1, MONDAY);
	in.comment = ""; /* removes it, leaves the note */
	assert_int_equal(save(fx, &in, NULL), AL_OK);
	assert_int_equal(sql(fx, "SELECT count(*) FROM note"), 1);
	in.comment = "again";
	assert_int_equal(save(fx, &in, NULL), AL_OK);
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_client_purge(fx->db, fx->k1, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	assert_int_equal(sql(fx, "SELECT count(*) FROM note"), 0);
}

/* ---- the ending of a course -------------------------------------------- */

static void test_ending(void **state)
{
	struct fx *fx = *state;
	struct al_client c;
	bool found;
	int32_t day = MONDAY + 30;
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_client_end(fx->db, fx->k1, AL_END_REFERRED, day, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_client_find(fx->db, "K-1", &c, &found, &fx->err), AL_OK);
	assert_true(found && c.archived);
	assert_string_equal(c.ending, "referred");
	assert_int_equal(c.end_date, day);
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_client_unarchive(fx->db, fx->k1, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_client_find(fx->db, "K-1", &c, &found, &fx->err), AL_OK);
	assert_false(c.archived);
	assert_string_equal(c.ending, "");
}

/* ---- the PIN -------------------------------------------------------------- */

static void test_pin(void **state)
{
	struct fx *fx = *state;
	bool had, match, exists;
	assert_int_equal(db_user_pin_exists(fx->db, fx->alice, &exists, &fx->err), AL_OK);
	assert_false(exists);
	assert_int_equal(db_user_pin_check(fx->db, fx->alice, "1234", &match, &fx->err), AL_OK);
	assert_false(match); /* no PIN matches nothing */
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_user_pin_set(fx->db, fx->alice, "12ab", &had, &fx->err), AL_EINPUT);
	assert_int_equal(db_user_pin_set(fx->db, fx->alice, "482916", &had, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	assert_false(had);
	assert_int_equal(sql(fx, "SELECT count(*) FROM user WHERE pin_hash GLOB '$y$*' "
	                         "AND pin_hash NOT LIKE '%482916%'"),
	                 1);
	assert_int_equal(db_user_pin_exists(fx->db, fx->alice, &exists, &fx->err), AL_OK);
	assert_true(exists);
	assert_int_equal(db_user_pin_check(fx->db, fx->alice, "482916", &match, &fx->err), AL_OK);
	assert_true(match);
	const char *wrong[] = {"482917", "48291", "4829160", "", "482916 ", "abcdef"};
	for (size_t k = 0; k < sizeof wrong / sizeof wrong[0]; k++) {
		assert_int_equal(db_user_pin_check(fx->db, fx->alice, wrong[k], &match, &fx->err),
		                 AL_OK);
		assert_false(match);
	}
	assert_int_equal(db_user_pin_check(fx->db, fx->bob, "482916", &match, &fx->err), AL_OK);
	assert_false(match); /* another user's */
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_user_pin_set(fx->db, fx->alice, "0000", &had, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	assert_true(had);
	assert_int_equal(db_user_pin_check(fx->db, fx->alice, "482916", &match, &fx->err), AL_OK);
	assert_false(match);
	assert_int_equal(sql(fx, "SELECT count(*) FROM audit WHERE action = 'change' "
	                         "AND entity = 'user' AND entity_id = 1"),
	                 2);
}

/* ---- a clinician's engagement figures -------------------------------- */

static void test_engagement_figures(void **state)
{
	struct fx *fx = *state;
	struct al_engagement e;
	assert_int_equal(rated(fx, fx->k1, 0, 90), AL_OK);
	assert_int_equal(absent(fx, fx->k1, 1, AL_NO_SHOW), AL_OK);
	assert_int_equal(absent(fx, fx->k1, 2, AL_LATE_CANCEL), AL_OK);
	assert_int_equal(absent(fx, fx->k1, 3, AL_CLINICIAN_CANCEL), AL_OK);
	assert_int_equal(absent(fx, fx->k1, 4, AL_CANCELLED), AL_OK);
	assert_int_equal(rated(fx, fx->k2, 0, 90), AL_OK);
	struct db_session_in in;
	db_session_in_init(&in, fx->k2, MONDAY + 7); /* attended, no client rating */
	in.rating[AL_RATER_CLINICIAN][0] = 90;
	in.tension = 1;
	in.misunderstood = 1;
	assert_int_equal(save(fx, &in, NULL), AL_OK);
	assert_int_equal(rated(fx, fx->b1, 0, 90), AL_OK); /* bob's */
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_client_end(fx->db, fx->k2, AL_END_DROPOUT, MONDAY + 20, &fx->err),
	                 AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_engagement_load(fx->db, fx->alice, INT32_MIN, INT32_MAX, &e, &fx->err),
	                 AL_OK);
	assert_int_equal(e.sessions, 6); /* all but the clinician's cancellation */
	assert_int_equal(e.missed, 2);
	assert_int_equal(e.attended, 3);
	assert_int_equal(e.unrated, 1);
	assert_int_equal(e.checkins, 1);
	assert_int_equal(e.tension, 1);
	assert_int_equal(e.misunderstood, 1);
	assert_int_equal(e.ended[AL_END_DROPOUT], 1);
	assert_int_equal(e.ended[AL_END_PLANNED] + e.ended[AL_END_REFERRED] + e.ended[AL_END_OTHER],
	                 0);
	assert_int_equal(engagement_missed_pct(&e), 33);
	/* a period: the second week alone */
	assert_int_equal(
	    db_engagement_load(fx->db, fx->alice, MONDAY + 7, MONDAY + 7, &e, &fx->err), AL_OK);
	assert_int_equal(e.sessions, 2);
	assert_int_equal(e.missed, 1);
	assert_int_equal(e.ended[AL_END_DROPOUT], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_migration_keeps_data, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_checkin_rules, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_comment, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_ending, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_pin, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_engagement_figures, setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
