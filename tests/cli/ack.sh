#!/bin/sh
# ack: a supervisor acknowledges a supervisee's episode (SPEC §4b) with a
# comment; it is stored on the session where the episode opened and
# audited (the comment never in the audit), shown by episodes (table, JSON;
# never CSV) and report (text, HTML); the migration that moves older flag
# acknowledgements to the episode holding their flag; who may; bad input.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../board_fixture.sh"
export ALLIANCE_TODAY=2026-11-27
fixture
day=$(date -u +%F) # acknowledgements carry the day they were written
acks() { sqlite3 "$DB" "SELECT count(*) FROM episode_ack"; }
sid() { # CODE N: the internal id of the client's session number N
	sqlite3 "$DB" "SELECT s.id FROM session s JOIN client c ON c.id = s.client_id
		WHERE c.code = '$1' ORDER BY s.date, s.seq LIMIT 1 OFFSET $(($2 - 1))"
}

al --user sup episodes --all --format csv
cp "$T/out" "$T/episodes-before.csv"

al --user sup ack B-3 --episode 4 --comment "Discussed in supervision: ask about the move"
check "a supervisor acknowledges B-3's episode" 0 ""
al --user sup ack C-2 --episode 4 --comment "Seen; carl will raise it"
check "and C-2's" 0 ""
al --user sup ack C-2 --episode 4 --comment "Followed up 2 Dec"
check "a second acknowledgement of one episode" 0 ""
[ "$(acks)" = 3 ] && ok "three rows stored" || not_ok "three rows stored" "$(acks)"
sqlite3 "$DB" "SELECT s.date, u.name, a.comment FROM episode_ack a
	JOIN session s ON s.id = a.session_id JOIN user u ON u.id = a.user_id ORDER BY a.id" > "$T/rows"
printf '%s\n' "2026-11-06|sup|Discussed in supervision: ask about the move" \
	"2026-11-27|sup|Seen; carl will raise it" "2026-11-27|sup|Followed up 2 Dec" > "$T/want"
same_file "each on the session where its episode opened" "$T/want" "$T/rows"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM ack")" = 0 ] && ok "no flag is acknowledged" ||
	not_ok "no flag is acknowledged"

al audit --format csv
b3=$(sid B-3 4) c2=$(sid C-2 4)
n=$(grep -c -e ",sup,acknowledge,session,$b3,\$" -e ",sup,acknowledge,session,$c2,\$" "$T/out")
[ "$n" = 3 ] && ok "one audit row each, naming the session by id" ||
	not_ok "one audit row each, naming the session by id" "$(tail -4 "$T/out")"
sqlite3 "$DB" .dump | grep -v "INSERT INTO episode_ack" > "$T/dump"
check_no_grep "the comment is nowhere but the episode_ack table" "in supervision|raise it|Followed" "$T/dump"

# episodes: CSV unchanged; table and JSON carry the acknowledgements.
al --user sup episodes --all --format csv
same_file "episodes CSV: header and rows unchanged" "$T/episodes-before.csv" "$T/out"
al --user carl episodes C-2 --format json
check "episodes JSON: the story and an acknowledged key" 0 '[
 {"client": "C-2", "opened": 4, "date": "2026-11-27", "kind": "rupture", "severity": "red", "dimensions": "trust", "status": "open", "closed": null, "story": "Since 27 November (session 4) trust fell from 9.0 to 6.5. No session rated since. Ask what would help them feel safe to be open.", "acknowledged": "sup '"$day"': Seen; carl will raise it; sup '"$day"': Followed up 2 Dec", "repairs": ""}
]'
COLUMNS=1000 al --user sup episodes B-3 --format table # unwrapped (wrapping: table.sh)
check "episodes table: a supervisor reads the clinician named" 0 "client  opened  date        kind     severity  dimensions  status      closed  story                                                                                                                                                                   acknowledged                                                  repairs
B-3          4  2026-11-06  rupture  red                   unrepaired       7  Since 6 November (session 4) bob noted a withdrawal. Not back to about 9.0 after 3 sessions (now 8.4). bob might invite them to talk about what happened between them.  sup $day: Discussed in supervision: ask about the move"

# report: under the episode, in text and HTML.
al --user bob report B-3
check_grep "report text: the acknowledgement under its episode" "^    Acknowledged by sup on $day: Discussed in supervision: ask about the$" "$T/out"
al --user sup report C-2 --format html
check_grep "report HTML: both acknowledgements" "<p class=\"ack\">Acknowledged by sup on $day: Seen; carl will raise it</p><p class=\"ack\">Acknowledged by sup on $day: Followed up 2 Dec</p></li>" "$T/out"

# Unicode counts as characters: 500 of them fit, 501 do not.
long=$(printf 'é%.0s' $(seq 500))
al --user sup ack B-2 --episode 4 --comment "$long"
check "500 characters (1000 bytes) fit" 0 ""
al --user sup ack B-2 --episode 4 --comment "x$long"
check_err "501 characters" 1 "alliance: ack: --comment is too long (at most 500 characters)"

# Who may: only the supervisor of the client's clinician.
nacks=$(acks)
al --user bob ack B-3 --episode 4 --comment "mine"
check_err "the clinician may not" 1 "alliance: ack: only a supervisor acknowledges episodes"
al --user carl ack B-3 --episode 4 --comment "not mine"
check_err "another clinician may not" 1 "alliance: ack: 'B-3' is not one of your clients"
al --user vera ack B-3 --episode 4 --comment "not my supervisee"
check_err "another supervisor may not" 1 "alliance: ack: 'B-3' is not a client of your supervisees"
al --user sup --read-only ack B-3 --episode 4 --comment "read-only"
check_err "read-only refuses" 1 "alliance: ack: refused: the database is open read-only"

# The episode must be one the course shows now.
al --user sup ack B-3 --episode 5 --comment "x"
check_err "no episode opened there" 1 "alliance: ack: 'B-3' has no episode that opened at session 5 (see alliance episodes B-3 --all)"
al --user sup ack B-1 --episode 3 --comment "a low is not an episode"
check_err "a client without episodes" 1 "alliance: ack: 'B-1' has no episode that opened at session 3 (see alliance episodes B-1 --all)"
al --user sup ack NOPE --episode 1 --comment "x"
check_err "unknown client" 1 "alliance: ack: unknown client 'NOPE'"

# Bad options.
al --user sup ack C-2 --comment "x"
check_err "--episode is required" 2 "alliance: ack: --episode is required"
al --user sup ack C-2 --episode 4
check_err "--comment is required" 2 "alliance: ack: --comment is required"
al --user sup ack --episode 4 --comment "x"
check_err "CODE is required" 2 "alliance: ack: missing argument (see alliance --help)"
al --user sup ack C-2 --episode four --comment "x"
check_err "bad session number" 1 "alliance: ack: --episode: 'four' is not a session number (the session where the episode opened)"
al --user sup ack C-2 --episode 0 --comment "x"
check_err "session 0" 1 "alliance: ack: --episode: '0' is not a session number (the session where the episode opened)"
al --user sup ack C-2 --episode 4 --comment ""
check_err "empty comment" 1 "alliance: ack: --comment: empty value"
al --user sup ack C-2 --episode 4 --comment "   "
check_err "blank comment" 1 "alliance: ack: --comment is blank"
al --user sup ack C-2 --episode 4 --comment "two
lines"
check_err "one line only" 1 "alliance: ack: --comment has a line break (one line of text only)"
al --user sup ack C-2 --episode 4 --comment "x" --frob
check_err "unknown option" 2 "alliance: ack: unknown option --frob"
al --user sup ack C-2 --session 4 --rule drop --comment "x"
check_err "the version-1 form is gone" 2 "alliance: ack: unknown option --session"
[ "$(acks)" = "$nacks" ] && ok "refused acknowledgements stored nothing" || not_ok "refused acknowledgements stored nothing" "$(acks) rows, wanted $nacks"

# A purge takes the client's acknowledgements with it.
al --user bob client delete B-3 --purge
check "purge" 0 ""
[ "$(acks)" = $((nacks - 1)) ] && ok "purge removes the client's acknowledgements" || not_ok "purge removes the client's acknowledgements" "$(acks)"

# The migration (schema 5): acknowledgements of flags made before episodes
# move to the episode holding their flag, keeping who, when and what; one
# of a flag no episode holds (a low) stays with it, shown under it in flags.
old="$T/old.db"
cp "$DB" "$old"
sqlite3 "$old" "DELETE FROM episode_ack;
	INSERT INTO ack (session_id, dimension_id, rule, user_id, time, comment)
	SELECT $c2, 1, 'drop', u.id, '2026-11-28T09:00:00Z', 'old one on the drop'
	FROM user u WHERE u.name = 'sup';
	INSERT INTO ack (session_id, dimension_id, rule, user_id, time, comment)
	SELECT $(sid B-1 3), 1, 'low', u.id, '2026-11-28T09:05:00Z', 'old one on a low'
	FROM user u WHERE u.name = 'sup';
	DROP TABLE repair_note; DROP TABLE repair_strategy; DROP TABLE repair;
	DROP TABLE episode_ack; PRAGMA user_version = 4;"
ALLIANCE_DB="$old" run "$A" --user sup episodes C-2 --format csv
check "the older database opens (migrated)" 0 "client,opened,date,kind,severity,dimensions,status,closed
C-2,4,2026-11-27,rupture,red,trust,open,"
sqlite3 "$old" "SELECT s.date, a.time, a.comment FROM episode_ack a JOIN session s ON s.id = a.session_id;
	SELECT '-';
	SELECT a.rule, a.comment FROM ack a;
	SELECT count(*) FROM sqlite_schema WHERE name = 'ack_move'" > "$T/rows"
printf '%s\n' "2026-11-27|2026-11-28T09:00:00Z|old one on the drop" - "low|old one on a low" 0 > "$T/want"
same_file "the drop's moved to its episode, the low's stayed, the list is gone" "$T/want" "$T/rows"
ALLIANCE_DB="$old" run "$A" --user sup episodes C-2 --format json
check_grep "the moved one shows under the episode" '"acknowledged": "sup 2026-11-28: old one on the drop"' "$T/out"
ALLIANCE_DB="$old" run "$A" --user sup flags B-1 --format json
check_grep "the one left shows under its flag" '"rule": "low", .*"acknowledged": "sup 2026-11-28: old one on a low"' "$T/out"
