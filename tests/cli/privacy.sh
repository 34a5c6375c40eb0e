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
k=0 failed=""
# out RC ARGS...: runs alliance, which must exit RC, keeping its stdout and
# stderr in $T/outs/$k.*
out() {
	k=$((k + 1))
	want=$1
	shift
	"$A" "$@" > "$T/outs/$k.out" 2> "$T/outs/$k.err"
	got=$?
	[ $got = "$want" ] || failed="$failed [exit $got, not $want: $*]"
}
for f in table csv json; do
	out 0 session list K-1 --format $f
	out 0 client list --format $f
	out 0 audit --format $f
	out 0 flags --all --format $f
	out 0 caseload --format $f
	out 0 user list --format $f
	out 0 dimension list --format $f
	out 0 config list --format $f
	out 0 --user sam board --format $f
done
out 0 flags K-1
out 0 chart K-1
out 0 report K-1
out 0 report K-1 --format html
out 0 report K-1 --output "$T/outs/report.txt"
out 0 export
out 0 export --format json
out 0 export --anonymize
anon=$k
out 0 export --output "$T/outs/export.csv"
out 0 check
out 0 --user sam caseload
# error paths, each with note text on its command line or in its file
out 1 session add K-1 --date 2024-01-15 --trust 5 --note "$MARK dup"
out 1 session add K-1 --date 2024-01-29 --trust 11 --note "$MARK range"
out 1 session add K-1 --date 2099-01-29 --trust 5 --note "$MARK future"
out 1 session add K-1 --date 2024-01-29 --goals 5 --note "$MARK dim"
out 1 session add K-9 --date 2024-01-29 --trust 5 --note "$MARK unknown"
out 1 --user bob session add K-1 --date 2024-01-29 --trust 5 --note "$MARK notyours"
out 1 --user sam session add B-1 --date 2024-01-29 --trust 5 --note "$MARK supervisor"
out 1 --read-only session add K-1 --date 2024-01-29 --trust 5 --note "$MARK readonly"
out 2 session add K-1 --date 2024-01-29 --note "$MARK" --note-file "$T/note.txt"
out 1 session add K-1 --date 2024-01-29 --note "$(printf '%s\001' $MARK)"
printf '%s \377\376\n' "$MARK" > "$T/bad.txt"
out 1 session add K-1 --date 2024-01-29 --note-file "$T/bad.txt"
head -c 20001 /dev/zero | tr '\0' 'Q' | sed "s/^/$MARK/" > "$T/big.txt"
out 1 session add K-1 --date 2024-01-29 --note-file "$T/big.txt"
out 2 session add K-1 --date 2024-01-29 --trust 5 --note "$MARK" --frob
out 4 export --output "$T/no/such/dir/x.csv"
out 4 report K-1 --with-notes --output "$T/no/such/dir/x.txt"
out 0 report K-1 --with-notes
with_notes=$k
[ -z "$failed" ] && ok "every command ran with the status expected ($k)" ||
	not_ok "every command ran with the status expected" "$failed"
sqlite3 "$DB" 'SELECT * FROM audit' > "$T/outs/audit.sql"
hits=$(grep -l -i -r -- "$MARK" "$T/outs" | grep -v "/$with_notes.out\$" | sort)
if [ -z "$hits" ]; then ok "no note text in any output, error, audit row, report or export"
else not_ok "no note text in any output, error, audit row, report or export" $hits; fi
check_grep "report --with-notes does show the notes (the grep can fail)" "$MARK" \
	"$T/outs/$with_notes.out"
left=$(ls -A "$T/tmp")
[ -z "$left" ] && ok "no temporary file left behind" || not_ok "no temporary file left" "$left"
check_no_grep "the anonymized export names no client" "K-1|B-1|alice|bob|holiday" "$T/outs/$anon.out"

# --- export --anonymize on a demo practice: stable pseudonyms, each
# client's dates moved by one shift (intervals kept), context as "event",
# everything else row for row as in the plain export.
Y="$T/demo.db"
"$A" --db "$Y" demo > /dev/null
"$A" --db "$Y" export > "$T/plain.csv"
"$A" --db "$Y" export --anonymize > "$T/anon.csv"
"$A" --db "$Y" export --anonymize > "$T/anon2.csv"
same_file "--anonymize is stable" "$T/anon.csv" "$T/anon2.csv"
cut -d, -f1,2 "$T/plain.csv" | tr ',' '\n' | sort -u | grep -v -x -e client -e clinician > "$T/names"
[ "$(wc -l < "$T/names")" -gt 20 ] && ok "the demo has clients and clinicians to hide" ||
	not_ok "the demo has clients and clinicians to hide"
if grep -F -w -f "$T/names" "$T/anon.csv" > "$T/leaked"; then
	not_ok "no code or user name in the anonymized export" "$(head -3 "$T/leaked")"
else ok "no code or user name in the anonymized export"; fi
sqlite3 :memory: -cmd ".import --csv $T/plain.csv o" -cmd ".import --csv $T/anon.csv a" "
	CREATE TEMP VIEW j AS SELECT o.*, a.client AS aclient, a.clinician AS aclinician,
		a.date AS adate, a.session AS asession, a.rater AS arater, a.dimension AS adimension,
		a.value AS avalue, a.rupture AS arupture, a.context AS acontext,
		julianday(a.date) - julianday(o.date) AS shift
	FROM o JOIN a ON a.rowid = o.rowid;
	SELECT (SELECT count(*) FROM o) = (SELECT count(*) FROM a);
	SELECT count(*) FROM j WHERE session != asession OR rater != arater
		OR dimension != adimension OR value != avalue OR rupture != arupture
		OR (context = '') != (acontext = '') OR acontext NOT IN ('', 'event');
	SELECT count(DISTINCT client) = count(DISTINCT aclient)
		AND count(DISTINCT client) = count(DISTINCT client || ',' || aclient) FROM j;
	SELECT count(DISTINCT clinician) = count(DISTINCT aclinician)
		AND count(DISTINCT clinician) = count(DISTINCT clinician || ',' || aclinician) FROM j;
	SELECT count(*) FROM (SELECT client FROM j GROUP BY client HAVING count(DISTINCT shift) != 1);
	SELECT count(*) FROM j WHERE shift = 0 OR shift % 7 != 0;
	SELECT count(DISTINCT shift) > 1 FROM j;
	SELECT count(*) > 0 FROM j WHERE context != '';" | tr '\n' ' ' > "$T/got"
printf "1 0 1 1 0 0 1 1 " > "$T/want"
same_file "anonymized rows match the plain ones: one pseudonym and one date shift per client" \
	"$T/want" "$T/got"
"$A" --db "$T/anon-import.db" import "$T/anon.csv" > /dev/null 2>&1
"$A" --db "$T/anon-import.db" export > "$T/reimport.csv"
same_file "the anonymized export imports into a new database as it is" "$T/anon.csv" \
	"$T/reimport.csv"
