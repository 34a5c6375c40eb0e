/* The board's per-clinician summary: counts, the recent mean, repair rate. */
#include "alliance/board.h"

/* Adds session s's client ratings to the tally when it has any. */
static void tally_session(struct board_tally *t, const struct al_course *c,
			  const struct al_session *s)
{
	bool rated = false;
	for (size_t d = 0; d < c->ndims; d++) {
		al_tenths v = s->rating[AL_RATER_CLIENT][d];
		if (v == AL_MISSING)
			continue;
		rated = true;
		if (c->dims[d].core) {
			t->rating_sum += v;
			t->ratings++;
		}
	}
	t->sessions += rated;
}

void board_tally_add(struct board_tally *t, const struct al_course *c, const struct al_flag *flags,
		     size_t n, int32_t today)
{
	t->clients++;
	for (size_t i = 0; i < c->n; i++) {
		int32_t date = c->sessions[i].date;
		if (date <= today && date > today - BOARD_WINDOW_DAYS)
			tally_session(t, c, &c->sessions[i]);
	}
	for (size_t k = 0; k < n; k++) {
		if (flags[k].severity != AL_SEV_RED)
			continue;
		t->open += flags[k].repair == AL_REPAIR_OPEN;
		t->repaired += flags[k].repair == AL_REPAIR_REPAIRED;
		t->unrepaired += flags[k].repair == AL_REPAIR_UNREPAIRED;
	}
}

int board_tally_mean(const struct board_tally *t)
{
	if (t->ratings == 0)
		return AL_MISSING;
	return (int)((2 * t->rating_sum + t->ratings) / (2 * (int64_t)t->ratings));
}

int board_repair_pct(const struct board_tally *t)
{
	int resolved = t->repaired + t->unrepaired;
	if (resolved == 0)
		return -1;
	return (200 * t->repaired + resolved) / (2 * resolved);
}
