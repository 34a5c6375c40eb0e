/* The entry form's check-in and client comment (SPEC §1): tension,
 * talked (only with tension), misunderstood and the comment, as fields,
 * draft lines and what is saved. Client mode fills them in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/draft_line.h"
#include "entry_state.h"

/* Choice 0 is no answer; then the values. */
static const char *const scale_words[] = {"", "0", "1", "2", "3", "4"};
static const char *const yes_no_words[] = {"", "no", "yes"};
#define SCALE_WORDS 6
#define YES_NO_WORDS 3

bool entry_checkin_init(struct entry *e)
{
	return ui_text_init(&e->comment, AL_NOTE_MAX, true);
}

void entry_checkin_free(struct entry *e)
{
	ui_text_free(&e->comment);
}

static struct ui_field choice(const char *label, const char *const *words, int n, int *v,
                              const char *hint)
{
	return (struct ui_field){.kind = UI_FIELD_CHOICE,
	                         .label = label,
	                         .choices = words,
	                         .nchoices = n,
	                         .choice = v,
	                         .hint = hint};
}

void entry_checkin_fields(struct entry *e)
{
	struct ui_field *f = e->form.field;
	f[ENTRY_F_TENSION(e)] =
	    choice("Tension", scale_words, SCALE_WORDS, &e->tension, "client: 0 none .. 4 a lot");
	f[ENTRY_F_TALKED(e)] = choice("Talked", scale_words, SCALE_WORDS, &e->talked,
	                              "only with tension: 0 not at all .. 4 completely");
	f[ENTRY_F_MISUNDERSTOOD(e)] = choice("Misunderstood", yes_no_words, YES_NO_WORDS,
	                                     &e->misunderstood, "who they are, misunderstood?");
	f[ENTRY_F_COMMENT(e)] = (struct ui_field){
	    UI_FIELD_TEXT, "Comment", "the client's, kept like a note", &e->comment, 30};
}

bool entry_checkin_check(const struct entry *e, int i, const char **why)
{
	*why = NULL;
	if (i == ENTRY_F_TALKED(e)) {
		if (e->talked > 0 && e->tension <= 1) /* none or 0 */
			*why = "only when there was tension (above 0)";
		return true;
	}
	if (i == ENTRY_F_COMMENT(e)) {
		*why = ui_text_refused(&e->comment, true);
		return true;
	}
	return i == ENTRY_F_TENSION(e) || i == ENTRY_F_MISUNDERSTOOD(e);
}

static int scale_of(int8_t v)
{
	return v == AL_NO_ANSWER ? 0 : v + 1;
}

enum al_status entry_checkin_load(struct ui *ui, struct entry *e, const struct al_session *s,
                                  bool has_comment)
{
	e->tension = scale_of(s->tension);
	e->talked = scale_of(s->talked);
	e->misunderstood = s->misunderstood == AL_NO_ANSWER ? 0 : s->misunderstood ? 2 : 1;
	if (!has_comment)
		return AL_OK;
	char *text = malloc(ENTRY_NOTE_BYTES);
	enum al_status st =
	    text ? db_comment_get(ui->db, e->session_id, text, ENTRY_NOTE_BYTES, ui->err)
	         : al_fail(ui->err, AL_EIO, "out of memory");
	if (!st)
		ui_text_set(&e->comment, text);
	if (text)
		explicit_bzero(text, ENTRY_NOTE_BYTES);
	free(text);
	return st;
}

size_t entry_checkin_encode(const struct entry *e, char *out, size_t len, size_t cap)
{
	if (e->tension)
		len +=
		    (size_t)snprintf(out + len, cap - len, "tension=%s\n", scale_words[e->tension]);
	if (e->talked && len < cap)
		len +=
		    (size_t)snprintf(out + len, cap - len, "talked=%s\n", scale_words[e->talked]);
	if (e->misunderstood && len < cap)
		len += (size_t)snprintf(out + len, cap - len, "misunderstood=%s\n",
		                        yes_no_words[e->misunderstood]);
	if (!e->comment.len || len + 16 >= cap)
		return len < cap ? len : cap - 1;
	char *text = malloc(ENTRY_NOTE_BYTES);
	if (!text)
		return len;
	ui_text_get(&e->comment, text, ENTRY_NOTE_BYTES);
	/* room is left for the note after it */
	if (len + 16 + draft_line_escape(text, NULL, 0) + ENTRY_NOTE_BYTES >= cap) {
		explicit_bzero(text, ENTRY_NOTE_BYTES);
		free(text);
		return len;
	}
	len += (size_t)snprintf(out + len, cap - len, "comment=");
	len += draft_line_escape(text, out + len, cap - len);
	if (len + 1 < cap)
		out[len++] = '\n', out[len] = '\0';
	explicit_bzero(text, ENTRY_NOTE_BYTES);
	free(text);
	return len < cap ? len : cap - 1;
}

static int word_of(const char *const *words, int n, const char *v)
{
	for (int i = 1; i < n; i++)
		if (strcmp(words[i], v) == 0)
			return i;
	return 0;
}

bool entry_checkin_decode(struct entry *e, const char *key, const char *v, size_t vlen)
{
	char word[8];
	snprintf(word, sizeof word, "%.*s", (int)(vlen < 7 ? vlen : 7), v);
	if (strcmp(key, "tension") == 0)
		e->tension = word_of(scale_words, SCALE_WORDS, word);
	else if (strcmp(key, "talked") == 0)
		e->talked = word_of(scale_words, SCALE_WORDS, word);
	else if (strcmp(key, "misunderstood") == 0)
		e->misunderstood = word_of(yes_no_words, YES_NO_WORDS, word);
	else if (strcmp(key, "comment") == 0) {
		char *text = malloc(ENTRY_NOTE_BYTES);
		if (text) {
			draft_line_unescape(v, vlen, text, ENTRY_NOTE_BYTES);
			ui_text_set(&e->comment, text);
			explicit_bzero(text, ENTRY_NOTE_BYTES);
		}
		free(text);
	} else
		return false;
	return true;
}

void entry_checkin_in(const struct entry *e, struct db_session_in *in, char *comment)
{
	in->tension = (int8_t)(e->tension - 1); /* choice 0: AL_NO_ANSWER */
	in->talked = (int8_t)(e->talked - 1);
	in->misunderstood = (int8_t)(e->misunderstood == 0 ? AL_NO_ANSWER : e->misunderstood - 1);
	in->set_checkin = e->session_id != 0; /* an edit writes them as they are */
	ui_text_get(&e->comment, comment, ENTRY_NOTE_BYTES);
	/* an edit makes the comment what is shown ("" removes it) */
	in->comment = e->session_id || comment[0] ? comment : NULL;
}
