/* Unit tests for the settings table (core/settings.c): defaults, parsing
 * and formatting of each kind, and filling struct al_settings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "alliance/core/settings_table.h"

static void test_defaults(void **state)
{
	(void)state;
	struct al_settings s;
	al_settings_default(&s);
	assert_int_equal(s.cutoff, 80);
	assert_int_equal(s.drop, 20);
	assert_true(s.dip_amber_sd == 1.5 && s.dip_red_sd == 2.0 && s.sd_floor == 1.0);
	assert_true(s.ewma_lambda == 0.2 && s.ewma_limit == 3.0);
	assert_int_equal(s.repair_window, 3);
	assert_int_equal(s.repair_tolerance, 5);
	assert_int_equal(s.discrepancy, 20);
	assert_int_equal(s.idle_lock_min, 5);
	assert_int_equal(s.gap_days, 21);
	assert_int_equal(s.ask_checkin, 1);
	assert_int_equal(al_setting_count, 13);
	assert_null(setting_def("frob"));
	assert_ptr_equal(setting_def("ask_checkin"), &al_setting_defs[al_setting_count - 1]);
}

static void expect(const char *key, const char *text, const char *shown)
{
	const struct al_setting_def *d = setting_def(key);
	double v = -99;
	char buf[32];
	assert_non_null(d);
	if (!setting_parse(d, text, &v))
		fail_msg("%s: '%s' refused", key, text);
	setting_format(d, v, buf, sizeof buf);
	assert_string_equal(buf, shown);
}

static void refuse(const char *key, const char *text)
{
	double v = -99;
	if (setting_parse(setting_def(key), text, &v))
		fail_msg("%s: '%s' accepted", key, text);
	assert_true(v == -99);
}

static void test_parse_format(void **state)
{
	(void)state;
	expect("cutoff", "8", "8.0");
	expect("cutoff", "7.5", "7.5");
	expect("cutoff", "0", "0.0");
	expect("cutoff", "10.0", "10.0");
	expect("drop", "0.1", "0.1");
	expect("ewma_lambda", "0.2", "0.2");
	expect("ewma_lambda", "1", "1.0");
	expect("ewma_lambda", "0.125", "0.125");
	expect("dip_red_sd", "2", "2.0");
	expect("repair_window", "20", "20");
	expect("idle_lock", "0", "0");
	static const char *const bad[][2] = {
	    {"cutoff", "abc"},       {"cutoff", "nan"},        {"cutoff", "-1"},
	    {"cutoff", "10.1"},      {"cutoff", "7.55"},       {"cutoff", ""},
	    {"cutoff", "8."},        {"cutoff", ".5"},         {"drop", "0"},
	    {"ewma_lambda", "0"},    {"ewma_lambda", "0.0"},   {"ewma_lambda", "1.5"},
	    {"ewma_lambda", "inf"},  {"ewma_lambda", "1e-1"},  {"sd_floor", "0.05"},
	    {"sd_floor", "-0"},      {"repair_window", "2.5"}, {"repair_window", "0"},
	    {"repair_window", "21"}, {"idle_lock", "-1"},      {"idle_lock", "1441"},
	    {"idle_lock", " 5"},     {"idle_lock", "5 "},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		refuse(bad[i][0], bad[i][1]);
}

static void test_range_words(void **state)
{
	(void)state;
	char buf[96];
	setting_range(setting_def("cutoff"), buf, sizeof buf);
	assert_string_equal(buf, "a number from 0.0 to 10.0 with at most one decimal");
	setting_range(setting_def("ewma_lambda"), buf, sizeof buf);
	assert_string_equal(buf, "a number above 0.0 and at most 1.0");
	setting_range(setting_def("sd_floor"), buf, sizeof buf);
	assert_string_equal(buf, "a number from 0.1 to 10.0");
	setting_range(setting_def("idle_lock"), buf, sizeof buf);
	assert_string_equal(buf, "a whole number from 0 to 1440");
}

static void test_put_get(void **state)
{
	(void)state;
	struct al_settings s;
	al_settings_default(&s);
	for (size_t i = 0; i < al_setting_count; i++) {
		const struct al_setting_def *d = &al_setting_defs[i];
		assert_true(setting_get(d, &s) == d->def);
		setting_put(d, d->max, &s);
		assert_true(setting_get(d, &s) == d->max);
	}
	assert_int_equal(s.cutoff, 100);
	assert_int_equal(s.repair_window, 20);
	assert_int_equal(s.idle_lock_min, 1440);
	assert_true(s.ewma_lambda == 1.0);
	setting_put(setting_def("repair_tolerance"), 0.3, &s);
	assert_int_equal(s.repair_tolerance, 3); /* 0.3 * 10 is 2.9999..., rounded */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_defaults),
	    cmocka_unit_test(test_parse_format),
	    cmocka_unit_test(test_range_words),
	    cmocka_unit_test(test_put_get),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
