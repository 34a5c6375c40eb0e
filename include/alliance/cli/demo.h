/* The demo command's parts: storing the repair records of a demo client. */
#ifndef ALLIANCE_CLI_DEMO_H
#define ALLIANCE_CLI_DEMO_H

#include "alliance/cli/cli.h"
#include "alliance/db/meta.h"
#include "alliance/core/demo.h"

/* One demo client just stored (its sessions s[0..n) with the ids they were
 * stored under): its episodes are built as every reader builds them, and
 * demo_repairs' records stored for them, recorded by user_id. *added
 * grows by the records stored. */
struct demo_client_stored {
	const struct demo_params *p;
	int index;
	const struct demo_client *dc;
	const struct demo_session *s;
	const int64_t *ids;
	int n;
	int64_t client_id, user_id;
};
enum al_status demo_store_repairs(struct cli *c, const struct db_dims *dims, const int *core,
                                  const struct al_settings *settings,
                                  const struct demo_client_stored *dcs, long *added);

#endif
