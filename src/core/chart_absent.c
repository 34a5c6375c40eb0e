/* The chart's mark of a session the client did not attend: a span of its
 * own over the gap its missing ratings leave (SPEC §5). */
#include "alliance/chart_marks.h"

size_t chart_absence_spans(const struct al_course *course, struct chart_span *out)
{
	size_t n = 0;
	for (size_t i = 0; i < course->n; i++)
		if (course->sessions[i].attendance != AL_ATTENDED)
			out[n++] = (struct chart_span){i, i, CHART_SPAN_ABSENT};
	return n;
}
