/* The note in $EDITOR: written to a 0600 file in a private 0700 directory,
 * read back and removed at once, so the note never lingers on disk. The
 * directory is named after the process (alliance-note.PID.XXXXXX), so that
 * one a kill -9 left behind is found and removed at the next start. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alliance/db/session.h"
#include "alliance/core/text.h"
#include "editor.h"

#define NOTE_BYTES (AL_NOTE_MAX * 4 + 1)

static enum al_status write_all(int fd, const char *s, size_t n, struct al_error *err)
{
	while (n > 0) {
		ssize_t k = write(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return al_fail(err, AL_EIO, "note: cannot write the editor's file: %s",
			               strerror(errno));
		s += k;
		n -= (size_t)k;
	}
	return AL_OK;
}

/* The whole file, whatever its size, without the newlines editors end it
 * with (the note does not need them). *out is malloc'd. */
static enum al_status read_back(const char *path, char **out, struct al_error *err)
{
	FILE *fp = fopen(path, "r");
	size_t n = 0, cap = NOTE_BYTES;
	char *buf = malloc(cap);
	if (!fp || !buf) {
		if (fp)
			fclose(fp);
		free(buf);
		return al_fail(err, AL_EIO, "note: cannot read the editor's file: %s",
		               fp ? "out of memory" : strerror(errno));
	}
	for (size_t got; (got = fread(buf + n, 1, cap - n - 1, fp)) > 0;) {
		n += got;
		char *more = n + 1 == cap ? realloc(buf, cap *= 2) : buf;
		if (!more)
			break;
		buf = more;
	}
	bool bad = ferror(fp) || n + 1 == cap;
	fclose(fp);
	n = text_plain_lines(buf, n); /* CRLF, as from a Windows editor, is a newline */
	while (n > 0 && buf[n - 1] == '\n')
		n--; /* editors end files with a newline the note does not need */
	buf[n] = '\0';
	if (bad) {
		explicit_bzero(buf, cap);
		free(buf);
		return al_fail(err, AL_EIO, "note: cannot read the editor's file");
	}
	*out = buf;
	return AL_OK;
}

/* The characters text would have in t: as many as ui_text_set keeps. */
static size_t chars_of(const char *text, bool multiline)
{
	struct ui_text all;
	size_t n = strlen(text), len = SIZE_MAX;
	if (ui_text_init(&all, n, multiline)) {
		ui_text_set(&all, text);
		len = all.len;
		memset(all.buf, 0, n * sizeof *all.buf);
	}
	ui_text_free(&all);
	return len;
}

static void forget(char **text)
{
	if (*text)
		explicit_bzero(*text, strlen(*text));
	free(*text);
	*text = NULL;
}

/* The text comes into t when it fits; never cut: a longer one stays whole
 * in *pending, and the reason is said. */
static enum al_status take(struct ui_text *t, char *text, char **pending, struct al_error *err)
{
	size_t n = chars_of(text, t->multiline);
	char why[96];
	forget(pending);
	if (!text_valid(text, strlen(text), true, why, sizeof why)) {
		*pending = text; /* kept whole, as a note too long is */
		return al_fail(err, AL_EINPUT,
		               "note: the editor's text %s; nothing was changed: "
		               "Ctrl-E reopens it",
		               why);
	}
	if (n > t->cap) {
		*pending = text;
		if (n == SIZE_MAX)
			return al_fail(err, AL_EIO,
			               "note: out of memory; nothing was cut: "
			               "Ctrl-E reopens all of it");
		return al_fail(err, AL_EINPUT,
		               "note: %zu characters, over %zu; nothing was cut: "
		               "Ctrl-E reopens all of it to shorten it",
		               n, t->cap);
	}
	ui_text_set(t, text);
	forget(&text);
	return AL_OK;
}

/* name is an executable file in a directory of $PATH. */
static bool on_path(const char *name)
{
	const char *p = getenv("PATH");
	char path[1024];
	while (p && *p) {
		size_t n = strcspn(p, ":");
		snprintf(path, sizeof path, "%.*s/%s", (int)n, n ? p : ".", name);
		if (access(path, X_OK) == 0)
			return true;
		p += n + (p[n] == ':');
	}
	return false;
}

const char *ui_editor_name(bool *chosen)
{
	static const char *const fallback[] = {"sensible-editor", "nano", "vi"};
	const char *vars[] = {"VISUAL", "EDITOR"};
	*chosen = true;
	for (size_t i = 0; i < 2; i++) {
		const char *ed = getenv(vars[i]);
		if (ed && *ed)
			return ed;
	}
	*chosen = false;
	for (size_t i = 0; i < 3; i++)
		if (on_path(fallback[i]))
			return fallback[i];
	return "vi";
}

/* Runs the editor on path with the screen handed back to the shell. The
 * path goes through the environment, so no quoting of it is needed. */
static enum al_status run_editor(const char *path, struct al_error *err)
{
	bool chosen;
	const char *ed = ui_editor_name(&chosen);
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "%s \"$ALLIANCE_NOTE_FILE\"", ed);
	setenv("ALLIANCE_NOTE_FILE", path, 1);
	def_prog_mode();
	endwin();
	int rc = system(cmd);
	reset_prog_mode();
	clearok(curscr, TRUE); /* the editor painted over everything */
	unsetenv("ALLIANCE_NOTE_FILE");
	if (rc != 0)
		return al_fail(err, AL_EINPUT,
		               "note: the editor (%.60s) failed; the note is unchanged", ed);
	return AL_OK;
}

/* Empties and removes the private directory: editors leave backup and swap
 * files (note.txt~, .note.txt.swp) beside the note, with its text. */
static void remove_private_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[800];
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			unlink(path);
		}
	if (d)
		closedir(d);
	rmdir(dir);
}

static const char *tmp_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	return tmp && *tmp ? tmp : "/tmp";
}

/* dir/name is an editor directory of this user whose process is gone. */
static bool stale(const char *dir, const char *name, char *path, size_t cap)
{
	long pid;
	int end = 0;
	struct stat sb;
	if (sscanf(name, "alliance-note.%ld.%n", &pid, &end) != 1 || end == 0 || pid <= 0 ||
	    pid == (long)getpid())
		return false;
	if (kill((pid_t)pid, 0) == 0 || errno != ESRCH) /* alive (maybe another user's) */
		return false;
	snprintf(path, cap, "%s/%s", dir, name);
	return lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_uid == getuid();
}

void ui_editor_cleanup(void)
{
	const char *tmp = tmp_dir();
	DIR *d = opendir(tmp);
	struct dirent *e;
	char path[800];
	while (d && (e = readdir(d)))
		if (stale(tmp, e->d_name, path, sizeof path))
			remove_private_dir(path);
	if (d)
		closedir(d);
}

enum al_status ui_edit_external(struct ui_text *t, char **pending, struct al_error *err)
{
	char dir[512], path[600];
	snprintf(dir, sizeof dir, "%s/alliance-note.%ld.XXXXXX", tmp_dir(), (long)getpid());
	if (!mkdtemp(dir)) /* mode 0700 */
		return al_fail(err, AL_EIO, "note: cannot create a private directory: %s",
		               strerror(errno));
	snprintf(path, sizeof path, "%s/note.txt", dir);
	char *buf = *pending ? NULL : malloc(NOTE_BYTES), *text = NULL;
	enum al_status st = *pending || buf ? AL_OK : al_fail(err, AL_EIO, "out of memory");
	int fd = st ? -1 : open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
	if (!st && fd < 0)
		st = al_fail(err, AL_EIO, "note: cannot create the editor's file: %s",
		             strerror(errno));
	if (!st) {
		if (buf)
			ui_text_get(t, buf, NOTE_BYTES);
		const char *now = buf ? buf : *pending;
		st = write_all(fd, now, strlen(now), err);
		if (close(fd) != 0 && !st)
			st = al_fail(err, AL_EIO, "note: cannot write the editor's file");
	}
	if (!st && !(st = run_editor(path, err)) && !(st = read_back(path, &text, err)))
		st = take(t, text, pending, err);
	if (buf)
		memset(buf, 0, NOTE_BYTES);
	free(buf);
	remove_private_dir(dir);
	return st;
}
