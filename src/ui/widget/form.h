/* Forms: labelled fields with Tab/Shift-Tab focus, shared by the session
 * entry, the new-client form and the acknowledgement. */
#ifndef ALLIANCE_UI_FORM_H
#define ALLIANCE_UI_FORM_H

#include "../core/ui.h"
#include "text.h"

/* CHECK: a checkbox, *choice 0 or 1 (Space or x toggles it). */
enum ui_field_kind { UI_FIELD_TEXT, UI_FIELD_CHOICE, UI_FIELD_NOTE, UI_FIELD_CHECK };
#define UI_FORM_MAX (AL_DIM_MAX + 12)
struct ui_field {
	enum ui_field_kind kind;
	const char *label;
	const char *hint;           /* shown beside the field */
	struct ui_text *text;       /* TEXT and NOTE */
	int box;                    /* TEXT: box width in cells */
	const char *const *choices; /* CHOICE */
	int nchoices;
	int *choice; /* CHOICE, CHECK */
};
struct ui_form {
	struct ui_field field[UI_FORM_MAX];
	int n, focus;
	/* The reason the field's value is refused, or NULL when it is fine
	 * (a reason made up for the value goes in buf). */
	const char *(*check)(const void *ctx, int field, char *buf, size_t cap);
	const void *ctx;
	bool edited;  /* typed since the form opened: Esc asks */
	bool changed; /* since the last draft save */
};
enum ui_action form_key(struct ui *ui, struct ui_form *f, int key);
bool form_typing(const struct ui_form *f);
/* The first refused field (focus goes there, the reason is said). */
bool form_valid(struct ui *ui, struct ui_form *f);
void form_draw(const struct ui *ui, const struct ui_form *f, int top, int rows,
               struct ui_frame *fr);
/* A form's draft offered back on its row `row`, in the same words on every
 * form that keeps one: kept at updated ("YYYY-MM-DDTHH:MM:SSZ"), y/n. */
void form_draw_draft_offer(const struct ui *ui, int row, const char *updated);

#endif
