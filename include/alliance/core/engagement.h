/* Engagement figures of one clinician over a period (SPEC §4b "Counts"):
 * attendance, unrated sessions, the check-in and how courses ended. The
 * board's summary shows them for the last 12 weeks, the development
 * summary for --from/--to. Pure arithmetic; db_engagement.h fills them. */
#ifndef ALLIANCE_ENGAGEMENT_H
#define ALLIANCE_ENGAGEMENT_H

#include "alliance/core/course.h"
#include "alliance/core/parse.h"

#define ENGAGEMENT_BOARD_DAYS 84 /* the board's "last 12 weeks": today and 83 days before */

struct al_engagement {
	int sessions;            /* sessions the client was to come to: all but clinician-cancel */
	int missed;              /* of those, no-show or late-cancel */
	int attended;            /* attended sessions */
	int unrated;             /* attended sessions without any client rating */
	int checkins;            /* attended sessions with a check-in answer */
	int tension;             /* ... with some tension (above 0) */
	int misunderstood;       /* ... where something felt misunderstood */
	int ended[AL_END_COUNT]; /* clients whose course ended in the period, by reason */
};

/* missed / sessions and unrated / attended in whole percent rounded half
 * up; -1 when there is nothing to divide by (shown as "-"). */
int engagement_missed_pct(const struct al_engagement *e);
int engagement_unrated_pct(const struct al_engagement *e);

#endif
