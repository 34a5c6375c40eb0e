/* The list widget: which of the screen's rows are shown (its filters and
 * the / text), the selection, the view that follows it, and its keys. */
#include <stdint.h>
#include <stdlib.h>

#include "list.h"

bool ui_list_init(struct ui_list *l, bool (*match)(const void *, size_t, const char *),
                  int (*page)(const void *), const void *ctx)
{
	*l = (struct ui_list){.match = match, .page = page, .ctx = ctx};
	return ui_text_init(&l->filter, UI_LIST_FILTER_MAX, false);
}

void ui_list_free(struct ui_list *l)
{
	free(l->shown);
	l->shown = NULL;
	ui_text_free(&l->filter);
}

size_t ui_list_row(const struct ui_list *l, size_t i)
{
	return l->shown[i];
}

size_t ui_list_selected(const struct ui_list *l)
{
	return l->nshown ? l->shown[l->sel] : SIZE_MAX;
}

void ui_list_filter_text(const struct ui_list *l, char *buf, size_t cap)
{
	ui_text_get(&l->filter, buf, cap);
}

static int page_rows(const struct ui_list *l)
{
	int rows = l->page ? l->page(l->ctx) : 1;
	return rows > 1 ? rows : 1;
}

/* The view follows the selection: in scroll mode the selection is the top. */
static void follow(struct ui_list *l)
{
	size_t rows = (size_t)page_rows(l);
	if (l->scroll || l->sel < l->top)
		l->top = l->sel;
	else if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
}

void ui_list_move(struct ui_list *l, long by)
{
	long to = (long)l->sel + by, last = (long)l->nshown - 1;
	l->sel = (size_t)(to < 0 || last < 0 ? 0 : to > last ? last : to);
	follow(l);
}

void ui_list_home(struct ui_list *l)
{
	l->sel = l->top = 0;
}

static void apply(struct ui_list *l, size_t keep)
{
	char text[UI_LIST_FILTER_MAX * 4 + 1];
	ui_text_get(&l->filter, text, sizeof text);
	l->nshown = 0;
	l->sel = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (l->match && !l->match(l->ctx, i, text))
			continue;
		if (i == keep)
			l->sel = l->nshown;
		l->shown[l->nshown++] = i;
	}
	follow(l);
}

bool ui_list_set(struct ui_list *l, size_t n, size_t keep)
{
	size_t *shown = realloc(l->shown, (n + 1) * sizeof *shown);
	if (!shown)
		return false;
	l->shown = shown;
	l->n = n;
	apply(l, keep);
	return true;
}

void ui_list_refilter(struct ui_list *l)
{
	apply(l, ui_list_selected(l));
}

bool ui_list_typing(const struct ui_list *l)
{
	return l->filtering;
}

enum ui_action ui_list_input(struct ui_list *l, int key)
{
	if (!l->filtering)
		return UI_PASS;
	if (ui_key_enter(key) || key == UI_ESC) {
		l->filtering = false;
		if (key == UI_ESC)
			ui_text_set(&l->filter, "");
	} else if (key == UI_FN(KEY_UP) || key == UI_FN(KEY_DOWN)) {
		return UI_PASS;
	} else {
		bool changed;
		if (ui_text_key(&l->filter, key, 0, &changed) == UI_PASS)
			return UI_PASS;
		if (!changed)
			return UI_DONE;
	}
	ui_list_refilter(l);
	return UI_DONE;
}

/* ---- drawing ---- */

size_t ui_list_first(const struct ui_list *l, int rows)
{
	size_t first = l->top, r = rows > 1 ? (size_t)rows : 1;
	if (l->sel < first)
		first = l->sel;
	if (!l->scroll && l->sel >= first + r)
		first = l->sel - r + 1;
	if (!l->scroll && first + r > l->nshown) /* no empty rows below while some are above */
		first = l->nshown > r ? l->nshown - r : 0;
	return first;
}

size_t ui_list_below(const struct ui_list *l, size_t first, size_t count)
{
	return first + count < l->nshown ? l->nshown - first - count : 0;
}

void ui_list_draw_more(const struct ui *ui, int y, int right, size_t below, attr_t a)
{
	char more[32];
	if (!below)
		return;
	int w = snprintf(more, sizeof more, " +%zu more", below);
	ui_put(y, right - w, w, a, more);
	(void)ui;
}

void ui_list_draw_filter(const struct ui *ui, const struct ui_list *l, int y, int x, int w,
                         struct ui_frame *f)
{
	if (!l->filtering && !l->filter.len)
		return;
	int used = ui_put(y, x, w, ui_attr(ui, UI_R_PLAIN), "Filter ");
	ui_text_draw(&l->filter, y, x + used, w - used, 1,
	             ui_attr(ui, l->filtering ? UI_R_FOCUS : UI_R_FIELD), l->filtering, f);
}

/* ---- keys ---- */

enum ui_action ui_list_up(struct ui *ui, void *list)
{
	(void)ui;
	ui_list_move(list, -1);
	return UI_DONE;
}

enum ui_action ui_list_down(struct ui *ui, void *list)
{
	(void)ui;
	ui_list_move(list, 1);
	return UI_DONE;
}

enum ui_action ui_list_page_up(struct ui *ui, void *list)
{
	(void)ui;
	ui_list_move(list, -page_rows(list));
	return UI_DONE;
}

enum ui_action ui_list_page_down(struct ui *ui, void *list)
{
	(void)ui;
	ui_list_move(list, page_rows(list));
	return UI_DONE;
}

enum ui_action ui_list_first_key(struct ui *ui, void *list)
{
	(void)ui;
	ui_list_home(list);
	return UI_DONE;
}

enum ui_action ui_list_last_key(struct ui *ui, void *list)
{
	struct ui_list *l = list;
	(void)ui;
	ui_list_move(l, (long)l->nshown);
	return UI_DONE;
}

enum ui_action ui_list_filter_key(struct ui *ui, void *list)
{
	(void)ui;
	((struct ui_list *)list)->filtering = true;
	return UI_DONE;
}
