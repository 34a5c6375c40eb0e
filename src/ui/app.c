/* The terminal UI's entry: the table of screens and ui_main, which starts
 * the terminal, opens the user's home screen and runs the loop. */
#include <stdio.h>

#include "alliance/db/risk.h"
#include "alliance/ui/ui.h"
#include "core/ui.h"
#include "screens.h"
#include "widget/editor.h"

#define UI_SCREEN_DECL(id, name) extern const struct ui_screen name##_screen;
UI_SCREENS(UI_SCREEN_DECL)

#define UI_SCREEN_ROW(id, name) [UI_##id] = &name##_screen,
static const struct ui_screen *const screens[UI_SCREEN_COUNT] = {UI_SCREENS(UI_SCREEN_ROW)};

enum al_status ui_main(const struct ui_start *start)
{
	struct ui ui = {
	    .db = start->db,
	    .err = start->err,
	    .user_id = start->user_id,
	    .supervisor = start->supervisor,
	    .read_only = db_read_only(start->db),
	    .ascii = start->ascii,
	    .today = start->today,
	    .screens = screens,
	    .nscreens = UI_SCREEN_COUNT,
	};
	snprintf(ui.user, sizeof ui.user, "%s", start->user);
	ui_paint_ascii(ui.ascii);
	enum al_status st = ui_load_meta(&ui);
	if (!st) /* the lists read stored summaries alone */
		st = db_risk_complete(ui.db, ui.err);
	if (st)
		return st;
	ui_editor_cleanup(); /* what a kill -9 left in $TMPDIR */
	if ((st = ui_term_start(&ui)))
		return st;
	/* a supervisor's home is the board */
	st = ui_open(&ui, ui.supervisor ? UI_BOARD : UI_CASELOAD, NULL);
	ui_run(&ui);
	ui_term_stop();
	return st;
}
