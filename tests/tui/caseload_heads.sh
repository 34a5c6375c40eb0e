#!/bin/sh
# The caseload names the dimensions in full when there is room (the code
# column takes only what is left), and its help names the database's other
# users, which make demo printed before the screen covered it.
. "$(dirname "$0")/lib.sh"

al demo
check "demo" 0
tui_start
tui_wait "Caseload of alice"
tui_resize 120 30
tui_wait "Collaboration Empathy  Status"
sed -n 2p "$T/screen" | sed 's/ *$//' > "$T/heads"
printf '%s\n' " Code                Sess  Last       Trust Collaboration Empathy  Status     Trust         Collaboration Empathy" > "$T/want"
same_file "120 columns: every dimension named in full, over values and trends" "$T/want" "$T/heads"
tui_resize 100 30
tui_wait "Trus Coll Empa"
sed -n 2p "$T/screen" | sed 's/ *$//' > "$T/heads"
printf '%s\n' " Code         Sess  Last       Trus Coll Empa  Status     Trust         Collaboration Empathy" > "$T/want"
same_file "100 columns: in full over the trends first" "$T/want" "$T/heads"
check_no_grep "nothing cut with an ellipsis" '…' "$T/heads"
tui_resize 80 24
tui_keys '?'
tui_wait "Help: Caseload"
check_screen "80x24: the help is longer than the screen and says so" "↓ more: j or PgDn scrolls"
check_grep "the status line names the help's own keys" "^ j/k scroll  Esc close *$" "$T/screen"
check_no_grep "and not the caseload's, which do not work here" " n new | q quit " "$T/screen"
tui_keys PgDn
check_screen_gone "PgDn: the help's last page, nothing more below" "↓ more"
check_grep "the last page ends the keys" "^  \^Z  +suspend to the shell" "$T/screen"
check_screen "80x24: the help names the other users and how to open their views" \
	"sup_moreau (supervisor). alliance --user NAME opens their views."
check_grep "with the clinicians" "Other users of this database: dr_lindqvist, dr_okafor \(clinicians\);" "$T/screen"
check_no_grep "but not the user who is looking" "Other users.*alice" "$T/screen"
tui_keys k
check_screen "k scrolls back up a row" "↓ more: j or PgDn scrolls"
tui_keys g
check_screen "g: the top again" "previous client"
tui_keys Escape
check_screen "Esc closes the help" "Caseload of alice"
tui_stop

# A database of one user: no such line.
rm -f "$DB" "$DB-wal" "$DB-shm"
al init
tui_start
tui_wait "Caseload of alice"
tui_keys '?'
tui_wait "Help: Caseload"
check_no_grep "alone in the database: no other users named" "Other users" "$T/screen"
tui_stop
