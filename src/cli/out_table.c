/* The table format of every listing, fitted to a width: long text wraps at
 * word boundaries in its column, or under its row when the row leaves it
 * too little room; the other columns keep their width. */
#include <stdlib.h>
#include <string.h>

#include "alliance/cli/cli.h"

#define TABLE_COLS_MAX 64
#define TABLE_GAP 2            /* blanks between two columns, 1 when short */
#define TABLE_WRAP_MIN 32      /* text given less room than this goes under the row */
#define TABLE_HEAD_MIN 5       /* a header without abbreviation is cut to no fewer */
#define TABLE_INDENT_MAX_DIV 4 /* text under a row is indented at most width/4 */

struct col_fit {
	int natural;  /* the widest cell or the header */
	int content;  /* the widest cell */
	int shortest; /* the narrowest the header allows (at least content) */
	bool text;    /* some cell holds a blank: it may wrap at words */
	bool numeric;
	bool abbr;   /* the header has an abbreviation: it is shortened first */
	bool below;  /* printed under its row instead of in it */
	bool hidden; /* empty, in a table too wide: left out */
	int width;   /* the width chosen */
};

struct layout {
	struct col_fit *f;
	int n;
	int width; /* of the whole line */
	int gap;
};

/* Display width of UTF-8 text, counting code points (our cells hold no
 * double-width characters). */
static int text_width_n(const char *s, size_t len)
{
	int w = 0;
	for (size_t i = 0; i < len; i++)
		w += ((unsigned char)s[i] & 0xC0) != 0x80;
	return w;
}

static int text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static int min_int(int a, int b)
{
	return a < b ? a : b;
}

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static const char *skip_blanks(const char *s)
{
	while (*s && is_blank(*s))
		s++;
	return s;
}

/* The next line of s at most width code points wide, broken after a word
 * when one fits, else cut: *len gets its length in bytes; returns where
 * the following line starts (past the blanks between). */
static const char *wrap_next(const char *s, int width, size_t *len)
{
	size_t i = 0, brk = 0;
	for (int w = 0; s[i] && s[i] != '\n' && w < max_int(width, 1); w++) {
		if (is_blank(s[i]) && i > 0 && !is_blank(s[i - 1]))
			brk = i; /* a word ends here */
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80) /* the rest of a code point */
			i++;
	}
	if (!s[i] || is_blank(s[i]) || !brk)
		brk = i; /* all of it fits, or one word wider than the column: cut it */
	while (brk > 0 && is_blank(s[brk - 1]))
		brk--;
	*len = brk;
	return skip_blanks(s + brk);
}

/* How many lines s takes at width. */
static int wrap_count(const char *s, int width)
{
	int lines = 0;
	size_t len;
	for (s = skip_blanks(s); *s; lines++)
		s = wrap_next(s, width, &len);
	return lines;
}

static void measure(struct col_fit *f, const struct out_col *col, char *const *cells, int ncols,
                    long rows, int i)
{
	int head = text_width(col->name);
	*f = (struct col_fit){.numeric = col->numeric, .abbr = col->abbr != NULL};
	for (long r = 0; r < rows; r++) {
		const char *s = cells[r * ncols + i];
		f->content = max_int(f->content, text_width(s));
		f->text = f->text || strpbrk(s, " \t\n") != NULL;
	}
	f->natural = max_int(head, f->content);
	int least = col->abbr ? text_width(col->abbr) : TABLE_HEAD_MIN;
	f->shortest = max_int(f->content, min_int(head, least));
	f->width = f->natural;
}

/* The width the row takes: text at its width or, when at_least, at
 * TABLE_WRAP_MIN (less when it is shorter); with shortest, the other
 * columns at their shortest header. */
static int row_width(const struct layout *l, bool at_least, bool shortest)
{
	int w = 0, shown = 0;
	for (int i = 0; i < l->n; i++) {
		const struct col_fit *f = &l->f[i];
		if (f->below)
			continue;
		if (f->text && at_least)
			w += min_int(f->natural, TABLE_WRAP_MIN);
		else
			w += shortest && !f->text ? f->shortest : f->width;
		shown++;
	}
	return w + l->gap * (shown > 0 ? shown - 1 : 0);
}

/* Moves the last text column left in the row under it (the row keeps its
 * left part, where the main text is); false when none. */
static bool move_below(struct layout *l)
{
	for (int i = l->n - 1; i >= 0; i--)
		if (l->f[i].text && !l->f[i].below) {
			l->f[i].below = true;
			return true;
		}
	return false;
}

/* Orders the columns a header is shortened in: abbreviations before cuts,
 * then the most to spare first. */
static bool shortens_before(const struct col_fit *a, const struct col_fit *b)
{
	if (a->abbr != b->abbr)
		return a->abbr;
	return a->width - a->shortest > b->width - b->shortest;
}

/* Narrows one column to its shortest header; false when none can be. */
static bool shorten_header(struct layout *l)
{
	struct col_fit *best = NULL;
	for (int i = 0; i < l->n; i++) {
		struct col_fit *f = &l->f[i];
		if (!f->below && !f->text && f->width > f->shortest &&
		    (!best || shortens_before(f, best)))
			best = f;
	}
	if (!best)
		return false;
	best->width = best->shortest;
	return true;
}

static bool levelled(const struct col_fit *f, bool text_only)
{
	return !f->below && (!text_only || f->text);
}

/* Narrows the text columns (or all) to the widest level at which the row
 * fits: each takes the smaller of its width and the level. */
static void level_columns(struct layout *l, bool text_only)
{
	int room = l->width - row_width(l, false, false);
	for (int i = 0; i < l->n; i++)
		if (levelled(&l->f[i], text_only))
			room += l->f[i].width;
	int level = 0;
	for (;; level++) {
		int next = 0, wider = 0;
		for (int i = 0; i < l->n; i++)
			if (levelled(&l->f[i], text_only)) {
				next += min_int(l->f[i].width, level + 1);
				wider += l->f[i].width > level;
			}
		if (!wider || next > room)
			break;
	}
	for (int i = 0; i < l->n; i++)
		if (levelled(&l->f[i], text_only))
			l->f[i].width = min_int(l->f[i].width, max_int(level, 1));
}

/* Chooses each column's width and which text goes under the row, in this
 * order of preference: text under the row (the last first) rather than
 * squeezed into it, shorter headers, one blank between columns, text
 * wrapped in its column, and last every column cut to fit. */
static void table_fit(struct layout *l)
{
	if (row_width(l, false, false) <= l->width)
		return;
	for (int i = 0; i < l->n; i++)
		l->f[i].below = l->f[i].hidden = l->f[i].content == 0 && !l->f[i].numeric;
	while (row_width(l, true, true) > l->width && move_below(l))
		;
	while (row_width(l, true, false) > l->width && shorten_header(l))
		;
	if (row_width(l, true, false) > l->width) { /* one blank, and only the headers that must */
		l->gap = 1;
		for (int i = 0; i < l->n; i++)
			l->f[i].width = l->f[i].natural;
		while (row_width(l, true, false) > l->width && shorten_header(l))
			;
	}
	if (row_width(l, false, false) > l->width)
		level_columns(l, true);
	if (row_width(l, false, false) > l->width)
		level_columns(l, false);
}

/* The header of a column width wide: whole, its abbreviation, or cut with
 * a final '.'. */
static void header_text(const struct out_col *col, int width, char *buf, size_t cap)
{
	size_t len;
	if (text_width(col->name) <= width)
		snprintf(buf, cap, "%s", col->name);
	else if (col->abbr && text_width(col->abbr) <= width)
		snprintf(buf, cap, "%s", col->abbr);
	else if (width > 1)
		snprintf(buf, cap, "%.*s.", (int)(wrap_next(col->name, width - 1, &len), len),
		         col->name);
	else
		snprintf(buf, cap, "%s", "");
}

struct table {
	FILE *fp;
	const struct layout *l;
	int indent; /* of the text under a row */
	const struct out_col *cols;
};

static void put_blanks(FILE *fp, int n)
{
	fprintf(fp, "%*s", n, "");
}

static void print_header(const struct table *t)
{
	const struct col_fit *f = t->l->f;
	char buf[256];
	int last = -1, first_below = -1;
	for (int i = 0; i < t->l->n; i++)
		if (!f[i].below)
			last = i;
		else if (first_below < 0 && !f[i].hidden)
			first_below = i;
	for (int i = 0; i <= last; i++) {
		if (f[i].below)
			continue;
		header_text(&t->cols[i], f[i].width, buf, sizeof buf);
		fputs(buf, t->fp);
		if (i < last)
			put_blanks(t->fp, f[i].width - text_width(buf) + t->l->gap);
	}
	fputc('\n', t->fp);
	if (first_below < 0)
		return;
	header_text(&t->cols[first_below], t->l->width - t->indent, buf, sizeof buf);
	put_blanks(t->fp, t->indent);
	fprintf(t->fp, "%s\n", buf);
}

/* Prints label and s wrapped at the width, each line indented. */
static void print_below(const struct table *t, const char *label, const char *s)
{
	size_t cap = strlen(label) + strlen(s) + 3, len;
	char *text = malloc(cap);
	if (!text)
		return;
	snprintf(text, cap, "%s%s%s", label, *label ? ": " : "", s);
	for (const char *p = skip_blanks(text); *p;) {
		const char *line = p;
		p = wrap_next(p, t->l->width - t->indent, &len);
		put_blanks(t->fp, t->indent);
		fprintf(t->fp, "%.*s\n", (int)len, line);
	}
	free(text);
}

/* The k-th line of a row: each column's next piece, aligned. */
static void print_line(const struct table *t, const char **at)
{
	const struct col_fit *f = t->l->f;
	const char *piece[TABLE_COLS_MAX];
	size_t len[TABLE_COLS_MAX];
	int last = -1;
	for (int i = 0; i < t->l->n; i++) {
		piece[i] = at[i], len[i] = 0;
		if (f[i].below || !*at[i])
			continue;
		at[i] = wrap_next(at[i], f[i].width, &len[i]);
		last = i;
	}
	for (int i = 0; i <= last; i++) {
		if (f[i].below)
			continue;
		int pad = f[i].width - text_width_n(piece[i], len[i]);
		put_blanks(t->fp, f[i].numeric ? pad : 0);
		fwrite(piece[i], 1, len[i], t->fp);
		if (i < last)
			put_blanks(t->fp, (f[i].numeric ? 0 : pad) + t->l->gap);
	}
	fputc('\n', t->fp);
}

/* One row: as many lines as its tallest cell, then the text under it (the
 * second and later texts say what they are). */
static void print_row(const struct table *t, const char *const *row)
{
	const struct col_fit *f = t->l->f;
	const char *at[TABLE_COLS_MAX];
	int lines = 1;
	for (int i = 0; i < t->l->n; i++) {
		at[i] = skip_blanks(row[i]);
		if (!f[i].below)
			lines = max_int(lines, wrap_count(at[i], f[i].width));
	}
	for (int k = 0; k < lines; k++)
		print_line(t, at);
	bool first = true;
	for (int i = 0; i < t->l->n; i++) {
		if (!f[i].below || f[i].hidden)
			continue;
		if (*row[i])
			print_below(t, first ? "" : t->cols[i].name, row[i]);
		first = false;
	}
}

void table_print(FILE *fp, int width, const struct out_col *cols, int ncols, char *const *cells,
                 long rows)
{
	struct col_fit fit[TABLE_COLS_MAX];
	struct layout l = {
	    .f = fit, .n = min_int(ncols, TABLE_COLS_MAX), .width = width, .gap = TABLE_GAP};
	struct table t = {.fp = fp, .l = &l, .cols = cols};
	for (int i = 0; i < l.n; i++)
		measure(&fit[i], &cols[i], cells, ncols, rows, i);
	table_fit(&l);
	for (int i = 0; i < l.n; i++)
		if (!fit[i].below) { /* under the second column */
			t.indent = min_int(fit[i].width + l.gap, width / TABLE_INDENT_MAX_DIV);
			break;
		}
	print_header(&t);
	for (long r = 0; r < rows; r++)
		print_row(&t, (const char *const *)cells + r * ncols);
}
