/* The report command's two writers (text in report.c, HTML in report_html.c)
 * share one gathered report and the pieces in report_parts.c. */
#ifndef ALLIANCE_CLI_REPORT_H
#define ALLIANCE_CLI_REPORT_H

#include <stdio.h>

#include "alliance/cli/view.h"
#include "alliance/db/ack.h"

struct report {
	struct cli *c;
	struct view v; /* dims, settings, and the flags of the whole course */
	struct al_client client;
	struct db_course course; /* the whole course: flags need what came before */
	size_t from, to;         /* sessions shown: indexes [from, to) */
	bool period;             /* --from or --to narrowed them */
	bool with_notes;
	struct al_standing standing;  /* from the episodes, as of the last session */
	bool dim_shown[AL_DIM_MAX];   /* core dimensions, and others rated in the period */
	bool clinician_rated;         /* any clinician rating in the period */
	enum chart_flag *marks;       /* per session of the whole course */
	struct db_acks acks;          /* supervisors' acknowledgements of single flags */
	struct db_episode_acks eacks; /* ... and of its episodes */
};

/* The sessions shown as a course of their own (numbers and dates kept). */
struct al_course report_period(const struct report *r);
/* "9.0", "9.0 (9.5)" with the clinician's rating, "- (9.5)", or "". */
void report_rating_cell(const struct al_session *s, int dim, char *buf, size_t cap);
/* The note of session i (comment: the client's comment instead), or NULL
 * when it has none (free it). */
enum al_status report_note(struct report *r, size_t i, bool comment, char **note);
/* Whether a session shown was not attended: the ratings table then has an
 * attendance column. */
bool report_has_absence(const struct report *r);
/* "Acknowledged by sup_moreau on 2026-11-27: discussed in supervision". */
void report_ack_line(const struct al_ack *a, char *buf, size_t cap);

/* ", 2026-09-04 to 2026-11-27": the first and last dates of the sessions
 * [from, to), or "" when there are none. */
void report_span(const struct report *r, size_t from, size_t to, char *buf, size_t cap);

/* Episode k (of r->v.an) took place in the sessions shown. */
bool report_episode_shown(const struct report *r, size_t k);
/* "Session 9, 2026-10-30: rupture (red, unrepaired at session 12)" */
void report_episode_head(const struct report *r, size_t k, char *buf, size_t cap);
/* "Acknowledged by sup_moreau on 2026-11-27: discussed in supervision". */
void report_episode_ack_line(const struct al_episode_ack *a, char *buf, size_t cap);
/* Flag k of r->v, folded under its session: "trust: drop (red, unrepaired)". */
void report_flag_head(const struct report *r, size_t k, char *buf, size_t cap);
/* The episode holding flags of the session of flag k, or SIZE_MAX. */
size_t report_session_episode(const struct report *r, size_t k);
/* How many flags and sessions with flags the period shows. */
void report_flag_count(const struct report *r, size_t *flags, size_t *sessions);

enum al_status report_html(struct report *r, FILE *fp);

#endif
