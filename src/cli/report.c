/* report CODE [--from D] [--to D] [--format text|html] [--with-notes]
 * [--output FILE]: one client's course as a document — header, ratings,
 * flags with explanations and repair status, the trend chart, and notes
 * only when asked for. This file gathers it and writes the text format. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alliance/cli/report.h"
#include "alliance/cli/commands.h"
#include "alliance/core/parse.h"
#include "alliance/core/text.h"

#define TEXT_WIDTH 78 /* explanations and notes are wrapped to this */

/* ---- gathering */

static void choose_period(struct report *r, int32_t from, int32_t to)
{
	const struct al_course *course = &r->course.course;
	r->from = 0;
	while (r->from < course->n && course->sessions[r->from].date < from)
		r->from++;
	r->to = r->from;
	while (r->to < course->n && course->sessions[r->to].date <= to)
		r->to++;
}

/* Core dimensions always; others only when rated in the period. */
static void choose_columns(struct report *r)
{
	const struct al_course *course = &r->course.course;
	for (size_t d = 0; d < course->ndims; d++)
		r->dim_shown[d] = course->dims[d].core;
	for (size_t i = r->from; i < r->to; i++)
		for (size_t d = 0; d < course->ndims; d++) {
			const struct al_session *s = &course->sessions[i];
			if (s->rating[AL_RATER_CLIENT][d] != AL_MISSING ||
			    s->rating[AL_RATER_CLINICIAN][d] != AL_MISSING)
				r->dim_shown[d] = true;
			if (s->rating[AL_RATER_CLINICIAN][d] != AL_MISSING)
				r->clinician_rated = true;
		}
}

static enum al_status gather(struct report *r, const char *code, int32_t from, int32_t to)
{
	enum al_status st = cli_client(r->c, code, ACCESS_READ, &r->client);
	if (st ||
	    (st = db_course_load(r->c->db, &r->v.dims, r->client.id, &r->course, r->c->err)) ||
	    (st = view_analyse(r->c, &r->v, &r->course.course, r->client.archived)))
		return st;
	const struct al_course *course = &r->course.course;
	if ((st = view_detect(r->c, &r->v, course)))
		return st;
	episodes_standing(course, r->v.f.v, r->v.f.n, r->v.an.eps, r->v.an.neps, &r->standing);
	if (!(r->marks = calloc(course->n + 1, sizeof *r->marks)))
		return al_fail(r->c->err, AL_EIO, "report: out of memory");
	chart_marks(course, r->v.f.v, r->v.f.n, r->marks);
	if ((st = db_acks_load(r->c->db, &r->v.dims, r->client.id, &r->acks, r->c->err)) ||
	    (st = db_episode_acks_load(r->c->db, r->client.id, &r->eacks, r->c->err)))
		return st;
	choose_period(r, from, to);
	choose_columns(r);
	return AL_OK;
}

/* ---- the text format */

static int text_width(const char *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n; i++)
		w += ((unsigned char)s[i] & 0xC0) != 0x80;
	return w;
}

/* Writes text wrapped at TEXT_WIDTH, the first line indented by first and
 * the others by indent; a newline in the text (a note's own lines) starts
 * a new line. */
static void wrap_hanging(FILE *fp, int lead, int indent, const char *text)
{
	const char *p = text;
	for (bool top = true; *p; top = false) {
		int col = top ? lead : indent;
		for (bool first = true; *p && *p != '\n'; first = false) {
			size_t sp = strspn(p, " "), len = strcspn(p + sp, " \n");
			int w = text_width(p + sp, len);
			if (!first && col + 1 + w > TEXT_WIDTH) {
				p += sp;
				break;
			}
			if (len)
				fprintf(fp, "%*s%.*s", first ? (top ? col : indent) : 1, "",
				        (int)len, p + sp);
			col += w + !first;
			p += sp + len;
		}
		fputc('\n', fp);
		if (*p == '\n')
			p++;
	}
}

static void wrap(FILE *fp, int indent, const char *text)
{
	wrap_hanging(fp, indent, indent, text);
}

static void text_header(const struct report *r, FILE *fp)
{
	const struct al_course *course = &r->course.course;
	char a[AL_DATE_LEN + 1], span[64];
	fprintf(fp, "Alliance report: %s\n\n", r->client.code);
	fprintf(fp, "Clinician  %s\n", r->client.clinician);
	fprintf(fp, "Modality   %s\n", r->client.modality[0] ? r->client.modality : "not set");
	char goal[sizeof r->client.goal * 8];
	text_escape(r->client.goal[0] ? r->client.goal : "not set", false, goal, sizeof goal);
	fprintf(fp, "Goal       %s\n", goal);
	report_span(r, 0, course->n, span, sizeof span);
	fprintf(fp, "Sessions   %zu%s\n", course->n, span);
	if (r->period) {
		size_t n = r->to - r->from;
		report_span(r, r->from, r->to, span, sizeof span);
		fprintf(fp, "Shown      %zu session%s%s\n", n, n == 1 ? "" : "s", span);
	}
	fprintf(fp, "Status     %s\n", state_name(r->standing.state));
	format_date(r->c->today, a);
	fprintf(fp, "Printed    %s\n", a);
}

static enum al_status text_ratings(struct report *r, FILE *fp)
{
	const struct al_course *course = &r->course.course;
	struct out_col cols[AL_DIM_MAX + 5] = {{"session", true}, {"date"}};
	const char *cells[AL_DIM_MAX + 5];
	char num[16], date[AL_DATE_LEN + 1], val[AL_DIM_MAX][24];
	int n = 2;
	bool absence = report_has_absence(r);
	for (size_t d = 0; d < course->ndims; d++)
		if (r->dim_shown[d])
			cols[n++] = (struct out_col){course->dims[d].key};
	if (absence)
		cols[n++] = (struct out_col){"attendance"};
	cols[n++] = (struct out_col){"rupture"};
	cols[n++] = (struct out_col){"context"};
	fprintf(fp, "\nRatings (the client's%s)\n\n",
	        r->clinician_rated ? "; the clinician's own in brackets" : "");
	struct out o;
	enum al_status st = AL_OK;
	out_begin(&o, fp, OUT_TABLE, cols, n);
	for (size_t i = r->from; !st && i < r->to; i++) {
		const struct al_session *s = &course->sessions[i];
		int k = 0;
		snprintf(num, sizeof num, "%d", s->seq);
		format_date(s->date, date);
		cells[k++] = num;
		cells[k++] = date;
		for (size_t d = 0; d < course->ndims; d++)
			if (r->dim_shown[d]) {
				report_rating_cell(s, (int)d, val[d], sizeof val[d]);
				cells[k++] = val[d];
			}
		if (absence)
			cells[k++] =
			    s->attendance == AL_ATTENDED ? "" : attendance_name(s->attendance);
		cells[k++] = rupture_name(s->rupture);
		cells[k++] = r->course.context[i];
		st = out_row(&o, cells, r->c->err);
	}
	enum al_status end = out_end(&o, r->c->err);
	return st ? st : end;
}

/* The episodes first: each one's story, then its acknowledgements. */
static void text_episodes(const struct report *r, FILE *fp)
{
	const struct al_course *course = &r->course.course;
	char head[128], story[AL_STORY_MAX], ack[VIEW_ACK_MAX];
	size_t shown = 0;
	for (size_t k = 0; k < r->v.an.neps; k++)
		shown += report_episode_shown(r, k);
	fprintf(fp, "\nEpisodes (%zu%s)\n\n", shown, shown ? "; * current" : "");
	if (!shown)
		fputs("No episode in these sessions.\n", fp);
	for (size_t k = 0; k < r->v.an.neps; k++) {
		if (!report_episode_shown(r, k))
			continue;
		report_episode_head(r, k, head, sizeof head);
		fprintf(fp, "%c %s\n", episode_is_current(course, &r->v.an.eps[k]) ? '*' : ' ',
		        head);
		view_story(r->c, &r->v, course, k, r->client.clinician, story, sizeof story);
		wrap(fp, 4, story);
		for (size_t a = db_episode_acks_next(&r->eacks, course, &r->v.an, k, 0);
		     a < r->eacks.n;
		     a = db_episode_acks_next(&r->eacks, course, &r->v.an, k, a + 1)) {
			report_episode_ack_line(&r->eacks.a[a], ack, sizeof ack);
			wrap(fp, 4, ack);
		}
	}
}

/* The flags, the evidence behind the episodes, folded by session. */
static void text_flags(const struct report *r, FILE *fp)
{
	const struct al_course *course = &r->course.course;
	char date[AL_DATE_LEN + 1], head[96], why[VIEW_EXPLAIN_MAX], ack[VIEW_ACK_MAX];
	char line[VIEW_EXPLAIN_MAX + 128];
	size_t nflags, nsessions;
	report_flag_count(r, &nflags, &nsessions);
	fprintf(fp, "\nFlags (%zu at %zu session%s%s)\n", nflags, nsessions,
	        nsessions == 1 ? "" : "s", nflags ? "; * current" : "");
	if (!nflags)
		fputs("\nNo flags in these sessions.\n", fp);
	for (size_t k = 0; k < r->v.f.n; k++) {
		const struct al_flag *f = &r->v.f.v[k];
		if (f->session < r->from || f->session >= r->to)
			continue;
		const struct al_session *s = &course->sessions[f->session];
		if (k == 0 || r->v.f.v[k - 1].session != f->session) {
			format_date(s->date, date);
			fprintf(fp, "\nSession %d, %s", s->seq, date);
			size_t e = report_session_episode(r, k);
			if (e != SIZE_MAX)
				fprintf(fp, " (in the episode of session %d)",
				        course->sessions[r->v.an.eps[e].opened].seq);
			fputc('\n', fp);
		}
		report_flag_head(r, k, head, sizeof head);
		flag_explain_named(course, &r->v.settings, f,
		                   r->c->supervisor ? r->client.clinician : NULL, why, sizeof why);
		snprintf(line, sizeof line, "%c %s: %s", flag_is_current(course, f) ? '*' : '-',
		         head, why);
		wrap_hanging(fp, 2, 6, line);
		for (size_t a = db_acks_next(&r->acks, s->id, f->dim, f->rule, 0); a < r->acks.n;
		     a = db_acks_next(&r->acks, s->id, f->dim, f->rule, a + 1)) {
			report_ack_line(&r->acks.a[a], ack, sizeof ack);
			wrap(fp, 4, ack);
		}
	}
}

static enum al_status text_chart(struct report *r, FILE *fp)
{
	struct al_course period = report_period(r);
	struct al_course core = chart_core_course(&period);
	struct chart_opts co;
	chart_opts_default(&co);
	co.ascii = r->c->ascii;
	co.cutoff = r->v.settings.cutoff;
	struct chart_span *spans = calloc(r->v.an.neps + r->course.course.n + 1, sizeof *spans);
	if (!spans)
		return al_fail(r->c->err, AL_EIO, "report: out of memory");
	co.spans = spans;
	co.nspans =
	    chart_spans(&r->course.course, r->v.an.eps, r->v.an.neps, r->from, r->to, spans);
	fputs("\nTrend chart\n\n", fp);
	enum al_status st = view_chart_print(r->c, fp, &core, r->marks + r->from, &co,
	                                     VIEW_CHART_WIDTH, chart_fit_height(VIEW_CHART_HEIGHT));
	free(spans);
	return st;
}

static enum al_status text_notes(struct report *r, FILE *fp)
{
	char date[AL_DATE_LEN + 1];
	int shown = 0;
	fputs("\nNotes\n", fp);
	for (size_t i = r->from; i < r->to; i++) {
		char *note, *comment = NULL;
		enum al_status st = report_note(r, i, false, &note);
		if (st || (st = report_note(r, i, true, &comment))) {
			free(note);
			return st;
		}
		if (!note && !comment)
			continue;
		format_date(r->course.sessions[i].date, date);
		fprintf(fp, "\nSession %d, %s\n", r->course.sessions[i].seq, date);
		if (note)
			wrap(fp, 4, note);
		if (comment) {
			fputs("    The client's comment:\n", fp);
			wrap(fp, 6, comment);
		}
		free(note);
		free(comment);
		shown++;
	}
	if (!shown)
		fputs("\nNo notes in these sessions.\n", fp);
	return AL_OK;
}

static enum al_status report_text(struct report *r, FILE *fp)
{
	enum al_status st;
	text_header(r, fp);
	text_episodes(r, fp);
	if ((st = text_ratings(r, fp)))
		return st;
	text_flags(r, fp);
	if ((st = text_chart(r, fp)))
		return st;
	return r->with_notes ? text_notes(r, fp) : AL_OK;
}

/* ---- the command */

static enum al_status write_report(struct report *r, bool html, const char *path)
{
	struct cli_file f;
	enum al_status st = cli_file_open(r->c, path, CLI_FILE_OUTPUT, &f);
	if (st)
		return st;
	st = html ? report_html(r, f.fp) : report_text(r, f.fp);
	return cli_file_close(r->c, &f, st); /* no half-written report left behind */
}

enum al_status cmd_report(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"from", true},        {"to", true},     {"format", true},
	                         {"with-notes", false}, {"output", true}, {NULL}};
	const char *pos[1];
	int32_t from, to;
	struct report r = {.c = c};
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 1, 1, NULL);
	const char *format = cli_opt(opts, "format");
	if (st || (st = cli_period(c, opts, &from, &to)))
		return st;
	if (format && strcmp(format, "text") != 0 && strcmp(format, "html") != 0)
		return al_fail(c->err, AL_EINPUT, "report: --format: '%.40s' is not text or html",
		               format);
	r.period = cli_opt(opts, "from") || cli_opt(opts, "to");
	r.with_notes = cli_opt(opts, "with-notes") != NULL;
	if (!(st = view_init(c, &r.v)) && !(st = db_begin_read(c->db, c->err))) {
		if (!(st = gather(&r, pos[0], from, to)))
			st = write_report(&r, format && strcmp(format, "html") == 0,
			                  cli_opt(opts, "output"));
		db_end_read(c->db);
	}
	free(r.marks);
	db_acks_free(&r.acks);
	db_episode_acks_free(&r.eacks);
	db_course_free(&r.course);
	view_free(&r.v);
	return st;
}
