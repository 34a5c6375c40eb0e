/* Rupture detection (SPEC §4): the rules, repair status, explanations and
 * each client's current standing. Pure code: plain arrays in, plain results out. */
#ifndef ALLIANCE_RULES_H
#define ALLIANCE_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/core/course.h"

/* Alphabetical, which is also the order of rules within one session and
 * dimension in every output. */
enum al_rule {
	AL_RULE_DECLINE,
	AL_RULE_DIP,
	AL_RULE_DISCREPANCY,
	AL_RULE_DISENGAGING,
	AL_RULE_DROP,
	AL_RULE_LOW,
	AL_RULE_MARKER,
	AL_RULE_MISSED,
	AL_RULE_MISSING,
	AL_RULE_REPORTED,
	AL_RULE_COUNT
};

/* disengaging looks back this many sessions (of any attendance) for a
 * red flag that is not repaired. */
#define AL_DISENGAGE_SESSIONS 3

enum al_severity { AL_SEV_INFO, AL_SEV_AMBER, AL_SEV_RED };

enum al_repair { AL_REPAIR_NA, AL_REPAIR_OPEN, AL_REPAIR_REPAIRED, AL_REPAIR_UNREPAIRED };

/* Units: int fields are tenths of a rating point (exact); double fields are
 * rating points (9.0 is 9.0). */
struct al_flag {
	size_t session; /* index into course->sessions */
	int dim;        /* index into course->dims; -1 for the rules without one
	                   (disengaging, marker, missed, missing, reported) */
	enum al_rule rule;
	enum al_severity severity;
	enum al_repair repair; /* NA except for drop, dip, marker */
	size_t repair_session; /* index of the session that repaired it (REPAIRED only) */
	/* the numbers behind the flag, for the explanation */
	int value;              /* x_i; marker: the session mean rounded (-1 if unrated) */
	int ref;                /* drop: previous value; discrepancy: clinician value;
	                           low: the cutoff */
	size_t ref_session;     /* drop: index of the previous rated session;
	                           disengaging: the red flag's session;
	                           missed: the missed session before */
	enum al_rule cause;     /* disengaging: the red flag's rule */
	int cause_dim;          /* ... and its dimension (-1 none) */
	double mean, sd, limit; /* dip: baseline mean, s_eff and the limit crossed;
	                           decline: mu0, sigma0 and the EWMA limit at k */
	double z;               /* decline: the EWMA z_k */
	int k;                  /* decline: k; dip: how many baseline values;
	                           missed: how many missed in a row */
	double pre;             /* repair target p (mean of up to 3 values before);
	                           0 when npre is 0 */
	int npre;               /* how many values p is the mean of (0: none) */
	double repair_value;    /* value at repair_session (REPAIRED only) */
};

/* Detects every flag of one course. Writes at most cap flags to out, sorted by
 * session, dim (-1 first, then dims order), rule; returns how many there are
 * in all (call again with a larger buffer when the result exceeds cap). */
size_t rules_detect(const struct al_course *c, const struct al_settings *s, struct al_flag *out,
                    size_t cap);

const char *rule_name(enum al_rule r);                /* "low", "drop", ... */
bool rule_parse(const char *name, enum al_rule *out); /* the inverse of rule_name */
const char *severity_name(enum al_severity s);        /* "info", "amber", "red" */
const char *repair_name(enum al_repair r);            /* "", "open", "repaired", "unrepaired" */

/* Repair status of a drop, dip or marker flag (SPEC §4 "Repair status"):
 * fills f->repair, repair_session, repair_value, pre and npre. Called by
 * rules_detect; exposed for tests and for recomputing after a settings change. */
void repair_assess(const struct al_course *c, const struct al_settings *s, struct al_flag *f);

/* Plain-words explanation with numbers, dates and an invitation to talk.
 * Always NUL-terminates (when cap > 0), cutting the text if it does not fit. */
void flag_explain(const struct al_course *c, const struct al_settings *s, const struct al_flag *f,
                  char *buf, size_t cap);
/* The same told to a supervisor: clinician named instead of "you" (NULL:
 * "you", as flag_explain). */
void flag_explain_named(const struct al_course *c, const struct al_settings *s,
                        const struct al_flag *f, const char *clinician, char *buf, size_t cap);

/* "3 March"; the year only when it is not the year of the course's last session. */
void explain_date_words(const struct al_course *c, int32_t days, char *buf, size_t cap);
/* What to ask when a dimension is low ("Ask whether they felt heard and
 * understood."): the core items say it best. */
const char *explain_ask_about(const struct al_course *c, int dim);

/* Current flags and client status (SPEC §4 "Current flags and status"). */
enum al_state { AL_STATE_OK, AL_STATE_REPAIRED, AL_STATE_WATCH, AL_STATE_RUPTURE };
enum al_risk { AL_RISK_UNREPAIRED, AL_RISK_OPEN_RED, AL_RISK_WATCH, AL_RISK_REPAIRED, AL_RISK_OK };

#define AL_CURRENT_SESSIONS 4     /* every flag of the last 4 sessions */
#define AL_UNREPAIRED_SESSIONS 12 /* plus the unrepaired ones of the last 12 */

struct al_standing {
	enum al_state state;
	enum al_risk risk;  /* risk order tier */
	int32_t key_date;   /* risk order within a tier, newest first (INT32_MIN: none) */
	size_t newest_flag; /* index into flags of the flag behind the status, or SIZE_MAX */
	size_t episode;     /* index into episodes of the one behind it (episode.h), or SIZE_MAX */
	size_t current;     /* how many flags (episodes, for episodes_standing) are current */
};

bool flag_is_current(const struct al_course *c, const struct al_flag *f);
/* The standing from flags alone (version 1: the weightiest current flag);
 * key_date is the latest current flagged session. The status every list
 * shows comes from episodes (episode.h, episodes_standing). */
void standing_compute(const struct al_course *c, const struct al_flag *flags, size_t n,
                      struct al_standing *out);
/* Risk order: tier, then key_date newest first, then code. */
int standing_compare(const struct al_standing *a, const char *code_a, const struct al_standing *b,
                     const char *code_b);
const char *state_name(enum al_state s); /* "ok", "repaired", "WATCH", "RUPTURE" */

#endif
