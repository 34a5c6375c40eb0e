/* The hot queries follow the indexes (SPEC §6 speed): after running every
 * path that touches all ratings or all clients (flags and caseload's
 * course scan, the summaries, export, import, a settings change), each
 * statement the connection prepared is checked with EXPLAIN QUERY PLAN:
 * no temporary B-tree for ORDER BY or DISTINCT, and no full scan except of
 * the small tables (users, dimensions, settings) or along an index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/db/internal.h"
#include "alliance/db/client.h"
#include "alliance/db/discuss.h"
#include "alliance/db/io.h"
#include "alliance/db/meta.h"
#include "alliance/db/risk.h"
#include "alliance/db/session.h"
#include "alliance/db/status.h"
#include "alliance/db/user.h"
#include "alliance/core/parse.h"

#define MONDAY 20458 /* 5 January 2026 */

static struct db *db;
static struct al_error err;
static char dir[64], path[96];

static int64_t client(const char *code, int64_t clinician)
{
	struct al_client c = {.clinician_id = clinician};
	snprintf(c.code, sizeof c.code, "%s", code);
	assert_int_equal(db_client_add(db, &c, &err), AL_OK);
	return c.id;
}

/* alice and bob (supervised by sam), two clients each with a few sessions. */
static void fill(void)
{
	struct db_dims dims;
	int64_t alice, sam, bob, ids[4];
	assert_int_equal(db_begin(db, &err), AL_OK);
	assert_int_equal(db_user_add(db, "alice", false, 0, &alice, &err), AL_OK);
	assert_int_equal(db_user_add(db, "sam", true, 0, &sam, &err), AL_OK);
	assert_int_equal(db_user_add(db, "bob", false, sam, &bob, &err), AL_OK);
	ids[0] = client("K-1", alice);
	ids[1] = client("K-2", alice);
	ids[2] = client("B-1", bob);
	ids[3] = client("B-2", bob);
	assert_int_equal(db_dims_load(db, &dims, &err), AL_OK);
	for (int k = 0; k < 4; k++)
		for (int w = 0; w < 6; w++) {
			struct db_session_in in;
			int64_t id;
			db_session_in_init(&in, ids[k], MONDAY + 7 * w);
			for (int d = 0; d < 3; d++)
				in.rating[AL_RATER_CLIENT][d] = (al_tenths)(90 - w - d);
			in.note = w == 2 ? "a note" : NULL;
			assert_int_equal(db_session_save(db, &dims, &in, &id, &err), AL_OK);
		}
	assert_int_equal(db_commit(db, &err), AL_OK);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/alliance-plan.XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a.db", dir);
	struct db_open_opts o = {
	    .path = path, .create = true, .os_user = "os", .app_user = "alice"};
	assert_int_equal(db_open(&o, &db, &err), AL_OK);
	fill();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	db_close(db);
	db_remove_new(path);
	rmdir(dir);
	return 0;
}

static enum al_status count_course(void *ctx, const struct al_client *c,
                                   const struct db_course *course, struct al_error *e)
{
	(void)c, (void)course, (void)e;
	(*(int *)ctx)++;
	return AL_OK;
}

static enum al_status count_status(void *ctx, const struct db_status_row *row, struct al_error *e)
{
	(void)row, (void)e;
	(*(int *)ctx)++;
	return AL_OK;
}

static enum al_status count_export(void *ctx, const struct db_export_row *row, struct al_error *e)
{
	(void)row, (void)e;
	(*(int *)ctx)++;
	return AL_OK;
}

static void refuse(void *ctx, long line, const char *why)
{
	(void)ctx;
	fail_msg("import refused line %ld: %s", line, why);
}

/* An existing client gets a later session (a merge), a new one comes in. */
static void import_some(void)
{
	static const char *const rows[][IMPORT_COLUMNS] = {
	    {"K-1", "alice", "2026-03-02", "1", "client", "trust", "8.0", "", ""},
	    {"K-1", "alice", "2026-03-02", "1", "client", "empathy", "8.5", "", ""},
	    {"N-1", "dan", "2026-03-02", "1", "client", "trust", "9.0", "", ""},
	    {"N-1", "dan", "2026-03-09", "2", "clinician", "trust", "9.5", "", ""},
	};
	struct db_import *im;
	struct db_import_stats stats;
	assert_int_equal(db_import_begin(db, INT32_MAX - 1, refuse, NULL, &im, &err), AL_OK);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		assert_int_equal(db_import_row(im, (long)i + 2, rows[i], &err), AL_OK);
	assert_int_equal(db_import_end(im, false, &stats, &err), AL_OK);
	assert_int_equal(stats.ratings, 4);
}

/* The screens' risk order as of a day when the gap rule holds, in each
 * scope: the count, a page (two walks merged) and a position. */
static void read_risk_order(void)
{
	struct db_risk_filter q[] = {
	    {.who = {.clinician_id = 1, .today = MONDAY + 70}, .state = -1},
	    {.who = {.supervisor_id = 2, .today = MONDAY + 70}, .state = -1},
	    {.who = {.today = MONDAY + 70}, .state = 2},
	};
	struct db_status_row rows[3];
	size_t n, got, pos;
	int longest;
	assert_int_equal(db_begin_read(db, &err), AL_OK);
	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
		assert_int_equal(db_risk_count(db, &q[i], &n, &longest, &err), AL_OK);
		assert_int_equal(db_risk_page(db, &q[i], 0, rows, 3, &got, &err), AL_OK);
		assert_int_equal(db_risk_position(db, &q[i], 1, &pos, &err), AL_OK);
	}
	db_end_read(db);
}

/* Runs every path that reads or writes the whole practice. */
static void run_hot_paths(void)
{
	struct db_dims dims;
	struct db_course course = {0};
	struct db_client_filter all = {.with_archived = true}, sup = {.supervisor_id = 2};
	int n = 0;
	assert_int_equal(db_dims_load(db, &dims, &err), AL_OK);
	assert_int_equal(db_course_each(db, &dims, &all, count_course, &n, &err), AL_OK);
	assert_int_equal(db_course_each(db, &dims, &sup, count_course, &n, &err), AL_OK);
	assert_int_equal(db_course_load(db, &dims, 1, &course, &err), AL_OK);
	db_course_free(&course);
	assert_int_equal(db_status_each(db, &all, count_status, &n, &err), AL_OK);
	read_risk_order();
	assert_int_equal(
	    db_export_each(db, INT32_MIN, date_from_ymd(9999, 12, 31), count_export, &n, &err),
	    AL_OK);
	import_some();
	assert_int_equal(db_begin(db, &err), AL_OK);
	assert_int_equal(db_setting_set(db, "cutoff", 7.5, &err), AL_OK);
	assert_int_equal(db_commit(db, &err), AL_OK);
	assert_true(n > 0);
}

/* A plan line that reads a whole table without an index: "SCAN x" alone
 * (an INSERT ... SELECT of bound values scans one constant row). */
static bool bare_scan(const char *detail)
{
	return strncmp(detail, "SCAN ", 5) == 0 && !strstr(detail, " USING ") &&
	       strcmp(detail, "SCAN CONSTANT ROW") != 0;
}

/* Tables small by nature: their full scans cost nothing. */
static bool small_tables_only(const char *sql)
{
	static const char *const big[] = {"session", "rating", "note", "client",
	                                  "audit",   "draft",  "ack"};
	for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
		char word[32];
		snprintf(word, sizeof word, " %s ", big[i]);
		if (strstr(sql, word))
			return false;
	}
	return true;
}

/* Checks one statement's plan; returns the number of problems, printed. */
static int check_plan(const char *sql)
{
	char explain[4096];
	sqlite3_stmt *st;
	int bad = 0;
	snprintf(explain, sizeof explain, "EXPLAIN QUERY PLAN %s", sql);
	assert_int_equal(sqlite3_prepare_v2(db->h, explain, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(st, 3);
		if (strstr(detail, "TEMP B-TREE") ||
		    (bare_scan(detail) && !small_tables_only(sql))) {
			printf("# %s\n#   in: %s\n", detail, sql);
			bad++;
		}
	}
	sqlite3_finalize(st);
	return bad;
}

static void test_hot_queries_follow_indexes(void **state)
{
	(void)state;
	run_hot_paths();
	int bad = 0, checked = 0;
	for (int i = 0; i < db->nstmt; i++) {
		const char *sql = sqlite3_sql(db->stmts[i].st);
		if (strncmp(sql, "SELECT", 6) != 0 && strncmp(sql, "INSERT", 6) != 0 &&
		    strncmp(sql, "UPDATE", 6) != 0 && strncmp(sql, "DELETE", 6) != 0)
			continue;
		bad += check_plan(sql);
		checked++;
	}
	assert_true(checked >= 12); /* the paths above prepared their statements */
	assert_int_equal(bad, 0);
}

/* The board's "To discuss" finds the requests for supervision along the
 * strategy's index (schema 10), never by reading every repair record. */
static void test_discuss_follows_strategy_index(void **state)
{
	(void)state;
	struct db_discuss d[DB_DISCUSS_MAX];
	struct db_client_filter sup = {.supervisor_id = 2};
	size_t n = 9, total = 9;
	assert_int_equal(db_discuss_load(db, &sup, 0, "", d, DB_DISCUSS_MAX, &n, &total, &err),
	                 AL_OK);
	assert_int_equal(n, 0);
	assert_int_equal(total, 0);
	const char *sql = NULL;
	for (int i = 0; i < db->nstmt && !sql; i++)
		if (strstr(sqlite3_sql(db->stmts[i].st), "WITH pending AS"))
			sql = sqlite3_sql(db->stmts[i].st);
	assert_non_null(sql);
	char explain[4096];
	snprintf(explain, sizeof explain, "EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, explain, -1, &st, NULL), SQLITE_OK);
	bool by_index = false, scans_repairs = false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(st, 3);
		by_index =
		    by_index || strstr(detail, "INDEX repair_strategy_by_strategy (strategy=?)");
		scans_repairs = scans_repairs || strncmp(detail, "SCAN r", 6) == 0;
	}
	sqlite3_finalize(st);
	assert_true(by_index);
	assert_false(scans_repairs);
}

/* The checker itself: a sort the index cannot give, a scan of ratings. */
static void test_checker_catches(void **state)
{
	(void)state;
	assert_int_equal(check_plan("SELECT session_id FROM rating ORDER BY tenths"), 2);
	assert_int_equal(check_plan("SELECT id FROM session WHERE context = 'x'"), 1);
	assert_int_equal(check_plan("SELECT id FROM session WHERE client_id = 1 "
	                            "ORDER BY date, seq"),
	                 0);
	assert_int_equal(check_plan("SELECT key FROM dimension"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_hot_queries_follow_indexes, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_discuss_follows_strategy_index, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_checker_catches, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
