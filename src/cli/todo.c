/* Commands still being written: weak placeholders that a real definition
 * in its own file replaces. This file goes away when the last one lands. */
#include "alliance/commands.h"

#define NOT_YET(fn, name)                                                                 \
	__attribute__((weak)) enum al_status fn(struct cli *c, int argc, char **argv)       \
	{                                                                                  \
		(void)argc;                                                                \
		(void)argv;                                                                \
		return al_fail(c->err, AL_EUSAGE, "%s: not available in this build", name);   \
	}

NOT_YET(cmd_board, "board")

