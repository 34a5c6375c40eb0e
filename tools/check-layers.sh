#!/bin/sh
# Keeps the layers one-way: main -> cli | ui -> db -> core.
set -u
fail=0
bad() { echo "check-layers: $1"; fail=1; }
for f in $(grep -l 'sqlite3\.h' src/*.c src/*/*.c src/*/*/*.c include/alliance/*.h 2>/dev/null); do
	case "$f" in src/db/*) ;; *) bad "$f includes sqlite3.h (only src/db/ may)";; esac
done
for f in src/core/*.c; do
	grep -Hn '#include' "$f" | grep -v -E '#include <(assert|ctype|errno|float|inttypes|limits|math|stdarg|stdbool|stddef|stdint|stdio|stdlib|string|wchar|wctype)\.h>|#include "alliance/' \
		| sed 's/^/check-layers: not libc: /' | grep . && fail=1
	grep -Hn -E '\b(fopen|printf|fprintf|puts|fwrite|fread|open|read|write|time|getenv|malloc_stats)\s*\(' "$f" \
		| grep -v -E 'snprintf|vsnprintf' | sed 's/^/check-layers: I\/O in core: /' | grep . && fail=1
done
for f in src/core/*.c src/db/*.c; do
	grep -Hn -E '#include "alliance/(ui|cli)' "$f" | sed 's/^/check-layers: upward include: /' | grep . && fail=1
	grep -Hn -E '#include <n?curses' "$f" | sed 's/^/check-layers: curses below ui: /' | grep . && fail=1
done
for f in src/core/*.c; do
	grep -Hn -E '#include "alliance/db' "$f" | sed 's/^/check-layers: core uses db: /' | grep . && fail=1
done
grep -Hn -E '#include "alliance/ui' src/cli/*.c 2>/dev/null | sed 's/^/check-layers: cli uses ui: /' | grep . && fail=1
grep -Hn -E '#include "alliance/cli' src/ui/*.c src/ui/*/*.c 2>/dev/null | sed 's/^/check-layers: ui uses cli: /' | grep . && fail=1
[ $fail = 0 ] && echo "check-layers: ok"
exit $fail
