#!/bin/sh
# A purge is finished only when the write-ahead log is checkpointed and
# truncated (SPEC §2): a process reading past the busy timeout makes purge
# exit 3 with the deletion committed, and check reports the unfinished
# purge until the reader is gone, when check finishes it.
. "$(dirname "$0")/../lib.sh"
MARK=Quokkasecret
# poll CMD...: until CMD succeeds, at most 20 s.
poll() {
	i=0
	while [ $i -lt 400 ]; do
		"$@" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# wait_open PID FILE: PID has FILE open (at most 20 s).
wait_open() {
	i=0
	while [ $i -lt 400 ]; do
		ls -l "/proc/$1/fd" 2>/dev/null | grep -q -- "-> $2\$" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
count_in() { if [ -f "$1" ]; then grep -a -c -- "$2" "$1"; else echo 0; fi; }
pending() { sqlite3 "$DB" "SELECT count(*) FROM purge_pending"; }

setup init
setup client add K-1
setup client add K-2
long=$(head -c 6000 /dev/zero | tr '\0' 'x')
for i in 1 2 3 4 5; do
	setup session add K-1 --date 2024-02-0$i --trust 9 --note "note $i $MARK $long $MARK"
done
setup session add K-2 --date 2024-02-01 --trust 8 --note "kept"

# No reader, another process connected (as an open UI is): finished at once.
setup client add K-3
setup session add K-3 --date 2024-02-01 --trust 8 --note "three $MARK"
rm -f "$T/fifo" && mkfifo "$T/fifo"
"$A" session add K-2 --date 2024-03-01 --trust 9 --note-file "$T/fifo" > /dev/null 2>&1 &
held=$!
wait_open $held "$DB-shm" || not_ok "setup: the held process opens the database"
al client delete K-3 --purge
check "purge with nobody reading" 0 "K-3: purged with its 1 session"
[ -f "$DB-wal" ] && [ ! -s "$DB-wal" ] && ok "the write-ahead log is truncated at once" ||
	not_ok "the write-ahead log is truncated at once" "$(ls -l "$DB-wal" 2>&1)"
[ "$(pending)" = 0 ] && ok "and the purge is not pending" || not_ok "and the purge is not pending"
echo "held" > "$T/fifo"
wait $held

# A reader in a read transaction (the sqlite3 shell) past the busy timeout.
rm -f "$T/in" && mkfifo "$T/in"
sqlite3 "$DB" < "$T/in" > "$T/reader" 2>&1 &
reader=$!
exec 3> "$T/in"
echo "BEGIN; SELECT 'reading', count(*) FROM note;" >&3
poll grep -q '^reading|7$' "$T/reader" && ok "control: the reader holds a read transaction" ||
	not_ok "control: the reader holds a read transaction" "$(cat "$T/reader")"
al client delete K-1 --purge
check_err "a reader keeps the purge from finishing: exit 3" 3 "alliance: client delete: 'K-1' is deleted, but another process kept reading the database past the busy timeout, so its data is not yet cleared from the database files; close that process, then run alliance check to finish the purge"
n=$(($(count_in "$DB" "$MARK") + $(count_in "$DB-wal" "$MARK")))
[ "$n" -gt 0 ] && ok "control: the purged notes are still in the files ($n)" ||
	not_ok "control: the purged notes are still in the files"
al session list K-1
check_err "the deletion stays committed" 1 "alliance: session list: unknown client 'K-1'"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'purge'")" = 2 ] &&
	ok "and audited" || not_ok "and audited"
[ "$(pending)" = 1 ] && ok "the purge is recorded as pending" || not_ok "the purge is recorded as pending"
al check
check_grep "check reports the unfinished purge" "^purge: 1 purge since 20[0-9-]+T[0-9:]+Z not finished: another process kept reading the database, so purged data may still be in the database files \(close it and run alliance check again\)$" "$T/out"
[ "$rc" = 3 ] && [ "$(cat "$T/err")" = "alliance: check: 1 problem found" ] &&
	ok "check: exit 3" || not_ok "check: exit 3" "rc $rc: $(cat "$T/err")"
al --read-only check
check_grep "check --read-only reports it too" "^purge: 1 purge since" "$T/out"

echo "COMMIT;" >&3
exec 3>&-
wait $reader
al check
check "with the reader gone, check finishes the purge" 0 "ok"
[ "$(($(count_in "$DB" "$MARK") + $(count_in "$DB-wal" "$MARK")))" = 0 ] &&
	ok "no purged byte in the database or its log" ||
	not_ok "no purged byte in the database or its log"
[ "$(pending)" = 0 ] && ok "nothing pending" || not_ok "nothing pending"
al check
check "check again" 0 "ok"
al report K-2 --with-notes
check_grep "the other client keeps its note" "kept" "$T/out"
