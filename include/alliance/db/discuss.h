/* "To discuss" (the board, SPEC §5): episodes whose clinician named the
 * strategy `supervision` in a repair record that no acknowledgement of the
 * episode has followed yet. A supervisor's acknowledgement takes one out. */
#ifndef ALLIANCE_DB_DISCUSS_H
#define ALLIANCE_DB_DISCUSS_H

#include <stddef.h>
#include <stdint.h>

#include "alliance/db/db.h"
#include "alliance/db/client.h"
#include "alliance/core/parse.h"

#define DB_DISCUSS_MAX 8         /* episodes read at most (the board shows a few) */
#define DB_DISCUSS_COUNT_MAX 100 /* counted at most: "100 or more" */

struct db_discuss {
	int64_t client_id;
	char code[AL_KEY_MAX + 1];
	char clinician[AL_KEY_MAX + 1];
	int opened;                  /* the session number where the episode opened */
	char asked[AL_DATE_LEN + 1]; /* the day of the latest such record (UTC) */
};

/* The episodes to discuss among who's clients (active ones), the oldest
 * request first: at most cap into out, *n how many were read, *total how
 * many there are (DB_DISCUSS_COUNT_MAX: that many or more). text ("":
 * any) narrows them to a code or clinician name containing it, in any
 * case; clinician_id (0: any) to one clinician. */
enum al_status db_discuss_load(struct db *db, const struct db_client_filter *who,
                               int64_t clinician_id, const char *text, struct db_discuss *out,
                               size_t cap, size_t *n, size_t *total, struct al_error *err);

#endif
