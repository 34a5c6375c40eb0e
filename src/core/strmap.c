/* Open addressing with linear probing; the table doubles at half full. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/strmap.h"

void strmap_init(struct strmap *m)
{
	m->slots = NULL;
	m->cap = m->n = 0;
}

void strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	strmap_init(m);
}

static size_t hash(const char *s)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

/* The slot holding key, or the empty slot where it would go. */
static struct strmap_slot *find(const struct strmap *m, const char *key)
{
	size_t mask = m->cap - 1;
	for (size_t i = hash(key) & mask;; i = (i + 1) & mask)
		if (!m->slots[i].key || strcmp(m->slots[i].key, key) == 0)
			return &m->slots[i];
}

bool strmap_get(const struct strmap *m, const char *key, size_t *value)
{
	if (!m->cap)
		return false;
	const struct strmap_slot *s = find(m, key);
	if (s->key)
		*value = s->value;
	return s->key != NULL;
}

static bool grow(struct strmap *m)
{
	struct strmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	if (!(m->slots = calloc(m->cap, sizeof *m->slots))) {
		*m = old;
		return false;
	}
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			*find(m, old.slots[i].key) = old.slots[i];
	free(old.slots);
	return true;
}

bool strmap_put(struct strmap *m, const char *key, size_t value)
{
	if ((m->n + 1) * 2 > m->cap && !grow(m))
		return false;
	struct strmap_slot *s = find(m, key);
	if (!s->key) {
		if (!(s->key = strdup(key)))
			return false;
		m->n++;
	}
	s->value = value;
	return true;
}
