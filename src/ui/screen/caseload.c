/* The caseload, a clinician's home screen: their clients in risk order with
 * status, last values and sparklines; `/` filters by code. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alliance/db_client.h"
#include "alliance/db_status.h"
#include "alliance/parse.h"
#include "alliance/rules.h"
#include "alliance/spark.h"
#include "alliance/summary.h"
#include "../core/ui.h"
#include "../screens.h"
#include "../widget/text.h"
#include "../widget/why.h"

#define SPARK_N AL_TREND_SESSIONS
#define CODE_NARROW 10
#define LIST_MIN 3 /* client rows kept before the why panel */

struct row {
	int64_t id;
	char code[AL_KEY_MAX + 1];
	char clinician[AL_KEY_MAX + 1];
	int nsessions;
	int32_t last_date;
	al_tenths last[AL_CORE_DIMS];
	struct al_standing standing;
	char flag[AL_EXPLAIN_MAX]; /* the why panel's words */
	int nspark;
	al_tenths spark[AL_CORE_DIMS + 1][SPARK_N]; /* [0] the core mean, then each */
};

struct caseload {
	struct row *rows;
	size_t n, cap;
	size_t *shown; /* rows matching the filter, in risk order */
	size_t nshown, sel;
	int core[AL_CORE_DIMS], ncore; /* indices of the core dimensions */
	struct ui_text filter;
	bool filtering;
};

static void find_core(const struct ui *ui, struct caseload *cl)
{
	cl->ncore = 0;
	for (size_t i = 0; i < ui->dims.n && cl->ncore < AL_CORE_DIMS; i++)
		if (ui->dims.dim[i].core)
			cl->core[cl->ncore++] = (int)i;
}

/* One row per client from the summaries the database keeps current, so
 * that the first frame runs no detection (the caseload command's numbers). */
static enum al_status add_row(void *ctx, const struct db_status_row *in, struct al_error *err)
{
	struct caseload *cl = ctx;
	if (cl->n == cl->cap) {
		size_t cap = cl->cap ? cl->cap * 2 : 64;
		struct row *rows = realloc(cl->rows, cap * sizeof *rows);
		if (!rows)
			return al_fail(err, AL_EIO, "out of memory");
		cl->rows = rows;
		cl->cap = cap;
	}
	const struct al_summary *sum = &in->summary;
	struct row *r = &cl->rows[cl->n++];
	memset(r, 0, sizeof *r);
	r->id = in->client.id;
	memcpy(r->code, in->client.code, sizeof r->code);
	memcpy(r->clinician, in->client.clinician, sizeof r->clinician);
	r->nsessions = sum->sessions;
	r->last_date = sum->last_date;
	memcpy(r->last, sum->last, sizeof r->last);
	r->standing = sum->standing;
	memcpy(r->flag, sum->flag, sizeof r->flag);
	r->nspark = sum->ntrend;
	for (int i = 0; i < sum->ntrend; i++)
		for (int k = 0; k <= AL_CORE_DIMS; k++)
			r->spark[k][i] = sum->trend[i].value[k];
	return AL_OK;
}

static int risk_order(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	return standing_compare(&x->standing, x->code, &y->standing, y->code);
}

static bool matches(const struct caseload *cl, const struct row *r)
{
	char f[AL_KEY_MAX * 4 + 1];
	ui_text_get(&cl->filter, f, sizeof f);
	return strcasestr(r->code, f) != NULL;
}

/* Recomputes the shown rows, keeping the selection on client id when it is
 * still shown. */
static void apply_filter(struct caseload *cl, int64_t keep)
{
	cl->nshown = 0;
	cl->sel = 0;
	for (size_t i = 0; i < cl->n; i++) {
		if (!matches(cl, &cl->rows[i]))
			continue;
		if (cl->rows[i].id == keep)
			cl->sel = cl->nshown;
		cl->shown[cl->nshown++] = i;
	}
}

static int64_t selected_id(const struct caseload *cl)
{
	return cl->nshown ? cl->rows[cl->shown[cl->sel]].id : 0;
}

/* Reads the rows again, keeping the selection on client keep (0: the
 * one selected now). */
static enum al_status load(struct ui *ui, struct caseload *cl, int64_t keep)
{
	struct db_client_filter f = {0};
	struct access_who who = ui_who(ui, "caseload");
	access_mine(&who, &f);
	find_core(ui, cl);
	if (!keep)
		keep = selected_id(cl);
	cl->n = 0;
	enum al_status rc = db_begin_read(ui->db, ui->err);
	if (rc)
		return rc;
	rc = db_status_each(ui->db, &f, add_row, cl, ui->err);
	db_end_read(ui->db);
	if (rc)
		return rc;
	if (cl->n > 1) /* rows is NULL when there are none */
		qsort(cl->rows, cl->n, sizeof *cl->rows, risk_order);
	size_t *shown = realloc(cl->shown, (cl->n + 1) * sizeof *shown);
	if (!shown)
		return al_fail(ui->err, AL_EIO, "out of memory");
	cl->shown = shown;
	apply_filter(cl, keep);
	return AL_OK;
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
	if (rc || !r->session_id || !r->client_id || selected_id(cl) != r->client_id)
		return rc;
	struct ui_client_args a = {cl->rows[cl->shown[cl->sel]].code, r->session_id};
	ui_open(ui, UI_CLIENT, &a);
	return AL_OK;
}

/* ---- keys ---- */

static const struct row *selected(const struct caseload *cl)
{
	return cl->nshown ? &cl->rows[cl->shown[cl->sel]] : NULL;
}

static enum ui_action move_sel(struct caseload *cl, long by)
{
	long to = (long)cl->sel + by, last = (long)cl->nshown - 1;
	cl->sel = (size_t)(to < 0 ? 0 : to > last ? (last < 0 ? 0 : last) : to);
	return UI_DONE;
}

/* Title and column heads above, the why panel, message and status below. */
static int list_rows(void)
{
	int rows = LINES - 2 - 2;
	return rows - ui_why_rows(rows, LIST_MIN);
}

static enum ui_action cl_up(struct ui *ui, void *st)
{
	(void)ui;
	return move_sel(st, -1);
}

static enum ui_action cl_down(struct ui *ui, void *st)
{
	(void)ui;
	return move_sel(st, 1);
}

static enum ui_action cl_page_up(struct ui *ui, void *st)
{
	(void)ui;
	return move_sel(st, -list_rows());
}

static enum ui_action cl_page_down(struct ui *ui, void *st)
{
	(void)ui;
	return move_sel(st, list_rows());
}

static enum ui_action cl_open(struct ui *ui, void *st)
{
	const struct row *r = selected(st);
	if (r)
		ui_open(ui, UI_CLIENT, &(struct ui_client_args){r->code, 0});
	return UI_DONE;
}

static enum ui_action cl_filter(struct ui *ui, void *st)
{
	(void)ui;
	((struct caseload *)st)->filtering = true;
	return UI_DONE;
}

static enum ui_action cl_new(struct ui *ui, void *st)
{
	const struct row *r = selected(st);
	if (!r) {
		ui_say(ui, true, "no client selected: add one with a");
		return UI_DONE;
	}
	ui_open(ui, UI_ENTRY, &(struct ui_client_args){r->code, 0});
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
    UI_KEY(cl_up, UI_FN(KEY_UP), 'k', "\u2191/k", "Up/k", "move", "previous client"),
    UI_KEY(cl_down, UI_FN(KEY_DOWN), 'j', "\u2193/j", "Down/j", "move", "next client"),
    UI_KEY(cl_page_up, UI_FN(KEY_PPAGE), 0, "PgUp", "PgUp", NULL, "a page up"),
    UI_KEY(cl_page_down, UI_FN(KEY_NPAGE), 0, "PgDn", "PgDn", NULL, "a page down"),
    UI_KEY(cl_open, '\r', UI_FN(KEY_ENTER), "Enter", "Enter", "open", "open the client's trend"),
    UI_KEY(cl_filter, '/', 0, "/", "/", "filter", "filter by code (Enter keeps it, Esc clears)"),
    UI_KEY_FOR(UI_CLINICIAN, cl_new, 'n', 0, "n", "n", "new",
               "new session for the selected client"),
    UI_KEY_FOR(UI_CLINICIAN, cl_add, 'a', 0, "a", "a", "add",
               "add a client (code, modality, goal)"),
    UI_KEY(cl_board, 's', 0, "s", "s", "board",
           "the supervisor board (a clinician's: their own clients and numbers)"),
    UI_KEY_OUT(cl_quit, 'q', UI_FN(KEY_F(10)), "q", "q", "quit", "quit alliance (F10 too)"),
};

/* While filtering, keys are text; Enter keeps the filter, Esc drops it. */
static enum ui_action caseload_input(struct ui *ui, void *st, int key)
{
	struct caseload *cl = st;
	(void)ui;
	if (!cl->filtering)
		return UI_PASS;
	if (ui_key_enter(key) || key == UI_ESC) {
		cl->filtering = false;
		if (key == UI_ESC)
			ui_text_set(&cl->filter, "");
	} else if (key == UI_FN(KEY_UP) || key == UI_FN(KEY_DOWN)) {
		return UI_PASS;
	} else {
		bool changed;
		if (ui_text_key(&cl->filter, key, 0, &changed) == UI_PASS)
			return UI_PASS;
		if (!changed)
			return UI_DONE;
	}
	apply_filter(cl, selected_id(cl));
	return UI_DONE;
}

static bool caseload_typing(const void *st)
{
	return ((const struct caseload *)st)->filtering;
}

/* ---- drawing ---- */

struct cols {
	int code, clinician, sessions, date, values, status, spark;
	bool per_dim;
};

static struct cols columns(const struct ui *ui, const struct caseload *cl)
{
	struct cols c = {.code = CODE_NARROW,
	                 .sessions = 4,
	                 .date = 10,
	                 .values = 5 * (cl->ncore ? cl->ncore : 1),
	                 .status = 10,
	                 .spark = SPARK_N};
	c.clinician = ui->supervisor ? 12 : 0;
	int fixed = 1 + c.code + 1 + c.clinician + c.sessions + 2 + c.date + 1 + c.values + 1 +
	            c.status + 1;
	c.per_dim = cl->ncore > 1 && fixed + cl->ncore * (SPARK_N + 1) <= COLS;
	int used = fixed + (c.per_dim ? cl->ncore * (SPARK_N + 1) : SPARK_N);
	int spare = COLS - (used > UI_MIN_COLS ? used : UI_MIN_COLS);
	if (spare > 0) /* wider than 80 columns: longer codes */
		c.code += spare < AL_KEY_MAX - CODE_NARROW ? spare : AL_KEY_MAX - CODE_NARROW;
	return c;
}

static void draw_spark(const struct ui *ui, int y, int x, const al_tenths *v, int n, attr_t a)
{
	for (int i = 0; i < n; i++) {
		wchar_t wc = (wchar_t)spark_glyph(v[i], ui->ascii);
		ui_put_wide(y, x + SPARK_N - n + i, 1, a, &wc, 1);
	}
}

static void draw_values(int y, int x, const struct row *r, int ncore, attr_t a)
{
	for (int d = 0; d < ncore; d++) {
		char buf[8] = "  -";
		if (r->last[d] != AL_MISSING)
			format_tenths(r->last[d], buf);
		ui_putf(y, x + 5 * d, 5, a, "%4s", buf);
	}
}

static void draw_row(const struct ui *ui, const struct caseload *cl, const struct cols *c, int y,
                     const struct row *r, bool sel)
{
	attr_t base = ui_attr(ui, sel ? UI_R_SELECT : UI_R_PLAIN);
	int x = 1;
	ui_fill(y, 0, COLS, base);
	ui_put_cut(ui, y, x, c->code, base, r->code);
	x += c->code + 1;
	if (c->clinician) {
		ui_put_cut(ui, y, x, c->clinician - 1, base, r->clinician);
		x += c->clinician;
	}
	ui_putf(y, x, c->sessions, base, "%4d", r->nsessions);
	x += c->sessions + 2;
	char date[AL_DATE_LEN + 1] = "-";
	if (r->last_date != INT32_MIN)
		format_date(r->last_date, date);
	ui_put(y, x, c->date, base, date);
	x += c->date + 1;
	draw_values(y, x, r, cl->ncore, base);
	x += c->values + 1;
	enum al_state s = r->standing.state;
	attr_t sa = ui_attr(ui, ui_state_role((int)s)) | (sel ? A_REVERSE : 0);
	ui_putf(y, x, c->status, sa, "%s %s", ui_state_glyph(ui, (int)s), state_name(s));
	x += c->status + 1;
	if (!c->per_dim)
		draw_spark(ui, y, x, r->spark[0], r->nspark, base);
	for (int d = 0; c->per_dim && d < cl->ncore; d++)
		draw_spark(ui, y, x + d * (SPARK_N + 1), r->spark[d + 1], r->nspark,
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
	for (int d = 0; d < cl->ncore; d++)
		ui_putf(1, x + 5 * d, 5, a, "%4.4s", ui->dims.dim[cl->core[d]].label);
	x += c->values + 1;
	ui_put(1, x, c->status, a, "Status");
	x += c->status + 1;
	if (!c->per_dim)
		ui_putf(1, x, COLS - x, a, "Mean, last %d", SPARK_N);
	for (int d = 0; c->per_dim && d < cl->ncore; d++)
		ui_put_cut(ui, 1, x + d * (SPARK_N + 1), SPARK_N, a,
		           ui->dims.dim[cl->core[d]].label);
}

static void draw_title(const struct ui *ui, const struct caseload *cl, struct ui_frame *f)
{
	int x = ui_putf(0, 1, COLS - 2, ui_attr(ui, UI_R_TITLE), "%s of %s",
	                ui->supervisor ? "Supervisees' clients" : "Caseload", ui->user);
	if (cl->filter.len) /* as the board does: what the filter leaves of how many */
		x += ui_putf(0, 1 + x, COLS - 2 - x, ui_attr(ui, UI_R_FAINT), "  %zu of %zu client%s",
		             cl->nshown, cl->n, cl->n == 1 ? "" : "s");
	else
		x += ui_putf(0, 1 + x, COLS - 2 - x, ui_attr(ui, UI_R_FAINT), "  %zu client%s", cl->n,
		             cl->n == 1 ? "" : "s");
	if (!cl->filtering && !cl->filter.len)
		return;
	int fx = COLS - 30;
	ui_put(0, fx, 8, ui_attr(ui, UI_R_PLAIN), "Filter ");
	ui_text_draw(&cl->filter, 0, fx + 7, 20, 1,
	             ui_attr(ui, cl->filtering ? UI_R_FOCUS : UI_R_FIELD), cl->filtering, f);
}

static void caseload_draw(const struct ui *ui, const void *st, struct ui_frame *f)
{
	const struct caseload *cl = st;
	struct cols c = columns(ui, cl);
	draw_title(ui, cl, f);
	draw_heads(ui, cl, &c);
	int rows = list_rows();
	if (cl->nshown == 0) {
		ui_put(3, 2, COLS - 4, ui_attr(ui, UI_R_FAINT),
		       cl->n ? "No client code matches the filter."
		             : "No clients yet: a adds one.");
		return;
	}
	size_t top = cl->sel >= (size_t)rows ? cl->sel - (size_t)rows + 1 : 0;
	for (int i = 0; i < rows && top + (size_t)i < cl->nshown; i++)
		draw_row(ui, cl, &c, 2 + i, &cl->rows[cl->shown[top + (size_t)i]],
		         top + (size_t)i == cl->sel);
	/* right under the list, a row apart: at the bottom when the list fills */
	size_t listed = cl->nshown - top < (size_t)rows ? cl->nshown - top : (size_t)rows;
	const struct row *r = selected(cl);
	if (2 + rows < f->rows)
		ui_draw_why(ui, 3 + (int)listed, UI_WHY_ROWS, r->code, (int)r->standing.state,
		            r->flag);
}

static void caseload_leave(struct ui *ui, void *st)
{
	struct caseload *cl = st;
	(void)ui;
	free(cl->rows);
	free(cl->shown);
	ui_text_free(&cl->filter);
}

static enum al_status caseload_enter(struct ui *ui, void *st, const void *args)
{
	struct caseload *cl = st;
	(void)args;
	if (!ui_text_init(&cl->filter, AL_KEY_MAX, false))
		return al_fail(ui->err, AL_EIO, "out of memory");
	return load(ui, cl, 0);
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
    .draw = caseload_draw,
    .typing = caseload_typing,
    .leave = caseload_leave,
};
