/* The client screen's state, shared by its files (client*.c) alone: the
 * trend screen (client.c) and its list of episodes (client_episodes.c). */
#ifndef ALLIANCE_UI_CLIENT_H
#define ALLIANCE_UI_CLIENT_H

#include "alliance/core/analysis.h"
#include "alliance/core/chart.h"
#include "alliance/db/ack.h"
#include "alliance/db/client.h"
#include "alliance/db/session.h"
#include "alliance/core/episode.h"
#include "alliance/core/repair_record.h"
#include "../core/ui.h"
#include "../widget/list.h"

struct client {
	char code[AL_KEY_MAX + 1];
	struct al_client client;
	struct db_course course;
	bool loaded;
	struct al_analysis an; /* the course's flags and episodes */
	enum chart_flag *marks;
	struct al_standing standing;
	int sel;               /* session index, -1 when there is none */
	int dim;               /* CHART_ALL_DIMS or the one dimension shown */
	struct al_course core; /* the course with its core dimensions only */
	bool clinician;
	char *note;
	struct db_episode_acks acks; /* supervisors' comments on episodes */
	struct al_repair_rec *recs;  /* what the clinician did about them */
	size_t nrecs;
	char (*story)[AL_STORY_MAX]; /* each episode's story */
	/* The episodes, newest first: list row r is episode an.neps - 1 - r. */
	struct ui_list list;
};

/* Where things go on a screen of rows rows (the frame's). */
struct client_layout {
	int chart_h;                /* the chart from row 2 */
	int session_y, list_y, end; /* the session, the episodes [list_y, end) */
};
/* client_layout.c */
void client_layout(const struct client *cs, int rows, struct client_layout *out);

/* client_episodes.c */
/* Episode k of row r of the list. */
size_t client_episode_of_row(const struct client *cs, size_t row);
/* How many episodes fit in the list from its view's top (at least 1). */
int client_episodes_page(const void *ctx);
/* Whether episode row matches the / filter (kind, status or story). */
bool client_episode_matches(const void *ctx, size_t row, const char *filter);
/* The list of episodes in rows [y, end). */
void client_draw_episodes(const struct ui *ui, const struct client *cs, int y, int end,
                          struct ui_frame *f);

#endif
