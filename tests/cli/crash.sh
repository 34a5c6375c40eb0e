#!/bin/sh
# Crash safety: `session add` and `import` runs killed with SIGKILL at random
# points spread over their measured duration, so that kills land mid-write.
# Afterwards every run that reported success is fully present, every killed
# run is fully present or fully absent (never part of it), and check says ok.
# CRASH_RUNS (default 100) and CRASH_SEED (default 1) vary it; make check-long
# runs 1000.
. "$(dirname "$0")/../lib.sh"
RUNS="${CRASH_RUNS:-100}"
seed="${CRASH_SEED:-1}"
CLIENTS=100 SESSIONS=10 # per import file: 3000 ratings

setup() { # runs a command that must work
	run "$A" "$@"
	[ "$rc" = 0 ] || not_ok "setup: $*" "exit $rc: $(cat "$T/err")"
}
# random N: sets $r to a number in [0, N) (a 31-bit LCG, so runs repeat;
# two draws of 15 bits each, as one alone would stop at 32767 microseconds).
random() {
	seed=$(((seed * 1103515245 + 12345) % 2147483648))
	hi=$((seed / 65536 % 32768))
	seed=$(((seed * 1103515245 + 12345) % 2147483648))
	r=$(((hi * 32768 + seed / 65536 % 32768) % $1))
}
now_us() { date +%s%6N; }
# import_file I: an import of CLIENTS new clients "R<I>-<k>", SESSIONS
# sessions each, 3 ratings a session.
import_file() {
	awk -v run="$1" -v nc=$CLIENTS -v ns=$SESSIONS 'BEGIN {
		print "client,clinician,date,session,rater,dimension,value,rupture,context"
		split("trust collaboration empathy", dim, " ")
		for (c = 1; c <= nc; c++)
			for (s = 1; s <= ns; s++)
				for (d = 1; d <= 3; d++)
					printf "R%d-%d,alice,2023-%02d-%02d,%d,client,%s,%d.%d,,\n",
						run, c, s, 10 + c % 15, s, dim[d], 5 + (c + s + d) % 5, s % 10
	}' > "$T/import.csv"
}
# session_args I: a session of K-1 on its own date with 3 ratings and a note.
session_date() { date -u -d "2020-01-01 + $1 days" +%F; }

setup init
setup client add K-1

# Measure one clean run of each kind (I = 0): the kill window is 1.5 times it.
import_file 0
t0=$(now_us)
setup import "$T/import.csv"
t1=$(now_us)
setup session add K-1 --date "$(session_date 0)" --trust 9 --collaboration 8 --empathy 7 --note "n0"
t2=$(now_us)
import_us=$(((t1 - t0) * 15 / 10))
session_us=$(((t2 - t1) * 15 / 10))
echo "# import ${import_us}us, session add ${session_us}us (kill windows), seed ${CRASH_SEED:-1}"

# present I KIND: prints 1 when run I left its data in the database, else 0.
present() {
	if [ "$2" = import ]; then
		sqlite3 "$DB" "SELECT count(*) > 0 FROM client WHERE code GLOB 'R$1-*'"
	else
		sqlite3 "$DB" "SELECT count(*) > 0 FROM session s JOIN client c ON c.id = s.client_id
			WHERE c.code = 'K-1' AND s.date = '$(session_date "$1")'"
	fi
}

# count KIND before|after: runs of KIND killed before their commit (nothing
# of them is there), or whose data is there (they succeeded, or the kill came
# after the commit).
count() {
	awk -v k="$1" -v w="$2" '$2 == k && (w == "before" ? $3 == 137 && $4 == 0 : $4 == 1)' \
		"$T/runs" | wc -l
}

# Odd runs import, even runs add a session; each starts in the background
# and gets SIGKILL after a random delay within its window. Whether a kill
# landed before or after the commit is judged by its effect (is the run's
# data there?), not by timing: a batch where fewer than 3 runs of a kind
# landed on one side of the commit (a loaded machine slows the runs down, an idle
# one speeds them up) is followed by another with that window widened or
# narrowed, at most MAX_BATCHES times.
MAX_BATCHES=4
: > "$T/runs"
i=1 batch=1
while :; do
	last=$((i + RUNS - 1))
	while [ $i -le $last ]; do
		if [ $((i % 2)) = 1 ]; then
			import_file $i
			kind=import window=$import_us
			"$A" import "$T/import.csv" > /dev/null 2> "$T/run.err" &
		else
			kind=session window=$session_us
			"$A" session add K-1 --date "$(session_date $i)" --trust 9 --collaboration 8 \
				--empathy 7 --note "n$i" > /dev/null 2> "$T/run.err" &
		fi
		pid=$!
		random "$window"
		sleep "$(printf '%d.%06d' $((r / 1000000)) $((r % 1000000)))"
		kill -KILL $pid 2> /dev/null
		wait $pid 2> /dev/null
		status=$?
		[ $status = 0 ] || [ $status = 137 ] ||
			echo "$i $kind exit $status: $(cat "$T/run.err")" >> "$T/odd"
		echo "$i $kind $status $(present $i $kind)" >> "$T/runs"
		i=$((i + 1))
	done
	import_before=$(count import before) import_after=$(count import after)
	session_before=$(count session before) session_after=$(count session after)
	[ "$import_before" -ge 3 ] && [ "$import_after" -ge 3 ] &&
		[ "$session_before" -ge 3 ] && [ "$session_after" -ge 3 ] && break
	[ $batch -ge $MAX_BATCHES ] && break
	echo "# batch $batch: import $import_before before/$import_after after the commit," \
		"session $session_before/$session_after; another batch"
	[ "$import_after" = 0 ] && import_us=$((import_us * 2))
	[ "$import_before" = 0 ] && import_us=$((import_us / 2))
	[ "$session_after" = 0 ] && session_us=$((session_us * 2))
	[ "$session_before" = 0 ] && session_us=$((session_us / 2))
	[ "$import_us" -ge 1000 ] || import_us=1000
	[ "$session_us" -ge 1000 ] || session_us=1000
	batch=$((batch + 1))
done
[ ! -s "$T/odd" ] && ok "every run succeeded or was killed" || not_ok "every run succeeded or was killed" "$(head -5 "$T/odd")"
killed=$(awk '$3 == 137' "$T/runs" | wc -l)
runs=$(wc -l < "$T/runs")
[ "$import_before" -ge 3 ] && [ "$session_before" -ge 3 ] &&
	ok "kills landed before the commit (import $import_before, session $session_before)" ||
	not_ok "kills landed before the commit" "import $import_before, session $session_before of $runs runs"
[ "$import_after" -ge 3 ] && [ "$session_after" -ge 3 ] &&
	ok "runs completed (import $import_after, session $session_after)" ||
	not_ok "runs completed" "import $import_after, session $session_after of $runs runs"

al check
check "check says ok after $runs runs and $killed kills" 0 "ok"

# What each run left: per import run, clients, sessions, ratings and import
# audit rows; per session run, sessions, ratings, notes and audit rows.
sqlite3 "$DB" "
	SELECT 'import', substr(c.code, 2, instr(c.code, '-') - 2) AS run, count(DISTINCT c.id),
		count(DISTINCT s.id), count(r.tenths)
	FROM client c LEFT JOIN session s ON s.client_id = c.id
	LEFT JOIN rating r ON r.session_id = s.id WHERE c.code GLOB 'R*' GROUP BY run;
	SELECT 'session', CAST(julianday(s.date) - julianday('2020-01-01') AS INTEGER),
		count(DISTINCT s.id), count(DISTINCT r.dimension_id), count(DISTINCT n.session_id),
		(SELECT count(*) FROM audit a WHERE a.entity IN ('session', 'note') AND a.entity_id = s.id)
	FROM session s JOIN client c ON c.id = s.client_id AND c.code = 'K-1'
	LEFT JOIN rating r ON r.session_id = s.id LEFT JOIN note n ON n.session_id = s.id
	GROUP BY s.id;
	SELECT 'audit-imports', count(*), coalesce(sum(count), 0) FROM audit WHERE action = 'import';
	" | tr '|' ' ' > "$T/left"
awk -v nc=$CLIENTS -v ns=$SESSIONS '
	FNR == NR { kind[$1] = $2; status[$1] = $3; next }
	$1 == "import" { seen[$2] = 1
		if ($3 != nc || $4 != nc * ns || $5 != nc * ns * 3) print "import run " $2 " partial: " $0
		full_imports++ }
	$1 == "session" { seen[$2] = 1
		if ($3 != 1 || $4 != 3 || $5 != 1 || $6 != 2) print "session run " $2 " partial: " $0 }
	$1 == "audit-imports" { audits = $2; audited = $3 }
	END {
		for (i in kind) if (status[i] == 0 && !seen[i]) print "run " i " succeeded but is missing"
		if (audits != full_imports) print audits " import audit rows for " full_imports " imports"
		if (audited != full_imports * nc * ns * 3) print "import audit rows count " audited " rows"
	}' "$T/runs" "$T/left" > "$T/bad"
[ ! -s "$T/bad" ] && ok "every run is all there or not at all; every success is there" ||
	not_ok "every run is all there or not at all; every success is there" "$(head -5 "$T/bad")"
[ "$(sqlite3 "$DB" 'PRAGMA integrity_check; PRAGMA foreign_key_check')" = ok ] &&
	ok "sqlite3 integrity_check and foreign_key_check agree" || not_ok "sqlite3 integrity_check"
