/* One-line values of a draft body: "\\" for a backslash, "\n" for a newline. */
#include "alliance/core/draft_line.h"

static void put(char *out, size_t cap, size_t at, char c)
{
	if (at + 1 < cap)
		out[at] = c;
}

size_t draft_line_escape(const char *s, char *out, size_t cap)
{
	size_t at = 0;
	for (; *s; s++) {
		if (*s == '\\' || *s == '\n') {
			put(out, cap, at++, '\\');
			put(out, cap, at++, *s == '\n' ? 'n' : '\\');
		} else if (*s != '\r') {
			put(out, cap, at++, *s);
		}
	}
	if (cap)
		out[at < cap ? at : cap - 1] = '\0';
	return at;
}

void draft_line_unescape(const char *s, size_t n, char *out, size_t cap)
{
	size_t at = 0;
	for (size_t i = 0; i < n && at + 1 < cap; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < n) {
			c = s[++i] == 'n' ? '\n' : s[i];
		}
		out[at++] = c;
	}
	if (cap)
		out[at] = '\0';
}
