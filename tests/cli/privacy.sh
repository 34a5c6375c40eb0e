#!/bin/sh
# Privacy: file modes whatever the umask (database, -wal and -shm while a
# connection is open, backups, --output files), no core dumps and no
# ptrace-readable memory, and note text in no output, error, audit row,
# export or temporary file of any command.
. "$(dirname "$0")/../lib.sh"
P="${ALLIANCE_PLAIN:-$PWD/alliance}"
MARK=Quokkamarker # a word found only in notes

setup() { # runs a command that must work
	run "$A" "$@"
	[ "$rc" = 0 ] || not_ok "setup: $*" "exit $rc: $(cat "$T/err")"
}
mode_is() { # NAME FILE MODE
	got=$(stat -c %a "$2" 2>&1)
	if [ "$got" = "$3" ]; then ok "$1"; else not_ok "$1" "$2: mode $got, wanted $3"; fi
}
# wait_open PID FILE: until process PID has FILE open (at most ~5 s).
wait_open() {
	i=0
	while [ $i -lt 100 ]; do
		ls -l "/proc/$1/fd" 2>/dev/null | grep -q -- "-> $2\$" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# A process that stays connected: session add waits for its --note-file, a
# FIFO, after opening the database (so -wal and -shm exist), before writing.
# hold_open BINARY DB: starts it in the background as $held.
hold_open() {
	rm -f "$T/fifo" && mkfifo "$T/fifo"
	"$1" --db "$2" session add K-1 --date 2024-01-01 --trust 9 --note-file "$T/fifo" \
		> "$T/held.out" 2> "$T/held.err" &
	held=$!
	wait_open $held "$2-shm" || not_ok "process holds $2 open" "$(cat "$T/held.err")"
}
release() { # feeds the FIFO so the held process ends; its status is in $rc
	echo "held $MARK" > "$T/fifo"
	wait $held; rc=$?; : > "$T/out"
}

# --- File modes, with a permissive and the usual umask.
for um in 000 022; do
	umask $um
	d="$T/u$um/data"
	"$A" --db "$d/a.db" init > /dev/null
	mode_is "umask $um: new database directory 0700" "$d" 700
	mode_is "umask $um: database file 0600" "$d/a.db" 600
	"$A" --db "$d/a.db" client add K-1
	hold_open "$A" "$d/a.db"
	mode_is "umask $um: -wal 0600 while open" "$d/a.db-wal" 600
	mode_is "umask $um: -shm 0600 while open" "$d/a.db-shm" 600
	release
	check "umask $um: the held session add finished" 0
	"$A" --db "$d/a.db" backup "$d/b.db"
	mode_is "umask $um: backup file 0600" "$d/b.db" 600
	"$A" --db "$d/a.db" export --output "$d/x.csv"
	mode_is "umask $um: export --output file 0600" "$d/x.csv" 600
	touch "$d/old.csv" && chmod 644 "$d/old.csv"
	"$A" --db "$d/a.db" export --output "$d/old.csv"
	mode_is "umask $um: export --output over a 0644 file makes it 0600" "$d/old.csv" 600
done
umask 077

# --- No core dumps, no reading the process's memory (plain binary: ASan
# sets its own core limit). The test shell allows cores and a process of
# the same user without privileges tries to read the held one's memory.
setup init
setup client add K-1
D="setpriv --bounding-set=-all --inh-caps=-all"
ulimit -c unlimited 2>/dev/null || ulimit -c 1000000
rm -f "$T/fifo" && mkfifo "$T/fifo"
$D "$P" session add K-1 --date 2024-01-01 --trust 9 --note-file "$T/fifo" > /dev/null 2>&1 &
held=$!
$D sleep 30 &
control=$!
wait_open $held "$DB-shm" || not_ok "plain binary holds the database open"
grep '^Max core file size' "/proc/$held/limits" | tr -s ' ' > "$T/core"
check_grep "core file size limit 0, soft and hard" "^Max core file size 0 0 bytes" "$T/core"
if $D cat "/proc/$control/environ" > /dev/null 2>&1; then ok "control: a dumpable process is readable"
else not_ok "control: a dumpable process is readable"; fi
if $D cat "/proc/$held/mem" "/proc/$held/environ" > /dev/null 2>&1; then
	not_ok "alliance is not dumpable (memory unreadable)"
else ok "alliance is not dumpable (memory unreadable)"; fi
kill $control
release
check "held plain session add finished" 0

# --- Note text never leaves the database except where asked for.
setup user add sam --role supervisor
setup user add bob --supervisor sam
setup --user bob client add B-1
printf 'first %s line\nsecond line\n' "$MARK" > "$T/note.txt"
setup session add K-1 --date 2024-01-08 --trust 9 --collaboration 9 --empathy 9 \
	--note "$MARK one"
setup session add K-1 --date 2024-01-15 --trust 5 --collaboration 6 --empathy 8 \
	--rupture withdrawal --context "holiday" --note-file "$T/note.txt"
setup session add K-1 --date 2024-01-22 --trust 6 --rater clinician --note "$MARK three"
setup --user bob session add B-1 --date 2024-01-08 --trust 7 --note "$MARK bob"
mkdir -p "$T/tmp" "$T/outs"
export TMPDIR="$T/tmp" SQLITE_TMPDIR="$T/tmp"
k=0
# out ARGS...: runs alliance, keeping stdout and stderr in $T/outs/$k.*
out() {
	k=$((k + 1))
	"$A" "$@" > "$T/outs/$k.out" 2> "$T/outs/$k.err"
	echo "$k $? $*" >> "$T/index"
}
for f in table csv json; do
	out session list K-1 --format $f
	out client list --format $f
	out audit --format $f
	out flags --all --format $f
	out caseload --format $f
	out --user sam board --format $f
	out user list --format $f
	out dimension list --format $f
done
out flags K-1
out chart K-1
out report K-1
out report K-1 --format html
out export
out export --format json
out export --anonymize
anon=$k
out export --output "$T/outs/export.csv"
out check
out config list
# error paths, each with note text on its command line or in its file
out session add K-1 --date 2024-01-15 --trust 5 --note "$MARK dup"
out session add K-1 --date 2024-01-29 --trust 11 --note "$MARK range"
out session add K-1 --date 2099-01-29 --trust 5 --note "$MARK future"
out session add K-1 --date 2024-01-29 --goals 5 --note "$MARK dim"
out session add K-9 --date 2024-01-29 --trust 5 --note "$MARK unknown"
out --user bob session add K-1 --date 2024-01-29 --trust 5 --note "$MARK notyours"
out --user sam session add B-1 --date 2024-01-29 --trust 5 --note "$MARK supervisor"
out --read-only session add K-1 --date 2024-01-29 --trust 5 --note "$MARK readonly"
out session add K-1 --date 2024-01-29 --note "$MARK" --note-file "$T/note.txt"
out session add K-1 --date 2024-01-29 --note "$(printf '%s\001' $MARK)"
printf '%s \377\376\n' "$MARK" > "$T/bad.txt"
out session add K-1 --date 2024-01-29 --note-file "$T/bad.txt"
head -c 20001 /dev/zero | tr '\0' 'Q' | sed "s/^/$MARK/" > "$T/big.txt"
out session add K-1 --date 2024-01-29 --note-file "$T/big.txt"
out session add K-1 --date 2024-01-29 --trust 5 --note "$MARK" --frob
out report K-1 --with-notes
with_notes=$k
sqlite3 "$DB" 'SELECT * FROM audit' > "$T/outs/audit.sql"
hits=$(grep -l -i -r -- "$MARK" "$T/outs" | grep -v "/$with_notes.out\$" | sort)
if [ -z "$hits" ]; then ok "no note text in any output, error, audit row or export"
else not_ok "no note text in any output, error, audit row or export" $hits; fi
check_grep "report --with-notes does show the notes" "$MARK" "$T/outs/$with_notes.out"
awk '$2 == 0 { n++ } END { exit n < 40 }' "$T/index" && ok "the listing commands ran" ||
	not_ok "the listing commands ran" "$(cat "$T/index")"
awk '$2 != 0 { n++ } END { exit n != 13 }' "$T/index" && ok "every error path failed" ||
	not_ok "every error path failed" "$(awk '$2 != 0' "$T/index")"
left=$(ls -A "$T/tmp")
[ -z "$left" ] && ok "no temporary file left behind" || not_ok "no temporary file left" "$left"
check_no_grep "the anonymized export names no client" "K-1|B-1|alice|bob" "$T/outs/$anon.out"
