/* Parsing and formatting of dates, ratings, codes and names. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "alliance/core/vocab.h"

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

/* Days from 1970-01-01, after Howard Hinnant's civil-date algorithm. */
int32_t date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_split(int32_t days, int *y, int *m, int *d)
{
	int z = days + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

void format_date_words(int32_t days, int32_t near, char *buf, size_t cap)
{
	int y, m, d, ny, nm, nd;
	date_split(days, &y, &m, &d);
	date_split(near, &ny, &nm, &nd);
	if (y == ny)
		snprintf(buf, cap, "%d %s", d, month_names[m - 1]);
	else
		snprintf(buf, cap, "%d %s %d", d, month_names[m - 1], y);
}

static bool digits(const char *s, size_t n, int *out)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool date_in_future(int32_t date, int32_t today)
{
	return (int64_t)date > (int64_t)today + AL_FUTURE_DAYS;
}

bool parse_date(const char *s, int32_t *days)
{
	int y, m, d;
	if (strlen(s) != AL_DATE_LEN || s[4] != '-' || s[7] != '-')
		return false;
	if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
		return false;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	*days = date_from_ymd(y, m, d);
	return true;
}

void format_date(int32_t days, char *buf)
{
	int y, m, d;
	date_split(days, &y, &m, &d);
	const int parts[3][2] = {{y, 4}, {m, 2}, {d, 2}};
	char *p = buf;
	for (int i = 0; i < 3; i++) {
		for (int k = parts[i][1] - 1, v = parts[i][0]; k >= 0; k--, v /= 10)
			p[k] = (char)('0' + v % 10);
		p += parts[i][1];
		*p++ = i < 2 ? '-' : '\0';
	}
}

static bool refuse_rating(const char **why, const char *reason)
{
	*why = reason;
	return false;
}

bool parse_rating(const char *s, al_tenths *out, const char **why)
{
	int whole = 0, tenth = 0;
	size_t i = 0;
	if (!*s)
		return refuse_rating(why, "empty value (type 0 to 10)");
	if (s[0] == '-' && isdigit((unsigned char)s[1]))
		return refuse_rating(why, "out of range 0 to 10");
	while (isdigit((unsigned char)s[i]) && i < 3)
		whole = whole * 10 + (s[i++] - '0');
	if (s[i] == ',' && isdigit((unsigned char)s[i + 1]))
		return refuse_rating(why, "use a dot for the decimal (e.g. 7.5)");
	if ((i == 0 && s[0] != '.') || (s[i] && s[i] != '.'))
		return refuse_rating(why, "not a number from 0 to 10");
	if (s[i] == '.') {
		if (!isdigit((unsigned char)s[i + 1]))
			return refuse_rating(why, "not a number from 0 to 10");
		tenth = s[i + 1] - '0';
		if (s[i + 2])
			return refuse_rating(why, isdigit((unsigned char)s[i + 2])
			                              ? "at most one decimal (e.g. 7.5)"
			                              : "not a number from 0 to 10");
	}
	if (whole * 10 + tenth > 100)
		return refuse_rating(why, "out of range 0 to 10");
	*out = (al_tenths)(whole * 10 + tenth);
	return true;
}

bool rating_with_dot(const char *s, char *out, size_t cap)
{
	const char *comma = strchr(s, ',');
	al_tenths v;
	const char *why;
	if (!comma || strchr(comma + 1, ',') || strlen(s) >= cap)
		return false;
	snprintf(out, cap, "%s", s);
	out[comma - s] = '.';
	return parse_rating(out, &v, &why);
}

void format_tenths(int tenths, char *buf)
{
	unsigned t = (unsigned)tenths % 1000;
	snprintf(buf, 6, "%u.%u", t / 10, t % 10);
}

bool valid_code(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > AL_KEY_MAX || !isalnum((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!(isalnum(c) || c == '-' || c == '_' || c == '.') || c > 127)
			return false;
	}
	return true;
}

bool valid_dim_key(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > AL_KEY_MAX || !islower((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!(islower(c) || isdigit(c) || c == '_'))
			return false;
	}
	return true;
}

bool parse_tenths_setting(const char *s, int lo, int hi, int *out)
{
	int whole = 0, tenth = 0;
	size_t i = 0;
	while (isdigit((unsigned char)s[i]) && i < 6)
		whole = whole * 10 + (s[i++] - '0');
	if (i == 0)
		return false;
	if (s[i] == '.') {
		if (!isdigit((unsigned char)s[i + 1]) || s[i + 2])
			return false;
		tenth = s[i + 1] - '0';
	} else if (s[i]) {
		return false;
	}
	int v = whole * 10 + tenth;
	if (v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

bool parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	if (!*s || isspace((unsigned char)*s))
		return false;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

bool parse_double(const char *s, double lo, double hi, double *out)
{
	char *end;
	if (!*s || isspace((unsigned char)*s))
		return false;
	for (const char *p = s; *p; p++)
		if (!isdigit((unsigned char)*p) && *p != '.' && *p != '-')
			return false; /* no "nan", "inf", hex or exponents */
	errno = 0;
	double v = strtod(s, &end);
	if (errno || *end || !isfinite(v) || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

const char *rupture_name(enum al_rupture r)
{
	return al_rupture_words[r];
}

bool parse_rupture(const char *s, enum al_rupture *out)
{
	int i = vocab_find(al_rupture_words, AL_RUPTURE_WORDS, s);
	if (i >= 0)
		*out = (enum al_rupture)i;
	return i >= 0;
}

const char *rater_name(enum al_rater r)
{
	return al_rater_words[r];
}

bool parse_rater(const char *s, enum al_rater *out)
{
	int i = vocab_find(al_rater_words, AL_RATER_COUNT, s);
	if (i >= 0)
		*out = (enum al_rater)i;
	return i >= 0;
}

const char *const al_attendance_names[AL_ATTENDANCE_COUNT + 1] = {
    [AL_ATTENDED] = "attended",
    [AL_CANCELLED] = "cancelled",
    [AL_LATE_CANCEL] = "late-cancel",
    [AL_NO_SHOW] = "no-show",
    [AL_CLINICIAN_CANCEL] = "clinician-cancel",
    [AL_ATTENDANCE_COUNT] = NULL,
};
const char *const al_checkin_values[AL_CHECKIN_MAX + 2] = {"0", "1", "2", "3", "4", NULL};
const char *const al_yes_no[] = {"yes", "no", NULL};

const char *attendance_name(enum al_attendance a)
{
	return (unsigned)a < AL_ATTENDANCE_COUNT ? al_attendance_names[a] : "?";
}

bool parse_attendance(const char *s, enum al_attendance *out)
{
	for (int i = 0; i < AL_ATTENDANCE_COUNT; i++)
		if (strcmp(s, al_attendance_names[i]) == 0) {
			*out = (enum al_attendance)i;
			return true;
		}
	return false;
}

const char *attendance_words(enum al_attendance a)
{
	static const char *const words[AL_ATTENDANCE_COUNT] = {
	    [AL_ATTENDED] = "attended",
	    [AL_CANCELLED] = "a cancellation",
	    [AL_LATE_CANCEL] = "a late cancellation",
	    [AL_NO_SHOW] = "a no-show",
	    [AL_CLINICIAN_CANCEL] = "cancelled by the clinician",
	};
	return (unsigned)a < AL_ATTENDANCE_COUNT ? words[a] : "?";
}

bool attendance_missed(enum al_attendance a)
{
	return a == AL_NO_SHOW || a == AL_LATE_CANCEL;
}

bool parse_checkin(const char *s, int8_t *out)
{
	if (s[0] < '0' || s[0] > '0' + AL_CHECKIN_MAX || s[1])
		return false;
	*out = (int8_t)(s[0] - '0');
	return true;
}

bool parse_yes_no(const char *s, int8_t *out)
{
	if (strcmp(s, "yes") != 0 && strcmp(s, "no") != 0)
		return false;
	*out = s[0] == 'y';
	return true;
}

const char *format_answer(int8_t v, char buf[8])
{
	buf[0] = '\0';
	if (v >= 0 && v <= 9) {
		buf[0] = (char)('0' + v);
		buf[1] = '\0';
	}
	return buf;
}

const char *yes_no_name(int8_t v)
{
	return v == AL_NO_ANSWER ? "" : v ? "yes" : "no";
}

const char *const al_ending_names[AL_END_COUNT + 1] = {"planned", "dropout", "referred", "other",
                                                       NULL};

const char *ending_name(enum al_ending e)
{
	return (unsigned)e < AL_END_COUNT ? al_ending_names[e] : "?";
}

bool parse_ending(const char *s, enum al_ending *out)
{
	for (int i = 0; i < AL_END_COUNT; i++)
		if (strcmp(s, al_ending_names[i]) == 0) {
			*out = (enum al_ending)i;
			return true;
		}
	return false;
}

bool valid_pin(const char *s)
{
	size_t n = strlen(s);
	if (n < AL_PIN_MIN || n > AL_PIN_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}
