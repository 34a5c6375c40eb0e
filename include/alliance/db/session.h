/* Sessions, ratings and notes; loading a client's course for analysis. */
#ifndef ALLIANCE_DB_SESSION_H
#define ALLIANCE_DB_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/core/course.h"
#include "alliance/db/db.h"
#include "alliance/db/client.h"
#include "alliance/db/meta.h"

#define AL_CONTEXT_MAX 200
#define AL_NOTE_MAX 20000

/* One session as entered (CLI session add, the UI's entry form). Ratings
 * not given are AL_MISSING; rating[rater][i] follows dims order.
 *
 * Adding (session_id 0) goes to the session add_to when set (session add
 * --session N; date must then be its date), else to the last session of
 * the client on that date, or a new one when there is none or new_session
 * is set (seq = the date's highest + 1). Given ratings are added; one that exists already
 * (same rater and dimension) is AL_EINPUT unless replace. With set_rupture,
 * a rupture other than NONE and a non-empty context are stored; one that
 * differs from what the session already has is AL_EINPUT unless replace
 * (NONE and "" mean "not given" here, so adding never clears them). A
 * second call with nothing new changes nothing.
 *
 * Editing (session_id non-zero, the UI's 'e') makes the session exactly
 * what the struct holds: its date (moved after the new date's sessions
 * when it changes), both raters' ratings (AL_MISSING removes one), and with
 * set_rupture the rupture and context (NONE and "" clear them). replace and
 * new_session are ignored there.
 *
 * Attendance and the check-in (SPEC §1): adding, with set_attendance, a
 * new session takes the attendance given (else attended) and an existing
 * one must already have it unless replace; each check-in answer given
 * (not AL_NO_ANSWER) is added the same way as a rating. A session not
 * attended takes no ratings, check-in, rupture marker or client comment;
 * talked needs a tension above 0. Editing writes the attendance with
 * set_attendance and the three answers exactly with set_checkin.
 *
 * note and comment (the client's comment, a note of its own kind): NULL
 * leaves it alone, "" removes it, other text replaces it (at most
 * AL_NOTE_MAX bytes). Audit: one row per session added or changed
 * ('add'/'change', 'session', id, count = ratings written) and one per note
 * or comment added, changed or removed ('add'/'change'/'delete', 'note',
 * session id): never their text. */
struct db_session_in {
	int64_t client_id;
	int32_t date;
	al_tenths rating[AL_RATER_COUNT][AL_DIM_MAX];
	bool set_rupture; /* rupture/context given: store them */
	enum al_rupture rupture;
	const char *context; /* NULL or "" for none */
	const char *note;    /* NULL: leave the note alone */
	const char *comment; /* the client's comment; NULL: leave it alone */
	bool set_attendance; /* attendance given */
	enum al_attendance attendance;
	bool set_checkin;                      /* editing: write the three answers as they are */
	int8_t tension, talked, misunderstood; /* AL_NO_ANSWER: not given */
	bool replace;                          /* overwrite ratings that exist */
	bool new_session;                      /* a further session on that date */
	int64_t add_to;     /* non-zero: add to this session (db_session_number) */
	bool must_exist;    /* session edit: never a new session (AL_EINPUT) */
	int64_t session_id; /* non-zero: edit this session (UI 'e') */
};

/* Clears in for client and date with every rating AL_MISSING and every
 * check-in answer AL_NO_ANSWER (a zeroed struct would mean ratings of 0). */
void db_session_in_init(struct db_session_in *in, int64_t client_id, int32_t date);

/* The client's session number n (1-based, in date order, SPEC §1): its
 * id and date, or *id 0 when the client has fewer sessions. */
enum al_status db_session_number(struct db *db, int64_t client_id, int n, int64_t *id,
                                 int32_t *date, struct al_error *err);

/* Adds or merges a session (SPEC §3 session add) in the caller's
 * transaction with its audit rows. An existing rating of the same rater
 * and dimension without replace is AL_EINPUT. *id gets the session id. */
enum al_status db_session_save(struct db *db, const struct db_dims *dims,
                               const struct db_session_in *in, int64_t *id, struct al_error *err);

/* A client's course with what the screens and reports show besides the
 * numbers. Arrays are parallel to course.sessions. */
struct db_course {
	struct al_course course; /* dims point into the db_dims passed in */
	struct al_session *sessions;
	char (*context)[AL_CONTEXT_MAX + 1];
	bool *has_note;
	bool *has_comment; /* the client's comment (a note of its own kind) */
	size_t cap;
};
enum al_status db_course_load(struct db *db, const struct db_dims *dims, int64_t client_id,
                              struct db_course *out, struct al_error *err);
void db_course_free(struct db_course *c);

/* Streams every matching client with its course, in code order, using one
 * ordered scan (for flags --all, caseload, board over many clients). Clients
 * without sessions come too (course.n 0). The course buffers are reused
 * from one client to the next: copy what must outlive the call. fn may read
 * the database but must not call db_course_each itself. */
typedef enum al_status (*db_course_fn)(void *ctx, const struct al_client *client,
                                       const struct db_course *course, struct al_error *err);
enum al_status db_course_each(struct db *db, const struct db_dims *dims,
                              const struct db_client_filter *f, db_course_fn fn, void *ctx,
                              struct al_error *err);

/* The note of a session into buf ("" when none), cut at a character
 * boundary if longer than cap - 1 (AL_NOTE_MAX + 1 always fits). Notes are
 * loaded only when shown, never with courses. */
enum al_status db_note_get(struct db *db, int64_t session_id, char *buf, size_t cap,
                           struct al_error *err);
/* The client's comment of a session, as db_note_get. */
enum al_status db_comment_get(struct db *db, int64_t session_id, char *buf, size_t cap,
                              struct al_error *err);

#endif
