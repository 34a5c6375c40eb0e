/* Storage tests on :memory: and temp files: migrations, identity, pragmas,
 * constraints, foreign keys, the append-only audit trail, and the client,
 * dimension, setting, access and backup functions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/db/internal.h"
#include "alliance/db/access.h"
#include "alliance/db/admin.h"
#include "alliance/db/client.h"
#include "alliance/db/meta.h"
#include "alliance/db/user.h"
#include "alliance/core/settings_table.h"

struct fixture {
	char dir[64];
	char path[96];
	struct db *db;
};

static struct db *open_db(const char *path, bool read_only, enum al_status want)
{
	struct db_open_opts o = {.path = path,
	                         .read_only = read_only,
	                         .create = true,
	                         .os_user = "os",
	                         .app_user = "alice"};
	struct al_error err = {0};
	struct db *db = NULL;
	assert_int_equal(db_open(&o, &db, &err), want);
	return db;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/alliance-unit.XXXXXX");
	if (!f || !mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/a.db", f->dir);
	umask(077); /* as main sets it: files 0600 */
	f->db = open_db(":memory:", false, AL_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];
	db_close(f->db);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	int rc = system(cmd);
	free(f);
	return rc;
}

static int64_t query(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static const char *query_text(struct db *db, const char *sql, char *buf, size_t cap)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(buf, cap, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

/* The primary result code of running sql (extended codes are on). */
static int exec_rc(struct db *db, const char *sql)
{
	return sqlite3_exec(db->h, sql, NULL, NULL, NULL) & 0xff;
}

static void test_migrated_memory(void **state)
{
	struct fixture *f = *state;
	assert_true(db_schema_version() >= 1);
	assert_int_equal(query(f->db, "PRAGMA user_version"), db_schema_version());
	assert_int_equal(query(f->db, "PRAGMA application_id"), AL_APPLICATION_ID);
	assert_int_equal(query(f->db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(query(f->db, "PRAGMA secure_delete"), 1);
	assert_int_equal(query(f->db, "PRAGMA temp_store"), 2); /* memory */
	assert_int_equal(query(f->db, "SELECT count(*) FROM audit WHERE action = 'init'"), 1);
	assert_int_equal(query(f->db, "SELECT count(*) FROM dimension WHERE core"), 3);
	assert_int_equal(query(f->db, "SELECT count(*) FROM setting"), 13);
}

static void test_file_open_twice(void **state)
{
	struct fixture *f = *state;
	char buf[16];
	struct db *db = open_db(f->path, false, AL_OK);
	struct stat sb;
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_string_equal(query_text(db, "PRAGMA journal_mode", buf, sizeof buf), "wal");
	assert_int_equal(query(db, "PRAGMA synchronous"), 2);
	assert_int_equal(query(db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(query(db, "PRAGMA secure_delete"), 1);
	assert_int_equal(query(db, "PRAGMA temp_store"), 2);
	assert_int_equal(query(db, "PRAGMA user_version"), db_schema_version());
	db_close(db);
	db = open_db(f->path, true, AL_OK);
	assert_int_equal(query(db, "SELECT count(*) FROM audit WHERE action = 'init'"), 1);
	assert_int_equal(query(db, "SELECT count(*) FROM audit"), 1);
	db_close(db);
}

static void test_foreign_and_newer_refused(void **state)
{
	struct fixture *f = *state;
	sqlite3 *h;
	assert_int_equal(sqlite3_open(f->path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_null(open_db(f->path, false, AL_EDB));
	assert_int_equal(sqlite3_open(f->path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA application_id=1095519321; PRAGMA user_version=99",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(h);
	assert_null(open_db(f->path, false, AL_EDB));
	assert_int_equal(AL_APPLICATION_ID, 1095519321);
}

/* Without .create a missing file is an input error and nothing is made,
 * not even the directory; an existing empty file is never adopted. */
static void test_created_only_on_purpose(void **state)
{
	struct fixture *f = *state;
	char path[128];
	struct db_open_opts o = {.path = path, .os_user = "os", .app_user = "alice"};
	struct al_error err = {0};
	struct db *db = NULL;
	struct stat sb;
	snprintf(path, sizeof path, "%s/sub/a.db", f->dir);
	assert_int_equal(db_open(&o, &db, &err), AL_EINPUT);
	assert_null(db);
	assert_non_null(strstr(err.msg, "no alliance database here (alliance init creates one)"));
	snprintf(path, sizeof path, "%s/sub", f->dir);
	assert_int_not_equal(stat(path, &sb), 0);
	FILE *fp = fopen(f->path, "w");
	assert_non_null(fp);
	fclose(fp);
	o.path = f->path;
	o.create = true;
	assert_int_equal(db_open(&o, &db, &err), AL_EDB);
	assert_null(db);
	assert_non_null(strstr(err.msg, "not an alliance database (an empty file)"));
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_size, 0);
}

static void test_constraints(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_int_equal(exec_rc(db, "INSERT INTO user (id, name, created) VALUES "
	                             "(2, 'bob', '2026-03-02T10:00:00Z')"),
	                 SQLITE_OK);
	assert_int_equal(exec_rc(db, "INSERT INTO client (id, code, clinician_id, created) "
	                             "VALUES (1, 'K-1', 2, '2026-03-02T10:00:00Z')"),
	                 SQLITE_OK);
	assert_int_equal(exec_rc(db, "INSERT INTO session (id, client_id, date, seq) "
	                             "VALUES (1, 1, '2026-03-02', 1)"),
	                 SQLITE_OK);
	static const char *const bad[] = {
	    "INSERT INTO rating VALUES (1, 'client', 1, 101)",
	    "INSERT INTO rating VALUES (1, 'client', 1, -1)",
	    "INSERT INTO rating VALUES (1, 'client', 1, 9.5)",
	    "INSERT INTO rating VALUES (1, 'client', 1, 'ninety')",
	    "INSERT INTO rating VALUES (1, 'friend', 1, 90)",
	    "INSERT INTO session (client_id, date, seq) VALUES (1, '2026-02-30', 1)",
	    "INSERT INTO session (client_id, date, seq) VALUES (1, '2026-3-02', 1)",
	    "INSERT INTO session (client_id, date, seq) VALUES (1, '2026-03-02', 1)",
	    "INSERT INTO session (client_id, date, seq, rupture) VALUES (1, '2026-03-03', 1, 'x')",
	    "INSERT INTO client (code, clinician_id, created) VALUES ('bad code', 2, "
	    "'2026-03-02T10:00:00Z')",
	    "INSERT INTO client (code, clinician_id, created) VALUES ('-K', 2, "
	    "'2026-03-02T10:00:00Z')",
	    "INSERT INTO client (code, clinician_id, created) VALUES ('', 2, "
	    "'2026-03-02T10:00:00Z')",
	    "INSERT INTO client (code, clinician_id, modality, created) VALUES ('K-2', 2, 'yoga', "
	    "'2026-03-02T10:00:00Z')",
	    "INSERT INTO user (name, role, created) VALUES ('eve', 'boss', '2026-03-02T10:00:00Z')",
	    "INSERT INTO dimension (key, label, position) VALUES ('Goals', 'Goals', 4)",
	    "INSERT INTO dimension (key, label, position) VALUES ('goals', 'Goals', 17)",
	    "UPDATE setting SET value = 10.5 WHERE key = 'cutoff'",
	    "UPDATE setting SET value = 0 WHERE key = 'ewma_lambda'",
	    "UPDATE setting SET value = 2.5 WHERE key = 'repair_window'",
	    "INSERT INTO setting VALUES ('frob', 1)",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (exec_rc(db, bad[i]) != SQLITE_CONSTRAINT)
			fail_msg("accepted: %s", bad[i]);
	}
	assert_int_equal(query(db, "SELECT count(*) FROM rating"), 0);
	assert_int_equal(query(db, "SELECT count(*) FROM session"), 1);
}

static void test_foreign_keys(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_int_equal(exec_rc(db, "INSERT INTO session (client_id, date, seq) "
	                             "VALUES (999, '2026-03-02', 1)"),
	                 SQLITE_CONSTRAINT);
	assert_int_equal(exec_rc(db, "INSERT INTO client (code, clinician_id, created) "
	                             "VALUES ('K-1', 999, '2026-03-02T10:00:00Z')"),
	                 SQLITE_CONSTRAINT);
}

static void test_audit_append_only(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	struct al_error err = {0};
	assert_int_equal(db_begin(db, &err), AL_OK);
	assert_int_equal(db_audit(db, "add", "client", 7, -1, &err), AL_OK);
	assert_int_equal(db_commit(db, &err), AL_OK);
	assert_int_equal(exec_rc(db, "UPDATE audit SET app_user = 'x'"), SQLITE_CONSTRAINT);
	assert_int_equal(exec_rc(db, "DELETE FROM audit"), SQLITE_CONSTRAINT);
	assert_string_equal(sqlite3_errmsg(db->h), "the audit trail is append-only");
	assert_int_equal(exec_rc(db, "INSERT INTO audit (time, os_user, app_user, action, entity) "
	                             "VALUES ('2026-03-02T10:00:00Z', 'a', 'b', 'read', 'client')"),
	                 SQLITE_CONSTRAINT);
	assert_int_equal(query(db, "SELECT count(*) FROM audit"), 2);
}

/* Users: alice and carl clinicians, sue supervises bob. */
static void add_users(struct db *db, int64_t id[5])
{
	struct al_error err = {0};
	assert_int_equal(db_begin(db, &err), AL_OK);
	assert_int_equal(db_user_add(db, "alice", false, 0, &id[0], &err), AL_OK);
	assert_int_equal(db_user_add(db, "sue", true, 0, &id[1], &err), AL_OK);
	assert_int_equal(db_user_add(db, "bob", false, id[1], &id[2], &err), AL_OK);
	assert_int_equal(db_user_add(db, "carl", false, 0, &id[3], &err), AL_OK);
	assert_int_equal(db_user_add(db, "vera", true, 0, &id[4], &err), AL_OK);
	assert_int_equal(db_commit(db, &err), AL_OK);
}

static int64_t add_client(struct db *db, const char *code, int64_t clinician, const char *goal)
{
	struct al_error err = {0};
	struct al_client c = {.clinician_id = clinician};
	snprintf(c.code, sizeof c.code, "%s", code);
	snprintf(c.goal, sizeof c.goal, "%s", goal);
	assert_int_equal(db_begin(db, &err), AL_OK);
	assert_int_equal(db_client_add(db, &c, &err), AL_OK);
	assert_int_equal(db_commit(db, &err), AL_OK);
	assert_true(c.id > 0);
	return c.id;
}

struct codes {
	char text[256];
};

static enum al_status collect(void *ctx, const struct al_client *c, struct al_error *err)
{
	struct codes *k = ctx;
	(void)err;
	size_t n = strlen(k->text);
	snprintf(k->text + n, sizeof k->text - n, "%s%s", n ? " " : "", c->code);
	return AL_OK;
}

static const char *list(struct db *db, struct db_client_filter f, struct codes *k)
{
	struct al_error err = {0};
	k->text[0] = '\0';
	assert_int_equal(db_client_each(db, &f, collect, k, &err), AL_OK);
	return k->text;
}

static void test_clients(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	struct al_error err = {0};
	struct al_client c;
	struct codes k;
	bool found;
	int64_t u[5];
	add_users(db, u);
	int64_t k1 = add_client(db, "K-2", u[0], "sleep");
	add_client(db, "K-1", u[0], "");
	add_client(db, "B-1", u[2], "");
	assert_int_equal(db_client_find(db, "K-2", &c, &found, &err), AL_OK);
	assert_true(found);
	assert_int_equal(c.id, k1);
	assert_string_equal(c.clinician, "alice");
	assert_string_equal(c.goal, "sleep");
	assert_string_equal(c.modality, "");
	assert_int_equal(c.nsessions, 0);
	assert_int_equal(c.last_date, INT32_MIN);
	assert_int_equal(db_client_find(db, "K-9", &c, &found, &err), AL_OK);
	assert_false(found);

	assert_int_equal(
	    exec_rc(db, "INSERT INTO session (client_id, date, seq) VALUES "
	                "(1, '2026-03-02', 1), (1, '2026-03-02', 2), (1, '2026-01-05', 1)"),
	    SQLITE_OK);
	assert_int_equal(db_client_find(db, "K-2", &c, &found, &err), AL_OK);
	assert_int_equal(c.nsessions, 3);
	assert_int_equal(c.last_date, 20514); /* 2026-03-02 */

	assert_string_equal(list(db, (struct db_client_filter){0}, &k), "B-1 K-1 K-2");
	assert_string_equal(list(db, (struct db_client_filter){.clinician_id = u[0]}, &k),
	                    "K-1 K-2");
	assert_string_equal(list(db, (struct db_client_filter){.supervisor_id = u[1]}, &k), "B-1");
	assert_string_equal(list(db, (struct db_client_filter){.supervisor_id = u[4]}, &k), "");

	assert_int_equal(db_begin(db, &err), AL_OK);
	assert_int_equal(db_client_archive(db, k1, &err), AL_OK);
	assert_int_equal(db_commit(db, &err), AL_OK);
	assert_string_equal(list(db, (struct db_client_filter){0}, &k), "B-1 K-1");
	assert_string_equal(list(db, (struct db_client_filter){.with_archived = true}, &k),
	                    "B-1 K-1 K-2");
	assert_int_equal(db_begin(db, &err), AL_OK);
	assert_int_equal(db_client_unarchive(db, k1, &err), AL_OK);
	assert_int_equal(db_commit(db, &err), AL_OK);
	assert_string_equal(list(db, (struct db_client_filter){0}, &k), "B-1 K-1 K-2");

	/* a duplicate code is refused by the schema even without the CLI's check */
	struct al_client dup = {.clinician_id = u[0]};
	snprintf(dup.code, sizeof dup.code, "K-1");
	assert_int_equal(db_begin(db, &err), AL_OK);
	assert_int_equal(db_client_add(db, &dup, &err), AL_EINPUT);
	db_rollback(db);
	assert_int_equal(query(db, "SELECT count(*) FROM audit WHERE entity = 'client'"), 5);
	assert_int_equal(query(db, "SELECT count(*) FROM audit WHERE action = 'archive'"), 1);
}

static void test_purge(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	struct al_error err = {0};
	int64_t u[5];
	add_users(db, u);
	int64_t id = add_client(db, "K-1", u[0], "a goal");
	add_client(db, "K-2", u[0], "");
	assert_int_equal(
	    exec_rc(
	        db,
	        "INSERT INTO session (id, client_id, date, seq, context) VALUES "
	        "(10, 1, '2026-03-02', 1, 'ctx'), (11, 1, '2026-03-09', 1, NULL), "
	        "(12, 2, '2026-03-09', 1, NULL);"
	        "INSERT INTO rating VALUES (10, 'client', 1, 80), (11, 'client', 1, 60), "
	        "(12, 'client', 1, 90);"
	        "INSERT INTO note (session_id, body) VALUES (10, 'text'), (12, 'kept');"
	        "INSERT INTO note (session_id, kind, body) VALUES (10, 'client', 'comment');"
	        "INSERT INTO draft (client_id, session_id, updated, body) VALUES (1, 11, 'x', 'd');"
	        "INSERT INTO ack (session_id, rule, user_id, time, comment) "
	        "VALUES (11, 'drop', 2, '2026-03-10T10:00:00Z', 'c');"),
	    SQLITE_OK);
	assert_int_equal(db_begin(db, &err), AL_OK);
	assert_int_equal(db_client_purge(db, id, &err), AL_OK);
	assert_int_equal(db_commit(db, &err), AL_OK);
	assert_int_equal(query(db, "SELECT count(*) FROM client"), 1);
	assert_int_equal(query(db, "SELECT count(*) FROM session"), 1);
	assert_int_equal(query(db, "SELECT count(*) FROM rating"), 1);
	assert_int_equal(query(db, "SELECT count(*) FROM note"), 1);
	assert_int_equal(query(db, "SELECT count(*) FROM draft"), 0);
	assert_int_equal(query(db, "SELECT count(*) FROM ack"), 0);
	assert_int_equal(query(db, "SELECT count(*) FROM audit WHERE action = 'purge' AND "
	                           "entity = 'client' AND entity_id = 1 AND count = 2"),
	                 1);
	assert_int_equal(query(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

static void test_access(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	struct al_error err = {0};
	struct al_client c;
	int64_t u[5];
	add_users(db, u);
	add_client(db, "K-1", u[0], "");
	add_client(db, "B-1", u[2], "");
	struct access_who alice = {u[0], false, "t"}, sue = {u[1], true, "t"},
	                  bob = {u[2], false, "t"}, vera = {u[4], true, "t"};
	assert_int_equal(access_client(db, &alice, "K-1", ACCESS_WRITE, &c, &err), AL_OK);
	assert_string_equal(c.code, "K-1");
	assert_int_equal(access_client(db, &alice, "K-1", ACCESS_MANAGE, &c, &err), AL_OK);
	assert_int_equal(access_client(db, &alice, "K-1", ACCESS_ACK, &c, &err), AL_EINPUT);
	assert_string_equal(err.msg, "t: only a supervisor acknowledges episodes");
	assert_int_equal(access_client(db, &alice, "B-1", ACCESS_READ, &c, &err), AL_EINPUT);
	assert_string_equal(err.msg, "t: 'B-1' is not one of your clients");
	assert_int_equal(access_client(db, &alice, "X-1", ACCESS_READ, &c, &err), AL_EINPUT);
	assert_string_equal(err.msg, "t: unknown client 'X-1'");
	assert_int_equal(access_client(db, &alice, "x y", ACCESS_READ, &c, &err), AL_EINPUT);
	assert_int_equal(access_client(db, &bob, "B-1", ACCESS_WRITE, &c, &err), AL_OK);
	assert_int_equal(access_client(db, &sue, "B-1", ACCESS_READ, &c, &err), AL_OK);
	assert_int_equal(access_client(db, &sue, "B-1", ACCESS_ACK, &c, &err), AL_OK);
	assert_int_equal(access_client(db, &sue, "B-1", ACCESS_MANAGE, &c, &err), AL_EINPUT);
	assert_string_equal(err.msg, "t: supervisors do not archive or unarchive clients "
	                             "(the client's clinician does)");
	assert_int_equal(access_client(db, &sue, "B-1", ACCESS_WRITE, &c, &err), AL_EINPUT);
	assert_string_equal(err.msg, "t: supervisors do not change ratings or notes");
	assert_int_equal(access_client(db, &sue, "K-1", ACCESS_READ, &c, &err), AL_EINPUT);
	assert_string_equal(err.msg, "t: 'K-1' is not a client of your supervisees");
	assert_int_equal(access_client(db, &vera, "B-1", ACCESS_ACK, &c, &err), AL_EINPUT);

	struct db_client_filter f = {0};
	access_mine(&alice, &f);
	assert_true(f.clinician_id == u[0] && f.supervisor_id == 0);
	access_mine(&sue, &f);
	assert_true(f.clinician_id == 0 && f.supervisor_id == u[1]);
	int64_t id = 0;
	assert_int_equal(access_clinician(db, &sue, "bob", &f, &id, &err), AL_OK);
	assert_true(f.clinician_id == u[2] && f.supervisor_id == 0 && id == u[2]);
	assert_int_equal(access_clinician(db, &sue, "carl", &f, NULL, &err), AL_EINPUT);
	assert_int_equal(access_clinician(db, &alice, "alice", &f, NULL, &err), AL_OK);
	assert_int_equal(access_clinician(db, &alice, "bob", &f, NULL, &err), AL_EINPUT);
	assert_int_equal(access_clinician(db, &alice, "sue", &f, NULL, &err), AL_EINPUT);
	assert_string_equal(err.msg, "t: --clinician: 'sue' is not a clinician");
	assert_int_equal(access_clinician(db, &alice, "nobody", &f, NULL, &err), AL_EINPUT);
}

static void test_dimensions(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	struct al_error err = {0};
	struct db_dims dims;
	assert_int_equal(db_dims_load(db, &dims, &err), AL_OK);
	assert_int_equal(dims.n, 3);
	assert_string_equal(dims.dim[0].key, "trust");
	assert_string_equal(dims.dim[2].label, "Empathy");
	assert_true(dims.dim[1].core);
	assert_string_equal(dims.wording[0], "I felt safe and able to be open.");
	assert_int_equal(db_dims_find(&dims, "empathy"), 2);
	assert_int_equal(db_dims_find(&dims, "goals"), -1);
	for (int i = 4; i <= AL_DIM_MAX; i++) {
		char key[16];
		snprintf(key, sizeof key, "d%d", i);
		assert_int_equal(db_begin(db, &err), AL_OK);
		assert_int_equal(db_dim_add(db, key, "Label", &err), AL_OK);
		assert_int_equal(db_commit(db, &err), AL_OK);
	}
	assert_int_equal(db_begin(db, &err), AL_OK);
	assert_int_equal(db_dim_add(db, "d17", "One too many", &err), AL_EINPUT);
	db_rollback(db);
	assert_int_equal(db_dims_load(db, &dims, &err), AL_OK);
	assert_int_equal(dims.n, AL_DIM_MAX);
	assert_string_equal(dims.dim[AL_DIM_MAX - 1].key, "d16");
	assert_false(dims.dim[3].core);
	assert_int_equal(query(db, "SELECT count(*) FROM audit WHERE entity = 'dimension'"), 13);
}

static void test_settings(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	struct al_error err = {0};
	struct al_settings s, def;
	al_settings_default(&def);
	assert_int_equal(db_settings_load(db, &s, &err), AL_OK);
	assert_memory_equal(&s, &def, sizeof s);
	assert_int_equal(db_begin(db, &err), AL_OK);
	assert_int_equal(db_setting_set(db, "cutoff", 7.5, &err), AL_OK);
	assert_int_equal(db_setting_set(db, "drop", 0.1, &err), AL_OK);
	assert_int_equal(db_setting_set(db, "ewma_lambda", 0.25, &err), AL_OK);
	assert_int_equal(db_setting_set(db, "repair_window", 5, &err), AL_OK);
	assert_int_equal(db_commit(db, &err), AL_OK);
	assert_int_equal(db_settings_load(db, &s, &err), AL_OK);
	assert_int_equal(s.cutoff, 75);
	assert_int_equal(s.drop, 1);
	assert_true(s.ewma_lambda == 0.25);
	assert_int_equal(s.repair_window, 5);
	assert_int_equal(s.discrepancy, 20);
	assert_int_equal(db_begin(db, &err), AL_OK);
	assert_int_equal(db_setting_set(db, "cutoff", 11, &err), AL_EINPUT);
	db_rollback(db);
	assert_int_equal(query(db, "SELECT count(*) FROM audit WHERE action = 'set' AND "
	                           "entity = 'setting'"),
	                 4);
}

/* The core table's ranges are the schema's: each end is stored, and a step
 * past it (or onto an open end) is refused by the CHECK too. */
static void test_settings_table_is_schema(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	struct al_error err = {0};
	assert_int_equal(query(db, "SELECT count(*) FROM setting"), (int64_t)al_setting_count);
	for (size_t i = 0; i < al_setting_count; i++) {
		const struct al_setting_def *d = &al_setting_defs[i];
		double step = d->kind == AL_SETTING_INT      ? 1
		              : d->kind == AL_SETTING_TENTHS ? 0.1
		                                             : 0.01;
		assert_int_equal(db_begin(db, &err), AL_OK);
		assert_int_equal(db_setting_set(db, d->key, d->max, &err), AL_OK);
		assert_int_equal(db_setting_set(db, d->key, d->def, &err), AL_OK);
		if (!d->min_open)
			assert_int_equal(db_setting_set(db, d->key, d->min, &err), AL_OK);
		else
			assert_int_equal(db_setting_set(db, d->key, d->min, &err), AL_EINPUT);
		assert_int_equal(db_setting_set(db, d->key, d->max + step, &err), AL_EINPUT);
		assert_int_equal(db_setting_set(db, d->key, d->min - step, &err), AL_EINPUT);
		db_rollback(db);
		char sql[96];
		snprintf(sql, sizeof sql, "SELECT value * 1000 FROM setting WHERE key = '%s'",
		         d->key);
		assert_int_equal(query(db, sql), (int64_t)(d->def * 1000 + 0.5));
	}
}

static enum al_status count_line(void *ctx, const char *line, struct al_error *err)
{
	(void)line;
	(void)err;
	++*(int *)ctx;
	return AL_OK;
}

static void test_backup_and_check(void **state)
{
	struct fixture *f = *state;
	struct al_error err = {0};
	char copy[128];
	long problems = -1;
	int lines = 0;
	struct db *db = open_db(f->path, false, AL_OK);
	int64_t u[5];
	add_users(db, u);
	add_client(db, "K-1", u[0], "goal");
	assert_int_equal(db_check(db, count_line, &lines, &problems, &err), AL_OK);
	assert_int_equal(problems, 0);
	assert_int_equal(lines, 0);
	snprintf(copy, sizeof copy, "%s/copy.db", f->dir);
	FILE *fp = fopen(copy, "w"); /* the caller makes the (temporary) file */
	assert_non_null(fp);
	fclose(fp);
	assert_int_equal(db_backup(db, copy, "copy.db", &err), AL_OK);
	assert_int_equal(db_backup_audit(db, &err), AL_OK);
	assert_int_equal(query(db, "SELECT count(*) FROM audit WHERE action = 'backup'"), 1);
	db_close(db);
	struct stat sb;
	assert_int_equal(stat(copy, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	db = open_db(copy, true, AL_OK);
	assert_int_equal(query(db, "SELECT count(*) FROM client WHERE code = 'K-1'"), 1);
	assert_int_equal(db_check(db, count_line, &lines, &problems, &err), AL_OK);
	assert_int_equal(problems, 0);
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_migrated_memory, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_file_open_twice, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_foreign_and_newer_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_created_only_on_purpose, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_constraints, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_foreign_keys, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_audit_append_only, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_clients, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_purge, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_access, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_dimensions, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_settings, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_settings_table_is_schema, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_backup_and_check, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
