/* libFuzzer target: command-line parsing (cli_parse) with the option
 * tables of a listing, a writing and a --DIM taking command. The input is
 * argv, its words separated by NUL bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/cli/cli.h"

#define MUST(cond) ((cond) ? (void)0 : __builtin_trap())
#define ARGS_MAX 64

/* Splits a copy of data at NUL bytes into argv (the copy is argv's storage). */
static int split(char *buf, size_t size, char **argv)
{
	int argc = 0;
	size_t start = 0;
	for (size_t i = 0; i <= size && argc < ARGS_MAX; i++)
		if (i == size || buf[i] == '\0') {
			buf[i] = '\0';
			argv[argc++] = buf + start;
			start = i + 1;
		}
	argv[argc] = NULL;
	return argc;
}

static void check_result(enum al_status st, const struct al_error *err, const char **pos, int npos,
			 int argc, char **argv, char *end)
{
	if (st) {
		MUST(st == AL_EUSAGE || st == AL_EINPUT);
		MUST(err->msg[0] && memchr(err->msg, '\0', sizeof err->msg));
		return;
	}
	for (int i = 0; i < npos; i++) /* positionals point into argv */
		MUST(!pos[i] || (pos[i] >= argv[0] && pos[i] < end));
	(void)argc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	char *argv[ARGS_MAX + 1];
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	int argc = split(buf, size, argv);
	struct al_error err = {0};
	struct cli c = {.err = &err, .cmd = "fuzz"};
	const char *pos[3];

	struct cli_opt list[] = {{"format", true}, {"from", true}, {"to", true}, {"all", false},
				 {NULL}};
	enum al_status st = cli_parse(&c, argc, argv, list, pos, 0, 1, NULL);
	check_result(st, &err, pos, 1, argc, argv, buf + size + 1);

	/* cli_parse may cut "--key=value" in place: parse a fresh copy */
	memcpy(buf, data, size);
	argc = split(buf, size, argv);
	struct cli_opt add[] = {{"date", true}, {"note", true}, {"replace", false}, {NULL}};
	struct cli_extra extra = {0};
	st = cli_parse(&c, argc, argv, add, pos, 1, 1, &extra);
	check_result(st, &err, pos, 1, argc, argv, buf + size + 1);
	if (!st)
		for (int i = 0; i < extra.n; i++)
			MUST(extra.key[i] && extra.value[i] && extra.value[i][0]);
	free(buf);
	return 0;
}
