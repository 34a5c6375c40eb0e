/* A list that moves and filters (tig's move_view, htop's Panel): the one
 * place for ↑↓ jk PgUp PgDn Home End g G, the / filter and "+N more".
 * The screen keeps its rows; the list keeps which of them are shown, the
 * selection and the view. Caseload, board and the client's flags use it. */
#ifndef ALLIANCE_UI_LIST_H
#define ALLIANCE_UI_LIST_H

#include <stddef.h>

#include "../core/ui.h"
#include "text.h"

#define UI_LIST_FILTER_MAX 32 /* characters of a filter */

struct ui_list {
	size_t n;      /* the screen's rows */
	size_t *shown; /* those that match, in the screen's order */
	size_t nshown;
	size_t sel;  /* index into shown */
	size_t top;  /* the first shown in sight */
	bool scroll; /* no selection: moving scrolls (the top is the selection) */
	struct ui_text filter;
	bool filtering; /* the filter has the keys */
	/* The screen's: whether row matches filter (UTF-8, "" when none) and
	 * the screen's own filters (NULL: every row); how many rows are in
	 * sight. ctx is the screen's state. */
	bool (*match)(const void *ctx, size_t row, const char *filter);
	int (*page)(const void *ctx);
	const void *ctx;
};

bool ui_list_init(struct ui_list *l, bool (*match)(const void *, size_t, const char *),
                  int (*page)(const void *), const void *ctx);
void ui_list_free(struct ui_list *l);
/* The screen has n rows now: filters them again and selects row keep if
 * shown (SIZE_MAX or not shown: the first). false when out of memory. */
bool ui_list_set(struct ui_list *l, size_t n, size_t keep);
/* The screen's own filters changed: the same rows, filtered again, the
 * selection kept on its row when still shown. */
void ui_list_refilter(struct ui_list *l);
/* The selected row (an index of the screen's rows), or SIZE_MAX. */
size_t ui_list_selected(const struct ui_list *l);
/* Row i of those shown. */
size_t ui_list_row(const struct ui_list *l, size_t i);
/* Moves the selection by (clamped) and the view with it. */
void ui_list_move(struct ui_list *l, long by);
/* Back to the first row, in sight (a new session's flags). */
void ui_list_home(struct ui_list *l);

/* While filtering, keys are text; Enter keeps the filter, Esc clears it,
 * ↑↓ still move. UI_PASS otherwise. */
enum ui_action ui_list_input(struct ui_list *l, int key);
bool ui_list_typing(const struct ui_list *l);
/* The filter as typed (UTF-8) into buf. */
void ui_list_filter_text(const struct ui_list *l, char *buf, size_t cap);

/* Drawing, for a list of rows rows tall: the first shown index in sight,
 * and how many are below the view when count are drawn from first. */
size_t ui_list_first(const struct ui_list *l, int rows);
size_t ui_list_below(const struct ui_list *l, size_t first, size_t count);
/* "+N more" ending before column right on row y. */
void ui_list_draw_more(const struct ui *ui, int y, int right, size_t below, attr_t a);
/* "Filter [text]" in w cells from x on row y, with the cursor while typing;
 * nothing when there is no filter. */
void ui_list_draw_filter(const struct ui *ui, const struct ui_list *l, int y, int x, int w,
                         struct ui_frame *f);

/* Key handlers: their rows (below) hand them the list inside the state. */
enum ui_action ui_list_up(struct ui *ui, void *list);
enum ui_action ui_list_down(struct ui *ui, void *list);
enum ui_action ui_list_page_up(struct ui *ui, void *list);
enum ui_action ui_list_page_down(struct ui *ui, void *list);
enum ui_action ui_list_first_key(struct ui *ui, void *list);
enum ui_action ui_list_last_key(struct ui *ui, void *list);
enum ui_action ui_list_filter_key(struct ui *ui, void *list);

#define UI_LIST_ROW(fn, k1, k2, label, ascii, status, help, type, member)                          \
	{                                                                                          \
		{k1, k2}, label, ascii, status, help, fn, UI_ANYONE, offsetof(type, member), false \
	}
/* The rows that move a list of what ("client") in member of the state
 * type; status is the status-line word of ↑↓ ("move", or NULL). */
#define UI_LIST_STEP_KEYS(type, member, status, what)                                              \
	UI_LIST_ROW(ui_list_up, UI_FN(KEY_UP), 'k', "\u2191/k", "Up/k", status, "previous " what,  \
	            type, member),                                                                 \
	    UI_LIST_ROW(ui_list_down, UI_FN(KEY_DOWN), 'j', "\u2193/j", "Down/j", status,          \
	                "next " what, type, member),                                               \
	    UI_LIST_ROW(ui_list_page_up, UI_FN(KEY_PPAGE), 0, "PgUp", "PgUp", NULL, "a page up",   \
	                type, member),                                                             \
	    UI_LIST_ROW(ui_list_page_down, UI_FN(KEY_NPAGE), 0, "PgDn", "PgDn", NULL,              \
	                "a page down", type, member)
/* ... and Home/End (g/G too) to its ends. */
#define UI_LIST_MOVE_KEYS(type, member, status, what)                                              \
	UI_LIST_STEP_KEYS(type, member, status, what),                                             \
	    UI_LIST_ROW(ui_list_first_key, UI_FN(KEY_HOME), 'g', "Home/g", "Home/g", NULL,         \
	                "the first " what, type, member),                                          \
	    UI_LIST_ROW(ui_list_last_key, UI_FN(KEY_END), 'G', "End/G", "End/G", NULL,             \
	                "the last " what, type, member)
/* ... or, where Home and End are taken, g and G alone. */
#define UI_LIST_SCROLL_KEYS(type, member, status, what)                                            \
	UI_LIST_STEP_KEYS(type, member, status, what),                                             \
	    UI_LIST_ROW(ui_list_first_key, 'g', 0, "g", "g", NULL, "the first " what, type,        \
	                member),                                                                   \
	    UI_LIST_ROW(ui_list_last_key, 'G', 0, "G", "G", NULL, "the last " what, type, member)
/* / starts the filter (help: what it filters by; status: its word on the
 * status line, or NULL for the help alone). */
#define UI_LIST_FILTER_KEY(type, member, status, help)                                             \
	UI_LIST_ROW(ui_list_filter_key, '/', 0, "/", "/", status, help, type, member)

#endif
