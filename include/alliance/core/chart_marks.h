/* What a course's flags put on its chart, and which dimensions the chart
 * shows by default: shared by the chart command, the report and the
 * client screen, so that they mark the same sessions the same way. */
#ifndef ALLIANCE_CHART_MARKS_H
#define ALLIANCE_CHART_MARKS_H

#include <stddef.h>

#include "alliance/core/chart.h"
#include "alliance/core/episode.h"
#include "alliance/core/rules.h"

/* The mark a flag puts on the chart: red (open, unrepaired), repaired,
 * amber or info. */
enum chart_flag chart_mark_of(const struct al_flag *f);
/* marks[0..course->n): the marks of each session's flags folded
 * (chart_flag_merge), CHART_FLAG_NONE where it has none. */
void chart_marks(const struct al_course *course, const struct al_flag *flags, size_t n,
                 enum chart_flag *marks);
/* out[0..n): each episode as a span on the chart, from the session where
 * it opened to where it was repaired or judged unrepaired (to the last
 * session while open), marked by its status. */
void chart_episode_spans(const struct al_course *course, const struct al_episode *eps, size_t n,
                         struct chart_span *out);
/* The course with only its leading core dimensions (all of them when none
 * leads): what the chart shows unless one dimension is asked for. */
struct al_course chart_core_course(const struct al_course *course);

/* chart_absent.c: the sessions of course not attended as spans of their
 * own (CHART_SPAN_ABSENT, from == to) into out (course->n at most);
 * returns how many. */
size_t chart_absence_spans(const struct al_course *course, struct chart_span *out);
/* Every span a chart of sessions [from, to) shows, counted from from: the
 * n episodes (cut to the period), then the sessions not attended, into
 * out (room for n + course->n); returns how many. */
size_t chart_spans(const struct al_course *course, const struct al_episode *eps, size_t n,
                   size_t from, size_t to, struct chart_span *out);

#endif
