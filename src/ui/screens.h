/* The screens, by id, and what each is opened with: a screen opens another
 * with ui_open(ui, UI_CLIENT, &args), never by calling it. app.c turns this
 * list into the table of screens. */
#ifndef ALLIANCE_UI_SCREENS_H
#define ALLIANCE_UI_SCREENS_H

#include <stdbool.h>
#include <stdint.h>

/* X(ID, name): the screen's id is UI_ID, its definition name##_screen
 * (in screen/name.c). */
#define UI_SCREENS(X)                                                                              \
	X(CASELOAD, caseload)       /* args: NULL */                                               \
	X(BOARD, board)             /* args: NULL */                                               \
	X(CLIENT, client)           /* args: struct ui_client_args */                              \
	X(ENTRY, entry)             /* args: struct ui_client_args (session 0: a new one) */       \
	X(CLIENT_FORM, client_form) /* args: NULL */                                               \
	X(ACK_FORM, ack_form)       /* args: struct ui_client_args (the episode's opening          \
	                               session; 0: the one behind the status) */                   \
	X(FLAGS, flags)             /* args: struct ui_client_args (the session) */                \
	X(ABSENT_FORM, absent_form) /* args: struct ui_client_args (did not attend today) */       \
	X(REPAIR_FORM, repair_form) /* args: struct ui_client_args (the episode's opening          \
	                               session; 0: the latest episode) */                          \
	X(CLIENT_MODE, client_mode) /* args: struct ui_client_args (session unused) */

#define UI_SCREEN_ID(id, name) UI_##id,
enum ui_screen_id { UI_SCREENS(UI_SCREEN_ID) UI_SCREEN_COUNT };
#undef UI_SCREEN_ID

/* A client by code, and one of its sessions (0: none chosen). The entry
 * form with take_draft fills itself from the client's draft without
 * asking (client mode wrote it: the client's answers). */
struct ui_client_args {
	const char *code;
	int64_t session_id;
	bool take_draft;
};

#endif
