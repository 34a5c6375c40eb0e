/* The vocabularies: modalities, raters and rupture markers. */
#include <stdio.h>
#include <string.h>

#include "alliance/core/vocab.h"

const char *const al_modality_words[AL_MODALITY_WORDS] = {
    "", "cbt", "psychodynamic", "humanistic", "integrative", "other"};
const char *const al_rater_words[AL_RATER_COUNT] = {"client", "clinician"};
const char *const al_rupture_words[AL_RUPTURE_WORDS] = {"", "withdrawal", "confrontation"};

/* The suggested client wordings (SPEC §1) turned to the clinician's view. */
static const char *const clinician_wording[][2] = {
    {"trust", "The client seemed safe and able to be open."},
    {"collaboration", "We worked together on what matters to the client, in a way that fits them."},
    {"empathy", "The client seemed to feel heard, understood and respected."},
};

const char *vocab_clinician_wording(const char *key)
{
	for (size_t i = 0; i < sizeof clinician_wording / sizeof *clinician_wording; i++)
		if (strcmp(clinician_wording[i][0], key) == 0)
			return clinician_wording[i][1];
	return NULL;
}

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
