/* Client mode's face: one question at a time, large and plain, in the
 * client's words; nothing about the client (code, name, earlier ratings)
 * or any other client is ever painted. */
#include <stdio.h>

#include "alliance/core/checkin_words.h"
#include "../widget/big.h"
#include "client_mode_state.h"

#define CM_X 6 /* the question's left margin */

static void center(const struct ui *ui, int y, enum ui_role r, const char *s)
{
	int w = ui_text_cells(s);
	ui_put(y, w < COLS ? (COLS - w) / 2 : 0, COLS, ui_attr(ui, r), s);
}

static void big_center(const struct ui *ui, int y, const char *s)
{
	ui_big_draw(ui, y, (COLS - ui_big_width(s)) / 2, ui_attr(ui, UI_R_TITLE), s);
}

/* A row of the values lo..hi, spread over width, the chosen one marked,
 * and the two ends' meanings under it. */
static void scale(const struct ui *ui, int y, int hi, int chosen, const char *low, const char *high)
{
	int step = hi > 4 ? 6 : 12, width = hi * step + 2, x0 = (COLS - width) / 2;
	for (int v = 0; v <= hi; v++) {
		char n[8];
		snprintf(n, sizeof n, v == chosen ? "[%d]" : " %d ", v);
		ui_put(y, x0 + v * step - 1, 4, ui_attr(ui, v == chosen ? UI_R_SELECT : UI_R_PLAIN),
		       n);
	}
	ui_put(y + 2, x0, width, ui_attr(ui, UI_R_FAINT), low);
	ui_put(y + 2, x0 + width - ui_text_cells(high), width, ui_attr(ui, UI_R_FAINT), high);
}

static const char *question(const struct client_mode *cm, enum cm_kind k)
{
	if (k == CM_RATING)
		return cm->dims.wording[cm->step];
	if (k == CM_COMMENT)
		return CHECKIN_COMMENT_QUESTION;
	return checkin_questions[(int)k - CM_TENSION].text;
}

static const char *hint(const struct ui *ui, enum cm_kind k)
{
	switch (k) {
	case CM_RATING:
		return ui->ascii ? "Type a number (7, 7.5 or 10) or use Left/Right, then Enter."
		                 : "Type a number (7, 7.5 or 10) or use \u2190 \u2192, then Enter.";
	case CM_TENSION:
	case CM_TALKED:
		return ui->ascii ? "Type 0 to 4 or use Left/Right, then Enter."
		                 : "Type 0 to 4 or use \u2190 \u2192, then Enter.";
	case CM_MISUNDERSTOOD:
		return "Press y for yes or n for no, then Enter.";
	case CM_COMMENT:
		return "You may leave this empty. Enter when you are done.";
	case CM_THANKS:
		break;
	}
	return "";
}

static void draw_rating(const struct ui *ui, const struct client_mode *cm)
{
	al_tenths v = cm->rating[cm->step];
	big_center(ui, 8, cm->typed);
	scale(ui, 15, 10, v == AL_MISSING ? -1 : (v + 5) / 10, CHECKIN_RATING_LOW,
	      CHECKIN_RATING_HIGH);
}

static void draw_answer(const struct ui *ui, const struct client_mode *cm, enum cm_kind k)
{
	int i = (int)k - CM_TENSION, v = cm->answer[i];
	const struct checkin_question *q = &checkin_questions[i];
	if (k == CM_MISUNDERSTOOD) {
		ui_put(11, COLS / 2 - 12, 8, ui_attr(ui, v == 0 ? UI_R_SELECT : UI_R_PLAIN),
		       "   No   ");
		ui_put(11, COLS / 2 + 4, 9, ui_attr(ui, v == 1 ? UI_R_SELECT : UI_R_PLAIN),
		       "   Yes   ");
		return;
	}
	char n[12] = "";
	if (v != AL_NO_ANSWER)
		snprintf(n, sizeof n, "%d", v);
	big_center(ui, 8, n);
	scale(ui, 15, AL_CHECKIN_MAX, v, q->low, q->high);
}

static void draw_step(const struct ui *ui, const struct client_mode *cm, struct ui_frame *f)
{
	enum cm_kind k = cm_kind(cm, cm->step);
	int of, at = cm_number(cm, cm->step, &of);
	if (k == CM_THANKS) {
		center(ui, 10, UI_R_TITLE,
		       ui->ascii ? "Thank you - please hand the keyboard back"
		                 : "Thank you \u2014 please hand the keyboard back");
		return;
	}
	ui_putf(1, CM_X, COLS - 2 * CM_X, ui_attr(ui, UI_R_FAINT), "Question %d of %d", at, of);
	ui_put_wrapped(3, CM_X, COLS - 2 * CM_X, 3, ui_attr(ui, UI_R_TITLE), question(cm, k));
	if (k == CM_RATING)
		draw_rating(ui, cm);
	else if (k == CM_COMMENT)
		ui_text_draw(&cm->comment, 8, CM_X, COLS - 2 * CM_X, 1, ui_attr(ui, UI_R_FOCUS),
		             true, f);
	else
		draw_answer(ui, cm, k);
	ui_put(19, CM_X, COLS - 2 * CM_X, ui_attr(ui, UI_R_FAINT), hint(ui, k));
	if (at > 1)
		ui_put(20, CM_X, COLS - 2 * CM_X, ui_attr(ui, UI_R_FAINT),
		       ui->ascii ? "Up goes back to the question before."
		                 : "\u2191 goes back to the question before.");
}

static void draw_help(const struct ui *ui)
{
	static const char *const lines[] = {
	    "Each question is about today's session. There are no right or wrong answers: "
	    "how it was for you helps your clinician make the work better.",
	    "Choose a number from 0 (not at all) to 10 (completely): type it (7, 7.5 or 10) or "
	    "use the Left and Right arrow keys, then press Enter. The Up arrow goes back to the "
	    "question before.",
	    "Your answers are kept as you go. When you are done, please hand the keyboard back "
	    "to your clinician.",
	    CHECKIN_NOT_VALIDATED,
	    "Esc closes this help.",
	};
	int y = 3;
	ui_put(1, CM_X, COLS - 2 * CM_X, ui_attr(ui, UI_R_TITLE), "Help");
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		y +=
		    ui_put_wrapped(y, CM_X, COLS - 2 * CM_X, 4, ui_attr(ui, UI_R_PLAIN), lines[i]) +
		    1;
}

static void draw_offer(const struct ui *ui, const struct client_mode *cm)
{
	ui_putf(3, CM_X, COLS - 2 * CM_X, ui_attr(ui, UI_R_NOTICE) | A_BOLD,
	        "Answers from %.10s %.5s UTC were kept (not yet saved).", cm->draft.updated,
	        cm->draft.updated + 11);
	ui_put(5, CM_X, COLS - 2 * CM_X, ui_attr(ui, UI_R_PLAIN),
	       "Continue them with the client? (y continues, n starts afresh)");
}

void cm_draw(const struct ui *ui, const void *st, struct ui_frame *f)
{
	const struct client_mode *cm = st;
	switch (cm->phase) {
	case CM_OFFER:
		draw_offer(ui, cm);
		break;
	case CM_HELP:
		draw_help(ui);
		break;
	case CM_PIN:
		center(ui, 8, UI_R_TITLE, "For the clinician: your PIN to leave client mode");
		ui_pin_draw(ui, &cm->pin, 10);
		center(ui, 12, UI_R_FAINT, "Enter confirms, Esc returns to the questions");
		break;
	case CM_ASK:
		draw_step(ui, cm, f);
		break;
	}
}
