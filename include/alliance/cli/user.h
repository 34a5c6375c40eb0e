/* The user command's parts beyond add and list (src/cli/pin.c). */
#ifndef ALLIANCE_CLI_USER_H
#define ALLIANCE_CLI_USER_H

#include "alliance/cli/cli.h"

/* user pin: set or change the current user's PIN on the terminal. */
enum al_status cli_user_pin(struct cli *c, int argc, char **argv);

#endif
