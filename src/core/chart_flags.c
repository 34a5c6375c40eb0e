/* The chart's flag row: each session's flag mark, episodes as a line from
 * their opening to their repair, and sessions the client did not attend. */
#include "chart_internal.h"

/* Indexed by enum chart_flag. */
static const struct {
	struct glyph g;
	enum chart_role role;
} flag_look[CHART_FLAG_KINDS] = {
    [CHART_FLAG_NONE] = {{' ', ' '}, CHART_ROLE_BLANK},
    [CHART_FLAG_INFO] = {{'?', '?'}, CHART_ROLE_FLAG_INFO},
    [CHART_FLAG_AMBER] = {{'^', '^'}, CHART_ROLE_FLAG_AMBER},
    [CHART_FLAG_RED] = {{'!', '!'}, CHART_ROLE_FLAG_RED},
    [CHART_FLAG_REPAIRED] = {{0x2713, '+'}, CHART_ROLE_REPAIRED},
};

/* Indexed by enum chart_span_kind: the line, and the mark at its end. */
static const struct {
	struct glyph line, end;
	enum chart_role role;
} span_look[CHART_SPAN_KINDS] = {
    [CHART_SPAN_OPEN] = {{0x2500, '-'}, {0x2500, '-'}, CHART_ROLE_FLAG_RED},
    [CHART_SPAN_REPAIRED] = {{0x2500, '-'}, {0x2713, '+'}, CHART_ROLE_REPAIRED},
    [CHART_SPAN_UNREPAIRED] = {{0x2500, '-'}, {0x2717, 'x'}, CHART_ROLE_FLAG_RED},
    [CHART_SPAN_ABSENT] = {{0x25CB, 'o'}, {0x25CB, 'o'}, CHART_ROLE_ABSENT},
};

/* An episode's line runs over every column from its first session shown to
 * its last; an absence marks its sessions' columns only. */
static void draw_span(struct layout *L, const struct chart_span *s)
{
	struct chart *c = L->c;
	size_t last = c->first + c->shown - 1;
	size_t from = s->from < c->first ? c->first : s->from;
	size_t to = s->to > last ? last : s->to;
	int x0 = chart_col(c, from), x1 = chart_col(c, to);
	for (int x = x0; x <= x1; x++)
		if (s->kind != CHART_SPAN_ABSENT || (x - x0) % c->step == 0)
			chart_put(c, L->flag_row, x, span_look[s->kind].line,
			          span_look[s->kind].role, 0);
	if (to == s->to)
		chart_put(c, L->flag_row, x1, span_look[s->kind].end, span_look[s->kind].role, 0);
	L->span_seen[s->kind] = true;
	L->flag_seen[CHART_FLAG_REPAIRED] |= s->kind == CHART_SPAN_REPAIRED && to == s->to;
}

static void draw_spans(struct layout *L, bool absences)
{
	const struct chart *c = L->c;
	for (size_t k = 0; k < L->opts->nspans && L->opts->spans; k++) {
		const struct chart_span *s = &L->opts->spans[k];
		bool shown = s->from <= s->to && s->to < L->course->n && s->to >= c->first &&
		             c->shown > 0 && s->from < c->first + c->shown &&
		             (unsigned)s->kind < CHART_SPAN_KINDS;
		if (shown && (s->kind == CHART_SPAN_ABSENT) == absences)
			draw_span(L, s);
	}
}

static void draw_flags(struct layout *L)
{
	const struct chart *c = L->c;
	for (size_t i = c->first; i < c->first + c->shown && L->flags; i++) {
		enum chart_flag f = L->flags[i];
		int col = chart_col(c, i);
		if (chart_cell_at(L->c, L->flag_row, col)->role == CHART_ROLE_ABSENT)
			continue;
		if (f > CHART_FLAG_NONE && (size_t)f < CHART_FLAG_KINDS) {
			chart_put(L->c, L->flag_row, col, flag_look[f].g, flag_look[f].role, 0);
			L->flag_seen[f] = true;
		}
	}
}

/* The mark where an episode ended (repaired, unrepaired) again, over the
 * flag of that session: how the episode ended is what the row tells. */
static void draw_span_ends(struct layout *L)
{
	const struct chart *c = L->c;
	for (size_t k = 0; k < L->opts->nspans && L->opts->spans; k++) {
		const struct chart_span *s = &L->opts->spans[k];
		bool ended = s->kind == CHART_SPAN_REPAIRED || s->kind == CHART_SPAN_UNREPAIRED;
		if (ended && s->from <= s->to && s->to >= c->first && s->to < c->first + c->shown &&
		    s->to < L->course->n)
			chart_put(L->c, L->flag_row, chart_col(c, s->to), span_look[s->kind].end,
			          span_look[s->kind].role, 0);
	}
}

/* Episode lines first, the flags over them (the opening's "!" shows) but
 * not over absences, which say more than the "?" of a session without
 * ratings, nor over the mark where an episode ended. */
void chart_draw_flag_row(struct layout *L)
{
	draw_spans(L, false);
	draw_spans(L, true);
	draw_flags(L);
	draw_span_ends(L);
}

/* The legend's items for the marks that appear, most telling first. */
void chart_legend_marks(struct layout *L, int *col)
{
	static const struct {
		bool span;
		int kind;
		const char *word;
	} order[] = {
	    {false, CHART_FLAG_RED, "rupture"},       {true, CHART_SPAN_OPEN, "episode"},
	    {false, CHART_FLAG_REPAIRED, "repaired"}, {true, CHART_SPAN_UNREPAIRED, "unrepaired"},
	    {false, CHART_FLAG_AMBER, "watch"},       {true, CHART_SPAN_ABSENT, "not attended"},
	    {false, CHART_FLAG_INFO, "unrated"},
	};
	bool episode = L->span_seen[CHART_SPAN_OPEN] || L->span_seen[CHART_SPAN_REPAIRED] ||
	               L->span_seen[CHART_SPAN_UNREPAIRED];
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		if (!order[k].span && L->flag_seen[order[k].kind])
			chart_legend_item(L->c, col, &flag_look[order[k].kind].g, 1,
			                  flag_look[order[k].kind].role, order[k].word);
		else if (order[k].span && order[k].kind == CHART_SPAN_OPEN && episode)
			chart_legend_item(L->c, col, &span_look[CHART_SPAN_OPEN].line, 1,
			                  CHART_ROLE_FLAG_RED, order[k].word);
		else if (order[k].span && order[k].kind != CHART_SPAN_OPEN &&
		         L->span_seen[order[k].kind])
			chart_legend_item(L->c, col, &span_look[order[k].kind].end, 1,
			                  span_look[order[k].kind].role, order[k].word);
	}
}
