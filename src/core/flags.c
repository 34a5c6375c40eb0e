/* Detection into a growing buffer: ask, grow to what rules_detect says it
 * needs, ask again. */
#include <stdlib.h>

#include "alliance/core/flags.h"

bool flags_detect(struct al_flags *f, const struct al_course *c, const struct al_settings *s)
{
	for (;;) {
		size_t n = rules_detect(c, s, f->v, f->cap);
		if (n <= f->cap) {
			f->n = n;
			return true;
		}
		size_t cap = f->cap ? f->cap : 64;
		while (cap < n)
			cap *= 2;
		struct al_flag *p = realloc(f->v, cap * sizeof *p);
		if (!p) {
			f->n = 0;
			return false;
		}
		f->v = p;
		f->cap = cap;
	}
}

void flags_free(struct al_flags *f)
{
	free(f->v);
	*f = (struct al_flags){0};
}
