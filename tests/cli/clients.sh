#!/bin/sh
# client add | list | archive | unarchive | delete --purge, and who sees what.
. "$(dirname "$0")/../lib.sh"

# alice (the first user) and carl are clinicians; bob is supervised by sue.
al init
al user add sue --role supervisor
al user add bob --supervisor sue
al user add carl
al user add vera --role supervisor
al user list --format csv
check "setup users" 0 "name,role,supervisor
alice,clinician,
bob,clinician,sue
carl,clinician,
sue,supervisor,
vera,supervisor,"

al client add K-0142 --modality cbt --goal "Fewer panic attacks, back to work"
check "add with modality and goal" 0 "K-0142: client of alice added (cbt, with a goal)"
al client add K-0007
check "add with defaults" 0 "K-0007: client of alice added"
al client list --format csv
check "list: own clients by code" 0 'code,clinician,modality,goal,sessions,last_date,archived,ending,end_date
K-0007,alice,,,0,,no,,
K-0142,alice,cbt,"Fewer panic attacks, back to work",0,,no,,'
al client list --format json
check "list json" 0 '[
 {"code": "K-0007", "clinician": "alice", "modality": "", "goal": "", "sessions": 0, "last_date": "", "archived": "no", "ending": "", "end_date": ""},
 {"code": "K-0142", "clinician": "alice", "modality": "cbt", "goal": "Fewer panic attacks, back to work", "sessions": 0, "last_date": "", "archived": "no", "ending": "", "end_date": ""}
]'
COLUMNS=1000 al client list --format table # unwrapped (wrapping: table.sh)
check "list table" 0 "code    clinician  modality  goal                               sessions  last_date  archived  ending  end_date
K-0007  alice                                                          0             no
K-0142  alice      cbt       Fewer panic attacks, back to work         0             no"
al client list --format xml
check_err "list: bad format" 1 "alliance: client list: --format: 'xml' is not table, csv or json"

# Bad input: one line, exit 1, nothing stored.
al client add K-0142
check_err "duplicate code" 1 "alliance: client add: client 'K-0142' already exists"
al client add "K 1"
check_err "code with a space" 1 "alliance: client add: 'K 1' is not a valid client code (1-32 letters, digits, '-', '_', '.')"
al client add -K1
check_err "code starting with -" 1 "alliance: client add: '-K1' is not a valid client code (1-32 letters, digits, '-', '_', '.')"
al client add -- --K1
check_err "code starting with -- after --" 1 "alliance: client add: '--K1' is not a valid client code (1-32 letters, digits, '-', '_', '.')"
al client add K/1
check_err "code with a slash" 1 "alliance: client add: 'K/1' is not a valid client code (1-32 letters, digits, '-', '_', '.')"
al client add ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456
check_err "code of 33 characters" 1 "alliance: client add: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456' is not a valid client code (1-32 letters, digits, '-', '_', '.')"
al client add ABCDEFGHIJKLMNOPQRSTUVWXYZ012345
check "code of 32 characters" 0 "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345: client of alice added"
al client add ""
check_err "empty code" 1 "alliance: client add: '' is not a valid client code (1-32 letters, digits, '-', '_', '.')"
al client add K-1 --modality gestalt
check_err "unknown modality" 1 "alliance: client add: --modality: 'gestalt' is not cbt, psychodynamic, humanistic, integrative or other"
al client add K-1 --modality ""
check_err "empty modality" 1 "alliance: client add: --modality: empty value"
long=$(printf '%0201d' 0)
al client add K-1 --goal "$long"
check_err "goal of 201 bytes" 1 "alliance: client add: --goal is too long (at most 200 bytes)"
al client add K-1 --goal "$(printf 'two\nlines')"
check_err "goal with a newline" 1 "alliance: client add: --goal has a line break (one line of text only)"
al client add K-1 --goal "$(printf 'bad \377 byte')"
check_err "goal not UTF-8" 1 "alliance: client add: --goal is not valid UTF-8"
al client add K-1 --goal "$(printf '%0200d' 0)" --modality other
check "goal of 200 bytes" 0 "K-1: client of alice added (other, with a goal)"
al client add K-2 --goal "Schlaf verbessern, Ängste"
check "goal in UTF-8" 0 "K-2: client of alice added (with a goal)"
al client add K-3 --clinician nobody
check_err "unknown clinician" 1 "alliance: client add: --clinician: unknown user 'nobody'"
al client add K-3 --clinician sue
check_err "clinician must be a clinician" 1 "alliance: client add: --clinician: 'sue' is not a clinician"
al client add K-3 --clinician bob
check_err "a clinician adds only their own clients" 1 "alliance: client add: --clinician: 'bob' is not you (a clinician works only with their own clients)"
al client add K-3 --clinician alice
check "--clinician naming oneself" 0 "K-3: client of alice added"
al client add
check_err "missing code" 2 "alliance: client add: missing argument (see alliance --help)"
al client add K-4 K-5
check_err "two codes" 2 "alliance: client add: unexpected argument 'K-5'"
al client add K-4 --frob
check_err "unknown option" 2 "alliance: client add: unknown option --frob"
al client frob
check_err "unknown sub-command" 2 "alliance: client: expected add, list, archive, unarchive or delete"
al client
check_err "no sub-command" 2 "alliance: client: expected add, list, archive, unarchive or delete"
al --read-only client add K-4
check_err "read-only refuses add" 1 "alliance: client add: refused: the database is open read-only"
al client list --format csv
check "failed adds stored nothing" 0 'code,clinician,modality,goal,sessions,last_date,archived,ending,end_date
ABCDEFGHIJKLMNOPQRSTUVWXYZ012345,alice,,,0,,no,,
K-0007,alice,,,0,,no,,
K-0142,alice,cbt,"Fewer panic attacks, back to work",0,,no,,
K-1,alice,other,00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000,0,,no,,
K-2,alice,,"Schlaf verbessern, Ängste",0,,no,,
K-3,alice,,,0,,no,,'
al --read-only client list --format csv
check_grep "read-only may list" "^K-0142,alice" "$T/out"

# Supervisors add clients for their supervisees only.
al --user sue client add B-1
check_err "supervisor must name a clinician" 1 "alliance: client add: a supervisor adds clients for a supervisee: give --clinician NAME"
al --user sue client add B-1 --clinician carl
check_err "supervisor: not a supervisee" 1 "alliance: client add: --clinician: 'carl' is not one of your supervisees"
al --user sue client add B-1 --clinician bob --modality psychodynamic
check "supervisor adds for a supervisee" 0 "B-1: client of bob added (psychodynamic)"
al --user bob client add B-2
check "clinician bob adds his own" 0 "B-2: client of bob added"
al --user carl client add C-1
check "clinician carl adds his own" 0 "C-1: client of carl added"

# Each sees their own: a clinician their clients, a supervisor the supervisees'.
al --user bob client list --format csv
check "bob sees his clients" 0 "code,clinician,modality,goal,sessions,last_date,archived,ending,end_date
B-1,bob,psychodynamic,,0,,no,,
B-2,bob,,,0,,no,,"
al --user sue client list --format csv
check "sue sees bob's clients" 0 "code,clinician,modality,goal,sessions,last_date,archived,ending,end_date
B-1,bob,psychodynamic,,0,,no,,
B-2,bob,,,0,,no,,"
al --user vera client list --format csv
check "a supervisor without supervisees sees none" 0 "code,clinician,modality,goal,sessions,last_date,archived,ending,end_date"
al --user sue client list --clinician bob --format csv
check "supervisor: --clinician a supervisee" 0 "code,clinician,modality,goal,sessions,last_date,archived,ending,end_date
B-1,bob,psychodynamic,,0,,no,,
B-2,bob,,,0,,no,,"
al --user sue client list --clinician carl
check_err "supervisor: --clinician not a supervisee" 1 "alliance: client list: --clinician: 'carl' is not one of your supervisees"
al client list --clinician bob
check_err "clinician: --clinician someone else" 1 "alliance: client list: --clinician: 'bob' is not you (a clinician works only with their own clients)"
al client list --clinician ghost
check_err "list: unknown clinician" 1 "alliance: client list: --clinician: unknown user 'ghost'"

# Sessions counted and last date shown (sessions are written here directly).
sqlite3 "$DB" "INSERT INTO session (client_id, date, seq) SELECT id, '2026-03-02', 1 FROM client WHERE code = 'K-0007';
INSERT INTO session (client_id, date, seq) SELECT id, '2026-03-02', 2 FROM client WHERE code = 'K-0007';
INSERT INTO session (client_id, date, seq) SELECT id, '2026-01-15', 1 FROM client WHERE code = 'K-0007';"
al client list --format csv
check_grep "sessions and last date" "^K-0007,alice,,,3,2026-03-02,no,,$" "$T/out"

# Archive hides a client from listings; --archived shows it; unarchive brings it back.
al client archive K-0007
check_grep "archive says how the course ended" "^K-0007: archived, the course ended on [0-9-]+ \(other\)$" "$T/out"
al client list --format csv
check_no_grep "archived client hidden" "K-0007" "$T/out"
al client list --archived --format csv
check_grep "--archived shows it" "^K-0007,alice,,,3,2026-03-02,yes,other,[0-9-]+$" "$T/out"
al client archive K-0007
check_err "archive twice" 1 "alliance: client archive: 'K-0007' is already archived"
al client unarchive K-0007
check "unarchive" 0 "K-0007: active again"
al client list --format csv
check_grep "unarchived client listed again" "^K-0007,alice,,,3,2026-03-02,no,,$" "$T/out"
al client unarchive K-0007
check_err "unarchive a client not archived" 1 "alliance: client unarchive: 'K-0007' is not archived"
al client archive NOPE
check_err "archive: unknown client" 1 "alliance: client archive: unknown client 'NOPE'"
al client archive "no good"
check_err "archive: invalid code" 1 "alliance: client archive: 'no good' is not a valid client code (1-32 letters, digits, '-', '_', '.')"
al client archive B-1
check_err "archive: another clinician's client" 1 "alliance: client archive: 'B-1' is not one of your clients"
al --user sue client archive K-0142
check_err "archive: supervisor, not a supervisee's client" 1 "alliance: client archive: supervisors do not archive or unarchive clients (the client's clinician does)"
al --user vera client archive B-1
check_err "archive: another supervisor's supervisee" 1 "alliance: client archive: supervisors do not archive or unarchive clients (the client's clinician does)"
al --user sue client archive B-2
check_err "archive: not a supervisor, even of a supervisee's client" 1 "alliance: client archive: supervisors do not archive or unarchive clients (the client's clinician does)"
al --user bob client archive B-2
al --user sue client unarchive B-2
check_err "unarchive: not a supervisor either" 1 "alliance: client unarchive: supervisors do not archive or unarchive clients (the client's clinician does)"
al --user bob client unarchive B-2
check "the clinician unarchives" 0 "B-2: active again"
al --read-only client archive K-0142
check_err "read-only refuses archive" 1 "alliance: client archive: refused: the database is open read-only"
al client list --format csv
check_grep "refused archive changed nothing" "^K-0142,.*,no,,$" "$T/out"

# Purge: only the client's own clinician, only with --purge, and for good.
al client delete K-0142
check_err "delete needs --purge" 1 "alliance: client delete: --purge is required: it removes 'K-0142' with all its sessions, ratings, notes and drafts for good (client archive keeps them)"
al --user sue client delete B-1 --purge
check_err "supervisor may not purge" 1 "alliance: client delete: supervisors do not change ratings or notes"
al --user bob client delete K-0142 --purge
check_err "purge: another clinician's client" 1 "alliance: client delete: 'K-0142' is not one of your clients"
al client delete NOPE --purge
check_err "purge: unknown client" 1 "alliance: client delete: unknown client 'NOPE'"

# Give K-0142 a session with every kind of dependent row, each with a marker word.
sqlite3 "$DB" "INSERT INTO session (id, client_id, date, seq, rupture, context)
  SELECT 900, id, '2026-03-09', 1, 'withdrawal', 'QXCONTEXT bereavement' FROM client WHERE code = 'K-0142';
INSERT INTO rating VALUES (900, 'client', 1, 55), (900, 'clinician', 2, 80);
INSERT INTO note (session_id, body) VALUES (900, 'QXNOTE she spoke about her father');
INSERT INTO note (session_id, kind, body) VALUES (900, 'client', 'QXCOMMENT more time please');
INSERT INTO draft (client_id, session_id, updated, body)
  SELECT id, 900, '2026-03-09T10:00:00Z', 'QXDRAFT half typed' FROM client WHERE code = 'K-0142';
INSERT INTO ack (session_id, dimension_id, rule, user_id, time, comment)
  VALUES (900, 1, 'drop', 4, '2026-03-10T10:00:00Z', 'QXACK discussed in supervision');
UPDATE client SET goal = 'QXGOAL sleep through the night' WHERE code = 'K-0142';
PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
for w in QXCONTEXT QXNOTE QXCOMMENT QXDRAFT QXACK QXGOAL; do
	check_grep "before purge: $w is in the file" "$w" "$DB"
done
id=$(sqlite3 "$DB" "SELECT id FROM client WHERE code = 'K-0142'")
al --read-only client delete K-0142 --purge
check_err "read-only refuses purge" 1 "alliance: client delete: refused: the database is open read-only"
# Another program keeps the database open (as the UI would), so closing does
# not checkpoint the log: purge has to push the overwritten pages itself.
mkfifo "$T/in"
sqlite3 "$DB" < "$T/in" > "$T/reader" 2>&1 &
reader=$!
exec 3> "$T/in"
echo "SELECT 'open', count(*) FROM client;" >&3
i=0; while [ ! -s "$T/reader" ] && [ $i -lt 500 ]; do i=$((i + 1)); sleep 0.01; done
check_grep "a second connection is open" "^open\|" "$T/reader"
al client delete K-0142 --purge
check "purge" 0 "K-0142: purged with its 1 session"
for w in QXCONTEXT QXNOTE QXCOMMENT QXDRAFT QXACK QXGOAL; do
	check_no_grep "after purge, other connection open: no $w in the file" "$w" "$DB"
done
[ ! -s "$DB-wal" ] && ok "write-ahead log emptied by purge" || not_ok "write-ahead log emptied by purge"
exec 3>&-
wait $reader
al client list --archived --format csv
check_no_grep "purged client gone" "K-0142" "$T/out"
left=$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM session WHERE id = 900) || ' ' ||
  (SELECT count(*) FROM rating WHERE session_id = 900) || ' ' || (SELECT count(*) FROM note) || ' ' ||
  (SELECT count(*) FROM draft) || ' ' || (SELECT count(*) FROM ack)")
[ "$left" = "0 0 0 0 0" ] && ok "sessions, ratings, notes, drafts, acks removed" || not_ok "dependent rows removed" "$left"
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
for w in QXCONTEXT QXNOTE QXCOMMENT QXDRAFT QXACK QXGOAL K-0142; do
	check_no_grep "after purge: no $w in the file" "$w" "$DB"
done
sqlite3 -separator , "$DB" "SELECT action, entity, entity_id, count FROM audit WHERE action = 'purge'" > "$T/purge"
printf 'purge,client,%s,1\n' "$id" > "$T/want"
same_file "one purge audit row with the session count" "$T/want" "$T/purge"
al check
check "database sound after purge" 0 "ok"

# The audit trail names clients by internal id only.
sqlite3 "$DB" "SELECT * FROM audit" > "$T/audit"
check_grep "audit has client rows" "\|client\|" "$T/audit"
for w in K-0007 K-0142 B-1 Fewer QXGOAL; do
	check_no_grep "no '$w' in the audit trail" "$w" "$T/audit"
done
