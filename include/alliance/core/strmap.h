/* A string-keyed hash map to small integers (indices into the caller's
 * array), for lookups by client code or user name while streaming. */
#ifndef ALLIANCE_STRMAP_H
#define ALLIANCE_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

struct strmap {
	struct strmap_slot {
		char *key; /* a copy; NULL for an empty slot */
		size_t value;
	} * slots;
	size_t cap, n; /* cap is 0 or a power of two */
};

void strmap_init(struct strmap *m);
void strmap_free(struct strmap *m);
/* Whether key is there; its value into *value. */
bool strmap_get(const struct strmap *m, const char *key, size_t *value);
/* Adds or replaces key; false when out of memory. */
bool strmap_put(struct strmap *m, const char *key, size_t value);

#endif
