#!/bin/sh
# Runs every test (unit, CLI, TUI) and ends with "N passed, N failed".
# Each test program speaks TAP: a line "ok ..." or "not ok ..." per check.
# Usage: tests/run.sh [--unit] [PATTERN]   (--unit: the unit tests alone;
# PATTERN: only test files whose name contains it)
set -u
cd "$(dirname "$0")/.."
export ALLIANCE="${ALLIANCE:-$PWD/build/san/alliance}"
export ALLIANCE_PLAIN="$PWD/alliance"
export SHARED="${SHARED:-$PWD/../shared}"
export VECTORS="${VECTORS:-$PWD/tests/vectors}"
export CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=99"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=98"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
unset ALLIANCE_DB NO_COLOR
unit_only=""
if [ "${1:-}" = --unit ]; then
	unit_only=1
	shift
fi
pattern="${1:-}"
log=build/test.log
: > "$log"
passed=0 failed=0

run_one() { # NAME CMD...
	name=$1; shift
	out=$("$@" 2>&1)
	rc=$?
	printf '%s\n' "$out" >> "$log"
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1 # a crash or a failed setup counts as a failure
		printf 'not ok - %s exited %s\n' "$name" "$rc" >> "$log"
	fi
	passed=$((passed + p)); failed=$((failed + f))
	if [ "$f" != 0 ]; then
		printf '%s\n' "$out" | grep -A3 '^not ok ' | sed "s|^|  $name: |"
		[ "$rc" != 0 ] && printf '%s\n' "$out" | tail -5 | sed "s|^|  $name: |"
	fi
	printf '%-34s %3s passed, %s failed\n' "$name" "$p" "$f"
}

for t in build/san/tests/test_*; do
	[ -x "$t" ] || continue
	case "$t" in *"$pattern"*) ;; *) continue;; esac
	run_one "unit/${t##*/}" "$t"
done
for t in tests/cli/*.sh tests/tui/*.sh; do
	[ -f "$t" ] && [ -z "$unit_only" ] || continue
	case "$t" in */lib.sh) continue;; *"$pattern"*) ;; *) continue;; esac
	run_one "${t#tests/}" sh "$t"
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
