/* The development summary's counts (SPEC §3 development, §4b Counts): what
 * opened and closed in a period, the likely domains, the repair rate overall
 * and per strategy, and how soon the repair work was recorded. */
#include <string.h>

#include "alliance/core/development.h"

void development_init(struct al_development *d, int32_t from, int32_t to)
{
	memset(d, 0, sizeof *d);
	d->from = from;
	d->to = to;
}

static bool in_period(const struct al_development *d, const struct al_course *c, size_t i)
{
	return i < c->n && c->sessions[i].date >= d->from && c->sessions[i].date <= d->to;
}

/* The records of the episode that opened at opened: the first and latest
 * (by session, then id) as indices into recs, and every strategy named. */
struct ep_records {
	size_t first, latest; /* SIZE_MAX: none */
	uint32_t strategies;
};

static bool before(const struct al_repair_rec *a, const struct al_repair_rec *b)
{
	return a->session < b->session || (a->session == b->session && a->id < b->id);
}

static struct ep_records records_of(const struct al_repair_rec *recs, size_t nrecs, size_t opened)
{
	struct ep_records r = {SIZE_MAX, SIZE_MAX, 0};
	for (size_t k = 0; k < nrecs; k++) {
		if (recs[k].opened != opened)
			continue;
		if (r.first == SIZE_MAX || before(&recs[k], &recs[r.first]))
			r.first = k;
		if (r.latest == SIZE_MAX || before(&recs[r.latest], &recs[k]))
			r.latest = k;
		r.strategies |= recs[k].strategies;
	}
	return r;
}

static void bin(int *bins, int nbins, long v)
{
	bins[v < 0 ? 0 : v >= nbins ? nbins - 1 : v]++;
}

static void add_opened(struct al_development *d, const struct al_course *c,
                       const struct al_episode *e, const struct al_repair_rec *recs,
                       const struct ep_records *r)
{
	d->opened++;
	d->by_kind[e->kind]++;
	if (r->first == SIZE_MAX) {
		d->no_record++;
		if (e->opened + 1 < c->n)
			d->within_one_of++;
		return;
	}
	d->by_domain[recs[r->latest].domain]++;
	size_t at = recs[r->first].session;
	d->timed++;
	bin(d->first_sessions, DEV_SESSION_BINS, (long)at - (long)e->opened);
	bin(d->first_days, DEV_DAY_BINS, (long)c->sessions[at].date - c->sessions[e->opened].date);
	d->within_one_of++;
	if (at <= e->opened + 1)
		d->within_one++;
}

static void add_closed(struct al_development *d, const struct al_episode *e,
                       const struct ep_records *r)
{
	int repaired = e->status == AL_EPISODE_REPAIRED;
	d->overall.closed++;
	d->overall.repaired += repaired;
	if (!r->strategies) {
		d->without_record.closed++;
		d->without_record.repaired += repaired;
	}
	for (int s = 0; s < AL_STRATEGY_COUNT; s++)
		if (r->strategies >> s & 1) {
			d->by_strategy[s].closed++;
			d->by_strategy[s].repaired += repaired;
		}
}

static void add_sessions(struct al_development *d, const struct al_course *c)
{
	int n = 0;
	for (size_t i = 0; i < c->n; i++)
		n += in_period(d, c, i);
	d->sessions += n;
	d->clients += n > 0;
}

static bool names_episode(const struct al_episode *eps, size_t neps, size_t opened)
{
	for (size_t k = 0; k < neps; k++)
		if (eps[k].opened == opened)
			return true;
	return false;
}

static void add_records(struct al_development *d, const struct al_course *c,
                        const struct al_episode *eps, size_t neps, const struct al_repair_rec *recs,
                        size_t nrecs)
{
	for (size_t k = 0; k < nrecs; k++) {
		if (!in_period(d, c, recs[k].session) || !names_episode(eps, neps, recs[k].opened))
			continue;
		d->records++;
		for (int s = 0; s < AL_STRATEGY_COUNT; s++)
			d->strategy_used[s] += (recs[k].strategies >> s & 1u) ? 1 : 0;
	}
}

void development_add(struct al_development *d, const struct al_course *c,
                     const struct al_episode *eps, size_t neps, const struct al_repair_rec *recs,
                     size_t nrecs)
{
	add_sessions(d, c);
	add_records(d, c, eps, neps, recs, nrecs);
	for (size_t k = 0; k < neps; k++) {
		const struct al_episode *e = &eps[k];
		struct ep_records r = records_of(recs, nrecs, e->opened);
		if (in_period(d, c, e->opened))
			add_opened(d, c, e, recs, &r);
		if (e->status != AL_EPISODE_OPEN && in_period(d, c, e->closed))
			add_closed(d, e, &r);
	}
}

int development_median(const int *bins, int nbins, int n)
{
	if (n <= 0)
		return -1;
	int want = (n - 1) / 2, seen = 0; /* the lower middle value's rank */
	for (int v = 0; v < nbins; v++) {
		seen += bins[v];
		if (seen > want)
			return v;
	}
	return nbins - 1;
}

bool development_few(int n)
{
	return n < DEV_FEW;
}

int development_percent(int part, int whole)
{
	if (whole <= 0)
		return -1;
	return (200 * part + whole) / (2 * whole);
}
