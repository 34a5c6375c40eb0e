/* user pin: the current user's PIN, typed twice on the terminal with echo
 * off, stored only as a hash (db_user.h). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "alliance/cli/user.h"
#include "alliance/db/user.h"
#include "alliance/core/parse.h"

#define PIN_LINE 64 /* longer lines are read whole and refused */

/* The terminal as it was, for a signal that comes while echo is off. */
static struct termios saved_tty;
static volatile sig_atomic_t echo_off;

static void restore_and_die(int sig)
{
	if (echo_off)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void echo_set(bool on)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP};
	struct termios t = saved_tty;
	if (on) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
		echo_off = 0;
		for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
			signal(sigs[i], SIG_DFL);
		return;
	}
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], restore_and_die);
	t.c_lflag &= ~(tcflag_t)ECHO;
	t.c_lflag |= ECHONL;
	echo_off = 1;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &t);
}

/* One line from the terminal with echo off, without its newline; the
 * rest of an overlong line is read and dropped. False at end of input. */
static bool read_secret(const char *prompt, char buf[PIN_LINE])
{
	size_t n = 0;
	char ch;
	bool got = false;
	fputs(prompt, stderr);
	fflush(stderr);
	echo_set(false);
	while (read(STDIN_FILENO, &ch, 1) == 1) {
		got = true;
		if (ch == '\n' || ch == '\r')
			break;
		if (n + 1 < PIN_LINE)
			buf[n++] = ch;
	}
	buf[n] = '\0';
	echo_set(true);
	return got;
}

static enum al_status pin_store(struct cli *c, const char *pin)
{
	bool had;
	enum al_status st;
	if ((st = db_begin(c->db, c->err)) ||
	    (st = db_user_pin_set(c->db, c->user_id, pin, &had, c->err)) ||
	    (st = db_commit(c->db, c->err))) {
		db_rollback(c->db);
		return st;
	}
	cli_stored(c, "%s: PIN %s", c->user, had ? "changed" : "set");
	return AL_OK;
}

enum al_status cli_user_pin(struct cli *c, int argc, char **argv)
{
	char first[PIN_LINE], second[PIN_LINE];
	const char *pos[1];
	enum al_status st = cli_parse(c, argc, argv, NULL, pos, 0, 0, NULL);
	if (st)
		return st;
	if (db_read_only(c->db))
		return al_fail(c->err, AL_EINPUT, "%s: the database is open read-only", c->cmd);
	if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved_tty) != 0)
		return al_fail(c->err, AL_EINPUT,
		               "%s: needs a terminal (the PIN is typed twice, never echoed)",
		               c->cmd);
	if (!read_secret("New PIN (4 to 12 digits): ", first) ||
	    !read_secret("The same PIN again: ", second))
		st = al_fail(c->err, AL_EINPUT, "%s: no PIN was typed", c->cmd);
	else if (!valid_pin(first))
		st = al_fail(c->err, AL_EINPUT, "%s: a PIN is 4 to 12 digits", c->cmd);
	else if (strcmp(first, second) != 0)
		st = al_fail(c->err, AL_EINPUT, "%s: the two PINs differ; nothing changed", c->cmd);
	else
		st = pin_store(c, first);
	explicit_bzero(first, sizeof first);
	explicit_bzero(second, sizeof second);
	return st;
}
