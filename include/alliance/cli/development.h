/* The development command's summaries and their writers (text, CSV in
 * development.c; HTML in development_html.c; their shared words in
 * development_words.c). */
#ifndef ALLIANCE_CLI_DEVELOPMENT_H
#define ALLIANCE_CLI_DEVELOPMENT_H

#include <stdio.h>

#include "alliance/cli/cli.h"
#include "alliance/core/development.h"

/* One clinician's summary. */
struct dev_summary {
	char clinician[AL_KEY_MAX + 1];
	struct al_development d;
};

/* The page for every summary: one section each, page breaks between. */
void development_html(const struct cli *c, const struct dev_summary *s, size_t n, FILE *fp);

/* "repaired 5 of 7 (71 %)", "none closed" */
void development_rate_text(struct dev_rate r, char *buf, size_t cap);

/* "5 October 2026 to 9 November 2026", "every session" and the like. */
void development_period_text(const struct al_development *d, char *buf, size_t cap);

/* The plain warning beside small counts. */
#define DEV_FEW_WARNING "Fewer than 5 episodes: a pattern worth discussing, not evidence."

#endif
