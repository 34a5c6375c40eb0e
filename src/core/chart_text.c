/* Paints a laid-out chart as text lines (UTF-8 or ASCII) for the CLI and tests. */
#include "alliance/core/chart.h"

size_t chart_utf8_encode(uint32_t cp, char *out)
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = '?';
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Appends n bytes at *len, keeping room for the NUL; *len counts them all. */
static void append(char *buf, size_t cap, size_t *len, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++, (*len)++)
		if (*len + 1 < cap)
			buf[*len] = s[i];
}

static void terminate(char *buf, size_t cap, size_t len)
{
	if (cap > 0)
		buf[len < cap ? len : cap - 1] = '\0';
}

static size_t row_append(const struct chart *c, int row, char *buf, size_t cap, size_t len)
{
	int end = c->width;
	while (end > 0 && chart_at(c, row, end - 1)->ascii == ' ' &&
	       chart_at(c, row, end - 1)->cp == ' ')
		end--;
	for (int col = 0; col < end; col++) {
		const struct chart_cell *x = chart_at(c, row, col);
		char enc[CHART_UTF8_MAX];
		size_t n = 1;
		enc[0] = x->ascii;
		if (!c->ascii)
			n = chart_utf8_encode(x->cp, enc);
		append(buf, cap, &len, enc, n);
	}
	return len;
}

size_t chart_text_row(const struct chart *c, int row, char *buf, size_t cap)
{
	size_t len = 0;
	if (row >= 0 && row < c->height)
		len = row_append(c, row, buf, cap, 0);
	terminate(buf, cap, len);
	return len;
}

size_t chart_text(const struct chart *c, char *buf, size_t cap)
{
	size_t len = 0;
	for (int row = 0; row < c->height; row++) {
		len = row_append(c, row, buf, cap, len);
		append(buf, cap, &len, "\n", 1);
	}
	terminate(buf, cap, len);
	return len;
}

size_t chart_text_cap(const struct chart *c)
{
	return (size_t)c->height * ((size_t)c->width * CHART_UTF8_MAX + 1) + 1;
}
