/* Which clients a listing covers (flags, episodes, repairs): one CODE, or
 * every client of the user's, narrowed by --clinician; who may see what is
 * settled before the first line is printed. */
#include "alliance/cli/view.h"

enum al_status view_scope_open(struct cli *c, struct view *v, const char *code,
                               const char *clinician, struct view_scope *s)
{
	*s = (struct view_scope){.one = code != NULL};
	if (code && clinician)
		return al_fail(c->err, AL_EUSAGE, "%s: give a CODE or --clinician, not both",
		               c->cmd);
	enum al_status st = db_begin_read(c->db, c->err);
	if (st)
		return st;
	if (code)
		st = cli_client(c, code, ACCESS_READ, &s->cl);
	if (code && !st)
		st = db_course_load(c->db, &v->dims, s->cl.id, &s->course, c->err);
	if (!code)
		st = cli_clients(c, clinician, &s->f);
	if (st)
		view_scope_close(c, s);
	return st;
}

int64_t view_scope_id(const struct view_scope *s)
{
	return s->one ? s->cl.id : 0;
}

enum al_status view_scope_each(struct cli *c, struct view *v, struct view_scope *s, db_course_fn fn,
                               void *ctx)
{
	if (s->one)
		return fn(ctx, &s->cl, &s->course, c->err);
	return db_course_each(c->db, &v->dims, &s->f, fn, ctx, c->err);
}

void view_scope_close(struct cli *c, struct view_scope *s)
{
	db_end_read(c->db);
	db_course_free(&s->course);
	s->course = (struct db_course){0};
}
