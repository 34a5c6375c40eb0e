/* Clients: pseudonymous codes owned by a clinician. */
#ifndef ALLIANCE_DB_CLIENT_H
#define ALLIANCE_DB_CLIENT_H

#include <stdbool.h>
#include <stdint.h>

#include "alliance/core/course.h"
#include "alliance/db/db.h"
#include "alliance/core/parse.h"

#define AL_GOAL_MAX 200

struct al_client {
	int64_t id;
	char code[AL_KEY_MAX + 1];
	int64_t clinician_id;
	char clinician[AL_KEY_MAX + 1];
	char modality[16];          /* "" when not set */
	char goal[AL_GOAL_MAX + 1]; /* "" when not set */
	bool archived;
	char ending[12];  /* how the course ended: planned, dropout, referred,
	                     other; "" while active (db_client_find and
	                     db_client_each fill it) */
	int32_t end_date; /* when, if recorded (INT32_MIN: not recorded) */
	int nsessions;
	int32_t last_date; /* INT32_MIN when no session */
};

/* Which clients a listing covers. */
struct db_client_filter {
	int64_t clinician_id;  /* only this clinician's clients (0: any) */
	int64_t supervisor_id; /* only clients of this supervisor's supervisees (0: any) */
	bool with_archived;
	int32_t today; /* db_status_each: non-zero applies the gap rule as of
	                  this day (days since 1970, summary_apply_gap) */
	bool named;    /* a supervisor reads: the stories name the clinician */
};

enum al_status db_client_find(struct db *db, const char *code, struct al_client *out, bool *found,
                              struct al_error *err);
/* Whether held->id still names the same client: same code, same
 * clinician. Ids are never reused (schema 3), so a screen, draft or
 * command that kept an id across time asks this right before it writes. */
enum al_status db_client_same(struct db *db, const struct al_client *held, bool *same,
                              struct al_error *err);
/* In the caller's transaction; appends the audit row. */
enum al_status db_client_add(struct db *db, struct al_client *c, struct al_error *err);
/* Archived clients keep their records but leave listings (unless asked)
 * and the caseload. db_client_end archives with how and when the course
 * ended (date INT32_MIN: not recorded); db_client_archive ends it 'other'
 * on no recorded date; unarchiving forgets the ending. In the caller's
 * transaction, with the audit row ('archive' or 'change', 'client', id). */
enum al_status db_client_end(struct db *db, int64_t id, enum al_ending reason, int32_t date,
                             struct al_error *err);
enum al_status db_client_archive(struct db *db, int64_t id, struct al_error *err);
enum al_status db_client_unarchive(struct db *db, int64_t id, struct al_error *err);
/* Removes the client with sessions, ratings, notes, drafts and acks, in the
 * caller's transaction, with one audit row (count: sessions removed). The
 * bytes are overwritten (secure_delete); db_purge_finish after the commit
 * clears the copies the write-ahead log still holds (db_admin.h). */
enum al_status db_client_purge(struct db *db, int64_t id, struct al_error *err);

/* How many clients the database holds, archived ones included. */
enum al_status db_client_count(struct db *db, int64_t *n, struct al_error *err);

typedef enum al_status (*db_client_fn)(void *ctx, const struct al_client *c, struct al_error *err);
/* Clients matching f, ordered by code. */
enum al_status db_client_each(struct db *db, const struct db_client_filter *f, db_client_fn fn,
                              void *ctx, struct al_error *err);

#endif
