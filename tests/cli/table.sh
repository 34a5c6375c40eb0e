#!/bin/sh
# Table output fits the width: goldens of flags and caseload at 80 and 120
# columns on the demo practice; every listing's lines within the width,
# no word cut, whatever the width; CSV and JSON never wrapped; the width
# from the terminal, else $COLUMNS, else 80.
# After an intended change: GOLDEN_WRITE=1 sh tests/cli/table.sh rewrites
# the goldens (tests/cli/golden/table-*.txt); review them in the diff.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-11-27
GOLDEN="$(dirname "$0")/golden"

setup demo
setup --user sup_moreau ack K-4617 --episode 17 \
	--comment "Talked it through in supervision; she will name the missed session first"

# golden NAME: the last stdout is tests/cli/golden/NAME (or becomes it);
# the day the acknowledgement was written reads YYYY-MM-DD.
day=$(date -u +%F)
golden() {
	sed "s/$day/YYYY-MM-DD/g" "$T/out" > "$T/day" && mv "$T/day" "$T/out"
	if [ "${GOLDEN_WRITE:-}" = 1 ]; then cp "$T/out" "$GOLDEN/$1"; fi
	check_file "$1" "$GOLDEN/$1"
}

# fits NAME WIDTH: no line of the last stdout is wider than WIDTH.
fits() {
	w=$(wc -L < "$T/out")
	if [ "$rc" = 0 ] && [ "$w" -le "$2" ]; then ok "$1: within $2 columns"; else
		not_ok "$1: within $2 columns" "exit $rc, widest line $w" "$(head -c 300 "$T/err")"; fi
}

# whole NAME: every word of the last stdout (but its header line) is a word
# of the same listing unwrapped ($T/wide), a header naming a text under its
# row ("acknowledged:"), or a header cut with a dot ("sess."): none was cut
# in two.
whole() {
	tail -n +2 "$T/out" | tr -s ' ' '\n' | sort -u > "$T/words"
	{ tr -s ' ' '\n' < "$T/wide"; head -1 "$T/wide" | tr -s ' ' '\n' | sed 's/$/:/'; } |
		sort -u > "$T/wide-words"
	cut=$(comm -23 "$T/words" "$T/wide-words" | awk -v wide="$T/wide-words" '
		BEGIN { while ((getline w < wide) > 0) words[w] = 1 }
		{ stem = $0; sub(/\.$/, "", stem); ok = 0
		  if (stem != $0) for (w in words) if (index(w, stem) == 1) ok = 1
		  if (!ok) print }' | head -5)
	if [ -z "$cut" ]; then ok "$1: every word whole"; else
		not_ok "$1: every word whole" "not in the unwrapped table: $cut"; fi
}

# The goldens.
for w in 80 120; do
	COLUMNS=$w al flags K-4617 --format table
	golden "table-flags-$w.txt"
	fits "flags K-4617 at $w" "$w"
	COLUMNS=$w al caseload --format table
	golden "table-caseload-$w.txt"
	fits "caseload at $w" "$w"
done

# Every listing, at widths from narrow to wide: within the width, words
# whole (from 80 columns on, where no column but text has to wrap).
listing() { # NAME ARGS...: checks the listing ARGS at several widths
	name=$1
	shift
	COLUMNS=1000 al "$@" --format table
	cp "$T/out" "$T/wide"
	for w in 40 60 80 100 120 160; do
		COLUMNS=$w al "$@" --format table
		fits "$name at $w" "$w"
		[ "$w" -ge 80 ] && whole "$name at $w"
	done
}
listing "flags" flags
listing "flags --all" flags --all
listing "caseload" caseload
listing "supervisor's caseload" --user sup_moreau caseload
listing "board" --user sup_moreau board
listing "board --summary" --user sup_moreau board --summary
listing "client list" client list
listing "session list" session list K-4617
listing "user list" user list
listing "dimension list" dimension list
listing "config list" config list
listing "audit" audit

# CSV and JSON are never wrapped, whatever the width.
COLUMNS=40 al --user sup_moreau caseload --format csv
check_file "caseload CSV at 40 columns: the demo's golden" "$GOLDEN/demo-caseload.csv"
COLUMNS=40 al --user sup_moreau caseload
check_file "piped without --format: CSV, unwrapped" "$GOLDEN/demo-caseload.csv"
COLUMNS=40 al flags --all --format csv
check_file "flags CSV at 40 columns: the demo's golden" "$GOLDEN/demo-flags.csv"
COLUMNS=1000 al flags K-4617 --format json
cp "$T/out" "$T/json-wide"
COLUMNS=40 al flags K-4617 --format json
check_file "JSON: the same at any width" "$T/json-wide"

# --format table into a pipe: $COLUMNS, else 80 (also when $COLUMNS is not
# a width); never narrower than 40.
al caseload --format table
cp "$T/out" "$T/plain"
COLUMNS=80 al caseload --format table
check_file "no \$COLUMNS: 80" "$T/plain"
for bad in "" 0 -5 abc 80x; do
	COLUMNS=$bad al caseload --format table
	check_file "COLUMNS='$bad': 80" "$T/plain"
done
COLUMNS=10 al caseload --format table
cp "$T/out" "$T/narrow"
COLUMNS=40 al caseload --format table
check_file "COLUMNS=10 is taken as 40" "$T/narrow"
fits "caseload at COLUMNS=10" 40

# On a terminal the terminal's width wins over $COLUMNS (and a listing
# without --format is a table).
if command -v script > /dev/null && command -v stty > /dev/null; then
	COLUMNS=100 al caseload --format table
	tr -d '\r' < "$T/out" > "$T/want"
	COLUMNS=60 script -qec "stty cols 100 rows 30; '$A' caseload" /dev/null > "$T/tty" 2>&1
	tr -d '\r' < "$T/tty" > "$T/out"
	rc=0
	check_file "on a terminal of 100 columns: its width, not \$COLUMNS" "$T/want"
fi
