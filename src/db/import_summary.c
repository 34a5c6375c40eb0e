/* Import, the summaries (db_status.h): a client new in the file has all its
 * sessions in the file, and an export gives each client's rows together,
 * so its course is gathered as the rows pass and its summary stored when
 * the next client's rows begin. The commit then need not read a million
 * ratings back. A client that existed before, or whose rows come apart,
 * is touched instead and recomputed from the database at commit. */
#include <stdint.h>
#include <stdlib.h>

#include "alliance/db/status.h"
#include "import_internal.h"

/* Stores the summary of the course being gathered, if any. */
static enum al_status finish(struct db_import *im, struct al_error *err)
{
	if (im->building == SIZE_MAX)
		return AL_OK;
	struct imp_client *cl = &im->clients[im->building];
	struct al_course c = {im->dims.dim, im->dims.n, im->course, im->ncourse};
	im->building = SIZE_MAX;
	cl->summed = true;
	return db_status_store(im->db, cl->id, &c, err);
}

/* Starts session n + 1 of the course: what the database will hold for it. */
static enum al_status add_session(struct db_import *im, const struct imp_client *cl,
                                  const struct import_row *row, struct al_error *err)
{
	if (im->ncourse == im->cap_course) {
		size_t cap = im->cap_course ? im->cap_course * 2 : 64;
		struct al_session *s = realloc(im->course, cap * sizeof *s);
		if (!s)
			return al_fail(err, AL_EIO, "import: out of memory");
		im->course = s;
		im->cap_course = cap;
	}
	struct al_session *s = &im->course[im->ncourse++];
	al_session_clear(s);
	s->id = cl->session_id;
	s->date = row->date;
	s->seq = (int)im->ncourse;
	s->rupture = row->rupture;
	s->has_context = *row->context != '\0';
	s->attendance = row->attendance;
	s->tension = row->tension;
	s->talked = row->talked;
	s->misunderstood = row->misunderstood;
	return AL_OK;
}

enum al_status import_summary_row(struct db_import *im, size_t i, const struct import_row *row,
                                  bool new_session, struct al_error *err)
{
	struct imp_client *cl = &im->clients[i];
	enum al_status st;
	if (i != im->building) {
		if ((st = finish(im, err)))
			return st;
		if (cl->existed || cl->summed) {
			cl->touched = true;
			return AL_OK;
		}
		im->building = i;
		im->ncourse = 0;
	}
	if (!cl->session_id) /* a refused session: the import will not commit */
		return AL_OK;
	if (new_session && (st = add_session(im, cl, row, err)))
		return st;
	if (row->rated && im->ncourse)
		im->course[im->ncourse - 1].rating[row->rater][row->dim] = row->value;
	return AL_OK;
}

enum al_status import_summary_end(struct db_import *im, struct al_error *err)
{
	enum al_status st = finish(im, err);
	for (size_t i = 0; !st && i < im->nclients; i++)
		if (im->clients[i].touched || !im->clients[i].summed)
			db_status_touch(im->db, im->clients[i].id);
	return st;
}
