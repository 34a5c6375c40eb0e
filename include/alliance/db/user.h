/* Users: clinicians and supervisors. */
#ifndef ALLIANCE_DB_USER_H
#define ALLIANCE_DB_USER_H

#include <stdbool.h>
#include <stdint.h>

#include "alliance/core/course.h"
#include "alliance/db/db.h"

struct al_user {
	int64_t id;
	char name[AL_KEY_MAX + 1];
	bool supervisor;
	int64_t supervisor_id;                /* 0 when none */
	char supervisor_name[AL_KEY_MAX + 1]; /* "" when none */
};

/* *found tells whether the user exists; out is filled when it does. */
enum al_status db_user_find(struct db *db, const char *name, struct al_user *out, bool *found,
                            struct al_error *err);
enum al_status db_user_count(struct db *db, int64_t *n, struct al_error *err);
/* Inside the caller's transaction; appends the audit row. */
enum al_status db_user_add(struct db *db, const char *name, bool supervisor, int64_t supervisor_id,
                           int64_t *id, struct al_error *err);

/* Gives user id the supervisor sup_id (0: none). In the caller's
 * transaction; appends the audit row. */
enum al_status db_user_set_supervisor(struct db *db, int64_t id, int64_t sup_id,
                                      struct al_error *err);

/*
 * The user's PIN (SPEC §5: it unlocks client mode and the curtain). Only a
 * yescrypt hash made by libcrypt (crypt_gensalt_rn, crypt_rn) is stored,
 * never the PIN; the PIN is checked with valid_pin (parse.h) first.
 */
/* Sets or changes it in the caller's transaction, audited by the user's id
 * ('change', 'user'). *had tells whether there was one before. */
enum al_status db_user_pin_set(struct db *db, int64_t id, const char *pin, bool *had,
                               struct al_error *err);
/* Whether the user has a PIN. */
enum al_status db_user_pin_exists(struct db *db, int64_t id, bool *exists, struct al_error *err);
/* Whether pin is the user's PIN (false when the user has none). */
enum al_status db_user_pin_check(struct db *db, int64_t id, const char *pin, bool *match,
                                 struct al_error *err);

typedef enum al_status (*db_user_fn)(void *ctx, const struct al_user *u, struct al_error *err);
/* Every user, by name. */
enum al_status db_user_each(struct db *db, db_user_fn fn, void *ctx, struct al_error *err);

#endif
