/* Episodes (SPEC §4b): what the clinician is told. One deterioration of the
 * working relationship, from the session where it was found to its repair
 * or to the judgement that it was not repaired, built on the flags of
 * rules.h. Pure code: a course and its flags in, plain results out. */
#ifndef ALLIANCE_EPISODE_H
#define ALLIANCE_EPISODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/core/course.h"
#include "alliance/core/rules.h"

/* The kind is that of the evidence that opened the episode; later evidence
 * of other kinds joins it without changing it. */
enum al_episode_kind {
	AL_EPISODE_RUPTURE,       /* a sudden fall, a clinician-recorded marker */
	AL_EPISODE_DECLINE,       /* a slow slide */
	AL_EPISODE_REPORTED,      /* the client said so at the check-in */
	AL_EPISODE_DISENGAGEMENT, /* attendance: disengaging, missed */
	AL_EPISODE_KIND_COUNT
};

enum al_episode_status { AL_EPISODE_OPEN, AL_EPISODE_REPAIRED, AL_EPISODE_UNREPAIRED };

/* Which clause of the opening criterion opened it (README "How ruptures
 * are found"); the story says it in words. */
enum al_opening {
	AL_OPEN_MARKER,    /* the clinician recorded a rupture */
	AL_OPEN_REPORTED,  /* a red check-in */
	AL_OPEN_DROP_DIP,  /* a red drop that is also a red dip of that dimension */
	AL_OPEN_FALL,      /* one dimension far below the client's usual, for them */
	AL_OPEN_TOGETHER,  /* several dimensions below their usual at once */
	AL_OPEN_CONFIRMED, /* below the usual at one session and still at the next */
	AL_OPEN_DECLINE,   /* a slow slide (the decline rule) */
	AL_OPEN_ATTENDANCE /* a missed session after a rupture, or a second in a row */
};

#define AL_EPISODE_SPAN 12  /* sessions an unrepaired episode keeps taking evidence */
#define AL_EPISODE_RECENT 4 /* a repair among the last 4 sessions is current */
#define AL_EPISODE_JOINS 8  /* joined evidence remembered for the story */
#define AL_STORY_MAX 640    /* an episode's story, NUL included */

/* Evidence that joined after the opening, for the story ("... and you
 * noted a confrontation", "... and collaboration fell too"). */
struct al_episode_join {
	size_t session;
	int dim; /* -1: none */
	enum al_rule rule;
	bool joined_dim; /* the dimension was new to the episode */
};

/* Session fields are indices into course->sessions; SIZE_MAX for none.
 * Values are in rating points. */
struct al_episode {
	enum al_episode_kind kind;
	enum al_severity severity; /* the highest seen: amber or red */
	enum al_opening opening;
	enum al_episode_status status;
	size_t began;            /* the session where the change began (opened or the one before) */
	size_t opened;           /* the session where it opened */
	size_t closed;           /* repaired there, or judged unrepaired there */
	size_t back;             /* unrepaired, then back at its reference there */
	size_t last;             /* the last session where it took evidence (so far) */
	uint32_t dims;           /* involved dimensions: bit d for course->dims[d] */
	uint32_t judged;         /* the dimensions repair looks at: dims, or the core ones */
	uint32_t rules;          /* bit r: rules of the flags it holds */
	uint8_t kinds;           /* bit k: kinds of evidence it holds */
	double ref[AL_DIM_MAX];  /* reference of each judged dimension */
	double fell[AL_DIM_MAX]; /* value at `began` of each dimension the opening saw
	                           (AL_MISSING when none) */
	int rated;               /* rated sessions after the opening, up to the judgement */
	size_t nflags;           /* flags it holds */
	struct al_episode_join join[AL_EPISODE_JOINS];
	int njoin;
};

/* What the build needs besides the course and its flags. */
struct al_episode_opts {
	bool archived; /* an episode still open at the end is closed unrepaired */
	const struct al_episode_tuning *tuning; /* NULL: the defaults */
};

/* The opening criterion's thresholds (README "How ruptures are found"):
 * design constants measured by make eval, not settings. A change is
 * measured against the client's usual level of a dimension (or of the mean
 * of the core dimensions): the mean of their last `window` ratings at
 * sessions without a life event, in units of their own session-to-session
 * spread (the sample SD, pooled over the core dimensions and shrunk towards
 * a prior with the weight of `spread_weight` values), as z.
 *  - a fall: one dimension at z >= fall_z and fall_min points below;
 *  - together: the mean of the core dimensions at z >= together_z and
 *    together_min points below (several dimensions moving together);
 *  - two sessions: a dimension, or the mean, below the same usual level
 *    at two sessions in a row, the two z added up (over sqrt 2) reaching
 *    confirm_z and confirm_min points on average, the second still at
 *    confirm_again_z or more (it opens at the second, "since" the first);
 *  - a slide: an EWMA (slide_lambda) of a dimension or of the mean under
 *    its first slide_base values by slide_limit times its spread. */
struct al_episode_tuning {
	int window, min_values;
	double spread_prior, mean_prior, spread_weight;
	double fall_z, fall_min;
	double together_z, together_min;
	double confirm_z, confirm_again_z, confirm_min;
	double member_z; /* a dimension falls with the mean from this z */
	int slide_base;
	double slide_lambda, slide_limit;
};

void episode_tuning_default(struct al_episode_tuning *t);

/*
 * Builds every episode of one course from its flags (rules_detect's output,
 * in its order). Writes at most cap episodes to out in opening order and
 * returns how many there are (never more than course->n). When flag_episode
 * is non-NULL it gets, for each flag, the index of the episode holding it
 * or SIZE_MAX (low, discrepancy and missing are never held).
 */
size_t episodes_build(const struct al_course *c, const struct al_settings *s,
                      const struct al_flag *flags, size_t nflags,
                      const struct al_episode_opts *opts, struct al_episode *out, size_t cap,
                      size_t *flag_episode);

/* Current (SPEC §4b): open; unrepaired, opened within the last 12 sessions
 * and not back; or repaired at one of the last 4 sessions. */
bool episode_is_current(const struct al_course *c, const struct al_episode *e);

/* The plain-words story: what changed since when, with numbers and dates,
 * what joined, where it stands, and one invitation to talk. clinician NULL
 * speaks to the clinician ("you noted"); a name speaks about them
 * ("dr_lee noted"), for a supervisor. Always NUL-terminates (cap > 0),
 * cutting if needed. */
void episode_story(const struct al_course *c, const struct al_settings *s,
                   const struct al_episode *e, const char *clinician, char *buf, size_t cap);

/* "rupture", "decline", "reported", "disengagement" */
const char *episode_kind_name(enum al_episode_kind k);
/* "open", "repaired", "unrepaired" */
const char *episode_status_name(enum al_episode_status s);

/* The episode kind a rule's flag is evidence of, or false for low,
 * discrepancy and missing, which never open or join an episode. */
bool episode_evidence_kind(enum al_rule r, enum al_episode_kind *kind);

/*
 * The client's standing from episodes (SPEC §4b "Current episodes and
 * status"): RUPTURE if a current red episode is open or unrepaired; else
 * WATCH if a current amber one is, or a low or discrepancy flag is at one
 * of the last 4 sessions; else repaired if a current episode was repaired;
 * else ok. out->episode is the episode behind the status (the weightiest
 * current one, the newest among equals) and out->newest_flag, for a WATCH
 * that no episode explains, the low or discrepancy flag behind it.
 * out->last_flag_date is the risk order's date: the opening date of the
 * newest current episode, else the last attended session's date.
 * The gap rule (gap_days, issue 14) is applied when reading, not here.
 */
void episodes_standing(const struct al_course *c, const struct al_flag *flags, size_t nflags,
                       const struct al_episode *eps, size_t neps, struct al_standing *out);

#endif
