/* Free text users type: the one check of what may be stored (every text
 * field, every way in: command line, import, terminal UI) and the one way
 * it is shown escaped. */
#ifndef ALLIANCE_TEXT_H
#define ALLIANCE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a character is: controls are C0 (but newline and tab), DEL and C1
 * (U+0080-U+009F); invisible ones reorder or hide text: the bidirectional
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and
 * the zero-width characters (U+200B-U+200F, U+2060, U+FEFF). */
enum text_kind {
	TEXT_PLAIN,
	TEXT_NEWLINE,
	TEXT_TAB,
	TEXT_CONTROL,
	TEXT_INVISIBLE,
	TEXT_BROKEN, /* not valid UTF-8: one byte */
};
/* The kind of the character at s, its code point (the byte when broken)
 * and its length in bytes (at least 1); text_kind_of for a code point. */
enum text_kind text_char(const char *s, uint32_t *cp, size_t *len);
enum text_kind text_kind_of(uint32_t cp);

/* Whether the n bytes at s are fit to store: valid UTF-8 with no control
 * character; a note (note true: many lines) may hold newlines and tabs and
 * keeps invisible characters (shown escaped), a one-line field refuses
 * them. A CR is a control: read CRLF text through text_plain_lines first.
 * If not, why gets the reason in words fit for an error line ("has a
 * control character (U+009B)"), never quoting s. */
bool text_valid(const char *s, size_t n, bool note, char *why, size_t cap);

/* Copies s to out with every control and invisible character written as
 * "<U+202E>" and every broken byte as "?"; newlines and tabs are kept when
 * lines is true. Returns the length of the whole result, as snprintf does;
 * a cut result ends on a whole character. For every output of a note, and
 * of any text bound for a terminal. */
size_t text_escape(const char *s, bool lines, char *out, size_t cap);

/* Turns every CRLF of the n bytes at s into LF in place (a note file from
 * another system); returns the new length. A lone CR is left to refuse. */
size_t text_plain_lines(char *s, size_t n);

/* A one-line field fit to store: not empty, at most max_bytes bytes, and
 * text_valid. If not, why gets the reason ("is too long (at most 200
 * bytes)"). */
bool text_ok(const char *s, size_t max_bytes, char *why, size_t cap);
/* The same with the limit in characters, and not only spaces either
 * (a supervisor's comment: "is too long (at most 500 characters)"). */
bool text_ok_chars(const char *s, size_t max_chars, char *why, size_t cap);

#endif
