/* Detection and the text chart for the commands that show a course. */
#include <stdlib.h>
#include <string.h>

#include "alliance/cli/view.h"

enum al_status view_init(struct cli *c, struct view *v)
{
	*v = (struct view){0};
	enum al_status st = db_dims_load(c->db, &v->dims, c->err);
	return st ? st : db_settings_load(c->db, &v->settings, c->err);
}

void view_free(struct view *v)
{
	flags_free(&v->f);
	analysis_free(&v->an);
}

enum al_status view_analyse(struct cli *c, struct view *v, const struct al_course *course,
                            bool archived)
{
	if (!analysis_run(&v->an, course, &v->settings, archived))
		return al_fail(c->err, AL_EIO, "%s: out of memory", c->cmd);
	return AL_OK;
}

void view_story(const struct cli *c, const struct view *v, const struct al_course *course, size_t k,
                const char *clinician, char *buf, size_t cap)
{
	episode_story(course, &v->settings, &v->an.eps[k], c->supervisor ? clinician : NULL, buf,
	              cap);
}

enum al_status view_detect(struct cli *c, struct view *v, const struct al_course *course)
{
	if (!flags_detect(&v->f, course, &v->settings))
		return al_fail(c->err, AL_EIO, "%s: out of memory", c->cmd);
	return AL_OK;
}

enum al_status view_load(struct cli *c, struct view *v, const char *code, struct al_client *cl,
                         struct db_course *course)
{
	enum al_status st = cli_client(c, code, ACCESS_READ, cl);
	if (st || (st = db_course_load(c->db, &v->dims, cl->id, course, c->err)))
		return st;
	return view_detect(c, v, &course->course);
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
