/* Chart marks from flags, and the chart's default dimensions. */
#include "alliance/core/chart_marks.h"

enum chart_flag chart_mark_of(const struct al_flag *f)
{
	switch (f->severity) {
	case AL_SEV_RED:
		return f->repair == AL_REPAIR_REPAIRED ? CHART_FLAG_REPAIRED : CHART_FLAG_RED;
	case AL_SEV_AMBER:
		return CHART_FLAG_AMBER;
	default:
		return CHART_FLAG_INFO;
	}
}

void chart_marks(const struct al_course *course, const struct al_flag *flags, size_t n,
                 enum chart_flag *marks)
{
	for (size_t i = 0; i < course->n; i++)
		marks[i] = CHART_FLAG_NONE;
	for (size_t k = 0; k < n; k++)
		if (flags[k].session < course->n)
			marks[flags[k].session] =
			    chart_flag_merge(marks[flags[k].session], chart_mark_of(&flags[k]));
}

struct al_course chart_core_course(const struct al_course *course)
{
	struct al_course core = *course;
	core.ndims = 0;
	while (core.ndims < course->ndims && course->dims[core.ndims].core)
		core.ndims++;
	if (core.ndims == 0) /* no core dimension first: show them all */
		core.ndims = course->ndims;
	return core;
}

void chart_episode_spans(const struct al_course *course, const struct al_episode *eps, size_t n,
                         struct chart_span *out)
{
	for (size_t k = 0; k < n; k++) {
		const struct al_episode *e = &eps[k];
		bool closed = e->closed < course->n;
		out[k] = (struct chart_span){
		    .from = e->opened,
		    .to = closed ? e->closed : (course->n ? course->n - 1 : 0),
		    .kind = e->status == AL_EPISODE_REPAIRED     ? CHART_SPAN_REPAIRED
		            : e->status == AL_EPISODE_UNREPAIRED ? CHART_SPAN_UNREPAIRED
		                                                 : CHART_SPAN_OPEN,
		};
	}
}
