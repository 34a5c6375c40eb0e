/* Who sees what (SPEC §3). Roles organise the work and prevent mistakes;
 * file permissions are the security boundary, so saying that a client
 * exists but is someone else's reveals nothing the file does not. */
#include <string.h>

#include "alliance/db/access.h"
#include "alliance/db/user.h"
#include "alliance/core/parse.h"

/* Whether the client's clinician is supervised by who. */
static enum al_status supervises(struct db *db, const struct access_who *who,
                                 const struct al_client *c, bool *yes, struct al_error *err)
{
	struct al_user u;
	bool found;
	enum al_status st = db_user_find(db, c->clinician, &u, &found, err);
	*yes = !st && found && u.supervisor_id == who->user_id;
	return st;
}

enum al_status access_client(struct db *db, const struct access_who *who, const char *code,
                             enum access_need need, struct al_client *out, struct al_error *err)
{
	bool found, ok;
	enum al_status st;
	if (!valid_code(code))
		return al_fail(err, AL_EINPUT,
		               "%s: '%.40s' is not a valid client code "
		               "(1-32 letters, digits, '-', '_', '.')",
		               who->what, code);
	if ((st = db_client_find(db, code, out, &found, err)))
		return st;
	if (!found)
		return al_fail(err, AL_EINPUT, "%s: unknown client '%s'", who->what, code);
	if (!who->supervisor) {
		if (out->clinician_id != who->user_id)
			return al_fail(err, AL_EINPUT, "%s: '%s' is not one of your clients",
			               who->what, code);
		if (need == ACCESS_ACK)
			return al_fail(err, AL_EINPUT,
			               "%s: only a supervisor acknowledges episodes", who->what);
		return AL_OK;
	}
	if (need == ACCESS_WRITE)
		return al_fail(err, AL_EINPUT, "%s: supervisors do not change ratings or notes",
		               who->what);
	if (need == ACCESS_MANAGE) /* SPEC §3: archiving included */
		return al_fail(err, AL_EINPUT,
		               "%s: supervisors do not archive or unarchive clients "
		               "(the client's clinician does)",
		               who->what);
	if ((st = supervises(db, who, out, &ok, err)))
		return st;
	if (!ok)
		return al_fail(err, AL_EINPUT, "%s: '%s' is not a client of your supervisees",
		               who->what, code);
	return AL_OK;
}

void access_mine(const struct access_who *who, struct db_client_filter *f)
{
	f->clinician_id = who->supervisor ? 0 : who->user_id;
	f->supervisor_id = who->supervisor ? who->user_id : 0;
	f->named = who->supervisor;
}

enum al_status access_clinician(struct db *db, const struct access_who *who, const char *name,
                                struct db_client_filter *f, int64_t *id, struct al_error *err)
{
	struct al_user u;
	bool found;
	enum al_status st = db_user_find(db, name, &u, &found, err);
	if (st)
		return st;
	if (!found)
		return al_fail(err, AL_EINPUT, "%s: --clinician: unknown user '%.40s'", who->what,
		               name);
	if (u.supervisor)
		return al_fail(err, AL_EINPUT, "%s: --clinician: '%s' is not a clinician",
		               who->what, u.name);
	if (!who->supervisor && u.id != who->user_id)
		return al_fail(err, AL_EINPUT,
		               "%s: --clinician: '%s' is not you (a clinician "
		               "works only with their own clients)",
		               who->what, u.name);
	if (who->supervisor && u.supervisor_id != who->user_id)
		return al_fail(err, AL_EINPUT,
		               "%s: --clinician: '%s' is not one of your "
		               "supervisees",
		               who->what, u.name);
	f->clinician_id = u.id;
	f->supervisor_id = 0;
	f->named = who->supervisor;
	if (id)
		*id = u.id;
	return AL_OK;
}
