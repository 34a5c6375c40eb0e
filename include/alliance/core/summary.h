/* A client's summary: the one line the caseload, the supervisor board and
 * the caseload command show, computed from the course, its flags and its
 * episodes (episode.h). The database keeps it up to date on every write
 * (db_status.h), so that listing thousands of clients runs no detection. */
#ifndef ALLIANCE_SUMMARY_H
#define ALLIANCE_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/core/course.h"
#include "alliance/core/episode.h"
#include "alliance/core/rules.h"

#define AL_TREND_SESSIONS 12 /* sparklines cover the last 12 sessions */
#define AL_EXPLAIN_MAX 640   /* one flag's explanation or episode's story, NUL included */
#define AL_SUMMARY_CLOSED 32 /* the latest closed episodes kept for the repair rate */

/* One session of the trend: [0] is the mean of the core dimensions the
 * client rated (rounded to tenths), [1 + k] the client's rating of core
 * dimension k; AL_MISSING when absent. */
struct al_trend_point {
	int32_t date;
	al_tenths value[1 + AL_CORE_DIMS];
};

/* A closed episode, for the board's repair rate over a period. */
struct al_closed {
	int32_t date;  /* of the session where it was repaired or judged unrepaired */
	bool repaired; /* else unrepaired */
};

struct al_summary {
	int sessions;
	int32_t last_date;            /* INT32_MIN when there is no session */
	int32_t last_attended;        /* the last attended session's date, or INT32_MIN */
	bool gap;                     /* set by summary_apply_gap: not seen for too long */
	al_tenths last[AL_CORE_DIMS]; /* each core dimension's latest client rating
	                                 (from the last session that has one) */
	struct al_trend_point trend[AL_TREND_SESSIONS]; /* the last sessions, oldest first */
	int ntrend;
	/* from episodes (SPEC §4b); newest_flag and episode are SIZE_MAX:
	 * flag holds their words */
	struct al_standing standing;
	bool red_open, red_unrepaired; /* its current red episode is open / unrepaired */
	struct al_closed closed[AL_SUMMARY_CLOSED]; /* the latest closed episodes, oldest first */
	int nclosed;
	int episodes; /* in all: when more than nclosed closed, older ones are left out */
	/* the why line: the story of the episode behind the status, or the
	 * explanation of the low or discrepancy flag behind a WATCH; "" for none */
	char flag[AL_EXPLAIN_MAX];
};

/* eps are the course's episodes (episodes_build). clinician NULL tells the
 * stories to the clinician ("you noted"); a name tells them about them, for
 * a supervisor. The core dimensions are the first AL_CORE_DIMS of c->dims
 * with .core set. */
void summary_compute(const struct al_course *c, const struct al_settings *s,
                     const struct al_flag *flags, size_t n, const struct al_episode *eps,
                     size_t neps, const char *clinician, struct al_summary *out);

/* The why line of a standing (episodes_standing) into buf. */
void summary_why(const struct al_course *c, const struct al_settings *s,
                 const struct al_flag *flags, const struct al_episode *eps,
                 const struct al_standing *st, const char *clinician, char *buf, size_t cap);

/* The gap rule (SPEC §4b), worked out when reading because it depends on
 * today: an active client whose last attended session is more than
 * gap_days before today is at least WATCH (not a flag: `flags` never
 * depends on today). Sets s->gap; when nothing weighs more, the status
 * becomes WATCH, ordered by the last attended date, and the why line says
 * "Not seen since 3 October, 9 weeks ago. ..." */
void summary_apply_gap(struct al_summary *s, bool archived, int32_t today, int gap_days);

#endif
