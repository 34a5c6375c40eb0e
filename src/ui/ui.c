/* The terminal UI: terminal set-up and restore, the screen stack, the
 * privacy curtain, help, and the loop that waits for keys (with a timeout,
 * never busy) and hands them to the screen on top. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alliance/commands.h"
#include "ui.h"

#include <term.h> /* after curses.h */

volatile sig_atomic_t ui_signal;

static void on_signal(int sig)
{
	ui_signal = sig;
}

static const int caught[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT};
#define NCAUGHT (sizeof caught / sizeof caught[0])

/* Installed before curses starts, so that curses keeps its hands off them:
 * the loop sees the flag, leaves the screens and restores the terminal. */
static void signals_catch(struct sigaction *old)
{
	struct sigaction sa = {.sa_handler = on_signal};
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NCAUGHT; i++)
		sigaction(caught[i], &sa, &old[i]);
}

static void signals_restore(const struct sigaction *old)
{
	for (size_t i = 0; i < NCAUGHT; i++)
		sigaction(caught[i], &old[i], NULL);
}

static enum ui_action show_help(struct ui *ui, void *st)
{
	(void)st;
	ui->help = true;
	return UI_DONE;
}

static enum ui_action show_curtain(struct ui *ui, void *st)
{
	(void)st;
	ui->curtain = true;
	return UI_DONE;
}

#define UI_GLOBAL_KEYS(X)                                                                          \
	X(show_help, UI_FN(KEY_F(1)), '?', "?/F1", "?/F1", "help",                                 \
	  "this help (F1 also inside text fields)")                                                \
	X(show_curtain, UI_FN(KEY_F(2)), 'z', "z/F2", "z/F2", "hide",                              \
	  "privacy curtain: hide every client detail; Enter returns")
const struct ui_key ui_global_keys[] = {UI_GLOBAL_KEYS(UI_KEY_ROW)};
const size_t ui_global_nkeys = sizeof ui_global_keys / sizeof ui_global_keys[0];

void ui_say(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
	ui->dirty = true;
}

void ui_say_err(struct ui *ui)
{
	ui_say(ui, true, "%s", ui->err->msg);
}

bool ui_may_write(struct ui *ui, const char *what)
{
	if (ui->read_only)
		ui_say(ui, true, "%s: refused: the database is open read-only", what);
	return !ui->read_only;
}

struct access_who ui_who(const struct ui *ui, const char *what)
{
	return (struct access_who){
	    .user_id = ui->user_id, .supervisor = ui->supervisor, .what = what};
}

enum ui_action ui_push(struct ui *ui, const struct ui_screen *s, void *st)
{
	if (ui->depth == UI_DEPTH_MAX) {
		s->leave(ui, st);
		free(st);
		ui_say(ui, true, "too many screens open: close one with q or Esc");
		return UI_DONE;
	}
	ui->stack[ui->depth].screen = s;
	ui->stack[ui->depth].st = st;
	ui->depth++;
	ui->dirty = true;
	return UI_DONE;
}

static void pop(struct ui *ui)
{
	ui->depth--;
	ui->stack[ui->depth].screen->leave(ui, ui->stack[ui->depth].st);
	free(ui->stack[ui->depth].st);
	ui->dirty = true;
}

/* The screen below sees what the one above changed. */
static void back(struct ui *ui)
{
	pop(ui);
	if (ui->depth == 0)
		return;
	const struct ui_screen *s = ui->stack[ui->depth - 1].screen;
	if (s->reload && s->reload(ui, ui->stack[ui->depth - 1].st))
		ui_say_err(ui);
}

static bool too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
}

static void draw_center(const struct ui *ui, int y, const char *s)
{
	int w = ui_text_cells(s);
	ui_put(y, w < COLS ? (COLS - w) / 2 : 0, COLS, ui_attr(ui, UI_R_TITLE), s);
}

static void draw_message(const struct ui *ui)
{
	if (ui->msg[0])
		ui_put_cut(ui, LINES - 2, 1, COLS - 2,
		           ui_attr(ui, ui->msg_error ? UI_R_ERROR : UI_R_NOTICE), ui->msg);
}

static void draw(struct ui *ui)
{
	struct ui_frame f = {.rows = LINES - 2, .cols = COLS};
	erase();
	if (ui->curtain) {
		draw_center(ui, LINES / 2,
		            ui->ascii ? "alliance - press Enter to return"
		                      : "alliance \u2014 press Enter to return");
	} else if (too_small()) {
		draw_center(ui, LINES / 2 - 1, "terminal too small");
		char need[80];
		snprintf(need, sizeof need, "%dx%d needed, now %dx%d (q quits)", UI_MIN_COLS,
		         UI_MIN_ROWS, COLS, LINES);
		draw_center(ui, LINES / 2 + 1, need);
	} else {
		const struct ui_screen *s = ui->stack[ui->depth - 1].screen;
		const void *st = ui->stack[ui->depth - 1].st;
		if (ui->help)
			ui_draw_help(ui, s, st);
		else
			s->draw(ui, st, &f);
		draw_message(ui);
		ui_draw_status(ui, s, s->typing && s->typing(st));
	}
	bool cursor = f.cursor && !ui->curtain && !too_small();
	curs_set(cursor ? 1 : 0);
	if (cursor)
		move(f.cur_y, f.cur_x);
	refresh();
	ui->dirty = false;
}

static enum ui_action dispatch(struct ui *ui, int key)
{
	const struct ui_screen *s = ui->stack[ui->depth - 1].screen;
	void *st = ui->stack[ui->depth - 1].st;
	const struct ui_key *k = ui_global_key(key, true);
	if (k)
		return k->fn(ui, st);
	enum ui_action a = s->input ? s->input(ui, st, key) : UI_PASS;
	if (a == UI_PASS && (k = ui_global_key(key, false)))
		a = k->fn(ui, st);
	if (a == UI_PASS && (k = ui_key_find(s->keys, s->nkeys, key)))
		a = k->fn(ui, st);
	return a;
}

static void on_key(struct ui *ui, int key)
{
	ui->dirty = true;
	if (key == UI_FN(KEY_RESIZE))
		return;
	if (ui->curtain) { /* only Enter lifts it: a stray key shows nothing */
		ui->curtain = !ui_key_enter(key);
		return;
	}
	if (too_small()) {
		while (key == 'q' && ui->depth > 0)
			pop(ui);
		return;
	}
	ui->msg[0] = '\0';
	if (ui->help) {
		ui->help = !(key == UI_ESC || key == 'q' || key == '?' || key == UI_FN(KEY_F(1)) ||
		             ui_key_enter(key));
		return;
	}
	switch (dispatch(ui, key)) {
	case UI_BACK:
		back(ui);
		break;
	case UI_QUIT:
		while (ui->depth > 0)
			pop(ui);
		break;
	default:
		break;
	}
}

static enum al_status load_meta(struct ui *ui)
{
	enum al_status st = db_dims_load(ui->db, &ui->dims, ui->err);
	return st ? st : db_settings_load(ui->db, &ui->settings, ui->err);
}

/* Another program wrote: reread settings and what the screen shows. */
static void refresh_data(struct ui *ui)
{
	int64_t v = db_data_version(ui->db);
	if (v == ui->data_version)
		return;
	ui->data_version = v;
	const struct ui_screen *s = ui->stack[ui->depth - 1].screen;
	if (load_meta(ui) || (s->reload && s->reload(ui, ui->stack[ui->depth - 1].st)))
		ui_say_err(ui);
	ui->dirty = true;
}

static void on_tick(struct ui *ui, int64_t idle_ms)
{
	int lock = ui->settings.idle_lock_min;
	if (lock > 0 && idle_ms >= (int64_t)lock * 60000 && !ui->curtain) {
		ui->curtain = true;
		ui->dirty = true;
	}
	const struct ui_screen *s = ui->stack[ui->depth - 1].screen;
	if (s->tick)
		s->tick(ui, ui->stack[ui->depth - 1].st);
	refresh_data(ui);
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* 0 when no key came within the timeout. */
static int read_key(void)
{
	wint_t wc;
	int r = get_wch(&wc);
	if (r == ERR)
		return 0;
	return r == KEY_CODE_YES ? UI_FN((int)wc) : (int)wc;
}

static void loop(struct ui *ui)
{
	int64_t last_key = now_ms(), last_tick = last_key;
	bool typed = false;
	int early = 0; /* timeouts that came back at once: the terminal is gone */
	while (ui->depth > 0 && !ui_signal && early < 50) {
		if (ui->dirty)
			draw(ui);
		int wait = typed ? UI_DEBOUNCE_MS : UI_TICK_MS;
		int64_t before = now_ms();
		timeout(wait);
		int key = read_key();
		int64_t now = now_ms();
		if (ui_signal)
			break;
		if (key == 0) {
			early = now - before < wait / 2 ? early + 1 : 0;
			on_tick(ui, now - last_key);
			last_tick = now;
			typed = false;
			continue;
		}
		early = 0;
		typed = true;
		on_key(ui, key);
		last_key = now_ms(); /* a key may take long ($EDITOR): idle from its end */
		if (ui->depth > 0 && now - last_tick >= UI_TICK_MS) {
			on_tick(ui, 0);
			last_tick = now;
		}
	}
}

static void terminal_modes(void)
{
	raw(); /* Ctrl-S and Ctrl-Q reach us instead of pausing the terminal */
	noecho();
	nonl();
	meta(stdscr, TRUE);
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	set_escdelay(25);
	curs_set(0);
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

enum al_status ui_main(struct cli *c)
{
	struct ui ui = {
	    .db = c->db,
	    .err = c->err,
	    .user_id = c->user_id,
	    .supervisor = c->supervisor,
	    .read_only = db_read_only(c->db),
	    .ascii = c->ascii,
	    .today = c->today,
	};
	struct sigaction old[NCAUGHT];
	snprintf(ui.user, sizeof ui.user, "%s", c->user);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return al_fail(c->err, AL_EUSAGE,
		               "the terminal UI needs a terminal "
		               "(for commands see alliance --help)");
	enum al_status st = load_meta(&ui);
	if (st || (st = terminal_known(c->err)))
		return st;
	ui_editor_cleanup();
	signals_catch(old);
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		signals_restore(old);
		return al_fail(c->err, AL_EUSAGE, "cannot start the terminal UI");
	}
	terminal_modes();
	theme_init(&ui);
	ui.data_version = db_data_version(ui.db);
	if (ui.supervisor) /* a supervisor's home is the board */
		board_open(&ui);
	else
		caseload_open(&ui);
	if (ui.depth == 0)
		st = c->err->status ? c->err->status : AL_EDB;
	loop(&ui);
	if (ui.depth > 0 && ui.stack[ui.depth - 1].screen->tick) /* a signal: keep the draft */
		ui.stack[ui.depth - 1].screen->tick(&ui, ui.stack[ui.depth - 1].st);
	while (ui.depth > 0)
		pop(&ui);
	endwin();
	delscreen(scr);
	signals_restore(old);
	return st;
}
