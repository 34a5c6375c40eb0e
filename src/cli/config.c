/* config get [KEY] | config set KEY VALUE | config list: the detection
 * settings, all described by the table in settings_table.h. */
#include <string.h>

#include "alliance/cli/commands.h"
#include "alliance/db/meta.h"
#include "alliance/core/settings_table.h"

static enum al_status find_def(struct cli *c, const char *key, const struct al_setting_def **d)
{
	if ((*d = setting_def(key)))
		return AL_OK;
	return al_fail(c->err, AL_EINPUT,
	               "%s: unknown setting '%.40s' (alliance config list "
	               "shows them)",
	               c->cmd, key);
}

static const struct out_col config_cols[] = {{"key"}, {"value"}, {"default"}, {"range"}, {"about"}};

static enum al_status config_list(struct cli *c, const char *format)
{
	struct al_settings s;
	enum out_format fmt;
	struct out o;
	enum al_status st = out_format_parse(c, format, &fmt);
	if (st || (st = db_settings_load(c->db, &s, c->err)))
		return st;
	out_begin(&o, stdout, fmt, config_cols, 5);
	for (size_t i = 0; i < al_setting_count && !st; i++) {
		const struct al_setting_def *d = &al_setting_defs[i];
		char value[32], def[32], range[48];
		setting_format(d, setting_get(d, &s), value, sizeof value);
		setting_format(d, d->def, def, sizeof def);
		setting_bounds(d, range, sizeof range);
		const char *cells[] = {d->key, value, def, range, d->about};
		st = out_row(&o, cells, c->err);
	}
	enum al_status end = out_end(&o, c->err);
	return st ? st : end;
}

/* With no KEY it lists them all, like config list. */
static enum al_status config_get(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"format", true}, {NULL}};
	const char *pos[1];
	const struct al_setting_def *d;
	struct al_settings s;
	char value[32];
	enum out_format fmt; /* one value prints bare, but a bad --format is still refused */
	enum al_status st = cli_parse(c, argc, argv, opts, pos, 0, 1, NULL);
	if (st)
		return st;
	if (!pos[0])
		return config_list(c, cli_opt(opts, "format"));
	if ((st = out_format_parse(c, cli_opt(opts, "format"), &fmt)) ||
	    (st = find_def(c, pos[0], &d)) || (st = db_settings_load(c->db, &s, c->err)))
		return st;
	setting_format(d, setting_get(d, &s), value, sizeof value);
	printf("%s\n", value);
	return AL_OK;
}

static enum al_status config_set(struct cli *c, int argc, char **argv)
{
	const char *pos[2];
	const struct al_setting_def *d;
	double v;
	char range[96];
	enum al_status st = cli_parse(c, argc, argv, NULL, pos, 2, 2, NULL);
	if (st || (st = find_def(c, pos[0], &d)))
		return st;
	if (!setting_parse(d, pos[1], &v)) {
		setting_range(d, range, sizeof range);
		return al_fail(c->err, AL_EINPUT, "%s: %s: '%.40s' is not %s", c->cmd, d->key,
		               pos[1], range);
	}
	if ((st = db_begin(c->db, c->err)) || (st = db_setting_set(c->db, d->key, v, c->err)) ||
	    (st = db_commit(c->db, c->err))) {
		db_rollback(c->db);
		return st;
	}
	char value[32], def[32];
	setting_format(d, v, value, sizeof value);
	setting_format(d, d->def, def, sizeof def);
	cli_stored(c, "%s set to %s (default %s)", d->key, value, def);
	return AL_OK;
}

static enum al_status config_list_cmd(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"format", true}, {NULL}};
	const char *pos[1];
	enum al_status st = cli_parse(c, argc, argv, opts, pos, 0, 0, NULL);
	return st ? st : config_list(c, cli_opt(opts, "format"));
}

enum al_status cmd_config(struct cli *c, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "get") == 0) {
		c->cmd = "config get";
		return config_get(c, argc - 2, argv + 2);
	}
	if (strcmp(sub, "set") == 0) {
		c->cmd = "config set";
		return config_set(c, argc - 2, argv + 2);
	}
	if (strcmp(sub, "list") == 0) {
		c->cmd = "config list";
		return config_list_cmd(c, argc - 2, argv + 2);
	}
	return al_fail(c->err, AL_EUSAGE, "config: expected get, set or list");
}
