/* make eval: scores one seed's episodes and flags (the real binary's CSV
 * output) against the generator's labels, and prints one table row each.
 *   score SEED LABELS.csv EPISODES.csv FLAGS.csv
 * prints "SEED episodes|flags ruptures caught declines caught calm false alert"
 * (counts) for run.sh to add up and show. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"

#define LINE_MAX_BYTES 512
#define FLAGS_PER_CLIENT 1024

struct client {
	struct gen_course g;
	struct score_episode eps[GEN_SESSIONS_MAX];
	int neps;
	int flagged[FLAGS_PER_CLIENT];
	int nflagged;
};

/* "G-00042" -> 42; -1 for anything else. */
static int client_index(const char *code, int n)
{
	if (strncmp(code, "G-", 2) != 0)
		return -1;
	int i = atoi(code + 2);
	return i >= 0 && i < n ? i : -1;
}

/* The comma-separated fields of line (no quoting in these files). */
static int split(char *line, char **f, int max)
{
	int n = 0;
	line[strcspn(line, "\r\n")] = '\0';
	for (char *p = line; n < max; p++) {
		f[n++] = p;
		p = strchr(p, ',');
		if (!p)
			break;
		*p = '\0';
	}
	return n;
}

static int read_labels(const char *path, struct client **out)
{
	FILE *fp = fopen(path, "r");
	char line[LINE_MAX_BYTES], *f[2];
	int n = 0, cap = 0;
	struct client *c = NULL;
	if (!fp || !fgets(line, sizeof line, fp))
		return -1;
	while (fgets(line, sizeof line, fp) && split(line, f, 2) == 2) {
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			c = realloc(c, (size_t)cap * sizeof *c);
			if (!c)
				return -1;
		}
		struct gen_course *g = &c[n].g;
		memset(&c[n], 0, sizeof c[n]);
		snprintf(g->code, sizeof g->code, "%.15s", f[0]);
		snprintf(g->label, sizeof g->label, "%.40s", f[1]);
		g->n = (int)strlen(g->label);
		g->shape = strchr(g->label, GEN_L_ONSET)   ? GEN_RUPTURE
		           : strchr(g->label, GEN_L_SLIDE) ? GEN_DECLINE
		                                           : GEN_CALM;
		n++;
	}
	fclose(fp);
	*out = c;
	return n;
}

/* episodes CSV: client,opened,date,kind,severity,dimensions,status,closed */
static int read_episodes(const char *path, struct client *c, int n)
{
	FILE *fp = fopen(path, "r");
	char line[LINE_MAX_BYTES], *f[8];
	if (!fp || !fgets(line, sizeof line, fp) ||
	    strcmp(line, "client,opened,date,kind,severity,dimensions,status,closed\n") != 0)
		return -1;
	while (fgets(line, sizeof line, fp)) {
		int i;
		if (split(line, f, 8) != 8 || (i = client_index(f[0], n)) < 0)
			return -1;
		if (c[i].neps < GEN_SESSIONS_MAX)
			c[i].eps[c[i].neps++] = (struct score_episode){atoi(f[1]), atoi(f[7])};
	}
	fclose(fp);
	return 0;
}

/* flags CSV: client,session,date,dimension,rule,severity,status; the
 * evidence rules only (drop, dip, decline, marker). */
static int read_flags(const char *path, struct client *c, int n)
{
	FILE *fp = fopen(path, "r");
	char line[LINE_MAX_BYTES], *f[7];
	if (!fp || !fgets(line, sizeof line, fp))
		return -1;
	while (fgets(line, sizeof line, fp)) {
		int i;
		if (split(line, f, 7) != 7 || (i = client_index(f[0], n)) < 0)
			return -1;
		bool evidence = !strcmp(f[4], "drop") || !strcmp(f[4], "dip") ||
		                !strcmp(f[4], "decline") || !strcmp(f[4], "marker");
		if (evidence && c[i].nflagged < FLAGS_PER_CLIENT)
			c[i].flagged[c[i].nflagged++] = atoi(f[1]);
	}
	fclose(fp);
	return 0;
}

static void print(const char *seed, const char *what, const struct score *s)
{
	printf("%s %s %ld %ld %ld %ld %ld %ld %ld\n", seed, what, s->ruptures, s->ruptures_caught,
	       s->declines, s->declines_caught, s->calm, s->false_openings, s->calm_alert);
}

int main(int argc, char **argv)
{
	struct client *c = NULL;
	struct score ep = {0}, fl = {0};
	if (argc != 5) {
		fprintf(stderr, "usage: score SEED LABELS.csv EPISODES.csv FLAGS.csv\n");
		return 2;
	}
	int n = read_labels(argv[2], &c);
	if (n < 0 || read_episodes(argv[3], c, n) || read_flags(argv[4], c, n)) {
		fprintf(stderr, "score: cannot read %s, %s or %s\n", argv[2], argv[3], argv[4]);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		score_episodes(&c[i].g, c[i].eps, c[i].neps, &ep);
		score_flags(&c[i].g, c[i].flagged, c[i].nflagged, &fl);
	}
	print(argv[1], "episodes", &ep);
	print(argv[1], "flags", &fl);
	free(c);
	return 0;
}
