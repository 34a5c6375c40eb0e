/* Repair status of a rupture (drop, dip, marker): did the alliance come back
 * to where it was before, within the next few rated sessions? (SPEC §4) */
#include <stdint.h>

#include "alliance/core/rules.h"

#define EPS 1e-9
#define REPAIR_PRE_VALUES 3 /* p is the mean of up to 3 values before the rupture */

/* The value repair looks at, in rating points: the client's rating of the
 * flag's dimension, or for a marker (dim -1) the mean of the core dimensions
 * the client rated. False for a session that has no such value. */
static bool repair_value_at(const struct al_course *c, int dim, size_t i, double *v)
{
	const al_tenths *r = c->sessions[i].rating[AL_RATER_CLIENT];
	if (dim >= 0) {
		*v = r[dim] / 10.0;
		return r[dim] >= 0;
	}
	int sum = 0, n = 0;
	for (size_t d = 0; d < c->ndims && d < AL_DIM_MAX; d++) {
		if (c->dims[d].core && r[d] >= 0) {
			sum += r[d];
			n++;
		}
	}
	*v = n ? sum / (10.0 * n) : 0.0;
	return n > 0;
}

void repair_assess(const struct al_course *c, const struct al_settings *s, struct al_flag *f)
{
	double sum = 0.0, v;
	int n = 0;
	for (size_t j = f->session; j-- > 0 && n < REPAIR_PRE_VALUES;) {
		if (repair_value_at(c, f->dim, j, &v)) {
			sum += v;
			n++;
		}
	}
	f->npre = n;
	f->pre = n ? sum / n : 0.0;
	f->repair = AL_REPAIR_OPEN;
	f->repair_session = SIZE_MAX;
	if (n == 0)
		return; /* nothing to come back to: stays open */
	double target = f->pre - s->repair_tolerance / 10.0;
	int seen = 0;
	for (size_t j = f->session + 1; j < c->n && seen < s->repair_window; j++) {
		if (!repair_value_at(c, f->dim, j, &v))
			continue;
		seen++;
		if (v >= target - EPS) {
			f->repair = AL_REPAIR_REPAIRED;
			f->repair_session = j;
			f->repair_value = v;
			return;
		}
	}
	if (seen >= s->repair_window)
		f->repair = AL_REPAIR_UNREPAIRED;
}
