#!/bin/sh
# The caseload and the board read their rows a page at a time as they come
# into sight (db_risk.h): scrolling past the rows read first shows the
# later clients in the order the caseload and board commands print, and
# the / filter runs in the database, the selection kept when it is cleared.
. "$(dirname "$0")/lib.sh"

al demo --clients 200
check "demo: 200 clients, 67 of them alice's" 0
# A day on which no demo client is in the gap state (last attended more
# than gap_days ago): the paged order does not merge gap clients in yet,
# while the commands do (SPEC §4b).
export ALLIANCE_TODAY=2026-10-20
al caseload --format csv
tail -n +2 "$T/out" | cut -d, -f1 > "$T/order"
total=$(wc -l < "$T/order")
check "alice's caseload, as the command prints it: $total clients" 0

# The codes of the list rows on the screen, top to bottom (not the why
# panel's "K-1234 · ok").
listed() {
	tui_screen && grep -o -E '^.[A-Z]-[0-9]{4} +[0-9a-z]' "$T/screen" | cut -c2-7 > "$T/listed"
}
# in_order NAME FROM: the rows listed are the command's from line FROM on.
in_order() {
	listed
	k=$(wc -l < "$T/listed")
	sed -n "$2,$(($2 + k - 1))p" "$T/order" > "$T/want"
	if [ "$k" -gt 5 ] && cmp -s "$T/want" "$T/listed"; then ok "$1"; else
		not_ok "$1" "$(diff "$T/want" "$T/listed" | head -10)" "$(cat "$T/screen")"; fi
}
line_of() { grep -n -x -F -- "$1" "$T/order" | cut -d: -f1; }

tui_start
tui_resize 80 24
check_screen "the first frame counts every client" "Caseload of alice  $total clients"
in_order "the first page: the most urgent first, as the command orders them" 1
tui_keys G
last=$(sed -n "${total}p" "$T/order")
check_screen "End: the last client comes into sight" "$last "
listed
in_order "End: the last page, as the command orders it" "$(line_of "$(head -1 "$T/listed")")"
tui_keys g
check_screen "Home: the first client again" "$(head -1 "$T/order") "
tui_keys NPage NPage NPage
mid=$(sed -n 40p "$T/order")
check_screen "three pages down, past the rows read first: client 40 is in sight" "$mid "
listed
from=$(line_of "$(head -1 "$T/listed")")
in_order "three pages down: the rows there, in the command's order" "$from"
[ "$from" -gt 20 ] && ok "...past the first page (from client $from)" ||
	not_ok "...past the first page" "from client $from"

# The / filter: a client deep in the order found by its code, kept
# selected (and in sight, with its neighbours) when the filter is cleared.
deep=$(sed -n 60p "$T/order")
tui_keys /
tui_type "$(echo "$deep" | tr 'K' 'k')"
check_screen "/ in any case: the client deep in the order alone" "1 of $total clients"
tui_keys Enter Escape
tui_keys /
tui_keys Escape
check_screen "the filter cleared: every client again" "Caseload of alice  $total clients"
check_screen "...the client found still in sight" "$deep "
listed
in_order "...among its neighbours in the command's order" "$(line_of "$(head -1 "$T/listed")")"
tui_stop

# The board: every supervisee's client, in the board command's order.
al --user sup_moreau board --format csv
tail -n +2 "$T/out" | cut -d, -f1 > "$T/order"
total=$(wc -l < "$T/order")
check "the board, as the command prints it: $total clients" 0
tui_start -- --user sup_moreau
tui_resize 80 24
check_screen "the board's first frame counts every client" "$total of $total clients"
in_order "the board's first page, in the command's order" 1
tui_keys G
check_screen "End: the board's last client" "$(sed -n "${total}p" "$T/order") "
listed
in_order "End: the board's last page, in the command's order" "$(line_of "$(head -1 "$T/listed")")"
tui_keys f
check_screen "f: one status, counted in the database" "$(grep -c RUPTURE "$T/out") of $total clients"
tui_stop
