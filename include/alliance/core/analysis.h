/* One course analysed: its flags (rules.h) and episodes (episode.h) in
 * buffers that grow as needed and are reused from one course to the next.
 * What every reader of episodes calls: the stored summaries, the commands,
 * the screens. */
#ifndef ALLIANCE_ANALYSIS_H
#define ALLIANCE_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>

#include "alliance/core/episode.h"
#include "alliance/core/rules.h"

struct al_analysis {
	struct al_flag *flags; /* in rules_detect's order */
	size_t nflags, flag_cap;
	size_t *held;           /* per flag: the episode holding it, or SIZE_MAX */
	struct al_episode *eps; /* in opening order */
	size_t neps, ep_cap;
};

/* Detects c's flags and builds its episodes (archived: the client's course
 * has ended, SPEC §4b). False only when out of memory (a is then empty). */
bool analysis_run(struct al_analysis *a, const struct al_course *c, const struct al_settings *s,
                  bool archived);
void analysis_free(struct al_analysis *a);

/* The index of the episode that opened at session index i, or SIZE_MAX. */
size_t analysis_episode_at(const struct al_analysis *a, size_t i);

#endif
