/* A streaming RFC 4180 CSV reader: the caller feeds bytes, it hands back
 * one record at a time with the line it started on. No I/O, no allocation. */
#ifndef ALLIANCE_CSV_H
#define ALLIANCE_CSV_H

#include <stdbool.h>
#include <stddef.h>

#define CSV_RECORD_MAX 4096 /* bytes of one record's fields; longer is an error */
#define CSV_FIELDS_MAX 32   /* fields kept; more are counted, not kept */

enum csv_status {
	CSV_MORE,   /* all input consumed: feed more (or call csv_finish) */
	CSV_RECORD, /* a record is ready: csv_field(), nfields, line */
	CSV_ERROR,  /* a malformed record: why and line say what and where */
	CSV_END,    /* csv_finish: no record left */
};

struct csv_reader {
	/* the record just returned */
	size_t nfields;  /* fields in the record (may exceed CSV_FIELDS_MAX) */
	long line;       /* line the record (or the error) starts on, from 1 */
	const char *why; /* CSV_ERROR: what is wrong, in words */
	/* parser state */
	int state;
	int bom;         /* bytes of a leading UTF-8 BOM matched so far; -1 past it */
	long cur_line;   /* line of the next byte */
	long quote_line; /* line of the opening quote of the current field */
	bool started;    /* the current record has a byte */
	bool any;        /* ... other than its line break */
	bool ready;      /* the previous record was returned: reset first */
	size_t len;      /* bytes in buf */
	size_t off[CSV_FIELDS_MAX];
	char buf[CSV_RECORD_MAX + CSV_FIELDS_MAX];
};

void csv_init(struct csv_reader *r);
/* Consumes bytes from *data (*n of them) up to the end of one record and
 * returns CSV_RECORD or CSV_ERROR, advancing *data and *n past what it used;
 * or consumes everything and returns CSV_MORE. A record's fields stay valid
 * until the next call. */
enum csv_status csv_feed(struct csv_reader *r, const char **data, size_t *n);
/* At the end of the input: the last record if it lacked a line break
 * (CSV_RECORD), an unterminated quoted field (CSV_ERROR), or CSV_END. */
enum csv_status csv_finish(struct csv_reader *r);
/* Field i of the record just returned ("" past the fields kept). */
const char *csv_field(const struct csv_reader *r, size_t i);
/* Whether the record is one empty line (no byte, not even quotes). */
bool csv_blank(const struct csv_reader *r);

#endif
