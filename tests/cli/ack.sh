#!/bin/sh
# ack: a supervisor acknowledges a supervisee's flag with a comment; it is
# stored and audited (the comment never in the audit), shown by flags
# (table, JSON; never CSV) and report (text, HTML); who may; bad input.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../board_fixture.sh"
export ALLIANCE_TODAY=2026-11-27
fixture
day=$(date -u +%F) # acknowledgements carry the day they were written
acks() { sqlite3 "$DB" "SELECT count(*) FROM ack"; }

al --user bob flags --all --format csv
cp "$T/out" "$T/flags-before.csv"

al --user sup ack B-3 --session 4 --rule marker --comment "Discussed in supervision: ask about the move"
check "a supervisor acknowledges a marker" 0 ""
al --user sup ack C-2 --session 4 --rule drop --comment "Seen; carl will raise it"
check "the dimension is implied when the rule fired on one" 0 ""
al --user sup ack C-2 --session 4 --rule drop --dimension trust --comment "Followed up 2 Dec"
check "a second acknowledgement of one flag" 0 ""
[ "$(acks)" = 3 ] && ok "three rows stored" || not_ok "three rows stored" "$(acks)"
sqlite3 "$DB" "SELECT s.date, coalesce(d.key, '-'), a.rule, u.name, a.comment FROM ack a
	JOIN session s ON s.id = a.session_id LEFT JOIN dimension d ON d.id = a.dimension_id
	JOIN user u ON u.id = a.user_id ORDER BY a.id" > "$T/rows"
printf '%s\n' "2026-11-06|-|marker|sup|Discussed in supervision: ask about the move" \
	"2026-11-27|trust|drop|sup|Seen; carl will raise it" \
	"2026-11-27|trust|drop|sup|Followed up 2 Dec" > "$T/want"
same_file "each row names its flag by session, dimension and rule" "$T/want" "$T/rows"

al audit --format csv
grep -c ',sup,acknowledge,ack,[123],$' "$T/out" > "$T/n"
[ "$(cat "$T/n")" = 3 ] && ok "one audit row each, by id" || not_ok "one audit row each, by id" "$(cat "$T/out")"
sqlite3 "$DB" .dump | grep -v "INSERT INTO ack" > "$T/dump"
check_no_grep "the comment is nowhere but the ack table" "supervision|raise it|Followed" "$T/dump"

# flags: CSV unchanged; table and JSON carry the acknowledgements.
al --user bob flags --all --format csv
same_file "flags CSV: header and rows unchanged" "$T/flags-before.csv" "$T/out"
al --user carl flags C-2 --format json
check "flags JSON: an acknowledged key" 0 '[
 {"client": "C-2", "session": 4, "date": "2026-11-27", "dimension": "trust", "rule": "dip", "severity": "red", "status": "open", "explanation": "Trust was 6.5 on 27 November, far below this client'"'"'s usual 9.0 (over 3 sessions). Ask what was different this time. Open: watch for a return to 8.5 or more.", "acknowledged": ""},
 {"client": "C-2", "session": 4, "date": "2026-11-27", "dimension": "trust", "rule": "drop", "severity": "red", "status": "open", "explanation": "Trust fell from 9.0 to 6.5 since 20 November (a drop of 2.5). Ask about how the last session felt. Open: watch for a return to 8.5 or more.", "acknowledged": "sup '"$day"': Seen; carl will raise it; sup '"$day"': Followed up 2 Dec"},
 {"client": "C-2", "session": 4, "date": "2026-11-27", "dimension": "trust", "rule": "low", "severity": "amber", "status": "", "explanation": "Trust was 6.5 on 27 November, under the cutoff of 8.0. Ask what would help them feel safe to be open.", "acknowledged": ""}
]'
COLUMNS=1000 al --user sup flags B-3 --format table # unwrapped (wrapping: table.sh)
check "flags table: an acknowledged column" 0 "client  session  date        dimension  rule    severity  status      explanation                                                                                                                                                                   acknowledged
B-3           4  2026-11-06             marker  red       unrepaired  You noted a withdrawal rupture on 6 November (mean alliance 9.0). Invite them to talk about what happened between you. Not back to its earlier level (9.0) after 3 sessions.  sup $day: Discussed in supervision: ask about the move"

# report: under the flag, in text and HTML.
al --user bob report B-3
check_grep "report text: the acknowledgement under its flag" "^    Acknowledged by sup on $day: Discussed in supervision: ask about the$" "$T/out"
al --user sup report C-2 --format html
check_grep "report HTML: both acknowledgements" "<p class=\"ack\">Acknowledged by sup on $day: Seen; carl will raise it</p><p class=\"ack\">Acknowledged by sup on $day: Followed up 2 Dec</p></li>" "$T/out"

# Unicode counts as characters: 500 of them fit, 501 do not.
long=$(printf 'é%.0s' $(seq 500))
al --user sup ack B-1 --session 3 --rule low --comment "$long"
check "500 characters (1000 bytes) fit" 0 ""
al --user sup ack B-1 --session 3 --rule low --comment "x$long"
check_err "501 characters" 1 "alliance: ack: --comment is too long (at most 500 characters)"

# Who may: only the supervisor of the client's clinician.
nacks=$(acks)
al --user bob ack B-3 --session 4 --rule marker --comment "mine"
check_err "the clinician may not" 1 "alliance: ack: only a supervisor acknowledges flags"
al --user carl ack B-3 --session 4 --rule marker --comment "not mine"
check_err "another clinician may not" 1 "alliance: ack: 'B-3' is not one of your clients"
al --user vera ack B-3 --session 4 --rule marker --comment "not my supervisee"
check_err "another supervisor may not" 1 "alliance: ack: 'B-3' is not a client of your supervisees"
al --user sup --read-only ack B-3 --session 4 --rule marker --comment "read-only"
check_err "read-only refuses" 1 "alliance: refused: the database is open read-only"

# The flag must exist now.
al --user carl client add C-3
for d in 02 09 16; do run "$A" --user carl session add C-3 --date 2026-11-$d --trust 9 --collaboration 9 --empathy 9; done
run "$A" --user carl session add C-3 --date 2026-11-23 --trust 6 --collaboration 6 --empathy 9
al --user sup ack C-3 --session 4 --rule drop --comment "which one?"
check_err "two dimensions: --dimension needed" 1 "alliance: ack: session 4 has drop flags on trust, collaboration: give --dimension"
al --user sup ack C-3 --session 4 --rule drop --dimension empathy --comment "x"
check_err "no such flag on that dimension" 1 "alliance: ack: 'C-3' has no drop flag on empathy at session 4 (see alliance flags C-3 --all)"
al --user sup ack C-3 --session 3 --rule drop --comment "x"
check_err "no such flag at that session" 1 "alliance: ack: 'C-3' has no drop flag at session 3 (see alliance flags C-3 --all)"
al --user sup ack C-3 --session 9 --rule drop --comment "x"
check_err "no such session" 1 "alliance: ack: 'C-3' has no session 9"
al --user sup ack C-3 --session 4 --rule drop --dimension warmth --comment "x"
check_err "unknown dimension" 1 "alliance: ack: --dimension: unknown dimension 'warmth'"
al --user sup ack C-3 --session 4 --rule marker --dimension trust --comment "x"
check_err "marker has no dimension" 1 "alliance: ack: --dimension: a marker flag has no dimension"
al --user sup ack NOPE --session 1 --rule low --comment "x"
check_err "unknown client" 1 "alliance: ack: unknown client 'NOPE'"

# Bad options.
al --user sup ack C-3 --rule drop --comment "x"
check_err "--session is required" 2 "alliance: ack: --session is required"
al --user sup ack C-3 --session 4 --comment "x"
check_err "--rule is required" 2 "alliance: ack: --rule is required"
al --user sup ack C-3 --session 4 --rule drop --dimension trust
check_err "--comment is required" 2 "alliance: ack: --comment is required"
al --user sup ack --session 4 --rule drop --comment "x"
check_err "CODE is required" 2 "alliance: ack: missing argument (see alliance --help)"
al --user sup ack C-3 --session four --rule drop --comment "x"
check_err "bad session number" 1 "alliance: ack: --session: 'four' is not a session number"
al --user sup ack C-3 --session 0 --rule drop --comment "x"
check_err "session 0" 1 "alliance: ack: --session: '0' is not a session number"
al --user sup ack C-3 --session 4 --rule slump --comment "x"
check_err "bad rule" 1 "alliance: ack: --rule: 'slump' is not low, drop, dip, decline, marker, discrepancy or missing"
al --user sup ack C-3 --session 4 --rule drop --dimension trust --comment ""
check_err "empty comment" 1 "alliance: ack: --comment: empty value"
al --user sup ack C-3 --session 4 --rule drop --dimension trust --comment "   "
check_err "blank comment" 1 "alliance: ack: --comment is blank"
al --user sup ack C-3 --session 4 --rule drop --dimension trust --comment "two
lines"
check_err "one line only" 1 "alliance: ack: --comment has a line break (one line of text only)"
al --user sup ack C-3 --session 4 --rule drop --dimension trust --comment "x" --frob
check_err "unknown option" 2 "alliance: ack: unknown option --frob"
[ "$(acks)" = "$nacks" ] && ok "refused acknowledgements stored nothing" || not_ok "refused acknowledgements stored nothing" "$(acks) rows, wanted $nacks"

# A purge takes the client's acknowledgements with it.
al --user bob client delete B-3 --purge
check "purge" 0 ""
[ "$(acks)" = $((nacks - 1)) ] && ok "purge removes the client's acknowledgements" || not_ok "purge removes the client's acknowledgements" "$(acks)"
