#!/bin/sh
# The gap rule on the screens (SPEC §4b): a client not seen for more than
# gap_days (21) is WATCH as of today, worked out when the caseload and the
# board read their rows a page at a time (db_risk.h), so the screens list
# the clients in the order the caseload and board commands print, with
# "Not seen since ..." behind the status.
. "$(dirname "$0")/lib.sh"
export ALLIANCE_TODAY=2024-06-28

# course CODE DAY... : trust 9, collaboration and empathy 9 at each day of
# 2024 (MM-DD); a value after a colon is that session's trust. As alice,
# or as $AS.
course() {
	code=$1
	shift
	setup --user "${AS:-alice}" client add "$code"
	for d in "$@"; do
		setup --user "${AS:-alice}" session add "$code" --date "2024-${d%%:*}" --trust "$(
			[ "${d#*:}" = "$d" ] && echo 9 || echo "${d#*:}")" --collaboration 9 --empathy 9
	done
}
setup init
course R-drop 06-03 06-10 06-17 06-24:5
course W-low 06-06:6.5 06-13:6.5 06-20:6.5 06-27:6.5
course G-gone 04-19 04-26 05-03 05-10 05-17
course N-21 05-17 05-24 05-31 06-07
course O-1 06-05 06-12 06-19 06-26
setup user add sam --role supervisor
setup user add bob --supervisor sam
AS=bob course B-gone 04-26 05-03 05-10 05-17
AS=bob course B-ok 06-05 06-12 06-19 06-26

al caseload --format csv
tail -n +2 "$T/out" | cut -d, -f1,8 > "$T/order"
check_grep "the command: G-gone, last seen 6 weeks ago, is WATCH after the low one" \
	"$(printf 'R-drop,RUPTURE W-low,WATCH G-gone,WATCH N-21,ok O-1,ok' | tr ' ' '\n')" "$T/order"
cut -d, -f1 "$T/order" > "$T/codes"
printf '%s\n' R-drop W-low G-gone O-1 N-21 > "$T/want"
same_file "...in exactly that order (N-21, seen 21 days ago, is not late)" "$T/want" "$T/codes"

# listed: the codes of the list rows on the screen, top to bottom.
listed() {
	tui_screen && grep -o -E '^ [A-Z]-[a-z0-9]+ +[0-9]+  20' "$T/screen" | awk '{ print $1 }' > "$T/listed"
}

tui_start
tui_resize 80 24
check_screen "the caseload counts alice's clients" "Caseload of alice  5 clients"
listed
same_file "the screen lists them in the command's order" "$T/codes" "$T/listed"
check_grep "G-gone is WATCH on the screen" '^ G-gone +5  2024-05-17 .* \^ WATCH ' "$T/screen"
tui_keys j j
check_screen "its why line: not seen since 17 May, 6 weeks ago" \
	"G-gone ^ WATCH — Not seen since 17 May, 6 weeks ago. Get in touch to ask how"
tui_stop

# The board: bob's clients as sam sees them, in the board command's order,
# and f's WATCH counted with the late client.
al --user sam board --format csv
tail -n +2 "$T/out" | cut -d, -f1 > "$T/codes"
printf '%s\n' B-gone B-ok > "$T/want"
same_file "the board command: B-gone (6 weeks) first" "$T/want" "$T/codes"
tui_start -- --user sam
tui_resize 80 24
check_screen "the board's first frame" "2 of 2 clients"
check_screen "B-gone is WATCH on the board" "B-gone"
tui_screen
grep -o -E '^ B-[a-z]+ +bob ' "$T/screen" | awk '{ print $1 }' > "$T/listed"
same_file "the board lists them in the command's order" "$T/codes" "$T/listed"
check_grep "...B-gone as WATCH" '^ B-gone .*WATCH' "$T/screen"
tui_keys f
check_screen "f: RUPTURE, none" "0 of 2 clients"
tui_keys f
check_screen "f again: WATCH, the late client counted in the database" "1 of 2 clients"
check_screen "...and listed" "status WATCH"
check_grep "...B-gone alone" '^ B-gone +bob .*WATCH' "$T/screen"
tui_stop
