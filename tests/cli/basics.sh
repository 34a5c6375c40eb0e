#!/bin/sh
# Global options, init, users, exit codes and the one-line error format.
. "$(dirname "$0")/../lib.sh"

al --version
check "--version" 0 "alliance 0.1.0"
al --help
check "--help exits 0" 0
check_grep "--help lists session add" "session add CODE --date" "$T/out"

al init
check "init prints the path" 0 "$DB"
perm=$(stat -c %a "$DB")
[ "$perm" = 600 ] && ok "database file is 0600" || not_ok "database file is 0600" "$perm"

al --db "$T/new/sub/x.db" init
check "init creates missing directories" 0 "$T/new/sub/x.db"
[ "$(stat -c %a "$T/new/sub")" = 700 ] && ok "new directory is 0700" || not_ok "new directory is 0700"

ALLIANCE_DB="" XDG_DATA_HOME="$T/xdg" run "$A" init
check "XDG_DATA_HOME default" 0 "$T/xdg/alliance/alliance.db"

al frobnicate
check_err "unknown command" 2 "alliance: unknown command 'frobnicate' (see alliance --help)"
al --frob
check_err "unknown global option" 2 "alliance: unknown option --frob (see alliance --help)"
al user list --frob
check_err "unknown command option" 2 "alliance: user list: unknown option --frob"
al user add
check_err "missing argument" 2 "alliance: user add: missing argument (see alliance --help)"

al user add bob --role supervisor
check "user add supervisor" 0 "user bob added (supervisor)"
al user add carol --supervisor bob
check "user add with supervisor" 0 "user carol added (clinician, supervised by bob)"
al user list --format csv
check "user list csv" 0 "name,role,supervisor
alice,clinician,
bob,supervisor,
carol,clinician,bob"
al user list --format json
check "user list json" 0 '[
 {"name": "alice", "role": "clinician", "supervisor": ""},
 {"name": "bob", "role": "supervisor", "supervisor": ""},
 {"name": "carol", "role": "clinician", "supervisor": "bob"}
]'
al user add bob
check_err "duplicate user" 1 "alliance: user add: user 'bob' already exists"
al user add 'bad name'
check_err "invalid user name" 1 "alliance: user add: 'bad name' is not a valid user name (1-32 letters, digits, '-', '_', '.')"
al user add dave --role boss
check_err "invalid role" 1 "alliance: user add: --role: 'boss' is not clinician or supervisor"
al user add dave --supervisor carol
check_err "supervisor must be a supervisor" 1 "alliance: user add: --supervisor: 'carol' is not a supervisor"
al user add dave --role ""
check_err "empty option value" 1 "alliance: user add: --role: empty value"
al --user zed user list
check_err "unknown --user" 1 "alliance: user: unknown user 'zed' (a user of this database can add it with: alliance user add zed)"
al --user carol user list --format csv
check "known --user" 0 "name,role,supervisor
alice,clinician,
bob,supervisor,
carol,clinician,bob"

al --read-only user add erin
check_err "read-only refuses writes" 1 "alliance: user add: refused: the database is open read-only"
al user list --format csv
check_grep "read-only write changed nothing" "^carol" "$T/out"
check_no_grep "read-only write changed nothing (no erin)" "erin" "$T/out"
al --read-only --db "$T/none.db" init
check_err "read-only on a missing database" 1 "alliance: $T/none.db: no alliance database here (alliance init creates one)"

# Files that are not ours are refused and left byte for byte as they were.
printf 'hello, not a database\n' > "$T/text"
cp "$T/text" "$T/text.orig"
al --db "$T/text" init
check_err "text file refused" 3 "alliance: $T/text: not an alliance database"
same_file "text file unchanged" "$T/text" "$T/text.orig"
sqlite3 "$T/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
cp "$T/other.db" "$T/other.orig"
al --db "$T/other.db" init
check_err "foreign SQLite database refused" 3 "alliance: $T/other.db: not an alliance database"
same_file "foreign database unchanged" "$T/other.db" "$T/other.orig"
[ ! -e "$T/other.db-wal" ] && ok "no -wal created next to a foreign database" || not_ok "no -wal created"
sqlite3 "$T/newer.db" "PRAGMA application_id=1095519321; PRAGMA user_version=99; CREATE TABLE t(x);"
al --db "$T/newer.db" init
check_err "newer schema refused" 3 "alliance: $T/newer.db: database schema 99 is newer than this program knows ($(ls schema/*.sql | wc -l)); upgrade alliance"

# Permissions: root ignores them, so drop the capabilities that let it.
nocap="setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-all"
mkdir "$T/ro"; chmod 500 "$T/ro"
run $nocap "$A" --db "$T/ro/x.db" init
check_err "directory without write permission" 4 "alliance: $T/ro/x.db: Permission denied"
al --db "$T/w.db" init
chmod 400 "$T/w.db"
run $nocap "$A" --db "$T/w.db" user add frank
[ "$rc" = 4 ] && ok "read-only file: exit 4" || not_ok "read-only file: exit 4" "exit $rc: $(cat "$T/err")"

# --help after a command prints that command's usage, without a database.
run "$A" --db "$T/nowhere/x.db" session add --help
check "session add --help" 0 "session add: record a session: ratings, attendance, check-in, rupture marker and note
  session add CODE --date YYYY-MM-DD [--trust N] [--collaboration N]
      [--empathy N] [--DIM N]... [--rater client|clinician]
      [--rupture withdrawal|confrontation] [--context TEXT] [--note TEXT]
      [--note-file F] [--replace] [--new] [--session N]
      [--attendance attended|cancelled|late-cancel|no-show|clinician-cancel]
      [--tension 0|1|2|3|4] [--talked 0|1|2|3|4] [--misunderstood yes|no]
      [--client-comment-file F]"
[ ! -e "$T/nowhere" ] && ok "--help opens no database" || not_ok "--help opens no database"

# A failed command on a new (mistyped) --db path leaves no database behind;
# a database that was there is kept.
al --db "$T/typo.db" client add -bad
[ "$rc" = 1 ] && [ ! -e "$T/typo.db" ] && [ ! -e "$T/typo.db-wal" ] && ok "failed command: no new database left" \
	|| not_ok "failed command: no new database left" "exit $rc; $(ls "$T" | grep typo)"
al --db "$T/typo.db" flags NOPE
[ "$rc" = 1 ] && [ ! -e "$T/typo.db" ] && ok "failed read: no new database left" || not_ok "failed read: no new database left" "exit $rc"
al client add -bad
[ "$rc" = 1 ] && [ -s "$DB" ] && ok "an existing database stays after a failed command" || not_ok "existing database kept" "exit $rc"
