/* user add | user list (user pin is in pin.c) */
#include <string.h>

#include "alliance/cli/user.h"
#include "alliance/cli/commands.h"
#include "alliance/db/user.h"
#include "alliance/core/parse.h"

static enum al_status user_add(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"role", true}, {"supervisor", true}, {NULL}};
	const char *pos[1];
	enum al_status st = cli_parse(c, argc, argv, opts, pos, 1, 1, NULL);
	if (st)
		return st;
	const char *role = cli_opt(opts, "role"), *sup_name = cli_opt(opts, "supervisor");
	if (!valid_code(pos[0]))
		return al_fail(c->err, AL_EINPUT,
		               "user add: '%.40s' is not a valid user name "
		               "(1-32 letters, digits, '-', '_', '.')",
		               pos[0]);
	if (role && strcmp(role, "clinician") != 0 && strcmp(role, "supervisor") != 0)
		return al_fail(c->err, AL_EINPUT,
		               "user add: --role: '%.40s' is not clinician or supervisor", role);
	struct al_user u, sup = {0};
	bool found;
	if ((st = db_user_find(c->db, pos[0], &u, &found, c->err)))
		return st;
	if (found)
		return al_fail(c->err, AL_EINPUT, "user add: user '%s' already exists", pos[0]);
	if (sup_name) {
		if ((st = db_user_find(c->db, sup_name, &sup, &found, c->err)))
			return st;
		if (!found)
			return al_fail(c->err, AL_EINPUT,
			               "user add: --supervisor: unknown user '%.40s'", sup_name);
		if (!sup.supervisor)
			return al_fail(c->err, AL_EINPUT,
			               "user add: --supervisor: '%s' is not a supervisor",
			               sup.name);
	}
	int64_t id;
	bool is_sup = role && strcmp(role, "supervisor") == 0;
	if ((st = db_begin(c->db, c->err)) ||
	    (st = db_user_add(c->db, pos[0], is_sup, sup.id, &id, c->err)) ||
	    (st = db_commit(c->db, c->err))) {
		db_rollback(c->db);
		return st;
	}
	cli_stored(c, "user %s added (%s%s%s)", pos[0], is_sup ? "supervisor" : "clinician",
	           sup_name ? ", supervised by " : "", sup_name ? sup.name : "");
	return AL_OK;
}

static const struct out_col user_cols[] = {{"name"}, {"role"}, {"supervisor"}};

static enum al_status print_user(void *ctx, const struct al_user *u, struct al_error *err)
{
	const char *cells[] = {u->name, u->supervisor ? "supervisor" : "clinician",
	                       u->supervisor_name};
	return out_row(ctx, cells, err);
}

static enum al_status user_list(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"format", true}, {NULL}};
	const char *pos[1];
	enum out_format fmt;
	struct out o;
	enum al_status st = cli_parse(c, argc, argv, opts, pos, 0, 0, NULL);
	if (st || (st = out_format_parse(c, cli_opt(opts, "format"), &fmt)))
		return st;
	out_begin(&o, stdout, fmt, user_cols, 3);
	st = db_user_each(c->db, print_user, &o, c->err);
	enum al_status end = out_end(&o, c->err);
	return st ? st : end;
}

enum al_status cmd_user(struct cli *c, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "add") == 0) {
		c->cmd = "user add";
		return user_add(c, argc - 2, argv + 2);
	}
	if (strcmp(sub, "list") == 0) {
		c->cmd = "user list";
		return user_list(c, argc - 2, argv + 2);
	}
	if (strcmp(sub, "pin") == 0) {
		c->cmd = "user pin";
		return cli_user_pin(c, argc - 2, argv + 2);
	}
	return al_fail(c->err, AL_EUSAGE, "user: expected 'add', 'list' or 'pin'");
}
