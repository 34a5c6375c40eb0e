/* Painting: the theme (Okabe–Ito colours and attributes, never the only
 * signal) and UTF-8 text put on the screen, measured and clipped in cells. */
#ifndef ALLIANCE_UI_PAINT_H
#define ALLIANCE_UI_PAINT_H

#include <stddef.h>
#include <wchar.h>

#include "keys.h"

struct ui;

/* theme.c */
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

/* Starts colour unless NO_COLOR or a monochrome terminal: sets ui->color. */
void theme_init(struct ui *ui);
attr_t ui_attr(const struct ui *ui, enum ui_role r);
/* The colour of dimension i (trust blue, collaboration orange, ...). */
attr_t ui_dim_attr(const struct ui *ui, int dim);
/* Glyph and role of a client status (RUPTURE, WATCH, repaired, ok). */
const char *ui_state_glyph(const struct ui *ui, int state);
enum ui_role ui_state_role(int state);

/* draw.c */
int ui_text_cells(const char *s);
/* Writes s at (y, x) within w cells; returns the cells used. */
int ui_put(int y, int x, int w, attr_t a, const char *s);
/* The same, ending in "…" ("~" in ASCII) when s does not fit. */
int ui_put_cut(const struct ui *ui, int y, int x, int w, attr_t a, const char *s);
int ui_putf(int y, int x, int w, attr_t a, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* The mark of text cut short: "~" when ascii, else "…". */
void ui_paint_ascii(bool ascii);
/* Word-wraps s into at most max_rows rows of w cells at (y, x); returns
 * rows used. Text that does not fit ends its last row with the cut mark. */
int ui_put_wrapped(int y, int x, int w, int max_rows, attr_t a, const char *s);
/* The same, the first row from x0 (after a heading), the others from x,
 * every row ending before column right. */
int ui_put_flow(int y, int x0, int x, int right, int max_rows, attr_t a, const char *s);
/* The rows ui_put_flow would use, without painting. */
int ui_flow_rows(int x0, int x, int right, const char *s);
void ui_fill(int y, int x, int w, attr_t a);
/* Display cells of one character (1 for the unprintable). */
int ui_wcell(wchar_t c);
/* Writes w[0..n) clipped to width cells; returns the cells used. */
int ui_put_wide(int y, int x, int width, attr_t a, const wchar_t *w, size_t n);
/* One displayed row of s[0..n) from start, at most width cells, broken at
 * '\n' or after the last space that fits: returns where the row's text
 * ends and sets *next to where the next row starts. */
size_t ui_wrap_row(const wchar_t *s, size_t n, size_t start, int width, size_t *next);
/* UTF-8 s as wide characters (the one decoder of the UI): at most cap of
 * them into out; what the locale cannot decode is '?'. */
size_t ui_widen(const char *s, wchar_t *out, size_t cap);

#endif
