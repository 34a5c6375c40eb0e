/* The rupture detection rules of SPEC §4, run per dimension on client ratings. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "alliance/core/rules.h"

#define EPS 1e-9           /* where doubles meet a threshold, exactly on it counts */
#define EWMA_BASELINE 3    /* decline: the first 3 rated values set the start */
#define DIP_MIN_BASELINE 3 /* dip: needs at least 3 earlier values */
/* The red flags disengaging can look back at: those of the last
 * AL_DISENGAGE_SESSIONS sessions, each with at most a marker, a check-in
 * and a drop and a dip per dimension. */
#define RED_MAX ((AL_DISENGAGE_SESSIONS + 1) * (2 + 2 * AL_DIM_MAX))
#define REPORTED_RED_TENSION 2 /* tension >= 2 is red */
#define REPORTED_TALKED_LOW 1  /* tension with talked <= 1 is red */

/* What one dimension's rules remember of the sessions before the current one. */
struct track {
	int nrated;                     /* rated values so far */
	int last;                       /* the previous rated value, tenths */
	size_t last_session;            /* ... and its session */
	int64_t dip_n, dip_sum, dip_sq; /* values of sessions without a context event */
	int64_t ewma_sum, ewma_sq;      /* the first EWMA_BASELINE values, context included */
	double mu0, sigma0, z;
	int k;
	bool below; /* in a run of z under the limit */
};

/* A red flag disengaging may look back at. */
struct red {
	size_t session;
	int dim;
	enum al_rule rule;
};

/* Where the scan is: one client rating x at session i, dimension d. */
struct scan {
	const struct al_course *c;
	const struct al_settings *s;
	struct al_flag *out;
	size_t cap, n;
	size_t i;
	int d;
	int x;
	struct red red[RED_MAX]; /* of the last sessions, oldest first */
	size_t nred;
};

/* Sample SD in rating points of values summed (tenths) into sum and sq. */
static double sample_sd(int64_t n, int64_t sum, int64_t sq)
{
	if (n < 2)
		return 0.0;
	int64_t num = n * sq - sum * sum; /* exact: n(n-1) times the variance in tenths^2 */
	return sqrt((double)num / (double)(n * (n - 1))) / 10.0;
}

static struct al_flag flag_new(const struct scan *sc, enum al_rule r, enum al_severity sev)
{
	return (struct al_flag){
	    .session = sc->i,
	    .dim = sc->d,
	    .rule = r,
	    .severity = sev,
	    .repair = AL_REPAIR_NA,
	    .repair_session = SIZE_MAX,
	    .value = sc->x,
	    .ref_session = SIZE_MAX,
	    .cause_dim = -1,
	};
}

/* Remembers a red drop, dip, marker or reported flag for disengaging,
 * whether or not the caller's buffer has room for it. */
static void remember_red(struct scan *sc, const struct al_flag *f)
{
	bool counts = f->rule == AL_RULE_DROP || f->rule == AL_RULE_DIP ||
	              f->rule == AL_RULE_MARKER || f->rule == AL_RULE_REPORTED;
	if (f->severity != AL_SEV_RED || !counts || sc->nred == RED_MAX)
		return;
	sc->red[sc->nred++] = (struct red){f->session, f->dim, f->rule};
}

/* Forgets the red flags too old for disengaging at session i. */
static void forget_reds(struct scan *sc)
{
	size_t keep = 0;
	for (size_t k = 0; k < sc->nred; k++)
		if (sc->red[k].session + AL_DISENGAGE_SESSIONS >= sc->i)
			sc->red[keep++] = sc->red[k];
	sc->nred = keep;
}

/* Counts every flag, stores those that fit; drop, dip and marker get their repair status. */
static void emit(struct scan *sc, struct al_flag f)
{
	remember_red(sc, &f);
	if (sc->n < sc->cap) {
		if (f.rule == AL_RULE_DROP || f.rule == AL_RULE_DIP || f.rule == AL_RULE_MARKER)
			repair_assess(sc->c, sc->s, &f);
		sc->out[sc->n] = f;
	}
	sc->n++;
}

/* decline — statistical process control: an EWMA chart against the client's
 * first three values, firing once per run below the lower limit. */
static void rule_decline(struct scan *sc, struct track *t)
{
	const struct al_settings *s = sc->s;
	double x = sc->x / 10.0, lambda = s->ewma_lambda;
	if (t->nrated < EWMA_BASELINE) {
		t->ewma_sum += sc->x;
		t->ewma_sq += (int64_t)sc->x * sc->x;
		if (t->nrated + 1 == EWMA_BASELINE) {
			t->mu0 = (double)t->ewma_sum / (10.0 * EWMA_BASELINE);
			t->sigma0 =
			    fmax(sample_sd(EWMA_BASELINE, t->ewma_sum, t->ewma_sq), s->sd_floor);
			t->z = t->mu0;
		}
		return;
	}
	t->k++;
	t->z = lambda * x + (1.0 - lambda) * t->z;
	double spread = lambda / (2.0 - lambda) * (1.0 - pow(1.0 - lambda, 2.0 * t->k));
	double limit = t->mu0 - s->ewma_limit * t->sigma0 * sqrt(spread);
	bool below = t->z < limit - EPS;
	if (below && !t->below) {
		struct al_flag f = flag_new(sc, AL_RULE_DECLINE, AL_SEV_AMBER);
		f.mean = t->mu0;
		f.sd = t->sigma0;
		f.limit = limit;
		f.z = t->z;
		f.k = t->k;
		emit(sc, f);
	}
	t->below = below;
}

/* dip — an idiographic rupture marker: far below the client's own usual level
 * (after Stiles' 1 SD and Strauss-style 2 SD criteria; 1.5 SD amber, 2 SD red). */
static void rule_dip(struct scan *sc, const struct track *t)
{
	const struct al_settings *s = sc->s;
	if (t->dip_n < DIP_MIN_BASELINE)
		return;
	double mu = (double)t->dip_sum / (10.0 * (double)t->dip_n);
	double sd = fmax(sample_sd(t->dip_n, t->dip_sum, t->dip_sq), s->sd_floor);
	double x = sc->x / 10.0, red = mu - s->dip_red_sd * sd, amber = mu - s->dip_amber_sd * sd;
	enum al_severity sev;
	if (x <= red + EPS)
		sev = AL_SEV_RED;
	else if (x <= amber + EPS)
		sev = AL_SEV_AMBER;
	else
		return;
	struct al_flag f = flag_new(sc, AL_RULE_DIP, sev);
	f.mean = mu;
	f.sd = sd;
	f.limit = sev == AL_SEV_RED ? red : amber;
	f.k = (int)t->dip_n;
	emit(sc, f);
}

/* discrepancy — the clinician sees the alliance clearly better than the client does. */
static void rule_discrepancy(struct scan *sc)
{
	int theirs = sc->c->sessions[sc->i].rating[AL_RATER_CLINICIAN][sc->d];
	if (theirs < 0 || theirs - sc->x < sc->s->discrepancy)
		return;
	struct al_flag f = flag_new(sc, AL_RULE_DISCREPANCY, AL_SEV_AMBER);
	f.ref = theirs;
	emit(sc, f);
}

/* drop — Session Rating Scale practice: a fall of 2 points from one rated
 * session to the next. */
static void rule_drop(struct scan *sc, const struct track *t)
{
	if (t->nrated == 0 || t->last - sc->x < sc->s->drop)
		return;
	struct al_flag f = flag_new(sc, AL_RULE_DROP, AL_SEV_RED);
	f.ref = t->last;
	f.ref_session = t->last_session;
	emit(sc, f);
}

/* low — Session Rating Scale practice: under the clinical cutoff. */
static void rule_low(struct scan *sc)
{
	if (sc->x >= sc->s->cutoff)
		return;
	struct al_flag f = flag_new(sc, AL_RULE_LOW, AL_SEV_AMBER);
	f.ref = sc->s->cutoff;
	emit(sc, f);
}

/* marker — the clinician noticed a withdrawal or confrontation rupture. */
static void rule_marker(struct scan *sc)
{
	if (sc->c->sessions[sc->i].rupture == AL_RUPTURE_NONE)
		return;
	emit(sc, flag_new(sc, AL_RULE_MARKER, AL_SEV_RED));
}

/* missing — an attended session without any client rating: feedback was
 * skipped. A session not attended has none to give. */
static void rule_missing(struct scan *sc, size_t ndims)
{
	const struct al_session *se = &sc->c->sessions[sc->i];
	if (se->attendance != AL_ATTENDED)
		return;
	for (size_t d = 0; d < ndims; d++)
		if (se->rating[AL_RATER_CLIENT][d] >= 0)
			return;
	emit(sc, flag_new(sc, AL_RULE_MISSING, AL_SEV_INFO));
}

/* reported — the client's own check-in: asked directly, clients tell of
 * ruptures they would not otherwise name (the 3RS work, Muran et al.). */
static void rule_reported(struct scan *sc)
{
	const struct al_session *se = &sc->c->sessions[sc->i];
	int t = se->tension, k = se->talked;
	bool red = t >= REPORTED_RED_TENSION ||
	           (t >= 1 && k != AL_NO_ANSWER && k <= REPORTED_TALKED_LOW) ||
	           se->misunderstood == 1;
	if (!red && t != 1)
		return;
	emit(sc, flag_new(sc, AL_RULE_REPORTED, red ? AL_SEV_RED : AL_SEV_AMBER));
}

/* Whether the red flag r is not repaired as of session i: its repair
 * status on the course as it stood then (later sessions never change it).
 * A check-in has no repair status and always counts. */
static bool unrepaired_then(const struct scan *sc, const struct red *r)
{
	if (r->rule == AL_RULE_REPORTED)
		return true;
	struct al_course then = *sc->c;
	then.n = sc->i + 1;
	struct al_flag f = {.session = r->session, .dim = r->dim, .rule = r->rule};
	repair_assess(&then, sc->s, &f);
	return f.repair != AL_REPAIR_REPAIRED;
}

/* Whether r names the rupture better than cause: a later session, or at
 * the same session a fall in the ratings or a marker rather than the
 * check-in (their story says more). */
static bool later_cause(const struct red *r, const struct red *cause)
{
	if (!cause || r->session != cause->session)
		return !cause || r->session > cause->session;
	return cause->rule == AL_RULE_REPORTED && r->rule != AL_RULE_REPORTED;
}

/* disengaging — a no-show or late cancellation soon after a rupture that
 * was not repaired: unrepaired ruptures predict dropout (Eubanks et al.).
 * The flag names the latest such rupture. */
static void rule_disengaging(struct scan *sc)
{
	if (!attendance_missed(sc->c->sessions[sc->i].attendance))
		return;
	const struct red *cause = NULL;
	for (size_t k = 0; k < sc->nred; k++) {
		const struct red *r = &sc->red[k];
		if (r->session < sc->i && later_cause(r, cause) && unrepaired_then(sc, r))
			cause = r;
	}
	if (!cause)
		return;
	struct al_flag f = flag_new(sc, AL_RULE_DISENGAGING, AL_SEV_RED);
	f.ref_session = cause->session;
	f.cause = cause->rule;
	f.cause_dim = cause->dim;
	emit(sc, f);
}

/* missed — a second no-show or late cancellation in a row. Sessions the
 * clinician cancelled are passed over: the client had no session to miss. */
static void rule_missed(struct scan *sc)
{
	const struct al_session *ss = sc->c->sessions;
	if (!attendance_missed(ss[sc->i].attendance))
		return;
	int run = 1;
	size_t before = SIZE_MAX;
	for (size_t j = sc->i; j-- > 0;) {
		if (ss[j].attendance == AL_CLINICIAN_CANCEL)
			continue;
		if (!attendance_missed(ss[j].attendance))
			break;
		if (before == SIZE_MAX)
			before = j;
		run++;
	}
	if (run < 2)
		return;
	struct al_flag f = flag_new(sc, AL_RULE_MISSED, AL_SEV_AMBER);
	f.ref_session = before;
	f.k = run;
	emit(sc, f);
}

/* The session mean of the core dimensions the client rated, in tenths rounded;
 * -1 when there is none. Only for the marker's explanation. */
static int core_mean_tenths(const struct al_course *c, size_t i, size_t ndims)
{
	int sum = 0, n = 0;
	for (size_t d = 0; d < ndims; d++) {
		int v = c->sessions[i].rating[AL_RATER_CLIENT][d];
		if (c->dims[d].core && v >= 0) {
			sum += v;
			n++;
		}
	}
	return n ? (2 * sum + n) / (2 * n) : -1;
}

static void track_add(struct track *t, int x, size_t i, bool context)
{
	t->nrated++;
	t->last = x;
	t->last_session = i;
	if (!context) {
		t->dip_n++;
		t->dip_sum += x;
		t->dip_sq += (int64_t)x * x;
	}
}

size_t rules_detect(const struct al_course *c, const struct al_settings *s, struct al_flag *out,
                    size_t cap)
{
	struct track tracks[AL_DIM_MAX] = {0};
	struct scan sc = {.c = c, .s = s, .out = out, .cap = out ? cap : 0};
	size_t ndims = c->ndims < AL_DIM_MAX ? c->ndims : AL_DIM_MAX;
	for (size_t i = 0; i < c->n; i++) {
		sc.i = i;
		sc.d = -1; /* rules without a dimension come first, alphabetically */
		sc.x = core_mean_tenths(c, i, ndims);
		forget_reds(&sc);
		rule_disengaging(&sc);
		rule_marker(&sc);
		rule_missed(&sc);
		rule_missing(&sc, ndims);
		rule_reported(&sc);
		for (size_t d = 0; d < ndims; d++) {
			sc.d = (int)d;
			sc.x = c->sessions[i].rating[AL_RATER_CLIENT][d];
			if (sc.x < 0)
				continue;
			/* alphabetical: decline, dip, discrepancy, drop, low */
			rule_decline(&sc, &tracks[d]);
			rule_dip(&sc, &tracks[d]);
			rule_discrepancy(&sc);
			rule_drop(&sc, &tracks[d]);
			rule_low(&sc);
			track_add(&tracks[d], sc.x, i, c->sessions[i].has_context);
		}
	}
	return sc.n;
}

const char *rule_name(enum al_rule r)
{
	static const char *const names[AL_RULE_COUNT] = {
	    [AL_RULE_DECLINE] = "decline",
	    [AL_RULE_DIP] = "dip",
	    [AL_RULE_DISCREPANCY] = "discrepancy",
	    [AL_RULE_DISENGAGING] = "disengaging",
	    [AL_RULE_DROP] = "drop",
	    [AL_RULE_LOW] = "low",
	    [AL_RULE_MARKER] = "marker",
	    [AL_RULE_MISSED] = "missed",
	    [AL_RULE_MISSING] = "missing",
	    [AL_RULE_REPORTED] = "reported",
	};
	return (unsigned)r < AL_RULE_COUNT ? names[r] : "?";
}

bool rule_parse(const char *name, enum al_rule *out)
{
	for (int r = 0; r < AL_RULE_COUNT; r++)
		if (strcmp(rule_name((enum al_rule)r), name) == 0) {
			*out = (enum al_rule)r;
			return true;
		}
	return false;
}

const char *severity_name(enum al_severity s)
{
	static const char *const names[] = {"info", "amber", "red"};
	return (unsigned)s <= AL_SEV_RED ? names[s] : "?";
}

const char *repair_name(enum al_repair r)
{
	static const char *const names[] = {"", "open", "repaired", "unrepaired"};
	return (unsigned)r <= AL_REPAIR_UNREPAIRED ? names[r] : "?";
}
