/* flags [CODE] [--clinician NAME] [--all] [--format table|csv|json] */
#include <string.h>

#include "alliance/cli/view.h"
#include "alliance/cli/commands.h"
#include "alliance/db/ack.h"
#include "alliance/core/parse.h"

/* The CSV header is fixed by SPEC §3 (the first FLAG_CSV_COLS columns).
 * Table and JSON add what a reader needs besides: the explanation and the
 * supervisors' acknowledgements ("sup_moreau 2026-11-27: comment"), never
 * in CSV. */
static const struct out_col flag_cols[] = {
    {"client"}, {"session", true, "sess"}, {"date"},         {"dimension"}, {"rule"}, {"severity"},
    {"status"}, {"explanation"},           {"acknowledged"},
};
#define FLAG_CSV_COLS 7
#define FLAG_ALL_COLS ((int)(sizeof flag_cols / sizeof flag_cols[0]))

struct flags_run {
	struct cli *c;
	struct view *v;
	struct out *o;
	struct db_acks acks;
	bool all; /* every flag ever, not only the current ones */
};

static enum al_status flag_row(struct flags_run *r, const struct al_client *cl,
                               const struct al_course *course, const struct al_flag *f)
{
	const struct al_session *s = &course->sessions[f->session];
	char num[16], date[AL_DATE_LEN + 1], why[VIEW_EXPLAIN_MAX] = "", acked[VIEW_ACK_MAX] = "";
	snprintf(num, sizeof num, "%d", s->seq);
	format_date(s->date, date);
	if (r->o->fmt != OUT_CSV) {
		flag_explain_named(course, &r->v->settings, f,
		                   r->c->supervisor ? cl->clinician : NULL, why, sizeof why);
		db_acks_text(&r->acks, s->id, f->dim, f->rule, acked, sizeof acked);
	}
	const char *cells[FLAG_ALL_COLS] = {
	    cl->code,
	    num,
	    date,
	    f->dim >= 0 ? course->dims[f->dim].key : "",
	    rule_name(f->rule),
	    severity_name(f->severity),
	    repair_name(f->repair),
	    why,
	    acked,
	};
	return out_row(r->o, cells, r->c->err);
}

/* The flags of one client's course, current ones unless --all. */
static enum al_status client_flags(struct flags_run *r, const struct al_client *cl,
                                   const struct al_course *course)
{
	enum al_status st = view_detect(r->c, r->v, course);
	for (size_t k = 0; !st && k < r->v->f.n; k++) {
		const struct al_flag *f = &r->v->f.v[k];
		if (r->all || flag_is_current(course, f))
			st = flag_row(r, cl, course, f);
	}
	return st;
}

static enum al_status each_client(void *ctx, const struct al_client *cl,
                                  const struct db_course *course, struct al_error *err)
{
	(void)err;
	return client_flags(ctx, cl, &course->course);
}

enum al_status cmd_flags(struct cli *c, int argc, char **argv)
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
	struct flags_run r = {.c = c, .v = &v, .o = &o, .all = cli_opt(opts, "all") != NULL};
	if (fmt == OUT_CSV ||
	    !(st = db_acks_load(c->db, &v.dims, view_scope_id(&sc), &r.acks, c->err))) {
		out_begin(&o, stdout, fmt, flag_cols,
		          fmt == OUT_CSV ? FLAG_CSV_COLS : FLAG_ALL_COLS);
		st = view_scope_each(c, &v, &sc, each_client, &r);
		enum al_status end = out_end(&o, c->err);
		st = st ? st : end;
	}
	db_acks_free(&r.acks);
	view_scope_close(c, &sc);
	view_free(&v);
	return st;
}
