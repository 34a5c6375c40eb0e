#!/bin/sh
# The shared-clinic mode: --shared (or ALLIANCE_SHARED=1) makes what we
# create group-readable and -writable (files 0660, directories 0770) so
# that colleagues in the group of a setgid directory share one database;
# without it everything stays private (0600, 0700). Another user in the
# group really can (or cannot) open the file.
. "$(dirname "$0")/../lib.sh"
chmod 711 "$T" # another user must reach the clinic directory below
mode() { stat -c '%a %G' "$@" | tr '\n' ' ' | sed 's/ $//'; }
want() { # NAME WANT GOT
	[ "$2" = "$3" ] && ok "$1" || not_ok "$1" "got '$3', wanted '$2'"
}
as_colleague() { # runs alliance as nobody, a member of the group users
	run setpriv --reuid 65534 --regid 65534 --groups 100 "$A" "$@"
}

mkdir "$T/clinic"
chgrp users "$T/clinic"
chmod 2770 "$T/clinic"
C="$T/clinic/practice/alliance.db"

al --shared --db "$C" init
check "--shared init" 0 "$C"
want "a new directory: 0770, setgid kept, the group's" "2770 users" "$(mode "$T/clinic/practice")"
want "the database: 0660, the group's" "660 users" "$(mode "$C")"

# -wal and -shm exist while a connection is open: hold one.
(echo "BEGIN; SELECT count(*) FROM user;"; sleep 3) | sqlite3 "$C" > /dev/null &
holder=$!
al --shared --db "$C" client add K-1
check "a write beside an open reader" 0 "K-1: client of alice added"
want "-wal and -shm: 0660 too" "660 users 660 users" "$(mode "$C-wal" "$C-shm")"
wait $holder

al --shared --db "$C" backup "$T/clinic/backup.db"
check "--shared backup" 0 "$T/clinic/backup.db: backup of $T/clinic/practice/alliance.db written"
want "the backup: 0660" "660 users" "$(mode "$T/clinic/backup.db")"
ALLIANCE_SHARED=1 run "$A" --db "$C" export --output "$T/clinic/export.csv"
check "ALLIANCE_SHARED=1 export --output" 0 ""
want "--output: 0660" "660 users" "$(mode "$T/clinic/export.csv")"
ALLIANCE_SHARED=1 run "$A" --db "$C" report K-1 --format html --output "$T/clinic/K-1.html"
check "report --output, shared" 0 ""
want "the report: 0660" "660 users" "$(mode "$T/clinic/K-1.html")"

# A colleague in the group uses the same database.
al --shared --db "$C" user add nina
as_colleague --user nina --db "$C" client add N-1
check "a colleague in the group writes" 0 "N-1: client of nina added"
as_colleague --user nina --db "$C" client list --format csv
check "and reads" 0 "code,clinician,modality,goal,sessions,last_date,archived,ending,end_date
N-1,nina,,,0,,no,,"

# Without the shared mode everything stays private, even in that directory.
ALLIANCE_SHARED=0 run "$A" --db "$T/clinic/private/alliance.db" init
check "ALLIANCE_SHARED=0: private" 0 "$T/clinic/private/alliance.db"
want "a private directory: 0700" "2700 users" "$(mode "$T/clinic/private")"
want "a private database: 0600" "600 users" "$(mode "$T/clinic/private/alliance.db")"
al --db "$T/clinic/private/alliance.db" backup "$T/clinic/private.bak"
want "a private backup: 0600" "600 users" "$(mode "$T/clinic/private.bak")"
al --db "$C" export --output "$T/clinic/export.csv"
want "--output without --shared: 0600 again" "600 users" "$(mode "$T/clinic/export.csv")"
chmod 2770 "$T/clinic/private"
as_colleague --user nina --db "$T/clinic/private/alliance.db" client list
check_err "a colleague cannot open a private database" 4 "alliance: $T/clinic/private/alliance.db: cannot open the database file"

# --shared is a global option: before or after the command.
al --db "$T/clinic/late.db" init --shared
want "--shared after the command" "660 users" "$(mode "$T/clinic/late.db")"
al --shared=yes --db "$C" client list
check_err "--shared takes no value" 2 "alliance: unknown option --shared=yes (see alliance --help)"
