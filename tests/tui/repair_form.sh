#!/bin/sh
# r records a repair (SPEC §5 "Episodes on screen", §1 repair record): the
# domain a choice, the strategies checkboxes with their descriptions, the
# session (the last by default), an optional note; keys only and Ctrl-S,
# then `repairs` lists exactly what was chosen. The rules of `repair`:
# at least one strategy, no session before the episode, no supervisor.
. "$(dirname "$0")/lib.sh"

course K-1 9 9 9 9 3 9 9 # a rupture at session 5
al user add sam --role supervisor
sqlite3 "$DB" "UPDATE user SET supervisor_id = (SELECT id FROM user WHERE name = 'sam') WHERE name = 'alice'"
note_of() { sqlite3 "$DB" "SELECT body FROM repair_note"; }
al episodes K-1 --format csv
check_grep "the fixture: an episode opened at session 5" '^K-1,5,' "$T/out"

tui_start
tui_wait "Caseload of alice"
tui_keys Enter
tui_wait "K-1"
tui_keys r
check_screen "r opens the repair form on the episode" \
	"Repair for K-1: the episode opened at session 5 (2024-05-05)"
check_grep "the domain with its description" 'Domain +‹ bond › +trust, warmth' "$T/screen"
check_grep "strategies as checkboxes, each described" \
	'metacommunicate +\[ \] +talk together about what is happening between you' "$T/screen"
check_grep "the last: supervision" 'supervision +\[ \] +take it to supervision' "$T/screen"
check_grep "the session: the last by default" 'Session +7 ' "$T/screen"

# No strategy: refused with the reason; a session before the episode too.
tui_keys C-s
check_screen "at least one strategy" "Strategies: tick at least one"
tui_keys BTab
tui_type g
check_screen "a letter picks the domain, its description follows" "what the therapy is for"
tui_keys Tab Tab
tui_type x
check_screen "x ticks clarify" "clarify          [x]"
tui_keys Tab Tab Tab Tab Tab Tab Tab
tui_type ' '
check_screen "Space ticks supervision" "supervision      [x]"
tui_keys Tab C-u
tui_type 4
tui_keys Tab
check_screen "a session before the episode is refused" \
	"Session: before the episode opened (session 5)"
tui_keys BSpace
tui_type 6
tui_keys Tab
tui_type "Named the missed homework."
tui_keys C-s
check_screen "Ctrl-S records it and says so" "K-1: repair recorded for the episode opened at session 5."
al repairs K-1 --format csv
check "repairs shows exactly what was chosen" 0 "client,opened,session,domain,strategy
K-1,5,6,goals,clarify
K-1,5,6,goals,supervision"
[ "$(note_of)" = "Named the missed homework." ] && ok "the note is stored" ||
	not_ok "the note is stored" "$(note_of)"
tui_stop

# A supervisor: no r in the footer; r refuses with the reason.
tui_start LOGNAME=sam
tui_wait "Supervision board of sam"
tui_keys Enter
tui_wait "K-1"
check_no_grep "a supervisor's footer has no r" ' r repair ' "$T/screen"
tui_keys r
check_screen "r is refused for a supervisor" "repair: supervisors do not record repairs"
tui_stop
