/* Parsing and formatting of the values users type: dates, ratings, codes. */
#ifndef ALLIANCE_PARSE_H
#define ALLIANCE_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/core/course.h"

#define AL_DATE_LEN 10      /* YYYY-MM-DD */
#define AL_LAST_DAY 2932896 /* 9999-12-31, the last date parse_date accepts */

/* "YYYY-MM-DD" (a real calendar date, years 1900..9999) to days since
 * 1970-01-01. Returns false and leaves *days alone on anything else. */
bool parse_date(const char *s, int32_t *days);
/* Writes "YYYY-MM-DD" and a NUL into buf (at least 11 bytes). */
void format_date(int32_t days, char *buf);
/* The one rule for every date a session is entered with (session add, the
 * entry form, import): sessions are entered after they happen, and a day
 * of slack covers a clinician across a time zone or just after midnight,
 * so a date more than AL_FUTURE_DAYS after today is refused. */
#define AL_FUTURE_DAYS 1
bool date_in_future(int32_t date, int32_t today);
void date_split(int32_t days, int *y, int *m, int *d);
/* "3 March" in words; "3 March 2025" when the year is not near's. */
void format_date_words(int32_t days, int32_t near, char *buf, size_t cap);
int32_t date_from_ymd(int y, int m, int d);

/* A rating 0..10 with at most one decimal ("9", "7.5", "10.0", ".5") to
 * tenths. On failure *why says what was wrong, in words fit for an error
 * line. */
bool parse_rating(const char *s, al_tenths *out, const char **why);
/* s written with a decimal comma ("7,5") as the rating it means, with a
 * dot ("7.5", into out of at least 8 bytes); false when it is not one. */
bool rating_with_dot(const char *s, char *out, size_t cap);
/* Writes "9.0" style text (one decimal) into buf (at least 6 bytes). */
void format_tenths(int tenths, char *buf);

/* Client codes and user names: 1-32 of [A-Za-z0-9._-], starting with a
 * letter or digit. Dimension keys: 1-32 of [a-z0-9_], starting with a letter. */
bool valid_code(const char *s);
bool valid_dim_key(const char *s);

/* A non-negative decimal with at most one decimal, e.g. "8.0" -> 80. */
bool parse_tenths_setting(const char *s, int lo, int hi, int *out);
/* A whole number within [lo, hi]. */
bool parse_int(const char *s, long lo, long hi, long *out);
/* A finite decimal within [lo, hi]. */
bool parse_double(const char *s, double lo, double hi, double *out);

const char *rupture_name(enum al_rupture r); /* "" for none */
bool parse_rupture(const char *s, enum al_rupture *out);
const char *rater_name(enum al_rater r);
bool parse_rater(const char *s, enum al_rater *out);

/* The vocabularies as NULL-terminated lists (the command table, help and
 * completion read them): attendance words, check-in answers 0..4, yes/no,
 * the endings of a course. */
extern const char *const al_attendance_names[];
extern const char *const al_checkin_values[];
extern const char *const al_yes_no[];
extern const char *const al_ending_names[];

/* attended, cancelled, late-cancel, no-show, clinician-cancel */
const char *attendance_name(enum al_attendance a);
bool parse_attendance(const char *s, enum al_attendance *out);
/* In a sentence: "a no-show", "a late cancellation", ... */
const char *attendance_words(enum al_attendance a);
/* Sessions that count as missed by the client: no-show and late-cancel. */
bool attendance_missed(enum al_attendance a);

/* A check-in answer typed as 0..4 ("2"); false on anything else. */
bool parse_checkin(const char *s, int8_t *out);
/* yes -> 1, no -> 0 */
bool parse_yes_no(const char *s, int8_t *out);
/* A check-in answer as text: "" when not answered, else "0".."4". */
const char *format_answer(int8_t v, char buf[8]);
/* misunderstood as text: "" when not answered, "yes" or "no". */
const char *yes_no_name(int8_t v);

/* A PIN: 4 to 12 digits (AL_PIN_MIN..AL_PIN_MAX). */
#define AL_PIN_MIN 4
#define AL_PIN_MAX 12
bool valid_pin(const char *s);

/* How a client's course ended (client archive --reason). */
enum al_ending { AL_END_PLANNED, AL_END_DROPOUT, AL_END_REFERRED, AL_END_OTHER, AL_END_COUNT };
const char *ending_name(enum al_ending e); /* planned, dropout, referred, other */
bool parse_ending(const char *s, enum al_ending *out);

#endif
