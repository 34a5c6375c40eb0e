#!/bin/sh
# Habits of htop, tig and mutt users, and lists that move alike: Home, End,
# g, G, PgUp and PgDn on every list, / on the board, F10 and Ctrl-C quit,
# Ctrl-Z suspends (the curtain hides the screen after fg), a session's
# flags (f) scroll with "+N more", help wraps at 80 columns, footers name only
# the keys of the user's role, and LANG=C keeps q quit.
. "$(dirname "$0")/lib.sh"

course F-1 9 9 9 9 3 # many flags at the last session: every dimension fell,
# and the clinician saw it otherwise
al session add F-1 --date 2024-05-05 --collaboration 3 --empathy 3 --replace
al session add F-1 --date 2024-05-05 --rater clinician --trust 9 --collaboration 9 --empathy 9
for i in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do al client add "N-$i"; done
al user add sam --role supervisor
al user add bob
sqlite3 "$DB" "UPDATE user SET supervisor_id = (SELECT id FROM user WHERE name = 'sam') WHERE name IN ('alice', 'bob')"
al --user bob client add B-1
al --user bob client add B-2

# why SELECTED: the why panel names the selected client.
why() { tui_wait "$1 · ok — no current flags."; }

tui_start
tui_resize 80 24
tui_wait "Caseload of alice"
tui_keys G
why N-20 && ok "caseload: G selects the last client" || not_ok "caseload: G selects the last client" "$(cat "$T/screen")"
tui_keys g
check_screen "caseload: g selects the first" "F-1 ! RUPTURE — "
tui_keys End
why N-20 && ok "caseload: End selects the last client" || not_ok "caseload: End" "$(cat "$T/screen")"
tui_keys Home
check_screen "caseload: Home selects the first" "F-1 ! RUPTURE — "
tui_keys PageDown
why N-16 && ok "caseload: PgDn moves a page (16 rows)" || not_ok "caseload: PgDn" "$(cat "$T/screen")"
check_grep "the list says how many more are below" '^ N-16 .* \+4 more$' "$T/screen"
tui_keys PageUp
check_screen "caseload: PgUp moves back" "F-1 ! RUPTURE — "
tui_keys G
why N-20
check_no_grep "nothing more below the last" 'more$' "$T/screen"
tui_keys g

# Help wraps at 80 columns: no line is cut.
tui_keys '?'
tui_wait "Help: Caseload"
check_grep "help wraps the s line, whole" 'numbers\)$' "$T/screen"
check_grep "help lists Home and g" 'Home/g +the first client' "$T/screen"
tui_keys Escape

# F10 quits from a list, as in htop.
tui_keys F10
poll tui_exited
check "F10 quits from the caseload" 0

# Ctrl-C quits from a list and from the trend, not from a form.
tui_start
tui_wait "Caseload of alice"
tui_keys Enter
tui_wait "F-1  ! RUPTURE"
tui_keys n
tui_wait "New session for F-1"
tui_type 7
tui_keys C-c
check_screen "Ctrl-C in a form says how to leave it" "Ctrl-C: first save (Ctrl-S) or cancel (Esc) this form"
check_grep "and stays in the form" 'New session for F-1' "$T/screen"
tui_keys Escape
tui_wait "Discard what you typed?"
tui_keys n Escape y
tui_wait "F-1  ! RUPTURE"
tui_keys C-c
poll tui_exited
check "Ctrl-C quits from the trend" 0
check_screen "with the terminal restored" "EXITED 0"

# A session's flags (f) scroll: ↓/j, g and G, and "+N more" when cut;
# Esc closes them.
tui_start
tui_resize 80 24
tui_wait "Caseload of alice"
tui_keys Enter
tui_wait "F-1  ! RUPTURE"
tui_keys f
tui_wait "Flags of F-1 at session 5 of 5"
flags() { sed -n '/^ Flags of F-1/,$p' "$T/screen" | grep -E '^ [!^?] ' | cut -c1-40; }
flags > "$T/flags0"
check_grep "a cut list of flags says how many more" '\+[0-9]+ more$' "$T/screen"
tui_keys j
tui_wait_gone "$(head -1 "$T/flags0" | cut -c4-)"
flags > "$T/flags1"
[ "$(sed -n 2p "$T/flags0")" = "$(head -1 "$T/flags1")" ] && ok "j scrolls the flags by one" ||
	not_ok "j scrolls the flags by one" "before: $(cat "$T/flags0")" "after: $(cat "$T/flags1")"
tui_keys G
tui_wait_gone "$(head -1 "$T/flags1" | cut -c4-)"
check_no_grep "G: the last flag, nothing more below" 'more$' "$T/screen"
tui_keys g
check_screen "g: back to the first" "$(head -1 "$T/flags0")"
tui_keys '?'
tui_wait "Help: Flags of a session"
check_grep "the help lists the scroll keys" '↓/j +next flag' "$T/screen"
tui_keys Escape Escape
check_screen "Esc closes the flags" "Session 5 of 5"
tui_keys '?'
tui_wait "Help: Client"
check_grep "the client's help: f" '^ *f +the selected session.s flags' "$T/screen"
check_grep "and the episodes' moves" '↓/j +next episode' "$T/screen"
tui_keys Escape q

# Ctrl-Z suspends to a shell with job control; after fg the curtain hides
# every client until Enter.
tui_stop
tm new-session -d -s ui -x 100 -y 30 "PS1='sh\$ ' bash --norc --noprofile -i"
tui_wait 'sh$'
tui_type "$A"
tui_keys Enter
tui_wait "Caseload of alice"
tui_keys C-z
check_screen "Ctrl-Z stops alliance" "Stopped"
tui_type fg
tui_keys Enter
check_screen "after fg the curtain is down" "alliance — press Enter to return"
check_no_grep "hiding every client" 'F-1|N-0|Caseload' "$T/screen"
tui_keys Enter
check_screen "Enter brings the caseload back" "Caseload of alice"
tui_keys q
tui_type 'echo rc=$?'
tui_keys Enter
check_screen "and q still quits" "rc=0"

# A supervisor's footer: no n or a on the caseload; a clinician's board: no a.
tui_start LOGNAME=sam
tui_resize 80 24
tui_wait "Supervision board of sam"
tui_keys s
tui_wait "Supervisees' clients of sam"
check_grep "a supervisor's caseload footer: open, filter, board, quit" \
	'Enter open +/ filter +s board +q quit +\? help +z hide' "$T/screen"
tui_keys '?'
tui_wait "Help: Caseload"
check_no_grep "nor does the help list n or a" 'new session for|add a client' "$T/screen"
tui_keys Escape s

# The board: / filters by code or clinician; Home/End/g/G move; the title
# keeps its count at 80 columns with every filter on.
tui_wait "Supervision board of sam"
tui_keys /
tui_type bob
check_screen "/ on the board: by clinician" "2 of 23 clients"
check_grep "only bob's clients" '^ B-1 +bob' "$T/screen"
tui_keys Enter c
check_screen "with c and the text filter: the title keeps its count" "Supervision board of sam  0 of 23 clients"
check_grep "and the filter beside it" 'clients +Filter bob' "$T/screen"
tui_keys /
tui_keys Escape c c
tui_wait "Supervision board of sam  23 of 23 clients"
tui_keys /
tui_type n-13
check_screen "/ on the board: by code" "1 of 23 clients"
tui_keys Escape G
why N-20 && ok "board: G selects the last client" || not_ok "board: G" "$(cat "$T/screen")"
tui_keys g
check_screen "board: g the first" "F-1 ! RUPTURE — "
tui_keys End
why N-20 && ok "board: End the last" || not_ok "board: End" "$(cat "$T/screen")"
tui_keys '?'
tui_wait "Help: Supervision board"
check_grep "board help wraps the Enter line, whole" 'notes\)$' "$T/screen"
check_grep "and lists /" '^  / +filter by code or clinician' "$T/screen"
tui_keys Escape F10
poll tui_exited
check "F10 quits from the board" 0

tui_start -- --user bob
tui_resize 80 24
tui_wait "Caseload of bob"
tui_keys s
tui_wait "Board of bob"
check_no_grep "a clinician's board footer: no a ack" ' a ack ' "$T/screen"
check_grep "but its own keys" 'Enter open +c/f filter +s caseload +q quit' "$T/screen"
tui_stop

# LANG=C: ASCII labels are longer, and q quit still shows at 80 columns.
tui_start LANG=C LC_ALL=C
tui_resize 80 24
tui_wait "Caseload of alice"
check_grep "LANG=C keeps q quit on the caseload" ' q quit +\? help +z hide' "$T/screen"
tui_keys s
tui_wait "Board of alice"
check_grep "and on the board" ' q quit +\? help +z hide' "$T/screen"
tui_stop
