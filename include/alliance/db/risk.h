/* The risk order a page at a time, for the screens (caseload, board): the
 * stored summaries (db_status.h) read along an index over the risk key,
 * so that a screen reads the rows in sight and no more however many
 * clients there are. Archived clients are never listed. The order is
 * db_caseload_load's (standing_compare): a page is that order's slice.
 * With who.today set, statuses are as of that day (the gap rule, as
 * db_status_each applies it): counts, the status filter, positions and
 * rows see a client not seen for more than gap_days as WATCH. */
#ifndef ALLIANCE_DB_RISK_H
#define ALLIANCE_DB_RISK_H

#include <stddef.h>
#include <stdint.h>

#include "alliance/db/status.h"

#define DB_RISK_TEXT_MAX 160 /* bytes of the text filter, NUL included */

struct db_risk_filter {
	struct db_client_filter who; /* whose clients, as of who.today (with_archived
	                                is ignored) */
	int64_t clinician_id;        /* and of this clinician alone (0: any) */
	int state;                   /* enum al_state, -1 for any */
	char text[DB_RISK_TEXT_MAX]; /* the code contains it, in any case ("": any) */
	bool text_clinician;         /* ... or the clinician's name does */
};

/* How many clients pass q, and the longest code among them (bytes). */
enum al_status db_risk_count(struct db *db, const struct db_risk_filter *q, size_t *n,
                             int *longest_code, struct al_error *err);
/* Rows [offset, offset + cap) of the order into rows; *got says how many
 * there were. Call inside a read transaction. */
enum al_status db_risk_page(struct db *db, const struct db_risk_filter *q, size_t offset,
                            struct db_status_row *rows, size_t cap, size_t *got,
                            struct al_error *err);
/* Where client_id is in the order: *pos, or SIZE_MAX when q leaves it out. */
enum al_status db_risk_position(struct db *db, const struct db_risk_filter *q, int64_t client_id,
                                size_t *pos, struct al_error *err);
/* The rows of the order a screen has in hand: those in sight and a page
 * either side, [from, from + n). */
struct db_risk_rows {
	struct db_status_row *rows;
	size_t from, n, cap;
};
/* Reads rows [first, first + count) of q's order (of total rows) into w,
 * with a page either side, unless w holds them. Inside a read
 * transaction. */
enum al_status db_risk_fetch(struct db *db, const struct db_risk_filter *q, size_t first,
                             size_t count, size_t total, struct db_risk_rows *w,
                             struct al_error *err);
/* Row i of the order, or NULL when w does not hold it. */
const struct db_status_row *db_risk_row(const struct db_risk_rows *w, size_t i);
/* The order changed (q, or the data): the rows are read again when asked. */
void db_risk_forget(struct db_risk_rows *w);
void db_risk_rows_free(struct db_risk_rows *w);

/* Stores the summaries another program left out (it wrote clients
 * without them), in a transaction of its own, unless the database is
 * read-only; the lists read only stored summaries. */
enum al_status db_risk_complete(struct db *db, struct al_error *err);

#endif
