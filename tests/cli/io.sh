#!/bin/sh
# export and import: the round trip of the detection vector, every import
# error with its FILE:LINE, all-or-nothing, dry runs, filters, anonymizing.
. "$(dirname "$0")/../lib.sh"

IN="$VECTORS/detection/input.csv"          # format 1
IN2="$VECTORS/detection/input-format2.csv" # the same practice, as export writes it
HEADER="client,clinician,date,session,rater,dimension,value,rupture,context"
H2="$HEADER,attendance,tension,talked,misunderstood"
# v2 TEXT: format-1 CSV text as export writes it (format 2: every session
# attended, no check-in).
v2() { printf '%s\n' "$1" | sed "1s/.*/$H2/; 1!s/\$/,attended,,,/"; }

# check_stderr NAME RC TEXT: exit RC, empty stdout, stderr exactly TEXT (lines).
check_stderr() {
	printf '%s\n' "$3" > "$T/want_err"
	if [ "$rc" = "$2" ] && cmp -s "$T/want_err" "$T/err" && [ ! -s "$T/out" ]; then ok "$1"; else
		not_ok "$1" "exit $rc (wanted $2)" "$(diff "$T/want_err" "$T/err" | head -10)"; fi
}
# bad NAME "CSV LINES" MESSAGE: importing the rows (after the header) fails
# and stderr is exactly "alliance: $T/bad.csv:MESSAGE" (MESSAGE may go on
# to further lines); the checks at the end show that nothing changed.
bad() {
	printf '%s\n%s\n' "$HEADER" "$2" > "$T/bad.csv"
	al import "$T/bad.csv"
	check_stderr "$1" 1 "alliance: $T/bad.csv:$3"
}

# --- the acceptance vector -------------------------------------------------
al import "$IN"
check "import the detection vector (format 1)" 0 \
	"imported 1278 rows: ratings 1267, new sessions 349, new clients 24, new clinicians 1"
al export
check_file "its export is exactly the shared format-2 file" "$IN2"
al --db "$T/b.db" import "$IN2"
check "import the format-2 file into another database" 0 \
	"imported 1278 rows: ratings 1267, new sessions 349, new clients 24, new clinicians 1"
al --db "$T/b.db" export
check_file "export -> import -> export is byte-identical in format 2" "$IN2"
cp "$T/out" "$T/export2.csv"
al --db "$T/c.db" import "$T/export2.csv"
al --db "$T/c.db" export
check_file "and once more" "$IN2"
audit=$(sqlite3 "$DB" "SELECT action || ' ' || entity || ' ' || coalesce(entity_id, '-') || ' ' || coalesce(count, '-') FROM audit WHERE id > 1")
[ "$audit" = "add user 1 -
import database - 1278" ] && ok "one audit row for the whole import" || not_ok "one audit row" "$audit"
al user list --format csv
check "the clinician was added with role clinician" 0 "name,role,supervisor
alice,clinician,
dr_example,clinician,"

# --- every error, with its line, and nothing changed -------------------------
al user add sup --role supervisor
R="K-1,dr_new,2024-01-01,1,client,trust,7.0,,"
: > "$T/bad.csv"
al import "$T/bad.csv"
check_err "empty file" 1 "alliance: $T/bad.csv:1: empty file (the first line must be the header $H2)"
printf '%s\n' "$R" > "$T/bad.csv"
al import "$T/bad.csv"
check_err "missing header" 1 "alliance: $T/bad.csv:1: the first line must be the header $H2"
printf 'client,clinician,date,session,rater,dimension,score,rupture,context\n%s\n' "$R" > "$T/bad.csv"
al import "$T/bad.csv"
check_err "wrong header" 1 "alliance: $T/bad.csv:1: the first line must be the header $H2"
printf 'client,clinician,date,session,rater,dimension,value,rupture\n' > "$T/bad.csv"
al import "$T/bad.csv"
check_err "header with a column missing" 1 "alliance: $T/bad.csv:1: the first line must be the header $H2"
bad "too few fields" "K-1,dr_new,2024-01-01,1,client,trust,7.0," "2: 8 fields, expected 9"
bad "too many fields" "$R,x" "2: 10 fields, expected 9"
bad "unterminated quote" "$R
K-1,dr_new,2024-01-01,1,client,empathy,7.0,,\"open" "3: unterminated quoted field"
bad "stray quote" "K-1,dr\"new,2024-01-01,1,client,trust,7.0,," \
	"2: quote inside an unquoted field (quote the whole field)"
bad "text after a closing quote" "\"K-1\"x,dr_new,2024-01-01,1,client,trust,7.0,," \
	"2: text after a closing quote"
bad "value 11" "K-1,dr_new,2024-01-01,1,client,trust,11,," "2: value '11': out of range 0 to 10"
bad "value 9.55" "K-1,dr_new,2024-01-01,1,client,trust,9.55,," \
	"2: value '9.55': at most one decimal (e.g. 7.5)"
bad "value abc" "K-1,dr_new,2024-01-01,1,client,trust,abc,," \
	"2: value 'abc': not a number from 0 to 10"
bad "value -1" "K-1,dr_new,2024-01-01,1,client,trust,-1,," "2: value '-1': out of range 0 to 10"
bad "empty value with a rater" "K-1,dr_new,2024-01-01,1,client,trust,,," \
	"2: empty value (a rating is a number from 0 to 10)"
bad "value without rater" "K-1,dr_new,2024-01-01,1,,,7.0,," \
	"2: rater, dimension and value go together (all empty: an unrated session)"
bad "impossible date" "K-1,dr_new,2024-02-30,1,client,trust,7.0,," \
	"2: date '2024-02-30': not a date (YYYY-MM-DD)"
bad "date in another format" "K-1,dr_new,01/02/2024,1,client,trust,7.0,," \
	"2: date '01/02/2024': not a date (YYYY-MM-DD)"
bad "session not a number" "K-1,dr_new,2024-01-01,one,client,trust,7.0,," \
	"2: session 'one': not a session number (1, 2, 3...)"
bad "session 0" "K-1,dr_new,2024-01-01,0,client,trust,7.0,," \
	"2: session '0': not a session number (1, 2, 3...)"
bad "invalid client code" "K 1,dr_new,2024-01-01,1,client,trust,7.0,," \
	"2: client code 'K 1': not valid (1-32 letters, digits, '-', '_', '.')"
bad "empty client code" ",dr_new,2024-01-01,1,client,trust,7.0,," \
	"2: client code '': not valid (1-32 letters, digits, '-', '_', '.')"
bad "invalid clinician name" "K-1,-dr,2024-01-01,1,client,trust,7.0,," \
	"2: clinician name '-dr': not valid (1-32 letters, digits, '-', '_', '.')"
bad "unknown rater" "K-1,dr_new,2024-01-01,1,therapist,trust,7.0,," \
	"2: rater 'therapist': not client or clinician"
bad "unknown dimension" "K-1,dr_new,2024-01-01,1,client,goals,7.0,," \
	"2: dimension 'goals': unknown (alliance dimension add adds it)"
bad "unknown rupture" "K-1,dr_new,2024-01-01,1,client,trust,7.0,anger," \
	"2: rupture 'anger': not withdrawal or confrontation"
bad "a context of more than one line" "K-1,dr_new,2024-01-01,1,client,trust,7.0,,\"two
lines\"
K-1,dr_new,2024-01-01,1,client,empathy,7.0,,\"x\"y" "2: context has a line break (one line of text only)
alliance: $T/bad.csv:4: text after a closing quote"
bad "a context of more than 200 bytes" "K-1,dr_new,2024-01-01,1,client,trust,7.0,,$(printf '%0201d' 0)" \
	"2: context is too long (at most 200 bytes)"
bad "rows of a session disagree on rupture" "K-1,dr_new,2024-01-01,1,client,trust,7.0,withdrawal,
K-1,dr_new,2024-01-01,1,client,empathy,7.0,," "3: rows of session 1 disagree on rupture"
bad "rows of a session disagree on context" "K-1,dr_new,2024-01-01,1,client,trust,7.0,,ill
K-1,dr_new,2024-01-01,1,client,empathy,7.0,,moved" "3: rows of session 1 disagree on context"
bad "rows of a session disagree on the date" "$R
K-1,dr_new,2024-01-02,1,client,empathy,7.0,," "3: rows of session 1 disagree on the date"
bad "sessions out of date order" "$R
K-1,dr_new,2023-12-25,2,client,trust,7.0,," \
	"3: session 2 is dated before session 1 (2024-01-01): sessions are numbered in date order"
bad "a first session numbered 2 (as in a period's export), then a gap" \
	"K-1,dr_new,2024-01-01,2,client,trust,7.0,,
K-1,dr_new,2024-01-08,4,client,trust,7.0,," \
	"3: session 4 after session 2 (session numbers go 1, 2, 3... without gaps)"
bad "a gap in session numbers" "$R
K-1,dr_new,2024-01-15,3,client,trust,7.0,," \
	"3: session 3 after session 1 (session numbers go 1, 2, 3... without gaps)"
bad "rows back to an earlier session" "$R
K-1,dr_new,2024-01-08,2,client,trust,7.0,,
K-1,dr_new,2024-01-01,1,client,empathy,7.0,," \
	"4: session 1 after session 2 (keep a client's rows in session order)"
bad "duplicate rating inside the file" "$R
K-1,dr_new,2024-01-01,1,client,empathy,7.0,,
$R" "4: duplicate rating: session 1 already has a client rating of trust"
bad "clinician who is a supervisor" "K-1,sup,2024-01-01,1,client,trust,7.0,," \
	"2: clinician 'sup' is a supervisor (clients belong to clinicians)"
bad "client of another clinician" "E-000,dr_other,2024-01-01,1,client,trust,7.0,," \
	"2: client 'E-000' belongs to clinician 'dr_example', not 'dr_other'"
bad "same client, two clinicians in the file" "$R
K-1,dr_other,2024-01-01,1,client,empathy,7.0,," \
	"3: client 'K-1' belongs to clinician 'dr_new', not 'dr_other'"
bad "session disagrees with the database" \
	"E-003,dr_example,2024-02-03,1,clinician,empathy,7.0,confrontation," \
	"2: session 1 disagrees with the database on rupture"
bad "duplicate of a rating in the database" "E-001,dr_example,2024-01-01,1,clinician,trust,8.0,,
E-001,dr_example,2024-01-01,1,client,trust,8.0,," \
	"3: duplicate rating: session 1 already has a client rating of trust"
bad "an error after 64 good rows (a full batch)" "$(awk -F, 'NR > 1 && NR <= 70' "$IN" | sed 's/^E-/N-/')
N-002,dr_example,2024-01-01,1,client,trust,7.0,," "71: session 1 after session 15 (keep a client's rows in session order)"

# --- format 2: attendance and the check-in, every column checked ---------------
bad2() {
	printf '%s\n%s\n' "$H2" "$2" > "$T/bad.csv"
	al import "$T/bad.csv"
	check_stderr "$1" 1 "alliance: $T/bad.csv:$3"
}
U="K-1,dr_new,2024-01-01,1,,,,," # an unrated session's first nine columns
bad2 "format 2: a row of nine fields" "$R" "2: 9 fields, expected 13"
bad2 "format 2: an unknown attendance" "$R,absent,,," \
	"2: attendance 'absent': not attended, cancelled, late-cancel, no-show or clinician-cancel"
bad2 "format 2: an empty attendance" "$R,,,," \
	"2: attendance '': not attended, cancelled, late-cancel, no-show or clinician-cancel"
bad2 "format 2: tension 5" "$R,attended,5,," "2: tension '5': not a whole number from 0 to 4"
bad2 "format 2: tension 1.5" "$R,attended,1.5,," "2: tension '1.5': not a whole number from 0 to 4"
bad2 "format 2: talked x" "$R,attended,2,x," "2: talked 'x': not a whole number from 0 to 4"
bad2 "format 2: talked without tension" "$R,attended,,3," \
	"2: talked is answered only when tension is above 0"
bad2 "format 2: talked with tension 0" "$R,attended,0,3," \
	"2: talked is answered only when tension is above 0"
bad2 "format 2: misunderstood maybe" "$R,attended,,,maybe" "2: misunderstood 'maybe': not yes or no"
bad2 "format 2: a rating on a no-show" "$R,no-show,,," \
	"2: a session not attended (no-show) has no ratings"
bad2 "format 2: a check-in on a cancellation" "$U,cancelled,1,," \
	"2: a session not attended (cancelled) has no check-in"
bad2 "format 2: misunderstood on a clinician's cancellation" "$U,clinician-cancel,,,no" \
	"2: a session not attended (clinician-cancel) has no check-in"
bad2 "format 2: a marker on a late cancellation" "K-1,dr_new,2024-01-01,1,,,,withdrawal,,late-cancel,,," \
	"2: a session not attended (late-cancel) has no rupture marker"
bad2 "format 2: rows of a session disagree on attendance" "$U,attended,,,
$U,no-show,,," "3: rows of session 1 disagree on attendance"
bad2 "format 2: rows of a session disagree on tension" "$R,attended,2,1,no
K-1,dr_new,2024-01-01,1,client,empathy,7.0,,,attended,3,1,no" "3: rows of session 1 disagree on tension"
bad2 "format 2: rows of a session disagree on talked" "$R,attended,2,1,no
K-1,dr_new,2024-01-01,1,client,empathy,7.0,,,attended,2,,no" "3: rows of session 1 disagree on talked"
bad2 "format 2: rows of a session disagree on misunderstood" "$R,attended,,,no
K-1,dr_new,2024-01-01,1,client,empathy,7.0,,,attended,,,yes" "3: rows of session 1 disagree on misunderstood"
bad2 "format 2: a session disagrees with the database on attendance" \
	"E-003,dr_example,2024-02-03,1,,,,,,no-show,,," "2: session 1 disagrees with the database on attendance"
printf '%s\n%s\n' "$HEADER" "K-1,dr_new,2024-01-01,1,client,trust,7.0,,,attended,,," > "$T/bad.csv"
al import "$T/bad.csv"
check_err "a format-2 row under a format-1 header" 1 "alliance: $T/bad.csv:2: 13 fields, expected 9"

printf '%s\n%s\n%s\n%s\n%s\n' "$HEADER" "K-1,dr_new,2024-01-01,1,client,trust,77,," "$R" \
	"K-2,dr_new,2024-01-01,1,client,trust,7.0,,\"x\"y" "K-3,dr_new,2024-01-01,1,client,trust" > "$T/bad.csv"
al import "$T/bad.csv"
check_stderr "every error is reported, in line order" 1 "alliance: $T/bad.csv:2: value '77': out of range 0 to 10
alliance: $T/bad.csv:4: text after a closing quote
alliance: $T/bad.csv:5: 6 fields, expected 9"

al import "$IN"
head -20 "$T/err" > "$T/first20"
printf '%s\n' "$(awk -F, -v f="$IN" 'NR > 1 && $5 != "" && n < 20 { n++; printf "alliance: %s:%d: duplicate rating: session %d already has a %s rating of %s\n", f, NR, $4, $5, $6 }' "$IN")" > "$T/want20"
same_file "re-importing: the first 20 duplicates" "$T/want20" "$T/first20"
[ "$rc" = 1 ] && [ "$(wc -l < "$T/err")" = 21 ] && [ "$(tail -1 "$T/err")" = "alliance: $IN: 1247 more errors" ] &&
	ok "re-importing: then a count of the others" || not_ok "re-importing: then a count" "exit $rc" "$(tail -2 "$T/err")"

al export
check_file "after every refused import the database is unchanged" "$IN2"
al user list --format csv
check "refused imports added no clinician" 0 "name,role,supervisor
alice,clinician,
dr_example,clinician,
sup,supervisor,"
got=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'import'")
[ "$got" = 1 ] && ok "refused imports left no audit row" || not_ok "refused imports left no audit row" "$got"

# --- formats accepted ----------------------------------------------------------
printf '\357\273\277' > "$T/crlf.csv"
sed 's/$/\r/' "$IN" >> "$T/crlf.csv"
al --db "$T/crlf.db" import "$T/crlf.csv"
check "CRLF line ends and a UTF-8 BOM are accepted" 0 \
	"imported 1278 rows: ratings 1267, new sessions 349, new clients 24, new clinicians 1"
al --db "$T/crlf.db" export
check_file "and export the same ratings" "$IN2"

printf '%s\n' "$HEADER" > "$T/header.csv"
al --db "$T/header.db" import "$T/header.csv"
check "a header-only file imports nothing, successfully" 0 \
	"imported 0 rows: ratings 0, new sessions 0, new clients 0, new clinicians 0"

printf '%s\n%s\n\n%s\n\n' "$HEADER" "Q-1,dr_q,2024-05-01,1,client,trust,8.0,,\"moved, \"\"new\"\" flat\"" \
	"Q-1,dr_q,2024-05-01,1,client,empathy,8.5,,\"moved, \"\"new\"\" flat\"" > "$T/quoted.csv"
al --db "$T/q.db" import "$T/quoted.csv"
check "quoted fields with commas and quotes; blank lines skipped" 0 \
	"imported 2 rows: ratings 2, new sessions 1, new clients 1, new clinicians 1"
al --db "$T/q.db" export
v2 "$(grep -v '^$' "$T/quoted.csv")" > "$T/quoted.want"
check_file "they export as they came" "$T/quoted.want"

# --- merging with sessions already there ------------------------------------------
printf '%s\n%s\n%s\n' "$HEADER" "M-1,dr_m,2024-01-01,1,client,trust,8.0,," \
	"M-1,dr_m,2024-01-15,2,client,trust,6.0,," > "$T/m1.csv"
printf '%s\n%s\n%s\n%s\n%s\n' "$HEADER" "M-1,dr_m,2024-01-01,1,clinician,trust,9.0,withdrawal,ill" \
	"M-1,dr_m,2024-01-08,2,,,,," "M-1,dr_m,2024-01-15,3,client,empathy,7.0,," \
	"M-1,dr_m,2024-01-15,4,client,trust,7.5,," > "$T/m2.csv"
al --db "$T/m.db" import "$T/m1.csv"
al --db "$T/m.db" import "$T/m2.csv"
check "a second file merges by date" 0 \
	"imported 4 rows: ratings 3, new sessions 2, new clients 0, new clinicians 0"
printf '%s\n%s\n' "$HEADER" "S-1,dr_m,2024-01-01,1,client,trust,8.0,," > "$T/one.csv"
al --db "$T/one.db" init
al --db "$T/one.db" import "$T/one.csv" --dry-run
check "one row is a row" 0 \
	"dry run: would import 1 row: ratings 1, new sessions 1, new clients 1, new clinicians 1; nothing written"
al --db "$T/m.db" export
check "sessions renumbered; a further session on a date comes after" 0 "$(v2 "$HEADER
M-1,dr_m,2024-01-01,1,client,trust,8.0,withdrawal,ill
M-1,dr_m,2024-01-01,1,clinician,trust,9.0,withdrawal,ill
M-1,dr_m,2024-01-08,2,,,,,
M-1,dr_m,2024-01-15,3,client,trust,6.0,,
M-1,dr_m,2024-01-15,3,client,empathy,7.0,,
M-1,dr_m,2024-01-15,4,client,trust,7.5,,")"

# a format-2 file fills in what a session lacks and never changes it
printf '%s\n%s\n%s\n' "$H2" "M-2,dr_m,2024-01-01,1,client,trust,8.0,,,attended,2,,no" \
	"M-2,dr_m,2024-01-08,2,,,,,,no-show,,," > "$T/m3.csv"
printf '%s\n%s\n%s\n' "$H2" "M-2,dr_m,2024-01-01,1,client,empathy,8.5,,,attended,2,1,no" \
	"M-2,dr_m,2024-01-15,2,client,trust,9.0,,,attended,0,," > "$T/m4.csv"
al --db "$T/m.db" import "$T/m3.csv"
al --db "$T/m.db" import "$T/m4.csv"
check "format 2 merges: talked filled in, a new session after the no-show" 0 \
	"imported 2 rows: ratings 2, new sessions 1, new clients 0, new clinicians 0"
al --db "$T/m.db" --user dr_m session list M-2 --format csv
check "what the merge left" 0 "session,date,rater,dimension,value,rupture,context,attendance,tension,talked,misunderstood
1,2024-01-01,client,trust,8.0,,,attended,2,1,no
1,2024-01-01,client,empathy,8.5,,,attended,2,1,no
2,2024-01-08,,,,,,no-show,,,
3,2024-01-15,client,trust,9.0,,,attended,0,,"
printf '%s\n%s\n' "$H2" "M-2,dr_m,2024-01-01,1,clinician,trust,8.0,,,attended,3,1,no" > "$T/m5.csv"
al --db "$T/m.db" import "$T/m5.csv"
check_err "a different tension than the database's" 1 "alliance: $T/m5.csv:2: session 1 disagrees with the database on tension"

# --- order: client ratings first, then dimensions in their order ----------
al --db "$T/o.db" init
al --db "$T/o.db" dimension add goals "Agreement on goals"
printf '%s\n%s\n%s\n%s\n%s\n' "$HEADER" "O-1,dr_o,2024-02-01,1,clinician,trust,9.0,," \
	"O-1,dr_o,2024-02-01,1,client,goals,6.5,," "O-1,dr_o,2024-02-01,1,clinician,goals,8.0,," \
	"O-1,dr_o,2024-02-01,1,client,trust,7.0,," > "$T/o.csv"
al --db "$T/o.db" import "$T/o.csv"
al --db "$T/o.db" export
check "export orders a session's rows by rater, then dimension order" 0 "$(v2 "$HEADER
O-1,dr_o,2024-02-01,1,client,trust,7.0,,
O-1,dr_o,2024-02-01,1,client,goals,6.5,,
O-1,dr_o,2024-02-01,1,clinician,trust,9.0,,
O-1,dr_o,2024-02-01,1,clinician,goals,8.0,,")"

# --- dry run ---------------------------------------------------------------
al --db "$T/dry.db" init
al --db "$T/dry.db" import "$IN" --dry-run
check "--dry-run says what it would import" 0 \
	"dry run: would import 1278 rows: ratings 1267, new sessions 349, new clients 24, new clinicians 1; nothing written"
al --db "$T/dry.db" export
check "--dry-run wrote nothing" 0 "$H2"
got=$(sqlite3 "$T/dry.db" "SELECT (SELECT count(*) FROM user) || ' ' || (SELECT count(*) FROM audit WHERE action = 'import')")
[ "$got" = "1 0" ] && ok "--dry-run added no user and no audit row" || not_ok "--dry-run added nothing" "$got"
al import "$IN" --dry-run
[ "$rc" = 1 ] && [ "$(tail -1 "$T/err")" = "alliance: $IN: 1247 more errors" ] && [ ! -s "$T/out" ] &&
	ok "--dry-run reports the errors" || not_ok "--dry-run reports the errors" "exit $rc"

# --- other failures ------------------------------------------------------------
al import "$T/none.csv"
check_err "a missing file" 1 "alliance: $T/none.csv: No such file or directory"
cp "$IN" "$T/locked.csv"; chmod 000 "$T/locked.csv"
run setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-all "$A" import "$T/locked.csv"
check_err "an unreadable file" 4 "alliance: $T/locked.csv: Permission denied"
al import "$T"
check_err "a directory" 4 "alliance: $T: Is a directory"
al --read-only import "$IN"
check_err "--read-only refuses an import" 1 "alliance: import: refused: the database is open read-only"
al --db "$T/full.db" init
run sh -c 'ulimit -f 120; exec "$@"' sh "$A" --db "$T/full.db" import "$IN"
[ "$rc" = 4 ] && [ ! -s "$T/out" ] && ok "a full disk during import: exit 4" || not_ok "a full disk during import: exit 4" "exit $rc" "$(cat "$T/err")"
al --db "$T/full.db" export
check "a full disk during import: nothing imported" 0 "$H2"
al import
check_err "import needs a file" 2 "alliance: import: missing argument (see alliance --help)"

# --- export options -----------------------------------------------------------
al export --from 2024-03-01 --to 2024-03-31
awk -F, 'NR == 1 || ($3 >= "2024-03-01" && $3 <= "2024-03-31")' "$IN2" > "$T/march.csv"
check_file "--from and --to keep the session numbers" "$T/march.csv"
al export --from 2024-04-01
awk -F, 'NR == 1 || $3 >= "2024-04-01"' "$IN2" > "$T/april.csv"
check_file "--from alone" "$T/april.csv"
al --read-only export
check_file "export works on a read-only database" "$IN2"
al export --from 2024-13-01
check_err "a bad --from" 1 "alliance: export: --from: '2024-13-01' is not a date (YYYY-MM-DD)"
al export --format xml
check_err "a bad --format" 1 "alliance: export: --format: 'xml' is not csv or json"
al export --format table
check_err "no table format" 1 "alliance: export: --format: 'table' is not csv or json"

al export --output "$T/out.csv"
check "--output writes nothing to stdout" 0 ""
same_file "--output holds the export" "$IN2" "$T/out.csv"
[ "$(stat -c %a "$T/out.csv")" = 600 ] && ok "--output file is 0600" || not_ok "--output file is 0600" "$(stat -c %a "$T/out.csv")"
# ulimit -f counts 512-byte blocks in dash, 1024 in bash: either way room
# for the 32 KB -shm file and not for the JSON export (190 KB).
run sh -c 'ulimit -f 80; exec "$@"' sh "$A" export --format json --output "$T/full.csv"
check_err "--output on a full disk: exit 4" 4 "alliance: $T/full.csv: File too large"
[ ! -e "$T/full.csv" ] && ok "--output on a full disk: no partial file left" || not_ok "no partial file left"
run sh -c 'ulimit -f 80; exec "$@" > "$0"' "$T/full2.csv" "$A" export --format json
check_err "standard output on a full disk: exit 4" 4 "alliance: output: File too large"
mkdir "$T/ro"; chmod 500 "$T/ro"
run setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-all "$A" export --output "$T/ro/x.csv"
check_err "--output in a directory without write permission" 4 "alliance: $T/ro/x.csv: Permission denied"

al export --format json
head -3 "$T/out" > "$T/json.head"
printf '%s\n' '[' \
	' {"client": "E-000", "clinician": "dr_example", "date": "2024-01-01", "session": 1, "rater": "client", "dimension": "trust", "value": 7.4, "rupture": "", "context": "", "attendance": "attended", "tension": null, "talked": null, "misunderstood": ""},' \
	' {"client": "E-000", "clinician": "dr_example", "date": "2024-01-01", "session": 1, "rater": "client", "dimension": "collaboration", "value": 7.3, "rupture": "", "context": "", "attendance": "attended", "tension": null, "talked": null, "misunderstood": ""},' > "$T/json.want"
same_file "JSON: an array of objects, numbers as numbers" "$T/json.want" "$T/json.head"
check_grep "JSON: an unrated session has a null value" \
	'^ \{"client": "E-002", "clinician": "dr_example", "date": "2024-02-23", "session": 6, "rater": "", "dimension": "", "value": null, "rupture": "", "context": "", "attendance": "attended", "tension": null, "talked": null, "misunderstood": ""\},$' "$T/out"
check_grep "JSON: rupture and context" \
	'^ \{"client": "E-003", "clinician": "dr_example", "date": "2024-02-03", "session": 4, "rater": "client", "dimension": "trust", "value": 9.4, "rupture": "withdrawal", "context": "bereavement", "attendance": "attended", "tension": null, "talked": null, "misunderstood": ""\},$' "$T/out"
[ "$(tail -1 "$T/out")" = "]" ] && [ "$(grep -c '^ {' "$T/out")" = 1278 ] &&
	ok "JSON: one object per row, then ]" || not_ok "JSON: one object per row" "$(tail -2 "$T/out")"
al --db "$T/dry.db" export --format json
check "JSON of an empty database" 0 "[]"

# --- anonymized export --------------------------------------------------------
al export --anonymize
cp "$T/out" "$T/anon.csv"
check_no_grep "--anonymize: no client code" "E-0" "$T/anon.csv"
check_no_grep "--anonymize: no clinician name" "dr_example" "$T/anon.csv"
check_no_grep "--anonymize: no context text" "bereavement" "$T/anon.csv"
check_grep "--anonymize: pseudonyms" "^C-0001,clinician-1," "$T/anon.csv"
check_grep "--anonymize: the last client" "^C-0024,clinician-1," "$T/anon.csv"
check_grep "--anonymize: context becomes event" "^C-0004,clinician-1,[0-9-]*,4,client,trust,9.4,withdrawal,event,attended,,,$" "$T/anon.csv"
al export --anonymize
same_file "--anonymize is stable across runs" "$T/anon.csv" "$T/out"
# Row by row against the original: same values; each client's dates moved
# by one whole number of weeks, not zero, so intervals stay.
shifts=$(sqlite3 :memory: ".import --csv $IN o" ".import --csv $T/anon.csv a" \
	"SELECT count(DISTINCT o.client), count(DISTINCT o.client || ':' || (julianday(a.date) - julianday(o.date))),
	        sum(a.session != o.session OR a.rater != o.rater OR a.dimension != o.dimension OR a.value != o.value
	            OR a.rupture != o.rupture OR (a.context = 'event') != (o.context != '')),
	        sum(CAST(julianday(a.date) - julianday(o.date) AS INTEGER) % 7 != 0 OR a.date = o.date),
	        count(DISTINCT julianday(a.date) - julianday(o.date))
	 FROM o JOIN a ON a.rowid = o.rowid")
case "$shifts" in
"24|24|0|0|"*) ok "--anonymize: one shift per client, whole weeks, values kept ($shifts)";;
*) not_ok "--anonymize: one shift per client, values kept" "$shifts";;
esac
al --db "$T/anon.db" import "$T/anon.csv"
check "--anonymize output imports" 0 \
	"imported 1278 rows: ratings 1267, new sessions 349, new clients 24, new clinicians 1"

# --from after --to is refused, like every other bad period.
al export --from 2026-11-01 --to 2026-10-01
check_err "export: --from after --to" 1 "alliance: export: --from is after --to"
