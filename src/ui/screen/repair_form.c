/* Recording a repair (r on an episode): the likely domain, the strategies
 * used as checkboxes (each with its one-line description), the session
 * (the client's last by default) and an optional note; the same rules as
 * `alliance repair`. A draft is kept in the database while typing (the
 * repair_draft table, apart from the session entry's) and offered back by
 * the next r on the client, to the user who typed it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/analysis.h"
#include "alliance/db/client.h"
#include "alliance/db/draft.h"
#include "alliance/db/repair.h"
#include "alliance/db/session.h"
#include "alliance/core/parse.h"
#include "alliance/core/repair_draft.h"
#include "../core/ui.h"
#include "../screens.h"
#include "../widget/form.h"

#define RF_SESSION_MAX 7 /* a session number, and a little more to say why it is wrong */
#define RF_NOTE_BYTES (AL_REPAIR_NOTE_MAX * 4 + 1)
#define RF_DRAFT_BYTES (AL_DRAFT_MAX * 4 + 1)

enum rf_ask { RF_ASK_NONE, RF_ASK_DRAFT, RF_ASK_DISCARD };

enum { F_DOMAIN, F_STRATEGY, F_SESSION = F_STRATEGY + AL_STRATEGY_COUNT, F_NOTE, F_COUNT };

struct repair_form {
	struct al_client client;
	struct db_dims dims;
	struct db_course course;
	struct al_analysis an;
	int64_t opened_id; /* the episode's opening session */
	size_t opened;     /* and its index in the course */
	struct ui_form form;
	int domain;
	int strategy[AL_STRATEGY_COUNT];
	struct ui_text session, note;
	enum rf_ask ask;       /* restore the draft? discard what was typed? */
	struct db_draft draft; /* the draft offered back */
	char *draft_body;
};

/* The client's course and episodes, read again, and the episode that
 * opened at session id want (0: the latest episode); when it has
 * none, AL_EINPUT (ui->err says why). */
static enum al_status find_episode(struct ui *ui, struct repair_form *rf, int64_t want)
{
	const struct al_course *c = &rf->course.course;
	db_course_free(&rf->course);
	memset(&rf->course, 0, sizeof rf->course);
	enum al_status st = db_course_load(ui->db, &rf->dims, rf->client.id, &rf->course, ui->err);
	if (st)
		return st;
	if (!analysis_run(&rf->an, c, &ui->settings, rf->client.archived))
		return al_fail(ui->err, AL_EIO, "out of memory");
	for (size_t k = rf->an.neps; k-- > 0;)
		if (!want || c->sessions[rf->an.eps[k].opened].id == want) {
			rf->opened = rf->an.eps[k].opened;
			rf->opened_id = c->sessions[rf->opened].id;
			return AL_OK;
		}
	return al_fail(ui->err, AL_EINPUT, "repair: %s has %s", rf->client.code,
	               rf->an.neps ? "no longer that episode" : "no episode");
}

/* The session typed, as an index into the course, or SIZE_MAX. */
static size_t session_index(const struct repair_form *rf)
{
	char buf[16];
	long n;
	ui_text_get(&rf->session, buf, sizeof buf);
	if (!parse_int(buf, 1, (long)rf->course.course.n, &n))
		return SIZE_MAX;
	return (size_t)(n - 1);
}

static const char *rf_check(const void *ctx, int i, char *buf, size_t cap)
{
	const struct repair_form *rf = ctx;
	if (i == F_NOTE)
		return ui_text_refused(&rf->note, true);
	if (i != F_SESSION)
		return NULL;
	size_t at = session_index(rf);
	if (at == SIZE_MAX)
		snprintf(buf, cap, "a session number, 1 to %zu", rf->course.course.n);
	else if (at < rf->opened)
		snprintf(buf, cap, "before the episode opened (session %d)",
		         rf->course.course.sessions[rf->opened].seq);
	else
		return NULL;
	return buf;
}

static uint32_t strategies(const struct repair_form *rf)
{
	uint32_t set = 0;
	for (int s = 0; s < AL_STRATEGY_COUNT; s++)
		if (rf->strategy[s])
			set |= 1u << s;
	return set;
}

/* The form holds its client's id since it opened; ids are never reused,
 * so right before writing (the record, a draft) it checks that the id
 * still names the same client and that the user may still write there. */
static enum al_status still_same(struct ui *ui, const struct repair_form *rf)
{
	struct access_who who = ui_who(ui, "repair");
	struct al_client now;
	bool same;
	enum al_status st = db_client_same(ui->db, &rf->client, &same, ui->err);
	if (st)
		return st;
	if (!same)
		return al_fail(ui->err, AL_EINPUT,
		               "%s: this client was deleted in another window %s your text is kept",
		               rf->client.code, ui->ascii ? "-" : "\u2014");
	return access_client(ui->db, &who, rf->client.code, ACCESS_WRITE, &now, ui->err);
}

/* In the write transaction: who may, the episode still there, the row;
 * the draft goes with it. */
static enum al_status store(struct ui *ui, struct repair_form *rf, const char *note)
{
	int64_t id;
	enum al_status st = still_same(ui, rf);
	if (st || (st = find_episode(ui, rf, rf->opened_id)))
		return st;
	size_t at = session_index(rf);
	if (at == SIZE_MAX || at < rf->opened)
		return al_fail(ui->err, AL_EINPUT,
		               "repair: the session is no longer in the course");
	struct db_repair_in in = {.client_id = rf->client.id,
	                          .opened_id = rf->opened_id,
	                          .session_id = rf->course.course.sessions[at].id,
	                          .user_id = ui->user_id,
	                          .domain = (enum al_domain)rf->domain,
	                          .strategies = strategies(rf),
	                          .note = note};
	if ((st = db_repair_add(ui->db, &in, &id, ui->err)))
		return st;
	return db_repair_draft_delete(ui->db, rf->client.id, ui->err);
}

static enum ui_action rf_save(struct ui *ui, void *st)
{
	struct repair_form *rf = st;
	if (!form_valid(ui, &rf->form))
		return UI_DONE;
	if (!strategies(rf)) {
		rf->form.focus = F_STRATEGY;
		ui_say(ui, true, "Strategies: tick at least one (Space or x)");
		return UI_DONE;
	}
	char *note = malloc(RF_NOTE_BYTES);
	if (!note) {
		ui_say(ui, true, "out of memory");
		return UI_DONE;
	}
	ui_text_get(&rf->note, note, RF_NOTE_BYTES);
	enum al_status rc;
	if ((rc = db_begin(ui->db, ui->err)) || (rc = store(ui, rf, note)) ||
	    (rc = db_commit(ui->db, ui->err)))
		db_rollback(ui->db);
	explicit_bzero(note, RF_NOTE_BYTES);
	free(note);
	if (rc) {
		ui_say_err(ui);
		return UI_DONE;
	}
	ui_say(ui, false, "%s: repair recorded for the episode opened at session %d.",
	       rf->client.code, rf->course.course.sessions[rf->opened].seq);
	return ui_back(ui, &(struct ui_result){.client_id = rf->client.id});
}

static enum ui_action rf_next(struct ui *ui, void *st)
{
	return form_key(ui, &((struct repair_form *)st)->form, UI_TAB);
}

static enum ui_action rf_prev(struct ui *ui, void *st)
{
	return form_key(ui, &((struct repair_form *)st)->form, UI_FN(KEY_BTAB));
}

static enum ui_action rf_cancel(struct ui *ui, void *st)
{
	struct repair_form *rf = st;
	(void)ui;
	if (!rf->form.edited)
		return UI_BACK;
	rf->ask = RF_ASK_DISCARD;
	return UI_DONE;
}

static const struct ui_key repair_form_keys[] = {
    UI_KEY(rf_next, UI_TAB, 0, "Tab", "Tab", "next",
           "next field (Down and Enter too, outside the note)"),
    UI_KEY(rf_prev, UI_FN(KEY_BTAB), 0, "S-Tab", "S-Tab", "previous",
           "previous field (Up too, outside the note)"),
    UI_KEY(rf_save, UI_CTRL('S'), UI_FN(KEY_F(10)), "^S/F10", "^S/F10", "save",
           "record the repair, from any field"),
    UI_KEY_OUT(rf_cancel, UI_ESC, 'q', "Esc", "Esc", "cancel",
               "cancel (asks if something was typed; q outside text fields)"),
};

/* ---- the draft ---- */

static void show_domain(struct repair_form *rf)
{
	rf->form.field[F_DOMAIN].hint = repair_domains[rf->domain].about;
}

/* The form as a draft body (NULL: out of memory). */
static char *draft_encode(const struct repair_form *rf)
{
	struct repair_draft d = {.domain = (enum al_domain)rf->domain,
	                         .strategies = strategies(rf)};
	char *note = malloc(RF_NOTE_BYTES), *body = malloc(RF_DRAFT_BYTES);
	if (note && body) {
		ui_text_get(&rf->session, d.session, sizeof d.session);
		ui_text_get(&rf->note, note, RF_NOTE_BYTES);
		repair_draft_encode(&d, note, body, RF_DRAFT_BYTES);
		explicit_bzero(note, RF_NOTE_BYTES);
	} else {
		free(body);
		body = NULL;
	}
	free(note);
	return body;
}

static void draft_free(char *body)
{
	if (body)
		explicit_bzero(body, strlen(body));
	free(body);
}

/* The draft back into the form, on its own episode when that is not the
 * one r was pressed on (and onto this one when that is gone). */
static void draft_restore(struct ui *ui, struct repair_form *rf)
{
	struct repair_draft d;
	const char *note = repair_draft_decode(rf->draft_body, &d);
	int64_t here = rf->opened_id, there = rf->draft.session_id;
	if (there && there != here && find_episode(ui, rf, there)) {
		if (ui->err->status != AL_EINPUT || find_episode(ui, rf, here)) {
			ui_say_err(ui); /* the draft stays, to be offered again */
			return;
		}
		ui_say(ui, false, "The draft's episode is gone: its text is on this one");
	}
	rf->domain = (int)d.domain;
	for (int s = 0; s < AL_STRATEGY_COUNT; s++)
		rf->strategy[s] = (int)(d.strategies >> s & 1);
	ui_text_set(&rf->session, d.session);
	ui_text_set(&rf->note, note);
	show_domain(rf);
	rf->form.edited = true;
}

/* After a typing pause: the draft, so that a crash loses nothing. */
static void rf_tick(struct ui *ui, void *st)
{
	struct repair_form *rf = st;
	if (!rf->form.changed || rf->ask != RF_ASK_NONE)
		return;
	char *body = draft_encode(rf);
	if (!body || still_same(ui, rf) ||
	    db_repair_draft_save(ui->db, rf->client.id, rf->opened_id, body, ui->err))
		ui_say(ui, true, "draft not kept: %s", body ? ui->err->msg : "out of memory");
	draft_free(body);
	rf->form.changed = false;
}

/* The questions: restore the draft? discard what was typed? */
static enum ui_action answer(struct ui *ui, struct repair_form *rf, int key)
{
	bool yes = key == 'y' || key == 'Y', no = key == 'n' || key == 'N' || key == UI_ESC;
	if (!yes && !no)
		return UI_DONE;
	enum rf_ask ask = rf->ask;
	rf->ask = RF_ASK_NONE;
	if (ask == RF_ASK_DRAFT && yes)
		draft_restore(ui, rf);
	if (ask == RF_ASK_DISCARD && yes) {
		if (db_repair_draft_delete(ui->db, rf->client.id, ui->err))
			ui_say(ui, true, "draft not discarded: %s; the next r offers it again",
			       ui->err->msg);
		return UI_BACK;
	}
	return UI_DONE;
}

static enum ui_action rf_input(struct ui *ui, void *st, int key)
{
	struct repair_form *rf = st;
	if (rf->ask != RF_ASK_NONE)
		return answer(ui, rf, key);
	if (key == UI_TAB || key == UI_FN(KEY_BTAB))
		return UI_PASS;
	enum ui_action a = form_key(ui, &rf->form, key);
	show_domain(rf);
	return a;
}

static bool rf_typing(const void *st)
{
	const struct repair_form *rf = st;
	return rf->ask == RF_ASK_NONE && form_typing(&rf->form);
}

static void rf_draw(const struct ui *ui, const void *st, struct ui_frame *f)
{
	const struct repair_form *rf = st;
	const struct al_session *o = &rf->course.course.sessions[rf->opened];
	char date[AL_DATE_LEN + 1];
	format_date(o->date, date);
	ui_putf(0, 1, COLS - 2, ui_attr(ui, UI_R_TITLE),
	        "Repair for %s: the episode opened at session %d (%s)", rf->client.code, o->seq,
	        date);
	if (rf->ask == RF_ASK_DRAFT)
		form_draw_draft_offer(ui, 1, rf->draft.updated);
	else if (rf->ask == RF_ASK_DISCARD)
		ui_put(1, 1, COLS - 2, ui_attr(ui, UI_R_ERROR),
		       "Discard what you typed? (y discards, n keeps editing)");
	form_draw(ui, &rf->form, 2, f->rows - 2, f);
	if (rf->ask != RF_ASK_NONE)
		f->cursor = false;
}

static void rf_leave(struct ui *ui, void *st)
{
	struct repair_form *rf = st;
	(void)ui;
	ui_text_free(&rf->session);
	ui_text_free(&rf->note);
	draft_free(rf->draft_body);
	db_course_free(&rf->course);
	analysis_free(&rf->an);
}

static void build_form(struct repair_form *rf)
{
	struct ui_form *f = &rf->form;
	char last[16];
	f->field[F_DOMAIN] = (struct ui_field){.kind = UI_FIELD_CHOICE,
	                                       .label = "Domain",
	                                       .choices = repair_domain_words,
	                                       .nchoices = AL_DOMAIN_COUNT,
	                                       .choice = &rf->domain,
	                                       .hint = repair_domains[0].about};
	for (int s = 0; s < AL_STRATEGY_COUNT; s++)
		f->field[F_STRATEGY + s] = (struct ui_field){.kind = UI_FIELD_CHECK,
		                                             .label = repair_strategies[s].word,
		                                             .hint = repair_strategies[s].about,
		                                             .choice = &rf->strategy[s]};
	f->field[F_SESSION] =
	    (struct ui_field){UI_FIELD_TEXT, "Session", "its number (the last by default)",
	                      &rf->session, RF_SESSION_MAX};
	f->field[F_NOTE] =
	    (struct ui_field){UI_FIELD_NOTE, "Note", "optional; Tab leaves the note", &rf->note};
	f->n = F_COUNT;
	f->check = rf_check;
	f->ctx = rf;
	snprintf(last, sizeof last, "%zu", rf->course.course.n);
	ui_text_set(&rf->session, last);
}

static enum al_status rf_enter(struct ui *ui, void *st, const void *args)
{
	struct repair_form *rf = st;
	const struct ui_client_args *a = args;
	struct access_who who = ui_who(ui, "repair");
	bool found;
	enum al_status rc = ui_writable(ui, "repair");
	if (rc)
		return rc;
	if (ui->supervisor)
		return al_fail(ui->err, AL_EINPUT,
		               "repair: supervisors do not record repairs: repair is the "
		               "clinician's work (a acknowledges, with a comment)");
	if ((rc = access_client(ui->db, &who, a->code, ACCESS_WRITE, &rf->client, ui->err)))
		return rc;
	rf->dims = ui->dims;
	if (!ui_text_init(&rf->session, RF_SESSION_MAX, false) ||
	    !ui_text_init(&rf->note, AL_REPAIR_NOTE_MAX, true) ||
	    !(rf->draft_body = malloc(RF_DRAFT_BYTES)))
		return al_fail(ui->err, AL_EIO, "out of memory");
	if ((rc = find_episode(ui, rf, a->session_id)))
		return rc;
	build_form(rf);
	if ((rc = db_repair_draft_load(ui->db, rf->client.id, &rf->draft, rf->draft_body,
	                               RF_DRAFT_BYTES, &found, ui->err)))
		return rc;
	rf->ask = found ? RF_ASK_DRAFT : RF_ASK_NONE;
	return AL_OK;
}

const struct ui_screen repair_form_screen = {
    .title = "Repair",
    .size = sizeof(struct repair_form),
    .keys = repair_form_keys,
    .nkeys = UI_NKEYS(repair_form_keys),
    .form = true,
    .enter = rf_enter,
    .input = rf_input,
    .tick = rf_tick,
    .draw = rf_draw,
    .typing = rf_typing,
    .leave = rf_leave,
};
