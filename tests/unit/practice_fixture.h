/* A small practice on a temporary database, shared by the storage tests:
 * alice (clinician) with K-2 and K-1, sam (supervisor) supervising bob
 * (clinician) with B-1. Include after <cmocka.h>. */
#ifndef ALLIANCE_PRACTICE_FIXTURE_H
#define ALLIANCE_PRACTICE_FIXTURE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "alliance/db/client.h"
#include "alliance/db/meta.h"
#include "alliance/db/user.h"

struct fx {
	char dir[64], path[96];
	struct db *db;
	struct db_dims dims;
	struct al_error err;
	int64_t alice, bob, sam;
	int64_t k1, k2, b1;
};

static inline void fx_open(struct fx *fx, bool read_only)
{
	struct db_open_opts o = {.path = fx->path,
	                         .read_only = read_only,
	                         .create = true,
	                         .os_user = "os",
	                         .app_user = "alice"};
	assert_int_equal(db_open(&o, &fx->db, &fx->err), AL_OK);
}

static inline int64_t fx_add_client(struct fx *fx, const char *code, int64_t clinician)
{
	struct al_client c = {.clinician_id = clinician};
	snprintf(c.code, sizeof c.code, "%s", code);
	assert_int_equal(db_client_add(fx->db, &c, &fx->err), AL_OK);
	return c.id;
}

/* Creates the practice in a new directory named after prefix; the write
 * transaction is left open so that a test file can add its own rows. */
static inline struct fx *fx_begin(const char *prefix)
{
	struct fx *fx = calloc(1, sizeof *fx);
	assert_non_null(fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/%s.XXXXXX", prefix);
	assert_non_null(mkdtemp(fx->dir));
	snprintf(fx->path, sizeof fx->path, "%s/a.db", fx->dir);
	fx_open(fx, false);
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_user_add(fx->db, "alice", false, 0, &fx->alice, &fx->err), AL_OK);
	assert_int_equal(db_user_add(fx->db, "sam", true, 0, &fx->sam, &fx->err), AL_OK);
	assert_int_equal(db_user_add(fx->db, "bob", false, fx->sam, &fx->bob, &fx->err), AL_OK);
	fx->k2 = fx_add_client(fx, "K-2", fx->alice);
	fx->k1 = fx_add_client(fx, "K-1", fx->alice);
	fx->b1 = fx_add_client(fx, "B-1", fx->bob);
	return fx;
}

/* Commits what fx_begin left open and loads the dimensions. */
static inline void fx_commit(struct fx *fx)
{
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_dims_load(fx->db, &fx->dims, &fx->err), AL_OK);
}

static inline int fx_teardown(void **state)
{
	struct fx *fx = *state;
	db_close(fx->db);
	db_remove_new(fx->path);
	rmdir(fx->dir);
	free(fx);
	return 0;
}

#endif
