/* Unit tests for the streaming CSV reader (core/csv.c). Every input is also
 * fed in chunks of every size, so records split anywhere must parse alike. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <stdio.h>
#include <string.h>

#include "alliance/core/csv.h"

/* One line per record: "LINE:[f1|f2|...]", or "LINE:error: WHY". */
static void dump(struct csv_reader *r, enum csv_status st, char *out, size_t cap)
{
	size_t len = strlen(out);
	if (st == CSV_ERROR) {
		snprintf(out + len, cap - len, "%ld:error: %s\n", r->line, r->why);
		return;
	}
	len +=
	    (size_t)snprintf(out + len, cap - len, "%ld:%s[", r->line, csv_blank(r) ? "blank" : "");
	for (size_t i = 0; i < r->nfields && len < cap; i++)
		len +=
		    (size_t)snprintf(out + len, cap - len, "%s%s", i ? "|" : "", csv_field(r, i));
	snprintf(out + len, cap - len, "]\n");
}

static void parse_chunked(const char *in, size_t inlen, size_t chunk, char *out, size_t cap)
{
	static struct csv_reader r;
	enum csv_status st;
	csv_init(&r);
	out[0] = '\0';
	for (size_t at = 0; at < inlen; at += chunk) {
		const char *p = in + at;
		size_t n = inlen - at < chunk ? inlen - at : chunk;
		while ((st = csv_feed(&r, &p, &n)) != CSV_MORE)
			dump(&r, st, out, cap);
	}
	while ((st = csv_finish(&r)) != CSV_END)
		dump(&r, st, out, cap);
}

static void expect_len(const char *in, size_t inlen, const char *want)
{
	char got[8192], again[8192];
	parse_chunked(in, inlen, inlen ? inlen : 1, got, sizeof got);
	assert_string_equal(got, want);
	for (size_t chunk = 1; chunk < inlen; chunk++) {
		parse_chunked(in, inlen, chunk, again, sizeof again);
		assert_string_equal(again, want);
	}
}

static void expect(const char *in, const char *want)
{
	expect_len(in, strlen(in), want);
}

static void test_plain(void **state)
{
	(void)state;
	expect("", "");
	expect("a,b,c\n", "1:[a|b|c]\n");
	expect("a,b,c", "1:[a|b|c]\n");
	expect("a,,c\n,\n", "1:[a||c]\n2:[|]\n");
	expect("a,b\r\nc,d\r\n", "1:[a|b]\n2:[c|d]\n");
	expect("a,b\nc,d\r\ne,f", "1:[a|b]\n2:[c|d]\n3:[e|f]\n");
}

static void test_blank_lines(void **state)
{
	(void)state;
	expect("a\n\nb\n", "1:[a]\n2:blank[]\n3:[b]\n");
	expect("a\r\n\r\n", "1:[a]\n2:blank[]\n");
	expect("\"\"\n", "1:[]\n");
}

static void test_quoted(void **state)
{
	(void)state;
	expect("\"a,b\",c\n", "1:[a,b|c]\n");
	expect("\"say \"\"hi\"\"\",x\n", "1:[say \"hi\"|x]\n");
	expect("\"\",\"\"\"\"\n", "1:[|\"]\n");
	expect("x,\"two\nlines\"\ny,z\n", "1:[x|two\nlines]\n3:[y|z]\n");
	expect("x,\"crlf\r\ninside\"\r\ny\r\n", "1:[x|crlf\r\ninside]\n3:[y]\n");
	expect("\"end\"", "1:[end]\n");
}

static void test_bom(void **state)
{
	(void)state;
	expect("\xEF\xBB\xBF"
	       "a,b\n",
	       "1:[a|b]\n");
	expect("\xEF\xBB\xBF"
	       "\"q\",b\r\n",
	       "1:[q|b]\n");
	expect("\xEF\xBB"
	       "a\n",
	       "1:[\xEF\xBB"
	       "a]\n");
	expect("\xEF"
	       "\n",
	       "1:[\xEF]\n");
	expect("\xEF\xBB", "1:[\xEF\xBB]\n");
	expect("a\n\xEF\xBB\xBF"
	       "b\n",
	       "1:[a]\n2:[\xEF\xBB\xBF"
	       "b]\n");
}

static void test_errors(void **state)
{
	(void)state;
	expect("a,b\"c,d\ne,f\n",
	       "1:error: quote inside an unquoted field (quote the whole field)\n"
	       "2:[e|f]\n");
	expect("\"a\"b,c\nd\n", "1:error: text after a closing quote\n2:[d]\n");
	expect("a\n\"open,b\nc\nd", "1:[a]\n2:error: unterminated quoted field\n");
	expect("a\nb,\"open\n", "1:[a]\n2:error: unterminated quoted field\n");
	expect("a\rb\nc\n", "1:error: carriage return without a line feed\n2:[c]\n");
	expect("a\r", "1:error: carriage return without a line feed\n");
	/* the line of an error is where its record starts */
	expect("a\n\"x\ny\"z\nw\n", "1:[a]\n2:error: text after a closing quote\n4:[w]\n");
}

static void test_limits(void **state)
{
	(void)state;
	static char in[CSV_RECORD_MAX + 100], want[256];
	memset(in, 'x', CSV_RECORD_MAX + 1);
	strcpy(in + CSV_RECORD_MAX + 1, "\nok\n");
	struct csv_reader r;
	const char *p = in;
	size_t n = strlen(in);
	csv_init(&r);
	assert_int_equal(csv_feed(&r, &p, &n), CSV_ERROR);
	assert_string_equal(r.why, "line longer than 4096 bytes");
	assert_int_equal(csv_feed(&r, &p, &n), CSV_RECORD);
	assert_int_equal(r.line, 2);
	assert_string_equal(csv_field(&r, 0), "ok");
	/* exactly the limit fits */
	memset(in, 'y', CSV_RECORD_MAX);
	strcpy(in + CSV_RECORD_MAX, "\n");
	p = in;
	n = strlen(in);
	csv_init(&r);
	assert_int_equal(csv_feed(&r, &p, &n), CSV_RECORD);
	assert_int_equal(strlen(csv_field(&r, 0)), CSV_RECORD_MAX);
	/* more fields than are kept: counted, the extra ones read as "" */
	want[0] = '\0';
	for (int i = 0; i < CSV_FIELDS_MAX + 5; i++)
		strcat(want, "f,");
	strcat(want, "last\n");
	p = want;
	n = strlen(want);
	csv_init(&r);
	assert_int_equal(csv_feed(&r, &p, &n), CSV_RECORD);
	assert_int_equal(r.nfields, CSV_FIELDS_MAX + 6);
	assert_string_equal(csv_field(&r, 0), "f");
	assert_string_equal(csv_field(&r, CSV_FIELDS_MAX - 1), "f");
	assert_string_equal(csv_field(&r, CSV_FIELDS_MAX + 5), "");
}

static void test_nul_and_utf8(void **state)
{
	(void)state;
	expect("\xC3\xA9t\xC3\xA9,\"\xE2\x80\xA6\"\n", "1:[\xC3\xA9t\xC3\xA9|\xE2\x80\xA6]\n");
	expect_len("a\0b,c\nd\n", 8, "1:error: a NUL byte (not a text file?)\n2:[d]\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain),        cmocka_unit_test(test_blank_lines),
	    cmocka_unit_test(test_quoted),       cmocka_unit_test(test_bom),
	    cmocka_unit_test(test_errors),       cmocka_unit_test(test_limits),
	    cmocka_unit_test(test_nul_and_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
