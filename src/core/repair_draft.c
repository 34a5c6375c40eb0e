/* The repair form's draft body: its lines out and back. */
#include <stdio.h>
#include <string.h>

#include "alliance/core/draft_line.h"
#include "alliance/core/repair_draft.h"

size_t repair_draft_encode(const struct repair_draft *d, const char *note, char *out, size_t cap)
{
	char strategies[512], session[sizeof d->session * 2];
	repair_strategies_text(d->strategies, ",", strategies, sizeof strategies);
	draft_line_escape(d->session, session, sizeof session);
	int n = snprintf(out, cap, "domain=%s\nstrategies=%s\nsession=%s\nnote=\n%s",
	                 repair_domain_words[d->domain], strategies, session, note);
	return n < 0 ? 0 : (size_t)n;
}

/* "clarify,supervision" into a set, leaving out a word not known. */
static uint32_t strategies_of(const char *s, size_t n)
{
	uint32_t set = 0;
	while (n > 0) {
		size_t len = 0;
		while (len < n && s[len] != ',')
			len++;
		for (int i = 0; i < AL_STRATEGY_COUNT; i++)
			if (strlen(repair_strategy_words[i]) == len &&
			    strncmp(repair_strategy_words[i], s, len) == 0)
				set |= 1u << i;
		s += len + (len < n);
		n -= len + (len < n);
	}
	return set;
}

static void decode_line(struct repair_draft *d, const char *key, size_t klen, const char *v,
                        size_t vlen)
{
	char word[64];
	enum al_domain dom;
	if (klen == 6 && strncmp(key, "domain", 6) == 0) {
		snprintf(word, sizeof word, "%.*s", (int)vlen, v);
		d->domain = repair_domain_parse(word, &dom) ? dom : 0;
	} else if (klen == 10 && strncmp(key, "strategies", 10) == 0) {
		d->strategies = strategies_of(v, vlen);
	} else if (klen == 7 && strncmp(key, "session", 7) == 0) {
		draft_line_unescape(v, vlen, d->session, sizeof d->session);
	}
}

const char *repair_draft_decode(const char *body, struct repair_draft *d)
{
	memset(d, 0, sizeof *d);
	while (*body) {
		const char *nl = strchr(body, '\n');
		size_t n = nl ? (size_t)(nl - body) : strlen(body);
		const char *eq = memchr(body, '=', n), *line = body;
		body += n + (nl != NULL);
		if (!eq)
			continue;
		size_t klen = (size_t)(eq - line);
		if (klen == 4 && strncmp(line, "note", 4) == 0)
			return body;
		decode_line(d, line, klen, eq + 1, n - klen - 1);
	}
	return body;
}
