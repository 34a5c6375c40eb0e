/* A clinician's professional-development summary (SPEC §3 development):
 * where their ruptures come from and what has helped, with honest counts,
 * over a period. Pure code: courses, their episodes and repair records in,
 * counts out. Every count counts episodes or clients, never flags. */
#ifndef ALLIANCE_DEVELOPMENT_H
#define ALLIANCE_DEVELOPMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/core/course.h"
#include "alliance/core/episode.h"
#include "alliance/core/repair_record.h"

#define DEV_FEW 5           /* a rate over fewer episodes is a pattern, not evidence */
#define DEV_SESSION_BINS 64 /* opening to first record, in sessions (the last: 63 or more) */
#define DEV_DAY_BINS 400    /* likewise in days (the last: 399 or more) */

/* repaired of closed: episodes closed in the period, repaired within the
 * repair window (SPEC §4b Counts). */
struct dev_rate {
	int repaired, closed;
};

/* Attendance and the client's check-in over the sessions of the period.
 * A hook: filled once the storage has them (issue 14); known is false until
 * then and the outputs leave the section out. */
struct dev_engagement {
	bool known;
	int sessions, attended, cancelled, late_cancel, no_show, clinician_cancel;
	int checkins;      /* attended sessions with a check-in */
	int tension;       /* of those, tension > 0 */
	int talked_well;   /* of those with tension, talked >= 3 */
	int misunderstood; /* misunderstood = yes */
};

struct al_development {
	int32_t from, to; /* the period, days, inclusive (INT32_MIN/INT32_MAX: open) */
	int clients;      /* clients with a session in the period */
	int sessions;     /* their sessions in the period */
	/* Episodes that opened in the period ... */
	int opened;
	int by_kind[AL_EPISODE_KIND_COUNT];
	int by_domain[AL_DOMAIN_COUNT]; /* the domain of the latest record */
	int no_record;                  /* ... without any repair record */
	/* ... with a record: sessions and days from the opening to the first */
	int timed;
	int first_sessions[DEV_SESSION_BINS];
	int first_days[DEV_DAY_BINS];
	/* ... whose next session has come (or with a record): how many had a
	 * record at the opening session or the next */
	int within_one, within_one_of;
	/* Episodes closed in the period: overall, those with a record naming
	 * each strategy, and those without any record. */
	struct dev_rate overall;
	struct dev_rate by_strategy[AL_STRATEGY_COUNT];
	struct dev_rate without_record;
	/* Repair records made in the period (by the session where they were
	 * done), and how often each strategy was named in them. */
	int records;
	int strategy_used[AL_STRATEGY_COUNT];
	struct dev_engagement engagement;
};

void development_init(struct al_development *d, int32_t from, int32_t to);

/* Adds one client's course with its episodes (episodes_build) and repair
 * records (any order; records naming no episode of eps are ignored). */
void development_add(struct al_development *d, const struct al_course *c,
                     const struct al_episode *eps, size_t neps, const struct al_repair_rec *recs,
                     size_t nrecs);

/* The median of a histogram of n values (the lower middle for an even n),
 * or -1 when n is 0. */
int development_median(const int *bins, int nbins, int n);

/* Whether a count is too small to read as more than a pattern (< DEV_FEW). */
bool development_few(int n);

/* The whole percentage of part in whole, rounded half up; -1 for whole 0. */
int development_percent(int part, int whole);

#endif
