/* Storage tests for sessions and courses (db/session.c, db/course.c) on a
 * temporary database: saving and merging, ordering and numbering, missing
 * ratings, context and note flags, the one-scan course_each, the audit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alliance/db/session.h"
#include "alliance/db/user.h"
#include "alliance/core/parse.h"
#include "practice_fixture.h"

/* The shared practice plus a fourth dimension, goals. */
static int setup(void **state)
{
	struct fx *fx = fx_begin("alliance-course");
	assert_int_equal(db_dim_add(fx->db, "goals", "Agreement on goals", &fx->err), AL_OK);
	fx_commit(fx);
	assert_int_equal(fx->dims.n, 4);
	*state = fx;
	return 0;
}

static int32_t day(const char *s)
{
	int32_t d = 0;
	assert_true(parse_date(s, &d));
	return d;
}

/* A session input for client on date with no ratings given. */
static struct db_session_in input(int64_t client, const char *date)
{
	struct db_session_in in;
	db_session_in_init(&in, client, day(date));
	return in;
}

/* Saves in its own transaction, as the CLI does; returns the status. */
static enum al_status save(struct fx *fx, const struct db_session_in *in, int64_t *id)
{
	int64_t ignored;
	enum al_status st = db_begin(fx->db, &fx->err);
	if (!st && !(st = db_session_save(fx->db, &fx->dims, in, id ? id : &ignored, &fx->err)))
		st = db_commit(fx->db, &fx->err);
	if (st)
		db_rollback(fx->db);
	return st;
}

static void save_ok(struct fx *fx, const struct db_session_in *in, int64_t *id)
{
	enum al_status st = save(fx, in, id);
	if (st)
		fail_msg("save: %s", fx->err.msg);
}

static void rated(struct fx *fx, int64_t client, const char *date, int t, int c, int e)
{
	struct db_session_in in = input(client, date);
	in.rating[AL_RATER_CLIENT][0] = (al_tenths)t;
	in.rating[AL_RATER_CLIENT][1] = (al_tenths)c;
	in.rating[AL_RATER_CLIENT][2] = (al_tenths)e;
	save_ok(fx, &in, NULL);
}

/* Runs one SQL query on a second connection and returns its integer. */
static long long sql_int(struct fx *fx, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	long long v = -1;
	assert_int_equal(sqlite3_open_v2(fx->path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

static void test_order_and_numbering(void **state)
{
	struct fx *fx = *state;
	struct db_course c = {0};
	char date[AL_DATE_LEN + 1];
	rated(fx, fx->k1, "2026-03-16", 90, 91, 92);
	rated(fx, fx->k1, "2026-03-02", 70, 71, 72);
	struct db_session_in in = input(fx->k1, "2026-03-16");
	in.new_session = true;
	in.rating[AL_RATER_CLIENT][0] = 50;
	save_ok(fx, &in, NULL);
	rated(fx, fx->k1, "2026-03-09", 80, 81, 82);
	assert_int_equal(db_course_load(fx->db, &fx->dims, fx->k1, &c, &fx->err), AL_OK);
	assert_int_equal(c.course.n, 4);
	assert_ptr_equal(c.course.dims, fx->dims.dim);
	assert_int_equal(c.course.ndims, 4);
	const char *dates[] = {"2026-03-02", "2026-03-09", "2026-03-16", "2026-03-16"};
	const int trust[] = {70, 80, 90, 50};
	for (size_t i = 0; i < 4; i++) {
		format_date(c.course.sessions[i].date, date);
		assert_string_equal(date, dates[i]);
		assert_int_equal(c.course.sessions[i].seq, (int)i + 1);
		assert_int_equal(c.course.sessions[i].rating[AL_RATER_CLIENT][0], trust[i]);
	}
	assert_int_equal(c.course.sessions[1].rating[AL_RATER_CLIENT][2], 82);
	assert_int_equal(c.course.sessions[3].rating[AL_RATER_CLIENT][1], AL_MISSING);
	assert_int_equal(db_course_load(fx->db, &fx->dims, fx->k2, &c, &fx->err), AL_OK);
	assert_int_equal(c.course.n, 0);
	db_course_free(&c);
	assert_null(c.sessions);
}

static void test_missing_context_note(void **state)
{
	struct fx *fx = *state;
	struct db_course c = {0};
	char buf[64];
	struct db_session_in in = input(fx->k1, "2026-03-02");
	in.rating[AL_RATER_CLIENT][3] = 65; /* goals only */
	in.set_rupture = true;
	in.rupture = AL_RUPTURE_WITHDRAWAL;
	in.context = "bereavement";
	in.note = "Spoke about the loss.";
	int64_t id1, id2;
	save_ok(fx, &in, &id1);
	in = input(fx->k1, "2026-03-09");
	save_ok(fx, &in, &id2);
	assert_int_equal(db_course_load(fx->db, &fx->dims, fx->k1, &c, &fx->err), AL_OK);
	assert_int_equal(c.course.n, 2);
	const struct al_session *s = &c.course.sessions[0];
	assert_int_equal(s->id, id1);
	for (int d = 0; d < 3; d++)
		assert_int_equal(s->rating[AL_RATER_CLIENT][d], AL_MISSING);
	assert_int_equal(s->rating[AL_RATER_CLIENT][3], 65);
	for (int d = 0; d < AL_DIM_MAX; d++)
		assert_int_equal(s->rating[AL_RATER_CLINICIAN][d], AL_MISSING);
	assert_int_equal(s->rupture, AL_RUPTURE_WITHDRAWAL);
	assert_true(s->has_context);
	assert_string_equal(c.context[0], "bereavement");
	assert_true(c.has_note[0]);
	s = &c.course.sessions[1]; /* unrated: every rating missing, never 0 */
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (int d = 0; d < AL_DIM_MAX; d++)
			assert_int_equal(s->rating[r][d], AL_MISSING);
	assert_false(s->has_context);
	assert_string_equal(c.context[1], "");
	assert_false(c.has_note[1]);
	assert_int_equal(s->rupture, AL_RUPTURE_NONE);
	assert_int_equal(db_note_get(fx->db, id1, buf, sizeof buf, &fx->err), AL_OK);
	assert_string_equal(buf, "Spoke about the loss.");
	assert_int_equal(db_note_get(fx->db, id2, buf, sizeof buf, &fx->err), AL_OK);
	assert_string_equal(buf, "");
	db_course_free(&c);
}

static void test_merge_and_replace(void **state)
{
	struct fx *fx = *state;
	struct db_course c = {0};
	int64_t id1, id2;
	struct db_session_in in = input(fx->k1, "2026-03-02");
	in.rating[AL_RATER_CLIENT][0] = 90;
	save_ok(fx, &in, &id1);
	in = input(fx->k1, "2026-03-02");
	in.rating[AL_RATER_CLINICIAN][0] = 60;
	save_ok(fx, &in, &id2);
	assert_int_equal(id1, id2);
	in = input(fx->k1, "2026-03-02");
	in.rating[AL_RATER_CLIENT][0] = 95;
	in.rating[AL_RATER_CLIENT][1] = 80;
	assert_int_equal(save(fx, &in, NULL), AL_EINPUT);
	assert_string_equal(fx->err.msg, "session add: K-1 2026-03-02 already has a client trust "
	                                 "rating (use --replace)");
	assert_int_equal(db_course_load(fx->db, &fx->dims, fx->k1, &c, &fx->err), AL_OK);
	assert_int_equal(c.course.sessions[0].rating[AL_RATER_CLIENT][1], AL_MISSING);
	in.replace = true;
	save_ok(fx, &in, NULL);
	assert_int_equal(db_course_load(fx->db, &fx->dims, fx->k1, &c, &fx->err), AL_OK);
	assert_int_equal(c.course.n, 1);
	assert_int_equal(c.course.sessions[0].rating[AL_RATER_CLIENT][0], 95);
	assert_int_equal(c.course.sessions[0].rating[AL_RATER_CLIENT][1], 80);
	assert_int_equal(c.course.sessions[0].rating[AL_RATER_CLINICIAN][0], 60);
	db_course_free(&c);
}

static void test_marker_conflicts(void **state)
{
	struct fx *fx = *state;
	struct db_course c = {0};
	struct db_session_in in = input(fx->k1, "2026-03-02");
	in.set_rupture = true;
	in.rupture = AL_RUPTURE_WITHDRAWAL;
	save_ok(fx, &in, NULL);
	in.rupture = AL_RUPTURE_CONFRONTATION;
	assert_int_equal(save(fx, &in, NULL), AL_EINPUT);
	assert_string_equal(fx->err.msg, "session add: K-1 2026-03-02 already has the rupture "
	                                 "marker withdrawal (use --replace)");
	in.rupture = AL_RUPTURE_WITHDRAWAL; /* the same again is fine */
	in.context = "illness";
	save_ok(fx, &in, NULL);
	in.rupture = AL_RUPTURE_NONE;
	in.context = "holiday";
	assert_int_equal(save(fx, &in, NULL), AL_EINPUT);
	assert_string_equal(fx->err.msg, "session add: K-1 2026-03-02 already has a different "
	                                 "context (use --replace)");
	in.replace = true;
	save_ok(fx, &in, NULL);
	assert_int_equal(db_course_load(fx->db, &fx->dims, fx->k1, &c, &fx->err), AL_OK);
	assert_int_equal(c.course.n, 1);
	assert_int_equal(c.course.sessions[0].rupture, AL_RUPTURE_WITHDRAWAL);
	assert_string_equal(c.context[0], "holiday");
	db_course_free(&c);
}

static void test_edit(void **state)
{
	struct fx *fx = *state;
	struct db_course c = {0};
	char buf[8];
	int64_t id;
	rated(fx, fx->k1, "2026-03-09", 80, 80, 80);
	struct db_session_in in = input(fx->k1, "2026-03-02");
	in.rating[AL_RATER_CLIENT][0] = 70;
	in.rating[AL_RATER_CLINICIAN][0] = 60;
	in.note = "First.";
	in.set_rupture = true;
	in.context = "illness";
	save_ok(fx, &in, &id);
	/* the form moves it after the other session and drops two values */
	in = input(fx->k1, "2026-03-09");
	in.session_id = id;
	in.rating[AL_RATER_CLIENT][1] = 75;
	in.set_rupture = true;
	in.note = "";
	int64_t got;
	save_ok(fx, &in, &got);
	assert_int_equal(got, id);
	assert_int_equal(db_course_load(fx->db, &fx->dims, fx->k1, &c, &fx->err), AL_OK);
	assert_int_equal(c.course.n, 2);
	const struct al_session *s = &c.course.sessions[1];
	assert_int_equal(s->id, id);
	assert_int_equal(s->date, day("2026-03-09"));
	assert_int_equal(s->seq, 2);
	assert_int_equal(s->rating[AL_RATER_CLIENT][0], AL_MISSING);
	assert_int_equal(s->rating[AL_RATER_CLIENT][1], 75);
	assert_int_equal(s->rating[AL_RATER_CLINICIAN][0], AL_MISSING);
	assert_false(s->has_context);
	assert_false(c.has_note[1]);
	assert_int_equal(db_note_get(fx->db, id, buf, sizeof buf, &fx->err), AL_OK);
	assert_string_equal(buf, "");
	in.client_id = fx->k2; /* another client's session cannot be edited */
	assert_int_equal(save(fx, &in, NULL), AL_EINPUT);
	db_course_free(&c);
}

static void test_note_audit(void **state)
{
	struct fx *fx = *state;
	char buf[8];
	int64_t id;
	long long before = sql_int(fx, "SELECT max(id) FROM audit");
	struct db_session_in in = input(fx->k1, "2026-03-02");
	in.rating[AL_RATER_CLIENT][0] = 90;
	in.note = "Secret words";
	save_ok(fx, &in, &id);
	in = input(fx->k1, "2026-03-02");
	in.note = "Secret words"; /* the same text: nothing to audit */
	save_ok(fx, &in, NULL);
	in.note = "Other éé"; /* another note needs replace */
	assert_int_equal(save(fx, &in, NULL), AL_EINPUT);
	in.replace = true;
	save_ok(fx, &in, NULL);
	char sql[160];
	snprintf(sql, sizeof sql,
	         "SELECT group_concat(action || ' ' || entity || ' ' || "
	         "coalesce(count, '-'), ', ') FROM audit WHERE id > %lld AND entity_id = %lld",
	         before, (long long)id);
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open_v2(fx->path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
	                    "add session 1, add note -, change note -");
	sqlite3_finalize(st);
	sqlite3_close(h);
	assert_int_equal(sql_int(fx, "SELECT count(*) FROM audit WHERE "
	                             "os_user || app_user || action || entity LIKE '%words%'"),
	                 0);
	/* an 8-byte buffer cuts "Other éé" before a character, never inside */
	assert_int_equal(db_note_get(fx->db, id, buf, sizeof buf, &fx->err), AL_OK);
	assert_string_equal(buf, "Other ");
	char big[AL_NOTE_MAX + 2];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	in.note = big;
	assert_int_equal(save(fx, &in, NULL), AL_EINPUT);
}

struct seen {
	char codes[8][AL_KEY_MAX + 1];
	int n, sessions[8], trust_last[8];
	int32_t last_date[8];
	int stop_after;
};

static enum al_status collect(void *ctx, const struct al_client *cl, const struct db_course *c,
                              struct al_error *err)
{
	struct seen *s = ctx;
	if (s->n == s->stop_after)
		return al_fail(err, AL_EINPUT, "stop");
	snprintf(s->codes[s->n], sizeof s->codes[s->n], "%s", cl->code);
	assert_int_equal(cl->nsessions, (int)c->course.n);
	s->sessions[s->n] = (int)c->course.n;
	s->last_date[s->n] = cl->last_date;
	s->trust_last[s->n] =
	    c->course.n ? c->course.sessions[c->course.n - 1].rating[AL_RATER_CLIENT][0] : -2;
	for (size_t i = 0; i < c->course.n; i++)
		assert_int_equal(c->course.sessions[i].seq, (int)i + 1);
	s->n++;
	return AL_OK;
}

static void test_course_each(void **state)
{
	struct fx *fx = *state;
	rated(fx, fx->k1, "2026-03-09", 81, 80, 80);
	rated(fx, fx->k1, "2026-03-02", 71, 70, 70);
	rated(fx, fx->b1, "2026-03-03", 55, 50, 50);
	struct db_session_in in = input(fx->b1, "2026-03-10");
	save_ok(fx, &in, NULL);
	struct seen s = {.stop_after = -1};
	assert_int_equal(db_course_each(fx->db, &fx->dims, NULL, collect, &s, &fx->err), AL_OK);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.codes[0], "B-1");
	assert_string_equal(s.codes[1], "K-1");
	assert_string_equal(s.codes[2], "K-2");
	assert_int_equal(s.sessions[0], 2);
	assert_int_equal(s.trust_last[0], AL_MISSING);
	assert_int_equal(s.last_date[0], day("2026-03-10"));
	assert_int_equal(s.sessions[1], 2);
	assert_int_equal(s.trust_last[1], 81);
	assert_int_equal(s.sessions[2], 0);
	assert_int_equal(s.last_date[2], INT32_MIN);

	struct db_client_filter f = {.clinician_id = fx->alice};
	s = (struct seen){.stop_after = -1};
	assert_int_equal(db_course_each(fx->db, &fx->dims, &f, collect, &s, &fx->err), AL_OK);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.codes[0], "K-1");

	f = (struct db_client_filter){.supervisor_id = fx->sam};
	s = (struct seen){.stop_after = -1};
	assert_int_equal(db_course_each(fx->db, &fx->dims, &f, collect, &s, &fx->err), AL_OK);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.codes[0], "B-1");

	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_client_archive(fx->db, fx->k2, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	s = (struct seen){.stop_after = -1};
	assert_int_equal(db_course_each(fx->db, &fx->dims, NULL, collect, &s, &fx->err), AL_OK);
	assert_int_equal(s.n, 2);
	f = (struct db_client_filter){.with_archived = true};
	s = (struct seen){.stop_after = -1};
	assert_int_equal(db_course_each(fx->db, &fx->dims, &f, collect, &s, &fx->err), AL_OK);
	assert_int_equal(s.n, 3);

	/* an error from the callback stops the scan and comes back */
	s = (struct seen){.stop_after = 1};
	assert_int_equal(db_course_each(fx->db, &fx->dims, NULL, collect, &s, &fx->err), AL_EINPUT);
	assert_string_equal(fx->err.msg, "stop");
	assert_int_equal(s.n, 1);
}

/* Many sessions per client make the buffers grow past their first size. */
static void test_course_each_grows(void **state)
{
	struct fx *fx = *state;
	for (int i = 0; i < 150; i++) {
		char date[AL_DATE_LEN + 1];
		format_date(day("2020-01-01") + i * 7, date);
		rated(fx, fx->k2, date, i % 101, 50, 50);
	}
	struct seen s = {.stop_after = -1};
	assert_int_equal(db_course_each(fx->db, &fx->dims, NULL, collect, &s, &fx->err), AL_OK);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.codes[2], "K-2");
	assert_int_equal(s.sessions[2], 150);
	assert_int_equal(s.trust_last[2], 149 % 101);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_order_and_numbering, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_missing_context_note, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_merge_and_replace, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_marker_conflicts, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_edit, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_note_audit, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_course_each, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_course_each_grows, setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
