/* The settings table (SPEC §2) and what is done with it: defaults,
 * parsing, formatting, and filling struct al_settings. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "alliance/core/settings_table.h"

#define FIELD(f) offsetof(struct al_settings, f)

const struct al_setting_def al_setting_defs[] = {
    {"cutoff", AL_SETTING_TENTHS, 0, 10, false, 8.0, FIELD(cutoff),
     "low: a client rating below this"},
    {"drop", AL_SETTING_TENTHS, 0.1, 10, false, 2.0, FIELD(drop),
     "drop: a fall at least this big since the last rating"},
    {"dip_amber_sd", AL_SETTING_DOUBLE, 0.1, 10, false, 1.5, FIELD(dip_amber_sd),
     "dip: amber this many SDs below the client's baseline"},
    {"dip_red_sd", AL_SETTING_DOUBLE, 0.1, 10, false, 2.0, FIELD(dip_red_sd),
     "dip: red this many SDs below the client's baseline"},
    {"sd_floor", AL_SETTING_DOUBLE, 0.1, 10, false, 1.0, FIELD(sd_floor),
     "dip, decline: the smallest SD used"},
    {"ewma_lambda", AL_SETTING_DOUBLE, 0, 1, true, 0.2, FIELD(ewma_lambda),
     "decline: weight of the newest rating in the EWMA"},
    {"ewma_limit", AL_SETTING_DOUBLE, 0.1, 10, false, 3.0, FIELD(ewma_limit),
     "decline: control limit in SDs"},
    {"repair_window", AL_SETTING_INT, 1, 20, false, 3, FIELD(repair_window),
     "repair: rated sessions a rupture has to be repaired"},
    {"repair_tolerance", AL_SETTING_TENTHS, 0, 10, false, 0.5, FIELD(repair_tolerance),
     "repair: how far below the level before still counts"},
    {"discrepancy", AL_SETTING_TENTHS, 0.1, 10, false, 2.0, FIELD(discrepancy),
     "discrepancy: clinician rating above the client's by this"},
    {"idle_lock", AL_SETTING_INT, 0, 1440, false, 5, FIELD(idle_lock_min),
     "minutes idle before the privacy curtain (0: never)"},
    {"gap_days", AL_SETTING_INT, 1, 365, false, 21, FIELD(gap_days),
     "an active client not seen for more days than this is WATCH"},
    {"ask_checkin", AL_SETTING_INT, 0, 1, false, 1, FIELD(ask_checkin),
     "client mode asks the check-in questions (1) or not (0)"},
};
const size_t al_setting_count = sizeof al_setting_defs / sizeof al_setting_defs[0];

const struct al_setting_def *setting_def(const char *key)
{
	for (size_t i = 0; i < al_setting_count; i++)
		if (strcmp(al_setting_defs[i].key, key) == 0)
			return &al_setting_defs[i];
	return NULL;
}

static int tenths_of(double v)
{
	return (int)lround(v * 10);
}

bool setting_parse(const struct al_setting_def *d, const char *text, double *value)
{
	int t;
	long l;
	double v;
	switch (d->kind) {
	case AL_SETTING_TENTHS:
		if (!parse_tenths_setting(text, tenths_of(d->min), tenths_of(d->max), &t))
			return false;
		*value = t / 10.0;
		return true;
	case AL_SETTING_DOUBLE:
		if (!parse_double(text, d->min, d->max, &v) || (d->min_open && v <= d->min))
			return false;
		*value = v;
		return true;
	case AL_SETTING_INT:
		if (!parse_int(text, lround(d->min), lround(d->max), &l))
			return false;
		*value = (double)l;
		return true;
	}
	return false;
}

void setting_range(const struct al_setting_def *d, char *buf, size_t cap)
{
	char lo[32], hi[32];
	setting_format(d, d->min, lo, sizeof lo);
	setting_format(d, d->max, hi, sizeof hi);
	if (d->kind == AL_SETTING_INT)
		snprintf(buf, cap, "a whole number from %s to %s", lo, hi);
	else if (d->min_open)
		snprintf(buf, cap, "a number above %s and at most %s", lo, hi);
	else if (d->kind == AL_SETTING_TENTHS)
		snprintf(buf, cap, "a number from %s to %s with at most one decimal", lo, hi);
	else
		snprintf(buf, cap, "a number from %s to %s", lo, hi);
}

void setting_bounds(const struct al_setting_def *d, char *buf, size_t cap)
{
	char lo[32], hi[32];
	setting_format(d, d->min, lo, sizeof lo);
	setting_format(d, d->max, hi, sizeof hi);
	snprintf(buf, cap, "%s%s to %s", d->min_open ? "over " : "", lo, hi);
}

void setting_format(const struct al_setting_def *d, double value, char *buf, size_t cap)
{
	char t[8];
	switch (d->kind) {
	case AL_SETTING_TENTHS:
		format_tenths(tenths_of(value), t);
		snprintf(buf, cap, "%s", t);
		break;
	case AL_SETTING_DOUBLE:
		snprintf(buf, cap, "%.15g", value);
		if (!strpbrk(buf, ".e") && strlen(buf) + 2 < cap)
			strcat(buf, ".0");
		break;
	case AL_SETTING_INT:
		snprintf(buf, cap, "%ld", lround(value));
		break;
	}
}

double setting_get(const struct al_setting_def *d, const struct al_settings *s)
{
	const char *field = (const char *)s + d->offset;
	switch (d->kind) {
	case AL_SETTING_TENTHS:
		return *(const int *)(const void *)field / 10.0;
	case AL_SETTING_DOUBLE:
		return *(const double *)(const void *)field;
	case AL_SETTING_INT:
		return *(const int *)(const void *)field;
	}
	return 0;
}

void setting_put(const struct al_setting_def *d, double value, struct al_settings *s)
{
	char *field = (char *)s + d->offset;
	switch (d->kind) {
	case AL_SETTING_TENTHS:
		*(int *)(void *)field = tenths_of(value);
		break;
	case AL_SETTING_DOUBLE:
		*(double *)(void *)field = value;
		break;
	case AL_SETTING_INT:
		*(int *)(void *)field = (int)lround(value);
		break;
	}
}

void al_settings_default(struct al_settings *s)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < al_setting_count; i++)
		setting_put(&al_setting_defs[i], al_setting_defs[i].def, s);
}
