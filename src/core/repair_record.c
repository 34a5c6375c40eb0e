/* The repair vocabulary (domains and strategies with their plain
 * descriptions) and the words a story says about repair records. */
#include <stdio.h>
#include <string.h>

#include "alliance/core/repair_record.h"

#define AS_VOCAB(name, word, about) {word, about},
#define AS_WORD(name, word, about) word,
#define AS_ABOUT(name, word, about) about,

const struct al_vocab repair_domains[AL_DOMAIN_COUNT] = {REPAIR_DOMAINS(AS_VOCAB)};
const struct al_vocab repair_strategies[AL_STRATEGY_COUNT] = {REPAIR_STRATEGIES(AS_VOCAB)};
const char *const repair_domain_words[AL_DOMAIN_COUNT + 1] = {REPAIR_DOMAINS(AS_WORD) NULL};
const char *const repair_domain_about[AL_DOMAIN_COUNT + 1] = {REPAIR_DOMAINS(AS_ABOUT) NULL};
const char *const repair_strategy_words[AL_STRATEGY_COUNT + 1] = {REPAIR_STRATEGIES(AS_WORD) NULL};
const char *const repair_strategy_about[AL_STRATEGY_COUNT + 1] = {REPAIR_STRATEGIES(AS_ABOUT) NULL};

static bool vocab_find(const struct al_vocab *v, int n, const char *s, size_t len, int *out)
{
	for (int i = 0; i < n; i++)
		if (strlen(v[i].word) == len && strncmp(v[i].word, s, len) == 0) {
			*out = i;
			return true;
		}
	return false;
}

bool repair_domain_parse(const char *s, enum al_domain *out)
{
	int i;
	if (!vocab_find(repair_domains, AL_DOMAIN_COUNT, s, strlen(s), &i))
		return false;
	*out = (enum al_domain)i;
	return true;
}

bool repair_strategy_parse(const char *s, enum al_strategy *out)
{
	int i;
	if (!vocab_find(repair_strategies, AL_STRATEGY_COUNT, s, strlen(s), &i))
		return false;
	*out = (enum al_strategy)i;
	return true;
}

bool repair_strategies_parse(const char *list, uint32_t *set, char *bad, size_t badcap)
{
	uint32_t got = 0;
	const char *p = list;
	if (badcap)
		bad[0] = '\0';
	for (;;) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, ",");
		size_t word = len;
		while (word > 0 && p[word - 1] == ' ')
			word--;
		int i;
		if (!vocab_find(repair_strategies, AL_STRATEGY_COUNT, p, word, &i)) {
			if (badcap)
				snprintf(bad, badcap, "%.*s", (int)(word < 40 ? word : 40), p);
			return false;
		}
		got |= 1u << i;
		if (!p[len])
			break;
		p += len + 1;
	}
	*set = got;
	return true;
}

void repair_strategies_text(uint32_t set, const char *sep, char *buf, size_t cap)
{
	size_t at = 0;
	if (cap == 0)
		return;
	buf[0] = '\0';
	for (int s = 0; s < AL_STRATEGY_COUNT; s++) {
		if (!(set >> s & 1))
			continue;
		int n =
		    snprintf(buf + at, cap - at, "%s%s", at ? sep : "", repair_strategies[s].word);
		if (n < 0 || (size_t)n >= cap - at)
			return;
		at += (size_t)n;
	}
}

void repair_strategies_alpha(enum al_strategy order[AL_STRATEGY_COUNT])
{
	for (int i = 0; i < AL_STRATEGY_COUNT; i++) {
		int k = i;
		while (k > 0 && strcmp(repair_strategies[order[k - 1]].word,
		                       repair_strategies[i].word) > 0) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = (enum al_strategy)i;
	}
}

/* The records of one episode in session order (then id): an insertion
 * sort of their indices, a handful at most. */
static size_t episode_records(const struct al_repair_rec *recs, size_t n, size_t opened,
                              size_t *idx, size_t cap)
{
	size_t m = 0;
	for (size_t i = 0; i < n && m < cap; i++) {
		if (recs[i].opened != opened)
			continue;
		size_t k = m++;
		while (k > 0 && (recs[idx[k - 1]].session > recs[i].session ||
		                 (recs[idx[k - 1]].session == recs[i].session &&
		                  recs[idx[k - 1]].id > recs[i].id))) {
			idx[k] = idx[k - 1];
			k--;
		}
		idx[k] = i;
	}
	return m;
}

#define TRIED_MAX 32 /* records named in one story (more are left out) */

/* The records of one episode joined: "Tried: " LIST " (session N)" ...,
 * each record's LIST its strategies, after its domain when with_domain. */
static void records_text(const struct al_course *c, const struct al_repair_rec *recs, size_t n,
                         size_t opened, bool with_domain, char *buf, size_t cap)
{
	size_t idx[TRIED_MAX], at = 0;
	size_t m = episode_records(recs, n, opened, idx, TRIED_MAX);
	char list[256];
	if (cap == 0)
		return;
	buf[0] = '\0';
	for (size_t k = 0; k < m; k++) {
		const struct al_repair_rec *r = &recs[idx[k]];
		repair_strategies_text(r->strategies, ", ", list, sizeof list);
		int seq = r->session < c->n ? c->sessions[r->session].seq : 0;
		int w = snprintf(buf + at, cap - at, "%s%s%s%s (session %d)",
		                 k             ? "; "
		                 : with_domain ? ""
		                               : "Tried: ",
		                 with_domain ? repair_domains[r->domain].word : "",
		                 with_domain ? ": " : "", list, seq);
		if (w < 0 || (size_t)w >= cap - at)
			return;
		at += (size_t)w;
	}
	if (m && !with_domain)
		snprintf(buf + at, cap - at, ".");
}

void repair_tried_text(const struct al_course *c, const struct al_repair_rec *recs, size_t n,
                       size_t opened, char *buf, size_t cap)
{
	records_text(c, recs, n, opened, false, buf, cap);
}

void repair_records_text(const struct al_course *c, const struct al_repair_rec *recs, size_t n,
                         size_t opened, char *buf, size_t cap)
{
	records_text(c, recs, n, opened, true, buf, cap);
}
