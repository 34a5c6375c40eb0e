#!/bin/sh
# At a glance: the why panel under the caseload and the board (the selected
# client's status and the story of the episode behind it), and on the
# trend screen the episode behind the status in the list of episodes at
# any session, with the chart taller in a taller terminal.
. "$(dirname "$0")/lib.sh"
# today near the courses of May 2024: no client is "not seen for weeks"
export ALLIANCE_TODAY=2024-05-20

course E-unrep 9 9 9 5 5 5 5
course A-ok 9 9 9 9 9
why='Since 4 May (session 4) trust fell from 9.0 to 5.0. Not back to 9.0 after 3 sessions (now 5.0). Ask what would help them feel safe to be open.'

# panel FIRST LAST: screen rows FIRST..LAST (from 1) as one line, spaces squeezed.
panel() { sed -n "$1,$2p" "$T/screen" | tr -s ' \n' '  ' | sed 's/^ //; s/ $//'; }
check_panel() { # NAME FIRST LAST TEXT
	got=$(panel "$2" "$3")
	[ "$got" = "$4" ] && ok "$1" || not_ok "$1" "got:  $got" "want: $4" "$(cat "$T/screen")"
}

tui_start
tui_resize 80 24
check_screen "the caseload opens at 80x24" "Caseload of alice"
check_screen "the panel names the selected client and its status" "E-unrep ! RUPTURE — Since"
check_panel "under the list a row apart, the stored explanation wrapped" 5 8 \
	"E-unrep ! RUPTURE — $why"
tui_keys j
check_screen "the panel follows the selection" "A-ok · ok — no current flags."
check_panel "the other client's words are gone" 5 8 "A-ok · ok — no current flags."
tui_keys z
check_screen "z lowers the curtain" "alliance — press Enter to return"
check_no_grep "the curtain hides the panel" 'no current flags|Trust was' "$T/screen"
tui_keys Enter
check_screen "Enter brings the panel back" "A-ok · ok — no current flags."

# The trend: the episodes under the session, the one behind RUPTURE
# chosen, its story in full beside its kind, status and sessions, at any
# session.
tui_keys k Enter
check_screen "Enter opens the trend" "E-unrep  ! RUPTURE"
check_screen "the episodes under the session" "Episodes  1 of 1, newest first"
# story: the rows of the first episode from column 19, as one line
story() {
	awk '/^ Episodes /{on=1; next} on && /^ *$/{exit} on' "$T/screen" | cut -c19- |
		tr -s ' \n' '  ' | sed 's/^ //; s/ $//'
}
check_story() { # NAME
	got=$(story)
	[ "$got" = "$why" ] && ok "$1" || not_ok "$1" "got:  $got" "want: $why" "$(cat "$T/screen")"
}
check_story "its story in full"
check_grep "its kind, chosen" '^>! rupture +Since 4 May' "$T/screen"
check_grep "its status under the kind" '^   unrepaired +' "$T/screen"
check_grep "its sessions under the status" '^   sessions 4-7 +' "$T/screen"
tui_keys h h h
check_screen "session 4 selected" "Session 4 of 7"
check_story "the same story at session 4"
tui_keys h h h
check_screen "session 1 selected" "Session 1 of 7"
check_story "and at session 1"

# The chart grows with the terminal: rows of the three strips, each row
# starting with the strip's name or blanks, a tick or none, and the y axis.
plot_rows() { sed -n '/^ trust /,/^ *└/p' "$T/screen" | grep -c -E '^ [a-z]* +[0-9]*[┤│]'; }
check_plot() { # NAME COLS ROWS PLOT_ROWS
	tui_resize "$2" "$3"
	poll plot_is "$4" && ok "$1" || not_ok "$1" "plot rows: $(plot_rows)" "$(cat "$T/screen")"
}
plot_is() { tui_screen && [ "$(plot_rows)" = "$1" ]; }
check_plot "6 strip rows at 80x24" 80 24 6
check_plot "9 strip rows at 100x30" 100 30 9
check_plot "18 strip rows at 120x40" 120 40 18
tui_keys q
tui_resize 80 24

# A long list scrolls above the panel, which keeps the bottom rows.
tui_stop
for i in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do al client add "N-$i"; done
tui_start
tui_resize 80 24
check_screen "a long caseload" "Caseload of alice  22 clients"
check_screen "the panel at the bottom" "E-unrep ! RUPTURE — Since"
n=$(grep -c -E '^ [A-Z]-[A-Za-z0-9-]+ +[0-9]+ ' "$T/screen")
[ "$n" = 16 ] && ok "16 client rows at 80x24" || not_ok "16 client rows at 80x24" "$(cat "$T/screen")"
check_panel "a row apart, then the panel in 3 rows" 19 22 "E-unrep ! RUPTURE — $why"
tui_keys PageDown PageDown
check_screen "PgDn twice selects the last client" "N-20 · ok — no current flags."

# The board (a clinician's own): the same panel for the selected client.
tui_keys s
check_screen "s opens the board" "Board of alice"
check_screen "the board's panel" "E-unrep ! RUPTURE — Since"
panel 19 22 | grep -qF "E-unrep ! RUPTURE — $why" && ok "the board's panel in full" ||
	not_ok "the board's panel in full" "$(cat "$T/screen")"
tui_keys j
check_screen "the board's panel follows the selection" "A-ok · ok — no current flags."
tui_stop
