/* One client's trend: header, the chart, the selected session's ratings and
 * note, and its flags explained in plain words. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/chart_marks.h"
#include "alliance/db_ack.h"
#include "alliance/db_client.h"
#include "alliance/db_session.h"
#include "alliance/flags.h"
#include "alliance/parse.h"
#include "alliance/summary.h"
#include "alliance/text.h"
#include "../core/ui.h"
#include "../screens.h"
#include "../widget/chart.h"
#include "../widget/list.h"

#define NOTE_BYTES (AL_NOTE_MAX * 4 + 1)
#define FLAG_PAGE 3 /* flags a PgUp/PgDn scrolls by */

struct client {
	char code[AL_KEY_MAX + 1];
	struct al_client client;
	struct db_course course;
	bool loaded;
	struct al_flags flags;
	enum chart_flag *marks;
	struct al_standing standing;
	int sel;               /* session index, -1 when there is none */
	int dim;               /* CHART_ALL_DIMS or the one dimension shown */
	struct al_course core; /* the course with its core dimensions only */
	bool clinician;
	char *note;
	struct db_acks acks; /* supervisors' comments, shown under their flags */
	/* The flags listed under the session: the one behind the status first,
	 * then the selected session's others (indices into flags). */
	size_t *listed;
	struct ui_list list;
};

static const struct al_course *course(const struct client *cs)
{
	return &cs->course.course;
}

/* The list under the session: from its first flag (home), or where it was
 * (the same session read again). */
static enum al_status list_flags(struct ui *ui, struct client *cs, bool home)
{
	size_t keep = home ? 0 : cs->list.sel;
	size_t why = cs->standing.newest_flag, n = 0;
	if (why != SIZE_MAX)
		cs->listed[n++] = why;
	for (size_t i = 0; i < cs->flags.n; i++)
		if ((int)cs->flags.v[i].session == cs->sel && i != why)
			cs->listed[n++] = i;
	if (!ui_list_set(&cs->list, n, keep < n ? keep : 0))
		return al_fail(ui->err, AL_EIO, "out of memory");
	return AL_OK;
}

static int flag_page(const void *ctx)
{
	(void)ctx;
	return FLAG_PAGE;
}

static enum al_status detect(struct ui *ui, struct client *cs)
{
	size_t n = course(cs)->n + 1;
	enum chart_flag *m = realloc(cs->marks, n * sizeof *m);
	if (m)
		cs->marks = m;
	if (!m || !flags_detect(&cs->flags, course(cs), &ui->settings))
		return al_fail(ui->err, AL_EIO, "out of memory");
	size_t *listed = realloc(cs->listed, (cs->flags.n + 1) * sizeof *listed);
	if (!listed)
		return al_fail(ui->err, AL_EIO, "out of memory");
	cs->listed = listed;
	chart_marks(course(cs), cs->flags.v, cs->flags.n, cs->marks);
	standing_compute(course(cs), cs->flags.v, cs->flags.n, &cs->standing);
	return AL_OK;
}

/* The selected session's note as it is shown: controls, bidirectional and
 * zero-width characters escaped ("<U+202E>"), as in every output of a note
 * (only its first rows are shown, so a cut escaped note loses nothing). */
static enum al_status load_note(struct ui *ui, struct client *cs)
{
	cs->note[0] = '\0';
	if (cs->sel < 0 || !cs->course.has_note[cs->sel])
		return AL_OK;
	char *raw = malloc(NOTE_BYTES);
	if (!raw)
		return al_fail(ui->err, AL_EIO, "out of memory");
	enum al_status st =
	    db_note_get(ui->db, course(cs)->sessions[cs->sel].id, raw, NOTE_BYTES, ui->err);
	if (!st)
		text_escape(raw, true, cs->note, NOTE_BYTES);
	explicit_bzero(raw, NOTE_BYTES);
	free(raw);
	return st;
}

static int index_of(const struct client *cs, int64_t session_id)
{
	for (size_t i = 0; i < course(cs)->n; i++)
		if (course(cs)->sessions[i].id == session_id)
			return (int)i;
	return (int)course(cs)->n - 1;
}

/* The course, its flags and the selected session's note, from one snapshot. */
static enum al_status load_course(struct ui *ui, struct client *cs, int64_t keep)
{
	int64_t was = cs->loaded && cs->sel >= 0 ? course(cs)->sessions[cs->sel].id : 0;
	if (cs->loaded)
		db_course_free(&cs->course);
	cs->loaded = false;
	enum al_status rc = db_course_load(ui->db, &ui->dims, cs->client.id, &cs->course, ui->err);
	if (rc)
		return rc;
	cs->loaded = true;
	/* "all" on the chart means the core dimensions, which come first */
	cs->core = chart_core_course(course(cs));
	if (cs->dim != CHART_ALL_DIMS && (size_t)cs->dim >= ui->dims.n)
		cs->dim = CHART_ALL_DIMS;
	cs->sel = index_of(cs, keep);
	db_acks_free(&cs->acks);
	bool same = cs->sel >= 0 && course(cs)->sessions[cs->sel].id == was;
	if ((rc = detect(ui, cs)) || (rc = list_flags(ui, cs, !same)) ||
	    (rc = db_acks_load(ui->db, &ui->dims, cs->client.id, &cs->acks, ui->err)))
		return rc;
	return load_note(ui, cs);
}

/* Reads the client again, keeping the selection on session keep (0: the
 * one selected now, or the last). */
static enum al_status load(struct ui *ui, struct client *cs, int64_t keep)
{
	if (!keep && cs->loaded && cs->sel >= 0)
		keep = course(cs)->sessions[cs->sel].id;
	struct access_who who = ui_who(ui, "client");
	enum al_status rc =
	    access_client(ui->db, &who, cs->code, ACCESS_READ, &cs->client, ui->err);
	if (rc || (rc = db_begin_read(ui->db, ui->err)))
		return rc;
	rc = load_course(ui, cs, keep);
	db_end_read(ui->db);
	return rc;
}

static enum al_status client_reload(struct ui *ui, void *st)
{
	return load(ui, st, 0);
}

/* After the entry form: the session it saved is selected. */
static enum al_status client_resume(struct ui *ui, void *st, const struct ui_result *r)
{
	return load(ui, st, r->session_id);
}

/* ---- keys ---- */

static enum ui_action select_session(struct ui *ui, struct client *cs, int to)
{
	int last = (int)course(cs)->n - 1;
	cs->sel = to < 0 ? (last < 0 ? -1 : 0) : to > last ? last : to;
	if (load_note(ui, cs) || list_flags(ui, cs, true))
		ui_say_err(ui);
	return UI_DONE;
}

static enum ui_action cs_prev(struct ui *ui, void *st)
{
	struct client *cs = st;
	return select_session(ui, cs, cs->sel - 1);
}

static enum ui_action cs_next(struct ui *ui, void *st)
{
	struct client *cs = st;
	return select_session(ui, cs, cs->sel + 1);
}

static enum ui_action cs_first(struct ui *ui, void *st)
{
	return select_session(ui, st, 0);
}

static enum ui_action cs_last(struct ui *ui, void *st)
{
	return select_session(ui, st, (int)course(st)->n - 1);
}

static enum ui_action cs_dim(struct ui *ui, void *st)
{
	struct client *cs = st;
	cs->dim = cs->dim + 1 >= (int)ui->dims.n ? CHART_ALL_DIMS : cs->dim + 1;
	return UI_DONE;
}

static enum ui_action cs_clinician(struct ui *ui, void *st)
{
	(void)ui;
	struct client *cs = st;
	cs->clinician = !cs->clinician;
	return UI_DONE;
}

static enum ui_action cs_new(struct ui *ui, void *st)
{
	ui_open(ui, UI_ENTRY, &(struct ui_client_args){((struct client *)st)->code, 0});
	return UI_DONE;
}

static enum ui_action cs_turn(struct ui *ui, void *st)
{
	ui_open(ui, UI_CLIENT_MODE, &(struct ui_client_args){((struct client *)st)->code, 0});
	return UI_DONE;
}

static enum ui_action cs_edit(struct ui *ui, void *st)
{
	struct client *cs = st;
	if (cs->sel < 0) {
		ui_say(ui, true, "no session to edit: n records one");
		return UI_DONE;
	}
	ui_open(ui, UI_ENTRY, &(struct ui_client_args){cs->code, course(cs)->sessions[cs->sel].id});
	return UI_DONE;
}

static enum ui_action cs_ack(struct ui *ui, void *st)
{
	struct client *cs = st;
	if (cs->sel < 0) {
		ui_say(ui, true, "acknowledge: no session selected");
		return UI_DONE;
	}
	ui_open(ui, UI_ACK_FORM,
	        &(struct ui_client_args){cs->code, course(cs)->sessions[cs->sel].id});
	return UI_DONE;
}

static enum ui_action cs_back(struct ui *ui, void *st)
{
	(void)ui;
	(void)st;
	return UI_BACK;
}

/* A supervisor reads and acknowledges: no n, no e (SPEC §3). */
static const struct ui_key client_keys[] = {
    UI_KEY(cs_prev, UI_FN(KEY_LEFT), 'h', "\u2190/h", "Left/h", "session", "previous session"),
    UI_KEY(cs_next, UI_FN(KEY_RIGHT), 'l', "\u2192/l", "Right/l", "session", "next session"),
    UI_KEY(cs_first, UI_FN(KEY_HOME), 0, "Home", "Home", NULL, "first session"),
    UI_KEY(cs_last, UI_FN(KEY_END), 0, "End", "End", NULL, "last session"),
    UI_LIST_SCROLL_KEYS(struct client, list, NULL, "flag"),
    UI_KEY(cs_dim, UI_TAB, 0, "Tab", "Tab", "dims", "all dimensions, or one at a time"),
    UI_KEY(cs_clinician, 'c', 0, "c", "c", "clinician", "show or hide the clinician's ratings"),
    UI_KEY_FOR(UI_CLINICIAN, cs_new, 'n', 0, "n", "n", "new", "new session"),
    UI_KEY_FOR(UI_CLINICIAN, cs_turn, 't', 0, "t", "t", NULL,
               "turn the screen to the client: they answer, your PIN brings it back"),
    UI_KEY_FOR(UI_CLINICIAN, cs_edit, 'e', 0, "e", "e", "edit", "edit the selected session"),
    UI_KEY_FOR(UI_SUPERVISOR, cs_ack, 'a', 0, "a", "a", "acknowledge",
               "acknowledge a flag of the selected session with a comment"),
    UI_KEY_OUT(cs_back, 'q', UI_ESC, "q/Esc", "q/Esc", "back",
               "back to the list (the caseload or the board)"),
};

/* ---- drawing ---- */

static void draw_header(const struct ui *ui, const struct client *cs)
{
	const struct al_client *c = &cs->client;
	enum al_state s = cs->standing.state;
	int x = 1 + ui_put(0, 1, AL_KEY_MAX, ui_attr(ui, UI_R_TITLE), c->code);
	x += 2 + ui_putf(0, x + 2, COLS - x - 2, ui_attr(ui, ui_state_role((int)s)), "%s %s",
	                 ui_state_glyph(ui, (int)s), state_name(s));
	x += 2 + ui_putf(0, x + 2, COLS - x - 2, ui_attr(ui, UI_R_PLAIN), "%zu session%s",
	                 course(cs)->n, course(cs)->n == 1 ? "" : "s");
	ui_putf(0, x + 2, COLS - x - 3, ui_attr(ui, UI_R_FAINT), "clinician %s  %s", c->clinician,
	        c->modality[0] ? c->modality : "modality not set");
	ui_put(1, 1, 6, ui_attr(ui, UI_R_FAINT), "Goal: ");
	ui_put_cut(ui, 1, 7, COLS - 8, ui_attr(ui, UI_R_PLAIN), c->goal[0] ? c->goal : "not set");
}

static void draw_chart(const struct ui *ui, const struct client *cs, int y, int h)
{
	struct chart_opts o;
	chart_opts_default(&o);
	o.dim = cs->dim;
	o.clinician = cs->clinician;
	o.selected = cs->sel < 0 ? CHART_NO_SESSION : cs->sel;
	o.ascii = ui->ascii;
	o.cutoff = ui->settings.cutoff;
	int w = COLS - 2 < CHART_MAX_WIDTH ? COLS - 2 : CHART_MAX_WIDTH;
	struct chart_cell *cells = malloc((size_t)w * (size_t)h * sizeof *cells);
	struct chart c;
	const struct al_course *shown = cs->dim == CHART_ALL_DIMS ? &cs->core : course(cs);
	if (cells && chart_layout(&c, cells, w, h, shown, cs->marks, &o))
		ui_chart_paint(ui, &c, y, 1);
	free(cells);
}

/* "Trust 9.0  Collaboration 8.5 ..." of one rater; false when none rated. */
static bool ratings_text(const struct ui *ui, const struct al_session *s, enum al_rater r,
                         char *buf, size_t cap)
{
	size_t at = 0;
	bool any = false;
	buf[0] = '\0';
	for (size_t d = 0; d < ui->dims.n && at < cap; d++) {
		char v[8] = "-";
		if (s->rating[r][d] != AL_MISSING) {
			format_tenths(s->rating[r][d], v);
			any = true;
		}
		at += (size_t)snprintf(buf + at, cap - at, "%s%s %s", d ? "  " : "",
		                       ui->dims.dim[d].label, v);
	}
	return any;
}

static int draw_session(const struct ui *ui, const struct client *cs, int y)
{
	const struct al_session *s = &course(cs)->sessions[cs->sel];
	char date[AL_DATE_LEN + 1], buf[512];
	format_date(s->date, date);
	int x = 1 + ui_putf(y, 1, COLS - 2, ui_attr(ui, UI_R_TITLE), "Session %d of %zu, %s",
	                    s->seq, course(cs)->n, date);
	if (s->rupture != AL_RUPTURE_NONE)
		x += ui_putf(y, x, COLS - 1 - x, ui_attr(ui, UI_R_RUPTURE), "  rupture: %s",
		             rupture_name(s->rupture));
	if (cs->course.context[cs->sel][0])
		ui_put_cut(ui, y, x + 2, COLS - 3 - x, ui_attr(ui, UI_R_PLAIN),
		           cs->course.context[cs->sel]);
	int rows = 1;
	for (int r = 0; r < AL_RATER_COUNT; r++)
		if (ratings_text(ui, s, (enum al_rater)r, buf, sizeof buf) ||
		    r == AL_RATER_CLIENT) {
			ui_put(y + rows, 1, 10, ui_attr(ui, UI_R_FAINT),
			       r == AL_RATER_CLIENT ? "client" : "clinician");
			ui_put_cut(ui, y + rows++, 11, COLS - 12, ui_attr(ui, UI_R_PLAIN), buf);
		}
	ui_put(y + rows, 1, 10, ui_attr(ui, UI_R_FAINT), "note");
	if (cs->note[0])
		rows +=
		    ui_put_wrapped(y + rows, 11, COLS - 12, 2, ui_attr(ui, UI_R_PLAIN), cs->note);
	else
		ui_put(y + rows++, 11, COLS - 12, ui_attr(ui, UI_R_FAINT), "none");
	return rows;
}

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

#define FLAG_X 18 /* where explanations start, after the mark and rule */

static void ack_text(const struct ui *ui, const struct al_ack *a, char *text, size_t cap)
{
	snprintf(text, cap, "%s %s %s: %s", ui->ascii ? "+" : "\u2713", a->user, a->date,
	         a->comment);
}

/* The acknowledgements of flag f under it; returns the rows used (with
 * paint false, the rows it would use). */
static int draw_acks(const struct ui *ui, const struct client *cs, const struct al_flag *f, int y,
                     int end, bool paint)
{
	char text[AL_ACK_COMMENT_CHARS * 4 + 2 * AL_KEY_MAX + 40];
	int64_t session = course(cs)->sessions[f->session].id;
	int rows = 0;
	for (size_t k = db_acks_next(&cs->acks, session, f->dim, f->rule, 0);
	     k < cs->acks.n && y + rows < end;
	     k = db_acks_next(&cs->acks, session, f->dim, f->rule, k + 1)) {
		ack_text(ui, &cs->acks.a[k], text, sizeof text);
		rows += paint ? ui_put_wrapped(y + rows, FLAG_X, COLS - 1 - FLAG_X, end - y - rows,
		                               ui_attr(ui, UI_R_NOTICE), text)
		              : ui_flow_rows(FLAG_X, FLAG_X, COLS - 1, text);
	}
	return rows;
}

/* The words beside a flag; why says that it is the flag behind the
 * client's status. */
static void flag_text(const struct ui *ui, const struct client *cs, const struct al_flag *f,
                      bool why, char *text, size_t cap)
{
	int at = 0;
	if (why)
		at = snprintf(text, cap, "Why %s (session %d): ", state_name(cs->standing.state),
		              course(cs)->sessions[f->session].seq);
	flag_explain(course(cs), &ui->settings, f, text + at, cap - (size_t)at);
}

/* The rows draw_flag takes for f with room enough. */
static int flag_rows(const struct ui *ui, const struct client *cs, const struct al_flag *f,
                     bool why)
{
	char text[AL_EXPLAIN_MAX + 64];
	flag_text(ui, cs, f, why, text, sizeof text);
	int rows = ui_flow_rows(FLAG_X, FLAG_X, COLS - 1, text);
	if (*repair_name(f->repair) && rows < 2)
		rows = 2;
	return rows + draw_acks(ui, cs, f, 0, INT32_MAX, false);
}

/* One flag: its mark and rule (its repair status under them), then its
 * explanation and acknowledgements. */
static int draw_flag(const struct ui *ui, const struct client *cs, const struct al_flag *f, int y,
                     int end, bool why)
{
	char text[AL_EXPLAIN_MAX + 64];
	const char *status = repair_name(f->repair);
	attr_t a = ui_attr(ui, flag_role(f));
	ui_putf(y, 1, FLAG_X - 2, a, "%s %s", flag_glyph(ui, f), rule_name(f->rule));
	flag_text(ui, cs, f, why, text, sizeof text);
	int rows =
	    ui_put_wrapped(y, FLAG_X, COLS - 1 - FLAG_X, end - y, ui_attr(ui, UI_R_PLAIN), text);
	if (*status && y + 1 < end) {
		ui_put(y + 1, 3, 14, a, status);
		rows = rows < 2 ? 2 : rows;
	}
	return rows + draw_acks(ui, cs, f, y + rows, end, true);
}

/* The listed flags from the view's first, as many as fit (the last one
 * may be cut); when some do not, the last row says how many more. */
static void draw_flags(const struct ui *ui, const struct client *cs, int y, int end)
{
	const struct ui_list *l = &cs->list;
	size_t why = cs->standing.newest_flag, first = ui_list_first(l, end - y), i;
	int need = 0;
	for (i = first; i < l->nshown && y + need <= end; i++) {
		size_t k = cs->listed[ui_list_row(l, i)];
		need += flag_rows(ui, cs, &cs->flags.v[k], k == why);
	}
	int stop = y + need <= end ? end : end - 1; /* all fit, or a row for "+N more" */
	for (i = first; i < l->nshown && y < stop; i++) {
		size_t k = cs->listed[ui_list_row(l, i)];
		y += draw_flag(ui, cs, &cs->flags.v[k], y, stop, k == why);
	}
	ui_list_draw_more(ui, end - 1, COLS - 1, l->nshown - i, ui_attr(ui, UI_R_FAINT));
	bool any = false; /* at the selected session */
	for (size_t n = 0; n < l->nshown; n++)
		any = any || (int)cs->flags.v[cs->listed[n]].session == cs->sel;
	if (!any && y < end)
		ui_put(y, 1, COLS - 2, ui_attr(ui, UI_R_FAINT), "No flags at this session.");
}

static void client_draw(const struct ui *ui, const void *st, struct ui_frame *f)
{
	const struct client *cs = st;
	(void)f;
	draw_header(ui, cs);
	int h = f->rows - 2 - 10; /* room below for the session and a few flags */
	h = chart_fit_height(h < CHART_MIN_HEIGHT ? CHART_MIN_HEIGHT : h);
	if (cs->sel < 0) {
		ui_put(3, 1, COLS - 2, ui_attr(ui, UI_R_FAINT), "No sessions yet: n records one.");
		return;
	}
	draw_chart(ui, cs, 2, h);
	int y = 2 + h;
	y += draw_session(ui, cs, y);
	draw_flags(ui, cs, y, f->rows);
}

static void client_leave(struct ui *ui, void *st)
{
	struct client *cs = st;
	(void)ui;
	if (cs->loaded)
		db_course_free(&cs->course);
	flags_free(&cs->flags);
	free(cs->marks);
	free(cs->listed);
	ui_list_free(&cs->list);
	free(cs->note);
	db_acks_free(&cs->acks);
}

static enum al_status client_enter(struct ui *ui, void *st, const void *args)
{
	struct client *cs = st;
	const struct ui_client_args *a = args;
	if (!(cs->note = malloc(NOTE_BYTES)) || !ui_list_init(&cs->list, NULL, flag_page, cs))
		return al_fail(ui->err, AL_EIO, "out of memory");
	cs->list.scroll = true; /* the flags scroll: none is selected */
	snprintf(cs->code, sizeof cs->code, "%s", a->code);
	cs->dim = CHART_ALL_DIMS;
	cs->sel = -1;
	return load(ui, cs, a->session_id);
}

const struct ui_screen client_screen = {
    .title = "Client",
    .title_supervisor = "Client (supervision)",
    .size = sizeof(struct client),
    .keys = client_keys,
    .nkeys = UI_NKEYS(client_keys),
    .enter = client_enter,
    .reload = client_reload,
    .resume = client_resume,
    .draw = client_draw,
    .leave = client_leave,
};
