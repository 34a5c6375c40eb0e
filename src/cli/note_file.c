/* Notes read from files (--note-file F): the text is checked, never quoted. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "alliance/cli/note.h"

/* Valid UTF-8 without NUL or control characters other than newline and tab. */
static bool note_text_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x20 || ch == 0x7f) {
			if (ch != '\n' && ch != '\t')
				return false;
			i++;
			continue;
		}
		int len = ch < 0x80             ? 1
		          : (ch & 0xE0) == 0xC0 ? 2
		          : (ch & 0xF0) == 0xE0 ? 3
		          : (ch & 0xF8) == 0xF0 ? 4
		                                : 0;
		if (!len || ch == 0xC0 || ch == 0xC1 || ch > 0xF4 || i + (size_t)len > n)
			return false;
		for (int k = 1; k < len; k++)
			if (((unsigned char)s[i + (size_t)k] & 0xC0) != 0x80)
				return false;
		i += (size_t)len;
	}
	return true;
}

/* CRLF to LF in place; returns the new length. */
static size_t plain_newlines(char *s, size_t n)
{
	size_t w = 0;
	for (size_t r = 0; r < n; r++)
		if (!(s[r] == '\r' && r + 1 < n && s[r + 1] == '\n'))
			s[w++] = s[r];
	return w;
}

enum al_status cli_note_read(struct cli *c, const char *opt, const char *path, char *buf,
                             size_t max)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	size_t n = 0;
	ssize_t got = 1;
	if (fd < 0)
		return al_fail(c->err, AL_EINPUT, "%s: %s: cannot read '%s': %s", c->cmd, opt, path,
		               strerror(errno));
	while (n <= max && (got = read(fd, buf + n, max + 1 - n)) > 0)
		n += (size_t)got;
	int e = errno;
	if (!is_stdin)
		close(fd);
	if (got < 0)
		return al_fail(c->err, AL_EINPUT, "%s: %s: cannot read '%s': %s", c->cmd, opt, path,
		               strerror(e));
	n = plain_newlines(buf, n < max + 1 ? n : max + 1);
	if (n > max)
		return al_fail(c->err, AL_EINPUT, "%s: %s: '%s' is longer than %zu bytes", c->cmd,
		               opt, path, max);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		n--;
	buf[n] = '\0';
	if (n == 0)
		return al_fail(c->err, AL_EINPUT, "%s: %s: '%s' is empty", c->cmd, opt, path);
	if (!note_text_ok(buf, n))
		return al_fail(c->err, AL_EINPUT, "%s: %s: '%s' is not UTF-8 text", c->cmd, opt,
		               path);
	return AL_OK;
}
