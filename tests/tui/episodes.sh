#!/bin/sh
# Episodes on the client screen (SPEC §5 "Episodes on screen") at 80x24:
# the list of a client's episodes, newest first, moves with ↑↓ jk PgUp
# PgDn Home End g G and / and says "+N more" when cut; f shows the
# selected session's flags over the screen until Esc; the chart marks each
# episode from its opening to its repair, without colour too; a supervisor
# acknowledges the selected episode with a, and the clinician reads who,
# when and what under it; repair records show with their episode.
. "$(dirname "$0")/lib.sh"

# M-1: three calm sessions, then six times a withdrawal noted at a session
# rated 9 and repaired at the next: six episodes, at sessions 4, 6, ... 14.
al init
al client add M-1
rate() { # DAY [OPTIONS]: a session on that day of May 2024, rated 9 throughout
	dd=$1
	shift
	al session add M-1 --date "2024-05-$(printf %02d "$dd")" --trust 9 --collaboration 9 \
		--empathy 9 "$@"
}
for d in 1 2 3; do rate $d; done
for d in 4 6 8 10 12 14; do
	rate $d --rupture withdrawal
	rate $((d + 1))
done
al episodes M-1 --all --format csv
check_grep "the fixture: six episodes" '^M-1,14,2024-05-14,rupture,red,,repaired,15$' "$T/out"
al user add sup --role supervisor
sqlite3 "$DB" "UPDATE user SET supervisor_id = (SELECT id FROM user WHERE name = 'sup') WHERE name = 'alice'"

# The list: the first row of the selected episode (">" marks it).
selected() { grep -E '^>' "$T/screen" | head -1; }
check_selected() { # NAME TEXT: the selected episode's first row contains TEXT
	if poll selected_has "$2"; then ok "$1"; else not_ok "$1" "selected: $(selected)" "$(cat "$T/screen")"; fi
}
selected_has() { tui_screen && selected | grep -qF -- "$1" && settled; }

tui_start
tui_resize 80 24
tui_wait "Caseload of alice"
tui_keys Enter
check_screen "the trend lists the episodes" "Episodes  1 of 6, newest first"
check_selected "the newest first, chosen" "✓ rupture        Since 14 May (session 14) you noted a withdrawal."
check_grep "its status and sessions beside the story" '^   sessions 14-15 ' "$T/screen"
check_grep "a cut list says how many more" '^ +\+[0-9] more$' "$T/screen"
tui_keys j
check_screen "j: the next" "Episodes  2 of 6, newest first"
check_selected "the one before it in time" "Since 12 May (session 12)"
tui_keys Down
check_selected "↓ too" "Since 10 May (session 10)"
tui_keys k
check_selected "k: back one" "Since 12 May (session 12)"
tui_keys PageDown
check_screen "PgDn: a page on" "Episodes  3 of 6"
tui_keys G
check_screen "G: the last" "Episodes  6 of 6"
check_selected "the oldest episode" "Since 4 May (session 4)"
check_no_grep "nothing more below the last" 'more$' "$T/screen"
tui_keys g
check_screen "g: the first" "Episodes  1 of 6"
tui_keys End
check_screen "End: the last" "Episodes  6 of 6"
tui_keys Home
check_screen "Home: the first" "Episodes  1 of 6"
tui_keys PageUp
check_screen "PgUp at the top stays" "Episodes  1 of 6"
tui_keys /
tui_type "8 May"
check_screen "/ filters by the story's words" "Episodes  1 of 1, newest first"
check_selected "the one episode of 8 May" "Since 8 May (session 8)"
tui_keys Escape
check_screen "Esc clears the filter, the episode still chosen" "Episodes  4 of 6"
check_screen "the session stays where it was" "Session 15 of 15, 2024-05-15"

# The chart: each episode from its opening to its repair on the flag row.
check_grep "the legend names the episode marks" '^ ─ episode  ✓ repaired' "$T/screen"
check_grep "six episodes, opening to repair" '^ +✓──✓  ✓──✓  ✓──✓  ✓──✓  ✓──✓  ✓──✓$' "$T/screen"

# f: the selected session's flags, over the screen; Esc closes.
tui_keys Left Left Left
check_screen "session 12" "Session 12 of 15, 2024-05-12"
tui_keys f
check_screen "f shows the session's flags" "Flags of M-1 at session 12 of 15, 2024-05-12"
check_grep "each explained in plain words" '^ ✓ marker +You noted a withdrawal rupture on 12 May' "$T/screen"
check_grep "with its repair status" '^   repaired +' "$T/screen"
check_grep "and the episode that holds it" '^   episode 12 +' "$T/screen"
check_no_grep "the chart is covered" 'collaboration 10' "$T/screen"
tui_keys Escape
check_screen "Esc closes them" "Session 12 of 15, 2024-05-12"
check_screen "the list as it was" "Episodes  4 of 6"
tui_keys Right
tui_keys f
check_screen "f at a session without flags" "No flags at this session"
tui_keys q
check_screen "q closes them too" "Session 13 of 15"
tui_keys '?'
tui_wait "Help: Client"
check_grep "help: ←→ sessions" '←/h +previous session' "$T/screen"
check_grep "help: ↑↓ episodes" '↑/k +previous episode' "$T/screen"
check_grep "help: f" 'f +the selected session.s flags' "$T/screen"
tui_keys Escape
tui_stop

# Open and unrepaired episodes, in ASCII and without colour: the line runs
# to the last session while open, and ends in x when not repaired.
course U-1 9 9 9 5 5 5 5
course O-1 9 9 9 9 9 5 5
tui_start NO_COLOR=1 -- --ascii
tui_resize 80 24
tui_wait "Caseload of alice"
tui_keys /
tui_type U-1
tui_keys Enter Enter
check_screen "U-1 opens" "U-1  ! RUPTURE"
check_grep "unrepaired: ! to x, the flags on the way over it" '^ +!-----\^-----\^-----x$' "$T/screen"
check_grep "the legend says so" 'x unrepaired' "$T/screen"
tui_keys q /
tui_keys C-u
tui_type O-1
tui_keys Enter Enter
check_screen "O-1 opens" "O-1  ! RUPTURE"
check_grep "open: from ! to the last session" '^ +!-----!$' "$T/screen"
check_grep "the legend: an episode" '! rupture  - episode' "$T/screen"
tui_stop

# A supervisor acknowledges the episode chosen in the list; the clinician
# reads it under that episode.
day=$(date -u +%F)
tui_start -- --user sup
tui_resize 80 24
tui_wait "Supervision board of sup"
tui_keys /
tui_type M-1
tui_keys Enter Enter
check_screen "sup opens M-1" "Episodes  1 of 6"
tui_keys j
check_selected "the episode of 12 May" "Since 12 May (session 12)"
tui_keys a
check_screen "a: the chosen episode in the form" "Episode       ‹ session 12: rupture, repaired ›"
tui_keys Tab
tui_type "Repaired well; name what helped"
tui_keys C-s
check_screen "stored" "Acknowledged: M-1, session 12: rupture, repaired."
check_screen "back on the trend, the same episode chosen" "Episodes  2 of 6"
check_screen "who, when and what under it" "Acknowledged by sup on $day: Repaired well; name"
al --user sup episodes M-1 --all --format json
check_grep "episodes names it" "\"opened\": 12, .*\"acknowledged\": \"sup $day: Repaired well; name what helped\"" "$T/out"
check_no_grep "on that episode alone" "\"opened\": 14, .*\"acknowledged\": \"sup" "$T/out"
tui_stop
tui_start
tui_resize 80 24
tui_wait "Caseload of alice"
tui_keys /
tui_type M-1
tui_keys Enter Enter j
check_selected "the clinician's episode of 12 May" "Since 12 May (session 12)"
check_screen "the clinician reads it" "Acknowledged by sup on $day: Repaired well; name"

# A repair record shows with its episode: what was tried ends the story, as
# episodes tells it, and the record (domain, strategies, session) under it.
al repair M-1 --episode 12 --domain bond --strategy clarify,validate --session 13
tui_resize 100 30
check_screen "the story says what was tried" "Tried: clarify, validate (session 13)."
check_grep "the record under the story" '^ {18}Repair: bond: clarify, validate \(session 13\)$' "$T/screen"
check_screen "the acknowledgement still there" "Acknowledged by sup on $day: Repaired well; name"
tui_stop
