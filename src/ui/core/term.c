/* The terminal: set-up and restore on every exit path, the signals that
 * end the UI cleanly, and suspending to the shell (Ctrl-Z). */
#include <stdlib.h>
#include <unistd.h>

#include "ui.h"

#include <term.h> /* after curses.h */

volatile sig_atomic_t ui_signal;

static void on_signal(int sig)
{
	ui_signal = sig;
}

static const int caught[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT};
#define NCAUGHT (sizeof caught / sizeof caught[0])

/* The terminal is one per process: what its start changed, for its stop. */
static struct sigaction old_actions[NCAUGHT];
static SCREEN *screen;

/* Installed before curses starts, so that curses keeps its hands off them:
 * the loop sees the flag, leaves the screens and restores the terminal. */
static void signals_catch(void)
{
	struct sigaction sa = {.sa_handler = on_signal};
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NCAUGHT; i++)
		sigaction(caught[i], &sa, &old_actions[i]);
}

static void signals_restore(void)
{
	for (size_t i = 0; i < NCAUGHT; i++)
		sigaction(caught[i], &old_actions[i], NULL);
}

/* Home and End as vt220-style terminals send them (the Linux console,
 * PuTTY, rxvt, and screen or tmux under another TERM), when the terminal
 * description does not name those sequences itself. */
static void home_end_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} keys[] = {{"\033[1~", KEY_HOME},
	            {"\033[4~", KEY_END},
	            {"\033[7~", KEY_HOME},
	            {"\033[8~", KEY_END}};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (key_defined(keys[i].seq) == 0)
			define_key(keys[i].seq, keys[i].key);
}

static void terminal_modes(void)
{
	raw(); /* Ctrl-S, Ctrl-Q, Ctrl-C and Ctrl-Z reach us as keys */
	noecho();
	nonl();
	meta(stdscr, TRUE);
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	set_escdelay(25);
	curs_set(0);
	home_end_keys();
}

/* Asks terminfo before newterm, which keeps memory it cannot free when
 * the terminal type is unknown. */
static enum al_status terminal_known(struct al_error *err)
{
	int rc;
	if (setupterm(NULL, STDOUT_FILENO, &rc) != OK) {
		const char *term = getenv("TERM");
		return al_fail(err, AL_EUSAGE, "terminal type '%.40s' is unknown",
		               term ? term : "");
	}
	del_curterm(cur_term);
	return AL_OK;
}

enum al_status ui_term_start(struct ui *ui)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return al_fail(ui->err, AL_EUSAGE,
		               "the terminal UI needs a terminal "
		               "(for commands see alliance --help)");
	enum al_status st = terminal_known(ui->err);
	if (st)
		return st;
	signals_catch();
	if (!(screen = newterm(NULL, stdout, stdin))) {
		signals_restore();
		return al_fail(ui->err, AL_EUSAGE, "cannot start the terminal UI");
	}
	terminal_modes();
	theme_init(ui);
	return AL_OK;
}

void ui_term_stop(void)
{
	endwin();
	delscreen(screen);
	screen = NULL;
	signals_restore();
}

/* Stops with the terminal handed back (the shell's job control resumes
 * us); when nothing can resume a stopped job (no job control), SIGTSTP is
 * discarded and this returns at once. Either way the curtain is down. */
void ui_suspend(struct ui *ui)
{
	struct sigaction dfl = {.sa_handler = SIG_DFL}, old;
	ui->curtain = true;
	ui->dirty = true;
	def_prog_mode();
	endwin();
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	raise(SIGTSTP);
	sigaction(SIGTSTP, &old, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
}
