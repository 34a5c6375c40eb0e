/* --help and COMMAND --help, written from the command table. */
#include <string.h>

#include "alliance/cli/table.h"

#define HELP_WIDTH 79
#define HELP_INDENT 6 /* continuation lines of a synopsis */

/* Words of a synopsis, wrapped: a word never breaks inside. */
struct line {
	FILE *fp;
	int col;
};

static void put_word(struct line *l, const char *word)
{
	int len = (int)strlen(word);
	if (l->col > HELP_INDENT && l->col + 1 + len > HELP_WIDTH) {
		fprintf(l->fp, "\n%*s", HELP_INDENT, "");
		l->col = HELP_INDENT;
	} else if (l->col > 2) {
		fputc(' ', l->fp);
		l->col++;
	}
	fputs(word, l->fp);
	l->col += len;
}

/* "--name ARG", "--modality a|b|c" or "--flag", bracketed unless required. */
static void put_option(struct line *l, const struct cli_optdef *o)
{
	char word[160];
	int n = snprintf(word, sizeof word, "%s--%s", o->required ? "" : "[", o->name);
	if (o->value == CV_WORDS) {
		for (const char *const *w = o->words; *w; w++)
			n += snprintf(word + n, sizeof word - (size_t)n, "%c%s",
			              w == o->words ? ' ' : '|', *w);
	} else if (o->arg) {
		n += snprintf(word + n, sizeof word - (size_t)n, " %s", o->arg);
	}
	snprintf(word + n, sizeof word - (size_t)n, "%s", o->required ? "" : "]");
	put_word(l, word);
}

/* The synopsis of one row: positionals, required options, the rating
 * options, then the others in the table's order. */
static void put_synopsis(FILE *fp, const struct cli_cmddef *d)
{
	struct line l = {fp, 0};
	char name[64], args[64];
	cli_command_name(d, name, sizeof name);
	fputs("  ", fp);
	l.col = 2;
	put_word(&l, name);
	snprintf(args, sizeof args, "%s", d->args);
	for (char *save, *w = strtok_r(args, " ", &save); w; w = strtok_r(NULL, " ", &save))
		put_word(&l, w);
	for (const struct cli_optdef *o = d->opts; o && o->name; o++)
		if (o->required)
			put_option(&l, o);
	if (d->dims) {
		put_word(&l, "[--trust N]");
		put_word(&l, "[--collaboration N]");
		put_word(&l, "[--empathy N]");
		put_word(&l, "[--DIM N]...");
	}
	for (const struct cli_optdef *o = d->opts; o && o->name; o++)
		if (!o->required)
			put_option(&l, o);
	fputc('\n', fp);
}

void cli_help_all(FILE *fp)
{
	struct line l = {fp, 0};
	fputs("usage: alliance", fp);
	l.col = 15;
	for (const struct cli_optdef *o = cli_globals; o->name; o++)
		if (strcmp(o->name, "help") != 0 && strcmp(o->name, "version") != 0)
			put_option(&l, o);
	put_word(&l, "[COMMAND ...]");
	fputs("\nWith no command, opens the terminal UI. Global options may also follow the "
	      "command.\nCommands:\n",
	      fp);
	for (size_t i = 0; i < cli_ncommands; i++)
		put_synopsis(fp, &cli_commands[i]);
	fputs("alliance COMMAND --help says what a command does. See alliance(1).\n", fp);
}

/* The words of an option that describes them, one a line:
 *   --domain: bond        trust, warmth, feeling understood between you */
static void put_words_about(FILE *fp, const struct cli_cmddef *d)
{
	for (const struct cli_optdef *o = d->opts; o && o->name; o++) {
		if (o->value != CV_WORDS || !o->about)
			continue;
		int width = 0;
		for (const char *const *w = o->words; *w; w++)
			width = (int)strlen(*w) > width ? (int)strlen(*w) : width;
		fprintf(fp, "  --%s:\n", o->name);
		for (size_t k = 0; o->words[k]; k++)
			fprintf(fp, "    %-*s  %s\n", width, o->words[k], o->about[k]);
	}
}

void cli_help_command(FILE *fp, int argc, char **argv)
{
	bool one = false; /* argv[1] names a sub-command: only its row */
	for (size_t i = 0; argc > 1 && i < cli_ncommands; i++)
		one |= strcmp(cli_commands[i].group, argv[0]) == 0 && cli_commands[i].sub &&
		       strcmp(cli_commands[i].sub, argv[1]) == 0;
	bool first = true;
	for (size_t i = 0; i < cli_ncommands; i++) {
		const struct cli_cmddef *d = &cli_commands[i];
		char name[64];
		if (strcmp(d->group, argv[0]) != 0 || (one && strcmp(d->sub, argv[1]) != 0))
			continue;
		cli_command_name(d, name, sizeof name);
		fprintf(fp, "%s%s: %s\n", first ? "" : "\n", name, d->about);
		put_synopsis(fp, d);
		put_words_about(fp, d);
		first = false;
	}
}
