/* A course's episodes and the repair records that name them, for the
 * repair, repairs and development commands. */
#include <stdlib.h>

#include "alliance/cli/repair.h"

void repair_view_free(struct repair_view *rv)
{
	free(rv->recs);
	*rv = (struct repair_view){0};
}

static enum al_status records_of(struct cli *c, struct repair_view *rv, int64_t client_id,
                                 const struct al_course *course, const struct db_repairs *all)
{
	size_t n = db_repairs_course(all, client_id, course, rv->recs, rv->rcap);
	if (n > rv->rcap) {
		struct al_repair_rec *p = realloc(rv->recs, n * sizeof *p);
		if (!p)
			return al_fail(c->err, AL_EIO, "%s: out of memory", c->cmd);
		rv->recs = p;
		rv->rcap = n;
		n = db_repairs_course(all, client_id, course, rv->recs, rv->rcap);
	}
	rv->nrecs = n;
	return AL_OK;
}

enum al_status repair_view_load(struct cli *c, struct view *v, struct repair_view *rv,
                                const struct al_client *client, const struct al_course *course,
                                const struct db_repairs *all)
{
	enum al_status st = view_analyse(c, v, course, client->archived);
	rv->eps = v->an.eps;
	rv->neps = st ? 0 : v->an.neps;
	return st ? st : records_of(c, rv, client->id, course, all);
}

const struct al_episode *repair_view_episode(const struct repair_view *rv, size_t opened)
{
	for (size_t k = 0; k < rv->neps; k++)
		if (rv->eps[k].opened == opened)
			return &rv->eps[k];
	return NULL;
}
