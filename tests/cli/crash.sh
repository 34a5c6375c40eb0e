#!/bin/sh
# Crash safety: `session add` and `import` runs killed with SIGKILL at points
# spread over their duration, so that kills land mid-write. Afterwards every
# run that reported success is fully present, every killed run is fully
# present or fully absent (never part of it), and check says ok.
# No timing is assumed: each batch of kills is spread over the duration of a
# run of the same kind measured just before it (on a loaded machine too),
# and whether the kills landed mid-write is judged by their effect — killed
# runs that left nothing (the kill came before the commit) and runs that
# are there (it came after) — with further batches, a bounded number, where
# too few did.
# CRASH_RUNS (default 100) is the number of killed runs at least; make
# check-long runs 1000.
. "$(dirname "$0")/../lib.sh"
RUNS="${CRASH_RUNS:-100}"
CLIENTS=100 SESSIONS=10 # per import file: 3000 ratings
BATCH=10                # killed runs of each kind between two measurements
EXTRA_BATCHES=6         # at most this many more where the kills missed

setup() { # runs a command that must work
	run "$A" "$@"
	[ "$rc" = 0 ] || not_ok "setup: $*" "exit $rc: $(cat "$T/err")"
}
now_us() { date +%s%6N; }
sleep_us() { sleep "$(printf '%d.%06d' $(($1 / 1000000)) $(($1 % 1000000)))"; }
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
# session_date I: run I's session of K-1 is on its own date, with 3 ratings and a note.
session_date() { date -u -d "2020-01-01 + $1 days" +%F; }

# Run $i of KIND (import: odd i, session: even i) in the background; its
# pid in $pid. A run's number names what it writes (clients R<i>-*, the
# session on day i).
start_run() {
	if [ "$1" = import ]; then
		"$A" import "$T/import.csv" > /dev/null 2> "$T/run.err" &
	else
		"$A" session add K-1 --date "$(session_date $i)" --trust 9 --collaboration 8 \
			--empathy 7 --note "n$i" > /dev/null 2> "$T/run.err" &
	fi
	pid=$!
}
# next_run KIND: the next run number of that kind, its import file ready.
next_run() {
	i=$((i + 1))
	case "$1:$((i % 2))" in import:0 | session:1) i=$((i + 1)) ;; esac
	if [ "$1" = import ]; then import_file $i; fi
}
# end_run KIND: waits for $pid and notes "I KIND STATUS" in $T/runs.
end_run() {
	wait $pid 2> /dev/null
	status=$?
	[ $status = 0 ] || [ $status = 137 ] || echo "$i $1 exit $status: $(cat "$T/run.err")" >> "$T/odd"
	echo "$i $1 $status" >> "$T/runs"
}
# batch KIND SCALE: one run of KIND to its end, timed; then BATCH runs each
# killed at its own point, spread evenly over SCALE/10 times that duration.
batch() {
	next_run "$1"
	t0=$(now_us)
	start_run "$1"
	end_run "$1"
	window=$((($(now_us) - t0) * $2 / 10))
	echo "# $1: ${window}us kill window"
	j=1
	while [ $j -le $BATCH ]; do
		next_run "$1"
		start_run "$1"
		sleep_us $((window * (2 * j - 1) / (2 * BATCH)))
		kill -KILL $pid 2> /dev/null
		end_run "$1"
		j=$((j + 1))
	done
}
# left: what each run left, in $T/left: per import run, clients, sessions,
# ratings; per session run, sessions, ratings, notes and audit rows.
left() {
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
}
# effects KIND: $before (killed runs that left nothing: the kill landed
# before the commit) and $after (killed runs that are there: after it).
effects() {
	left
	set -- $(awk -v kind="$1" 'FNR == NR { if ($2 == kind && $3 == 137) k[$1] = 1; next }
		$1 == kind && ($2 in k) { there++ }
		END { n = 0; for (r in k) n++; print n - there, there + 0 }' "$T/runs" "$T/left")
	before=$1 after=$2
}

setup init
setup client add K-1
: > "$T/runs"
i=0
# Enough kills before the commit (the all-or-nothing case) and some after
# it (so they spread over the whole run) for each kind: BATCH runs a batch
# until RUNS are killed, then more batches while one kind falls short,
# with the window stretched where kills came too early, shrunk where late.
for kind in import session; do
	scale=15 batches=0 extra=0
	while :; do
		batch $kind $scale
		batches=$((batches + 1))
		[ $((batches * BATCH * 2)) -lt "$RUNS" ] && continue
		effects $kind
		want=$((batches * BATCH / 5))
		[ "$before" -ge "$want" ] && [ "$after" -ge 1 ] && break
		[ $extra -ge $EXTRA_BATCHES ] && break
		extra=$((extra + 1))
		if [ "$after" -lt 1 ]; then scale=$((scale * 2)); else scale=$(((scale + 1) / 2)); fi
	done
	echo "# $kind: $before kills before the commit, $after after, in $batches batches"
	[ "$before" -ge "$want" ] && [ "$after" -ge 1 ] &&
		ok "$kind: kills landed mid-write ($before of $((batches * BATCH)) before the commit, $after after)" ||
		not_ok "$kind: kills landed mid-write" "$before before the commit (wanted $want), $after after, $batches batches"
done
[ ! -s "$T/odd" ] && ok "every run succeeded or was killed" || not_ok "every run succeeded or was killed" "$(head -5 "$T/odd")"
killed=$(awk '$3 == 137' "$T/runs" | wc -l)

al check
check "check says ok after $RUNS runs and $killed kills" 0 "ok"

left
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
