/* Client mode's draft: the answers in the entry form's draft lines
 * ("client.trust=7.5", "tension=2", "comment=..."), so that the entry form
 * (after the PIN, or the next n) takes them; the lines client mode does not
 * own (a note, the context, the clinician's ratings) are kept as they were. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alliance/core/draft_line.h"
#include "alliance/core/parse.h"
#include "client_mode_state.h"

#define CM_BODY_MAX ((size_t)AL_DRAFT_MAX * 4 + 1)

static const char *const answer_keys[3] = {"tension", "talked", "misunderstood"};

static size_t put_answers(const struct client_mode *cm, char *b, size_t cap)
{
	size_t len = (size_t)snprintf(b, cap, "rater=client\nstep=%d\n", cm->step);
	for (size_t d = 0; d < cm->dims.n && len < cap; d++) {
		char v[16];
		if (cm->rating[d] == AL_MISSING)
			continue;
		format_tenths(cm->rating[d], v);
		len +=
		    (size_t)snprintf(b + len, cap - len, "client.%s=%s\n", cm->dims.dim[d].key, v);
	}
	for (int i = 0; i < 3 && len < cap; i++) {
		char v[8];
		if (cm->answer[i] == AL_NO_ANSWER)
			continue;
		snprintf(v, sizeof v, "%d", cm->answer[i]);
		len += (size_t)snprintf(b + len, cap - len, "%s=%s\n", answer_keys[i],
		                        i < 2           ? v
		                        : cm->answer[i] ? "yes"
		                                        : "no");
	}
	return len < cap ? len : cap - 1;
}

char *cm_draft_encode(const struct client_mode *cm)
{
	char *b = malloc(CM_BODY_MAX), text[CM_COMMENT_MAX * 4 + 1];
	if (!b)
		return NULL;
	size_t len = put_answers(cm, b, CM_BODY_MAX);
	ui_text_get(&cm->comment, text, sizeof text);
	if (text[0] && len + 2 * strlen(text) + 16 < CM_BODY_MAX) {
		len += (size_t)snprintf(b + len, CM_BODY_MAX - len, "comment=");
		len += draft_line_escape(text, b + len, CM_BODY_MAX - len);
		b[len++] = '\n';
		b[len] = '\0';
	}
	explicit_bzero(text, sizeof text);
	if (cm->kept)
		snprintf(b + len, CM_BODY_MAX - len, "%s", cm->kept);
	return b;
}

/* A line client mode owns: its value taken; false for another's line. */
static bool take_line(struct client_mode *cm, const char *key, const char *v, size_t n)
{
	char word[16], text[CM_COMMENT_MAX * 4 + 1];
	snprintf(word, sizeof word, "%.*s", (int)(n < 15 ? n : 15), v);
	if (strcmp(key, "comment") == 0) {
		draft_line_unescape(v, n, text, sizeof text);
		ui_text_set(&cm->comment, text);
		explicit_bzero(text, sizeof text);
		return true;
	}
	if (strcmp(key, "rater") == 0 || strcmp(key, "step") == 0) {
		if (key[0] == 's')
			cm->step = atoi(word);
		return true;
	}
	for (int i = 0; i < 3; i++)
		if (strcmp(key, answer_keys[i]) == 0) {
			cm->answer[i] = (int8_t)(i == 2 ? strcmp(word, "yes") == 0 : atoi(word));
			return true;
		}
	if (strncmp(key, "client.", 7) != 0)
		return false;
	int d = db_dims_find(&cm->dims, key + 7);
	const char *why;
	if (d >= 0 && !parse_rating(word, &cm->rating[d], &why))
		cm->rating[d] = AL_MISSING;
	return true;
}

void cm_draft_decode(struct client_mode *cm, const char *body)
{
	size_t kept = 0;
	cm->session_id = cm->draft.session_id;
	cm->kept = calloc(strlen(body) + 1, 1);
	while (*body) {
		const char *nl = strchr(body, '\n'), *eq = strchr(body, '=');
		size_t n = nl ? (size_t)(nl - body) + 1 : strlen(body);
		char key[80];
		bool ours = false;
		if (eq && (size_t)(eq - body) < n && eq - body < (long)sizeof key &&
		    strncmp(body, "note=", 5) != 0) {
			snprintf(key, sizeof key, "%.*s", (int)(eq - body), body);
			ours = take_line(cm, key, eq + 1,
			                 (size_t)(body + n - (eq + 1)) - (nl != NULL));
		}
		if (strncmp(body, "note=", 5) == 0)
			n = strlen(body); /* the note runs to the end */
		if (!ours && cm->kept) {
			memcpy(cm->kept + kept, body, n);
			kept += n;
		}
		body += n;
	}
	if (cm->step < 0 || cm->step >= cm_steps(cm))
		cm->step = 0;
}
