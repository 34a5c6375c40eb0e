/* The session command's two halves (src/cli/session*.c). */
#ifndef ALLIANCE_CLI_SESSION_H
#define ALLIANCE_CLI_SESSION_H

#include <stdint.h>

#include "alliance/cli/cli.h"
#include "alliance/db/session.h"

/* session list CODE [--format table|csv|json] */
enum al_status cli_session_list(struct cli *c, int argc, char **argv);

/* The line session add prints after a save (SPEC §3): the session's number
 * and date, and what this call stored; a session not attended or without
 * client ratings says so. Reads the client's course back. */
enum al_status cli_session_stored(struct cli *c, const struct db_dims *dims,
                                  const struct al_client *cl, const struct db_session_in *in,
                                  enum al_rater rater, int64_t session_id);

#endif
