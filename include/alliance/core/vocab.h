/* The words users choose from, one table each: the command line's parsing
 * and its messages, the screens' choices and the stored values all read
 * these. Index 0 of a table whose value may be absent is "" (none). */
#ifndef ALLIANCE_VOCAB_H
#define ALLIANCE_VOCAB_H

#include <stddef.h>

#include "alliance/core/course.h"

#define AL_MODALITY_WORDS 6
#define AL_RUPTURE_WORDS 3
/* "" (not set), "cbt", "psychodynamic", "humanistic", "integrative", "other" */
extern const char *const al_modality_words[AL_MODALITY_WORDS];
/* by enum al_rater: "client", "clinician" */
extern const char *const al_rater_words[AL_RATER_COUNT];
/* by enum al_rupture: "" (none), "withdrawal", "confrontation" */
extern const char *const al_rupture_words[AL_RUPTURE_WORDS];

/* The clinician's wording of a core dimension's item (the client's is
 * stored with the dimension), or NULL for a dimension without one. */
const char *vocab_clinician_wording(const char *dimension_key);

/* The index of word in words[0..n), or -1. */
int vocab_find(const char *const *words, int n, const char *word);
/* words[from..n) for a message: "cbt, psychodynamic, ... or other". */
void vocab_list(const char *const *words, int from, int n, char *buf, size_t cap);

#endif
