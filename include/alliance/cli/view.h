/* What the commands that show a course share (flags, chart, report,
 * ack): the dimensions and settings, detection (alliance/core/flags.h), and
 * painting the chart as text. Chart marks are core's (chart_marks.h). */
#ifndef ALLIANCE_CLI_VIEW_H
#define ALLIANCE_CLI_VIEW_H

#include <stdio.h>

#include "alliance/core/analysis.h"
#include "alliance/core/chart_marks.h"
#include "alliance/cli/cli.h"
#include "alliance/db/meta.h"
#include "alliance/db/session.h"
#include "alliance/core/flags.h"

#define VIEW_EXPLAIN_MAX 640 /* one flag's explanation */
#define VIEW_ACK_MAX 4096    /* one flag's acknowledgements, joined */
#define VIEW_CHART_HEIGHT 16 /* rows of the chart command and the text report */
#define VIEW_CHART_WIDTH 80

/* The dimensions and settings of the database, and the flags of the last
 * course detected (reused from one course to the next); with
 * view_analyse, its episodes too. */
struct view {
	struct db_dims dims;
	struct al_settings settings;
	struct al_flags f;
	struct al_analysis an;
};

enum al_status view_init(struct cli *c, struct view *v);

/* view_scope.c: which clients a listing covers, one CODE or every client
 * of the user's (narrowed by --clinician). */
struct view_scope {
	bool one;
	struct al_client cl;       /* one: the client */
	struct db_course course;   /* one: its course */
	struct db_client_filter f; /* many: which clients */
};
/* Opens a read and settles who may see what before the first line is
 * printed: code is the command's CODE, clinician its --clinician (not
 * both). On failure nothing is left open. */
enum al_status view_scope_open(struct cli *c, struct view *v, const char *code,
                               const char *clinician, struct view_scope *s);
/* The one client's id, 0 when the scope covers many. */
int64_t view_scope_id(const struct view_scope *s);
/* fn on the one client's course, or on each course the scope covers. */
enum al_status view_scope_each(struct cli *c, struct view *v, struct view_scope *s, db_course_fn fn,
                               void *ctx);
/* Ends the read and frees the course. */
void view_scope_close(struct cli *c, struct view_scope *s);
void view_free(struct view *v);
/* Every flag of course into v->f.v[0..v->f.n), in rules_detect's order. */
enum al_status view_detect(struct cli *c, struct view *v, const struct al_course *course);

/* Every flag and episode of course (analysis.h) into v->an (its flags are
 * v->an.flags; view_detect fills v->f). archived: the client's. */
enum al_status view_analyse(struct cli *c, struct view *v, const struct al_course *course,
                            bool archived);

/* The story of episode k of v->an told to the user: to the clinician
 * ("you"), or naming them when a supervisor reads (clinician). */
void view_story(const struct cli *c, const struct view *v, const struct al_course *course, size_t k,
                const char *clinician, char *buf, size_t cap);

/* A client the user may read (access.h), with its course loaded and detected. */
enum al_status view_load(struct cli *c, struct view *v, const char *code, struct al_client *cl,
                         struct db_course *course);

/* Lays out and writes the chart of course (opts->dim, opts->ascii set by the
 * caller) at width x height into fp. */
enum al_status view_chart_print(struct cli *c, FILE *fp, const struct al_course *course,
                                const enum chart_flag *marks, const struct chart_opts *opts,
                                int width, int height);

#endif
