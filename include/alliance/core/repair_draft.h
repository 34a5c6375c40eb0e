/* The repair form's draft body (SPEC §5 "a draft is kept while typing"):
 * what was chosen and typed, as "domain=", "strategies=" and "session="
 * lines, then "note=" and the note verbatim to the end, as the entry
 * form's drafts end. Pure code: the form encodes, db/draft.c stores. */
#ifndef ALLIANCE_REPAIR_DRAFT_H
#define ALLIANCE_REPAIR_DRAFT_H

#include <stddef.h>
#include <stdint.h>

#include "alliance/core/repair_record.h"

struct repair_draft {
	enum al_domain domain;
	uint32_t strategies; /* bit s: strategy s; none yet is fine */
	char session[32];    /* the session field as typed, right or wrong */
};

/* d and the note as a body into out (at most cap bytes, NUL-terminated);
 * returns the length it needs (as snprintf: cut when >= cap). */
size_t repair_draft_encode(const struct repair_draft *d, const char *note, char *out, size_t cap);
/* A body back into d; returns where its note starts in body ("" when it
 * has none). Words no longer known are left out (a domain: the first). */
const char *repair_draft_decode(const char *body, struct repair_draft *d);

#endif
