/* libFuzzer target: the streaming CSV reader. The same bytes are fed whole
 * and in pieces split where the first byte says; both must give the same
 * records, fields and line numbers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/csv.h"

#define MUST(cond) ((cond) ? (void)0 : __builtin_trap())

/* A running digest of what the reader returned. */
static uint64_t mix(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ULL;
	return h;
}

static uint64_t note(uint64_t h, const struct csv_reader *r, enum csv_status st)
{
	h = mix(h, &st, sizeof st);
	h = mix(h, &r->line, sizeof r->line);
	MUST(r->line >= 1);
	if (st == CSV_ERROR) {
		MUST(r->why && *r->why);
		return mix(h, r->why, strlen(r->why));
	}
	h = mix(h, &r->nfields, sizeof r->nfields);
	MUST(r->nfields >= 1);
	for (size_t i = 0; i < r->nfields + 1; i++) { /* one past the end reads "" */
		const char *f = csv_field(r, i);
		size_t n = strlen(f);
		MUST(n <= CSV_RECORD_MAX);
		h = mix(h, f, n + 1);
	}
	return mix(h, (bool[]){csv_blank(r)}, 1);
}

static uint64_t read_all(const uint8_t *data, size_t size, size_t chunk, struct csv_reader *r)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	csv_init(r);
	for (size_t at = 0; at < size;) {
		size_t n = size - at < chunk ? size - at : chunk;
		const char *p = (const char *)data + at;
		size_t left = n;
		enum csv_status st;
		while ((st = csv_feed(r, &p, &left)) != CSV_MORE)
			h = note(h, r, st);
		at += n;
	}
	enum csv_status st;
	while ((st = csv_finish(r)) != CSV_END)
		h = note(h, r, st);
	return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct csv_reader r; /* large: kept off the stack */
	if (size == 0)
		return 0;
	size_t chunk = 1 + data[0] % 7;
	uint64_t whole = read_all(data + 1, size - 1, size, &r);
	uint64_t pieces = read_all(data + 1, size - 1, chunk, &r);
	MUST(whole == pieces);
	return 0;
}
