/* Unit tests for the entry form's drafts (src/ui/screen/entry_data.c):
 * everything typed comes back, no terminal needed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "../../src/ui/screen/entry_state.h"

static void expect(const struct ui_text *t, const char *want)
{
	char buf[256];
	assert_true(ui_text_get(t, buf, sizeof buf));
	assert_string_equal(buf, want);
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
	assert_true(entry_checkin_init(e));
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
	entry_checkin_free(e);
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

/* The client's check-in and comment come back too; the comment's newlines
 * and backslashes survive its one line. */
static void test_checkin_round_trip(void **state)
{
	(void)state;
	struct entry *a = entry_new(), *b = entry_new();
	a->tension = 3; /* choice 3: the answer 2 */
	a->talked = 1;
	a->misunderstood = 2;
	ui_text_set(&a->comment, "More breaks\nand a \\n that is text\nnote=not the note");
	ui_text_set(&a->note, "the note");
	char *body = entry_draft_encode(a);
	assert_non_null(body);
	assert_non_null(strstr(body, "tension=2\ntalked=0\nmisunderstood=yes\n"));
	entry_draft_decode(b, body);
	assert_int_equal(b->tension, 3);
	assert_int_equal(b->talked, 1);
	assert_int_equal(b->misunderstood, 2);
	expect(&b->comment, "More breaks\nand a \\n that is text\nnote=not the note");
	expect(&b->note, "the note");
	free(body);
	/* what client mode writes: answers, no note */
	entry_draft_decode(b, "rater=client\nstep=4\nclient.trust=7.5\ntension=0\n"
	                      "misunderstood=no\ncomment=x\\ny\n");
	expect(&b->rating[AL_RATER_CLIENT][0], "7.5");
	assert_int_equal(b->tension, 1);
	assert_int_equal(b->misunderstood, 1);
	expect(&b->comment, "x\ny");
	entry_free(a);
	entry_free(b);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_draft_round_trip),
	    cmocka_unit_test(test_checkin_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
