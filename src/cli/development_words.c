/* The development summary's words that its text and HTML writers share. */
#include <stdint.h>
#include <stdio.h>

#include "alliance/cli/development.h"
#include "alliance/core/parse.h"

void development_rate_text(struct dev_rate r, char *buf, size_t cap)
{
	if (r.closed == 0)
		snprintf(buf, cap, "none closed");
	else
		snprintf(buf, cap, "repaired %d of %d (%d %%)", r.repaired, r.closed,
		         development_percent(r.repaired, r.closed));
}

void development_period_text(const struct al_development *d, char *buf, size_t cap)
{
	char a[AL_DATE_LEN + 1], b[AL_DATE_LEN + 1];
	if (d->from != INT32_MIN)
		format_date(d->from, a);
	if (d->to != INT32_MAX)
		format_date(d->to, b);
	if (d->from == INT32_MIN && d->to == INT32_MAX)
		snprintf(buf, cap, "every session");
	else if (d->from == INT32_MIN)
		snprintf(buf, cap, "up to %s", b);
	else if (d->to == INT32_MAX)
		snprintf(buf, cap, "from %s", a);
	else
		snprintf(buf, cap, "%s to %s", a, b);
}
