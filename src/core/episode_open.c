/* The ratings' part of the opening criterion (episode_open.h): a change is
 * measured against the client's own usual level and their own
 * session-to-session spread (README "How ruptures are found"). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "alliance/core/episode_open.h"

#define EPS 1e-9
#define SLIDE_BASE_MAX 32

/* The defaults were chosen with make eval-tradeoff on synthetic courses
 * (tests/eval); the README shows the trade-off around them. */
void episode_tuning_default(struct al_episode_tuning *t)
{
	*t = (struct al_episode_tuning){
	    .window = 16,
	    .min_values = 3,
	    .spread_prior = 0.88,
	    .mean_prior = 0.41,
	    .spread_weight = 4.2,
	    .fall_z = 2.7,
	    .fall_min = 1.0,
	    .together_z = 3.1,
	    .together_min = 0.9,
	    .confirm_z = 2.7,
	    .confirm_again_z = 0.5,
	    .confirm_min = 0.45,
	    .member_z = 0.85,
	    .slide_base = 6,
	    .slide_lambda = 0.26,
	    .slide_limit = 3.3,
	};
}

/* A series the criterion watches: dimension d, or (d < 0) the mean of the
 * core dimensions at sessions where at least two are rated. */
static bool series_value(const struct al_course *c, int d, size_t j, double *v)
{
	const al_tenths *r = c->sessions[j].rating[AL_RATER_CLIENT];
	if (d >= 0) {
		*v = r[d] / 10.0;
		return r[d] >= 0;
	}
	int sum = 0, n = 0;
	for (size_t k = 0; k < c->ndims && k < AL_DIM_MAX; k++)
		if (c->dims[k].core && r[k] >= 0) {
			sum += r[k];
			n++;
		}
	*v = n ? sum / (10.0 * n) : 0.0;
	return n >= 2;
}

/* The mean of series d's last window values before `before` (sessions
 * without a context event), with the sum of squared deviations from it. */
struct values {
	int n;
	double mean, ss;
};

static struct values recent(const struct al_course *c, const struct al_episode_tuning *t, int d,
                            size_t before)
{
	double sum = 0.0, sq = 0.0, v;
	int n = 0;
	for (size_t j = before; j-- > 0 && n < t->window;) {
		if (c->sessions[j].has_context || !series_value(c, d, j, &v))
			continue;
		sum += v;
		sq += v * v;
		n++;
	}
	struct values r = {n, n ? sum / n : 0.0, n ? sq - sum * sum / n : 0.0};
	if (r.ss < 0.0)
		r.ss = 0.0;
	return r;
}

bool episode_usual_level(const struct al_course *c, const struct al_episode_tuning *t, int dim,
                         size_t before, struct episode_usual *u)
{
	struct values own = recent(c, t, dim, before);
	u->n = own.n;
	if (own.n < t->min_values || own.n < 1)
		return false;
	u->mean = own.mean;
	/* a core dimension's spread is the client's, pooled over the core
	 * dimensions: one way of rating, three times the values to know it by */
	double ss = own.ss, prior = dim < 0 ? t->mean_prior : t->spread_prior;
	int df = own.n - 1;
	if (dim >= 0 && c->dims[dim].core)
		for (size_t d = 0; d < c->ndims && d < AL_DIM_MAX; d++) {
			if ((int)d == dim || !c->dims[d].core)
				continue;
			struct values other = recent(c, t, (int)d, before);
			if (other.n > 1) {
				ss += other.ss;
				df += other.n - 1;
			}
		}
	double w = t->spread_weight;
	u->spread = sqrt((w * prior * prior + ss) / (w + df));
	u->scale = u->spread * sqrt(1.0 + 1.0 / own.n);
	return true;
}

/* How far series d at session i lies under its usual level before `base`:
 * z in units of the client's spread, and the fall in points. */
struct fall {
	bool seen;
	double z, points;
};

static struct fall deviation(const struct al_course *c, const struct al_episode_tuning *t, int d,
                             size_t i, size_t base)
{
	struct episode_usual u;
	double v;
	if (!series_value(c, d, i, &v) || !episode_usual_level(c, t, d, base, &u))
		return (struct fall){0};
	return (struct fall){true, (u.mean - v) / u.scale, u.mean - v};
}

/* Session i against the usual levels before `base`: each dimension and
 * their mean. */
struct scan {
	struct fall dim[AL_DIM_MAX];
	struct fall mean;
};

static void scan_session(const struct al_course *c, const struct al_episode_tuning *t, size_t i,
                         size_t base, struct scan *s)
{
	size_t nd = c->ndims < AL_DIM_MAX ? c->ndims : AL_DIM_MAX;
	memset(s, 0, sizeof *s);
	for (size_t d = 0; d < nd; d++)
		s->dim[d] = deviation(c, t, (int)d, i, base);
	s->mean = deviation(c, t, -1, i, base);
}

static bool beyond(struct fall f, double z, double points)
{
	return f.seen && f.z >= z - EPS && f.points >= points - EPS;
}

/* Two sessions' falls added up; each must be below the usual level by
 * confirm_again_z at least. */
static struct fall twice(struct fall a, struct fall b, const struct al_episode_tuning *t)
{
	if (!a.seen || !b.seen || a.z < t->confirm_again_z - EPS || b.z < t->confirm_again_z - EPS)
		return (struct fall){0};
	return (struct fall){true, (a.z + b.z) / sqrt(2.0), (a.points + b.points) / 2.0};
}

/* The dimensions that fell with the mean: member_z or more. */
static uint32_t members(const struct scan *s, const struct al_episode_tuning *t)
{
	uint32_t dims = 0;
	for (int d = 0; d < AL_DIM_MAX; d++)
		if (s->dim[d].seen && s->dim[d].z >= t->member_z - EPS)
			dims |= 1u << d;
	return dims;
}

/* One session: a dimension far below, or the mean of them all. A life
 * event explains a fall at its own session: only the next one confirms it. */
static bool fell_now(const struct al_course *c, const struct al_episode_tuning *t, size_t i,
                     struct episode_opening *out)
{
	struct scan now;
	uint32_t dims = 0;
	if (c->sessions[i].has_context)
		return false;
	scan_session(c, t, i, i, &now);
	for (int d = 0; d < AL_DIM_MAX; d++)
		if (beyond(now.dim[d], t->fall_z, t->fall_min))
			dims |= 1u << d;
	if (dims) {
		*out = (struct episode_opening){AL_OPEN_FALL, i, dims};
		return true;
	}
	if (beyond(now.mean, t->together_z, t->together_min) && (dims = members(&now, t))) {
		*out = (struct episode_opening){AL_OPEN_TOGETHER, i, dims};
		return true;
	}
	return false;
}

/* Two sessions in a row, both against the usual level before the first. */
static bool fell_twice(const struct al_course *c, const struct al_episode_tuning *t, size_t i,
                       struct episode_opening *out)
{
	struct scan prev, again;
	uint32_t dims = 0;
	scan_session(c, t, i - 1, i - 1, &prev);
	scan_session(c, t, i, i - 1, &again);
	for (int d = 0; d < AL_DIM_MAX; d++)
		if (beyond(twice(prev.dim[d], again.dim[d], t), t->confirm_z, t->confirm_min))
			dims |= 1u << d;
	if (!dims && !beyond(twice(prev.mean, again.mean, t), t->confirm_z, t->confirm_min))
		return false;
	dims |= members(&prev, t) & members(&again, t);
	if (!dims)
		return false;
	*out = (struct episode_opening){AL_OPEN_CONFIRMED, i - 1, dims};
	return true;
}

bool episode_open_by_ratings(const struct al_course *c, const struct al_episode_tuning *t, size_t i,
                             size_t earliest, struct episode_opening *out)
{
	/* after a life event, a fall still there is one that began with it */
	if (i > earliest && c->sessions[i - 1].has_context && fell_twice(c, t, i, out))
		return true;
	return fell_now(c, t, i, out) || (i > earliest && fell_twice(c, t, i, out));
}

/* ---- a slow slide */

/* The mean and spread of the first slide_base values of series d. */
struct slide {
	int nb;
	double mu, spread, z;
	int k;
	bool below;
};

/* Whether the EWMA of series d goes under its limit at session i, having
 * been at or above it at the rated session before (the first of a run).
 * The limit allows for the baseline's own uncertainty, not only the EWMA's. */
static bool slid(const struct al_course *c, const struct al_episode_tuning *t, int d, size_t i)
{
	double base[SLIDE_BASE_MAX], v, sum = 0.0, l = t->slide_lambda;
	struct slide s = {0};
	int want = t->slide_base < SLIDE_BASE_MAX ? t->slide_base : SLIDE_BASE_MAX;
	for (size_t j = 0; j <= i; j++) {
		if (!series_value(c, d, j, &v))
			continue;
		if (s.nb < want) {
			base[s.nb++] = v;
			sum += v;
			if (s.nb == want) {
				double ss = 0.0, prior = d < 0 ? t->mean_prior : t->spread_prior;
				s.mu = s.z = sum / s.nb;
				for (int b = 0; b < s.nb; b++)
					ss += (base[b] - s.mu) * (base[b] - s.mu);
				s.spread = sqrt((t->spread_weight * prior * prior + ss) /
				                (t->spread_weight + s.nb - 1));
			}
			continue;
		}
		bool was = s.below;
		s.k++;
		s.z = l * v + (1.0 - l) * s.z;
		double var = l / (2.0 - l) * (1.0 - pow(1.0 - l, 2.0 * s.k)) + 1.0 / s.nb;
		s.below = s.z < s.mu - t->slide_limit * s.spread * sqrt(var) - EPS;
		if (j == i)
			return s.below && !was;
	}
	return false;
}

bool episode_open_by_slide(const struct al_course *c, const struct al_episode_tuning *t, size_t i,
                           struct episode_opening *out)
{
	uint32_t dims = 0;
	size_t nd = c->ndims < AL_DIM_MAX ? c->ndims : AL_DIM_MAX;
	for (size_t d = 0; d < nd; d++)
		if (slid(c, t, (int)d, i))
			dims |= 1u << d;
	if (!dims && slid(c, t, -1, i))
		for (size_t d = 0; d < nd; d++)
			if (c->dims[d].core && c->sessions[i].rating[AL_RATER_CLIENT][d] >= 0)
				dims |= 1u << d;
	*out = (struct episode_opening){AL_OPEN_DECLINE, i, dims};
	return dims != 0;
}
