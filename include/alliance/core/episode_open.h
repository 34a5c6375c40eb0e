/* The opening criterion of episodes (SPEC §4b "Opening"): the evidence in a
 * client's own ratings that a change is more than their usual ups and
 * downs. Used by the episode build (episode.h); exposed for its tests. */
#ifndef ALLIANCE_EPISODE_OPEN_H
#define ALLIANCE_EPISODE_OPEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/core/episode.h"

/* A dimension's usual level before a session: the mean of the client's
 * last tuning->window ratings of it at sessions without a context event,
 * and their spread (the sample SD, pooled over the core dimensions for a
 * core one, shrunk towards the prior). dim -1 is the mean of the core
 * dimensions at sessions where at least two are rated. */
struct episode_usual {
	int n;         /* values it rests on */
	double mean;   /* rating points */
	double spread; /* the client's session-to-session spread, rating points */
	double scale;  /* the spread widened for a new value: spread * sqrt(1 + 1/n) */
};

/* False when fewer than tuning->min_values ratings come before `before`. */
bool episode_usual_level(const struct al_course *c, const struct al_episode_tuning *t, int dim,
                         size_t before, struct episode_usual *u);

/* What the criterion found at a session. */
struct episode_opening {
	enum al_opening why;
	size_t began;  /* the session where the change began */
	uint32_t dims; /* the dimensions it saw fall */
};

/* Whether the ratings open an episode at session i (no episode taking
 * evidence there), looking only at sessions up to i. `earliest` is the
 * first session a change may have begun at (after the last episode's
 * evidence). The flags' clauses (marker, drop with dip, decline, ...) are
 * the build's; this is the ratings' part: a fall, several together, or a
 * fall confirmed at the next session. */
bool episode_open_by_ratings(const struct al_course *c, const struct al_episode_tuning *t, size_t i,
                             size_t earliest, struct episode_opening *out);

/* A slow slide at session i: the EWMA of a dimension, or of the mean of
 * the core dimensions, goes under the client's own limit there. */
bool episode_open_by_slide(const struct al_course *c, const struct al_episode_tuning *t, size_t i,
                           struct episode_opening *out);

#endif
