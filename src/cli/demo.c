/* demo [--clients N] [--sessions N] [--seed S]: stores core/demo's practice
 * in an empty database, in one transaction with one audit row. */
#include <limits.h>
#include <string.h>

#include "alliance/cli/demo.h"
#include "alliance/cli/commands.h"
#include "alliance/db/client.h"
#include "alliance/db/meta.h"
#include "alliance/db/session.h"
#include "alliance/db/user.h"
#include "alliance/core/demo.h"
#include "alliance/core/parse.h"

static const char *const core_keys[AL_CORE_DIMS] = {"trust", "collaboration", "empathy"};

struct demo_store {
	struct cli *c;
	struct demo_params p;
	struct demo_user users[DEMO_USERS];
	int64_t user_id[DEMO_USERS];
	struct db_dims dims;
	int core[AL_CORE_DIMS]; /* index of each core dimension in dims */
	struct al_settings settings;
	long sessions; /* stored so far */
	long repairs;  /* repair records stored so far */
};

static enum al_status parse_count(struct cli *c, const char *name, const char *arg, long lo,
                                  long hi, long *out)
{
	*out = 0;
	if (arg && !parse_int(arg, lo, hi, out))
		return al_fail(c->err, AL_EINPUT,
		               "demo: --%s: '%.40s' is not a whole number "
		               "from %ld to %ld",
		               name, arg, lo, hi);
	return AL_OK;
}

static enum al_status demo_params_parse(struct cli *c, const struct cli_opt *opts,
                                        struct demo_params *p)
{
	long clients, sessions, seed;
	enum al_status st;
	if ((st = parse_count(c, "clients", cli_opt(opts, "clients"), DEMO_CLIENTS_MIN,
	                      DEMO_CLIENTS_MAX, &clients)) ||
	    (st = parse_count(c, "sessions", cli_opt(opts, "sessions"), DEMO_SESSIONS_MIN,
	                      DEMO_SESSIONS_MAX, &sessions)) ||
	    (st = parse_count(c, "seed", cli_opt(opts, "seed"), 0, LONG_MAX, &seed)))
		return st;
	*p = (struct demo_params){
	    .seed = cli_opt(opts, "seed") ? (uint64_t)seed : DEMO_SEED_DEFAULT,
	    .clients = (int)clients,
	    .sessions = (int)sessions,
	    .me = c->user,
	    .today = c->today,
	};
	return AL_OK;
}

/* Only an empty practice takes the demo: it must never mix with real records. */
static enum al_status check_empty(struct demo_store *d)
{
	int64_t n;
	enum al_status st = db_client_count(d->c->db, &n, d->c->err);
	if (st)
		return st;
	if (n > 0)
		return al_fail(d->c->err, AL_EINPUT,
		               "demo: the database already has clients "
		               "(the demo fills an empty one: alliance --db NEW.db demo)");
	return AL_OK;
}

/* The supervisor first (the others name them), then the clinicians; the
 * invoking user exists already and is given the demo supervisor. */
static enum al_status store_users(struct demo_store *d)
{
	struct al_user u;
	bool found;
	enum al_status st;
	demo_users(&d->p, d->users);
	d->user_id[DEMO_USER_ME] = d->c->user_id;
	for (int i = 0; i < DEMO_USERS; i++) {
		const struct demo_user *du = &d->users[i];
		if (i == DEMO_USER_ME)
			continue;
		if ((st = db_user_find(d->c->db, du->name, &u, &found, d->c->err)))
			return st;
		if (found)
			return al_fail(d->c->err, AL_EINPUT,
			               "demo: user '%s' already exists "
			               "(the demo fills an empty database)",
			               du->name);
		int64_t sup = du->supervisor_index >= 0 ? d->user_id[du->supervisor_index] : 0;
		if ((st = db_user_add(d->c->db, du->name, du->supervisor, sup, &d->user_id[i],
		                      d->c->err)))
			return st;
	}
	return db_user_set_supervisor(d->c->db, d->c->user_id,
	                              d->user_id[d->users[DEMO_USER_ME].supervisor_index],
	                              d->c->err);
}

static enum al_status store_session(struct demo_store *d, int64_t client_id,
                                    const struct demo_session *s, int64_t *id)
{
	struct db_session_in in;
	db_session_in_init(&in, client_id, s->date);
	in.set_rupture = s->rupture != AL_RUPTURE_NONE || s->context;
	in.rupture = s->rupture;
	in.context = s->context;
	in.note = s->note;
	in.set_attendance = s->attendance != AL_ATTENDED;
	in.attendance = s->attendance;
	in.tension = s->tension;
	in.talked = s->talked;
	in.misunderstood = s->misunderstood;
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (int k = 0; k < AL_CORE_DIMS; k++)
			in.rating[r][d->core[k]] = s->rating[r][k];
	d->sessions++;
	return db_session_save(d->c->db, &d->dims, &in, id, d->c->err);
}

static enum al_status store_client(struct demo_store *d, int i)
{
	struct demo_client dc;
	struct demo_session s[DEMO_SESSIONS_MAX];
	demo_client(&d->p, i, &dc);
	struct al_client cl = {.clinician_id = d->user_id[dc.clinician_index]};
	snprintf(cl.code, sizeof cl.code, "%s", dc.code);
	snprintf(cl.modality, sizeof cl.modality, "%s", dc.modality ? dc.modality : "");
	snprintf(cl.goal, sizeof cl.goal, "%s", dc.goal ? dc.goal : "");
	enum al_status st = db_client_add(d->c->db, &cl, d->c->err);
	int64_t ids[DEMO_SESSIONS_MAX];
	int n = demo_sessions(&d->p, i, s, DEMO_SESSIONS_MAX);
	for (int k = 0; !st && k < n; k++)
		st = store_session(d, cl.id, &s[k], &ids[k]);
	if (!st && dc.ending >= 0)
		st = db_client_end(d->c->db, cl.id, (enum al_ending)dc.ending, dc.end_date,
		                   d->c->err);
	struct demo_client_stored stored = {&d->p, i, &dc, s, ids, n, cl.id, cl.clinician_id};
	return st ? st
	          : demo_store_repairs(d->c, &d->dims, d->core, &d->settings, &stored, &d->repairs);
}

static enum al_status store_practice(struct demo_store *d)
{
	enum al_status st;
	if ((st = check_empty(d)) || (st = store_users(d)) ||
	    (st = db_dims_load(d->c->db, &d->dims, d->c->err)) ||
	    (st = db_settings_load(d->c->db, &d->settings, d->c->err)))
		return st;
	for (int k = 0; k < AL_CORE_DIMS; k++)
		if ((d->core[k] = db_dims_find(&d->dims, core_keys[k])) < 0)
			return al_fail(d->c->err, AL_EDB, "demo: the dimension '%s' is missing",
			               core_keys[k]);
	int clients = demo_client_count(&d->p);
	for (int i = 0; !st && i < clients; i++)
		st = store_client(d, i);
	return st;
}

/* "Other users: dr_okafor, dr_lindqvist (clinicians), sup_moreau (supervisor; ...)" */
static void print_summary(const struct demo_store *d)
{
	const char *sup = d->users[DEMO_USER_SUPERVISOR].name;
	printf("demo: %d clients, %ld sessions. Other users: ", demo_client_count(&d->p),
	       d->sessions);
	for (int i = 0, k = 0; i < DEMO_USERS; i++)
		if (i != DEMO_USER_ME && !d->users[i].supervisor)
			printf("%s%s", k++ ? ", " : "", d->users[i].name);
	printf(" (clinicians), %s (supervisor; try --user %s)\n", sup, sup);
}

enum al_status cmd_demo(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"clients", true}, {"sessions", true}, {"seed", true}, {NULL}};
	const char *pos[1];
	struct demo_store d = {.c = c};
	enum al_status st = cli_parse(c, argc - 1, argv + 1, opts, pos, 0, 0, NULL);
	if (st || (st = demo_params_parse(c, opts, &d.p)))
		return st;
	if (c->supervisor)
		return al_fail(c->err, AL_EINPUT,
		               "demo: run it as a clinician (the demo makes "
		               "you one of its three clinicians)");
	if ((st = db_begin(c->db, c->err)))
		return st;
	/* thousands of rows, one audit row: what was added is the demo */
	db_audit_bulk(c->db, true);
	st = store_practice(&d);
	db_audit_bulk(c->db, false);
	if (st || (st = db_audit(c->db, "demo", "database", 0, d.sessions, c->err)) ||
	    (st = db_commit(c->db, c->err))) {
		db_rollback(c->db);
		return st;
	}
	if (!c->quiet)
		print_summary(&d);
	return cli_flush_stdout(c);
}
