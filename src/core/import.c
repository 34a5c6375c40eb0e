/* The ratings CSV format: checking one row and each client's numbering of
 * sessions, with one plain reason per refusal. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alliance/core/import.h"
#include "alliance/core/parse.h"
#include "alliance/core/text.h"
#include "alliance/core/vocab.h"

const char *const import_columns[IMPORT_COLUMNS] = {
    "client",  "clinician", "date",       "session", "rater",  "dimension",     "value",
    "rupture", "context",   "attendance", "tension", "talked", "misunderstood",
};
const char import_header[] = "client,clinician,date,session,rater,dimension,value,rupture,context,"
                             "attendance,tension,talked,misunderstood";
const char import_header_v1[] =
    "client,clinician,date,session,rater,dimension,value,rupture,context";

enum {
	F_CLIENT,
	F_CLINICIAN,
	F_DATE,
	F_SESSION,
	F_RATER,
	F_DIM,
	F_VALUE,
	F_RUPTURE,
	F_CONTEXT,
	F_ATTENDANCE,
	F_TENSION,
	F_TALKED,
	F_MISUNDERSTOOD
};

int import_header_format(const char *const *f, size_t n)
{
	if (n != IMPORT_COLUMNS && n != IMPORT_COLUMNS_V1)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i], import_columns[i]) != 0)
			return 0;
	return n == IMPORT_COLUMNS ? 2 : 1;
}

static bool refuse(char why[IMPORT_WHY_MAX], const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static bool refuse(char why[IMPORT_WHY_MAX], const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, IMPORT_WHY_MAX, fmt, ap);
	va_end(ap);
	return false;
}

/* 1, 2, 3...: digits only, no sign, no leading zero. */
static bool parse_number(const char *s, int *out)
{
	int v = 0;
	size_t n = strlen(s);
	if (n < 1 || n > 5 || s[0] == '0')
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static bool parse_rated(const char *const f[IMPORT_COLUMNS], const struct al_dim *dims,
                        size_t ndims, struct import_row *out, char why[IMPORT_WHY_MAX])
{
	const char *reason;
	out->rated = *f[F_RATER] || *f[F_DIM] || *f[F_VALUE];
	if (!out->rated)
		return true;
	if (!*f[F_RATER] || !*f[F_DIM])
		return refuse(why, "rater, dimension and value go together (all empty: an unrated "
		                   "session)");
	if (!parse_rater(f[F_RATER], &out->rater))
		return refuse(why, "rater '%.40s': not %s or %s", f[F_RATER],
		              al_rater_words[AL_RATER_CLIENT], al_rater_words[AL_RATER_CLINICIAN]);
	out->dim = -1;
	for (size_t i = 0; i < ndims; i++)
		if (strcmp(dims[i].key, f[F_DIM]) == 0)
			out->dim = (int)i;
	if (out->dim < 0)
		return refuse(why, "dimension '%.40s': unknown (alliance dimension add adds it)",
		              f[F_DIM]);
	if (!*f[F_VALUE])
		return refuse(why, "empty value (a rating is a number from 0 to 10)");
	if (!parse_rating(f[F_VALUE], &out->value, &reason))
		return refuse(why, "value '%.20s': %s", f[F_VALUE], reason);
	return true;
}

/* An empty cell or a check-in answer 0..4. */
static bool parse_answer(const char *s, int8_t *out)
{
	*out = AL_NO_ANSWER;
	return !*s || parse_checkin(s, out);
}

/* Attendance and the check-in (format 2; format 1 has neither). */
static bool parse_engagement(const char *const f[IMPORT_COLUMNS], struct import_row *out,
                             char why[IMPORT_WHY_MAX])
{
	out->attendance = AL_ATTENDED;
	out->tension = out->talked = out->misunderstood = AL_NO_ANSWER;
	if (!f[F_ATTENDANCE])
		return true;
	if (!parse_attendance(f[F_ATTENDANCE], &out->attendance))
		return refuse(
		    why,
		    "attendance '%.40s': not attended, cancelled, late-cancel, no-show or "
		    "clinician-cancel",
		    f[F_ATTENDANCE]);
	if (!parse_answer(f[F_TENSION], &out->tension))
		return refuse(why, "tension '%.20s': not a whole number from 0 to 4", f[F_TENSION]);
	if (!parse_answer(f[F_TALKED], &out->talked))
		return refuse(why, "talked '%.20s': not a whole number from 0 to 4", f[F_TALKED]);
	if (*f[F_MISUNDERSTOOD] && !parse_yes_no(f[F_MISUNDERSTOOD], &out->misunderstood))
		return refuse(why, "misunderstood '%.20s': not yes or no", f[F_MISUNDERSTOOD]);
	if (out->talked != AL_NO_ANSWER && out->tension <= 0)
		return refuse(why, "talked is answered only when tension is above 0");
	if (out->attendance == AL_ATTENDED)
		return true;
	const char *what = out->rated                        ? "ratings"
	                   : out->rupture != AL_RUPTURE_NONE ? "rupture marker"
	                   : out->tension != AL_NO_ANSWER || out->misunderstood != AL_NO_ANSWER
	                       ? "check-in"
	                       : NULL;
	if (what)
		return refuse(why, "a session not attended (%s) has no %s", f[F_ATTENDANCE], what);
	return true;
}

bool import_row_parse(const char *const f[IMPORT_COLUMNS], const struct al_dim *dims, size_t ndims,
                      int32_t today, struct import_row *out, char why[IMPORT_WHY_MAX])
{
	out->client = f[F_CLIENT];
	out->clinician = f[F_CLINICIAN];
	out->context = f[F_CONTEXT];
	if (!valid_code(f[F_CLIENT]))
		return refuse(why,
		              "client code '%.40s': not valid (1-32 letters, digits, '-', "
		              "'_', '.')",
		              f[F_CLIENT]);
	if (!valid_code(f[F_CLINICIAN]))
		return refuse(why,
		              "clinician name '%.40s': not valid (1-32 letters, digits, "
		              "'-', '_', '.')",
		              f[F_CLINICIAN]);
	if (!parse_date(f[F_DATE], &out->date))
		return refuse(why, "date '%.40s': not a date (YYYY-MM-DD)", f[F_DATE]);
	if (date_in_future(out->date, today))
		return refuse(why, "date '%s': in the future", f[F_DATE]);
	if (!parse_number(f[F_SESSION], &out->session))
		return refuse(why, "session '%.40s': not a session number (1, 2, 3...)",
		              f[F_SESSION]);
	if (!parse_rated(f, dims, ndims, out, why))
		return false;
	if (!parse_rupture(f[F_RUPTURE], &out->rupture)) {
		char words[64];
		vocab_list(al_rupture_words, 1, AL_RUPTURE_WORDS, words, sizeof words);
		return refuse(why, "rupture '%.40s': not %s", f[F_RUPTURE], words);
	}
	char reason[IMPORT_WHY_MAX - 16];
	if (*f[F_CONTEXT] && !text_ok(f[F_CONTEXT], IMPORT_CONTEXT_MAX, reason, sizeof reason))
		return refuse(why, "context %s", reason); /* never the text itself */
	return parse_engagement(f, out, why);
}

/* FNV-1a: rows of a session compare contexts without keeping the text. */
static uint64_t text_hash(const char *s)
{
	uint64_t h = 14695981039346656037u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static void enter_session(struct import_seq *s, const struct import_row *row)
{
	s->on_date = s->number > 0 && s->date == row->date ? s->on_date + 1 : 1;
	s->number = row->session;
	s->date = row->date;
	s->rupture = row->rupture;
	s->context = text_hash(row->context);
	s->attendance = row->attendance;
	s->tension = row->tension;
	s->talked = row->talked;
	s->misunderstood = row->misunderstood;
}

static enum import_step same_session(const struct import_seq *s, const struct import_row *row,
                                     char why[IMPORT_WHY_MAX])
{
	const char *what = s->date != row->date                     ? "the date"
	                   : s->rupture != row->rupture             ? "rupture"
	                   : s->context != text_hash(row->context)  ? "context"
	                   : s->attendance != row->attendance       ? "attendance"
	                   : s->tension != row->tension             ? "tension"
	                   : s->talked != row->talked               ? "talked"
	                   : s->misunderstood != row->misunderstood ? "misunderstood"
	                                                            : NULL;
	if (!what)
		return IMPORT_SAME;
	snprintf(why, IMPORT_WHY_MAX, "rows of session %d disagree on %s", row->session, what);
	return IMPORT_BAD_ROW;
}

enum import_step import_seq_next(struct import_seq *s, const struct import_row *row,
                                 char why[IMPORT_WHY_MAX])
{
	char date[AL_DATE_LEN + 1];
	if (row->session == s->number)
		return same_session(s, row, why);
	if (row->session < s->number) {
		snprintf(why, IMPORT_WHY_MAX,
		         "session %d after session %d (keep a client's rows "
		         "in session order)",
		         row->session, s->number);
		return IMPORT_BAD_ROW;
	}
	/* the first may be any number: an export --from keeps the course's */
	if (s->number > 0 && row->session > s->number + 1) {
		snprintf(why, IMPORT_WHY_MAX,
		         "session %d after session %d (session numbers "
		         "go 1, 2, 3... without gaps)",
		         row->session, s->number);
		enter_session(s, row);
		return IMPORT_BAD_SESSION;
	}
	if (s->number > 0 && row->date < s->date) {
		format_date(s->date, date);
		snprintf(why, IMPORT_WHY_MAX,
		         "session %d is dated before session %d (%s): sessions "
		         "are numbered in date order",
		         row->session, s->number, date);
		enter_session(s, row);
		return IMPORT_BAD_SESSION;
	}
	enter_session(s, row);
	return IMPORT_NEW;
}
