/* Listing output in the three stable formats: table, CSV and JSON. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alliance/cli.h"

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

static void csv_cell(FILE *fp, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
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

void out_begin(struct out *o, FILE *fp, enum out_format fmt, const struct out_col *cols, int ncols)
{
	*o = (struct out){.fp = fp, .fmt = fmt, .cols = cols, .ncols = ncols};
	if (fmt == OUT_CSV)
		for (int i = 0; i < ncols; i++) {
			csv_cell(fp, cols[i].name);
			fputc(i + 1 < ncols ? ',' : '\n', fp);
		}
	else if (fmt == OUT_JSON)
		fputc('[', fp);
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
		char *s = strdup(cells[i] ? cells[i] : "");
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
			csv_cell(o->fp, cells[i] ? cells[i] : "");
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

/* Display width of UTF-8 text, counting code points (our cells hold no
 * double-width characters). */
static int text_width(const char *s)
{
	int w = 0;
	for (; *s; s++)
		w += ((unsigned char)*s & 0xC0) != 0x80;
	return w;
}

static void print_table(struct out *o)
{
	int width[64] = {0};
	int n = o->ncols < 64 ? o->ncols : 64;
	for (int i = 0; i < n; i++)
		width[i] = text_width(o->cols[i].name);
	for (size_t r = 0; r < o->ncells; r += (size_t)o->ncols)
		for (int i = 0; i < n; i++) {
			int w = text_width(o->cells[r + (size_t)i]);
			width[i] = w > width[i] ? w : width[i];
		}
	for (long r = -1; r < o->rows; r++) {
		const char *const *row =
		    r < 0 ? NULL : (const char *const *)o->cells + r * o->ncols;
		int last = n - 1; /* no trailing blanks: stop at the last non-empty cell */
		while (row && last > 0 && !*row[last])
			last--;
		for (int i = 0; i <= last; i++) {
			const char *s = row ? row[i] : o->cols[i].name;
			int pad = width[i] - text_width(s);
			bool right = row && o->cols[i].numeric;
			fprintf(o->fp, "%*s%s", right ? pad : 0, "", s);
			if (i < last)
				fprintf(o->fp, "%*s", (right ? 0 : pad) + 2, "");
		}
		fputc('\n', o->fp);
	}
}

enum al_status out_end(struct out *o, struct al_error *err)
{
	if (o->fmt == OUT_TABLE)
		print_table(o);
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

enum al_status cli_open_output(struct cli *c, const char *path, FILE **fp)
{
	if (!path || strcmp(path, "-") == 0) {
		*fp = stdout;
		return AL_OK;
	}
	mode_t mode = (mode_t)db_file_mode(c->db); /* 0600, or 0660 shared */
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
	struct stat sb;
	/* an existing file keeps its mode on open: a 0644 file must not hold
	 * client data (devices such as /dev/null are left alone) */
	if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && (sb.st_mode & 0777) != mode &&
	    fchmod(fd, mode) != 0) {
		int e = errno;
		close(fd);
		return al_fail(c->err, AL_EIO, "%s: %s", path, strerror(e));
	}
	if (fd < 0 || !(*fp = fdopen(fd, "w"))) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return al_fail(c->err, AL_EIO, "%s: %s", path, strerror(e));
	}
	return AL_OK;
}

enum al_status cli_close_output(struct cli *c, const char *path, FILE *fp)
{
	if (fp == stdout)
		return fflush(fp) == 0 && !ferror(fp)
		           ? AL_OK
		           : al_fail(c->err, AL_EIO, "output: %s", strerror(errno ? errno : EIO));
	struct stat sb;
	bool regular = fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode);
	bool bad = ferror(fp) || fflush(fp) != 0 || (regular && fsync(fileno(fp)) != 0);
	int e = errno;
	bad = fclose(fp) != 0 || bad;
	if (!bad)
		return AL_OK;
	return al_fail(c->err, AL_EIO, "%s: %s", path, strerror(e ? e : EIO));
}

/* Only a regular file: as root, unlinking /dev/full or /dev/null after a
 * failed write would remove the device itself. */
void cli_remove_output(const char *path)
{
	struct stat sb;
	if (path && strcmp(path, "-") != 0 && lstat(path, &sb) == 0 && S_ISREG(sb.st_mode))
		unlink(path);
}
