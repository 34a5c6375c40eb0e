/* Keys: the codes a screen sees, what a key did, and the one-row-per-key
 * tables from which come the dispatch, the status line and the ? help. */
#ifndef ALLIANCE_UI_KEYS_H
#define ALLIANCE_UI_KEYS_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wctype.h>

/* Keys are ints: a character is its code point; curses function keys are
 * moved above Unicode so that the two never collide. */
#define UI_FN(k) ((k) + 0x110000)
#define UI_CTRL(c) ((c)&0x1f)
#define UI_ESC 27
#define UI_TAB '\t'

static inline bool ui_key_enter(int key)
{
	return key == '\r' || key == '\n' || key == UI_FN(KEY_ENTER);
}

static inline bool ui_key_printable(int key)
{
	return key >= ' ' && key < 0x110000 && key != 127 && iswprint((wint_t)key);
}

/* What a key did. UI_PASS: not this handler's key (try the next one). */
enum ui_action { UI_PASS, UI_DONE, UI_BACK, UI_QUIT };

struct ui;
/* A key's handler gets the screen's state, or the part of it the row
 * names (a widget inside the state: see ui_key.at). */
typedef enum ui_action (*ui_key_fn)(struct ui *ui, void *st);

/* Whom a key works for: rows for one role are left out of the other's
 * status line and help (the key still answers, saying why it is refused). */
enum ui_who { UI_ANYONE, UI_CLINICIAN, UI_SUPERVISOR };

/* One row of a key table: it dispatches the key, writes the status line
 * (when status is set) and the ? help. */
struct ui_key {
	int code[2];
	const char *label, *ascii_label; /* "↑/k", "Up/k" */
	const char *status;              /* status-line word, NULL: help only */
	const char *help;
	ui_key_fn fn;
	enum ui_who who;
	size_t at; /* fn gets the state + at bytes: a widget in it (0: the state) */
	bool keep; /* the way out: kept on the status line when others do not fit */
};

/* A row for anyone, on the state itself. */
#define UI_KEY(fn, k1, k2, label, ascii, status, help)                                             \
	{                                                                                          \
		{k1, k2}, label, ascii, status, help, fn, UI_ANYONE, 0, false                      \
	}
/* A row only for who (UI_CLINICIAN, UI_SUPERVISOR). */
#define UI_KEY_FOR(who, fn, k1, k2, label, ascii, status, help)                                    \
	{                                                                                          \
		{k1, k2}, label, ascii, status, help, fn, who, 0, false                            \
	}
/* The way back or out: the status line keeps it at any width. */
#define UI_KEY_OUT(fn, k1, k2, label, ascii, status, help)                                         \
	{                                                                                          \
		{k1, k2}, label, ascii, status, help, fn, UI_ANYONE, 0, true                       \
	}
#define UI_NKEYS(table) (sizeof(table) / sizeof((table)[0]))

#endif
