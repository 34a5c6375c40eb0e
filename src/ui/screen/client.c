/* One client's trend: header, the chart with its episodes marked, the
 * selected session's ratings and note, and the client's episodes with
 * their stories (client_episodes.c); f shows the session's flags. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/chart_marks.h"
#include "alliance/db/repair.h"
#include "alliance/core/parse.h"
#include "alliance/core/summary.h"
#include "alliance/core/text.h"
#include "../screens.h"
#include "../widget/chart.h"
#include "client_state.h"

#define NOTE_BYTES (AL_NOTE_MAX * 4 + 1)

static const struct al_course *course(const struct client *cs)
{
	return &cs->course.course;
}

/* The session where the selected episode opened (0: none), to find it
 * again after a reload. */
static int64_t episode_selected(const struct client *cs)
{
	size_t row = ui_list_selected(&cs->list);
	if (!cs->loaded || row >= cs->an.neps)
		return 0;
	return course(cs)->sessions[cs->an.eps[client_episode_of_row(cs, row)].opened].id;
}

/* The list of episodes, newest first, on the one that opened at session
 * keep, else on the one behind the status. */
static enum al_status list_episodes(struct ui *ui, struct client *cs, int64_t keep)
{
	size_t n = cs->an.neps, row = cs->standing.episode < n ? n - 1 - cs->standing.episode : 0;
	for (size_t k = 0; k < n && keep; k++)
		if (course(cs)->sessions[cs->an.eps[k].opened].id == keep)
			row = n - 1 - k;
	if (!ui_list_set(&cs->list, n, row))
		return al_fail(ui->err, AL_EIO, "out of memory");
	return AL_OK;
}

static void *grow(void *p, size_t n, size_t size)
{
	return realloc(p, (n ? n : 1) * size);
}

/* Episode k's story as `episodes` tells it: what was tried at its end. */
static void tell(const struct ui *ui, struct client *cs, size_t k)
{
	const struct al_episode *e = &cs->an.eps[k];
	char *s = cs->story[k];
	episode_story(course(cs), &ui->settings, e, ui->supervisor ? cs->client.clinician : NULL, s,
	              AL_STORY_MAX);
	size_t len = strlen(s);
	if (len + 2 < AL_STORY_MAX) {
		s[len] = ' ';
		repair_tried_text(course(cs), cs->recs, cs->nrecs, e->opened, s + len + 1,
		                  AL_STORY_MAX - len - 1);
		if (!s[len + 1])
			s[len] = '\0';
	}
}

/* The client's repair records, as records of its course. */
static enum al_status load_repairs(struct ui *ui, struct client *cs)
{
	struct db_repairs all = {0};
	enum al_status rc = db_repairs_load(ui->db, cs->client.id, &all, ui->err);
	if (rc)
		return rc;
	size_t n = db_repairs_course(&all, cs->client.id, course(cs), NULL, 0);
	struct al_repair_rec *recs = grow(cs->recs, n, sizeof *recs);
	if (recs) {
		cs->recs = recs;
		cs->nrecs = db_repairs_course(&all, cs->client.id, course(cs), recs, n);
	}
	db_repairs_free(&all);
	return recs ? AL_OK : al_fail(ui->err, AL_EIO, "out of memory");
}

/* Flags, episodes, their stories and what the chart marks. */
static enum al_status analyse(struct ui *ui, struct client *cs)
{
	const struct al_course *c = course(cs);
	if (!analysis_run(&cs->an, c, &ui->settings, cs->client.archived))
		return al_fail(ui->err, AL_EIO, "out of memory");
	enum chart_flag *m = grow(cs->marks, c->n, sizeof *m);
	if (m)
		cs->marks = m;
	char(*story)[AL_STORY_MAX] = grow(cs->story, cs->an.neps, sizeof *story);
	if (story)
		cs->story = story;
	if (!m || !story)
		return al_fail(ui->err, AL_EIO, "out of memory");
	chart_marks(c, cs->an.flags, cs->an.nflags, cs->marks);
	episodes_standing(c, cs->an.flags, cs->an.nflags, cs->an.eps, cs->an.neps, &cs->standing);
	for (size_t k = 0; k < cs->an.neps; k++)
		tell(ui, cs, k);
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
	int64_t episode = episode_selected(cs);
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
	db_episode_acks_free(&cs->acks);
	if ((rc = load_repairs(ui, cs)) || (rc = analyse(ui, cs)) ||
	    (rc = list_episodes(ui, cs, episode)) ||
	    (rc = db_episode_acks_load(ui->db, cs->client.id, &cs->acks, ui->err)))
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
	if (load_note(ui, cs))
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

static enum ui_action cs_flags(struct ui *ui, void *st)
{
	struct client *cs = st;
	if (cs->sel < 0) {
		ui_say(ui, true, "flags: no session yet");
		return UI_DONE;
	}
	ui_open(ui, UI_FLAGS, &(struct ui_client_args){cs->code, course(cs)->sessions[cs->sel].id});
	return UI_DONE;
}

static enum ui_action cs_ack(struct ui *ui, void *st)
{
	struct client *cs = st;
	int64_t opened = episode_selected(cs);
	if (!opened) {
		ui_say(ui, true, "acknowledge: %s has no episode to acknowledge", cs->code);
		return UI_DONE;
	}
	ui_open(ui, UI_ACK_FORM, &(struct ui_client_args){cs->code, opened});
	return UI_DONE;
}

/* r: a repair of the selected episode (named by its opening session). */
static enum ui_action cs_repair(struct ui *ui, void *st)
{
	struct client *cs = st;
	int64_t opened = episode_selected(cs);
	if (!opened) {
		ui_say(ui, true, "repair: %s has no episode to record a repair for", cs->code);
		return UI_DONE;
	}
	ui_open(ui, UI_REPAIR_FORM, &(struct ui_client_args){cs->code, opened});
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
    UI_KEY(cs_first, '<', 0, "<", "<", NULL, "first session"),
    UI_KEY(cs_last, '>', 0, ">", ">", NULL, "last session"),
    UI_LIST_MOVE_KEYS(struct client, list, "episode", "episode (a acts on it)"),
    UI_LIST_FILTER_KEY(struct client, list, NULL,
                       "filter the episodes by kind, status or the words of their story "
                       "(Enter keeps it, Esc clears)"),
    UI_KEY(cs_flags, 'f', 0, "f", "f", "flags",
           "the selected session's flags: the evidence behind the episodes, in plain words"),
    UI_KEY(cs_dim, UI_TAB, 0, "Tab", "Tab", "dims", "all dimensions, or one at a time"),
    UI_KEY(cs_clinician, 'c', 0, "c", "c", "clinician", "show or hide the clinician's ratings"),
    UI_KEY_FOR(UI_CLINICIAN, cs_new, 'n', 0, "n", "n", "new", "new session"),
    UI_KEY_FOR(UI_CLINICIAN, cs_turn, 't', 0, "t", "t", NULL,
               "turn the screen to the client: they answer, your PIN brings it back"),
    UI_KEY_FOR(UI_CLINICIAN, cs_edit, 'e', 0, "e", "e", "edit", "edit the selected session"),
    UI_KEY_FOR(UI_CLINICIAN, cs_repair, 'r', 0, "r", "r", "repair",
               "record a repair of the selected episode (domain, strategies, session, note)"),
    UI_KEY_FOR(UI_SUPERVISOR, cs_ack, 'a', 0, "a", "a", "ack",
               "acknowledge the selected episode with a comment the clinician will see"),
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
	/* the episodes, then the sessions not attended (a gap with a mark of
	 * their own) */
	struct chart_span *spans = malloc((cs->an.neps + shown->n + 1) * sizeof *spans);
	if (spans) {
		o.spans = spans;
		o.nspans = chart_spans(shown, cs->an.eps, cs->an.neps, 0, shown->n, spans);
	}
	if (cells && chart_layout(&c, cells, w, h, shown, cs->marks, &o))
		ui_chart_paint(ui, &c, y, 1);
	free(spans);
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

/* The rows draw_session takes: its title, each rater's ratings, the note
 * (up to two rows). */
static void client_draw(const struct ui *ui, const void *st, struct ui_frame *f)
{
	const struct client *cs = st;
	struct client_layout L;
	draw_header(ui, cs);
	if (cs->sel < 0) {
		ui_put(3, 1, COLS - 2, ui_attr(ui, UI_R_FAINT), "No sessions yet: n records one.");
		return;
	}
	client_layout(cs, f->rows, &L);
	draw_chart(ui, cs, 2, L.chart_h);
	draw_session(ui, cs, L.session_y);
	client_draw_episodes(ui, cs, L.list_y, L.end, f);
}

static enum ui_action client_input(struct ui *ui, void *st, int key)
{
	(void)ui;
	return ui_list_input(&((struct client *)st)->list, key);
}

static bool client_typing(const void *st)
{
	return ui_list_typing(&((const struct client *)st)->list);
}

static void client_leave(struct ui *ui, void *st)
{
	struct client *cs = st;
	(void)ui;
	if (cs->loaded)
		db_course_free(&cs->course);
	analysis_free(&cs->an);
	free(cs->marks);
	free(cs->story);
	free(cs->recs);
	ui_list_free(&cs->list);
	free(cs->note);
	db_episode_acks_free(&cs->acks);
}

static enum al_status client_enter(struct ui *ui, void *st, const void *args)
{
	struct client *cs = st;
	const struct ui_client_args *a = args;
	if (!(cs->note = malloc(NOTE_BYTES)) ||
	    !ui_list_init(&cs->list, client_episode_matches, client_episodes_page, cs))
		return al_fail(ui->err, AL_EIO, "out of memory");
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
    .input = client_input,
    .draw = client_draw,
    .typing = client_typing,
    .leave = client_leave,
};
