/* The RFC 4180 reader: a byte-at-a-time state machine, so that records may
 * be split anywhere between the chunks the caller feeds. */
#include <string.h>

#include "alliance/core/csv.h"

enum { S_FIELD, S_UNQUOTED, S_QUOTED, S_QUOTE, S_CR };

static const unsigned char bom_bytes[3] = {0xEF, 0xBB, 0xBF};

static void begin_record(struct csv_reader *r)
{
	r->nfields = 0;
	r->len = 0;
	r->off[0] = 0;
	r->why = NULL;
	r->line = r->cur_line;
	r->state = S_FIELD;
	r->started = false;
	r->ready = false;
	r->any = false;
}

void csv_init(struct csv_reader *r)
{
	memset(r, 0, sizeof *r);
	r->cur_line = 1;
	begin_record(r);
}

/* The first problem of a record is the one reported. */
static void fail(struct csv_reader *r, const char *why)
{
	if (!r->why)
		r->why = why;
}

static void append(struct csv_reader *r, char c)
{
	if (r->nfields >= CSV_FIELDS_MAX)
		return;
	if (r->len >= CSV_RECORD_MAX) {
		fail(r, "line longer than 4096 bytes");
		return;
	}
	r->buf[r->len++] = c;
}

/* buf has room for one NUL per kept field beyond CSV_RECORD_MAX. */
static void end_field(struct csv_reader *r)
{
	if (r->nfields < CSV_FIELDS_MAX)
		r->buf[r->len++] = '\0';
	r->nfields++;
	if (r->nfields < CSV_FIELDS_MAX)
		r->off[r->nfields] = r->len;
}

/* Outside quotes; returns true at the end of the record. */
static bool unquoted(struct csv_reader *r, char c)
{
	switch (c) {
	case ',':
		end_field(r);
		r->state = S_FIELD;
		r->any = true;
		return false;
	case '\n':
		r->cur_line++;
		end_field(r);
		return true;
	case '\r':
		r->state = S_CR;
		return false;
	case '"':
		fail(r, "quote inside an unquoted field (quote the whole field)");
		break;
	}
	r->state = S_UNQUOTED;
	r->any = true;
	append(r, c);
	return false;
}

static bool step(struct csv_reader *r, char c)
{
	r->started = true;
	if (c == '\0')
		fail(r, "a NUL byte (not a text file?)");
	switch (r->state) {
	case S_FIELD:
		if (c != '"')
			return unquoted(r, c);
		r->state = S_QUOTED;
		r->quote_line = r->cur_line;
		r->any = true;
		return false;
	case S_UNQUOTED:
		return unquoted(r, c);
	case S_QUOTED:
		if (c == '"')
			r->state = S_QUOTE;
		else {
			r->cur_line += c == '\n';
			append(r, c);
		}
		return false;
	case S_QUOTE: /* a quote inside quotes: doubled, or the closing one */
		if (c == '"') {
			append(r, c);
			r->state = S_QUOTED;
			return false;
		}
		if (c != ',' && c != '\n' && c != '\r')
			fail(r, "text after a closing quote");
		return unquoted(r, c);
	default: /* S_CR */
		if (c == '\n')
			return unquoted(r, c);
		fail(r, "carriage return without a line feed");
		append(r, '\r');
		return unquoted(r, c);
	}
}

/* Bytes that only began to look like a byte-order mark are data. */
static void bom_replay(struct csv_reader *r)
{
	int matched = r->bom;
	r->bom = -1;
	for (int i = 0; i < matched; i++)
		step(r, (char)bom_bytes[i]);
}

/* A leading byte-order mark is skipped. Returns true when c was taken as
 * part of the mark. */
static bool bom_step(struct csv_reader *r, char c)
{
	if ((unsigned char)c == bom_bytes[r->bom]) {
		r->bom = r->bom == 2 ? -1 : r->bom + 1;
		return true;
	}
	bom_replay(r);
	return false;
}

enum csv_status csv_feed(struct csv_reader *r, const char **data, size_t *n)
{
	if (r->ready)
		begin_record(r);
	while (*n) {
		char c = **data;
		(*data)++;
		(*n)--;
		if (r->bom >= 0 && bom_step(r, c))
			continue;
		if (step(r, c)) {
			r->ready = true;
			return r->why ? CSV_ERROR : CSV_RECORD;
		}
	}
	return CSV_MORE;
}

enum csv_status csv_finish(struct csv_reader *r)
{
	if (r->ready)
		begin_record(r);
	if (r->bom >= 0)
		bom_replay(r);
	if (!r->started)
		return CSV_END;
	r->ready = true;
	if (r->state == S_QUOTED) {
		r->line = r->quote_line;
		r->why = "unterminated quoted field";
		return CSV_ERROR;
	}
	if (r->state == S_CR)
		fail(r, "carriage return without a line feed");
	end_field(r);
	return r->why ? CSV_ERROR : CSV_RECORD;
}

const char *csv_field(const struct csv_reader *r, size_t i)
{
	return i < r->nfields && i < CSV_FIELDS_MAX ? r->buf + r->off[i] : "";
}

bool csv_blank(const struct csv_reader *r)
{
	return r->nfields == 1 && !r->any;
}
