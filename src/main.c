/* alliance: global options, opening the database, and handing off to a
 * command (src/cli/) or the terminal UI (src/ui/). Only main decides the
 * exit code. */
#include <langinfo.h>
#include <locale.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alliance/cli/table.h"
#include "alliance/cli/commands.h"
#include "alliance/db/user.h"
#include "alliance/core/parse.h"
#include "alliance/core/text.h"
#include "alliance/ui/ui.h"

struct globals {
	const char *db;
	const char *user;
	bool read_only;
	bool ascii;
	bool shared; /* --shared or $ALLIANCE_SHARED: a clinic's group-shared directory */
	bool quiet;  /* no line saying what a write stored */
	bool help, version;
};

/* Every option is given once: a repeated one is refused, never "the last
 * wins" (a second --db would silently open another database). Sets *flag
 * or *value; false when it was set already. */
static bool set_flag(bool *flag)
{
	bool was = *flag;
	*flag = true;
	return !was;
}

static bool set_value(const char **target, const char *value)
{
	bool was = *target != NULL;
	*target = value;
	return !was;
}

/* The global named by a ("--db" or "--db=PATH"), NULL when a is none:
 * applied with its value (next, or after '='); *twice when given before,
 * *took when next was used. */
static const char *take_global(struct globals *g, const char *a, const char *next, bool *twice,
                               bool *took)
{
	static const char *const names[] = {"--read-only", "--ascii", "--shared",
	                                    "--quiet",     "--db",    "--user"};
	enum { NFLAGS = 4 };
	bool *flags[] = {&g->read_only, &g->ascii, &g->shared, &g->quiet};
	const char **values[] = {&g->db, &g->user};
	*took = false;
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
		size_t n = strlen(names[k]);
		if (strncmp(a, names[k], n) != 0 || (a[n] && (k < NFLAGS || a[n] != '=')))
			continue;
		if (k < NFLAGS) {
			*twice = !set_flag(flags[k]);
		} else {
			*took = !a[n];
			if (*took && !next)
				return NULL;
			*twice = !set_value(values[k - NFLAGS], a[n] ? a + n + 1 : next);
		}
		return names[k];
	}
	return NULL;
}

/* Global options come before the command; returns the index of the command
 * word (or argc), or -1 after printing a usage error. */
static int parse_globals(int argc, char **argv, struct globals *g)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i], *name;
		bool twice = false, took;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			g->help = true;
			continue;
		}
		if (strcmp(a, "--version") == 0) {
			g->version = true;
			continue;
		}
		if (!(name = take_global(g, a, i + 1 < argc ? argv[i + 1] : NULL, &twice, &took))) {
			bool value = strcmp(a, "--db") == 0 || strcmp(a, "--user") == 0;
			char shown[160]; /* what was typed, never raw on the terminal */
			text_escape(a, false, shown, sizeof shown);
			fprintf(stderr,
			        value ? "alliance: %s needs a value\n"
			              : "alliance: unknown option %s (see alliance --help)\n",
			        shown);
			return -1;
		}
		if (twice) {
			fprintf(stderr, "alliance: %s given twice\n", name);
			return -1;
		}
		i += took;
	}
	return i;
}

/* Applies global options given after the command too (`chart K-1 --ascii`);
 * returns the name of one given twice, or NULL. */
static const char *late_globals(int argc, char **argv, struct globals *g)
{
	for (int i = 0; i < argc; i++) {
		bool twice = false, took;
		const char *name =
		    take_global(g, argv[i], i + 1 < argc ? argv[i + 1] : NULL, &twice, &took);
		if (name && twice)
			return name;
		i += took;
	}
	return NULL;
}

static const char *login_name(void)
{
	const char *s = getenv("LOGNAME");
	if (s && *s)
		return s;
	if ((s = getenv("USER")) && *s)
		return s;
	struct passwd *pw = getpwuid(geteuid());
	return pw ? pw->pw_name : "clinician";
}

/* The account the process runs as, for the audit trail: unlike $LOGNAME
 * (which only picks the default app user) it cannot be set by the caller. */
static const char *os_account(char *buf, size_t cap)
{
	struct passwd *pw = getpwuid(getuid());
	if (pw)
		snprintf(buf, cap, "%s", pw->pw_name);
	else
		snprintf(buf, cap, "uid %ld", (long)getuid());
	return buf;
}

static const char *default_db_path(char *buf, size_t cap)
{
	const char *s = getenv("ALLIANCE_DB");
	if (s && *s)
		return s;
	if ((s = getenv("XDG_DATA_HOME")) && *s) {
		snprintf(buf, cap, "%s/alliance/alliance.db", s);
		return buf;
	}
	s = getenv("HOME");
	if (!s || !*s) {
		struct passwd *pw = getpwuid(geteuid());
		s = pw ? pw->pw_dir : ".";
	}
	snprintf(buf, cap, "%s/.local/share/alliance/alliance.db", s);
	return buf;
}

/* The first user of a new database is the one opening it (a clinician);
 * anyone else must have been added first. */
static enum al_status resolve_user(struct cli *c)
{
	struct al_user u;
	bool found;
	int64_t n;
	enum al_status st = db_user_find(c->db, c->user, &u, &found, c->err);
	if (st || found)
		goto done;
	if ((st = db_user_count(c->db, &n, c->err)))
		return st;
	if (n > 0 || db_read_only(c->db))
		return al_fail(c->err, AL_EINPUT,
		               "user: unknown user '%s' (a user of this database can add it "
		               "with: alliance user add %s)",
		               c->user, c->user);
	if ((st = db_begin(c->db, c->err)) ||
	    (st = db_user_add(c->db, c->user, false, 0, &u.id, c->err)) ||
	    (st = db_commit(c->db, c->err))) {
		db_rollback(c->db);
		return st;
	}
	u.supervisor = false;
done:
	c->user_id = u.id;
	c->supervisor = u.supervisor;
	return st;
}

/* ALLIANCE_TODAY=YYYY-MM-DD fixes "today" for golden-output tests (the demo
 * dates its practice back from today); it is not meant for daily use. */
static enum al_status local_today(struct cli *c)
{
	const char *fixed = getenv("ALLIANCE_TODAY");
	if (fixed && *fixed) {
		if (!parse_date(fixed, &c->today))
			return al_fail(c->err, AL_EINPUT,
			               "ALLIANCE_TODAY: '%.40s' is not a date (YYYY-MM-DD)", fixed);
		return AL_OK;
	}
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	c->today = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return AL_OK;
}

/* No core dumps (they would hold client data); a full disk must be an
 * error we report, not a signal that kills us mid-write. Files are private
 * until the shared mode is known (shared_mode). */
static void harden_process(void)
{
	struct rlimit none = {0, 0};
	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	signal(SIGXFSZ, SIG_IGN);
	umask(077);
}

/* A clinic keeps one database in a group-owned setgid directory: what we
 * create there must be readable and writable by the group (0660, 0770),
 * and by nobody else. $ALLIANCE_SHARED=1 sets it for every run. */
static void shared_mode(struct globals *g)
{
	const char *env = getenv("ALLIANCE_SHARED");
	if (env && *env && strcmp(env, "0") != 0)
		g->shared = true;
	if (g->shared)
		umask(007);
}

/* "client add" for `alliance client add ...`, "flags" for `alliance flags`:
 * what a refused write names (the UI names its own action). */
static const char *command_name(const struct cli_cmddef *cmd, int argc, char **argv, char *buf,
                                size_t cap)
{
	if (!cmd)
		return "alliance";
	snprintf(buf, cap, "%s %s", cmd->group, argc > 1 ? argv[1] : "");
	return cli_command_find(buf) ? buf : cmd->group;
}

/* Only these create a database where none is (SPEC §2): init, demo, a real
 * import, and the terminal UI at the default place (not at a --db or
 * $ALLIANCE_DB path, where a typing mistake must not look like an empty
 * practice). */
static bool may_create(const struct cli_cmddef *cmd, int argc, char **argv, const struct globals *g)
{
	if (!cmd) {
		const char *env = getenv("ALLIANCE_DB");
		return !g->db && !(env && *env);
	}
	if (strcmp(cmd->group, "init") == 0 || strcmp(cmd->group, "demo") == 0)
		return true;
	if (strcmp(cmd->group, "import") != 0)
		return false;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--dry-run") == 0)
			return false;
	return true;
}

static enum al_status run(struct globals *g, int argc, char **argv, struct cli *c)
{
	char path_buf[4096], account[64], full[64];
	const struct cli_cmddef *cmd = NULL;
	if (argc > 0 && !(cmd = cli_group_find(argv[0])))
		return al_fail(c->err, AL_EUSAGE, "unknown command '%s' (see alliance --help)",
		               argv[0]);
	for (int i = 1; cmd && i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cli_help_command(stdout, argc, argv);
			return AL_OK; /* no database needed to read the usage */
		}
	const char *twice = late_globals(argc, argv, g);
	if (twice)
		return al_fail(c->err, AL_EUSAGE, "%s: %s given twice", argv[0], twice);
	shared_mode(g);
	c->cmd = cmd ? cmd->group : "alliance";
	snprintf(c->user, sizeof c->user, "%s", g->user ? g->user : login_name());
	if (!valid_code(c->user))
		return al_fail(c->err, AL_EINPUT,
		               "user: '%.40s' is not a valid user name "
		               "(1-32 letters, digits, '-', '_', '.')",
		               g->user ? g->user : c->user);
	c->ascii = g->ascii || strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
	c->stdout_tty = isatty(STDOUT_FILENO);
	c->quiet = g->quiet;
	enum al_status st = local_today(c);
	if (st)
		return st;
	struct db_open_opts o = {
	    .path = g->db ? g->db : default_db_path(path_buf, sizeof path_buf),
	    .read_only = g->read_only,
	    .create = may_create(cmd, argc, argv, g),
	    .shared = g->shared,
	    .os_user = os_account(account, sizeof account),
	    .app_user = c->user,
	};
	if (!*o.path)
		return al_fail(c->err, AL_EINPUT, "--db: empty value");
	if ((st = db_open(&o, &c->db, c->err)))
		return st;
	db_set_command(c->db, command_name(cmd, argc, argv, full, sizeof full));
	if ((st = resolve_user(c)))
		return st;
	if (cmd)
		return cmd->fn(c, argc, argv);
	struct ui_start start = {.db = c->db,
	                         .err = c->err,
	                         .user = c->user,
	                         .user_id = c->user_id,
	                         .supervisor = c->supervisor,
	                         .ascii = c->ascii,
	                         .today = c->today};
	return ui_main(&start);
}

int main(int argc, char **argv)
{
	struct globals g = {0};
	struct al_error err = {0};
	struct cli c = {.err = &err};
	setlocale(LC_ALL, "");
	harden_process();
	int first = parse_globals(argc, argv, &g);
	if (first < 0)
		return AL_EUSAGE;
	if (g.help || (first < argc && strcmp(argv[first], "help") == 0)) {
		cli_help_all(stdout);
		return 0;
	}
	if (g.version) {
		printf("alliance %s\n", AL_VERSION);
		return 0;
	}
	enum al_status st = run(&g, argc - first, argv + first, &c);
	char *created = st && c.db && db_created(c.db) ? strdup(db_path(c.db)) : NULL;
	db_close(c.db);
	if (created) /* a failed command leaves no new, empty database behind */
		db_remove_new(created);
	free(created);
	if (st) {
		fflush(stdout);
		fprintf(stderr, "alliance: %s\n", err.msg);
	}
	return (int)st;
}
