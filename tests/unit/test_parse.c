/* Unit tests for date, rating and code parsing (core/parse.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "alliance/core/parse.h"

static void test_dates(void **state)
{
	(void)state;
	int32_t d = -1;
	char buf[11];
	assert_true(parse_date("1970-01-01", &d));
	assert_int_equal(d, 0);
	assert_true(parse_date("2024-02-29", &d));
	format_date(d, buf);
	assert_string_equal(buf, "2024-02-29");
	assert_true(parse_date("2026-03-02", &d));
	assert_int_equal(d, 20514);
	assert_false(parse_date("2026-02-30", &d));
	assert_false(parse_date("2025-02-29", &d));
	assert_false(parse_date("27/11/2026", &d));
	assert_false(parse_date("2026-1-01", &d));
	assert_false(parse_date("2026-13-01", &d));
	assert_false(parse_date("2026-00-10", &d));
	assert_false(parse_date("2026-01-32", &d));
	assert_false(parse_date("2026-01-011", &d));
	assert_false(parse_date("", &d));
	assert_int_equal(d, 20514);
	for (int32_t x = -25000; x < 60000; x += 7) {
		int32_t back;
		format_date(x, buf);
		assert_true(parse_date(buf, &back));
		assert_int_equal(back, x);
	}
}

static void expect_rating(const char *s, int tenths)
{
	al_tenths v = -7;
	const char *why = NULL;
	assert_true(parse_rating(s, &v, &why));
	assert_int_equal(v, tenths);
}

static void expect_bad_rating(const char *s, const char *reason)
{
	al_tenths v = -7;
	const char *why = NULL;
	assert_false(parse_rating(s, &v, &why));
	assert_int_equal(v, -7);
	assert_string_equal(why, reason);
}

static void test_ratings(void **state)
{
	(void)state;
	expect_rating("9", 90);
	expect_rating("7.5", 75);
	expect_rating("10", 100);
	expect_rating("10.0", 100);
	expect_rating("0", 0);
	expect_rating("0.1", 1);
	expect_bad_rating("11", "out of range 0 to 10");
	expect_bad_rating("10.1", "out of range 0 to 10");
	expect_bad_rating("-1", "out of range 0 to 10");
	expect_bad_rating("9.55", "at most one decimal (e.g. 7.5)");
	expect_bad_rating("abc", "not a number from 0 to 10");
	expect_bad_rating("nan", "not a number from 0 to 10");
	expect_bad_rating("", "empty value (type 0 to 10)");
	expect_bad_rating("7.", "not a number from 0 to 10");
	expect_rating(".5", 5);
	expect_bad_rating(".", "not a number from 0 to 10");
	expect_bad_rating(".55", "at most one decimal (e.g. 7.5)");
	expect_bad_rating("7,5", "use a dot for the decimal (e.g. 7.5)");
	expect_bad_rating("7,", "not a number from 0 to 10");
	expect_bad_rating(" 7", "not a number from 0 to 10");
	expect_bad_rating("1000", "not a number from 0 to 10");
	char dot[8];
	assert_true(rating_with_dot("7,5", dot, sizeof dot));
	assert_string_equal(dot, "7.5");
	assert_true(rating_with_dot("10,0", dot, sizeof dot));
	assert_string_equal(dot, "10.0");
	assert_false(rating_with_dot("7.5", dot, sizeof dot));
	assert_false(rating_with_dot("12,5", dot, sizeof dot));
	assert_false(rating_with_dot("7,5,5", dot, sizeof dot));
	char buf[6];
	format_tenths(90, buf);
	assert_string_equal(buf, "9.0");
	format_tenths(100, buf);
	assert_string_equal(buf, "10.0");
	format_tenths(3, buf);
	assert_string_equal(buf, "0.3");
}

static void test_codes(void **state)
{
	(void)state;
	assert_true(valid_code("K-0142"));
	assert_true(valid_code("a.b_c-9"));
	assert_true(valid_code("01234567890123456789012345678901"));
	assert_false(valid_code("012345678901234567890123456789012"));
	assert_false(valid_code(""));
	assert_false(valid_code("-K"));
	assert_false(valid_code("K 1"));
	assert_false(valid_code("Kö"));
	assert_false(valid_code("K/1"));
	assert_true(valid_dim_key("goals"));
	assert_true(valid_dim_key("goal_2"));
	assert_false(valid_dim_key("Goals"));
	assert_false(valid_dim_key("2goals"));
	assert_false(valid_dim_key("go-als"));
}

static void test_settings_numbers(void **state)
{
	(void)state;
	int t = -1;
	long l = -1;
	double d = -1;
	assert_true(parse_tenths_setting("8.0", 0, 100, &t));
	assert_int_equal(t, 80);
	assert_true(parse_tenths_setting("7", 0, 100, &t));
	assert_int_equal(t, 70);
	assert_false(parse_tenths_setting("7.25", 0, 100, &t));
	assert_false(parse_tenths_setting("10.5", 0, 100, &t));
	assert_false(parse_tenths_setting("x", 0, 100, &t));
	assert_true(parse_int("30", 1, 100, &l));
	assert_int_equal(l, 30);
	assert_false(parse_int("0", 1, 100, &l));
	assert_false(parse_int("3x", 1, 100, &l));
	assert_false(parse_int("", 1, 100, &l));
	assert_true(parse_double("0.2", 0, 1, &d));
	assert_true(d > 0.19 && d < 0.21);
	assert_false(parse_double("nan", 0, 1, &d));
	assert_false(parse_double("1e-1", 0, 1, &d));
	assert_false(parse_double("2", 0, 1, &d));
}

static void test_names(void **state)
{
	(void)state;
	enum al_rupture r;
	enum al_rater who;
	assert_true(parse_rupture("withdrawal", &r));
	assert_int_equal(r, AL_RUPTURE_WITHDRAWAL);
	assert_true(parse_rupture("", &r));
	assert_int_equal(r, AL_RUPTURE_NONE);
	assert_false(parse_rupture("anger", &r));
	assert_true(parse_rater("clinician", &who));
	assert_int_equal(who, AL_RATER_CLINICIAN);
	assert_false(parse_rater("therapist", &who));
	assert_string_equal(rupture_name(AL_RUPTURE_CONFRONTATION), "confrontation");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dates), cmocka_unit_test(test_ratings),
	    cmocka_unit_test(test_codes), cmocka_unit_test(test_settings_numbers),
	    cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
