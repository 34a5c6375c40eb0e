/* session add | session edit | session list */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alliance/commands.h"
#include "alliance/db_session.h"
#include "alliance/parse.h"
#include "alliance/text.h"
#include "alliance/vocab.h"

/* Reads a note file ("-": standard input) into buf, at most AL_NOTE_MAX
 * bytes, with plain newlines (CRLF read as LF) and no trailing newline.
 * The text never goes into a message. */
static enum al_status note_read(struct cli *c, const char *path, char *buf)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	size_t n = 0;
	ssize_t got = 1;
	char why[128];
	if (fd < 0)
		return al_fail(c->err, AL_EINPUT, "%s: --note-file: cannot read '%s': %s", c->cmd,
		               path, strerror(errno));
	while (n <= AL_NOTE_MAX && (got = read(fd, buf + n, AL_NOTE_MAX + 1 - n)) > 0)
		n += (size_t)got;
	int e = errno;
	if (!is_stdin)
		close(fd);
	if (got < 0)
		return al_fail(c->err, AL_EINPUT, "%s: --note-file: cannot read '%s': %s", c->cmd,
		               path, strerror(e));
	if (n > AL_NOTE_MAX)
		return al_fail(c->err, AL_EINPUT, "%s: --note-file: '%s' is longer than %d bytes",
		               c->cmd, path, AL_NOTE_MAX);
	n = text_plain_lines(buf, n);
	while (n > 0 && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	if (n == 0)
		return al_fail(c->err, AL_EINPUT, "%s: --note-file: '%s' is empty", c->cmd, path);
	if (!text_valid(buf, n, true, why, sizeof why))
		return al_fail(c->err, AL_EINPUT, "%s: --note-file: '%s' %s", c->cmd, path, why);
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
		enum al_status st = note_read(c, file, buf);
		if (st)
			return st;
		in->note = buf;
	}
	return AL_OK;
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
                                   long number, bool dated, struct db_session_in *in)
{
	struct al_client cl;
	int64_t id;
	enum al_status st;
	if ((st = db_begin(c->db, c->err)) || (st = cli_client(c, code, ACCESS_WRITE, &cl)))
		goto out;
	in->client_id = cl.id;
	if (number && (st = address(c, &cl, number, dated, in)))
		goto out;
	if (!(st = db_session_save(c->db, dims, in, &id, c->err)))
		st = db_commit(c->db, c->err);
out:
	db_rollback(c->db);
	return st;
}

/* session add, and session edit (edit: what is given replaces what the
 * session has, as with --replace, and the session must exist). */
static enum al_status session_add(struct cli *c, int argc, char **argv, bool edit)
{
	struct cli_opt add_opts[] = {{"date", true},     {"rater", true},
	                             {"rupture", true},  {"context", true},
	                             {"note", true},     {"note-file", true},
	                             {"replace", false}, {"new", false},
	                             {"session", true},  {NULL}};
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
	    (st = parse_ratings(c, &dims, &extra, in.rating[rater])))
		return st;
	in.replace = edit || cli_opt(opts, "replace") != NULL;
	in.new_session = cli_opt(opts, "new") != NULL;
	in.must_exist = edit;
	char *note = malloc(AL_NOTE_MAX + 1);
	if (!note)
		return al_fail(c->err, AL_EIO, "out of memory");
	if (!(st = parse_note(c, opts, note, &in)))
		st = session_save(c, pos[0], &dims, number, date_arg != NULL, &in);
	explicit_bzero(note, AL_NOTE_MAX + 1); /* no note text left in freed memory */
	free(note);
	return st;
}

/* session list: CSV and JSON have the rows of export (SPEC §3); the table
 * shows one line per session and rater with the dimensions as columns. */
static const struct out_col list_cols[] = {
    {"session", true}, {"date"},    {"rater"},   {"dimension"},
    {"value", true},   {"rupture"}, {"context"},
};

static enum al_status list_session(struct out *o, const struct db_course *dc, size_t i,
                                   struct al_error *err)
{
	const struct al_course *c = &dc->course;
	const struct al_session *s = &c->sessions[i];
	char seq[12], date[AL_DATE_LEN + 1], value[8];
	const char *cells[] = {seq, date, "", "", "", rupture_name(s->rupture), dc->context[i]};
	bool rated = false;
	snprintf(seq, sizeof seq, "%d", s->seq);
	format_date(s->date, date);
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (size_t d = 0; d < c->ndims; d++) {
			if (s->rating[r][d] == AL_MISSING)
				continue;
			format_tenths(s->rating[r][d], value);
			cells[2] = rater_name((enum al_rater)r);
			cells[3] = c->dims[d].key;
			cells[4] = value;
			rated = true;
			if (out_row(o, cells, err))
				return err->status;
		}
	return rated ? AL_OK : out_row(o, cells, err);
}

/* One table line for a session and rater: "-" marks a missing rating. */
static enum al_status table_line(struct out *o, const struct db_course *dc, size_t i,
                                 const char *rater, const al_tenths *rating, struct al_error *err)
{
	const struct al_course *c = &dc->course;
	const struct al_session *s = &c->sessions[i];
	char seq[12], date[AL_DATE_LEN + 1], value[AL_DIM_MAX][8];
	const char *cells[AL_DIM_MAX + 6];
	int n = 0;
	snprintf(seq, sizeof seq, "%d", s->seq);
	format_date(s->date, date);
	cells[n++] = seq;
	cells[n++] = date;
	cells[n++] = rater;
	for (size_t d = 0; d < c->ndims; d++) {
		if (rating && rating[d] != AL_MISSING)
			format_tenths(rating[d], value[d]);
		else
			snprintf(value[d], sizeof value[d], "-");
		cells[n++] = value[d];
	}
	cells[n++] = rupture_name(s->rupture);
	cells[n++] = dc->has_note[i] ? "yes" : "";
	cells[n++] = dc->context[i]; /* last: the longest, and not padded */
	return out_row(o, cells, err);
}

static enum al_status table_session(struct out *o, const struct db_course *dc, size_t i,
                                    struct al_error *err)
{
	const struct al_session *s = &dc->course.sessions[i];
	bool rated = false;
	for (int r = 0; r < AL_RATER_COUNT; r++) {
		bool any = false;
		for (size_t d = 0; d < dc->course.ndims; d++)
			any = any || s->rating[r][d] != AL_MISSING;
		if (!any)
			continue;
		rated = true;
		if (table_line(o, dc, i, rater_name((enum al_rater)r), s->rating[r], err))
			return err->status;
	}
	return rated ? AL_OK : table_line(o, dc, i, "unrated", NULL, err);
}

static enum al_status list_print(struct cli *c, const struct db_course *dc, enum out_format fmt)
{
	struct out_col cols[AL_DIM_MAX + 6] = {{"session", true, "sess"}, {"date"}, {"rater"}};
	int n = 3;
	struct out o;
	enum al_status st = AL_OK;
	if (fmt == OUT_TABLE) {
		for (size_t d = 0; d < dc->course.ndims; d++)
			cols[n++] = (struct out_col){dc->course.dims[d].key, true};
		cols[n++] = (struct out_col){"rupture"};
		cols[n++] = (struct out_col){"note"};
		cols[n++] = (struct out_col){"context"};
		out_begin(&o, stdout, fmt, cols, n);
	} else {
		out_begin(&o, stdout, fmt, list_cols, 7);
	}
	for (size_t i = 0; i < dc->course.n && !st; i++)
		st = fmt == OUT_TABLE ? table_session(&o, dc, i, c->err)
		                      : list_session(&o, dc, i, c->err);
	enum al_status end = out_end(&o, c->err);
	return st ? st : end;
}

static enum al_status session_list(struct cli *c, int argc, char **argv)
{
	struct cli_opt opts[] = {{"format", true}, {NULL}};
	const char *pos[1];
	enum out_format fmt;
	struct db_dims dims;
	struct al_client cl;
	struct db_course course = {0};
	enum al_status st = cli_parse(c, argc, argv, opts, pos, 1, 1, NULL);
	if (st || (st = out_format_parse(c, cli_opt(opts, "format"), &fmt)) ||
	    (st = cli_client(c, pos[0], ACCESS_READ, &cl)) ||
	    (st = db_dims_load(c->db, &dims, c->err)) ||
	    (st = db_course_load(c->db, &dims, cl.id, &course, c->err)))
		goto out;
	st = list_print(c, &course, fmt);
out:
	db_course_free(&course);
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
		return session_list(c, argc - 2, argv + 2);
	}
	return al_fail(c->err, AL_EUSAGE, "session: expected 'add', 'edit' or 'list'");
}
