/* The supervisor board's data, for the board command and screen alike:
 * every client a filter covers with its stored summary, in risk order, and
 * the per-clinician tallies (board.h). One read of the summaries, and one
 * pass per clinician over an index of what the tallies add up; a client's
 * course is loaded only when its trend cannot cover the 4 weeks. */
#ifndef ALLIANCE_DB_BOARD_H
#define ALLIANCE_DB_BOARD_H

#include <stddef.h>
#include <stdint.h>

#include "alliance/core/board.h"
#include "alliance/db/meta.h"
#include "alliance/db/status.h"
#include "alliance/core/engagement.h"
#include "alliance/core/parse.h"

struct db_board_clinician {
	int64_t id;
	char name[AL_KEY_MAX + 1];
	struct board_tally tally;
	struct al_engagement engagement; /* the last 12 weeks (ENGAGEMENT_BOARD_DAYS) */
};

struct db_board {
	struct db_status_row *rows; /* risk order (standing_compare) */
	size_t n, cap;
	struct db_board_clinician *clin; /* by name */
	size_t nclin, capclin;
};

/* Loads the clients f covers (archived ones left out) and a tally for each
 * clinician it covers: f->clinician_id's alone, or every supervisee of
 * f->supervisor_id, clients or not. today: days since 1970. Call inside a
 * read transaction so that both come from one snapshot. */
enum al_status db_board_load(struct db *db, const struct db_dims *dims,
                             const struct db_client_filter *f, int32_t today, struct db_board *out,
                             struct al_error *err);
/* The tallies alone (clin; no rows), for a screen that reads its rows a
 * page at a time (db_risk.h). */
enum al_status db_board_tally(struct db *db, const struct db_dims *dims,
                              const struct db_client_filter *f, int32_t today, struct db_board *out,
                              struct al_error *err);
void db_board_free(struct db_board *b);

/* The supervisors' acknowledgements of the episode behind a client's
 * status: how many, and the latest's author and day. */
struct db_board_ack {
	int64_t client_id;
	int count;
	char user[AL_KEY_MAX + 1];
	char date[AL_DATE_LEN + 1];
};

/* Every client whose episode behind its status is acknowledged, by client
 * id. Episodes are not stored, so the clients with any acknowledgement
 * (few: supervisors write them by hand) have their course analysed. */
struct db_board_acks {
	struct db_board_ack *a;
	size_t n, cap;
};
enum al_status db_board_acks_load(struct db *db, const struct db_dims *dims,
                                  struct db_board_acks *out, struct al_error *err);
void db_board_acks_free(struct db_board_acks *acks);
/* The acknowledgement of client_id's episode, or NULL when there is none. */
const struct db_board_ack *db_board_ack_of(const struct db_board_acks *acks, int64_t client_id);

#endif
