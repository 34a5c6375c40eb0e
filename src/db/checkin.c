/* Attendance and the check-in when a session is saved: merging what is
 * given with what is stored, and the rules the schema also enforces. */
#include <stdio.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "checkin.h"
#include "internal.h"

static const char *const answer_names[CHECKIN_ANSWERS] = {"tension", "talked", "misunderstood"};

void checkin_blank(struct checkin *c)
{
	c->attendance = AL_ATTENDED;
	for (int k = 0; k < CHECKIN_ANSWERS; k++)
		c->answer[k] = AL_NO_ANSWER;
}

bool checkin_same(const struct checkin *a, const struct checkin *b)
{
	return a->attendance == b->attendance &&
	       memcmp(a->answer, b->answer, sizeof a->answer) == 0;
}

static void given(const struct db_session_in *in, int8_t out[CHECKIN_ANSWERS])
{
	out[CHECKIN_TENSION] = in->tension;
	out[CHECKIN_TALKED] = in->talked;
	out[CHECKIN_MISUNDERSTOOD] = in->misunderstood;
}

static bool any_answer(const struct checkin *c)
{
	for (int k = 0; k < CHECKIN_ANSWERS; k++)
		if (c->answer[k] != AL_NO_ANSWER)
			return true;
	return false;
}

/* The rules of SPEC §1 on the state a save leaves: a session not attended
 * is only the record; talked needs some tension (a talked left from
 * before goes when the tension becomes 0, one given is refused). */
static enum al_status check_rules(const struct db_session_in *in, const struct checkin_with *with,
                                  const char *cmd, const char *who, struct checkin *out,
                                  struct al_error *err)
{
	if (out->attendance != AL_ATTENDED) {
		const char *what = with->rated       ? "ratings"
		                   : with->marked    ? "rupture marker"
		                   : any_answer(out) ? "check-in"
		                   : with->comment   ? "client comment"
		                                     : NULL;
		if (what)
			return al_fail(err, AL_EINPUT,
			               "%s: %s was not attended (%s): a session not attended has "
			               "no %s",
			               cmd, who, attendance_words(out->attendance), what);
	}
	if (out->answer[CHECKIN_TALKED] != AL_NO_ANSWER && out->answer[CHECKIN_TENSION] <= 0) {
		if (in->talked != AL_NO_ANSWER)
			return al_fail(err, AL_EINPUT, "%s: --talked needs --tension above 0", cmd);
		out->answer[CHECKIN_TALKED] = AL_NO_ANSWER;
	}
	return AL_OK;
}

enum al_status checkin_add(const struct db_session_in *in, const struct checkin *held,
                           const struct checkin_with *with, const char *cmd, const char *who,
                           struct checkin *out, struct al_error *err)
{
	int8_t answer[CHECKIN_ANSWERS];
	if (held)
		*out = *held;
	else
		checkin_blank(out);
	if (in->set_attendance) {
		if (held && held->attendance != in->attendance && !in->replace)
			return al_fail(err, AL_EINPUT,
			               "%s: %s is already recorded as %s (use --replace, or --new "
			               "for another session that day)",
			               cmd, who, attendance_words(held->attendance));
		out->attendance = in->attendance;
	}
	given(in, answer);
	for (int k = 0; k < CHECKIN_ANSWERS; k++) {
		if (answer[k] == AL_NO_ANSWER)
			continue;
		if (held && held->answer[k] != AL_NO_ANSWER && held->answer[k] != answer[k] &&
		    !in->replace)
			return al_fail(err, AL_EINPUT,
			               "%s: %s already has a different %s answer (use --replace)",
			               cmd, who, answer_names[k]);
		out->answer[k] = answer[k];
	}
	return check_rules(in, with, cmd, who, out, err);
}

enum al_status checkin_edit(const struct db_session_in *in, const struct checkin *held,
                            const struct checkin_with *with, struct checkin *out,
                            struct al_error *err)
{
	*out = *held;
	if (in->set_attendance)
		out->attendance = in->attendance;
	if (in->set_checkin)
		given(in, out->answer);
	return check_rules(in, with, "session", "the session", out, err);
}

enum al_status checkin_load(struct db *db, int64_t session_id, struct checkin *out,
                            struct al_error *err)
{
	static const char sql[] = "SELECT attendance, tension, talked, misunderstood "
	                          "FROM session WHERE id = :session";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":session", session_id);
	int rc = db_step(db, st, err);
	if (rc < 0)
		return err->status;
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return al_fail(err, AL_EINPUT, "session: the session no longer exists");
	}
	if (!parse_attendance(db_col_text(st, 0), &out->attendance))
		out->attendance = AL_ATTENDED;
	for (int k = 0; k < CHECKIN_ANSWERS; k++)
		out->answer[k] = db_col_answer(st, 1 + k);
	sqlite3_reset(st);
	return AL_OK;
}

enum al_status checkin_write(struct db *db, int64_t session_id, const struct checkin *c,
                             struct al_error *err)
{
	static const char sql[] =
	    "UPDATE session SET attendance = :attendance, tension = :tension, talked = :talked, "
	    "misunderstood = :misunderstood WHERE id = :session";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_text(st, ":attendance", attendance_name(c->attendance));
	db_bind_answer(st, ":tension", c->answer[CHECKIN_TENSION]);
	db_bind_answer(st, ":talked", c->answer[CHECKIN_TALKED]);
	db_bind_answer(st, ":misunderstood", c->answer[CHECKIN_MISUNDERSTOOD]);
	db_bind_int(st, ":session", session_id);
	return db_run(db, st, err);
}
