/* Checking free text users type on one line: goals, labels, contexts. */
#ifndef ALLIANCE_TEXT_H
#define ALLIANCE_TEXT_H

#include <stddef.h>

#include <stdbool.h>

/* Whether s is fit to store: not empty, valid UTF-8, no control characters,
 * at most max_bytes bytes. If not, why gets the reason in words fit for an
 * error line ("is too long (at most 200 bytes)"), never quoting s. */
bool text_ok(const char *s, size_t max_bytes, char *why, size_t cap);
/* The same with the limit in characters, and not only spaces either
 * (a supervisor's comment: "is too long (at most 500 characters)"). */
bool text_ok_chars(const char *s, size_t max_chars, char *why, size_t cap);

#endif
