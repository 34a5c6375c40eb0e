/* repairs [CODE] [--clinician NAME] [--format table|csv|json]: the repair
 * records, one row per strategy. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/cli/repair.h"
#include "alliance/cli/commands.h"

/* The CSV header is fixed by SPEC §3 (the first REPAIR_CSV_COLS columns).
 * Table and JSON add the session's date, the episode's status now ("" when
 * the records' episode no longer opens at that session, e.g. after a
 * settings change) and who recorded it when. Never the note. */
static const struct out_col repair_cols[] = {
    {"client"},   {"opened", true}, {"session", true}, {"domain"},
    {"strategy"}, {"date"},         {"status"},        {"recorded"},
};
#define REPAIR_CSV_COLS 5
#define REPAIR_ALL_COLS ((int)(sizeof repair_cols / sizeof repair_cols[0]))

/* One output row before sorting: record k of the client, one strategy. */
struct repair_row {
	int opened, session;
	int alpha; /* the strategy's place in alphabetical order */
	enum al_strategy strategy;
	size_t rec; /* index into the client's records */
	int64_t id;
};

struct repairs_run {
	struct cli *c;
	struct view *v;
	struct out *o;
	struct db_repairs all;
	struct repair_view rv;
	struct repair_row *rows;
	size_t nrows, cap;
};

static int row_cmp(const void *pa, const void *pb)
{
	const struct repair_row *a = pa, *b = pb;
	if (a->opened != b->opened)
		return a->opened < b->opened ? -1 : 1;
	if (a->session != b->session)
		return a->session < b->session ? -1 : 1;
	if (a->alpha != b->alpha)
		return a->alpha < b->alpha ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static enum al_status rows_add(struct repairs_run *r, const struct al_course *course, size_t k,
                               const enum al_strategy *alpha)
{
	const struct al_repair_rec *rec = &r->rv.recs[k];
	for (int a = 0; a < AL_STRATEGY_COUNT; a++) {
		if (!(rec->strategies >> alpha[a] & 1))
			continue;
		if (r->nrows == r->cap) {
			size_t cap = r->cap ? r->cap * 2 : 32;
			struct repair_row *p = realloc(r->rows, cap * sizeof *p);
			if (!p)
				return al_fail(r->c->err, AL_EIO, "repairs: out of memory");
			r->rows = p;
			r->cap = cap;
		}
		r->rows[r->nrows++] = (struct repair_row){
		    .opened = course->sessions[rec->opened].seq,
		    .session = course->sessions[rec->session].seq,
		    .alpha = a,
		    .strategy = alpha[a],
		    .rec = k,
		    .id = rec->id,
		};
	}
	return AL_OK;
}

/* The stored record (recorder and day) of client_id with id: all is
 * ordered by client id, then id. */
static const struct db_repair *stored(const struct db_repairs *all, int64_t client_id, int64_t id)
{
	size_t lo = 0, hi = all->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct db_repair *m = &all->r[mid];
		if (m->client_id < client_id || (m->client_id == client_id && m->id < id))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < all->n && all->r[lo].id == id ? &all->r[lo] : NULL;
}

static enum al_status row_print(struct repairs_run *r, const struct al_client *cl,
                                const struct al_course *course, const struct repair_row *row)
{
	const struct al_repair_rec *rec = &r->rv.recs[row->rec];
	const struct al_episode *e = repair_view_episode(&r->rv, rec->opened);
	const struct db_repair *s = stored(&r->all, cl->id, rec->id);
	char opened[16], session[16], date[AL_DATE_LEN + 1], recorded[AL_KEY_MAX + 16] = "";
	snprintf(opened, sizeof opened, "%d", row->opened);
	snprintf(session, sizeof session, "%d", row->session);
	format_date(course->sessions[rec->session].date, date);
	if (s)
		snprintf(recorded, sizeof recorded, "%s %s", s->user, s->date);
	const char *cells[REPAIR_ALL_COLS] = {
	    cl->code,
	    opened,
	    session,
	    repair_domains[rec->domain].word,
	    repair_strategies[row->strategy].word,
	    date,
	    e ? episode_status_name(e->status) : "",
	    recorded,
	};
	return out_row(r->o, cells, r->c->err);
}

static enum al_status client_repairs(struct repairs_run *r, const struct al_client *cl,
                                     const struct al_course *course)
{
	enum al_strategy alpha[AL_STRATEGY_COUNT];
	enum al_status st = repair_view_load(r->c, r->v, &r->rv, cl, course, &r->all);
	repair_strategies_alpha(alpha);
	r->nrows = 0;
	for (size_t k = 0; !st && k < r->rv.nrecs; k++)
		st = rows_add(r, course, k, alpha);
	if (st)
		return st;
	if (r->nrows > 1)
		qsort(r->rows, r->nrows, sizeof r->rows[0], row_cmp);
	for (size_t k = 0; !st && k < r->nrows; k++)
		st = row_print(r, cl, course, &r->rows[k]);
	return st;
}

static enum al_status each_client(void *ctx, const struct al_client *cl,
                                  const struct db_course *course, struct al_error *err)
{
	(void)err;
	return client_repairs(ctx, cl, &course->course);
}

enum al_status cmd_repairs(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"clinician", true}, {"format", true}, {NULL}};
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
	struct repairs_run r = {.c = c, .v = &v, .o = &o};
	if (!(st = db_repairs_load(c->db, view_scope_id(&sc), &r.all, c->err))) {
		out_begin(&o, stdout, fmt, repair_cols,
		          fmt == OUT_CSV ? REPAIR_CSV_COLS : REPAIR_ALL_COLS);
		st = view_scope_each(c, &v, &sc, each_client, &r);
		enum al_status end = out_end(&o, c->err);
		st = st ? st : end;
	}
	free(r.rows);
	repair_view_free(&r.rv);
	db_repairs_free(&r.all);
	view_scope_close(c, &sc);
	view_free(&v);
	return st;
}
