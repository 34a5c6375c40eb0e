/* The caseload, a clinician's home screen: their clients in risk order with
 * status, last values and sparklines; `/` filters by code. The rows are
 * read a page at a time as they come into sight (db_risk.h), so the first
 * frame costs the same however many clients there are. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alliance/db/risk.h"
#include "alliance/db/user.h"
#include "alliance/core/parse.h"
#include "alliance/core/rules.h"
#include "alliance/core/spark.h"
#include "../core/ui.h"
#include "../screens.h"
#include "../widget/list.h"
#include "../widget/why.h"

#define SPARK_N AL_TREND_SESSIONS
#define CODE_NARROW 10
#define LIST_MIN 3 /* client rows kept before the why panel */

struct caseload {
	struct db_risk_filter q;       /* whose clients, and the / filter */
	size_t n, total;               /* clients the filter passes, and in all */
	int longest;                   /* the longest code (bytes) */
	struct db_risk_rows rows;      /* those in sight, in risk order (the caseload command's) */
	struct ui_list list;           /* over all n: rows are read as they come into sight */
	int core[AL_CORE_DIMS], ncore; /* indices of the core dimensions */
	char others[400];              /* the other users, for the help */
};

static void find_core(const struct ui *ui, struct caseload *cl)
{
	cl->ncore = 0;
	for (size_t i = 0; i < ui->dims.n && cl->ncore < AL_CORE_DIMS; i++)
		if (ui->dims.dim[i].core)
			cl->core[cl->ncore++] = (int)i;
}

static const struct db_status_row *selected(const struct caseload *cl)
{
	size_t i = ui_list_selected(&cl->list);
	return i == SIZE_MAX ? NULL : db_risk_row(&cl->rows, i);
}

static int list_rows(const void *ctx);

/* Reads the rows in sight (and the selection, in sight too). */
static enum al_status caseload_fetch(struct ui *ui, void *st)
{
	struct caseload *cl = st;
	int rows = list_rows(cl);
	enum al_status rc = db_begin_read(ui->db, ui->err);
	if (rc)
		return rc;
	rc = db_risk_fetch(ui->db, &cl->q, ui_list_first(&cl->list, rows), (size_t)rows, cl->n,
	                   &cl->rows, ui->err);
	db_end_read(ui->db);
	return rc;
}

/* Counts the clients again (from the summaries the database keeps
 * current, so that the first frame runs no detection), keeping the
 * selection on client keep (0: the one selected now); the rows are read
 * when drawn. */
static enum al_status load(struct ui *ui, struct caseload *cl, int64_t keep)
{
	struct access_who who = ui_who(ui, "caseload");
	const struct db_status_row *r = selected(cl);
	struct db_risk_filter all = {.state = -1};
	size_t pos = SIZE_MAX;
	int longest;
	access_mine(&who, &all.who);
	all.who.today = ui->today; /* statuses as of today: the gap rule */
	cl->q.who = all.who;
	cl->q.state = -1;
	find_core(ui, cl);
	if (!keep && r)
		keep = r->client.id;
	enum al_status rc = db_begin_read(ui->db, ui->err);
	if (rc)
		return rc;
	rc = db_risk_count(ui->db, &all, &cl->total, &cl->longest, ui->err);
	cl->n = cl->total;
	if (!rc && cl->q.text[0])
		rc = db_risk_count(ui->db, &cl->q, &cl->n, &longest, ui->err);
	if (!rc && keep)
		rc = db_risk_position(ui->db, &cl->q, keep, &pos, ui->err);
	db_end_read(ui->db);
	db_risk_forget(&cl->rows);
	if (!rc && !ui_list_set(&cl->list, cl->n, pos))
		rc = al_fail(ui->err, AL_EIO, "out of memory");
	return rc;
}

static enum al_status caseload_reload(struct ui *ui, void *st)
{
	return load(ui, st, 0);
}

/* After a form: select the client it stored; a session saved from here
 * opens that client's trend on it. */
static enum al_status caseload_resume(struct ui *ui, void *st, const struct ui_result *r)
{
	struct caseload *cl = st;
	enum al_status rc = load(ui, cl, r->client_id);
	if (!rc)
		rc = caseload_fetch(ui, cl);
	const struct db_status_row *row = selected(cl);
	if (rc || !r->session_id || !row || row->client.id != r->client_id)
		return rc;
	ui_open(ui, UI_CLIENT, &(struct ui_client_args){row->client.code, r->session_id});
	return AL_OK;
}

/* The list: title and column heads above it, the why panel, message and
 * status below. */
static int list_rows(const void *ctx)
{
	(void)ctx;
	int rows = LINES - 2 - 2;
	return rows - ui_why_rows(rows, LIST_MIN);
}

/* ---- keys ---- */

static enum ui_action cl_open(struct ui *ui, void *st)
{
	const struct db_status_row *r = selected(st);
	if (r)
		ui_open(ui, UI_CLIENT, &(struct ui_client_args){r->client.code, 0});
	return UI_DONE;
}

static enum ui_action cl_new(struct ui *ui, void *st)
{
	const struct db_status_row *r = selected(st);
	if (!r) {
		ui_say(ui, true, "no client selected: add one with a");
		return UI_DONE;
	}
	ui_open(ui, UI_ENTRY, &(struct ui_client_args){r->client.code, 0});
	return UI_DONE;
}

/* x: the selected client did not attend today (a small choice of words). */
static enum ui_action cl_absent(struct ui *ui, void *st)
{
	const struct db_status_row *r = selected(st);
	if (r)
		ui_open(ui, UI_ABSENT_FORM, &(struct ui_client_args){r->client.code, 0});
	else
		ui_say(ui, true, "no client selected: add one with a");
	return UI_DONE;
}

static enum ui_action cl_turn(struct ui *ui, void *st)
{
	const struct db_status_row *r = selected(st);
	if (r)
		ui_open(ui, UI_CLIENT_MODE, &(struct ui_client_args){r->client.code, 0});
	return UI_DONE;
}

static enum ui_action cl_add(struct ui *ui, void *st)
{
	(void)st;
	ui_open(ui, UI_CLIENT_FORM, NULL);
	return UI_DONE;
}

/* s goes between the caseload and the board: back when the board is below. */
static enum ui_action cl_board(struct ui *ui, void *st)
{
	(void)st;
	if (ui_below_is(ui, UI_BOARD))
		return UI_BACK;
	ui_open(ui, UI_BOARD, NULL);
	return UI_DONE;
}

static enum ui_action cl_quit(struct ui *ui, void *st)
{
	(void)ui;
	(void)st;
	return UI_QUIT;
}

static const struct ui_key caseload_keys[] = {
    UI_LIST_MOVE_KEYS(struct caseload, list, "move", "client"),
    UI_KEY(cl_open, '\r', UI_FN(KEY_ENTER), "Enter", "Enter", "open", "open the client's trend"),
    UI_LIST_FILTER_KEY(struct caseload, list, "filter",
                       "filter by code (Enter keeps it, Esc clears)"),
    UI_KEY_FOR(UI_CLINICIAN, cl_new, 'n', 0, "n", "n", "new",
               "new session for the selected client"),
    UI_KEY_FOR(UI_CLINICIAN, cl_absent, 'x', 0, "x", "x", "absent",
               "record that the selected client did not attend today"),
    UI_KEY_FOR(UI_CLINICIAN, cl_turn, 't', 0, "t", "t", NULL,
               "turn the screen to the client: they answer, your PIN brings it back"),
    UI_KEY_FOR(UI_CLINICIAN, cl_add, 'a', 0, "a", "a", "add",
               "add a client (code, modality, goal)"),
    UI_KEY(cl_board, 's', 0, "s", "s", "board",
           "the board (a clinician's: your clients and numbers)"),
    UI_KEY_OUT(cl_quit, 'q', UI_FN(KEY_F(10)), "q", "q", "quit", "quit alliance (F10 too)"),
};

/* The / filter runs in the database: a code matches in any case. */
static enum ui_action caseload_input(struct ui *ui, void *st, int key)
{
	struct caseload *cl = st;
	const struct db_status_row *r = selected(cl);
	int64_t keep = r ? r->client.id : 0;
	enum ui_action a = ui_list_input(&cl->list, key);
	char text[sizeof cl->q.text];
	ui_list_filter_text(&cl->list, text, sizeof text);
	if (strcmp(text, cl->q.text) != 0) {
		snprintf(cl->q.text, sizeof cl->q.text, "%s", text);
		if (load(ui, cl, keep))
			ui_say_err(ui);
	}
	return a;
}

static bool caseload_typing(const void *st)
{
	return ui_list_typing(&((const struct caseload *)st)->list);
}

/* ---- drawing ---- */

struct cols {
	int code, clinician, sessions, date, values, status, spark;
	int value_w[AL_CORE_DIMS]; /* each dimension's value column */
	int spark_w;               /* and its trend column */
	bool per_dim;
};

static int longest_label(const struct ui *ui, const struct caseload *cl)
{
	int w = 0;
	for (int d = 0; d < cl->ncore; d++) {
		int c = ui_text_cells(ui->dims.dim[cl->core[d]].label);
		w = c > w ? c : w;
	}
	return w;
}

/* The longest code of the clients, at least CODE_NARROW. */
static int longest_code(const struct caseload *cl)
{
	return cl->longest > CODE_NARROW ? cl->longest : CODE_NARROW;
}

/* Room to spare goes first to whole codes, then to whole dimension names
 * over the trends, then over the values; what is left widens the codes. */
static void share_spare(const struct ui *ui, const struct caseload *cl, struct cols *c, int spare)
{
	int label = longest_label(ui, cl), more = longest_code(cl) - c->code;
	if (more > spare)
		more = spare;
	c->code += more;
	spare -= more;
	if (c->per_dim && label > SPARK_N && (more = (label - SPARK_N) * cl->ncore) <= spare) {
		c->spark_w = label;
		spare -= more;
	}
	more = 0;
	for (int d = 0; d < cl->ncore; d++)
		more += ui_text_cells(ui->dims.dim[cl->core[d]].label) + 1 - c->value_w[d];
	if (more > 0 && more <= spare) {
		for (int d = 0; d < cl->ncore; d++)
			c->value_w[d] = ui_text_cells(ui->dims.dim[cl->core[d]].label) + 1;
		c->values += more;
		spare -= more;
	}
	c->code += spare < AL_KEY_MAX - c->code ? spare : AL_KEY_MAX - c->code;
}

static struct cols columns(const struct ui *ui, const struct caseload *cl)
{
	struct cols c = {.code = CODE_NARROW,
	                 .sessions = 4,
	                 .date = 10,
	                 .value_w = {5, 5, 5},
	                 .values = 5 * (cl->ncore ? cl->ncore : 1),
	                 .status = 10,
	                 .spark = SPARK_N,
	                 .spark_w = SPARK_N};
	c.clinician = ui->supervisor ? 12 : 0;
	int fixed = 1 + c.code + 1 + c.clinician + c.sessions + 2 + c.date + 1 + c.values + 1 +
	            c.status + 1;
	c.per_dim = cl->ncore > 1 && fixed + cl->ncore * (SPARK_N + 1) <= COLS;
	int used = fixed + (c.per_dim ? cl->ncore * (SPARK_N + 1) : SPARK_N);
	int spare = COLS - (used > UI_MIN_COLS ? used : UI_MIN_COLS);
	if (spare > 0) /* wider than 80 columns */
		share_spare(ui, cl, &c, spare);
	return c;
}

/* Series k of the trend: 0 the core mean, 1 + d core dimension d. */
static void draw_spark(const struct ui *ui, int y, int x, const struct al_summary *s, int k,
                       attr_t a)
{
	int n = s->ntrend;
	for (int i = 0; i < n; i++) {
		wchar_t wc = (wchar_t)spark_glyph(s->trend[i].value[k], ui->ascii);
		ui_put_wide(y, x + SPARK_N - n + i, 1, a, &wc, 1);
	}
}

static void draw_values(int y, int x, const struct al_summary *s, int ncore, const int *w, attr_t a)
{
	for (int d = 0; d < ncore; x += w[d++]) {
		char buf[8] = "  -";
		if (s->last[d] != AL_MISSING)
			format_tenths(s->last[d], buf);
		ui_putf(y, x, w[d], a, "%*s", w[d] - 1, buf);
	}
}

static void draw_row(const struct ui *ui, const struct caseload *cl, const struct cols *c, int y,
                     const struct db_status_row *row, bool sel)
{
	const struct al_client *r = &row->client;
	const struct al_summary *sum = &row->summary;
	attr_t base = ui_attr(ui, sel ? UI_R_SELECT : UI_R_PLAIN);
	int x = 1;
	ui_fill(y, 0, COLS, base);
	ui_put_cut(ui, y, x, c->code, base, r->code);
	x += c->code + 1;
	if (c->clinician) {
		ui_put_cut(ui, y, x, c->clinician - 1, base, r->clinician);
		x += c->clinician;
	}
	ui_putf(y, x, c->sessions, base, "%4d", sum->sessions);
	x += c->sessions + 2;
	char date[AL_DATE_LEN + 1] = "-";
	if (sum->last_date != INT32_MIN)
		format_date(sum->last_date, date);
	ui_put(y, x, c->date, base, date);
	x += c->date + 1;
	draw_values(y, x, sum, cl->ncore, c->value_w, base);
	x += c->values + 1;
	enum al_state s = sum->standing.state;
	attr_t sa = ui_attr(ui, ui_state_role((int)s)) | (sel ? A_REVERSE : 0);
	ui_putf(y, x, c->status, sa, "%s %s", ui_state_glyph(ui, (int)s), state_name(s));
	x += c->status + 1;
	if (!c->per_dim)
		draw_spark(ui, y, x, sum, 0, base);
	for (int d = 0; c->per_dim && d < cl->ncore; d++)
		draw_spark(ui, y, x + d * (c->spark_w + 1), sum, d + 1,
		           ui_dim_attr(ui, cl->core[d]) | (sel ? A_REVERSE : 0));
}

static void draw_heads(const struct ui *ui, const struct caseload *cl, const struct cols *c)
{
	attr_t a = ui_attr(ui, UI_R_FAINT);
	int x = 1;
	ui_put(1, x, c->code, a, "Code");
	x += c->code + 1;
	if (c->clinician) {
		ui_put(1, x, c->clinician, a, "Clinician");
		x += c->clinician;
	}
	ui_put(1, x, c->sessions + 2, a, "Sess");
	x += c->sessions + 2;
	ui_put(1, x, c->date, a, "Last");
	x += c->date + 1;
	for (int d = 0, vx = x; d < cl->ncore; vx += c->value_w[d++]) /* over the values */
		ui_putf(1, vx, c->value_w[d], a, "%*.*s", c->value_w[d] - 1, c->value_w[d] - 1,
		        ui->dims.dim[cl->core[d]].label);
	x += c->values + 1;
	ui_put(1, x, c->status, a, "Status");
	x += c->status + 1;
	if (!c->per_dim)
		ui_putf(1, x, COLS - x, a, "Mean, last %d", SPARK_N);
	for (int d = 0; c->per_dim && d < cl->ncore; d++)
		ui_put_cut(ui, 1, x + d * (c->spark_w + 1), c->spark_w, a,
		           ui->dims.dim[cl->core[d]].label);
}

#define FILTER_W 27 /* "Filter " and its box */

static void draw_title(const struct ui *ui, const struct caseload *cl, struct ui_frame *f)
{
	const struct ui_list *l = &cl->list;
	bool filter = l->filtering || l->filter.len;
	int right = filter ? COLS - 3 - FILTER_W - 2 : COLS - 2; /* the title stops before it */
	int x = ui_putf(0, 1, right, ui_attr(ui, UI_R_TITLE), "%s of %s",
	                ui->supervisor ? "Supervisees' clients" : "Caseload", ui->user);
	size_t n = cl->total;
	if (l->filter.len) /* as the board does: what the filter leaves of how many */
		ui_putf(0, 1 + x, right - x, ui_attr(ui, UI_R_FAINT), "  %zu of %zu client%s",
		        l->nshown, n, n == 1 ? "" : "s");
	else
		ui_putf(0, 1 + x, right - x, ui_attr(ui, UI_R_FAINT), "  %zu client%s", n,
		        n == 1 ? "" : "s");
	if (filter)
		ui_list_draw_filter(ui, l, 0, COLS - 3 - FILTER_W, FILTER_W, f);
}

static void caseload_draw(const struct ui *ui, const void *st, struct ui_frame *f)
{
	const struct caseload *cl = st;
	const struct ui_list *l = &cl->list;
	struct cols c = columns(ui, cl);
	draw_title(ui, cl, f);
	draw_heads(ui, cl, &c);
	int rows = list_rows(cl);
	if (l->nshown == 0) {
		ui_put(3, 2, COLS - 4, ui_attr(ui, UI_R_FAINT),
		       cl->total ? "No client code matches the filter."
		                 : "No clients yet: a adds one.");
		return;
	}
	size_t first = ui_list_first(l, rows), listed = 0;
	for (; listed < (size_t)rows && first + listed < l->nshown; listed++) {
		const struct db_status_row *row = db_risk_row(&cl->rows, first + listed);
		if (row) /* else it could not be read: the message says why */
			draw_row(ui, cl, &c, 2 + (int)listed, row, first + listed == l->sel);
	}
	ui_list_draw_more(ui, 1 + (int)listed, COLS - 1, ui_list_below(l, first, listed),
	                  ui_attr(ui, UI_R_FAINT));
	/* right under the list, a row apart: at the bottom when the list fills */
	/* the story may take every free row down to the bottom */
	const struct db_status_row *r = selected(cl);
	int y = 3 + (int)listed, free_rows = f->rows - y;
	if (2 + rows < f->rows && r)
		ui_draw_why(ui, y, free_rows > UI_WHY_ROWS ? free_rows : UI_WHY_ROWS,
		            r->client.code, (int)r->summary.standing.state, r->summary.flag);
}

/* ---- the help names the other users (after make demo, whose lines the
 * full screen hides), so that --user NAME can open their views ---- */

struct others {
	char clinicians[300], supervisors[300];
	const char *me;
	int n;
};

static enum al_status add_other(void *ctx, const struct al_user *u, struct al_error *err)
{
	struct others *o = ctx;
	(void)err;
	if (strcmp(u->name, o->me) == 0 || o->n++ >= 8)
		return AL_OK;
	char *to = u->supervisor ? o->supervisors : o->clinicians;
	size_t at = strlen(to);
	snprintf(to + at, 300 - at, "%s%s", at ? ", " : "", u->name);
	return AL_OK;
}

static void others_text(const struct others *o, char *buf, size_t cap)
{
	int at = 0;
	buf[0] = '\0';
	if (!o->n)
		return;
	at = snprintf(buf, cap, "Other users of this database:");
	if (o->clinicians[0] && at >= 0 && (size_t)at < cap)
		at += snprintf(buf + at, cap - (size_t)at, " %s (clinician%s)", o->clinicians,
		               strchr(o->clinicians, ',') ? "s" : "");
	if (o->supervisors[0] && at >= 0 && (size_t)at < cap)
		at += snprintf(buf + at, cap - (size_t)at, "%s %s (supervisor%s)",
		               o->clinicians[0] ? ";" : "", o->supervisors,
		               strchr(o->supervisors, ',') ? "s" : "");
	if (o->n > 8 && at >= 0 && (size_t)at < cap)
		at += snprintf(buf + at, cap - (size_t)at, " and %d more", o->n - 8);
	if (at >= 0 && (size_t)at < cap)
		snprintf(buf + at, cap - (size_t)at, ". alliance --user NAME opens their views.");
}

static enum al_status load_others(struct ui *ui, struct caseload *cl)
{
	struct others o = {.me = ui->user};
	enum al_status st = db_user_each(ui->db, add_other, &o, ui->err);
	if (!st)
		others_text(&o, cl->others, sizeof cl->others);
	return st;
}

static int caseload_help(const struct ui *ui, const void *st, int row, int col, int width, int max)
{
	const struct caseload *cl = st;
	if (!cl->others[0])
		return 0;
	return ui_put_wrapped(row, col, width, max, ui_attr(ui, UI_R_PLAIN), cl->others);
}

static void caseload_leave(struct ui *ui, void *st)
{
	struct caseload *cl = st;
	(void)ui;
	db_risk_rows_free(&cl->rows);
	ui_list_free(&cl->list);
}

static enum al_status caseload_enter(struct ui *ui, void *st, const void *args)
{
	struct caseload *cl = st;
	(void)args;
	if (!ui_list_init(&cl->list, NULL, list_rows, cl))
		return al_fail(ui->err, AL_EIO, "out of memory");
	enum al_status rc = load_others(ui, cl);
	return rc ? rc : load(ui, cl, 0);
}

const struct ui_screen caseload_screen = {
    .title = "Caseload",
    .size = sizeof(struct caseload),
    .keys = caseload_keys,
    .nkeys = UI_NKEYS(caseload_keys),
    .enter = caseload_enter,
    .reload = caseload_reload,
    .resume = caseload_resume,
    .input = caseload_input,
    .fetch = caseload_fetch,
    .draw = caseload_draw,
    .typing = caseload_typing,
    .help_extra = caseload_help,
    .leave = caseload_leave,
};
