/* What the repair commands (repair, repairs, development) share: a
 * course's episodes, built as SPEC §4b says from its flags, and the
 * repair records matched to them. */
#ifndef ALLIANCE_CLI_REPAIR_H
#define ALLIANCE_CLI_REPAIR_H

#include "alliance/cli/view.h"
#include "alliance/db/repair.h"
#include "alliance/core/episode.h"

/* One course's episodes (those of the view's analysis) and repair
 * records (reused from one course to the next). */
struct repair_view {
	const struct al_episode *eps;
	size_t neps;
	struct al_repair_rec *recs;
	size_t nrecs, rcap;
};

void repair_view_free(struct repair_view *rv);

/* The episodes of course (view_analyse) and the records of client among
 * all (db_repairs_load with client 0 or client->id). */
enum al_status repair_view_load(struct cli *c, struct view *v, struct repair_view *rv,
                                const struct al_client *client, const struct al_course *course,
                                const struct db_repairs *all);

/* The episode that opened at session index opened, or NULL. */
const struct al_episode *repair_view_episode(const struct repair_view *rv, size_t opened);

#endif
