#!/bin/sh
# CSV stays exact: a context that a spreadsheet would take for a formula
# (= + - @) is exported as it is and imports back byte for byte; with
# --excel-safe such cells get a leading apostrophe, for people who open
# the CSV in a spreadsheet. --help and the man page say so.
. "$(dirname "$0")/../lib.sh"
HEADER="client,clinician,date,session,rater,dimension,value,rupture,context"
HEADER2="$HEADER,attendance,tension,talked,misunderstood" # export: format 2

setup init
setup client add K-1
setup session add K-1 --date 2024-01-01 --trust 9 --context "=HYPERLINK(\"http://x\",\"y\")"
setup session add K-1 --date 2024-01-08 --trust 8 --context "+1 week off"
setup session add K-1 --date 2024-01-15 --trust 7 --context "-fell ill"
setup session add K-1 --date 2024-01-22 --trust 6 --context "@home, moved"
setup session add K-1 --date 2024-01-29 --trust 5 --context "plain = text"

al export
cp "$T/out" "$T/exact.csv"
check "the plain export keeps every cell exactly" 0 "$HEADER2
K-1,alice,2024-01-01,1,client,trust,9.0,,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",attended,,,
K-1,alice,2024-01-08,2,client,trust,8.0,,+1 week off,attended,,,
K-1,alice,2024-01-15,3,client,trust,7.0,,-fell ill,attended,,,
K-1,alice,2024-01-22,4,client,trust,6.0,,\"@home, moved\",attended,,,
K-1,alice,2024-01-29,5,client,trust,5.0,,plain = text,attended,,,"
al --db "$T/copy.db" import "$T/exact.csv"
al --db "$T/copy.db" export
check_file "and round-trips byte for byte" "$T/exact.csv"

al export --excel-safe
check "--excel-safe: a leading apostrophe on formula-like cells only" 0 "$HEADER2
K-1,alice,2024-01-01,1,client,trust,9.0,,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",attended,,,
K-1,alice,2024-01-08,2,client,trust,8.0,,'+1 week off,attended,,,
K-1,alice,2024-01-15,3,client,trust,7.0,,'-fell ill,attended,,,
K-1,alice,2024-01-22,4,client,trust,6.0,,\"'@home, moved\",attended,,,
K-1,alice,2024-01-29,5,client,trust,5.0,,plain = text,attended,,,"
al export --excel-safe --anonymize --output "$T/anon.csv"
check "with --anonymize and --output too" 0 ""
check_no_grep "an anonymized context is the word event" "'" "$T/anon.csv"
al export --excel-safe --format json
check_err "--excel-safe is for CSV" 1 "alliance: export: --excel-safe is for CSV, not JSON"
al export --help
check_grep "export --help names --excel-safe" "\[--excel-safe\]" "$T/out"
check_grep "the man page explains it" "excel.{1,2}safe" doc/alliance.1
check_grep "the man page warns of formula injection" "formula" doc/alliance.1
