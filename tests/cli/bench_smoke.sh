#!/bin/sh
# make bench still works: a tiny run of bench/run.sh. No timing is asserted
# (benchmarks are not tests); what is checked is that every row is there,
# and that a failing command shows as FAILED with a non-zero exit.
. "$(dirname "$0")/../lib.sh"
PLAIN="${ALLIANCE_PLAIN:-$PWD/alliance}"
ROWS="flags --all --format csv|caseload --format csv|import (with init)|export|UI first frame: caseload|UI first frame: board|sqlite3 ordered scan|sqlite3 -csv scan|sqlite3 .import --csv"

rows_present() { # NAME: every row of both tables is in the last output
	missing=""
	old_ifs=$IFS IFS='|'
	for row in $ROWS; do
		grep -q -F -- "$row " "$T/out" || missing="$missing [$row]"
	done
	IFS=$old_ifs
	if [ -z "$missing" ]; then ok "$1"; else not_ok "$1" "missing:$missing" "$(head -c 600 "$T/out")"; fi
}

BENCH_CLIENTS=20 BENCH_RUNS=1 BENCH_DIR="$T/bench" BENCH_ALLIANCE="$PLAIN" run sh bench/run.sh
check "tiny bench runs" 0
rows_present "every row is printed"
check_no_grep "no run failed" FAILED "$T/out"
check_grep "the practice is described" "^practice: 20 clients x 33 sessions = [0-9,]+ ratings" "$T/out"
check_grep "flags are compared with sqlite3" "^flags --all --format csv +[0-9]+ ms +[0-9]+ ms +[0-9.]+  <= 2x" "$T/out"
check_grep "the first frame has a time" "^UI first frame: board +[0-9]+ ms +- +- +< 100 ms" "$T/out"

# Sizes above BENCH_FRAMES_ABOVE measure the UI's first frames alone (the
# way BENCH_CLIENTS=100000 measures 11 M ratings): "-" for the rest there.
BENCH_CLIENTS=20 BENCH_FRAMES_ABOVE=10 BENCH_RUNS=1 BENCH_DIR="$T/bench3" BENCH_ALLIANCE="$PLAIN" \
	run sh bench/run.sh
check "a larger size for the first frames alone" 0
check_grep "the ratios at the largest size measured in full" "^practice: 8 clients x 33 sessions" "$T/out"
check_grep "both sizes in the scaling table" "^clients +8 +20$" "$T/out"
check_grep "the larger one: the first frame with its peak memory" \
	"^UI first frame: board +[0-9]+ \([0-9.]+ MB\) +[0-9]+ \([0-9.]+ MB\)$" "$T/out"
check_grep "...and no scan there" "^flags --all --format csv +[0-9]+ \([0-9.]+\) +-$" "$T/out"
check_no_grep "nothing failed" FAILED "$T/out"

# A command that fails is reported as FAILED, never as a time.
cat > "$T/broken" <<EOS
#!/bin/sh
case " \$* " in *" flags "*) echo "alliance: broken on purpose" >&2; exit 3 ;; esac
exec "$PLAIN" "\$@"
EOS
chmod +x "$T/broken"
BENCH_CLIENTS=8 BENCH_SCALES=1 BENCH_RUNS=1 BENCH_DIR="$T/bench2" BENCH_ALLIANCE="$T/broken" \
	run sh bench/run.sh
check "a failed run makes the bench fail" 1
rows_present "every row is printed after a failure"
check_grep "the failed command shows FAILED" "^flags --all --format csv +FAILED .*FAILED$" "$T/out"
check_grep "its error is shown" "flags: FAILED: alliance: broken on purpose" "$T/err"
check_grep "the others still have times" "^export +[0-9]+ ms" "$T/out"
