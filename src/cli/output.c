/* Listing output in the three stable formats: table, CSV and JSON. */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alliance/cli/cli.h"
#include "alliance/core/parse.h"
#include "alliance/core/text.h"

enum al_status out_format_parse(struct cli *c, const char *arg, enum out_format *fmt)
{
	static const char *const names[] = {"table", "csv", "json"};
	if (!arg) {
		*fmt = c->stdout_tty ? OUT_TABLE : OUT_CSV;
		return AL_OK;
	}
	for (int i = 0; i < 3; i++)
		if (strcmp(arg, names[i]) == 0) {
			*fmt = (enum out_format)i;
			return AL_OK;
		}
	return al_fail(c->err, AL_EINPUT, "%s: --format: '%s' is not table, csv or json", c->cmd,
	               arg);
}

/* A spreadsheet reads a cell that starts with = + - @ (or a tab or CR
 * before one) as a formula: with excel_safe such a cell gets a leading
 * apostrophe, which spreadsheets show as text. The file is then no longer
 * the exact data (import keeps the apostrophe), so it is only on request. */
static bool formula_like(const char *s)
{
	return *s && strchr("=+-@\t\r", *s);
}

static void csv_cell(FILE *fp, const char *s, bool excel_safe)
{
	const char *mark = excel_safe && formula_like(s) ? "'" : "";
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(mark, fp);
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	fputs(mark, fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

static void json_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			fprintf(fp, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", fp);
		else if (ch == '\t')
			fputs("\\t", fp);
		else if (ch < 0x20)
			fprintf(fp, "\\u%04x", ch);
		else
			fputc(ch, fp);
	}
	fputc('"', fp);
}

int out_width(FILE *fp)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");
	long cols = 0;
	if (isatty(fileno(fp)) && ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		cols = ws.ws_col;
	else if (!env || !parse_int(env, 1, 100000, &cols))
		cols = 80;
	return cols < OUT_WIDTH_MIN ? OUT_WIDTH_MIN : (int)cols;
}

void out_begin(struct out *o, FILE *fp, enum out_format fmt, const struct out_col *cols, int ncols)
{
	*o = (struct out){.fp = fp, .fmt = fmt, .cols = cols, .ncols = ncols};
	if (fmt == OUT_TABLE)
		o->width = out_width(fp);
	else if (fmt == OUT_CSV)
		for (int i = 0; i < ncols; i++) {
			csv_cell(fp, cols[i].name, false);
			fputc(i + 1 < ncols ? ',' : '\n', fp);
		}
	else if (fmt == OUT_JSON)
		fputc('[', fp);
}

/* A table goes to a terminal: a copy of s with any control, bidirectional
 * or zero-width character escaped ("<U+202E>"; text stored before they
 * were refused may hold one). CSV and JSON stay exact. */
static char *escaped(const char *s)
{
	size_t need = text_escape(s, false, NULL, 0) + 1;
	char *copy = malloc(need);
	if (copy)
		text_escape(s, false, copy, need);
	return copy;
}

static enum al_status keep_row(struct out *o, const char *const *cells, struct al_error *err)
{
	if (o->ncells + (size_t)o->ncols > o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 64;
		while (cap < o->ncells + (size_t)o->ncols)
			cap *= 2;
		char **p = realloc(o->cells, cap * sizeof *p);
		if (!p)
			return al_fail(err, AL_EIO, "out of memory");
		o->cells = p;
		o->cap = cap;
	}
	for (int i = 0; i < o->ncols; i++) {
		char *s = escaped(cells[i] ? cells[i] : "");
		if (!s)
			return al_fail(err, AL_EIO, "out of memory");
		o->cells[o->ncells++] = s;
	}
	return AL_OK;
}

enum al_status out_row(struct out *o, const char *const *cells, struct al_error *err)
{
	o->rows++;
	switch (o->fmt) {
	case OUT_TABLE:
		return keep_row(o, cells, err);
	case OUT_CSV:
		for (int i = 0; i < o->ncols; i++) {
			csv_cell(o->fp, cells[i] ? cells[i] : "", o->excel_safe);
			fputc(i + 1 < o->ncols ? ',' : '\n', o->fp);
		}
		break;
	case OUT_JSON:
		fputs(o->rows > 1 ? ",\n {" : "\n {", o->fp);
		for (int i = 0; i < o->ncols; i++) {
			const char *v = cells[i] ? cells[i] : "";
			if (i)
				fputs(", ", o->fp);
			json_string(o->fp, o->cols[i].name);
			fputs(": ", o->fp);
			if (o->cols[i].numeric)
				fputs(*v ? v : "null", o->fp);
			else
				json_string(o->fp, v);
		}
		fputc('}', o->fp);
		break;
	}
	return AL_OK;
}

enum al_status out_end(struct out *o, struct al_error *err)
{
	if (o->fmt == OUT_TABLE)
		table_print(o->fp, o->width, o->cols, o->ncols, o->cells, o->rows);
	else if (o->fmt == OUT_JSON)
		fputs(o->rows ? "\n]\n" : "]\n", o->fp);
	for (size_t i = 0; i < o->ncells; i++)
		free(o->cells[i]);
	free(o->cells);
	o->cells = NULL;
	o->ncells = o->cap = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp))
		return al_fail(err, AL_EIO, "output: %s", strerror(errno ? errno : EIO));
	return AL_OK;
}

enum al_status cli_flush_stdout(struct cli *c)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return AL_OK;
	return al_fail(c->err, AL_EIO, "output: %s", strerror(errno ? errno : EIO));
}

void cli_stored(struct cli *c, const char *fmt, ...)
{
	va_list ap;
	if (c->quiet)
		return;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}
