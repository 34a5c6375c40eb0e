/* What the HTML writers (report, development) share. */
#ifndef ALLIANCE_CLI_HTML_H
#define ALLIANCE_CLI_HTML_H

#include <stdio.h>

/* Text into HTML: controls, bidirectional and zero-width characters shown
 * escaped as everywhere ("&lt;U+202E&gt;"), then the HTML specials. */
void html_text(FILE *fp, const char *text);

#endif
