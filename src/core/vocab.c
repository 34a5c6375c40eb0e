/* The vocabularies: modalities, raters and rupture markers. */
#include <stdio.h>
#include <string.h>

#include "alliance/vocab.h"

const char *const al_modality_words[AL_MODALITY_WORDS] = {
    "", "cbt", "psychodynamic", "humanistic", "integrative", "other"};
const char *const al_rater_words[AL_RATER_COUNT] = {"client", "clinician"};
const char *const al_rupture_words[AL_RUPTURE_WORDS] = {"", "withdrawal", "confrontation"};

int vocab_find(const char *const *words, int n, const char *word)
{
	for (int i = 0; i < n; i++)
		if (strcmp(words[i], word) == 0)
			return i;
	return -1;
}

void vocab_list(const char *const *words, int from, int n, char *buf, size_t cap)
{
	size_t at = 0;
	buf[0] = '\0';
	for (int i = from; i < n && at < cap; i++)
		at += (size_t)snprintf(buf + at, cap - at, "%s%s",
		                       i == from    ? ""
		                       : i + 1 == n ? " or "
		                                    : ", ",
		                       words[i]);
}
