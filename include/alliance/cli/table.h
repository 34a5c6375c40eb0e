/* The command table: every command, sub-command and option of the command
 * line in one place. It drives dispatch (main.c), --help, each command's
 * option check (cli_parse), the bash completion and the man-page test. */
#ifndef ALLIANCE_CLI_TABLE_H
#define ALLIANCE_CLI_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "alliance/cli/cli.h"

/* What an option's value or a positional argument is, so that completion
 * knows what to offer. */
enum cli_value {
	CV_NONE,      /* an option without a value (a flag) */
	CV_TEXT,      /* free text or a number: nothing to offer */
	CV_WORDS,     /* one of a fixed list of words */
	CV_CLIENT,    /* a client code of the database */
	CV_USER,      /* a user name of the database */
	CV_DIMENSION, /* a dimension key of the database */
	CV_SETTING,   /* a setting key (config) */
	CV_FILE,      /* a file name */
};

struct cli_optdef {
	const char *name; /* without the leading "--" */
	const char *arg;  /* the value's name in usage ("NAME"); NULL for a flag */
	enum cli_value value;
	const char *const *words; /* CV_WORDS: NULL-terminated; usage shows a|b|c */
	bool required;            /* shown without brackets in usage */
	const char *const *about; /* CV_WORDS: a description of each word, for
	                             COMMAND --help (NULL: none) */
};

#define CLI_MAX_POS 2
struct cli_cmddef {
	const char *group;               /* "client" */
	const char *sub;                 /* "add", or NULL when the group has no sub-commands */
	cli_fn fn;                       /* the group's entry point (it reads the sub-command) */
	const char *args;                /* the positionals in usage: "CODE", "[KEY]", "" */
	enum cli_value pos[CLI_MAX_POS]; /* what the 1st and 2nd positional are */
	bool dims;                       /* also takes --DIM N for every dimension key */
	const struct cli_optdef *opts;   /* {NULL}-terminated, or NULL for none */
	const char *about;               /* one line for --help */
};

extern const struct cli_cmddef cli_commands[];
extern const size_t cli_ncommands;
/* The global options (--db, --user, ...), {NULL}-terminated; --help and
 * --version are among them. */
extern const struct cli_optdef cli_globals[];

/* The first row of group NAME (its entry point), or NULL. */
const struct cli_cmddef *cli_group_find(const char *name);
/* The row named like c->cmd ("client add", "flags"), or NULL. */
const struct cli_cmddef *cli_command_find(const char *full);
/* The option NAME of row d (or of the globals for d == NULL), or NULL. */
const struct cli_optdef *cli_optdef_find(const struct cli_cmddef *d, const char *name);

/* "client add" into buf. */
void cli_command_name(const struct cli_cmddef *d, char *buf, size_t cap);

/* alliance --help: the global usage and every command's synopsis. */
void cli_help_all(FILE *fp);
/* alliance COMMAND [SUB] --help: the synopsis and purpose of the rows of
 * group argv[0] (only SUB's when argv[1] names one). */
void cli_help_command(FILE *fp, int argc, char **argv);

#endif
