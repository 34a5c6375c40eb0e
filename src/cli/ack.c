/* ack CODE --session N --rule R [--dimension D] --comment TEXT: a supervisor
 * acknowledges one flag of a supervisee's client with a short comment. The
 * flag must be one that detection finds now (flags CODE --all lists them). */
#include <string.h>

#include "alliance/cli_view.h"
#include "alliance/commands.h"
#include "alliance/db_ack.h"
#include "alliance/parse.h"
#include "alliance/text.h"

struct ack_req {
	const char *code;
	long session; /* the session number */
	enum al_rule rule;
	const char *dim_key; /* NULL: not given */
	const char *comment;
};

static bool rule_has_dimension(enum al_rule r)
{
	return r != AL_RULE_MARKER && r != AL_RULE_MISSING;
}

/* Everything that can be checked before the database is asked. */
static enum al_status ack_parse(struct cli *c, const struct cli_opt *opts, struct ack_req *q)
{
	static const char *const required[] = {"session", "rule", "comment"};
	char why[96];
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!cli_opt(opts, required[i]))
			return al_fail(c->err, AL_EUSAGE, "ack: --%s is required", required[i]);
	const char *n = cli_opt(opts, "session"), *rule = cli_opt(opts, "rule");
	q->dim_key = cli_opt(opts, "dimension");
	q->comment = cli_opt(opts, "comment");
	if (!parse_int(n, 1, 1000000, &q->session))
		return al_fail(c->err, AL_EINPUT, "ack: --session: '%.40s' is not a session number",
		               n);
	if (!rule_parse(rule, &q->rule))
		return al_fail(c->err, AL_EINPUT,
		               "ack: --rule: '%.40s' is not low, drop, dip, "
		               "decline, marker, discrepancy or missing",
		               rule);
	if (q->dim_key && !rule_has_dimension(q->rule))
		return al_fail(c->err, AL_EINPUT, "ack: --dimension: a %s flag has no dimension",
		               rule);
	if (!text_ok_chars(q->comment, AL_ACK_COMMENT_CHARS, why, sizeof why))
		return al_fail(c->err, AL_EINPUT, "ack: --comment %s", why);
	return AL_OK;
}

/* The index of the session numbered n, or course->n. */
static size_t session_index(const struct al_course *course, long n)
{
	size_t i = 0;
	while (i < course->n && course->sessions[i].seq != n)
		i++;
	return i;
}

/* The one flag the request names; without --dimension the rule must have
 * fired on one dimension only at that session. */
static enum al_status find_flag(struct cli *c, const struct view *v, const struct al_course *course,
                                const struct ack_req *q, const struct al_flag **out)
{
	size_t i = session_index(course, q->session);
	int dim = q->dim_key ? db_dims_find(&v->dims, q->dim_key) : -1;
	int found = 0;
	char dims[AL_DIM_MAX * (AL_KEY_MAX + 2)] = "";
	if (i == course->n)
		return al_fail(c->err, AL_EINPUT, "ack: '%s' has no session %ld", q->code,
		               q->session);
	if (q->dim_key && dim < 0)
		return al_fail(c->err, AL_EINPUT, "ack: --dimension: unknown dimension '%.40s'",
		               q->dim_key);
	for (size_t k = 0; k < v->f.n; k++) {
		const struct al_flag *f = &v->f.v[k];
		if (f->session != i || f->rule != q->rule || (q->dim_key && f->dim != dim))
			continue;
		*out = f;
		if (found++)
			strcat(dims, ", ");
		strcat(dims, f->dim >= 0 ? course->dims[f->dim].key : "");
	}
	if (found == 1)
		return AL_OK;
	if (found > 1)
		return al_fail(c->err, AL_EINPUT,
		               "ack: session %ld has %s flags on %s: "
		               "give --dimension",
		               q->session, rule_name(q->rule), dims);
	return al_fail(c->err, AL_EINPUT,
	               "ack: '%s' has no %s flag%s%s at session %ld "
	               "(see alliance flags %s --all)",
	               q->code, rule_name(q->rule), q->dim_key ? " on " : "",
	               q->dim_key ? q->dim_key : "", q->session, q->code);
}

/* In the write transaction: who may, which flag, then the row. */
static enum al_status ack_store(struct cli *c, struct view *v, const struct ack_req *q)
{
	struct al_client cl;
	struct db_course course = {0};
	const struct al_flag *f = NULL;
	int64_t id;
	enum al_status st = cli_client(c, q->code, ACCESS_ACK, &cl);
	if (st || (st = db_course_load(c->db, &v->dims, cl.id, &course, c->err)) ||
	    (st = view_detect(c, v, &course.course)) ||
	    (st = find_flag(c, v, &course.course, q, &f)))
		goto out;
	int64_t dim_id = f->dim >= 0 ? v->dims.id[f->dim] : 0;
	st = db_ack_add(c->db, course.course.sessions[f->session].id, dim_id, f->rule, c->user_id,
	                q->comment, &id, c->err);
out:
	db_course_free(&course);
	return st;
}

enum al_status cmd_ack(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {
	    {"session", true}, {"rule", true}, {"dimension", true}, {"comment", true}, {NULL}};
	const char *pos[1];
	struct ack_req q = {0};
	struct view v;
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 1, 1, NULL);
	if (st || (st = ack_parse(c, opts, &q)))
		return st;
	q.code = pos[0];
	if ((st = view_init(c, &v)))
		return st;
	if (!(st = db_begin(c->db, c->err)) && !(st = ack_store(c, &v, &q)))
		st = db_commit(c->db, c->err);
	db_rollback(c->db);
	view_free(&v);
	return st;
}
