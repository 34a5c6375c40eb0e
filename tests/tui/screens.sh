#!/bin/sh
# Adding a client, the trend screen's keys, a supervisor's view, refreshing
# when another program writes, an idle UI that stays idle, no terminal.
. "$(dirname "$0")/lib.sh"

al init
al client add K-2 --goal "Sleep better" --modality cbt
for d in 01 02 03 04 05; do
	al session add K-2 --date 2024-04-$d --trust 9 --collaboration 9 --empathy 9 \
		--note "note of $d"
done
al session add K-2 --date 2024-04-05 --rater clinician --trust 9 --replace

tui_start
tui_wait "Caseload of alice"

# a: the new-client form; a bad code is refused in place, a good one added.
tui_keys a
check_screen "a opens the new-client form" "New client of alice"
tui_type "bad code"
tui_keys Tab
check_screen "a bad code is refused with the reason" "Code: 1-32 letters, digits"
tui_keys C-u
tui_type "K-3"
tui_keys Tab Right Right Tab
tui_type "Feel at ease with people"
tui_keys C-s
check_screen "the client is added" "Client K-3 added."
al client list --format csv
check_grep "stored with modality and goal" '^K-3,alice,psychodynamic,Feel at ease with people' "$T/out"
tui_keys a
tui_wait "New client of alice"
tui_type "K-3"
tui_keys C-s
check_screen "a duplicate code is refused" "K-3"
check_grep "with the form kept" 'New client of alice' "$T/screen"
tui_keys Escape
check_screen "Esc asks before dropping the typed code" "Discard what you typed?"
tui_keys y
tui_wait "Caseload of alice"

# The trend screen: header, notes of the selected session, Tab, c.
tui_keys /
tui_type "K-2"
tui_keys Enter Enter
check_screen "the trend screen's header" "K-2  · ok  5 sessions  clinician alice  cbt"
check_grep "the goal" 'Goal: Sleep better' "$T/screen"
check_grep "the last session is selected" 'Session 5 of 5, 2024-04-05' "$T/screen"
check_grep "its note" 'note of 05' "$T/screen"
check_grep "clinician ratings listed" 'clinician +Trust 9.0' "$T/screen"
tui_keys Left Left
check_screen "← selects a session and shows its note" "note of 03"
tui_keys Left Left Left Left
check_screen "← stops at the first session" "Session 1 of 5"
tui_keys Tab
check_screen_gone "Tab shows one dimension" "collaboration 10│"
check_grep "the chosen one" '^ trust 10│' "$T/screen"
tui_keys Tab Tab Tab
check_screen "Tab comes back to all" "collaboration 10│"
tui_keys c
check_screen "c overlays the clinician's ratings" "clinician  "
check_grep "in the legend" '^ ▒ clinician \(right bar\)' "$T/screen"
tui_keys Escape
check_screen "Esc goes back" "Caseload of alice"
tui_keys /
tui_keys Escape

# Another program writes: the caseload follows by itself.
al session add K-3 --date 2024-04-09 --trust 3 --collaboration 9 --empathy 9
check_screen "another writer's session appears" "2024-04-09"

# An idle UI waits for keys: well under 1% of a CPU.
pid=$(cat "$T/pid")
t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
sleep 3 # a measuring window, not a wait for the screen
t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
[ $((t1 - t0)) -le 3 ] && ok "idle CPU under 1%" || not_ok "idle CPU under 1%" "$((t1 - t0)) ticks in 3 s"

# A supervisor sees the supervisees' clients and changes nothing.
al user add sam --role supervisor
sqlite3 "$DB" "UPDATE user SET supervisor_id = (SELECT id FROM user WHERE name = 'sam') WHERE name = 'alice'"
tui_start LOGNAME=sam
check_screen "a supervisor's home is the board" "Supervision board of sam"
tui_keys s
check_screen "a supervisor's caseload (s)" "Supervisees' clients of sam"
check_grep "with the clinician" 'K-2 +alice' "$T/screen"
tui_keys n
check_screen "a supervisor cannot add sessions" "new session: supervisors do not change ratings or notes"
tui_keys a
check_screen "nor clients from the UI" "add client: a supervisor adds clients"
tui_keys Enter
tui_wait "clinician alice"
check_no_grep "a supervisor's trend: no n, no e on the status line" ' n new | e edit ' "$T/screen"
tui_keys e '?' # help shows once e has been handled
check_screen "e is no key there" "Help: Client (supervision)"
check_no_grep "nor does the help list it" 'edit the selected session' "$T/screen"
tui_stop

# No terminal: a clear error, nothing drawn.
al < /dev/null
check_err "no terminal" 2 "alliance: the terminal UI needs a terminal (for commands see alliance --help)"
tui_start TERM=no-such-terminal
poll tui_exited
check "unknown terminal type" 2
check_screen "says so" "alliance: terminal type 'no-such-terminal' is unknown"
tui_stop
