/* The demo's repair records: after a demo client's sessions are stored,
 * its episodes are built from the same sessions and core/demo's plan of
 * what the clinician did about them is stored. */
#include <stdlib.h>

#include "alliance/core/analysis.h"
#include "alliance/cli/demo.h"
#include "alliance/db/repair.h"

/* The course as stored: core ratings at their dimension indices. */
static void course_of(const struct db_dims *dims, const int *core,
                      const struct demo_client_stored *d, struct al_session *out)
{
	for (int k = 0; k < d->n; k++) {
		struct al_session *se = &out[k];
		*se = (struct al_session){.id = d->ids[k],
		                          .date = d->s[k].date,
		                          .seq = k + 1,
		                          .rupture = d->s[k].rupture,
		                          .has_context = d->s[k].context != NULL};
		for (int r = 0; r < AL_RATER_COUNT; r++) {
			for (size_t x = 0; x < dims->n; x++)
				se->rating[r][x] = AL_MISSING;
			for (int x = 0; x < AL_CORE_DIMS; x++)
				se->rating[r][core[x]] = d->s[k].rating[r][x];
		}
	}
}

static enum al_status store_plan(struct cli *c, const struct demo_client_stored *d,
                                 const struct al_episode *e, size_t k, long *added)
{
	struct demo_repair plan[DEMO_REPAIRS_MAX];
	int m = demo_repairs(d->p, d->index, d->dc->kind, k, e, (size_t)d->n, plan);
	enum al_status st = AL_OK;
	for (int j = 0; !st && j < m; j++) {
		struct db_repair_in in = {.client_id = d->client_id,
		                          .opened_id = d->ids[e->opened],
		                          .session_id = d->ids[plan[j].session],
		                          .user_id = d->user_id,
		                          .domain = (enum al_domain)plan[j].domain,
		                          .strategies = plan[j].strategies,
		                          .note = plan[j].note};
		int64_t id;
		st = db_repair_add(c->db, &in, &id, c->err);
		*added += !st;
	}
	return st;
}

enum al_status demo_store_repairs(struct cli *c, const struct db_dims *dims, const int *core,
                                  const struct al_settings *settings,
                                  const struct demo_client_stored *d, long *added)
{
	struct al_session *ses = calloc((size_t)d->n + 1, sizeof *ses);
	struct al_analysis an = {0};
	enum al_status st = AL_OK;
	if (ses) {
		course_of(dims, core, d, ses);
		struct al_course course = {dims->dim, dims->n, ses, (size_t)d->n};
		if (!analysis_run(&an, &course, settings, false))
			st = al_fail(c->err, AL_EIO, "demo: out of memory");
	} else {
		st = al_fail(c->err, AL_EIO, "demo: out of memory");
	}
	for (size_t k = 0; !st && k < an.neps; k++)
		st = store_plan(c, d, &an.eps[k], k, added);
	analysis_free(&an);
	free(ses);
	return st;
}
