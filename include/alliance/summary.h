/* A client's summary: the one line the caseload, the supervisor board and
 * the caseload command show, computed from the course and its flags. The
 * database keeps it up to date on every write (db_status.h), so that
 * listing thousands of clients runs no detection. */
#ifndef ALLIANCE_SUMMARY_H
#define ALLIANCE_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/course.h"
#include "alliance/rules.h"

#define AL_TREND_SESSIONS 12 /* sparklines cover the last 12 sessions */
#define AL_EXPLAIN_MAX 640   /* one flag's explanation, NUL included */

/* One session of the trend: [0] is the mean of the core dimensions the
 * client rated (rounded to tenths), [1 + k] the client's rating of core
 * dimension k; AL_MISSING when absent. */
struct al_trend_point {
	int32_t date;
	al_tenths value[1 + AL_CORE_DIMS];
};

struct al_summary {
	int sessions;
	int32_t last_date;            /* INT32_MIN when there is no session */
	int32_t last_seen;            /* the last attended session's date, or INT32_MIN */
	bool gap;                     /* set by summary_apply_gap: not seen for too long */
	al_tenths last[AL_CORE_DIMS]; /* each core dimension's latest client rating
	                                 (from the last session that has one) */
	struct al_trend_point trend[AL_TREND_SESSIONS]; /* the last sessions, oldest first */
	int ntrend;
	struct al_standing standing; /* newest_flag is SIZE_MAX: flag holds its words */
	/* red flags of the whole course by repair status (the board's
	 * open and unrepaired ruptures and its repair rate) */
	int ruptures_open, ruptures_repaired, ruptures_unrepaired;
	char flag[AL_EXPLAIN_MAX]; /* explanation of the current flag that weighs most, or "" */
};

/* The core dimensions are the first AL_CORE_DIMS of c->dims with .core set. */
void summary_compute(const struct al_course *c, const struct al_settings *s,
                     const struct al_flag *flags, size_t n, struct al_summary *out);

/* The gap rule (SPEC §4b), worked out when reading because it depends on
 * today: an active client whose last attended session is more than
 * gap_days before today is at least WATCH (not a flag: `flags` never
 * depends on today). Sets s->gap; when nothing weighs more, the status
 * becomes WATCH, ordered by the last attended date, and the why line says
 * "Not seen since 3 October, 9 weeks ago. ..." */
void summary_apply_gap(struct al_summary *s, bool archived, int32_t today, int gap_days);

#endif
