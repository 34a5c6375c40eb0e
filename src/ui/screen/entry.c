/* The session entry form: date, one rating per dimension, rater, rupture
 * marker, context, attendance and note. Built for speed: the focus starts on the first
 * rating, a value and Tab per item, Ctrl-S saves from anywhere. A draft is
 * kept in the database while typing and offered back after a crash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "alliance/core/vocab.h"
#include "../widget/editor.h"
#include "../screens.h"
#include "entry_state.h"

/* The rating fields show the ratings of the rater chosen in the form,
 * with the item in that rater's words. */
static void bind_ratings(struct entry *e)
{
	for (size_t d = 0; d < e->dims.n; d++) {
		struct ui_field *f = &e->form.field[ENTRY_F_DIM(d)];
		const char *clin = vocab_clinician_wording(e->dims.dim[d].key);
		f->text = &e->rating[e->rater][d];
		f->hint = e->dims.wording[d];
		if (e->rater == AL_RATER_CLINICIAN)
			f->hint = clin ? clin : "your own view of it";
	}
}

/* "7,5" is refused with the value it means: "use a dot: 7.5". */
static const char *rating_check(const struct ui_text *t, char *why_buf, size_t cap)
{
	char buf[64], dot[16];
	const char *why = NULL;
	al_tenths v;
	if (t->len == 0) /* not rated */
		return NULL;
	ui_text_get(t, buf, sizeof buf);
	if (parse_rating(buf, &v, &why))
		return NULL;
	if (!rating_with_dot(buf, dot, sizeof dot))
		return why;
	snprintf(why_buf, cap, "use a dot: %s", dot);
	return why_buf;
}

/* A session not attended is only the record (SPEC §1): the reason stands
 * beside the attendance, whichever was typed first. */
static const char *attendance_check(const struct entry *e)
{
	if (e->attendance == AL_ATTENDED)
		return NULL;
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (size_t d = 0; d < e->dims.n; d++)
			if (e->rating[r][d].len)
				return "no ratings when not attended";
	if (e->rupture != AL_RUPTURE_NONE)
		return "no rupture marker when not attended";
	return NULL;
}

static const char *entry_check(const void *ctx, int i, char *why_buf, size_t cap)
{
	const struct entry *e = ctx;
	if (i == ENTRY_F_ATTENDANCE(e))
		return attendance_check(e);
	const char *why;
	if (entry_checkin_check(e, i, &why))
		return why;
	if (i == ENTRY_F_DATE(e)) {
		char buf[64];
		int32_t days;
		ui_text_get(&e->date, buf, sizeof buf);
		if (!parse_date(buf, &days))
			return "not a date (year-month-day, e.g. 2026-03-02)";
		return date_in_future(days, e->today) ? "in the future" : NULL;
	}
	if (i == ENTRY_F_CONTEXT(e) || i == ENTRY_F_NOTE(e))
		return ui_text_refused(e->form.field[i].text, i == ENTRY_F_NOTE(e));
	if (i < ENTRY_F_DIM(0) || i >= ENTRY_F_NOTE(e))
		return NULL;
	return rating_check(e->form.field[i].text, why_buf, cap);
}

/* Every rating of both raters is checked before saving. */
static bool entry_valid(struct ui *ui, struct entry *e)
{
	int keep = e->rater;
	for (e->rater = 0; e->rater < AL_RATER_COUNT; e->rater++) {
		bind_ratings(e);
		if (!form_valid(ui, &e->form))
			return false;
	}
	e->rater = keep;
	bind_ratings(e);
	return true;
}

/* ---- keys ---- */

static enum ui_action en_next(struct ui *ui, void *st)
{
	return form_key(ui, &((struct entry *)st)->form, UI_TAB);
}

static enum ui_action en_prev(struct ui *ui, void *st)
{
	return form_key(ui, &((struct entry *)st)->form, UI_FN(KEY_BTAB));
}

static enum ui_action en_save(struct ui *ui, void *st)
{
	struct entry *e = st;
	int64_t id;
	if (!entry_valid(ui, e))
		return UI_DONE;
	if (e->note_pending) { /* never save a note that is not the one written */
		e->form.focus = ENTRY_F_NOTE(e);
		ui_say(ui, true,
		       "Note: the editor's text is over %d characters: Ctrl-E to shorten "
		       "it (Esc discards it)",
		       AL_NOTE_MAX);
		return UI_DONE;
	}
	if (entry_save(ui, e, &id)) {
		ui_say_err(ui);
		return UI_DONE;
	}
	ui_say(ui, false, "Session saved.");
	return ui_back(ui, &(struct ui_result){e->client.id, id});
}

static enum ui_action en_editor(struct ui *ui, void *st)
{
	struct entry *e = st;
	bool chosen;
	const char *ed = ui_editor_name(&chosen);
	if (ui_edit_external(&e->note, &e->note_pending, ui->err))
		ui_say_err(ui);
	else if (!chosen)
		ui_say(ui, false,
		       "Note written with %s (to choose another editor, set VISUAL or EDITOR)", ed);
	e->form.focus = ENTRY_F_NOTE(e);
	e->form.edited = e->form.changed = true;
	return UI_DONE;
}

static enum ui_action en_cancel(struct ui *ui, void *st)
{
	struct entry *e = st;
	(void)ui;
	if (!e->form.edited)
		return UI_BACK;
	e->ask = ASK_DISCARD;
	return UI_DONE;
}

static const struct ui_key entry_keys[] = {
    UI_KEY(en_next, UI_TAB, 0, "Tab", "Tab", "next",
           "next field (Down and Enter too, outside the note)"),
    UI_KEY(en_prev, UI_FN(KEY_BTAB), 0, "S-Tab", "S-Tab", "previous",
           "previous field (Up too, outside the note)"),
    UI_KEY(en_save, UI_CTRL('S'), UI_FN(KEY_F(10)), "^S/F10", "^S/F10", "save",
           "save the session, from any field"),
    UI_KEY(en_editor, UI_CTRL('E'), 0, "^E", "^E", "editor",
           "write the note in your text editor: $VISUAL, else $EDITOR, else "
           "sensible-editor, nano or vi"),
    UI_KEY_OUT(en_cancel, UI_ESC, 'q', "Esc", "Esc", "cancel",
               "cancel (asks if something was typed; q outside text fields)"),
};

/* The questions: restore a draft? discard what was typed? */
static enum ui_action answer(struct ui *ui, struct entry *e, int key)
{
	bool yes = key == 'y' || key == 'Y', no = key == 'n' || key == 'N' || key == UI_ESC;
	if (!yes && !no)
		return UI_DONE;
	enum entry_ask ask = e->ask;
	e->ask = ASK_NONE;
	if (ask == ASK_DRAFT && yes) {
		entry_draft_decode(e, e->draft_body);
		bind_ratings(e);
		e->form.edited = true;
	}
	if (ask == ASK_DISCARD && yes) {
		if (db_draft_delete(ui->db, e->client.id, ui->err))
			ui_say(ui, true, "draft not discarded: %s; the next n offers it again",
			       ui->err->msg);
		return UI_BACK;
	}
	return UI_DONE;
}

static enum ui_action entry_input(struct ui *ui, void *st, int key)
{
	struct entry *e = st;
	if (e->ask != ASK_NONE)
		return answer(ui, e, key);
	if (key == UI_TAB || key == UI_FN(KEY_BTAB))
		return UI_PASS;
	enum ui_action a = form_key(ui, &e->form, key);
	bind_ratings(e); /* the rater may have changed */
	return a;
}

static bool entry_typing(const void *st)
{
	const struct entry *e = st;
	return e->ask == ASK_NONE && form_typing(&e->form);
}

/* After a typing pause: the draft, so that a crash loses nothing. */
static void entry_tick(struct ui *ui, void *st)
{
	struct entry *e = st;
	if (!e->form.changed || e->ask != ASK_NONE)
		return;
	char *body = entry_draft_encode(e);
	if (!body || entry_still_same(ui, e) ||
	    db_draft_save(ui->db, e->client.id, e->session_id, body, ui->err))
		ui_say(ui, true, "draft not kept: %s", body ? ui->err->msg : "out of memory");
	free(body);
	e->form.changed = false;
}

/* ---- drawing ---- */

static void draw_question(const struct ui *ui, const struct entry *e)
{
	if (e->ask == ASK_DRAFT)
		form_draw_draft_offer(ui, 1, e->draft.updated);
	else if (e->ask == ASK_DISCARD)
		ui_put(1, 1, COLS - 2, ui_attr(ui, UI_R_ERROR),
		       "Discard what you typed? (y discards, n keeps editing)");
}

static void entry_draw(const struct ui *ui, const void *st, struct ui_frame *f)
{
	const struct entry *e = st;
	int x =
	    1 + ui_putf(0, 1, COLS - 2, ui_attr(ui, UI_R_TITLE), "%s %s",
	                e->session_id ? "Edit a session of" : "New session for", e->client.code);
	ui_putf(0, x, COLS - 1 - x, ui_attr(ui, UI_R_FAINT), "  ratings by the %s",
	        al_rater_words[e->rater]);
	draw_question(ui, e);
	form_draw(ui, &e->form, 2, f->rows - 2, f);
	if (e->ask != ASK_NONE)
		f->cursor = false;
}

/* The help lists each item's wording, to read out or show the client. */
static int entry_help(const struct ui *ui, const void *st, int row, int col, int width, int max)
{
	const struct entry *e = st;
	int rows = 0;
	for (size_t d = 0; d < e->dims.n && rows < max; d++, rows++) {
		int at = col + 15;
		ui_put(row + rows, col, 15, ui_attr(ui, UI_R_TITLE), e->dims.dim[d].label);
		/* a wording too long beside its label gets the next row, whole */
		if (ui_text_cells(e->dims.wording[d]) > width - 15 && rows + 1 < max)
			rows++, at = col + 2;
		ui_put_cut(ui, row + rows, at, width - (at - col), ui_attr(ui, UI_R_PLAIN),
		           e->dims.wording[d]);
	}
	return rows;
}

static void entry_leave(struct ui *ui, void *st)
{
	struct entry *e = st;
	(void)ui;
	ui_text_free(&e->date);
	ui_text_free(&e->context);
	ui_text_free(&e->note);
	entry_checkin_free(e);
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (size_t d = 0; d < AL_DIM_MAX; d++)
			ui_text_free(&e->rating[r][d]);
	free(e->draft_body);
	if (e->note_pending)
		explicit_bzero(e->note_pending, strlen(e->note_pending));
	free(e->note_pending);
}

static bool texts_init(struct entry *e)
{
	bool ok = ui_text_init(&e->date, AL_DATE_LEN, false) &&
	          ui_text_init(&e->context, AL_CONTEXT_MAX, false) &&
	          ui_text_init(&e->note, AL_NOTE_MAX, true) && entry_checkin_init(e);
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (size_t d = 0; d < e->dims.n; d++)
			ok = ok && ui_text_init(&e->rating[r][d], ENTRY_RATING_MAX, false);
	return ok && (e->draft_body = malloc(AL_DRAFT_MAX * 4 + 1)) != NULL;
}

static void build_form(struct entry *e)
{
	struct ui_form *f = &e->form;
	for (size_t d = 0; d < e->dims.n; d++)
		f->field[ENTRY_F_DIM(d)] = (struct ui_field){UI_FIELD_TEXT, e->dims.dim[d].label,
		                                             e->dims.wording[d], NULL, 6};
	f->field[ENTRY_F_NOTE(e)] = (struct ui_field){
	    UI_FIELD_NOTE, "Note", "Tab leaves the note; Ctrl-E opens your text editor", &e->note};
	f->field[ENTRY_F_RATER(e)] = (struct ui_field){.kind = UI_FIELD_CHOICE,
	                                               .label = "Rater",
	                                               .choices = al_rater_words,
	                                               .nchoices = AL_RATER_COUNT,
	                                               .choice = &e->rater,
	                                               .hint = "Space: switch rater (both kept)"};
	f->field[ENTRY_F_RUPTURE(e)] =
	    (struct ui_field){.kind = UI_FIELD_CHOICE,
	                      .label = "Rupture",
	                      .choices = al_rupture_words,
	                      .nchoices = AL_RUPTURE_WORDS,
	                      .choice = &e->rupture,
	                      .hint = "a rupture you noticed in the session"};
	f->field[ENTRY_F_CONTEXT(e)] = (struct ui_field){
	    UI_FIELD_TEXT, "Context", "life events (illness, a loss)", &e->context, 30};
	f->field[ENTRY_F_ATTENDANCE(e)] =
	    (struct ui_field){.kind = UI_FIELD_CHOICE,
	                      .label = "Attendance",
	                      .choices = al_attendance_names,
	                      .nchoices = AL_ATTENDANCE_COUNT,
	                      .choice = &e->attendance,
	                      .hint = "a n l c pick; c again: other cancel"};
	f->field[ENTRY_F_DATE(e)] =
	    (struct ui_field){UI_FIELD_TEXT, "Date", "year-month-day", &e->date, 11};
	entry_checkin_fields(e);
	f->n = ENTRY_F_COUNT(e);
	f->focus = ENTRY_F_DIM(0);
	f->check = entry_check;
	f->ctx = e;
	bind_ratings(e);
}

/* Client mode handed over: its answers are the draft, taken at once, and
 * the clinician goes on with the note. */
static void take_draft(struct ui *ui, struct entry *e)
{
	entry_draft_decode(e, e->draft_body);
	e->ask = ASK_NONE;
	e->form.edited = true;
	e->form.focus = ENTRY_F_NOTE(e);
	bind_ratings(e);
	ui_say(ui, false,
	       "The client's answers are in: add a note, marker or context, then Ctrl-S");
}

static enum al_status entry_prepare(struct ui *ui, struct entry *e, const char *code,
                                    int64_t session_id, bool take)
{
	char date[AL_DATE_LEN + 1];
	bool found;
	struct access_who who = ui_who(ui, session_id ? "edit session" : "new session");
	enum al_status st = access_client(ui->db, &who, code, ACCESS_WRITE, &e->client, ui->err);
	if (st)
		return st;
	build_form(e);
	format_date(ui->today, date);
	ui_text_set(&e->date, date);
	if (session_id && (st = entry_load_session(ui, e, session_id)))
		return st;
	if ((st = db_draft_load(ui->db, e->client.id, &e->draft, e->draft_body,
	                        AL_DRAFT_MAX * 4 + 1, &found, ui->err)))
		return st;
	e->ask = found ? ASK_DRAFT : ASK_NONE;
	if (found && take)
		take_draft(ui, e);
	return AL_OK;
}

static enum al_status entry_enter(struct ui *ui, void *st, const void *args)
{
	struct entry *e = st;
	const struct ui_client_args *a = args;
	enum al_status rc = ui_writable(ui, a->session_id ? "edit session" : "new session");
	if (rc)
		return rc;
	e->dims = ui->dims;
	e->today = ui->today;
	e->session_id = a->session_id;
	if (!texts_init(e))
		return al_fail(ui->err, AL_EIO, "out of memory");
	return entry_prepare(ui, e, a->code, a->session_id, a->take_draft);
}

const struct ui_screen entry_screen = {
    .title = "Session entry",
    .size = sizeof(struct entry),
    .keys = entry_keys,
    .nkeys = UI_NKEYS(entry_keys),
    .form = true,
    .enter = entry_enter,
    .input = entry_input,
    .tick = entry_tick,
    .draw = entry_draw,
    .typing = entry_typing,
    .help_extra = entry_help,
    .leave = entry_leave,
};
