/* Forms: labelled fields, one focused at a time. Tab/↓/Enter go to the next
 * field and Shift-Tab/↑ to the previous one (in the note ↑↓ and Enter are
 * the note's own, so only Tab and Shift-Tab leave it); a field whose value
 * is refused keeps the focus and says why, and so does a typed key that a
 * full field cannot take. */
#include <ctype.h>

#include "form.h"

#define WHY_MAX 96

#define LABEL_MIN 14

static int label_width(const struct ui_form *f)
{
	int w = LABEL_MIN;
	for (int i = 0; i < f->n; i++) {
		int c = ui_text_cells(f->field[i].label) + 2;
		if (f->field[i].kind != UI_FIELD_NOTE && c > w)
			w = c;
	}
	return w;
}

static int note_width(void)
{
	return COLS - 2;
}

static const char *why_refused(const struct ui_form *f, int i, char *buf)
{
	return f->check ? f->check(f->ctx, i, buf, WHY_MAX) : NULL;
}

static bool refused(struct ui *ui, const struct ui_form *f, int i)
{
	char buf[WHY_MAX];
	const char *why = why_refused(f, i, buf);
	if (why)
		ui_say(ui, true, "%s: %s", f->field[i].label, why);
	return why != NULL;
}

static enum ui_action move_focus(struct ui *ui, struct ui_form *f, int dir)
{
	if (refused(ui, f, f->focus))
		return UI_DONE;
	f->focus = (f->focus + dir + f->n) % f->n;
	return UI_DONE;
}

/* A letter picks the next choice that starts with it ("w" withdrawal). */
static bool choice_letter(struct ui_field *fld, int key)
{
	if (key <= ' ' || key >= 127)
		return false;
	for (int k = 1; k <= fld->nchoices; k++) {
		int i = (*fld->choice + k) % fld->nchoices;
		const char *word = *fld->choices[i] ? fld->choices[i] : "none";
		if (tolower((unsigned char)word[0]) == tolower(key)) {
			*fld->choice = i;
			return true;
		}
	}
	return false;
}

static enum ui_action choice_key(struct ui_field *fld, int key, bool *changed)
{
	int dir = key == UI_FN(KEY_LEFT) ? -1 : key == UI_FN(KEY_RIGHT) || key == ' ' ? 1 : 0;
	if (!dir && choice_letter(fld, key)) {
		*changed = true;
		return UI_DONE;
	}
	if (!dir)
		return UI_PASS;
	*fld->choice = (*fld->choice + dir + fld->nchoices) % fld->nchoices;
	*changed = true;
	return UI_DONE;
}

static enum ui_action check_key(struct ui_field *fld, int key, bool *changed)
{
	if (key != ' ' && key != 'x' && key != 'X')
		return UI_PASS;
	*fld->choice = !*fld->choice;
	*changed = true;
	return UI_DONE;
}

enum ui_action form_key(struct ui *ui, struct ui_form *f, int key)
{
	struct ui_field *fld = &f->field[f->focus];
	bool note = fld->kind == UI_FIELD_NOTE, changed = false;
	if (key == UI_TAB || (!note && (key == UI_FN(KEY_DOWN) || ui_key_enter(key))))
		return move_focus(ui, f, 1);
	if (key == UI_FN(KEY_BTAB) || (!note && key == UI_FN(KEY_UP)))
		return move_focus(ui, f, -1);
	if (fld->kind == UI_FIELD_CHOICE || fld->kind == UI_FIELD_CHECK) {
		enum ui_action a = fld->kind == UI_FIELD_CHECK ? check_key(fld, key, &changed)
		                                               : choice_key(fld, key, &changed);
		f->edited = f->edited || changed;
		f->changed = f->changed || changed;
		return a;
	}
	size_t before = fld->text->len;
	enum ui_action a = ui_text_key(fld->text, key, note_width(), &changed);
	if (ui_key_printable(key) && fld->text->len == before && before == fld->text->cap)
		ui_say(ui, true, "%s: at most %zu characters (the key was not taken)", fld->label,
		       fld->text->cap);
	if (changed)
		f->edited = f->changed = true;
	return a;
}

bool form_typing(const struct ui_form *f)
{
	enum ui_field_kind k = f->field[f->focus].kind;
	return k != UI_FIELD_CHOICE && k != UI_FIELD_CHECK;
}

bool form_valid(struct ui *ui, struct ui_form *f)
{
	for (int i = 0; i < f->n; i++)
		if (refused(ui, f, i)) {
			f->focus = i;
			return false;
		}
	return true;
}

/* A choice is 20 cells wide unless its field says (box). */
static int choice_width(const struct ui_field *fld)
{
	return fld->box ? fld->box : 20;
}

static void draw_choice(const struct ui *ui, const struct ui_field *fld, int y, int x, bool focus)
{
	const char *v = fld->choices[*fld->choice];
	attr_t a = ui_attr(ui, focus ? UI_R_FOCUS : UI_R_FIELD);
	int used = ui_put(y, x, 2, a, ui->ascii ? "< " : "\u2039 ");
	used += ui_put(y, x + used, choice_width(fld), a, *v ? v : "none");
	ui_put(y, x + used, 2, a, ui->ascii ? " >" : " \u203a");
}

static void draw_check(const struct ui *ui, const struct ui_field *fld, int y, int x, bool focus)
{
	ui_put(y, x, 3, ui_attr(ui, focus ? UI_R_FOCUS : UI_R_FIELD), *fld->choice ? "[x]" : "[ ]");
}

/* Beside a field: why its value is refused, or its hint. */
static void draw_aside(const struct ui *ui, const struct ui_form *f, int i, int y, int x)
{
	char buf[WHY_MAX];
	const char *why = why_refused(f, i, buf);
	if (why) {
		int used = ui_put(y, x, 2, ui_attr(ui, UI_R_ERROR), ui->ascii ? "x " : "\u2717 ");
		ui_put_cut(ui, y, x + used, COLS - 1 - x - used, ui_attr(ui, UI_R_ERROR), why);
	} else if (f->field[i].hint) {
		ui_put_cut(ui, y, x, COLS - 1 - x, ui_attr(ui, UI_R_FAINT), f->field[i].hint);
	}
}

void form_draw(const struct ui *ui, const struct ui_form *f, int top, int rows, struct ui_frame *fr)
{
	int lw = label_width(f), x = 1 + lw, y = top, end = top + rows;
	for (int i = 0; i < f->n && y < end; i++) {
		const struct ui_field *fld = &f->field[i];
		bool focus = i == f->focus;
		ui_put(y, 1, lw, ui_attr(ui, focus ? UI_R_TITLE : UI_R_PLAIN), fld->label);
		if (fld->kind == UI_FIELD_NOTE) {
			int below = f->n - 1 - i,
			    h = end - y - 1 - below > 1 ? end - y - 1 - below : 1;
			ui_text_draw(fld->text, y + 1, 1, note_width(), h,
			             ui_attr(ui, focus ? UI_R_PLAIN : UI_R_FAINT), focus, fr);
			if (fld->hint)
				ui_put_cut(ui, y, 1 + lw, COLS - 2 - lw, ui_attr(ui, UI_R_FAINT),
				           fld->hint);
			y += h + 1;
			continue;
		}
		int box = fld->kind == UI_FIELD_CHOICE  ? choice_width(fld)
		          : fld->kind == UI_FIELD_CHECK ? 3
		          : fld->box                    ? fld->box
		                                        : COLS - x - 3;
		if (fld->kind == UI_FIELD_CHOICE)
			draw_choice(ui, fld, y, x, focus);
		else if (fld->kind == UI_FIELD_CHECK)
			draw_check(ui, fld, y, x, focus);
		else
			ui_text_draw(fld->text, y, x, box, 1,
			             ui_attr(ui, focus ? UI_R_FOCUS : UI_R_FIELD), focus, fr);
		draw_aside(ui, f, i, y, x + box + 2);
		y++;
	}
}

void form_draw_draft_offer(const struct ui *ui, int row, const char *updated)
{
	ui_putf(row, 1, COLS - 2, ui_attr(ui, UI_R_NOTICE) | A_BOLD,
	        "An unsaved entry from %.10s %.5s UTC was kept. Restore it? (y/n)", updated,
	        updated + 11);
}
