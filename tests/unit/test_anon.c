/* Unit tests for the pseudonyms and date shifts of export --anonymize
 * (core/anon.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include "alliance/core/anon.h"

static void test_pseudonyms(void **state)
{
	(void)state;
	struct anon a;
	char code[ANON_NAME_MAX], name[ANON_NAME_MAX];
	int32_t shift, first;
	anon_init(&a);
	anon_client(&a, 42, "2024-01-01T10:00:00Z", code, &first);
	assert_string_equal(code, "C-0001");
	anon_client(&a, 42, "2024-01-01T10:00:00Z", code, &shift);
	assert_string_equal(code, "C-0001");
	assert_int_equal(shift, first);
	anon_client(&a, 7, "2024-01-01T10:00:00Z", code, &shift);
	assert_string_equal(code, "C-0002");
	assert_true(anon_clinician(&a, 9, name));
	assert_string_equal(name, "clinician-1");
	assert_true(anon_clinician(&a, 3, name));
	assert_string_equal(name, "clinician-2");
	assert_true(anon_clinician(&a, 9, name));
	assert_string_equal(name, "clinician-1");
	for (int64_t id = 100; id < 140; id++) /* the list grows past its first size */
		assert_true(anon_clinician(&a, id, name));
	assert_string_equal(name, "clinician-42");
	anon_free(&a);
	anon_init(&a);
	anon_client(&a, 42, "2024-01-01T10:00:00Z", code, &shift);
	assert_string_equal(code, "C-0001");
	assert_int_equal(shift, first); /* the same database gives the same shift */
	anon_free(&a);
}

static void test_shifts(void **state)
{
	(void)state;
	struct anon a;
	char code[ANON_NAME_MAX];
	int32_t shift;
	int earlier = 0, later = 0, distinct = 0, last = 0;
	anon_init(&a);
	for (int64_t id = 1; id <= 1000; id++) {
		anon_client(&a, id, "2025-06-30T08:15:00Z", code, &shift);
		assert_int_equal(shift % 7, 0);
		assert_true(shift != 0 && shift >= -364 && shift <= 364);
		earlier += shift < 0;
		later += shift > 0;
		distinct += shift != last;
		last = shift;
	}
	assert_string_equal(code, "C-1000");
	/* always earlier: an anonymized export holds no future date */
	assert_int_equal(earlier, 1000);
	assert_int_equal(later, 0);
	assert_true(distinct > 900);
	anon_free(&a);
	/* the secret is part of it: another creation time, other shifts */
	int differ = 0;
	for (int64_t id = 1; id <= 100; id++) {
		struct anon b;
		anon_init(&a);
		anon_init(&b);
		anon_client(&a, id, "2025-06-30T08:15:00Z", code, &shift);
		anon_client(&b, id, "2025-06-30T08:15:01Z", code, &last);
		differ += shift != last;
		anon_free(&a);
		anon_free(&b);
	}
	assert_true(differ > 80);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pseudonyms),
	    cmocka_unit_test(test_shifts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
