/* Whole-file commands: backup FILE, check, audit. */
#include <stdio.h>
#include <unistd.h>

#include "alliance/cli/commands.h"
#include "alliance/db/admin.h"
#include "alliance/core/parse.h"

/* The copy is made under a temporary name and renamed into place: a kill
 * or a full disk never leaves a partial (or empty) file under FILE, and
 * the audit row is written only once the copy is there. */
enum al_status cmd_backup(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	struct cli_file f;
	enum al_status st = cli_parse(c, argc - 1, argv + 1, NULL, pos, 1, 1, NULL);
	if (st || (st = cli_file_open(c, pos[0], CLI_FILE_NEW, &f)))
		return st;
	if (f.fp == stdout) {
		cli_file_close(c, &f, AL_OK);
		return al_fail(c->err, AL_EINPUT, "backup: '-': a backup goes to a file");
	}
	st = db_backup(c->db, f.tmp, pos[0], c->err);
	if ((st = cli_file_close(c, &f, st)))
		return st;
	if ((st = db_backup_audit(c->db, c->err))) {
		unlink(pos[0]); /* nothing changed: no audit row, no copy */
		return st;
	}
	cli_stored(c, "%s: backup of %s written", pos[0], db_path(c->db));
	return AL_OK;
}

static enum al_status print_line(void *ctx, const char *line, struct al_error *err)
{
	(void)ctx;
	(void)err;
	printf("%s\n", line);
	return AL_OK;
}

/* Problems go to stdout, one a line, so they can be kept; the status line
 * on stderr and exit 3 say that there were some. */
enum al_status cmd_check(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	long problems;
	enum al_status st = cli_parse(c, argc - 1, argv + 1, NULL, pos, 0, 0, NULL);
	if (st || (st = db_check(c->db, print_line, NULL, &problems, c->err)))
		return st;
	if (problems)
		return al_fail(c->err, AL_EDB, "check: %ld problem%s found", problems,
		               problems == 1 ? "" : "s");
	printf("ok\n");
	return AL_OK;
}

static const struct out_col audit_cols[] = {
    {"time"},   {"os_user"},         {"app_user"},    {"action"},
    {"entity"}, {"entity_id", true}, {"count", true},
};

static enum al_status print_audit(void *ctx, const struct al_audit_row *r, struct al_error *err)
{
	char id[24] = "", count[24] = "";
	if (r->entity_id)
		snprintf(id, sizeof id, "%lld", (long long)r->entity_id);
	if (r->count >= 0)
		snprintf(count, sizeof count, "%lld", (long long)r->count);
	const char *cells[] = {r->time, r->os_user, r->app_user, r->action, r->entity, id, count};
	return out_row(ctx, cells, err);
}

enum al_status cmd_audit(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"from", true}, {"to", true}, {"format", true}, {NULL}};
	const char *pos[1];
	int32_t from, to;
	enum out_format fmt;
	struct out o;
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 0, 0, NULL);
	if (st || (st = cli_period(c, opts, &from, &to)) ||
	    (st = out_format_parse(c, cli_opt(opts, "format"), &fmt)))
		return st;
	out_begin(&o, stdout, fmt, audit_cols, 7);
	st = db_audit_each(c->db, from, to, print_audit, &o, c->err);
	enum al_status end = out_end(&o, c->err);
	return st ? st : end;
}
