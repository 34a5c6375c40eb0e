/* make eval: writes the labelled courses of one seed (gen.h) as an import
 * CSV (export format 1) and a labels file.
 *   gen SEED CLIENTS COURSES.csv LABELS.csv */
#include <stdio.h>
#include <stdlib.h>

#include "gen.h"

static const char *const dims[GEN_DIMS] = {"trust", "collaboration", "empathy"};

static void date_text(int32_t days, char *buf, size_t cap)
{
	/* civil from days (Howard Hinnant's algorithm) */
	int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(buf, cap, "%04lld-%02lld-%02lld", (long long)(y + (m <= 2)), (long long)m,
	         (long long)d);
}

static void write_course(FILE *csv, FILE *labels, const struct gen_course *g)
{
	char date[48];
	for (int s = 0; s < g->n; s++) {
		const char *context = g->context[s] ? "life event" : "";
		int rated = 0;
		date_text(g->date[s], date, sizeof date);
		for (int d = 0; d < GEN_DIMS; d++) {
			if (g->value[s][d] == GEN_MISSING)
				continue;
			fprintf(csv, "%s,eval,%s,%d,client,%s,%d.%d,,%s\n", g->code, date, s + 1, dims[d],
			        g->value[s][d] / 10, g->value[s][d] % 10, context);
			rated++;
		}
		if (!rated)
			fprintf(csv, "%s,eval,%s,%d,,,,,%s\n", g->code, date, s + 1, context);
	}
	fprintf(labels, "%s,%s\n", g->code, g->label);
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: gen SEED CLIENTS COURSES.csv LABELS.csv\n");
		return 2;
	}
	uint64_t seed = strtoull(argv[1], NULL, 10);
	int clients = atoi(argv[2]);
	FILE *csv = fopen(argv[3], "w"), *labels = fopen(argv[4], "w");
	if (!csv || !labels) {
		perror("gen");
		return 1;
	}
	fputs("client,clinician,date,session,rater,dimension,value,rupture,context\n", csv);
	fputs("client,labels\n", labels);
	for (int i = 0; i < clients; i++) {
		struct gen_course g;
		gen_course(seed, i, &g);
		write_course(csv, labels, &g);
	}
	return fclose(csv) || fclose(labels) ? 1 : 0;
}
