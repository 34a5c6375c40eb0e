#!/bin/sh
# Mutated CSV files through `alliance import` (ASan+UBSan build): no crash
# (exit 0 or 1 only), no partial import (after a rejected file the data and
# the audit trail are as before), every rejection a `FILE:LINE: WHY` line
# with no control byte in it.
# MUTATIONS (default 1000) and MUTATION_SEED (default 1) vary it; make
# check-long runs 10000. A failing file is kept as build/fuzz-failed/NNNN.csv.
. "$(dirname "$0")/../lib.sh"
P="${ALLIANCE_PLAIN:-$PWD/alliance}"
N="${MUTATIONS:-1000}"
SEED="${MUTATION_SEED:-1}"
JOBS=2

${CC:-cc} -std=c11 -O2 -Wall -Wextra -Werror -o "$T/mutate" tests/fuzz/mutate.c ||
	not_ok "the mutator builds"

# The base database: two clients with sessions; the seed file adds sessions
# to one, and new clients and a new clinician, and imports cleanly.
"$A" init > /dev/null
"$A" client add K-1 > /dev/null
"$A" session add K-1 --date 2023-01-02 --trust 9 --collaboration 8 --empathy 9 > /dev/null
"$A" session add K-1 --date 2023-01-09 --trust 8 --rupture withdrawal > /dev/null
cat > "$T/seed.csv" << 'EOF'
client,clinician,date,session,rater,dimension,value,rupture,context
K-1,alice,2023-01-16,1,client,trust,7.5,,
K-1,alice,2023-01-16,1,client,collaboration,8.0,,
K-1,alice,2023-01-16,1,clinician,empathy,9.0,,
K-1,alice,2023-01-23,2,client,trust,4.0,confrontation,"moved house, ""big"" week"
K-1,alice,2023-01-23,2,client,empathy,6.5,confrontation,"moved house, ""big"" week"
K-1,alice,2023-01-30,3,,,,,
N-7,carol,2023-02-01,1,client,trust,10.0,,
N-7,carol,2023-02-01,1,client,collaboration,0.0,,
N-7,carol,2023-02-01,2,client,empathy,5.5,withdrawal,
N-7,carol,2023-02-08,3,clinician,trust,3.0,,illness
EOF
"$A" backup "$T/base.db" > /dev/null
"$P" --db "$T/base.db" export > "$T/base.export"
base_audit=$(sqlite3 "$T/base.db" 'SELECT count(*) FROM audit')
cp "$T/base.db" "$T/seed.db"
"$A" --db "$T/seed.db" import "$T/seed.csv" > /dev/null 2> "$T/err"
[ $? = 0 ] && ok "the seed file imports cleanly" || not_ok "the seed file imports cleanly" "$(cat "$T/err")"

mkdir "$T/m"
"$T/mutate" "$SEED" "$N" "$T/m" < "$T/seed.csv"
[ "$(ls "$T/m" | wc -l)" = "$N" ] && ok "$N mutated files (seed $SEED)" || not_ok "$N mutated files"

# worker K: imports files K, K+JOBS, ... each into a fresh copy of the base,
# writing one line per file: NNNN STATUS VERDICT.
worker() {
	w="$T/w$1"
	mkdir "$w"
	i=$1
	while [ $i -lt "$N" ]; do
		f="$T/m/$(printf %04d $i).csv"
		cp "$T/base.db" "$w/db"
		"$A" --db "$w/db" import "$f" > "$w/out" 2> "$w/err"
		status=$?
		verdict=ok
		case $status in
		0) verdict=accepted ;;
		1) "$P" --db "$w/db" export > "$w/export" 2>&1
		   cmp -s "$w/export" "$T/base.export" || verdict=partial
		   [ "$(sqlite3 "$w/db" 'SELECT count(*) FROM audit')" = "$base_audit" ] ||
			verdict=audited
		   # every line: FILE:LINE: WHY, or the count of errors past 20
		   grep -a -v -E "^alliance: $f:[0-9]+: .+\$|^alliance: $f: [0-9]+ more errors?\$" \
			"$w/err" > "$w/bad" && verdict=message
		   LC_ALL=C grep -q "$ctl" "$w/err" && verdict=control
		   [ -s "$w/out" ] && verdict=stdout ;;
		*) verdict=crash ;;
		esac
		echo "$(printf %04d $i) $status $verdict"
		if [ $verdict != ok ] && [ $verdict != accepted ]; then
			mkdir -p build/fuzz-failed && cp "$f" build/fuzz-failed/
			head -3 "$w/err" | sed 's/^/#   /'
		fi
		i=$((i + JOBS))
	done > "$T/worker$1.out"
}
ctl=$(printf '[\001-\037\177]') # a control byte in an error line
k=0
while [ $k -lt $JOBS ]; do worker $k & k=$((k + 1)); done
wait
# the glob must not match the file the pipeline writes (it could read itself)
cat "$T"/worker*.out | tr -c "\n -~" "?" > "$T/results"
[ "$(grep -c '^[0-9]' "$T/results")" = "$N" ] && ok "every file was imported" ||
	not_ok "every file was imported" "$(grep -c '^[0-9]' "$T/results") of $N"
for v in crash partial audited message control stdout; do
	if grep -q " $v\$" "$T/results"; then
		not_ok "no file gives '$v'" "$(grep -A3 " $v\$" "$T/results" | head -8)"
	else ok "no file gives '$v'"; fi
done
accepted=$(grep -c ' accepted$' "$T/results")
rejected=$(grep -c ' 1 ok$' "$T/results")
echo "# $rejected rejected with FILE:LINE errors, $accepted accepted"
[ "$rejected" -gt $((N / 2)) ] && [ "$accepted" -gt 0 ] &&
	ok "most mutations are rejected and some still import" ||
	not_ok "most mutations are rejected and some still import" "$rejected rejected, $accepted accepted"
