#!/bin/sh
# session add and session list: merging raters, --replace, --new, session
# numbers in date order, unrated sessions, extra dimensions, every bad input,
# who may add and list, and note text kept out of errors, lists and audit.
. "$(dirname "$0")/../lib.sh"

setup init
setup client add K-1
setup client add K-2
setup user add sam --role supervisor
setup user add bob --supervisor sam
setup --user bob client add B-1
setup dimension add goals "Agreement on goals"
list() { al session list "$1" --format csv; }

# Add, then the other rater's ratings go to the same session.
al session add K-1 --date 2026-03-02 --trust 9 --collaboration 8.5 --empathy 10
check "add client ratings" 0 "K-1: session 1 on 2026-03-02 recorded (trust 9.0, collaboration 8.5, empathy 10.0)"
list K-1
check "list after add" 0 "session,date,rater,dimension,value,rupture,context,attendance,tension,talked,misunderstood
1,2026-03-02,client,trust,9.0,,,attended,,,
1,2026-03-02,client,collaboration,8.5,,,attended,,,
1,2026-03-02,client,empathy,10.0,,,attended,,,"
al session add K-1 --date 2026-03-02 --rater clinician --trust 7 --empathy=9.5
check "clinician ratings merge into the session" 0 "K-1: session 1 on 2026-03-02 recorded (clinician: trust 7.0, empathy 9.5)"
list K-1
check "one session, client rater first" 0 "session,date,rater,dimension,value,rupture,context,attendance,tension,talked,misunderstood
1,2026-03-02,client,trust,9.0,,,attended,,,
1,2026-03-02,client,collaboration,8.5,,,attended,,,
1,2026-03-02,client,empathy,10.0,,,attended,,,
1,2026-03-02,clinician,trust,7.0,,,attended,,,
1,2026-03-02,clinician,empathy,9.5,,,attended,,,"
cp "$T/out" "$T/before"

# The same rater and dimension again needs --replace; nothing changes.
al session add K-1 --date 2026-03-02 --collaboration 6 --trust 5 --note "ZEBRA secret"
check_err "duplicate rating" 1 "alliance: session add: K-1 2026-03-02 already has a client trust rating (use --replace)"
al session add K-1 --date 2026-03-02 --rater clinician --empathy 8
check_err "duplicate clinician rating" 1 "alliance: session add: K-1 2026-03-02 already has a clinician empathy rating (use --replace)"
list K-1
same_file "duplicate changed nothing" "$T/before" "$T/out"
[ "$(sqlite3 "$DB" 'select count(*) from note')" = 0 ] && ok "refused add stored no note" \
	|| not_ok "refused add stored no note"
al session add K-1 --date 2026-03-02 --trust 5 --replace
check "--replace" 0 "K-1: session 1 on 2026-03-02 recorded (trust 5.0)"

# --new: further sessions on one date, numbered in entry order; a plain add
# goes to the last session of that date.
al session add K-1 --date 2026-03-02 --new --trust 6
check "--new" 0 "K-1: session 2 on 2026-03-02 recorded (trust 6.0)"
al session add K-1 --date 2026-03-02 --new --trust 4
check "--new again" 0 "K-1: session 3 on 2026-03-02 recorded (trust 4.0)"
al session add K-1 --date 2026-03-02 --empathy 3
check "add goes to the last session of the date" 0 "K-1: session 3 on 2026-03-02 recorded (empathy 3.0)"

# An earlier date becomes session 1 and renumbers the others.
al session add K-1 --date 2026-02-23 --trust 8 --rupture withdrawal --context "illness, in family"
check "earlier session with rupture and context" 0 "K-1: session 1 on 2026-02-23 recorded (trust 8.0; rupture withdrawal; context)"
al session add K-1 --date 2026-02-23 --rater clinician --trust 6 --rupture withdrawal
check "same rupture marker again is fine" 0 "K-1: session 1 on 2026-02-23 recorded (clinician: trust 6.0; rupture withdrawal)"
al session add K-1 --date 2026-02-23 --rupture confrontation
check_err "different rupture marker" 1 "alliance: session add: K-1 2026-02-23 already has the rupture marker withdrawal (use --replace)"
al session add K-1 --date 2026-02-23 --context "holiday"
check_err "different context" 1 "alliance: session add: K-1 2026-02-23 already has a different context (use --replace)"

# Unrated sessions; adding nothing new to a session changes nothing.
al session add K-1 --date 2026-03-09
check "unrated session" 0 "K-1: session 5 on 2026-03-09 recorded unrated"
al session add K-1 --date 2026-03-09
check "unrated session again: nothing new" 0 "K-1: session 5 on 2026-03-09 recorded unrated"
al session add K-1 --date 2026-03-16 --goals 7.5 --trust 8
check "extra dimension" 0 "K-1: session 6 on 2026-03-16 recorded (trust 8.0, goals 7.5)"

list K-1
check "list: numbering, merge, unrated, extra dimension" 0 'session,date,rater,dimension,value,rupture,context,attendance,tension,talked,misunderstood
1,2026-02-23,client,trust,8.0,withdrawal,"illness, in family",attended,,,
1,2026-02-23,clinician,trust,6.0,withdrawal,"illness, in family",attended,,,
2,2026-03-02,client,trust,5.0,,,attended,,,
2,2026-03-02,client,collaboration,8.5,,,attended,,,
2,2026-03-02,client,empathy,10.0,,,attended,,,
2,2026-03-02,clinician,trust,7.0,,,attended,,,
2,2026-03-02,clinician,empathy,9.5,,,attended,,,
3,2026-03-02,client,trust,6.0,,,attended,,,
4,2026-03-02,client,trust,4.0,,,attended,,,
4,2026-03-02,client,empathy,3.0,,,attended,,,
5,2026-03-09,,,,,,attended,,,
6,2026-03-16,client,trust,8.0,,,attended,,,
6,2026-03-16,client,goals,7.5,,,attended,,,'
cp "$T/out" "$T/before"

# Notes: stored apart, replaced, never in lists, errors or the audit trail.
al session add K-1 --date 2026-03-09 --note "ZEBRA private words"
check "note on the unrated session" 0 "K-1: session 5 on 2026-03-09 recorded unrated (note)"
[ "$(sqlite3 "$DB" 'select body from note')" = "ZEBRA private words" ] && ok "note stored" \
	|| not_ok "note stored" "$(sqlite3 "$DB" 'select body from note')"
printf 'QUAGGA line one\nline two\n' > "$T/note.txt"
al session add K-1 --date 2026-03-09 --note-file "$T/note.txt"
check_err "another note needs --replace" 1 "alliance: session add: K-1 2026-03-09 already has a different note (use --replace)"
[ "$(sqlite3 "$DB" 'select body from note')" = "ZEBRA private words" ] &&
	ok "the note is kept" || not_ok "the note is kept" "$(sqlite3 "$DB" 'select body from note')"
al session add K-1 --date 2026-03-09 --note "ZEBRA private words"
check "the same note again needs no --replace (and changes nothing)" 0 "K-1: session 5 on 2026-03-09 recorded unrated (note)"
al session add K-1 --date 2026-03-09 --note-file "$T/note.txt" --replace
check "--note-file --replace replaces the note" 0 "K-1: session 5 on 2026-03-09 recorded unrated (note)"
printf 'QUAGGA line one\nline two\n' > "$T/want"
sqlite3 "$DB" 'select body from note' > "$T/got"
same_file "note file stored without its final newline" "$T/want" "$T/got"
printf 'OKAPI from stdin\n' | "$A" session add K-1 --date 2026-03-16 --note-file - > "$T/out" 2> "$T/err"
rc=$?
check "--note-file - reads standard input" 0 "K-1: session 6 on 2026-03-16 recorded (note)"
list K-1
same_file "notes leave the list as it was" "$T/before" "$T/out"
sqlite3 "$DB" 'select * from audit' > "$T/audit"
check_no_grep "no note text in the audit trail" "ZEBRA|QUAGGA|OKAPI|private|line" "$T/audit"
sqlite3 "$DB" "select action || ' ' || entity || ' ' || coalesce(count, '-') from audit
	where entity in ('session', 'note') order by id" > "$T/got"
printf '%s\n' "add session 3" "change session 2" "change session 1" "add session 1" \
	"add session 1" "change session 1" "add session 1" "change session 1" \
	"add session 0" "add session 2" "add note -" "change note -" "add note -" > "$T/want"
same_file "audit: one row per session add or change and per note change" "$T/want" "$T/got"

al session add K-1 --date 2026-03-09 --note "ZEBRA" --note-file "$T/note.txt"
check_err "--note and --note-file together" 2 "alliance: session add: --note and --note-file cannot be used together"
al session add K-1 --date 2026-03-09 --note-file "$T/none.txt"
check_err "missing note file" 1 "alliance: session add: --note-file: cannot read '$T/none.txt': No such file or directory"
: > "$T/empty.txt"
al session add K-1 --date 2026-03-09 --note-file "$T/empty.txt"
check_err "empty note file" 1 "alliance: session add: --note-file: '$T/empty.txt' is empty"
head -c 20001 /dev/zero | tr '\0' x > "$T/big.txt"
al session add K-1 --date 2026-03-09 --note-file "$T/big.txt"
check_err "note file too long" 1 "alliance: session add: --note-file: '$T/big.txt' is longer than 20000 bytes"
head -c 20000 /dev/zero | tr '\0' y > "$T/max.txt"
al session add K-2 --date 2026-01-19 --note-file "$T/max.txt"
check "note of exactly 20000 bytes" 0 "K-2: session 1 on 2026-01-19 recorded unrated (note)"
printf 'ZEBRA\000binary' > "$T/bin.txt"
al session add K-1 --date 2026-03-09 --note-file "$T/bin.txt"
check_err "binary note file" 1 "alliance: session add: --note-file: '$T/bin.txt' has a control character (U+0000)"
printf 'ZEBRA\n' > "$T/locked.txt"; chmod 000 "$T/locked.txt"
run setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-all \
	"$A" session add K-1 --date 2026-03-09 --note-file "$T/locked.txt"
check_err "unreadable note file" 1 "alliance: session add: --note-file: cannot read '$T/locked.txt': Permission denied"
[ "$(sqlite3 "$DB" "select count(*) from note where body like '%ZEBRA%'")" = 0 ] \
	&& ok "refused notes replaced nothing" || not_ok "refused notes replaced nothing"

# Every bad input: one line on stderr, exit 1 (2 for usage), nothing changed.
bad() { # NAME RC MESSAGE ARGS...
	name=$1 want_rc=$2 msg=$3; shift 3
	al session add "$@"
	check_err "$name" "$want_rc" "alliance: $msg"
}
bad "impossible date" 1 "session add: --date: '2026-02-30' is not a valid date (YYYY-MM-DD)" \
	K-1 --date 2026-02-30 --trust 5
bad "day-first date" 1 "session add: --date: '27/11/2026' is not a valid date (YYYY-MM-DD)" \
	K-1 --date 27/11/2026 --trust 5
later=$(date -u -d '+2 days' +%F)
bad "date after tomorrow" 1 "session add: --date: '$later' is in the future" K-1 --date "$later"
bad "rating 11" 1 "session add: --trust: '11' is out of range 0 to 10" K-1 --date 2026-03-23 --trust 11
bad "rating -1" 1 "session add: --empathy: '-1' is out of range 0 to 10" K-1 --date 2026-03-23 --empathy -1
bad "rating 10.1" 1 "session add: --trust: '10.1' is out of range 0 to 10" K-1 --date 2026-03-23 --trust 10.1
bad "rating 9.55" 1 "session add: --collaboration: '9.55': at most one decimal (e.g. 7.5)" \
	K-1 --date 2026-03-23 --collaboration 9.55
bad "rating abc" 1 "session add: --trust: 'abc' is not a number from 0 to 10" K-1 --date 2026-03-23 --trust abc
bad "rating nan" 1 "session add: --goals: 'nan' is not a number from 0 to 10" K-1 --date 2026-03-23 --goals nan
bad "rating empty" 1 "session add: --trust: empty value" K-1 --date 2026-03-23 --trust ""
bad "rating empty with =" 1 "session add: --trust: empty value" K-1 --date 2026-03-23 --trust=
bad "unknown client" 1 "session add: unknown client 'K-9'" K-9 --date 2026-03-23 --trust 5
bad "invalid client code" 1 "session add: 'bad code' is not a valid client code (1-32 letters, digits, '-', '_', '.')" \
	"bad code" --date 2026-03-23 --trust 5
bad "unknown dimension" 1 "session add: unknown dimension 'goalz'" K-1 --date 2026-03-23 --goalz 5
bad "invalid rater" 1 "session add: --rater: 'therapist' is not client or clinician" \
	K-1 --date 2026-03-23 --rater therapist --trust 5
bad "invalid rupture" 1 "session add: --rupture: 'anger' is not withdrawal or confrontation" \
	K-1 --date 2026-03-23 --rupture anger
long=$(head -c 201 /dev/zero | tr '\0' c)
bad "context too long" 1 "session add: --context: longer than 200 bytes" K-1 --date 2026-03-23 --context "$long"
bad "context with a line break" 1 "session add: --context: has a line break (one line of text only)" \
	K-1 --date 2026-03-23 --context "two
lines"
bad "missing --date" 2 "session add: --date (or --session) is required" K-1 --trust 5
bad "missing code" 2 "session add: missing argument (see alliance --help)" --date 2026-03-23
bad "dimension twice" 2 "session add: --trust given twice" K-1 --date 2026-03-23 --trust 5 --trust 6
bad "unknown option as a flag" 2 "session add: --replce needs a value" K-1 --date 2026-03-23 --replce
al session
check_err "session without sub-command" 2 "alliance: session: expected 'add', 'edit' or 'list'"
al --read-only session add K-1 --date 2026-03-23 --trust 5
check_err "read-only refuses" 1 "alliance: session add: refused: the database is open read-only"
al --read-only session list K-1 --format csv
check_file "read-only list works and nothing changed" "$T/before"

# The future: tomorrow is allowed (time zones), the day after is not (above).
tomorrow=$(date -u -d '+1 day' +%F)
al session add K-2 --date "$tomorrow" --trust 9
check "tomorrow is accepted" 0 "K-2: session 2 on $tomorrow recorded (trust 9.0)"

# Who may add and list: the client's clinician; a supervisor only lists.
al --user bob session add B-1 --date 2026-03-03 --trust 7 --rater clinician
check "bob adds to his client" 0 "B-1: session 1 on 2026-03-03 recorded unrated (clinician: trust 7.0)"
al --user bob session add K-1 --date 2026-03-23 --trust 5
check_err "another clinician's client" 1 "alliance: session add: 'K-1' is not one of your clients"
al --user sam session add B-1 --date 2026-03-23 --trust 5
check_err "supervisor cannot add" 1 "alliance: session add: supervisors do not change ratings or notes"
al --user sam session list B-1 --format csv
check "supervisor lists a supervisee's client" 0 "session,date,rater,dimension,value,rupture,context,attendance,tension,talked,misunderstood
1,2026-03-03,clinician,trust,7.0,,,attended,,,"
al session list B-1
check_err "list another clinician's client" 1 "alliance: session list: 'B-1' is not one of your clients"
al session list K-9
check_err "list unknown client" 1 "alliance: session list: unknown client 'K-9'"
al session list K-1 --format xml
check_err "list bad format" 1 "alliance: session list: --format: 'xml' is not table, csv or json"

# JSON and table formats.
setup session add K-2 --date 2026-01-05 --trust 9.9 --context 'said "hi"'
setup session add K-2 --date 2026-01-12
al session list K-2 --format json
check "list json" 0 "[
 {\"session\": 1, \"date\": \"2026-01-05\", \"rater\": \"client\", \"dimension\": \"trust\", \"value\": 9.9, \"rupture\": \"\", \"context\": \"said \\\"hi\\\"\", \"attendance\": \"attended\", \"tension\": null, \"talked\": null, \"misunderstood\": \"\"},
 {\"session\": 2, \"date\": \"2026-01-12\", \"rater\": \"\", \"dimension\": \"\", \"value\": null, \"rupture\": \"\", \"context\": \"\", \"attendance\": \"attended\", \"tension\": null, \"talked\": null, \"misunderstood\": \"\"},
 {\"session\": 3, \"date\": \"2026-01-19\", \"rater\": \"\", \"dimension\": \"\", \"value\": null, \"rupture\": \"\", \"context\": \"\", \"attendance\": \"attended\", \"tension\": null, \"talked\": null, \"misunderstood\": \"\"},
 {\"session\": 4, \"date\": \"$tomorrow\", \"rater\": \"client\", \"dimension\": \"trust\", \"value\": 9.0, \"rupture\": \"\", \"context\": \"\", \"attendance\": \"attended\", \"tension\": null, \"talked\": null, \"misunderstood\": \"\"}
]"
COLUMNS=1000 al session list K-1 --format table # unwrapped (wrapping: table.sh)
printf '%s\n' \
'session  date        rater      trust  collaboration  empathy  goals  attendance  check-in  rupture     note  comment  context' \
'      1  2026-02-23  client       8.0              -        -      -                        withdrawal                 illness, in family' \
'      1  2026-02-23  clinician    6.0              -        -      -                        withdrawal                 illness, in family' \
'      2  2026-03-02  client       5.0            8.5     10.0      -' \
'      2  2026-03-02  clinician    7.0              -      9.5      -' \
'      3  2026-03-02  client       6.0              -        -      -' \
'      4  2026-03-02  client       4.0              -      3.0      -' \
'      5  2026-03-09  unrated        -              -        -      -                                    yes' \
'      6  2026-03-16  client       8.0              -        -    7.5                                    yes' > "$T/want"
check_file "list table: a line per session and rater, a note marker" "$T/want"
