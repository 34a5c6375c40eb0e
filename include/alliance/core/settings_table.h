/* The detection settings (SPEC §2) as one table: each key's kind, range,
 * default and the struct al_settings field it fills. config get/set, the
 * db layer and the help all read it, so they cannot drift apart. The
 * ranges are those of the setting table's CHECK in schema/0001_init.sql. */
#ifndef ALLIANCE_SETTINGS_TABLE_H
#define ALLIANCE_SETTINGS_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "alliance/core/course.h"

enum al_setting_kind {
	AL_SETTING_TENTHS, /* on the rating scale, one decimal: an int of tenths */
	AL_SETTING_DOUBLE, /* a free decimal: a double */
	AL_SETTING_INT,    /* a whole number: an int */
};

struct al_setting_def {
	const char *key;
	enum al_setting_kind kind;
	double min, max; /* in the unit users type: 8.0, not 80 tenths */
	bool min_open;   /* min itself is refused (ewma_lambda > 0) */
	double def;
	size_t offset; /* of the field in struct al_settings */
	const char *about;
};

extern const struct al_setting_def al_setting_defs[];
extern const size_t al_setting_count;

/* The definition of key, or NULL. */
const struct al_setting_def *setting_def(const char *key);
/* Text typed for d ("8.0", "0.25", "3") to its value; false when it is not
 * of d's kind or not within its range (so never NaN or infinite). */
bool setting_parse(const struct al_setting_def *d, const char *text, double *value);
/* What setting_parse accepts, in words: "a number from 0.0 to 10.0 with at
 * most one decimal". */
void setting_range(const struct al_setting_def *d, char *buf, size_t cap);
/* Just the bounds, for listings: "0.0 to 10.0", "over 0.0 to 1.0". */
void setting_bounds(const struct al_setting_def *d, char *buf, size_t cap);
/* "8.0" for tenths, "0.2" (always a decimal point) for doubles, "3" for ints. */
void setting_format(const struct al_setting_def *d, double value, char *buf, size_t cap);
/* Reads or writes d's field of s, in the unit users type. */
double setting_get(const struct al_setting_def *d, const struct al_settings *s);
void setting_put(const struct al_setting_def *d, double value, struct al_settings *s);

#endif
