/* The note in $EDITOR, in a private 0600 file removed after. */
#ifndef ALLIANCE_UI_EDITOR_H
#define ALLIANCE_UI_EDITOR_H

#include "text.h"

enum al_status ui_edit_external(struct ui_text *t, struct al_error *err);

#endif
