#!/bin/sh
# repair and repairs: recording what was done about an episode, listing the
# records in every format, who may, bad input (one line, exit 1, nothing
# stored), and a repair note's text nowhere but its own table.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../repair_fixture.sh"
repair_fixture
rows() { sqlite3 "$DB" "SELECT count(*) FROM repair"; }
day=$(date -u +%F) # records carry the day they were written

al --user bob repair K-1 --episode 6 --domain bond --strategy clarify,validate --session 7
check "a record at a given session" 0 \
	"K-1: repair recorded for the episode opened at session 6 (bond; clarify, validate at session 7)"
printf 'MARKERWORD came up\r\nsecond line\r\n' > "$T/note"
al --user bob repair K-1 --episode 6 --domain goals --strategy "change-goal, metacommunicate" \
	--note-file "$T/note"
check "the session defaults to the client's last; a note file" 0 \
	"K-1: repair recorded for the episode opened at session 6 (goals; metacommunicate, change-goal at session 10)"
al repair A-1 --episode 3 --domain culture --strategy own-part --session 3
check "a record at the opening session" 0 \
	"A-1: repair recorded for the episode opened at session 3 (culture; own-part at session 3)"
[ "$(rows)" = 3 ] && ok "three records" || not_ok "three records" "$(rows)"
[ "$(sqlite3 "$DB" "SELECT body FROM repair_note" | od -c | grep -c '\\r')" = 0 ] &&
	ok "the note's CRLF line ends are read as plain newlines" ||
	not_ok "the note's CRLF line ends are read as plain newlines"
sqlite3 "$DB" "SELECT r.client_id, s.date, t.date, r.domain FROM repair r JOIN session s ON
	s.id = r.opened_id JOIN session t ON t.id = r.session_id ORDER BY r.id" > "$T/got"
printf '%s\n' "1|2026-10-09|2026-10-16|bond" "1|2026-10-09|2026-11-06|goals" \
	"3|2026-11-15|2026-11-15|culture" > "$T/want"
same_file "each row names its episode by the opening session's id" "$T/want" "$T/got"

# repairs: the fixed CSV, the table and JSON with more columns.
csv_all='client,opened,session,domain,strategy
A-1,3,3,culture,own-part'
al repairs --format csv
check "repairs CSV: alice sees her own" 0 "$csv_all"
al --user bob repairs --format csv
check "repairs CSV: one row per strategy, by client, opened, session, strategy" 0 \
	"client,opened,session,domain,strategy
K-1,6,7,bond,clarify
K-1,6,7,bond,validate
K-1,6,10,goals,change-goal
K-1,6,10,goals,metacommunicate"
al --user sup repairs K-1
check "repairs: CSV when piped; a supervisor sees a supervisee's client" 0 \
	"client,opened,session,domain,strategy
K-1,6,7,bond,clarify
K-1,6,7,bond,validate
K-1,6,10,goals,change-goal
K-1,6,10,goals,metacommunicate"
COLUMNS=1000 al --user sup repairs --clinician bob --format table
check "repairs table: date, the episode's status and who recorded it" 0 \
"client  opened  session  domain  strategy         date        status      recorded
K-1          6        7  bond    clarify          2026-10-16  unrepaired  bob $day
K-1          6        7  bond    validate         2026-10-16  unrepaired  bob $day
K-1          6       10  goals   change-goal      2026-11-06  unrepaired  bob $day
K-1          6       10  goals   metacommunicate  2026-11-06  unrepaired  bob $day"
al repairs A-1 --format json
check "repairs JSON" 0 '[
 {"client": "A-1", "opened": 3, "session": 3, "domain": "culture", "strategy": "own-part", "date": "2026-11-15", "status": "open", "recorded": "alice '"$day"'"}
]'
al --user bob repairs K-2 --format csv
check "a client without records: the header alone" 0 "client,opened,session,domain,strategy"

# Who may.
al --user sup repair K-1 --episode 6 --domain bond --strategy supervision
check_err "a supervisor is refused" 1 \
	"alliance: repair: supervisors do not record repairs: repair is the clinician's work (comment with alliance ack)"
al repair K-1 --episode 6 --domain bond --strategy clarify
check_err "another clinician's client is refused" 1 "alliance: repair: 'K-1' is not one of your clients"
al repairs K-1
check_err "nor listed" 1 "alliance: repairs: 'K-1' is not one of your clients"
al --user bob repairs --clinician alice
[ "$rc" = 1 ] && ok "--clinician outside what one sees: exit 1" || not_ok "--clinician outside: exit $rc"

# Bad input: one line, exit 1 (2 for usage), nothing stored.
bad() { # NAME RC MESSAGE ARGS...
	name=$1 want=$2 msg=$3
	shift 3
	before=$(rows)
	al --user bob "$@"
	cat "$T/err" >> "$T/errs"
	check_err "$name" "$want" "$msg"
	[ "$(rows)" = "$before" ] || not_ok "$name: nothing stored" "$(rows) rows"
}
bad "an unknown domain" 1 \
	"alliance: repair: --domain: 'money' is not bond, goals, tasks, motivation, life-event, culture or other" \
	repair K-1 --episode 6 --domain money --strategy clarify
bad "an unknown strategy in the list" 1 \
	"alliance: repair: --strategy: 'hope' is not metacommunicate, clarify, rationale, change-task, change-goal, validate, own-part, invite-negative or supervision" \
	repair K-1 --episode 6 --domain bond --strategy clarify,hope
bad "an empty strategy in the list" 1 \
	"alliance: repair: --strategy: '' is not metacommunicate, clarify, rationale, change-task, change-goal, validate, own-part, invite-negative or supervision" \
	repair K-1 --episode 6 --domain bond --strategy clarify,
bad "--episode that is not an opening" 1 \
	"alliance: repair: --episode 7: no episode of 'K-1' opened at session 7 (one opened at session 6)" \
	repair K-1 --episode 7 --domain bond --strategy clarify
bad "a client without episodes" 1 "alliance: repair: --episode 1: 'K-2' has no episode" \
	repair K-2 --episode 1 --domain bond --strategy clarify
bad "--episode not a number" 1 "alliance: repair: --episode: 'six' is not a session number" \
	repair K-1 --episode six --domain bond --strategy clarify
bad "a session past the course" 1 "alliance: repair: --session 11: 'K-1' has sessions 1 to 10" \
	repair K-1 --episode 6 --domain bond --strategy clarify --session 11
bad "a session before the opening" 1 \
	"alliance: repair: --session 5: before the episode opened (session 6)" \
	repair K-1 --episode 6 --domain bond --strategy clarify --session 5
bad "--session 0" 1 "alliance: repair: --session: '0' is not a session number" \
	repair K-1 --episode 6 --domain bond --strategy clarify --session 0
bad "an unknown client" 1 "alliance: repair: unknown client 'K-9'" \
	repair K-9 --episode 6 --domain bond --strategy clarify
bad "--domain missing" 2 "alliance: repair: --domain is required" \
	repair K-1 --episode 6 --strategy clarify
bad "--strategy missing" 2 "alliance: repair: --strategy is required" \
	repair K-1 --episode 6 --domain bond
bad "an empty --domain" 1 "alliance: repair: --domain: empty value" \
	repair K-1 --episode 6 --domain "" --strategy clarify
: > "$T/empty"
bad "an empty note file" 1 "alliance: repair: --note-file: '$T/empty' is empty" \
	repair K-1 --episode 6 --domain bond --strategy clarify --note-file "$T/empty"
bad "a missing note file" 1 \
	"alliance: repair: --note-file: cannot read '$T/nope': No such file or directory" \
	repair K-1 --episode 6 --domain bond --strategy clarify --note-file "$T/nope"
printf 'MARKERWORD\001\n' > "$T/ctl"
bad "a note file that is not text" 1 "alliance: repair: --note-file: '$T/ctl' is not UTF-8 text" \
	repair K-1 --episode 6 --domain bond --strategy clarify --note-file "$T/ctl"
bad "an unknown option" 2 "alliance: repair: unknown option --dimension" \
	repair K-1 --episode 6 --domain bond --strategy clarify --dimension trust
al --user bob --read-only repair K-1 --episode 6 --domain bond --strategy clarify
[ "$rc" = 1 ] && [ "$(rows)" = 3 ] && ok "--read-only: refused" || not_ok "--read-only: exit $rc"
al --user bob repairs --format xml
[ "$rc" = 1 ] && ok "repairs --format xml: exit 1" || not_ok "repairs --format xml: exit $rc"
al --user bob repairs K-1 --clinician bob
check_err "repairs: CODE and --clinician" 2 "alliance: repairs: give a CODE or --clinician, not both"

# episodes: the story says what was tried; table and JSON list the records.
al --user bob episodes K-1 --all --format json
check_grep "episodes JSON: the story ends with what was tried" \
	'Tried: clarify, validate \(session 7\); metacommunicate, change-goal \(session 10\)\.", "acknowledged"' "$T/out"
check_grep "episodes JSON: the records with their domains" \
	'"repairs": "bond: clarify, validate \(session 7\); goals: metacommunicate, change-goal \(session 10\)"' "$T/out"
check_no_grep "episodes JSON: never the note" MARKERWORD "$T/out"
COLUMNS=1000 al --user bob episodes K-1 --all --format table
check_grep "episodes table: a repairs column" "repairs$" "$T/out"
al --user bob episodes K-1 --all --format csv
check "episodes CSV: the fixed header, no repairs" 0 "client,opened,date,kind,severity,dimensions,status,closed
K-1,6,2026-10-09,rupture,red,trust;collaboration;empathy,unrepaired,9"
al episodes A-1 --format json
check_grep "episodes JSON: a record at the opening session" '"repairs": "culture: own-part \(session 3\)"' "$T/out"

# The audit trail names each record by id, with its strategy count.
al audit --format csv
grep -c ',add,repair,[0-9]*,[12]$' "$T/out" > "$T/n"
[ "$(cat "$T/n")" = 3 ] && ok "one audit row a record, by id" || not_ok "one audit row a record" "$(cat "$T/out")"

# The note's marker word: only in repair_note; in no listing, error or audit.
for f in csv table json; do
	al --user bob repairs --format $f
	check_no_grep "no note text in repairs --format $f" MARKERWORD "$T/out"
done
check_no_grep "no note text in any error (MARKERWORD was in two bad note files)" MARKERWORD "$T/errs"
sqlite3 "$DB" .dump | grep -v "INSERT INTO repair_note" > "$T/dump"
check_no_grep "the note is nowhere but its table" MARKERWORD "$T/dump"
al --user bob export --format csv
check_no_grep "nor in the export" MARKERWORD "$T/out"

# A purge takes the records and their notes (bytes overwritten).
al --user bob client delete K-1 --purge
[ "$rc" = 0 ] && ok "purge" || not_ok "purge" "$(cat "$T/err")"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM repair_note")" = 0 ] && [ "$(rows)" = 1 ] &&
	ok "the purge took K-1's records and notes" || not_ok "the purge took K-1's records" "$(rows)"
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
if grep -q -a MARKERWORD "$DB" "$DB-wal" 2>/dev/null; then not_ok "the note's bytes are gone from the files"
else ok "the note's bytes are gone from the files"; fi

# The vocabulary: one table (core) behind --help and the man page.
al repair --help
check_grep "repair --help describes each strategy" \
	"^    metacommunicate  talk together about what is happening between you$" "$T/out"
check_grep "repair --help describes each domain" "^    life-event  something outside therapy weighing on the client$" "$T/out"
sed -n 's/^    \([a-z][a-z-]*\)  *\([a-z].*\)$/\1 (\2/p' "$T/out" > "$T/vocab"
[ "$(wc -l < "$T/vocab")" = 16 ] && ok "16 words described" || not_ok "16 words described" "$(cat "$T/vocab")"
sed 's/\\-/-/g; s/^\.BR //; s/"//g' doc/alliance.1 | tr -s ' ' > "$T/man"
missing=$(while IFS= read -r line; do grep -qF -- "$line" "$T/man" || echo "$line"; done < "$T/vocab")
[ -z "$missing" ] && ok "the man page describes each word as the help does" ||
	not_ok "the man page describes each word as the help does" "$missing"
