/* The deterministic demo practice: users, clients and scripted courses. */
#ifndef ALLIANCE_DEMO_H
#define ALLIANCE_DEMO_H

#include <stdbool.h>
#include <stdint.h>

#include "alliance/core/course.h"
#include "alliance/core/parse.h"

/*
 * Everything here is a pure function of struct demo_params: the same
 * parameters give the same practice on every machine. Client i depends only
 * on the seed, i, today and the sessions parameter (not on the client count),
 * so a caller can stream any number of clients in O(sessions) each:
 *
 *	struct demo_user users[DEMO_USERS];
 *	demo_users(&p, users);                         store the four users
 *	for (int i = 0; i < demo_client_count(&p); i++) {
 *		struct demo_client c;
 *		demo_client(&p, i, &c);                    store the client
 *		int n = demo_sessions(&p, i, buf, DEMO_SESSIONS_MAX);
 *		...                                        store buf[0..n)
 *	}
 *
 * The practice (SPEC §3 `demo`): users[DEMO_USER_SUPERVISOR] supervises the
 * three clinicians; users[DEMO_USER_ME] is the invoking user. Clients
 * 0..DEMO_ME_CLIENTS-1 belong to `me` and are scripted so that, with the
 * default settings and for every seed, their statuses (SPEC §4) are:
 *
 *	0 DEMO_UNREPAIRED       RUPTURE   drop + marker, never repaired, then a
 *	                                  no-show and a late cancellation
 *	                                  (disengaging, missed)
 *	1 DEMO_SLOW_DECLINE     WATCH     low and decline flags, nothing red
 *	2 DEMO_MARKER_REPAIRED  repaired  withdrawal marker in the last 4 sessions
 *	3 DEMO_CALM             ok        with one unrated session (missing)
 *	4 DEMO_DISCREPANCY      WATCH     clinician rates >= 2.0 higher
 *	5 DEMO_NEW_RUPTURE      RUPTURE   a drop in the last two sessions (open)
 *	6 DEMO_DROP_REPAIRED    ok        a drop repaired within two sessions, long ago
 *	7 DEMO_CALM             ok        with a context event
 *
 * so that those eight alone show every rule and every repair status
 * (tests/unit/test_demo.c runs the real rules over hundreds of seeds).
 * Clients 8..23 alternate between the other two clinicians (eight each by
 * default) with a fixed, mostly calm mix of every course; clients from 24 on
 * go round all three clinicians with courses drawn by weight (a third calm).
 *
 * Engagement (SPEC §1): most attended sessions have the client's check-in
 * (tension at the ruptures and late in a slow decline, red where the
 * client reports it); every unrepaired rupture is followed by a no-show;
 * the other clinicians' calm and warming clients now and then cancel, miss
 * a single session or have one cancelled by the clinician. Client
 * DEMO_GAP_CLIENT has not been seen for six weeks (WATCH by the gap rule)
 * and client DEMO_DROPOUT_CLIENT stopped coming after an unrepaired
 * rupture: a late cancellation, a no-show, and its course ended as a
 * dropout.
 */

/* The course a client follows: a scripted shape plus small rating noise. */
enum demo_course {
	DEMO_CALM,            /* steady and high (8.2-10) */
	DEMO_WARMING,         /* starts lukewarm (6.5-8) and builds */
	DEMO_DROP_REPAIRED,   /* sudden drop, back within two sessions */
	DEMO_LIFE_EVENT,      /* lower ratings at a context event, then recovery */
	DEMO_MARKER_REPAIRED, /* clinician records a withdrawal, repaired next session */
	DEMO_SLOW_DECLINE,    /* drifts down about 2.2 points, no single drop */
	DEMO_DISCREPANCY,     /* client around 7, clinician 2.2-2.8 higher */
	DEMO_UNREPAIRED,      /* drop with a marker, then stays down */
	DEMO_NEW_RUPTURE,     /* calm until a drop in one of the last two sessions */
	DEMO_COURSE_COUNT
};

#define DEMO_USERS 4
#define DEMO_USER_SUPERVISOR 0
#define DEMO_USER_ME 1    /* users 2 and 3 are the other clinicians */
#define DEMO_ME_CLIENTS 8 /* clients 0..7 are me's scripted caseload */

#define DEMO_CLIENTS_DEFAULT 24
#define DEMO_CLIENTS_MIN DEMO_ME_CLIENTS
#define DEMO_CLIENTS_MAX 100000
#define DEMO_SESSIONS_MIN 12 /* shortest course that holds every shape */
#define DEMO_SESSIONS_MAX 200
#define DEMO_SEED_DEFAULT 2026u
#define DEMO_GAP_CLIENT 9      /* calm, last seen six weeks before today */
#define DEMO_DROPOUT_CLIENT 18 /* unrepaired, then gone: ended as a dropout */
#define DEMO_GAP_DAYS 42
#define DEMO_DROPOUT_DAYS 35  /* the dropout's last session lies this much further back */
#define DEMO_DROPOUT_ENDED 28 /* days after its last session that its course ended */

/* Out-of-range counts are clamped; a CLI may rather refuse them (exit 1). */
struct demo_params {
	uint64_t seed;
	int clients;    /* 0: DEMO_CLIENTS_DEFAULT; else clamped to [MIN, MAX] */
	int sessions;   /* 0: 6-30 per client (12-30 for the scripted shapes);
	                   else every client has exactly this many, clamped to
	                   [DEMO_SESSIONS_MIN, DEMO_SESSIONS_MAX] */
	const char *me; /* the invoking user, a valid name (SPEC §1);
	                   NULL means "dr_demo" */
	int32_t today;  /* days since 1970-01-01; no session is later */
};

struct demo_user {
	char name[AL_KEY_MAX + 1];
	bool supervisor;      /* role supervisor, else clinician */
	int supervisor_index; /* index into the users array, -1 for none */
};

struct demo_client {
	char code[AL_KEY_MAX + 1]; /* "K-0142"; unique across the practice */
	int clinician_index;       /* index into the users array (1, 2 or 3) */
	const char *modality;      /* cbt|psychodynamic|humanistic|integrative|other */
	const char *goal;          /* short text, or NULL */
	enum demo_course kind;
	int sessions; /* what demo_sessions returns */
	/* 1-based session of the scripted event (the drop, the marker, the
	 * context event, the first session of the decline); 0 for the calm,
	 * warming and discrepancy courses */
	int event;
	int ending;       /* enum al_ending when the course ended (archive the
	                     client), -1 while it goes on */
	int32_t end_date; /* when it ended */
};

/* One session of the core dimensions (trust, collaboration, empathy). Strings
 * are static; NULL when absent. A session without any rating has every value
 * AL_MISSING. Dates strictly increase within a client. */
struct demo_session {
	int32_t date;
	al_tenths rating[AL_RATER_COUNT][AL_CORE_DIMS]; /* AL_MISSING when absent */
	enum al_rupture rupture;
	const char *context;                   /* "illness", "bereavement", "moved house", ... */
	const char *note;                      /* a short plain note, or NULL */
	enum al_attendance attendance;         /* not attended: no ratings, marker or check-in */
	int8_t tension, talked, misunderstood; /* the check-in; AL_NO_ANSWER when not asked */
};

/* The supervisor, me and two other clinicians; names differ from me. */
void demo_users(const struct demo_params *p, struct demo_user out[DEMO_USERS]);

int demo_client_count(const struct demo_params *p);

/* Client i, 0 <= i < demo_client_count(p). */
void demo_client(const struct demo_params *p, int i, struct demo_client *out);

/* The sessions of client i in date order. Writes at most cap of them (out may
 * be NULL when cap is 0) and returns how many there are; never more than
 * DEMO_SESSIONS_MAX. */
int demo_sessions(const struct demo_params *p, int i, struct demo_session *out, int cap);

const char *demo_course_name(enum demo_course k); /* "calm", "slow-decline", ... */

/* What the demo clinician did about an episode (repair_record.h): on most
 * episodes one record at the opening session or the next, sometimes a
 * second one later ("what was tried next"). The domain follows the
 * course's story (a life event, a slow slide of motivation or goals, a
 * bond strained by a confrontation ...); relational strategies
 * (metacommunicate, validate, own-part ...) come more often with the
 * episodes that were repaired and technical ones (rationale, change-task)
 * with those that were not, so the development summary shows a pattern
 * worth discussing. A pure function of the parameters, the client, the
 * episode's index and the episode. */
#define DEMO_REPAIRS_MAX 2
struct demo_repair {
	size_t session; /* index into the course, at or after the opening */
	int domain;     /* enum al_domain */
	uint32_t strategies;
	const char *note; /* a short plain note, or NULL */
};
struct al_episode;
int demo_repairs(const struct demo_params *p, int i, enum demo_course kind, size_t k,
                 const struct al_episode *e, size_t nsessions,
                 struct demo_repair out[DEMO_REPAIRS_MAX]);

#endif
