/* Unit tests for caseload sparklines (core/spark.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <string.h>

#include "alliance/core/spark.h"

static void test_levels_utf8(void **state)
{
	(void)state;
	assert_int_equal(spark_glyph(0, false), 0x2581);   /* ▁ */
	assert_int_equal(spark_glyph(100, false), 0x2588); /* █ */
	assert_int_equal(spark_glyph(AL_MISSING, false), 0x00B7);
	assert_int_equal(spark_glyph(101, false), 0x00B7);
	/* round((v - 4.0) * 7 / 6.0) over 4.0-10.0: 4.4 and below lowest,
	 * 9.6 and up full; a slide from 8.6 to 6.8 is three levels */
	assert_int_equal(spark_glyph(44, false), 0x2581);
	assert_int_equal(spark_glyph(45, false), 0x2582);
	assert_int_equal(spark_glyph(68, false), 0x2584);
	assert_int_equal(spark_glyph(86, false), 0x2586);
	assert_int_equal(spark_glyph(95, false), 0x2587);
	assert_int_equal(spark_glyph(96, false), 0x2588);

	const al_tenths v[] = {0, 49, 57, 66, 74, 83, 91, 100, AL_MISSING, 90};
	char buf[64];
	size_t n = spark_render(v, 10, false, buf, sizeof buf);
	assert_string_equal(buf, "▁▂▃▄▅▆▇█·▇");
	assert_int_equal(n, strlen(buf));
	assert_int_equal(n, 9 * 3 + 2);
}

static void test_levels_ascii(void **state)
{
	(void)state;
	const al_tenths v[] = {0, 49, 57, 66, 74, 83, 91, 100, AL_MISSING, 90};
	char buf[64];
	assert_int_equal(spark_render(v, 10, true, buf, sizeof buf), 10);
	assert_string_equal(buf, "_.:-=+*# *");
	assert_int_equal(spark_glyph(AL_MISSING, true), ' ');
}

/* Cut like snprintf, never in the middle of a character. */
static void test_truncation(void **state)
{
	(void)state;
	const al_tenths v[] = {100, 100, 100};
	char buf[8];
	assert_int_equal(spark_render(v, 3, false, buf, sizeof buf), 9);
	assert_string_equal(buf, "██");
	assert_int_equal(spark_render(v, 3, false, buf, 1), 9);
	assert_string_equal(buf, "");
	assert_int_equal(spark_render(v, 3, true, NULL, 0), 3);
	assert_int_equal(spark_render(v, 0, true, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_levels_utf8),
	    cmocka_unit_test(test_levels_ascii),
	    cmocka_unit_test(test_truncation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
