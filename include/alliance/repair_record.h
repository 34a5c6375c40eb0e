/* Repair records (SPEC §1): what the clinician did about an episode — the
 * likely domain of the rupture and the strategies used, at a session. The
 * vocabulary lives here once: the command line's parsing, --help and
 * completion (src/cli/table.c), the UI's form and the man page's test read
 * these tables. Pure code. */
#ifndef ALLIANCE_REPAIR_RECORD_H
#define ALLIANCE_REPAIR_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/course.h"

/* In the order SPEC §1 names them; the order of forms and help. */
enum al_domain {
	AL_DOMAIN_BOND,
	AL_DOMAIN_GOALS,
	AL_DOMAIN_TASKS,
	AL_DOMAIN_MOTIVATION,
	AL_DOMAIN_LIFE_EVENT,
	AL_DOMAIN_CULTURE,
	AL_DOMAIN_OTHER,
	AL_DOMAIN_COUNT
};

enum al_strategy {
	AL_STRATEGY_METACOMMUNICATE,
	AL_STRATEGY_CLARIFY,
	AL_STRATEGY_RATIONALE,
	AL_STRATEGY_CHANGE_TASK,
	AL_STRATEGY_CHANGE_GOAL,
	AL_STRATEGY_VALIDATE,
	AL_STRATEGY_OWN_PART,
	AL_STRATEGY_INVITE_NEGATIVE,
	AL_STRATEGY_SUPERVISION,
	AL_STRATEGY_COUNT
};

/* A word and its one-line plain description ("talk together about what is
 * happening between you"). */
struct al_vocab {
	const char *word;
	const char *about;
};

extern const struct al_vocab repair_domains[AL_DOMAIN_COUNT];
extern const struct al_vocab repair_strategies[AL_STRATEGY_COUNT];
/* The words alone, NULL-terminated (the command table's CV_WORDS). */
extern const char *const repair_domain_words[AL_DOMAIN_COUNT + 1];
extern const char *const repair_strategy_words[AL_STRATEGY_COUNT + 1];

bool repair_domain_parse(const char *s, enum al_domain *out);
bool repair_strategy_parse(const char *s, enum al_strategy *out);

/* "clarify,change-goal" into a set (bit s for strategy s). Spaces around
 * the commas are allowed; a word twice is the same word. False for an
 * empty list or an unknown word, whose first 40 bytes go to bad. */
bool repair_strategies_parse(const char *list, uint32_t *set, char *bad, size_t badcap);

/* "clarify, change-goal" in the vocabulary's order, or "" for none. */
void repair_strategies_text(uint32_t set, const char *sep, char *buf, size_t cap);

/* Strategies in alphabetical order of their words (the repairs CSV):
 * fills order[0..AL_STRATEGY_COUNT). */
void repair_strategies_alpha(enum al_strategy order[AL_STRATEGY_COUNT]);

/* One record of a client's course. Session fields are indices into the
 * course's sessions. */
struct al_repair_rec {
	int64_t id;
	size_t opened;  /* the opening session of its episode */
	size_t session; /* where it was done */
	enum al_domain domain;
	uint32_t strategies; /* bit s: strategy s */
	bool has_note;
};

/* What the story of the episode that opened at session index opened adds
 * about its records (recs in any order; those of other episodes skipped):
 * "Tried: clarify, change-goal (session 11); validate (session 12)." in
 * session order, or "" when there is none. Always NUL-terminates. */
void repair_tried_text(const struct al_course *c, const struct al_repair_rec *recs, size_t n,
                       size_t opened, char *buf, size_t cap);

#endif
