/* The user's PIN, stored only as a yescrypt hash made by libcrypt. */
#include <crypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/db/user.h"
#include "alliance/core/parse.h"
#include "internal.h"

#define PIN_PREFIX "$y$" /* yescrypt, Debian's default for passwords */

/* Compares without stopping at the first difference. */
static bool same_secret(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	unsigned char diff = (unsigned char)(n != m);
	for (size_t i = 0; i < n && i < m; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return diff == 0;
}

/* crypt_rn of pin with setting into data; NULL when libcrypt fails. The
 * caller wipes data. */
static const char *hash_with(const char *pin, const char *setting, struct crypt_data *data)
{
	memset(data, 0, sizeof *data);
	const char *h = crypt_rn(pin, setting, data, (int)sizeof *data);
	return h && strncmp(h, PIN_PREFIX, strlen(PIN_PREFIX)) == 0 ? h : NULL;
}

static enum al_status hash_get(struct db *db, int64_t id, char *buf, size_t cap,
                               struct al_error *err)
{
	static const char sql[] = "SELECT coalesce(pin_hash, '') FROM user WHERE id = :id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_int(st, ":id", id);
	int rc = db_step(db, st, err);
	if (rc < 0)
		return err->status;
	snprintf(buf, cap, "%s", rc == SQLITE_ROW ? db_col_text(st, 0) : "");
	sqlite3_reset(st);
	return AL_OK;
}

static enum al_status hash_put(struct db *db, int64_t id, const char *hash, struct al_error *err)
{
	static const char sql[] = "UPDATE user SET pin_hash = :hash WHERE id = :id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return err->status;
	db_bind_text(st, ":hash", hash);
	db_bind_int(st, ":id", id);
	if (db_run(db, st, err))
		return err->status;
	return db_audit(db, "change", "user", id, -1, err);
}

enum al_status db_user_pin_set(struct db *db, int64_t id, const char *pin, bool *had,
                               struct al_error *err)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE], old[CRYPT_OUTPUT_SIZE];
	struct crypt_data *data = malloc(sizeof *data);
	enum al_status st = AL_OK;
	if (!data)
		return al_fail(err, AL_EIO, "out of memory");
	if (!valid_pin(pin)) {
		st = al_fail(err, AL_EINPUT, "user pin: a PIN is 4 to 12 digits");
		goto out;
	}
	if ((st = hash_get(db, id, old, sizeof old, err)))
		goto out;
	*had = old[0] != '\0';
	/* NULL random bytes: libcrypt takes them from the system */
	const char *hash = crypt_gensalt_rn(PIN_PREFIX, 0, NULL, 0, salt, (int)sizeof salt)
	                       ? hash_with(pin, salt, data)
	                       : NULL;
	st = hash ? hash_put(db, id, hash, err)
	          : al_fail(err, AL_EIO, "user pin: libcrypt could not hash the PIN");
out:
	explicit_bzero(data, sizeof *data);
	free(data);
	return st;
}

enum al_status db_user_pin_exists(struct db *db, int64_t id, bool *exists, struct al_error *err)
{
	char hash[CRYPT_OUTPUT_SIZE];
	enum al_status st = hash_get(db, id, hash, sizeof hash, err);
	*exists = !st && hash[0] != '\0';
	return st;
}

enum al_status db_user_pin_check(struct db *db, int64_t id, const char *pin, bool *match,
                                 struct al_error *err)
{
	char stored[CRYPT_OUTPUT_SIZE];
	struct crypt_data *data;
	enum al_status st = hash_get(db, id, stored, sizeof stored, err);
	*match = false;
	if (st || !stored[0] || !valid_pin(pin))
		return st;
	if (!(data = malloc(sizeof *data)))
		return al_fail(err, AL_EIO, "out of memory");
	const char *h = hash_with(pin, stored, data);
	*match = h && same_secret(h, stored);
	explicit_bzero(data, sizeof *data);
	free(data);
	return AL_OK;
}
