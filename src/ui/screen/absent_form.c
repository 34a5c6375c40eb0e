/* "Did not attend today" (x on the caseload): one of the four words of a
 * session not attended (SPEC §1), stored as today's session of the
 * client, the same way as `session add CODE --date TODAY --attendance W`. */
#include <stdio.h>

#include "alliance/db/session.h"
#include "alliance/core/parse.h"
#include "../core/ui.h"
#include "../screens.h"
#include "../widget/form.h"

/* The words after "attended": cancelled, late-cancel, no-show, clinician-cancel. */
#define ABSENT_WORDS (AL_ATTENDANCE_COUNT - 1)

struct absent_form {
	struct al_client client;
	struct ui_form form;
	int word; /* index into the words after "attended" */
};

static enum al_attendance chosen(const struct absent_form *af)
{
	return (enum al_attendance)(AL_CANCELLED + af->word);
}

static enum ui_action af_save(struct ui *ui, void *st)
{
	struct absent_form *af = st;
	struct access_who who = ui_who(ui, "did not attend");
	struct db_session_in in;
	struct al_client now;
	int64_t id;
	char date[AL_DATE_LEN + 1];
	db_session_in_init(&in, af->client.id, ui->today);
	in.set_attendance = true;
	in.attendance = chosen(af);
	enum al_status rc;
	if ((rc = db_begin(ui->db, ui->err)) ||
	    (rc = access_client(ui->db, &who, af->client.code, ACCESS_WRITE, &now, ui->err)) ||
	    (rc = db_session_save(ui->db, &ui->dims, &in, &id, ui->err)) ||
	    (rc = db_commit(ui->db, ui->err))) {
		db_rollback(ui->db);
		ui_say_err(ui);
		return UI_DONE;
	}
	format_date(ui->today, date);
	ui_say(ui, false, "%s: %s on %s recorded.", af->client.code,
	       attendance_words(in.attendance), date);
	return ui_back(ui, &(struct ui_result){.client_id = af->client.id});
}

static enum ui_action af_cancel(struct ui *ui, void *st)
{
	(void)ui;
	(void)st;
	return UI_BACK;
}

static const struct ui_key absent_form_keys[] = {
    UI_KEY(af_save, '\r', UI_FN(KEY_ENTER), "Enter", "Enter", "record",
           "record that the client did not attend today"),
    UI_KEY_OUT(af_cancel, UI_ESC, 'q', "Esc", "Esc", "cancel", "cancel: nothing is recorded"),
};

/* Letters, Space and Left/Right choose; Enter and Esc are the table's. */
static enum ui_action af_input(struct ui *ui, void *st, int key)
{
	struct absent_form *af = st;
	if (ui_key_enter(key) || key == UI_TAB || key == UI_FN(KEY_BTAB))
		return ui_key_enter(key) ? UI_PASS : UI_DONE;
	return form_key(ui, &af->form, key);
}

static bool af_typing(const void *st)
{
	(void)st;
	return false;
}

static void af_draw(const struct ui *ui, const void *st, struct ui_frame *f)
{
	const struct absent_form *af = st;
	char date[AL_DATE_LEN + 1];
	format_date(ui->today, date);
	ui_putf(0, 1, COLS - 2, ui_attr(ui, UI_R_TITLE), "%s did not attend today (%s)",
	        af->client.code, date);
	ui_put(1, 1, COLS - 2, ui_attr(ui, UI_R_FAINT),
	       "A letter, Space or Left/Right chooses; Enter records it, Esc cancels.");
	form_draw(ui, &af->form, 3, f->rows - 3, f);
	f->cursor = false;
}

static enum al_status af_enter(struct ui *ui, void *st, const void *args)
{
	struct absent_form *af = st;
	const struct ui_client_args *a = args;
	struct access_who who = ui_who(ui, "did not attend");
	enum al_status rc = ui_writable(ui, "did not attend");
	if (rc || (rc = access_client(ui->db, &who, a->code, ACCESS_WRITE, &af->client, ui->err)))
		return rc;
	af->word = AL_NO_SHOW - AL_CANCELLED;
	af->form.field[0] = (struct ui_field){.kind = UI_FIELD_CHOICE,
	                                      .label = "Attendance",
	                                      .choices = al_attendance_names + AL_CANCELLED,
	                                      .nchoices = ABSENT_WORDS,
	                                      .choice = &af->word,
	                                      .hint = "n l c (c again: the other cancel)"};
	af->form.n = 1;
	return AL_OK;
}

const struct ui_screen absent_form_screen = {
    .title = "Did not attend",
    .size = sizeof(struct absent_form),
    .keys = absent_form_keys,
    .nkeys = UI_NKEYS(absent_form_keys),
    .enter = af_enter,
    .input = af_input,
    .draw = af_draw,
    .typing = af_typing,
};
