#!/bin/sh
# backup FILE takes a consistent copy while another process writes; a
# restored backup exports what the original did; check finds a damaged copy.
. "$(dirname "$0")/../lib.sh"
P="${ALLIANCE_PLAIN:-$PWD/alliance}"

setup() { # runs a command that must work
	run "$A" "$@"
	[ "$rc" = 0 ] || not_ok "setup: $*" "exit $rc: $(cat "$T/err")"
}
setup init
setup client add K-1
setup client add K-2
# Enough ratings for the rating table to span several pages.
sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
	INSERT INTO session (client_id, date, seq)
	SELECT 2, date('2020-01-01', '+' || i || ' days'), 1 FROM n;
	INSERT INTO rating SELECT s.id, 'client', d.id, 50 + (s.id * 7 + d.id) % 50
	FROM session s, dimension d;"

# A writer adds sessions (3 ratings and a note each, one transaction each)
# while backups are taken; every backup must hold whole sessions only.
(
	i=0
	while [ $i -lt 60 ]; do
		d=$(date -u -d "2024-01-01 + $i days" +%F)
		"$P" session add K-1 --date "$d" --trust 9 --collaboration 8 --empathy 7 \
			--note "note $i" > /dev/null 2>> "$T/writer.err" || echo "fail $i" >> "$T/writer.err"
		i=$((i + 1))
	done
) &
writer=$!
b=0 bad=""
while kill -0 $writer 2>/dev/null && [ $b -lt 40 ]; do
	b=$((b + 1))
	"$A" backup "$T/b$b.db" 2>> "$T/backup.err" || bad="$bad backup$b"
done
wait $writer
[ $b -ge 3 ] && ok "backups taken while writing ($b)" || not_ok "backups taken while writing" "$b"
[ ! -s "$T/writer.err" ] && [ ! -s "$T/backup.err" ] && [ -z "$bad" ] &&
	ok "no writer or backup failed (busy_timeout covers the contention)" ||
	not_ok "no writer or backup failed" "$(cat "$T/writer.err" "$T/backup.err")" "$bad"
torn="" sizes=""
i=1
while [ $i -le $b ]; do
	f="$T/b$i.db"
	got=$(sqlite3 "$f" "PRAGMA integrity_check;
		SELECT count(*) FROM session s WHERE s.client_id = 1 AND
			((SELECT count(*) FROM rating r WHERE r.session_id = s.id) != 3
			 OR NOT EXISTS (SELECT 1 FROM note n WHERE n.session_id = s.id));
		SELECT (SELECT count(*) FROM session WHERE client_id = 1) =
			(SELECT count(*) FROM audit WHERE action = 'add' AND entity = 'session');
		SELECT journal_mode FROM pragma_journal_mode;" | tr '\n' ' ')
	[ "$got" = "ok 0 1 delete " ] || torn="$torn b$i:[$got]"
	sizes="$sizes $(sqlite3 "$f" 'SELECT count(*) FROM session WHERE client_id = 1')"
	i=$((i + 1))
done
[ -z "$torn" ] && ok "every backup is whole: sessions with all their ratings, notes and audit rows" ||
	not_ok "every backup is whole" "$torn"
echo "sessions per backup:$sizes" > "$T/sizes"
first=${sizes# }; first=${first%% *}
[ "$first" -lt 60 ] && ok "backups caught the writer mid-way ($sizes )" ||
	not_ok "backups caught the writer mid-way" "$sizes"

# A restored backup is the same database.
setup backup "$T/full.db"
mkdir "$T/restore" && cp "$T/full.db" "$T/restore/a.db"
for f in csv json; do
	al export --format $f
	cp "$T/out" "$T/orig.$f"
	al --db "$T/restore/a.db" export --format $f
	check_file "restored backup exports the same ($f)" "$T/orig.$f"
done
[ "$(wc -l < "$T/orig.csv")" -gt 1000 ] && ok "the export compared is not empty" ||
	not_ok "the export compared is not empty" "$(wc -l < "$T/orig.csv")"
al --db "$T/restore/a.db" check
check "restored backup passes check" 0 "ok"
al backup "$T/full.db"
check_err "backup never overwrites a file" 1 "alliance: $T/full.db: already exists (backup never overwrites a file)"

# A copy with bytes overwritten in the middle of a full page of ratings.
al check
check "check of the original" 0 "ok"
cp "$T/full.db" "$T/bad.db"
pg=$(sqlite3 "$T/bad.db" "SELECT pageno FROM dbstat WHERE name = 'rating' AND pagetype = 'leaf'
	ORDER BY unused, pageno LIMIT 1")
size=$(sqlite3 "$T/bad.db" 'PRAGMA page_size')
head -c 64 /dev/zero | tr '\0' '\377' |
	dd of="$T/bad.db" bs=1 seek=$(((pg - 1) * size + size / 2)) conv=notrunc 2> /dev/null
cmp -s "$T/full.db" "$T/bad.db" && not_ok "the copy was damaged" || ok "the copy was damaged (page $pg)"
al --db "$T/bad.db" check
[ "$rc" = 3 ] && ok "check of the damaged copy exits 3" || not_ok "check of the damaged copy exits 3" "$rc"
check_grep "check says what is wrong, on stdout" "page $pg" "$T/out"
check_grep "and that there are problems, on stderr" "^alliance: check: [0-9]+ problems? found$" "$T/err"
