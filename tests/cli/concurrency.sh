#!/bin/sh
# Clinicians and a supervisor on one database at once: two clinicians add
# 500 sessions each (the plain binary, one process per session, as in a
# working day) while the supervisor reads flags, caseload and board in a
# loop (the ASan binary). Nobody sees "database is locked" or any other
# error, no session is lost, and the file checks out afterwards.
. "$(dirname "$0")/../lib.sh"
P="${ALLIANCE_PLAIN:-$PWD/alliance}"
PER_WRITER=500

al init
al user add sup --role supervisor
al user add bob --supervisor sup
al user add eva --supervisor sup
for i in 0 1 2 3 4; do
	al --user bob client add B-$i
	al --user eva client add E-$i
done

# writer USER PREFIX: PER_WRITER sessions over 5 clients, one a day from 2023.
writer() {
	i=0 errs=0
	while [ $i -lt $PER_WRITER ]; do
		d=$(date -u -d "2023-01-01 + $((i / 5)) days" +%F)
		if ! "$P" --user "$1" session add "$2-$((i % 5))" --date "$d" --trust $((i % 11)) \
			--collaboration 9 --empathy 8.5 > /dev/null 2>> "$T/$1.err"; then
			errs=$((errs + 1))
		fi
		i=$((i + 1))
	done
	echo $errs > "$T/$1.failed"
}
writer bob B &
w1=$!
writer eva E &
w2=$!

# The supervisor reads until both writers are done.
reads=0 read_errs=0
: > "$T/reader.err"
while kill -0 $w1 2> /dev/null || kill -0 $w2 2> /dev/null; do
	for cmd in "flags --all" "caseload" "board --summary"; do
		# shellcheck disable=SC2086
		if ! "$A" --user sup $cmd --format csv > /dev/null 2>> "$T/reader.err"; then
			read_errs=$((read_errs + 1))
		fi
		reads=$((reads + 1))
	done
done
wait $w1 $w2

[ "$(cat "$T/bob.failed") $(cat "$T/eva.failed")" = "0 0" ] && ok "writers: no error" ||
	not_ok "writers: no error" "failed: bob $(cat "$T/bob.failed"), eva $(cat "$T/eva.failed")" \
	"$(sort "$T/bob.err" "$T/eva.err" | uniq -c | head -5)"
[ "$read_errs" = 0 ] && [ "$reads" -gt 3 ] && ok "reader: $reads reads, no error" ||
	not_ok "reader: no error" "$read_errs of $reads failed" "$(sort "$T/reader.err" | uniq -c | head -5)"
cat "$T/bob.err" "$T/eva.err" "$T/reader.err" > "$T/all.err"
check_no_grep "nobody saw 'database is locked'" "locked|busy" "$T/all.err"

sqlite3 "$DB" "SELECT count(*), count(DISTINCT client_id) FROM session" > "$T/count"
echo "1000|10" > "$T/want"
same_file "1000 sessions of 10 clients: none lost" "$T/want" "$T/count"
al --user bob session list B-3 --format csv
[ "$(grep -c '^[0-9]' "$T/out")" = 300 ] && ok "a client's 100 sessions, 3 ratings each" ||
	not_ok "a client's 100 sessions, 3 ratings each" "$(grep -c '^[0-9]' "$T/out") rows"
al check
check "check: ok afterwards" 0 "ok"
