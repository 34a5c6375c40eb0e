# Shared helpers for the shell tests: run the binary, compare, speak TAP.
# Source it: . "$(dirname "$0")/../lib.sh"
set -u
A="${ALLIANCE:-$PWD/build/san/alliance}"
SHARED="${SHARED:-$PWD/../shared}"
# The shared detection vectors, copied into the tree (tests/vectors.sh
# compares the copy with ../shared when it is there).
VECTORS="${VECTORS:-$PWD/tests/vectors}"
T=$(mktemp -d "${TMPDIR:-/tmp}/alliance-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
DB="$T/a.db"
export ALLIANCE_DB="$DB" LOGNAME=alice USER=alice
unset XDG_DATA_HOME COLUMNS # tables are 80 wide unless a test says otherwise
n=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }

# run CMD...: runs it, keeping stdout in $T/out, stderr in $T/err, status in $rc.
run() {
	"$@" > "$T/out" 2> "$T/err"
	rc=$?
}
# al ARGS...: runs alliance with ARGS.
al() { run "$A" "$@"; }

# check NAME RC [STDOUT]: the last run exited RC (and printed exactly STDOUT).
check() {
	name=$1 want_rc=$2
	if [ "$rc" != "$want_rc" ]; then
		not_ok "$name" "exit $rc, wanted $want_rc" "stderr: $(head -c 400 "$T/err")"
		return
	fi
	if [ $# -ge 3 ]; then
		if [ -n "$3" ]; then printf '%s\n' "$3"; fi > "$T/want"
		if ! cmp -s "$T/want" "$T/out"; then
			not_ok "$name" "stdout differs:" "$(diff "$T/want" "$T/out" | head -20)"
			return
		fi
	fi
	ok "$name"
}
# check_err NAME RC MESSAGE: exit RC, stdout empty, stderr exactly one line MESSAGE.
check_err() {
	name=$1 want_rc=$2 want=$3
	got=$(cat "$T/err")
	lines=$(wc -l < "$T/err")
	if [ "$rc" != "$want_rc" ] || [ "$got" != "$want" ] || [ "$lines" != 1 ] || [ -s "$T/out" ]; then
		not_ok "$name" "exit $rc (wanted $want_rc)" "stderr: $got" "wanted: $want" "stdout: $(head -c 200 "$T/out")"
	else
		ok "$name"
	fi
}
# check_file NAME FILE: the last stdout equals FILE byte for byte. With
# GOLDEN_UPDATE=1 a different FILE is rewritten instead (review the diff).
check_file() {
	if [ "$rc" = 0 ] && [ "${GOLDEN_UPDATE:-}" = 1 ] && ! cmp -s "$2" "$T/out"; then
		cp "$T/out" "$2"
		echo "# rewrote $2"
	fi
	if [ "$rc" = 0 ] && cmp -s "$2" "$T/out"; then ok "$1"; else
		not_ok "$1" "exit $rc" "$(diff "$2" "$T/out" | head -20)" "$(head -c 300 "$T/err")"; fi
}
# check_grep NAME PATTERN FILE: FILE contains PATTERN (grep -E).
check_grep() {
	if grep -q -E -- "$2" "$3"; then ok "$1"; else not_ok "$1" "no /$2/ in $3:" "$(head -c 400 "$3")"; fi
}
check_no_grep() {
	if grep -q -E -- "$2" "$3"; then not_ok "$1" "found /$2/ in $3"; else ok "$1"; fi
}
# same_file NAME A B
same_file() {
	if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1" "$(diff "$2" "$3" | head -20)"; fi
}
# setup ARGS...: runs alliance with ARGS for a fixture; a failure is reported.
setup() {
	run "$A" "$@"
	[ "$rc" = 0 ] || not_ok "setup: $*" "exit $rc: $(cat "$T/err")"
}
