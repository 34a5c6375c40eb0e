/* A client's summary line from the course and its flags (summary.h). */
#include "alliance/core/summary.h"

#include <stdio.h>
#include <string.h>

#include "alliance/core/parse.h"

#define GAP_DAYS_IN_WORDS 14 /* "12 days ago" below this, "3 weeks ago" from it */

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

/* The current red episode's state, and the latest closed episodes. */
static void count_episodes(const struct al_course *c, const struct al_episode *eps, size_t n,
                           struct al_summary *out)
{
	size_t closed = 0;
	out->episodes = (int)n;
	for (size_t k = 0; k < n; k++) {
		const struct al_episode *e = &eps[k];
		if (e->severity == AL_SEV_RED && episode_is_current(c, e)) {
			out->red_open |= e->status == AL_EPISODE_OPEN;
			out->red_unrepaired |= e->status == AL_EPISODE_UNREPAIRED;
		}
		closed += e->status != AL_EPISODE_OPEN;
	}
	size_t skip = closed > AL_SUMMARY_CLOSED ? closed - AL_SUMMARY_CLOSED : 0;
	for (size_t k = 0; k < n; k++) {
		const struct al_episode *e = &eps[k];
		if (e->status == AL_EPISODE_OPEN || e->closed >= c->n)
			continue;
		if (skip) {
			skip--;
			continue;
		}
		out->closed[out->nclosed++] = (struct al_closed){c->sessions[e->closed].date,
		                                                 e->status == AL_EPISODE_REPAIRED};
	}
}

void summary_why(const struct al_course *c, const struct al_settings *s,
                 const struct al_flag *flags, const struct al_episode *eps,
                 const struct al_standing *st, const char *clinician, char *buf, size_t cap)
{
	if (cap)
		buf[0] = '\0';
	if (st->episode != SIZE_MAX)
		episode_story(c, s, &eps[st->episode], clinician, buf, cap);
	else if (st->newest_flag != SIZE_MAX)
		flag_explain_named(c, s, &flags[st->newest_flag], clinician, buf, cap);
}

void summary_compute(const struct al_course *c, const struct al_settings *s,
                     const struct al_flag *flags, size_t n, const struct al_episode *eps,
                     size_t neps, const char *clinician, struct al_summary *out)
{
	int core[AL_CORE_DIMS];
	memset(out, 0, sizeof *out);
	core_dims(c, core);
	out->sessions = (int)c->n;
	out->last_date = c->n ? c->sessions[c->n - 1].date : INT32_MIN;
	out->last_attended = INT32_MIN;
	for (size_t i = c->n; i-- > 0 && out->last_attended == INT32_MIN;)
		if (c->sessions[i].attendance == AL_ATTENDED)
			out->last_attended = c->sessions[i].date;
	for (int k = 0; k < AL_CORE_DIMS; k++) {
		out->last[k] = AL_MISSING;
		for (size_t i = c->n; i-- > 0 && out->last[k] == AL_MISSING;)
			out->last[k] = client_rating(&c->sessions[i], core[k]);
	}
	size_t from = c->n > AL_TREND_SESSIONS ? c->n - AL_TREND_SESSIONS : 0;
	for (size_t i = from; i < c->n; i++)
		trend_point(&c->sessions[i], core, &out->trend[out->ntrend++]);
	count_episodes(c, eps, neps, out);
	episodes_standing(c, flags, n, eps, neps, &out->standing);
	summary_why(c, s, flags, eps, &out->standing, clinician, out->flag, sizeof out->flag);
	out->standing.newest_flag = SIZE_MAX;
	out->standing.episode = SIZE_MAX;
}

void summary_apply_gap(struct al_summary *s, bool archived, int32_t today, int gap_days)
{
	char since[32];
	s->gap = !archived && s->last_attended != INT32_MIN && today - s->last_attended > gap_days;
	if (!s->gap || s->standing.risk <= AL_RISK_WATCH)
		return; /* a rupture or an amber flag says more than the gap */
	int32_t days = today - s->last_attended;
	s->standing.state = AL_STATE_WATCH;
	s->standing.risk = AL_RISK_WATCH;
	s->standing.key_date = s->last_attended;
	format_date_words(s->last_attended, today, since, sizeof since);
	if (days < GAP_DAYS_IN_WORDS)
		snprintf(s->flag, sizeof s->flag, "Not seen since %s, %d days ago.", since,
		         (int)days);
	else
		snprintf(s->flag, sizeof s->flag, "Not seen since %s, %d weeks ago.", since,
		         (int)(days / 7));
	size_t n = strlen(s->flag);
	snprintf(s->flag + n, sizeof s->flag - n, " Get in touch to ask how they are.");
}
