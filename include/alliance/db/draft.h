/* Drafts: the session entry or the repair record being typed in the UI,
 * kept so that a crash or a closed terminal loses nothing. One of each per
 * client; not audited (SPEC §2), never listed or exported (a draft holds
 * a note). */
#ifndef ALLIANCE_DB_DRAFT_H
#define ALLIANCE_DB_DRAFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/db/db.h"

#define AL_DRAFT_MAX 30000 /* characters, as the schema's CHECK */

/* Inserts or replaces the client's draft (its own small transaction when
 * none is open), as the app user's. session_id is the session being
 * edited, 0 for a new one. */
enum al_status db_draft_save(struct db *db, int64_t client_id, int64_t session_id, const char *body,
                             struct al_error *err);

struct db_draft {
	int64_t session_id; /* 0: a new session; a repair draft: its episode's
	                       opening session (0: that session is gone) */
	char updated[21];   /* UTC "YYYY-MM-DDTHH:MM:SSZ" */
};
/* The client's draft body into buf (cut to cap, NUL-terminated); *found
 * tells whether there is one typed by the app user: a draft is never
 * offered to another user. */
enum al_status db_draft_load(struct db *db, int64_t client_id, struct db_draft *out, char *buf,
                             size_t cap, bool *found, struct al_error *err);
enum al_status db_draft_delete(struct db *db, int64_t client_id, struct al_error *err);

/* The repair form's draft (the repair_draft table), kept apart from the
 * session entry's: the same, for the episode opened at session opened_id,
 * and offered back to the app user alone too. */
enum al_status db_repair_draft_save(struct db *db, int64_t client_id, int64_t opened_id,
                                    const char *body, struct al_error *err);
enum al_status db_repair_draft_load(struct db *db, int64_t client_id, struct db_draft *out,
                                    char *buf, size_t cap, bool *found, struct al_error *err);
enum al_status db_repair_draft_delete(struct db *db, int64_t client_id, struct al_error *err);

#endif
