/* Opening the database: the alliance check, pragmas, migrations; and the
 * transaction helpers every write goes through. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alliance/db/ack.h"
#include "internal.h"

extern const char *const al_schema_sql[];
extern const size_t al_schema_count;

int db_schema_version(void)
{
	return (int)al_schema_count;
}

/* Creates the missing directories of path's parent, mode 0700 (0770
 * shared: in a setgid directory they inherit its group and setgid bit). */
static enum al_status make_parent_dirs(const char *path, bool shared, struct al_error *err)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	if (!slash || slash == path)
		return AL_OK;
	size_t n = (size_t)(slash - path);
	if (n >= sizeof dir)
		return al_fail(err, AL_EINPUT, "%s: path too long", path);
	memcpy(dir, path, n);
	dir[n] = '\0';
	for (char *p = dir + 1;; p++) {
		char c = *p;
		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(dir, shared ? 0770 : 0700) != 0 && errno != EEXIST)
			return al_fail(err, AL_EIO, "%s: cannot create directory: %s", dir,
			               strerror(errno));
		*p = c;
		if (c == '\0')
			break;
	}
	return AL_OK;
}

static enum al_status exec(struct db *db, const char *sql, const char *what, struct al_error *err)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? AL_OK : db_fail(db, rc, what, err);
}

/* Reads a single integer (a pragma or a count) without writing anything. */
static enum al_status query_int(struct db *db, const char *sql, int64_t *out, struct al_error *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? AL_OK : db_fail(db, rc, db->path, err);
}

/* Refuses anything that is not an alliance database this binary
 * understands, or the empty file this open has just created, before any
 * pragma that could write to the file. An empty file found here is never
 * adopted: it may be anything, with any mode. */
static enum al_status check_identity(struct db *db, bool fresh, int64_t *version,
                                     struct al_error *err)
{
	int64_t app_id, objects;
	enum al_status st;
	if ((st = query_int(db, "PRAGMA application_id", &app_id, err)) ||
	    (st = query_int(db, "PRAGMA user_version", version, err)) ||
	    (st = query_int(db, "SELECT count(*) FROM sqlite_schema", &objects, err)))
		return st;
	bool empty = app_id == 0 && *version == 0 && objects == 0;
	if (empty && !fresh)
		return al_fail(err, AL_EDB, "%s: not an alliance database (an empty file)",
		               db->path);
	if (!empty && app_id != AL_APPLICATION_ID)
		return al_fail(err, AL_EDB, "%s: not an alliance database", db->path);
	if (*version > db_schema_version())
		return al_fail(err, AL_EDB,
		               "%s: database schema %lld is newer than this program knows (%d); "
		               "upgrade alliance",
		               db->path, (long long)*version, db_schema_version());
	return AL_OK;
}

static enum al_status set_pragmas(struct db *db, struct al_error *err)
{
	/* temp_store: sorts and temporary tables stay in memory, so no note
	 * text spills into an unlinked file in $TMPDIR, which may lie outside
	 * the encrypted volume that holds the database */
	enum al_status st =
	    exec(db,
	         "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; "
	         "PRAGMA temp_store=MEMORY;",
	         db->path, err);
	if (st || db->read_only)
		return st;
	return exec(db, "PRAGMA journal_mode=WAL", db->path, err);
}

/* Applies schema file `version` (0-based) in the open transaction. A new
 * database gets one audit row, "init" with the version it is created at;
 * each later step of an existing one a "change" row. */
static enum al_status migrate_step(struct db *db, int64_t version, bool creating,
                                   struct al_error *err)
{
	char sql[96];
	enum al_status st = exec(db, al_schema_sql[version], "schema migration", err);
	if (st)
		return st;
	snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%lld",
	         AL_APPLICATION_ID, (long long)version + 1);
	if ((st = exec(db, sql, db->path, err)))
		return st;
	if (version == 0)
		return db_audit(db, "init", "database", 0, db_schema_version(), err);
	return creating ? AL_OK : db_audit(db, "change", "database", 0, version + 1, err);
}

/* A migration that makes a table again (SQLite's rebuild procedure) runs
 * with foreign keys off, or dropping the old table would cascade; so each
 * step checks them itself before it commits. */
static enum al_status migrate_fk_check(struct db *db, struct al_error *err)
{
	int64_t bad;
	enum al_status st =
	    query_int(db, "SELECT count(*) FROM pragma_foreign_key_check", &bad, err);
	if (!st && bad)
		st = al_fail(err, AL_EDB, "%s: schema migration: %lld rows break a foreign key",
		             db->path, (long long)bad);
	return st;
}

/* One transaction per schema file past user_version; then, in one more,
 * flag acknowledgements move to episodes and the client summaries that a
 * migration left missing are computed. */
static enum al_status migrate_steps(struct db *db, struct al_error *err)
{
	bool creating = false;
	for (bool applied = false;; applied = true) {
		int64_t version;
		enum al_status st = exec(db, "BEGIN IMMEDIATE", db->path, err);
		if (st)
			return st;
		if ((st = query_int(db, "PRAGMA user_version", &version, err)))
			goto fail;
		if (version >= db_schema_version()) {
			if ((applied && (st = db_ack_move_to_episodes(db, err))) ||
			    (applied && (st = db_status_fill(db, err))) ||
			    (applied && (st = migrate_fk_check(db, err))) ||
			    (st = exec(db, "COMMIT", db->path, err)))
				goto fail;
			return AL_OK;
		}
		creating = creating || version == 0;
		if ((st = migrate_step(db, version, creating, err)) ||
		    (st = migrate_fk_check(db, err)) || (st = exec(db, "COMMIT", db->path, err)))
			goto fail;
		continue;
	fail:
		db_rollback(db);
		return st;
	}
}

/* Applies the embedded schema files past user_version, one transaction each;
 * then computes the client summaries that a migration left missing. */
static enum al_status migrate(struct db *db, struct al_error *err)
{
	enum al_status st = exec(db, "PRAGMA foreign_keys=OFF", db->path, err);
	if (!st)
		st = migrate_steps(db, err);
	enum al_status on = exec(db, "PRAGMA foreign_keys=ON", db->path, err);
	return st ? st : on;
}

/* A new database file is created here with our mode: SQLite's own would
 * be 0644 less the umask, 0640 when shared. Its -wal and -shm files take
 * the database file's mode. Whatever fails here, SQLite reports next. */
static enum al_status create_file(struct db *db, struct al_error *err)
{
	int fd = open(db->path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	              (mode_t)db->file_mode);
	db->created = fd >= 0;
	if (fd >= 0)
		close(fd);
	else if (errno != EEXIST) /* EEXIST: another process made it just now */
		return al_fail(err, AL_EIO, "%s: %s", db->path, strerror(errno));
	return AL_OK;
}

/* A database is created only where no file is and the command may create
 * one (init, demo, import, the UI at the default place); otherwise a
 * missing file is an error and nothing, not even a directory, is made. */
static enum al_status find_or_create(struct db *db, bool create, bool shared, struct al_error *err)
{
	struct stat sb;
	if (strcmp(db->path, ":memory:") == 0 || lstat(db->path, &sb) == 0)
		return AL_OK;
	bool missing = errno == ENOENT || errno == ENOTDIR;
	if (missing && (!create || db->read_only))
		return al_fail(err, AL_EINPUT,
		               "%s: no alliance database here (alliance init creates one)",
		               db->path);
	if (!missing)
		return AL_OK; /* SQLite says why (a directory we may not search ...) */
	enum al_status st = make_parent_dirs(db->path, shared, err);
	return st ? st : create_file(db, err);
}

static enum al_status open_file(struct db *db, struct al_error *err)
{
	int flags = db->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (strcmp(db->path, ":memory:") == 0)
		flags |= SQLITE_OPEN_CREATE;
	/* one thread per connection: no mutex around every sqlite3_column call */
	flags |= SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX;
	int rc = sqlite3_open_v2(db->path, &db->h, flags, NULL);
	if (rc != SQLITE_OK) {
		if (access(db->path, F_OK) != 0 && errno == ENOENT)
			return al_fail(err, AL_EINPUT,
			               "%s: no alliance database here (alliance init creates one)",
			               db->path);
		return db_fail(NULL, rc, db->path, err);
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, 5000);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	return AL_OK;
}

enum al_status db_open(const struct db_open_opts *opts, struct db **out, struct al_error *err)
{
	struct db *db = calloc(1, sizeof *db);
	enum al_status st = AL_OK;
	int64_t version = 0;
	if (!db || !(db->path = strdup(opts->path))) {
		free(db);
		return al_fail(err, AL_EIO, "out of memory");
	}
	db->read_only = opts->read_only;
	db->file_mode = opts->shared ? 0660 : 0600;
	snprintf(db->os_user, sizeof db->os_user, "%s", opts->os_user ? opts->os_user : "");
	snprintf(db->app_user, sizeof db->app_user, "%s", opts->app_user ? opts->app_user : "");
	bool memory = strcmp(db->path, ":memory:") == 0;
	if ((st = find_or_create(db, opts->create, opts->shared, err)) ||
	    (st = open_file(db, err)) ||
	    (st = check_identity(db, db->created || memory, &version, err)) ||
	    (st = set_pragmas(db, err)))
		goto fail;
	if (version < db_schema_version()) {
		if (db->read_only) {
			st = al_fail(err, AL_EDB,
			             "%s: database needs an upgrade; open it once "
			             "without --read-only",
			             db->path);
			goto fail;
		}
		if ((st = migrate(db, err)))
			goto fail;
	}
	*out = db;
	return AL_OK;
fail:
	if (db->created) {
		char *path = db->path;
		db->path = NULL;
		db_close(db);
		db_remove_new(path);
		free(path);
		return st;
	}
	db_close(db);
	return st;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (int i = 0; i < db->nstmt; i++)
		sqlite3_finalize(db->stmts[i].st);
	db_status_discard(db);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

bool db_created(const struct db *db)
{
	return db->created;
}

void db_remove_new(const char *path)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	char name[4200];
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(name, sizeof name, "%s%s", path, suffix[i]);
		unlink(name);
	}
}

const char *db_path(const struct db *db)
{
	return db->path;
}

bool db_read_only(const struct db *db)
{
	return db->read_only;
}

unsigned db_file_mode(const struct db *db)
{
	return db->file_mode;
}

void db_set_command(struct db *db, const char *what)
{
	snprintf(db->what, sizeof db->what, "%s", what);
}

enum al_status db_begin(struct db *db, struct al_error *err)
{
	if (db->read_only)
		return al_fail(err, AL_EINPUT, "%s: refused: the database is open read-only",
		               db->what[0] ? db->what : "alliance");
	return exec(db, "BEGIN IMMEDIATE", "database", err);
}

/* The summaries of the clients this transaction touched change with it. */
enum al_status db_commit(struct db *db, struct al_error *err)
{
	enum al_status st = db_status_flush(db, err);
	if (!st)
		st = exec(db, "COMMIT", "database", err);
	if (st)
		db_rollback(db);
	return st;
}

void db_rollback(struct db *db)
{
	db_status_discard(db);
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

enum al_status db_begin_read(struct db *db, struct al_error *err)
{
	return exec(db, "BEGIN", "database", err);
}

void db_end_read(struct db *db)
{
	db_rollback(db);
}

void db_set_app_user(struct db *db, const char *name)
{
	snprintf(db->app_user, sizeof db->app_user, "%s", name);
}

int64_t db_data_version(struct db *db)
{
	int64_t v = 0;
	struct al_error ignored;
	query_int(db, "PRAGMA data_version", &v, &ignored);
	return v;
}
