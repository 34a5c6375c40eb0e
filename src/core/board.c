/* The board's per-clinician summary: counts, the recent mean, repair rate. */
#include "alliance/board.h"

static bool in_window(int32_t date, int32_t today)
{
	return date <= today && date > today - BOARD_WINDOW_DAYS;
}

/* Adds one session's core client ratings v[0..n) when it has any. */
static void tally_session(struct board_tally *t, const al_tenths *v, size_t n)
{
	int rated = 0;
	for (size_t k = 0; k < n; k++)
		if (v[k] != AL_MISSING) {
			t->rating_sum += v[k];
			rated++;
		}
	t->ratings += rated;
	t->sessions += rated > 0;
}

void board_tally_client(struct board_tally *t, const struct al_summary *s)
{
	t->clients++;
	t->open += s->ruptures_open;
	t->repaired += s->ruptures_repaired;
	t->unrepaired += s->ruptures_unrepaired;
	t->not_seen += s->gap;
}

bool board_trend_covers(const struct al_summary *s, int32_t today)
{
	return s->ntrend < AL_TREND_SESSIONS || s->trend[0].date <= today - BOARD_WINDOW_DAYS;
}

void board_tally_trend(struct board_tally *t, const struct al_summary *s, int32_t today)
{
	for (int i = 0; i < s->ntrend; i++)
		if (in_window(s->trend[i].date, today))
			tally_session(t, s->trend[i].value + 1, AL_CORE_DIMS);
}

void board_tally_course(struct board_tally *t, const struct al_course *c, int32_t today)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct al_session *s = &c->sessions[i];
		al_tenths core[AL_DIM_MAX];
		size_t n = 0;
		if (!in_window(s->date, today))
			continue;
		for (size_t d = 0; d < c->ndims; d++)
			if (c->dims[d].core)
				core[n++] = s->rating[AL_RATER_CLIENT][d];
		tally_session(t, core, n);
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
