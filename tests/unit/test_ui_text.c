/* Unit tests for the UI's text widget and word wrap (src/ui/widget/text.c,
 * src/ui/core/draw.c): no terminal, no storage, no screen linked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/ui/widget/text.h"

static void type(struct ui_text *t, const char *s)
{
	bool changed;
	for (; *s; s++)
		ui_text_key(t, (unsigned char)*s == '\n' ? '\r' : (unsigned char)*s, 20, &changed);
}

static void expect(const struct ui_text *t, const char *want)
{
	char buf[256];
	assert_true(ui_text_get(t, buf, sizeof buf));
	assert_string_equal(buf, want);
}

static void test_editing(void **state)
{
	(void)state;
	struct ui_text t;
	bool changed;
	assert_true(ui_text_init(&t, 6, false));
	type(&t, "7.5");
	expect(&t, "7.5");
	assert_int_equal(ui_text_key(&t, UI_FN(KEY_LEFT), 0, &changed), UI_DONE);
	assert_false(changed);
	assert_int_equal(ui_text_key(&t, UI_FN(KEY_BACKSPACE), 0, &changed), UI_DONE);
	assert_true(changed);
	expect(&t, "75");
	type(&t, "q?z\n"); /* printable keys are text; Enter is not, on one line */
	expect(&t, "7q?z5");
	type(&t, "abc"); /* the cap holds */
	expect(&t, "7q?za5");
	assert_int_equal(ui_text_key(&t, UI_TAB, 0, &changed), UI_PASS);
	assert_int_equal(ui_text_key(&t, UI_FN(KEY_UP), 0, &changed), UI_PASS);
	ui_text_key(&t, UI_CTRL('U'), 0, &changed);
	expect(&t, "5");
	ui_text_free(&t);
}

static void test_utf8(void **state)
{
	(void)state;
	struct ui_text t;
	char small[4];
	assert_true(ui_text_init(&t, 20, false));
	ui_text_set(&t, "séance\tpré\x01");
	assert_int_equal(t.len, 10); /* a tab is a space, control bytes go */
	expect(&t, "séance pré");
	assert_false(ui_text_get(&t, small, sizeof small));
	assert_string_equal(small, "sé");
	ui_text_free(&t);
}

/* ↑↓ move between displayed rows of the note, keeping the column. */
static void test_note_rows(void **state)
{
	(void)state;
	struct ui_text t;
	bool changed;
	assert_true(ui_text_init(&t, 200, true));
	ui_text_set(&t, "one two three four\nfive");
	/* at width 9: "one two " | "three " | "four" | "five" */
	t.cur = 1;
	ui_text_key(&t, UI_FN(KEY_DOWN), 9, &changed);
	assert_int_equal(t.cur, 9); /* "t|hree" */
	ui_text_key(&t, UI_FN(KEY_DOWN), 9, &changed);
	assert_int_equal(t.cur, 15); /* "f|our" */
	ui_text_key(&t, UI_FN(KEY_DOWN), 9, &changed);
	assert_int_equal(t.cur, 20); /* "f|ive" */
	assert_int_equal(ui_text_key(&t, UI_FN(KEY_DOWN), 9, &changed), UI_DONE);
	assert_int_equal(t.cur, 20); /* the last row: ↓ stays in the note */
	ui_text_key(&t, UI_FN(KEY_UP), 9, &changed);
	ui_text_key(&t, UI_FN(KEY_UP), 9, &changed);
	ui_text_key(&t, UI_FN(KEY_UP), 9, &changed);
	ui_text_key(&t, UI_FN(KEY_UP), 9, &changed);
	assert_int_equal(t.cur, 1);
	t.cur = t.len;
	type(&t, "\n");
	expect(&t, "one two three four\nfive\n");
	ui_text_free(&t);
}

static void test_wrap(void **state)
{
	(void)state;
	const wchar_t *s = L"a long word\nx";
	size_t n = wcslen(s), next;
	assert_int_equal(ui_wrap_row(s, n, 0, 7, &next), 7); /* "a long " */
	assert_int_equal(next, 7);
	assert_int_equal(ui_wrap_row(s, n, 7, 7, &next), 11); /* "word", then the newline */
	assert_int_equal(next, 12);
	assert_int_equal(ui_wrap_row(L"abcdefgh", 8, 0, 3, &next), 3); /* no space: cut */
	assert_int_equal(next, 3);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_editing),
	    cmocka_unit_test(test_utf8),
	    cmocka_unit_test(test_note_rows),
	    cmocka_unit_test(test_wrap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
