/* The terminal UI's shared parts: the ui state, screens and their key
 * tables, the theme and the widgets. Only src/ui/ files include it. */
#ifndef ALLIANCE_UI_H
#define ALLIANCE_UI_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <wchar.h>

#include "alliance/access.h"
#include "alliance/course.h"
#include "alliance/db.h"
#include "alliance/db_meta.h"

#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24
#define UI_TICK_MS 1000    /* wake-up when idle: idle lock, other writers */
#define UI_DEBOUNCE_MS 300 /* a typing pause this long saves the draft */
#define UI_DEPTH_MAX 4     /* caseload, client, entry, ... */
#define UI_MSG_MAX 320

/* Keys are ints: a character is its code point; curses function keys are
 * moved above Unicode so that the two never collide. */
#define UI_FN(k) ((k) + 0x110000)
#define UI_CTRL(c) ((c)&0x1f)
#define UI_ESC 27
#define UI_TAB '\t'
bool ui_key_enter(int key);
bool ui_key_printable(int key);

/* What a key did. UI_PASS: not this handler's key (try the next one). */
enum ui_action { UI_PASS, UI_DONE, UI_BACK, UI_QUIT };

struct ui;
typedef enum ui_action (*ui_key_fn)(struct ui *ui, void *st);

/* One row of a screen's key table: it dispatches the key, writes the
 * status line (when status is set) and the ? help. */
struct ui_key {
	int code[2];
	const char *label, *ascii_label; /* "↑/k", "Up/k" */
	const char *status;              /* status-line word, NULL: help only */
	const char *help;
	ui_key_fn fn;
};
/* Key tables are X-macros of X(fn, key1, key2, label, ascii_label, status, help). */
#define UI_KEY_ROW(fn, k1, k2, label, ascii, status, help)                                         \
	{{k1, k2}, label, ascii, status, help, fn},
#define UI_KEY_DECL(fn, k1, k2, label, ascii, status, help)                                        \
	static enum ui_action fn(struct ui *ui, void *st);

/* Where draw() may leave the cursor: draw gets the frame to say so. */
struct ui_frame {
	int rows, cols; /* the screen's area: status and message rows excluded */
	bool cursor;
	int cur_y, cur_x;
};

/* A screen is data plus a few functions (ncdu-style): the opening
 * function of each screen allocates its state, loads it and pushes it. */
struct ui_screen {
	const char *title;
	const struct ui_key *keys;
	size_t nkeys;
	/* Reads the database again: after a child screen closed, and when
	 * another program wrote (forms have none: they keep what was typed). */
	enum al_status (*reload)(struct ui *ui, void *st);
	/* Keys before the table: text fields take printable keys here. */
	enum ui_action (*input)(struct ui *ui, void *st, int key);
	/* About once a second and after a typing pause (drafts). */
	void (*tick)(struct ui *ui, void *st);
	/* Paints the state; never touches the database. */
	void (*draw)(const struct ui *ui, const void *st, struct ui_frame *f);
	/* Focus is in a text field: printable keys are text. */
	bool (*typing)(const void *st);
	/* Extra lines for the ? help (the entry form's item wordings). */
	int (*help_extra)(const struct ui *ui, const void *st, int row, int col, int width,
	                  int max_rows);
	void (*leave)(struct ui *ui, void *st);
};

/* Every screen, in one place. */
#define UI_SCREENS(X) \
	X(caseload) X(client) X(client_review) X(entry) X(client_form) X(board) X(ack_form)
#define UI_SCREEN_DECL(name) extern const struct ui_screen name##_screen;
UI_SCREENS(UI_SCREEN_DECL)

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

	struct {
		const struct ui_screen *screen;
		void *st;
	} stack[UI_DEPTH_MAX];
	int depth;

	bool curtain;
	bool help;
	bool dirty; /* something to draw */
	char msg[UI_MSG_MAX];
	bool msg_error;
	int64_t data_version;
	/* After a save: the caseload selects hint_client, and with hint_session
	 * set it opens that client's trend, which selects hint_session. */
	int64_t hint_client;
	int64_t hint_session;
};

/* ui.c: the screen stack. ui_push takes st (heap) and frees it on pop. */
enum ui_action ui_push(struct ui *ui, const struct ui_screen *s, void *st);
/* Shows a one-line message above the status line until the next key. */
void ui_say(struct ui *ui, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* ui_say of the last database error. */
void ui_say_err(struct ui *ui);

/* Opening the screens (each in its own file). */
enum ui_action caseload_open(struct ui *ui);
/* Opens the client's trend with session_id selected (0: the last one);
 * for a supervisor, to read and acknowledge (no n, no e). */
enum ui_action client_open(struct ui *ui, const char *code, int64_t session_id);
/* The supervisor board (a supervisor's home; for a clinician, their own). */
enum ui_action board_open(struct ui *ui);
/* Acknowledging a flag of the client: one of session_id's, or (0) one of
 * the current flags, the weightiest first. */
enum ui_action ack_open(struct ui *ui, const char *code, int64_t session_id);
/* The session entry form: session_id 0 for a new session, else the one to
 * edit. After saving, the client's trend shows the session. */
enum ui_action entry_open(struct ui *ui, const char *code, int64_t session_id);
enum ui_action client_form_open(struct ui *ui);
/* Refuses writes to a read-only database (with the reason). */
bool ui_may_write(struct ui *ui, const char *what);
/* Who is asking, for the access checks (alliance/access.h). */
struct access_who ui_who(const struct ui *ui, const char *what);

/* keys.c: dispatch, status line and help from the key tables. */
const struct ui_key *ui_key_find(const struct ui_key *keys, size_t n, int key);
/* The global keys (help, curtain): the first code works everywhere, the
 * second (printable) only outside text fields. */
const struct ui_key *ui_global_key(int key, bool typing);
void ui_draw_status(const struct ui *ui, const struct ui_screen *s, bool typing);
void ui_draw_help(const struct ui *ui, const struct ui_screen *s, const void *st);
extern const struct ui_key ui_global_keys[];
extern const size_t ui_global_nkeys;

/* theme.c: Okabe–Ito colours and attributes, never the only signal. */
#define UI_ROLES(X)                                                                                \
	X(PLAIN, DEFAULT, A_NORMAL, A_NORMAL)                                                      \
	X(TITLE, DEFAULT, A_BOLD, A_BOLD)                                                          \
	X(FAINT, DEFAULT, A_DIM, A_DIM)                                                            \
	X(BAR, DEFAULT, A_REVERSE, A_REVERSE)                                                      \
	X(KEY, DEFAULT, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD)                                    \
	X(SELECT, DEFAULT, A_REVERSE, A_REVERSE)                                                   \
	X(FIELD, DEFAULT, A_UNDERLINE, A_UNDERLINE)                                                \
	X(FOCUS, SKY, A_REVERSE, A_REVERSE)                                                        \
	X(ERROR, VERMILLION, A_BOLD, A_BOLD)                                                       \
	X(NOTICE, BLUE, A_NORMAL, A_NORMAL)                                                        \
	X(RUPTURE, VERMILLION, A_BOLD, A_BOLD)                                                     \
	X(WATCH, ORANGE, A_BOLD, A_NORMAL)                                                         \
	X(REPAIRED, GREEN, A_NORMAL, A_NORMAL)                                                     \
	X(OK, SKY, A_NORMAL, A_NORMAL)                                                             \
	X(INFO, SKY, A_NORMAL, A_NORMAL)                                                           \
	X(CUTOFF, YELLOW, A_DIM, A_NORMAL)
#define UI_ROLE_ENUM(name, color, mono, extra) UI_R_##name,
enum ui_role { UI_ROLES(UI_ROLE_ENUM) UI_R_COUNT };

enum ui_color {
	UI_C_DEFAULT,
	UI_C_ORANGE,
	UI_C_SKY,
	UI_C_GREEN,
	UI_C_YELLOW,
	UI_C_BLUE,
	UI_C_VERMILLION,
	UI_C_PURPLE,
	UI_C_COUNT
};

void theme_init(struct ui *ui);
attr_t ui_attr(const struct ui *ui, enum ui_role r);
/* The colour of dimension i (trust blue, collaboration orange, ...). */
attr_t ui_dim_attr(const struct ui *ui, int dim);
/* Glyph and role of a client status (RUPTURE, WATCH, repaired, ok). */
const char *ui_state_glyph(const struct ui *ui, int state);
enum ui_role ui_state_role(int state);

/* draw.c: UTF-8 text on the screen, clipped to display cells. */
int ui_text_cells(const char *s);
/* Writes s at (y, x) within w cells; returns the cells used. */
int ui_put(int y, int x, int w, attr_t a, const char *s);
/* The same, ending in "…" ("~" in ASCII) when s does not fit. */
int ui_put_cut(const struct ui *ui, int y, int x, int w, attr_t a, const char *s);
int ui_putf(int y, int x, int w, attr_t a, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Word-wraps s into at most max_rows rows of w cells at (y, x); returns rows used. */
int ui_put_wrapped(int y, int x, int w, int max_rows, attr_t a, const char *s);
/* The same, the first row from x0 (after a heading), the others from x,
 * every row ending before column right. */
int ui_put_flow(int y, int x0, int x, int right, int max_rows, attr_t a, const char *s);
void ui_fill(int y, int x, int w, attr_t a);
/* Display cells of one character (1 for the unprintable). */
int ui_wcell(wchar_t c);
/* Writes w[0..n) clipped to width cells; returns the cells used. */
int ui_put_wide(int y, int x, int width, attr_t a, const wchar_t *w, size_t n);
/* One displayed row of s[0..n) from start, at most width cells, broken at
 * '\n' or after the last space that fits: returns where the row's text
 * ends and sets *next to where the next row starts. */
size_t ui_wrap_row(const wchar_t *s, size_t n, size_t start, int width, size_t *next);

/* text.c: an editable text, one line or many (the note). */
struct ui_text {
	wchar_t *buf;
	size_t len, cap, cur;
	bool multiline;
};
bool ui_text_init(struct ui_text *t, size_t cap, bool multiline);
void ui_text_free(struct ui_text *t);
/* Edits by key; UI_DONE when it took the key (*changed when the text
 * changed), UI_PASS for keys that are not editing keys. width is the box
 * width (multi-line ↑↓ move by displayed rows). */
enum ui_action ui_text_key(struct ui_text *t, int key, int width, bool *changed);
void ui_text_set(struct ui_text *t, const char *utf8);
/* UTF-8 into buf (at most cap bytes, NUL-terminated); false if cut. */
bool ui_text_get(const struct ui_text *t, char *buf, size_t cap);
/* Paints the text in a box of w×h cells; with focus, puts the cursor. */
void ui_text_draw(const struct ui_text *t, int y, int x, int w, int h, attr_t a, bool focus,
                  struct ui_frame *f);

/* form.c: labelled fields with Tab/Shift-Tab focus, shared by the session
 * entry and the new-client form. */
enum ui_field_kind { UI_FIELD_TEXT, UI_FIELD_CHOICE, UI_FIELD_NOTE };
#define UI_FORM_MAX (AL_DIM_MAX + 8)
struct ui_field {
	enum ui_field_kind kind;
	const char *label;
	const char *hint;           /* shown beside the field */
	struct ui_text *text;       /* TEXT and NOTE */
	int box;                    /* TEXT: box width in cells */
	const char *const *choices; /* CHOICE */
	int nchoices;
	int *choice;
};
struct ui_form {
	struct ui_field field[UI_FORM_MAX];
	int n, focus;
	/* The reason the field's value is refused, or NULL when it is fine. */
	const char *(*check)(const void *ctx, int field);
	const void *ctx;
	bool edited;  /* typed since the form opened: Esc asks */
	bool changed; /* since the last draft save */
};
enum ui_action form_key(struct ui *ui, struct ui_form *f, int key);
bool form_typing(const struct ui_form *f);
/* The first refused field (focus goes there, the reason is said). */
bool form_valid(struct ui *ui, struct ui_form *f);
void form_draw(const struct ui *ui, const struct ui_form *f, int top, int rows,
               struct ui_frame *fr);

/* why.c: under a list of clients, the selected client's status and the
 * plain words of its weightiest current flag, from its stored summary. */
#define UI_WHY_ROWS 3
/* The rows a panel gets under a list that needs list_min rows of the
 * frame's rows: UI_WHY_ROWS and a gap, or 0 when that would not fit. */
int ui_why_rows(int rows, int list_min);
/* state is an al_state; flag is "" when the client has no current flag. */
void ui_draw_why(const struct ui *ui, int y, int rows, const char *code, int state,
                 const char *flag);

/* editor.c: the note in $EDITOR, in a private 0600 file removed after.
 * The editor gets *pending when set (a text refused before), else t. What
 * comes back goes into t when it fits; a longer text is never cut: it is
 * refused (AL_EINPUT, saying why) and kept whole in *pending (malloc'd),
 * t unchanged, until a later call brings it back short enough. */
enum al_status ui_edit_external(struct ui_text *t, char **pending, struct al_error *err);
/* Removes the editor directories a killed alliance left behind: this
 * user's, named after a process that no longer exists. */
void ui_editor_cleanup(void);

/* chart.c: paints a core chart layout with the theme's colours. */
struct chart;
void ui_chart_paint(const struct ui *ui, const struct chart *c, int y, int x);

/* ui.c: set by SIGTERM/SIGHUP, checked after every wait for a key. */
extern volatile sig_atomic_t ui_signal;

#endif
