/* A draft body's value on one line ("comment=..."): backslash and newline
 * escaped, so that a multi-line text fits the body's key=value lines. */
#ifndef ALLIANCE_DRAFT_LINE_H
#define ALLIANCE_DRAFT_LINE_H

#include <stddef.h>

/* s escaped into out (at most cap bytes, NUL-terminated); returns the
 * length it needs (as snprintf: cut when >= cap). */
size_t draft_line_escape(const char *s, char *out, size_t cap);
/* s[0..n) unescaped into out (cut to cap, NUL-terminated). */
void draft_line_unescape(const char *s, size_t n, char *out, size_t cap);

#endif
