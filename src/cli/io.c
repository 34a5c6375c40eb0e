/* export [--from D] [--to D] [--anonymize] [--excel-safe] [--format csv|json]
 *        [--output FILE]
 * import FILE [--dry-run] */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alliance/core/anon.h"
#include "alliance/cli/commands.h"
#include "alliance/core/csv.h"
#include "alliance/db/io.h"
#include "alliance/core/parse.h"
#include "alliance/core/text.h"

#define IMPORT_ERRORS_SHOWN 20
#define READ_CHUNK 65536

static const struct out_col export_cols[IMPORT_COLUMNS] = {
    {"client"},        {"clinician"},    {"date"},          {"session", true}, {"rater"},
    {"dimension"},     {"value", true},  {"rupture"},       {"context"},       {"attendance"},
    {"tension", true}, {"talked", true}, {"misunderstood"},
};

struct export_run {
	struct out out;
	bool anonymize;
	struct anon anon;
};

/* The row's cells, anonymized when asked. */
static enum al_status export_row(void *ctx, const struct db_export_row *r, struct al_error *err)
{
	struct export_run *x = ctx;
	char client[ANON_NAME_MAX], clinician[ANON_NAME_MAX], date[AL_DATE_LEN + 1];
	char session[12], value[8], tension[8], talked[8];
	const char *cells[IMPORT_COLUMNS] = {
	    r->client,
	    r->clinician,
	    date,
	    session,
	    r->rater < 0 ? "" : rater_name(r->rater),
	    r->dimension,
	    value,
	    rupture_name(r->rupture),
	    r->context,
	    attendance_name(r->attendance),
	    format_answer(r->tension, tension),
	    format_answer(r->talked, talked),
	    yes_no_name(r->misunderstood),
	};
	int32_t shift = 0;
	if (x->anonymize) {
		anon_client(&x->anon, r->client_id, r->client_created, client, &shift);
		if (!anon_clinician(&x->anon, r->clinician_id, clinician))
			return al_fail(err, AL_EIO, "export: out of memory");
		cells[0] = client;
		cells[1] = clinician;
		cells[8] = *r->context ? "event" : "";
	}
	format_date(r->date + shift, date);
	snprintf(session, sizeof session, "%d", r->session);
	if (r->rater < 0)
		value[0] = '\0';
	else
		format_tenths(r->value, value);
	return out_row(&x->out, cells, err);
}

enum al_status cmd_export(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"from", true},
	                         {"to", true},
	                         {"anonymize", false},
	                         {"excel-safe", false},
	                         {"format", true},
	                         {"output", true},
	                         {NULL}};
	const char *pos[1], *format;
	int32_t from, to;
	struct export_run x;
	enum out_format fmt = OUT_CSV;
	struct cli_file f;
	struct al_error flushed;
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 0, 0, NULL);
	if (st || (st = cli_period(c, opts, &from, &to)))
		return st;
	if ((format = cli_opt(opts, "format")) && strcmp(format, "csv") != 0) {
		if (strcmp(format, "json") != 0)
			return al_fail(c->err, AL_EINPUT,
			               "export: --format: '%.40s' is not csv or json", format);
		fmt = OUT_JSON;
	}
	bool excel_safe = cli_opt(opts, "excel-safe") != NULL;
	if (excel_safe && fmt != OUT_CSV)
		return al_fail(c->err, AL_EINPUT, "export: --excel-safe is for CSV, not JSON");
	x.anonymize = cli_opt(opts, "anonymize") != NULL;
	anon_init(&x.anon);
	if ((st = cli_file_open(c, cli_opt(opts, "output"), CLI_FILE_OUTPUT, &f)))
		return st;
	out_begin(&x.out, f.fp, fmt, export_cols, IMPORT_COLUMNS);
	x.out.excel_safe = excel_safe;
	st = db_export_each(c->db, from, to, export_row, &x, c->err);
	anon_free(&x.anon);
	out_end(&x.out, &flushed); /* a failed write: cli_file_close says so, naming the file */
	return cli_file_close(c, &f, st);
}

/* An import reads the file once, in chunks, and reports each problem as
 * FILE:LINE: WHY; it keeps going after one so that a single run lists them
 * all (the first IMPORT_ERRORS_SHOWN, then how many more). */
struct import_run {
	const char *path;
	struct csv_reader csv;
	struct db_import *im;
	long records, errors;
	size_t ncolumns;                              /* of the header's format: 13 or 9 */
	bool stop;                                    /* a bad header: the rows cannot be read */
	char last[sizeof((struct al_error *)0)->msg]; /* the latest error, not yet printed */
	char buf[READ_CHUNK];
};

static void import_error(void *ctx, long line, const char *why)
{
	struct import_run *r = ctx;
	if (++r->errors > IMPORT_ERRORS_SHOWN)
		return;
	if (r->errors > 1)
		fprintf(stderr, "alliance: %s\n", r->last);
	/* what the file held, quoted, never reaches the terminal raw */
	char raw[sizeof r->last];
	snprintf(raw, sizeof raw, "%s:%ld: %s", r->path, line, why);
	text_escape(raw, false, r->last, sizeof r->last);
}

static enum al_status take_record(struct import_run *r, enum csv_status cs, struct al_error *err)
{
	const char *f[IMPORT_COLUMNS] = {NULL}; /* format 1: NULL after the ninth */
	char why[256];
	long line = r->csv.line;
	if (++r->records == 1 && cs == CSV_ERROR)
		r->stop = true;
	if (cs == CSV_ERROR)
		return db_import_refuse(r->im, line, r->csv.why, err);
	size_t n = r->csv.nfields < IMPORT_COLUMNS ? r->csv.nfields : IMPORT_COLUMNS;
	for (size_t i = 0; i < n; i++)
		f[i] = csv_field(&r->csv, i);
	if (r->records == 1) {
		int format = import_header_format(f, r->csv.nfields);
		r->ncolumns = format == 2 ? IMPORT_COLUMNS : IMPORT_COLUMNS_V1;
		if (format)
			return AL_OK;
		r->stop = true;
		snprintf(why, sizeof why, "the first line must be the header %s", import_header);
		return db_import_refuse(r->im, line, why, err);
	}
	if (csv_blank(&r->csv))
		return AL_OK;
	if (r->csv.nfields != r->ncolumns) {
		snprintf(why, sizeof why, "%zu fields, expected %zu", r->csv.nfields, r->ncolumns);
		return db_import_refuse(r->im, line, why, err);
	}
	return db_import_row(r->im, line, f, err);
}

static enum al_status import_read(struct import_run *r, FILE *fp, struct al_error *err)
{
	enum al_status st = AL_OK;
	enum csv_status cs;
	size_t got;
	while (!st && !r->stop && (got = fread(r->buf, 1, sizeof r->buf, fp)) > 0) {
		const char *p = r->buf;
		while (!st && !r->stop && (cs = csv_feed(&r->csv, &p, &got)) != CSV_MORE)
			st = take_record(r, cs, err);
	}
	if (ferror(fp))
		return al_fail(err, AL_EIO, "%s: %s", r->path, strerror(errno ? errno : EIO));
	while (!st && !r->stop && (cs = csv_finish(&r->csv)) != CSV_END)
		st = take_record(r, cs, err);
	if (!st && r->records == 0) {
		char why[256];
		snprintf(why, sizeof why, "empty file (the first line must be the header %s)",
		         import_header);
		st = db_import_refuse(r->im, 1, why, err);
	}
	return st;
}

static void print_stats(const struct db_import_stats *s, bool dry_run)
{
	printf("%s %ld row%s: ratings %ld, new sessions %ld, new clients %ld, new clinicians "
	       "%ld%s\n",
	       dry_run ? "dry run: would import" : "imported", s->rows, s->rows == 1 ? "" : "s",
	       s->ratings, s->sessions, s->clients, s->clinicians,
	       dry_run ? "; nothing written" : "");
}

static enum al_status import_file(struct cli *c, struct import_run *r, FILE *fp, bool dry_run)
{
	struct db_import_stats stats;
	struct al_error ignored;
	enum al_status st = db_import_begin(c->db, c->today, import_error, r, &r->im, c->err);
	if (st)
		return st;
	st = import_read(r, fp, c->err);
	enum al_status end = db_import_end(r->im, dry_run || st, &stats, st ? &ignored : c->err);
	if (r->errors && (st || end || r->errors > IMPORT_ERRORS_SHOWN))
		fprintf(stderr, "alliance: %s\n", r->last);
	if (st || end)
		return st ? st : end; /* main prints what stopped it */
	if (r->errors > IMPORT_ERRORS_SHOWN)
		return al_fail(c->err, AL_EINPUT, "%s: %ld more errors", r->path,
		               r->errors - IMPORT_ERRORS_SHOWN);
	if (r->errors) /* main prints the last one, as for every command */
		return al_fail(c->err, AL_EINPUT, "%s", r->last);
	if (dry_run || !c->quiet) /* a dry run's line is its result, not a confirmation */
		print_stats(&stats, dry_run);
	return AL_OK;
}

enum al_status cmd_import(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"dry-run", false}, {NULL}};
	struct import_run *r;
	const char *pos[1];
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 1, 1, NULL);
	if (st)
		return st;
	FILE *fp = fopen(pos[0], "rb");
	if (!fp)
		return al_fail(c->err, errno == ENOENT ? AL_EINPUT : AL_EIO, "%s: %s", pos[0],
		               strerror(errno));
	if ((r = calloc(1, sizeof *r))) {
		r->path = pos[0];
		csv_init(&r->csv);
		st = import_file(c, r, fp, cli_opt(opts, "dry-run") != NULL);
		free(r);
	} else {
		st = al_fail(c->err, AL_EIO, "import: out of memory");
	}
	fclose(fp);
	return st;
}
