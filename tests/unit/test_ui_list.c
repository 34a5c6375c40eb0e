/* Unit tests for the list widget (src/ui/widget/list.c): moving, paging,
 * the ends, the / filter, the view and "+N more". It links the widget and
 * the ui core alone: no screen, no storage, no terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <locale.h>
#include <string.h>
#include <strings.h>

#include "../../src/ui/widget/list.h"

/* A screen's rows: codes, and its own filter (odd rows only). */
struct screen {
	const char *code[12];
	bool odd_only;
	int page;
	struct ui_list list;
};

static bool match(const void *ctx, size_t i, const char *filter)
{
	const struct screen *s = ctx;
	return (!s->odd_only || i % 2 == 1) && strcasestr(s->code[i], filter);
}

static int page(const void *ctx)
{
	return ((const struct screen *)ctx)->page;
}

static struct screen *new_screen(void)
{
	static struct screen s;
	static const char *const codes[12] = {"A-1", "B-2", "C-3", "D-4",  "E-5",  "F-6",
	                                      "G-7", "H-8", "K-9", "K-10", "K-11", "K-12"};
	memset(&s, 0, sizeof s);
	memcpy(s.code, codes, sizeof codes);
	s.page = 4;
	assert_true(ui_list_init(&s.list, match, page, &s));
	assert_true(ui_list_set(&s.list, 12, SIZE_MAX));
	return &s;
}

/* A key through its handler, as the key table calls it. */
static enum ui_action key(struct ui_list *l, enum ui_action (*fn)(struct ui *, void *))
{
	return fn(NULL, l);
}

static void type(struct ui_list *l, const char *s)
{
	for (; *s; s++)
		assert_int_equal(ui_list_input(l, (unsigned char)*s), UI_DONE);
}

static void test_moves(void **state)
{
	(void)state;
	struct screen *s = new_screen();
	struct ui_list *l = &s->list;
	assert_int_equal(ui_list_selected(l), 0);
	key(l, ui_list_up); /* stays at the top */
	assert_int_equal(ui_list_selected(l), 0);
	key(l, ui_list_down);
	key(l, ui_list_down);
	assert_int_equal(ui_list_selected(l), 2);
	key(l, ui_list_page_down);
	assert_int_equal(ui_list_selected(l), 6);
	assert_int_equal(l->top, 3); /* the view follows: 3..6 in sight */
	key(l, ui_list_last_key);
	assert_int_equal(ui_list_selected(l), 11);
	assert_int_equal(ui_list_first(l, 4), 8);
	key(l, ui_list_page_down); /* stays at the bottom */
	assert_int_equal(ui_list_selected(l), 11);
	key(l, ui_list_page_up);
	assert_int_equal(ui_list_selected(l), 7);
	assert_int_equal(ui_list_first(l, 4), 7); /* moving up scrolls only past the top */
	key(l, ui_list_first_key);
	assert_int_equal(ui_list_selected(l), 0);
	assert_int_equal(ui_list_first(l, 4), 0);
	ui_list_free(l);
}

static void test_filter(void **state)
{
	(void)state;
	struct screen *s = new_screen();
	struct ui_list *l = &s->list;
	key(l, ui_list_down);
	assert_int_equal(ui_list_input(l, 'x'), UI_PASS); /* not filtering: not text */
	key(l, ui_list_filter_key);
	assert_true(ui_list_typing(l));
	type(l, "k-1");                 /* any case; j, k, q would be text too */
	assert_int_equal(l->nshown, 3); /* K-10, K-11, K-12 */
	assert_int_equal(ui_list_row(l, 0), 9);
	assert_int_equal(ui_list_input(l, UI_FN(KEY_DOWN)), UI_PASS); /* ↓ still moves */
	assert_int_equal(ui_list_input(l, '\r'), UI_DONE);            /* Enter keeps it */
	assert_false(ui_list_typing(l));
	assert_int_equal(l->nshown, 3);
	char text[16];
	ui_list_filter_text(l, text, sizeof text);
	assert_string_equal(text, "k-1");
	key(l, ui_list_filter_key);
	assert_int_equal(ui_list_input(l, UI_ESC), UI_DONE); /* Esc clears it */
	assert_int_equal(l->nshown, 12);
	assert_int_equal(ui_list_selected(l), 9); /* still on K-10 */
	/* the screen's own filter, the selection kept on its row */
	key(l, ui_list_first_key);
	key(l, ui_list_down);
	key(l, ui_list_down);
	key(l, ui_list_down);
	assert_int_equal(ui_list_selected(l), 3);
	s->odd_only = true;
	ui_list_refilter(l);
	assert_int_equal(l->nshown, 6);
	assert_int_equal(ui_list_selected(l), 3);
	/* new rows: the selection stays on the row asked for, else the first */
	assert_true(ui_list_set(l, 10, 5));
	assert_int_equal(ui_list_selected(l), 5);
	assert_true(ui_list_set(l, 10, 4)); /* filtered out */
	assert_int_equal(ui_list_selected(l), 1);
	ui_list_free(l);
}

static void test_empty_and_more(void **state)
{
	(void)state;
	struct screen *s = new_screen();
	struct ui_list *l = &s->list;
	key(l, ui_list_filter_key);
	type(l, "zz");
	assert_int_equal(l->nshown, 0);
	assert_int_equal(ui_list_selected(l), SIZE_MAX);
	key(l, ui_list_down); /* nothing to move to */
	key(l, ui_list_last_key);
	assert_int_equal(ui_list_selected(l), SIZE_MAX);
	ui_list_input(l, UI_ESC);
	/* 12 rows, 5 in sight from the first: 7 more below */
	assert_int_equal(ui_list_below(l, ui_list_first(l, 5), 5), 7);
	key(l, ui_list_last_key);
	assert_int_equal(ui_list_below(l, ui_list_first(l, 5), 5), 0);
	ui_list_free(l);
}

/* Scroll mode (the client's flags): no selection, moving scrolls. */
static void test_scroll(void **state)
{
	(void)state;
	struct screen *s = new_screen();
	struct ui_list *l = &s->list;
	l->scroll = true;
	key(l, ui_list_down);
	key(l, ui_list_down);
	assert_int_equal(ui_list_first(l, 4), 2);
	key(l, ui_list_page_down);
	assert_int_equal(ui_list_first(l, 4), 6);
	key(l, ui_list_last_key);
	assert_int_equal(ui_list_first(l, 4), 11);
	key(l, ui_list_first_key);
	assert_int_equal(ui_list_first(l, 4), 0);
	ui_list_free(l);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_moves),
	    cmocka_unit_test(test_filter),
	    cmocka_unit_test(test_empty_and_more),
	    cmocka_unit_test(test_scroll),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
