/* init: create or migrate the database (done on open) and say where it is. */
#include "alliance/cli/commands.h"

enum al_status cmd_init(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	enum al_status st = cli_parse(c, argc - 1, argv + 1, NULL, pos, 0, 0, NULL);
	if (st)
		return st;
	cli_stored(c, "%s", db_path(c->db)); /* the path alone: scripts read it */
	return AL_OK;
}
