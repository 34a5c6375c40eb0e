/* dimension add KEY LABEL | dimension list */
#include <string.h>

#include "alliance/cli/table.h"
#include "alliance/cli/commands.h"
#include "alliance/db/meta.h"
#include "alliance/core/parse.h"
#include "alliance/core/text.h"

/* session add takes --DIM N beside its own options and the global ones
 * (command table), so a dimension may not be called like one of them, nor
 * like a listing's options. */
static bool is_reserved(const char *key)
{
	static const char *const more[] = {"format", "output", NULL};
	if (cli_optdef_find(cli_command_find("session add"), key) || cli_optdef_find(NULL, key))
		return true;
	for (const char *const *r = more; *r; r++)
		if (strcmp(*r, key) == 0)
			return true;
	return false;
}

static enum al_status check_new(struct cli *c, const char *key, const char *label)
{
	char why[96];
	if (!valid_dim_key(key))
		return al_fail(c->err, AL_EINPUT,
		               "%s: '%.40s' is not a valid dimension key "
		               "(1-32 lower-case letters, digits, '_', starting with a letter)",
		               c->cmd, key);
	if (is_reserved(key))
		return al_fail(c->err, AL_EINPUT,
		               "%s: '%s' is reserved (it is an option of "
		               "session add)",
		               c->cmd, key);
	if (!text_ok(label, AL_LABEL_MAX, why, sizeof why))
		return al_fail(c->err, AL_EINPUT, "%s: the label %s", c->cmd, why);
	return AL_OK;
}

static enum al_status dimension_add(struct cli *c, int argc, char **argv)
{
	const char *pos[2];
	struct db_dims dims;
	enum al_status st = cli_parse(c, argc, argv, NULL, pos, 2, 2, NULL);
	if (st || (st = check_new(c, pos[0], pos[1])) || (st = db_begin(c->db, c->err)))
		return st;
	if ((st = db_dims_load(c->db, &dims, c->err)))
		goto out;
	if (db_dims_find(&dims, pos[0]) >= 0)
		st =
		    al_fail(c->err, AL_EINPUT, "%s: dimension '%s' already exists", c->cmd, pos[0]);
	else if (dims.n >= AL_DIM_MAX)
		st = al_fail(c->err, AL_EINPUT, "%s: a database holds at most %d dimensions",
		             c->cmd, AL_DIM_MAX);
	else if (!(st = db_dim_add(c->db, pos[0], pos[1], c->err)) &&
	         !(st = db_commit(c->db, c->err)))
		cli_stored(c, "dimension %s added (%s)", pos[0], pos[1]);
out:
	db_rollback(c->db);
	return st;
}

static const struct out_col dim_cols[] = {{"key"}, {"label"}, {"core"}, {"wording"}};

static enum al_status dimension_list(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"format", true}, {NULL}};
	const char *pos[1];
	enum out_format fmt;
	struct db_dims dims;
	struct out o;
	enum al_status st = cli_parse(c, argc, argv, opts, pos, 0, 0, NULL);
	if (st || (st = out_format_parse(c, cli_opt(opts, "format"), &fmt)) ||
	    (st = db_dims_load(c->db, &dims, c->err)))
		return st;
	out_begin(&o, stdout, fmt, dim_cols, 4);
	for (size_t i = 0; i < dims.n && !st; i++) {
		const char *cells[] = {dims.dim[i].key, dims.dim[i].label,
		                       dims.dim[i].core ? "yes" : "no", dims.wording[i]};
		st = out_row(&o, cells, c->err);
	}
	enum al_status end = out_end(&o, c->err);
	return st ? st : end;
}

enum al_status cmd_dimension(struct cli *c, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "add") == 0) {
		c->cmd = "dimension add";
		return dimension_add(c, argc - 2, argv + 2);
	}
	if (strcmp(sub, "list") == 0) {
		c->cmd = "dimension list";
		return dimension_list(c, argc - 2, argv + 2);
	}
	return al_fail(c->err, AL_EUSAGE, "dimension: expected 'add' or 'list'");
}
