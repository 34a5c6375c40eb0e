/* Acknowledging an episode (supervisors): which episode (the one behind
 * the client's status, or the one chosen on the client screen), and a
 * one-line comment that the clinician sees with it. The same checks as
 * `alliance ack --episode`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/analysis.h"
#include "alliance/db/ack.h"
#include "alliance/db/session.h"
#include "alliance/core/text.h"
#include "../core/ui.h"
#include "../screens.h"
#include "../widget/form.h"

enum { F_EPISODE, F_COMMENT, F_COUNT };

#define ACK_CHOICES 48 /* episodes offered at most */
#define ACK_LABEL 48   /* "session 9: rupture, unrepaired" */
#define ACK_GONE "this client was deleted in another window %s your text is kept"

struct ack_form {
	struct ui_form form;
	struct al_client client;
	struct db_course course;
	struct al_analysis an;    /* the course's flags and episodes */
	size_t pick[ACK_CHOICES]; /* the episodes offered: indices into an.eps */
	int npick, choice;
	char label[ACK_CHOICES][ACK_LABEL];
	const char *labels[ACK_CHOICES];
	char story[ACK_CHOICES][AL_STORY_MAX];
	struct ui_text comment;
	bool gone; /* the client was purged while the form was open */
};

static const struct al_course *course(const struct ack_form *a)
{
	return &a->course.course;
}

static enum al_status analyse(struct ui *ui, struct ack_form *a)
{
	if (!analysis_run(&a->an, course(a), &ui->settings, a->client.archived))
		return al_fail(ui->err, AL_EIO, "out of memory");
	return AL_OK;
}

static void offer_one(struct ui *ui, struct ack_form *a, size_t k)
{
	const struct al_episode *e = &a->an.eps[k];
	const struct al_course *c = course(a);
	snprintf(a->label[a->npick], ACK_LABEL, "session %d: %s, %s", c->sessions[e->opened].seq,
	         episode_kind_name(e->kind), episode_status_name(e->status));
	a->labels[a->npick] = a->label[a->npick];
	episode_story(c, &ui->settings, e, ui->supervisor ? a->client.clinician : NULL,
	              a->story[a->npick], AL_STORY_MAX);
	a->pick[a->npick++] = k;
}

/* The current episodes and the one that opened at session_id, that one
 * chosen; with session_id 0 the one behind the status, as the board shows
 * it. */
static void offer(struct ui *ui, struct ack_form *a, int64_t session_id)
{
	const struct al_course *c = course(a);
	struct al_standing sd;
	episodes_standing(c, a->an.flags, a->an.nflags, a->an.eps, a->an.neps, &sd);
	for (size_t k = 0; k < a->an.neps && a->npick < ACK_CHOICES; k++) {
		bool asked = session_id && c->sessions[a->an.eps[k].opened].id == session_id;
		if (!asked && !episode_is_current(c, &a->an.eps[k]))
			continue;
		if (asked || (!session_id && k == sd.episode))
			a->choice = a->npick;
		offer_one(ui, a, k);
	}
}

static const char *af_check(const void *ctx, int i, char *buf, size_t cap)
{
	const struct ack_form *a = ctx;
	(void)buf;
	(void)cap;
	if (i != F_COMMENT || a->comment.len == 0)
		return NULL;
	for (size_t k = 0; k < a->comment.len; k++)
		if (a->comment.buf[k] != L' ')
			return NULL;
	return "is blank";
}

/* In the write transaction: still allowed, and the episode still there
 * (it is named by the session where it opened). */
static enum al_status store(struct ui *ui, struct ack_form *a, const char *comment)
{
	const struct al_episode *e = &a->an.eps[a->pick[a->choice]];
	int64_t session = course(a)->sessions[e->opened].id, id;
	struct access_who who = ui_who(ui, "acknowledge");
	bool same;
	enum al_status st = db_client_same(ui->db, &a->client, &same, ui->err);
	if (!st && (a->gone = !same))
		return al_fail(ui->err, AL_EINPUT, "acknowledge: %s: " ACK_GONE, a->client.code,
		               ui->ascii ? "-" : "\u2014");
	if (!st)
		st = access_client(ui->db, &who, a->client.code, ACCESS_ACK, &a->client, ui->err);
	db_course_free(&a->course);
	if (st || (st = db_course_load(ui->db, &ui->dims, a->client.id, &a->course, ui->err)) ||
	    (st = analyse(ui, a)))
		return st;
	bool there = false;
	for (size_t k = 0; k < a->an.neps && !there; k++)
		there = course(a)->sessions[a->an.eps[k].opened].id == session;
	if (!there)
		return al_fail(ui->err, AL_EINPUT,
		               "acknowledge: the episode is gone (the ratings "
		               "changed meanwhile)");
	return db_episode_ack_add(ui->db, session, ui->user_id, comment, &id, ui->err);
}

/* ---- keys ---- */

static enum ui_action af_next(struct ui *ui, void *st)
{
	return form_key(ui, &((struct ack_form *)st)->form, UI_TAB);
}

static enum ui_action af_prev(struct ui *ui, void *st)
{
	return form_key(ui, &((struct ack_form *)st)->form, UI_FN(KEY_BTAB));
}

static enum ui_action af_save(struct ui *ui, void *st)
{
	struct ack_form *a = st;
	char comment[AL_ACK_COMMENT_CHARS * 4 + 1], why[96];
	if (!form_valid(ui, &a->form))
		return UI_DONE;
	ui_text_get(&a->comment, comment, sizeof comment);
	if (!text_ok_chars(comment, AL_ACK_COMMENT_CHARS, why, sizeof why)) {
		a->form.focus = F_COMMENT;
		ui_say(ui, true, "Comment %s: a few words for the clinician", why);
		return UI_DONE;
	}
	int choice = a->choice;
	enum al_status rc = db_begin(ui->db, ui->err);
	if (!rc && !(rc = store(ui, a, comment)))
		rc = db_commit(ui->db, ui->err);
	db_rollback(ui->db);
	if (rc) {
		ui_say_err(ui);
		/* what the form showed may be stale now; a comment for a client
		 * that is gone stays on the screen, to be copied elsewhere */
		return a->gone ? UI_DONE : UI_BACK;
	}
	ui_say(ui, false, "Acknowledged: %s, %s.", a->client.code, a->label[choice]);
	return ui_back(ui, &(struct ui_result){.client_id = a->client.id});
}

static enum ui_action af_cancel(struct ui *ui, void *st)
{
	(void)ui;
	(void)st;
	return UI_BACK;
}

static const struct ui_key ack_form_keys[] = {
    UI_KEY(af_next, UI_TAB, 0, "Tab", "Tab", "next", "next field (\u2193 and Enter too)"),
    UI_KEY(af_prev, UI_FN(KEY_BTAB), 0, "S-Tab", "S-Tab", "previous",
           "previous field (\u2191 too)"),
    UI_KEY(af_save, UI_CTRL('S'), UI_FN(KEY_F(10)), "^S/F10", "^S/F10", "save",
           "store the acknowledgement (audited; the clinician sees the comment)"),
    UI_KEY_OUT(af_cancel, UI_ESC, 0, "Esc", "Esc", "cancel", "cancel"),
};

static enum ui_action af_input(struct ui *ui, void *st, int key)
{
	if (key == UI_TAB || key == UI_FN(KEY_BTAB))
		return UI_PASS;
	return form_key(ui, &((struct ack_form *)st)->form, key);
}

static bool af_typing(const void *st)
{
	return form_typing(&((const struct ack_form *)st)->form);
}

static void af_draw(const struct ui *ui, const void *st, struct ui_frame *f)
{
	const struct ack_form *a = st;
	ui_putf(0, 1, COLS - 2, ui_attr(ui, UI_R_TITLE),
	        "Acknowledge an episode of %s (clinician %s)", a->client.code, a->client.clinician);
	ui_put(1, 1, COLS - 2, ui_attr(ui, UI_R_FAINT),
	       "The clinician sees the comment with the episode (one line, 500 characters).");
	form_draw(ui, &a->form, 3, 2, f);
	ui_put_wrapped(6, 3, COLS - 4, f->rows - 6, ui_attr(ui, UI_R_PLAIN), a->story[a->choice]);
}

static void af_leave(struct ui *ui, void *st)
{
	struct ack_form *a = st;
	(void)ui;
	db_course_free(&a->course);
	analysis_free(&a->an);
	ui_text_free(&a->comment);
}

static enum al_status prepare(struct ui *ui, struct ack_form *a, const char *code,
                              int64_t session_id)
{
	struct access_who who = ui_who(ui, "acknowledge");
	enum al_status st = access_client(ui->db, &who, code, ACCESS_ACK, &a->client, ui->err);
	if (st || (st = db_course_load(ui->db, &ui->dims, a->client.id, &a->course, ui->err)) ||
	    (st = analyse(ui, a)))
		return st;
	offer(ui, a, session_id);
	if (a->npick == 0)
		return al_fail(ui->err, AL_EINPUT, "acknowledge: %s has no current episode", code);
	struct ui_form *f = &a->form;
	f->field[F_EPISODE] =
	    (struct ui_field){.kind = UI_FIELD_CHOICE,
	                      .label = "Episode",
	                      .choices = a->labels,
	                      .nchoices = a->npick,
	                      .choice = &a->choice,
	                      .box = ACK_LABEL - 8,
	                      .hint = a->npick > 1 ? "Space or \u2190\u2192" : NULL};
	f->field[F_COMMENT] = (struct ui_field){UI_FIELD_TEXT, "Comment", NULL, &a->comment, 0};
	f->n = F_COUNT;
	f->focus = a->npick > 1 ? F_EPISODE : F_COMMENT;
	f->check = af_check;
	f->ctx = a;
	return AL_OK;
}

static enum al_status af_enter(struct ui *ui, void *st, const void *args)
{
	struct ack_form *a = st;
	const struct ui_client_args *in = args;
	enum al_status rc = ui_writable(ui, "acknowledge");
	if (rc)
		return rc;
	if (!ui_text_init(&a->comment, AL_ACK_COMMENT_CHARS, false))
		return al_fail(ui->err, AL_EIO, "out of memory");
	return prepare(ui, a, in->code, in->session_id);
}

const struct ui_screen ack_form_screen = {
    .title = "Acknowledge an episode",
    .size = sizeof(struct ack_form),
    .keys = ack_form_keys,
    .nkeys = UI_NKEYS(ack_form_keys),
    .form = true,
    .enter = af_enter,
    .input = af_input,
    .draw = af_draw,
    .typing = af_typing,
    .leave = af_leave,
};
