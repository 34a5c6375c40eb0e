/* session list CODE [--format table|csv|json]: a client's sessions with
 * their ratings, attendance and check-in; and the line session add prints. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alliance/cli/session.h"
#include "alliance/cli/commands.h"
#include "alliance/core/parse.h"

/* session list: CSV and JSON have the rows of export (SPEC §3); the table
 * shows one line per session and rater with the dimensions as columns. */
static const struct out_col list_cols[] = {
    {"session", true}, {"date"},         {"rater"},         {"dimension"},
    {"value", true},   {"rupture"},      {"context"},       {"attendance"},
    {"tension", true}, {"talked", true}, {"misunderstood"},
};
#define LIST_COLS (int)(sizeof list_cols / sizeof list_cols[0])

static enum al_status list_session(struct out *o, const struct db_course *dc, size_t i,
                                   struct al_error *err)
{
	const struct al_course *c = &dc->course;
	const struct al_session *s = &c->sessions[i];
	char seq[12], date[AL_DATE_LEN + 1], value[8], tension[8], talked[8];
	const char *cells[] = {seq,
	                       date,
	                       "",
	                       "",
	                       "",
	                       rupture_name(s->rupture),
	                       dc->context[i],
	                       attendance_name(s->attendance),
	                       format_answer(s->tension, tension),
	                       format_answer(s->talked, talked),
	                       yes_no_name(s->misunderstood)};
	bool rated = false;
	snprintf(seq, sizeof seq, "%d", s->seq);
	format_date(s->date, date);
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (size_t d = 0; d < c->ndims; d++) {
			if (s->rating[r][d] == AL_MISSING)
				continue;
			format_tenths(s->rating[r][d], value);
			cells[2] = rater_name((enum al_rater)r);
			cells[3] = c->dims[d].key;
			cells[4] = value;
			rated = true;
			if (out_row(o, cells, err))
				return err->status;
		}
	return rated ? AL_OK : out_row(o, cells, err);
}

/* The check-in in words for the table: "tension 2, talked 1, misunderstood no". */
static void checkin_text(const struct al_session *s, char *buf, size_t cap)
{
	char t[8];
	size_t n = 0;
	buf[0] = '\0';
	if (s->tension != AL_NO_ANSWER)
		n += (size_t)snprintf(buf + n, cap - n, "tension %s", format_answer(s->tension, t));
	if (s->talked != AL_NO_ANSWER && n < cap)
		n += (size_t)snprintf(buf + n, cap - n, "%stalked %s", n ? ", " : "",
		                      format_answer(s->talked, t));
	if (s->misunderstood != AL_NO_ANSWER && n < cap)
		snprintf(buf + n, cap - n, "%smisunderstood %s", n ? ", " : "",
		         yes_no_name(s->misunderstood));
}

/* One table line for a session and rater: "-" marks a missing rating. */
static enum al_status table_line(struct out *o, const struct db_course *dc, size_t i,
                                 const char *rater, const al_tenths *rating, struct al_error *err)
{
	const struct al_course *c = &dc->course;
	const struct al_session *s = &c->sessions[i];
	char seq[12], date[AL_DATE_LEN + 1], value[AL_DIM_MAX][8], checkin[64];
	const char *cells[AL_DIM_MAX + 9];
	int n = 0;
	snprintf(seq, sizeof seq, "%d", s->seq);
	format_date(s->date, date);
	cells[n++] = seq;
	cells[n++] = date;
	cells[n++] = rater;
	for (size_t d = 0; d < c->ndims; d++) {
		if (rating && rating[d] != AL_MISSING)
			format_tenths(rating[d], value[d]);
		else
			snprintf(value[d], sizeof value[d], "-");
		cells[n++] = value[d];
	}
	checkin_text(s, checkin, sizeof checkin);
	cells[n++] = s->attendance == AL_ATTENDED ? "" : attendance_name(s->attendance);
	cells[n++] = checkin;
	cells[n++] = rupture_name(s->rupture);
	cells[n++] = dc->has_note[i] ? "yes" : "";
	cells[n++] = dc->has_comment[i] ? "yes" : "";
	cells[n++] = dc->context[i]; /* last: the longest, and not padded */
	return out_row(o, cells, err);
}

static enum al_status table_session(struct out *o, const struct db_course *dc, size_t i,
                                    struct al_error *err)
{
	const struct al_session *s = &dc->course.sessions[i];
	bool rated = false;
	for (int r = 0; r < AL_RATER_COUNT; r++) {
		bool any = false;
		for (size_t d = 0; d < dc->course.ndims; d++)
			any = any || s->rating[r][d] != AL_MISSING;
		if (!any)
			continue;
		rated = true;
		if (table_line(o, dc, i, rater_name((enum al_rater)r), s->rating[r], err))
			return err->status;
	}
	if (rated)
		return AL_OK;
	return table_line(o, dc, i, s->attendance == AL_ATTENDED ? "unrated" : "", NULL, err);
}

static enum al_status list_print(struct cli *c, const struct db_course *dc, enum out_format fmt)
{
	struct out_col cols[AL_DIM_MAX + 9] = {{"session", true}, {"date"}, {"rater"}};
	int n = 3;
	struct out o;
	enum al_status st = AL_OK;
	if (fmt == OUT_TABLE) {
		for (size_t d = 0; d < dc->course.ndims; d++)
			cols[n++] = (struct out_col){dc->course.dims[d].key, true};
		cols[n++] = (struct out_col){"attendance"};
		cols[n++] = (struct out_col){"check-in"};
		cols[n++] = (struct out_col){"rupture"};
		cols[n++] = (struct out_col){"note"};
		cols[n++] = (struct out_col){"comment"};
		cols[n++] = (struct out_col){"context"};
		out_begin(&o, stdout, fmt, cols, n);
	} else {
		out_begin(&o, stdout, fmt, list_cols, LIST_COLS);
	}
	for (size_t i = 0; i < dc->course.n && !st; i++)
		st = fmt == OUT_TABLE ? table_session(&o, dc, i, c->err)
		                      : list_session(&o, dc, i, c->err);
	enum al_status end = out_end(&o, c->err);
	return st ? st : end;
}

enum al_status cli_session_list(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"format", true}, {NULL}};
	const char *pos[1];
	enum out_format fmt;
	struct db_dims dims;
	struct al_client cl;
	struct db_course course = {0};
	enum al_status st = cli_parse(c, argc, argv, opts, pos, 1, 1, NULL);
	if (st || (st = out_format_parse(c, cli_opt(opts, "format"), &fmt)) ||
	    (st = cli_client(c, pos[0], ACCESS_READ, &cl)) ||
	    (st = db_dims_load(c->db, &dims, c->err)) ||
	    (st = db_course_load(c->db, &dims, cl.id, &course, c->err)))
		goto out;
	st = list_print(c, &course, fmt);
out:
	db_course_free(&course);
	return st;
}

/* ---- the line session add prints */

struct line {
	char buf[512];
	size_t n;
	int parts; /* items in the parenthesis so far */
};

static void add(struct line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(struct line *l, const char *fmt, ...)
{
	va_list ap;
	if (l->n >= sizeof l->buf)
		return;
	va_start(ap, fmt);
	int k = vsnprintf(l->buf + l->n, sizeof l->buf - l->n, fmt, ap);
	va_end(ap);
	if (k > 0)
		l->n += (size_t)k < sizeof l->buf - l->n ? (size_t)k : sizeof l->buf - l->n - 1;
}

/* The next item of the parenthesis: "(" before the first, "; " between. */
static void item(struct line *l)
{
	add(l, l->parts++ ? "; " : " (");
}

static void stored_ratings(struct line *l, const struct db_dims *dims,
                           const struct db_session_in *in, enum al_rater rater)
{
	char v[8];
	bool first = true;
	for (size_t d = 0; d < dims->n; d++) {
		if (in->rating[rater][d] == AL_MISSING)
			continue;
		if (first) {
			item(l);
			if (rater != AL_RATER_CLIENT)
				add(l, "%s: ", rater_name(rater));
		}
		format_tenths(in->rating[rater][d], v);
		add(l, "%s%s %s", first ? "" : ", ", dims->dim[d].key, v);
		first = false;
	}
}

static void stored_checkin(struct line *l, const struct db_session_in *in)
{
	char t[8];
	int n = 0;
	if (in->tension == AL_NO_ANSWER && in->talked == AL_NO_ANSWER &&
	    in->misunderstood == AL_NO_ANSWER)
		return;
	item(l);
	add(l, "check-in:");
	if (in->tension != AL_NO_ANSWER)
		add(l, "%s tension %s", n++ ? "," : "", format_answer(in->tension, t));
	if (in->talked != AL_NO_ANSWER)
		add(l, "%s talked %s", n++ ? "," : "", format_answer(in->talked, t));
	if (in->misunderstood != AL_NO_ANSWER)
		add(l, "%s misunderstood %s", n ? "," : "", yes_no_name(in->misunderstood));
}

/* What this call stored besides the ratings and check-in: never any text. */
static void stored_marks(struct line *l, const struct db_session_in *in)
{
	if (in->set_rupture && in->rupture != AL_RUPTURE_NONE)
		item(l), add(l, "rupture %s", rupture_name(in->rupture));
	if (in->set_rupture && in->context && *in->context)
		item(l), add(l, "context");
	if (in->note)
		item(l), add(l, "note");
	if (in->comment)
		item(l), add(l, "client comment");
}

static bool client_rated(const struct al_session *s, size_t ndims)
{
	for (size_t d = 0; d < ndims; d++)
		if (s->rating[AL_RATER_CLIENT][d] != AL_MISSING)
			return true;
	return false;
}

enum al_status cli_session_stored(struct cli *c, const struct db_dims *dims,
                                  const struct al_client *cl, const struct db_session_in *in,
                                  enum al_rater rater, int64_t session_id)
{
	struct db_course course = {0};
	struct line l = {.n = 0};
	char date[AL_DATE_LEN + 1];
	if (c->quiet)
		return AL_OK;
	enum al_status st = db_course_load(c->db, dims, cl->id, &course, c->err);
	for (size_t i = 0; !st && i < course.course.n; i++) {
		const struct al_session *s = &course.course.sessions[i];
		if (s->id != session_id)
			continue;
		format_date(s->date, date);
		add(&l, "%s: session %d on %s recorded", cl->code, s->seq, date);
		if (s->attendance != AL_ATTENDED)
			add(&l, " as not attended (%s)", attendance_words(s->attendance));
		else if (!client_rated(s, course.course.ndims))
			add(&l, " unrated");
		stored_ratings(&l, dims, in, rater);
		stored_checkin(&l, in);
		stored_marks(&l, in);
		add(&l, "%s", l.parts ? ")" : "");
		cli_stored(c, "%s", l.buf);
	}
	db_course_free(&course);
	return st;
}
