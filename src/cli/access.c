/* The access checks of access.h for the user and command of this run. */
#include "alliance/cli/cli.h"

static struct access_who who(const struct cli *c)
{
	return (struct access_who){
	    .user_id = c->user_id, .supervisor = c->supervisor, .what = c->cmd};
}

enum al_status cli_client(struct cli *c, const char *code, enum access_need need,
                          struct al_client *out)
{
	struct access_who w = who(c);
	return access_client(c->db, &w, code, need, out, c->err);
}

enum al_status cli_clients(struct cli *c, const char *clinician, struct db_client_filter *f)
{
	struct access_who w = who(c);
	*f = (struct db_client_filter){0};
	if (!clinician)
		access_mine(&w, f);
	enum al_status st =
	    clinician ? access_clinician(c->db, &w, clinician, f, NULL, c->err) : AL_OK;
	f->today = c->today; /* statuses as of today: the gap rule */
	return st;
}
