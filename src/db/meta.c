/* The dimension and setting tables. */
#include <stdio.h>
#include <string.h>

#include "alliance/db_meta.h"
#include "alliance/db_status.h"
#include "alliance/settings_table.h"
#include "internal.h"

enum al_status db_dims_load(struct db *db, struct db_dims *out, struct al_error *err)
{
	static const char sql[] =
		"SELECT id, key, label, wording, core FROM dimension ORDER BY position";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;
	if (!st)
		return err->status;
	out->n = 0;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW && out->n < AL_DIM_MAX) {
		size_t i = out->n++;
		out->id[i] = sqlite3_column_int64(st, 0);
		snprintf(out->dim[i].key, sizeof out->dim[i].key, "%s", db_col_text(st, 1));
		snprintf(out->dim[i].label, sizeof out->dim[i].label, "%s", db_col_text(st, 2));
		snprintf(out->wording[i], sizeof out->wording[i], "%s", db_col_text(st, 3));
		out->dim[i].core = sqlite3_column_int(st, 4) != 0;
	}
	sqlite3_reset(st);
	return rc < 0 ? err->status : AL_OK;
}

int db_dims_find(const struct db_dims *dims, const char *key)
{
	for (size_t i = 0; i < dims->n; i++)
		if (strcmp(dims->dim[i].key, key) == 0)
			return (int)i;
	return -1;
}

/* The new dimension goes last; the CHECK on position keeps the table at
 * AL_DIM_MAX rows, and the caller gives the friendlier message first. */
enum al_status db_dim_add(struct db *db, const char *key, const char *label,
			  struct al_error *err)
{
	static const char sql[] =
		"INSERT INTO dimension (key, label, position) "
		"VALUES (:key, :label, (SELECT coalesce(max(position), 0) + 1 FROM dimension))";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_text(st, ":key", key);
	db_bind_text(st, ":label", label);
	if (db_run(db, st, err))
		return err->status;
	return db_audit(db, "add", "dimension", sqlite3_last_insert_rowid(db->h), -1, err);
}

enum al_status db_settings_load(struct db *db, struct al_settings *out, struct al_error *err)
{
	static const char sql[] = "SELECT key, value FROM setting";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;
	if (!st)
		return err->status;
	al_settings_default(out);
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		const struct al_setting_def *d = setting_def(db_col_text(st, 0));
		if (d)
			setting_put(d, sqlite3_column_double(st, 1), out);
	}
	sqlite3_reset(st);
	return rc < 0 ? err->status : AL_OK;
}

/* The audit row names the setting by its rowid, like every other entity.
 * The value it already has changes nothing: no row comes back, no audit. */
enum al_status db_setting_set(struct db *db, const char *key, double value,
			      struct al_error *err)
{
	static const char sql[] =
		"INSERT INTO setting (key, value) VALUES (:key, :value) "
		"ON CONFLICT (key) DO UPDATE SET value = excluded.value "
		"WHERE value IS NOT excluded.value RETURNING rowid";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_text(st, ":key", key);
	sqlite3_bind_double(st, sqlite3_bind_parameter_index(st, ":value"), value);
	int rc = db_step(db, st, err);
	if (rc == SQLITE_DONE)
		return AL_OK;
	if (rc != SQLITE_ROW)
		return err->status;
	int64_t id = sqlite3_column_int64(st, 0);
	if (db_run(db, st, err))
		return err->status;
	db_status_touch_all(db); /* every summary follows the thresholds, at commit */
	return db_audit(db, "set", "setting", id, -1, err);
}
