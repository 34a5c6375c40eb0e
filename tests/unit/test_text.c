/* Unit tests for free text (core/text.c): what may be stored in a one-line
 * field and in a note, how text is shown escaped, CRLF read as LF. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <stdio.h>
#include <string.h>

#include "alliance/core/text.h"

static const char *why_line(const char *s)
{
	static char why[128];
	return text_valid(s, strlen(s), false, why, sizeof why) ? NULL : why;
}

static const char *why_note(const char *s)
{
	static char why[128];
	return text_valid(s, strlen(s), true, why, sizeof why) ? NULL : why;
}

static void test_plain_text_passes(void **state)
{
	(void)state;
	assert_null(why_line("Fewer panic attacks, back to work"));
	assert_null(why_line("Schlaf verbessern, \xc3\x84ngste \xe2\x82\xac \xf0\x9f\x98\x80"));
	assert_null(
	    why_line("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d")); /* Hebrew: right to left by itself */
	assert_null(why_note("first line\nsecond\tindented"));
	assert_null(why_note("U+00A0 is a letter space: a\xc2\xa0"
	                     "b"));
}

static void test_controls_refused_everywhere(void **state)
{
	(void)state;
	assert_string_equal(why_line("a\tb"), "has a control character (U+0009)");
	assert_string_equal(why_line("two\nlines"), "has a line break (one line of text only)");
	assert_string_equal(why_line("\x1b[2J"), "has a control character (U+001B)");
	assert_string_equal(why_line("x\x7f"), "has a control character (U+007F)");
	/* C1 controls written as UTF-8: U+0080, U+009B (the 8-bit CSI), U+009F */
	assert_string_equal(why_line("\xc2\x80"), "has a control character (U+0080)");
	assert_string_equal(why_note("a\xc2\x9b"
	                             "31m"),
	                    "has a control character (U+009B)");
	assert_string_equal(why_note("\xc2\x9f"), "has a control character (U+009F)");
	/* a lone CR in a note: the "safe to discharge\rNOT" trick */
	assert_string_equal(why_note("safe to discharge\rNOT"), "has a control character (U+000D)");
	assert_string_equal(why_note("nul\x01"), "has a control character (U+0001)");
	size_t n = 5;
	assert_false(text_valid("ab\0cd", n, true, (char[64]){0}, 64)); /* a NUL inside */
}

static void test_invisible_refused_on_one_line(void **state)
{
	(void)state;
	static const char *const invisible[] = {
	    "\xe2\x80\xaa", "\xe2\x80\xae",                 /* U+202A, U+202E */
	    "\xe2\x81\xa6", "\xe2\x81\xa9",                 /* U+2066, U+2069 */
	    "\xe2\x80\x8b", "\xe2\x80\x8f", "\xe2\x81\xa0", /* U+200B, U+200F, U+2060 */
	    "\xef\xbb\xbf",                                 /* U+FEFF */
	};
	static const char *const code[] = {"202A", "202E", "2066", "2069",
	                                   "200B", "200F", "2060", "FEFF"};
	for (size_t i = 0; i < sizeof invisible / sizeof invisible[0]; i++) {
		char s[32], want[96];
		snprintf(s, sizeof s, "ok %s txt", invisible[i]);
		snprintf(want, sizeof want,
		         "has an invisible bidirectional or zero-width character (U+%s)", code[i]);
		assert_string_equal(why_line(s), want);
		assert_null(why_note(s)); /* a note keeps them; every output shows them escaped */
	}
	/* a neighbour of the list passes: U+2070 */
	assert_null(why_line("\xe2\x81\xb0"));
}

static void test_broken_utf8_refused(void **state)
{
	(void)state;
	assert_string_equal(why_line("bad \xff byte"), "is not valid UTF-8");
	assert_string_equal(why_note("\xc0\xaf"), "is not valid UTF-8");     /* overlong */
	assert_string_equal(why_note("\xed\xa0\x80"), "is not valid UTF-8"); /* surrogate */
	assert_string_equal(why_note("cut \xe2\x82"), "is not valid UTF-8");
}

static void test_escape(void **state)
{
	(void)state;
	char out[128];
	assert_int_equal(text_escape("a\xe2\x80\xae"
	                             "b\nc\td",
	                             true, out, sizeof out),
	                 14);
	assert_string_equal(out, "a<U+202E>b\nc\td");
	text_escape("a\nb\tc\rd\x1b", false, out, sizeof out);
	assert_string_equal(out, "a<U+000A>b<U+0009>c<U+000D>d<U+001B>");
	text_escape("x\xc2\x9b"
	            "31m \xef\xbb\xbf \xff",
	            true, out, sizeof out);
	assert_string_equal(out, "x<U+009B>31m <U+FEFF> ?");
	text_escape("K\xc3\xbc \xf0\x9f\x98\x80", true, out, sizeof out); /* letters stay */
	assert_string_equal(out, "K\xc3\xbc \xf0\x9f\x98\x80");
	/* a cut result ends on a whole character, and says how long it would be */
	assert_int_equal(text_escape("ab\xe2\x80\xae", true, out, 6), 10);
	assert_string_equal(out, "ab");
	assert_int_equal(text_escape("\xc3\xbc\xc3\xbc", true, out, 4), 4);
	assert_string_equal(out, "\xc3\xbc");
}

static void test_plain_lines(void **state)
{
	(void)state;
	char s[] = "one\r\ntwo\r\n\r\nthree\rfour\r";
	size_t n = text_plain_lines(s, strlen(s));
	assert_int_equal(n, strlen("one\ntwo\n\nthree\rfour\r"));
	assert_string_equal(s, "one\ntwo\n\nthree\rfour\r"); /* a lone CR stays, to be refused */
	assert_non_null(why_note(s));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain_text_passes),
	    cmocka_unit_test(test_controls_refused_everywhere),
	    cmocka_unit_test(test_invisible_refused_on_one_line),
	    cmocka_unit_test(test_broken_utf8_refused),
	    cmocka_unit_test(test_escape),
	    cmocka_unit_test(test_plain_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
