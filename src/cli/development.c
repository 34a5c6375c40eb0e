/* development [--clinician NAME] [--from D] [--to D] [--format
 * text|html|csv] [--output FILE]: one clinician's professional-development
 * summary for supervision (a supervisor without --clinician gets one per
 * supervisee). Counts of episodes, never flags; never a note. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/cli/development.h"
#include "alliance/cli/repair.h"
#include "alliance/cli/commands.h"
#include "alliance/db/user.h"

/* ---- gathering */

struct dev_gather {
	struct cli *c;
	struct view *v;
	struct repair_view rv;
	const struct db_repairs *all;
	struct al_development *d;
};

static enum al_status each_course(void *ctx, const struct al_client *cl,
                                  const struct db_course *course, struct al_error *err)
{
	struct dev_gather *g = ctx;
	(void)err;
	enum al_status st = repair_view_load(g->c, g->v, &g->rv, cl, &course->course, g->all);
	if (!st)
		development_add(g->d, &course->course, g->rv.eps, g->rv.neps, g->rv.recs,
		                g->rv.nrecs);
	return st;
}

static enum al_status gather(struct cli *c, struct view *v, const struct db_repairs *all,
                             int64_t clinician_id, struct al_development *d)
{
	struct db_client_filter f = {.clinician_id = clinician_id, .with_archived = true};
	struct dev_gather g = {.c = c, .v = v, .all = all, .d = d};
	enum al_status st = db_course_each(c->db, &v->dims, &f, each_course, &g, c->err);
	repair_view_free(&g.rv);
	return st;
}

/* ---- whose summaries */

struct dev_list {
	struct dev_summary *s;
	int64_t *id;
	size_t n, cap;
};

static enum al_status list_add(struct cli *c, struct dev_list *l, int64_t id, const char *name)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;
		struct dev_summary *s = realloc(l->s, cap * sizeof *s);
		if (s)
			l->s = s;
		int64_t *ids = s ? realloc(l->id, cap * sizeof *ids) : NULL;
		if (!ids)
			return al_fail(c->err, AL_EIO, "development: out of memory");
		l->id = ids;
		l->cap = cap;
	}
	snprintf(l->s[l->n].clinician, sizeof l->s[l->n].clinician, "%s", name);
	l->id[l->n++] = id;
	return AL_OK;
}

struct supervisees {
	struct cli *c;
	struct dev_list *l;
};

static enum al_status each_user(void *ctx, const struct al_user *u, struct al_error *err)
{
	struct supervisees *w = ctx;
	(void)err;
	if (u->supervisor || u->supervisor_id != w->c->user_id)
		return AL_OK;
	return list_add(w->c, w->l, u->id, u->name);
}

/* --clinician NAME (checked: oneself, or a supervisee); else oneself, or
 * for a supervisor every supervisee, by name. */
static enum al_status whose(struct cli *c, const char *clinician, struct dev_list *l)
{
	if (clinician) {
		struct db_client_filter f;
		int64_t id;
		struct access_who w = {c->user_id, c->supervisor, c->cmd};
		enum al_status st = access_clinician(c->db, &w, clinician, &f, &id, c->err);
		return st ? st : list_add(c, l, id, clinician);
	}
	if (!c->supervisor)
		return list_add(c, l, c->user_id, c->user);
	struct supervisees w = {c, l};
	enum al_status st = db_user_each(c->db, each_user, &w, c->err);
	if (!st && l->n == 0)
		return al_fail(c->err, AL_EINPUT, "development: you supervise no clinician");
	return st;
}

/* ---- text */

static const char *mark(int n)
{
	return development_few(n) ? " *" : "";
}

static void text_counts(FILE *fp, const char *title, const int *counts, int n,
                        const char *(*name)(int), const char *rest, int rest_n)
{
	fprintf(fp, "  %s:", title);
	int shown = 0;
	for (int k = 0; k < n; k++)
		if (counts[k])
			fprintf(fp, "%s %s %d", shown++ ? "," : "", name(k), counts[k]);
	if (rest && rest_n)
		fprintf(fp, "%s %s %d", shown++ ? "," : "", rest, rest_n);
	fprintf(fp, "%s\n", shown ? "" : " none");
}

static const char *kind_word(int k)
{
	return episode_kind_name((enum al_episode_kind)k);
}

static const char *domain_word(int k)
{
	return repair_domains[k].word;
}

static bool text_rates(FILE *fp, const struct al_development *d)
{
	char rate[64];
	bool few = development_few(d->overall.closed);
	development_rate_text(d->overall, rate, sizeof rate);
	fprintf(fp, "\nRepair rate (episodes closed in the period): %s%s\n", rate,
	        d->overall.closed ? mark(d->overall.closed) : "");
	if (!d->overall.closed)
		return false;
	fputs("  by strategy (episodes with a record naming it):\n", fp);
	for (int s = 0; s < AL_STRATEGY_COUNT; s++) {
		struct dev_rate r = d->by_strategy[s];
		if (!r.closed)
			continue;
		development_rate_text(r, rate, sizeof rate);
		fprintf(fp, "    %-17s %s%s\n", repair_strategies[s].word, rate, mark(r.closed));
		few |= development_few(r.closed);
	}
	if (d->without_record.closed) {
		development_rate_text(d->without_record, rate, sizeof rate);
		fprintf(fp, "    %-17s %s%s\n", "no repair record", rate,
		        mark(d->without_record.closed));
		few |= development_few(d->without_record.closed);
	}
	return few;
}

static void text_not_tried(FILE *fp, const struct al_development *d)
{
	int shown = 0;
	if (!d->records)
		return;
	for (int s = 0; s < AL_STRATEGY_COUNT; s++)
		if (!d->strategy_used[s])
			fprintf(fp, "%s%s",
			        shown++ ? ", " : "  not named in the period's records: ",
			        repair_strategies[s].word);
	if (shown)
		fputc('\n', fp);
}

static bool text_timing(FILE *fp, const struct al_development *d)
{
	bool few = false;
	fprintf(fp, "\nRepair records made in the period: %d\n", d->records);
	text_not_tried(fp, d);
	if (d->timed) {
		int s = development_median(d->first_sessions, DEV_SESSION_BINS, d->timed);
		int days = development_median(d->first_days, DEV_DAY_BINS, d->timed);
		fprintf(fp,
		        "  time from opening to the first record: median %d session%s (%d day%s), "
		        "over %d episode%s%s\n",
		        s, s == 1 ? "" : "s", days, days == 1 ? "" : "s", d->timed,
		        d->timed == 1 ? "" : "s", mark(d->timed));
		few |= development_few(d->timed);
	}
	if (d->within_one_of) {
		fprintf(fp, "  recorded at the opening session or the next: %d of %d (%d %%)%s\n",
		        d->within_one, d->within_one_of,
		        development_percent(d->within_one, d->within_one_of),
		        mark(d->within_one_of));
		few |= development_few(d->within_one_of);
	}
	return few;
}

/* The hook for attendance and check-in (issue 14): printed once known. */
static void text_engagement(FILE *fp, const struct dev_engagement *e)
{
	if (!e->known)
		return;
	fprintf(fp, "\nAttendance: %d of %d sessions attended", e->attended, e->sessions);
	fprintf(fp, " (cancelled %d, late-cancel %d, no-show %d, clinician-cancel %d)\n",
	        e->cancelled, e->late_cancel, e->no_show, e->clinician_cancel);
	fprintf(fp, "Check-in: %d answered; tension %d, talked it through %d, misunderstood %d\n",
	        e->checkins, e->tension, e->talked_well, e->misunderstood);
}

static void text_one(FILE *fp, const struct dev_summary *s)
{
	const struct al_development *d = &s->d;
	char period[64];
	development_period_text(d, period, sizeof period);
	fprintf(fp, "Development summary: %s\nPeriod: %s\n", s->clinician, period);
	fprintf(fp, "Clients seen: %d; sessions: %d\n", d->clients, d->sessions);
	fprintf(fp, "\nEpisodes opened in the period: %d%s\n", d->opened,
	        d->opened ? mark(d->opened) : "");
	bool few = false;
	if (d->opened) {
		text_counts(fp, "by kind", d->by_kind, AL_EPISODE_KIND_COUNT, kind_word, NULL, 0);
		text_counts(fp, "by likely domain (the latest repair record)", d->by_domain,
		            AL_DOMAIN_COUNT, domain_word, "no repair record", d->no_record);
		few = development_few(d->opened);
	}
	few |= text_rates(fp, d);
	few |= text_timing(fp, d);
	text_engagement(fp, &d->engagement);
	if (few)
		fprintf(fp, "\n* %s\n", DEV_FEW_WARNING);
}

/* ---- CSV */

static const struct out_col dev_cols[] = {
    {"clinician"}, {"from"}, {"to"}, {"measure"}, {"item"}, {"count", true}, {"of", true}, {"few"},
};
#define DEV_COLS ((int)(sizeof dev_cols / sizeof dev_cols[0]))

struct csv_run {
	struct out *o;
	const struct dev_summary *s;
	char from[AL_DATE_LEN + 1], to[AL_DATE_LEN + 1];
	struct al_error *err;
};

/* One row; of < 0 leaves "of" and "few" empty. */
static enum al_status csv_row(struct csv_run *r, const char *measure, const char *item, int count,
                              int of)
{
	char n[16], m[16] = "";
	snprintf(n, sizeof n, "%d", count);
	if (of >= 0)
		snprintf(m, sizeof m, "%d", of);
	const char *cells[DEV_COLS] = {r->s->clinician,
	                               r->from,
	                               r->to,
	                               measure,
	                               item,
	                               n,
	                               m,
	                               of >= 0 && development_few(of) ? "yes" : ""};
	return out_row(r->o, cells, r->err);
}

static enum al_status csv_episodes(struct csv_run *r)
{
	const struct al_development *d = &r->s->d;
	enum al_status st = csv_row(r, "clients", "seen", d->clients, -1);
	if (!st)
		st = csv_row(r, "sessions", "all", d->sessions, -1);
	if (!st)
		st = csv_row(r, "episodes", "opened", d->opened, -1);
	for (int k = 0; !st && k < AL_EPISODE_KIND_COUNT; k++)
		st = csv_row(r, "kind", kind_word(k), d->by_kind[k], d->opened);
	for (int k = 0; !st && k < AL_DOMAIN_COUNT; k++)
		st = csv_row(r, "domain", domain_word(k), d->by_domain[k], d->opened);
	if (!st)
		st = csv_row(r, "domain", "none", d->no_record, d->opened);
	return st;
}

static enum al_status csv_repairs(struct csv_run *r)
{
	const struct al_development *d = &r->s->d;
	enum al_status st =
	    csv_row(r, "repair_rate", "all", d->overall.repaired, d->overall.closed);
	for (int s = 0; !st && s < AL_STRATEGY_COUNT; s++)
		st = csv_row(r, "repair_rate", repair_strategies[s].word,
		             d->by_strategy[s].repaired, d->by_strategy[s].closed);
	if (!st)
		st = csv_row(r, "repair_rate", "none", d->without_record.repaired,
		             d->without_record.closed);
	if (!st)
		st = csv_row(r, "records", "all", d->records, -1);
	for (int s = 0; !st && s < AL_STRATEGY_COUNT; s++)
		st = csv_row(r, "records", repair_strategies[s].word, d->strategy_used[s],
		             d->records);
	return st;
}

static enum al_status csv_timing(struct csv_run *r)
{
	const struct al_development *d = &r->s->d;
	enum al_status st = AL_OK;
	if (d->timed) {
		st = csv_row(r, "first_record", "median_sessions",
		             development_median(d->first_sessions, DEV_SESSION_BINS, d->timed),
		             d->timed);
		if (!st)
			st = csv_row(r, "first_record", "median_days",
			             development_median(d->first_days, DEV_DAY_BINS, d->timed),
			             d->timed);
	}
	if (!st)
		st = csv_row(r, "within_one_session", "all", d->within_one, d->within_one_of);
	return st;
}

static enum al_status csv_engagement(struct csv_run *r)
{
	const struct dev_engagement *e = &r->s->d.engagement;
	const struct {
		const char *measure, *item;
		int n, of;
	} rows[] = {
	    {"attendance", "attended", e->attended, e->sessions},
	    {"attendance", "cancelled", e->cancelled, e->sessions},
	    {"attendance", "late-cancel", e->late_cancel, e->sessions},
	    {"attendance", "no-show", e->no_show, e->sessions},
	    {"attendance", "clinician-cancel", e->clinician_cancel, e->sessions},
	    {"checkin", "tension", e->tension, e->checkins},
	    {"checkin", "talked", e->talked_well, e->tension},
	    {"checkin", "misunderstood", e->misunderstood, e->checkins},
	};
	enum al_status st = AL_OK;
	for (size_t k = 0; e->known && !st && k < sizeof rows / sizeof rows[0]; k++)
		st = csv_row(r, rows[k].measure, rows[k].item, rows[k].n, rows[k].of);
	return st;
}

static enum al_status write_csv(struct cli *c, const struct dev_summary *s, size_t n, FILE *fp)
{
	struct out o;
	enum al_status st = AL_OK;
	out_begin(&o, fp, OUT_CSV, dev_cols, DEV_COLS);
	for (size_t k = 0; !st && k < n; k++) {
		struct csv_run r = {.o = &o, .s = &s[k], .err = c->err};
		if (s[k].d.from != INT32_MIN)
			format_date(s[k].d.from, r.from);
		if (s[k].d.to != INT32_MAX)
			format_date(s[k].d.to, r.to);
		if (!(st = csv_episodes(&r)) && !(st = csv_repairs(&r)) && !(st = csv_timing(&r)))
			st = csv_engagement(&r);
	}
	enum al_status end = out_end(&o, c->err);
	return st ? st : end;
}

/* ---- the command */

enum dev_format { DEV_TEXT, DEV_HTML, DEV_CSV };

static enum al_status write_all(struct cli *c, enum dev_format fmt, const struct dev_list *l,
                                const char *path)
{
	struct cli_file f;
	enum al_status st = cli_file_open(c, path, CLI_FILE_OUTPUT, &f);
	if (st)
		return st;
	if (fmt == DEV_CSV) {
		st = write_csv(c, l->s, l->n, f.fp);
	} else if (fmt == DEV_HTML) {
		development_html(c, l->s, l->n, f.fp);
	} else {
		for (size_t k = 0; k < l->n; k++) {
			if (k)
				fputs("\n\n", f.fp);
			text_one(f.fp, &l->s[k]);
		}
	}
	return cli_file_close(c, &f, st); /* no half-written summary left behind */
}

static enum al_status parse_format(struct cli *c, const char *arg, enum dev_format *fmt)
{
	static const char *const names[] = {"text", "html", "csv"};
	*fmt = DEV_TEXT;
	for (int k = 0; arg && k < 3; k++)
		if (strcmp(arg, names[k]) == 0) {
			*fmt = (enum dev_format)k;
			return AL_OK;
		}
	if (!arg)
		return AL_OK;
	return al_fail(c->err, AL_EINPUT, "development: --format: '%.40s' is not text, html or csv",
	               arg);
}

static enum al_status summarise(struct cli *c, const char *clinician, int32_t from, int32_t to,
                                struct dev_list *l)
{
	struct view v;
	struct db_repairs all = {0};
	enum al_status st = view_init(c, &v);
	if (st || (st = db_begin_read(c->db, c->err)))
		return st;
	if (!(st = whose(c, clinician, l)))
		st = db_repairs_load(c->db, 0, &all, c->err);
	for (size_t k = 0; !st && k < l->n; k++) {
		development_init(&l->s[k].d, from, to);
		st = gather(c, &v, &all, l->id[k], &l->s[k].d);
	}
	db_repairs_free(&all);
	db_end_read(c->db);
	view_free(&v);
	return st;
}

enum al_status cmd_development(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"clinician", true}, {"from", true},   {"to", true},
	                         {"format", true},    {"output", true}, {NULL}};
	const char *pos[1];
	enum dev_format fmt;
	int32_t from, to;
	struct dev_list l = {0};
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 0, 0, NULL);
	if (st || (st = parse_format(c, cli_opt(opts, "format"), &fmt)) ||
	    (st = cli_period(c, opts, &from, &to)))
		return st;
	if (!(st = summarise(c, cli_opt(opts, "clinician"), from, to, &l)))
		st = write_all(c, fmt, &l, cli_opt(opts, "output"));
	free(l.s);
	free(l.id);
	return st;
}
