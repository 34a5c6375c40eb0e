/* Filling in an error value. */
#include <stdarg.h>
#include <stdio.h>

#include "alliance/error.h"

/* Length of the valid UTF-8 sequence at s that encodes a printable
 * character (not a C1 control), or 0. */
static int printable_utf8(const unsigned char *s)
{
	int len = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
	if (s[0] >= 0xF5 || len == 0)
		return 0;
	for (int i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if (s[0] == 0xC2 && s[1] < 0xA0) /* U+0080..U+009F: C1 controls */
		return 0;
	if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xF0 && s[1] < 0x90) ||
	    (s[0] == 0xF4 && s[1] >= 0x90) || (s[0] == 0xED && s[1] >= 0xA0))
		return 0; /* overlong, past U+10FFFF, or a surrogate */
	return len;
}

/* Messages may quote what a file or an argument held: a line break, a
 * terminal escape or a broken byte there must not reach the terminal, and
 * an error stays one line. Each such byte becomes '?'. */
static void make_printable(char *msg)
{
	for (unsigned char *s = (unsigned char *)msg; *s;) {
		int len = *s >= 0x20 && *s < 0x7F ? 1 : printable_utf8(s);
		if (len == 0) {
			*s = '?';
			len = 1;
		}
		s += len;
	}
}

enum al_status al_fail(struct al_error *err, enum al_status st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	make_printable(err->msg);
	err->status = st;
	return st;
}
