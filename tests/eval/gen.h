/* make eval: a seeded generator of labelled synthetic courses (SPEC §4b
 * "Quality bar"). Each client follows one of three shapes — calm, a
 * sudden rupture, a slow decline — over three core dimensions, with a
 * per-client level and noise, a ceiling at 10, missing ratings and context
 * events. Every session carries a label saying what it truly is. */
#ifndef EVAL_GEN_H
#define EVAL_GEN_H

#include <stdint.h>

#define GEN_DIMS 3
#define GEN_SESSIONS_MAX 40
#define GEN_MISSING (-1)

enum gen_shape { GEN_CALM, GEN_RUPTURE, GEN_DECLINE };

/* Session labels: what the session truly is. */
#define GEN_L_CALM '.'      /* a calm session: an opening here is a false alarm */
#define GEN_L_ONSET 'R'     /* the session of a sudden rupture */
#define GEN_L_AFTER 'r'     /* after a rupture, before calm again (not scored) */
#define GEN_L_SLIDE 'D'     /* a session of a slow decline */
#define GEN_L_SETTLED 'd'   /* after the slide, still down (not scored) */

struct gen_course {
	char code[16];
	enum gen_shape shape;
	int n;           /* sessions */
	int32_t date[GEN_SESSIONS_MAX]; /* days since 1970 */
	int value[GEN_SESSIONS_MAX][GEN_DIMS]; /* tenths, GEN_MISSING when not rated */
	int context[GEN_SESSIONS_MAX];  /* 1: a context event */
	char label[GEN_SESSIONS_MAX + 1];
	/* what was drawn, for the tables */
	double level, noise, size;
	int all_dims, repaired, stay;
};

/* Client i of the practice of this seed: a pure function of (seed, i). */
void gen_course(uint64_t seed, int i, struct gen_course *out);

#endif
