/* Client mode's state (SPEC §5), shared by its screen (client_mode.c),
 * its face (client_mode_draw.c) and its draft (client_mode_draft.c). */
#ifndef ALLIANCE_UI_CLIENT_MODE_H
#define ALLIANCE_UI_CLIENT_MODE_H

#include "alliance/db/client.h"
#include "alliance/db/draft.h"
#include "../core/ui.h"
#include "../widget/text.h"

#define CM_TYPED_MAX 5 /* "10.0" */
#define CM_COMMENT_MAX 2000

/* What a step asks. */
enum cm_kind { CM_RATING, CM_TENSION, CM_TALKED, CM_MISUNDERSTOOD, CM_COMMENT, CM_THANKS };
/* Where the screen is: offering a kept draft back (to the clinician),
 * asking the client, the client's help, the clinician's PIN. */
enum cm_phase { CM_OFFER, CM_ASK, CM_HELP, CM_PIN };

struct client_mode {
	struct al_client client; /* never shown */
	struct db_dims dims;
	bool ask_checkin;
	enum cm_phase phase, before; /* before: where help or the PIN return to */
	int step;
	al_tenths rating[AL_DIM_MAX]; /* AL_MISSING until chosen */
	int8_t answer[3];             /* tension, talked, misunderstood (1 yes); AL_NO_ANSWER */
	struct ui_text comment;
	char typed[CM_TYPED_MAX + 1]; /* the rating as typed */
	bool fresh;                   /* the next digit starts a new value */
	struct ui_pin pin;
	bool changed;       /* since the draft was last kept */
	char *kept;         /* the draft's lines not client mode's (note, context...) */
	int64_t session_id; /* the draft's session (0: a new one) */
	struct db_draft draft;
};

/* client_mode_steps.c */
int cm_steps(const struct client_mode *cm);
enum cm_kind cm_kind(const struct client_mode *cm, int step);
/* Whether step is asked: talked only after some tension. */
bool cm_asked(const struct client_mode *cm, int step);
/* The step's place among those asked ("2 of 7"), talked counted only
 * when asked. */
int cm_number(const struct client_mode *cm, int step, int *of);

void cm_draw(const struct ui *ui, const void *st, struct ui_frame *f);

/* The answers as a draft body (the entry form's format), and back. */
char *cm_draft_encode(const struct client_mode *cm);
void cm_draft_decode(struct client_mode *cm, const char *body);

#endif
