/* Gathering the caseload: the stored summaries of the clients a filter
 * covers, in risk order. */
#include <stdlib.h>

#include "alliance/db/caseload.h"

static enum al_status add_client(void *ctx, const struct db_status_row *r, struct al_error *err)
{
	struct db_caseload *c = ctx;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		struct db_status_row *rows = realloc(c->rows, cap * sizeof *rows);
		if (!rows)
			return al_fail(err, AL_EIO, "caseload: out of memory");
		c->rows = rows;
		c->cap = cap;
	}
	c->rows[c->n++] = *r;
	return AL_OK;
}

static int risk_order(const void *x, const void *y)
{
	const struct db_status_row *a = x, *b = y;
	return standing_compare(&a->summary.standing, a->client.code, &b->summary.standing,
	                        b->client.code);
}

enum al_status db_caseload_load(struct db *db, const struct db_client_filter *f,
                                struct db_caseload *out, struct al_error *err)
{
	db_caseload_free(out);
	enum al_status st = db_status_each(db, f, add_client, out, err);
	if (st) {
		db_caseload_free(out);
		return st;
	}
	if (out->n > 1) /* rows is NULL when there are none */
		qsort(out->rows, out->n, sizeof *out->rows, risk_order);
	return AL_OK;
}

void db_caseload_free(struct db_caseload *c)
{
	free(c->rows);
	*c = (struct db_caseload){0};
}
