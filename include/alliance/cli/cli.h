/* What every command gets: the open database, who is asking, how to print. */
#ifndef ALLIANCE_CLI_H
#define ALLIANCE_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "alliance/db/access.h"
#include "alliance/core/course.h"
#include "alliance/db/db.h"
#include "alliance/core/error.h"

struct cli {
	struct db *db;
	char user[AL_KEY_MAX + 1]; /* the app user (--user, $LOGNAME, ...) */
	int64_t user_id;
	bool supervisor;
	bool ascii; /* --ascii or a non-UTF-8 locale */
	bool stdout_tty;
	bool quiet;      /* --quiet: no line saying what a write stored */
	int32_t today;   /* days since 1970-01-01, local time */
	const char *cmd; /* "session add": the WHAT of error lines */
	struct al_error *err;
};

/* One command-line option of a command. Global options are accepted too. */
struct cli_opt {
	const char *name; /* without the leading "--" */
	bool has_arg;
	const char *value; /* set by cli_parse: the argument, or "" for flags */
};

/* Parses argv (after the command words) into opts and positional args.
 * Options may come before or after positionals. When extra is non-NULL,
 * unknown "--key VALUE" pairs are collected there (session add's --DIM N)
 * instead of being a usage error. Returns AL_EUSAGE/AL_EINPUT with err set.
 * The number of positionals must be within [min_pos, max_pos]. */
struct cli_extra {
	const char *key[AL_DIM_MAX * 2];
	const char *value[AL_DIM_MAX * 2];
	int n;
};
enum al_status cli_parse(struct cli *c, int argc, char **argv, struct cli_opt *opts,
                         const char **pos, int min_pos, int max_pos, struct cli_extra *extra);
/* The option's value, or NULL when it was not given. */
const char *cli_opt(const struct cli_opt *opts, const char *name);
/* --from and --to (days; INT32_MIN and INT32_MAX when not given). A bad
 * date, or --from after --to, is AL_EINPUT. */
enum al_status cli_period(struct cli *c, const struct cli_opt *opts, int32_t *from, int32_t *to);

/* Listing output: one header and rows of text cells, printed as an aligned
 * table fitted to the terminal's width (table_print), CSV (RFC 4180) or
 * JSON (an array of objects). */
enum out_format { OUT_TABLE, OUT_CSV, OUT_JSON };
struct out_col {
	const char *name;
	bool numeric;     /* JSON: a number (empty cell: null); table: right-aligned */
	const char *abbr; /* table: a shorter header for when the width is short */
};
struct out {
	FILE *fp;
	enum out_format fmt;
	const struct out_col *cols;
	int ncols;
	bool excel_safe; /* CSV: a cell starting = + - @ tab CR gets a leading ' */
	long rows;
	int width; /* table: the columns it fits in (out_width) */
	/* table rows are kept to align columns */
	char **cells;
	size_t ncells, cap;
};
/* The format from --format (NULL: table on a terminal, else CSV). */
enum al_status out_format_parse(struct cli *c, const char *arg, enum out_format *fmt);
void out_begin(struct out *o, FILE *fp, enum out_format fmt, const struct out_col *cols, int ncols);
enum al_status out_row(struct out *o, const char *const *cells, struct al_error *err);
/* Flushes; a write error (disk full, closed pipe) is AL_EIO. */
enum al_status out_end(struct out *o, struct al_error *err);
/* Flushes standard output; a write error is AL_EIO ("output: WHY"). */
enum al_status cli_flush_stdout(struct cli *c);

/* The one short line a successful write prints (SPEC §3), unless --quiet. */
void cli_stored(struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The width a table printed on fp fits: the terminal's when fp is one,
 * else $COLUMNS, else 80 (never under OUT_WIDTH_MIN). */
#define OUT_WIDTH_MIN 40
int out_width(FILE *fp);
/* Prints rows of ncols cells under a header, each line at most width
 * columns: a column whose cells hold blanks wraps at word boundaries, in
 * its column or, when the row leaves it too little room, under the row. */
void table_print(FILE *fp, int width, const struct out_col *cols, int ncols, char *const *cells,
                 long rows);

/* A file the program writes (--output FILE, backup FILE), or standard
 * output for NULL or "-". A target that is the database or one of its
 * -wal, -shm, -journal files (by name, or the same file by device and
 * inode) is refused (AL_EINPUT). The data goes to fp: a temporary file
 * beside the target (mode 0600, or 0660 shared; tmp is its name) that
 * cli_file_close renames into place after fsync, so that a failure or a
 * kill leaves any previous file whole; a device or FIFO is written in
 * place. CLI_FILE_NEW (backup) refuses a target that exists, up to the
 * rename itself. */
enum cli_file_kind { CLI_FILE_OUTPUT, CLI_FILE_NEW };
struct cli_file {
	const char *path; /* the target */
	enum cli_file_kind kind;
	FILE *fp;
	char *tmp; /* the temporary name, NULL when written in place */
};
enum al_status cli_file_open(struct cli *c, const char *path, enum cli_file_kind kind,
                             struct cli_file *f);
/* Ends the file: when st (what happened while writing) is AL_OK, flushes,
 * fsyncs and renames it into place, reporting a failure as "FILE: WHY";
 * otherwise, or on that failure, removes the temporary file. Returns st,
 * or the failure. */
enum al_status cli_file_close(struct cli *c, struct cli_file *f, enum al_status st);

/* Who sees what (access.h) for this run's user, errors naming c->cmd:
 * the client CODE when the user may act on it for need. */
enum al_status cli_client(struct cli *c, const char *code, enum access_need need,
                          struct al_client *out);
/* The clients a listing covers: the user's own (a supervisor's: their
 * supervisees'), or clinician's when given (--clinician NAME, checked). */
enum al_status cli_clients(struct cli *c, const char *clinician, struct db_client_filter *f);

/* Each command group: argv[0] is the group word ("client"), argv[1] the
 * sub-command where there is one. */
typedef enum al_status (*cli_fn)(struct cli *c, int argc, char **argv);

#endif
