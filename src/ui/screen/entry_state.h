/* The session entry form's state, shared by its screen (entry.c) and its
 * data: loading a session, drafts and saving (entry_data.c). */
#ifndef ALLIANCE_UI_ENTRY_H
#define ALLIANCE_UI_ENTRY_H

#include "alliance/db/client.h"
#include "alliance/db/draft.h"
#include "alliance/db/session.h"
#include "../core/ui.h"
#include "../widget/form.h"

#define ENTRY_RATING_MAX 6 /* "10.0" and a little more, to say why it is wrong */
#define ENTRY_NOTE_BYTES (AL_NOTE_MAX * 4 + 1)

enum entry_ask { ASK_NONE, ASK_DRAFT, ASK_DISCARD };

struct entry {
	struct al_client client;
	int64_t session_id; /* the session edited, 0 for a new one */
	struct ui_form form;
	struct ui_text date, context, note;
	struct ui_text comment;             /* the client's comment (a note of its own) */
	int tension, talked, misunderstood; /* choice indices: 0 is no answer */
	struct ui_text rating[AL_RATER_COUNT][AL_DIM_MAX];
	int rater, rupture, attendance;
	int32_t today;
	struct db_dims dims; /* as when the form opened: its fields follow them */
	enum entry_ask ask;
	struct db_draft draft; /* the draft offered back */
	char *draft_body;
	char *note_pending; /* a note from $EDITOR too long to take, kept whole */
};

/* Field indices, in Tab order (SPEC §5): one per dimension, so that
 * "7 Tab 6.5 Tab 8 Tab" reaches the note; then rater, rupture marker,
 * context, attendance, the client's check-in and comment, and the date. */
#define ENTRY_F_DIM(i) (i)
#define ENTRY_F_NOTE(e) ((int)(e)->dims.n)
#define ENTRY_F_RATER(e) (ENTRY_F_NOTE(e) + 1)
#define ENTRY_F_RUPTURE(e) (ENTRY_F_NOTE(e) + 2)
#define ENTRY_F_CONTEXT(e) (ENTRY_F_NOTE(e) + 3)
#define ENTRY_F_ATTENDANCE(e) (ENTRY_F_CONTEXT(e) + 1)
/* The client's check-in and comment (SPEC §1), before the date: the
 * date stays the last field. */
#define ENTRY_F_TENSION(e) (ENTRY_F_ATTENDANCE(e) + 1)
#define ENTRY_F_TALKED(e) (ENTRY_F_TENSION(e) + 1)
#define ENTRY_F_MISUNDERSTOOD(e) (ENTRY_F_TENSION(e) + 2)
#define ENTRY_F_COMMENT(e) (ENTRY_F_TENSION(e) + 3)
#define ENTRY_F_DATE(e) (ENTRY_F_COMMENT(e) + 1)
#define ENTRY_F_COUNT(e) (ENTRY_F_DATE(e) + 1)

/* entry_checkin.c: the check-in and comment fields. */
bool entry_checkin_init(struct entry *e);
void entry_checkin_free(struct entry *e);
void entry_checkin_fields(struct entry *e);
/* Why field i's value is refused (talked without tension), or NULL; only
 * for the check-in fields (false: not one of them). */
bool entry_checkin_check(const struct entry *e, int i, const char **why);
/* From a stored session: its answers and comment. */
enum al_status entry_checkin_load(struct ui *ui, struct entry *e, const struct al_session *s,
                                  bool has_comment);
/* Draft lines: appends them to out (len so far); a line of the draft. */
size_t entry_checkin_encode(const struct entry *e, char *out, size_t len, size_t cap);
bool entry_checkin_decode(struct entry *e, const char *key, const char *v, size_t vlen);
/* Into what is saved; comment is a buffer of ENTRY_NOTE_BYTES. */
void entry_checkin_in(const struct entry *e, struct db_session_in *in, char *comment);

/* Fills the form from a stored session (editing). */
enum al_status entry_load_session(struct ui *ui, struct entry *e, int64_t session_id);
/* The form as a draft body and back. */
char *entry_draft_encode(const struct entry *e);
void entry_draft_decode(struct entry *e, const char *body);
/* The form holds its client's id since it opened; ids are never reused,
 * so right before writing (a save, a draft) it checks that the id still
 * names the same client (code and clinician) and that the user may still
 * write there. Otherwise AL_EINPUT, ui->err saying why: */
#define ENTRY_GONE "this client was deleted in another window %s your text is kept"
enum al_status entry_still_same(struct ui *ui, const struct entry *e);
/* Saves the session, drops the draft; *id gets the session. On failure the
 * form keeps every value and ui->err says why. */
enum al_status entry_save(struct ui *ui, struct entry *e, int64_t *id);

#endif
