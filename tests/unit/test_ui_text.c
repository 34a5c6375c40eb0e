/* Unit tests for the UI's text widget, word wrap and entry drafts
 * (src/ui/text.c, draw.c, entry_data.c): no terminal needed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/parse.h"
#include "../../src/ui/entry.h"

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

static void fill_dims(struct db_dims *d)
{
	static const char *const keys[] = {"trust", "collaboration", "empathy", "goals"};
	memset(d, 0, sizeof *d);
	for (size_t i = 0; i < 4; i++) {
		strcpy(d->dim[i].key, keys[i]);
		d->dim[i].core = i < 3;
	}
	d->n = 4;
}

static struct entry *entry_new(void)
{
	struct entry *e = calloc(1, sizeof *e);
	fill_dims(&e->dims);
	assert_true(ui_text_init(&e->date, AL_DATE_LEN, false));
	assert_true(ui_text_init(&e->context, AL_CONTEXT_MAX, false));
	assert_true(ui_text_init(&e->note, AL_NOTE_MAX, true));
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (size_t d = 0; d < e->dims.n; d++)
			assert_true(ui_text_init(&e->rating[r][d], ENTRY_RATING_MAX, false));
	return e;
}

static void entry_free(struct entry *e)
{
	ui_text_free(&e->date);
	ui_text_free(&e->context);
	ui_text_free(&e->note);
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (size_t d = 0; d < e->dims.n; d++)
			ui_text_free(&e->rating[r][d]);
	free(e);
}

/* Everything typed comes back from a draft, the note verbatim. */
static void test_draft_round_trip(void **state)
{
	(void)state;
	struct entry *a = entry_new(), *b = entry_new();
	ui_text_set(&a->date, "2026-11-27");
	ui_text_set(&a->rating[AL_RATER_CLIENT][0], "9");
	ui_text_set(&a->rating[AL_RATER_CLIENT][2], "7.5");
	ui_text_set(&a->rating[AL_RATER_CLINICIAN][3], "1x"); /* kept as typed */
	ui_text_set(&a->context, "moved = house");
	ui_text_set(&a->note, "first\nnote=not a key\nrater=clinician");
	a->rater = AL_RATER_CLINICIAN;
	a->rupture = 2;
	char *body = entry_draft_encode(a);
	assert_non_null(body);
	b->draft.session_id = 42;
	entry_draft_decode(b, body);
	expect(&b->date, "2026-11-27");
	expect(&b->rating[AL_RATER_CLIENT][0], "9");
	expect(&b->rating[AL_RATER_CLIENT][1], "");
	expect(&b->rating[AL_RATER_CLIENT][2], "7.5");
	expect(&b->rating[AL_RATER_CLINICIAN][3], "1x");
	expect(&b->context, "moved = house");
	expect(&b->note, "first\nnote=not a key\nrater=clinician");
	assert_int_equal(b->rater, AL_RATER_CLINICIAN);
	assert_int_equal(b->rupture, 2);
	assert_int_equal(b->session_id, 42);
	/* a dimension removed since the draft was kept is dropped */
	b->dims.n = 3;
	entry_draft_decode(b, body);
	expect(&b->rating[AL_RATER_CLIENT][2], "7.5");
	b->dims.n = 4;
	free(body);
	entry_free(a);
	entry_free(b);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_editing),         cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_note_rows),       cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_draft_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
