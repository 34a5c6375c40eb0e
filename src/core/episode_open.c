/* The ratings' part of the opening criterion (episode_open.h): a change
 * is measured against the client's own usual level and spread. */
#include <math.h>
#include <stdint.h>

#include "alliance/episode_open.h"

#define EPS 1e-9

void episode_tuning_default(struct al_episode_tuning *t)
{
	*t = (struct al_episode_tuning){
	    .window = 10,
	    .min_values = 3,
	    .spread_prior = 0.6,
	    .spread_weight = 4.0,
	    .fall_z = 3.0,
	    .fall_min = 1.0,
	    .together_z = 3.0,
	    .together_min = 0.8,
	    .confirm_z = 2.0,
	    .confirm_again_z = 2.0,
	    .confirm_min = 0.8,
	    .member_z = 1.5,
	};
}

bool episode_usual_level(const struct al_course *c, const struct al_episode_tuning *t, int dim,
                         size_t before, struct episode_usual *u)
{
	int64_t sum = 0, sq = 0;
	int n = 0;
	for (size_t j = before; j-- > 0 && n < t->window;) {
		const struct al_session *se = &c->sessions[j];
		int v = se->rating[AL_RATER_CLIENT][dim];
		if (v < 0 || se->has_context)
			continue;
		sum += v;
		sq += (int64_t)v * v;
		n++;
	}
	u->n = n;
	if (n < t->min_values || n < 1)
		return false;
	u->mean = (double)sum / (10.0 * n);
	double var = 0.0; /* sample variance, rating points squared */
	if (n > 1)
		var = (double)(n * sq - sum * sum) / ((double)n * (n - 1) * 100.0);
	double w = t->spread_weight;
	double spread = sqrt((w * t->spread_prior * t->spread_prior + (n - 1) * var) / (w + n - 1));
	u->scale = spread * sqrt(1.0 + 1.0 / n);
	return true;
}

/* How far dimension d at session i lies under its usual level before
 * `base`: z in units of the client's spread and the fall in points.
 * False when unrated or without a usual level. */
static bool deviation(const struct al_course *c, const struct al_episode_tuning *t, int d,
                      size_t i, size_t base, double *z, double *fall)
{
	int v = c->sessions[i].rating[AL_RATER_CLIENT][d];
	struct episode_usual u;
	if (v < 0 || !episode_usual_level(c, t, d, base, &u))
		return false;
	*fall = u.mean - v / 10.0;
	*z = *fall / u.scale;
	return true;
}

/* Session i against the usual level before `base`: the strongest single
 * dimension, and all rated dimensions taken together (the sum of their z
 * over the square root of their number). */
struct scan {
	double best_z, best_fall;
	int best;
	double sum_z, sum_fall;
	int k;
	double z[AL_DIM_MAX], fall[AL_DIM_MAX];
	uint32_t rated;
};

static void scan_session(const struct al_course *c, const struct al_episode_tuning *t, size_t i,
                         size_t base, struct scan *s)
{
	*s = (struct scan){.best = -1};
	size_t nd = c->ndims < AL_DIM_MAX ? c->ndims : AL_DIM_MAX;
	for (size_t d = 0; d < nd; d++) {
		double z, fall;
		if (!deviation(c, t, (int)d, i, base, &z, &fall))
			continue;
		s->rated |= 1u << d;
		s->z[d] = z;
		s->fall[d] = fall;
		s->sum_z += z;
		s->sum_fall += fall;
		s->k++;
		if (s->best < 0 || z > s->best_z) {
			s->best = (int)d;
			s->best_z = z;
			s->best_fall = fall;
		}
	}
}

static double together_z(const struct scan *s)
{
	return s->k ? s->sum_z / sqrt((double)s->k) : 0.0;
}

static double mean_fall(const struct scan *s)
{
	return s->k ? s->sum_fall / s->k : 0.0;
}

/* The dimensions that fell by at least member_z, and the strongest. */
static uint32_t members(const struct scan *s, const struct al_episode_tuning *t)
{
	uint32_t dims = s->best >= 0 ? 1u << s->best : 0;
	for (int d = 0; d < AL_DIM_MAX; d++)
		if ((s->rated >> d & 1) && s->z[d] >= t->member_z - EPS &&
		    s->fall[d] >= t->confirm_min - EPS)
			dims |= 1u << d;
	return dims;
}

static bool one_fell(const struct scan *s, double z, double min)
{
	return s->best >= 0 && s->best_z >= z - EPS && s->best_fall >= min - EPS;
}

static bool all_fell(const struct scan *s, double z, double min)
{
	return s->k >= 2 && together_z(s) >= z - EPS && mean_fall(s) >= min - EPS;
}

/* The previous session fell a little, and session i is still down against
 * the same usual level: in the same dimension or all together. */
static bool confirmed(const struct al_course *c, const struct al_episode_tuning *t, size_t i,
                      uint32_t *dims)
{
	struct scan prev, now;
	scan_session(c, t, i - 1, i - 1, &prev);
	scan_session(c, t, i, i - 1, &now);
	uint32_t both = 0;
	for (int d = 0; d < AL_DIM_MAX; d++)
		if ((prev.rated & now.rated) >> d & 1 && prev.z[d] >= t->confirm_z - EPS &&
		    prev.fall[d] >= t->confirm_min - EPS && now.z[d] >= t->confirm_again_z - EPS &&
		    now.fall[d] >= t->confirm_min - EPS)
			both |= 1u << d;
	if (!both && all_fell(&prev, t->confirm_z, t->confirm_min) &&
	    all_fell(&now, t->confirm_again_z, t->confirm_min))
		both = members(&prev, t) & now.rated;
	*dims = both;
	return both != 0;
}

bool episode_open_by_ratings(const struct al_course *c, const struct al_episode_tuning *t,
                             size_t i, size_t earliest, struct episode_opening *out)
{
	struct scan s;
	scan_session(c, t, i, i, &s);
	if (one_fell(&s, t->fall_z, t->fall_min)) {
		*out = (struct episode_opening){AL_OPEN_FALL, i, members(&s, t)};
		return true;
	}
	if (all_fell(&s, t->together_z, t->together_min)) {
		*out = (struct episode_opening){AL_OPEN_TOGETHER, i, members(&s, t)};
		return true;
	}
	uint32_t dims;
	if (i > earliest && confirmed(c, t, i, &dims)) {
		*out = (struct episode_opening){AL_OPEN_CONFIRMED, i - 1, dims};
		return true;
	}
	return false;
}
