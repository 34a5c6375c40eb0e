/* session add | session edit (session list is in session_list.c) */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alliance/cli/session.h"
#include "alliance/cli/commands.h"
#include "alliance/db/session.h"
#include "alliance/core/parse.h"
#include "alliance/core/text.h"
#include "alliance/core/vocab.h"

/* Reads a note file ("-": standard input) into buf, at most AL_NOTE_MAX
 * bytes, with plain newlines (CRLF read as LF) and no trailing newline.
 * The text never goes into a message; opt names the option in them
 * ("note-file", "client-comment-file"). */
static enum al_status note_read(struct cli *c, const char *opt, const char *path, char *buf)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	size_t n = 0;
	ssize_t got = 1;
	char why[128];
	if (fd < 0)
		return al_fail(c->err, AL_EINPUT, "%s: --%s: cannot read '%s': %s", c->cmd, opt,
		               path, strerror(errno));
	while (n <= AL_NOTE_MAX && (got = read(fd, buf + n, AL_NOTE_MAX + 1 - n)) > 0)
		n += (size_t)got;
	int e = errno;
	if (!is_stdin)
		close(fd);
	if (got < 0)
		return al_fail(c->err, AL_EINPUT, "%s: --%s: cannot read '%s': %s", c->cmd, opt,
		               path, strerror(e));
	if (n > AL_NOTE_MAX)
		return al_fail(c->err, AL_EINPUT, "%s: --%s: '%s' is longer than %d bytes", c->cmd,
		               opt, path, AL_NOTE_MAX);
	n = text_plain_lines(buf, n);
	while (n > 0 && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	if (n == 0)
		return al_fail(c->err, AL_EINPUT, "%s: --%s: '%s' is empty", c->cmd, opt, path);
	if (!text_valid(buf, n, true, why, sizeof why))
		return al_fail(c->err, AL_EINPUT, "%s: --%s: '%s' %s", c->cmd, opt, path, why);
	return AL_OK;
}

static enum al_status parse_date_opt(struct cli *c, const char *s, int32_t *date)
{
	if (!parse_date(s, date))
		return al_fail(c->err, AL_EINPUT,
		               "%s: --date: '%.40s' is not a valid date (YYYY-MM-DD)", c->cmd, s);
	if (date_in_future(*date, c->today))
		return al_fail(c->err, AL_EINPUT, "%s: --date: '%s' is in the future", c->cmd, s);
	return AL_OK;
}

/* The --DIM N options: every key a dimension, every value a rating. */
static enum al_status parse_ratings(struct cli *c, const struct db_dims *dims,
                                    const struct cli_extra *x, al_tenths *rating)
{
	for (int k = 0; k < x->n; k++) {
		int i = db_dims_find(dims, x->key[k]);
		const char *why;
		if (i < 0)
			return al_fail(c->err, AL_EINPUT, "%s: unknown dimension '%.40s'", c->cmd,
			               x->key[k]);
		if (rating[i] != AL_MISSING)
			return al_fail(c->err, AL_EUSAGE, "%s: --%s given twice", c->cmd,
			               x->key[k]);
		if (!parse_rating(x->value[k], &rating[i], &why)) {
			bool is = strncmp(why, "out of", 6) == 0 || strncmp(why, "not ", 4) == 0;
			return al_fail(c->err, AL_EINPUT, "%s: --%s: '%.20s'%s%s", c->cmd,
			               x->key[k], x->value[k], is ? " is " : ": ", why);
		}
	}
	return AL_OK;
}

/* Rater, rupture marker and context. */
static enum al_status parse_marks(struct cli *c, const struct cli_opt *opts, enum al_rater *rater,
                                  struct db_session_in *in)
{
	const char *s;
	char words[64];
	*rater = AL_RATER_CLIENT;
	vocab_list(al_rater_words, 0, AL_RATER_COUNT, words, sizeof words);
	if ((s = cli_opt(opts, "rater")) && !parse_rater(s, rater))
		return al_fail(c->err, AL_EINPUT, "%s: --rater: '%.40s' is not %s", c->cmd, s,
		               words);
	vocab_list(al_rupture_words, 1, AL_RUPTURE_WORDS, words, sizeof words);
	if ((s = cli_opt(opts, "rupture")) &&
	    (!parse_rupture(s, &in->rupture) || in->rupture == AL_RUPTURE_NONE))
		return al_fail(c->err, AL_EINPUT, "%s: --rupture: '%.40s' is not %s", c->cmd, s,
		               words);
	if ((s = cli_opt(opts, "context"))) {
		if (strlen(s) > AL_CONTEXT_MAX)
			return al_fail(c->err, AL_EINPUT, "%s: --context: longer than %d bytes",
			               c->cmd, AL_CONTEXT_MAX);
		char why[128];
		if (!text_valid(s, strlen(s), false, why, sizeof why))
			return al_fail(c->err, AL_EINPUT, "%s: --context: %s", c->cmd, why);
		in->context = s;
	}
	in->set_rupture = in->rupture != AL_RUPTURE_NONE || in->context;
	return AL_OK;
}

static enum al_status parse_note(struct cli *c, const struct cli_opt *opts, char *buf,
                                 struct db_session_in *in)
{
	const char *text = cli_opt(opts, "note"), *file = cli_opt(opts, "note-file");
	char why[128];
	if (text) {
		size_t n = strlen(text);
		if (n > AL_NOTE_MAX)
			return al_fail(c->err, AL_EINPUT, "%s: --note: longer than %d bytes",
			               c->cmd, AL_NOTE_MAX);
		memcpy(buf, text, n + 1);
		text_plain_lines(buf, n);
		if (!text_valid(buf, strlen(buf), true, why, sizeof why))
			return al_fail(c->err, AL_EINPUT, "%s: --note: %s", c->cmd, why);
		in->note = buf;
	}
	if (file) {
		enum al_status st = note_read(c, "note-file", file, buf);
		if (st)
			return st;
		in->note = buf;
	}
	return AL_OK;
}

/* Attendance and the check-in answers (SPEC §1, §3). */
static enum al_status parse_engagement(struct cli *c, const struct cli_opt *opts,
                                       struct db_session_in *in)
{
	static const char *const answers[] = {"tension", "talked"};
	int8_t *value[] = {&in->tension, &in->talked};
	const char *s;
	if ((s = cli_opt(opts, "attendance"))) {
		if (!parse_attendance(s, &in->attendance))
			return al_fail(c->err, AL_EINPUT,
			               "%s: --attendance: '%.40s' is not attended, cancelled, "
			               "late-cancel, no-show or clinician-cancel",
			               c->cmd, s);
		in->set_attendance = true;
	}
	for (int k = 0; k < 2; k++)
		if ((s = cli_opt(opts, answers[k])) && !parse_checkin(s, value[k]))
			return al_fail(c->err, AL_EINPUT,
			               "%s: --%s: '%.20s' is not a whole number from 0 to 4",
			               c->cmd, answers[k], s);
	if ((s = cli_opt(opts, "misunderstood")) && !parse_yes_no(s, &in->misunderstood))
		return al_fail(c->err, AL_EINPUT, "%s: --misunderstood: '%.20s' is not yes or no",
		               c->cmd, s);
	if (in->talked != AL_NO_ANSWER && in->tension == 0)
		return al_fail(c->err, AL_EINPUT, "%s: --talked needs --tension above 0", c->cmd);
	return AL_OK;
}

static bool any_rating(const struct db_session_in *in)
{
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (int i = 0; i < AL_DIM_MAX; i++)
			if (in->rating[r][i] != AL_MISSING)
				return true;
	return false;
}

/* A session that did not take place is only the record: the options that
 * belong to a session held are refused with it, naming the option. */
static enum al_status check_not_attended(struct cli *c, const struct cli_opt *opts,
                                         const struct db_session_in *in)
{
	if (!in->set_attendance || in->attendance == AL_ATTENDED)
		return AL_OK;
	const char *what = any_rating(in)                   ? "ratings"
	                   : in->rupture != AL_RUPTURE_NONE ? "rupture marker"
	                   : in->tension != AL_NO_ANSWER || in->talked != AL_NO_ANSWER ||
	                           in->misunderstood != AL_NO_ANSWER
	                       ? "check-in"
	                   : cli_opt(opts, "client-comment-file") ? "client comment"
	                                                          : NULL;
	if (!what)
		return AL_OK;
	return al_fail(c->err, AL_EINPUT, "%s: --attendance %s: a session not attended has no %s",
	               c->cmd, attendance_name(in->attendance), what);
}

static enum al_status parse_comment(struct cli *c, const struct cli_opt *opts, char *buf,
                                    struct db_session_in *in)
{
	const char *file = cli_opt(opts, "client-comment-file");
	if (!file)
		return AL_OK;
	enum al_status st = note_read(c, "client-comment-file", file, buf);
	if (!st)
		in->comment = buf;
	return st;
}

/* Note and comment buffers: wiped before they are freed, so no note text
 * is left in freed memory. */
struct texts {
	char *note, *comment;
};

static void texts_free(struct texts *t)
{
	if (t->note)
		explicit_bzero(t->note, AL_NOTE_MAX + 1);
	if (t->comment)
		explicit_bzero(t->comment, AL_NOTE_MAX + 1);
	free(t->note);
	free(t->comment);
}

static enum al_status parse_texts(struct cli *c, const struct cli_opt *opts, struct texts *t,
                                  struct db_session_in *in)
{
	if (!(t->note = malloc(AL_NOTE_MAX + 1)) || !(t->comment = malloc(AL_NOTE_MAX + 1)))
		return al_fail(c->err, AL_EIO, "out of memory");
	enum al_status st = parse_note(c, opts, t->note, in);
	return st ? st : parse_comment(c, opts, t->comment, in);
}

/* --session N: the client's N-th session, in the write transaction; a
 * --date given too must be that session's date. */
static enum al_status address(struct cli *c, const struct al_client *cl, long n, bool dated,
                              struct db_session_in *in)
{
	char want[AL_DATE_LEN + 1], has[AL_DATE_LEN + 1];
	int32_t date;
	enum al_status st = db_session_number(c->db, cl->id, (int)n, &in->add_to, &date, c->err);
	if (st)
		return st;
	if (!in->add_to)
		return al_fail(c->err, AL_EINPUT, "%s: --session: %s has no session %ld", c->cmd,
		               cl->code, n);
	if (dated && date != in->date) {
		format_date(in->date, want);
		format_date(date, has);
		return al_fail(c->err, AL_EINPUT,
		               "%s: --session: session %ld of %s is on %s, not %s", c->cmd, n,
		               cl->code, has, want);
	}
	in->date = date;
	return AL_OK;
}

/* The client is looked up again inside the write transaction: the id it
 * names cannot change between the check and the write. number: --session
 * N, 0 for none. */
static enum al_status session_save(struct cli *c, const char *code, const struct db_dims *dims,
                                   long number, bool dated, struct db_session_in *in,
                                   struct al_client *cl, int64_t *id)
{
	enum al_status st;
	if ((st = db_begin(c->db, c->err)) || (st = cli_client(c, code, ACCESS_WRITE, cl)))
		goto out;
	in->client_id = cl->id;
	if (number && (st = address(c, cl, number, dated, in)))
		goto out;
	if (!(st = db_session_save(c->db, dims, in, id, c->err)))
		st = db_commit(c->db, c->err);
out:
	db_rollback(c->db);
	return st;
}

/* session add, and session edit (edit: what is given replaces what the
 * session has, as with --replace, and the session must exist). */
static enum al_status session_add(struct cli *c, int argc, char **argv, bool edit)
{
	struct cli_opt add_opts[] = {{"date", true},
	                             {"rater", true},
	                             {"rupture", true},
	                             {"context", true},
	                             {"note", true},
	                             {"note-file", true},
	                             {"replace", false},
	                             {"new", false},
	                             {"session", true},
	                             {"attendance", true},
	                             {"tension", true},
	                             {"talked", true},
	                             {"misunderstood", true},
	                             {"client-comment-file", true},
	                             {NULL}};
	struct cli_opt edit_opts[] = {{"date", true},    {"rater", true}, {"rupture", true},
	                              {"context", true}, {"note", true},  {"note-file", true},
	                              {"session", true}, {NULL}};
	struct cli_opt *opts = edit ? edit_opts : add_opts;
	const char *pos[1];
	struct cli_extra extra = {0};
	struct db_session_in in;
	struct db_dims dims;
	struct al_client cl;
	enum al_rater rater;
	int32_t date;
	enum al_status st = cli_parse(c, argc, argv, opts, pos, 1, 1, &extra);
	if (st)
		return st;
	const char *date_arg = cli_opt(opts, "date"), *number_arg = cli_opt(opts, "session");
	long number = 0;
	if (!date_arg && !number_arg)
		return al_fail(c->err, AL_EUSAGE, "%s: --date (or --session) is required", c->cmd);
	if (cli_opt(opts, "note") && cli_opt(opts, "note-file"))
		return al_fail(c->err, AL_EUSAGE,
		               "%s: --note and --note-file cannot be used together", c->cmd);
	if (number_arg && cli_opt(opts, "new"))
		return al_fail(c->err, AL_EUSAGE, "%s: --new and --session cannot be used together",
		               c->cmd);
	if (number_arg && !parse_int(number_arg, 1, 1000000, &number))
		return al_fail(c->err, AL_EINPUT, "%s: --session: '%.40s' is not a session number",
		               c->cmd, number_arg);
	date = c->today;
	if ((st = cli_client(c, pos[0], ACCESS_WRITE, &cl)) ||
	    (date_arg && (st = parse_date_opt(c, date_arg, &date))) ||
	    (st = db_dims_load(c->db, &dims, c->err)))
		return st;
	db_session_in_init(&in, cl.id, date);
	if ((st = parse_marks(c, opts, &rater, &in)) ||
	    (st = parse_ratings(c, &dims, &extra, in.rating[rater])) ||
	    (st = parse_engagement(c, opts, &in)) || (st = check_not_attended(c, opts, &in)))
		return st;
	in.replace = edit || cli_opt(opts, "replace") != NULL;
	in.new_session = cli_opt(opts, "new") != NULL;
	in.must_exist = edit;
	struct texts texts = {0};
	int64_t id;
	if (!(st = parse_texts(c, opts, &texts, &in)) &&
	    !(st = session_save(c, pos[0], &dims, number, date_arg != NULL, &in, &cl, &id)))
		st = cli_session_stored(c, &dims, &cl, &in, rater, id);
	texts_free(&texts);
	return st;
}

enum al_status cmd_session(struct cli *c, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "add") == 0 || strcmp(sub, "edit") == 0) {
		bool edit = sub[0] == 'e';
		c->cmd = edit ? "session edit" : "session add";
		return session_add(c, argc - 2, argv + 2, edit);
	}
	if (strcmp(sub, "list") == 0) {
		c->cmd = "session list";
		return cli_session_list(c, argc - 2, argv + 2);
	}
	return al_fail(c->err, AL_EUSAGE, "session: expected 'add', 'edit' or 'list'");
}
