#!/bin/sh
# A session not attended shows on the client's chart as a gap with its own
# mark (SPEC §5), readable without colour at 80x24, in UTF-8 and ASCII.
. "$(dirname "$0")/lib.sh"

course K-1 9 9 9
al session add K-1 --date 2024-05-04 --attendance no-show
al session add K-1 --date 2024-05-05 --trust 9 --collaboration 9 --empathy 9

tui_start NO_COLOR=1
tui_resize 80 24
tui_wait "Caseload of alice"
tui_keys Enter
tui_wait "Session 5 of 5"
check_screen "the legend names the mark" "○ not attended"
check_grep "the mark stands alone on the flag row" '^ +○ *$' "$T/screen"
tui_stop

tui_start -- --ascii
tui_resize 80 24
tui_wait "Caseload of alice"
tui_keys Enter
tui_wait "Session 5 of 5"
check_screen "ASCII: the mark is o" "o not attended"
# The mark's column is session 4's, and its strips are a gap there (no bar,
# only the cutoff line).
mark=$(grep -n -E '^ +o *$' "$T/screen" | head -1)
row=${mark%%:*}
col=$(printf '%s\n' "${mark#*:}" | awk '{ print index($0, "o") }')
nums=$(grep -E '^ +1 +2 +3 +4 +5 *$' "$T/screen")
four=$(printf '%s\n' "$nums" | awk '{ print index($0, "4") }')
[ -n "$row" ] && [ "$col" = "$four" ] && ok "the mark stands over session 4" ||
	not_ok "the mark stands over session 4" "mark at $col, session 4 at $four" "$(cat "$T/screen")"
sed -n "$((row + 1)),$((row + 6))p" "$T/screen" | cut -c"$col" | tr -d ' \n' > "$T/under"
grep -q -v -E '[^_-]' "$T/under" || [ ! -s "$T/under" ] && ok "a gap under the mark (no bar)" ||
	not_ok "a gap under the mark (no bar)" "$(cat "$T/under")" "$(cat "$T/screen")"
sed -n "$((row + 1)),$((row + 6))p" "$T/screen" | cut -c"$((col - 6))" | tr -d ' \n' > "$T/under3"
grep -q '[#*=+]' "$T/under3" && ok "...while session 3 has its bars (the test can fail)" ||
	not_ok "session 3 has bars" "$(cat "$T/under3")"
tui_stop
