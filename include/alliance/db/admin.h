/* Whole-file operations: backup, integrity check, the audit trail. */
#ifndef ALLIANCE_DB_ADMIN_H
#define ALLIANCE_DB_ADMIN_H

#include <stdbool.h>
#include <stdint.h>

#include "alliance/db/db.h"

/* Copies the database into path, an empty file the caller has just made
 * (the backup's temporary name), as one file that stands alone (no -wal).
 * A failed copy removes path and any journal SQLite left beside it; its
 * error names name (the backup's real name). */
enum al_status db_backup(struct db *db, const char *path, const char *name, struct al_error *err);
/* Appends the 'backup' audit row, unless the database is open read-only. */
enum al_status db_backup_audit(struct db *db, struct al_error *err);

/* One line per problem found by integrity_check and foreign_key_check,
 * per table, index or trigger of this program's schema that is missing
 * (or, for a trigger, changed), and per purge not finished (db_purge_*);
 * *problems is how many (0: the file is sound). An unfinished purge is
 * finished first when nobody is reading any more. */
typedef enum al_status (*db_line_fn)(void *ctx, const char *line, struct al_error *err);
enum al_status db_check(struct db *db, db_line_fn fn, void *ctx, long *problems,
                        struct al_error *err);

/* Audit rows from day `from` to day `to` (days since 1970, UTC, inclusive;
 * INT32_MIN / INT32_MAX for open ends), oldest first. */
struct al_audit_row {
	char time[21];
	char os_user[64];
	char app_user[64];
	char action[16];
	char entity[16];
	int64_t entity_id; /* 0 when none */
	int64_t count;     /* -1 when none */
};
typedef enum al_status (*db_audit_fn)(void *ctx, const struct al_audit_row *r,
                                      struct al_error *err);
enum al_status db_audit_each(struct db *db, int32_t from, int32_t to, db_audit_fn fn, void *ctx,
                             struct al_error *err);

/* Purges (SPEC §2): db_purge_mark records, in the purge's transaction,
 * that the write-ahead log may hold the purged client's data. After the
 * commit db_purge_finish checkpoints the log into the file and truncates
 * it; when that succeeds the marks are cleared and *finished is true. A
 * process reading past the busy timeout leaves *finished false (not an
 * error): the deletion stays committed and the marks stay for `check`.
 * db_purge_pending: how many marks, and the oldest one's time ("" none). */
enum al_status db_purge_mark(struct db *db, int64_t client_id, struct al_error *err);
enum al_status db_purge_finish(struct db *db, bool *finished, struct al_error *err);
enum al_status db_purge_pending(struct db *db, int64_t *n, char since[21], struct al_error *err);

#endif
