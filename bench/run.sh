#!/bin/sh
# make bench: alliance against the sqlite3 shell, same machine, same data
# (SPEC §6). For each size it generates a deterministic practice (alliance
# demo, then alliance export for the CSV), builds the plain two-table
# baseline from that CSV with the sqlite3 shell, and times every command as
# the median of BENCH_RUNS runs on a warm cache (the runs of all commands
# interleaved). A failed run is reported as FAILED, never as a time. Prints
# the table with ratios and targets at full size, then how time grows with
# the number of ratings.
#
#   BENCH_CLIENTS=10000      clients at full size
#   BENCH_SESSIONS=33        sessions per client (3 core dimensions each)
#   BENCH_SCALES="100 10 1"  sizes measured, as divisors of BENCH_CLIENTS
#   BENCH_FRAMES_ABOVE=10000 sizes with more clients measure the UI's first
#                            frames alone (BENCH_CLIENTS=100000: 11 M ratings,
#                            whose scans and import only grow as at 1.1 M)
#   BENCH_RUNS=5             runs per measurement
#   BENCH_DIR=build/bench    working directory (the data is left there)
#   BENCH_ALLIANCE=./alliance  the binary measured
#   BENCH_FRAME_TEXT         status line text that ends the UI's first frame
#   BENCH_TODAY=2026-03-02   the day the demo practice is dated back from
#                            (ALLIANCE_TODAY), so every run sees the same data
#
# Exit status 0 when every run worked (a missed target is shown, not an
# error), 1 when something failed.
set -u
cd "$(dirname "$0")/.."
CLIENTS=${BENCH_CLIENTS:-10000}
SESSIONS=${BENCH_SESSIONS:-33}
SCALES=${BENCH_SCALES:-100 10 1}
RUNS=${BENCH_RUNS:-5}
DIR=${BENCH_DIR:-build/bench}
A=${BENCH_ALLIANCE:-$PWD/alliance}
FRAME_TEXT=${BENCH_FRAME_TEXT:-help}
FRAMES_ABOVE=${BENCH_FRAMES_ABOVE:-10000}
export ALLIANCE_TODAY=${BENCH_TODAY:-2026-03-02}
MIN_CLIENTS=8 # the smallest practice demo makes

export LOGNAME=bench USER=bench LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color
unset ALLIANCE_DB XDG_DATA_HOME NO_COLOR

say() { printf '%s\n' "$*" >&2; }
die() { say "bench: $*"; exit 1; }

[ -x "$A" ] || die "$A: no such program (run make first)"
mkdir -p "$DIR/bin" || die "cannot create $DIR"
DIR=$(cd "$DIR" && pwd)
BIN=$DIR/bin
RES=$DIR/results
: > "$RES"

# The two helpers are built here, with the project's warnings as errors.
for tool in timeit firstframe; do
	if [ ! -x "$BIN/$tool" ] || [ "bench/$tool.c" -nt "$BIN/$tool" ]; then
		${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror -Wshadow -Wconversion \
			-o "$BIN/$tool" "bench/$tool.c" -lutil || die "cannot build $tool"
	fi
done
command -v sqlite3 > /dev/null 2>&1 || sh tools/deps.sh sqlite3 || die "no sqlite3 shell"
SCAN=".read $PWD/bench/scan.sql"

FRAMES="frame_caseload frame_board"
KEYS="sqlite_scan flags caseload sqlite_csv export sqlite_import import $FRAMES"

median() {
	sort -n | awk '{ v[NR] = $1 }
		END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# sample KEY PREP TOOL ARG...: runs the shell command PREP (not timed),
# then `TOOL RESULT ARG...` once, adding "MS PEAK_KB" to KEY's samples. A
# run that fails marks KEY failed, and KEY is not run again.
sample() {
	key=$1 prep=$2 tool=$3
	shift 3
	[ -e "$W/$key.failed" ] && return
	eval "$prep"
	if ! "$tool" "$W/result" "$@" > /dev/null 2> "$W/err" < /dev/null; then
		say "  $key: FAILED: $(head -c 300 "$W/err")"
		: > "$W/$key.failed"
		return
	fi
	cat "$W/result" >> "$W/$key.samples"
}

# One run of every measurement. Rounds interleave the commands, so that
# whatever else the machine is doing weighs on alliance and sqlite3 alike.
bench_round() {
	sq="sqlite3 -batch -init /dev/null"
	T=$BIN/timeit F=$BIN/firstframe
	if [ "$frames_only" = 1 ]; then
		bench_frames
		return
	fi
	sample sqlite_scan : "$T" $sq "$W/plain.db" "$SCAN"
	sample flags : "$T" "$A" --db "$W/practice.db" --user "$sup" flags --all --format csv
	sample caseload : "$T" "$A" --db "$W/practice.db" --user "$sup" caseload --format csv
	sample sqlite_csv : "$T" $sq -csv -header "$W/plain.db" "$SCAN"
	sample export : "$T" "$A" --db "$W/practice.db" export
	sample sqlite_import 'rm -f "$W/plain-import.db"' "$T" $sq "$W/plain-import.db" \
		".import --csv \"$W/practice.csv\" rating"
	sample import 'rm -f "$W/import.db" "$W/import.db-wal" "$W/import.db-shm"' "$T" \
		sh -c '"$1" --db "$2" init && "$1" --db "$2" import "$3"' sh "$A" "$W/import.db" \
		"$W/practice.csv"
	bench_frames
}

bench_frames() {
	sample frame_caseload : "$F" "$FRAME_TEXT" "$A" --db "$W/practice.db" --user bench
	sample frame_board : "$F" "$FRAME_TEXT" "$A" --db "$W/practice.db" --user "$sup"
}

# Records each KEY's median time and largest peak memory, or FAILED.
summarize() {
	for key in $KEYS; do
		if [ "$frames_only" = 1 ] && ! case " $FRAMES " in *" $key "*) true ;; *) false ;; esac; then
			echo "$scale $key SKIPPED" >> "$RES"
			continue
		fi
		if [ -e "$W/$key.failed" ] || [ ! -s "$W/$key.samples" ]; then
			echo "$scale $key FAILED" >> "$RES"
			continue
		fi
		ms=$(cut -d' ' -f1 "$W/$key.samples" | median)
		kb=$(cut -d' ' -f2 "$W/$key.samples" | sort -n | tail -1)
		echo "$scale $key $ms $kb" >> "$RES"
		say "  $key: $ms ms, $((kb / 1024)) MB"
	done
}

# generate CLIENTS: the practice, its CSV and the plain baseline in $W
# (the practice alone when only the first frames are measured).
generate() {
	"$A" --db "$W/practice.db" demo --clients "$1" --sessions "$SESSIONS" --seed 1 \
		> /dev/null 2> "$W/err" || return
	[ "$frames_only" = 1 ] && return
	"$A" --db "$W/practice.db" export > "$W/practice.csv" 2> "$W/err" &&
		sqlite3 -batch -init /dev/null "$W/plain.db" ".import --csv \"$W/practice.csv\" raw" \
			".read bench/plain.sql" 2> "$W/err" > /dev/null
}

# The supervisor of the demo practice: the board covers every client.
supervisor() {
	"$A" --db "$W/practice.db" user list --format csv 2> /dev/null |
		awk -F, '$2 == "supervisor" { print $1; exit }'
}

bench_scale() {
	W=$DIR/c$clients
	rm -rf "$W" && mkdir -p "$W" || die "cannot create $W"
	frames_only=0
	[ "$clients" -gt "$FRAMES_ABOVE" ] && frames_only=1
	say "bench: $clients clients x $SESSIONS sessions$([ "$frames_only" = 1 ] && echo ": first frames")"
	start=$(date +%s)
	if ! generate "$clients"; then
		say "  generate: FAILED: $(head -c 300 "$W/err")"
		echo "$scale generate FAILED" >> "$RES"
		return
	fi
	db=$W/plain.db
	[ "$frames_only" = 1 ] && db=$W/practice.db
	ratings=$(sqlite3 -batch -init /dev/null "$db" "SELECT count(*) FROM rating" 2> /dev/null)
	echo "$scale meta $clients ${ratings:-0} $(($(date +%s) - start))" >> "$RES"
	sup=$(supervisor)
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		i=$((i + 1))
		bench_round
	done
	summarize
}

done_clients=" "
for d in $SCALES; do
	clients=$((CLIENTS / d))
	[ "$clients" -lt "$MIN_CLIENTS" ] && clients=$MIN_CLIENTS
	case "$done_clients" in *" $clients "*) continue ;; esac
	done_clients="$done_clients$clients "
	scale=$clients
	bench_scale
done

awk -v runs="$RUNS" -v sessions="$SESSIONS" -v sqlite="$(sqlite3 --version | cut -d' ' -f1)" \
	-v version="$("$A" --version)" -f bench/table.awk "$RES"
! grep -q FAILED "$RES"
