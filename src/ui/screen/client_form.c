/* Adding a client: code, modality and goal, the same form as on the
 * command line's `client add`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/db/client.h"
#include "alliance/core/parse.h"
#include "alliance/core/vocab.h"
#include "../core/ui.h"
#include "../screens.h"
#include "../widget/form.h"

enum { F_CODE, F_MODALITY, F_GOAL, F_COUNT };

struct client_form {
	struct ui_form form;
	struct ui_text code, goal;
	int modality;
	bool asking; /* Esc after typing: discard it? */
};

static const char *cf_check(const void *ctx, int i, char *buf, size_t cap)
{
	const struct client_form *cf = ctx;
	(void)buf;
	(void)cap;
	char code[AL_KEY_MAX * 4 + 1];
	if (i == F_GOAL)
		return ui_text_refused(&cf->goal, false);
	if (i != F_CODE)
		return NULL;
	ui_text_get(&cf->code, code, sizeof code);
	return valid_code(code)
	           ? NULL
	           : "1-32 letters, digits, '-', '_' or '.', starting with a letter or digit";
}

static enum ui_action cf_next(struct ui *ui, void *st)
{
	return form_key(ui, &((struct client_form *)st)->form, UI_TAB);
}

static enum ui_action cf_prev(struct ui *ui, void *st)
{
	return form_key(ui, &((struct client_form *)st)->form, UI_FN(KEY_BTAB));
}

/* A code in use is refused in the words of `client add`, in the write
 * transaction (another window may have added it since). */
static enum al_status refuse_taken(struct ui *ui, const struct al_client *c)
{
	struct al_client old;
	bool found;
	enum al_status st = db_client_find(ui->db, c->code, &old, &found, ui->err);
	if (!st && found)
		st = al_fail(ui->err, AL_EINPUT, "client add: client '%s' already exists", c->code);
	return st;
}

static enum ui_action cf_save(struct ui *ui, void *st)
{
	struct client_form *cf = st;
	struct al_client c = {.clinician_id = ui->user_id};
	if (!form_valid(ui, &cf->form))
		return UI_DONE;
	ui_text_get(&cf->code, c.code, sizeof c.code);
	ui_text_get(&cf->goal, c.goal, sizeof c.goal);
	snprintf(c.modality, sizeof c.modality, "%s", al_modality_words[cf->modality]);
	snprintf(c.clinician, sizeof c.clinician, "%s", ui->user);
	enum al_status rc;
	if ((rc = db_begin(ui->db, ui->err)) || (rc = refuse_taken(ui, &c)) ||
	    (rc = db_client_add(ui->db, &c, ui->err)) || (rc = db_commit(ui->db, ui->err))) {
		db_rollback(ui->db);
		ui_say_err(ui);
		return UI_DONE;
	}
	ui_say(ui, false, "Client %s added.", c.code);
	return ui_back(ui, &(struct ui_result){.client_id = c.id});
}

static enum ui_action cf_cancel(struct ui *ui, void *st)
{
	struct client_form *cf = st;
	(void)ui;
	if (!cf->form.edited)
		return UI_BACK;
	cf->asking = true;
	return UI_DONE;
}

static const struct ui_key client_form_keys[] = {
    UI_KEY(cf_next, UI_TAB, 0, "Tab", "Tab", "next", "next field (Down and Enter too)"),
    UI_KEY(cf_prev, UI_FN(KEY_BTAB), 0, "S-Tab", "S-Tab", "previous", "previous field (Up too)"),
    UI_KEY(cf_save, UI_CTRL('S'), UI_FN(KEY_F(10)), "^S/F10", "^S/F10", "save", "add the client"),
    UI_KEY_OUT(cf_cancel, UI_ESC, 'q', "Esc", "Esc", "cancel",
               "cancel (asks if something was typed; q too, outside text fields)"),
};

/* Discard what was typed? y leaves, n or Esc keeps editing. */
static enum ui_action answer(struct client_form *cf, int key)
{
	if (key == 'y' || key == 'Y')
		return UI_BACK;
	if (key == 'n' || key == 'N' || key == UI_ESC)
		cf->asking = false;
	return UI_DONE;
}

static enum ui_action cf_input(struct ui *ui, void *st, int key)
{
	struct client_form *cf = st;
	if (cf->asking)
		return answer(cf, key);
	if (key == UI_TAB || key == UI_FN(KEY_BTAB))
		return UI_PASS;
	return form_key(ui, &cf->form, key);
}

static bool cf_typing(const void *st)
{
	const struct client_form *cf = st;
	return !cf->asking && form_typing(&cf->form);
}

static void cf_draw(const struct ui *ui, const void *st, struct ui_frame *f)
{
	const struct client_form *cf = st;
	ui_putf(0, 1, COLS - 2, ui_attr(ui, UI_R_TITLE), "New client of %s", ui->user);
	if (cf->asking)
		ui_put(1, 1, COLS - 2, ui_attr(ui, UI_R_ERROR),
		       "Discard what you typed? (y discards, n keeps editing)");
	else
		ui_put(1, 1, COLS - 2, ui_attr(ui, UI_R_FAINT),
		       "A pseudonymous code only: no names, no birth dates.");
	form_draw(ui, &cf->form, 3, f->rows - 3, f);
	if (cf->asking)
		f->cursor = false;
}

static void cf_leave(struct ui *ui, void *st)
{
	struct client_form *cf = st;
	(void)ui;
	ui_text_free(&cf->code);
	ui_text_free(&cf->goal);
}

static enum al_status cf_enter(struct ui *ui, void *st, const void *args)
{
	struct client_form *cf = st;
	(void)args;
	enum al_status rc = ui_writable(ui, "add client");
	if (rc)
		return rc;
	if (ui->supervisor)
		return al_fail(ui->err, AL_EINPUT,
		               "add client: a supervisor adds clients for a supervisee with "
		               "alliance client add CODE --clinician NAME");
	if (!ui_text_init(&cf->code, AL_KEY_MAX, false) ||
	    !ui_text_init(&cf->goal, AL_GOAL_MAX, false))
		return al_fail(ui->err, AL_EIO, "out of memory");
	struct ui_form *f = &cf->form;
	f->field[F_CODE] = (struct ui_field){UI_FIELD_TEXT, "Code", "e.g. K-0142", &cf->code, 33};
	f->field[F_MODALITY] = (struct ui_field){.kind = UI_FIELD_CHOICE,
	                                         .label = "Modality",
	                                         .choices = al_modality_words,
	                                         .nchoices = AL_MODALITY_WORDS,
	                                         .choice = &cf->modality,
	                                         .hint = "Space, Left or Right"};
	f->field[F_GOAL] = (struct ui_field){UI_FIELD_TEXT, "Goal", NULL, &cf->goal, 0};
	f->n = F_COUNT;
	f->check = cf_check;
	f->ctx = cf;
	return AL_OK;
}

const struct ui_screen client_form_screen = {
    .title = "New client",
    .size = sizeof(struct client_form),
    .keys = client_form_keys,
    .nkeys = UI_NKEYS(client_form_keys),
    .form = true,
    .enter = cf_enter,
    .input = cf_input,
    .draw = cf_draw,
    .typing = cf_typing,
    .leave = cf_leave,
};
