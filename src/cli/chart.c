/* chart CODE [--dimension D] [--width N] [--ascii]: the trend chart, laid
 * out by core/chart (as the UI's, with the episodes and the sessions not
 * attended) and painted as text to stdout. */
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "alliance/cli/view.h"
#include "alliance/cli/commands.h"
#include "alliance/core/parse.h"

/* --width, else the terminal's width when stdout is one, else 80. */
static enum al_status chart_width(struct cli *c, const char *arg, int *width)
{
	long w;
	struct winsize ws;
	if (arg) {
		if (!parse_int(arg, CHART_MIN_WIDTH, CHART_MAX_WIDTH, &w))
			return al_fail(
			    c->err, AL_EINPUT,
			    "chart: --width: '%.40s' is not a whole number from %d to %d", arg,
			    CHART_MIN_WIDTH, CHART_MAX_WIDTH);
		*width = (int)w;
		return AL_OK;
	}
	*width = VIEW_CHART_WIDTH;
	if (c->stdout_tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= CHART_MIN_WIDTH)
		*width = ws.ws_col < CHART_MAX_WIDTH ? ws.ws_col : CHART_MAX_WIDTH;
	return AL_OK;
}

/* --dimension KEY: one dimension, any of the database's; else the core ones. */
static enum al_status chart_dimension(struct cli *c, const struct view *v, const char *key,
                                      int *dim)
{
	*dim = CHART_ALL_DIMS;
	if (!key)
		return AL_OK;
	if ((*dim = db_dims_find(&v->dims, key)) < 0)
		return al_fail(c->err, AL_EINPUT,
		               "chart: --dimension: unknown dimension '%.40s' (see alliance "
		               "dimension list)",
		               key);
	return AL_OK;
}

enum al_status cmd_chart(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"dimension", true}, {"width", true}, {NULL}};
	const char *pos[1];
	struct chart_opts co;
	struct al_client cl;
	struct db_course course = {0};
	enum chart_flag *marks = NULL;
	struct chart_span *spans = NULL;
	struct view v;
	int width = VIEW_CHART_WIDTH;
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 1, 1, NULL);
	if (st || (st = chart_width(c, cli_opt(opts, "width"), &width)) || (st = view_init(c, &v)))
		return st;
	chart_opts_default(&co);
	co.ascii = c->ascii;
	co.cutoff = v.settings.cutoff;
	if ((st = chart_dimension(c, &v, cli_opt(opts, "dimension"), &co.dim)) ||
	    (st = view_load(c, &v, pos[0], &cl, &course)))
		goto out;
	if ((st = view_analyse(c, &v, &course.course, cl.archived)))
		goto out;
	marks = calloc(course.course.n + 1, sizeof *marks);
	spans = calloc(v.an.neps + course.course.n + 1, sizeof *spans);
	if (!marks || !spans) {
		st = al_fail(c->err, AL_EIO, "chart: out of memory");
		goto out;
	}
	chart_marks(&course.course, v.an.flags, v.an.nflags, marks);
	co.spans = spans;
	co.nspans = chart_spans(&course.course, v.an.eps, v.an.neps, 0, course.course.n, spans);
	struct al_course shown =
	    co.dim == CHART_ALL_DIMS ? chart_core_course(&course.course) : course.course;
	st = view_chart_print(c, stdout, &shown, marks, &co, width,
	                      chart_fit_height(VIEW_CHART_HEIGHT));
	if (!st)
		st = cli_flush_stdout(c);
out:
	free(marks);
	free(spans);
	db_course_free(&course);
	view_free(&v);
	return st;
}
