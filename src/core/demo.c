/* The demo practice (SPEC §3 `demo`): scripted courses plus bounded noise. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "alliance/core/demo.h"
#include "alliance/core/episode.h"
#include "alliance/core/repair_record.h"

/*
 * Why the shapes hold for every seed. Noise is bounded: a session-wide term
 * plus a per-dimension term, each uniform in [-noise, noise] tenths, so calm
 * values stay within base ± 0.4. With the default settings (SPEC §4):
 *  - values within a band narrower than 2.0 never give a `drop` or a red
 *    `dip`; narrower than 1.5, no `dip` at all; narrower than 1.0, no
 *    `decline` (mu0 - z_k is at most band·(1 - 0.8^k) while the limit is
 *    sqrt(1 - 0.64^k), at least 0.6 and tending to 1.0);
 *  - calm bases are >= 8.6, so calm values are never `low`;
 *  - a repair session sits REPAIR_BOOST above base, so it is at least
 *    base - 0.1 while the mean before the rupture is at most base + 0.4:
 *    always within the 0.5 tolerance;
 *  - an unrepaired course stays about 1.0 below what repair needs; a slow
 *    decline falls 2.2 over many sessions, so the baseline mean falls with it
 *    and no single step or dip is red.
 * The unit tests run the real rules over many seeds to keep this honest.
 */

enum {
	CALM_NOISE = 2, /* each of the two terms, tenths */
	TIGHT_NOISE = 1,
	REPAIR_BOOST = 3,  /* tenths above base right after a repair */
	DECLINE_FLOOR = 3, /* sessions at the bottom of a slow decline */
	SESSIONS_FREE_MIN = 6,
	SESSIONS_FREE_MAX = 30,
	CODE_BLOCK = 10000, /* K-0000 .. K-9999, then the next letter */
};

/* ---- a small seeded PRNG: splitmix64, one stream per client and purpose */

struct rng {
	uint64_t s;
};

enum stream {
	STREAM_PLAN = 1,
	STREAM_CLIENT,
	STREAM_DATES,
	STREAM_RATINGS,
	STREAM_NOTES,
	STREAM_CODE,
	STREAM_ATTEND,
	STREAM_CHECKIN,
	STREAM_REPAIRS
};

static uint64_t mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static uint64_t rng_next(struct rng *r)
{
	r->s += 0x9e3779b97f4a7c15u;
	return mix64(r->s);
}

static struct rng rng_for(uint64_t seed, int client, enum stream st)
{
	uint64_t key = ((uint64_t)(uint32_t)client << 8) | (uint64_t)st;
	return (struct rng){mix64(seed ^ mix64(key + 0x5eed5eed5eedu))};
}

/* Uniform in [lo, hi] (inclusive); the spans here are tiny, so the bias of
 * the multiply-shift is far below anything visible. */
static int rng_range(struct rng *r, int lo, int hi)
{
	uint64_t span = (uint64_t)(hi - lo) + 1;
	return lo + (int)(((rng_next(r) >> 32) * span) >> 32);
}

static bool rng_percent(struct rng *r, int pct)
{
	return rng_range(r, 0, 99) < pct;
}

/* One of list[0..n), never `avoid` (the previous note) when there is a choice. */
static const char *rng_pick(struct rng *r, const char *const *list, int n, const char *avoid)
{
	int k = rng_range(r, 0, n - 1);
	return list[k] == avoid ? list[(k + 1) % n] : list[k];
}

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define PICK(r, list) rng_pick((r), (list), COUNT(list), NULL)
#define PICK_NEW(r, list, prev) rng_pick((r), (list), COUNT(list), (prev))

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* ---- words */

static const char *const course_names[DEMO_COURSE_COUNT] = {
    [DEMO_CALM] = "calm",
    [DEMO_WARMING] = "warming",
    [DEMO_DROP_REPAIRED] = "drop-repaired",
    [DEMO_LIFE_EVENT] = "life-event",
    [DEMO_MARKER_REPAIRED] = "marker-repaired",
    [DEMO_SLOW_DECLINE] = "slow-decline",
    [DEMO_DISCREPANCY] = "discrepancy",
    [DEMO_UNREPAIRED] = "unrepaired",
    [DEMO_NEW_RUPTURE] = "new-rupture",
};

const char *demo_course_name(enum demo_course k)
{
	return (unsigned)k < DEMO_COURSE_COUNT ? course_names[k] : "";
}

static const char *const modalities[] = {
    "cbt",        "cbt",        "cbt",           "integrative",   "integrative",
    "humanistic", "humanistic", "psychodynamic", "psychodynamic", "other",
};

static const char *const goals[] = {
    "Fewer panic attacks", "Sleep better",       "Back to work",         "Cope with grief",
    "Feel less low",       "Manage anger",       "Better relationships", "Cut down drinking",
    "Less worry",          "Rebuild confidence", "Face avoided places",  "Set limits at work",
};

static const char *const notes_routine[] = {
    "Talked about work stress; agreed homework.",
    "Reviewed the week; sleep a little better.",
    "Worked through a thought record together.",
    "Practised a breathing exercise; will try it daily.",
    "Looked at patterns in relationships at work.",
    "Reviewed goals; client sees some progress.",
    "Planned small steps for the coming week.",
    "Talked about a setback without self-blame.",
    "Explored what matters most right now.",
    "Homework done; discussed what got in the way before.",
    "Worked on a difficult conversation coming up.",
    "Client brought a memory from school; explored it.",
};
static const char *const notes_rupture[] = {
    "Client quiet and guarded; felt pushed on homework.",
    "Client said the last session felt rushed.",
    "Client disagreed with the plan; tense ending.",
    "Client arrived late and gave short answers.",
};
static const char *const notes_partial[] = {
    "Some warmth back; tension not yet talked about.",
    "Client polite but careful; check in next time.",
};
static const char *const notes_repair[] = {
    "Named last week's tension; client said it helped to talk about it.",
    "Revisited the disagreement; agreed a slower pace.",
    "Asked about the ratings; client felt listened to.",
};
static const char *const notes_marker[] = {
    "Client withdrew when family came up; noted it gently.",
    "Client pulled back after a challenge; named it at the end.",
};
static const char *const notes_stuck[] = {
    "Client still distant; raised last time, not taken up.",
    "Short answers again; client unsure therapy helps.",
    "Client wonders about taking a break from therapy.",
    "Tried to repair; client said it is fine, seemed not.",
};
static const char *const notes_decline[] = {
    "Client less engaged; homework not done again.",
    "Sessions feel repetitive to the client; review focus.",
    "Client says things are fine but seems flat.",
};
static const char *const notes_clinician_view[] = {
    "Felt like a productive session.",
    "Good session; client engaged with the exercise.",
    "Client seemed relaxed and open today.",
};
static const char *const notes_absent[] = {
    "Did not come; no message. Sent a short text.",
    "Cancelled by phone this morning.",
    "Did not attend; left a voicemail offering the next slot.",
};
static const char *const notes_unrated[] = {
    "No ratings today; ran out of time.",
    "Forms forgotten at the end of the session.",
};

struct context_event {
	const char *context;
	const char *note;
};
static const struct context_event contexts[] = {
    {"illness", "Client unwell this week; shorter session."},
    {"bereavement", "Recent bereavement; session focused on support."},
    {"moved house", "Busy after moving house; little energy for homework."},
    {"new job", "Started a new job; talked about adjusting."},
    {"relationship ended", "Relationship ended; client tearful but engaged."},
    {"family illness", "A parent in hospital; client preoccupied."},
};

/* ---- users */

static bool same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
		if (x != y)
			return false;
	}
	return *a == *b;
}

static void set_name(char *dst, const char *src)
{
	size_t n = strlen(src);
	if (n > AL_KEY_MAX)
		n = AL_KEY_MAX;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static const char *me_name(const struct demo_params *p)
{
	return p->me ? p->me : "dr_demo";
}

void demo_users(const struct demo_params *p, struct demo_user out[DEMO_USERS])
{
	static const char *const supervisors[] = {"sup_moreau", "sup_castillo"};
	static const char *const clinicians[] = {"dr_okafor", "dr_lindqvist", "dr_haddad"};
	const char *me = me_name(p);

	memset(out, 0, sizeof(*out) * DEMO_USERS);
	set_name(out[DEMO_USER_SUPERVISOR].name,
	         same_name(me, supervisors[0]) ? supervisors[1] : supervisors[0]);
	out[DEMO_USER_SUPERVISOR].supervisor = true;
	out[DEMO_USER_SUPERVISOR].supervisor_index = -1;

	set_name(out[DEMO_USER_ME].name, me);
	int next = 2;
	for (int k = 0; k < 3 && next < DEMO_USERS; k++)
		if (!same_name(me, clinicians[k]))
			set_name(out[next++].name, clinicians[k]);
	for (int u = 1; u < DEMO_USERS; u++)
		out[u].supervisor_index = DEMO_USER_SUPERVISOR;
}

/* ---- clients */

int demo_client_count(const struct demo_params *p)
{
	return p->clients == 0 ? DEMO_CLIENTS_DEFAULT
	                       : clamp(p->clients, DEMO_CLIENTS_MIN, DEMO_CLIENTS_MAX);
}

static int clinician_of(int i)
{
	if (i < DEMO_ME_CLIENTS)
		return DEMO_USER_ME;
	if (i < DEMO_CLIENTS_DEFAULT)
		return 2 + i % 2;
	return 1 + i % 3;
}

/* A keyed permutation of 0..9999 (a four-round Feistel network on two base-100
 * halves), so codes look random yet never collide. */
static int code_number(uint64_t seed, int block, int x)
{
	int left = x / 100, right = x % 100;
	for (int round = 0; round < 4; round++) {
		uint64_t f = mix64(seed ^ mix64(((uint64_t)block << 16) | ((uint64_t)round << 8) |
		                                (uint64_t)right));
		int t = right;
		right = (left + (int)(f % 100)) % 100;
		left = t;
	}
	return left * 100 + right;
}

static void client_code(uint64_t seed, int i, char out[AL_KEY_MAX + 1])
{
	static const char letters[] = "KMPRSTVWXZ";
	int block = i / CODE_BLOCK;
	int num = code_number(mix64(seed + STREAM_CODE), block, i % CODE_BLOCK);
	out[0] = letters[block % (int)(sizeof(letters) - 1)];
	out[1] = '-';
	for (int k = 5; k >= 2; k--, num /= 10)
		out[k] = (char)('0' + num % 10);
	out[6] = '\0';
}

static const enum demo_course me_courses[DEMO_ME_CLIENTS] = {
    DEMO_UNREPAIRED,  DEMO_SLOW_DECLINE, DEMO_MARKER_REPAIRED, DEMO_CALM,
    DEMO_DISCREPANCY, DEMO_NEW_RUPTURE,  DEMO_DROP_REPAIRED,   DEMO_CALM,
};

/* The other two clinicians' clients in the default practice (8..23, even
 * indexes to the first, odd to the second): a designed mix, mostly calm. */
static const enum demo_course other_courses[DEMO_CLIENTS_DEFAULT - DEMO_ME_CLIENTS] = {
    DEMO_CALM,    DEMO_CALM,        DEMO_DROP_REPAIRED,   DEMO_SLOW_DECLINE,
    DEMO_CALM,    DEMO_CALM,        DEMO_LIFE_EVENT,      DEMO_DROP_REPAIRED,
    DEMO_WARMING, DEMO_DISCREPANCY, DEMO_UNREPAIRED,      DEMO_CALM,
    DEMO_CALM,    DEMO_NEW_RUPTURE, DEMO_MARKER_REPAIRED, DEMO_LIFE_EVENT,
};

/* How often each course turns up among clients 24 and later, in percent. */
static const int course_weights[DEMO_COURSE_COUNT] = {
    [DEMO_CALM] = 34,       [DEMO_WARMING] = 10,        [DEMO_DROP_REPAIRED] = 12,
    [DEMO_LIFE_EVENT] = 12, [DEMO_MARKER_REPAIRED] = 7, [DEMO_SLOW_DECLINE] = 8,
    [DEMO_DISCREPANCY] = 5, [DEMO_UNREPAIRED] = 6,      [DEMO_NEW_RUPTURE] = 6,
};

static enum demo_course pick_course(struct rng *r)
{
	int x = rng_range(r, 0, 99);
	for (int k = 0; k < DEMO_COURSE_COUNT; k++) {
		if (x < course_weights[k])
			return (enum demo_course)k;
		x -= course_weights[k];
	}
	return DEMO_CALM;
}

/* Everything about client i that is decided before its first session. */
struct plan {
	enum demo_course kind;
	int n;                  /* sessions */
	int event;              /* 1-based, 0 none */
	int base[AL_CORE_DIMS]; /* tenths, the client's usual rating */
	int noise, noise_own;   /* session-wide and per-dimension noise terms,
	                           uniform in [-noise, noise], [-noise_own, noise_own] */
	int depth;              /* tenths a drop (trust) or a decline goes down */
	int warm;               /* warming: tenths below base at the start */
	bool partial;           /* drop: a half-way session before the repair */
	enum al_rupture marker; /* at the event */
	int unrated;            /* 1-based session without ratings, 0 none */
	int context_at, context_len;
	int context;                     /* index into contexts */
	int clinician_pct;               /* clinician ratings on ordinary sessions */
	int cadence, switch_at, end_gap; /* dates */
	int back;                        /* days the whole course lies further back */
	int note_pct;
	int checkin_pct; /* attended sessions with the client's check-in */
	int absent_pct;  /* sessions now and then not attended (calm, warming) */
	int noshow_at;   /* 1-based scripted no-show, 0 none */
	int late_at;     /* 1-based scripted late cancellation, 0 none */
};

static void plan_bases(struct plan *pl, struct rng *r, int lo, int hi)
{
	int b = rng_range(r, lo, hi);
	for (int d = 0; d < AL_CORE_DIMS; d++)
		pl->base[d] = clamp(b + rng_range(r, -2, 2), lo, hi);
}

/* Attendance and the check-in: drawn from their own stream, so that the
 * ratings, dates and notes of every course stay as they were. */
static void plan_engagement(int i, struct plan *pl)
{
	bool mine = i < DEMO_ME_CLIENTS;
	pl->checkin_pct = 70 + (int)(mix64((uint64_t)i + STREAM_CHECKIN) % 26);
	pl->absent_pct = !mine && (pl->kind == DEMO_CALM || pl->kind == DEMO_WARMING) ? 8 : 0;
	if (pl->kind == DEMO_UNREPAIRED) {
		pl->noshow_at = pl->event + 1;
		if (i == 0) /* me's RUPTURE client: a late cancellation follows */
			pl->late_at = pl->event + 2;
	}
	if (i == DEMO_GAP_CLIENT) {
		pl->back = DEMO_GAP_DAYS;
		pl->absent_pct = 0;
	}
	if (i == DEMO_DROPOUT_CLIENT && pl->kind == DEMO_UNREPAIRED)
		pl->back = DEMO_DROPOUT_DAYS;
}

static bool is_dropout(int i, const struct plan *pl)
{
	return i == DEMO_DROPOUT_CLIENT && pl->kind == DEMO_UNREPAIRED;
}

static void plan_client(const struct demo_params *p, int i, struct plan *pl)
{
	struct rng r = rng_for(p->seed, i, STREAM_PLAN);
	bool mine = i < DEMO_ME_CLIENTS;

	memset(pl, 0, sizeof(*pl));
	enum demo_course drawn = pick_course(&r); /* drawn always: keeps the stream aligned */
	pl->kind = mine                       ? me_courses[i]
	           : i < DEMO_CLIENTS_DEFAULT ? other_courses[i - DEMO_ME_CLIENTS]
	                                      : drawn;
	bool free_length = pl->kind == DEMO_CALM || pl->kind == DEMO_WARMING;
	if (p->sessions > 0)
		pl->n = clamp(p->sessions, DEMO_SESSIONS_MIN, DEMO_SESSIONS_MAX);
	else
		pl->n = rng_range(&r, free_length ? SESSIONS_FREE_MIN : DEMO_SESSIONS_MIN,
		                  SESSIONS_FREE_MAX);
	int n = pl->n;

	pl->noise = pl->noise_own = CALM_NOISE;
	pl->note_pct = rng_range(&r, 45, 85);
	pl->clinician_pct = rng_percent(&r, 35) ? rng_range(&r, 15, 40) : 0;
	pl->context = rng_range(&r, 0, COUNT(contexts) - 1);
	plan_bases(pl, &r, 86, 95);

	switch (pl->kind) {
	case DEMO_CALM:
		if (i == 3 || (!mine && rng_percent(&r, 25)))
			pl->unrated = rng_range(&r, 3, n - 2);
		if (i == 7 || (!mine && rng_percent(&r, 25))) {
			pl->context_at = rng_range(&r, 2, n - 1);
			pl->context_len = 1;
		}
		break;
	case DEMO_WARMING:
		pl->warm = rng_range(&r, 12, 22);
		break;
	case DEMO_DROP_REPAIRED:
		/* me's copy happens long enough ago to be settled (status ok) */
		pl->event = rng_range(&r, 5, mine ? n - 6 : n - 2);
		pl->depth = rng_range(&r, 28, 36);
		pl->partial = rng_percent(&r, 50);
		if (rng_percent(&r, 40))
			pl->marker =
			    rng_percent(&r, 50) ? AL_RUPTURE_WITHDRAWAL : AL_RUPTURE_CONFRONTATION;
		break;
	case DEMO_LIFE_EVENT:
		pl->event = rng_range(&r, 4, n - 2);
		pl->context_at = pl->event;
		pl->context_len = rng_percent(&r, 50) ? 2 : 1;
		pl->depth = rng_range(&r, 16, 24);
		break;
	case DEMO_MARKER_REPAIRED:
		plan_bases(pl, &r, 90, 95);
		pl->event = rng_range(&r, mine ? n - 3 : 4, n - 1);
		pl->marker = AL_RUPTURE_WITHDRAWAL;
		pl->clinician_pct = 0;
		break;
	case DEMO_SLOW_DECLINE:
		plan_bases(pl, &r, 86, 92);
		pl->event = 4;
		pl->depth = 22;
		pl->noise_own = TIGHT_NOISE;
		pl->clinician_pct = 0;
		break;
	case DEMO_DISCREPANCY:
		plan_bases(pl, &r, 70, 76);
		pl->noise = pl->noise_own = TIGHT_NOISE;
		pl->clinician_pct = 100;
		break;
	case DEMO_UNREPAIRED:
		/* room after the event for the absences and three rated sessions */
		pl->event = rng_range(&r, n - 9 < 5 ? 5 : n - 9, n - 5);
		pl->depth = rng_range(&r, 28, 36);
		pl->marker = rng_percent(&r, 50) ? AL_RUPTURE_WITHDRAWAL : AL_RUPTURE_CONFRONTATION;
		pl->clinician_pct = 0;
		break;
	case DEMO_NEW_RUPTURE:
		pl->event = rng_range(&r, n - 1, n);
		pl->depth = rng_range(&r, 28, 36);
		if (rng_percent(&r, 50))
			pl->marker = AL_RUPTURE_CONFRONTATION;
		pl->clinician_pct = 0;
		break;
	case DEMO_COURSE_COUNT:
		break;
	}

	int x = rng_range(&r, 0, 9);
	pl->cadence = x < 7 ? 7 : 14;
	pl->switch_at = x == 9 ? n * 2 / 3 : n; /* weekly, later fortnightly */
	pl->end_gap = rng_range(&r, 0, pl->cadence - 1);
	plan_engagement(i, pl);
}

void demo_client(const struct demo_params *p, int i, struct demo_client *out)
{
	struct plan pl;
	plan_client(p, i, &pl);
	struct rng r = rng_for(p->seed, i, STREAM_CLIENT);

	memset(out, 0, sizeof(*out));
	client_code(p->seed, i, out->code);
	out->clinician_index = clinician_of(i);
	out->modality = PICK(&r, modalities);
	out->goal = rng_percent(&r, 75) ? PICK(&r, goals) : NULL;
	out->kind = pl.kind;
	out->sessions = pl.n;
	out->event = pl.event;
	out->ending = -1;
	if (is_dropout(i, &pl)) {
		out->ending = AL_END_DROPOUT;
		out->end_date = p->today - pl.end_gap - pl.back + DEMO_DROPOUT_ENDED;
	}
}

/* ---- sessions */

/* Days between session k and k+1 (1-based k): the cadence, now and then
 * moved by a day or two, sometimes a week longer (a holiday, a cancellation). */
static int interval_after(const struct plan *pl, struct rng *r, int k)
{
	int days = k >= pl->switch_at ? 14 : pl->cadence;
	int x = rng_range(r, 0, 99);
	int shift = rng_range(r, -2, 2);
	if (x < 12)
		days += shift;
	else if (x < 17)
		days += 7;
	return days < 3 ? 3 : days;
}

/* Tenths to add to base for dimension d at session j (1-based): the shape. */
static int shape_offset(const struct plan *pl, int j, int d)
{
	/* trust moves most, empathy least */
	int depth = pl->depth - (d == 0 ? 0 : d == 1 ? 2 : 5);
	int e = pl->event;

	switch (pl->kind) {
	case DEMO_WARMING:
		return j >= 6 ? 0 : -pl->warm * (6 - j) / 5;
	case DEMO_DROP_REPAIRED:
		if (j == e)
			return -depth;
		if (j == e + 1 && pl->partial)
			return -depth / 2;
		if (j == e + 1 + (pl->partial ? 1 : 0))
			return REPAIR_BOOST;
		return 0;
	case DEMO_LIFE_EVENT:
		if (j == e)
			return -depth;
		if (j == e + 1)
			return pl->context_len > 1 ? -depth / 2 : REPAIR_BOOST;
		if (j == e + 2 && pl->context_len > 1)
			return REPAIR_BOOST;
		return 0;
	case DEMO_MARKER_REPAIRED:
		return j == e ? -5 : j == e + 1 ? REPAIR_BOOST : 0;
	case DEMO_SLOW_DECLINE: {
		int bottom = pl->n - DECLINE_FLOOR + 1;
		int fall = d == 2 ? pl->depth - 4 : pl->depth; /* empathy a little less */
		if (j < e)
			return 0;
		if (j >= bottom)
			return -fall;
		/* steeper at first, then levelling off: the baseline mean keeps up,
		 * so no single session sits 2 SD below it (a red dip) */
		int len = bottom - e + 1, left = len - (j - e + 1);
		return -fall * (len * len - left * left) / (len * len);
	}
	case DEMO_UNREPAIRED:
		if (j < e)
			return 0;
		return j == e ? -depth : -(depth - 8);
	case DEMO_NEW_RUPTURE:
		if (j < e)
			return 0;
		return j == e ? -depth : -depth / 2;
	case DEMO_CALM:
	case DEMO_DISCREPANCY:
	case DEMO_COURSE_COUNT:
		break;
	}
	return 0;
}

/* Is session j part of the scripted event (no clinician ratings there)? */
static bool in_event(const struct plan *pl, int j)
{
	return pl->event > 0 && j >= pl->event && j <= pl->event + 2;
}

static const char *session_note(const struct plan *pl, struct rng *r, int j, const char *prev,
                                bool *forced)
{
	int e = pl->event;
	*forced = true;
	if (j == pl->unrated)
		return PICK_NEW(r, notes_unrated, prev);
	if (pl->context_at && j == pl->context_at)
		return contexts[pl->context].note;
	switch (pl->kind) {
	case DEMO_DROP_REPAIRED:
	case DEMO_NEW_RUPTURE:
	case DEMO_UNREPAIRED:
		if (j == e)
			return pl->marker == AL_RUPTURE_WITHDRAWAL
			           ? PICK_NEW(r, notes_marker, prev)
			           : PICK_NEW(r, notes_rupture, prev);
		if (pl->kind == DEMO_DROP_REPAIRED && j == e + 1 && pl->partial)
			return PICK_NEW(r, notes_partial, prev);
		if (pl->kind == DEMO_DROP_REPAIRED && j == e + 1 + (pl->partial ? 1 : 0))
			return PICK_NEW(r, notes_repair, prev);
		if (pl->kind == DEMO_NEW_RUPTURE && j > e)
			return PICK_NEW(r, notes_partial, prev);
		if (pl->kind == DEMO_UNREPAIRED && j > e)
			return PICK_NEW(r, notes_stuck, prev);
		break;
	case DEMO_MARKER_REPAIRED:
		if (j == e)
			return PICK_NEW(r, notes_marker, prev);
		if (j == e + 1)
			return PICK_NEW(r, notes_repair, prev);
		break;
	case DEMO_SLOW_DECLINE:
		*forced = false;
		if (j > (e + pl->n) / 2)
			return PICK_NEW(r, notes_decline, prev);
		break;
	case DEMO_DISCREPANCY:
		*forced = false;
		return PICK_NEW(r, notes_clinician_view, prev);
	default:
		break;
	}
	*forced = false;
	return PICK_NEW(r, notes_routine, prev);
}

static al_tenths tenths(int v)
{
	return (al_tenths)clamp(v, 0, 100);
}

static void session_fill(const struct plan *pl, struct rng *rr, struct rng *rt, int j,
                         const char *prev_note, struct demo_session *s)
{
	/* draw the same numbers for every session so one choice never shifts
	 * the noise of the sessions after it */
	int common = rng_range(rr, -pl->noise, pl->noise);
	int own[AL_CORE_DIMS], extra[AL_CORE_DIMS];
	for (int d = 0; d < AL_CORE_DIMS; d++) {
		own[d] = rng_range(rr, -pl->noise_own, pl->noise_own);
		extra[d] = rng_range(rr, 0, 6);
	}
	bool clinician = rng_percent(rr, pl->clinician_pct) && !in_event(pl, j);
	int clinician_shift = rng_range(rr, -3, 8);

	for (int d = 0; d < AL_CORE_DIMS; d++) {
		s->rating[AL_RATER_CLIENT][d] = AL_MISSING;
		s->rating[AL_RATER_CLINICIAN][d] = AL_MISSING;
	}
	s->rupture = j == pl->event ? pl->marker : AL_RUPTURE_NONE;
	s->context = NULL;
	if (pl->context_at && j >= pl->context_at && j < pl->context_at + pl->context_len)
		s->context = contexts[pl->context].context;

	bool forced;
	const char *note = session_note(pl, rt, j, prev_note, &forced);
	s->note = forced || rng_percent(rt, pl->note_pct) ? note : NULL;

	if (j == pl->unrated)
		return;
	for (int d = 0; d < AL_CORE_DIMS; d++) {
		int v = clamp(pl->base[d] + shape_offset(pl, j, d) + common + own[d], 0, 100);
		s->rating[AL_RATER_CLIENT][d] = tenths(v);
		if (pl->kind == DEMO_DISCREPANCY)
			/* client values stay <= 7.8, so the gap is always >= 2.2 */
			s->rating[AL_RATER_CLINICIAN][d] = tenths(v + 22 + extra[d]);
		else if (clinician)
			s->rating[AL_RATER_CLINICIAN][d] = tenths(v + clinician_shift);
	}
}

/* The scripted absences, then the occasional one: never in the first
 * three sessions, the last, an event or right after another absence. */
static enum al_attendance attendance_at(const struct plan *pl, struct rng *ra, int i, int j,
                                        enum al_attendance before)
{
	int x = rng_range(ra, 0, 99), kind = rng_range(ra, 0, 9);
	if (j == pl->noshow_at)
		return AL_NO_SHOW;
	if (j == pl->late_at)
		return AL_LATE_CANCEL;
	if (is_dropout(i, pl) && j >= pl->n - 1)
		return j == pl->n ? AL_NO_SHOW : AL_LATE_CANCEL;
	if (x >= pl->absent_pct || j <= 3 || j == pl->n || j == pl->unrated ||
	    (pl->context_at && j >= pl->context_at && j < pl->context_at + pl->context_len) ||
	    before != AL_ATTENDED)
		return AL_ATTENDED;
	return kind < 4 ? AL_CANCELLED : kind < 7 ? AL_NO_SHOW : AL_CLINICIAN_CANCEL;
}

/* The client's check-in: on most attended sessions; tension where the
 * course has a rupture (red, as the client tells it) or in the last
 * sessions of a slow decline (a little, talked through: amber). */
#define SLIDE_CHECKINS 3
static void checkin_fill(const struct plan *pl, struct rng *rc, int j, struct demo_session *s)
{
	int x = rng_range(rc, 0, 99), tension = rng_range(rc, 2, 3), talked = rng_range(rc, 1, 2);
	int e = pl->event;
	bool rupture = j == e && (pl->kind == DEMO_UNREPAIRED || pl->kind == DEMO_NEW_RUPTURE ||
	                          pl->kind == DEMO_DROP_REPAIRED);
	bool slide = pl->kind == DEMO_SLOW_DECLINE && j > pl->n - SLIDE_CHECKINS;
	s->tension = s->talked = s->misunderstood = AL_NO_ANSWER;
	if (s->attendance != AL_ATTENDED || j == pl->unrated ||
	    (x >= pl->checkin_pct && !rupture && !slide))
		return;
	s->tension = 0;
	s->misunderstood = 0;
	if (rupture) {
		s->tension = (int8_t)tension;
		s->talked = (int8_t)talked;
		s->misunderstood = pl->kind == DEMO_NEW_RUPTURE;
	} else if (slide) {
		s->tension = 1;
		s->talked = 3;
	}
}

/* A session not attended is only the record: no ratings, marker or context. */
static void absence_fill(struct rng *ra, struct demo_session *s)
{
	for (int d = 0; d < AL_CORE_DIMS; d++) {
		s->rating[AL_RATER_CLIENT][d] = AL_MISSING;
		s->rating[AL_RATER_CLINICIAN][d] = AL_MISSING;
	}
	s->rupture = AL_RUPTURE_NONE;
	s->context = NULL;
	s->note = s->attendance == AL_CLINICIAN_CANCEL ? NULL : PICK(ra, notes_absent);
}

int demo_sessions(const struct demo_params *p, int i, struct demo_session *out, int cap)
{
	struct plan pl;
	plan_client(p, i, &pl);
	if (cap <= 0 || !out)
		return pl.n;

	/* dates run back from near today: sum the intervals once, then replay
	 * the same stream forwards so no buffer of dates is needed */
	struct rng dates = rng_for(p->seed, i, STREAM_DATES), replay = dates;
	int32_t span = 0;
	for (int k = 1; k < pl.n; k++)
		span += interval_after(&pl, &dates, k);
	int32_t date = p->today - pl.end_gap - pl.back - span;

	struct rng rr = rng_for(p->seed, i, STREAM_RATINGS);
	struct rng rt = rng_for(p->seed, i, STREAM_NOTES);
	struct rng ra = rng_for(p->seed, i, STREAM_ATTEND);
	struct rng rc = rng_for(p->seed, i, STREAM_CHECKIN);
	int limit = cap < pl.n ? cap : pl.n;
	const char *prev_note = NULL;
	enum al_attendance before = AL_ATTENDED;
	for (int j = 1; j <= limit; j++) {
		struct demo_session *s = &out[j - 1];
		s->date = date;
		session_fill(&pl, &rr, &rt, j, prev_note, s);
		s->attendance = attendance_at(&pl, &ra, i, j, before);
		if (s->attendance != AL_ATTENDED)
			absence_fill(&ra, s);
		checkin_fill(&pl, &rc, j, s);
		if (s->note)
			prev_note = s->note;
		before = s->attendance;
		date += interval_after(&pl, &replay, j);
	}
	return pl.n;
}

/* ---- what the demo clinician did about each episode (demo_repairs) */

#define ST(x) (1u << AL_STRATEGY_##x)

/* The likely domain, as the course's story would have it. */
static int repair_domain(struct rng *r, enum demo_course kind)
{
	static const int drop[] = {AL_DOMAIN_BOND, AL_DOMAIN_GOALS, AL_DOMAIN_TASKS,
	                           AL_DOMAIN_CULTURE};
	static const int slide[] = {AL_DOMAIN_MOTIVATION, AL_DOMAIN_GOALS, AL_DOMAIN_TASKS};
	static const int stuck[] = {AL_DOMAIN_TASKS, AL_DOMAIN_GOALS, AL_DOMAIN_BOND,
	                            AL_DOMAIN_CULTURE, AL_DOMAIN_MOTIVATION};
	switch (kind) {
	case DEMO_LIFE_EVENT:
		return rng_percent(r, 80) ? AL_DOMAIN_LIFE_EVENT : AL_DOMAIN_OTHER;
	case DEMO_SLOW_DECLINE:
		return slide[rng_range(r, 0, COUNT(slide) - 1)];
	case DEMO_MARKER_REPAIRED:
	case DEMO_DISCREPANCY:
		return rng_percent(r, 70) ? AL_DOMAIN_BOND : AL_DOMAIN_CULTURE;
	case DEMO_UNREPAIRED:
		return stuck[rng_range(r, 0, COUNT(stuck) - 1)];
	default:
		return drop[rng_range(r, 0, COUNT(drop) - 1)];
	}
}

/* One or two strategies: mostly relational ones where the episode came
 * back, mostly technical ones where it did not (yet). */
static uint32_t repair_strategies_for(struct rng *r, bool repaired)
{
	static const uint32_t relational[] = {ST(METACOMMUNICATE), ST(VALIDATE), ST(OWN_PART),
	                                      ST(INVITE_NEGATIVE), ST(CLARIFY)};
	static const uint32_t technical[] = {ST(RATIONALE), ST(CHANGE_TASK), ST(CLARIFY),
	                                     ST(CHANGE_GOAL)};
	bool rel = rng_percent(r, repaired ? 80 : 25);
	const uint32_t *list = rel ? relational : technical;
	int n = rel ? COUNT(relational) : COUNT(technical);
	uint32_t set = list[rng_range(r, 0, n - 1)];
	if (rng_percent(r, 45))
		set |= list[rng_range(r, 0, n - 1)];
	return set;
}

static const char *const repair_notes[] = {
    "Named the tension between us; they said the homework felt like a test.",
    "Asked what had not worked last time; agreed to go more slowly.",
    "They felt rushed. I said I had pushed too hard.",
    "Went back to what they want from therapy; the goal had drifted.",
};

int demo_repairs(const struct demo_params *p, int i, enum demo_course kind, size_t k,
                 const struct al_episode *e, size_t nsessions,
                 struct demo_repair out[DEMO_REPAIRS_MAX])
{
	struct rng r = rng_for(p->seed, i, STREAM_REPAIRS);
	r.s ^= mix64((uint64_t)k + 1); /* a stream of its own per episode */
	if (nsessions == 0 || e->opened >= nsessions || rng_percent(&r, 20))
		return 0; /* most episodes, not all, have a record */
	bool repaired = e->status == AL_EPISODE_REPAIRED;
	size_t last = nsessions - 1;
	size_t at = e->opened + (size_t)rng_range(&r, 0, 1);
	out[0] = (struct demo_repair){.session = at < last ? at : last,
	                              .domain = repair_domain(&r, kind),
	                              .strategies = repair_strategies_for(&r, repaired),
	                              .note = rng_percent(&r, 30) ? PICK(&r, repair_notes) : NULL};
	if (repaired || out[0].session + 2 > last || !rng_percent(&r, 85))
		return 1;
	/* not back yet: what was tried next, two sessions on */
	out[1] = (struct demo_repair){
	    .session = out[0].session + 2,
	    .domain = out[0].domain,
	    .strategies = kind == DEMO_UNREPAIRED || rng_percent(&r, 50)
	                      ? ST(SUPERVISION) | ST(METACOMMUNICATE)
	                      : repair_strategies_for(&r, false),
	};
	return 2;
}
