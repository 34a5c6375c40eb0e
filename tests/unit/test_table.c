/* Unit tests for the table format fitted to a width (cli/out_table.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/cli/cli.h"

/* The table of rows x ncols cells at width, as one string (to free). */
static char *table(int width, const struct out_col *cols, int ncols, const char *const *cells,
                   long rows)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	table_print(fp, width, cols, ncols, (char *const *)cells, rows);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

/* The widest line of s, in code points. */
static int widest_line(const char *s)
{
	int widest = 0, w = 0;
	for (; *s; s++) {
		if (*s == '\n') {
			widest = w > widest ? w : widest;
			w = 0;
		} else if (((unsigned char)*s & 0xC0) != 0x80) {
			w++;
		}
	}
	return w > widest ? w : widest;
}

static const struct out_col cols[] = {{"client"}, {"n", true}, {"flag"}};
static const char *const cells[] = {
    "K-1",  "12", "Trust fell from 9.0 to 6.0 since 23 March. Ask about how the last session felt.",
    "K-22", "3",  "",
};

/* What fits is printed as it always was: aligned, numbers to the right,
 * no trailing blanks. */
static void test_fits(void **state)
{
	(void)state;
	char *s = table(200, cols, 3, cells, 2);
	assert_string_equal(s,
	                    "client  n   flag\n"
	                    "K-1     12  Trust fell from 9.0 to 6.0 since 23 March. Ask about how "
	                    "the last session felt.\n"
	                    "K-22     3\n");
	free(s);
}

/* Long text wraps in its column at word boundaries. */
static void test_wraps_in_column(void **state)
{
	(void)state;
	char *s = table(50, cols, 3, cells, 2);
	assert_string_equal(s, "client  n   flag\n"
	                       "K-1     12  Trust fell from 9.0 to 6.0 since 23\n"
	                       "            March. Ask about how the last session\n"
	                       "            felt.\n"
	                       "K-22     3\n");
	assert_true(widest_line(s) <= 50);
	free(s);
}

/* With too little room beside the row, the text goes under it, indented
 * under the second column; headers are shortened only as far as needed,
 * their abbreviation first. */
static void test_text_below(void **state)
{
	(void)state;
	static const struct out_col wide[] = {
	    {"client"}, {"clinician"}, {"sessions", true, "sess"}, {"last_date"}, {"flag"}};
	static const char *const row[] = {"K-1", "dr_lindqvist", "12", "2026-11-27",
	                                  "Trust fell from 9.0 to 6.0 since 23 March."};
	char *s = table(40, wide, 5, row, 1);
	assert_string_equal(s, "client  clinician     sess  last_date\n"
	                       "        flag\n"
	                       "K-1     dr_lindqvist    12  2026-11-27\n"
	                       "        Trust fell from 9.0 to 6.0 since\n"
	                       "        23 March.\n");
	free(s);
}

/* Without an abbreviation a header is cut with a dot, never narrower than
 * its column's cells. */
static void test_headers(void **state)
{
	(void)state;
	static const struct out_col c[] = {
	    {"code"}, {"sessions", true, "sess"}, {"collaboration", true}, {"status"}};
	static const char *const row[] = {"K-1", "4", "9.0", "repaired"};
	char *s = table(30, c, 4, row, 1);
	assert_string_equal(s, "code  sess  coll.  status\n"
	                       "K-1      4    9.0  repaired\n");
	free(s);
}

/* A second text under the row says what it is. */
static void test_labels(void **state)
{
	(void)state;
	static const struct out_col c[] = {{"code"}, {"status"}, {"why"}, {"acknowledged"}};
	static const char *const row[] = {"K-1", "repaired",
	                                  "It fell a lot this time, more than ever before.",
	                                  "sup 2026-11-27: seen, will raise it"};
	char *s = table(40, c, 4, row, 1);
	assert_string_equal(s, "code  status\n"
	                       "      why\n"
	                       "K-1   repaired\n"
	                       "      It fell a lot this time, more than\n"
	                       "      ever before.\n"
	                       "      acknowledged: sup 2026-11-27:\n"
	                       "      seen, will raise it\n");
	free(s);
}

/* An empty column of a table too wide is left out. */
static void test_empty_column(void **state)
{
	(void)state;
	static const struct out_col c[] = {{"code"}, {"why"}, {"acknowledged"}};
	static const char *const rows[] = {"K-1", "It fell a lot this time.", "", "K-2", "", ""};
	char *s = table(40, c, 3, rows, 2);
	assert_string_equal(s, "code  why\n"
	                       "K-1   It fell a lot this time.\n"
	                       "K-2\n");
	free(s);
}

/* A word wider than its column is the only thing ever cut. */
static void test_long_word(void **state)
{
	(void)state;
	static const struct out_col c[] = {{"a"}, {"b"}};
	static const char *const row[] = {"x", "short words then averyveryverylongwordthatcannotfit"
	                                       "anywhereatall and more"};
	char *s = table(40, c, 2, row, 1);
	assert_string_equal(s, "a  b\n"
	                       "x  short words then\n"
	                       "   averyveryverylongwordthatcannotfitany\n"
	                       "   whereatall and more\n");
	free(s);
}

/* Whatever the width, no line is wider; the words of text come out whole,
 * and from 80 columns on the other columns too. */
static void test_never_wider(void **state)
{
	(void)state;
	static const struct out_col c[] = {
	    {"client"},      {"clinician"},   {"sessions", true, "sess"},
	    {"last_date"},   {"trust", true}, {"collaboration", true},
	    {"status"},      {"trend"},       {"explanation"},
	    {"acknowledged"}};
	static const char *const row[] = {
	    "K-0142",
	    "dr_okafor",
	    "14",
	    "2026-11-27",
	    "7.0",
	    "6.5",
	    "RUPTURE",
	    "▆▇▆▇▆▇▆▇▇▆▆▂",
	    "Collaboration fell from 8.9 to 5.1 since 10 November (a drop of 3.8). Ask about "
	    "how the last session felt.",
	    "sup_moreau 2026-11-28: Talked it through in supervision"};
	for (int width = OUT_WIDTH_MIN; width <= 200; width++) {
		char *s = table(width, c, 10, row, 1);
		assert_true(widest_line(s) <= width);
		assert_non_null(strstr(s, "Collaboration"));
		assert_non_null(strstr(s, "supervision"));
		if (width >= 80)
			assert_non_null(strstr(s, "K-0142  dr_okafor"));
		if (width >= 80)
			assert_non_null(strstr(s, "▆▇▆▇▆▇▆▇▇▆▆▂"));
		free(s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fits),       cmocka_unit_test(test_wraps_in_column),
	    cmocka_unit_test(test_text_below), cmocka_unit_test(test_headers),
	    cmocka_unit_test(test_labels),     cmocka_unit_test(test_empty_column),
	    cmocka_unit_test(test_long_word),  cmocka_unit_test(test_never_wider),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
