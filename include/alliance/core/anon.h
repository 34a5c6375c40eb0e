/* Pseudonyms and date shifts for `export --anonymize`: clients become
 * C-0001, C-0002... and clinicians clinician-1, clinician-2... in the order
 * they first appear, so the same rows give the same pseudonyms; each
 * client's dates move by a whole number of weeks (1 to 52, earlier or
 * later, so that intervals and weekdays stay), derived from a per-client
 * secret the export does not show (its internal id and creation time). */
#ifndef ALLIANCE_ANON_H
#define ALLIANCE_ANON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ANON_NAME_MAX 24

struct anon {
	int64_t client_id; /* the current client; rows come grouped by client */
	int clients;
	int32_t shift; /* the current client's, in days */
	int64_t *clinicians;
	size_t nclinicians, cap;
};

void anon_init(struct anon *a);
void anon_free(struct anon *a);
/* The current row's client: its pseudonym and date shift (days). */
void anon_client(struct anon *a, int64_t client_id, const char *secret, char code[ANON_NAME_MAX],
                 int32_t *shift);
/* A clinician's pseudonym; false when out of memory. */
bool anon_clinician(struct anon *a, int64_t clinician_id, char name[ANON_NAME_MAX]);

#endif
