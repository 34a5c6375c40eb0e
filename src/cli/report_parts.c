/* The pieces both report writers (report.c: text, report_html.c: HTML)
 * take from the gathered report: the period, rating cells, notes,
 * acknowledgement lines and date spans. */
#include <stdlib.h>
#include <string.h>

#include "alliance/cli/report.h"
#include "alliance/core/parse.h"
#include "alliance/core/text.h"

struct al_course report_period(const struct report *r)
{
	struct al_course period = r->course.course;
	period.sessions += r->from;
	period.n = r->to - r->from;
	return period;
}

void report_rating_cell(const struct al_session *s, int dim, char *buf, size_t cap)
{
	char own[8] = "-", other[8];
	al_tenths v = s->rating[AL_RATER_CLIENT][dim], w = s->rating[AL_RATER_CLINICIAN][dim];
	if (v != AL_MISSING)
		format_tenths(v, own);
	if (w == AL_MISSING) {
		snprintf(buf, cap, "%s", v != AL_MISSING ? own : "");
		return;
	}
	format_tenths(w, other);
	snprintf(buf, cap, "%s (%s)", own, other);
}

/* The note as it is shown: every control, bidirectional and zero-width
 * character escaped ("<U+202E>"), so that no stored character can steer
 * the terminal or reorder what a reader sees. */
enum al_status report_note(struct report *r, size_t i, bool comment, char **note)
{
	*note = NULL;
	if (!(comment ? r->course.has_comment[i] : r->course.has_note[i]))
		return AL_OK;
	char *buf = malloc(AL_NOTE_MAX + 1), *shown = NULL;
	enum al_status st = AL_OK;
	if (!buf)
		return al_fail(r->c->err, AL_EIO, "report: out of memory");
	int64_t id = r->course.sessions[i].id;
	st = comment ? db_comment_get(r->c->db, id, buf, AL_NOTE_MAX + 1, r->c->err)
	             : db_note_get(r->c->db, id, buf, AL_NOTE_MAX + 1, r->c->err);
	if (!st && *buf) {
		size_t need = text_escape(buf, true, NULL, 0) + 1;
		if ((shown = malloc(need)))
			text_escape(buf, true, shown, need);
		else
			st = al_fail(r->c->err, AL_EIO, "report: out of memory");
	}
	explicit_bzero(buf, AL_NOTE_MAX + 1);
	free(buf);
	*note = shown;
	return st;
}

bool report_has_absence(const struct report *r)
{
	for (size_t i = r->from; i < r->to; i++)
		if (r->course.course.sessions[i].attendance != AL_ATTENDED)
			return true;
	return false;
}

/* The comment as it is shown, escaped as a note is (a comment stored
 * before one-line fields refused such characters may hold them). */
void report_ack_line(const struct al_ack *a, char *buf, size_t cap)
{
	int n = snprintf(buf, cap, "Acknowledged by %s on %s: ", a->user, a->date);
	if (n >= 0 && (size_t)n < cap)
		text_escape(a->comment, false, buf + n, cap - (size_t)n);
}

void report_span(const struct report *r, size_t from, size_t to, char *buf, size_t cap)
{
	const struct al_session *s = r->course.course.sessions;
	char a[AL_DATE_LEN + 1], b[AL_DATE_LEN + 1];
	if (to <= from) {
		snprintf(buf, cap, "%s", "");
		return;
	}
	format_date(s[from].date, a);
	format_date(s[to - 1].date, b);
	snprintf(buf, cap, ", %s to %s", a, b);
}

void report_episode_ack_line(const struct al_episode_ack *a, char *buf, size_t cap)
{
	snprintf(buf, cap, "Acknowledged by %s on %s: %s", a->user, a->date, a->comment);
}

bool report_episode_shown(const struct report *r, size_t k)
{
	const struct al_episode *e = &r->v.an.eps[k];
	size_t end = e->closed != SIZE_MAX && e->closed > e->last ? e->closed : e->last;
	return e->began < r->to && end >= r->from;
}

void report_episode_head(const struct report *r, size_t k, char *buf, size_t cap)
{
	const struct al_course *course = &r->course.course;
	const struct al_episode *e = &r->v.an.eps[k];
	char date[AL_DATE_LEN + 1], closed[48] = "";
	format_date(course->sessions[e->opened].date, date);
	if (e->closed < course->n)
		snprintf(closed, sizeof closed, " at session %d", course->sessions[e->closed].seq);
	snprintf(buf, cap, "Session %d, %s: %s (%s, %s%s)", course->sessions[e->opened].seq, date,
	         episode_kind_name(e->kind), severity_name(e->severity),
	         episode_status_name(e->status), closed);
}

void report_flag_head(const struct report *r, size_t k, char *buf, size_t cap)
{
	const struct al_course *course = &r->course.course;
	const struct al_flag *f = &r->v.f.v[k];
	snprintf(buf, cap, "%s%s%s (%s%s%s)", f->dim >= 0 ? course->dims[f->dim].key : "",
	         f->dim >= 0 ? ": " : "", rule_name(f->rule), severity_name(f->severity),
	         f->repair != AL_REPAIR_NA ? ", " : "", repair_name(f->repair));
}

size_t report_session_episode(const struct report *r, size_t k)
{
	for (size_t j = k; j < r->v.f.n && r->v.f.v[j].session == r->v.f.v[k].session; j++)
		if (r->v.an.held[j] != SIZE_MAX)
			return r->v.an.held[j];
	return SIZE_MAX;
}

void report_flag_count(const struct report *r, size_t *flags, size_t *sessions)
{
	*flags = *sessions = 0;
	for (size_t k = 0; k < r->v.f.n; k++) {
		size_t i = r->v.f.v[k].session;
		if (i < r->from || i >= r->to)
			continue;
		(*flags)++;
		*sessions += k == 0 || r->v.f.v[k - 1].session != i;
	}
}
