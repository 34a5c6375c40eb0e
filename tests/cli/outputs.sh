#!/bin/sh
# Files the program writes (export/report --output, backup) never destroy
# the database: a target that is the database or its -wal, -shm or
# -journal file, by name or as the same file (hard or symbolic link), is
# refused (exit 1, nothing changed). And they are written whole: under a
# temporary name renamed into place, so a failure keeps the previous file
# and a kill never leaves an empty or partial file under the final name.
. "$(dirname "$0")/../lib.sh"
P="${ALLIANCE_PLAIN:-$PWD/alliance}"

setup init
setup client add K-1 --goal "Sleep better"
for d in 01 02 03 04 05 06; do
	setup session add K-1 --date 2024-03-$d --trust 9 --collaboration 8 --empathy 9
done
"$A" export > "$T/before.csv"

# unchanged NAME: the database still holds exactly what it did, and checks out.
unchanged() {
	"$P" export > "$T/now.csv" 2>&1
	if cmp -s "$T/before.csv" "$T/now.csv" && [ "$("$P" check 2>&1)" = ok ]; then ok "$1"; else
		not_ok "$1" "$(diff "$T/before.csv" "$T/now.csv" | head -5)"; fi
}
# refused NAME TARGET ARGS...: alliance ARGS exits 1 naming TARGET, changes nothing.
refused() {
	name=$1 target=$2
	shift 2
	al "$@"
	check_err "$name" 1 "alliance: $target: refused: this is the database or one of its files (-wal, -shm, -journal)"
	unchanged "$name: the database is untouched"
}

# Hold a connection so that -wal and -shm exist while we aim at them.
(echo "BEGIN; SELECT count(*) FROM client;"; sleep 30) | sqlite3 "$DB" > /dev/null &
holder=$!
tries=0
while [ ! -e "$DB-shm" ] && [ $tries -lt 100 ]; do sleep 0.05; tries=$((tries + 1)); done

refused "export --output DB" "$DB" export --output "$DB"
refused "export --format json --output DB" "$DB" export --format json --output "$DB"
refused "report --output DB" "$DB" report K-1 --output "$DB"
refused "report --format html --output DB-wal" "$DB-wal" report K-1 --format html --output "$DB-wal"
refused "export --output DB-shm" "$DB-shm" export --output "$DB-shm"
refused "export --output DB-journal (no such file yet)" "$DB-journal" export --output "$DB-journal"
[ ! -e "$DB-journal" ] && ok "no -journal made" || not_ok "no -journal made"
refused "backup DB-journal" "$DB-journal" backup "$DB-journal"
refused "backup DB-wal" "$DB-wal" backup "$DB-wal"
refused "backup DB" "$DB" backup "$DB"
mkdir "$T/sub"
refused "another name of the same place (sub/..)" "$T/sub/../a.db" export --output "$T/sub/../a.db"
run sh -c "cd '$T' && exec '$A' export --output a.db-shm"
check_err "a relative name" 1 "alliance: a.db-shm: refused: this is the database or one of its files (-wal, -shm, -journal)"
ln "$DB" "$T/hard.db"
refused "a hard link to the database" "$T/hard.db" export --output "$T/hard.db"
ln -s "$DB" "$T/sym.db"
refused "a symbolic link to the database" "$T/sym.db" report K-1 --output "$T/sym.db"
ln -s "$DB-wal" "$T/sym.wal"
refused "a symbolic link to its -wal" "$T/sym.wal" backup "$T/sym.wal"
ln -s "$T" "$T/dir"
refused "through a linked directory" "$T/dir/a.db-wal" export --output "$T/dir/a.db-wal"
kill $holder 2> /dev/null
wait $holder 2> /dev/null

# A failure keeps the previous file whole and leaves no temporary file.
"$A" export --output "$T/x.csv"
cp "$T/x.csv" "$T/x.orig"
setup session add K-1 --date 2024-03-07 --trust 9 --collaboration 8 --empathy 9
run sh -c "ulimit -f 1; exec \"$A\" report K-1 --output \"$T/x.csv\""
[ "$rc" = 4 ] && ok "a report past the file size limit: exit 4" || not_ok "report past the limit: exit 4" "exit $rc: $(cat "$T/err")"
same_file "the previous file is kept whole" "$T/x.orig" "$T/x.csv"
run sh -c "ulimit -f 1; exec \"$A\" export --format json --output \"$T/x.csv\""
[ "$rc" = 4 ] && ok "an export past the limit: exit 4" || not_ok "export past the limit: exit 4" "exit $rc"
same_file "the previous export is kept whole" "$T/x.orig" "$T/x.csv"
ls -A "$T" | grep '^\.' > "$T/hidden"
[ ! -s "$T/hidden" ] && ok "no temporary file left after a failure" || not_ok "no temporary file left" "$(cat "$T/hidden")"
al export --output "$T/x.csv"
check "a good export replaces it" 0 ""
al export
check_file "with the new data" "$T/x.csv"
[ "$(stat -c %a "$T/x.csv")" = 600 ] && ok "0600" || not_ok "0600" "$(stat -c %a "$T/x.csv")"
al export --output /dev/null
[ "$rc" = 0 ] && [ -c /dev/null ] && ok "a device is written in place (/dev/null stays a device)" ||
	not_ok "a device is written in place" "exit $rc"
mkfifo "$T/fifo"
cat "$T/fifo" > "$T/from-fifo" &
al export --output "$T/fifo"
wait
[ "$rc" = 0 ] && [ -p "$T/fifo" ] && cmp -s "$T/from-fifo" "$T/x.csv" && ok "a FIFO is written in place" ||
	not_ok "a FIFO is written in place" "exit $rc"

# Killed backups: the final name holds a whole backup or nothing, never an
# empty or partial file. Enough data that a backup takes a while; the
# kills are spread over a backup's measured duration.
setup client add K-2
sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
	INSERT INTO session (client_id, date, seq)
	SELECT c.id, date('1950-01-01', '+' || i || ' days'), 1 FROM n, client c WHERE c.code = 'K-2';
	INSERT INTO rating SELECT s.id, 'client', d.id, 50 + (s.id * 7 + d.id) % 50
	FROM session s JOIN client c ON c.id = s.client_id AND c.code = 'K-2', dimension d;" ||
	not_ok "a large database for the backups"
t0=$(date +%s%6N)
"$P" backup "$T/timed.db"
window=$(($(date +%s%6N) - t0))
echo "# one backup took ${window}us"
i=1 bad=""
while [ $i -le 12 ]; do
	"$P" backup "$T/k$i.db" 2> /dev/null &
	pid=$!
	us=$((window * i / 12))
	sleep "$(printf '%d.%06d' $((us / 1000000)) $((us % 1000000)))"
	kill -KILL $pid 2> /dev/null
	wait $pid 2> /dev/null
	if [ -e "$T/k$i.db" ]; then
		got=$(sqlite3 "$T/k$i.db" "PRAGMA integrity_check; SELECT count(*) FROM rating" 2>&1 | tr '\n' ' ')
		[ "$got" = "ok $(sqlite3 "$T/timed.db" "SELECT count(*) FROM rating") " ] || bad="$bad k$i:[$got]"
	fi
	i=$((i + 1))
done
[ -z "$bad" ] && ok "every killed backup left a whole backup or none" || not_ok "killed backups" "$bad"
run sh -c "ulimit -f 200; exec \"$P\" backup \"$T/full.db\""
[ "$rc" = 4 ] && [ ! -e "$T/full.db" ] && ok "a backup past the limit: exit 4, no file" ||
	not_ok "a backup past the limit: exit 4, no file" "exit $rc: $(cat "$T/err")"
ls -A "$T" | grep '^\.full' > "$T/hidden"
[ ! -s "$T/hidden" ] && ok "its temporary file is gone" || not_ok "its temporary file is gone" "$(cat "$T/hidden")"
