/* firstframe [-s COLSxROWS] [-k KEYS] [-t TIMEOUT_MS] RESULT TEXT CMD [ARG...]:
 * runs CMD on a new pseudo-terminal (80x24 by default) and writes to the
 * file RESULT "MS MAXRSS_KB": MS is the time from the start until TEXT has
 * been written to the terminal. Curses paints a frame top to bottom, so
 * TEXT taken from the status line (the bottom row) marks the first
 * complete frame. Then it types KEYS (default "q") and waits for CMD to
 * exit; MAXRSS_KB is its peak memory.
 *
 * Anything else (TEXT never shown, CMD not exiting after KEYS, a non-zero
 * exit) writes nothing and exits non-zero: a failed run is never a time.
 * The program under test needs no help from us: it runs exactly as on a
 * real terminal. */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 65536

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The last bytes the program wrote, to show why a run failed. */
static char tail[400];
static size_t tail_len;

static void keep_tail(const char *p, size_t n)
{
	if (n >= sizeof tail) {
		p += n - sizeof tail;
		n = sizeof tail;
	}
	size_t drop = tail_len + n > sizeof tail ? tail_len + n - sizeof tail : 0;
	memmove(tail, tail + drop, tail_len - drop);
	memcpy(tail + tail_len - drop, p, n);
	tail_len += n - drop;
}

static int is_final(char c)
{
	return c >= '@' && c <= '~' && c != '[';
}

/* The tail as one readable line: escape sequences and controls become spaces. */
static const char *tail_text(void)
{
	static char out[sizeof tail + 1];
	size_t j = 0;
	for (size_t i = 0; i < tail_len; i++) {
		unsigned char c = (unsigned char)tail[i];
		if (c == 0x1b) { /* skip ESC, the parameters and the final byte */
			while (i + 1 < tail_len && !is_final(tail[i + 1]))
				i++;
			i++;
		} else if (c >= ' ' && c != 0x7f && !(j && out[j - 1] == ' ' && c == ' '))
			out[j++] = (char)c;
		else if (j && out[j - 1] != ' ')
			out[j++] = ' ';
	}
	out[j] = '\0';
	return out;
}

/* Reads what the terminal shows until text appears (returns 1), the
 * deadline passes or the program closes the terminal (0). The last
 * bytes are kept so that text split across two reads is found. */
static int wait_for_text(int fd, const char *text, double deadline)
{
	size_t tlen = strlen(text), keep = 0;
	char *buf = malloc(CHUNK + tlen);
	int found = 0;
	while (buf && !found) {
		double left = deadline - now_ms();
		struct pollfd p = {.fd = fd, .events = POLLIN};
		if (left <= 0 || poll(&p, 1, (int)left + 1) <= 0)
			break;
		ssize_t n = read(fd, buf + keep, CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break; /* EIO: the program closed the terminal */
		keep_tail(buf + keep, (size_t)n);
		size_t len = keep + (size_t)n;
		found = memmem(buf, len, text, tlen) != NULL;
		keep = len < tlen ? len : tlen - 1;
		memmove(buf, buf + len - keep, keep);
	}
	free(buf);
	return found;
}

/* Reads and drops output until the program closes the terminal. */
static int drain(int fd, double deadline)
{
	char buf[CHUNK];
	for (;;) {
		double left = deadline - now_ms();
		struct pollfd p = {.fd = fd, .events = POLLIN};
		if (left <= 0 || poll(&p, 1, (int)left + 1) <= 0)
			return 0;
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 1; /* EIO: the last descriptor on the program's side closed */
	}
}

static int usage(void)
{
	fputs(
	    "usage: firstframe [-s COLSxROWS] [-k KEYS] [-t TIMEOUT_MS] RESULT TEXT CMD [ARG...]\n",
	    stderr);
	return 2;
}

int main(int argc, char **argv)
{
	struct winsize ws = {.ws_col = 80, .ws_row = 24};
	const char *keys = "q";
	double timeout = 10000;
	int opt;
	while ((opt = getopt(argc, argv, "+s:k:t:")) != -1) {
		unsigned short c, r;
		if (opt == 's' && sscanf(optarg, "%hux%hu", &c, &r) == 2)
			ws.ws_col = c, ws.ws_row = r;
		else if (opt == 'k')
			keys = optarg;
		else if (opt == 't')
			timeout = atof(optarg);
		else
			return usage();
	}
	if (argc - optind < 3)
		return usage();
	const char *result = argv[optind], *text = argv[optind + 1];
	char **cmd = argv + optind + 2;
	unlink(result); /* a stale result must not pass for this run's */

	int fd;
	double start = now_ms();
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("firstframe: forkpty");
		return 2;
	}
	if (pid == 0) {
		execvp(cmd[0], cmd);
		fprintf(stderr, "firstframe: %s: %s\n", cmd[0], strerror(errno));
		_exit(127);
	}
	int shown = wait_for_text(fd, text, start + timeout);
	double frame = now_ms() - start;
	if (shown && write(fd, keys, strlen(keys)) < 0)
		shown = 0;
	int closed = shown && drain(fd, now_ms() + timeout);
	if (!closed)
		kill(pid, SIGKILL);
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("firstframe: wait4");
			return 2;
		}
	close(fd);
	if (!shown) {
		fprintf(stderr,
		        "firstframe: '%s' not shown (waited up to %.0f ms); the screen "
		        "ended: %s\n",
		        text, timeout, tail_text());
		return 1;
	}
	if (!closed || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "firstframe: %s did not exit cleanly after the keys '%s'\n", cmd[0],
		        keys);
		return 1;
	}
	FILE *fp = fopen(result, "w");
	if (!fp || fprintf(fp, "%.1f %ld\n", frame, ru.ru_maxrss) < 0 || fclose(fp) != 0) {
		perror(result);
		return 2;
	}
	return 0;
}
