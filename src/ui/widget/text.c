/* An editable text: one line (a rating, the context, the filter) or many
 * (the note, word-wrapped; ↑↓ move between displayed rows). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "alliance/core/text.h"
#include "text.h"

bool ui_text_init(struct ui_text *t, size_t cap, bool multiline)
{
	*t = (struct ui_text){.cap = cap, .multiline = multiline};
	t->buf = calloc(cap + 1, sizeof *t->buf);
	return t->buf != NULL;
}

void ui_text_free(struct ui_text *t)
{
	free(t->buf);
	t->buf = NULL;
}

static bool insert(struct ui_text *t, wchar_t c)
{
	if (t->len >= t->cap)
		return false;
	memmove(t->buf + t->cur + 1, t->buf + t->cur, (t->len - t->cur) * sizeof *t->buf);
	t->buf[t->cur++] = c;
	t->buf[++t->len] = 0;
	return true;
}

static void cut(struct ui_text *t, size_t from, size_t to)
{
	memmove(t->buf + from, t->buf + to, (t->len - to) * sizeof *t->buf);
	t->len -= to - from;
	t->buf[t->len] = 0;
	t->cur = from;
}

/* The displayed rows of a multi-line text: rows[i] starts at start and its
 * text ends at end; a text ending in a newline has an empty last row. */
struct row {
	size_t start, end;
};

static size_t layout(const struct ui_text *t, int width, struct row **out)
{
	struct row *rows = malloc((t->len + 2) * sizeof *rows);
	size_t n = 0, at = 0;
	if (!rows) {
		*out = NULL;
		return 0;
	}
	for (;;) {
		size_t next;
		rows[n].start = at;
		rows[n].end = ui_wrap_row(t->buf, t->len, at, width, &next);
		n++;
		if (next >= t->len) {
			if (rows[n - 1].end < next) /* ended by a newline */
				rows[n++] = (struct row){t->len, t->len};
			break;
		}
		at = next;
	}
	*out = rows;
	return n;
}

static size_t row_of(const struct row *rows, size_t n, size_t pos)
{
	size_t r = 0;
	while (r + 1 < n && rows[r + 1].start <= pos)
		r++;
	return r;
}

static int cells(const wchar_t *s, size_t from, size_t to)
{
	int c = 0;
	for (size_t i = from; i < to; i++)
		c += ui_wcell(s[i]);
	return c;
}

/* Moves the cursor one displayed row up (-1) or down (+1), keeping its column. */
static void move_row(struct ui_text *t, int width, int dir)
{
	struct row *rows;
	size_t n = layout(t, width, &rows);
	if (!rows)
		return;
	size_t r = row_of(rows, n, t->cur);
	if ((dir < 0 && r > 0) || (dir > 0 && r + 1 < n)) {
		int col = cells(t->buf, rows[r].start, t->cur);
		size_t to = dir < 0 ? r - 1 : r + 1, p = rows[to].start;
		int c = 0;
		while (p < rows[to].end && c + ui_wcell(t->buf[p]) <= col)
			c += ui_wcell(t->buf[p++]);
		t->cur = p;
	}
	free(rows);
}

static size_t line_start(const struct ui_text *t)
{
	size_t p = t->cur;
	while (p > 0 && t->buf[p - 1] != L'\n')
		p--;
	return p;
}

static size_t line_end(const struct ui_text *t)
{
	size_t p = t->cur;
	while (p < t->len && t->buf[p] != L'\n')
		p++;
	return p;
}

/* Keys that move the cursor; false when key is none of them. */
static bool move_key(struct ui_text *t, int key, int width)
{
	if (key == UI_FN(KEY_LEFT))
		t->cur -= t->cur > 0;
	else if (key == UI_FN(KEY_RIGHT))
		t->cur += t->cur < t->len;
	else if (key == UI_FN(KEY_HOME) || key == UI_CTRL('A'))
		t->cur = line_start(t);
	else if (key == UI_FN(KEY_END))
		t->cur = line_end(t);
	else if (t->multiline && (key == UI_FN(KEY_UP) || key == UI_FN(KEY_DOWN)))
		move_row(t, width, key == UI_FN(KEY_UP) ? -1 : 1);
	else
		return false;
	return true;
}

enum ui_action ui_text_key(struct ui_text *t, int key, int width, bool *changed)
{
	size_t before = t->len;
	*changed = false;
	if (move_key(t, key, width))
		return UI_DONE;
	if (ui_key_printable(key))
		insert(t, (wchar_t)key);
	else if (t->multiline && ui_key_enter(key))
		insert(t, L'\n');
	else if (key == UI_FN(KEY_BACKSPACE) || key == 127 || key == UI_CTRL('H')) {
		if (t->cur > 0)
			cut(t, t->cur - 1, t->cur);
	} else if (key == UI_FN(KEY_DC) || key == UI_CTRL('D')) {
		if (t->cur < t->len)
			cut(t, t->cur, t->cur + 1);
	} else if (key == UI_CTRL('U'))
		cut(t, line_start(t), t->cur);
	else if (key == UI_CTRL('K'))
		cut(t, t->cur, line_end(t));
	else
		return UI_PASS;
	*changed = t->len != before;
	return UI_DONE;
}

void ui_text_set(struct ui_text *t, const char *s)
{
	size_t cap = strlen(s) + 1, n;
	wchar_t *w = malloc(cap * sizeof *w);
	n = w ? ui_widen(s, w, cap) : 0;
	t->len = 0;
	for (size_t i = 0; i < n && t->len < t->cap; i++) {
		wchar_t wc = w[i] == L'\t' ? L' ' : w[i];
		if (iswcntrl((wint_t)wc) && !(t->multiline && wc == L'\n'))
			continue;
		t->buf[t->len++] = wc;
	}
	free(w);
	t->buf[t->len] = 0;
	t->cur = t->len;
}

bool ui_text_get(const struct ui_text *t, char *buf, size_t cap)
{
	mbstate_t ps = {0};
	size_t at = 0;
	char mb[MB_LEN_MAX];
	for (size_t i = 0; i < t->len; i++) {
		size_t k = wcrtomb(mb, t->buf[i], &ps);
		if (k == (size_t)-1) {
			mb[0] = '?';
			k = 1;
		}
		if (at + k >= cap) {
			buf[at] = '\0';
			return false;
		}
		memcpy(buf + at, mb, k);
		at += k;
	}
	buf[at] = '\0';
	return true;
}

const char *ui_text_refused(const struct ui_text *t, bool note)
{
	static char why[96];         /* the form shows it at once */
	size_t cap = t->len * 4 + 1; /* UTF-8: at most 4 bytes a character */
	char *s = malloc(cap);
	bool ok = !s || (ui_text_get(t, s, cap) && text_valid(s, strlen(s), note, why, sizeof why));
	free(s);
	return ok ? NULL : why;
}

static void draw_line(const struct ui_text *t, int y, int x, int w, attr_t a, bool focus,
                      struct ui_frame *f)
{
	size_t from = 0;
	while (cells(t->buf, from, t->cur) > w - 1) /* keep the cursor in the box */
		from++;
	ui_put_wide(y, x, w, a, t->buf + from, t->len - from);
	if (focus) {
		f->cursor = true;
		f->cur_y = y;
		f->cur_x = x + cells(t->buf, from, t->cur);
	}
}

static void draw_rows(const struct ui_text *t, int y, int x, int w, int h, attr_t a, bool focus,
                      struct ui_frame *f)
{
	struct row *rows;
	size_t n = layout(t, w, &rows);
	if (!rows)
		return;
	size_t cr = row_of(rows, n, t->cur);
	size_t first = cr >= (size_t)h ? cr - (size_t)h + 1 : 0;
	for (size_t r = first; r < n && r < first + (size_t)h; r++)
		ui_put_wide(y + (int)(r - first), x, w, a, t->buf + rows[r].start,
		            rows[r].end - rows[r].start);
	if (focus) {
		int col = cells(t->buf, rows[cr].start, t->cur);
		f->cursor = true;
		f->cur_y = y + (int)(cr - first);
		f->cur_x = x + (col < w ? col : w - 1);
	}
	free(rows);
}

void ui_text_draw(const struct ui_text *t, int y, int x, int w, int h, attr_t a, bool focus,
                  struct ui_frame *f)
{
	for (int r = 0; r < h; r++)
		ui_fill(y + r, x, w, a);
	if (t->multiline)
		draw_rows(t, y, x, w, h, a, focus, f);
	else
		draw_line(t, y, x, w, a, focus, f);
}
