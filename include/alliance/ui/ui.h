/* The terminal UI (src/ui/), opened when no command is given. */
#ifndef ALLIANCE_UI_H
#define ALLIANCE_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "alliance/db/db.h"
#include "alliance/core/error.h"

/* Who opens the UI, on which database. */
struct ui_start {
	struct db *db;
	struct al_error *err;
	const char *user;
	int64_t user_id;
	bool supervisor;
	bool ascii; /* --ascii or a non-UTF-8 locale */
	int32_t today;
};

/* Runs the UI until the user quits; AL_OK, or the reason it could not
 * start (no terminal, an unknown terminal type) in err. */
enum al_status ui_main(const struct ui_start *start);

#endif
