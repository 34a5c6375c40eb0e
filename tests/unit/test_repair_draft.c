/* The repair form's draft (schema/0009_repair_draft.sql, db/draft.c,
 * core/repair_draft.c): the body comes back as typed, the row is the
 * app user's alone, apart from the session entry's draft, never audited,
 * and gone with a purge. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/db/internal.h"
#include "alliance/db/draft.h"
#include "alliance/db/session.h"
#include "alliance/core/repair_draft.h"
#include "practice_fixture.h"

#define BODY_CAP (AL_DRAFT_MAX * 4 + 1)

static int setup(void **state)
{
	struct fx *fx = fx_begin("alliance-repair-draft");
	fx_commit(fx);
	*state = fx;
	return 0;
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

/* Everything chosen and typed comes back, the note verbatim even when it
 * holds lines that look like the body's own. */
static void test_body_round_trip(void **state)
{
	(void)state;
	const char *note = "first line\nnote=not the start\ndomain=other\n\nlast";
	struct repair_draft in = {.domain = AL_DOMAIN_CULTURE,
	                          .strategies =
	                              1u << AL_STRATEGY_CLARIFY | 1u << AL_STRATEGY_SUPERVISION,
	                          .session = "1x\\n"};
	struct repair_draft out;
	char body[512];
	size_t n = repair_draft_encode(&in, note, body, sizeof body);
	assert_int_equal(n, strlen(body));
	assert_string_equal(body, "domain=culture\nstrategies=clarify,supervision\n"
	                          "session=1x\\\\n\nnote=\n"
	                          "first line\nnote=not the start\ndomain=other\n\nlast");
	assert_string_equal(repair_draft_decode(body, &out), note);
	assert_int_equal(out.domain, AL_DOMAIN_CULTURE);
	assert_int_equal(out.strategies, in.strategies);
	assert_string_equal(out.session, "1x\\n");
	/* nothing ticked, no note */
	struct repair_draft empty = {0};
	repair_draft_encode(&empty, "", body, sizeof body);
	assert_string_equal(repair_draft_decode(body, &out), "");
	assert_int_equal(out.domain, AL_DOMAIN_BOND);
	assert_int_equal(out.strategies, 0);
	assert_string_equal(out.session, "");
	/* too small a buffer: cut, and the length it needs */
	assert_true(repair_draft_encode(&in, note, body, 10) > 10);
	assert_int_equal(strlen(body), 9);
}

/* Words no longer known are left out; lines without '=' skipped. */
static void test_body_unknown_words(void **state)
{
	(void)state;
	struct repair_draft out;
	const char *note = repair_draft_decode(
	    "domain=money\nstrategies=hope,,validate,clarify\nstray\nsession=4\nnote=\nok", &out);
	assert_string_equal(note, "ok");
	assert_int_equal(out.domain, AL_DOMAIN_BOND);
	assert_int_equal(out.strategies, 1u << AL_STRATEGY_VALIDATE | 1u << AL_STRATEGY_CLARIFY);
	assert_string_equal(out.session, "4");
	assert_string_equal(repair_draft_decode("", &out), "");
}

/* Save, replace, load and delete, apart from the entry's draft and never
 * in the audit trail; another user is offered nothing. */
static void test_save_load_delete(void **state)
{
	struct fx *fx = *state;
	int64_t opened = session(fx, fx->k1, "2026-03-02");
	int64_t audit = query(fx, "SELECT count(*) FROM audit");
	struct db_draft d;
	bool found = true;
	char *buf = malloc(BODY_CAP);
	assert_non_null(buf);
	assert_int_equal(db_repair_draft_load(fx->db, fx->k1, &d, buf, BODY_CAP, &found, &fx->err),
	                 AL_OK);
	assert_false(found);
	assert_int_equal(db_draft_save(fx->db, fx->k1, 0, "entry", &fx->err), AL_OK);
	assert_int_equal(db_repair_draft_save(fx->db, fx->k1, opened, "one", &fx->err), AL_OK);
	assert_int_equal(db_repair_draft_save(fx->db, fx->k1, opened, "two", &fx->err), AL_OK);
	assert_int_equal(db_repair_draft_load(fx->db, fx->k1, &d, buf, BODY_CAP, &found, &fx->err),
	                 AL_OK);
	assert_true(found);
	assert_string_equal(buf, "two");
	assert_int_equal(d.session_id, opened);
	assert_int_equal(strlen(d.updated), 20);
	assert_int_equal(query(fx, "SELECT count(*) FROM repair_draft"), 1);
	assert_int_equal(query(fx, "SELECT count(*) FROM audit"), audit);

	db_set_app_user(fx->db, "bob");
	assert_int_equal(db_repair_draft_load(fx->db, fx->k1, &d, buf, BODY_CAP, &found, &fx->err),
	                 AL_OK);
	assert_false(found);
	db_set_app_user(fx->db, "alice");

	assert_int_equal(db_repair_draft_delete(fx->db, fx->k1, &fx->err), AL_OK);
	assert_int_equal(db_repair_draft_load(fx->db, fx->k1, &d, buf, BODY_CAP, &found, &fx->err),
	                 AL_OK);
	assert_false(found);
	assert_int_equal(db_draft_load(fx->db, fx->k1, &d, buf, BODY_CAP, &found, &fx->err), AL_OK);
	assert_true(found);
	assert_string_equal(buf, "entry");
	free(buf);
}

/* The schema's length CHECK refuses a body over AL_DRAFT_MAX characters. */
static void test_body_length_checked(void **state)
{
	struct fx *fx = *state;
	int64_t opened = session(fx, fx->k1, "2026-03-02");
	char *big = malloc(AL_DRAFT_MAX + 2);
	assert_non_null(big);
	memset(big, 'x', AL_DRAFT_MAX);
	big[AL_DRAFT_MAX] = '\0';
	assert_int_equal(db_repair_draft_save(fx->db, fx->k1, opened, big, &fx->err), AL_OK);
	big[AL_DRAFT_MAX] = 'x';
	big[AL_DRAFT_MAX + 1] = '\0';
	assert_int_not_equal(db_repair_draft_save(fx->db, fx->k1, opened, big, &fx->err), AL_OK);
	free(big);
}

/* A purge takes the draft with the client; other clients' stay. */
static void test_purge_removes(void **state)
{
	struct fx *fx = *state;
	int64_t s1 = session(fx, fx->k1, "2026-03-02"), s2 = session(fx, fx->k2, "2026-03-02");
	assert_int_equal(db_repair_draft_save(fx->db, fx->k1, s1, "secret", &fx->err), AL_OK);
	assert_int_equal(db_repair_draft_save(fx->db, fx->k2, s2, "kept", &fx->err), AL_OK);
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_client_purge(fx->db, fx->k1, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	assert_int_equal(query(fx, "SELECT count(*) FROM repair_draft"), 1);
	assert_int_equal(query(fx, "SELECT client_id FROM repair_draft"), fx->k2);
	assert_int_equal(query(fx, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_body_round_trip),
	    cmocka_unit_test(test_body_unknown_words),
	    cmocka_unit_test_setup_teardown(test_save_load_delete, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_body_length_checked, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_purge_removes, setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
