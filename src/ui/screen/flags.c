/* The flags of one session (f on the client screen): the evidence the
 * episodes are built from, each rule explained in plain words, with the
 * episode that holds it and the acknowledgements of flags no episode holds.
 * It covers the screen and scrolls; Esc closes it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "alliance/core/analysis.h"
#include "alliance/core/chart_marks.h"
#include "alliance/db/ack.h"
#include "alliance/db/client.h"
#include "alliance/db/session.h"
#include "alliance/core/parse.h"
#include "alliance/core/summary.h"
#include "../core/ui.h"
#include "../screens.h"
#include "../widget/list.h"

#define FLAG_PAGE 3 /* flags a PgUp/PgDn scrolls by */
#define FLAG_X 18   /* where explanations start, after the mark and rule */
#define TOP 3       /* the first row of the list, under the title and its words */

struct flags_view {
	char code[AL_KEY_MAX + 1];
	int64_t session_id;
	struct al_client client;
	struct db_course course;
	bool loaded;
	struct al_analysis an;
	struct db_acks acks; /* of single flags (those no episode holds) */
	size_t sel;          /* the session's index, SIZE_MAX when it is gone */
	size_t *listed;      /* the session's flags: indices into an.flags */
	struct ui_list list;
};

static const struct al_course *course(const struct flags_view *v)
{
	return &v->course.course;
}

static int flag_page(const void *ctx)
{
	(void)ctx;
	return FLAG_PAGE;
}

static enum al_status list_flags(struct ui *ui, struct flags_view *v)
{
	size_t n = 0, keep = v->list.sel;
	size_t *listed = realloc(v->listed, (v->an.nflags + 1) * sizeof *listed);
	if (!listed)
		return al_fail(ui->err, AL_EIO, "out of memory");
	v->listed = listed;
	v->sel = SIZE_MAX;
	for (size_t i = 0; i < course(v)->n; i++)
		if (course(v)->sessions[i].id == v->session_id)
			v->sel = i;
	for (size_t k = 0; k < v->an.nflags; k++)
		if (v->an.flags[k].session == v->sel)
			v->listed[n++] = k;
	if (!ui_list_set(&v->list, n, keep < n ? keep : 0))
		return al_fail(ui->err, AL_EIO, "out of memory");
	return AL_OK;
}

static enum al_status load_course(struct ui *ui, struct flags_view *v)
{
	if (v->loaded)
		db_course_free(&v->course);
	db_acks_free(&v->acks);
	v->loaded = false;
	enum al_status rc = db_course_load(ui->db, &ui->dims, v->client.id, &v->course, ui->err);
	if (rc)
		return rc;
	v->loaded = true;
	if ((rc = db_acks_load(ui->db, &ui->dims, v->client.id, &v->acks, ui->err)))
		return rc;
	if (!analysis_run(&v->an, course(v), &ui->settings, v->client.archived))
		return al_fail(ui->err, AL_EIO, "out of memory");
	return list_flags(ui, v);
}

static enum al_status load(struct ui *ui, struct flags_view *v)
{
	struct access_who who = ui_who(ui, "flags");
	enum al_status rc = access_client(ui->db, &who, v->code, ACCESS_READ, &v->client, ui->err);
	if (rc || (rc = db_begin_read(ui->db, ui->err)))
		return rc;
	rc = load_course(ui, v);
	db_end_read(ui->db);
	return rc;
}

static enum al_status flags_reload(struct ui *ui, void *st)
{
	return load(ui, st);
}

/* ---- keys ---- */

static enum ui_action fv_close(struct ui *ui, void *st)
{
	(void)ui;
	(void)st;
	return UI_BACK;
}

static const struct ui_key flags_keys[] = {
    UI_LIST_MOVE_KEYS(struct flags_view, list, "scroll", "flag"),
    UI_KEY_OUT(fv_close, UI_ESC, 'q', "Esc/q", "Esc/q", "close",
               "close the flags, back to the client"),
    UI_KEY(fv_close, 'f', 0, "f", "f", NULL, "close the flags too"),
};

/* ---- drawing ---- */

static const char *flag_glyph(const struct ui *ui, const struct al_flag *f)
{
	switch (chart_mark_of(f)) {
	case CHART_FLAG_RED:
		return "!";
	case CHART_FLAG_AMBER:
		return "^";
	case CHART_FLAG_REPAIRED:
		return ui->ascii ? "+" : "\u2713";
	default:
		return "?";
	}
}

static enum ui_role flag_role(const struct al_flag *f)
{
	switch (chart_mark_of(f)) {
	case CHART_FLAG_RED:
		return UI_R_RUPTURE;
	case CHART_FLAG_AMBER:
		return UI_R_WATCH;
	case CHART_FLAG_REPAIRED:
		return UI_R_REPAIRED;
	default:
		return UI_R_INFO;
	}
}

/* The acknowledgements of flag f under it; returns the rows used (with
 * paint false, the rows it would use). */
static int draw_acks(const struct ui *ui, const struct flags_view *v, const struct al_flag *f,
                     int y, int end, bool paint)
{
	char text[AL_ACK_COMMENT_CHARS * 4 + 2 * AL_KEY_MAX + 40];
	int64_t session = course(v)->sessions[f->session].id;
	int rows = 0;
	for (size_t k = db_acks_next(&v->acks, session, f->dim, f->rule, 0);
	     k < v->acks.n && y + rows < end;
	     k = db_acks_next(&v->acks, session, f->dim, f->rule, k + 1)) {
		const struct al_ack *a = &v->acks.a[k];
		snprintf(text, sizeof text, "%s %s %s: %s", ui->ascii ? "+" : "\u2713", a->user,
		         a->date, a->comment);
		rows += paint ? ui_put_wrapped(y + rows, FLAG_X, COLS - 1 - FLAG_X, end - y - rows,
		                               ui_attr(ui, UI_R_NOTICE), text)
		              : ui_flow_rows(FLAG_X, FLAG_X, COLS - 1, text);
	}
	return rows;
}

/* Under the rule: its repair status, and the episode that holds it. */
static int left_rows(const struct flags_view *v, size_t k)
{
	return 1 + (*repair_name(v->an.flags[k].repair) != '\0') + (v->an.held[k] != SIZE_MAX);
}

static int flag_rows(const struct ui *ui, const struct flags_view *v, size_t k)
{
	char text[AL_EXPLAIN_MAX];
	const struct al_flag *f = &v->an.flags[k];
	flag_explain(course(v), &ui->settings, f, text, sizeof text);
	int rows = ui_flow_rows(FLAG_X, FLAG_X, COLS - 1, text);
	if (rows < left_rows(v, k))
		rows = left_rows(v, k);
	return rows + draw_acks(ui, v, f, 0, INT32_MAX, false);
}

static int draw_flag(const struct ui *ui, const struct flags_view *v, size_t k, int y, int end)
{
	char text[AL_EXPLAIN_MAX];
	const struct al_flag *f = &v->an.flags[k];
	attr_t a = ui_attr(ui, flag_role(f));
	ui_putf(y, 1, FLAG_X - 2, a, "%s %s", flag_glyph(ui, f), rule_name(f->rule));
	flag_explain(course(v), &ui->settings, f, text, sizeof text);
	int rows =
	    ui_put_wrapped(y, FLAG_X, COLS - 1 - FLAG_X, end - y, ui_attr(ui, UI_R_PLAIN), text);
	int left = 1;
	if (*repair_name(f->repair) && y + left < end)
		ui_put(y + left++, 3, FLAG_X - 4, a, repair_name(f->repair));
	if (v->an.held[k] != SIZE_MAX && y + left < end)
		ui_putf(y + left++, 3, FLAG_X - 4, ui_attr(ui, UI_R_FAINT), "episode %d",
		        course(v)->sessions[v->an.eps[v->an.held[k]].opened].seq);
	rows = rows < left ? left : rows;
	return rows + draw_acks(ui, v, f, y + rows, end, true);
}

static void draw_title(const struct ui *ui, const struct flags_view *v)
{
	const struct al_session *s = &course(v)->sessions[v->sel];
	char date[AL_DATE_LEN + 1];
	format_date(s->date, date);
	ui_putf(0, 1, COLS - 2, ui_attr(ui, UI_R_TITLE), "Flags of %s at session %d of %zu, %s",
	        v->code, s->seq, course(v)->n, date);
	ui_put_wrapped(1, 1, COLS - 2, 1, ui_attr(ui, UI_R_FAINT),
	               "The evidence episodes are built from: each rule, in plain words.");
}

/* The flags from the view's first, as many as fit (the last one may be
 * cut); when some do not, the last row says how many more. */
static void flags_draw(const struct ui *ui, const void *st, struct ui_frame *f)
{
	const struct flags_view *v = st;
	const struct ui_list *l = &v->list;
	int y = TOP, end = f->rows, need = 0;
	if (v->sel == SIZE_MAX) {
		ui_put(0, 1, COLS - 2, ui_attr(ui, UI_R_FAINT),
		       "This session is gone (changed in another window): Esc goes back.");
		return;
	}
	draw_title(ui, v);
	if (l->nshown == 0) {
		ui_put(y, 1, COLS - 2, ui_attr(ui, UI_R_FAINT),
		       "No flags at this session: nothing in its ratings asked for attention.");
		return;
	}
	size_t first = ui_list_first(l, end - y), i;
	for (i = first; i < l->nshown && y + need <= end; i++)
		need += flag_rows(ui, v, v->listed[ui_list_row(l, i)]);
	int stop = y + need <= end ? end : end - 1; /* all fit, or a row for "+N more" */
	for (i = first; i < l->nshown && y < stop; i++)
		y += draw_flag(ui, v, v->listed[ui_list_row(l, i)], y, stop);
	ui_list_draw_more(ui, end - 1, COLS - 1, l->nshown - i, ui_attr(ui, UI_R_FAINT));
}

static void flags_leave(struct ui *ui, void *st)
{
	struct flags_view *v = st;
	(void)ui;
	if (v->loaded)
		db_course_free(&v->course);
	analysis_free(&v->an);
	db_acks_free(&v->acks);
	free(v->listed);
	ui_list_free(&v->list);
}

static enum al_status flags_enter(struct ui *ui, void *st, const void *args)
{
	struct flags_view *v = st;
	const struct ui_client_args *a = args;
	if (!ui_list_init(&v->list, NULL, flag_page, v))
		return al_fail(ui->err, AL_EIO, "out of memory");
	v->list.scroll = true; /* the flags scroll: none is selected */
	snprintf(v->code, sizeof v->code, "%s", a->code);
	v->session_id = a->session_id;
	return load(ui, v);
}

const struct ui_screen flags_screen = {
    .title = "Flags of a session",
    .size = sizeof(struct flags_view),
    .keys = flags_keys,
    .nkeys = UI_NKEYS(flags_keys),
    .enter = flags_enter,
    .reload = flags_reload,
    .draw = flags_draw,
    .leave = flags_leave,
};
