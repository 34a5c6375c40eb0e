/* Engagement figures (engagement.h) read from the database. */
#ifndef ALLIANCE_DB_ENGAGEMENT_H
#define ALLIANCE_DB_ENGAGEMENT_H

#include <stdint.h>

#include "alliance/db/db.h"
#include "alliance/core/engagement.h"

/* The figures of clinician_id's clients (archived ones included: their
 * last sessions count too) for sessions and endings dated within [from,
 * to] (days since 1970). Endings without a recorded date are left out. */
enum al_status db_engagement_load(struct db *db, int64_t clinician_id, int32_t from, int32_t to,
                                  struct al_engagement *out, struct al_error *err);

#endif
