/* The ratings CSV format of export and import (SPEC §3): the header, one
 * row parsed and checked, and the numbering of each client's sessions.
 * Pure code: the storage side is in db_io.h. */
#ifndef ALLIANCE_IMPORT_H
#define ALLIANCE_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/core/course.h"

#define IMPORT_COLUMNS 13      /* format 2 */
#define IMPORT_COLUMNS_V1 9    /* format 1: the first nine alone */
#define IMPORT_CONTEXT_MAX 200 /* bytes, as session add allows */
#define IMPORT_WHY_MAX 256

/* Format 2: "client,clinician,date,session,rater,dimension,value,rupture,
 * context,attendance,tension,talked,misunderstood"; format 1 is its first
 * nine columns (every session attended, no check-in). */
extern const char *const import_columns[IMPORT_COLUMNS];
extern const char import_header[];    /* format 2, what export writes */
extern const char import_header_v1[]; /* format 1 */

/* The format whose header the n fields f are (2 or 1), or 0 when they are
 * no header. */
int import_header_format(const char *const *f, size_t n);

/* One row. Strings point into the fields it was parsed from. */
struct import_row {
	const char *client, *clinician;
	int32_t date;
	int session; /* the client's session number in the file */
	bool rated;  /* false: an unrated session (no rater, dimension, value) */
	enum al_rater rater;
	int dim; /* index into the dims given to import_row_parse */
	al_tenths value;
	enum al_rupture rupture;
	const char *context; /* "" for none */
	enum al_attendance attendance;
	int8_t tension, talked, misunderstood; /* AL_NO_ANSWER when empty */
};

/* Parses and checks one row's fields; a date in the future of today (as
 * date_in_future says) is refused as session add refuses it. On a problem
 * returns false with why (an error line's WHY, never the context text). A
 * format-1 row has NULL in the columns after the ninth. */
bool import_row_parse(const char *const f[IMPORT_COLUMNS], const struct al_dim *dims, size_t ndims,
                      int32_t today, struct import_row *out, char why[IMPORT_WHY_MAX]);

/* One client's place in the file: its sessions must come numbered one
 * after the other (1, 2, 3...; the first may be any number, as in an export
 * of a period, which keeps the whole course's numbers) in date order, all
 * rows of a session together and agreeing. */
struct import_seq {
	int number; /* the current session's number, 0 before the first */
	int32_t date;
	int on_date; /* the current session is the on_date-th of the
	                client's sessions in the file on that date */
	enum al_rupture rupture;
	uint64_t context; /* a hash of the context text */
	enum al_attendance attendance;
	int8_t tension, talked, misunderstood;
};

enum import_step {
	IMPORT_SAME,        /* another row of the current session */
	IMPORT_NEW,         /* the row starts the next session */
	IMPORT_BAD_ROW,     /* refused (why); the state is unchanged */
	IMPORT_BAD_SESSION, /* refused (why), but the state moved on to the row's
	                       session so that its other rows are not refused again */
};
enum import_step import_seq_next(struct import_seq *s, const struct import_row *row,
                                 char why[IMPORT_WHY_MAX]);

#endif
