/* Free text users type (goals, contexts, labels, comments, notes): what may
 * be stored, and how it is shown so that no stored character can steer the
 * terminal or hide or reorder the text around it. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alliance/core/text.h"

/* Length of the UTF-8 sequence at s (1..4) with its code point, or 0 when
 * it is not valid: no overlong forms, no surrogates, nothing past U+10FFFF. */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
	if (n == 0 || s[0] > 0xF4)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) ||
	    (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F))
		return 0;
	*cp = s[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++)
		*cp = *cp << 6 | (s[i] & 0x3F);
	return n;
}

enum text_kind text_kind_of(uint32_t cp)
{
	if (cp == '\n')
		return TEXT_NEWLINE;
	if (cp == '\t')
		return TEXT_TAB;
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
		return TEXT_CONTROL;
	if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2060 || cp == 0xFEFF)
		return TEXT_INVISIBLE;
	return TEXT_PLAIN;
}

enum text_kind text_char(const char *s, uint32_t *cp, size_t *len)
{
	*len = utf8_decode((const unsigned char *)s, cp);
	if (*len == 0) {
		*len = 1;
		*cp = (unsigned char)*s;
		return TEXT_BROKEN;
	}
	return text_kind_of(*cp);
}

bool text_valid(const char *s, size_t n, bool note, char *why, size_t cap)
{
	uint32_t cp;
	size_t len;
	for (size_t i = 0; i < n; i += len) {
		enum text_kind k = text_char(s + i, &cp, &len);
		if (i + len > n || k == TEXT_BROKEN) {
			snprintf(why, cap, "is not valid UTF-8");
			return false;
		}
		if ((k == TEXT_NEWLINE || k == TEXT_TAB) && note)
			continue;
		if (k == TEXT_NEWLINE) {
			snprintf(why, cap, "has a line break (one line of text only)");
			return false;
		}
		if (k == TEXT_CONTROL || k == TEXT_TAB) {
			snprintf(why, cap, "has a control character (U+%04X)", (unsigned)cp);
			return false;
		}
		if (k == TEXT_INVISIBLE && !note) {
			snprintf(why, cap,
			         "has an invisible bidirectional or zero-width character (U+%04X)",
			         (unsigned)cp);
			return false;
		}
	}
	return true;
}

size_t text_escape(const char *s, bool lines, char *out, size_t cap)
{
	size_t need = 0, len;
	uint32_t cp;
	for (; *s; s += len) {
		enum text_kind k = text_char(s, &cp, &len);
		char tmp[12];
		const char *piece = tmp;
		size_t plen;
		if (k == TEXT_PLAIN || (lines && (k == TEXT_NEWLINE || k == TEXT_TAB))) {
			piece = s;
			plen = len;
		} else if (k == TEXT_BROKEN) {
			piece = "?";
			plen = 1;
		} else {
			plen = (size_t)snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)cp);
		}
		if (cap > 0 && need + plen < cap)
			memcpy(out + need, piece, plen);
		else if (cap > 0 && need < cap)
			cap = need + 1; /* cut: never half a character */
		need += plen;
	}
	if (cap > 0)
		out[need < cap ? need : cap - 1] = '\0';
	return need;
}

size_t text_plain_lines(char *s, size_t n)
{
	size_t w = 0;
	for (size_t r = 0; r < n; r++) {
		if (s[r] == '\r' && r + 1 < n && s[r + 1] == '\n')
			continue;
		s[w++] = s[r];
	}
	if (w < n)
		s[w] = '\0';
	return w;
}

bool text_ok(const char *s, size_t max_bytes, char *why, size_t cap)
{
	if (!*s) {
		snprintf(why, cap, "is empty");
		return false;
	}
	if (strlen(s) > max_bytes) {
		snprintf(why, cap, "is too long (at most %zu bytes)", max_bytes);
		return false;
	}
	return text_valid(s, strlen(s), false, why, cap);
}

bool text_ok_chars(const char *s, size_t max_chars, char *why, size_t cap)
{
	size_t chars = 0, spaces = 0;
	for (const char *p = s; *p; p++) {
		chars += ((unsigned char)*p & 0xC0) != 0x80;
		spaces += *p == ' ';
	}
	if (chars > max_chars) {
		snprintf(why, cap, "is too long (at most %zu characters)", max_chars);
		return false;
	}
	if (!text_ok(s, max_chars * 4, why, cap))
		return false;
	if (spaces == chars) {
		snprintf(why, cap, "is blank");
		return false;
	}
	return true;
}
