/* Adding a dimension and setting a detection threshold: audited, and a
 * new threshold touches every stored summary (db_status.h). */
#include "alliance/db/meta.h"
#include "alliance/db/status.h"
#include "internal.h"

/* The new dimension goes last; the CHECK on position keeps the table at
 * AL_DIM_MAX rows, and the caller gives the friendlier message first. */
enum al_status db_dim_add(struct db *db, const char *key, const char *label, struct al_error *err)
{
	static const char sql[] =
	    "INSERT INTO dimension (key, label, position) "
	    "VALUES (:key, :label, (SELECT coalesce(max(position), 0) + 1 FROM dimension))";
	if (db_text_check("label", label, false, err))
		return err->status;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_text(st, ":key", key);
	db_bind_text(st, ":label", label);
	if (db_run(db, st, err))
		return err->status;
	return db_audit(db, "add", "dimension", sqlite3_last_insert_rowid(db->h), -1, err);
}

/* The audit row names the setting by its rowid, like every other entity.
 * The value it already has changes nothing: no row comes back, no audit. */
enum al_status db_setting_set(struct db *db, const char *key, double value, struct al_error *err)
{
	static const char sql[] = "INSERT INTO setting (key, value) VALUES (:key, :value) "
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
