/* Repair records (the repair, repair_strategy and repair_note tables): what
 * a clinician did about an episode. An episode is named by its client and
 * the id of the session where it opened (episodes themselves are built on
 * every read, SPEC §4b). The note is never loaded with the records. */
#ifndef ALLIANCE_DB_REPAIR_H
#define ALLIANCE_DB_REPAIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/core/course.h"
#include "alliance/db/db.h"
#include "alliance/core/parse.h"
#include "alliance/core/repair_record.h"

#define AL_REPAIR_NOTE_MAX 20000 /* bytes, as a session note */

struct db_repair_in {
	int64_t client_id;
	int64_t opened_id;  /* the episode's opening session */
	int64_t session_id; /* where it was done */
	int64_t user_id;    /* who recorded it */
	enum al_domain domain;
	uint32_t strategies; /* at least one */
	const char *note;    /* NULL or "": none */
};

/* Stores one record with its strategies and note in the caller's
 * transaction, with one audit row ('add', 'repair', id, count = its
 * strategies): never the note's text. The caller has checked who may, that
 * the episode exists and that the session is in the client's course. */
enum al_status db_repair_add(struct db *db, const struct db_repair_in *in, int64_t *id,
                             struct al_error *err);

struct db_repair {
	int64_t id, client_id, opened_id, session_id;
	enum al_domain domain;
	uint32_t strategies;
	bool has_note;
	char user[AL_KEY_MAX + 1];
	char date[AL_DATE_LEN + 1]; /* the day it was recorded (UTC) */
};

/* Ordered by client id, then id (the order they were recorded). */
struct db_repairs {
	struct db_repair *r;
	size_t n, cap;
};

/* The records of client_id (0: of every client). */
enum al_status db_repairs_load(struct db *db, int64_t client_id, struct db_repairs *out,
                               struct al_error *err);
void db_repairs_free(struct db_repairs *rs);

/* The records of client_id as records of its course (session ids made
 * indices into course->sessions): at most cap into out; returns how many
 * there are. A record whose session is not in the course is left out. */
size_t db_repairs_course(const struct db_repairs *rs, int64_t client_id,
                         const struct al_course *course, struct al_repair_rec *out, size_t cap);

/* The note of record id into buf ("" when none), cut at a character
 * boundary when longer than cap - 1. */
enum al_status db_repair_note_get(struct db *db, int64_t id, char *buf, size_t cap,
                                  struct al_error *err);

#endif
