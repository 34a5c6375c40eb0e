/* Text on the screen: UTF-8 strings measured and clipped in display cells,
 * and the word wrap shared by explanations and the note editor. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "alliance/core/text.h"
#include "ui.h"

size_t ui_widen(const char *s, wchar_t *out, size_t cap)
{
	mbstate_t ps = {0};
	size_t n = 0, left = strlen(s);
	while (left && n < cap) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s, left, &ps);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			wc = L'?';
			k = 1;
			memset(&ps, 0, sizeof ps);
		}
		out[n++] = wc;
		s += k;
		left -= k;
	}
	return n;
}

/* What the screen shows of s: control characters as spaces. */
static size_t widen(const char *s, wchar_t *out, size_t cap)
{
	size_t n = ui_widen(s, out, cap);
	for (size_t i = 0; i < n; i++)
		if (iswcntrl((wint_t)out[i]))
			out[i] = L' ';
	return n;
}

/* What is drawn for c: a bidirectional or zero-width character (stored in
 * a note, or typed) shows as '?', so that it can neither reorder nor hide
 * what is around it. */
static wchar_t drawn(wchar_t c)
{
	return text_kind_of((uint32_t)c) == TEXT_INVISIBLE ? L'?' : c;
}

int ui_wcell(wchar_t c)
{
	int w = wcwidth(drawn(c));
	return w < 0 ? 1 : w;
}

static wchar_t *widen_alloc(const char *s, size_t *n)
{
	size_t cap = strlen(s) + 1;
	wchar_t *w = malloc(cap * sizeof *w);
	*n = w ? widen(s, w, cap) : 0;
	return w;
}

int ui_text_cells(const char *s)
{
	size_t n;
	wchar_t *w = widen_alloc(s, &n);
	int cells = 0;
	for (size_t i = 0; i < n; i++)
		cells += ui_wcell(w[i]);
	free(w);
	return cells;
}

int ui_put_wide(int y, int x, int width, attr_t a, const wchar_t *w, size_t n)
{
	int cells = 0;
	size_t k = 0;
	bool plain = true;
	while (k < n && cells + ui_wcell(w[k]) <= width) {
		plain = plain && drawn(w[k]) == w[k];
		cells += ui_wcell(w[k++]);
	}
	wchar_t *copy = plain || !k ? NULL : malloc(k * sizeof *copy);
	for (size_t i = 0; copy && i < k; i++)
		copy[i] = drawn(w[i]);
	if (k && (plain || copy)) {
		attron(a);
		mvaddnwstr(y, x, copy ? copy : w, (int)k);
		attroff(a);
	}
	free(copy);
	return cells;
}

int ui_put(int y, int x, int w, attr_t a, const char *s)
{
	if (w <= 0)
		return 0;
	size_t n;
	wchar_t *ws = widen_alloc(s, &n);
	int used = ws ? ui_put_wide(y, x, w, a, ws, n) : 0;
	free(ws);
	return used;
}

int ui_put_cut(const struct ui *ui, int y, int x, int w, attr_t a, const char *s)
{
	if (w <= 0)
		return 0;
	if (ui_text_cells(s) <= w)
		return ui_put(y, x, w, a, s);
	int used = ui_put(y, x, w - 1, a, s);
	return used + ui_put(y, x + used, 1, a, ui->ascii ? "~" : "\u2026");
}

int ui_putf(int y, int x, int w, attr_t a, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return ui_put(y, x, w, a, buf);
}

void ui_fill(int y, int x, int w, attr_t a)
{
	attron(a);
	mvhline(y, x, ' ', w);
	attroff(a);
}

size_t ui_wrap_row(const wchar_t *s, size_t n, size_t start, int width, size_t *next)
{
	int cells = 0;
	size_t i = start, space = SIZE_MAX;
	for (; i < n && s[i] != L'\n'; i++) {
		int cw = ui_wcell(s[i]);
		if (cells + cw > width && i > start) {
			if (space != SIZE_MAX) { /* break after the last space */
				*next = space + 1;
				return space + 1;
			}
			*next = i;
			return i;
		}
		if (s[i] == L' ')
			space = i;
		cells += cw;
	}
	*next = i < n ? i + 1 : n;
	return i;
}

/* What ends a row whose text goes on (ui_put_flow has no struct ui). */
static wchar_t cut_mark = L'\u2026';

void ui_paint_ascii(bool ascii)
{
	cut_mark = ascii ? L'~' : L'\u2026';
}

/* A row whose text goes on: as much as fits before the cut mark. */
static void cut_row(int y, int x, int width, attr_t a, const wchar_t *w, size_t n)
{
	int used = ui_put_wide(y, x, width - 1, a, w, n);
	ui_put_wide(y, x + used, 1, a, &cut_mark, 1);
}

int ui_put_flow(int y, int x0, int x, int right, int max_rows, attr_t a, const char *s)
{
	size_t n;
	wchar_t *ws = widen_alloc(s, &n);
	int rows = 0;
	size_t at = 0;
	while (ws && rows < max_rows && at < n) {
		int left = rows ? x : x0;
		size_t next, end = ui_wrap_row(ws, n, at, right - left, &next);
		if (rows == max_rows - 1 && next < n) /* the last row, text left: say so */
			cut_row(y + rows, left, right - left, a, ws + at, n - at);
		else
			ui_put_wide(y + rows, left, right - left, a, ws + at, end - at);
		rows++;
		at = next;
	}
	free(ws);
	return rows;
}

int ui_flow_rows(int x0, int x, int right, const char *s)
{
	size_t n;
	wchar_t *ws = widen_alloc(s, &n);
	int rows = 0;
	for (size_t at = 0; ws && at < n; rows++) {
		size_t next;
		ui_wrap_row(ws, n, at, right - (rows ? x : x0), &next);
		at = next;
	}
	free(ws);
	return rows;
}

int ui_put_wrapped(int y, int x, int w, int max_rows, attr_t a, const char *s)
{
	return ui_put_flow(y, x, x, x + w, max_rows, a, s);
}
