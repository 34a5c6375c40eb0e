/* Every flag in plain words: what was seen, with numbers and dates, and an
 * invitation to talk about it — never a verdict. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "alliance/core/rules.h"

/* A text being written into a caller's buffer; cut, never overrun. */
struct text {
	char *buf;
	size_t cap, len;
};

static void say(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(struct text *t, const char *fmt, ...)
{
	if (t->len + 1 >= t->cap)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		t->len += (size_t)n < t->cap - t->len ? (size_t)n : t->cap - t->len - 1;
}

/* Labels read as a word inside a sentence and capitalised at its start. */
struct words {
	char dim[AL_LABEL_MAX + 1]; /* "trust" */
	char Dim[AL_LABEL_MAX + 1]; /* "Trust" */
	char date[24];              /* "3 March" */
};

void explain_date_words(const struct al_course *c, int32_t days, char *buf, size_t cap)
{
	format_date_words(days, c->sessions[c->n - 1].date, buf, cap);
}

static void words_init(struct words *w, const struct al_course *c, const struct al_flag *f)
{
	const char *label = "";
	if (f->dim >= 0 && (size_t)f->dim < c->ndims)
		label = c->dims[f->dim].label[0] ? c->dims[f->dim].label : c->dims[f->dim].key;
	snprintf(w->dim, sizeof w->dim, "%s", label);
	snprintf(w->Dim, sizeof w->Dim, "%s", label);
	w->dim[0] = (char)tolower((unsigned char)w->dim[0]);
	w->Dim[0] = (char)toupper((unsigned char)w->Dim[0]);
	explain_date_words(c, c->sessions[f->session].date, w->date, sizeof w->date);
}

/* One decimal, from tenths. */
static const char *tenths(int v, char buf[8])
{
	format_tenths(v, buf);
	return buf;
}

/* What to ask when a dimension is low: the core items say it best. */
const char *explain_ask_about(const struct al_course *c, int dim)
{
	static const struct {
		const char *key, *ask;
	} asks[] = {
	    {"trust", "Ask what would help them feel safe to be open."},
	    {"collaboration", "Ask whether the work is on what matters to them."},
	    {"empathy", "Ask whether they felt heard and understood."},
	};
	for (size_t i = 0; i < sizeof asks / sizeof asks[0]; i++)
		if (strcmp(c->dims[dim].key, asks[i].key) == 0)
			return asks[i].ask;
	return "Ask how this part of the work feels to them.";
}

static void say_repair(struct text *t, const struct al_course *c, const struct al_settings *s,
                       const struct al_flag *f)
{
	char when[24];
	switch (f->repair) {
	case AL_REPAIR_REPAIRED:
		explain_date_words(c, c->sessions[f->repair_session].date, when, sizeof when);
		say(t, " It came back to %.1f on %s: repaired.", f->repair_value, when);
		break;
	case AL_REPAIR_UNREPAIRED:
		say(t, " Not back to its earlier level (%.1f) after %d sessions.", f->pre,
		    s->repair_window);
		break;
	case AL_REPAIR_OPEN:
		if (f->npre == 0)
			say(t, " Open: no earlier ratings to compare with.");
		else
			say(t, " Open: watch for a return to %.1f or more.",
			    ceil((f->pre * 10.0 - s->repair_tolerance) - 1e-9) / 10.0);
		break;
	default:
		break;
	}
}

static void explain_low(struct text *t, const struct al_course *c, const struct al_flag *f,
                        const struct words *w)
{
	char v[8], cut[8];
	say(t, "%s was %s on %s, under the cutoff of %s. %s", w->Dim, tenths(f->value, v), w->date,
	    tenths(f->ref, cut), explain_ask_about(c, f->dim));
}

static void explain_drop(struct text *t, const struct al_course *c, const struct al_flag *f,
                         const struct words *w)
{
	char v[8], prev[8], diff[8], since[32] = "earlier that day";
	int32_t then = c->sessions[f->ref_session].date;
	if (then != c->sessions[f->session].date)
		explain_date_words(c, then, since, sizeof since);
	say(t,
	    "%s fell from %s to %s since %s (a drop of %s). Ask about how the last session felt.",
	    w->Dim, tenths(f->ref, prev), tenths(f->value, v), since,
	    tenths(f->ref - f->value, diff));
}

static void explain_dip(struct text *t, const struct al_flag *f, const struct words *w)
{
	char v[8];
	say(t,
	    "%s was %s on %s, %s this client's usual %.1f (over %d sessions). "
	    "Ask what was different this time.",
	    w->Dim, tenths(f->value, v), w->date,
	    f->severity == AL_SEV_RED ? "far below" : "well below", f->mean, f->k);
}

static void explain_decline(struct text *t, const struct al_flag *f, const struct words *w)
{
	/* not the limit itself: at one decimal it often reads the same as z */
	say(t,
	    "%s has been drifting down from its early level of %.1f: its running average "
	    "reached %.1f on %s, lower than usual variation explains. "
	    "Ask how recent sessions have felt.",
	    w->Dim, f->mean, f->z, w->date);
}

static void explain_discrepancy(struct text *t, const struct al_flag *f, const struct words *w,
                                const char *named)
{
	char v[8], ref[8], gap[8];
	say(t, "On %s %s rated %s %s, the client %s (a gap of %s). ", w->date,
	    named ? named : "you", w->dim, tenths(f->ref, ref), tenths(f->value, v),
	    tenths(f->ref - f->value, gap));
	if (named)
		say(t, "%s might ask how the session was for them: their views differ.", named);
	else
		say(t, "Ask how the session was for them: your views differ.");
}

static void explain_marker(struct text *t, const struct al_course *c, const struct al_flag *f,
                           const struct words *w, const char *named)
{
	char v[8];
	say(t, "%s noted a %s rupture on %s", named ? named : "You",
	    rupture_name(c->sessions[f->session].rupture), w->date);
	if (f->value >= 0)
		say(t, " (mean alliance %s)", tenths(f->value, v));
	if (named)
		say(t, ". %s might invite them to talk about what happened between them.", named);
	else
		say(t, ". Invite them to talk about what happened between you.");
}

static void explain_missing(struct text *t, const struct words *w)
{
	say(t, "No client ratings on %s. Ask whether rating after the session still suits them.",
	    w->date);
}

/* The check-in's scale in words: tension 0..4 and how well it was talked through. */
static const char *const tension_words[AL_CHECKIN_MAX + 1] = {
    "no", "a little", "some", "quite a lot of", "a lot of",
};
static const char *const talked_words[AL_CHECKIN_MAX + 1] = {
    "not talked through at all", "hardly talked through", "only partly talked through",
    "mostly talked through",     "fully talked through",
};

static void explain_reported(struct text *t, const struct al_course *c, const struct al_flag *f,
                             const struct words *w)
{
	const struct al_session *s = &c->sessions[f->session];
	if (s->tension > 0 && s->tension <= AL_CHECKIN_MAX) {
		say(t, "They said there was %s tension today (%d of %d)", tension_words[s->tension],
		    s->tension, AL_CHECKIN_MAX);
		if (s->talked >= 0 && s->talked <= AL_CHECKIN_MAX)
			say(t, " and that it was %s", talked_words[s->talked]);
		say(t, ".");
	}
	if (s->misunderstood == 1)
		say(t,
		    "%sThey felt that something about who they are (background, culture or "
		    "identity) was misunderstood.",
		    t->len ? " " : "");
	if (f->severity == AL_SEV_RED)
		say(t,
		    " Thank them for saying so, and invite them to say more about what happened "
		    "on %s.",
		    w->date);
	else
		say(t, " Check in about it next time.");
}

/* "A no-show", "A late cancellation": the attendance word at a sentence's start. */
static void say_attendance(struct text *t, enum al_attendance a)
{
	const char *words = attendance_words(a);
	say(t, "%c%s", toupper((unsigned char)words[0]), words + 1);
}

static const char *count_words(int n)
{
	static const char *const words[] = {"no",  "one",   "two",   "three", "four", "five",
	                                    "six", "seven", "eight", "nine",  "ten"};
	return n >= 0 && n <= 10 ? words[n] : "many";
}

static void explain_disengaging(struct text *t, const struct al_course *c, const struct al_flag *f)
{
	const struct al_session *then = &c->sessions[f->ref_session];
	size_t after = f->session - f->ref_session;
	char when[24], dim[AL_LABEL_MAX + 1] = "";
	say_attendance(t, c->sessions[f->session].attendance);
	if (after == 1)
		say(t, " the session after ");
	else
		say(t, " %s sessions after ", count_words((int)after));
	explain_date_words(c, then->date, when, sizeof when);
	if (f->cause == AL_RULE_REPORTED) {
		say(t, "they reported a rupture at the check-in (%s). ", when);
	} else {
		say(t, "an unrepaired rupture. On %s ", when);
		if (f->cause == AL_RULE_MARKER) {
			say(t, "you noted a %s. ", rupture_name(then->rupture));
		} else if (f->cause_dim >= 0 && (size_t)f->cause_dim < c->ndims) {
			const struct al_dim *d = &c->dims[f->cause_dim];
			snprintf(dim, sizeof dim, "%s", d->label[0] ? d->label : d->key);
			dim[0] = (char)tolower((unsigned char)dim[0]);
			say(t, "%s fell. ", dim);
		}
	}
	say(t, "Unrepaired ruptures often come before dropping out: reach out and invite them "
	       "back to talk about it.");
}

static void explain_missed(struct text *t, const struct al_course *c, const struct al_flag *f,
                           const struct words *w)
{
	char before[24];
	say_attendance(t, c->sessions[f->session].attendance);
	if (f->k == 2 && f->ref_session < c->n) {
		explain_date_words(c, c->sessions[f->ref_session].date, before, sizeof before);
		say(t, " on %s after %s on %s: two missed sessions in a row.", w->date,
		    attendance_words(c->sessions[f->ref_session].attendance), before);
	} else {
		say(t, " on %s: %s missed sessions in a row.", w->date, count_words(f->k));
	}
	say(t, " Get in touch to ask how they are and whether the times still suit them.");
}

void flag_explain(const struct al_course *c, const struct al_settings *s, const struct al_flag *f,
                  char *buf, size_t cap)
{
	flag_explain_named(c, s, f, NULL, buf, cap);
}

void flag_explain_named(const struct al_course *c, const struct al_settings *s,
                        const struct al_flag *f, const char *clinician, char *buf, size_t cap)
{
	struct text t = {.buf = buf, .cap = cap};
	struct words w;
	if (cap == 0)
		return;
	buf[0] = '\0';
	if (f->session >= c->n)
		return;
	words_init(&w, c, f);
	switch (f->rule) {
	case AL_RULE_LOW:
		explain_low(&t, c, f, &w);
		break;
	case AL_RULE_DROP:
		explain_drop(&t, c, f, &w);
		break;
	case AL_RULE_DIP:
		explain_dip(&t, f, &w);
		break;
	case AL_RULE_DECLINE:
		explain_decline(&t, f, &w);
		break;
	case AL_RULE_DISCREPANCY:
		explain_discrepancy(&t, f, &w, clinician);
		break;
	case AL_RULE_MARKER:
		explain_marker(&t, c, f, &w, clinician);
		break;
	case AL_RULE_MISSING:
		explain_missing(&t, &w);
		break;
	case AL_RULE_REPORTED:
		explain_reported(&t, c, f, &w);
		break;
	case AL_RULE_DISENGAGING:
		explain_disengaging(&t, c, f);
		break;
	case AL_RULE_MISSED:
		explain_missed(&t, c, f, &w);
		break;
	default:
		return;
	}
	say_repair(&t, c, s, f);
}
