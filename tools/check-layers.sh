#!/bin/sh
# Keeps the layers one-way: main -> cli | ui -> db -> core, and inside the
# UI app -> screens -> widgets -> ui core. Each layer's headers are in
# include/alliance/LAYER/.
set -u
fail=0
bad() { echo "check-layers: $1"; fail=1; }
for f in $(grep -l 'sqlite3\.h' src/*.c src/*/*.c src/*/*/*.c include/alliance/*/*.h 2>/dev/null); do
	case "$f" in src/db/*) ;; *) bad "$f includes sqlite3.h (only src/db/ may)";; esac
done
# Each rule is one grep over all the files it covers (a process per file
# made this script take half a minute).
grep -Hn '#include' src/core/*.c | grep -v -E '#include <(assert|ctype|errno|float|inttypes|limits|math|stdarg|stdbool|stddef|stdint|stdio|stdlib|string|wchar|wctype)\.h>|#include "alliance/core/|#include "[a-z_]+_internal\.h"' \
	| sed 's/^/check-layers: not libc: /' | grep . && fail=1
grep -Hn -E '\b(fopen|printf|fprintf|puts|fwrite|fread|open|read|write|time|getenv|malloc_stats)\s*\(' src/core/*.c \
	| grep -v -E 'snprintf|vsnprintf' | sed 's/^/check-layers: I\/O in core: /' | grep . && fail=1
grep -Hn -E '#include "alliance/(ui|cli)' src/core/*.c src/db/*.c | sed 's/^/check-layers: upward include: /' | grep . && fail=1
grep -Hn -E '#include <n?curses' src/core/*.c src/db/*.c | sed 's/^/check-layers: curses below ui: /' | grep . && fail=1
grep -Hn -E '#include "alliance/db' src/core/*.c | sed 's/^/check-layers: core uses db: /' | grep . && fail=1
grep -Hn -E '#include "alliance/(db|cli|ui)/' include/alliance/core/*.h |
	sed 's/^/check-layers: core header reaches up: /' | grep . && fail=1
grep -Hn -E '#include "alliance/(cli|ui)/' include/alliance/db/*.h |
	sed 's/^/check-layers: db header reaches up: /' | grep . && fail=1
grep -Hn -E '#include "alliance/ui' src/cli/*.c 2>/dev/null | sed 's/^/check-layers: cli uses ui: /' | grep . && fail=1
grep -Hn -E '#include "alliance/cli' src/ui/*.c src/ui/*/*.c 2>/dev/null | sed 's/^/check-layers: ui uses cli: /' | grep . && fail=1

# The UI reads app.c -> screen/ -> widget/ -> core/: each includes only
# what is below it, and screens name each other by id, never by function.
for f in src/ui/core/*.c src/ui/core/*.h; do
	grep -Hn -E '#include "\.\./' "$f" | sed 's/^/check-layers: ui core reaches up: /' | grep . && fail=1
done
for f in src/ui/widget/*.c src/ui/widget/*.h; do
	grep -Hn -E '#include "\.\./(screen/|screens\.h)' "$f" | sed 's/^/check-layers: widget uses a screen: /' | grep . && fail=1
done
grep -Hn -E '#include "(\.\./)?(screen|widget)/' src/ui/core/*.[ch] 2>/dev/null |
	sed 's/^/check-layers: ui core uses a widget or screen: /' | grep . && fail=1
# The screens (screens.h): which files make each one.
screens=$(sed -n 's/^[[:space:]]*X(\([A-Z_]*\), *\([a-z_]*\)).*/\2/p' src/ui/screens.h)
screen_of() { # FILE: the screen a file of src/ui/screen/ belongs to
	b=$(basename "$1"); b=${b%.[ch]} best=
	for s in $screens; do
		case "$b" in "$s"|"$s"_*) [ ${#s} -gt ${#best} ] && best=$s;; esac
	done
	echo "${best:-$b}"
}
# A screen's own header (entry_state.h) is for its files alone (entry*.c).
for f in src/ui/screen/*.c; do
	for h in $(sed -n 's/^#include "\([a-z_]*\.h\)".*/\1/p' "$f"); do
		[ "$(screen_of "$h")" = "$(screen_of "$f")" ] || bad "$f includes another screen's $h"
	done
	grep -Hn -E '#include "\.\./screen/' "$f" | sed 's/^/check-layers: screen includes a screen: /' | grep . && fail=1
done
# Functions and objects a screen file gives out (not static)...
exported() {
	grep -E '^[a-z][a-z_ ]*[ *]+[a-z_][a-z0-9_]*(\(| =)' "$1" | grep -v -E '^(static|extern) ' |
		sed -E 's/^[^(=]*[ *]([a-z_][a-z0-9_]*) *(\(| =).*/\1/'
}
# ...are named by no other screen's file (app.c alone names *_screen).
# One grep per file over the others (not one per symbol and file, which
# took half a minute): the files that may name f's symbols are its own
# screen's, so they are left out of the list.
owners=$(for g in src/ui/screen/*.c; do echo "$g $(screen_of "$g")"; done)
for f in src/ui/screen/*.c; do
	mine=$(screen_of "$f")
	syms=$(exported "$f")
	[ -n "$syms" ] || continue
	others="$(echo "$owners" | awk -v s="$mine" '$2 != s { print $1 }') $(echo src/ui/widget/*.c src/ui/core/*.c)"
	pats=$(printf '%s\n' $syms | sed 's/^/-e /')
	# shellcheck disable=SC2086
	grep -Hn -w $pats $others | sed "s#^#check-layers: names a function of $f: #" | grep . && fail=1
done
[ $fail = 0 ] && echo "check-layers: ok"
exit $fail
