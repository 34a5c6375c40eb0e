/* ack CODE --episode N --comment TEXT: a supervisor acknowledges the
 * episode of a supervisee's client that opened at session N (the opened
 * column of `episodes`), with a short supervision comment. The episode must
 * be one that the course shows now (episodes CODE --all lists them). */
#include <string.h>

#include "alliance/cli/view.h"
#include "alliance/cli/commands.h"
#include "alliance/db/ack.h"
#include "alliance/core/parse.h"
#include "alliance/core/text.h"

struct ack_req {
	const char *code;
	long opened; /* the session number where the episode opened */
	const char *comment;
};

/* Everything that can be checked before the database is asked. */
static enum al_status ack_parse(struct cli *c, const struct cli_opt *opts, struct ack_req *q)
{
	static const char *const required[] = {"episode", "comment"};
	char why[96];
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!cli_opt(opts, required[i]))
			return al_fail(c->err, AL_EUSAGE, "ack: --%s is required", required[i]);
	const char *n = cli_opt(opts, "episode");
	q->comment = cli_opt(opts, "comment");
	if (!parse_int(n, 1, 1000000, &q->opened))
		return al_fail(c->err, AL_EINPUT,
		               "ack: --episode: '%.40s' is not a session number (the session "
		               "where the episode opened)",
		               n);
	if (!text_ok_chars(q->comment, AL_ACK_COMMENT_CHARS, why, sizeof why))
		return al_fail(c->err, AL_EINPUT, "ack: --comment %s", why);
	return AL_OK;
}

/* The episode that opened at session number q->opened. */
static enum al_status find_episode(struct cli *c, const struct view *v,
                                   const struct al_course *course, const struct ack_req *q,
                                   size_t *out)
{
	for (size_t k = 0; k < v->an.neps; k++)
		if (course->sessions[v->an.eps[k].opened].seq == q->opened) {
			*out = k;
			return AL_OK;
		}
	return al_fail(c->err, AL_EINPUT,
	               "ack: '%s' has no episode that opened at session %ld "
	               "(see alliance episodes %s --all)",
	               q->code, q->opened, q->code);
}

/* In the write transaction: who may, which episode, then the row. */
static enum al_status ack_store(struct cli *c, struct view *v, const struct ack_req *q)
{
	struct al_client cl;
	struct db_course course = {0};
	size_t k = 0;
	int64_t id;
	enum al_status st = cli_client(c, q->code, ACCESS_ACK, &cl);
	if (st || (st = db_course_load(c->db, &v->dims, cl.id, &course, c->err)) ||
	    (st = view_analyse(c, v, &course.course, cl.archived)) ||
	    (st = find_episode(c, v, &course.course, q, &k)))
		goto out;
	int64_t session = course.course.sessions[v->an.eps[k].opened].id;
	st = db_episode_ack_add(c->db, session, c->user_id, q->comment, &id, c->err);
out:
	db_course_free(&course);
	return st;
}

enum al_status cmd_ack(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"episode", true}, {"comment", true}, {NULL}};
	const char *pos[1];
	struct ack_req q = {0};
	struct view v;
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 1, 1, NULL);
	if (st || (st = ack_parse(c, opts, &q)))
		return st;
	q.code = pos[0];
	if ((st = view_init(c, &v)))
		return st;
	if (!(st = db_begin(c->db, c->err)) && !(st = ack_store(c, &v, &q)) &&
	    !(st = db_commit(c->db, c->err)))
		cli_stored(c, "%s: the episode opened at session %ld acknowledged", q.code,
		           q.opened);
	db_rollback(c->db);
	view_free(&v);
	return st;
}
