#!/bin/sh
# client delete --purge: the client, its sessions, ratings, notes, drafts (the
# entry's and the repair form's) and acknowledgements go, and no byte of them
# is left in the database file, the -wal file, free pages or a backup made
# afterwards.
. "$(dirname "$0")/../lib.sh"
MARK=Wombatsecret # in the purged client's notes, goal, context, drafts, ack
CODE=Purge-7731   # the purged client's code

setup() { # runs a command that must work
	run "$A" "$@"
	[ "$rc" = 0 ] || not_ok "setup: $*" "exit $rc: $(cat "$T/err")"
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
# count_in FILE WORD: how many lines of FILE hold WORD, in any case.
count_in() { if [ -f "$1" ]; then grep -a -i -c -- "$2" "$1"; else echo 0; fi; }
# found_nowhere NAME WORD FILES...: WORD is in none of FILES.
found_nowhere() {
	name=$1 word=$2
	shift 2
	where=""
	for f; do [ "$(count_in "$f" "$word")" = 0 ] || where="$where $f"; done
	if [ -z "$where" ]; then ok "$name"; else not_ok "$name" "'$word' found in$where"; fi
}
checkpoint() { sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null; }

setup init
setup user add sam --role supervisor
setup user add bob --supervisor sam
setup --user bob client add K-2 --goal "keep this"
setup --user bob client add "$CODE" --goal "goal $MARK"
# long notes spill to overflow pages, which a purge frees
long=$(head -c 6000 /dev/zero | tr '\0' 'x')
i=1
while [ $i -le 9 ]; do
	d=2024-02-0$i
	setup --user bob session add "$CODE" --date $d --trust 9 --collaboration 8 --empathy 9 \
		--context "ctx $MARK $i" --note "note $i $MARK $long $MARK"
	setup --user bob session add K-2 --date $d --trust 8 --note "kept note $i"
	i=$((i + 1))
done
printf 'file note %s\nsecond line\n' "$MARK" > "$T/note.txt"
setup --user bob session add "$CODE" --date 2024-02-10 --trust 4 --note-file "$T/note.txt"
sqlite3 "$DB" "INSERT INTO draft (client_id, updated, body)
	SELECT id, '2024-02-11T10:00:00Z', 'draft $MARK' FROM client WHERE code = '$CODE';
	INSERT INTO repair_draft (client_id, opened_id, user_id, updated, body)
	SELECT c.id, max(s.id), (SELECT id FROM user WHERE name = 'bob'), '2024-02-11T10:00:00Z',
	       'domain=bond' || char(10) || 'note=' || char(10) || 'repair draft $MARK'
	FROM client c JOIN session s ON s.client_id = c.id WHERE c.code = '$CODE';
	INSERT INTO ack (session_id, rule, user_id, time, comment)
	SELECT s.id, 'low', 2, '2024-02-11T10:00:00Z', 'ack $MARK' FROM session s
	JOIN client c ON c.id = s.client_id WHERE c.code = '$CODE' LIMIT 1;"
setup --user bob session list K-2 --format csv
cp "$T/out" "$T/k2.before"

# The test can fail: before the purge the words are there.
checkpoint
[ "$(count_in "$DB" "$MARK")" -gt 0 ] && [ "$(count_in "$DB" "$CODE")" -gt 0 ] &&
	ok "control: notes and code are in the database file" ||
	not_ok "control: notes and code are in the database file"
setup backup "$T/before.db"
[ "$(count_in "$T/before.db" "$MARK")" -gt 0 ] && ok "control: a backup before holds them" ||
	not_ok "control: a backup before holds them"

# Purge while another process is connected (as an open UI is): the -wal
# is kept between commands then, and holds the last notes written.
rm -f "$T/fifo" && mkfifo "$T/fifo"
"$A" --user bob session add K-2 --date 2024-03-01 --trust 9 --note-file "$T/fifo" \
	> /dev/null 2>&1 &
held=$!
wait_open $held "$DB-shm" || not_ok "setup: the held process opens the database"
setup --user bob session add "$CODE" --date 2024-02-12 --trust 4 --note "last $MARK"
[ "$(count_in "$DB-wal" "$MARK")" -gt 0 ] && ok "control: the last note is in the -wal" ||
	not_ok "control: the last note is in the -wal"
al --user bob client delete "$CODE"
check_err "delete needs --purge" 1 "alliance: client delete: --purge is required: it removes '$CODE' with all its sessions, ratings, notes and drafts for good (client archive keeps them)"
al --user sam client delete "$CODE" --purge
check_err "a supervisor cannot purge" 1 "alliance: client delete: supervisors do not change ratings or notes"
al --user bob client delete "$CODE" --purge
check "purge" 0 "Purge-7731: purged with its 11 sessions"
found_nowhere "right after the purge: no note, goal, context, draft or ack byte in the db or -wal" \
	"$MARK" "$DB" "$DB-wal"
found_nowhere "right after the purge: the code is gone from the db and -wal" "$CODE" "$DB" "$DB-wal"
echo "kept $MARK" > "$T/fifo" # the held process writes a note of K-2 (MARK: see below)
wait $held
sqlite3 "$DB" "DELETE FROM note WHERE body = 'kept $MARK'" # that note is not the purged one's
checkpoint
found_nowhere "after a checkpoint: nothing in the db file or -wal" "$MARK" "$DB" "$DB-wal"
found_nowhere "after a checkpoint: no code in the db file" "$CODE" "$DB" "$DB-wal"
free=$(sqlite3 "$DB" 'PRAGMA freelist_count')
[ "$free" -gt 0 ] && ok "the purge freed pages ($free), and they hold nothing" ||
	not_ok "the purge freed pages" "freelist_count $free"
setup backup "$T/after.db"
found_nowhere "a backup made after the purge holds nothing" "$MARK" "$T/after.db"
found_nowhere "a backup made after the purge holds no code" "$CODE" "$T/after.db"

for t in client session rating note draft repair_draft ack; do
	printf '%s=%s ' $t "$(sqlite3 "$DB" "SELECT count(*) FROM $t")"
done > "$T/counts"
echo >> "$T/counts"
echo "client=1 session=10 rating=10 note=9 draft=0 repair_draft=0 ack=0 " > "$T/want"
same_file "only the other client's rows are left" "$T/want" "$T/counts"
al --user bob session list K-2 --format csv
head -n 10 "$T/out" > "$T/k2.after"
same_file "the other client is untouched" "$T/k2.before" "$T/k2.after"
al --user bob session list "$CODE"
check_err "the purged client is gone" 1 "alliance: session list: unknown client '$CODE'"
sqlite3 "$DB" "SELECT action, entity, count FROM audit WHERE action = 'purge'" > "$T/got"
echo "purge|client|11" > "$T/want"
same_file "one audit row for the purge, with its session count" "$T/want" "$T/got"
found_nowhere "the audit trail names no code" "$CODE" "$T/got"
al check
check "check after the purge" 0 "ok"
