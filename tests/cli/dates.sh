#!/bin/sh
# One date rule for every way a session is entered: a date more than one
# day after today is refused by session add and by import (FILE:LINE), and
# tomorrow passes both. And an export of a period (--from) imports into an
# empty database, its sessions numbered from 1 there.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-11-27
HEADER="client,clinician,date,session,rater,dimension,value,rupture,context"
HEADER2="$HEADER,attendance,tension,talked,misunderstood" # export: format 2

setup init
setup client add K-1
al session add K-1 --date 2026-11-29 --trust 9
check_err "session add: two days ahead is refused" 1 \
	"alliance: session add: --date: '2026-11-29' is in the future"
al session add K-1 --date 2026-11-28 --trust 9
check "session add: tomorrow passes" 0

printf '%s\n%s\n%s\n' "$HEADER" "N-1,alice,2026-11-20,1,client,trust,8.0,," \
	"N-1,alice,9999-12-31,2,client,trust,8.0,," > "$T/far.csv"
setup --db "$T/n.db" init
al --db "$T/n.db" import "$T/far.csv"
check_err "import: 9999-12-31 is refused, with FILE:LINE" 1 \
	"alliance: $T/far.csv:3: date '9999-12-31': in the future"
printf '%s\n%s\n' "$HEADER" "N-1,alice,2026-11-29,1,client,trust,8.0,," > "$T/ahead.csv"
al --db "$T/n.db" import "$T/ahead.csv" --dry-run
check_err "import: two days ahead is refused as session add refuses it" 1 \
	"alliance: $T/ahead.csv:2: date '2026-11-29': in the future"
printf '%s\n%s\n' "$HEADER" "N-1,alice,2026-11-28,1,client,trust,8.0,," > "$T/tomorrow.csv"
al --db "$T/n.db" import "$T/tomorrow.csv"
check "import: tomorrow passes" 0 \
	"imported 1 row: ratings 1, new sessions 1, new clients 1, new clinicians 0"
ALLIANCE_TODAY=2026-11-20 run "$A" --db "$T/n.db" import "$T/tomorrow.csv" --dry-run
check_err "the rule follows today" 1 "alliance: $T/tomorrow.csv:2: date '2026-11-28': in the future"

# A period's export keeps the course's session numbers (3, 4 ...) and
# imports into an empty database, where the sessions are numbered from 1.
for d in 01 08 15 22; do
	setup session add K-1 --date 2026-10-$d --trust 9 --collaboration 8 --empathy 9
done
setup session add K-1 --date 2026-10-15 --new --trust 6 --context "bereavement, 2nd"
al export --from 2026-10-15
cp "$T/out" "$T/period.csv"
check "export --from keeps the course's numbers" 0 "$HEADER2
K-1,alice,2026-10-15,3,client,trust,9.0,,,attended,,,
K-1,alice,2026-10-15,3,client,collaboration,8.0,,,attended,,,
K-1,alice,2026-10-15,3,client,empathy,9.0,,,attended,,,
K-1,alice,2026-10-15,4,client,trust,6.0,,\"bereavement, 2nd\",attended,,,
K-1,alice,2026-10-22,5,client,trust,9.0,,,attended,,,
K-1,alice,2026-10-22,5,client,collaboration,8.0,,,attended,,,
K-1,alice,2026-10-22,5,client,empathy,9.0,,,attended,,,
K-1,alice,2026-11-28,6,client,trust,9.0,,,attended,,,"
al --db "$T/empty.db" import "$T/period.csv"
check "it imports into an empty database" 0 \
	"imported 8 rows: ratings 8, new sessions 4, new clients 1, new clinicians 0"
al --db "$T/empty.db" export
sed 's/,3,client/,1,client/; s/,4,client/,2,client/; s/,5,client/,3,client/; s/,6,client/,4,client/' \
	"$T/period.csv" > "$T/renumbered.csv"
check_file "there the sessions are numbered from 1, nothing else changed" "$T/renumbered.csv"
al export --from 2026-10-08 --to 2026-10-15 --output "$T/mid.csv"
al --db "$T/mid.db" import "$T/mid.csv"
check "an export --from --to imports too" 0 \
	"imported 7 rows: ratings 7, new sessions 3, new clients 1, new clinicians 0"
printf '%s\n%s\n%s\n' "$HEADER" "G-1,alice,2026-10-01,2,client,trust,8.0,," \
	"G-1,alice,2026-10-08,4,client,trust,8.0,," > "$T/gap.csv"
al import "$T/gap.csv"
check_err "a gap after the first number is still refused" 1 \
	"alliance: $T/gap.csv:3: session 4 after session 2 (session numbers go 1, 2, 3... without gaps)"
