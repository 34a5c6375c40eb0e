/* Client mode (SPEC §5, `t`): the clinician turns the screen to the client,
 * who answers the items in their own wording, the check-in and the comment,
 * and hands the keyboard back. Every key but F2 stays here; leaving needs
 * the clinician's PIN, after which the entry form opens with the answers
 * (kept as the client types, as the entry form's draft). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "../screens.h"
#include "client_mode_state.h"

/* The value shown for a rating: what is typed, else the one chosen. */
static void show_rating(struct client_mode *cm)
{
	al_tenths v = cm->rating[cm->step];
	cm->typed[0] = '\0';
	if (v != AL_MISSING)
		format_tenths(v, cm->typed);
	cm->fresh = true;
}

static void go(struct client_mode *cm, int dir)
{
	int to = cm->step + dir;
	while (to > 0 && to < cm_steps(cm) - 1 && !cm_asked(cm, to))
		to += dir;
	if (to < 0 || to >= cm_steps(cm))
		return;
	cm->step = to;
	if (cm_kind(cm, to) == CM_RATING)
		show_rating(cm);
	cm->changed = true;
}

/* ---- answering ---- */

static void rating_typed(struct ui *ui, struct client_mode *cm, int key)
{
	size_t len = cm->fresh ? 0 : strlen(cm->typed);
	const char *why;
	if (key == UI_FN(KEY_BACKSPACE) || key == 127 || key == '\b') {
		len = strlen(cm->typed);
		cm->typed[len ? len - 1 : 0] = '\0';
	} else if (len < CM_TYPED_MAX) {
		cm->typed[len] = (char)key;
		cm->typed[len + 1] = '\0';
	}
	cm->fresh = false;
	al_tenths v = AL_MISSING;
	if (cm->typed[0] && !parse_rating(cm->typed, &v, &why))
		ui_say(ui, true, "A number from 0 to 10, like 7 or 7.5");
	cm->rating[cm->step] = v;
	cm->changed = true;
}

static void rating_move(struct client_mode *cm, int dir)
{
	al_tenths v = cm->rating[cm->step];
	v = v == AL_MISSING ? 50 : (al_tenths)(v + dir * 10);
	cm->rating[cm->step] = v < 0 ? 0 : v > 100 ? 100 : v;
	show_rating(cm);
	cm->changed = true;
}

/* tension and talked 0-4, misunderstood no (0) or yes (1) */
static void answer_key(struct client_mode *cm, int i, int key)
{
	int top = i == 2 ? 1 : AL_CHECKIN_MAX, v = cm->answer[i];
	if (key == UI_FN(KEY_LEFT) || key == UI_FN(KEY_RIGHT))
		v = v == AL_NO_ANSWER ? 0 : v + (key == UI_FN(KEY_LEFT) ? -1 : 1);
	else if (i < 2 && key >= '0' && key <= '4')
		v = key - '0';
	else if (i == 2 && (key == 'y' || key == 'Y' || key == 'n' || key == 'N'))
		v = key == 'y' || key == 'Y';
	else
		return;
	cm->answer[i] = (int8_t)(v < 0 ? 0 : v > top ? top : v);
	if (i == 0 && cm->answer[0] == 0) /* no tension: nothing to talk through */
		cm->answer[1] = AL_NO_ANSWER;
	cm->changed = true;
}

static bool answered(struct ui *ui, const struct client_mode *cm)
{
	enum cm_kind k = cm_kind(cm, cm->step);
	bool ok = k == CM_COMMENT || k == CM_THANKS ||
	          (k == CM_RATING ? cm->rating[cm->step] != AL_MISSING
	                          : cm->answer[(int)k - CM_TENSION] != AL_NO_ANSWER);
	if (!ok)
		ui_say(ui, true,
		       k == CM_RATING ? "Type a number from 0 to 10, or use the arrow keys"
		       : k == CM_MISUNDERSTOOD
		           ? "Press y for yes or n for no"
		           : "Type a number from 0 to 4, or use the arrow keys");
	return ok;
}

static void step_key(struct ui *ui, struct client_mode *cm, int key)
{
	enum cm_kind k = cm_kind(cm, cm->step);
	bool changed = false;
	if (ui_key_enter(key) || key == UI_TAB) {
		if (answered(ui, cm))
			go(cm, 1);
	} else if (key == UI_FN(KEY_UP) || key == UI_FN(KEY_BTAB)) {
		go(cm, -1);
	} else if (k == CM_RATING && ((key >= '0' && key <= '9') || key == '.' ||
	                              key == UI_FN(KEY_BACKSPACE) || key == 127 || key == '\b')) {
		rating_typed(ui, cm, key);
	} else if (k == CM_RATING && (key == UI_FN(KEY_LEFT) || key == UI_FN(KEY_RIGHT))) {
		rating_move(cm, key == UI_FN(KEY_LEFT) ? -1 : 1);
	} else if (k >= CM_TENSION && k <= CM_MISUNDERSTOOD) {
		answer_key(cm, (int)k - CM_TENSION, key);
	} else if (k == CM_COMMENT) {
		ui_text_key(&cm->comment, key, COLS - 12, &changed);
		cm->changed = cm->changed || changed;
	}
}

/* ---- leaving: the clinician's PIN ---- */

static void ask_pin(struct ui *ui, struct client_mode *cm)
{
	int wait;
	if (!ui_pin_start(ui, &cm->pin, &wait)) {
		ui_say(ui, true, "Too many wrong PINs: the next try in %d s", wait);
		return;
	}
	cm->before = cm->phase;
	cm->phase = CM_PIN;
}

static enum al_status keep_draft(struct ui *ui, struct client_mode *cm)
{
	bool same;
	char *body = cm_draft_encode(cm);
	enum al_status st = !body ? al_fail(ui->err, AL_EIO, "out of memory")
	                          : db_client_same(ui->db, &cm->client, &same, ui->err);
	if (!st && !same)
		st = al_fail(ui->err, AL_EINPUT, "this client was deleted in another window");
	if (!st)
		st = db_draft_save(ui->db, cm->client.id, cm->session_id, body, ui->err);
	if (body)
		explicit_bzero(body, strlen(body));
	free(body);
	if (!st)
		cm->changed = false;
	return st;
}

/* The right PIN: the answers kept, then the entry form in this screen's
 * place, filled in from them. */
static void hand_back(struct ui *ui, struct client_mode *cm)
{
	char code[AL_KEY_MAX + 1];
	int64_t session = cm->session_id;
	if (keep_draft(ui, cm)) {
		ui_say(ui, true, "answers not kept: %s", ui->err->msg);
		return;
	}
	snprintf(code, sizeof code, "%s", cm->client.code);
	ui_replace(ui, UI_ENTRY, &(struct ui_client_args){code, session, true}); /* frees cm */
}

static void pin_key(struct ui *ui, struct client_mode *cm, int key)
{
	char why[80];
	switch (ui_pin_key(ui, &cm->pin, key)) {
	case UI_PIN_RIGHT:
		hand_back(ui, cm);
		return;
	case UI_PIN_WRONG:
		ui_pin_say_wrong(ui, why, sizeof why);
		ui_say(ui, true, "%s", why);
		cm->phase = cm->before;
		return;
	case UI_PIN_CANCEL:
		cm->phase = cm->before;
		return;
	case UI_PIN_TYPING:
		return;
	}
}

/* ---- keys: every one comes here (the screen is locked) ---- */

/* y takes the kept answers back (and keeps the draft's other lines), n
 * starts afresh; the draft stays until the first answer replaces it. */
static void offer_key(struct client_mode *cm, int key)
{
	bool yes = key == 'y' || key == 'Y', no = key == 'n' || key == 'N';
	char *body = cm->kept;
	if (!yes && !no)
		return;
	cm->kept = NULL;
	if (yes)
		cm_draft_decode(cm, body);
	explicit_bzero(body, strlen(body));
	free(body);
	if (cm_kind(cm, cm->step) == CM_RATING)
		show_rating(cm);
	cm->phase = CM_ASK;
}

static enum ui_action cm_input(struct ui *ui, void *st, int key)
{
	struct client_mode *cm = st;
	if (cm->phase == CM_PIN) {
		pin_key(ui, cm, key);
	} else if (cm->phase == CM_OFFER) {
		offer_key(cm, key);
	} else if (key == UI_FN(KEY_F(1)) && cm->phase != CM_HELP) {
		cm->before = cm->phase;
		cm->phase = CM_HELP;
	} else if (cm->phase == CM_HELP) {
		if (key == UI_ESC)
			cm->phase = cm->before;
	} else if (key == UI_ESC || cm_kind(cm, cm->step) == CM_THANKS) {
		ask_pin(ui, cm);
	} else {
		step_key(ui, cm, key);
	}
	return UI_DONE;
}

/* After a typing pause: the answers so far, so that a crash loses none. */
static void cm_tick(struct ui *ui, void *st)
{
	struct client_mode *cm = st;
	if (cm->changed && cm->phase != CM_OFFER && keep_draft(ui, cm))
		ui_say(ui, true, "answers not kept: %s", ui->err->msg);
}

/* ---- opening ---- */

static enum al_status may_turn(struct ui *ui, struct client_mode *cm, const char *code)
{
	struct access_who who = ui_who(ui, "client mode");
	enum al_status st = ui_writable(ui, "client mode");
	if (st || (st = access_client(ui->db, &who, code, ACCESS_WRITE, &cm->client, ui->err)))
		return st;
	if (!ui_pin_set(ui))
		return al_fail(ui->err, AL_EINPUT,
		               "client mode: first set your PIN (alliance user pin): it brings "
		               "the screen back from the client");
	return AL_OK;
}

static void blank(struct client_mode *cm)
{
	for (size_t d = 0; d < AL_DIM_MAX; d++)
		cm->rating[d] = AL_MISSING;
	for (int i = 0; i < 3; i++)
		cm->answer[i] = AL_NO_ANSWER;
	cm->fresh = true;
}

static enum al_status cm_enter(struct ui *ui, void *st, const void *args)
{
	struct client_mode *cm = st;
	const struct ui_client_args *a = args;
	bool found;
	enum al_status rc = may_turn(ui, cm, a->code);
	if (rc)
		return rc;
	/* ask_checkin as it is now, even if set a moment ago elsewhere */
	if ((rc = db_settings_load(ui->db, &ui->settings, ui->err)))
		return rc;
	cm->dims = ui->dims;
	cm->ask_checkin = ui->settings.ask_checkin == 1;
	blank(cm);
	if (!ui_text_init(&cm->comment, CM_COMMENT_MAX, false) ||
	    !(cm->kept = malloc((size_t)AL_DRAFT_MAX * 4 + 1)))
		return al_fail(ui->err, AL_EIO, "out of memory");
	if ((rc = db_draft_load(ui->db, cm->client.id, &cm->draft, cm->kept,
	                        (size_t)AL_DRAFT_MAX * 4 + 1, &found, ui->err)))
		return rc;
	cm->phase = found ? CM_OFFER : CM_ASK;
	if (!found)
		cm->kept[0] = '\0';
	return AL_OK;
}

static void cm_leave(struct ui *ui, void *st)
{
	struct client_mode *cm = st;
	(void)ui;
	ui_pin_clear(&cm->pin);
	ui_text_free(&cm->comment);
	if (cm->kept)
		explicit_bzero(cm->kept, strlen(cm->kept));
	free(cm->kept);
}

static bool cm_typing(const void *st)
{
	(void)st;
	return true; /* the status line names F1 and F2 */
}

const struct ui_screen client_mode_screen = {
    .title = "Client mode",
    .size = sizeof(struct client_mode),
    .form = true,
    .locked = true,
    .enter = cm_enter,
    .input = cm_input,
    .tick = cm_tick,
    .draw = cm_draw,
    .typing = cm_typing,
    .leave = cm_leave,
};
