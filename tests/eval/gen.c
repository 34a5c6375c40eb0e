/* The labelled course generator of make eval (gen.h). Integer arithmetic
 * and a splitmix64 stream per client, so every machine draws the same. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "gen.h"

#define FIRST_DAY 20454 /* 2026-01-05, a Monday */
#ifndef STAYLO
#define STAYLO 1
#define STAYHI 3
#endif
#ifndef DECAY
#define DECAY 1.0
#endif
#ifndef T0MIN
#define T0MIN 4
#endif
#ifndef UNRATED
#define UNRATED 0.0
#endif
#ifndef DLO
#define DLO 5
#define DHI 12
#endif
#ifndef LIFE_P
#define LIFE_P 0.0
#endif
#ifndef SHARED
#define SHARED 0.0
#endif

struct rng {
	uint64_t s;
};

static uint64_t mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static uint64_t next(struct rng *r)
{
	r->s += 0x9e3779b97f4a7c15u;
	return mix(r->s);
}

/* Uniform in [0, 1). */
static double unif(struct rng *r)
{
	return (double)(next(r) >> 11) / 9007199254740992.0;
}

static double range(struct rng *r, double lo, double hi)
{
	return lo + (hi - lo) * unif(r);
}

static int irange(struct rng *r, int lo, int hi)
{
	return lo + (int)(unif(r) * (hi - lo + 1));
}

/* About normal: the sum of 12 uniforms less 6 (no libm, same everywhere). */
static double normal(struct rng *r)
{
	double s = 0.0;
	for (int k = 0; k < 12; k++)
		s += unif(r);
	return s - 6.0;
}

static int tenths(double v)
{
	if (v > 10.0)
		v = 10.0;
	if (v < 0.0)
		v = 0.0;
	return (int)(v * 10.0 + 0.5);
}

/* The shift of each dimension at each session, from the course's shape. */
static void shape_rupture(struct rng *r, struct gen_course *c, double shift[][GEN_DIMS])
{
	int t0 = irange(r, T0MIN, c->n - 4);
	int one = irange(r, 0, GEN_DIMS - 1);
	int stay = c->repaired ? irange(r, STAYLO, STAYHI) : c->n - t0;
	c->stay = stay;
	c->size = range(r, 1.2, 4.0);
	for (int d = 0; d < GEN_DIMS; d++) {
		if (!c->all_dims && d != one)
			continue;
		double m = c->size * (c->all_dims ? range(r, 0.8, 1.2) : 1.0);
		for (int i = t0; i < c->n; i++) {
			if (i - t0 < stay)
				shift[i][d] = -(i == t0 || c->repaired ? m : m * range(r, DECAY, 1.0));
		}
	}
	for (int i = t0; i < c->n; i++)
		c->label[i] = i == t0 ? GEN_L_ONSET
		              : (c->repaired && i >= t0 + stay + 2) ? GEN_L_CALM
		                                                      : GEN_L_AFTER;
}

static void shape_decline(struct rng *r, struct gen_course *c, double shift[][GEN_DIMS])
{
	int length = irange(r, DLO, DHI);
	int t0 = irange(r, 4, c->n - length);
	int one = irange(r, 0, GEN_DIMS - 1);
	c->size = 0.25 * length;
	for (int i = t0; i < c->n; i++) {
		int k = i - t0 + 1 < length ? i - t0 + 1 : length;
		for (int d = 0; d < GEN_DIMS; d++)
			if (c->all_dims || d == one)
				shift[i][d] = -0.25 * k;
		c->label[i] = i - t0 < length ? GEN_L_SLIDE : GEN_L_SETTLED;
	}
}

void gen_course(uint64_t seed, int i, struct gen_course *c)
{
	struct rng r = {mix(seed * 0x100000001b3u + (uint64_t)i)};
	double shift[GEN_SESSIONS_MAX][GEN_DIMS] = {{0}}, offset[GEN_DIMS];
	memset(c, 0, sizeof *c);
	snprintf(c->code, sizeof c->code, "G-%05d", i);
	double u = unif(&r);
	c->shape = u < 0.4 ? GEN_CALM : u < 0.8 ? GEN_RUPTURE : GEN_DECLINE;
	c->n = irange(&r, 16, 30);
	c->level = range(&r, 7.5, 9.8);
	c->noise = range(&r, 0.3, 0.8);
	double shared = range(&r, 0.0, SHARED); /* share of the noise common to all dimensions */
	c->all_dims = unif(&r) < (c->shape == GEN_DECLINE ? 0.7 : 0.5);
	c->repaired = unif(&r) < 0.5;
	for (int d = 0; d < GEN_DIMS; d++)
		offset[d] = range(&r, -0.2, 0.2);
	memset(c->label, GEN_L_CALM, (size_t)c->n);
	if (c->shape == GEN_RUPTURE)
		shape_rupture(&r, c, shift);
	else if (c->shape == GEN_DECLINE)
		shape_decline(&r, c, shift);
	int32_t day = FIRST_DAY + irange(&r, 0, 300);
	for (int s = 0; s < c->n; s++) {
		day += unif(&r) < 0.1 ? 14 : 7;
		c->date[s] = day;
		c->context[s] = unif(&r) < 0.06;
		double life = c->context[s] && unif(&r) < LIFE_P ? range(&r, 0.3, 1.0) : 0.0;
		double common = normal(&r);
		bool unrated = unif(&r) < UNRATED;
		for (int d = 0; d < GEN_DIMS; d++) {
			double own = normal(&r);
			double e = c->noise * (sqrt(shared) * common + sqrt(1.0 - shared) * own);
			double level = c->level + offset[d] > 9.9 ? 9.9 : c->level + offset[d];
			c->value[s][d] = tenths(level + shift[s][d] - life + e);
			if (unrated || unif(&r) < 0.03)
				c->value[s][d] = GEN_MISSING;
		}
	}
}
