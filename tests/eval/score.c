/* Scoring against the labels (score.h). */
#include <stdbool.h>
#include <string.h>

#include "score.h"

double score_pct(long part, long whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

void score_add(struct score *to, const struct score *s)
{
	to->ruptures += s->ruptures;
	to->ruptures_caught += s->ruptures_caught;
	to->declines += s->declines;
	to->declines_caught += s->declines_caught;
	to->calm += s->calm;
	to->false_openings += s->false_openings;
	to->calm_alert += s->calm_alert;
}

/* The shape's event: counted once per course, caught when hit[] says so. */
static void score_event(const struct gen_course *c, const char *opened, struct score *s)
{
	int onset = (int)(strchr(c->label, GEN_L_ONSET) ? strchr(c->label, GEN_L_ONSET) - c->label
	                                                 : -1);
	if (c->shape == GEN_RUPTURE && onset >= 0) {
		s->ruptures++;
		s->ruptures_caught += opened[onset] || (onset + 1 < c->n && opened[onset + 1]);
	}
	if (c->shape == GEN_DECLINE) {
		bool hit = false;
		for (int i = 0; i < c->n; i++)
			hit = hit || (c->label[i] == GEN_L_SLIDE && opened[i]);
		s->declines++;
		s->declines_caught += hit;
	}
}

static void score_calm(const struct gen_course *c, const char *opened, const char *alert,
                       struct score *s)
{
	for (int i = SCORE_SKIP; i < c->n; i++) {
		if (c->label[i] != GEN_L_CALM)
			continue;
		s->calm++;
		s->false_openings += opened[i] != 0;
		s->calm_alert += alert[i] != 0;
	}
}

void score_episodes(const struct gen_course *c, const struct score_episode *e, int n,
                    struct score *s)
{
	char opened[GEN_SESSIONS_MAX] = {0}, alert[GEN_SESSIONS_MAX] = {0};
	for (int k = 0; k < n; k++) {
		int from = e[k].opened - 1, to = e[k].closed ? e[k].closed - 1 : c->n;
		if (from < 0 || from >= c->n)
			continue;
		opened[from] = 1;
		for (int i = from; i < to && i < c->n; i++)
			alert[i] = 1;
	}
	score_event(c, opened, s);
	score_calm(c, opened, alert, s);
}

void score_flags(const struct gen_course *c, const int *flagged, int n, struct score *s)
{
	char at[GEN_SESSIONS_MAX] = {0}, alert[GEN_SESSIONS_MAX] = {0};
	for (int k = 0; k < n; k++)
		if (flagged[k] >= 1 && flagged[k] <= c->n)
			at[flagged[k] - 1] = 1;
	/* a flag stays in sight for the 4 sessions of the current flags */
	for (int i = 0; i < c->n; i++)
		for (int j = i; j >= 0 && j > i - 4; j--)
			alert[i] |= at[j];
	score_event(c, at, s);
	score_calm(c, at, alert, s);
}
