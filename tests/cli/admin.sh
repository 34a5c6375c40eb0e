#!/bin/sh
# Whole-file commands: check, backup, audit; the audit trail is append-only.
. "$(dirname "$0")/../lib.sh"
ME=$(id -un) # the audit names the real OS account

al init
al user add sue --role supervisor
al user add bob --supervisor sue
al client add K-0142 --goal "Fewer panic attacks"
al --user bob client add B-1
al config set cutoff 7.5

al check
check "check on a sound database" 0 "ok"
al --user sue check
check "check is for every user" 0 "ok"
al --read-only check
check "check read-only" 0 "ok"
al check extra
check_err "check takes no argument" 2 "alliance: check: unexpected argument 'extra'"

# Backup: a new 0600 file, one self-contained database, never overwriting.
al backup "$T/copy.db"
check "backup" 0 "$T/copy.db: backup of $T/a.db written"
[ "$(stat -c %a "$T/copy.db")" = 600 ] && ok "backup file is 0600" || not_ok "backup file is 0600" "$(stat -c %a "$T/copy.db")"
[ ! -e "$T/copy.db-wal" ] && [ ! -e "$T/copy.db-journal" ] && ok "backup is one file" || not_ok "backup is one file" "$(ls "$T")"
[ "$(sqlite3 "$T/copy.db" "PRAGMA journal_mode")" = delete ] && ok "backup is not in WAL mode" || not_ok "backup is not in WAL mode"
al --db "$T/copy.db" --read-only check
check "check on the backup" 0 "ok"
al --db "$T/copy.db" --read-only client list --format csv
check "the backup holds the clients" 0 "code,clinician,modality,goal,sessions,last_date,archived,ending,end_date
K-0142,alice,,Fewer panic attacks,0,,no,,"
al --db "$T/copy.db" --read-only config get cutoff
check "the backup holds the settings" 0 "7.5"
cp "$T/copy.db" "$T/copy.orig"
al backup "$T/copy.db"
check_err "backup refuses an existing file" 1 "alliance: $T/copy.db: already exists (backup never overwrites a file)"
same_file "existing file untouched" "$T/copy.orig" "$T/copy.db"
al backup "$DB"
check_err "backup refuses the database itself" 1 "alliance: $DB: refused: this is the database or one of its files (-wal, -shm, -journal)"
al backup
check_err "backup needs a file" 2 "alliance: backup: missing argument (see alliance --help)"
al backup "$T/no/such/dir/x.db"
check_err "backup into a missing directory" 4 "alliance: $T/no/such/dir/x.db: No such file or directory"
nocap="setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-all"
mkdir "$T/ro"; chmod 500 "$T/ro"
run $nocap "$A" backup "$T/ro/x.db"
check_err "backup into a directory without write permission" 4 "alliance: $T/ro/x.db: Permission denied"
# A full disk: room for the -shm of the database, not for the copy.
run sh -c "ulimit -f 70; exec \"$A\" backup \"$T/full.db\""
check_err "backup on a full disk" 4 "alliance: $T/full.db: disk full"
[ ! -e "$T/full.db" ] && ok "failed backup leaves no file" || not_ok "failed backup leaves no file"
al --read-only backup "$T/ro-copy.db"
check "backup with --read-only" 0 "$T/ro-copy.db: backup of $T/a.db written"
al --db "$T/ro-copy.db" --read-only check
check "read-only backup is sound" 0 "ok"
sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'backup'" > "$T/n"
printf '1\n' > "$T/want"
same_file "one backup audit row (none from the read-only run)" "$T/want" "$T/n"

# check finds damage: a zeroed index page, and rows pointing nowhere.
cp "$T/copy.db" "$T/broken.db"
page=$(sqlite3 "$T/broken.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'client_by_clinician'")
dd if=/dev/zero of="$T/broken.db" bs=4096 seek=$((page - 1)) count=1 conv=notrunc 2> /dev/null
al --db "$T/broken.db" check
check "check on a damaged copy: exit 3" 3
check_grep "check names the damaged page" "^Page $page: " "$T/out"
[ "$(cat "$T/err")" = "alliance: check: 1 problem found" ] && ok "check: status line" || not_ok "check: status line" "$(cat "$T/err")"
cp "$T/copy.db" "$T/orphans.db"
sqlite3 "$T/orphans.db" "INSERT INTO session (id, client_id, date, seq) VALUES (77, 999, '2026-01-01', 1);
INSERT INTO rating VALUES (78, 'client', 1, 50);"
al --db "$T/orphans.db" check
check "check: foreign keys" 3 "foreign key: a row of rating refers to a missing session
foreign key: row 77 of session refers to a missing client"
[ "$(cat "$T/err")" = "alliance: check: 2 problems found" ] && ok "check: problems counted" || not_ok "check: problems counted" "$(cat "$T/err")"
printf 'SQLite format 3\000 but then garbage' > "$T/garbage.db"
al --db "$T/garbage.db" check
[ "$rc" = 3 ] && ok "check on garbage: exit 3" || not_ok "check on garbage: exit 3" "exit $rc $(cat "$T/err")"

# The audit trail: every write, by internal id, in order.
al audit --format csv
cut -d, -f2- "$T/out" > "$T/audit"
printf '%s\n' "os_user,app_user,action,entity,entity_id,count" \
	"$ME,alice,init,database,,$(ls schema/*.sql | wc -l)" "$ME,alice,add,user,1," "$ME,alice,add,user,2," \
	"$ME,alice,add,user,3," "$ME,alice,add,client,1," "$ME,bob,add,client,2," \
	"$ME,alice,set,setting,1," "$ME,alice,backup,database,," > "$T/audit.want"
same_file "audit rows" "$T/audit.want" "$T/audit"
check_grep "audit time is UTC, to the second" "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z,$ME" "$T/out"
today=$(date -u +%Y-%m-%d) yesterday=$(date -u -d yesterday +%Y-%m-%d)
al audit --from "$yesterday" --to "$today" --format csv
cut -d, -f2- "$T/out" > "$T/audit"
same_file "audit --from/--to today: all rows" "$T/audit.want" "$T/audit"
al audit --from 2099-01-01 --format csv
check "audit --from the future: none" 0 "time,os_user,app_user,action,entity,entity_id,count"
al audit --to 2000-01-01 --format csv
check "audit --to the past: none" 0 "time,os_user,app_user,action,entity,entity_id,count"
al audit --format json --to 2000-01-01
check "audit json, empty" 0 "[]"
al audit --from 2026-02-30
check_err "audit: bad date" 1 "alliance: audit: --from: '2026-02-30' is not a date (YYYY-MM-DD)"
al audit --to 03/01/2026
check_err "audit: bad --to" 1 "alliance: audit: --to: '03/01/2026' is not a date (YYYY-MM-DD)"
al audit --from 2026-03-02 --to 2026-03-01
check_err "audit: from after to" 1 "alliance: audit: --from is after --to"
al --user sue --read-only audit --format csv
cut -d, -f2- "$T/out" > "$T/audit"
same_file "audit for a supervisor, read-only" "$T/audit.want" "$T/audit"

# Append-only, even from the sqlite3 shell.
sqlite3 "$DB" "UPDATE audit SET app_user = 'mallory'" 2> "$T/sqlerr"
check_grep "audit refuses UPDATE" "the audit trail is append-only" "$T/sqlerr"
sqlite3 "$DB" "DELETE FROM audit WHERE action = 'backup'" 2> "$T/sqlerr"
check_grep "audit refuses DELETE" "the audit trail is append-only" "$T/sqlerr"
al audit --format csv
cut -d, -f2- "$T/out" > "$T/audit"
same_file "audit unchanged" "$T/audit.want" "$T/audit"
sqlite3 "$DB" "SELECT * FROM audit" > "$T/rows"
check_no_grep "no client code in the audit trail" "K-0142|B-1" "$T/rows"
check_no_grep "no goal text in the audit trail" "panic" "$T/rows"
