/* An episode's story in plain words (SPEC §4b "The story"): since when,
 * what changed with its numbers, what joined, where it stands now, and one
 * invitation to talk. Never a verdict. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alliance/core/episode.h"
#include "alliance/core/episode_open.h"
#include "alliance/core/parse.h"

#define NONE SIZE_MAX

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

/* Who the story speaks to: the clinician ("you") or a supervisor. */
struct voice {
	const char *name; /* NULL: "you" */
};

static const char *who(const struct voice *v)
{
	return v->name ? v->name : "you";
}

/* ---- numbers and words */

/* One decimal, rounded half up the way a reader would (9.15 -> 9.2). */
static double one_decimal(double v)
{
	return floor(v * 10.0 + 0.5 + 1e-6) / 10.0;
}

static const char *dim_word(const struct al_course *c, int d, char *buf, size_t cap)
{
	const char *label = c->dims[d].label[0] ? c->dims[d].label : c->dims[d].key;
	snprintf(buf, cap, "%s", label);
	buf[0] = (char)tolower((unsigned char)buf[0]);
	return buf;
}

static int count_bits(uint32_t m)
{
	int n = 0;
	for (; m; m &= m - 1)
		n++;
	return n;
}

static int first_bit(uint32_t m)
{
	for (int d = 0; d < AL_DIM_MAX; d++)
		if (m >> d & 1)
			return d;
	return -1;
}

/* "trust", "trust and empathy", "trust, collaboration and empathy" */
static void say_dims(struct text *t, const struct al_course *c, uint32_t dims)
{
	char w[AL_LABEL_MAX + 1];
	int n = count_bits(dims), k = 0;
	for (int d = 0; d < AL_DIM_MAX; d++) {
		if (!(dims >> d & 1))
			continue;
		say(t, "%s%s",
		    k == 0       ? ""
		    : k == n - 1 ? " and "
		                 : ", ",
		    dim_word(c, d, w, sizeof w));
		k++;
	}
}

static void say_date(struct text *t, const struct al_course *c, size_t i)
{
	char date[32];
	explain_date_words(c, c->sessions[i].date, date, sizeof date);
	say(t, "%s (session %d)", date, c->sessions[i].seq);
}

/* The mean of the references of dims. */
static double mean_ref(const struct al_episode *e, uint32_t dims)
{
	double sum = 0.0;
	int n = 0;
	for (int d = 0; d < AL_DIM_MAX; d++)
		if (dims >> d & 1) {
			sum += e->ref[d];
			n++;
		}
	return n ? sum / n : 0.0;
}

/* The mean client rating of dims at session i; false when none is rated. */
static bool mean_at(const struct al_course *c, uint32_t dims, size_t i, double *v)
{
	int sum = 0, n = 0;
	for (int d = 0; d < AL_DIM_MAX; d++) {
		if (!(dims >> d & 1) || (size_t)d >= c->ndims)
			continue;
		int x = c->sessions[i].rating[AL_RATER_CLIENT][d];
		if (x >= 0) {
			sum += x;
			n++;
		}
	}
	*v = n ? sum / (10.0 * n) : 0.0;
	return n > 0;
}

/* The dimensions the opening saw, with their value at `began`. */
static uint32_t fell_dims(const struct al_episode *e)
{
	uint32_t m = 0;
	for (int d = 0; d < AL_DIM_MAX; d++)
		if ((e->dims >> d & 1) && e->fell[d] != AL_MISSING)
			m |= 1u << d;
	return m;
}

/* ---- the parts */

static bool marker_at(const struct al_course *c, size_t i)
{
	return c->sessions[i].rupture != AL_RUPTURE_NONE;
}

/* "trust fell from 9.2 to 6.0" / "trust and empathy fell by about 3 points from 9.2" */
static void say_fall(struct text *t, const struct al_course *c, const struct al_episode *e,
                     uint32_t dims)
{
	double ref = mean_ref(e, dims), fell = 0.0;
	int n = 0;
	for (int d = 0; d < AL_DIM_MAX; d++)
		if (dims >> d & 1) {
			fell += e->fell[d];
			n++;
		}
	fell /= n;
	say_dims(t, c, dims);
	if (n == 1) {
		say(t, " fell from %.1f to %.1f", one_decimal(ref), one_decimal(fell));
		return;
	}
	double about = floor((ref - fell) * 2.0 + 0.5) / 2.0;
	if (about < 1.0)
		say(t, " fell together from about %.1f to %.1f", one_decimal(ref),
		    one_decimal(fell));
	else
		say(t, " fell by about %g point%s from %.1f", about, about == 1.0 ? "" : "s",
		    one_decimal(ref));
}

static void say_decline(struct text *t, const struct al_course *c, const struct al_episode *e,
                        uint32_t dims)
{
	double now;
	say_dims(t, c, dims);
	say(t, " had drifted down from %s early level of %.1f",
	    count_bits(dims) == 1 ? "its" : "their", one_decimal(mean_ref(e, dims)));
	if (mean_at(c, dims, e->opened, &now))
		say(t, " to %.1f", one_decimal(now));
	say(t, ", a slow slide rather than one hard session");
}

/* "trust was below its usual 9.6 at two sessions in a row (9.1, then 9.0)":
 * what the two-session clause saw, against the same usual level. */
static bool say_twice(struct text *t, const struct al_course *c, const struct al_episode *e,
                      uint32_t dims)
{
	struct al_episode_tuning tuning;
	double usual = 0.0, first, second;
	int n = 0;
	episode_tuning_default(&tuning);
	for (int d = 0; d < AL_DIM_MAX; d++) {
		struct episode_usual u;
		if ((dims >> d & 1) && episode_usual_level(c, &tuning, d, e->began, &u)) {
			usual += u.mean;
			n++;
		}
	}
	if (!n || !mean_at(c, dims, e->began, &first) || !mean_at(c, dims, e->opened, &second))
		return false;
	say_dims(t, c, dims);
	say(t, " %s below %s usual level of %s%.1f at two sessions in a row (%.1f, then %.1f)",
	    count_bits(dims) == 1 ? "was" : "were", count_bits(dims) == 1 ? "its" : "their",
	    count_bits(dims) == 1 ? "" : "about ", one_decimal(usual / n), one_decimal(first),
	    one_decimal(second));
	return true;
}

/* What the client said at a check-in: "they said there was some tension
 * (2 of 4)", with "that it was hardly talked through" and "that something
 * about who they are felt misunderstood" where they said so. */
static void say_checkin(struct text *t, const struct al_session *se)
{
	static const char *const talked[] = {"not talked through at all", "hardly talked through",
	                                     "only partly talked through"};
	say(t, "they said at the check-in");
	if (se->tension > 0) {
		say(t, " there was %s tension (%d of 4)",
		    se->tension >= 3 ? "quite a lot of" : "some", se->tension);
		if (se->talked >= 0 && se->talked < 3)
			say(t, " and that it was %s", talked[se->talked]);
	}
	if (se->misunderstood == 1)
		say(t, "%s that something about who they are felt misunderstood",
		    se->tension > 0 ? ", and" : "");
}

/* A session the client did not come to: "they missed a session (a no-show)". */
static void say_absence(struct text *t, const struct al_session *se)
{
	say(t, "they missed a session (%s)",
	    se->attendance == AL_LATE_CANCEL ? "a late cancellation" : "a no-show");
}

/* The first sentence: since when and what changed. */
static void say_what(struct text *t, const struct al_course *c, const struct al_episode *e,
                     const struct voice *v)
{
	uint32_t dims = fell_dims(e);
	bool marker = marker_at(c, e->began) || marker_at(c, e->opened);
	size_t m = marker_at(c, e->began) ? e->began : e->opened;
	bool decline = e->kind == AL_EPISODE_DECLINE;
	say(t, "%s ", decline ? "By" : "Since");
	say_date(t, c, decline ? e->opened : e->began);
	say(t, " ");
	if (decline && dims)
		say_decline(t, c, e, dims);
	else if (dims && !(e->opening == AL_OPEN_CONFIRMED && say_twice(t, c, e, dims)))
		say_fall(t, c, e, dims);
	if (marker)
		say(t, "%s%s noted a %s", dims ? ", and " : "", who(v),
		    rupture_name(c->sessions[m].rupture));
	else if (!dims && e->opening == AL_OPEN_REPORTED)
		say_checkin(t, &c->sessions[e->opened]);
	else if (!dims && e->opening == AL_OPEN_ATTENDANCE)
		say_absence(t, &c->sessions[e->opened]);
	else if (!dims)
		say(t, "the ratings changed");
}

/* What joined after the opening, grouped: each marker on its date, the
 * dimensions that fell too (from the first date), those that slid too. */
static void say_joins(struct text *t, const struct al_course *c, const struct al_episode *e,
                      const struct voice *v)
{
	uint32_t fell = 0, slid = 0;
	size_t fell_at = SIZE_MAX, other_at = SIZE_MAX;
	int shown = e->njoin < AL_EPISODE_JOINS ? e->njoin : AL_EPISODE_JOINS;
	char date[32];
	for (int k = 0; k < shown; k++) {
		const struct al_episode_join *j = &e->join[k];
		if (j->rule == AL_RULE_MARKER) {
			explain_date_words(c, c->sessions[j->session].date, date, sizeof date);
			say(t, ", and %s noted a %s on %s", who(v),
			    rupture_name(c->sessions[j->session].rupture), date);
		} else if (j->dim >= 0 && j->rule == AL_RULE_DECLINE) {
			slid |= 1u << j->dim;
		} else if (j->dim >= 0) {
			fell |= 1u << j->dim;
			fell_at = fell_at == SIZE_MAX ? j->session : fell_at;
		} else if (other_at == SIZE_MAX) {
			other_at = j->session;
		}
	}
	slid &= ~fell;
	if (fell) {
		explain_date_words(c, c->sessions[fell_at].date, date, sizeof date);
		say(t, ", and ");
		say_dims(t, c, fell);
		say(t, " fell too (%s)", date);
	}
	if (slid) {
		say(t, ", and ");
		say_dims(t, c, slid);
		say(t, " slid too");
	}
	if (other_at != SIZE_MAX) { /* a check-in or a missed session */
		explain_date_words(c, c->sessions[other_at].date, date, sizeof date);
		if (c->sessions[other_at].attendance != AL_ATTENDED)
			say(t, ", and they missed the session of %s", date);
		else
			say(t, ", and on %s they said at the check-in that it was not easy", date);
	}
	if (e->njoin > AL_EPISODE_JOINS)
		say(t, ", and more");
}

/* Where an episode of the client's voice or attendance alone stands: its
 * own words, as the ratings were never what changed. */
static void say_status_voice(struct text *t, const struct al_course *c, const struct al_settings *s,
                             const struct al_episode *e)
{
	bool reported = e->kind == AL_EPISODE_REPORTED;
	switch (e->status) {
	case AL_EPISODE_REPAIRED:
		say(t, reported ? " Settled by " : " They came back on ");
		say_date(t, c, e->closed);
		say(t, ": repaired.");
		break;
	case AL_EPISODE_UNREPAIRED:
		say(t,
		    reported ? " Not settled at the check-ins after %d session%s"
		             : " Not back to a settled course after %d session%s",
		    s->repair_window, s->repair_window == 1 ? "" : "s");
		if (e->back != NONE) {
			say(t, "; settled by ");
			say_date(t, c, e->back);
		}
		say(t, ".");
		break;
	default:
		if (reported)
			say(t, " Not settled yet (%d of %d sessions).", e->rated, s->repair_window);
		else
			say(t, " Not seen since.");
		break;
	}
}

/* Where it stands: repaired, not back, or still open. */
static void say_status(struct text *t, const struct al_course *c, const struct al_settings *s,
                       const struct al_episode *e)
{
	double ref = mean_ref(e, e->judged), now;
	bool several = count_bits(e->judged) > 1;
	const char *about = several ? "about " : "";
	switch (e->status) {
	case AL_EPISODE_REPAIRED:
		if (mean_at(c, e->judged, e->closed, &now))
			say(t, " Back to %s%.1f on ", about, one_decimal(now));
		else
			say(t, " Back on ");
		say_date(t, c, e->closed);
		say(t, ": repaired.");
		break;
	case AL_EPISODE_UNREPAIRED:
		if (e->rated < s->repair_window) /* closed by archiving */
			say(t, " Not back to %s%.1f when the course ended", about,
			    one_decimal(ref));
		else
			say(t, " Not back to %s%.1f after %d session%s", about, one_decimal(ref),
			    s->repair_window, s->repair_window == 1 ? "" : "s");
		if (mean_at(c, e->judged, e->closed, &now))
			say(t, " (%s %.1f)", e->back != NONE ? "then" : "now", one_decimal(now));
		if (e->back != NONE) {
			say(t, "; back on ");
			say_date(t, c, e->back);
		}
		say(t, ".");
		break;
	default:
		if (e->rated == 0) {
			say(t, " No session rated since.");
			break;
		}
		for (size_t j = c->n; j-- > e->opened + 1;)
			if (mean_at(c, e->judged, j, &now)) {
				say(t, " Not back to %s%.1f yet (now %.1f, %d of %d sessions).",
				    about, one_decimal(ref), one_decimal(now), e->rated,
				    s->repair_window);
				break;
			}
		break;
	}
}

/* One invitation to talk, fitting the episode. */
static void say_invitation(struct text *t, const struct al_course *c, const struct al_episode *e,
                           const struct voice *v)
{
	bool marker = (e->rules >> AL_RULE_MARKER) & 1;
	if (e->status == AL_EPISODE_REPAIRED) {
		say(t, " It may help to name together what made the difference.");
	} else if (e->kind == AL_EPISODE_DECLINE) {
		say(t, " Ask how recent sessions have felt to them.");
	} else if (e->kind == AL_EPISODE_REPORTED) {
		say(t, " Thank them for saying so, and invite them to say more about it.");
	} else if (e->kind == AL_EPISODE_DISENGAGEMENT) {
		say(t, " Reach out and invite them back to talk about how the work is going.");
	} else if (marker || count_bits(e->dims) != 1) {
		if (v->name)
			say(t, " %s might invite them to talk about what happened between them.",
			    v->name);
		else
			say(t, " Invite them to talk about what happened between you.");
	} else {
		say(t, " %s", explain_ask_about(c, first_bit(e->dims)));
	}
}

void episode_story(const struct al_course *c, const struct al_settings *s,
                   const struct al_episode *e, const char *clinician, char *buf, size_t cap)
{
	struct text t = {.buf = buf, .cap = cap};
	struct voice v = {.name = clinician};
	if (cap == 0)
		return;
	buf[0] = '\0';
	if (e->opened >= c->n || e->began >= c->n)
		return;
	say_what(&t, c, e, &v);
	say_joins(&t, c, e, &v);
	say(&t, ".");
	bool voice = !e->dims && !(e->rules >> AL_RULE_MARKER & 1) &&
	             (e->kind == AL_EPISODE_REPORTED || e->kind == AL_EPISODE_DISENGAGEMENT);
	if (voice)
		say_status_voice(&t, c, s, e);
	else
		say_status(&t, c, s, e);
	say_invitation(&t, c, e, &v);
	if (t.len && !v.name && t.buf[0] != toupper((unsigned char)t.buf[0]))
		t.buf[0] = (char)toupper((unsigned char)t.buf[0]);
}
