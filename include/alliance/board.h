/* The supervisor board's per-clinician summary (SPEC §5): plain arithmetic
 * over each client's stored summary (summary.h), shared by the board
 * command and the board screen. Pure code: no I/O. */
#ifndef ALLIANCE_BOARD_H
#define ALLIANCE_BOARD_H

#include <stdbool.h>
#include <stdint.h>

#include "alliance/course.h"
#include "alliance/summary.h"

#define BOARD_WINDOW_DAYS 28 /* "the last 4 weeks": today and the 27 days before */

/* One clinician's numbers, summed client by client:
 *  - clients: the clients on the board (not archived);
 *  - sessions: sessions dated in the window with at least one client
 *    rating of a core dimension;
 *  - rating_sum / ratings: those ratings, in tenths (the mean weighs every
 *    rating alike);
 *  - open, repaired, unrepaired: the ruptures of the whole course by
 *    repair status, a rupture being a red flag that has one (drop, red dip,
 *    marker), counted flag by flag as `flags --all` lists them;
 *  - not_seen: active clients not seen for more than gap_days. */
struct board_tally {
	int clients;
	int sessions;
	int64_t rating_sum;
	int ratings;
	int open, repaired, unrepaired;
	int not_seen; /* clients in the gap state (summary_apply_gap) */
};

/* Adds one client's count and ruptures. */
void board_tally_client(struct board_tally *t, const struct al_summary *s);

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

/* The repair rate, repaired / (repaired + unrepaired), in whole percent
 * rounded half up; -1 when no rupture has been repaired or left unrepaired
 * (shown as "-"). */
int board_repair_pct(const struct board_tally *t);

#endif
