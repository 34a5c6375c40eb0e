/* The note in $EDITOR: written to a 0600 file in a private 0700 directory,
 * read back and removed at once, so the note never lingers on disk. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alliance/db_session.h"
#include "alliance/text.h"
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

static enum al_status read_back(const char *path, struct ui_text *t, char *buf,
                                struct al_error *err)
{
	FILE *fp = fopen(path, "r");
	if (!fp)
		return al_fail(err, AL_EIO, "note: cannot read the editor's file: %s",
		               strerror(errno));
	size_t n = fread(buf, 1, NOTE_BYTES - 1, fp);
	bool bad = ferror(fp);
	fclose(fp);
	if (bad)
		return al_fail(err, AL_EIO, "note: cannot read the editor's file");
	n = text_plain_lines(buf, n); /* CRLF, as from a Windows editor, is a newline */
	while (n > 0 && buf[n - 1] == '\n')
		n--; /* editors end files with a newline the note does not need */
	buf[n] = '\0';
	char why[96];
	if (!text_valid(buf, n, true, why, sizeof why))
		return al_fail(err, AL_EINPUT, "note: the editor's text %s; the note is as it was",
		               why);
	ui_text_set(t, buf);
	return AL_OK;
}

/* Runs the editor on path with the screen handed back to the shell. The
 * path goes through the environment, so no quoting of it is needed. */
static enum al_status run_editor(const char *path, struct al_error *err)
{
	const char *ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = "vi";
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

enum al_status ui_edit_external(struct ui_text *t, struct al_error *err)
{
	const char *tmp = getenv("TMPDIR");
	char dir[512], path[600];
	snprintf(dir, sizeof dir, "%s/alliance-note.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) /* mode 0700 */
		return al_fail(err, AL_EIO, "note: cannot create a private directory: %s",
		               strerror(errno));
	snprintf(path, sizeof path, "%s/note.txt", dir);
	char *buf = malloc(NOTE_BYTES);
	enum al_status st = buf ? AL_OK : al_fail(err, AL_EIO, "out of memory");
	int fd = buf ? open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600) : -1;
	if (!st && fd < 0)
		st = al_fail(err, AL_EIO, "note: cannot create the editor's file: %s",
		             strerror(errno));
	if (!st) {
		ui_text_get(t, buf, NOTE_BYTES);
		st = write_all(fd, buf, strlen(buf), err);
		if (close(fd) != 0 && !st)
			st = al_fail(err, AL_EIO, "note: cannot write the editor's file");
	}
	if (!st && !(st = run_editor(path, err)))
		st = read_back(path, t, buf, err);
	if (buf)
		memset(buf, 0, NOTE_BYTES);
	free(buf);
	remove_private_dir(dir);
	return st;
}
