/* The chart's spans: the episodes, and the sessions the client did not
 * attend, each a span of its own over the gap its missing ratings leave
 * (SPEC §5). */
#include "alliance/core/chart_marks.h"

size_t chart_absence_spans(const struct al_course *course, struct chart_span *out)
{
	size_t n = 0;
	for (size_t i = 0; i < course->n; i++)
		if (course->sessions[i].attendance != AL_ATTENDED)
			out[n++] = (struct chart_span){i, i, CHART_SPAN_ABSENT};
	return n;
}

size_t chart_spans(const struct al_course *course, const struct al_episode *eps, size_t n,
                   size_t from, size_t to, struct chart_span *out)
{
	chart_episode_spans(course, eps, n, out);
	size_t all = n + chart_absence_spans(course, out + n), k = 0;
	for (size_t i = 0; i < all; i++) {
		struct chart_span s = out[i];
		if (s.to < from || s.from >= to)
			continue;
		s.from = s.from > from ? s.from - from : 0;
		s.to = (s.to < to ? s.to : to - 1) - from;
		out[k++] = s;
	}
	return k;
}
