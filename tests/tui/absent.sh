#!/bin/sh
# x on the caseload (SPEC §5 "Episodes on screen"): the selected client did
# not attend today, one of the four words; Enter stores it as today's
# session, Esc stores nothing; clinicians only.
. "$(dirname "$0")/lib.sh"

today=$(date +%F)
al init
al user add sam --role supervisor
sqlite3 "$DB" "UPDATE user SET supervisor_id = (SELECT id FROM user WHERE name = 'sam') WHERE name = 'alice'"
al client add K-1
al session add K-1 --date 2024-05-01 --trust 9 --collaboration 9 --empathy 9
list() { al session list K-1 --format csv; }
list
cp "$T/out" "$T/before"

tui_start
tui_wait "Caseload of alice"
check_grep "the footer offers x" ' x absent ' "$T/screen"

# Esc: nothing stored.
tui_keys x
check_screen "x asks which word" "K-1 did not attend today ($today)"
check_grep "no-show first" 'Attendance +‹ no-show ›' "$T/screen"
tui_keys Escape
check_screen "Esc goes back" "Caseload of alice"
list
check_file "Esc stores nothing" "$T/before"

# Letters choose; Enter records a no-show and the caseload shows it.
tui_keys x
tui_wait "did not attend today"
tui_type l
check_screen "l picks late-cancel" "‹ late-cancel ›"
tui_type c
check_screen "c picks a cancellation" "‹ clinician-cancel ›"
tui_keys Right
check_screen "Right: the next word" "‹ cancelled ›"
tui_type n
check_screen "n: no-show" "‹ no-show ›"
tui_keys Enter
check_screen "Enter records it and says so" "K-1: a no-show on $today recorded."
check_grep "back on the caseload" "Caseload of alice" "$T/screen"
check_grep "the caseload is read again: two sessions, last today" "K-1 +2  $today" "$T/screen"
list
check "session list shows the no-show" 0 "$(cat "$T/before")
2,$today,,,,,,no-show,,,"
tui_stop

# A supervisor: no x in the footer, and x refuses.
tui_start LOGNAME=sam
tui_wait "Supervision board of sam"
tui_keys s
tui_wait "Supervisees' clients of sam"
check_no_grep "a supervisor's footer has no x" ' x absent ' "$T/screen"
tui_keys x
check_screen "x is refused for a supervisor, with the reason" "did not attend: supervisors"
check_no_grep "and opens nothing" "did not attend today" "$T/screen"
list
check "a supervisor stored nothing" 0 "$(cat "$T/before")
2,$today,,,,,,no-show,,,"
tui_stop
