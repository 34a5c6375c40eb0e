#!/bin/sh
# chart: golden charts of demo clients (ASCII and UTF-8, one dimension, a
# narrow width), the terminal's width, the locale's fallback to ASCII, who
# sees what and every bad option. GOLDEN_UPDATE=1 rewrites the goldens.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-11-27
GOLDEN="$(dirname "$0")/golden"

al demo
check "setup: demo" 0 "demo: 24 clients, 491 sessions. Other users: dr_okafor, dr_lindqvist (clinicians), sup_moreau (supervisor; try --user sup_moreau)"

# K-9315 is the unrepaired rupture, K-7441 the repaired withdrawal marker,
# K-3973 a calm course with an unrated session.
al chart K-9315 --ascii
check_file "unrepaired rupture, ASCII, 80 columns" "$GOLDEN/chart-K-9315.txt"
al chart K-7441 --ascii
check_file "repaired marker, ASCII" "$GOLDEN/chart-K-7441.txt"
al chart K-7441
check_file "repaired marker, UTF-8" "$GOLDEN/chart-K-7441-utf8.txt"
al --ascii chart K-3973 --dimension empathy --width 50
check_file "one dimension, 50 columns, an unrated session" "$GOLDEN/chart-K-3973-empathy.txt"
LC_ALL=C run "$A" chart K-7441
check_file "a non-UTF-8 locale draws ASCII" "$GOLDEN/chart-K-7441.txt"
al chart K-7441 --width=80 --ascii
check_file "--width=80 is the default" "$GOLDEN/chart-K-7441.txt"
al chart K-9315 --width 200 --ascii
awk 'length > 200 { bad = 1 } END { exit bad }' "$T/out" && ok "--width 200: no line wider" \
	|| not_ok "--width 200: no line wider"
check_grep "--width 200: the axis runs to column 200" "^ {16}\+[-+]{183}$" "$T/out"

# On a terminal the chart takes the terminal's width.
script -q -c "stty cols 100; $A --ascii chart K-9315" /dev/null < /dev/null | tr -d '\r' > "$T/tty"
check_grep "a terminal of 100 columns: the axis runs to column 100" "^ {16}\+[-+]{83}$" "$T/tty"
check_no_grep "a terminal of 100 columns: no line wider" ".{101}" "$T/tty"

# A client without sessions still gets the strips, their axes and the cutoff.
al client add NEW-1
al chart NEW-1 --ascii
check_grep "no sessions: the axes and the cutoff" "^ {15}8\+~+ cutoff 8\.0$" "$T/out"
check_grep "no sessions: a strip for empathy" "^empathy {7}10\|$" "$T/out"

# Another clinician's client; a supervisor sees a supervisee's.
al --user dr_okafor chart K-9315
check_err "another clinician's client" 1 "alliance: chart: 'K-9315' is not one of your clients"
al --user sup_moreau chart K-9315 --ascii
check_file "the supervisor sees the chart" "$GOLDEN/chart-K-9315.txt"

# Bad input.
al chart K-9315 --dimension goals
check_err "unknown dimension" 1 "alliance: chart: --dimension: unknown dimension 'goals' (see alliance dimension list)"
al chart K-9315 --width 23
check_err "too narrow" 1 "alliance: chart: --width: '23' is not a whole number from 24 to 1000"
al chart K-9315 --width 1001
check_err "too wide" 1 "alliance: chart: --width: '1001' is not a whole number from 24 to 1000"
al chart K-9315 --width wide
check_err "not a number" 1 "alliance: chart: --width: 'wide' is not a whole number from 24 to 1000"
al chart K-9315 --width ""
check_err "empty width" 1 "alliance: chart: --width: empty value"
al chart
check_err "no code" 2 "alliance: chart: missing argument (see alliance --help)"
al chart K-9315 K-7441
check_err "two codes" 2 "alliance: chart: unexpected argument 'K-7441'"
al chart K-9315 --format csv
check_err "no --format" 2 "alliance: chart: unknown option --format"
al chart NOPE
check_err "unknown client" 1 "alliance: chart: unknown client 'NOPE'"
