/* Key tables: the one place that says which keys a screen has. From it come
 * the dispatch, the status line and the ? help, so they cannot drift apart. */
#include <stdio.h>
#include <string.h>
#include <wctype.h>

#include "ui.h"

bool ui_key_enter(int key)
{
	return key == '\r' || key == '\n' || key == UI_FN(KEY_ENTER);
}

bool ui_key_printable(int key)
{
	return key >= ' ' && key < 0x110000 && key != 127 && iswprint((wint_t)key);
}

const struct ui_key *ui_key_find(const struct ui_key *keys, size_t n, int key)
{
	for (size_t i = 0; i < n; i++)
		if (keys[i].code[0] == key || (keys[i].code[1] && keys[i].code[1] == key))
			return &keys[i];
	return NULL;
}

static const char *label(const struct ui *ui, const struct ui_key *k)
{
	return ui->ascii ? k->ascii_label : k->label;
}

const struct ui_key *ui_global_key(int key, bool typing)
{
	for (size_t i = 0; i < ui_global_nkeys; i++) {
		const struct ui_key *k = &ui_global_keys[i];
		if (k->code[0] == key || (!typing && k->code[1] == key))
			return k;
	}
	return NULL;
}

static int item_cells(const char *key, const char *word)
{
	return ui_text_cells(key) + 1 + ui_text_cells(word) + 2;
}

static bool status_item(const struct ui *ui, int *x, int end, const char *key, const char *word)
{
	int need = item_cells(key, word) - 2;
	if (*x + need > end)
		return false;
	*x += ui_put(LINES - 1, *x, need, ui_attr(ui, UI_R_KEY), key);
	*x += ui_put(LINES - 1, *x, need, ui_attr(ui, UI_R_BAR), " ");
	*x += ui_put(LINES - 1, *x, need, ui_attr(ui, UI_R_BAR), word);
	*x += 2;
	return true;
}

/* Rows next to each other with the same status word share one item:
 * "↑/k" and "↓/j" both saying "move" become "↑/↓ move". */
static size_t status_group(const struct ui *ui, const struct ui_key *keys, size_t n, size_t i,
                           char *buf, size_t cap)
{
	size_t j = i + 1;
	while (j < n && keys[j].status && strcmp(keys[j].status, keys[i].status) == 0)
		j++;
	if (j == i + 1) {
		snprintf(buf, cap, "%s", label(ui, &keys[i]));
		return j;
	}
	size_t at = 0;
	for (size_t k = i; k < j && at < cap; k++) {
		const char *l = label(ui, &keys[k]);
		int len = (int)strcspn(l, "/");
		at += (size_t)snprintf(buf + at, cap - at, "%s%.*s", k > i ? "/" : "", len, l);
	}
	return j;
}

/* The global keys as the status line names them: F1/F2 inside text
 * fields, ? and z elsewhere. */
static void global_label(const struct ui_key *k, bool typing, char *buf, size_t cap)
{
	if (typing)
		snprintf(buf, cap, "F%d", k->code[0] - UI_FN(KEY_F0));
	else
		snprintf(buf, cap, "%c", k->code[1]);
}

/* The screen's keys as they fit, then always help and curtain at the end:
 * what does not fit is still in the help. */
void ui_draw_status(const struct ui *ui, const struct ui_screen *s, bool typing)
{
	int x = 1, end = COLS - 1;
	char item[64];
	for (size_t i = 0; i < ui_global_nkeys; i++) {
		global_label(&ui_global_keys[i], typing, item, sizeof item);
		end -= item_cells(item, ui_global_keys[i].status);
	}
	ui_fill(LINES - 1, 0, COLS, ui_attr(ui, UI_R_BAR));
	for (size_t i = 0; i < s->nkeys;) {
		size_t next = i + 1;
		if (s->keys[i].status) {
			next = status_group(ui, s->keys, s->nkeys, i, item, sizeof item);
			status_item(ui, &x, end, item, s->keys[i].status);
		}
		i = next;
	}
	for (size_t i = 0; i < ui_global_nkeys; i++) {
		global_label(&ui_global_keys[i], typing, item, sizeof item);
		status_item(ui, &x, COLS - 1, item, ui_global_keys[i].status);
	}
}

static void help_row(const struct ui *ui, int y, int x, int w, const struct ui_key *k)
{
	int lw = 14;
	ui_put(y, x, lw, ui_attr(ui, UI_R_TITLE), label(ui, k));
	ui_put(y, x + lw, w - lw, ui_attr(ui, UI_R_PLAIN), k->help);
}

/* The help page takes the whole screen, above the message and status rows. */
void ui_draw_help(const struct ui *ui, const struct ui_screen *s, const void *st)
{
	int w = COLS - 4 < 90 ? COLS - 4 : 90;
	ui_putf(0, 1, w, ui_attr(ui, UI_R_TITLE), "Help: %s", s->title);
	int y = 2, x = 2, iw = w - 2, last = LINES - 3;
	for (size_t i = 0; i < s->nkeys && y < last; i++)
		help_row(ui, y++, x, iw, &s->keys[i]);
	for (size_t i = 0; i < ui_global_nkeys && y < last; i++)
		help_row(ui, y++, x, iw, &ui_global_keys[i]);
	if (y < last)
		y++;
	if (s->help_extra && y < last)
		y += s->help_extra(ui, st, y, x, iw, last - y);
	if (y < last)
		ui_put(y + 1 < last ? y + 1 : y, x, iw, ui_attr(ui, UI_R_FAINT),
		       "Inside text fields ? and z are text: use F1 and F2. Esc closes this help.");
}
