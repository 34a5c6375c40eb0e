/* Unit tests for error values (core/error.c): one printable line, whatever
 * a file or an argument quoted into the message held: controls and
 * invisible characters escaped as <U+XXXX>, broken bytes as '?'. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "alliance/core/error.h"

static const char *fail_with(struct al_error *err, const char *quoted)
{
	assert_int_equal(al_fail(err, AL_EINPUT, "f.csv:2: date '%s': not a date", quoted),
	                 AL_EINPUT);
	assert_int_equal(err->status, AL_EINPUT);
	return err->msg;
}

static void test_plain_text_kept(void **state)
{
	(void)state;
	struct al_error err;
	assert_string_equal(fail_with(&err, "2023-01-x"), "f.csv:2: date '2023-01-x': not a date");
	/* letters beyond ASCII stay as they are */
	assert_string_equal(fail_with(&err, "K\xc3\xbc-\xe2\x82\xac-\xf0\x9f\x98\x80"),
	                    "f.csv:2: date 'K\xc3\xbc-\xe2\x82\xac-\xf0\x9f\x98\x80': not a date");
}

static void test_controls_escaped(void **state)
{
	(void)state;
	struct al_error err;
	assert_string_equal(fail_with(&err, "a\nb\rc\td"),
	                    "f.csv:2: date 'a<U+000A>b<U+000D>c<U+0009>d': not a date");
	assert_string_equal(fail_with(&err, "\x1b[2J\x7f"),
	                    "f.csv:2: date '<U+001B>[2J<U+007F>': not a date");
	/* a C1 control (CSI) written as UTF-8 */
	assert_string_equal(fail_with(&err, "x\xc2\x9b"
	                                    "31m"),
	                    "f.csv:2: date 'x<U+009B>31m': not a date");
	/* a bidirectional override and a zero-width space: never raw either */
	assert_string_equal(fail_with(&err, "K\xe2\x80\xae"
	                                    "1\xe2\x80\x8b"),
	                    "f.csv:2: date 'K<U+202E>1<U+200B>': not a date");
}

static void test_broken_utf8_replaced(void **state)
{
	(void)state;
	struct al_error err;
	assert_string_equal(fail_with(&err, "\xff\xc3("), "f.csv:2: date '?\?(': not a date");
	assert_string_equal(fail_with(&err, "\xc0\xaf"), "f.csv:2: date '?\?': not a date");
	assert_string_equal(fail_with(&err, "\xed\xa0\x80"), "f.csv:2: date '?\?\?': not a date");
	assert_string_equal(fail_with(&err, "\xe2\x82"), "f.csv:2: date '?\?': not a date");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain_text_kept),
	    cmocka_unit_test(test_controls_escaped),
	    cmocka_unit_test(test_broken_utf8_replaced),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
