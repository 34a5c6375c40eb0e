/* client add | list | archive | unarchive | delete --purge */
#include <string.h>

#include "alliance/cli/commands.h"
#include "alliance/db/admin.h"
#include "alliance/db/client.h"
#include "alliance/core/parse.h"
#include "alliance/core/text.h"
#include "alliance/core/vocab.h"

/* One of the modalities (alliance/core/vocab.h), "" not among them. */
static bool valid_modality(const char *s)
{
	return vocab_find(al_modality_words, AL_MODALITY_WORDS, s) > 0;
}

/* Checks what client add was given; fills cl's code, modality and goal. */
static enum al_status add_fields(struct cli *c, const char *code, const char *modality,
                                 const char *goal, struct al_client *cl)
{
	char why[96], words[128];
	if (!valid_code(code))
		return al_fail(c->err, AL_EINPUT,
		               "%s: '%.40s' is not a valid client code "
		               "(1-32 letters, digits, '-', '_', '.')",
		               c->cmd, code);
	vocab_list(al_modality_words, 1, AL_MODALITY_WORDS, words, sizeof words);
	if (modality && !valid_modality(modality))
		return al_fail(c->err, AL_EINPUT, "%s: --modality: '%.40s' is not %s", c->cmd,
		               modality, words);
	if (goal && !text_ok(goal, AL_GOAL_MAX, why, sizeof why))
		return al_fail(c->err, AL_EINPUT, "%s: --goal %s", c->cmd, why);
	snprintf(cl->code, sizeof cl->code, "%s", code);
	snprintf(cl->modality, sizeof cl->modality, "%s", modality ? modality : "");
	snprintf(cl->goal, sizeof cl->goal, "%s", goal ? goal : "");
	return AL_OK;
}

/* The clinician defaults to the user; a supervisor names a supervisee. */
static enum al_status add_owner(struct cli *c, const char *name, struct al_client *cl)
{
	struct db_client_filter f;
	if (!name && c->supervisor)
		return al_fail(c->err, AL_EINPUT,
		               "%s: a supervisor adds clients for a "
		               "supervisee: give --clinician NAME",
		               c->cmd);
	enum al_status st = cli_clients(c, name ? name : c->user, &f);
	cl->clinician_id = f.clinician_id;
	return st;
}

/* "K-0142: client of alice added (cbt, with a goal)": never the goal's text. */
static void say_added(struct cli *c, const struct al_client *cl, const char *clinician)
{
	bool modality = *cl->modality, goal = *cl->goal;
	cli_stored(c, "%s: client of %s added%s%s%s%s%s", cl->code, clinician ? clinician : c->user,
	           modality || goal ? " (" : "", cl->modality, modality && goal ? ", " : "",
	           goal ? "with a goal" : "", modality || goal ? ")" : "");
}

static enum al_status client_add(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"clinician", true}, {"modality", true}, {"goal", true}, {NULL}};
	const char *pos[1];
	struct al_client cl = {0}, old;
	bool found;
	enum al_status st = cli_parse(c, argc, argv, opts, pos, 1, 1, NULL);
	if (st ||
	    (st = add_fields(c, pos[0], cli_opt(opts, "modality"), cli_opt(opts, "goal"), &cl)) ||
	    (st = db_begin(c->db, c->err)))
		return st;
	if ((st = add_owner(c, cli_opt(opts, "clinician"), &cl)) ||
	    (st = db_client_find(c->db, cl.code, &old, &found, c->err)))
		goto out;
	if (found) {
		st = al_fail(c->err, AL_EINPUT, "%s: client '%s' already exists", c->cmd, cl.code);
		goto out;
	}
	if (!(st = db_client_add(c->db, &cl, c->err)) && !(st = db_commit(c->db, c->err)))
		say_added(c, &cl, cli_opt(opts, "clinician"));
out:
	db_rollback(c->db);
	return st;
}

/* Archived clients are hidden unless --archived asks for them: a listing
 * is for the clients one works with now. */
static const struct out_col client_cols[] = {
    {"code"},      {"clinician"}, {"modality"}, {"goal"},     {"sessions", true, "sess"},
    {"last_date"}, {"archived"},  {"ending"},   {"end_date"},
};

static enum al_status print_client(void *ctx, const struct al_client *cl, struct al_error *err)
{
	char n[16], last[AL_DATE_LEN + 1] = "", end[AL_DATE_LEN + 1] = "";
	snprintf(n, sizeof n, "%d", cl->nsessions);
	if (cl->last_date != INT32_MIN)
		format_date(cl->last_date, last);
	if (cl->ending[0] && cl->end_date != INT32_MIN)
		format_date(cl->end_date, end);
	const char *cells[] = {cl->code,
	                       cl->clinician,
	                       cl->modality,
	                       cl->goal,
	                       n,
	                       last,
	                       cl->archived ? "yes" : "no",
	                       cl->ending,
	                       end};
	return out_row(ctx, cells, err);
}

static enum al_status client_list(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {
	    {"format", true}, {"clinician", true}, {"archived", false}, {NULL}};
	const char *pos[1];
	enum out_format fmt;
	struct db_client_filter f;
	struct out o;
	enum al_status st = cli_parse(c, argc, argv, opts, pos, 0, 0, NULL);
	if (st || (st = out_format_parse(c, cli_opt(opts, "format"), &fmt)) ||
	    (st = cli_clients(c, cli_opt(opts, "clinician"), &f)))
		return st;
	f.with_archived = cli_opt(opts, "archived") != NULL;
	out_begin(&o, stdout, fmt, client_cols, sizeof client_cols / sizeof client_cols[0]);
	st = db_client_each(c->db, &f, print_client, &o, c->err);
	enum al_status end = out_end(&o, c->err);
	return st ? st : end;
}

/* How and when the course ended: --reason (default other) and --date
 * (default today), which is neither in the future nor before the
 * client's last session. */
static enum al_status parse_ending_opts(struct cli *c, const struct cli_opt *opts,
                                        const struct al_client *cl, enum al_ending *reason,
                                        int32_t *date)
{
	const char *r = cli_opt(opts, "reason"), *d = cli_opt(opts, "date");
	char last[AL_DATE_LEN + 1];
	*reason = AL_END_OTHER;
	*date = c->today;
	if (r && !parse_ending(r, reason))
		return al_fail(c->err, AL_EINPUT,
		               "%s: --reason: '%.40s' is not planned, dropout, "
		               "referred or other",
		               c->cmd, r);
	if (d && !parse_date(d, date))
		return al_fail(c->err, AL_EINPUT,
		               "%s: --date: '%.40s' is not a valid date "
		               "(YYYY-MM-DD)",
		               c->cmd, d);
	if (*date > c->today + 1)
		return al_fail(c->err, AL_EINPUT, "%s: --date: '%s' is in the future", c->cmd, d);
	if (cl->last_date != INT32_MIN && *date < cl->last_date) {
		format_date(cl->last_date, last);
		return al_fail(c->err, AL_EINPUT,
		               "%s: --date: '%s' is before the last session of "
		               "'%s' (%s)",
		               c->cmd, d, cl->code, last);
	}
	return AL_OK;
}

static enum al_status archive_store(struct cli *c, const struct cli_opt *opts,
                                    const struct al_client *cl, bool archive)
{
	enum al_ending reason;
	int32_t date;
	char day[AL_DATE_LEN + 1];
	enum al_status st;
	if (!archive) {
		if (!(st = db_client_unarchive(c->db, cl->id, c->err)) &&
		    !(st = db_commit(c->db, c->err)))
			cli_stored(c, "%s: active again", cl->code);
		return st;
	}
	if ((st = parse_ending_opts(c, opts, cl, &reason, &date)) ||
	    (st = db_client_end(c->db, cl->id, reason, date, c->err)) ||
	    (st = db_commit(c->db, c->err)))
		return st;
	format_date(date, day);
	cli_stored(c, "%s: archived, the course ended on %s (%s)", cl->code, day,
	           ending_name(reason));
	return AL_OK;
}

static enum al_status client_archive(struct cli *c, int argc, char **argv, bool archive)
{
	struct cli_opt opts[] = {{"reason", true}, {"date", true}, {NULL}};
	const char *pos[1];
	struct al_client cl;
	enum al_status st = cli_parse(c, argc, argv, archive ? opts : NULL, pos, 1, 1, NULL);
	if (st || (st = db_begin(c->db, c->err)))
		return st;
	if ((st = cli_client(c, pos[0], ACCESS_MANAGE, &cl)))
		goto out;
	if (cl.archived == archive) {
		st = al_fail(c->err, AL_EINPUT,
		             archive ? "%s: '%s' is already archived" : "%s: '%s' is not archived",
		             c->cmd, cl.code);
		goto out;
	}
	st = archive_store(c, opts, &cl, archive);
out:
	db_rollback(c->db);
	return st;
}

/* The deletion is committed; the purge is finished when the write-ahead
 * log no longer holds the old pages (SPEC §2). */
static enum al_status purge_finish(struct cli *c, const char *code)
{
	bool finished;
	enum al_status st = db_purge_finish(c->db, &finished, c->err);
	if (st || finished)
		return st;
	return al_fail(c->err, AL_EDB,
	               "%s: '%s' is deleted, but another process kept reading the "
	               "database past the busy timeout, so its data is not yet cleared from the "
	               "database files; close that process, then run alliance check to finish "
	               "the purge",
	               c->cmd, code);
}

/* Purging is for good, so it has to be asked for by name. */
static enum al_status client_delete(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"purge", false}, {NULL}};
	const char *pos[1];
	struct al_client cl;
	enum al_status st = cli_parse(c, argc, argv, opts, pos, 1, 1, NULL);
	if (st || (st = db_begin(c->db, c->err)))
		return st;
	if ((st = cli_client(c, pos[0], ACCESS_WRITE, &cl)))
		goto out;
	if (!cli_opt(opts, "purge")) {
		st = al_fail(c->err, AL_EINPUT,
		             "%s: --purge is required: it removes '%s' with "
		             "all its sessions, ratings, notes and drafts for good (client archive "
		             "keeps them)",
		             c->cmd, cl.code);
		goto out;
	}
	if (!(st = db_client_purge(c->db, cl.id, c->err)) && !(st = db_commit(c->db, c->err)) &&
	    !(st = purge_finish(c, cl.code)))
		cli_stored(c, "%s: purged with its %d session%s", cl.code, cl.nsessions,
		           cl.nsessions == 1 ? "" : "s");
out:
	db_rollback(c->db);
	return st;
}

static enum al_status client_archive_on(struct cli *c, int argc, char **argv)
{
	return client_archive(c, argc, argv, true);
}

static enum al_status client_archive_off(struct cli *c, int argc, char **argv)
{
	return client_archive(c, argc, argv, false);
}

static const struct {
	const char *name, *cmd;
	cli_fn fn;
} subs[] = {
    {"add", "client add", client_add},
    {"list", "client list", client_list},
    {"archive", "client archive", client_archive_on},
    {"unarchive", "client unarchive", client_archive_off},
    {"delete", "client delete", client_delete},
};

enum al_status cmd_client(struct cli *c, int argc, char **argv)
{
	for (size_t i = 0; argc > 1 && i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0) {
			c->cmd = subs[i].cmd;
			return subs[i].fn(c, argc - 2, argv + 2);
		}
	return al_fail(c->err, AL_EUSAGE,
	               "client: expected add, list, archive, unarchive or delete");
}
