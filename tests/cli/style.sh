#!/bin/sh
# The tree's own rules: the layers point one way (tools/check-layers.sh,
# inside the UI too: app -> screens -> widgets -> ui core, screens never
# calling each other), and the sources are laid out as .clang-format says.
. "$(dirname "$0")/../lib.sh"

run sh tools/check-layers.sh
check "check-layers: no upward include, no screen-to-screen call" 0 "check-layers: ok"
files=$(ls src/*.c src/*/*.[ch] src/*/*/*.[ch] include/alliance/*/*.h tests/unit/*.[ch] 2>/dev/null)
if ! command -v clang-format > /dev/null; then
	not_ok "clang-format is installed (make deps)"
else
	run clang-format --dry-run -Werror $files
	[ "$rc" = 0 ] && ok "clang-format: the sources as .clang-format lays them out" ||
		not_ok "clang-format: the sources as .clang-format lays them out (make format)" \
			"$(grep -m5 'error:' "$T/err")"
fi
