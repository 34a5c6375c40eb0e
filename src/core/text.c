/* One-line free text: the checks shared by every command that stores some. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "alliance/text.h"

/* Length of the UTF-8 sequence at s (1..4), or 0 when it is not valid:
 * no overlong forms, no surrogates, nothing past U+10FFFF. */
static size_t utf8_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
	if (n == 0 || s[0] > 0xF4)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) ||
	    (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F))
		return 0;
	return n;
}

bool text_ok(const char *s, size_t max_bytes, char *why, size_t cap)
{
	const unsigned char *p = (const unsigned char *)s;
	if (!*p) {
		snprintf(why, cap, "is empty");
		return false;
	}
	if (strlen(s) > max_bytes) {
		snprintf(why, cap, "is too long (at most %zu bytes)", max_bytes);
		return false;
	}
	for (size_t n; *p; p += n) {
		if (!(n = utf8_len(p))) {
			snprintf(why, cap, "is not valid UTF-8");
			return false;
		}
		if (*p < 0x20 || *p == 0x7F) {
			snprintf(why, cap, "has a control character (one line of text only)");
			return false;
		}
	}
	return true;
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
