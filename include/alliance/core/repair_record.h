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

#include "alliance/core/course.h"

/* The vocabulary, in the order SPEC §1 names it (the order of forms and
 * help): a name, the word, and a one-line plain description. */
#define REPAIR_DOMAINS(X)                                                                          \
	X(BOND, "bond", "trust, warmth, feeling understood between you")                           \
	X(GOALS, "goals", "what the therapy is for: its aims, agreed or not")                      \
	X(TASKS, "tasks", "how you work together: methods, exercises, homework")                   \
	X(MOTIVATION, "motivation", "the client's readiness or wish to change now")                \
	X(LIFE_EVENT, "life-event", "something outside therapy weighing on the client")            \
	X(CULTURE, "culture", "background, culture or identity not understood")                    \
	X(OTHER, "other", "none of these")

#define REPAIR_STRATEGIES(X)                                                                       \
	X(METACOMMUNICATE, "metacommunicate", "talk together about what is happening between you") \
	X(CLARIFY, "clarify", "clear up a misunderstanding")                                       \
	X(RATIONALE, "rationale", "explain why you work the way you do")                           \
	X(CHANGE_TASK, "change-task", "change the task or the way of working")                     \
	X(CHANGE_GOAL, "change-goal", "agree on the goals again, or change them")                  \
	X(VALIDATE, "validate", "say that their reaction makes sense")                             \
	X(OWN_PART, "own-part", "acknowledge your own part in what happened")                      \
	X(INVITE_NEGATIVE, "invite-negative", "ask what is not working for them, and welcome it")  \
	X(SUPERVISION, "supervision", "take it to supervision")

#define REPAIR_AS_DOMAIN(name, word, about) AL_DOMAIN_##name,
#define REPAIR_AS_STRATEGY(name, word, about) AL_STRATEGY_##name,
enum al_domain { REPAIR_DOMAINS(REPAIR_AS_DOMAIN) AL_DOMAIN_COUNT };
enum al_strategy { REPAIR_STRATEGIES(REPAIR_AS_STRATEGY) AL_STRATEGY_COUNT };

/* A word and its one-line plain description ("talk together about what is
 * happening between you"). */
struct al_vocab {
	const char *word;
	const char *about;
};

extern const struct al_vocab repair_domains[AL_DOMAIN_COUNT];
extern const struct al_vocab repair_strategies[AL_STRATEGY_COUNT];
/* The words and descriptions alone, NULL-terminated (the command table's
 * CV_WORDS and the help). */
extern const char *const repair_domain_words[AL_DOMAIN_COUNT + 1];
extern const char *const repair_domain_about[AL_DOMAIN_COUNT + 1];
extern const char *const repair_strategy_words[AL_STRATEGY_COUNT + 1];
extern const char *const repair_strategy_about[AL_STRATEGY_COUNT + 1];

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

/* The records of the episode that opened at opened, for listings:
 * "bond: clarify, validate (session 7); goals: change-goal (session 10)"
 * in session order, or "" when there is none. Always NUL-terminates. */
void repair_records_text(const struct al_course *c, const struct al_repair_rec *recs, size_t n,
                         size_t opened, char *buf, size_t cap);

#endif
