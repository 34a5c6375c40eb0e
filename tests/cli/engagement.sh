#!/bin/sh
# Attendance, the client's check-in and comment, the ending of a course and
# the engagement rules on the command line: session add's new options and
# the line it prints, every bad input (one line, exit 1, nothing stored),
# session list and export in format 2, client archive --reason --date, the
# gap rule of the status, the board's engagement figures, and the words a
# dimension key may not take.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-06-01

setup init
setup client add K-1
setup client add K-2
setup user add sam --role supervisor
setup user add bob --supervisor sam
setup --user bob client add B-1
setup user add carol --supervisor sam

# --- session add: what it stores and the line that says so
al session add K-1 --date 2026-03-02 --trust 9 --collaboration 9 --empathy 9 --tension 0 \
	--misunderstood no
check "ratings and a check-in" 0 \
	"K-1: session 1 on 2026-03-02 recorded (trust 9.0, collaboration 9.0, empathy 9.0; check-in: tension 0, misunderstood no)"
al session add K-1 --date 2026-03-09 --trust 9 --collaboration 9 --empathy 9 --tension 1 --talked 3
check "tension a little, talked through" 0 \
	"K-1: session 2 on 2026-03-09 recorded (trust 9.0, collaboration 9.0, empathy 9.0; check-in: tension 1, talked 3)"
al session add K-1 --date 2026-03-16 --trust 9 --collaboration 9 --empathy 9 --note "fine"
check "a note is said, never its text" 0 \
	"K-1: session 3 on 2026-03-16 recorded (trust 9.0, collaboration 9.0, empathy 9.0; note)"
al --quiet session add K-1 --date 2026-03-23 --trust 9 --collaboration 9 --empathy 9
check "--quiet says nothing" 0 ""
al session add K-1 --date 2026-03-30 --trust 6 --collaboration 9 --empathy 9 --tension 2 --talked 2
check "the rupture session" 0 \
	"K-1: session 5 on 2026-03-30 recorded (trust 6.0, collaboration 9.0, empathy 9.0; check-in: tension 2, talked 2)"
al session add K-1 --date 2026-04-06 --attendance no-show
check "a no-show says it was not attended" 0 \
	"K-1: session 6 on 2026-04-06 recorded as not attended (a no-show)"
al session add K-1 --date 2026-04-13 --attendance late-cancel --note "called at nine"
check "a late cancellation with a note" 0 \
	"K-1: session 7 on 2026-04-13 recorded as not attended (a late cancellation) (note)"
al session add K-1 --date 2026-04-20 --trust 6.5 --collaboration 9 --empathy 9 --quiet
check "--quiet after the command too" 0 ""
al session add K-1 --date 2026-04-27 --attendance clinician-cancel
check "the clinician cancelled" 0 \
	"K-1: session 9 on 2026-04-27 recorded as not attended (cancelled by the clinician)"
al session add K-1 --date 2026-05-04 --attendance cancelled
check "the client cancelled ahead" 0 \
	"K-1: session 10 on 2026-05-04 recorded as not attended (a cancellation)"
al session add K-1 --date 2026-05-11 --attendance attended
check "attended with nothing is an unrated session" 0 \
	"K-1: session 11 on 2026-05-11 recorded unrated"
al session add K-1 --date 2026-05-11 --rater clinician --trust 8
check "the clinician's ratings alone leave it unrated" 0 \
	"K-1: session 11 on 2026-05-11 recorded unrated (clinician: trust 8.0)"
al session add K-1 --date 2026-05-11 --trust 8.5 --collaboration 9 --empathy 9
check "then the client's: rated" 0 \
	"K-1: session 11 on 2026-05-11 recorded (trust 8.5, collaboration 9.0, empathy 9.0)"
printf 'What should be different: more time\r\n' > "$T/comment.txt"
al session add K-1 --date 2026-05-11 --misunderstood yes --client-comment-file "$T/comment.txt"
check "a check-in answer and the client's comment added later" 0 \
	"K-1: session 11 on 2026-05-11 recorded (check-in: misunderstood yes; client comment)"
[ "$(sqlite3 "$DB" "SELECT body FROM note WHERE kind = 'client'")" = "What should be different: more time" ] &&
	ok "the comment is a note of its own kind, CRLF read as plain lines" || not_ok "comment stored"

al session list K-1 --format csv
check "session list in format 2" 0 "session,date,rater,dimension,value,rupture,context,attendance,tension,talked,misunderstood
1,2026-03-02,client,trust,9.0,,,attended,0,,no
1,2026-03-02,client,collaboration,9.0,,,attended,0,,no
1,2026-03-02,client,empathy,9.0,,,attended,0,,no
2,2026-03-09,client,trust,9.0,,,attended,1,3,
2,2026-03-09,client,collaboration,9.0,,,attended,1,3,
2,2026-03-09,client,empathy,9.0,,,attended,1,3,
3,2026-03-16,client,trust,9.0,,,attended,,,
3,2026-03-16,client,collaboration,9.0,,,attended,,,
3,2026-03-16,client,empathy,9.0,,,attended,,,
4,2026-03-23,client,trust,9.0,,,attended,,,
4,2026-03-23,client,collaboration,9.0,,,attended,,,
4,2026-03-23,client,empathy,9.0,,,attended,,,
5,2026-03-30,client,trust,6.0,,,attended,2,2,
5,2026-03-30,client,collaboration,9.0,,,attended,2,2,
5,2026-03-30,client,empathy,9.0,,,attended,2,2,
6,2026-04-06,,,,,,no-show,,,
7,2026-04-13,,,,,,late-cancel,,,
8,2026-04-20,client,trust,6.5,,,attended,,,
8,2026-04-20,client,collaboration,9.0,,,attended,,,
8,2026-04-20,client,empathy,9.0,,,attended,,,
9,2026-04-27,,,,,,clinician-cancel,,,
10,2026-05-04,,,,,,cancelled,,,
11,2026-05-11,client,trust,8.5,,,attended,,,yes
11,2026-05-11,client,collaboration,9.0,,,attended,,,yes
11,2026-05-11,client,empathy,9.0,,,attended,,,yes
11,2026-05-11,clinician,trust,8.0,,,attended,,,yes"
al session list K-1 --format json
check_grep "JSON: answers are numbers or null" '"session": 2, "date": "2026-03-09", "rater": "client", "dimension": "trust", "value": 9.0, "rupture": "", "context": "", "attendance": "attended", "tension": 1, "talked": 3, "misunderstood": ""' "$T/out"
check_grep "JSON: a no-show" '"attendance": "no-show", "tension": null, "talked": null, "misunderstood": ""' "$T/out"
al session list K-1 --format table
check_grep "table: the check-in in words" "tension 2, talked 2" "$T/out"
check_grep "table: a no-show in the attendance column" "^ +6  2026-04-06 .* no-show" "$T/out"

# --- the rules: flags of the worked course
# (the drop of session 5 is repaired at session 11, 8.5: the no-show and the
# late cancellation came while it was not, and stay flagged)
al flags K-1 --all --format csv
check "reported, disengaging and missed" 0 "client,session,date,dimension,rule,severity,status
K-1,2,2026-03-09,,reported,amber,
K-1,5,2026-03-30,,reported,red,
K-1,5,2026-03-30,trust,dip,red,repaired
K-1,5,2026-03-30,trust,drop,red,repaired
K-1,5,2026-03-30,trust,low,amber,
K-1,6,2026-04-06,,disengaging,red,
K-1,7,2026-04-13,,disengaging,red,
K-1,7,2026-04-13,,missed,amber,
K-1,8,2026-04-20,trust,decline,amber,
K-1,8,2026-04-20,trust,low,amber,
K-1,11,2026-05-11,,reported,red,"
COLUMNS=1000 al flags K-1 --all --format table
check_grep "the example words of a check-in" \
	"They said there was some tension today \(2 of 4\) and that it was only partly talked through\." "$T/out"
check_grep "a no-show after an unrepaired rupture" \
	"A late cancellation two sessions after an unrepaired rupture\. On 30 March trust fell\." "$T/out"

# --- bad input: one line, exit 1, nothing stored
sqlite3 "$DB" 'SELECT * FROM session; SELECT * FROM rating; SELECT * FROM note; SELECT count(*) FROM audit' > "$T/before"
unchanged() {
	sqlite3 "$DB" 'SELECT * FROM session; SELECT * FROM rating; SELECT * FROM note; SELECT count(*) FROM audit' > "$T/after"
	if cmp -s "$T/before" "$T/after"; then ok "$1: nothing stored"; else not_ok "$1: nothing stored" "$(diff "$T/before" "$T/after" | head -5)"; fi
}
al session add K-2 --date 2026-05-01 --attendance no-show --trust 7
check_err "a rating with a no-show" 1 "alliance: session add: --attendance no-show: a session not attended has no ratings"
unchanged "a rating with a no-show"
al session add K-2 --date 2026-05-01 --attendance cancelled --rater clinician --empathy 7
check_err "a clinician rating with a cancellation" 1 "alliance: session add: --attendance cancelled: a session not attended has no ratings"
al session add K-2 --date 2026-05-01 --attendance late-cancel --tension 0
check_err "a check-in with a late cancellation" 1 "alliance: session add: --attendance late-cancel: a session not attended has no check-in"
al session add K-2 --date 2026-05-01 --attendance clinician-cancel --rupture withdrawal
check_err "a rupture marker with a session not held" 1 "alliance: session add: --attendance clinician-cancel: a session not attended has no rupture marker"
al session add K-2 --date 2026-05-01 --attendance no-show --client-comment-file "$T/comment.txt"
check_err "a client comment with a no-show" 1 "alliance: session add: --attendance no-show: a session not attended has no client comment"
al session add K-2 --date 2026-05-01 --attendance absent
check_err "an unknown attendance word" 1 "alliance: session add: --attendance: 'absent' is not attended, cancelled, late-cancel, no-show or clinician-cancel"
al session add K-2 --date 2026-05-01 --trust 9 --talked 2
check_err "--talked without --tension" 1 "alliance: session add: --talked needs --tension above 0"
unchanged "--talked without --tension"
al session add K-2 --date 2026-05-01 --trust 9 --tension 0 --talked 2
check_err "--talked with --tension 0" 1 "alliance: session add: --talked needs --tension above 0"
for v in 5 -1 2.5 x 01; do
	al session add K-2 --date 2026-05-01 --trust 9 --tension "$v"
	check_err "--tension $v" 1 "alliance: session add: --tension: '$v' is not a whole number from 0 to 4"
done
al session add K-2 --date 2026-05-01 --trust 9 --tension 2 --talked 7
check_err "--talked 7" 1 "alliance: session add: --talked: '7' is not a whole number from 0 to 4"
for v in maybe Yes 1; do
	al session add K-2 --date 2026-05-01 --trust 9 --misunderstood "$v"
	check_err "--misunderstood $v" 1 "alliance: session add: --misunderstood: '$v' is not yes or no"
done
al session add K-2 --date 2026-05-01 --trust 9 --misunderstood=
check_err "--misunderstood empty" 1 "alliance: session add: --misunderstood: empty value"
al session add K-2 --date 2026-05-01 --trust 9 --client-comment-file "$T/nope.txt"
check_err "a comment file that is not there" 1 "alliance: session add: --client-comment-file: cannot read '$T/nope.txt': No such file or directory"
: > "$T/empty.txt"
al session add K-2 --date 2026-05-01 --trust 9 --client-comment-file "$T/empty.txt"
check_err "an empty comment file" 1 "alliance: session add: --client-comment-file: '$T/empty.txt' is empty"
unchanged "every refused add"
# against what the session holds
al session add K-1 --date 2026-04-06 --trust 7
check_err "ratings on a stored no-show" 1 "alliance: session add: K-1 2026-04-06 was not attended (a no-show): a session not attended has no ratings"
al session add K-1 --date 2026-04-06 --tension 1
check_err "a check-in on a stored no-show" 1 "alliance: session add: K-1 2026-04-06 was not attended (a no-show): a session not attended has no check-in"
al session add K-1 --date 2026-03-02 --attendance no-show
check_err "a rated session is not made a no-show" 1 "alliance: session add: K-1 2026-03-02 is already recorded as attended (use --replace, or --new for another session that day)"
al session add K-1 --date 2026-03-02 --attendance no-show --replace
check_err "not even with --replace while it has ratings" 1 "alliance: session add: K-1 2026-03-02 was not attended (a no-show): a session not attended has no ratings"
al session add K-1 --date 2026-03-02 --tension 3
check_err "a different answer needs --replace" 1 "alliance: session add: K-1 2026-03-02 already has a different tension answer (use --replace)"
al session add K-1 --date 2026-03-02 --talked 2
check_err "talked on a session whose tension is 0" 1 "alliance: session add: --talked needs --tension above 0"
unchanged "every refused merge"
al session add K-1 --date 2026-03-02 --tension 0
check "the same answer again is fine" 0 "K-1: session 1 on 2026-03-02 recorded (check-in: tension 0)"
al session add K-1 --date 2026-04-13 --attendance no-show --replace --quiet
check "--replace changes the attendance of a session not held" 0 ""
al session add K-1 --date 2026-04-13 --attendance late-cancel --replace --quiet
al session add K-1 --date 2026-03-09 --tension 0 --replace --quiet
check "tension 0 with --replace" 0 ""
al session list K-1 --format csv
check_grep "talked goes with the tension" "^2,2026-03-09,client,trust,9.0,,,attended,0,,$" "$T/out"
al session add K-1 --date 2026-03-09 --tension 1 --talked 3 --replace --quiet
sqlite3 "$DB" 'SELECT * FROM session; SELECT * FROM rating; SELECT * FROM note; SELECT count(*) FROM audit' > "$T/before"
# the schema refuses what the program would: a second line of defence
for q in "UPDATE session SET tension = 5 WHERE id = 1" \
	"UPDATE session SET talked = 2 WHERE id = 1" \
	"UPDATE session SET misunderstood = 2 WHERE id = 1" \
	"UPDATE session SET attendance = 'absent' WHERE id = 6" \
	"UPDATE session SET attendance = 'no-show' WHERE id = 1" \
	"UPDATE session SET tension = 1 WHERE id = 6" \
	"UPDATE session SET rupture = 'withdrawal' WHERE id = 6" \
	"INSERT INTO rating VALUES (6, 'client', 1, 50)" \
	"UPDATE client SET end_reason = 'other' WHERE id = 2" \
	"UPDATE user SET pin_hash = '1234' WHERE id = 1"; do
	if sqlite3 "$DB" "PRAGMA foreign_keys=ON; $q" 2>/dev/null; then not_ok "schema refuses: $q"; else ok "schema refuses: $q"; fi
done
unchanged "the schema's refusals"

# --- the ending of a course
al client archive K-2 --reason dropout --date 2026-05-20
check "archive with a reason and a date" 0 "K-2: archived, the course ended on 2026-05-20 (dropout)"
al client list --archived --format csv
check "client list shows the ending" 0 "code,clinician,modality,goal,sessions,last_date,archived,ending,end_date
K-1,alice,,,11,2026-05-11,no,,
K-2,alice,,,0,,yes,dropout,2026-05-20"
al client unarchive K-2
check "unarchive forgets the ending" 0 "K-2: active again"
al client archive K-2
check "the reason defaults to other, the date to today" 0 "K-2: archived, the course ended on 2026-06-01 (other)"
setup client unarchive K-2
al client archive K-1 --reason quit
check_err "an unknown reason" 1 "alliance: client archive: --reason: 'quit' is not planned, dropout, referred or other"
al client archive K-1 --date 2026-05-01
check_err "an ending before the last session" 1 "alliance: client archive: --date: '2026-05-01' is before the last session of 'K-1' (2026-05-11)"
al client archive K-1 --date 2026-06-03
check_err "an ending in the future" 1 "alliance: client archive: --date: '2026-06-03' is in the future"
al client archive K-1 --date 2026-13-01
check_err "not a date" 1 "alliance: client archive: --date: '2026-13-01' is not a valid date (YYYY-MM-DD)"
al client unarchive K-1 --reason planned
check_err "unarchive takes no reason" 2 "alliance: client unarchive: unknown option --reason"
al client list --format csv
check "nothing archived by the refusals" 0 "code,clinician,modality,goal,sessions,last_date,archived,ending,end_date
K-1,alice,,,11,2026-05-11,no,,
K-2,alice,,,0,,no,,"
tail_audit() { sqlite3 "$DB" "SELECT action || ' ' || entity || ' ' || coalesce(entity_id, '-') FROM audit ORDER BY id DESC LIMIT 1"; }
setup --user bob client archive B-1 --reason planned --date 2026-05-30
[ "$(tail_audit)" = "archive client 3" ] && ok "an ending is audited by id" || not_ok "ending audited" "$(tail_audit)"

# --- the gap rule: worked out from today, never a flag
setup --user bob client add B-2
setup --user bob session add B-2 --date 2026-05-11 --trust 9 --collaboration 9 --empathy 9
al --user bob caseload --format csv
check "21 days is not more than gap_days" 0 "client,clinician,sessions,last_date,trust,collaboration,empathy,status
B-2,bob,1,2026-05-11,9.0,9.0,9.0,ok"
ALLIANCE_TODAY=2026-07-13 al --user bob caseload --format json
check "not seen for 9 weeks: WATCH, in words" 0 '[
 {"client": "B-2", "clinician": "bob", "sessions": 1, "last_date": "2026-05-11", "trust": 9.0, "collaboration": 9.0, "empathy": 9.0, "status": "WATCH", "flag": "Not seen since 11 May, 9 weeks ago. Get in touch to ask how they are."}
]'
setup --user bob session add B-2 --date 2026-06-01 --attendance no-show
ALLIANCE_TODAY=2026-06-10 al --user bob caseload --format csv
check "a no-show is not seeing them" 0 "client,clinician,sessions,last_date,trust,collaboration,empathy,status
B-2,bob,2,2026-06-01,9.0,9.0,9.0,WATCH"
ALLIANCE_TODAY=2026-06-10 al --user bob flags --all --format csv
check "the gap is no flag" 0 "client,session,date,dimension,rule,severity,status"
setup config set gap_days 40
ALLIANCE_TODAY=2026-06-10 al --user bob caseload --format csv
check "gap_days is a setting" 0 "client,clinician,sessions,last_date,trust,collaboration,empathy,status
B-2,bob,2,2026-06-01,9.0,9.0,9.0,ok"
al config get gap_days
check "config get gap_days" 0 "40"
al config set gap_days 0
check_err "gap_days 0" 1 "alliance: config set: gap_days: '0' is not a whole number from 1 to 365"
al config get ask_checkin
check "ask_checkin defaults to 1" 0 "1"
al config set ask_checkin 2
check_err "ask_checkin is 0 or 1" 1 "alliance: config set: ask_checkin: '2' is not a whole number from 0 to 1"
setup config set gap_days 21

# --- the board: engagement figures per clinician, the last 12 weeks
ALLIANCE_TODAY=2026-06-10 al --user sam board --summary --format csv
check "board --summary: missed, unrated, not seen, endings" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired_12w,closed_12w,repair_pct,missed_pct,unrated_pct,not_seen,ended_planned,ended_dropout,ended_referred,ended_other
bob,1,0,,0,0,0,0,,50,0,1,1,0,0,0
carol,0,0,,0,0,0,0,,,,0,0,0,0,0"

# --- a dimension may not be called like an option of session add
for key in attendance tension talked misunderstood quiet; do
	al dimension add "$key" "Label"
	check_err "dimension key $key is reserved" 1 "alliance: dimension add: '$key' is reserved (it is an option of session add)"
done

# --- privacy: the client's comment is a note (never out, gone with a purge)
MARK=Pangolinword
setup client add P-1
setup session add P-1 --date 2026-05-04 --trust 9 --collaboration 9 --empathy 9
printf 'Next time %s please\n' "$MARK" > "$T/secret.txt"
al session add P-1 --date 2026-05-11 --trust 6 --collaboration 9 --empathy 9 --tension 3 \
	--client-comment-file "$T/secret.txt"
: > "$T/all"
keep() { cat "$T/out" "$T/err" >> "$T/all"; }
keep
al session add P-1 --date 2026-05-18 --attendance no-show --client-comment-file "$T/secret.txt"
keep
check_err "a refused comment: the error names no text" 1 "alliance: session add: --attendance no-show: a session not attended has no client comment"
printf '\377 %s\n' "$MARK" > "$T/bad.txt"
al session add P-1 --date 2026-05-11 --client-comment-file "$T/bad.txt"
keep
check_err "a comment that is not UTF-8: the error names the file, not the text" 1 "alliance: session add: --client-comment-file: '$T/bad.txt' is not valid UTF-8"
for f in csv json table; do
	al session list P-1 --format $f; keep
	al export --format $([ $f = table ] && echo csv || echo $f); keep
	al flags P-1 --all --format $f; keep
	al caseload --format $f; keep
	al --user sam board --format $f; keep
done
al export --anonymize; keep
al report P-1; keep
al report P-1 --format html; keep
al audit --format csv; keep
al chart P-1; keep
check_no_grep "the comment is in no listing, export, report, chart, audit or error" "$MARK" "$T/all"
sqlite3 "$DB" "SELECT * FROM audit" > "$T/audit"
check_no_grep "nor in the audit table" "$MARK" "$T/audit"
al report P-1 --with-notes
check_grep "report --with-notes has it, said to be the client's" "The client's comment:" "$T/out"
check_grep "report --with-notes: its words" "Next time $MARK please" "$T/out"
al report P-1 --with-notes --format html
check_grep "the HTML report too" "<p class=\"note\">Next time $MARK please</p>" "$T/out"
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
check_grep "before the purge the comment is in the file" "$MARK" "$DB"
setup client delete P-1 --purge
for f in "$DB" "$DB-wal"; do
	[ -f "$f" ] && ! grep -a -q "$MARK" "$f" && ok "after the purge: not in $(basename "$f")" ||
		{ [ ! -f "$f" ] && ok "after the purge: no $(basename "$f")"; } ||
		not_ok "after the purge: not in $(basename "$f")"
done
