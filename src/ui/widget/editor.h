/* The note in $EDITOR, in a private 0600 file removed after. */
#ifndef ALLIANCE_UI_EDITOR_H
#define ALLIANCE_UI_EDITOR_H

#include "text.h"

/* The editor gets *pending when set (a text refused before), else t. What
 * comes back goes into t when it fits; a longer text is never cut: it is
 * refused (AL_EINPUT, saying why) and kept whole in *pending (malloc'd),
 * t unchanged, until a later call brings it back short enough. */
enum al_status ui_edit_external(struct ui_text *t, char **pending, struct al_error *err);
/* The editor Ctrl-E runs: $VISUAL, else $EDITOR, else the first of
 * sensible-editor, nano and vi found on $PATH. *chosen is false for a
 * fallback (the user set neither variable), so the form can say which. */
const char *ui_editor_name(bool *chosen);
/* Removes the editor directories a killed alliance left behind: this
 * user's, named after a process that no longer exists. */
void ui_editor_cleanup(void);

#endif
