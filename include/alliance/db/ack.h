/* Supervisors' acknowledgements, with a short comment. Since version 2 a
 * supervisor acknowledges an episode (SPEC §4b; the episode_ack table),
 * named by the session where it opened. Older acknowledgements of single
 * flags (the ack table) stay with their flag when no episode holds it:
 * flags are not stored, so such an acknowledgement names its flag by
 * session, dimension and rule. Acknowledging never hides anything. */
#ifndef ALLIANCE_DB_ACK_H
#define ALLIANCE_DB_ACK_H

#include <stddef.h>
#include <stdint.h>

#include "alliance/core/analysis.h"
#include "alliance/db/db.h"
#include "alliance/db/meta.h"
#include "alliance/core/parse.h"
#include "alliance/core/rules.h"

#define AL_ACK_COMMENT_CHARS 500 /* characters (UTF-8 may take up to 4 bytes each) */

struct al_ack {
	int64_t id;
	int64_t session_id;
	int dim; /* index into the dims it was loaded with; -1: a flag without one */
	enum al_rule rule;
	char user[AL_KEY_MAX + 1];
	char date[AL_DATE_LEN + 1]; /* the day it was written (UTC) */
	char *comment;
};

struct db_acks {
	struct al_ack *a; /* by session id, then the order they were written */
	size_t n, cap;
};

/* Stores user's acknowledgement of the flag (session, dimension id or 0,
 * rule) in the caller's transaction, with its audit row ('acknowledge',
 * 'ack', id): the comment never goes into the audit trail. The caller has
 * checked who may and that the flag exists. */
enum al_status db_ack_add(struct db *db, int64_t session_id, int64_t dimension_id,
                          enum al_rule rule, int64_t user_id, const char *comment, int64_t *id,
                          struct al_error *err);

/* The acknowledgements of client_id's sessions (0: of every client). */
enum al_status db_acks_load(struct db *db, const struct db_dims *dims, int64_t client_id,
                            struct db_acks *out, struct al_error *err);
void db_acks_free(struct db_acks *acks);

/* The next acknowledgement of the flag (session, dim, rule) at index from
 * or after it, or acks->n when there is none:
 *   for (k = db_acks_next(a, s, d, r, 0); k < a->n; k = db_acks_next(a, s, d, r, k + 1)) */
size_t db_acks_next(const struct db_acks *acks, int64_t session_id, int dim, enum al_rule rule,
                    size_t from);

/* "sup_moreau 2026-11-27: discussed in supervision" for every
 * acknowledgement of the flag, joined by "; " ("" when none); cut at a
 * character boundary to fit cap. Returns how many there are. */
size_t db_acks_text(const struct db_acks *acks, int64_t session_id, int dim, enum al_rule rule,
                    char *buf, size_t cap);

/* ---- episodes */

struct al_episode_ack {
	int64_t id;
	int64_t session_id; /* the session where the episode opened */
	char user[AL_KEY_MAX + 1];
	char date[AL_DATE_LEN + 1]; /* the day it was written (UTC) */
	char *comment;
};

struct db_episode_acks {
	struct al_episode_ack *a; /* by session id, then the order they were written */
	size_t n, cap;
};

/* Stores user's acknowledgement of the episode that opened at session_id,
 * in the caller's transaction, with its audit row ('acknowledge',
 * 'session', session_id): the comment never goes into the audit trail. The
 * caller has checked who may and that the episode exists. */
enum al_status db_episode_ack_add(struct db *db, int64_t session_id, int64_t user_id,
                                  const char *comment, int64_t *id, struct al_error *err);

/* The acknowledgements of client_id's episodes (0: of every client). */
enum al_status db_episode_acks_load(struct db *db, int64_t client_id, struct db_episode_acks *out,
                                    struct al_error *err);
void db_episode_acks_free(struct db_episode_acks *acks);

/* The acknowledgements of episode k of a: those written on the session
 * where it opened, and (the course having changed since) on any session
 * between where it began and the last where it took evidence that no
 * episode opened at. Joined as db_acks_text does ("" when none); returns
 * how many. */
size_t db_episode_acks_text(const struct db_episode_acks *acks, const struct al_course *c,
                            const struct al_analysis *a, size_t k, char *buf, size_t cap);
/* The next acknowledgement of episode k at index from or after it, or acks->n. */
size_t db_episode_acks_next(const struct db_episode_acks *acks, const struct al_course *c,
                            const struct al_analysis *a, size_t k, size_t from);

/* After the migration that brought episodes (schema ack_move): moves each
 * listed acknowledgement of a flag that an episode holds to that episode,
 * and drops the list. Nothing when there is no list. In the caller's
 * transaction. */
enum al_status db_ack_move_to_episodes(struct db *db, struct al_error *err);

#endif
