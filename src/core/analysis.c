/* A course's flags and episodes in growing buffers (analysis.h). */
#include <stdint.h>
#include <stdlib.h>

#include "alliance/core/analysis.h"
#include "alliance/core/flags.h"

static bool grow(void **p, size_t *cap, size_t want, size_t size)
{
	if (want <= *cap)
		return true;
	size_t n = *cap ? *cap : 64;
	while (n < want)
		n *= 2;
	void *q = realloc(*p, n * size);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}

bool analysis_run(struct al_analysis *a, const struct al_course *c, const struct al_settings *s,
                  bool archived)
{
	size_t held_cap = a->flag_cap;
	struct al_flags f = {a->flags, a->nflags, a->flag_cap};
	bool detected = flags_detect(&f, c, s);
	a->flags = f.v, a->nflags = f.n, a->flag_cap = f.cap;
	if (!detected)
		goto fail;
	if (held_cap != a->flag_cap || !a->held) {
		size_t *h = realloc(a->held, (a->flag_cap ? a->flag_cap : 1) * sizeof *h);
		if (!h)
			goto fail;
		a->held = h;
	}
	if (!grow((void **)&a->eps, &a->ep_cap, c->n ? c->n : 1, sizeof *a->eps))
		goto fail;
	struct al_episode_opts o = {.archived = archived};
	a->neps = episodes_build(c, s, a->flags, a->nflags, &o, a->eps, a->ep_cap, a->held);
	return true;
fail:
	analysis_free(a);
	return false;
}

void analysis_free(struct al_analysis *a)
{
	free(a->flags);
	free(a->held);
	free(a->eps);
	*a = (struct al_analysis){0};
}

size_t analysis_episode_at(const struct al_analysis *a, size_t i)
{
	for (size_t k = 0; k < a->neps; k++)
		if (a->eps[k].opened == i)
			return k;
	return SIZE_MAX;
}
