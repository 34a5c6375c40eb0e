/* repair CODE --episode N --domain D --strategy S[,S...] [--session N]
 * [--note-file F]: the clinician records what they did about an episode.
 * repairs [CODE] [--clinician NAME] [--format table|csv|json]: the records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/cli/note.h"
#include "alliance/cli/repair.h"
#include "alliance/cli/commands.h"

struct repair_req {
	const char *code;
	long episode; /* the session number where it opened */
	long session; /* 0: the client's last */
	enum al_domain domain;
	uint32_t strategies;
	char *note; /* NULL: none */
};

/* "bond, goals, ... or other" */
static void words_list(const char *const *words, char *buf, size_t cap)
{
	size_t at = 0;
	buf[0] = '\0';
	for (int i = 0; words[i] && at < cap; i++) {
		const char *sep = i == 0 ? "" : words[i + 1] ? ", " : " or ";
		int n = snprintf(buf + at, cap - at, "%s%s", sep, words[i]);
		if (n < 0)
			return;
		at += (size_t)n;
	}
}

static enum al_status parse_words(struct cli *c, const struct cli_opt *opts, struct repair_req *q)
{
	const char *domain = cli_opt(opts, "domain"), *strategy = cli_opt(opts, "strategy");
	char bad[48], list[256];
	if (!repair_domain_parse(domain, &q->domain)) {
		words_list(repair_domain_words, list, sizeof list);
		return al_fail(c->err, AL_EINPUT, "repair: --domain: '%.40s' is not %s", domain,
		               list);
	}
	if (!repair_strategies_parse(strategy, &q->strategies, bad, sizeof bad)) {
		words_list(repair_strategy_words, list, sizeof list);
		return al_fail(c->err, AL_EINPUT, "repair: --strategy: '%s' is not %s", bad, list);
	}
	return AL_OK;
}

/* Everything that can be checked before the database is asked. */
static enum al_status repair_parse(struct cli *c, const struct cli_opt *opts, struct repair_req *q)
{
	static const char *const required[] = {"episode", "domain", "strategy"};
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!cli_opt(opts, required[i]))
			return al_fail(c->err, AL_EUSAGE, "repair: --%s is required", required[i]);
	const char *ep = cli_opt(opts, "episode"), *ses = cli_opt(opts, "session");
	if (!parse_int(ep, 1, 1000000, &q->episode))
		return al_fail(c->err, AL_EINPUT,
		               "repair: --episode: '%.40s' is not a session number", ep);
	if (ses && !parse_int(ses, 1, 1000000, &q->session))
		return al_fail(c->err, AL_EINPUT,
		               "repair: --session: '%.40s' is not a session number", ses);
	enum al_status st = parse_words(c, opts, q);
	if (st)
		return st;
	if (c->supervisor)
		return al_fail(c->err, AL_EINPUT,
		               "repair: supervisors do not record repairs: repair is the "
		               "clinician's work (comment with alliance ack)");
	return AL_OK;
}

/* "9", "9 and 14", "3, 9 and 14": the sessions where c's episodes opened. */
static void openings(const struct al_course *c, const struct repair_view *rv, char *buf, size_t cap)
{
	size_t at = 0;
	buf[0] = '\0';
	for (size_t k = 0; k < rv->neps && at < cap; k++) {
		const char *sep = k == 0 ? "" : k + 1 < rv->neps ? ", " : " and ";
		int n =
		    snprintf(buf + at, cap - at, "%s%d", sep, c->sessions[rv->eps[k].opened].seq);
		if (n < 0)
			return;
		at += (size_t)n;
	}
}

/* The episode and the session the request names, as indices. */
static enum al_status find_target(struct cli *c, const struct repair_view *rv,
                                  const struct al_course *course, const struct repair_req *q,
                                  size_t *opened, size_t *at)
{
	char list[256];
	const struct al_episode *e = NULL;
	for (size_t k = 0; !e && k < rv->neps; k++)
		if (course->sessions[rv->eps[k].opened].seq == q->episode)
			e = &rv->eps[k];
	if (!e && rv->neps == 0)
		return al_fail(c->err, AL_EINPUT, "repair: --episode %ld: '%s' has no episode",
		               q->episode, q->code);
	if (!e) {
		openings(course, rv, list, sizeof list);
		return al_fail(c->err, AL_EINPUT,
		               "repair: --episode %ld: no episode of '%s' opened at session %ld "
		               "(%s opened at session%s %s)",
		               q->episode, q->code, q->episode, rv->neps == 1 ? "one" : "they",
		               rv->neps == 1 ? "" : "s", list);
	}
	*opened = e->opened;
	*at = q->session ? (size_t)(q->session - 1) : course->n - 1;
	if (q->session && (size_t)q->session > course->n)
		return al_fail(c->err, AL_EINPUT,
		               "repair: --session %ld: '%s' has sessions 1 to %zu", q->session,
		               q->code, course->n);
	if (*at < e->opened)
		return al_fail(c->err, AL_EINPUT,
		               "repair: --session %ld: before the episode opened (session %ld)",
		               q->session, q->episode);
	return AL_OK;
}

/* In the write transaction: who may, which episode and session, the row. */
static enum al_status repair_store(struct cli *c, struct view *v, const struct repair_req *q,
                                   size_t *at_seq)
{
	struct al_client cl;
	struct db_course course = {0};
	struct db_repairs none = {0};
	struct repair_view rv = {0};
	size_t opened = 0, at = 0;
	int64_t id;
	enum al_status st = cli_client(c, q->code, ACCESS_WRITE, &cl);
	if (st || (st = db_course_load(c->db, &v->dims, cl.id, &course, c->err)) ||
	    (st = repair_view_load(c, v, &rv, &cl, &course.course, &none)) ||
	    (st = find_target(c, &rv, &course.course, q, &opened, &at)))
		goto out;
	struct db_repair_in in = {.client_id = cl.id,
	                          .opened_id = course.course.sessions[opened].id,
	                          .session_id = course.course.sessions[at].id,
	                          .user_id = c->user_id,
	                          .domain = q->domain,
	                          .strategies = q->strategies,
	                          .note = q->note};
	*at_seq = at + 1;
	st = db_repair_add(c->db, &in, &id, c->err);
out:
	repair_view_free(&rv);
	db_course_free(&course);
	return st;
}

static enum al_status repair_run(struct cli *c, const struct cli_opt *opts, struct repair_req *q)
{
	struct view v;
	size_t at = 0;
	char list[256];
	const char *file = cli_opt(opts, "note-file");
	if (file) {
		if (!(q->note = malloc(AL_REPAIR_NOTE_MAX + 1)))
			return al_fail(c->err, AL_EIO, "repair: out of memory");
		enum al_status st =
		    cli_note_read(c, "--note-file", file, q->note, AL_REPAIR_NOTE_MAX);
		if (st)
			return st;
	}
	enum al_status st = view_init(c, &v);
	if (st)
		return st;
	if (!(st = db_begin(c->db, c->err)) && !(st = repair_store(c, &v, q, &at)))
		st = db_commit(c->db, c->err);
	db_rollback(c->db);
	view_free(&v);
	if (st)
		return st;
	repair_strategies_text(q->strategies, ", ", list, sizeof list);
	cli_stored(c,
	           "%s: repair recorded for the episode opened at session %ld (%s; %s at session "
	           "%zu)",
	           q->code, q->episode, repair_domains[q->domain].word, list, at);
	return AL_OK;
}

enum al_status cmd_repair(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"episode", true}, {"domain", true},    {"strategy", true},
	                         {"session", true}, {"note-file", true}, {NULL}};
	const char *pos[1];
	struct repair_req q = {0};
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 1, 1, NULL);
	if (st || (st = repair_parse(c, opts, &q)))
		return st;
	q.code = pos[0];
	st = repair_run(c, opts, &q);
	free(q.note);
	return st;
}
