/* episodes [CODE] [--clinician NAME] [--all] [--format table|csv|json]:
 * the client's episodes (SPEC §4b), the current ones unless --all. */
#include <string.h>

#include "alliance/cli/repair.h"
#include "alliance/cli/commands.h"
#include "alliance/db/ack.h"
#include "alliance/core/parse.h"

/* The CSV header is fixed by SPEC §3 (the first EPISODE_CSV_COLS columns):
 * dimensions are keys joined by ';' in the dimensions' order, closed the
 * session number where it was repaired or judged unrepaired (empty while
 * open). Table and JSON add the story (with what was tried, "Tried:
 * clarify (session 11)."), the supervisors' acknowledgements ("sup_moreau
 * 2026-11-27: comment") and the repair records ("goals: clarify,
 * change-goal (session 11)"), never in CSV. */
static const struct out_col episode_cols[] = {
    {"client"}, {"opened", true}, {"date"},  {"kind"},         {"severity"}, {"dimensions"},
    {"status"}, {"closed", true}, {"story"}, {"acknowledged"}, {"repairs"},
};
#define EPISODE_CSV_COLS 8
#define EPISODE_ALL_COLS ((int)(sizeof episode_cols / sizeof episode_cols[0]))
#define DIMS_MAX (AL_DIM_MAX * (AL_KEY_MAX + 1))

struct episodes_run {
	struct cli *c;
	struct view *v;
	struct out *o;
	struct db_episode_acks acks;
	struct db_repairs repairs;
	struct repair_view rv; /* this client's records */
	bool all;              /* every episode, not only the current ones */
};

static void dims_text(const struct al_course *course, uint32_t dims, char *buf, size_t cap)
{
	size_t at = 0;
	buf[0] = '\0';
	for (size_t d = 0; d < course->ndims && d < AL_DIM_MAX; d++)
		if (dims >> d & 1) {
			int n = snprintf(buf + at, cap - at, "%s%s", at ? ";" : "",
			                 course->dims[d].key);
			if (n < 0 || (size_t)n >= cap - at)
				return;
			at += (size_t)n;
		}
}

/* What was done about episode e: "Tried: ..." after its story, and its
 * records for the repairs column. */
static void episode_tried(const struct episodes_run *r, const struct al_course *course,
                          const struct al_episode *e, char *story, size_t story_cap, char *done,
                          size_t done_cap)
{
	size_t len = strlen(story);
	repair_records_text(course, r->rv.recs, r->rv.nrecs, e->opened, done, done_cap);
	if (done[0] && len + 2 < story_cap) {
		story[len++] = ' ';
		repair_tried_text(course, r->rv.recs, r->rv.nrecs, e->opened, story + len,
		                  story_cap - len);
	}
}

static enum al_status episode_row(struct episodes_run *r, const struct al_client *cl,
                                  const struct al_course *course, size_t k)
{
	const struct al_episode *e = &r->v->an.eps[k];
	char opened[16], closed[16] = "", date[AL_DATE_LEN + 1], dims[DIMS_MAX];
	char story[AL_STORY_MAX] = "", acked[VIEW_ACK_MAX] = "", done[VIEW_ACK_MAX] = "";
	snprintf(opened, sizeof opened, "%d", course->sessions[e->opened].seq);
	if (e->closed < course->n)
		snprintf(closed, sizeof closed, "%d", course->sessions[e->closed].seq);
	format_date(course->sessions[e->opened].date, date);
	dims_text(course, e->dims, dims, sizeof dims);
	if (r->o->fmt != OUT_CSV) {
		view_story(r->c, r->v, course, k, cl->clinician, story, sizeof story);
		db_episode_acks_text(&r->acks, course, &r->v->an, k, acked, sizeof acked);
		episode_tried(r, course, e, story, sizeof story, done, sizeof done);
	}
	const char *cells[EPISODE_ALL_COLS] = {
	    cl->code,
	    opened,
	    date,
	    episode_kind_name(e->kind),
	    severity_name(e->severity),
	    dims,
	    episode_status_name(e->status),
	    closed,
	    story,
	    acked,
	    done,
	};
	return out_row(r->o, cells, r->c->err);
}

static enum al_status client_episodes(struct episodes_run *r, const struct al_client *cl,
                                      const struct al_course *course)
{
	enum al_status st = r->o->fmt == OUT_CSV
	                        ? view_analyse(r->c, r->v, course, cl->archived)
	                        : repair_view_load(r->c, r->v, &r->rv, cl, course, &r->repairs);
	for (size_t k = 0; !st && k < r->v->an.neps; k++)
		if (r->all || episode_is_current(course, &r->v->an.eps[k]))
			st = episode_row(r, cl, course, k);
	return st;
}

static enum al_status each_client(void *ctx, const struct al_client *cl,
                                  const struct db_course *course, struct al_error *err)
{
	(void)err;
	return client_episodes(ctx, cl, &course->course);
}

enum al_status cmd_episodes(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"clinician", true}, {"all", false}, {"format", true}, {NULL}};
	const char *pos[1];
	enum out_format fmt;
	struct view_scope sc;
	struct view v;
	struct out o;
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 0, 1, NULL);
	if (st || (st = out_format_parse(c, cli_opt(opts, "format"), &fmt)) ||
	    (st = view_init(c, &v)))
		return st;
	if ((st = view_scope_open(c, &v, pos[0], cli_opt(opts, "clinician"), &sc))) {
		view_free(&v);
		return st;
	}
	struct episodes_run r = {.c = c, .v = &v, .o = &o, .all = cli_opt(opts, "all") != NULL};
	if (fmt == OUT_CSV ||
	    (!(st = db_episode_acks_load(c->db, view_scope_id(&sc), &r.acks, c->err)) &&
	     !(st = db_repairs_load(c->db, view_scope_id(&sc), &r.repairs, c->err)))) {
		out_begin(&o, stdout, fmt, episode_cols,
		          fmt == OUT_CSV ? EPISODE_CSV_COLS : EPISODE_ALL_COLS);
		st = view_scope_each(c, &v, &sc, each_client, &r);
		enum al_status end = out_end(&o, c->err);
		st = st ? st : end;
	}
	db_episode_acks_free(&r.acks);
	db_repairs_free(&r.repairs);
	repair_view_free(&r.rv);
	view_scope_close(c, &sc);
	view_free(&v);
	return st;
}
