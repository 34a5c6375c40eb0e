/* make eval: scoring episodes and flags against the generator's labels
 * (gen.h), the figures of SPEC §4b's quality bar. */
#ifndef EVAL_SCORE_H
#define EVAL_SCORE_H

#include "gen.h"

#define SCORE_SKIP 0 /* every calm session counts, the first ones too */

struct score {
	long ruptures, ruptures_caught; /* an opening at the rupture's session or the next */
	long declines, declines_caught; /* an opening during the slide */
	long calm, false_openings;      /* calm sessions (after the first 3), openings there */
	long calm_alert;                /* calm sessions under an open episode */
};

/* One episode as the CSV gives it: session numbers, closed 0 while open. */
struct score_episode {
	int opened, closed;
};

void score_episodes(const struct gen_course *c, const struct score_episode *e, int n,
                    struct score *s);
/* The flags alone: sessions (numbers) with a drop, dip, decline or marker. */
void score_flags(const struct gen_course *c, const int *flagged, int n, struct score *s);

void score_add(struct score *to, const struct score *s);
/* "caught 95.1 %  declines 96.0 %  false 2.41 %  alert 3.9 %" figures */
double score_pct(long part, long whole);

#endif
