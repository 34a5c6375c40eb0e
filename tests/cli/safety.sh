#!/bin/sh
# Smaller data-safety rules (issue 11): a repeated option is refused instead
# of the last one silently winning; config set with the value a key has
# writes no audit row; check verifies the schema (tables, indexes, the audit
# trail's append-only triggers); --session N addresses the N-th session.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-11-27
audit_rows() { sqlite3 "$DB" "SELECT count(*) FROM audit"; }

setup init
setup client add K-1

# ---- a repeated option is refused ----
al client list --format csv --format json
check_err "--format twice" 2 "alliance: client list: --format given twice"
al client list --format=csv --format csv
check_err "--format=X then --format X" 2 "alliance: client list: --format given twice"
al client list --archived --archived
check_err "a flag twice" 2 "alliance: client list: --archived given twice"
al --db "$DB" --db "$T/other.db" client list
check_err "--db twice before the command" 2 "alliance: --db given twice"
al --db "$DB" client list --db "$T/other.db"
check_err "--db before and after the command" 2 "alliance: client: --db given twice"
[ ! -e "$T/other.db" ] && ok "no second database is created" || not_ok "no second database is created"
al --user alice --user=bob client list
check_err "--user twice" 2 "alliance: --user given twice"
al --read-only client list --read-only
check_err "--read-only twice" 2 "alliance: client: --read-only given twice"
al export --output "$T/a.csv" --output "$T/b.csv"
check_err "--output twice" 2 "alliance: export: --output given twice"
[ ! -e "$T/a.csv" ] && [ ! -e "$T/b.csv" ] && ok "and writes no file" || not_ok "and writes no file"
al session add K-1 --date 2026-11-20 --trust 7 --trust 8
check_err "a rating twice, as before" 2 "alliance: session add: --trust given twice"
al session add K-1 --date 2026-11-20 --date 2026-11-21 --trust 7
check_err "--date twice" 2 "alliance: session add: --date given twice"
al session list K-1 --format csv
check "nothing was stored" 0 "session,date,rater,dimension,value,rupture,context,attendance,tension,talked,misunderstood"

# ---- config set with the value the key has: no write, no audit row ----
before=$(audit_rows)
al config set cutoff 8.0
check "config set to the default value" 0 "cutoff set to 8.0 (default 8.0)"
[ "$(audit_rows)" = "$before" ] && ok "writes no audit row" ||
	not_ok "writes no audit row" "$before -> $(audit_rows)"
al config set cutoff 7.5
[ "$(audit_rows)" = $((before + 1)) ] && ok "a change writes one" || not_ok "a change writes one"
al config set cutoff 7.50
[ "$(audit_rows)" = $((before + 1)) ] && ok "the same value again writes none" ||
	not_ok "the same value again writes none"
al config get cutoff
check "and the value is kept" 0 "7.5"

# ---- check verifies the schema ----
al check
check "check: a sound database" 0 "ok"
cp "$DB" "$T/copy.db"
sqlite3 "$T/copy.db" "DROP TRIGGER audit_append_only_delete; DROP INDEX client_by_clinician;
	DROP TRIGGER audit_append_only_update;
	CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN SELECT 1; END;
	DELETE FROM audit WHERE id = 1;"
al --db "$T/copy.db" check
check "check names what is missing or changed" 3 "schema: index client_by_clinician is missing
schema: trigger audit_append_only_delete is missing
schema: trigger audit_append_only_update differs from the one this program makes"
[ "$(cat "$T/err")" = "alliance: check: 3 problems found" ] && ok "and counts it" ||
	not_ok "and counts it" "$(cat "$T/err")"
sqlite3 "$T/copy.db" "DROP TABLE client_status"
al --db "$T/copy.db" --read-only check
check_grep "a table is missing" "^schema: table client_status is missing$" "$T/out"

# ---- --session N: the N-th session, not the last on the date ----
setup client add K-2
setup session add K-2 --date 2026-11-02 --trust 9
setup session add K-2 --date 2026-11-02 --trust 8 --new
setup session add K-2 --date 2026-11-09 --trust 7
al session add K-2 --session 1 --rater clinician --trust 6
check "--session 1 of two on one date" 0 "K-2: session 1 on 2026-11-02 recorded (clinician: trust 6.0)"
al session add K-2 --session 3 --date 2026-11-09 --empathy 9
check "--session with its date" 0 "K-2: session 3 on 2026-11-09 recorded (empathy 9.0)"
al session list K-2 --format csv
check "each landed on its session" 0 "session,date,rater,dimension,value,rupture,context,attendance,tension,talked,misunderstood
1,2026-11-02,client,trust,9.0,,,attended,,,
1,2026-11-02,clinician,trust,6.0,,,attended,,,
2,2026-11-02,client,trust,8.0,,,attended,,,
3,2026-11-09,client,trust,7.0,,,attended,,,
3,2026-11-09,client,empathy,9.0,,,attended,,,"
al session add K-2 --session 1 --trust 5
check_err "a rating there already needs --replace" 1 "alliance: session add: K-2 2026-11-02 already has a client trust rating (use --replace)"
al session add K-2 --session 1 --trust 5 --replace
al session list K-2 --format csv
check_grep "--replace replaces on that session only" "^1,2026-11-02,client,trust,5.0,,,attended,,,$" "$T/out"
check_grep "the other one on that date keeps its rating" "^2,2026-11-02,client,trust,8.0,,,attended,,,$" "$T/out"
al session add K-2 --session 4 --trust 5
check_err "no such session" 1 "alliance: session add: --session: K-2 has no session 4"
al session add K-2 --session 2 --date 2026-11-09 --trust 5
check_err "--date must be that session's" 1 "alliance: session add: --session: session 2 of K-2 is on 2026-11-02, not 2026-11-09"
al session add K-2 --session 0 --trust 5
check_err "--session 0" 1 "alliance: session add: --session: '0' is not a session number"
al session add K-2 --session 2 --new --trust 5
check_err "--session with --new" 2 "alliance: session add: --new and --session cannot be used together"
al session add K-2 --trust 5
check_err "--date or --session is required" 2 "alliance: session add: --date (or --session) is required"

# ---- session edit: what is given replaces, on the session addressed ----
al session edit K-2 --session 2 --trust 6.5 --context "after the move" --note "edited"
check "session edit --session 2" 0 "K-2: session 2 on 2026-11-02 recorded (trust 6.5; context; note)"
al session edit K-2 --date 2026-11-02 --empathy 7
check "session edit --date: the last session on that date" 0 "K-2: session 2 on 2026-11-02 recorded (empathy 7.0)"
al session edit K-2 --session 2 --note "edited again"
check "edit replaces a note without --replace" 0 "K-2: session 2 on 2026-11-02 recorded (note)"
al session list K-2 --format csv
check "only the addressed sessions changed" 0 "session,date,rater,dimension,value,rupture,context,attendance,tension,talked,misunderstood
1,2026-11-02,client,trust,5.0,,,attended,,,
1,2026-11-02,clinician,trust,6.0,,,attended,,,
2,2026-11-02,client,trust,6.5,,after the move,attended,,,
2,2026-11-02,client,empathy,7.0,,after the move,attended,,,
3,2026-11-09,client,trust,7.0,,,attended,,,
3,2026-11-09,client,empathy,9.0,,,attended,,,"
[ "$(sqlite3 "$DB" "SELECT body FROM note")" = "edited again" ] && ok "the note is the last one given" ||
	not_ok "the note is the last one given" "$(sqlite3 "$DB" "SELECT body FROM note")"
al session edit K-2 --date 2026-11-16 --trust 5
check_err "edit never records a new session" 1 "alliance: session edit: K-2 has no session on 2026-11-16"
al session edit K-2 --session 9 --trust 5
check_err "edit: no such session" 1 "alliance: session edit: --session: K-2 has no session 9"
al --read-only session edit K-2 --session 1 --trust 5
check_err "edit: read-only names the command" 1 "alliance: session edit: refused: the database is open read-only"

