/* The board's per-clinician summary: counts, the recent mean, repair rate. */
#include "alliance/core/board.h"

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

static bool in_repair_window(int32_t date, int32_t today)
{
	return date <= today && date > today - BOARD_REPAIR_DAYS;
}

void board_tally_client(struct board_tally *t, const struct al_summary *s, int32_t today)
{
	t->clients++;
	t->open += s->red_open;
	t->unrepaired += s->red_unrepaired;
	t->not_seen += s->gap;
	if (!board_closed_covers(s, today))
		return;
	for (int k = 0; k < s->nclosed; k++)
		if (in_repair_window(s->closed[k].date, today)) {
			t->closed++;
			t->repaired += s->closed[k].repaired;
		}
}

bool board_closed_covers(const struct al_summary *s, int32_t today)
{
	return s->nclosed < AL_SUMMARY_CLOSED || s->closed[0].date <= today - BOARD_REPAIR_DAYS;
}

void board_tally_episodes(struct board_tally *t, const struct al_course *c,
                          const struct al_episode *eps, size_t n, int32_t today)
{
	for (size_t k = 0; k < n; k++)
		if (eps[k].status != AL_EPISODE_OPEN && eps[k].closed < c->n &&
		    in_repair_window(c->sessions[eps[k].closed].date, today)) {
			t->closed++;
			t->repaired += eps[k].status == AL_EPISODE_REPAIRED;
		}
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
	if (t->closed == 0)
		return -1;
	return (200 * t->repaired + t->closed) / (2 * t->closed);
}
