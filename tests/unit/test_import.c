/* Unit tests for the import format (core/import.c) and the string map it
 * leans on (core/strmap.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <stdio.h>
#include <string.h>

#include "alliance/core/import.h"
#include "alliance/core/parse.h"
#include "alliance/core/strmap.h"

static const struct al_dim dims[] = {
    {"trust", "Trust", true},
    {"collaboration", "Collaboration", true},
    {"empathy", "Empathy", true},
    {"goals", "Goals", false},
};
#define NDIMS (sizeof dims / sizeof dims[0])

/* Splits a CSV line without quotes into its fields (in place): 9 for a
 * format-1 row (the others NULL), 13 for format 2. Returns how many. */
static size_t split(char *line, const char *f[IMPORT_COLUMNS])
{
	size_t n = 0;
	for (int i = 0; i < IMPORT_COLUMNS; i++)
		f[i] = NULL;
	for (bool more = true; more && n < IMPORT_COLUMNS;) {
		f[n++] = line;
		line += strcspn(line, ",");
		more = *line != '\0';
		if (more)
			*line++ = '\0';
	}
	return n;
}

static bool parse(const char *text, struct import_row *row, char why[IMPORT_WHY_MAX])
{
	static char line[512];
	const char *f[IMPORT_COLUMNS];
	snprintf(line, sizeof line, "%s", text);
	split(line, f);
	why[0] = '\0';
	return import_row_parse(f, dims, NDIMS, date_from_ymd(2026, 11, 27), row, why);
}

static void expect_bad(const char *text, const char *reason)
{
	struct import_row row;
	char why[IMPORT_WHY_MAX];
	assert_false(parse(text, &row, why));
	assert_string_equal(why, reason);
}

static void test_header(void **state)
{
	(void)state;
	char v1[] = "client,clinician,date,session,rater,dimension,value,rupture,context";
	char v2[] = "client,clinician,date,session,rater,dimension,value,rupture,context,"
	            "attendance,tension,talked,misunderstood";
	char other[] = "client,clinician,date,session,rater,dimension,value,rupture,contexts";
	char short2[] = "client,clinician,date,session,rater,dimension,value,rupture,context,"
	                "attendance,tension,talked";
	const char *f[IMPORT_COLUMNS];
	assert_string_equal(import_header_v1, v1);
	assert_string_equal(import_header, v2);
	size_t n = split(v1, f);
	assert_int_equal(import_header_format(f, n), 1);
	n = split(v2, f);
	assert_int_equal(import_header_format(f, n), 2);
	n = split(other, f);
	assert_int_equal(import_header_format(f, n), 0);
	n = split(short2, f);
	assert_int_equal(import_header_format(f, n), 0);
}

static void test_good_rows(void **state)
{
	(void)state;
	struct import_row row;
	char why[IMPORT_WHY_MAX];
	assert_true(parse("K-1,dr_a,2024-03-02,12,clinician,goals,7.5,withdrawal,ill", &row, why));
	assert_string_equal(row.client, "K-1");
	assert_string_equal(row.clinician, "dr_a");
	assert_int_equal(row.date, date_from_ymd(2024, 3, 2));
	assert_int_equal(row.session, 12);
	assert_true(row.rated);
	assert_int_equal(row.rater, AL_RATER_CLINICIAN);
	assert_int_equal(row.dim, 3);
	assert_int_equal(row.value, 75);
	assert_int_equal(row.rupture, AL_RUPTURE_WITHDRAWAL);
	assert_string_equal(row.context, "ill");
	assert_true(parse("K-1,dr_a,2024-03-02,1,,,,,", &row, why));
	assert_false(row.rated);
	assert_int_equal(row.rupture, AL_RUPTURE_NONE);
	assert_string_equal(row.context, "");
	assert_true(parse("K-1,dr_a,2024-03-02,1,client,trust,10,,", &row, why));
	assert_int_equal(row.value, 100);
	assert_true(parse("K-1,dr_a,2024-03-02,1,client,trust,0.0,confrontation,", &row, why));
	assert_int_equal(row.value, 0);
	assert_int_equal(row.rupture, AL_RUPTURE_CONFRONTATION);
	assert_true(parse("K-1,dr,2026-11-28,1,client,trust,7,,", &row, why)); /* tomorrow */
}

static void test_bad_rows(void **state)
{
	(void)state;
	expect_bad("K 1,dr,2024-01-01,1,client,trust,7,,",
	           "client code 'K 1': not valid (1-32 letters, digits, '-', '_', '.')");
	expect_bad("K-1,,2024-01-01,1,client,trust,7,,",
	           "clinician name '': not valid (1-32 letters, digits, '-', '_', '.')");
	expect_bad("K-1,dr,2024-1-01,1,client,trust,7,,",
	           "date '2024-1-01': not a date (YYYY-MM-DD)");
	/* the date rule of session add: today is 2026-11-27, tomorrow passes */
	expect_bad("K-1,dr,2026-11-29,1,client,trust,7,,", "date '2026-11-29': in the future");
	expect_bad("K-1,dr,9999-12-31,1,client,trust,7,,", "date '9999-12-31': in the future");
	expect_bad("K-1,dr,2024-01-01,01,client,trust,7,,",
	           "session '01': not a session number (1, 2, 3...)");
	expect_bad("K-1,dr,2024-01-01,+1,client,trust,7,,",
	           "session '+1': not a session number (1, 2, 3...)");
	expect_bad("K-1,dr,2024-01-01,100000,client,trust,7,,",
	           "session '100000': not a session number (1, 2, 3...)");
	expect_bad("K-1,dr,2024-01-01,1,Client,trust,7,,",
	           "rater 'Client': not client or clinician");
	expect_bad("K-1,dr,2024-01-01,1,client,Trust,7,,",
	           "dimension 'Trust': unknown (alliance dimension add adds it)");
	expect_bad("K-1,dr,2024-01-01,1,client,trust,10.1,,", "value '10.1': out of range 0 to 10");
	expect_bad("K-1,dr,2024-01-01,1,client,trust,7.25,,",
	           "value '7.25': at most one decimal (e.g. 7.5)");
	expect_bad("K-1,dr,2024-01-01,1,client,trust, 7,,",
	           "value ' 7': not a number from 0 to 10");
	expect_bad("K-1,dr,2024-01-01,1,client,trust,,,",
	           "empty value (a rating is a number from 0 to 10)");
	expect_bad("K-1,dr,2024-01-01,1,client,,7,,",
	           "rater, dimension and value go together (all empty: an unrated session)");
	expect_bad("K-1,dr,2024-01-01,1,,trust,,,",
	           "rater, dimension and value go together (all empty: an unrated session)");
	expect_bad("K-1,dr,2024-01-01,1,client,trust,7,Withdrawal,",
	           "rupture 'Withdrawal': not withdrawal or confrontation");
	expect_bad("K-1,dr,2024-01-01,1,client,trust,7,,\xC3(", "context is not valid UTF-8");
	expect_bad("K-1,dr,2024-01-01,1,client,trust,7,,a\tb",
	           "context has a control character (U+0009)");
}

static void test_context_length(void **state)
{
	(void)state;
	char text[600], why[IMPORT_WHY_MAX];
	struct import_row row;
	int n = snprintf(text, sizeof text, "K-1,dr,2024-01-01,1,,,,,");
	for (int i = 0; i < 100; i++) /* 100 characters of two bytes each */
		n += snprintf(text + n, sizeof text - (size_t)n, "\xC3\xA9");
	assert_true(parse(text, &row, why));
	snprintf(text + n, sizeof text - (size_t)n, "x");
	assert_false(parse(text, &row, why));
	assert_string_equal(why, "context is too long (at most 200 bytes)");
}

/* Feeds rows of one client to a fresh import_seq; returns the steps as
 * letters (S same, N new, R bad row, B bad session) and the last reason. */
static void steps(const char *const *rows, char *out, char why[IMPORT_WHY_MAX],
                  struct import_seq *seq)
{
	memset(seq, 0, sizeof *seq);
	for (; *rows; rows++) {
		struct import_row row;
		char w[IMPORT_WHY_MAX];
		assert_true(parse(*rows, &row, w));
		enum import_step st = import_seq_next(seq, &row, w);
		*out++ = "SNRB"[st];
		if (st >= IMPORT_BAD_ROW)
			strcpy(why, w);
	}
	*out = '\0';
}

static void test_sequence(void **state)
{
	(void)state;
	char got[16], why[IMPORT_WHY_MAX] = "";
	struct import_seq seq;
	const char *const good[] = {
	    "K,d,2024-01-01,1,client,trust,7,,",
	    "K,d,2024-01-01,1,client,empathy,7,,",
	    "K,d,2024-01-01,2,client,trust,7,,",
	    "K,d,2024-01-01,3,,,,,",
	    "K,d,2024-01-08,4,client,trust,7,withdrawal,ill",
	    "K,d,2024-01-08,4,clinician,trust,7,withdrawal,ill",
	    NULL,
	};
	steps(good, got, why, &seq);
	assert_string_equal(got, "NSNNNS");
	assert_int_equal(seq.number, 4);
	assert_int_equal(seq.on_date, 1);
	const char *const same_day[] = {
	    "K,d,2024-01-01,1,,,,,",
	    "K,d,2024-01-01,2,,,,,",
	    "K,d,2024-01-01,3,,,,,",
	    NULL,
	};
	steps(same_day, got, why, &seq);
	assert_string_equal(got, "NNN");
	assert_int_equal(seq.on_date, 3); /* the third session on that date: seq 3 */
}

static void test_sequence_errors(void **state)
{
	(void)state;
	char got[16], why[IMPORT_WHY_MAX];
	struct import_seq seq;
	/* a period's export starts at the course's number, then goes on by one */
	const char *const first_not_1[] = {"K,d,2024-01-01,5,,,,,", "K,d,2024-01-01,5,,,,,",
	                                   "K,d,2024-01-08,6,,,,,", "K,d,2024-01-15,8,,,,,", NULL};
	steps(first_not_1, got, why, &seq);
	assert_string_equal(got, "NSNB");
	assert_string_equal(why, "session 8 after session 6 (session numbers go 1, 2, 3... "
	                         "without gaps)");
	const char *const gap[] = {"K,d,2024-01-01,1,,,,,", "K,d,2024-01-09,3,,,,,", NULL};
	steps(gap, got, why, &seq);
	assert_string_equal(got, "NB");
	assert_string_equal(why, "session 3 after session 1 (session numbers go 1, 2, 3... "
	                         "without gaps)");
	const char *const back[] = {"K,d,2024-01-01,1,,,,,", "K,d,2024-01-09,2,,,,,",
	                            "K,d,2024-01-01,1,,,,,", "K,d,2024-01-09,2,,,,,", NULL};
	steps(back, got, why, &seq);
	assert_string_equal(got, "NNRS");
	assert_string_equal(why, "session 1 after session 2 (keep a client's rows in session "
	                         "order)");
	const char *const earlier[] = {"K,d,2024-01-09,1,,,,,", "K,d,2024-01-08,2,,,,,", NULL};
	steps(earlier, got, why, &seq);
	assert_string_equal(got, "NB");
	assert_string_equal(why, "session 2 is dated before session 1 (2024-01-09): sessions are "
	                         "numbered in date order");
	const char *const disagree[] = {
	    "K,d,2024-01-01,1,client,trust,7,,a",           "K,d,2024-01-01,1,client,empathy,7,,b",
	    "K,d,2024-01-01,1,client,goals,7,withdrawal,a", "K,d,2024-01-02,1,,,,,a",
	    "K,d,2024-01-01,1,clinician,goals,7,,a",        NULL,
	};
	steps(disagree, got, why, &seq);
	assert_string_equal(got, "NRRRS");
	assert_string_equal(why, "rows of session 1 disagree on the date");
}

static void test_strmap(void **state)
{
	(void)state;
	struct strmap m;
	char key[16];
	size_t v = 0;
	strmap_init(&m);
	assert_false(strmap_get(&m, "x", &v));
	for (size_t i = 0; i < 10000; i++) {
		snprintf(key, sizeof key, "K-%05zu", i);
		assert_true(strmap_put(&m, key, i * 3));
	}
	assert_int_equal(m.n, 10000);
	for (size_t i = 0; i < 10000; i++) {
		snprintf(key, sizeof key, "K-%05zu", i);
		assert_true(strmap_get(&m, key, &v));
		assert_int_equal(v, i * 3);
	}
	assert_false(strmap_get(&m, "K-10000", &v));
	assert_true(strmap_put(&m, "K-00007", 1));
	assert_true(strmap_get(&m, "K-00007", &v));
	assert_int_equal(v, 1);
	assert_int_equal(m.n, 10000);
	strmap_free(&m);
	assert_false(strmap_get(&m, "K-00007", &v));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_header),   cmocka_unit_test(test_good_rows),
	    cmocka_unit_test(test_bad_rows), cmocka_unit_test(test_context_length),
	    cmocka_unit_test(test_sequence), cmocka_unit_test(test_sequence_errors),
	    cmocka_unit_test(test_strmap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
