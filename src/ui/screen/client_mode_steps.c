/* Client mode's steps: one per dimension, the check-in (when asked), the
 * comment, the thanks; talked only after some tension. */
#include "client_mode_state.h"

int cm_steps(const struct client_mode *cm)
{
	return (int)cm->dims.n + (cm->ask_checkin ? 3 : 0) + 2;
}

enum cm_kind cm_kind(const struct client_mode *cm, int step)
{
	int n = (int)cm->dims.n;
	if (step < n)
		return CM_RATING;
	if (cm->ask_checkin && step < n + 3)
		return (enum cm_kind)(CM_TENSION + (step - n));
	return step == cm_steps(cm) - 1 ? CM_THANKS : CM_COMMENT;
}

bool cm_asked(const struct client_mode *cm, int step)
{
	return cm_kind(cm, step) != CM_TALKED || cm->answer[0] > 0;
}

int cm_number(const struct client_mode *cm, int step, int *of)
{
	int at = 0;
	*of = 0;
	for (int i = 0; i < cm_steps(cm) - 1; i++)
		if (cm_asked(cm, i)) {
			++*of;
			at = i <= step ? *of : at;
		}
	return at;
}
