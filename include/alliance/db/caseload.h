/* The caseload's data, for the caseload command and screen alike: every
 * client a filter covers with its stored summary, most urgent first. One
 * read of the summaries (db_status.h): no detection. */
#ifndef ALLIANCE_DB_CASELOAD_H
#define ALLIANCE_DB_CASELOAD_H

#include <stddef.h>

#include "alliance/db/status.h"

struct db_caseload {
	struct db_status_row *rows; /* risk order (standing_compare, then code) */
	size_t n, cap;
};

/* Loads the clients f covers (archived ones only when f says so); out is
 * replaced. Call inside a read transaction. */
enum al_status db_caseload_load(struct db *db, const struct db_client_filter *f,
                                struct db_caseload *out, struct al_error *err);
void db_caseload_free(struct db_caseload *c);

#endif
