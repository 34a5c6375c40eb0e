/* The entry form's data: a stored session into the form, the form into a
 * draft and back, and the form into the database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/parse.h"
#include "entry_state.h"

static int find_session(const struct db_course *c, int64_t id)
{
	for (size_t i = 0; i < c->course.n; i++)
		if (c->sessions[i].id == id)
			return (int)i;
	return -1;
}

static void fill_from(struct entry *e, const struct db_course *c, int i)
{
	const struct al_session *s = &c->sessions[i];
	char buf[AL_DATE_LEN + 1];
	format_date(s->date, buf);
	ui_text_set(&e->date, buf);
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (size_t d = 0; d < e->dims.n; d++) {
			bool rated = s->rating[r][d] != AL_MISSING;
			if (rated)
				format_tenths(s->rating[r][d], buf);
			ui_text_set(&e->rating[r][d], rated ? buf : "");
		}
	e->rupture = (int)s->rupture;
	e->attendance = (int)s->attendance;
	ui_text_set(&e->context, c->context[i]);
}

enum al_status entry_load_session(struct ui *ui, struct entry *e, int64_t session_id)
{
	struct db_course c = {0};
	enum al_status st = db_course_load(ui->db, &e->dims, e->client.id, &c, ui->err);
	if (st)
		return st;
	int i = find_session(&c, session_id);
	if (i < 0) {
		st = al_fail(ui->err, AL_EINPUT, "session: no longer exists");
		goto out;
	}
	fill_from(e, &c, i);
	if ((st = entry_checkin_load(ui, e, &c.sessions[i], c.has_comment[i])))
		goto out;
	if (c.has_note[i]) {
		char *note = malloc(ENTRY_NOTE_BYTES);
		st = note ? db_note_get(ui->db, session_id, note, ENTRY_NOTE_BYTES, ui->err)
		          : al_fail(ui->err, AL_EIO, "out of memory");
		if (!st)
			ui_text_set(&e->note, note);
		free(note);
	}
out:
	db_course_free(&c);
	return st;
}

/* ---- drafts: "key=value" lines, then "note=" and the note to the end ---- */

struct buf {
	char *s;
	size_t len, cap;
};

static void put_line(struct buf *b, const char *key, const struct ui_text *t)
{
	char v[AL_CONTEXT_MAX * 4 + 1];
	ui_text_get(t, v, sizeof v);
	int n = snprintf(b->s + b->len, b->cap - b->len, "%s=%s\n", key, v);
	if (n > 0 && (size_t)n < b->cap - b->len)
		b->len += (size_t)n;
}

char *entry_draft_encode(const struct entry *e)
{
	/* the note, the comment escaped (each byte at most two) and the rest */
	struct buf b = {.cap = ENTRY_NOTE_BYTES * 3 + 8192};
	if (!(b.s = malloc(b.cap)))
		return NULL;
	b.len = (size_t)snprintf(b.s, b.cap, "rater=%s\nrupture=%s\nattendance=%s\n",
	                         rater_name((enum al_rater)e->rater),
	                         rupture_name((enum al_rupture)e->rupture),
	                         attendance_name((enum al_attendance)e->attendance));
	put_line(&b, "date", &e->date);
	put_line(&b, "context", &e->context);
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (size_t d = 0; d < e->dims.n; d++) {
			char key[AL_KEY_MAX * 2 + 2];
			snprintf(key, sizeof key, "%s.%s", rater_name((enum al_rater)r),
			         e->dims.dim[d].key);
			if (e->rating[r][d].len)
				put_line(&b, key, &e->rating[r][d]);
		}
	b.len = entry_checkin_encode(e, b.s, b.len, b.cap);
	b.len += (size_t)snprintf(b.s + b.len, b.cap - b.len, "note=\n");
	ui_text_get(&e->note, b.s + b.len, b.cap - b.len);
	return b.s;
}

/* A rater or rupture word as its index (0 for a word not known). */
static int rater_of(const char *v)
{
	enum al_rater r = AL_RATER_CLIENT;
	return parse_rater(v, &r) ? (int)r : 0;
}

static int rupture_of(const char *v)
{
	enum al_rupture r = AL_RUPTURE_NONE;
	return parse_rupture(v, &r) ? (int)r : 0;
}

static int attendance_of(const char *v)
{
	enum al_attendance a = AL_ATTENDED;
	return parse_attendance(v, &a) ? (int)a : AL_ATTENDED;
}

static void decode_line(struct entry *e, const char *key, const char *v)
{
	const char *dot = strchr(key, '.');
	if (strcmp(key, "date") == 0)
		ui_text_set(&e->date, v);
	else if (strcmp(key, "context") == 0)
		ui_text_set(&e->context, v);
	else if (strcmp(key, "rater") == 0)
		e->rater = rater_of(v);
	else if (strcmp(key, "rupture") == 0)
		e->rupture = rupture_of(v);
	else if (strcmp(key, "attendance") == 0)
		e->attendance = attendance_of(v);
	else if (entry_checkin_decode(e, key, v, strlen(v)))
		return;
	else if (dot) {
		char rater[16];
		snprintf(rater, sizeof rater, "%.*s", (int)(dot - key), key);
		int r = rater_of(rater);
		int d = db_dims_find(&e->dims, dot + 1);
		if (d >= 0) /* a dimension since removed is dropped */
			ui_text_set(&e->rating[r][d], v);
	}
}

void entry_draft_decode(struct entry *e, const char *body)
{
	e->session_id = e->draft.session_id;
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (size_t d = 0; d < e->dims.n; d++)
			ui_text_set(&e->rating[r][d], "");
	while (*body) {
		const char *nl = strchr(body, '\n');
		size_t n = nl ? (size_t)(nl - body) : strlen(body);
		if (strncmp(body, "comment=", 8) == 0) { /* as long as a note */
			entry_checkin_decode(e, "comment", body + 8, n - 8);
			body += n + (nl != NULL);
			continue;
		}
		char line[AL_CONTEXT_MAX * 4 + 80];
		snprintf(line, sizeof line, "%.*s", (int)n, body);
		body += n + (nl != NULL);
		char *eq = strchr(line, '=');
		if (!eq)
			continue;
		*eq = '\0';
		if (strcmp(line, "note") == 0) {
			ui_text_set(&e->note, body);
			break;
		}
		decode_line(e, line, eq + 1);
	}
}

/* ---- saving ---- */

enum al_status entry_still_same(struct ui *ui, const struct entry *e)
{
	struct access_who who = ui_who(ui, e->session_id ? "edit session" : "new session");
	struct al_client now;
	bool same;
	enum al_status st = db_client_same(ui->db, &e->client, &same, ui->err);
	if (st)
		return st;
	if (!same)
		return al_fail(ui->err, AL_EINPUT, "%s: " ENTRY_GONE, e->client.code,
		               ui->ascii ? "-" : "\u2014");
	return access_client(ui->db, &who, e->client.code, ACCESS_WRITE, &now, ui->err);
}

/* Every value was checked before: what does not parse stays missing. */
static void ratings_in(const struct entry *e, struct db_session_in *in)
{
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (size_t d = 0; d < e->dims.n; d++) {
			char v[16];
			const char *why;
			ui_text_get(&e->rating[r][d], v, sizeof v);
			if (e->rating[r][d].len && !parse_rating(v, &in->rating[r][d], &why))
				in->rating[r][d] = AL_MISSING;
		}
}

enum al_status entry_save(struct ui *ui, struct entry *e, int64_t *id)
{
	char date[AL_DATE_LEN + 1], context[AL_CONTEXT_MAX * 4 + 1];
	char *note = malloc(ENTRY_NOTE_BYTES), *comment = malloc(ENTRY_NOTE_BYTES);
	if (!note || !comment) {
		free(note);
		free(comment);
		return al_fail(ui->err, AL_EIO, "out of memory");
	}
	struct db_session_in in;
	int32_t day = ui->today;
	ui_text_get(&e->date, date, sizeof date);
	parse_date(date, &day);
	db_session_in_init(&in, e->client.id, day);
	in.session_id = e->session_id;
	in.new_session = true; /* n means a new session, even on a date that has one */
	in.set_rupture = true;
	in.set_attendance = true;
	in.attendance = (enum al_attendance)e->attendance;
	in.rupture = (enum al_rupture)e->rupture;
	in.context = context;
	ratings_in(e, &in);
	entry_checkin_in(e, &in, comment);
	ui_text_get(&e->context, context, sizeof context);
	ui_text_get(&e->note, note, ENTRY_NOTE_BYTES);
	/* an edit makes the note what is shown ("" removes it) */
	in.note = e->session_id || note[0] ? note : NULL;
	enum al_status st;
	if ((st = db_begin(ui->db, ui->err)) || (st = entry_still_same(ui, e)) ||
	    (st = db_session_save(ui->db, &e->dims, &in, id, ui->err)) ||
	    (st = db_draft_delete(ui->db, e->client.id, ui->err)) ||
	    (st = db_commit(ui->db, ui->err)))
		db_rollback(ui->db);
	memset(note, 0, ENTRY_NOTE_BYTES);
	memset(comment, 0, ENTRY_NOTE_BYTES);
	free(note);
	free(comment);
	return st;
}
