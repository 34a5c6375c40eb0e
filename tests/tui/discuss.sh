#!/bin/sh
# The board's "To discuss" (SPEC §5, issue 15): an episode whose repair
# record names the strategy supervision, not acknowledged since, is listed
# with its mark above the clients (who keep their risk order); / applies to
# it; the supervisor's acknowledgement takes it out.
. "$(dirname "$0")/lib.sh"

course K-1 9 9 9 9 3 9 9
course K-2 9 9 9 9 2 9 9
al user add sam --role supervisor
sqlite3 "$DB" "UPDATE user SET supervisor_id = (SELECT id FROM user WHERE name = 'sam') WHERE name = 'alice'"
al repair K-1 --episode 5 --domain bond --strategy clarify,supervision
al repair K-2 --episode 5 --domain goals --strategy clarify
today=$(date -u +%F)

tui_start LOGNAME=sam
tui_wait "Supervision board of sam"
check_screen "the section is there" "To discuss"
check_grep "K-1 with its mark, asked today" \
	"⚑ K-1 +alice +episode of session 5, asked $today" "$T/screen"
check_no_grep "K-2's record does not ask for supervision" "⚑ K-2" "$T/screen"
grep -E '^ K-[12] +alice ' "$T/screen" | awk '{print $1}' > "$T/order"
al --user sam board --format csv
sed 1d "$T/out" | cut -d, -f1 > "$T/want"
same_file "the clients below keep their risk order" "$T/want" "$T/order"

# / applies to it: K-2 leaves nothing to discuss; Esc clears.
tui_keys /
tui_type K-2
check_screen_gone "/ K-2: nothing to discuss" "To discuss"
tui_keys Escape
check_screen "Esc clears: K-1 is back" "⚑ K-1"

# The supervisor's acknowledgement (another window) takes it out.
al --user sam ack K-1 --episode 5 --comment "Talked it through"
check_screen_gone "acknowledged: no longer to discuss" "To discuss"
check_grep "K-1 stays on the board" '^ K-1 ' "$T/screen"

# A new request after the acknowledgement brings it back.
al repair K-1 --episode 5 --domain bond --strategy supervision
check_screen "a new request after it: to discuss again" "⚑ K-1"
tui_stop
