/* Key tables: the one place that says which keys a screen has. From them
 * come the dispatch, the status line and the ? help, so they cannot drift
 * apart. The global keys (help, curtain, Ctrl-C, Ctrl-Z) are here too. */
#include <stdio.h>
#include <string.h>

#include "ui.h"

static enum ui_action show_help(struct ui *ui, void *st)
{
	(void)st;
	ui->help = true;
	ui->help_top = 0;
	return UI_DONE;
}

static enum ui_action show_curtain(struct ui *ui, void *st)
{
	(void)st;
	ui->curtain = true;
	return UI_DONE;
}

/* Ctrl-C quits from anywhere but a form, where typed work would be left:
 * drafts are kept in the database anyway, and a form says how to leave. */
static enum ui_action quit(struct ui *ui, void *st)
{
	(void)st;
	if (ui_top(ui)->form) {
		ui_say(ui, true, "Ctrl-C: first save (Ctrl-S) or cancel (Esc) this form");
		return UI_DONE;
	}
	return UI_QUIT;
}

static enum ui_action suspend(struct ui *ui, void *st)
{
	(void)st;
	ui_suspend(ui);
	return UI_DONE;
}

/* The first code works everywhere, the second (printable) only outside
 * text fields. */
static const struct ui_key global_keys[] = {
    UI_KEY(show_help, UI_FN(KEY_F(1)), '?', "?/F1", "?/F1", "help",
           "this help (F1 also inside text fields)"),
    UI_KEY(show_curtain, UI_FN(KEY_F(2)), 'z', "z/F2", "z/F2", "hide",
           "privacy curtain: hide every client detail; Enter returns"),
    UI_KEY(quit, UI_CTRL('C'), 0, "^C", "^C", NULL,
           "quit alliance from any screen but a form (drafts are kept)"),
    UI_KEY(suspend, UI_CTRL('Z'), 0, "^Z", "^Z", NULL,
           "suspend to the shell; after fg the curtain hides the screen"),
};
#define NGLOBAL UI_NKEYS(global_keys)

static const struct ui_key *find(const struct ui_key *keys, size_t n, int key)
{
	for (size_t i = 0; i < n; i++)
		if (keys[i].code[0] == key || (keys[i].code[1] && keys[i].code[1] == key))
			return &keys[i];
	return NULL;
}

static const struct ui_key *global_key(int key, bool typing)
{
	for (size_t i = 0; i < NGLOBAL; i++) {
		const struct ui_key *k = &global_keys[i];
		if (k->code[0] == key || (!typing && k->code[1] && k->code[1] == key))
			return k;
	}
	return NULL;
}

static enum ui_action run_key(struct ui *ui, const struct ui_key *k, void *st)
{
	return k->fn(ui, (char *)st + k->at);
}

enum ui_action ui_dispatch(struct ui *ui, int key)
{
	const struct ui_screen *s = ui_top(ui);
	void *st = ui_top_state(ui);
	const struct ui_key *k = global_key(key, true);
	if (s->locked && key != UI_FN(KEY_F(2)))
		return s->input(ui, st, key);
	if (k)
		return run_key(ui, k, st);
	enum ui_action a = s->input ? s->input(ui, st, key) : UI_PASS;
	if (a == UI_PASS && (k = global_key(key, false)))
		a = run_key(ui, k, st);
	if (a == UI_PASS && (k = find(s->keys, s->nkeys, key)))
		a = run_key(ui, k, st);
	if (a == UI_PASS && s->form && ui_key_printable(key)) /* never dropped unsaid */
		ui_say(ui, true,
		       "This field takes no typing: Space or Left/Right choose, Tab moves on");
	return a;
}

bool ui_key_works(const struct ui *ui, const struct ui_key *k)
{
	return k->who == UI_ANYONE || (k->who == UI_SUPERVISOR) == ui->supervisor;
}

static const char *label(const struct ui *ui, const struct ui_key *k)
{
	return ui->ascii ? k->ascii_label : k->label;
}

/* ---- the status line ---- */

/* An item of the status line: "↑/↓ move", from one row or several. */
struct item {
	char key[64];
	const char *word;
	bool keep;
};

static int item_cells(const struct item *it)
{
	return ui_text_cells(it->key) + 1 + ui_text_cells(it->word) + 2;
}

static void put_item(const struct ui *ui, int *x, const struct item *it)
{
	int need = item_cells(it) - 2;
	*x += ui_put(LINES - 1, *x, need, ui_attr(ui, UI_R_KEY), it->key);
	*x += ui_put(LINES - 1, *x, need, ui_attr(ui, UI_R_BAR), " ");
	*x += ui_put(LINES - 1, *x, need, ui_attr(ui, UI_R_BAR), it->word);
	*x += 2;
}

static size_t next_shown(const struct ui *ui, const struct ui_key *keys, size_t n, size_t i)
{
	while (i < n && !(keys[i].status && ui_key_works(ui, &keys[i])))
		i++;
	return i;
}

/* Rows next to each other with the same status word share one item:
 * "↑/k" and "↓/j" both saying "move" become "↑/↓ move". Returns the
 * row after the item. */
static size_t status_group(const struct ui *ui, const struct ui_key *keys, size_t n, size_t i,
                           struct item *it)
{
	size_t j = next_shown(ui, keys, n, i + 1), at = 0;
	bool group = j < n && strcmp(keys[j].status, keys[i].status) == 0;
	it->word = keys[i].status;
	it->keep = false;
	j = i;
	do {
		const char *l = label(ui, &keys[j]);
		int len = group ? (int)strcspn(l, "/") : (int)strlen(l);
		if (at < sizeof it->key)
			at += (size_t)snprintf(it->key + at, sizeof it->key - at, "%s%.*s",
			                       j > i ? "/" : "", len, l);
		it->keep = it->keep || keys[j].keep;
		j = next_shown(ui, keys, n, j + 1);
	} while (group && j < n && strcmp(keys[j].status, keys[i].status) == 0);
	return j;
}

/* The global keys as the status line names them: F1/F2 inside text
 * fields, ? and z elsewhere. */
static void global_item(const struct ui_key *k, bool typing, struct item *it)
{
	if (typing)
		snprintf(it->key, sizeof it->key, "F%d", k->code[0] - UI_FN(KEY_F0));
	else
		snprintf(it->key, sizeof it->key, "%c", k->code[1]);
	it->word = k->status;
	it->keep = true;
}

#define ITEMS_MAX 32

static size_t screen_items(const struct ui *ui, const struct ui_screen *s, struct item *items)
{
	size_t n = 0;
	for (size_t i = next_shown(ui, s->keys, s->nkeys, 0); i < s->nkeys && n < ITEMS_MAX;
	     i = next_shown(ui, s->keys, s->nkeys, i))
		i = status_group(ui, s->keys, s->nkeys, i, &items[n++]);
	return n;
}

/* The screen's keys as they fit, the way out always, then help and
 * curtain at the end: what does not fit is still in the help. */
void ui_draw_status(const struct ui *ui, const struct ui_screen *s, bool typing)
{
	struct item items[ITEMS_MAX], global[NGLOBAL];
	size_t n = screen_items(ui, s, items), ng = 0;
	int x = 1, end = COLS - 1, kept = 0;
	for (size_t i = 0; i < NGLOBAL; i++)
		if (global_keys[i].status) {
			global_item(&global_keys[i], typing, &global[ng]);
			end -= item_cells(&global[ng++]);
		}
	for (size_t i = 0; i < n; i++)
		kept += items[i].keep ? item_cells(&items[i]) : 0;
	ui_fill(LINES - 1, 0, COLS, ui_attr(ui, UI_R_BAR));
	for (size_t i = 0; i < n; i++) {
		int need = item_cells(&items[i]);
		if (items[i].keep)
			kept -= need;
		if (x + need - 2 <= end - kept)
			put_item(ui, &x, &items[i]);
	}
	for (size_t i = 0; i < ng; i++)
		if (x + item_cells(&global[i]) - 2 <= COLS - 1)
			put_item(ui, &x, &global[i]);
}

/* While the help is open only its own keys work: the status line says
 * those (scrolling only when there is more than a screen). */
void ui_draw_help_status(const struct ui *ui)
{
	static const struct item scroll = {"j/k", "scroll", true}, close = {"Esc", "close", true};
	int x = 1;
	ui_fill(LINES - 1, 0, COLS, ui_attr(ui, UI_R_BAR));
	if (ui->help_len > LINES - 5)
		put_item(ui, &x, &scroll);
	put_item(ui, &x, &close);
}

/* ---- the help page ---- */

#define HELP_LABEL 14

/* One key: its label, and its words wrapped beside it; returns the rows used. */
static int help_row(const struct ui *ui, int y, int x, int w, int max_rows, const struct ui_key *k)
{
	ui_put(y, x, HELP_LABEL, ui_attr(ui, UI_R_TITLE), label(ui, k));
	return ui_put_wrapped(y, x + HELP_LABEL, w - HELP_LABEL, max_rows, ui_attr(ui, UI_R_PLAIN),
	                      k->help);
}

#define HELP_ROWS_MAX 1000 /* drawn whole: curses refuses rows off the screen */

/* The help page takes the whole screen above the message and status rows,
 * from its row help_top on: it is drawn whole, shifted up, and the rows
 * outside [2, LINES - 3) are cleared for the title and the "more" line. */
int ui_draw_help(const struct ui *ui, const struct ui_screen *s, const void *st)
{
	int w = COLS - 4 < 90 ? COLS - 4 : 90;
	int last = LINES - 3, y = 2 - ui->help_top, x = 2, iw = w - 2;
	attr_t plain = ui_attr(ui, UI_R_PLAIN);
	for (size_t i = 0; i < s->nkeys + NGLOBAL; i++) {
		const struct ui_key *k = i < s->nkeys ? &s->keys[i] : &global_keys[i - s->nkeys];
		if (ui_key_works(ui, k))
			y += help_row(ui, y, x, iw, HELP_ROWS_MAX, k);
	}
	y++; /* a blank row */
	if (s->help_extra)
		y += s->help_extra(ui, st, y, x, iw, HELP_ROWS_MAX);
	y += 1 + ui_put_wrapped(y + 1, x, iw, HELP_ROWS_MAX, ui_attr(ui, UI_R_FAINT),
	                        "Inside text fields ? and z are text: use F1 and F2. Esc closes "
	                        "this help.");
	for (int r = 0; r < LINES; r++)
		if (r < 2 || r >= last)
			ui_fill(r, 0, COLS, plain);
	ui_putf(0, 1, w, ui_attr(ui, UI_R_TITLE), "Help: %s", ui_title(ui, s));
	if (y > last)
		ui_put(last, 2, iw, ui_attr(ui, UI_R_FAINT),
		       ui->ascii ? "v more: j or PgDn scrolls" : "\u2193 more: j or PgDn scrolls");
	return y - (2 - ui->help_top);
}

bool ui_help_scroll(struct ui *ui, int key)
{
	int page = LINES - 5 > 1 ? LINES - 5 : 1, to = ui->help_top;
	int end = ui->help_len > page ? ui->help_len - page : 0; /* the last page, full */
	if (key == 'j' || key == UI_FN(KEY_DOWN))
		to++;
	else if (key == ' ' || key == UI_FN(KEY_NPAGE))
		to += page;
	else if (key == 'k' || key == UI_FN(KEY_UP))
		to--;
	else if (key == UI_FN(KEY_PPAGE))
		to -= page;
	else if (key == 'g' || key == UI_FN(KEY_HOME))
		to = 0;
	else if (key == 'G' || key == UI_FN(KEY_END))
		to = end;
	else
		return false;
	ui->help_top = to < 0 ? 0 : to > end ? end : to;
	return true;
}
