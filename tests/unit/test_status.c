/* Storage tests for the client summaries (db/status.c): they follow every
 * write in its transaction, a settings change recomputes them all, a
 * rollback leaves them alone, a purge removes them, a migration fills
 * them, and what is read back equals what detection computes live. */
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
#include "alliance/db/io.h"
#include "alliance/db/meta.h"
#include "alliance/db/session.h"
#include "alliance/core/analysis.h"
#include "alliance/db/status.h"
#include "alliance/db/user.h"
#include "alliance/core/parse.h"
#include "old_schema.h"
#include "practice_fixture.h"

#define MONDAY 20458 /* 5 January 2026 */

static int setup(void **state)
{
	struct fx *fx = fx_begin("alliance-status");
	fx_commit(fx);
	*state = fx;
	return 0;
}

/* Runs SQL on a second connection (as another program would); returns the
 * first column of the first row, or -1. */
static long long sql(struct fx *fx, const char *text)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	long long v = -1;
	assert_int_equal(sqlite3_open(fx->path, &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	assert_int_equal(sqlite3_prepare_v2(h, text, -1, &st, NULL), SQLITE_OK);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else
		assert_int_equal(rc, SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

/* Weekly client ratings t, c, e (tenths) for client, in the caller's transaction. */
static void rate(struct fx *fx, int64_t client, int week, int t, int c, int e)
{
	struct db_session_in in;
	int64_t id;
	db_session_in_init(&in, client, MONDAY + 7 * week);
	in.rating[AL_RATER_CLIENT][0] = (al_tenths)t;
	in.rating[AL_RATER_CLIENT][1] = (al_tenths)c;
	in.rating[AL_RATER_CLIENT][2] = (al_tenths)e;
	assert_int_equal(db_session_save(fx->db, &fx->dims, &in, &id, &fx->err), AL_OK);
}

/* n calm weeks (9.0, 8.8, 9.2) from week 0, then trust 6.0 when drop. */
static void course(struct fx *fx, int64_t client, int n, bool drop)
{
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	for (int w = 0; w < n; w++)
		rate(fx, client, w, 90, 88, 92);
	if (drop)
		rate(fx, client, n, 60, 88, 92);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
}

/* The rows db_status_each gives, by code order. */
struct listing {
	struct db_status_row rows[8];
	int n;
};

static enum al_status collect(void *ctx, const struct db_status_row *row, struct al_error *err)
{
	struct listing *l = ctx;
	(void)err;
	assert_true(l->n < 8);
	l->rows[l->n++] = *row;
	return AL_OK;
}

static void list(struct fx *fx, const struct db_client_filter *f, struct listing *l)
{
	l->n = 0;
	assert_int_equal(db_status_each(fx->db, f, collect, l, &fx->err), AL_OK);
}

/* What detection says of client's course right now. */
static void live(struct fx *fx, int64_t client, struct al_summary *out)
{
	struct db_course c = {0};
	struct al_settings s;
	struct al_analysis a = {0};
	assert_int_equal(db_settings_load(fx->db, &s, &fx->err), AL_OK);
	assert_int_equal(db_course_load(fx->db, &fx->dims, client, &c, &fx->err), AL_OK);
	assert_true(analysis_run(&a, &c.course, &s, false));
	summary_compute(&c.course, &s, a.flags, a.nflags, a.eps, a.neps, NULL, out);
	analysis_free(&a);
	db_course_free(&c);
}

static void assert_same(const struct al_summary *a, const struct al_summary *b)
{
	assert_int_equal(a->sessions, b->sessions);
	assert_int_equal(a->last_date, b->last_date);
	for (int k = 0; k < AL_CORE_DIMS; k++)
		assert_int_equal(a->last[k], b->last[k]);
	assert_int_equal(a->ntrend, b->ntrend);
	for (int i = 0; i < a->ntrend; i++) {
		assert_int_equal(a->trend[i].date, b->trend[i].date);
		for (int k = 0; k <= AL_CORE_DIMS; k++)
			assert_int_equal(a->trend[i].value[k], b->trend[i].value[k]);
	}
	assert_int_equal(a->standing.state, b->standing.state);
	assert_int_equal(a->standing.risk, b->standing.risk);
	assert_int_equal(a->standing.key_date, b->standing.key_date);
	assert_int_equal(a->standing.current, b->standing.current);
	assert_int_equal(a->episodes, b->episodes);
	assert_int_equal(a->red_open, b->red_open);
	assert_int_equal(a->red_unrepaired, b->red_unrepaired);
	assert_int_equal(a->nclosed, b->nclosed);
	for (int k = 0; k < a->nclosed; k++) {
		assert_int_equal(a->closed[k].date, b->closed[k].date);
		assert_int_equal(a->closed[k].repaired, b->closed[k].repaired);
	}
	assert_int_equal(a->last_attended, b->last_attended);
	assert_string_equal(a->flag, b->flag);
}

static void test_new_clients_have_rows(void **state)
{
	struct fx *fx = *state;
	struct listing l;
	assert_int_equal(sql(fx, "SELECT count(*) FROM client_status"), 3);
	list(fx, NULL, &l);
	assert_int_equal(l.n, 3);
	const char *codes[] = {"B-1", "K-1", "K-2"};
	for (int i = 0; i < 3; i++) {
		assert_string_equal(l.rows[i].client.code, codes[i]);
		assert_int_equal(l.rows[i].summary.sessions, 0);
		assert_int_equal(l.rows[i].client.last_date, INT32_MIN);
		assert_int_equal(l.rows[i].summary.standing.state, AL_STATE_OK);
	}
	assert_string_equal(l.rows[0].client.clinician, "bob");
}

static void test_sessions_refresh_in_their_transaction(void **state)
{
	struct fx *fx = *state;
	struct listing l;
	struct al_summary want;
	course(fx, fx->k1, 14, true);
	list(fx, NULL, &l);
	live(fx, fx->k1, &want);
	assert_int_equal(want.sessions, 15);
	assert_int_equal(want.standing.state, AL_STATE_RUPTURE);
	assert_string_equal(l.rows[1].client.code, "K-1");
	assert_same(&l.rows[1].summary, &want);
	assert_int_equal(l.rows[1].client.nsessions, 15);
	assert_int_equal(l.rows[1].client.last_date, MONDAY + 7 * 14);
	/* stored, not computed on the way */
	assert_int_equal(sql(fx, "SELECT sessions FROM client_status c JOIN client k "
	                         "ON k.id = c.client_id WHERE k.code = 'K-1'"),
	                 15);
	assert_int_equal(sql(fx, "SELECT state FROM client_status c JOIN client k "
	                         "ON k.id = c.client_id WHERE k.code = 'K-1'"),
	                 AL_STATE_RUPTURE);
}

static void test_rollback_leaves_them(void **state)
{
	struct fx *fx = *state;
	struct listing l;
	course(fx, fx->k1, 5, false);
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	rate(fx, fx->k1, 5, 10, 10, 10);
	db_rollback(fx->db);
	/* a later commit stores nothing of the abandoned write */
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	list(fx, NULL, &l);
	assert_int_equal(l.rows[1].summary.sessions, 5);
	assert_int_equal(l.rows[1].summary.standing.state, AL_STATE_OK);
}

static void test_settings_recompute_everyone(void **state)
{
	struct fx *fx = *state;
	struct listing l;
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	for (int w = 0; w < 6; w++) {
		rate(fx, fx->k1, w, 75, 75, 75);
		rate(fx, fx->b1, w, 72, 74, 76);
	}
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	list(fx, NULL, &l);
	assert_int_equal(l.rows[0].summary.standing.state, AL_STATE_WATCH); /* low */
	assert_int_equal(l.rows[1].summary.standing.state, AL_STATE_WATCH);
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_setting_set(fx->db, "cutoff", 7.0, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	list(fx, NULL, &l);
	assert_int_equal(l.rows[0].summary.standing.state, AL_STATE_OK);
	assert_int_equal(l.rows[1].summary.standing.state, AL_STATE_OK);
	struct al_summary want;
	live(fx, fx->b1, &want);
	assert_same(&l.rows[0].summary, &want);
}

static void test_purge_removes(void **state)
{
	struct fx *fx = *state;
	course(fx, fx->k1, 4, true);
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_client_purge(fx->db, fx->k1, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	assert_int_equal(sql(fx, "SELECT count(*) FROM client_status"), 2);
	assert_int_equal(sql(fx, "SELECT count(*) FROM client_status WHERE client_id NOT IN "
	                         "(SELECT id FROM client)"),
	                 0);
}

/* A write that touches a client and then purges it in one transaction. */
static void test_touched_then_purged(void **state)
{
	struct fx *fx = *state;
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	rate(fx, fx->k2, 0, 90, 90, 90);
	assert_int_equal(db_client_purge(fx->db, fx->k2, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	assert_int_equal(sql(fx, "SELECT count(*) FROM client_status"), 2);
}

static void test_filters(void **state)
{
	struct fx *fx = *state;
	struct listing l;
	struct db_client_filter sup = {.supervisor_id = fx->sam};
	struct db_client_filter alice = {.clinician_id = fx->alice};
	list(fx, &sup, &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.rows[0].client.code, "B-1");
	list(fx, &alice, &l);
	assert_int_equal(l.n, 2);
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_client_archive(fx->db, fx->k2, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	list(fx, &alice, &l);
	assert_int_equal(l.n, 1);
	alice.with_archived = true;
	list(fx, &alice, &l);
	assert_int_equal(l.n, 2);
	assert_true(l.rows[1].client.archived);
}

/* A row another program removed is computed on the way, read-only too. */
static void test_missing_row_computed(void **state)
{
	struct fx *fx = *state;
	struct listing l;
	struct al_summary want;
	course(fx, fx->k1, 8, true);
	live(fx, fx->k1, &want);
	sql(fx, "DELETE FROM client_status");
	db_close(fx->db);
	fx_open(fx, true);
	list(fx, NULL, &l);
	assert_int_equal(l.n, 3);
	assert_same(&l.rows[1].summary, &want);
	assert_int_equal(l.rows[1].client.nsessions, 9);
	assert_int_equal(sql(fx, "SELECT count(*) FROM client_status"), 0);
}

/* A database from before schema 2 gets its summaries when migrated. */
static void test_migration_fills(void **state)
{
	struct fx *fx = *state;
	struct listing l;
	struct al_summary want;
	course(fx, fx->k1, 8, true);
	course(fx, fx->b1, 3, false);
	db_close(fx->db);
	old_schema_v1(fx->path);
	assert_int_equal(sql(fx, "SELECT count(*) FROM sqlite_schema WHERE name = 'client_status'"),
	                 0);
	fx_open(fx, false);
	assert_int_equal(sql(fx, "PRAGMA user_version"), db_schema_version());
	assert_int_equal(sql(fx, "SELECT count(*) FROM client_status"), 3);
	assert_int_equal(sql(fx, "SELECT count(*) FROM audit WHERE action = 'change' "
	                         "AND entity = 'database' AND count = 2"),
	                 1);
	list(fx, NULL, &l);
	live(fx, fx->k1, &want);
	assert_same(&l.rows[1].summary, &want);
	live(fx, fx->b1, &want);
	assert_same(&l.rows[0].summary, &want);
	assert_int_equal(l.rows[0].summary.sessions, 3);
}

/* Many writes to a few clients in one transaction: each summary once, right. */
static void test_bulk(void **state)
{
	struct fx *fx = *state;
	struct listing l;
	struct al_summary want;
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	for (int w = 0; w < 150; w++) {
		rate(fx, fx->k1, w, 90 - w % 7, 88, 92);
		rate(fx, fx->k2, w, 80 + w % 5, 70 + w % 9, 85);
		rate(fx, fx->k1, w + 200, 85, 86 - w % 3, 87);
	}
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	list(fx, NULL, &l);
	live(fx, fx->k1, &want);
	assert_int_equal(want.sessions, 300);
	assert_same(&l.rows[1].summary, &want);
	live(fx, fx->k2, &want);
	assert_same(&l.rows[2].summary, &want);
}

static void refuse(void *ctx, long line, const char *why)
{
	(void)ctx;
	fail_msg("import refused line %ld: %s", line, why);
}

/* An import: N-1 new and its rows together (summarised as they pass), N-2
 * new with its rows apart, K-1 existing (merged): all as detection says. */
static void test_import(void **state)
{
	struct fx *fx = *state;
	struct db_import *im;
	struct listing l;
	struct al_summary want;
	char date[AL_DATE_LEN + 1], value[16];
	const char *row[IMPORT_COLUMNS] = {NULL, "alice", date, NULL, "client",
	                                   NULL, value,   "",   ""};
	const char *const keys[] = {"trust", "collaboration", "empathy"};
	const char *const codes[] = {"N-1", "N-2", "K-1", "N-2"};
	const int first[] = {0, 0, 0, 8}, last[] = {14, 8, 6, 10};
	int number[] = {0, 0, 0, 8};
	long line = 2;
	course(fx, fx->k1, 3, false);
	assert_int_equal(db_import_begin(fx->db, INT32_MAX - 1, refuse, NULL, &im, &fx->err),
	                 AL_OK);
	for (int c = 0; c < 4; c++)
		for (int w = first[c]; w < last[c]; w++) {
			char n[8];
			format_date(MONDAY + 7 * (w + (c == 2 ? 3 : 0)), date);
			snprintf(n, sizeof n, "%d", ++number[c]);
			row[0] = codes[c];
			row[3] = n;
			row[7] = w == 12 ? "withdrawal" : "";
			for (int d = 0; d < 3; d++) {
				snprintf(value, sizeof value, "%d.%d", 9 - (w == 11) * 3, d);
				row[5] = keys[d];
				assert_int_equal(db_import_row(im, line++, row, &fx->err), AL_OK);
			}
		}
	struct db_import_stats stats;
	assert_int_equal(db_import_end(im, false, &stats, &fx->err), AL_OK);
	assert_int_equal(stats.clients, 2);
	list(fx, NULL, &l);
	assert_int_equal(l.n, 5);
	const int at[] = {1, 3, 4}, sessions[] = {9, 14, 10}; /* K-1, N-1, N-2 */
	for (int i = 0; i < 3; i++) {
		live(fx, l.rows[at[i]].client.id, &want);
		assert_int_equal(want.sessions, sessions[i]);
		assert_same(&l.rows[at[i]].summary, &want);
	}
	/* not a trivial course: a drop and a marker, both repaired */
	assert_true(l.rows[3].summary.nclosed >= 2);
	assert_true(l.rows[3].summary.closed[0].repaired && l.rows[3].summary.closed[1].repaired);
	assert_int_equal(l.rows[3].summary.standing.state, AL_STATE_WATCH);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_new_clients_have_rows, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_sessions_refresh_in_their_transaction, setup,
	                                    fx_teardown),
	    cmocka_unit_test_setup_teardown(test_rollback_leaves_them, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_settings_recompute_everyone, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_purge_removes, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_touched_then_purged, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_filters, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_missing_row_computed, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_migration_fills, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_bulk, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_import, setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
