#!/bin/sh
# The terminal UI creates a database only at its first start at the
# default place ($XDG_DATA_HOME/alliance/alliance.db); at a --db or
# $ALLIANCE_DB path where none is, it says so before the screen is taken
# and leaves nothing behind.
. "$(dirname "$0")/lib.sh"

tui_start ALLIANCE_DB= XDG_DATA_HOME="$T/xdg"
check_screen "first start at the default place: the caseload" "Caseload of alice"
[ "$(stat -c %a "$T/xdg/alliance/alliance.db" "$T/xdg/alliance" 2>&1 | tr '\n' ' ')" = "600 700 " ] &&
	ok "the database is made there (0600, directory 0700)" ||
	not_ok "the database is made there (0600, directory 0700)" "$(ls -laR "$T/xdg" 2>&1)"
tui_keys q
poll tui_exited && [ "$rc" = 0 ] && ok "q quits" || not_ok "q quits" "rc ${rc:-none}"

tui_start ALLIANCE_DB="$T/typo/alliance.db"
check_screen "a missing \$ALLIANCE_DB database: the reason" \
	"typo/alliance.db: no alliance database here (alliance init creat"
poll tui_exited && [ "$rc" = 1 ] && ok "exit 1" || not_ok "exit 1" "rc ${rc:-none}"
[ ! -e "$T/typo" ] && ok "nothing left behind" || not_ok "nothing left behind" "$(ls -la "$T/typo")"

tui_start -- --db "$T/typo/x.db"
poll tui_exited && [ "$rc" = 1 ] && [ ! -e "$T/typo" ] && ok "--db PATH: exit 1, nothing made" ||
	not_ok "--db PATH: exit 1, nothing made" "rc ${rc:-none}"
