/* Export and import of ratings (SPEC §3): one ordered scan out, one
 * transaction in, both streaming so that memory stays small. */
#ifndef ALLIANCE_DB_IO_H
#define ALLIANCE_DB_IO_H

#include <stdbool.h>
#include <stdint.h>

#include "alliance/core/course.h"
#include "alliance/db/db.h"
#include "alliance/core/import.h"

/* One exported row: a rating, or an unrated session (rater -1). */
struct db_export_row {
	int64_t client_id;
	const char *client;         /* code */
	const char *client_created; /* when the client was added: a per-client secret
	                               that --anonymize derives date shifts from */
	int64_t clinician_id;
	const char *clinician;
	int32_t date;
	int session;           /* session number among all the client's sessions */
	int rater;             /* enum al_rater, or -1 for an unrated session */
	const char *dimension; /* key, "" for an unrated session */
	al_tenths value;
	enum al_rupture rupture;
	const char *context; /* "" for none */
	enum al_attendance attendance;
	int8_t tension, talked, misunderstood; /* AL_NO_ANSWER when not answered */
};

typedef enum al_status (*db_export_fn)(void *ctx, const struct db_export_row *row,
                                       struct al_error *err);
/* Every session dated within [from, to] (days since 1970) with its ratings,
 * by client code, date and entry order; within a session client ratings
 * before clinician ones, each in dimension order. One snapshot. */
enum al_status db_export_each(struct db *db, int32_t from, int32_t to, db_export_fn fn, void *ctx,
                              struct al_error *err);

/* An import in progress: one write transaction. Refused rows are handed
 * to a callback, in line order, and the import goes on so that one run
 * finds every problem; nothing is committed if any row was refused. */
struct db_import;
struct db_import_stats {
	long rows;       /* data rows taken */
	long ratings;    /* ratings added */
	long sessions;   /* sessions added (the others were merged) */
	long clients;    /* clients added */
	long clinicians; /* users added */
	long refused;    /* rows refused */
};
typedef void (*db_import_refuse_fn)(void *ctx, long line, const char *why);

/* today: days since 1970, for the date rule (date_in_future). */
enum al_status db_import_begin(struct db *db, int32_t today, db_import_refuse_fn refuse, void *ctx,
                               struct db_import **out, struct al_error *err);
/* Checks and stores one data row that starts on line (f: the format-2
 * columns; a format-1 row has NULL after the ninth). A problem with the
 * row goes to refuse; the status is for what ends the import (database or
 * I/O errors). */
enum al_status db_import_row(struct db_import *im, long line, const char *const f[IMPORT_COLUMNS],
                             struct al_error *err);
/* A problem the caller found with a line (a malformed record), reported in
 * order with the rows' own. */
enum al_status db_import_refuse(struct db_import *im, long line, const char *why,
                                struct al_error *err);
/* Finishes the checks, then commits with the one audit row when no row was
 * refused and dry_run is not set, or rolls back; frees im either way.
 * stats (may be NULL) gets what was, or would have been, imported. */
enum al_status db_import_end(struct db_import *im, bool dry_run, struct db_import_stats *stats,
                             struct al_error *err);

#endif
