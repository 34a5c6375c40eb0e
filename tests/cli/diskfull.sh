#!/bin/sh
# A full disk: with a file size limit (ulimit -f; the program ignores
# SIGXFSZ) or a device that is always full, writes fail with exit 4 and one
# clear line, nothing partial is committed and no partial file is left.
. "$(dirname "$0")/../lib.sh"

setup() { # runs a command that must work
	run "$A" "$@"
	[ "$rc" = 0 ] || not_ok "setup: $*" "exit $rc: $(cat "$T/err")"
}
# limited KB CMD...: runs CMD with files limited to KB kilobytes.
limited() {
	kb=$1
	shift
	(ulimit -f $((kb * 2)) && "$@") > "$T/out" 2> "$T/err"
	rc=$?
}
# check_full NAME MESSAGE-PATTERN: exit 4, nothing on stdout, one line on
# stderr matching the pattern.
check_full() {
	if [ "$rc" = 4 ] && [ ! -s "$T/out" ] && [ "$(wc -l < "$T/err")" = 1 ] &&
		grep -q -E -- "$2" "$T/err"; then ok "$1"
	else not_ok "$1" "exit $rc" "stderr: $(head -c 300 "$T/err")" "stdout: $(head -c 100 "$T/out")"; fi
}
# unchanged NAME: the data and the audit trail are as they were.
unchanged() {
	"$A" export > "$T/now.csv" 2>&1
	"$A" audit --format csv | cut -d, -f2- > "$T/now.audit"
	if cmp -s "$T/data.csv" "$T/now.csv" && cmp -s "$T/data.audit" "$T/now.audit"; then ok "$1"
	else not_ok "$1" "$(diff "$T/data.csv" "$T/now.csv" | head -5)" \
		"$(diff "$T/data.audit" "$T/now.audit" | head -5)"; fi
}
snapshot() {
	"$A" export > "$T/data.csv"
	"$A" audit --format csv | cut -d, -f2- > "$T/data.audit"
}
awk 'BEGIN { print "client,clinician,date,session,rater,dimension,value,rupture,context"
	split("trust collaboration empathy", dim, " ")
	for (c = 1; c <= 60; c++) for (s = 1; s <= 12; s++) for (d = 1; d <= 3; d++)
		printf "I-%d,alice,2023-%02d-1%d,%d,client,%s,%d.%d,,\n", c, s, c % 10, s, dim[d],
			5 + (c + s) % 5, d
	for (s = 1; s <= 150; s++) for (d = 1; d <= 3; d++) # a long course: a long report
		printf "L-1,alice,2022-%02d-%02d,%d,client,%s,%d.%d,,\n", 1 + int((s - 1) / 28),
			1 + (s - 1) % 28, s, dim[d], 5 + s % 5, d
}' > "$T/import.csv"
sed 's/^I-/J-/; s/^L-/M-/' "$T/import.csv" > "$T/import2.csv"

setup init
setup client add K-1
setup import "$T/import.csv"
snapshot
[ "$(wc -l < "$T/data.csv")" = 2611 ] && ok "2610 ratings to start with" || not_ok "2610 ratings"

# No room at all: not even the -shm file can be made.
limited 1 "$A" session add K-1 --date 2024-01-01 --trust 9 --note "n"
check_full "session add with no room: exit 4" "^alliance: .+: disk full \(File too large\)$"
unchanged "session add with no room changed nothing"

# Room for a session but not for an import: the import is rolled back whole.
# (Under 32 KB not even the -shm file fits; a session's -wal needs ~30 KB,
# more with the summary's indexes of schema 7.)
limit=80
limited $limit "$A" session add K-1 --date 2024-01-01 --trust 9 --note "n"
check "session add within the limit works" 0 "K-1: session 1 on 2024-01-01 recorded (trust 9.0; note)"
snapshot
limited $limit "$A" import "$T/import2.csv"
check_full "import past the limit: exit 4" "^alliance: database: disk full \(File too large\)$"
unchanged "the failed import committed nothing"
limited $limit "$A" import "$T/import2.csv" --dry-run
[ "$rc" = 0 ] || [ "$rc" = 4 ] && ok "import --dry-run near the limit: ok or exit 4 ($rc)" ||
	not_ok "import --dry-run near the limit" "exit $rc: $(cat "$T/err")"
unchanged "a dry run commits nothing"
limited 1 "$A" client add K-2
check_full "client add with no room: exit 4" "disk full \(File too large\)$"
limited 1 "$A" config set cutoff 7
check_full "config set with no room: exit 4" "disk full \(File too large\)$"
unchanged "neither the client nor the setting is there"
al check
check "check after the failed writes" 0 "ok"

# Files written by export, report and backup: exit 4, no partial file left.
limited 48 "$A" export --output "$T/x.csv"
check_full "export --output past the limit: exit 4" "^alliance: $T/x.csv: File too large$"
[ ! -e "$T/x.csv" ] && ok "no partial export file left" || not_ok "no partial export file left"
limited 48 "$A" export --format json --output "$T/x.json"
check_full "export --format json past the limit: exit 4" "File too large$"
limited 48 "$A" export
[ "$rc" = 4 ] && [ "$(cat "$T/err")" = "alliance: output: File too large" ] &&
	ok "export to a standard output file past the limit: exit 4" ||
	not_ok "export to a standard output file past the limit" "exit $rc: $(cat "$T/err")"
limited 48 "$A" backup "$T/b.db"
check_full "backup past the limit: exit 4" "^alliance: $T/b.db: disk full$"
[ ! -e "$T/b.db" ] && ok "no partial backup left" || not_ok "no partial backup left" "$(ls -l "$T"/b.db*)"
al report I-1 --with-notes --output "$T/r.txt"
check "report --output within the limit" 0 ""
limited 48 "$A" report L-1 --format html --output "$T/r.html"
check_full "report --output past the limit: exit 4" "^alliance: $T/r.html: File too large$"
[ ! -e "$T/r.html" ] && ok "no partial report left" || not_ok "no partial report left"
unchanged "nothing changed in the database (backups add no audit row when they fail)"

# A device that is always full (a private /dev/full): the device stays.
mknod "$T/full" c 1 7
al export --output "$T/full"
check_err "export --output to a full device" 4 "alliance: $T/full: No space left on device"
[ -c "$T/full" ] && ok "the device is not removed after the failure" ||
	not_ok "the device is not removed after the failure" "$(ls -l "$T/full")"
al report I-1 --output "$T/full"
check_err "report --output to a full device" 4 "alliance: $T/full: No space left on device"
[ -c "$T/full" ] && ok "the device is still there" || not_ok "the device is still there"
for cmd in "export" "export --format json" "session list I-1" "client list" "audit" "flags --all" \
	"caseload" "chart I-1" "report I-1" "user list" "config list"; do
	"$A" $cmd > "$T/full" 2> "$T/err"
	rc=$?
	: > "$T/out"
	check_full "$cmd > a full device: exit 4" "^alliance: output: No space left on device$"
done
