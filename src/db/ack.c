/* The ack table: supervisors' acknowledgements of flags. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/db/ack.h"
#include "internal.h"

enum al_status db_ack_add(struct db *db, int64_t session_id, int64_t dimension_id,
                          enum al_rule rule, int64_t user_id, const char *comment, int64_t *id,
                          struct al_error *err)
{
	static const char sql[] =
	    "INSERT INTO ack (session_id, dimension_id, rule, user_id, time, comment) "
	    "VALUES (:session, :dim, :rule, :user, :time, :comment)";
	if (db_text_check("comment", comment, false, err))
		return err->status;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char now[21];
	if (!st)
		return err->status;
	db_now(now);
	db_bind_int(st, ":session", session_id);
	if (dimension_id)
		db_bind_int(st, ":dim", dimension_id);
	db_bind_text(st, ":rule", rule_name(rule));
	db_bind_int(st, ":user", user_id);
	db_bind_text(st, ":time", now);
	db_bind_text(st, ":comment", comment);
	enum al_status s = db_run(db, st, err);
	if (s)
		return s;
	*id = sqlite3_last_insert_rowid(db->h);
	return db_audit(db, "acknowledge", "ack", *id, -1, err);
}

static int dim_index(const struct db_dims *dims, int64_t id)
{
	if (id == 0)
		return -1;
	for (size_t i = 0; i < dims->n; i++)
		if (dims->id[i] == id)
			return (int)i;
	return -2;
}

struct ack_rows {
	struct db_acks *acks;
	const struct db_dims *dims;
};

/* Appends the row at st; a row naming what this binary does not know
 * (a rule or dimension of a newer schema) is left out. */
static enum al_status ack_read_row(void *ctx, sqlite3_stmt *st, struct al_error *err)
{
	struct db_acks *acks = ((struct ack_rows *)ctx)->acks;
	const struct db_dims *dims = ((struct ack_rows *)ctx)->dims;
	struct al_ack a = {.id = sqlite3_column_int64(st, 0),
	                   .session_id = sqlite3_column_int64(st, 1),
	                   .dim = dim_index(dims, sqlite3_column_int64(st, 2))};
	if (a.dim == -2 || !rule_parse(db_col_text(st, 3), &a.rule))
		return AL_OK;
	snprintf(a.user, sizeof a.user, "%s", db_col_text(st, 4));
	snprintf(a.date, sizeof a.date, "%s", db_col_text(st, 5));
	if (acks->n == acks->cap) {
		size_t cap = acks->cap ? acks->cap * 2 : 16;
		struct al_ack *p = realloc(acks->a, cap * sizeof *p);
		if (!p)
			return al_fail(err, AL_EIO, "out of memory");
		acks->a = p;
		acks->cap = cap;
	}
	if (!(a.comment = strdup(db_col_text(st, 6))))
		return al_fail(err, AL_EIO, "out of memory");
	acks->a[acks->n++] = a;
	return AL_OK;
}

enum al_status db_acks_load(struct db *db, const struct db_dims *dims, int64_t client_id,
                            struct db_acks *out, struct al_error *err)
{
	static const char sql[] =
	    "SELECT a.id, a.session_id, coalesce(a.dimension_id, 0), a.rule, u.name, "
	    "substr(a.time, 1, 10), a.comment FROM ack a JOIN user u ON u.id = a.user_id "
	    "WHERE :client = 0 OR a.session_id IN "
	    "(SELECT id FROM session WHERE client_id = :client) "
	    "ORDER BY a.session_id, a.id";
	*out = (struct db_acks){0};
	enum al_status s =
	    db_client_rows(db, sql, client_id, ack_read_row, &(struct ack_rows){out, dims}, err);
	if (s)
		db_acks_free(out);
	return s;
}

void db_acks_free(struct db_acks *acks)
{
	for (size_t i = 0; i < acks->n; i++)
		free(acks->a[i].comment);
	free(acks->a);
	*acks = (struct db_acks){0};
}

/* The first acknowledgement of session_id (binary search), or acks->n. */
static size_t first_of_session(const struct db_acks *acks, int64_t session_id)
{
	size_t lo = 0, hi = acks->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (acks->a[mid].session_id < session_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t db_acks_next(const struct db_acks *acks, int64_t session_id, int dim, enum al_rule rule,
                    size_t from)
{
	size_t k = from ? from : first_of_session(acks, session_id);
	for (; k < acks->n && acks->a[k].session_id == session_id; k++)
		if (acks->a[k].dim == dim && acks->a[k].rule == rule)
			return k;
	return acks->n;
}

void db_text_append(char *buf, size_t cap, size_t *at, const char *s)
{
	size_t n = strlen(s);
	if (*at + n >= cap) {
		n = cap - 1 - *at;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf + *at, s, n);
	*at += n;
	buf[*at] = '\0';
}

size_t db_acks_text(const struct db_acks *acks, int64_t session_id, int dim, enum al_rule rule,
                    char *buf, size_t cap)
{
	size_t at = 0, count = 0;
	if (cap == 0)
		return 0;
	buf[0] = '\0';
	for (size_t k = db_acks_next(acks, session_id, dim, rule, 0); k < acks->n;
	     k = db_acks_next(acks, session_id, dim, rule, k + 1)) {
		const struct al_ack *a = &acks->a[k];
		if (count++)
			db_text_append(buf, cap, &at, "; ");
		db_text_append(buf, cap, &at, a->user);
		db_text_append(buf, cap, &at, " ");
		db_text_append(buf, cap, &at, a->date);
		db_text_append(buf, cap, &at, ": ");
		db_text_append(buf, cap, &at, a->comment);
	}
	return count;
}
