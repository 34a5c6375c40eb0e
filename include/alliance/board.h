/* The supervisor board's per-clinician summary (SPEC §5): plain arithmetic
 * over each client's course and flags, shared by the board command and the
 * board screen. Pure code: no I/O. */
#ifndef ALLIANCE_BOARD_H
#define ALLIANCE_BOARD_H

#include <stddef.h>
#include <stdint.h>

#include "alliance/course.h"
#include "alliance/rules.h"

#define BOARD_WINDOW_DAYS 28 /* "the last 4 weeks": today and the 27 days before */

/* One clinician's numbers, summed client by client with board_tally_add.
 *  - sessions: sessions dated in the window that have at least one client
 *    rating (a session flagged `missing` does not count);
 *  - rating_sum / ratings: the client's ratings of the core dimensions in
 *    those sessions, in tenths (the mean weighs every rating alike);
 *  - open, repaired, unrepaired: the ruptures of the whole course by repair
 *    status, a rupture being a red flag that has one (drop, red dip,
 *    marker), counted flag by flag as `flags --all` lists them. */
struct board_tally {
	int clients;
	int sessions;
	int64_t rating_sum;
	int ratings;
	int open, repaired, unrepaired;
};

/* Adds one client: course (sessions in date order) and its flags (all of
 * them, as rules_detect gives them). today in days since 1970. */
void board_tally_add(struct board_tally *t, const struct al_course *c, const struct al_flag *flags,
		     size_t n, int32_t today);

/* The mean of the ratings in tenths, rounded half up; AL_MISSING when none. */
int board_tally_mean(const struct board_tally *t);

/* The repair rate, repaired / (repaired + unrepaired), in whole percent
 * rounded half up; -1 when no rupture has been repaired or left unrepaired
 * (shown as "-"). */
int board_repair_pct(const struct board_tally *t);

#endif
