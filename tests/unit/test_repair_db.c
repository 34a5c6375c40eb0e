/* Storage and vocabulary tests of repair records (schema/0006_repair.sql,
 * db/repair.c, core/repair_record.c): the schema's words are the core
 * vocabulary's, a record's sessions are its client's, the audit row names
 * the record by id only, notes go with a purge, and loading maps session
 * ids to course indices. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/db/internal.h"
#include "alliance/db/repair.h"
#include "alliance/db/session.h"
#include "practice_fixture.h"

static int setup(void **state)
{
	struct fx *fx = fx_begin("alliance-repair");
	fx_commit(fx);
	*state = fx;
	return 0;
}

static int exec_rc(struct fx *fx, const char *sql)
{
	return sqlite3_exec(fx->db->h, sql, NULL, NULL, NULL) & 0xff;
}

static int64_t query(struct fx *fx, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	assert_int_equal(sqlite3_prepare_v2(fx->db->h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int64_t session(struct fx *fx, int64_t client, const char *date)
{
	struct db_session_in in;
	int32_t d = 0;
	int64_t id = 0;
	assert_true(parse_date(date, &d));
	db_session_in_init(&in, client, d);
	in.rating[AL_RATER_CLIENT][0] = 90;
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_session_save(fx->db, &fx->dims, &in, &id, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	return id;
}

static enum al_status add(struct fx *fx, const struct db_repair_in *in, int64_t *id)
{
	enum al_status st = db_begin(fx->db, &fx->err);
	if (!st && !(st = db_repair_add(fx->db, in, id, &fx->err)))
		st = db_commit(fx->db, &fx->err);
	db_rollback(fx->db);
	return st;
}

/* Every word of the core vocabulary is one the schema takes, and no other. */
static void test_vocabulary_is_schema(void **state)
{
	struct fx *fx = *state;
	int64_t s1 = session(fx, fx->k1, "2026-03-02");
	char sql[512];
	assert_int_equal(exec_rc(fx, "BEGIN"), SQLITE_OK);
	for (int d = 0; d < AL_DOMAIN_COUNT; d++) {
		snprintf(
		    sql, sizeof sql,
		    "INSERT INTO repair (client_id, opened_id, session_id, domain, user_id, time) "
		    "VALUES (%lld, %lld, %lld, '%s', %lld, '2026-03-02T10:00:00Z')",
		    (long long)fx->k1, (long long)s1, (long long)s1, repair_domains[d].word,
		    (long long)fx->alice);
		assert_int_equal(exec_rc(fx, sql), SQLITE_OK);
	}
	for (int s = 0; s < AL_STRATEGY_COUNT; s++) {
		snprintf(sql, sizeof sql,
		         "INSERT INTO repair_strategy (repair_id, strategy) "
		         "SELECT max(id), '%s' FROM repair",
		         repair_strategies[s].word);
		assert_int_equal(exec_rc(fx, sql), SQLITE_OK);
		assert_string_equal(repair_strategy_words[s], repair_strategies[s].word);
		assert_true(strlen(repair_strategies[s].about) > 10);
	}
	for (int d = 0; d < AL_DOMAIN_COUNT; d++)
		assert_string_equal(repair_domain_words[d], repair_domains[d].word);
	assert_null(repair_domain_words[AL_DOMAIN_COUNT]);
	assert_null(repair_strategy_words[AL_STRATEGY_COUNT]);
	assert_int_equal(exec_rc(fx, "INSERT INTO repair_strategy (repair_id, strategy) "
	                             "SELECT max(id), 'hope' FROM repair"),
	                 SQLITE_CONSTRAINT);
	assert_int_equal(exec_rc(fx, "UPDATE repair SET domain = 'money'"), SQLITE_CONSTRAINT);
	assert_int_equal(exec_rc(fx, "ROLLBACK"), SQLITE_OK);
}

static void test_parse_words(void **state)
{
	(void)state;
	uint32_t set = 0;
	char bad[48];
	enum al_domain d;
	assert_true(repair_strategies_parse("clarify,change-goal", &set, bad, sizeof bad));
	assert_int_equal(set, 1u << AL_STRATEGY_CLARIFY | 1u << AL_STRATEGY_CHANGE_GOAL);
	assert_true(repair_strategies_parse(" validate , validate", &set, bad, sizeof bad));
	assert_int_equal(set, 1u << AL_STRATEGY_VALIDATE);
	assert_false(repair_strategies_parse("clarify,hope", &set, bad, sizeof bad));
	assert_string_equal(bad, "hope");
	assert_false(repair_strategies_parse("clarify,", &set, bad, sizeof bad));
	assert_false(repair_strategies_parse("", &set, bad, sizeof bad));
	assert_true(repair_domain_parse("life-event", &d));
	assert_int_equal(d, AL_DOMAIN_LIFE_EVENT);
	assert_false(repair_domain_parse("Bond", &d));
	char text[128];
	repair_strategies_text(1u << AL_STRATEGY_CHANGE_GOAL | 1u << AL_STRATEGY_CLARIFY, ", ",
	                       text, sizeof text);
	assert_string_equal(text, "clarify, change-goal");
	enum al_strategy order[AL_STRATEGY_COUNT];
	repair_strategies_alpha(order);
	assert_int_equal(order[0], AL_STRATEGY_CHANGE_GOAL);
	assert_int_equal(order[1], AL_STRATEGY_CHANGE_TASK);
	assert_int_equal(order[2], AL_STRATEGY_CLARIFY);
	assert_int_equal(order[AL_STRATEGY_COUNT - 1], AL_STRATEGY_VALIDATE);
}

static void test_add_load_purge(void **state)
{
	struct fx *fx = *state;
	int64_t s1 = session(fx, fx->k1, "2026-03-02");
	int64_t s2 = session(fx, fx->k1, "2026-03-09");
	int64_t s3 = session(fx, fx->k1, "2026-03-16");
	int64_t b1 = session(fx, fx->b1, "2026-03-02");
	int64_t id1, id2, id3;
	struct db_repair_in in = {.client_id = fx->k1,
	                          .opened_id = s2,
	                          .session_id = s2,
	                          .user_id = fx->alice,
	                          .domain = AL_DOMAIN_GOALS,
	                          .strategies =
	                              1u << AL_STRATEGY_CLARIFY | 1u << AL_STRATEGY_CHANGE_GOAL,
	                          .note = "MARKERWORD talked it through"};
	assert_int_equal(add(fx, &in, &id1), AL_OK);
	in.session_id = s3;
	in.note = NULL;
	in.strategies = 1u << AL_STRATEGY_VALIDATE;
	assert_int_equal(add(fx, &in, &id2), AL_OK);
	/* a session of another client: refused, nothing stored */
	in.session_id = b1;
	assert_int_not_equal(add(fx, &in, &id3), AL_OK);
	in.session_id = s1;
	in.strategies = 0;
	assert_int_equal(add(fx, &in, &id3), AL_EINPUT);
	assert_int_equal(query(fx, "SELECT count(*) FROM repair"), 2);
	assert_int_equal(query(fx, "SELECT count(*) FROM audit WHERE entity = 'repair'"), 2);
	assert_int_equal(query(fx, "SELECT max(count) FROM audit WHERE entity = 'repair'"), 2);

	struct db_repairs rs;
	assert_int_equal(db_repairs_load(fx->db, 0, &rs, &fx->err), AL_OK);
	assert_int_equal(rs.n, 2);
	assert_int_equal(rs.r[0].id, id1);
	assert_true(rs.r[0].has_note);
	assert_false(rs.r[1].has_note);
	assert_int_equal(rs.r[0].strategies,
	                 1u << AL_STRATEGY_CLARIFY | 1u << AL_STRATEGY_CHANGE_GOAL);
	assert_string_equal(rs.r[0].user, "alice");

	struct db_course course = {0};
	struct al_repair_rec recs[4];
	assert_int_equal(db_course_load(fx->db, &fx->dims, fx->k1, &course, &fx->err), AL_OK);
	assert_int_equal(db_repairs_course(&rs, fx->k1, &course.course, recs, 4), 2);
	assert_int_equal(recs[0].opened, 1);
	assert_int_equal(recs[0].session, 1);
	assert_int_equal(recs[1].session, 2);
	assert_int_equal(db_repairs_course(&rs, fx->b1, &course.course, recs, 4), 0);
	char tried[256];
	repair_tried_text(&course.course, recs, 2, 1, tried, sizeof tried);
	assert_string_equal(tried,
	                    "Tried: clarify, change-goal (session 2); validate (session 3).");
	repair_tried_text(&course.course, recs, 2, 0, tried, sizeof tried);
	assert_string_equal(tried, "");
	db_course_free(&course);
	db_repairs_free(&rs);

	char note[64];
	assert_int_equal(db_repair_note_get(fx->db, id1, note, sizeof note, &fx->err), AL_OK);
	assert_string_equal(note, "MARKERWORD talked it through");
	assert_int_equal(db_repair_note_get(fx->db, id2, note, sizeof note, &fx->err), AL_OK);
	assert_string_equal(note, "");

	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_client_purge(fx->db, fx->k1, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	assert_int_equal(query(fx, "SELECT count(*) FROM repair"), 0);
	assert_int_equal(query(fx, "SELECT count(*) FROM repair_strategy"), 0);
	assert_int_equal(query(fx, "SELECT count(*) FROM repair_note"), 0);
}

/* The rebuilt audit trail is still append-only. */
static void test_audit_still_append_only(void **state)
{
	struct fx *fx = *state;
	assert_true(query(fx, "SELECT count(*) FROM audit") > 0);
	assert_int_equal(exec_rc(fx, "DELETE FROM audit"), SQLITE_CONSTRAINT);
	assert_int_equal(exec_rc(fx, "UPDATE audit SET app_user = 'x'"), SQLITE_CONSTRAINT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_vocabulary_is_schema, setup, fx_teardown),
	    cmocka_unit_test(test_parse_words),
	    cmocka_unit_test_setup_teardown(test_add_load_purge, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_audit_still_append_only, setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
