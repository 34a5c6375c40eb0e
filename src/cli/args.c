/* Option parsing for commands: --name VALUE, --name=VALUE and flags. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alliance/cli/cli.h"
#include "alliance/cli/table.h"
#include "alliance/core/parse.h"

/* Global options (cli_globals) are accepted after any command too, so
 * `alliance chart K-1 --ascii` works; main has already applied them. --help
 * and --version are main's alone. */
static const struct cli_optdef *late_global(const char *name)
{
	const struct cli_optdef *g = cli_optdef_find(NULL, name);
	return g && strcmp(name, "help") != 0 && strcmp(name, "version") != 0 ? g : NULL;
}

/* A command's options must be its row's in the command table, so that
 * --help, the completion and the man page say what the parser takes. */
static enum al_status check_table(struct cli *c, const struct cli_opt *opts, bool extra)
{
	const struct cli_cmddef *d = cli_command_find(c->cmd);
	if (!d)
		return al_fail(c->err, AL_EUSAGE,
		               "internal error: '%s' is not in the command "
		               "table (src/cli/table.c)",
		               c->cmd);
	const char *bad = NULL;
	for (const struct cli_opt *o = opts; !bad && o && o->name; o++) {
		const struct cli_optdef *t = cli_optdef_find(d, o->name);
		if (!t || (t->arg != NULL) != o->has_arg)
			bad = o->name;
	}
	for (const struct cli_optdef *t = d->opts; !bad && t && t->name; t++) {
		const struct cli_opt *o = opts;
		while (o && o->name && strcmp(o->name, t->name) != 0)
			o++;
		if (!o || !o->name)
			bad = t->name;
	}
	if (!bad && d->dims != extra)
		bad = "DIM";
	if (bad)
		return al_fail(c->err, AL_EUSAGE,
		               "internal error: option --%s of '%s' differs "
		               "from the command table (src/cli/table.c)",
		               bad, c->cmd);
	return AL_OK;
}

static struct cli_opt *find(struct cli_opt *opts, const char *name, size_t len)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == len && strncmp(opts->name, name, len) == 0)
			return opts;
	return NULL;
}

enum al_status cli_parse(struct cli *c, int argc, char **argv, struct cli_opt *opts,
                         const char **pos, int min_pos, int max_pos, struct cli_extra *extra)
{
	int npos = 0;
	bool options = true; /* until "--", after which all is positional */
	enum al_status st = check_table(c, opts, extra != NULL);
	if (st)
		return st;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (options && strcmp(a, "--") == 0) {
			options = false;
			continue;
		}
		if (!options || a[0] != '-' || a[1] != '-' || !a[2]) {
			if (npos >= max_pos)
				return al_fail(c->err, AL_EUSAGE, "%s: unexpected argument '%s'",
				               c->cmd, a);
			pos[npos++] = a;
			continue;
		}
		const char *name = a + 2, *eq = strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : strlen(name);
		struct cli_opt *o = find(opts, name, len);
		char key[64];
		snprintf(key, sizeof key, "%.*s", (int)len, name);
		const struct cli_optdef *g = o ? NULL : late_global(key);
		if (g) {
			if (g->arg && !eq)
				i++;
			continue;
		}
		if (!o && !extra)
			return al_fail(c->err, AL_EUSAGE, "%s: unknown option --%s", c->cmd, key);
		bool has_arg = o ? o->has_arg : true;
		const char *value = "";
		if (has_arg) {
			if (eq)
				value = eq + 1;
			else if (i + 1 < argc)
				value = argv[++i];
			else
				return al_fail(c->err, AL_EUSAGE, "%s: --%s needs a value", c->cmd,
				               key);
			if (!*value)
				return al_fail(c->err, AL_EINPUT, "%s: --%s: empty value", c->cmd,
				               key);
		} else if (eq) {
			return al_fail(c->err, AL_EUSAGE, "%s: --%s takes no value", c->cmd, key);
		}
		if (o && o->value) /* never "the last wins" */
			return al_fail(c->err, AL_EUSAGE, "%s: --%s given twice", c->cmd, key);
		if (o) {
			o->value = value;
			continue;
		}
		if (extra->n >= (int)(sizeof extra->key / sizeof extra->key[0]))
			return al_fail(c->err, AL_EUSAGE, "%s: too many options", c->cmd);
		if (eq) /* "--goals=7": cut the key at '=' in place */
			argv[i][2 + len] = '\0';
		extra->key[extra->n] = name;
		extra->value[extra->n++] = value;
	}
	if (npos < min_pos)
		return al_fail(c->err, AL_EUSAGE, "%s: missing argument (see alliance --help)",
		               c->cmd);
	for (int i = npos; i < max_pos; i++)
		pos[i] = NULL;
	return AL_OK;
}

const char *cli_opt(const struct cli_opt *opts, const char *name)
{
	for (; opts->name; opts++)
		if (strcmp(opts->name, name) == 0)
			return opts->value;
	return NULL;
}

enum al_status cli_period(struct cli *c, const struct cli_opt *opts, int32_t *from, int32_t *to)
{
	static const char *const names[2] = {"from", "to"};
	int32_t *days[2] = {from, to};
	*from = INT32_MIN;
	*to = INT32_MAX;
	for (int k = 0; k < 2; k++) {
		const char *arg = cli_opt(opts, names[k]);
		if (arg && !parse_date(arg, days[k]))
			return al_fail(c->err, AL_EINPUT,
			               "%s: --%s: '%.40s' is not a date (YYYY-MM-DD)", c->cmd,
			               names[k], arg);
	}
	if (*from > *to)
		return al_fail(c->err, AL_EINPUT, "%s: --from is after --to", c->cmd);
	return AL_OK;
}
