/* report --format html: one self-contained page (inline CSS and SVG, no
 * external resources) that prints well. Colours are the Okabe-Ito palette
 * and never the only signal: every dimension has its own marker shape and
 * every flag its glyph and words. */
#include <stdlib.h>
#include <string.h>

#include "alliance/cli/html.h"
#include "alliance/cli/report.h"
#include "alliance/core/parse.h"
#include "alliance/core/text.h"

/* The SVG chart's geometry, in user units: small multiples, a panel per
 * core dimension (as on the terminal), each from the chart's floor to 10. */
#define SVG_W 760
#define SVG_LEFT 44
#define SVG_RIGHT 100  /* room for "cutoff 8.0" */
#define SVG_TOP 56     /* legend and flag marks */
#define SVG_BOTTOM 46  /* session numbers and dates */
#define SVG_LABELS 12  /* at most this many dates under the axis */
#define PANEL_TITLE 18 /* the dimension's name over its panel */
#define PANEL_PLOT 70  /* the panel's plot, floor to 10 */
#define PANEL_GAP 12

static const char *const dim_colour[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                         "#56B4E9", "#D55E00", "#000000"};
#define NCOLOURS (sizeof dim_colour / sizeof dim_colour[0])

static const struct {
	const char *glyph, *colour, *word;
} mark_look[] = {
    [CHART_FLAG_NONE] = {"", "", ""},
    [CHART_FLAG_INFO] = {"?", "#555555", "unrated"},
    [CHART_FLAG_AMBER] = {"^", "#B07800", "watch"},
    [CHART_FLAG_RED] = {"!", "#D55E00", "rupture"},
    [CHART_FLAG_REPAIRED] = {"\u2713", "#009E73", "repaired"},
};

static const struct {
	const char *colour, *word;
} span_look[] = {
    [CHART_SPAN_OPEN] = {"#D55E00", "episode, open"},
    [CHART_SPAN_REPAIRED] = {"#009E73", "episode, repaired"},
    [CHART_SPAN_UNREPAIRED] = {"#D55E00", "episode, not repaired"},
    [CHART_SPAN_ABSENT] = {"#555555", "not attended"},
};

/* The legend lists the marks from the most telling down. */
static const enum chart_flag legend_marks[] = {CHART_FLAG_RED, CHART_FLAG_REPAIRED,
                                               CHART_FLAG_AMBER, CHART_FLAG_INFO};

static const char style[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#111;"
    "max-width:62rem;margin:2rem auto;padding:0 1rem}\n"
    "h1{font-size:1.5rem;margin:0 0 1rem}h2{font-size:1.15rem;margin:1.8rem 0 .6rem;"
    "border-bottom:1px solid #999}\n"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0}"
    "dt{font-weight:600}dd{margin:0}\n"
    "table{border-collapse:collapse}th,td{padding:.2rem .7rem;border-bottom:1px solid #ccc;"
    "text-align:left;vertical-align:top}td.n{text-align:right;"
    "font-variant-numeric:tabular-nums}\n"
    "ul.flags{list-style:none;padding:0}ul.flags li{margin:0 0 .7rem}"
    ".mark{display:inline-block;width:1.2em;font-weight:700}"
    ".red .mark{color:#D55E00}.amber .mark{color:#B07800}.repaired .mark{color:#009E73}"
    ".info .mark{color:#555}.flags p{margin:.15rem 0 0 1.2em}\n"
    ".note{white-space:pre-wrap;margin:.2rem 0 .8rem 1.2em}svg{max-width:100%;height:auto}"
    "small{color:#444}\n"
    ".ack{font-style:italic}\n"
    "@page{margin:14mm 12mm}\n" /* A4 and Letter alike: the page's own size */
    "@media print{body{margin:0;max-width:none;font-size:10.5pt}"
    "h2{break-after:avoid}tr,li,svg{break-inside:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static void html_facts(const struct report *r, FILE *fp)
{
	const struct al_course *course = &r->course.course;
	char a[AL_DATE_LEN + 1], span[64];
	fputs("<dl>\n<dt>Clinician</dt><dd>", fp);
	html_text(fp, r->client.clinician);
	fputs("</dd>\n<dt>Modality</dt><dd>", fp);
	html_text(fp, r->client.modality[0] ? r->client.modality : "not set");
	fputs("</dd>\n<dt>Goal</dt><dd>", fp);
	html_text(fp, r->client.goal[0] ? r->client.goal : "not set");
	report_span(r, 0, course->n, span, sizeof span);
	fprintf(fp, "</dd>\n<dt>Sessions</dt><dd>%zu%s</dd>\n", course->n, span);
	if (r->period) {
		size_t n = r->to - r->from;
		report_span(r, r->from, r->to, span, sizeof span);
		fprintf(fp, "<dt>Shown</dt><dd>%zu session%s%s</dd>\n", n, n == 1 ? "" : "s", span);
	}
	format_date(r->c->today, a);
	fprintf(fp, "<dt>Status</dt><dd>%s</dd>\n<dt>Printed</dt><dd>%s</dd>\n</dl>\n",
	        state_name(r->standing.state), a);
}

/* ---- the SVG chart */

static double svg_x(size_t i, size_t n)
{
	double w = SVG_W - SVG_LEFT - SVG_RIGHT;
	return n < 2 ? SVG_LEFT + w / 2 : SVG_LEFT + w * (double)i / (double)(n - 1);
}

/* Where the SVG chart's panels are: their floor and the first's top. */
struct svg_frame {
	int floor; /* tenths at a panel's bottom */
	size_t panels;
};

static int svg_panel_top(size_t k)
{
	return SVG_TOP + (int)k * (PANEL_TITLE + PANEL_PLOT + PANEL_GAP) + PANEL_TITLE;
}

static int svg_height(const struct svg_frame *fr)
{
	return svg_panel_top(fr->panels) - PANEL_TITLE - PANEL_GAP + SVG_BOTTOM;
}

static double svg_y(const struct svg_frame *fr, size_t k, int tenths)
{
	return svg_panel_top(k) + PANEL_PLOT * (100.0 - tenths) / (100.0 - fr->floor);
}

/* Dimension d's marker: circle, triangle, square, diamond, then circles;
 * filled for the client, hollow for the clinician; title (or NULL) is its
 * tooltip. */
static void svg_marker(FILE *fp, size_t d, double x, double y, bool hollow, const char *title)
{
	const char *c = dim_colour[d % NCOLOURS];
	fprintf(fp, "<g fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\">", hollow ? "#fff" : c, c);
	switch (d) {
	case 1:
		fprintf(fp, "<path d=\"M%.1f %.1fl4.5 8h-9z\"/>", x, y - 5);
		break;
	case 2:
		fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\"/>", x - 4, y - 4);
		break;
	case 3:
		fprintf(fp, "<path d=\"M%.1f %.1fl5 5-5 5-5-5z\"/>", x, y - 5);
		break;
	default:
		fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>", x, y);
	}
	if (title)
		fprintf(fp, "<title>%s</title>", title);
	fputs("</g>", fp);
}

/* Panel k: its dimension's marker and name, its whole-number grid (every
 * 2.0 from the floor), and the cutoff dashed. */
static void svg_panel(const struct report *r, const struct svg_frame *fr, const struct al_course *p,
                      size_t k, FILE *fp)
{
	const char *name = p->dims[k].label[0] ? p->dims[k].label : p->dims[k].key;
	svg_marker(fp, k, SVG_LEFT + 4, svg_panel_top(k) - 9, false, NULL);
	fprintf(fp, "<text x=\"%d\" y=\"%d\" font-weight=\"700\">", SVG_LEFT + 14,
	        svg_panel_top(k) - 5);
	html_text(fp, name);
	fputs("</text>\n", fp);
	for (int v = fr->floor; v <= 100; v += 20)
		fprintf(fp,
		        "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
		        "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>\n",
		        SVG_LEFT - 8, SVG_W - SVG_RIGHT + 8, svg_y(fr, k, v), svg_y(fr, k, v),
		        SVG_LEFT - 12, svg_y(fr, k, v) + 4, v / 10);
	int cut = r->v.settings.cutoff;
	if (cut < fr->floor || cut > 100)
		return;
	char text[8];
	format_tenths(cut, text);
	fprintf(fp,
	        "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" "
	        "stroke-dasharray=\"5 4\"/><text x=\"%d\" y=\"%.1f\">cutoff %s</text>\n",
	        SVG_LEFT - 8, SVG_W - SVG_RIGHT + 8, svg_y(fr, k, cut), svg_y(fr, k, cut),
	        SVG_W - SVG_RIGHT + 12, svg_y(fr, k, cut) + 4, text);
}

/* Numbers and dates under at most SVG_LABELS sessions, the latest always. */
static void svg_sessions(const struct svg_frame *fr, const struct al_course *p, FILE *fp)
{
	int bottom = svg_panel_top(fr->panels) - PANEL_TITLE - PANEL_GAP;
	size_t every = (p->n + SVG_LABELS - 1) / SVG_LABELS;
	static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	for (size_t i = 0; i < p->n; i++) {
		if ((p->n - 1 - i) % every != 0) /* counted back from the latest session */
			continue;
		int y, m, d;
		date_split(p->sessions[i].date, &y, &m, &d);
		fprintf(fp,
		        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>"
		        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">%d %s"
		        "</text>\n",
		        svg_x(i, p->n), bottom + 18, p->sessions[i].seq, svg_x(i, p->n),
		        bottom + 34, d, months[m - 1]);
	}
}

/* Dimension d's line through the client's ratings, in its own panel, and a
 * marker per rating (hollow: the clinician's) titled with its exact value. */
static void svg_dimension(const struct svg_frame *fr, const struct al_course *p, size_t d, FILE *fp)
{
	bool any = false;
	fprintf(fp, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"",
	        dim_colour[d % NCOLOURS]);
	for (size_t i = 0; i < p->n; i++) {
		al_tenths v = p->sessions[i].rating[AL_RATER_CLIENT][d];
		if (v != AL_MISSING)
			fprintf(fp, "%s%.1f,%.1f", any ? " " : "", svg_x(i, p->n), svg_y(fr, d, v));
		any = any || v != AL_MISSING;
	}
	fputs("\"/>\n", fp);
	for (int rater = 0; rater < AL_RATER_COUNT; rater++)
		for (size_t i = 0; i < p->n; i++) {
			al_tenths v = p->sessions[i].rating[rater][d];
			char value[8], title[AL_KEY_MAX + 48];
			if (v == AL_MISSING)
				continue;
			format_tenths(v, value);
			snprintf(title, sizeof title, "session %d, %s: %s%s", p->sessions[i].seq,
			         p->dims[d].key, value,
			         rater == AL_RATER_CLINICIAN ? " (clinician)" : "");
			svg_marker(fp, d, svg_x(i, p->n), svg_y(fr, d, v),
			           rater == AL_RATER_CLINICIAN, title);
			fputc('\n', fp);
		}
}

static void svg_marks(const struct al_course *p, const enum chart_flag *marks, FILE *fp)
{
	for (size_t i = 0; i < p->n; i++) {
		if (marks[i] == CHART_FLAG_NONE)
			continue;
		fprintf(fp,
		        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-weight=\"700\" "
		        "fill=\"%s\">%s<title>session %d: %s</title></text>\n",
		        svg_x(i, p->n), SVG_TOP - 10, mark_look[marks[i]].colour,
		        mark_look[marks[i]].glyph, p->sessions[i].seq, mark_look[marks[i]].word);
	}
}

/* Each episode as a line under the marks, from its opening to its repair
 * (or the last session), and each session not attended as a circle on
 * that line, as on the terminal. */
static void svg_spans(const struct al_course *p, const struct chart_span *sp, size_t n, FILE *fp)
{
	for (size_t k = 0; k < n; k++) {
		const char *colour = span_look[sp[k].kind].colour,
		           *word = span_look[sp[k].kind].word;
		int from = p->sessions[sp[k].from].seq, to = p->sessions[sp[k].to].seq;
		if (sp[k].kind == CHART_SPAN_ABSENT)
			fprintf(fp,
			        "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"#fff\" stroke=\"%s\">"
			        "<title>session %d: %s</title></circle>\n",
			        svg_x(sp[k].from, p->n), SVG_TOP - 4, colour, from, word);
		else
			fprintf(fp,
			        "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
			        "stroke-width=\"3\"><title>sessions %d to %d: %s</title></line>\n",
			        svg_x(sp[k].from, p->n), svg_x(sp[k].to, p->n), SVG_TOP - 4,
			        SVG_TOP - 4, colour, from, to, word);
	}
}

/* The marks' words (each panel names its dimension). */
static void svg_legend(bool clinician, FILE *fp)
{
	fputs("<text x=\"44\" y=\"18\" font-size=\"11\">", fp);
	for (size_t k = 0; k < sizeof legend_marks / sizeof legend_marks[0]; k++) {
		enum chart_flag m = legend_marks[k];
		fprintf(fp, "<tspan dx=\"%d\" font-weight=\"700\" fill=\"%s\">%s</tspan> %s",
		        k ? 14 : 0, mark_look[m].colour, mark_look[m].glyph, mark_look[m].word);
	}
	fputs("<tspan dx=\"14\" font-weight=\"700\">\u2014</tspan> episode"
	      "<tspan dx=\"14\">\u25CB</tspan> not attended",
	      fp);
	if (clinician)
		fputs("<tspan dx=\"14\">hollow: the clinician's rating</tspan>", fp);
	fputs("</text>\n", fp);
}

static void html_chart(const struct report *r, FILE *fp)
{
	struct al_course period = report_period(r);
	struct al_course p = chart_core_course(&period);
	struct chart_opts co;
	chart_opts_default(&co);
	co.cutoff = r->v.settings.cutoff;
	co.clinician = r->clinician_rated;
	struct svg_frame fr = {chart_floor(&p, &co), p.ndims};
	fputs("<h2>Trend chart</h2>\n", fp);
	fprintf(fp,
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
	        "width=\"%d\" height=\"%d\" font-size=\"12\" role=\"img\" "
	        "aria-label=\"Ratings by session, a panel per dimension from %d to 10, with "
	        "the cutoff and flags\">\n",
	        SVG_W, svg_height(&fr), SVG_W, svg_height(&fr), fr.floor / 10);
	svg_legend(r->clinician_rated, fp);
	for (size_t d = 0; d < p.ndims; d++) {
		svg_panel(r, &fr, &p, d, fp);
		svg_dimension(&fr, &p, d, fp);
	}
	svg_sessions(&fr, &p, fp);
	struct chart_span *spans = calloc(r->v.an.neps + r->course.course.n + 1, sizeof *spans);
	if (spans) /* without memory, the chart goes without them */
		svg_spans(&p, spans,
		          chart_spans(&r->course.course, r->v.an.eps, r->v.an.neps, r->from, r->to,
		                      spans),
		          fp);
	free(spans);
	svg_marks(&p, r->marks + r->from, fp);
	fputs("</svg>\n", fp);
}

/* ---- ratings, flags, notes */

static void html_ratings(const struct report *r, FILE *fp)
{
	const struct al_course *course = &r->course.course;
	char val[24], date[AL_DATE_LEN + 1];
	fprintf(fp, "<h2>Ratings</h2>\n%s<table>\n<tr><th>session</th><th>date</th>",
	        r->clinician_rated ? "<p><small>The client's; the clinician's own in brackets."
	                             "</small></p>\n"
	                           : "");
	for (size_t d = 0; d < course->ndims; d++)
		if (r->dim_shown[d]) {
			fputs("<th>", fp);
			html_text(fp, course->dims[d].key);
			fputs("</th>", fp);
		}
	bool absence = report_has_absence(r);
	fputs(absence ? "<th>attendance</th>" : "", fp);
	fputs("<th>rupture</th><th>context</th></tr>\n", fp);
	for (size_t i = r->from; i < r->to; i++) {
		const struct al_session *s = &course->sessions[i];
		format_date(s->date, date);
		fprintf(fp, "<tr><td class=\"n\">%d</td><td>%s</td>", s->seq, date);
		for (size_t d = 0; d < course->ndims; d++)
			if (r->dim_shown[d]) {
				report_rating_cell(s, (int)d, val, sizeof val);
				fprintf(fp, "<td class=\"n\">%s</td>", val);
			}
		if (absence)
			fprintf(fp, "<td>%s</td>",
			        s->attendance == AL_ATTENDED ? "" : attendance_name(s->attendance));
		fprintf(fp, "<td>%s</td><td>", rupture_name(s->rupture));
		html_text(fp, r->course.context[i]);
		fputs("</td></tr>\n", fp);
	}
	fputs("</table>\n", fp);
}

/* The episodes first: each one's story and acknowledgements. */
static void html_episodes(const struct report *r, FILE *fp)
{
	const struct al_course *course = &r->course.course;
	char head[128], story[AL_STORY_MAX], ack[VIEW_ACK_MAX];
	size_t shown = 0;
	fputs("<h2>Episodes</h2>\n<ul class=\"flags\">\n", fp);
	for (size_t k = 0; k < r->v.an.neps; k++) {
		const struct al_episode *e = &r->v.an.eps[k];
		if (!report_episode_shown(r, k))
			continue;
		shown++;
		enum chart_flag m = e->status == AL_EPISODE_REPAIRED ? CHART_FLAG_REPAIRED
		                    : e->severity == AL_SEV_RED      ? CHART_FLAG_RED
		                                                     : CHART_FLAG_AMBER;
		static const char *const cls[] = {"", "info", "amber", "red", "repaired"};
		report_episode_head(r, k, head, sizeof head);
		fprintf(fp, "<li class=\"%s\"><span class=\"mark\">%s</span><strong>", cls[m],
		        mark_look[m].glyph);
		html_text(fp, head);
		fprintf(fp, "</strong>%s<p>", episode_is_current(course, e) ? " (current)" : "");
		view_story(r->c, &r->v, course, k, r->client.clinician, story, sizeof story);
		html_text(fp, story);
		fputs("</p>", fp);
		for (size_t a = db_episode_acks_next(&r->eacks, course, &r->v.an, k, 0);
		     a < r->eacks.n;
		     a = db_episode_acks_next(&r->eacks, course, &r->v.an, k, a + 1)) {
			report_episode_ack_line(&r->eacks.a[a], ack, sizeof ack);
			fputs("<p class=\"ack\">", fp);
			html_text(fp, ack);
			fputs("</p>", fp);
		}
		fputs("</li>\n", fp);
	}
	fputs("</ul>\n", fp);
	if (!shown)
		fputs("<p>No episode in these sessions.</p>\n", fp);
}

/* One session's heading in the folded flags. */
static void html_flag_session(const struct report *r, size_t k, FILE *fp)
{
	const struct al_course *course = &r->course.course;
	const struct al_session *s = &course->sessions[r->v.f.v[k].session];
	char date[AL_DATE_LEN + 1];
	size_t e = report_session_episode(r, k);
	format_date(s->date, date);
	fprintf(fp, "<h3>Session %d, %s", s->seq, date);
	if (e != SIZE_MAX)
		fprintf(fp, " <small>(in the episode of session %d)</small>",
		        course->sessions[r->v.an.eps[e].opened].seq);
	fputs("</h3>\n", fp);
}

/* The flags, the evidence behind the episodes, folded by session. */
static void html_flags(const struct report *r, FILE *fp)
{
	const struct al_course *course = &r->course.course;
	char head[96], why[VIEW_EXPLAIN_MAX], ack[VIEW_ACK_MAX];
	bool open = false;
	fputs("<h2>Flags</h2>\n", fp);
	for (size_t k = 0; k < r->v.f.n; k++) {
		const struct al_flag *f = &r->v.f.v[k];
		if (f->session < r->from || f->session >= r->to)
			continue;
		if (k == 0 || r->v.f.v[k - 1].session != f->session || !open) {
			if (open)
				fputs("</ul>\n", fp);
			html_flag_session(r, k, fp);
			fputs("<ul class=\"flags\">\n", fp);
			open = true;
		}
		enum chart_flag m = chart_mark_of(f);
		const struct al_session *s = &course->sessions[f->session];
		static const char *const cls[] = {"", "info", "amber", "red", "repaired"};
		report_flag_head(r, k, head, sizeof head);
		fprintf(fp, "<li class=\"%s\"><span class=\"mark\">%s</span><strong>%s</strong>%s",
		        cls[m], mark_look[m].glyph, head,
		        flag_is_current(course, f) ? " (current)" : "");
		flag_explain_named(course, &r->v.settings, f,
		                   r->c->supervisor ? r->client.clinician : NULL, why, sizeof why);
		fputs("<p>", fp);
		html_text(fp, why);
		fputs("</p>", fp);
		for (size_t a = db_acks_next(&r->acks, s->id, f->dim, f->rule, 0); a < r->acks.n;
		     a = db_acks_next(&r->acks, s->id, f->dim, f->rule, a + 1)) {
			report_ack_line(&r->acks.a[a], ack, sizeof ack);
			fputs("<p class=\"ack\">", fp);
			html_text(fp, ack);
			fputs("</p>", fp);
		}
		fputs("</li>\n", fp);
	}
	if (open)
		fputs("</ul>\n", fp);
	else
		fputs("<p>No flags in these sessions.</p>\n", fp);
}

static enum al_status html_notes(struct report *r, FILE *fp)
{
	char date[AL_DATE_LEN + 1];
	fputs("<h2>Notes</h2>\n", fp);
	for (size_t i = r->from; i < r->to; i++) {
		char *note, *comment = NULL;
		enum al_status st = report_note(r, i, false, &note);
		if (st || (st = report_note(r, i, true, &comment))) {
			free(note);
			return st;
		}
		if (!note && !comment)
			continue;
		format_date(r->course.sessions[i].date, date);
		fprintf(fp, "<h3>Session %d, %s</h3>\n", r->course.sessions[i].seq, date);
		if (note) {
			fputs("<p class=\"note\">", fp);
			html_text(fp, note);
			fputs("</p>\n", fp);
		}
		if (comment) {
			fputs("<p>The client's comment:</p>\n<p class=\"note\">", fp);
			html_text(fp, comment);
			fputs("</p>\n", fp);
		}
		free(note);
		free(comment);
	}
	return AL_OK;
}

enum al_status report_html(struct report *r, FILE *fp)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>Alliance report: ",
	      fp);
	html_text(fp, r->client.code);
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>Alliance report: ", style);
	html_text(fp, r->client.code);
	fputs("</h1>\n", fp);
	html_facts(r, fp);
	html_episodes(r, fp);
	html_chart(r, fp);
	html_ratings(r, fp);
	html_flags(r, fp);
	enum al_status st = r->with_notes ? html_notes(r, fp) : AL_OK;
	fputs("</body>\n</html>\n", fp);
	return st;
}
