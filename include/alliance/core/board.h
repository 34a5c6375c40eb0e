/* The supervisor board's per-clinician summary (SPEC §5): plain arithmetic
 * over each client's stored summary (summary.h), shared by the board
 * command and the board screen. Pure code: no I/O. */
#ifndef ALLIANCE_BOARD_H
#define ALLIANCE_BOARD_H

#include <stdbool.h>
#include <stdint.h>

#include "alliance/core/course.h"
#include "alliance/core/summary.h"

#define BOARD_WINDOW_DAYS 28 /* "the last 4 weeks": today and the 27 days before */
#define BOARD_REPAIR_DAYS 84 /* the repair rate's "last 12 weeks" */

/* One clinician's numbers, summed client by client:
 *  - clients: the clients on the board (not archived);
 *  - sessions: sessions dated in the window with at least one client
 *    rating of a core dimension;
 *  - rating_sum / ratings: those ratings, in tenths (the mean weighs every
 *    rating alike);
 *  - open, unrepaired: clients whose current red episode is open, or
 *    unrepaired (SPEC §4b "Counts": clients, never flags);
 *  - repaired, closed: episodes closed in the last 12 weeks (repaired or
 *    judged unrepaired there), and how many of them were repaired;
 *  - not_seen: active clients not seen for more than gap_days. */
struct board_tally {
	int clients;
	int sessions;
	int64_t rating_sum;
	int ratings;
	int open, unrepaired;
	int repaired, closed;
	int not_seen; /* clients in the gap state (summary_apply_gap) */
};

/* Adds one client: the count, its current red episode, and the episodes
 * closed in the 12 weeks up to today that its summary holds. */
void board_tally_client(struct board_tally *t, const struct al_summary *s, int32_t today);

/* Whether s->closed holds every episode closed in the 12 weeks up to
 * today. It does unless the client had more than AL_SUMMARY_CLOSED. */
bool board_closed_covers(const struct al_summary *s, int32_t today);
/* ...or from the whole course's episodes when it does not (after
 * board_tally_client, which then counted the client alone). */
void board_tally_episodes(struct board_tally *t, const struct al_course *c,
                          const struct al_episode *eps, size_t n, int32_t today);

/* Whether s->trend (the last AL_TREND_SESSIONS sessions) holds every
 * session of the window ending today (days since 1970). It does unless
 * the client had more sessions than that in 4 weeks. */
bool board_trend_covers(const struct al_summary *s, int32_t today);
/* Adds the window's sessions from the trend (when it covers the window)... */
void board_tally_trend(struct board_tally *t, const struct al_summary *s, int32_t today);
/* ...or from the whole course (sessions in date order) when it does not. */
void board_tally_course(struct board_tally *t, const struct al_course *c, int32_t today);

/* The mean of the ratings in tenths, rounded half up; AL_MISSING when none. */
int board_tally_mean(const struct board_tally *t);

/* The repair rate, repaired / closed, in whole percent rounded half up;
 * -1 when no episode closed in the 12 weeks (shown as "-"). */
int board_repair_pct(const struct board_tally *t);

#endif
