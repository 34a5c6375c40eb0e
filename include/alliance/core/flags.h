/* A course's flags in a buffer that grows as needed: the one loop around
 * rules_detect for every caller (commands, screens, the stored summaries). */
#ifndef ALLIANCE_FLAGS_H
#define ALLIANCE_FLAGS_H

#include <stdbool.h>
#include <stddef.h>

#include "alliance/core/rules.h"

struct al_flags {
	struct al_flag *v;
	size_t n, cap;
};

/* Every flag of c into f->v[0..f->n), in rules_detect's order; the buffer
 * is kept from one course to the next. false when out of memory (f->n 0). */
bool flags_detect(struct al_flags *f, const struct al_course *c, const struct al_settings *s);
void flags_free(struct al_flags *f);

#endif
