/* A tiny seeded mutator for the import test (tests/cli/fuzz.sh): reads a
 * CSV file on stdin and writes N mutated copies, OUTDIR/NNNN.csv, each with
 * 1 to 4 mutations: flipped bytes, inserted quotes, commas, line breaks and
 * NULs, cuts, duplicated or swapped lines, huge or odd numbers and dates.
 * The same SEED gives the same files on every machine.
 * Usage: mutate SEED N OUTDIR < seed.csv */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAP (1 << 16)

static uint64_t state;

static uint32_t rnd(uint32_t n) /* xorshift64*, then a number in [0, n) */
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return (uint32_t)((state * 0x2545F4914F6CDD1DULL) >> 33) % n;
}

struct buf {
	char b[CAP];
	size_t n;
};

static void insert(struct buf *f, size_t at, const char *s, size_t len)
{
	if (f->n + len > CAP || at > f->n)
		return;
	memmove(f->b + at + len, f->b + at, f->n - at);
	memcpy(f->b + at, s, len);
	f->n += len;
}

static void cut(struct buf *f, size_t at, size_t len)
{
	if (at >= f->n)
		return;
	if (len > f->n - at)
		len = f->n - at;
	memmove(f->b + at, f->b + at + len, f->n - at - len);
	f->n -= len;
}

/* Start of the line holding byte at, and its length with the newline. */
static size_t line_at(const struct buf *f, size_t at, size_t *len)
{
	size_t s = at, e = at;
	while (s > 0 && f->b[s - 1] != '\n')
		s--;
	while (e < f->n && f->b[e] != '\n')
		e++;
	*len = e - s + (e < f->n);
	return s;
}

/* Replaces the field around byte at (up to commas or line ends) with s. */
static void replace_field(struct buf *f, size_t at, const char *s)
{
	size_t a = at, e = at;
	while (a > 0 && f->b[a - 1] != ',' && f->b[a - 1] != '\n')
		a--;
	while (e < f->n && f->b[e] != ',' && f->b[e] != '\n')
		e++;
	cut(f, a, e - a);
	insert(f, a, s, strlen(s));
}

static const char *const odd[] = {
	"99999999999999999999", "-1", "1e308", "10.05", "9.99", "NaN", "0x10", " 9", "9 ",
	"-0", "+5", "1.", ".5", "2023-02-30", "2023-13-01", "0000-01-01", "99999-01-01",
	"2023-1-1", "client", "clinician", "withdrawal", "\"\"", "\"a,b\"", "x\"y", "\xc3\x28",
	"\xef\xbb\xbf", "K-1", "A_very_long_client_code_of_more_than_32_chars", "trust",
	"18446744073709551616", "-2147483649", "2147483648", "%s%n", "\\", "\t",
};

static void mutate_once(struct buf *f)
{
	size_t at = f->n ? rnd((uint32_t)f->n) : 0, len;
	static const char *const bits[] = {"\"", ",", "\n", "\r", "\r\n", "\"\"", ",,", "\0"};
	switch (rnd(9)) {
	case 0: /* flip a byte */
		if (f->n)
			f->b[at] = (char)(f->b[at] ^ (1 << rnd(8)));
		break;
	case 1: { /* a quote, comma, line break or NUL */
		const char *s = bits[rnd(8)];
		insert(f, at, s, *s ? strlen(s) : 1);
		break;
	}
	case 2: /* drop a few bytes */
		cut(f, at, 1 + rnd(8));
		break;
	case 3: /* cut the file short */
		f->n = at;
		break;
	case 4: { /* duplicate a line */
		size_t s = line_at(f, at, &len);
		char tmp[4096];
		if (len <= sizeof tmp) {
			memcpy(tmp, f->b + s, len);
			insert(f, s, tmp, len);
		}
		break;
	}
	case 5: { /* move a line to the end */
		size_t s = line_at(f, at, &len);
		char tmp[4096];
		if (len <= sizeof tmp && len) {
			memcpy(tmp, f->b + s, len);
			cut(f, s, len);
			insert(f, f->n, tmp, len);
		}
		break;
	}
	case 6: /* an odd value in a field */
	case 7:
		if (f->n)
			replace_field(f, at, odd[rnd(sizeof odd / sizeof odd[0])]);
		break;
	default: /* an empty field */
		if (f->n)
			replace_field(f, at, "");
		break;
	}
}

int main(int argc, char **argv)
{
	static struct buf seed, f;
	if (argc != 4)
		return 2;
	state = strtoull(argv[1], NULL, 10) * 0x9E3779B97F4A7C15ULL + 1;
	long n = strtol(argv[2], NULL, 10);
	seed.n = fread(seed.b, 1, CAP, stdin);
	for (long i = 0; i < n; i++) {
		char path[4096];
		f = seed;
		for (uint32_t k = 1 + rnd(4); k > 0; k--)
			mutate_once(&f);
		snprintf(path, sizeof path, "%s/%04ld.csv", argv[3], i);
		FILE *fp = fopen(path, "wb");
		if (!fp || fwrite(f.b, 1, f.n, fp) != f.n || fclose(fp) != 0) {
			perror(path);
			return 1;
		}
	}
	return 0;
}
