/* A client's standing from their episodes (SPEC §4b "Current episodes and
 * status"): which episodes are current, the status word, the risk order. */
#include <stdint.h>

#include "alliance/core/episode.h"

const char *episode_kind_name(enum al_episode_kind k)
{
	static const char *const names[AL_EPISODE_KIND_COUNT] = {
	    [AL_EPISODE_RUPTURE] = "rupture",
	    [AL_EPISODE_DECLINE] = "decline",
	    [AL_EPISODE_REPORTED] = "reported",
	    [AL_EPISODE_DISENGAGEMENT] = "disengagement",
	};
	return (unsigned)k < AL_EPISODE_KIND_COUNT ? names[k] : "?";
}

const char *episode_status_name(enum al_episode_status s)
{
	static const char *const names[] = {"open", "repaired", "unrepaired"};
	return (unsigned)s <= AL_EPISODE_UNREPAIRED ? names[s] : "?";
}

/* How many sessions from the end: 1 for the last. */
static size_t from_end(const struct al_course *c, size_t i)
{
	return c->n - i;
}

bool episode_is_current(const struct al_course *c, const struct al_episode *e)
{
	if (e->opened >= c->n)
		return false;
	switch (e->status) {
	case AL_EPISODE_OPEN:
		return true;
	case AL_EPISODE_UNREPAIRED:
		return e->back == SIZE_MAX && from_end(c, e->opened) <= AL_EPISODE_SPAN;
	default:
		return e->closed < c->n && from_end(c, e->closed) <= AL_EPISODE_RECENT;
	}
}

/* An episode's weight in the risk order. */
static enum al_risk episode_tier(const struct al_episode *e)
{
	if (e->status == AL_EPISODE_REPAIRED)
		return AL_RISK_REPAIRED;
	if (e->severity < AL_SEV_RED)
		return AL_RISK_WATCH;
	return e->status == AL_EPISODE_UNREPAIRED ? AL_RISK_UNREPAIRED : AL_RISK_OPEN_RED;
}

static enum al_state state_of(enum al_risk r)
{
	switch (r) {
	case AL_RISK_UNREPAIRED:
	case AL_RISK_OPEN_RED:
		return AL_STATE_RUPTURE;
	case AL_RISK_WATCH:
		return AL_STATE_WATCH;
	case AL_RISK_REPAIRED:
		return AL_STATE_REPAIRED;
	default:
		return AL_STATE_OK;
	}
}

/* The low or discrepancy flag of the last 4 sessions behind a WATCH: the
 * newest session's, a discrepancy before a low (the rarer tells more). */
static size_t watch_flag(const struct al_course *c, const struct al_flag *flags, size_t n)
{
	size_t found = SIZE_MAX;
	for (size_t k = 0; k < n; k++) {
		const struct al_flag *f = &flags[k];
		if ((f->rule != AL_RULE_LOW && f->rule != AL_RULE_DISCREPANCY) ||
		    f->session >= c->n || from_end(c, f->session) > AL_CURRENT_SESSIONS)
			continue;
		if (found == SIZE_MAX || f->session > flags[found].session ||
		    (f->session == flags[found].session && flags[found].rule == AL_RULE_LOW &&
		     f->rule == AL_RULE_DISCREPANCY))
			found = k;
	}
	return found;
}

void episodes_standing(const struct al_course *c, const struct al_flag *flags, size_t nflags,
                       const struct al_episode *eps, size_t neps, struct al_standing *out)
{
	*out = (struct al_standing){.state = AL_STATE_OK,
	                            .risk = AL_RISK_OK,
	                            .key_date = INT32_MIN,
	                            .newest_flag = SIZE_MAX,
	                            .episode = SIZE_MAX};
	enum al_risk best = AL_RISK_OK;
	for (size_t k = 0; k < neps; k++) {
		if (!episode_is_current(c, &eps[k]))
			continue;
		out->current++;
		out->key_date = c->sessions[eps[k].opened].date; /* in opening order */
		enum al_risk tier = episode_tier(&eps[k]);
		if (out->episode == SIZE_MAX || tier <= best) {
			best = tier;
			out->episode = k;
		}
	}
	size_t watch = watch_flag(c, flags, nflags);
	if (best > AL_RISK_WATCH && watch != SIZE_MAX) {
		best = AL_RISK_WATCH;
		out->newest_flag = watch;
		out->episode = SIZE_MAX;
	}
	if (out->key_date == INT32_MIN && c->n)
		out->key_date = c->sessions[c->n - 1].date; /* issue 14: the last attended */
	out->risk = best;
	out->state = state_of(best);
}
