#!/bin/sh
# The entry form's attendance (SPEC §5 "Session entry"): after the context,
# before the date; letters pick the word; a session not attended with
# ratings is refused in place with the reason; what is saved is what
# session list says, and e shows it again.
. "$(dirname "$0")/lib.sh"

today=$(date +%F)
al init
al client add K-1
al session add K-1 --date 2024-05-01 --trust 9 --collaboration 9 --empathy 9
list() { al session list K-1 --format csv; }
list
cp "$T/out" "$T/before"

tui_start
tui_wait "Caseload of alice"
tui_keys n
tui_wait "New session for K-1"
check_grep "attended by default, between context and date" \
	'Attendance +‹ attended' "$T/screen"

# 7 Tab 6.5 Tab 8 Tab reaches the note; four more Tabs the attendance.
tui_type 7
tui_keys Tab
tui_type 6.5
tui_keys Tab
tui_type 8
tui_keys Tab
tui_type "x"
check_screen "7 Tab 6.5 Tab 8 Tab reaches the note" "Note           Tab leaves"
tui_keys BSpace Tab Tab Tab Tab
tui_type n
check_screen "n picks no-show" "‹ no-show"
check_screen "ratings with a no-show: the reason beside it" \
	"✗ no ratings when not attended"
tui_keys Tab
check_screen "Tab refuses to leave it" "Attendance: no ratings when not attended"
tui_keys C-s
check_screen "Ctrl-S refuses too" "Attendance: no ratings when not attended"
list
check_file "nothing stored" "$T/before"

# From no-show, c picks clinician-cancel, c again cancelled; a attended.
tui_type c
check_screen "c picks the next word with c" "‹ clinician-cancel"
tui_type c
check_screen "c again: the other one" "‹ cancelled"
tui_type a
check_screen "a: attended, and the ratings are fine again" "‹ attended"
check_no_grep "no reason left" "when not attended" "$T/screen"
tui_keys C-s
check_screen "an attended session saves" "Session 2 of 2, $today"
list
check "the ratings stored as attended" 0 "$(cat "$T/before")
2,$today,client,trust,7.0,,,attended,,,
2,$today,client,collaboration,6.5,,,attended,,,
2,$today,client,empathy,8.0,,,attended,,,"
cp "$T/out" "$T/before"

# A late cancellation, no ratings: stored as such.
tui_keys Escape
tui_wait "Caseload of alice"
tui_keys n
tui_wait "New session for K-1"
tui_keys Tab Tab Tab Tab Tab Tab Tab
tui_type l
check_screen "l picks late-cancel" "‹ late-cancel"
tui_keys C-s
check_screen "a session not attended saves" "Session 3 of 3, $today"
list
check "stored as a late cancellation without ratings" 0 "$(cat "$T/before")
3,$today,,,,,,late-cancel,,,"

# e on it: the form shows its attendance again.
tui_keys e
check_screen "e opens the session" "Edit a session of K-1"
check_grep "with its attendance" 'Attendance +‹ late-cancel' "$T/screen"
tui_keys Escape
tui_wait "Session 3 of 3"
tui_stop
