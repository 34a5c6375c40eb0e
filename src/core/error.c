/* Filling in an error value. */
#include <stdarg.h>
#include <stdio.h>

#include "alliance/error.h"

enum al_status al_fail(struct al_error *err, enum al_status st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	err->status = st;
	return st;
}
