/* An editable text: one line (a rating, the context, the filter) or many
 * (the note, word-wrapped). */
#ifndef ALLIANCE_UI_TEXT_H
#define ALLIANCE_UI_TEXT_H

#include "../core/ui.h"

struct ui_text {
	wchar_t *buf;
	size_t len, cap, cur;
	bool multiline;
};
bool ui_text_init(struct ui_text *t, size_t cap, bool multiline);
void ui_text_free(struct ui_text *t);
/* Edits by key; UI_DONE when it took the key (*changed when the text
 * changed), UI_PASS for keys that are not editing keys. width is the box
 * width (multi-line ↑↓ move by displayed rows). */
enum ui_action ui_text_key(struct ui_text *t, int key, int width, bool *changed);
void ui_text_set(struct ui_text *t, const char *utf8);
/* UTF-8 into buf (at most cap bytes, NUL-terminated); false if cut. */
bool ui_text_get(const struct ui_text *t, char *buf, size_t cap);
/* Why the text may not be stored (text_valid: a one-line field refuses
 * bidirectional and zero-width characters, note is a note), or NULL. */
const char *ui_text_refused(const struct ui_text *t, bool note);
/* Paints the text in a box of w×h cells; with focus, puts the cursor. */
void ui_text_draw(const struct ui_text *t, int y, int x, int w, int h, attr_t a, bool focus,
                  struct ui_frame *f);

#endif
