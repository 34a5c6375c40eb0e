/* The rupture detection rules of SPEC §4, run per dimension on client ratings. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "alliance/rules.h"

#define EPS 1e-9           /* where doubles meet a threshold, exactly on it counts */
#define EWMA_BASELINE 3    /* decline: the first 3 rated values set the start */
#define DIP_MIN_BASELINE 3 /* dip: needs at least 3 earlier values */

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

/* Where the scan is: one client rating x at session i, dimension d. */
struct scan {
	const struct al_course *c;
	const struct al_settings *s;
	struct al_flag *out;
	size_t cap, n;
	size_t i;
	int d;
	int x;
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
	};
}

/* Counts every flag, stores those that fit; drop, dip and marker get their repair status. */
static void emit(struct scan *sc, struct al_flag f)
{
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

/* missing — a session without any client rating: feedback was skipped. */
static void rule_missing(struct scan *sc, size_t ndims)
{
	const struct al_session *se = &sc->c->sessions[sc->i];
	for (size_t d = 0; d < ndims; d++)
		if (se->rating[AL_RATER_CLIENT][d] >= 0)
			return;
	emit(sc, flag_new(sc, AL_RULE_MISSING, AL_SEV_INFO));
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
		rule_marker(&sc);
		rule_missing(&sc, ndims);
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
	    [AL_RULE_DROP] = "drop",
	    [AL_RULE_LOW] = "low",
	    [AL_RULE_MARKER] = "marker",
	    [AL_RULE_MISSING] = "missing",
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
