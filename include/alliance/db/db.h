/* The database connection: open (with migrations), transactions, audit. */
#ifndef ALLIANCE_DB_H
#define ALLIANCE_DB_H

#include <stdbool.h>
#include <stdint.h>

#include "alliance/core/error.h"

#define AL_APPLICATION_ID 0x414C4C59 /* "ALLY" */

struct db;

struct db_open_opts {
	const char *path;
	bool read_only;
	bool create;          /* may create the database where no file is (init, demo, ...) */
	bool shared;          /* new files 0660 and directories 0770 (a clinic's group) */
	const char *os_user;  /* for the audit trail */
	const char *app_user; /* --user, for the audit trail */
};

/* Opens (migrating as needed) the database at opts->path. Where no file
 * is, it is created (with its missing directories) when opts->create, and
 * otherwise AL_EINPUT "no alliance database here" with nothing made. A
 * file that is not an alliance database (an empty file included), or a
 * newer schema, is AL_EDB and the file is left untouched. */
enum al_status db_open(const struct db_open_opts *opts, struct db **out, struct al_error *err);
void db_close(struct db *db);
const char *db_path(const struct db *db);
/* True when this open created the file, so that a command that then fails
 * can take it away again with db_remove_new (after db_close): a mistyped
 * --db must not leave an empty database behind. */
bool db_created(const struct db *db);
void db_remove_new(const char *path);
bool db_read_only(const struct db *db);
/* The mode of the files we create beside the database (backups, --output):
 * 0600, or 0660 when opened shared. */
unsigned db_file_mode(const struct db *db);
/* Schema version this binary creates. */
int db_schema_version(void);

/* The command of this run ("session add"), which a write refused on a
 * read-only database names: "session add: refused: the database is open
 * read-only". */
void db_set_command(struct db *db, const char *what);
/* Writes: db_begin takes the write lock (BEGIN IMMEDIATE); every write
 * appends its audit row with db_audit before db_commit. */
enum al_status db_begin(struct db *db, struct al_error *err);
enum al_status db_commit(struct db *db, struct al_error *err);
void db_rollback(struct db *db);
/* Reads that must see one snapshot (BEGIN DEFERRED). */
enum al_status db_begin_read(struct db *db, struct al_error *err);
void db_end_read(struct db *db);

/* The app user named in audit rows from now on. */
void db_set_app_user(struct db *db, const char *name);
/* Appends an audit row: action and entity are fixed words (see schema),
 * id an internal id (0 for none), count a row count (-1 for none). */
enum al_status db_audit(struct db *db, const char *action, const char *entity, int64_t id,
                        int64_t count, struct al_error *err);

/* While on, db_audit appends nothing: a bulk write (demo) turns it on for
 * its one transaction and audits itself with one summary row, as import does. */
void db_audit_bulk(struct db *db, bool on);

/* Changes when another connection commits (PRAGMA data_version). */
int64_t db_data_version(struct db *db);

#endif
