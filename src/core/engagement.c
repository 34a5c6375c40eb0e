/* Engagement figures as percentages (engagement.h). */
#include "alliance/core/engagement.h"

static int pct(int part, int whole)
{
	return whole > 0 ? (200 * part + whole) / (2 * whole) : -1;
}

int engagement_missed_pct(const struct al_engagement *e)
{
	return pct(e->missed, e->sessions);
}

int engagement_unrated_pct(const struct al_engagement *e)
{
	return pct(e->unrated, e->attended);
}
