/* The board's "To discuss": repair records naming `supervision` that no
 * acknowledgement of their episode has followed. */
#include <stdio.h>

#include "alliance/db/discuss.h"
#include "internal.h"

/* Requests for supervision not answered yet: the repair records naming
 * it, in the order they were made (the strategy's index), that no
 * acknowledgement of their episode has seen. */
#define PENDING                                                                                    \
	"FROM repair_strategy rs JOIN repair r ON r.id = rs.repair_id "                            \
	"JOIN client c ON c.id = r.client_id JOIN user u ON u.id = c.clinician_id "                \
	"WHERE rs.strategy = 'supervision' AND c.archived = 0 "                                    \
	"AND (:clinician = 0 OR c.clinician_id = :clinician) "                                     \
	"AND (:only = 0 OR c.clinician_id = :only) "                                               \
	"AND (:supervisor = 0 OR u.supervisor_id = :supervisor) "                                  \
	"AND (:text = '' OR instr(lower(c.code), lower(:text)) > 0 "                               \
	" OR instr(lower(u.name), lower(:text)) > 0) "                                             \
	"AND NOT EXISTS (SELECT 1 FROM episode_ack a WHERE a.session_id = r.opened_id "            \
	" AND a.seen_repair >= r.id) "

/* The first DB_DISCUSS_COUNT_MAX episodes with a pending request, each
 * found at its oldest one (a walk along the index that stops there, so
 * the board's first frame does not grow with the requests); of those, cap
 * rows, oldest first, with the session where the episode opened, the day
 * of its latest request, and how many were found. */
static const char discuss_sql[] =
    "WITH pending AS MATERIALIZED (SELECT DISTINCT r.opened_id AS opened " PENDING " LIMIT :most), "
    "listed AS (SELECT p.opened, (SELECT min(r.id) " PENDING
    " AND r.opened_id = p.opened) AS first "
    " FROM pending p ORDER BY first LIMIT :cap) "
    "SELECT c.id, c.code, u.name, "
    "(SELECT count(*) FROM session o WHERE o.client_id = s.client_id "
    " AND (o.date < s.date OR (o.date = s.date AND o.seq <= s.seq))), "
    "(SELECT substr(max(r.time), 1, 10) " PENDING " AND r.opened_id = l.opened), "
    "(SELECT count(*) FROM pending) "
    "FROM listed l JOIN session s ON s.id = l.opened JOIN client c ON c.id = s.client_id "
    "JOIN user u ON u.id = c.clinician_id ORDER BY l.first";

static void discuss_read(sqlite3_stmt *st, struct db_discuss *d)
{
	d->client_id = sqlite3_column_int64(st, 0);
	snprintf(d->code, sizeof d->code, "%s", db_col_text(st, 1));
	snprintf(d->clinician, sizeof d->clinician, "%s", db_col_text(st, 2));
	d->opened = sqlite3_column_int(st, 3);
	snprintf(d->asked, sizeof d->asked, "%s", db_col_text(st, 4));
}

enum al_status db_discuss_load(struct db *db, const struct db_client_filter *who,
                               int64_t clinician_id, const char *text, struct db_discuss *out,
                               size_t cap, size_t *n, size_t *total, struct al_error *err)
{
	sqlite3_stmt *st = db_stmt(db, discuss_sql, err);
	int rc = SQLITE_DONE;
	*n = *total = 0;
	if (!st)
		return err->status;
	db_bind_int(st, ":clinician", who->clinician_id);
	db_bind_int(st, ":only", clinician_id);
	db_bind_int(st, ":supervisor", who->supervisor_id);
	db_bind_text(st, ":text", text ? text : "");
	db_bind_int(st, ":cap", (int64_t)cap);
	db_bind_int(st, ":most", DB_DISCUSS_COUNT_MAX);
	while (*n < cap && (rc = db_step(db, st, err)) == SQLITE_ROW) {
		discuss_read(st, &out[(*n)++]);
		*total = (size_t)sqlite3_column_int64(st, 5);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? AL_OK : err->status;
}
