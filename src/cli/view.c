/* Detection, chart marks and the text chart for the commands that show a course. */
#include <stdlib.h>
#include <string.h>

#include "alliance/cli_view.h"

enum al_status view_init(struct cli *c, struct view *v)
{
	*v = (struct view){0};
	enum al_status st = db_dims_load(c->db, &v->dims, c->err);
	return st ? st : db_settings_load(c->db, &v->settings, c->err);
}

void view_free(struct view *v)
{
	free(v->flags);
	v->flags = NULL;
	v->n = v->cap = 0;
	analysis_free(&v->an);
}

enum al_status view_analyse(struct cli *c, struct view *v, const struct al_course *course,
                            bool archived)
{
	enum al_status st = view_detect(c, v, course);
	if (!st && !analysis_run(&v->an, course, &v->settings, archived))
		st = al_fail(c->err, AL_EIO, "%s: out of memory", c->cmd);
	return st;
}

void view_story(const struct cli *c, const struct view *v, const struct al_course *course,
                size_t k, const char *clinician, char *buf, size_t cap)
{
	episode_story(course, &v->settings, &v->an.eps[k], c->supervisor ? clinician : NULL, buf,
	              cap);
}

enum al_status view_detect(struct cli *c, struct view *v, const struct al_course *course)
{
	for (;;) {
		v->n = rules_detect(course, &v->settings, v->flags, v->cap);
		if (v->n <= v->cap)
			return AL_OK;
		size_t cap = v->cap ? v->cap : 64;
		while (cap < v->n)
			cap *= 2;
		struct al_flag *p = realloc(v->flags, cap * sizeof *p);
		if (!p)
			return al_fail(c->err, AL_EIO, "%s: out of memory", c->cmd);
		v->flags = p;
		v->cap = cap;
	}
}

enum al_status view_load(struct cli *c, struct view *v, const char *code, struct al_client *cl,
                         struct db_course *course)
{
	enum al_status st = cli_client(c, code, ACCESS_READ, cl);
	if (st || (st = db_course_load(c->db, &v->dims, cl->id, course, c->err)))
		return st;
	return view_detect(c, v, &course->course);
}

enum chart_flag view_flag_mark(const struct al_flag *f)
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

void view_marks(const struct al_course *course, const struct al_flag *flags, size_t n,
                enum chart_flag *marks)
{
	for (size_t i = 0; i < course->n; i++)
		marks[i] = CHART_FLAG_NONE;
	for (size_t k = 0; k < n; k++)
		if (flags[k].session < course->n)
			marks[flags[k].session] =
			    chart_flag_merge(marks[flags[k].session], view_flag_mark(&flags[k]));
}

struct al_course view_core_course(const struct al_course *course)
{
	struct al_course core = *course;
	core.ndims = 0;
	while (core.ndims < course->ndims && course->dims[core.ndims].core)
		core.ndims++;
	if (core.ndims == 0) /* no core dimension first: show them all */
		core.ndims = course->ndims;
	return core;
}

enum al_status view_chart_print(struct cli *c, FILE *fp, const struct al_course *course,
                                const enum chart_flag *marks, const struct chart_opts *opts,
                                int width, int height)
{
	struct chart ch;
	struct chart_cell *cells = calloc((size_t)width * (size_t)height, sizeof *cells);
	char *text = NULL;
	enum al_status st = AL_OK;
	if (!cells)
		return al_fail(c->err, AL_EIO, "%s: out of memory", c->cmd);
	if (!chart_layout(&ch, cells, width, height, course, marks, opts)) {
		st = al_fail(c->err, AL_EINPUT, "%s: the chart does not fit %dx%d", c->cmd, width,
		             height);
		goto out;
	}
	size_t cap = chart_text_cap(&ch);
	if (!(text = malloc(cap))) {
		st = al_fail(c->err, AL_EIO, "%s: out of memory", c->cmd);
		goto out;
	}
	chart_text(&ch, text, cap);
	fputs(text, fp);
out:
	free(text);
	free(cells);
	return st;
}
