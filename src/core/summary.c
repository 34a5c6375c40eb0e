/* A client's summary line from the course and its flags (summary.h). */
#include "alliance/summary.h"

#include <string.h>

/* Indices of the core dimensions in c->dims; -1 where there are fewer. */
static void core_dims(const struct al_course *c, int core[AL_CORE_DIMS])
{
	int k = 0;
	for (size_t i = 0; i < c->ndims && k < AL_CORE_DIMS; i++)
		if (c->dims[i].core)
			core[k++] = (int)i;
	while (k < AL_CORE_DIMS)
		core[k++] = -1;
}

static al_tenths client_rating(const struct al_session *s, int dim)
{
	return dim >= 0 ? s->rating[AL_RATER_CLIENT][dim] : AL_MISSING;
}

static void trend_point(const struct al_session *s, const int core[AL_CORE_DIMS],
                        struct al_trend_point *p)
{
	int sum = 0, n = 0;
	p->date = s->date;
	for (int k = 0; k < AL_CORE_DIMS; k++) {
		al_tenths v = client_rating(s, core[k]);
		p->value[1 + k] = v;
		if (v != AL_MISSING) {
			sum += v;
			n++;
		}
	}
	p->value[0] = (al_tenths)(n ? (sum + n / 2) / n : AL_MISSING);
}

static void count_ruptures(const struct al_flag *flags, size_t n, struct al_summary *out)
{
	for (size_t i = 0; i < n; i++) {
		if (flags[i].severity != AL_SEV_RED)
			continue;
		out->ruptures_open += flags[i].repair == AL_REPAIR_OPEN;
		out->ruptures_repaired += flags[i].repair == AL_REPAIR_REPAIRED;
		out->ruptures_unrepaired += flags[i].repair == AL_REPAIR_UNREPAIRED;
	}
}

void summary_compute(const struct al_course *c, const struct al_settings *s,
                     const struct al_flag *flags, size_t n, struct al_summary *out)
{
	int core[AL_CORE_DIMS];
	memset(out, 0, sizeof *out);
	core_dims(c, core);
	out->sessions = (int)c->n;
	out->last_date = c->n ? c->sessions[c->n - 1].date : INT32_MIN;
	for (int k = 0; k < AL_CORE_DIMS; k++) {
		out->last[k] = AL_MISSING;
		for (size_t i = c->n; i-- > 0 && out->last[k] == AL_MISSING;)
			out->last[k] = client_rating(&c->sessions[i], core[k]);
	}
	size_t from = c->n > AL_TREND_SESSIONS ? c->n - AL_TREND_SESSIONS : 0;
	for (size_t i = from; i < c->n; i++)
		trend_point(&c->sessions[i], core, &out->trend[out->ntrend++]);
	count_ruptures(flags, n, out);
	standing_compute(c, flags, n, &out->standing);
	if (out->standing.newest_flag != SIZE_MAX)
		flag_explain(c, s, &flags[out->standing.newest_flag], out->flag, sizeof out->flag);
	out->standing.newest_flag = SIZE_MAX;
}
