/* The client screen's list of episodes (SPEC §5 "Episodes on screen"):
 * newest first, each with its kind, status and sessions on the left and on
 * the right its story and the supervisors' acknowledgements. Items are
 * several rows tall; the view starts where the list widget's top is and
 * moves on until the selected episode is in sight. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "client_state.h"

#define EP_X 18 /* where stories start, after the kind, status and sessions */

size_t client_episode_of_row(const struct client *cs, size_t row)
{
	return cs->an.neps - 1 - row;
}

bool client_episode_matches(const void *ctx, size_t row, const char *filter)
{
	const struct client *cs = ctx;
	size_t k = client_episode_of_row(cs, row);
	const struct al_episode *e = &cs->an.eps[k];
	return strcasestr(cs->story[k], filter) || strcasestr(episode_kind_name(e->kind), filter) ||
	       strcasestr(episode_status_name(e->status), filter);
}

static const char *glyph(const struct ui *ui, const struct al_episode *e)
{
	if (e->status == AL_EPISODE_REPAIRED)
		return ui->ascii ? "+" : "\u2713";
	return e->severity == AL_SEV_RED ? "!" : "^";
}

static enum ui_role role(const struct al_episode *e)
{
	if (e->status == AL_EPISODE_REPAIRED)
		return UI_R_REPAIRED;
	return e->severity == AL_SEV_RED ? UI_R_RUPTURE : UI_R_WATCH;
}

static void ack_text(const struct al_episode_ack *a, char *text, size_t cap)
{
	snprintf(text, cap, "Acknowledged by %s on %s: %s", a->user, a->date, a->comment);
}

#define RECORDS_MAX 1024

/* Its repair records, "Repair: bond: clarify, validate (session 7)", or
 * "" when there is none. */
static void records_text(const struct client *cs, size_t k, char *buf, size_t cap)
{
	static const char head[] = "Repair: ";
	size_t at = sizeof head - 1;
	repair_records_text(&cs->course.course, cs->recs, cs->nrecs, cs->an.eps[k].opened, buf + at,
	                    cap - at);
	if (buf[at])
		memcpy(buf, head, at);
	else
		buf[0] = '\0';
}

/* What stands under the story: its repair records, then the
 * acknowledgements; rows used, painted when paint. */
static int draw_under(const struct ui *ui, const struct client *cs, size_t k, int y, int end,
                      bool paint)
{
	char text[AL_ACK_COMMENT_CHARS * 4 + 2 * AL_KEY_MAX + 64];
	const struct al_course *c = &cs->course.course;
	int rows = 0;
	char recs[RECORDS_MAX];
	records_text(cs, k, recs, sizeof recs);
	if (recs[0] && y < end)
		rows += paint ? ui_put_wrapped(y, EP_X, COLS - 1 - EP_X, end - y,
		                               ui_attr(ui, UI_R_REPAIRED), recs)
		              : ui_flow_rows(EP_X, EP_X, COLS - 1, recs);
	for (size_t i = db_episode_acks_next(&cs->acks, c, &cs->an, k, 0);
	     i < cs->acks.n && y + rows < end;
	     i = db_episode_acks_next(&cs->acks, c, &cs->an, k, i + 1)) {
		ack_text(&cs->acks.a[i], text, sizeof text);
		rows += paint ? ui_put_wrapped(y + rows, EP_X, COLS - 1 - EP_X, end - y - rows,
		                               ui_attr(ui, UI_R_NOTICE), text)
		              : ui_flow_rows(EP_X, EP_X, COLS - 1, text);
	}
	return rows;
}

#define LEFT_ROWS 3 /* kind, status, sessions */

static int item_rows(const struct client *cs, size_t k)
{
	int rows = ui_flow_rows(EP_X, EP_X, COLS - 1, cs->story[k]) +
	           draw_under(NULL, cs, k, 0, INT32_MAX, false);
	return rows < LEFT_ROWS ? LEFT_ROWS : rows;
}

/* "sessions 9-12", "from session 9" */
static void sessions_text(const struct al_course *c, const struct al_episode *e, char *buf,
                          size_t cap)
{
	if (e->closed < c->n)
		snprintf(buf, cap, "sessions %d-%d", c->sessions[e->opened].seq,
		         c->sessions[e->closed].seq);
	else
		snprintf(buf, cap, "from session %d", c->sessions[e->opened].seq);
}

static int draw_item(const struct ui *ui, const struct client *cs, size_t k, bool sel, int y,
                     int end)
{
	const struct al_episode *e = &cs->an.eps[k];
	char when[32];
	attr_t a = ui_attr(ui, role(e));
	if (sel) /* readable without colour: a pointer and reverse video */
		ui_put(y, 0, 1, ui_attr(ui, UI_R_TITLE), ">");
	ui_fill(y, 1, EP_X - 2, sel ? ui_attr(ui, UI_R_SELECT) : A_NORMAL);
	ui_putf(y, 1, EP_X - 2, a | (sel ? A_REVERSE : 0), "%s %s", glyph(ui, e),
	        episode_kind_name(e->kind));
	if (y + 1 < end)
		ui_put(y + 1, 3, EP_X - 4, a, episode_status_name(e->status));
	sessions_text(&cs->course.course, e, when, sizeof when);
	if (y + 2 < end)
		ui_put(y + 2, 3, EP_X - 4, ui_attr(ui, UI_R_FAINT), when);
	int rows = ui_put_wrapped(y, EP_X, COLS - 1 - EP_X, end - y, ui_attr(ui, UI_R_PLAIN),
	                          cs->story[k]);
	rows += draw_under(ui, cs, k, y + rows, end, true);
	return rows < LEFT_ROWS ? LEFT_ROWS : rows;
}

/* The rows of the list's items from first to last, inclusive. */
static int span_rows(const struct client *cs, size_t first, size_t last)
{
	int rows = 0;
	for (size_t i = first; i <= last && i < cs->list.nshown; i++)
		rows += item_rows(cs, client_episode_of_row(cs, ui_list_row(&cs->list, i)));
	return rows;
}

int client_episodes_page(const void *ctx)
{
	const struct client *cs = ctx;
	struct client_layout L;
	client_layout(cs, LINES - 2, &L);
	int room = L.end - L.list_y - 1, n = 0;
	for (size_t i = cs->list.top; i < cs->list.nshown; i++, n++) {
		room -= item_rows(cs, client_episode_of_row(cs, ui_list_row(&cs->list, i)));
		if (room < 0)
			break;
	}
	return n > 1 ? n : 1;
}

#define FILTER_W 27 /* "Filter " and its box, as on the caseload */

static void draw_heading(const struct ui *ui, const struct client *cs, int y, struct ui_frame *f)
{
	const struct ui_list *l = &cs->list;
	int x = 1;
	if (l->filtering || l->filter.len)
		ui_list_draw_filter(ui, l, y, COLS - 2 - FILTER_W, FILTER_W, f);
	if (cs->an.neps == 0) {
		ui_put(y, 1, COLS - 2, ui_attr(ui, UI_R_FAINT),
		       "No episodes: nothing so far has looked like a rupture or a decline.");
		return;
	}
	x += ui_put(y, x, COLS - 2, ui_attr(ui, UI_R_TITLE), "Episodes");
	if (l->nshown)
		ui_putf(y, x, COLS - 4 - FILTER_W - x, ui_attr(ui, UI_R_FAINT),
		        "  %zu of %zu, newest first", l->sel + 1, l->nshown);
	else
		ui_put(y, x, COLS - 4 - FILTER_W - x, ui_attr(ui, UI_R_FAINT),
		       "  none matches the filter");
}

void client_draw_episodes(const struct ui *ui, const struct client *cs, int y, int end,
                          struct ui_frame *f)
{
	const struct ui_list *l = &cs->list;
	draw_heading(ui, cs, y++, f);
	if (l->nshown == 0)
		return;
	size_t first = l->top < l->sel ? l->top : l->sel, i;
	while (first < l->sel && span_rows(cs, first, l->sel) > end - y)
		first++;
	/* no empty rows below while some episodes are above */
	while (first > 0 && span_rows(cs, first - 1, l->nshown - 1) <= end - y)
		first--;
	int stop = span_rows(cs, first, l->nshown - 1) <= end - y ? end : end - 1;
	size_t whole = first; /* the episodes drawn whole */
	for (i = first; i < l->nshown && y < stop; i++) {
		size_t k = client_episode_of_row(cs, ui_list_row(l, i));
		whole += y + item_rows(cs, k) <= stop;
		y += draw_item(ui, cs, k, i == l->sel, y, stop);
	}
	ui_list_draw_more(ui, end - 1, COLS - 1, l->nshown - whole, ui_attr(ui, UI_R_FAINT));
}
