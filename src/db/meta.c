/* Reading the dimension and setting tables (the writes are in meta_write.c,
 * so that what summaries read does not reach back to what touches them). */
#include <stdio.h>
#include <string.h>

#include "alliance/db/meta.h"
#include "alliance/core/settings_table.h"
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
