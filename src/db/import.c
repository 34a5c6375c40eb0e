/* Import: checks each row while storing it inside one transaction, so
 * that the file is never held in memory and the database's own constraints
 * catch duplicates. Remembers only a little per client and clinician. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "import_internal.h"

/* Grows *array (of size elements) to hold one more; false when out of memory. */
static bool reserve(void **array, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return true;
	size_t grown = *cap ? *cap * 2 : 64;
	void *p = realloc(*array, grown * size);
	if (!p)
		return false;
	*array = p;
	*cap = grown;
	return true;
}

static enum al_status out_of_memory(struct al_error *err)
{
	return al_fail(err, AL_EIO, "import: out of memory");
}

static void free_import(struct db_import *im)
{
	strmap_free(&im->client_map);
	strmap_free(&im->user_map);
	free(im->clients);
	free(im->users);
	free(im->course);
	free(im);
}

enum al_status db_import_begin(struct db *db, int32_t today, db_import_refuse_fn refuse, void *ctx,
                               struct db_import **out, struct al_error *err)
{
	struct db_import *im = calloc(1, sizeof *im);
	enum al_status st;
	if (!im)
		return out_of_memory(err);
	im->db = db;
	im->today = today;
	im->building = SIZE_MAX;
	im->refuse = refuse;
	im->ctx = ctx;
	strmap_init(&im->client_map);
	strmap_init(&im->user_map);
	if ((st = db_begin(db, err)))
		goto fail;
	if ((st = db_dims_load(db, &im->dims, err)))
		goto fail;
	*out = im;
	return AL_OK;
fail:
	free_import(im);
	return st;
}

enum al_status db_import_end(struct db_import *im, bool dry_run, struct db_import_stats *stats,
                             struct al_error *err)
{
	enum al_status st = import_ratings_flush(im, err);
	if (stats)
		*stats = im->stats;
	if (!st && !dry_run && !im->stats.refused && !(st = import_summary_end(im, err)) &&
	    !(st = db_audit(im->db, "import", "database", 0, im->stats.rows, err)))
		st = db_commit(im->db, err);
	db_rollback(im->db);
	free_import(im);
	return st;
}

/* Ratings still queued are stored first, so that their problems come out
 * before this one, in line order. */
enum al_status db_import_refuse(struct db_import *im, long line, const char *why,
                                struct al_error *err)
{
	char copy[sizeof err->msg];
	snprintf(copy, sizeof copy, "%s", why); /* why may be err->msg */
	enum al_status st = import_ratings_flush(im, err);
	if (st)
		return st;
	im->stats.refused++;
	im->refuse(im->ctx, line, copy);
	return AL_OK;
}

static enum al_status remember_user(struct db_import *im, const char *name, int64_t id,
                                    bool supervisor, size_t *index, struct al_error *err)
{
	if (!reserve((void **)&im->users, &im->cap_users, im->nusers, sizeof *im->users) ||
	    !strmap_put(&im->user_map, name, im->nusers))
		return out_of_memory(err);
	struct imp_user *u = &im->users[im->nusers];
	u->id = id;
	u->supervisor = supervisor;
	snprintf(u->name, sizeof u->name, "%s", name);
	*index = im->nusers++;
	return AL_OK;
}

/* A user not seen before in the file: from the database, or added there
 * with role clinician. */
static enum al_status user_load(struct db_import *im, const char *name, size_t *index,
                                struct al_error *err)
{
	static const char find_sql[] =
	    "SELECT id, role = 'supervisor' FROM user WHERE name = :name";
	static const char add_sql[] = "INSERT INTO user (name, role, created) "
	                              "VALUES (:name, 'clinician', :now)";
	char now[21];
	sqlite3_stmt *st = db_stmt(im->db, find_sql, err);
	if (!st)
		return err->status;
	db_bind_text(st, ":name", name);
	int rc = db_step(im->db, st, err);
	if (rc < 0)
		return err->status;
	int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	bool supervisor = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (!id) {
		if (!(st = db_stmt(im->db, add_sql, err)))
			return err->status;
		db_now(now);
		db_bind_text(st, ":name", name);
		db_bind_text(st, ":now", now);
		if (db_run(im->db, st, err))
			return err->status;
		id = sqlite3_last_insert_rowid(im->db->h);
		im->stats.clinicians++;
	}
	return remember_user(im, name, id, supervisor, index, err);
}

/* The row's clinician, who must not be a supervisor. */
static enum al_status clinician_get(struct db_import *im, const char *name, size_t *index,
                                    struct al_error *err)
{
	enum al_status st;
	if (!strmap_get(&im->user_map, name, index) && (st = user_load(im, name, index, err)))
		return st;
	if (im->users[*index].supervisor)
		return al_fail(err, AL_EINPUT,
		               "clinician '%s' is a supervisor (clients belong to clinicians)",
		               name);
	return AL_OK;
}

static enum al_status remember_client(struct db_import *im, const char *code, int64_t id,
                                      size_t clinician, bool existed, struct imp_client **out,
                                      struct al_error *err)
{
	if (!reserve((void **)&im->clients, &im->cap_clients, im->nclients, sizeof *im->clients) ||
	    !strmap_put(&im->client_map, code, im->nclients))
		return out_of_memory(err);
	*out = &im->clients[im->nclients++];
	**out = (struct imp_client){.id = id, .clinician = clinician, .existed = existed};
	return AL_OK;
}

/* A client not seen before in the file: from the database, or added there
 * for the row's clinician. */
static enum al_status client_load(struct db_import *im, const struct import_row *row,
                                  struct imp_client **out, struct al_error *err)
{
	static const char find_sql[] =
	    "SELECT c.id, u.id, u.name, u.role = 'supervisor' "
	    "FROM client c JOIN user u ON u.id = c.clinician_id WHERE c.code = :code";
	static const char add_sql[] = "INSERT INTO client (code, clinician_id, created) "
	                              "VALUES (:code, :clinician, :now)";
	sqlite3_stmt *st = db_stmt(im->db, find_sql, err);
	size_t user;
	enum al_status s;
	if (!st)
		return err->status;
	db_bind_text(st, ":code", row->client);
	int rc = db_step(im->db, st, err);
	if (rc == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *owner = db_col_text(st, 2);
		s = strmap_get(&im->user_map, owner, &user)
		        ? AL_OK
		        : remember_user(im, owner, sqlite3_column_int64(st, 1),
		                        sqlite3_column_int(st, 3), &user, err);
		sqlite3_reset(st);
		return s ? s : remember_client(im, row->client, id, user, true, out, err);
	}
	if (rc < 0)
		return err->status;
	char now[21];
	if ((s = clinician_get(im, row->clinician, &user, err)))
		return s;
	if (!(st = db_stmt(im->db, add_sql, err)))
		return err->status;
	db_now(now);
	db_bind_text(st, ":code", row->client);
	db_bind_int(st, ":clinician", im->users[user].id);
	db_bind_text(st, ":now", now);
	if (db_run(im->db, st, err))
		return err->status;
	im->stats.clients++;
	return remember_client(im, row->client, sqlite3_last_insert_rowid(im->db->h), user, false,
	                       out, err);
}

/* The row's client, which must belong to the row's clinician. */
static enum al_status client_get(struct db_import *im, const struct import_row *row,
                                 struct imp_client **out, struct al_error *err)
{
	size_t i;
	enum al_status st;
	if (strmap_get(&im->client_map, row->client, &i))
		*out = &im->clients[i];
	else if ((st = client_load(im, row, out, err)))
		return st;
	const char *owner = im->users[(*out)->clinician].name;
	if (strcmp(owner, row->clinician) != 0)
		return al_fail(err, AL_EINPUT, "client '%s' belongs to clinician '%s', not '%s'",
		               row->client, owner, row->clinician);
	return AL_OK;
}

static enum al_status take_row(struct db_import *im, long line, const char *const f[IMPORT_COLUMNS],
                               struct al_error *err)
{
	struct import_row row;
	struct imp_client *cl;
	char why[IMPORT_WHY_MAX];
	enum al_status st;
	if (!import_row_parse(f, im->dims.dim, im->dims.n, im->today, &row, why))
		return al_fail(err, AL_EINPUT, "%s", why);
	if ((st = client_get(im, &row, &cl, err)))
		return st;
	enum import_step step = import_seq_next(&cl->seq, &row, why);
	switch (step) {
	case IMPORT_BAD_SESSION:
		cl->session_id = 0;
		/* fallthrough */
	case IMPORT_BAD_ROW:
		return al_fail(err, AL_EINPUT, "%s", why);
	case IMPORT_NEW:
		if ((st = import_session_open(im, cl, &row, err)))
			return st;
		break;
	case IMPORT_SAME:
		break;
	}
	if (row.rated && cl->session_id && (st = import_rating_add(im, cl, line, &row, err)))
		return st;
	im->stats.rows++;
	return import_summary_row(im, (size_t)(cl - im->clients), &row, step == IMPORT_NEW, err);
}

enum al_status db_import_row(struct db_import *im, long line, const char *const f[IMPORT_COLUMNS],
                             struct al_error *err)
{
	enum al_status st = take_row(im, line, f, err);
	return st == AL_EINPUT ? db_import_refuse(im, line, err->msg, err) : st;
}
