/* libFuzzer target: the parsers of typed values (dates, ratings, numbers,
 * codes), with their round trips as properties. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/parse.h"

#define MUST(cond) ((cond) ? (void)0 : __builtin_trap())

static void dates(const char *s)
{
	int32_t days = INT32_MIN;
	char buf[AL_DATE_LEN + 1];
	if (!parse_date(s, &days)) {
		MUST(days == INT32_MIN); /* left alone on failure */
		return;
	}
	format_date(days, buf);
	MUST(strcmp(buf, s) == 0); /* only the canonical spelling parses */
	int y, m, d;
	date_split(days, &y, &m, &d);
	MUST(date_from_ymd(y, m, d) == days);
}

static void ratings(const char *s)
{
	al_tenths t;
	const char *why = NULL;
	char buf[8];
	if (!parse_rating(s, &t, &why)) {
		MUST(why && *why);
		return;
	}
	MUST(t >= 0 && t <= 100);
	format_tenths(t, buf);
	al_tenths back;
	MUST(parse_rating(buf, &back, &why) && back == t);
}

static void numbers(const char *s)
{
	int tenths;
	long l;
	double d;
	if (parse_tenths_setting(s, 0, 100, &tenths))
		MUST(tenths >= 0 && tenths <= 100);
	if (parse_int(s, -5, 1440, &l))
		MUST(l >= -5 && l <= 1440);
	if (parse_double(s, 0.1, 10, &d))
		MUST(d >= 0.1 && d <= 10);
}

static void words(const char *s)
{
	size_t n = strlen(s);
	if (valid_code(s))
		MUST(n >= 1 && n <= AL_KEY_MAX && strpbrk(s, " ,\"'\n") == NULL);
	if (valid_dim_key(s))
		MUST(n >= 1 && n <= AL_KEY_MAX && s[0] >= 'a' && s[0] <= 'z');
	enum al_rupture r;
	if (parse_rupture(s, &r))
		MUST(strcmp(rupture_name(r), s) == 0);
	enum al_rater who;
	if (parse_rater(s, &who))
		MUST(strcmp(rater_name(who), s) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0'; /* what a command line or a CSV field can hold */
	dates(s);
	ratings(s);
	numbers(s);
	words(s);
	free(s);
	return 0;
}
