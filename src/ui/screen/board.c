/* The supervisor board, a supervisor's home screen: every supervisee's
 * clients in risk order with clinician, status, trend and the weightiest
 * flag, under a summary line per clinician; filters by clinician and by
 * status. It reloads by itself when another program writes (ui.c). */
#include <stdlib.h>
#include <string.h>

#include "alliance/db_board.h"
#include "alliance/parse.h"
#include "alliance/spark.h"
#include "../core/ui.h"
#include "../screens.h"
#include "../widget/why.h"

#define CODE_W 10
#define CLIN_W 13
#define STATUS_W 11
#define SUMMARY_MAX 8 /* clinicians listed above the clients at most */
#define LIST_MIN 3    /* client rows kept before the why panel */

struct board {
	struct db_board data;
	size_t *shown; /* rows that pass the filters, in risk order */
	size_t nshown, sel;
	int64_t clinician; /* the clinician shown, 0 for all */
	int status;        /* enum al_state shown, -1 for all */
};

static const struct db_status_row *selected(const struct board *b)
{
	return b->nshown ? &b->data.rows[b->shown[b->sel]] : NULL;
}

static bool passes(const struct board *b, const struct db_status_row *r)
{
	return (!b->clinician || r->client.clinician_id == b->clinician) &&
	       (b->status < 0 || (int)r->summary.standing.state == b->status);
}

/* Recomputes the shown rows, keeping the selection on client id keep. */
static void apply_filters(struct board *b, int64_t keep)
{
	b->nshown = 0;
	b->sel = 0;
	for (size_t i = 0; i < b->data.n; i++) {
		if (!passes(b, &b->data.rows[i]))
			continue;
		if (b->data.rows[i].client.id == keep)
			b->sel = b->nshown;
		b->shown[b->nshown++] = i;
	}
}

/* Reads the board again, keeping the selection on client keep (0: the
 * one selected now). */
static enum al_status load(struct ui *ui, struct board *b, int64_t keep)
{
	const struct db_status_row *r = selected(b);
	if (!keep)
		keep = r ? r->client.id : 0;
	struct db_client_filter f = {0};
	struct access_who who = ui_who(ui, "board");
	access_mine(&who, &f);
	db_board_free(&b->data);
	enum al_status rc = db_begin_read(ui->db, ui->err);
	if (!rc) {
		rc = db_board_load(ui->db, &ui->dims, &f, ui->today, &b->data, ui->err);
		db_end_read(ui->db);
	}
	if (rc)
		return rc;
	size_t *shown = realloc(b->shown, (b->data.n + 1) * sizeof *shown);
	if (!shown)
		return al_fail(ui->err, AL_EIO, "out of memory");
	b->shown = shown;
	bool still = false; /* the clinician filtered on may be gone */
	for (size_t i = 0; i < b->data.nclin; i++)
		still = still || b->data.clin[i].id == b->clinician;
	if (!still)
		b->clinician = 0;
	apply_filters(b, keep);
	return AL_OK;
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

static int list_rows(const struct board *b);

static enum ui_action move_sel(struct board *b, long by)
{
	long to = (long)b->sel + by, last = (long)b->nshown - 1;
	b->sel = (size_t)(to < 0 ? 0 : to > last ? (last < 0 ? 0 : last) : to);
	return UI_DONE;
}

static enum ui_action bd_up(struct ui *ui, void *st)
{
	(void)ui;
	return move_sel(st, -1);
}

static enum ui_action bd_down(struct ui *ui, void *st)
{
	(void)ui;
	return move_sel(st, 1);
}

static enum ui_action bd_page_up(struct ui *ui, void *st)
{
	(void)ui;
	return move_sel(st, -list_rows(st));
}

static enum ui_action bd_page_down(struct ui *ui, void *st)
{
	(void)ui;
	return move_sel(st, list_rows(st));
}

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
	const struct db_status_row *r = selected(b);
	size_t i = 0;
	(void)ui;
	while (b->clinician && i < b->data.nclin && b->data.clin[i].id != b->clinician)
		i++;
	i = b->clinician ? i + 1 : 0;
	b->clinician = i < b->data.nclin ? b->data.clin[i].id : 0;
	apply_filters(b, r ? r->client.id : 0);
	return UI_DONE;
}

/* all, then the statuses from the most urgent down, then all again */
static enum ui_action bd_status(struct ui *ui, void *st)
{
	struct board *b = st;
	const struct db_status_row *r = selected(b);
	(void)ui;
	b->status = b->status < 0              ? AL_STATE_RUPTURE
	            : b->status == AL_STATE_OK ? -1
	                                       : b->status - 1;
	apply_filters(b, r ? r->client.id : 0);
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
    UI_KEY(bd_up, UI_FN(KEY_UP), 'k', "\u2191/k", "Up/k", "move", "previous client"),
    UI_KEY(bd_down, UI_FN(KEY_DOWN), 'j', "\u2193/j", "Down/j", "move", "next client"),
    UI_KEY(bd_page_up, UI_FN(KEY_PPAGE), 0, "PgUp", "PgUp", NULL, "a page up"),
    UI_KEY(bd_page_down, UI_FN(KEY_NPAGE), 0, "PgDn", "PgDn", NULL, "a page down"),
    UI_KEY(bd_open, '\r', UI_FN(KEY_ENTER), "Enter", "Enter", "open",
           "open the client's trend (to read: supervisors change no ratings or notes)"),
    UI_KEY_FOR(UI_SUPERVISOR, bd_ack, 'a', 0, "a", "a", "ack",
               "acknowledge the client's flag with a comment the clinician will see"),
    UI_KEY(bd_clinician, 'c', 0, "c", "c", "filter", "one clinician's clients at a time, then all"),
    UI_KEY(bd_status, 'f', 0, "f", "f", "filter",
           "one status at a time (RUPTURE, WATCH, repaired, ok), then all"),
    UI_KEY(bd_caseload, 's', 0, "s", "s", "caseload",
           "the caseload: the same clients with their last ratings"),
    UI_KEY_OUT(bd_quit, 'q', UI_FN(KEY_F(10)), "q", "q", "quit", "quit alliance (F10 too)"),
};

/* ---- drawing ---- */

static int summary_lines(const struct board *b)
{
	int n = b->clinician ? 1 : (int)b->data.nclin;
	return n < SUMMARY_MAX ? n : SUMMARY_MAX;
}

/* Rows below the title, the summary, a gap and the heads. */
static int below_heads(const struct board *b)
{
	return LINES - 2 - 1 - (1 + summary_lines(b)) - 1 - 1;
}

/* Rows for clients: those below the heads but the why panel's. */
static int list_rows(const struct board *b)
{
	int rows = below_heads(b) - ui_why_rows(below_heads(b), LIST_MIN);
	return rows > 1 ? rows : 1;
}

static void draw_title(const struct ui *ui, const struct board *b)
{
	char filters[2 * AL_KEY_MAX + 40];
	const char *clin = "all";
	for (size_t i = 0; i < b->data.nclin; i++)
		if (b->data.clin[i].id == b->clinician)
			clin = b->data.clin[i].name;
	int x = ui_putf(0, 1, COLS - 2, ui_attr(ui, UI_R_TITLE), "%s of %s",
	                ui->supervisor ? "Supervision board" : "Board", ui->user);
	ui_putf(0, 1 + x, COLS - 2 - x, ui_attr(ui, UI_R_FAINT), "  %zu of %zu client%s", b->nshown,
	        b->data.n, b->data.n == 1 ? "" : "s");
	snprintf(filters, sizeof filters, "clinician %s  status %s", clin,
	         b->status < 0 ? "all" : state_name((enum al_state)b->status));
	int w = ui_text_cells(filters);
	ui_put(0, COLS - 1 - w, w, ui_attr(ui, UI_R_PLAIN), filters);
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

static void draw_row(const struct ui *ui, int y, const struct db_status_row *r, bool sel)
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
	ui_put_cut(ui, y, x, COLS - 1 - x, base, s->flag);
}

static void draw_clients(const struct ui *ui, const struct board *b, int top, int rows)
{
	attr_t a = ui_attr(ui, UI_R_FAINT);
	ui_putf(top, 1, COLS - 2, a, "%-*s %-*s%-*s%-*s  %s", CODE_W, "Code", CLIN_W, "Clinician",
	        STATUS_W, "Status", AL_TREND_SESSIONS, "Mean, last 12", "Flag");
	if (b->nshown == 0) {
		ui_put(top + 1, 2, COLS - 4, a,
		       b->data.n ? "No client has this clinician and status: c and f change them."
		                 : "No clients of supervisees yet.");
		return;
	}
	size_t first = b->sel >= (size_t)rows ? b->sel - (size_t)rows + 1 : 0;
	for (int i = 0; i < rows && first + (size_t)i < b->nshown; i++)
		draw_row(ui, top + 1 + i, &b->data.rows[b->shown[first + (size_t)i]],
		         first + (size_t)i == b->sel);
}

static void board_draw(const struct ui *ui, const void *st, struct ui_frame *f)
{
	const struct board *b = st;
	draw_title(ui, b);
	int top = draw_summary(ui, b) + 2;
	int rows = list_rows(b);
	draw_clients(ui, b, top, rows);
	const struct db_status_row *r = selected(b);
	if (r && ui_why_rows(below_heads(b), LIST_MIN))
		ui_draw_why(ui, f->rows - UI_WHY_ROWS, UI_WHY_ROWS, r->client.code,
		            (int)r->summary.standing.state, r->summary.flag);
}

static void board_leave(struct ui *ui, void *st)
{
	struct board *b = st;
	(void)ui;
	db_board_free(&b->data);
	free(b->shown);
}

static enum al_status board_enter(struct ui *ui, void *st, const void *args)
{
	struct board *b = st;
	(void)args;
	b->status = -1;
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
    .draw = board_draw,
    .leave = board_leave,
};
