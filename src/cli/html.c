/* What the HTML writers share (cli_html.h). */
#include <stdlib.h>

#include "alliance/cli/html.h"
#include "alliance/core/text.h"

void html_text(FILE *fp, const char *text)
{
	size_t need = text_escape(text, true, NULL, 0) + 1;
	char *shown = malloc(need);
	if (!shown)
		return; /* out of memory: left out rather than shown raw */
	text_escape(text, true, shown, need);
	for (const char *s = shown; *s; s++)
		switch (*s) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		default:
			fputc(*s, fp);
		}
	free(shown);
}
