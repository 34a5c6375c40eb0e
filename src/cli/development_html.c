/* development --format html: one self-contained page (inline CSS, no
 * external resource, no script) that prints on A4 or Letter, one section a
 * clinician with a page break between. Numbers are always written out;
 * the bars only repeat them. Never a note. */
#include <limits.h>
#include <string.h>

#include "alliance/cli/development.h"
#include "alliance/cli/html.h"
#include "alliance/core/parse.h"

static const char style[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#111;"
    "max-width:50rem;margin:2rem auto;padding:0 1rem}\n"
    "h1{font-size:1.5rem;margin:0 0 1rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;"
    "border-bottom:1px solid #999}\n"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0}"
    "dt{font-weight:600}dd{margin:0}\n"
    "table{border-collapse:collapse;margin:.3rem 0}th,td{padding:.2rem .7rem;"
    "border-bottom:1px solid #ccc;text-align:left;vertical-align:top}"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".bar{display:inline-block;width:8rem;height:.7rem;border:1px solid #555;"
    "vertical-align:middle}.bar span{display:block;height:100%;background:#009E73}\n"
    ".few{color:#8a5a00}p.warning{border-left:4px solid #E69F00;padding:.3rem .7rem;"
    "background:#fff6e0}small{color:#444}\n"
    "@page{margin:14mm 12mm}\n" /* A4 and Letter alike: the page's own size */
    "@media print{body{margin:0;max-width:none;font-size:10.5pt}"
    "section+section{break-before:page}h2{break-after:avoid}tr{break-inside:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static const char *few_mark(int n)
{
	return development_few(n) ? " <span class=\"few\">*</span>" : "";
}

static void facts(const struct cli *c, const struct al_development *d, FILE *fp)
{
	char period[64], today[AL_DATE_LEN + 1];
	development_period_text(d, period, sizeof period);
	format_date(c->today, today);
	fprintf(fp,
	        "<dl>\n<dt>Period</dt><dd>%s</dd>\n<dt>Clients seen</dt><dd>%d</dd>\n"
	        "<dt>Sessions</dt><dd>%d</dd>\n<dt>Printed</dt><dd>%s</dd>\n</dl>\n",
	        period, d->clients, d->sessions, today);
}

static void count_row(FILE *fp, const char *word, int n, int of)
{
	fprintf(fp, "<tr><td>%s</td><td class=\"n\">%d</td><td class=\"n\">%d %%</td></tr>\n", word,
	        n, development_percent(n, of));
}

static void episodes(const struct al_development *d, FILE *fp)
{
	fprintf(fp, "<h2>Episodes opened in the period: %d%s</h2>\n", d->opened,
	        d->opened ? few_mark(d->opened) : "");
	if (!d->opened)
		return;
	fputs("<table><tr><th>Kind</th><th>Episodes</th><th>Share</th></tr>\n", fp);
	for (int k = 0; k < AL_EPISODE_KIND_COUNT; k++)
		if (d->by_kind[k])
			count_row(fp, episode_kind_name((enum al_episode_kind)k), d->by_kind[k],
			          d->opened);
	fputs("</table>\n<table><tr><th>Likely domain (the latest repair record)</th>"
	      "<th>Episodes</th><th>Share</th></tr>\n",
	      fp);
	for (int k = 0; k < AL_DOMAIN_COUNT; k++)
		if (d->by_domain[k])
			count_row(fp, repair_domains[k].word, d->by_domain[k], d->opened);
	if (d->no_record)
		count_row(fp, "no repair record", d->no_record, d->opened);
	fputs("</table>\n", fp);
}

static void rate_row(FILE *fp, const char *word, const char *about, struct dev_rate r)
{
	int pct = development_percent(r.repaired, r.closed);
	fprintf(fp, "<tr><td>%s%s%s%s</td><td class=\"n\">%d of %d</td><td class=\"n\">%d %%</td>",
	        word, about ? "<br><small>" : "", about ? about : "", about ? "</small>" : "",
	        r.repaired, r.closed, pct);
	fprintf(fp,
	        "<td><span class=\"bar\" title=\"%d %%\"><span style=\"width:%d%%\"></span>"
	        "</span>%s</td></tr>\n",
	        pct, pct, few_mark(r.closed));
}

static void rates(const struct al_development *d, FILE *fp)
{
	char rate[64];
	development_rate_text(d->overall, rate, sizeof rate);
	fprintf(fp, "<h2>Repair rate: %s%s</h2>\n", rate,
	        d->overall.closed ? few_mark(d->overall.closed) : "");
	fputs("<p><small>Episodes closed in the period: repaired within the repair window, or "
	      "judged unrepaired. A strategy counts an episode when any of its repair records "
	      "names it.</small></p>\n",
	      fp);
	if (!d->overall.closed)
		return;
	fputs("<table><tr><th>Strategy</th><th>Repaired</th><th>Rate</th><th></th></tr>\n", fp);
	for (int s = 0; s < AL_STRATEGY_COUNT; s++)
		if (d->by_strategy[s].closed)
			rate_row(fp, repair_strategies[s].word, repair_strategies[s].about,
			         d->by_strategy[s]);
	if (d->without_record.closed)
		rate_row(fp, "no repair record", NULL, d->without_record);
	fputs("</table>\n", fp);
}

static void timing(const struct al_development *d, FILE *fp)
{
	fprintf(fp, "<h2>Repair records made in the period: %d</h2>\n<ul>\n", d->records);
	if (d->timed) {
		int s = development_median(d->first_sessions, DEV_SESSION_BINS, d->timed);
		int days = development_median(d->first_days, DEV_DAY_BINS, d->timed);
		fprintf(
		    fp,
		    "<li>Time from opening to the first record: median %d session%s (%d day%s), "
		    "over %d episode%s%s</li>\n",
		    s, s == 1 ? "" : "s", days, days == 1 ? "" : "s", d->timed,
		    d->timed == 1 ? "" : "s", few_mark(d->timed));
	}
	if (d->within_one_of)
		fprintf(
		    fp,
		    "<li>Recorded at the opening session or the next: %d of %d (%d %%)%s</li>\n",
		    d->within_one, d->within_one_of,
		    development_percent(d->within_one, d->within_one_of),
		    few_mark(d->within_one_of));
	int shown = 0;
	for (int s = 0; d->records && s < AL_STRATEGY_COUNT; s++)
		if (!d->strategy_used[s])
			fprintf(fp, "%s%s",
			        shown++ ? ", " : "<li>Not named in the period's records: ",
			        repair_strategies[s].word);
	fputs(shown ? "</li>\n</ul>\n" : "</ul>\n", fp);
}

/* The hook for attendance and check-in (issue 14): shown once known. */
static void html_engagement(const struct dev_engagement *e, FILE *fp)
{
	if (!e->known)
		return;
	fputs("<h2>Attendance and check-in</h2>\n<table><tr><th></th><th>Sessions</th>"
	      "<th>Share</th></tr>\n",
	      fp);
	count_row(fp, "attended", e->attended, e->sessions);
	count_row(fp, "cancelled", e->cancelled, e->sessions);
	count_row(fp, "late-cancel", e->late_cancel, e->sessions);
	count_row(fp, "no-show", e->no_show, e->sessions);
	count_row(fp, "clinician-cancel", e->clinician_cancel, e->sessions);
	count_row(fp, "check-in: some tension", e->tension, e->checkins);
	count_row(fp, "check-in: misunderstood", e->misunderstood, e->checkins);
	fputs("</table>\n", fp);
}

static bool any_few(const struct al_development *d)
{
	bool few = (d->opened && development_few(d->opened)) ||
	           (d->overall.closed && development_few(d->overall.closed)) ||
	           (d->timed && development_few(d->timed)) ||
	           (d->within_one_of && development_few(d->within_one_of)) ||
	           (d->without_record.closed && development_few(d->without_record.closed));
	for (int s = 0; s < AL_STRATEGY_COUNT; s++)
		few |= d->by_strategy[s].closed && development_few(d->by_strategy[s].closed);
	return few;
}

static void one(const struct cli *c, const struct dev_summary *s, FILE *fp)
{
	const struct al_development *d = &s->d;
	fputs("<section>\n<h1>Development summary: ", fp);
	html_text(fp, s->clinician);
	fputs("</h1>\n", fp);
	facts(c, d, fp);
	if (any_few(d))
		fprintf(fp, "<p class=\"warning\"><span class=\"few\">*</span> %s</p>\n",
		        DEV_FEW_WARNING);
	episodes(d, fp);
	rates(d, fp);
	timing(d, fp);
	html_engagement(&d->engagement, fp);
	fputs("</section>\n", fp);
}

void development_html(const struct cli *c, const struct dev_summary *s, size_t n, FILE *fp)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>Development summary",
	      fp);
	for (size_t k = 0; k < n; k++) {
		fputs(k ? ", " : ": ", fp);
		html_text(fp, s[k].clinician);
	}
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
	for (size_t k = 0; k < n; k++)
		one(c, &s[k], fp);
	fputs("</body>\n</html>\n", fp);
}
