/* Where the client screen's parts go: the chart, the selected session,
 * the list of episodes (for client.c and client_episodes.c). */
#include "alliance/core/chart.h"
#include "client_state.h"

/* The selected session's rows: its ratings (the clinician's on a row of
 * their own when there are any) and up to two rows of its note. */
static int session_rows(const struct client *cs)
{
	const struct al_session *s = &cs->course.course.sessions[cs->sel];
	int rows = 2;
	for (size_t d = 0; d < cs->course.course.ndims; d++)
		if (s->rating[AL_RATER_CLINICIAN][d] != AL_MISSING) {
			rows++;
			break;
		}
	int note = cs->note[0] ? ui_flow_rows(11, 11, COLS - 1, cs->note) : 1;
	return rows + (note < 2 ? note : 2);
}

void client_layout(const struct client *cs, int rows, struct client_layout *out)
{
	int h = rows - 2 - 10; /* room below for the session and the episodes */
	out->chart_h = chart_fit_height(h < CHART_MIN_HEIGHT ? CHART_MIN_HEIGHT : h);
	out->session_y = 2 + out->chart_h;
	out->list_y = out->session_y;
	if (cs->sel >= 0)
		out->list_y += session_rows(cs);
	out->end = rows;
}
