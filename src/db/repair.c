/* The repair tables: records of what was done about an episode, their
 * strategies and their notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/db/repair.h"
#include "internal.h"

static enum al_status strategies_add(struct db *db, int64_t id, uint32_t set, struct al_error *err)
{
	static const char sql[] =
	    "INSERT INTO repair_strategy (repair_id, strategy) VALUES (:id, :strategy)";
	for (int s = 0; s < AL_STRATEGY_COUNT; s++) {
		if (!(set >> s & 1))
			continue;
		sqlite3_stmt *st = db_stmt(db, sql, err);
		if (!st)
			return err->status;
		db_bind_int(st, ":id", id);
		db_bind_text(st, ":strategy", repair_strategies[s].word);
		enum al_status rs = db_run(db, st, err);
		if (rs)
			return rs;
	}
	return AL_OK;
}

static enum al_status note_add(struct db *db, int64_t id, const char *note, struct al_error *err)
{
	static const char sql[] = "INSERT INTO repair_note (repair_id, body) VALUES (:id, :body)";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":body", note);
	return db_run(db, st, err);
}

static int count_bits(uint32_t m)
{
	int n = 0;
	for (; m; m &= m - 1)
		n++;
	return n;
}

enum al_status db_repair_add(struct db *db, const struct db_repair_in *in, int64_t *id,
                             struct al_error *err)
{
	static const char sql[] =
	    "INSERT INTO repair (client_id, opened_id, session_id, domain, user_id, time) "
	    "VALUES (:client, :opened, :session, :domain, :user, :time)";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char now[21];
	if (!st)
		return err->status;
	if (!in->strategies)
		return al_fail(err, AL_EINPUT, "repair: at least one strategy");
	db_now(now);
	db_bind_int(st, ":client", in->client_id);
	db_bind_int(st, ":opened", in->opened_id);
	db_bind_int(st, ":session", in->session_id);
	db_bind_text(st, ":domain", repair_domains[in->domain].word);
	db_bind_int(st, ":user", in->user_id);
	db_bind_text(st, ":time", now);
	enum al_status s = db_run(db, st, err);
	if (s)
		return s;
	*id = sqlite3_last_insert_rowid(db->h);
	if ((s = strategies_add(db, *id, in->strategies, err)))
		return s;
	if (in->note && in->note[0] && (s = note_add(db, *id, in->note, err)))
		return s;
	return db_audit(db, "add", "repair", *id, count_bits(in->strategies), err);
}

static enum al_status grow(struct db_repairs *rs, struct al_error *err)
{
	size_t cap = rs->cap ? rs->cap * 2 : 16;
	struct db_repair *p = realloc(rs->r, cap * sizeof *p);
	if (!p)
		return al_fail(err, AL_EIO, "out of memory");
	rs->r = p;
	rs->cap = cap;
	return AL_OK;
}

/* One row per strategy: a new record when the id changes. A domain or
 * strategy word this binary does not know (a newer schema) is skipped. */
static enum al_status repair_row(void *ctx, sqlite3_stmt *st, struct al_error *err)
{
	struct db_repairs *rs = ctx;
	int64_t id = sqlite3_column_int64(st, 0);
	enum al_strategy s;
	if (rs->n == 0 || rs->r[rs->n - 1].id != id) {
		enum al_domain d;
		if (!repair_domain_parse(db_col_text(st, 4), &d))
			return AL_OK;
		if (rs->n == rs->cap && grow(rs, err))
			return err->status;
		struct db_repair *r = &rs->r[rs->n++];
		*r = (struct db_repair){.id = id,
		                        .client_id = sqlite3_column_int64(st, 1),
		                        .opened_id = sqlite3_column_int64(st, 2),
		                        .session_id = sqlite3_column_int64(st, 3),
		                        .domain = d,
		                        .has_note = sqlite3_column_int(st, 5) != 0};
		snprintf(r->user, sizeof r->user, "%s", db_col_text(st, 6));
		snprintf(r->date, sizeof r->date, "%s", db_col_text(st, 7));
	}
	if (repair_strategy_parse(db_col_text(st, 8), &s))
		rs->r[rs->n - 1].strategies |= 1u << s;
	return AL_OK;
}

enum al_status db_repairs_load(struct db *db, int64_t client_id, struct db_repairs *out,
                               struct al_error *err)
{
	static const char sql[] =
	    "SELECT r.id, r.client_id, r.opened_id, r.session_id, r.domain, "
	    "n.repair_id IS NOT NULL, u.name, substr(r.time, 1, 10), s.strategy "
	    "FROM repair r JOIN user u ON u.id = r.user_id "
	    "JOIN repair_strategy s ON s.repair_id = r.id "
	    "LEFT JOIN repair_note n ON n.repair_id = r.id "
	    "WHERE :client = 0 OR r.client_id = :client ORDER BY r.client_id, r.id";
	*out = (struct db_repairs){0};
	enum al_status s = db_client_rows(db, sql, client_id, repair_row, out, err);
	if (s)
		db_repairs_free(out);
	return s;
}

void db_repairs_free(struct db_repairs *rs)
{
	free(rs->r);
	*rs = (struct db_repairs){0};
}

static size_t session_index(const struct al_course *c, int64_t id)
{
	size_t i = 0;
	while (i < c->n && c->sessions[i].id != id)
		i++;
	return i;
}

/* The first record of client_id (binary search), or rs->n. */
static size_t first_of_client(const struct db_repairs *rs, int64_t client_id)
{
	size_t lo = 0, hi = rs->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rs->r[mid].client_id < client_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t db_repairs_course(const struct db_repairs *rs, int64_t client_id,
                         const struct al_course *course, struct al_repair_rec *out, size_t cap)
{
	size_t m = 0;
	for (size_t k = first_of_client(rs, client_id);
	     k < rs->n && rs->r[k].client_id == client_id; k++) {
		const struct db_repair *r = &rs->r[k];
		size_t opened = session_index(course, r->opened_id);
		size_t at = session_index(course, r->session_id);
		if (opened == course->n || at == course->n)
			continue;
		if (m < cap)
			out[m] = (struct al_repair_rec){.id = r->id,
			                                .opened = opened,
			                                .session = at,
			                                .domain = r->domain,
			                                .strategies = r->strategies,
			                                .has_note = r->has_note};
		m++;
	}
	return m;
}

enum al_status db_repair_note_get(struct db *db, int64_t id, char *buf, size_t cap,
                                  struct al_error *err)
{
	static const char sql[] = "SELECT body FROM repair_note WHERE repair_id = :id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	if (cap)
		buf[0] = '\0';
	db_bind_int(st, ":id", id);
	int rc = db_step(db, st, err);
	if (rc == SQLITE_ROW && cap) {
		const char *body = db_col_text(st, 0);
		size_t n = strlen(body);
		if (n >= cap) {
			n = cap - 1;
			while (n > 0 && ((unsigned char)body[n] & 0xC0) == 0x80)
				n--;
		}
		memcpy(buf, body, n);
		buf[n] = '\0';
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? AL_OK : err->status;
}
