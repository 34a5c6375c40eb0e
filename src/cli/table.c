/* The command table (SPEC §3): one row a command or sub-command, with its
 * options. Adding a command is adding a row here (and its cmd_ function);
 * cli_parse refuses to run a command whose options differ from its row. */
#include <string.h>

#include "alliance/cli/table.h"
#include "alliance/cli/commands.h"
#include "alliance/core/parse.h"
#include "alliance/core/repair_record.h"

#define OPTS(...) ((const struct cli_optdef[]){__VA_ARGS__, {NULL}})
#define WORDS(...) ((const char *const[]){__VA_ARGS__, NULL})

static const char *const listing_formats[] = {"table", "csv", "json", NULL};

/* One row per command reads best as the table it is. */
/* clang-format off */
/* Options several commands share. */
#define O_FORMAT {"format", "FORMAT", CV_WORDS, listing_formats}
#define O_CLINICIAN {"clinician", "NAME", CV_USER}
#define O_FROM {"from", "D", CV_TEXT}
#define O_TO {"to", "D", CV_TEXT}
#define O_OUTPUT {"output", "FILE", CV_FILE}

const struct cli_optdef cli_globals[] = {
	{"db", "PATH", CV_FILE},
	{"user", "NAME", CV_USER},
	{"read-only"},
	{"ascii"},
	{"shared"},
	{"quiet"},
	{"help"},
	{"version"},
	{NULL},
};

const struct cli_cmddef cli_commands[] = {
	{"init", NULL, cmd_init, "", {0}, false, NULL,
	 "create or migrate the database, print its path"},
	{"demo", NULL, cmd_demo, "", {0}, false,
	 OPTS({"clients", "N", CV_TEXT}, {"sessions", "N", CV_TEXT}, {"seed", "S", CV_TEXT}),
	 "fill a database with a deterministic demo practice"},
	{"user", "add", cmd_user, "NAME", {CV_TEXT}, false,
	 OPTS({"role", "ROLE", CV_WORDS, WORDS("clinician", "supervisor")},
	      {"supervisor", "NAME", CV_USER}),
	 "add a user (a clinician unless --role supervisor)"},
	{"user", "list", cmd_user, "", {0}, false, OPTS(O_FORMAT), "list the users"},
	{"user", "pin", cmd_user, "", {0}, false, NULL,
	 "set or change your PIN (typed twice on the terminal, stored only as a hash)"},
	{"client", "add", cmd_client, "CODE", {CV_TEXT}, false,
	 OPTS(O_CLINICIAN,
	      {"modality", "M", CV_WORDS,
	       WORDS("cbt", "psychodynamic", "humanistic", "integrative", "other")},
	      {"goal", "TEXT", CV_TEXT}),
	 "add a client, stored only by a pseudonymous code"},
	{"client", "list", cmd_client, "", {0}, false,
	 OPTS({"archived"}, O_CLINICIAN, O_FORMAT), "list the clients"},
	{"client", "archive", cmd_client, "CODE", {CV_CLIENT}, false,
	 OPTS({"reason", "R", CV_WORDS, al_ending_names}, {"date", "D", CV_TEXT}),
	 "end a client's course: out of the listings, every record kept"},
	{"client", "unarchive", cmd_client, "CODE", {CV_CLIENT}, false, NULL,
	 "bring an archived client back"},
	{"client", "delete", cmd_client, "CODE", {CV_CLIENT}, false,
	 OPTS({"purge", NULL, CV_NONE, NULL, true}),
	 "remove a client and everything recorded about them, for good"},
	{"session", "add", cmd_session, "CODE", {CV_CLIENT}, true,
	 OPTS({"date", "YYYY-MM-DD", CV_TEXT, NULL, true},
	      {"rater", "R", CV_WORDS, WORDS("client", "clinician")},
	      {"rupture", "R", CV_WORDS, WORDS("withdrawal", "confrontation")},
	      {"context", "TEXT", CV_TEXT}, {"note", "TEXT", CV_TEXT},
	      {"note-file", "F", CV_FILE}, {"replace"}, {"new"}, {"session", "N", CV_TEXT},
	      {"attendance", "A", CV_WORDS, al_attendance_names},
	      {"tension", "0-4", CV_WORDS, al_checkin_values},
	      {"talked", "0-4", CV_WORDS, al_checkin_values},
	      {"misunderstood", "yes|no", CV_WORDS, al_yes_no},
	      {"client-comment-file", "F", CV_FILE}),
	 "record a session: ratings, attendance, check-in, rupture marker and note"},
	{"session", "edit", cmd_session, "CODE", {CV_CLIENT}, true,
	 OPTS({"session", "N", CV_TEXT}, {"date", "YYYY-MM-DD", CV_TEXT},
	      {"rater", "R", CV_WORDS, WORDS("client", "clinician")},
	      {"rupture", "R", CV_WORDS, WORDS("withdrawal", "confrontation")},
	      {"context", "TEXT", CV_TEXT}, {"note", "TEXT", CV_TEXT},
	      {"note-file", "F", CV_FILE}),
	 "change what a session has: the N-th, or the last on --date"},
	{"session", "list", cmd_session, "CODE", {CV_CLIENT}, false, OPTS(O_FORMAT),
	 "a client's sessions with their ratings"},
	{"episodes", NULL, cmd_episodes, "[CODE]", {CV_CLIENT}, false,
	 OPTS(O_CLINICIAN, {"all"}, O_FORMAT),
	 "current episodes (ruptures and their repair), or every one with --all"},
	{"flags", NULL, cmd_flags, "[CODE]", {CV_CLIENT}, false,
	 OPTS(O_CLINICIAN, {"all"}, O_FORMAT), "current flags, or every flag with --all"},
	{"report", NULL, cmd_report, "CODE", {CV_CLIENT}, false,
	 OPTS(O_FROM, O_TO, {"format", "FORMAT", CV_WORDS, WORDS("text", "html")},
	      {"with-notes"}, O_OUTPUT),
	 "one client's course as text or a self-contained HTML page"},
	{"chart", NULL, cmd_chart, "CODE", {CV_CLIENT}, false,
	 OPTS({"dimension", "D", CV_DIMENSION}, {"width", "N", CV_TEXT}),
	 "the trend chart, to standard output"},
	{"caseload", NULL, cmd_caseload, "", {0}, false, OPTS(O_CLINICIAN, O_FORMAT),
	 "every client, most urgent first"},
	{"board", NULL, cmd_board, "", {0}, false,
	 OPTS(O_CLINICIAN, {"status", "S", CV_WORDS, WORDS("RUPTURE", "WATCH", "repaired", "ok")},
	      {"summary"}, O_FORMAT),
	 "the supervisor board: clients in risk order, a line per clinician"},
	{"ack", NULL, cmd_ack, "CODE", {CV_CLIENT}, false,
	 OPTS({"episode", "N", CV_TEXT, NULL, true}, {"comment", "TEXT", CV_TEXT, NULL, true}),
	 "a supervisor acknowledges the episode that opened at session N, with a comment"},
	{"repair", NULL, cmd_repair, "CODE", {CV_CLIENT}, false,
	 OPTS({"episode", "N", CV_TEXT, NULL, true},
	      {"domain", "D", CV_WORDS, repair_domain_words, true, repair_domain_about},
	      {"strategy", "S[,S...]", CV_WORDS, repair_strategy_words, true,
	       repair_strategy_about},
	      {"session", "N", CV_TEXT}, {"note-file", "F", CV_FILE}),
	 "record what was done about an episode (the one that opened at session N)"},
	{"repairs", NULL, cmd_repairs, "[CODE]", {CV_CLIENT}, false, OPTS(O_CLINICIAN, O_FORMAT),
	 "the repair records, one row per strategy"},
	{"development", NULL, cmd_development, "", {0}, false,
	 OPTS(O_CLINICIAN, O_FROM, O_TO,
	      {"format", "FORMAT", CV_WORDS, WORDS("text", "html", "csv")}, O_OUTPUT),
	 "a clinician's development summary: episodes, domains, what has helped"},
	{"export", NULL, cmd_export, "", {0}, false,
	 OPTS(O_FROM, O_TO, {"anonymize"}, {"excel-safe"},
	      {"format", "FORMAT", CV_WORDS, WORDS("csv", "json")}, O_OUTPUT),
	 "all ratings as CSV or JSON"},
	{"import", NULL, cmd_import, "FILE", {CV_FILE}, false, OPTS({"dry-run"}),
	 "ratings in the export's CSV format, all or nothing"},
	{"dimension", "add", cmd_dimension, "KEY LABEL", {CV_TEXT, CV_TEXT}, false, NULL,
	 "add a rated dimension"},
	{"dimension", "list", cmd_dimension, "", {0}, false, OPTS(O_FORMAT),
	 "list the dimensions"},
	{"config", "get", cmd_config, "[KEY]", {CV_SETTING}, false, OPTS(O_FORMAT),
	 "a setting's value (every setting without KEY)"},
	{"config", "set", cmd_config, "KEY VALUE", {CV_SETTING, CV_TEXT}, false, NULL,
	 "change a detection setting"},
	{"config", "list", cmd_config, "", {0}, false, OPTS(O_FORMAT),
	 "every setting with its value, default and range"},
	{"backup", NULL, cmd_backup, "FILE", {CV_FILE}, false, NULL,
	 "a consistent copy of the database (mode 0600)"},
	{"check", NULL, cmd_check, "", {0}, false, NULL,
	 "integrity and foreign-key check"},
	{"audit", NULL, cmd_audit, "", {0}, false, OPTS(O_FROM, O_TO, O_FORMAT),
	 "the audit trail, oldest first"},
};
/* clang-format on */
const size_t cli_ncommands = sizeof cli_commands / sizeof cli_commands[0];

const struct cli_cmddef *cli_group_find(const char *name)
{
	for (size_t i = 0; i < cli_ncommands; i++)
		if (strcmp(cli_commands[i].group, name) == 0)
			return &cli_commands[i];
	return NULL;
}

const struct cli_cmddef *cli_command_find(const char *full)
{
	char name[64];
	for (size_t i = 0; i < cli_ncommands; i++) {
		cli_command_name(&cli_commands[i], name, sizeof name);
		if (strcmp(name, full) == 0)
			return &cli_commands[i];
	}
	return NULL;
}

const struct cli_optdef *cli_optdef_find(const struct cli_cmddef *d, const char *name)
{
	const struct cli_optdef *o = d ? d->opts : cli_globals;
	for (; o && o->name; o++)
		if (strcmp(o->name, name) == 0)
			return o;
	return NULL;
}

void cli_command_name(const struct cli_cmddef *d, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s%s%s", d->group, d->sub ? " " : "", d->sub ? d->sub : "");
}
