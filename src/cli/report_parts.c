/* The pieces both report writers (report.c: text, report_html.c: HTML)
 * take from the gathered report: the period, rating cells, notes,
 * acknowledgement lines and date spans. */
#include <stdlib.h>
#include <string.h>

#include "alliance/cli_report.h"
#include "alliance/parse.h"
#include "alliance/text.h"

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
enum al_status report_note(struct report *r, size_t i, char **note)
{
	*note = NULL;
	if (!r->course.has_note[i])
		return AL_OK;
	char *buf = malloc(AL_NOTE_MAX + 1), *shown = NULL;
	enum al_status st = AL_OK;
	if (!buf)
		return al_fail(r->c->err, AL_EIO, "report: out of memory");
	st = db_note_get(r->c->db, r->course.sessions[i].id, buf, AL_NOTE_MAX + 1, r->c->err);
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
