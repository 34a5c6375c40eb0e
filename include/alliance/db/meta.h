/* Dimensions and settings: what every analysis needs besides ratings. */
#ifndef ALLIANCE_DB_META_H
#define ALLIANCE_DB_META_H

#include <stddef.h>
#include <stdint.h>

#include "alliance/core/course.h"
#include "alliance/db/db.h"

/* The dimensions in their order (core first), with their internal ids. */
struct db_dims {
	struct al_dim dim[AL_DIM_MAX];
	int64_t id[AL_DIM_MAX];
	char wording[AL_DIM_MAX][201];
	size_t n;
};
enum al_status db_dims_load(struct db *db, struct db_dims *out, struct al_error *err);
/* The index of key in dims, or -1. */
int db_dims_find(const struct db_dims *dims, const char *key);
/* In the caller's transaction; appends the audit row. */
enum al_status db_dim_add(struct db *db, const char *key, const char *label, struct al_error *err);

/* The detection settings (defaults for any key not stored). */
enum al_status db_settings_load(struct db *db, struct al_settings *out, struct al_error *err);
/* Sets one key; value already validated by the caller. In the caller's
 * transaction; appends the audit row, unless the key has that value
 * already (then nothing is written). */
enum al_status db_setting_set(struct db *db, const char *key, double value, struct al_error *err);

#endif
