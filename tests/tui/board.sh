#!/bin/sh
# The supervisor board in a terminal: a supervisor's home, risk order and
# the per-clinician summary against the hand-worked fixture, filters, the
# trend read-only, acknowledging the episode behind a status (marked on
# its row, who and when above the story) and the clinician seeing it, a
# clinician's own board, and the board and caseload refreshing by
# themselves when another program writes (with the process idle).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../board_fixture.sh"
export ALLIANCE_TODAY=2026-11-27
fixture
day=$(date -u +%F)

codes() { grep -E '^ [BC]-[0-9] +(bob|carl) ' "$T/screen" | cut -c2-4 | tr '\n' ' ' | sed 's/ $//'; }
check_codes() { # NAME CODES...: the client rows, in order
	name=$1
	shift
	if poll codes_are "$*"; then ok "$name"; else not_ok "$name" "rows: $(codes)" "wanted: $*"; fi
}
codes_are() { tui_screen && [ "$(codes)" = "$1" ]; }

tui_start ALLIANCE_TODAY=2026-11-27 -- --user sup
check_screen "a supervisor's home is the board" "Supervision board of sup"
check_codes "clients in risk order" B-3 C-2 B-1 B-2 C-1
check_grep "bob's line: the hand-worked numbers" '^ bob +3 +6 +8\.5 +0 +1 +1 +50%$' "$T/screen"
check_grep "carl's line: no rate without closed episodes" '^ carl +2 +4 +8\.8 +1 +0 +0 +-$' "$T/screen"
check_no_grep "not another supervisor's clinician" 'dana|D-1' "$T/screen"
check_grep "clinician, status and trend on a row" '^ B-3 +bob +! RUPTURE +▇▇▇▇▆▆▆  Since 6 November \(session 4\) bob noted' "$T/screen"
check_grep "the selected client's story in full" 'Not back to about 9\.0 after' "$T/screen"
check_grep "the keys on the status line" 'Enter open +a ack +c/f filter +s caseload +q quit' "$T/screen"

# Filters: c cycles the clinicians, f the statuses; the selection stays.
tui_keys c
check_codes "c: bob's clients" B-3 B-1 B-2
check_grep "the filter is named" 'clinician bob  status all' "$T/screen"
check_no_grep "the summary narrows too" '^ carl ' "$T/screen"
tui_keys c
check_codes "c again: carl's" C-2 C-1
tui_keys c
check_codes "c again: everyone" B-3 C-2 B-1 B-2 C-1
tui_keys f
check_codes "f: RUPTURE" B-3 C-2
tui_keys f
check_codes "f: WATCH" B-1 B-2
tui_keys c
check_codes "c and f together: bob's WATCH" B-1 B-2
tui_keys f
check_codes "bob and repaired: none" ""
check_screen "says why the list is empty" "No client has this clinician and status"
tui_keys f
check_codes "bob and ok: none" ""
tui_keys f
check_codes "after ok, every status again" B-3 B-1 B-2
tui_keys c c
check_codes "and every clinician" B-3 C-2 B-1 B-2 C-1
check_grep "the selection stays on a client still shown (C-2)" '^ C-2 ! RUPTURE — Since 27 November \(session 4\) trust fell from 9\.0 to 6\.5' "$T/screen"
tui_keys k

# Help from the key table.
tui_keys '?'
check_screen "? shows the board's help" "Help: Supervision board"
check_grep "help: acknowledge" 'a +acknowledge the episode behind the client.s status' "$T/screen"
tui_keys Escape

# Enter: the trend, read-only (no n, no e).
tui_keys Enter
check_screen "Enter opens the trend" "B-3  ! RUPTURE  7 sessions"
check_grep "read-only keys: acknowledge, no new or edit" 'c clinician +a ack +q/Esc back' "$T/screen"
check_no_grep "no n new, no e edit" ' n new | e edit ' "$T/screen"
tui_keys n
tui_keys e
tui_screen
check_no_grep "n and e open no form" 'New session|Edit a session' "$T/screen"
# At 80 columns the way back and the way out still show.
tui_resize 80 24
check_screen "80 columns: the trend's status line keeps q/Esc back" "q/Esc back  ? help  z hide"
tui_keys q
check_screen "q: back to the board" "Supervision board of sup"
check_screen "80 columns: the board's status line keeps s and q" "s caseload  q quit  ? help  z hide"
tui_resize 100 30

# a: the episode behind the status, a comment, Ctrl-S.
check_no_grep "nothing is acknowledged yet" 'Acknowledged by| ack Since' "$T/screen"
tui_keys a
check_screen "a opens the acknowledgement form" "Acknowledge an episode of B-3 (clinician bob)"
check_grep "the episode behind the status is chosen" 'Episode +‹ session 4: rupture, unrepaired ›' "$T/screen"
check_grep "its story under the form" 'Since 6 November \(session 4\) bob noted' "$T/screen"
tui_type "Talked it through: q and ? are text here"
tui_keys C-s
check_screen "Ctrl-S stores it" "Acknowledged: B-3, session 4: rupture, unrepaired."
sqlite3 "$DB" "SELECT s.date, e.comment FROM episode_ack e JOIN session s ON s.id = e.session_id" > "$T/rows"
echo "2026-11-06|Talked it through: q and ? are text here" > "$T/want"
same_file "stored on the session where the episode opened" "$T/want" "$T/rows"
al --user sup episodes B-3 --format json
check_grep "episodes shows who, when and what" "\"acknowledged\": \"sup $day: Talked it through: q and \\? are text here\"" "$T/out"
al audit --format csv
check_grep "audited by id" ',sup,acknowledge,session,[0-9]+,$' "$T/out"
check_grep "the row carries the mark" '^ B-3 +bob +! RUPTURE +▇▇▇▇▆▆▆  ack Since 6 November' "$T/screen"
check_grep "who and when above the story" "^ Acknowledged by sup on $day\$" "$T/screen"
tui_keys j
check_screen "another client: no acknowledgement named" "C-2 ! RUPTURE — Since 27 November"
check_no_grep "and its row has no mark" '^ C-2 .* ack Since' "$T/screen"
check_no_grep "nor who and when" 'Acknowledged by' "$T/screen"
tui_keys k
tui_keys a
tui_wait "Acknowledge an episode of B-3"
tui_keys Escape
check_screen "Esc cancels" "Supervision board of sup"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM episode_ack")" = 1 ] && ok "a cancelled form stores nothing" ||
	not_ok "a cancelled form stores nothing"
tui_keys j j
check_screen "B-1: WATCH from a low, no episode" "B-1 ^ WATCH"
tui_keys a
check_screen "no episode to acknowledge says so" "acknowledge: B-1 has no current episode"
tui_keys g

# Live: another program writes; the board follows within 2 seconds.
pid=$(cat "$T/pid")
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
al --user carl session add C-1 --date 2026-11-27 --trust 3 --collaboration 3 --empathy 3
before=$(date +%s%N)
if TUI_WAIT=2 poll shows " carl               2           5     7.6"; then
	ok "the summary follows a write elsewhere, without a key ($((($(date +%s%N) - before) / 1000000)) ms)"
else
	not_ok "the summary follows a write elsewhere, without a key" "$(cat "$T/screen")"
fi
check_codes "and the order: C-1 is WATCH now" B-3 C-2 B-1 C-1 B-2
t0=$(cpu)
sleep 5
used=$(($(cpu) - t0))
[ "$used" -le 5 ] && ok "idle: $used ticks of CPU in 5 s (under 1 %)" || not_ok "idle CPU under 1 %" "$used ticks in 5 s"
tui_keys q
poll tui_exited
check "q quits from the home board" 0

# The clinician sees the acknowledgement with the episode; their own
# caseload and board.
tui_start ALLIANCE_TODAY=2026-11-27 -- --user bob
check_screen "a clinician's home is the caseload" "Caseload of bob"
check_no_grep "another clinician's clients are not there" 'C-1|C-2|D-1' "$T/screen"
tui_keys Enter
check_screen "bob opens B-3" "B-3  ! RUPTURE"
check_screen "the acknowledgement with its episode" \
	"Acknowledged by sup on $day: Talked it through: q and ? are text here"
tui_keys q

# A clinician's s: their own board; no acknowledging.
tui_keys s
check_screen "s: the clinician's own board" "Board of bob"
check_codes "only bob's clients" B-3 B-1 B-2
check_no_grep "only bob's line" '^ carl ' "$T/screen"
tui_keys a
check_screen "a clinician does not acknowledge" "acknowledge: only a supervisor acknowledges episodes"
tui_keys s
check_screen "s: back to the caseload" "Caseload of bob"

# The caseload follows a write elsewhere too.
al --user bob client add B-9
if TUI_WAIT=2 poll shows " B-9 "; then ok "the caseload follows a write elsewhere within 2 s"; else
	not_ok "the caseload follows a write elsewhere within 2 s" "$(cat "$T/screen")"; fi
tui_stop

# Read-only: nothing to acknowledge.
tui_start ALLIANCE_TODAY=2026-11-27 -- --user sup --read-only
tui_wait "Supervision board of sup"
tui_keys a
check_screen "read-only refuses a" "acknowledge: refused: the database is open read-only"
tui_stop
