/* Files the program writes (--output, backup): never the database or one
 * of its files, and always whole — written under a temporary name beside
 * the target and renamed into place, so a failure or a kill leaves the
 * previous file as it was. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alliance/cli/cli.h"

static const char *const db_suffix[] = {"", "-wal", "-shm", "-journal"};
#define NSUFFIX (sizeof db_suffix / sizeof db_suffix[0])

/* The directory of path made absolute and free of symbolic links, then
 * "/" and the last name as given: two names of one file compare equal
 * even when the file does not exist yet. False when the directory does
 * not exist (then nothing can be created there either). */
static bool canonical(const char *path, char *out, size_t cap)
{
	char dir_copy[PATH_MAX], base_copy[PATH_MAX], dir[PATH_MAX];
	if (snprintf(dir_copy, sizeof dir_copy, "%s", path) >= (int)sizeof dir_copy)
		return false;
	snprintf(base_copy, sizeof base_copy, "%s", path);
	if (!realpath(dirname(dir_copy), dir))
		return false;
	return snprintf(out, cap, "%s/%s", dir, basename(base_copy)) < (int)cap;
}

/* Whether target names the database or its -wal, -shm or -journal file,
 * by name (they may not exist yet) or as the same file (a hard link, a
 * symbolic link). */
static bool is_database_file(const char *target, const char *db)
{
	char t[PATH_MAX + 16], d[PATH_MAX + 16], name[PATH_MAX + 16];
	struct stat ts, ds;
	bool t_named = canonical(target, t, sizeof t), d_named = canonical(db, d, sizeof d);
	bool t_exists = stat(target, &ts) == 0;
	for (size_t i = 0; i < NSUFFIX; i++) {
		snprintf(name, sizeof name, "%s%s", db, db_suffix[i]);
		if (t_exists && stat(name, &ds) == 0 && ds.st_dev == ts.st_dev &&
		    ds.st_ino == ts.st_ino)
			return true;
		if (t_named && d_named) {
			snprintf(name, sizeof name, "%s%s", d, db_suffix[i]);
			if (strcmp(name, t) == 0)
				return true;
		}
	}
	return false;
}

/* A device or a FIFO (/dev/null, a pipe) is written in place: it cannot be
 * replaced by a rename, and holds nothing to lose. */
static bool written_in_place(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode);
}

static enum al_status open_in_place(struct cli *c, struct cli_file *f)
{
	int fd = open(f->path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0 || !(f->fp = fdopen(fd, "w"))) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return al_fail(c->err, AL_EIO, "%s: %s", f->path, strerror(e));
	}
	return AL_OK;
}

/* "DIR/.NAME.XXXXXX", created 0600 and exclusively by mkostemp, then given
 * the database's file mode (0660 in a clinic's shared directory). */
static enum al_status open_temporary(struct cli *c, struct cli_file *f)
{
	char dir_copy[PATH_MAX], base_copy[PATH_MAX];
	snprintf(dir_copy, sizeof dir_copy, "%s", f->path);
	snprintf(base_copy, sizeof base_copy, "%s", f->path);
	const char *dir = dirname(dir_copy), *base = basename(base_copy);
	size_t cap = strlen(dir) + strlen(base) + 16;
	int fd = -1;
	if (!(f->tmp = malloc(cap)))
		return al_fail(c->err, AL_EIO, "out of memory");
	snprintf(f->tmp, cap, "%s/.%s.XXXXXX", dir, base);
	mode_t mode = (mode_t)db_file_mode(c->db);
	if ((fd = mkostemp(f->tmp, O_CLOEXEC)) < 0 || (mode != 0600 && fchmod(fd, mode) != 0) ||
	    !(f->fp = fdopen(fd, "w"))) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(f->tmp);
		}
		free(f->tmp);
		f->tmp = NULL;
		return al_fail(c->err, AL_EIO, "%s: %s", f->path, strerror(e));
	}
	return AL_OK;
}

enum al_status cli_file_open(struct cli *c, const char *path, enum cli_file_kind kind,
                             struct cli_file *f)
{
	struct stat sb;
	*f = (struct cli_file){.path = path, .kind = kind};
	if (!path || strcmp(path, "-") == 0) {
		f->fp = stdout;
		return AL_OK;
	}
	if (!*path)
		return al_fail(c->err, AL_EINPUT, "%s: the file name is empty", c->cmd);
	if (is_database_file(path, db_path(c->db)))
		return al_fail(c->err, AL_EINPUT,
		               "%s: refused: this is the database or one of its files "
		               "(-wal, -shm, -journal)",
		               path);
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode))
		return al_fail(c->err, AL_EIO, "%s: %s", path, strerror(ELOOP));
	if (kind == CLI_FILE_NEW && lstat(path, &sb) == 0)
		return al_fail(c->err, AL_EINPUT, "%s: already exists (%s never overwrites a file)",
		               path, c->cmd);
	if (kind == CLI_FILE_OUTPUT && written_in_place(path))
		return open_in_place(c, f);
	return open_temporary(c, f);
}

/* The renamed file's directory entry must reach the disk too. */
static void sync_directory(const char *path)
{
	char dir_copy[PATH_MAX];
	snprintf(dir_copy, sizeof dir_copy, "%s", path);
	int fd = open(dirname(dir_copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Into place: over an older file for --output; for a backup only where no
 * file is, even one made meanwhile (RENAME_NOREPLACE, or a hard link where
 * the file system has no such rename). */
static int put_in_place(const struct cli_file *f)
{
	if (f->kind == CLI_FILE_OUTPUT)
		return rename(f->tmp, f->path);
	if (renameat2(AT_FDCWD, f->tmp, AT_FDCWD, f->path, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	if (link(f->tmp, f->path) != 0)
		return -1;
	unlink(f->tmp);
	return 0;
}

static enum al_status finish(struct cli *c, struct cli_file *f)
{
	struct stat sb;
	bool regular = fstat(fileno(f->fp), &sb) == 0 && S_ISREG(sb.st_mode);
	bool bad = ferror(f->fp) || fflush(f->fp) != 0 || (regular && fsync(fileno(f->fp)) != 0);
	int e = errno;
	bad = fclose(f->fp) != 0 || bad;
	f->fp = NULL;
	if (!bad && f->tmp && put_in_place(f) != 0) {
		bad = true;
		e = errno;
		if (e == EEXIST)
			return al_fail(c->err, AL_EINPUT,
			               "%s: already exists (%s never overwrites a file)", f->path,
			               c->cmd);
	}
	if (bad)
		return al_fail(c->err, AL_EIO, "%s: %s", f->path, strerror(e ? e : EIO));
	if (f->tmp)
		sync_directory(f->path);
	return AL_OK;
}

enum al_status cli_file_close(struct cli *c, struct cli_file *f, enum al_status st)
{
	if (f->fp == stdout)
		return st ? st : cli_flush_stdout(c);
	if (!f->fp && !f->tmp)
		return st;
	if (st) {
		int e = errno; /* a failed write: say so naming the file, not "output" */
		if (f->fp && ferror(f->fp))
			st = al_fail(c->err, AL_EIO, "%s: %s", f->path, strerror(e ? e : EIO));
		if (f->fp)
			fclose(f->fp);
		f->fp = NULL;
	} else {
		st = finish(c, f);
	}
	if (st && f->tmp)
		unlink(f->tmp);
	free(f->tmp);
	f->tmp = NULL;
	return st;
}
