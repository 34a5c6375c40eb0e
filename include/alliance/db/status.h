/* Each client's summary kept in the database (schema/0002_status.sql): the
 * caseload, the board and the UI's first frame read one row per client
 * instead of running detection over every course. */
#ifndef ALLIANCE_DB_STATUS_H
#define ALLIANCE_DB_STATUS_H

#include <stdint.h>

#include "alliance/db/db.h"
#include "alliance/db/client.h"
#include "alliance/core/summary.h"

struct db_status_row {
	struct al_client client; /* nsessions and last_date filled from the summary */
	struct al_summary summary;
};

typedef enum al_status (*db_status_fn)(void *ctx, const struct db_status_row *row,
                                       struct al_error *err);
/* Every client matching f with its summary, in code order: one indexed
 * read. A client whose summary is not stored (a database another program
 * wrote without it) is computed on the way, and not written. */
enum al_status db_status_each(struct db *db, const struct db_client_filter *f, db_status_fn fn,
                              void *ctx, struct al_error *err);

/*
 * Keeping the summaries current. A write that changes a client's sessions
 * or ratings calls db_status_touch in its transaction; db_commit recomputes
 * the summary of every client touched (each once, however many writes
 * touched it) before it commits, and db_rollback forgets them. A settings
 * change touches every client. So the summaries change with the data in
 * one transaction, and a bulk write (import, demo) costs one recomputation
 * per client.
 */
void db_status_touch(struct db *db, int64_t client_id);
void db_status_touch_all(struct db *db);
/* For a bulk writer (import) that has just written a client's whole course
 * and still holds it: stores the summary now, in its transaction, instead
 * of reading the course back at commit. */
enum al_status db_status_store(struct db *db, int64_t client_id, const struct al_course *course,
                               struct al_error *err);

#endif
