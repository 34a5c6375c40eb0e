/* Filling in an error value. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alliance/core/error.h"
#include "alliance/core/text.h"

/* Messages may quote what a file or an argument held: a line break, a
 * terminal escape, a bidirectional override or a broken byte there must not
 * reach the terminal, and an error stays one line. They are shown escaped
 * ("<U+001B>", "?") as notes are. */
static void make_printable(struct al_error *err)
{
	char shown[sizeof err->msg];
	text_escape(err->msg, false, shown, sizeof shown);
	memcpy(err->msg, shown, sizeof shown);
}

enum al_status al_fail(struct al_error *err, enum al_status st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	make_printable(err);
	err->status = st;
	return st;
}
