/* The supervisor board, a supervisor's home screen: every supervisee's
 * clients in risk order with clinician, status, trend and the weightiest
 * flag, under a summary line per clinician; filters by clinician, by
 * status and (/) by code or clinician. It reloads by itself when another program writes (ui.c).
 * The per-clinician lines are added up in the database and the rows read
 * a page at a time as they come into sight (db_risk.h): the first frame
 * costs about the same however many clients there are. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alliance/db/board.h"
#include "alliance/db/risk.h"
#include "alliance/core/parse.h"
#include "alliance/core/spark.h"
#include "../core/ui.h"
#include "../screens.h"
#include "../widget/discuss.h"
#include "../widget/list.h"
#include "../widget/why.h"

#define CODE_W 10
#define CLIN_W 13
#define STATUS_W 11
#define SUMMARY_MAX 8 /* clinicians listed above the clients at most */
#define LIST_MIN 3    /* client rows kept before the why panel */

struct board {
	struct db_board data;      /* the per-clinician tallies (no rows) */
	struct db_board_acks acks; /* clients whose episode is acknowledged */
	struct db_risk_filter q;   /* whose clients; c, f and / as its filters */
	size_t n, total;           /* clients the filters pass, and in all */
	struct db_risk_rows rows;  /* those in sight, in risk order */
	struct ui_list list;       /* over all n: rows are read as they come into sight */
	int64_t clinician;         /* the clinician shown, 0 for all */
	int status;                /* enum al_state shown, -1 for all */
	struct db_discuss discuss[DB_DISCUSS_MAX]; /* the episodes to discuss (c and / apply) */
	size_t ndiscuss, discuss_total;
};

static const struct db_status_row *selected(const struct board *b)
{
	size_t i = ui_list_selected(&b->list);
	return i == SIZE_MAX ? NULL : db_risk_row(&b->rows, i);
}

static int list_rows(const void *ctx);

/* Reads the rows in sight (the selection among them). */
static enum al_status board_fetch(struct ui *ui, void *st)
{
	struct board *b = st;
	int rows = list_rows(b);
	enum al_status rc = db_begin_read(ui->db, ui->err);
	if (rc)
		return rc;
	rc = db_risk_fetch(ui->db, &b->q, ui_list_first(&b->list, rows), (size_t)rows, b->n,
	                   &b->rows, ui->err);
	db_end_read(ui->db);
	return rc;
}

/* Counts what c and f choose and / matches (a code or a clinician), the
 * selection on client keep when they pass it. */
static enum al_status count(struct ui *ui, struct board *b, int64_t keep)
{
	size_t pos = SIZE_MAX;
	int longest;
	b->q.clinician_id = b->clinician;
	b->q.state = b->status;
	b->q.text_clinician = true;
	b->n = b->total;
	enum al_status rc = db_begin_read(ui->db, ui->err);
	if (rc)
		return rc;
	if (b->clinician || b->status >= 0 || b->q.text[0])
		rc = db_risk_count(ui->db, &b->q, &b->n, &longest, ui->err);
	if (!rc && keep)
		rc = db_risk_position(ui->db, &b->q, keep, &pos, ui->err);
	if (!rc)
		rc = db_discuss_load(ui->db, &b->q.who, b->clinician, b->q.text, b->discuss,
		                     DB_DISCUSS_MAX, &b->ndiscuss, &b->discuss_total, ui->err);
	db_end_read(ui->db);
	db_risk_forget(&b->rows);
	if (!rc && !ui_list_set(&b->list, b->n, pos))
		rc = al_fail(ui->err, AL_EIO, "out of memory");
	return rc;
}

/* Reads the tallies again and counts the clients, keeping the selection
 * on client keep (0: the one selected now). */
static enum al_status load(struct ui *ui, struct board *b, int64_t keep)
{
	const struct db_status_row *r = selected(b);
	if (!keep)
		keep = r ? r->client.id : 0;
	struct access_who who = ui_who(ui, "board");
	access_mine(&who, &b->q.who);
	b->q.who.today = ui->today; /* statuses as of today: the gap rule */
	db_board_free(&b->data);
	db_board_acks_free(&b->acks);
	enum al_status rc = db_begin_read(ui->db, ui->err);
	if (!rc) {
		rc = db_board_tally(ui->db, &ui->dims, &b->q.who, ui->today, &b->data, ui->err);
		if (!rc)
			rc = db_board_acks_load(ui->db, &ui->dims, &b->acks, ui->err);
		db_end_read(ui->db);
	}
	if (rc)
		return rc;
	bool still = false; /* the clinician filtered on may be gone */
	b->total = 0;       /* the board's clients are those the tallies count */
	for (size_t i = 0; i < b->data.nclin; i++) {
		still = still || b->data.clin[i].id == b->clinician;
		b->total += (size_t)b->data.clin[i].tally.clients;
	}
	if (!still)
		b->clinician = 0;
	return count(ui, b, keep);
}

static enum al_status recount(struct ui *ui, struct board *b)
{
	const struct db_status_row *r = selected(b);
	enum al_status rc = count(ui, b, r ? r->client.id : 0);
	if (rc)
		ui_say_err(ui);
	return rc;
}

static enum al_status board_reload(struct ui *ui, void *st)
{
	return load(ui, st, 0);
}

static enum al_status board_resume(struct ui *ui, void *st, const struct ui_result *r)
{
	return load(ui, st, r->client_id);
}

/* ---- keys ---- */

static enum ui_action bd_open(struct ui *ui, void *st)
{
	const struct db_status_row *r = selected(st);
	if (r)
		ui_open(ui, UI_CLIENT, &(struct ui_client_args){r->client.code, 0});
	return UI_DONE;
}

static enum ui_action bd_ack(struct ui *ui, void *st)
{
	const struct db_status_row *r = selected(st);
	if (!r) {
		ui_say(ui, true, "acknowledge: no client selected");
		return UI_DONE;
	}
	ui_open(ui, UI_ACK_FORM, &(struct ui_client_args){r->client.code, 0});
	return UI_DONE;
}

/* all, then each clinician in turn, then all again */
static enum ui_action bd_clinician(struct ui *ui, void *st)
{
	struct board *b = st;
	size_t i = 0;
	while (b->clinician && i < b->data.nclin && b->data.clin[i].id != b->clinician)
		i++;
	i = b->clinician ? i + 1 : 0;
	b->clinician = i < b->data.nclin ? b->data.clin[i].id : 0;
	recount(ui, b);
	return UI_DONE;
}

/* all, then the statuses from the most urgent down, then all again */
static enum ui_action bd_status(struct ui *ui, void *st)
{
	struct board *b = st;
	b->status = b->status < 0              ? AL_STATE_RUPTURE
	            : b->status == AL_STATE_OK ? -1
	                                       : b->status - 1;
	recount(ui, b);
	return UI_DONE;
}

/* s goes between the board and the caseload: back when the caseload is below. */
static enum ui_action bd_caseload(struct ui *ui, void *st)
{
	(void)st;
	if (ui_below_is(ui, UI_CASELOAD))
		return UI_BACK;
	ui_open(ui, UI_CASELOAD, NULL);
	return UI_DONE;
}

static enum ui_action bd_quit(struct ui *ui, void *st)
{
	(void)ui;
	(void)st;
	return UI_QUIT;
}

static const struct ui_key board_keys[] = {
    UI_LIST_MOVE_KEYS(struct board, list, "move", "client"),
    UI_KEY(bd_open, '\r', UI_FN(KEY_ENTER), "Enter", "Enter", "open",
           "open the client's trend (to read: supervisors change no ratings or notes)"),
    UI_KEY_FOR(UI_SUPERVISOR, bd_ack, 'a', 0, "a", "a", "ack",
               "acknowledge the episode behind the client's status with a comment the "
               "clinician will see (\"ack\" before the story marks it done)"),
    UI_KEY(bd_clinician, 'c', 0, "c", "c", "filter", "one clinician's clients at a time, then all"),
    UI_KEY(bd_status, 'f', 0, "f", "f", "filter",
           "one status at a time (RUPTURE, WATCH, repaired, ok), then all"),
    /* help only: at 80 columns the status line keeps s and q instead */
    UI_LIST_FILTER_KEY(struct board, list, NULL,
                       "filter by code or clinician (Enter keeps it, Esc clears)"),
    UI_KEY(bd_caseload, 's', 0, "s", "s", "caseload",
           "the caseload: the same clients with their last ratings"),
    UI_KEY_OUT(bd_quit, 'q', UI_FN(KEY_F(10)), "q", "q", "quit", "quit alliance (F10 too)"),
};

/* The / filter runs in the database. */
static enum ui_action board_input(struct ui *ui, void *st, int key)
{
	struct board *b = st;
	enum ui_action a = ui_list_input(&b->list, key);
	char text[sizeof b->q.text];
	ui_list_filter_text(&b->list, text, sizeof text);
	if (strcmp(text, b->q.text) != 0) {
		snprintf(b->q.text, sizeof b->q.text, "%s", text);
		recount(ui, b);
	}
	return a;
}

static bool board_typing(const void *st)
{
	return ui_list_typing(&((const struct board *)st)->list);
}

/* ---- drawing ---- */

static int summary_lines(const struct board *b)
{
	int n = b->clinician ? 1 : (int)b->data.nclin;
	return n < SUMMARY_MAX ? n : SUMMARY_MAX;
}

/* Rows below the title, the summary, a gap, what is to discuss and the heads. */
static int below_heads(const struct board *b)
{
	return LINES - 2 - 1 - (1 + summary_lines(b)) - 1 - ui_discuss_rows(b->ndiscuss) - 1;
}

/* Rows for clients: those below the heads but the why panel's. */
static int list_rows(const void *ctx)
{
	const struct board *b = ctx;
	int rows = below_heads(b) - ui_why_rows(below_heads(b), LIST_MIN);
	return rows > 1 ? rows : 1;
}

#define FILTER_W 27 /* "Filter " and its box, as on the caseload */

/* The title and the count of what the filters leave; the / filter at the
 * right, the title stopping before it. */
static void draw_title(const struct ui *ui, const struct board *b, struct ui_frame *f)
{
	const struct ui_list *l = &b->list;
	bool filter = l->filtering || l->filter.len;
	int right = filter ? COLS - 3 - FILTER_W - 2 : COLS - 2;
	int x = ui_putf(0, 1, right, ui_attr(ui, UI_R_TITLE), "%s of %s",
	                ui->supervisor ? "Supervision board" : "Board", ui->user);
	ui_putf(0, 1 + x, right - x, ui_attr(ui, UI_R_FAINT), "  %zu of %zu client%s", l->nshown,
	        b->total, b->total == 1 ? "" : "s");
	if (filter)
		ui_list_draw_filter(ui, l, 0, COLS - 3 - FILTER_W, FILTER_W, f);
}

/* The c and f filters at the right of the column heads: after "Flag"
 * (at x) when they fit, else over it (from x0), a long name cut. */
static void draw_filters(const struct ui *ui, const struct board *b, int y, int x0, int x)
{
	char name[AL_KEY_MAX * 4 + 1] = "all", text[sizeof name + 40];
	const char *status = b->status < 0 ? "all" : state_name((enum al_state)b->status);
	for (size_t i = 0; i < b->data.nclin; i++)
		if (b->data.clin[i].id == b->clinician)
			snprintf(name, sizeof name, "%s", b->data.clin[i].name);
	int fixed = ui_text_cells("clinician   status ") + ui_text_cells(status);
	int w = fixed + ui_text_cells(name);
	if (COLS - 1 - w < x)
		x = x0;
	if (COLS - 1 - w < x) /* a long name: cut to what is left */
		snprintf(name + (COLS - 1 - x - fixed > 1 ? COLS - 2 - x - fixed : 0), 4, "%s",
		         ui->ascii ? "~" : "\u2026");
	snprintf(text, sizeof text, "clinician %s  status %s", name, status);
	w = ui_text_cells(text);
	ui_fill(y, x, COLS - 1 - x, ui_attr(ui, UI_R_FAINT));
	ui_put(y, COLS - 1 - w > x ? COLS - 1 - w : x, COLS - 1 - x, ui_attr(ui, UI_R_PLAIN), text);
}

static void draw_tally(const struct ui *ui, int y, const struct db_board_clinician *k)
{
	char mean[8] = "-", rate[16] = "-";
	int m = board_tally_mean(&k->tally), pct = board_repair_pct(&k->tally);
	if (m != AL_MISSING)
		format_tenths(m, mean);
	if (pct >= 0)
		snprintf(rate, sizeof rate, "%d%%", pct);
	ui_put_cut(ui, y, 1, CLIN_W - 1, ui_attr(ui, UI_R_PLAIN), k->name);
	ui_putf(y, 1 + CLIN_W, COLS - 2 - CLIN_W, ui_attr(ui, UI_R_PLAIN),
	        "%7d %11d %7s %5d %10d %8d %6s", k->tally.clients, k->tally.sessions, mean,
	        k->tally.open, k->tally.unrepaired, k->tally.repaired, rate);
}

/* The per-clinician summary from row 1; returns the rows used. */
static int draw_summary(const struct ui *ui, const struct board *b)
{
	ui_putf(1, 1, COLS - 2, ui_attr(ui, UI_R_FAINT), "%-*s%7s %11s %7s %5s %10s %8s %6s",
	        CLIN_W, "Clinician", "Clients", "Sessions 4w", "Mean 4w", "Open", "Unrepaired",
	        "Repaired", "Repair");
	int y = 2;
	for (size_t i = 0; i < b->data.nclin && y < 2 + summary_lines(b); i++)
		if (!b->clinician || b->data.clin[i].id == b->clinician)
			draw_tally(ui, y++, &b->data.clin[i]);
	return y - 1;
}

#define ACK_MARK "ack " /* a row whose episode is acknowledged: before its story */

static void draw_row(const struct ui *ui, int y, const struct db_status_row *r,
                     const struct db_board_ack *ack, bool sel)
{
	attr_t base = ui_attr(ui, sel ? UI_R_SELECT : UI_R_PLAIN);
	const struct al_summary *s = &r->summary;
	enum al_state state = s->standing.state;
	int x = 1;
	ui_fill(y, 0, COLS, base);
	ui_put_cut(ui, y, x, CODE_W, base, r->client.code);
	x += CODE_W + 1;
	ui_put_cut(ui, y, x, CLIN_W - 1, base, r->client.clinician);
	x += CLIN_W;
	ui_putf(y, x, STATUS_W, ui_attr(ui, ui_state_role((int)state)) | (sel ? A_REVERSE : 0),
	        "%s %s", ui_state_glyph(ui, (int)state), state_name(state));
	x += STATUS_W;
	for (int i = 0; i < s->ntrend; i++) {
		wchar_t wc = (wchar_t)spark_glyph(s->trend[i].value[0], ui->ascii);
		ui_put_wide(y, x + AL_TREND_SESSIONS - s->ntrend + i, 1, base, &wc, 1);
	}
	x += AL_TREND_SESSIONS + 2;
	if (ack)
		x += ui_put(y, x, COLS - 1 - x, ui_attr(ui, UI_R_NOTICE) | (sel ? A_REVERSE : 0),
		            ACK_MARK);
	ui_put_cut(ui, y, x, COLS - 1 - x, base, s->flag);
}

static void draw_clients(const struct ui *ui, const struct board *b, int top, int rows)
{
	const struct ui_list *l = &b->list;
	attr_t a = ui_attr(ui, UI_R_FAINT);
	int x0 = 1 + CODE_W + 1 + CLIN_W + STATUS_W + AL_TREND_SESSIONS + 2;
	ui_putf(top, 1, COLS - 2, a, "%-*s %-*s%-*s%-*s  %s", CODE_W, "Code", CLIN_W, "Clinician",
	        STATUS_W, "Status", AL_TREND_SESSIONS, "Mean, last 12", "Flag");
	draw_filters(ui, b, top, x0, x0 + 6);
	if (l->nshown == 0) {
		ui_put(top + 1, 2, COLS - 4, a,
		       b->total
		           ? (l->filter.len ? "No client code or clinician matches the filter."
		                            : "No client has this clinician and status: c and f "
		                              "change them.")
		           : "No clients of supervisees yet.");
		return;
	}
	size_t first = ui_list_first(l, rows), listed = 0;
	for (; listed < (size_t)rows && first + listed < l->nshown; listed++) {
		const struct db_status_row *r = db_risk_row(&b->rows, first + listed);
		if (r) /* else it could not be read: the message says why */
			draw_row(ui, top + 1 + (int)listed, r,
			         db_board_ack_of(&b->acks, r->client.id), first + listed == l->sel);
	}
	ui_list_draw_more(ui, top + (int)listed, COLS - 1, ui_list_below(l, first, listed),
	                  ui_attr(ui, UI_R_FAINT));
}

/* Who acknowledged the selected client's episode and when, on the row
 * above the why panel. */
static void draw_acked(const struct ui *ui, const struct db_board_ack *ack, int y)
{
	if (!ack)
		return;
	ui_putf(y, 1, COLS - 2, ui_attr(ui, UI_R_NOTICE), "Acknowledged by %s on %s%s", ack->user,
	        ack->date, ack->count > 1 ? " (the latest of several)" : "");
}

static void board_draw(const struct ui *ui, const void *st, struct ui_frame *f)
{
	const struct board *b = st;
	draw_title(ui, b, f);
	int top = draw_summary(ui, b) + 2;
	ui_draw_discuss(ui, top, b->discuss, b->ndiscuss, b->discuss_total);
	top += ui_discuss_rows(b->ndiscuss);
	int rows = list_rows(b);
	draw_clients(ui, b, top, rows);
	const struct db_status_row *r = selected(b);
	if (!r || !ui_why_rows(below_heads(b), LIST_MIN))
		return;
	draw_acked(ui, db_board_ack_of(&b->acks, r->client.id), f->rows - UI_WHY_ROWS - 1);
	ui_draw_why(ui, f->rows - UI_WHY_ROWS, UI_WHY_ROWS, r->client.code,
	            (int)r->summary.standing.state, r->summary.flag);
}

static void board_leave(struct ui *ui, void *st)
{
	struct board *b = st;
	(void)ui;
	db_board_free(&b->data);
	db_board_acks_free(&b->acks);
	db_risk_rows_free(&b->rows);
	ui_list_free(&b->list);
}

static enum al_status board_enter(struct ui *ui, void *st, const void *args)
{
	struct board *b = st;
	(void)args;
	b->status = -1;
	if (!ui_list_init(&b->list, NULL, list_rows, b))
		return al_fail(ui->err, AL_EIO, "out of memory");
	return load(ui, b, 0);
}

const struct ui_screen board_screen = {
    .title = "Supervision board",
    .size = sizeof(struct board),
    .keys = board_keys,
    .nkeys = UI_NKEYS(board_keys),
    .enter = board_enter,
    .reload = board_reload,
    .resume = board_resume,
    .input = board_input,
    .fetch = board_fetch,
    .draw = board_draw,
    .typing = board_typing,
    .leave = board_leave,
};
