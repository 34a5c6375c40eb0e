/* Prints the command table (src/cli/table.c) for the build: `bash` writes
 * the table half of the bash completion (tools/completion.bash is the
 * other half), `list` one line per command with its options, which the
 * man-page test compares with doc/alliance.1. */
#include <stdio.h>
#include <string.h>

#include "alliance/cli/table.h"
#include "alliance/core/settings_table.h"

static void list_options(const struct cli_optdef *o)
{
	for (; o && o->name; o++)
		printf(" --%s", o->name);
}

static void print_list(void)
{
	char name[64];
	printf("global:");
	list_options(cli_globals);
	printf("\n");
	for (size_t i = 0; i < cli_ncommands; i++) {
		cli_command_name(&cli_commands[i], name, sizeof name);
		printf("%s:", name);
		if (cli_commands[i].dims)
			printf(" --trust --collaboration --empathy --DIM");
		list_options(cli_commands[i].opts);
		printf("\n");
	}
}

static const char *value_word(enum cli_value v)
{
	static const char *const words[] = {
	    [CV_NONE] = "flag",   [CV_TEXT] = "text",           [CV_WORDS] = "words",
	    [CV_CLIENT] = "client", [CV_USER] = "user",         [CV_DIMENSION] = "dimension",
	    [CV_SETTING] = "setting", [CV_FILE] = "file",
	};
	return words[v];
}

/* REPLY for one option of command key (any command for NULL): its kind,
 * and for words the words. */
static void print_value(const char *key, const struct cli_optdef *o)
{
	if (key)
		printf("\t\"%s --%s\")", key, o->name);
	else
		printf("\t*\" --%s\")", o->name);
	printf(" REPLY=\"%s", value_word(o->value));
	for (const char *const *w = o->words; o->value == CV_WORDS && *w; w++)
		printf(" %s", *w);
	printf("\" ;;\n");
}

static void print_groups(void)
{
	printf("_alliance_groups=\"");
	for (size_t i = 0; i < cli_ncommands; i++)
		if (cli_group_find(cli_commands[i].group) == &cli_commands[i])
			printf("%s%s", i ? " " : "", cli_commands[i].group);
	printf("\"\n\n# _alliance_subs GROUP: REPLY is its sub-commands (empty for none).\n"
	       "_alliance_subs() {\n\tcase $1 in\n");
	for (size_t i = 0; i < cli_ncommands; i++) {
		const struct cli_cmddef *d = &cli_commands[i];
		if (!d->sub || cli_group_find(d->group) != d)
			continue;
		printf("\t%s) REPLY=\"", d->group);
		for (size_t j = i; j < cli_ncommands; j++)
			if (strcmp(cli_commands[j].group, d->group) == 0)
				printf("%s%s", j == i ? "" : " ", cli_commands[j].sub);
		printf("\" ;;\n");
	}
	printf("\t*) REPLY=\"\" ;;\n\tesac\n}\n\n");
}

static void print_options(void)
{
	char name[64];
	printf("# _alliance_opts COMMAND: REPLY is its options, then _alliance_dims says\n"
	       "# whether it also takes --DIM N for each dimension.\n"
	       "_alliance_opts() {\n\t_alliance_dims=0\n\tcase $1 in\n");
	for (size_t i = 0; i < cli_ncommands; i++) {
		cli_command_name(&cli_commands[i], name, sizeof name);
		printf("\t\"%s\") REPLY=\"", name);
		for (const struct cli_optdef *o = cli_commands[i].opts; o && o->name; o++)
			printf("%s--%s", o == cli_commands[i].opts ? "" : " ", o->name);
		printf("\"%s ;;\n", cli_commands[i].dims ? "; _alliance_dims=1" : "");
	}
	printf("\t*) REPLY=\"\" ;;\n\tesac\n\tREPLY=\"$REPLY");
	for (const struct cli_optdef *o = cli_globals; o->name; o++)
		printf(" --%s", o->name);
	printf("\"\n}\n\n");
}

static void print_values(void)
{
	char name[64];
	printf("# _alliance_value COMMAND OPTION: REPLY is what the option's value is\n"
	       "# (flag, text, words W..., client, user, dimension, setting, file), or\n"
	       "# empty for an unknown option.\n"
	       "_alliance_value() {\n\tcase \"$1 $2\" in\n");
	for (size_t i = 0; i < cli_ncommands; i++) {
		cli_command_name(&cli_commands[i], name, sizeof name);
		for (const struct cli_optdef *o = cli_commands[i].opts; o && o->name; o++)
			print_value(name, o);
	}
	for (const struct cli_optdef *o = cli_globals; o->name; o++)
		print_value(NULL, o);
	printf("\t*) REPLY=\"\" ;;\n\tesac\n}\n\n");
}

static void print_positionals(void)
{
	char name[64];
	printf("# _alliance_positional COMMAND N: REPLY is what its N-th argument is.\n"
	       "_alliance_positional() {\n\tcase \"$1 $2\" in\n");
	for (size_t i = 0; i < cli_ncommands; i++) {
		cli_command_name(&cli_commands[i], name, sizeof name);
		for (int k = 0; k < CLI_MAX_POS; k++)
			if (cli_commands[i].pos[k] != CV_NONE)
				printf("\t\"%s %d\") REPLY=%s ;;\n", name, k + 1,
				       value_word(cli_commands[i].pos[k]));
	}
	printf("\t*) REPLY=\"\" ;;\n\tesac\n}\n\n_alliance_settings=\"");
	for (size_t i = 0; i < al_setting_count; i++)
		printf("%s%s", i ? " " : "", al_setting_defs[i].key);
	printf("\"\n");
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		print_list();
		return 0;
	}
	if (argc != 2 || strcmp(argv[1], "bash") != 0) {
		fprintf(stderr, "usage: cmdtable bash|list\n");
		return 2;
	}
	printf("# bash completion for alliance(1).\n"
	       "# Generated from the command table (src/cli/table.c) by tools/cmdtable.c;\n"
	       "# the logic that uses it follows, from tools/completion.bash.\n\n");
	print_groups();
	print_options();
	print_values();
	print_positionals();
	return ferror(stdout) ? 1 : 0;
}
