/* timeit RESULT CMD [ARG...]: runs CMD (stdin, stdout and stderr inherited)
 * and, when it exits 0, writes "WALL_MS MAXRSS_KB" to the file RESULT.
 * Any other end (non-zero exit, a signal, exec failure) writes nothing and
 * exits non-zero, so that a failed run can never be read as a time.
 *
 * The peak memory is wait4's ru_maxrss: the largest resident set of CMD or
 * of any descendant it waited for (so `sh -c 'a && b'` reports the larger
 * of a and b, not their sum). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: timeit RESULT CMD [ARG...]\n", stderr);
		return 2;
	}
	unlink(argv[1]); /* a stale result must not pass for this run's */
	double start = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		perror("timeit: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "timeit: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("timeit: wait4");
			return 2;
		}
	double wall = now_ms() - start;
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "timeit: %s killed by signal %d\n", argv[2], WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	if (WEXITSTATUS(status) != 0) {
		fprintf(stderr, "timeit: %s exited %d\n", argv[2], WEXITSTATUS(status));
		return WEXITSTATUS(status);
	}
	FILE *fp = fopen(argv[1], "w");
	if (!fp || fprintf(fp, "%.1f %ld\n", wall, ru.ru_maxrss) < 0 || fclose(fp) != 0) {
		perror(argv[1]);
		return 2;
	}
	return 0;
}
