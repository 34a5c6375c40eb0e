#!/bin/sh
# The idle lock: after idle_lock minutes without a key the curtain comes
# down by itself, over a half-typed entry that Enter brings back intact.
# (Takes a minute: idle_lock counts whole minutes.)
. "$(dirname "$0")/lib.sh"

al init
al client add K-9
al config set idle_lock 1
tui_start
tui_wait "Caseload of alice"
tui_keys n
tui_wait "New session for K-9"
tui_type 7
tui_keys Tab Tab Tab
tui_type "typed before the lock"
tui_wait "typed before the lock"
TUI_WAIT=90 tui_wait "alliance — press Enter to return" &&
	ok "the curtain comes down after idle_lock minutes" ||
	not_ok "the curtain comes down after idle_lock minutes" "$(cat "$T/screen")"
check_no_grep "it hides the entry" 'typed before|K-9' "$T/screen"
tui_keys Enter
check_screen "Enter brings the entry back" "typed before the lock"
check_grep "with the rating typed" 'Trust +7 ' "$T/screen"
tui_stop
