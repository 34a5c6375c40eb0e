/* Building a course's episodes (SPEC §4b), session by session: an episode
 * opens, evidence joins it, and its ratings are judged against where the
 * client was before it began until it is repaired or judged unrepaired. */
#include <stdint.h>
#include <string.h>

#include "alliance/core/episode.h"
#include "alliance/core/episode_open.h"

#define EPS 1e-9
#define REF_VALUES 3 /* a reference is the mean of up to 3 ratings */
#define NONE SIZE_MAX
#define SUDDEN_POINTS 1.0 /* a sudden fall: at least a point at the session it began */

/* Where each kind of evidence stands on the way to repair. */
struct pending {
	size_t met[AL_EPISODE_KIND_COUNT]; /* session where it was met, NONE: not yet */
};

struct build {
	const struct al_course *c;
	const struct al_settings *s;
	const struct al_episode_tuning *t;
	const struct al_flag *flags;
	size_t nflags, next_flag; /* flags[next_flag] is the first of the session at hand */
	size_t *flag_episode;
	struct al_episode *out;
	size_t cap, n;
	struct al_episode cur; /* the episode taking evidence, when active */
	bool active;
	struct pending p;
	size_t earliest; /* first session a new change may begin at */
};

/* ---- evidence */

bool episode_evidence_kind(enum al_rule r, enum al_episode_kind *kind)
{
	switch (r) {
	case AL_RULE_DROP:
	case AL_RULE_DIP:
	case AL_RULE_MARKER:
		*kind = AL_EPISODE_RUPTURE;
		return true;
	case AL_RULE_DECLINE:
		*kind = AL_EPISODE_DECLINE;
		return true;
	case AL_RULE_REPORTED:
		*kind = AL_EPISODE_REPORTED;
		return true;
	case AL_RULE_DISENGAGING:
	case AL_RULE_MISSED:
		*kind = AL_EPISODE_DISENGAGEMENT;
		return true;
	default:
		return false;
	}
}

static bool attended(const struct al_session *se)
{
	return se->attendance == AL_ATTENDED;
}

#define TALKED_THROUGH 3 /* talked >= 3: mostly talked through */

/* A later check-in that settles a `reported` episode (tension 0 or talked
 * >= 3): 1 yes, 0 no, -1 no check-in at that session (or check-ins not
 * asked), where the ratings alone decide. */
static int checkin_settles(const struct al_settings *s, const struct al_session *se)
{
	if (!s->ask_checkin || !attended(se) || se->tension == AL_NO_ANSWER)
		return -1;
	return se->tension == 0 || se->talked >= TALKED_THROUGH;
}

static size_t flags_end(const struct build *b, size_t from, size_t session)
{
	size_t k = from;
	while (k < b->nflags && b->flags[k].session == session)
		k++;
	return k;
}

/* ---- references */

static uint32_t core_mask(const struct al_course *c)
{
	uint32_t m = 0;
	for (size_t d = 0; d < c->ndims && d < AL_DIM_MAX; d++)
		if (c->dims[d].core)
			m |= 1u << d;
	if (!m) /* no core dimension: judge on them all */
		for (size_t d = 0; d < c->ndims && d < AL_DIM_MAX; d++)
			m |= 1u << d;
	return m;
}

/* The mean of dimension d's up to 3 client ratings before session `before`
 * (context events included), or the first 3 of the course for a decline;
 * the cutoff when there is none. */
static double reference(const struct build *b, const struct al_episode *e, int d)
{
	const struct al_course *c = b->c;
	int sum = 0, n = 0;
	if (e->kind == AL_EPISODE_DECLINE) {
		for (size_t j = 0; j < e->began && n < REF_VALUES; j++)
			if (c->sessions[j].rating[AL_RATER_CLIENT][d] >= 0) {
				sum += c->sessions[j].rating[AL_RATER_CLIENT][d];
				n++;
			}
	} else {
		for (size_t j = e->began; j-- > 0 && n < REF_VALUES;)
			if (c->sessions[j].rating[AL_RATER_CLIENT][d] >= 0) {
				sum += c->sessions[j].rating[AL_RATER_CLIENT][d];
				n++;
			}
	}
	return n ? sum / (10.0 * n) : b->s->cutoff / 10.0;
}

/* Judged dimensions: the involved ones, or the core ones when none. */
static void judge_on(struct build *b, struct al_episode *e)
{
	uint32_t judged = e->dims ? e->dims : core_mask(b->c);
	for (int d = 0; d < AL_DIM_MAX; d++)
		if ((judged >> d & 1) && !(e->judged >> d & 1))
			e->ref[d] = reference(b, e, d);
	e->judged = judged;
}

/* ---- joining */

static void remember_join(struct al_episode *e, const struct al_flag *f)
{
	/* news for the story: a marker, a dimension not involved yet, or
	 * evidence without a dimension of a rule it has not held */
	bool news = f->rule == AL_RULE_MARKER || (f->dim >= 0 && !(e->dims >> f->dim & 1)) ||
	            (f->dim < 0 && !(e->rules >> f->rule & 1));
	if (!news)
		return;
	bool new_dim = f->dim >= 0 && !(e->dims >> f->dim & 1);
	if (e->njoin < AL_EPISODE_JOINS)
		e->join[e->njoin] = (struct al_episode_join){f->session, f->dim, f->rule, new_dim};
	e->njoin++;
}

/* The evidence flags of one session join e; returns whether any did. A
 * flag at or before the opening is part of what opened it. */
static bool join_session(struct build *b, struct al_episode *e, size_t session)
{
	size_t from = b->next_flag;
	bool any = false;
	while (from > 0 && b->flags[from - 1].session >= session)
		from--; /* the session before the opening (a confirmed fall) */
	size_t end = flags_end(b, from, session);
	for (size_t k = from; k < end; k++) {
		const struct al_flag *f = &b->flags[k];
		enum al_episode_kind kind;
		if (f->session != session || !episode_evidence_kind(f->rule, &kind))
			continue;
		if (session > e->opened)
			remember_join(e, f);
		if (f->dim >= 0)
			e->dims |= 1u << f->dim;
		e->rules |= 1u << f->rule;
		e->kinds |= (uint8_t)(1u << kind);
		if (f->severity > e->severity)
			e->severity = f->severity;
		e->nflags++;
		b->p.met[kind] = NONE;
		if (b->flag_episode)
			b->flag_episode[k] = b->n;
		any = true;
	}
	if (any)
		judge_on(b, e);
	return any;
}

/* ---- opening */

static bool flag_at(const struct build *b, size_t from, size_t end, enum al_rule r, int dim,
                    enum al_severity sev)
{
	for (size_t k = from; k < end; k++)
		if (b->flags[k].rule == r && (dim < 0 || b->flags[k].dim == dim) &&
		    b->flags[k].severity >= sev)
			return true;
	return false;
}

/* The clauses that rest on flags, at their own session: a marker; a red
 * drop that is also a red dip of that dimension (a decline is
 * open_by_decline's, after the ratings have had their say). */
static bool open_by_flags(const struct build *b, size_t i, struct episode_opening *o)
{
	size_t from = b->next_flag, end = flags_end(b, from, i);
	*o = (struct episode_opening){.began = i};
	if (flag_at(b, from, end, AL_RULE_MARKER, -1, AL_SEV_RED)) {
		o->why = AL_OPEN_MARKER;
		return true;
	}
	for (size_t k = from; k < end; k++) {
		const struct al_flag *f = &b->flags[k];
		if (f->rule == AL_RULE_DROP &&
		    flag_at(b, from, end, AL_RULE_DIP, f->dim, AL_SEV_RED)) {
			o->why = AL_OPEN_DROP_DIP;
			o->dims = 1u << f->dim;
			return true;
		}
	}
	return false;
}

/* The client's voice and attendance, when the ratings did not open an
 * episode at that session (then they join it): a red check-in; a missed
 * session after a rupture, or a second in a row. */
static bool open_by_voice(const struct build *b, size_t i, struct episode_opening *o)
{
	size_t from = b->next_flag, end = flags_end(b, from, i);
	*o = (struct episode_opening){.began = i};
	if (flag_at(b, from, end, AL_RULE_REPORTED, -1, AL_SEV_RED))
		o->why = AL_OPEN_REPORTED;
	else if (flag_at(b, from, end, AL_RULE_DISENGAGING, -1, AL_SEV_AMBER) ||
	         flag_at(b, from, end, AL_RULE_MISSED, -1, AL_SEV_AMBER))
		o->why = AL_OPEN_ATTENDANCE;
	else
		return false;
	return true;
}

static bool open_by_decline(const struct build *b, size_t i, struct episode_opening *o)
{
	size_t from = b->next_flag, end = flags_end(b, from, i);
	*o = (struct episode_opening){.why = AL_OPEN_DECLINE, .began = i};
	for (size_t k = from; k < end; k++)
		if (b->flags[k].rule == AL_RULE_DECLINE)
			o->dims |= 1u << b->flags[k].dim;
	return o->dims != 0;
}

static enum al_episode_kind kind_of_opening(enum al_opening why)
{
	switch (why) {
	case AL_OPEN_DECLINE:
		return AL_EPISODE_DECLINE;
	case AL_OPEN_REPORTED:
		return AL_EPISODE_REPORTED;
	case AL_OPEN_ATTENDANCE:
		return AL_EPISODE_DISENGAGEMENT;
	default:
		return AL_EPISODE_RUPTURE;
	}
}

/* The client rating of d at the last rated session before i, or -1. */
static int rating_before(const struct al_course *c, int d, size_t i)
{
	for (size_t j = i; j-- > 0;)
		if (c->sessions[j].rating[AL_RATER_CLIENT][d] >= 0)
			return c->sessions[j].rating[AL_RATER_CLIENT][d];
	return -1;
}

/* Whether a fall the ratings found (not a flag's) came gradually: from the
 * session before it began, the ratings of its dimensions fell by less than
 * half of their fall from where they were (the 3 ratings before it), or by
 * less than a point in all. Then it is a slow slide, not one hard session:
 * a decline (SPEC §4b kinds). */
static bool gradual(const struct build *b, const struct episode_opening *o)
{
	const struct al_course *c = b->c;
	double step = 0.0, fall = 0.0;
	int n = 0;
	if (o->why != AL_OPEN_FALL && o->why != AL_OPEN_TOGETHER && o->why != AL_OPEN_CONFIRMED)
		return false;
	for (int d = 0; d < AL_DIM_MAX && (size_t)d < c->ndims; d++) {
		int x = c->sessions[o->began].rating[AL_RATER_CLIENT][d], prev;
		if (!(o->dims >> d & 1) || x < 0 || (prev = rating_before(c, d, o->began)) < 0)
			continue;
		struct al_episode probe = {.kind = AL_EPISODE_RUPTURE, .began = o->began};
		step += (prev - x) / 10.0;
		fall += reference(b, &probe, d) - x / 10.0;
		n++;
	}
	return n > 0 && fall > 0.0 && (step < fall / 2.0 - EPS || fall / n < SUDDEN_POINTS - EPS);
}

static void open_episode(struct build *b, size_t i, const struct episode_opening *o)
{
	struct al_episode *e = &b->cur;
	*e = (struct al_episode){
	    .kind = gradual(b, o) ? AL_EPISODE_DECLINE : kind_of_opening(o->why),
	    .severity = AL_SEV_AMBER,
	    .opening = o->why,
	    .status = AL_EPISODE_OPEN,
	    .began = o->began,
	    .opened = i,
	    .closed = NONE,
	    .back = NONE,
	    .last = i,
	    .dims = o->dims,
	};
	for (int k = 0; k < AL_EPISODE_KIND_COUNT; k++)
		b->p.met[k] = NONE;
	e->kinds = (uint8_t)(1u << e->kind);
	for (int d = 0; d < AL_DIM_MAX; d++)
		e->fell[d] = AL_MISSING;
	for (size_t d = 0; d < b->c->ndims && d < AL_DIM_MAX; d++) {
		int v = b->c->sessions[o->began].rating[AL_RATER_CLIENT][d];
		if ((o->dims >> d & 1) && v >= 0)
			e->fell[d] = v / 10.0;
	}
	judge_on(b, e);
	if (o->began < i)
		join_session(b, e, o->began);
	join_session(b, e, i);
	for (size_t d = 0; d < b->c->ndims && d < AL_DIM_MAX; d++) {
		int v = b->c->sessions[o->began].rating[AL_RATER_CLIENT][d];
		if ((e->dims >> d & 1) && v >= 0 && e->fell[d] == AL_MISSING)
			e->fell[d] = v / 10.0;
	}
	b->active = true;
}

static void try_open(struct build *b, size_t i)
{
	struct episode_opening o;
	if (open_by_flags(b, i, &o) || episode_open_by_ratings(b->c, b->t, i, b->earliest, &o) ||
	    open_by_decline(b, i, &o) || episode_open_by_slide(b->c, b->t, i, &o) ||
	    open_by_voice(b, i, &o))
		open_episode(b, i, &o);
}

/* ---- repair */

/* Whether session j has a rating of a judged dimension, and whether every
 * one it has is back within the tolerance of its reference. */
static bool rated_at(const struct build *b, const struct al_episode *e, size_t j, bool *back)
{
	bool rated = false;
	*back = true;
	for (int d = 0; d < AL_DIM_MAX; d++) {
		if (!(e->judged >> d & 1))
			continue;
		int v = b->c->sessions[j].rating[AL_RATER_CLIENT][d];
		if (v < 0)
			continue;
		rated = true;
		if (v / 10.0 < e->ref[d] - b->s->repair_tolerance / 10.0 - EPS)
			*back = false;
	}
	*back = *back && rated;
	return rated;
}

/* Marks each kind of evidence met at j, if it is; true when all are. */
static bool kinds_met(struct build *b, const struct al_episode *e, size_t j, bool back)
{
	const struct al_session *se = &b->c->sessions[j];
	bool all = true;
	for (int k = 0; k < AL_EPISODE_KIND_COUNT; k++) {
		if (!(e->kinds >> k & 1) || b->p.met[k] != NONE)
			continue;
		bool met = back;
		int settles = checkin_settles(b->s, se);
		if (k == AL_EPISODE_REPORTED && settles >= 0)
			met = settles == 1;
		else if (k == AL_EPISODE_DISENGAGEMENT)
			met = attended(se);
		if (met)
			b->p.met[k] = j;
		else
			all = false;
	}
	return all;
}

/* Session j (after the opening) for the active episode. A session that
 * is back where the client was, on the dimensions involved so far, repairs
 * it (or, once unrepaired, brings it back) before anything else: evidence
 * of that same session is a new story, not part of this one. Returns
 * whether the episode took session j's evidence. */
static bool step(struct build *b, size_t j)
{
	struct al_episode *e = &b->cur;
	bool back, rated = rated_at(b, e, j, &back);
	e->last = j;
	if (e->status == AL_EPISODE_OPEN && rated)
		e->rated++;
	if (kinds_met(b, e, j, back)) {
		if (e->status == AL_EPISODE_OPEN) {
			e->status = AL_EPISODE_REPAIRED;
			e->closed = j;
		} else {
			e->back = j;
		}
		return false;
	}
	join_session(b, e, j);
	if (e->status == AL_EPISODE_OPEN && e->rated >= b->s->repair_window) {
		e->status = AL_EPISODE_UNREPAIRED;
		e->closed = j;
	}
	return true;
}

/* Whether the active episode takes evidence after session j. */
static bool still_active(const struct build *b, size_t j)
{
	const struct al_episode *e = &b->cur;
	if (e->status == AL_EPISODE_OPEN)
		return true;
	if (e->status == AL_EPISODE_REPAIRED || e->back != NONE)
		return false;
	return j + 1 - e->opened < AL_EPISODE_SPAN;
}

static void emit(struct build *b)
{
	if (b->n < b->cap)
		b->out[b->n] = b->cur;
	b->n++;
	b->active = false;
	b->earliest = b->cur.last + 1;
}

size_t episodes_build(const struct al_course *c, const struct al_settings *s,
                      const struct al_flag *flags, size_t nflags,
                      const struct al_episode_opts *opts, struct al_episode *out, size_t cap,
                      size_t *flag_episode)
{
	struct al_episode_tuning defaults;
	struct build b = {.c = c,
	                  .s = s,
	                  .flags = flags,
	                  .nflags = nflags,
	                  .flag_episode = flag_episode,
	                  .out = out,
	                  .cap = out ? cap : 0};
	episode_tuning_default(&defaults);
	b.t = opts && opts->tuning ? opts->tuning : &defaults;
	for (size_t k = 0; flag_episode && k < nflags; k++)
		flag_episode[k] = NONE;
	for (size_t i = 0; i < c->n; i++) {
		bool taken = false;
		if (b.active) {
			taken = step(&b, i);
			if (!still_active(&b, i))
				emit(&b);
		}
		if (!taken) { /* a session that ended an episode may open the next */
			try_open(&b, i);
			if (b.active && !still_active(&b, i))
				emit(&b);
		}
		b.next_flag = flags_end(&b, b.next_flag, i);
	}
	if (b.active) {
		if (opts && opts->archived && b.cur.status == AL_EPISODE_OPEN) {
			b.cur.status = AL_EPISODE_UNREPAIRED;
			b.cur.closed = c->n - 1;
		}
		emit(&b);
	}
	return b.n;
}
