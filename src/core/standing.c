/* A client's standing: which flags are current, the status word and the
 * risk order of caseload and board (SPEC §4 "Current flags and status"). */
#include <stdint.h>
#include <string.h>

#include "alliance/core/rules.h"

bool flag_is_current(const struct al_course *c, const struct al_flag *f)
{
	if (f->session >= c->n)
		return false;
	size_t from_end = c->n - f->session; /* 1 for the last session */
	if (from_end <= AL_CURRENT_SESSIONS)
		return true;
	return f->repair == AL_REPAIR_UNREPAIRED && from_end <= AL_UNREPAIRED_SESSIONS;
}

/* How much a flag weighs for the status, in risk order: an unrepaired red
 * flag weighs most, then an open red one, then amber, then a repaired red. */
static enum al_risk flag_tier(const struct al_flag *f)
{
	if (f->severity == AL_SEV_RED) {
		if (f->repair == AL_REPAIR_UNREPAIRED)
			return AL_RISK_UNREPAIRED;
		return f->repair == AL_REPAIR_REPAIRED ? AL_RISK_REPAIRED : AL_RISK_OPEN_RED;
	}
	return f->severity == AL_SEV_AMBER ? AL_RISK_WATCH : AL_RISK_OK;
}

static enum al_state state_of_risk(enum al_risk r)
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

void standing_compute(const struct al_course *c, const struct al_flag *flags, size_t n,
                      struct al_standing *out)
{
	*out = (struct al_standing){
	    .state = AL_STATE_OK,
	    .risk = AL_RISK_OK,
	    .key_date = INT32_MIN,
	    .newest_flag = SIZE_MAX,
	    .episode = SIZE_MAX,
	};
	enum al_risk best = AL_RISK_OK;
	for (size_t i = 0; i < n; i++) {
		const struct al_flag *f = &flags[i];
		if (!flag_is_current(c, f))
			continue;
		out->current++;
		int32_t date = c->sessions[f->session].date;
		if (date > out->key_date)
			out->key_date = date;
		/* the most important: highest tier, then the latest session */
		enum al_risk tier = flag_tier(f);
		if (out->newest_flag == SIZE_MAX || tier < best ||
		    (tier == best && f->session > flags[out->newest_flag].session)) {
			best = tier;
			out->newest_flag = i;
		}
	}
	out->risk = best;
	out->state = state_of_risk(best);
}

int standing_compare(const struct al_standing *a, const char *code_a, const struct al_standing *b,
                     const char *code_b)
{
	if (a->risk != b->risk)
		return a->risk < b->risk ? -1 : 1;
	if (a->key_date != b->key_date)
		return a->key_date > b->key_date ? -1 : 1;
	return strcmp(code_a, code_b);
}

const char *state_name(enum al_state s)
{
	static const char *const names[] = {"ok", "repaired", "WATCH", "RUPTURE"};
	return (unsigned)s <= AL_STATE_RUPTURE ? names[s] : "?";
}
