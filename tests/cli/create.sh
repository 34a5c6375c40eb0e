#!/bin/sh
# A database is created only on purpose (SPEC §2): by init, demo and import
# (not --dry-run), never by any other command on a mistyped path — that is
# exit 1 with one line and leaves nothing behind, no directory either. An
# existing empty file is not a database: exit 3, never adopted, untouched.
. "$(dirname "$0")/../lib.sh"

# nothing_at NAME DIR: DIR does not exist (no database, no directory made).
nothing_at() {
	[ ! -e "$2" ] && ok "$1" || not_ok "$1" "$(ls -laR "$2" 2>&1 | head -5)"
}

N="$T/nowhere/sub/x.db"
for cmd in caseload check audit "client list" "flags --all" "user list" "config get cutoff" \
	"export" "client add K-1" "backup $T/b.db"; do
	# shellcheck disable=SC2086 # the command's words
	al --db "$N" $cmd
	check_err "$cmd on a missing database: exit 1" 1 \
		"alliance: $N: no alliance database here (alliance init creates one)"
	nothing_at "$cmd: nothing left behind" "$T/nowhere"
done
ALLIANCE_DB="$N" run "$A" caseload
check_err "a mistyped \$ALLIANCE_DB: exit 1" 1 \
	"alliance: $N: no alliance database here (alliance init creates one)"
nothing_at "a mistyped \$ALLIANCE_DB: nothing left behind" "$T/nowhere"
ALLIANCE_DB="$N" run "$A" < /dev/null
check_err "the UI at \$ALLIANCE_DB creates nothing either" 1 \
	"alliance: $N: no alliance database here (alliance init creates one)"
nothing_at "the UI at \$ALLIANCE_DB: nothing left behind" "$T/nowhere"
al --db "$T/x.db" --read-only init
check_err "--read-only init creates nothing" 1 \
	"alliance: $T/x.db: no alliance database here (alliance init creates one)"
nothing_at "--read-only init: nothing left behind" "$T/x.db"

printf '%s\n' "client,clinician,date,session,rater,dimension,value,rupture,context" \
	"K-1,alice,2024-01-01,1,client,trust,9.0,," > "$T/in.csv"
al --db "$N" import "$T/in.csv" --dry-run
check_err "import --dry-run creates nothing" 1 \
	"alliance: $N: no alliance database here (alliance init creates one)"
nothing_at "import --dry-run: nothing left behind" "$T/nowhere"

# The three commands that create one.
al --db "$N" import "$T/in.csv"
check "import creates the database" 0 \
	"imported 1 row: ratings 1, new sessions 1, new clients 1, new clinicians 0"
[ "$(stat -c %a "$N" "$T/nowhere/sub" | tr '\n' ' ')" = "600 700 " ] &&
	ok "import: file 0600, directory 0700" || not_ok "import: file 0600, directory 0700"
al --db "$T/d.db" demo --clients 8 --sessions 12
check "demo creates the database" 0
al --db "$T/i.db" init
check "init creates the database" 0 "$T/i.db"
al --db "$T/i.db" client list --format csv
check "and then every command works on it" 0 "code,clinician,modality,goal,sessions,last_date,archived,ending,end_date"

# An empty file is not a database: refused (exit 3) by every command, init
# included, and left as it was — 0644 stays 0644, no -wal or -shm.
: > "$T/empty.db"
chmod 644 "$T/empty.db"
for cmd in init caseload check "client add K-1" "import $T/in.csv"; do
	# shellcheck disable=SC2086
	al --db "$T/empty.db" $cmd
	check_err "an empty file: $cmd exits 3" 3 \
		"alliance: $T/empty.db: not an alliance database (an empty file)"
done
[ "$(stat -c '%a %s' "$T/empty.db")" = "644 0" ] && [ ! -e "$T/empty.db-wal" ] &&
	[ ! -e "$T/empty.db-shm" ] && ok "the empty file is never adopted" ||
	not_ok "the empty file is never adopted" "$(ls -la "$T"/empty.db*)"
