/* The ui core: the state every screen shares, what a screen is, and the
 * stack of open screens. Screens are opened by id (ui_open), never by
 * calling each other; a closing screen hands its result to the one below
 * (resume). The UI reads app.c -> screen/ -> widget/ -> core/. */
#ifndef ALLIANCE_UI_CORE_H
#define ALLIANCE_UI_CORE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/db/access.h"
#include "alliance/core/course.h"
#include "alliance/db/db.h"
#include "alliance/db/meta.h"
#include "keys.h"
#include "paint.h"
#include "pin.h"

#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24
#define UI_TICK_MS 1000    /* wake-up when idle: idle lock, other writers */
#define UI_DEBOUNCE_MS 300 /* a typing pause this long saves the draft */
#define UI_DEPTH_MAX 4     /* caseload, client, entry, ... */
#define UI_MSG_MAX 320

/* Where draw() may leave the cursor: draw gets the frame to say so. */
struct ui_frame {
	int rows, cols; /* the screen's area: status and message rows excluded */
	bool cursor;
	int cur_y, cur_x;
};

/* What a closing screen hands to the one below: the client and session it
 * stored or chose (0: none). */
struct ui_result {
	int64_t client_id;
	int64_t session_id;
};

/* A screen is data plus a few functions (ncdu-style). ui_open allocates
 * size bytes of zeroed state and calls enter; key handlers change the
 * state, draw only reads it. */
struct ui_screen {
	const char *title;
	const char *title_supervisor; /* for a supervisor, when it differs */
	size_t size;
	const struct ui_key *keys;
	size_t nkeys;
	bool form; /* typed work is on it: Ctrl-C does not quit from here */
	/* Client mode: every key but F2 goes to input (no help, quit or
	 * suspend of the UI's own). */
	bool locked;
	/* Loads what the screen shows; args as its id's entry in screens.h
	 * says. On failure ui->err says why (ui_open says it). */
	enum al_status (*enter)(struct ui *ui, void *st, const void *args);
	/* Reads the database again when another program wrote (forms have
	 * none: they keep what was typed). */
	enum al_status (*reload)(struct ui *ui, void *st);
	/* The screen above closed with result r: reread, show what it stored.
	 * NULL: reload. */
	enum al_status (*resume)(struct ui *ui, void *st, const struct ui_result *r);
	/* Keys before the table: text fields take printable keys here. */
	enum ui_action (*input)(struct ui *ui, void *st, int key);
	/* About once a second and after a typing pause (drafts). */
	void (*tick)(struct ui *ui, void *st);
	/* Before each draw: reads what came into sight (a list read a page
	 * at a time), so that draw need not. NULL: enter read it all. */
	enum al_status (*fetch)(struct ui *ui, void *st);
	/* Paints the state; never touches the database. */
	void (*draw)(const struct ui *ui, const void *st, struct ui_frame *f);
	/* Focus is in a text field: printable keys are text. */
	bool (*typing)(const void *st);
	/* Extra lines for the ? help (the entry form's item wordings). */
	int (*help_extra)(const struct ui *ui, const void *st, int row, int col, int width,
	                  int max_rows);
	/* Frees what enter allocated (also after a failed enter). */
	void (*leave)(struct ui *ui, void *st);
};

struct ui {
	struct db *db;
	struct al_error *err;
	int64_t user_id;
	char user[AL_KEY_MAX + 1];
	bool supervisor;
	bool read_only;
	bool ascii;
	bool color;
	int32_t today;
	struct db_dims dims;
	struct al_settings settings;

	/* The screens by id (app.c's table). */
	const struct ui_screen *const *screens;
	int nscreens;
	struct {
		const struct ui_screen *screen;
		int id;
		void *st;
		struct ui_result result; /* what it hands down when it closes */
	} stack[UI_DEPTH_MAX];
	int depth;

	bool curtain;
	struct ui_pin curtain_pin; /* lifting it, when the user has a PIN */
	char curtain_say[80];
	struct ui_pin_guard pin_guard;
	bool help;
	int help_top; /* the help's first row shown (it scrolls) */
	int help_len; /* its rows, as last drawn */
	bool dirty;   /* something to draw */
	char msg[UI_MSG_MAX];
	bool msg_error;
	int64_t data_version;
};

/* stack.c: opens screen id with args on top: allocates its state, enters
 * it and pushes it. On failure nothing is pushed, the reason is said on
 * the message line (and left in ui->err), and its status returned. */
enum al_status ui_open(struct ui *ui, int id, const void *args);
/* For a key handler that closes its screen with a result:
 * return ui_back(ui, &r); */
enum ui_action ui_back(struct ui *ui, const struct ui_result *r);
/* Carries out what a key did: UI_BACK closes the top screen and resumes
 * the one below, UI_QUIT closes them all. */
void ui_act(struct ui *ui, enum ui_action a);
/* Closes the top screen (no resume below) and opens id in its place; if
 * that fails, the screen below resumes and the reason is said. */
enum al_status ui_replace(struct ui *ui, int id, const void *args);
/* Closes every screen (each leaves). */
void ui_close_all(struct ui *ui);
/* The screen on top and its state (depth > 0). */
const struct ui_screen *ui_top(const struct ui *ui);
void *ui_top_state(const struct ui *ui);
/* Whether the screen right under the top one is id. */
bool ui_below_is(const struct ui *ui, int id);
/* The title of s for this user. */
const char *ui_title(const struct ui *ui, const struct ui_screen *s);

/* Shows a one-line message above the status line until the next key. */
void ui_say(struct ui *ui, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* ui_say of the last database error. */
void ui_say_err(struct ui *ui);
/* AL_OK, or AL_EINPUT with the reason in ui->err when the database is
 * open read-only (what: "new session"). */
enum al_status ui_writable(struct ui *ui, const char *what);
/* Who is asking, for the access checks (alliance/db/access.h). */
struct access_who ui_who(const struct ui *ui, const char *what);

/* keys.c: the global keys, dispatch, the status line and the help. */
/* What key does on the top screen: the global keys (help, curtain, quit,
 * suspend), the screen's input, then its key table. */
enum ui_action ui_dispatch(struct ui *ui, int key);
/* Whether row k works for this user (its role). */
bool ui_key_works(const struct ui *ui, const struct ui_key *k);
void ui_draw_status(const struct ui *ui, const struct ui_screen *s, bool typing);
/* The status line while the help is open: its own keys alone. */
void ui_draw_help_status(const struct ui *ui);
/* Draws the help from its row ui->help_top on; returns its rows. */
int ui_draw_help(const struct ui *ui, const struct ui_screen *s, const void *st);
/* j k arrows PgUp PgDn Space g G Home End scroll the help; false for
 * other keys. */
bool ui_help_scroll(struct ui *ui, int key);

/* term.c: the terminal. Starting it needs a terminal on stdin and
 * stdout of a known type; it catches SIGTERM, SIGHUP, SIGINT and SIGQUIT
 * into ui_signal (checked after every wait for a key) and starts the theme. */
extern volatile sig_atomic_t ui_signal;
enum al_status ui_term_start(struct ui *ui);
void ui_term_stop(void);
/* Hands the terminal back to the shell and stops (Ctrl-Z); on return the
 * curtain is down, so that whoever resumes it sees no client. */
void ui_suspend(struct ui *ui);

/* curtain.c: the privacy curtain's keys and face. */
void ui_curtain_key(struct ui *ui, int key);
void ui_curtain_draw(const struct ui *ui);

/* run.c: the loop that waits for keys (with a timeout, never busy) and
 * hands them to the screen on top, until no screen is left or a signal
 * comes; then the top screen's tick keeps its draft and all are closed. */
void ui_run(struct ui *ui);
/* The dimensions and settings every screen reads. */
enum al_status ui_load_meta(struct ui *ui);

#endif
