#!/bin/sh
# demo: the deterministic practice, stored in one transaction with one audit
# row; an empty database only; the invoking user's caseload shows every status.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-11-27 # the demo dates its practice back from today

# Everything a demo stores, in a stable order, without creation times.
dump() {
	sqlite3 "$1" "SELECT u.name, u.role, coalesce(s.name, '') FROM user u
		LEFT JOIN user s ON s.id = u.supervisor_id ORDER BY u.name;
	SELECT c.code, u.name, c.modality, c.goal, c.archived FROM client c
		JOIN user u ON u.id = c.clinician_id ORDER BY c.code;
	SELECT c.code, s.date, s.seq, s.rupture, s.context, r.rater, d.key, r.tenths, n.body
		FROM session s JOIN client c ON c.id = s.client_id
		LEFT JOIN rating r ON r.session_id = s.id LEFT JOIN dimension d ON d.id = r.dimension_id
		LEFT JOIN note n ON n.session_id = s.id
		ORDER BY c.code, s.date, s.seq, r.rater, d.position;"
}

al demo
check "demo prints the other users" 0 "demo: 24 clients, 491 sessions. Other users: dr_okafor, dr_lindqvist (clinicians), sup_moreau (supervisor; try --user sup_moreau)"
al user list --format csv
check "the invoking user is a clinician supervised by the demo supervisor" 0 "name,role,supervisor
alice,clinician,sup_moreau
dr_lindqvist,clinician,sup_moreau
dr_okafor,clinician,sup_moreau
sup_moreau,supervisor,"
al client list --format csv
check_grep "clients have codes, modalities and goals" "^K-[0-9]{4},alice,[a-z]+,[A-Z]" "$T/out"
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM client')" = 24 ] && ok "24 clients" || not_ok "24 clients"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM client c JOIN user u ON u.id = c.clinician_id
	WHERE u.name = 'alice'")" -ge 6 ] && ok "at least 6 clients are the user's" \
	|| not_ok "at least 6 clients are the user's"
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM note')" -gt 100 ] && ok "sessions have notes" \
	|| not_ok "sessions have notes"
sqlite3 "$DB" "SELECT action, entity, coalesce(entity_id, ''), count FROM audit
	WHERE action <> 'init' ORDER BY id" > "$T/audit"
printf 'add|user|1|\ndemo|database||491\n' > "$T/want"
same_file "one audit row for the whole demo (after the first user's)" "$T/want" "$T/audit"
dump "$DB" > "$T/first"

al demo
check_err "a database with clients is refused" 1 "alliance: demo: the database already has clients (the demo fills an empty one: alliance --db NEW.db demo)"
dump "$DB" > "$T/again"
same_file "the refused demo changed nothing" "$T/first" "$T/again"

# Same seed and day, same practice; another seed, another one.
al --db "$T/b.db" demo
check "demo into a second database" 0 "demo: 24 clients, 491 sessions. Other users: dr_okafor, dr_lindqvist (clinicians), sup_moreau (supervisor; try --user sup_moreau)"
dump "$T/b.db" > "$T/second"
same_file "same seed: the same practice" "$T/first" "$T/second"
al --db "$T/b.db" export
cp "$T/out" "$T/export.b"
al export
check_file "same seed: byte-identical export" "$T/export.b"
al --db "$T/c.db" demo --seed 7 --clients 9 --sessions 12
check "another seed, 9 clients of 12 sessions" 0 "demo: 9 clients, 108 sessions. Other users: dr_okafor, dr_lindqvist (clinicians), sup_moreau (supervisor; try --user sup_moreau)"
dump "$T/c.db" > "$T/third"
if cmp -s "$T/first" "$T/third"; then not_ok "another seed: another practice"; else ok "another seed: another practice"; fi
ALLIANCE_TODAY=2026-12-04 run "$A" --db "$T/d.db" demo
dump "$T/d.db" > "$T/later"
sqlite3 "$T/d.db" "SELECT max(date) FROM session" > "$T/max"
echo 2026-12-04 > "$T/want"
same_file "another day: the practice ends on that day" "$T/want" "$T/max"

# The user's names are the demo's own: another user gets the same practice.
al --db "$T/e.db" --user dr_okafor demo
check "a user named like a demo clinician" 0 "demo: 24 clients, 491 sessions. Other users: dr_lindqvist, dr_haddad (clinicians), sup_moreau (supervisor; try --user sup_moreau)"

# Bad input: exact errors, nothing stored.
al --db "$T/f.db" demo --clients 7
check_err "--clients below the minimum" 1 "alliance: demo: --clients: '7' is not a whole number from 8 to 100000"
al --db "$T/f.db" demo --clients lots
check_err "--clients not a number" 1 "alliance: demo: --clients: 'lots' is not a whole number from 8 to 100000"
al --db "$T/f.db" demo --sessions 201
check_err "--sessions above the maximum" 1 "alliance: demo: --sessions: '201' is not a whole number from 12 to 200"
al --db "$T/f.db" demo --seed -1
check_err "--seed negative" 1 "alliance: demo: --seed: '-1' is not a whole number from 0 to 9223372036854775807"
al --db "$T/f.db" demo --seed ""
check_err "--seed empty" 1 "alliance: demo: --seed: empty value"
al --db "$T/f.db" demo extra
check_err "no positional argument" 2 "alliance: demo: unexpected argument 'extra'"
al --db "$T/f.db" demo --frob
check_err "unknown option" 2 "alliance: demo: unknown option --frob"
[ ! -e "$T/f.db" ] && ok "bad input left no database behind" \
	|| not_ok "bad input left no database behind"
al --db "$T/f.db" init
al --db "$T/f.db" --read-only demo
check_err "read-only" 1 "alliance: demo: refused: the database is open read-only"
ALLIANCE_TODAY=2026-02-30 run "$A" --db "$T/f.db" demo
check_err "ALLIANCE_TODAY must be a date" 1 "alliance: ALLIANCE_TODAY: '2026-02-30' is not a date (YYYY-MM-DD)"

# A supervisor is not made a clinician; a demo user name already taken is refused.
al --db "$T/g.db" init
al --db "$T/g.db" user add sam --role supervisor
al --db "$T/g.db" --user sam demo
check_err "a supervisor cannot run the demo" 1 "alliance: demo: run it as a clinician (the demo makes you one of its three clinicians)"
al --db "$T/g.db" user add sup_moreau
al --db "$T/g.db" demo
check_err "a demo user name already taken" 1 "alliance: demo: user 'sup_moreau' already exists (the demo fills an empty database)"
[ "$(sqlite3 "$T/g.db" "SELECT count(*) FROM user")" = 3 ] && ok "the refused demo added no user" \
	|| not_ok "the refused demo added no user"
