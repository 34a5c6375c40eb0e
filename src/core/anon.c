/* Pseudonyms by order of first appearance; date shifts from a hash. */
#include <stdio.h>
#include <stdlib.h>

#include "alliance/core/anon.h"

#define WEEKS_MAX 52

void anon_init(struct anon *a)
{
	*a = (struct anon){.client_id = -1};
}

void anon_free(struct anon *a)
{
	free(a->clinicians);
	anon_init(a);
}

/* FNV-1a over the id and the secret, mixed so that the size of the shift
 * depends on every byte; always back in time, so that an anonymized export
 * holds no future date and imports as it is. */
static int32_t shift_days(int64_t client_id, const char *secret)
{
	uint64_t h = 14695981039346656037u;
	for (int i = 0; i < 8; i++)
		h = (h ^ (uint8_t)((uint64_t)client_id >> (8 * i))) * 1099511628211u;
	for (const char *p = secret; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	h ^= h >> 31;
	int32_t weeks = 1 + (int32_t)(h % WEEKS_MAX);
	return -7 * weeks;
}

void anon_client(struct anon *a, int64_t client_id, const char *secret, char code[ANON_NAME_MAX],
                 int32_t *shift)
{
	if (client_id != a->client_id) {
		a->client_id = client_id;
		a->clients++;
		a->shift = shift_days(client_id, secret);
	}
	snprintf(code, ANON_NAME_MAX, "C-%04d", a->clients);
	*shift = a->shift;
}

bool anon_clinician(struct anon *a, int64_t clinician_id, char name[ANON_NAME_MAX])
{
	size_t i = 0;
	while (i < a->nclinicians && a->clinicians[i] != clinician_id)
		i++;
	if (i == a->nclinicians) {
		if (a->nclinicians == a->cap) {
			size_t cap = a->cap ? a->cap * 2 : 16;
			int64_t *p = realloc(a->clinicians, cap * sizeof *p);
			if (!p)
				return false;
			a->clinicians = p;
			a->cap = cap;
		}
		a->clinicians[a->nclinicians++] = clinician_id;
	}
	snprintf(name, ANON_NAME_MAX, "clinician-%zu", i + 1);
	return true;
}
