/* Attendance and the check-in of a session being saved (db_session.h):
 * what a save leaves on the session, checked against what it holds. */
#ifndef ALLIANCE_DB_CHECKIN_H
#define ALLIANCE_DB_CHECKIN_H

#include <stdbool.h>
#include <stdint.h>

#include "alliance/db/session.h"

enum { CHECKIN_TENSION, CHECKIN_TALKED, CHECKIN_MISUNDERSTOOD, CHECKIN_ANSWERS };

struct checkin {
	enum al_attendance attendance;
	int8_t answer[CHECKIN_ANSWERS]; /* AL_NO_ANSWER where none */
};

/* What else the session will hold after the save, for the rule that a
 * session not attended holds none of it. */
struct checkin_with {
	bool rated, marked, comment;
};

/* An attended session with no answer: a new session's start. */
void checkin_blank(struct checkin *c);

/* Adding to held (NULL for a new session): out is what the session will
 * hold. AL_EINPUT, with cmd and who ("K-1 2026-03-02") in the message,
 * when what is given clashes with held without in->replace, or breaks the
 * rules (nothing but the record on a session not attended; talked only
 * with a tension above 0). */
enum al_status checkin_add(const struct db_session_in *in, const struct checkin *held,
                           const struct checkin_with *with, const char *cmd, const char *who,
                           struct checkin *out, struct al_error *err);
/* Editing: out is held with what in sets (set_attendance, set_checkin),
 * under the same rules. */
enum al_status checkin_edit(const struct db_session_in *in, const struct checkin *held,
                            const struct checkin_with *with, struct checkin *out,
                            struct al_error *err);

/* Reads and writes the session's attendance and answers. */
enum al_status checkin_load(struct db *db, int64_t session_id, struct checkin *out,
                            struct al_error *err);
enum al_status checkin_write(struct db *db, int64_t session_id, const struct checkin *c,
                             struct al_error *err);
bool checkin_same(const struct checkin *a, const struct checkin *b);

#endif
