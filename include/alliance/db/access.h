/* Who sees what (SPEC §3): the one place that decides whether a user may
 * read, change or acknowledge a client's records, and which clients a
 * listing covers. Every per-client command and every screen asks here. */
#ifndef ALLIANCE_ACCESS_H
#define ALLIANCE_ACCESS_H

#include <stdbool.h>
#include <stdint.h>

#include "alliance/db/db.h"
#include "alliance/db/client.h"

enum access_need {
	ACCESS_READ,   /* see the course, flags, notes: the clinician or their supervisor */
	ACCESS_WRITE,  /* change ratings or notes, purge: the clinician alone */
	ACCESS_ACK,    /* acknowledge a flag: the clinician's supervisor alone */
	ACCESS_MANAGE, /* archive or reopen: the clinician alone (a supervisor changes
	                  nothing but acknowledgements and comments, SPEC §3) */
};

/* The user asking, and the WHAT of the error lines ("session add"). */
struct access_who {
	int64_t user_id;
	bool supervisor;
	const char *what;
};

/* Fills out with client code when who may act on it for need. Errors
 * (AL_EINPUT): "WHAT: unknown client 'CODE'", "WHAT: 'CODE' is not one of
 * your clients", "WHAT: supervisors do not change ratings or notes", ... */
enum al_status access_client(struct db *db, const struct access_who *who, const char *code,
                             enum access_need need, struct al_client *out, struct al_error *err);

/* The clients who works with: a clinician's own; a supervisor's supervisees'. */
void access_mine(const struct access_who *who, struct db_client_filter *f);

/* --clinician NAME: narrows f to NAME's clients, refusing a NAME outside
 * what who sees (a clinician may name only themself, a supervisor only a
 * supervisee). *id gets NAME's user id (may be NULL). */
enum al_status access_clinician(struct db *db, const struct access_who *who, const char *name,
                                struct db_client_filter *f, int64_t *id, struct al_error *err);

#endif
