/* The data every analysis works on: one client's sessions with their ratings. */
#ifndef ALLIANCE_COURSE_H
#define ALLIANCE_COURSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AL_DIM_MAX 16   /* dimensions a database may hold */
#define AL_CORE_DIMS 3  /* trust, collaboration, empathy come first */
#define AL_MISSING (-1) /* a rating that was not given: never 0 */
#define AL_KEY_MAX 32   /* client codes, user names, dimension keys */
#define AL_LABEL_MAX 64

/* Ratings are exact tenths (0..100) so that 9.3 - 7.3 is exactly 2.0. */
typedef int16_t al_tenths;

enum al_rater { AL_RATER_CLIENT, AL_RATER_CLINICIAN, AL_RATER_COUNT };

enum al_rupture {
	AL_RUPTURE_NONE,
	AL_RUPTURE_WITHDRAWAL,
	AL_RUPTURE_CONFRONTATION,
};

/* Whether a session took place (SPEC §1). Only attended sessions have
 * ratings, a check-in or a rupture marker; the others are the engagement
 * record. Session numbers count every session. */
enum al_attendance {
	AL_ATTENDED,
	AL_CANCELLED,   /* by the client, at least 24 h ahead */
	AL_LATE_CANCEL, /* by the client, later than that */
	AL_NO_SHOW,
	AL_CLINICIAN_CANCEL,
	AL_ATTENDANCE_COUNT
};

#define AL_NO_ANSWER (-1) /* a check-in question not answered */
#define AL_CHECKIN_MAX 4  /* tension and talked are 0..4 */

struct al_dim {
	char key[AL_KEY_MAX + 1];
	char label[AL_LABEL_MAX + 1];
	bool core;
};

struct al_session {
	int64_t id;   /* internal id, 0 when not stored */
	int32_t date; /* days since 1970-01-01 */
	int seq;      /* session number: 1-based position in date order */
	al_tenths rating[AL_RATER_COUNT][AL_DIM_MAX]; /* AL_MISSING when absent */
	enum al_rupture rupture;
	bool has_context; /* a context event (illness, bereavement...) */
	enum al_attendance attendance;
	/* the client's check-in (SPEC §1), AL_NO_ANSWER where not answered */
	int8_t tension;       /* 0 none .. 4 a lot */
	int8_t talked;        /* 0 not at all .. 4 completely; only when tension > 0 */
	int8_t misunderstood; /* 0 no, 1 yes */
};

/* A session with nothing in it yet: every rating AL_MISSING, attended, no
 * check-in answer (a zeroed struct would mean ratings of 0). */
void al_session_clear(struct al_session *s);

/* One client's course, sessions in date order. dims[0..ndims) is the
 * database's dimension order; the core dimensions are those with .core set. */
struct al_course {
	const struct al_dim *dims;
	size_t ndims;
	const struct al_session *sessions;
	size_t n;
};

/* Detection thresholds, loaded from the settings table. Quantities on the
 * rating scale are tenths so that thresholds compare exactly. */
struct al_settings {
	int cutoff;           /* tenths, default 80 */
	int drop;             /* tenths, default 20 */
	double dip_amber_sd;  /* 1.5 */
	double dip_red_sd;    /* 2.0 */
	double sd_floor;      /* 1.0, rating units */
	double ewma_lambda;   /* 0.2 */
	double ewma_limit;    /* 3.0 */
	int repair_window;    /* 3 sessions */
	int repair_tolerance; /* tenths, default 5 */
	int discrepancy;      /* tenths, default 20 */
	int idle_lock_min;    /* 5 minutes */
	int gap_days;         /* 21: an active client not seen for longer is WATCH */
	int ask_checkin;      /* 1: client mode asks the check-in questions */
};

void al_settings_default(struct al_settings *s);

#endif
