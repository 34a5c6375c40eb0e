#!/bin/sh
# Discarding a draft on a full disk: the draft cannot be deleted, and the
# screen says so (it is offered again), instead of failing silently.
. "$(dirname "$0")/lib.sh"

al init
al client add K-1
drafts() { sqlite3 "$DB" "SELECT count(*) FROM draft"; }
draft_has() { sqlite3 "$DB" "SELECT body FROM draft" 2> /dev/null | grep -qF -- "$1"; }

tui_start
tui_wait "Caseload of alice"
tui_keys n
tui_wait "New session for K-1"
tui_type 4
tui_keys Tab Tab Tab
tui_type "to be discarded"
poll draft_has "to be discarded"
# From now on every write of the running program fails: a full disk.
prlimit --pid "$(cat "$T/pid")" --fsize=1:
tui_keys Escape
tui_wait "Discard what you typed?"
tui_keys y
check_screen "a draft that cannot be deleted says so" "draft not discarded"
check_grep "with the reason" "disk full" "$T/screen"
[ "$(drafts)" = 1 ] && ok "control: the draft is still there" || not_ok "control: the draft is still there"
prlimit --pid "$(cat "$T/pid")" --fsize=unlimited:
tui_keys n
check_screen "the next n offers it again" "An unsaved entry from"
tui_keys y
check_screen "with the text" "to be discarded"
tui_keys Escape
tui_wait "Discard what you typed?"
tui_keys y
check_screen_gone "now it is discarded" "New session for K-1"
cp "$T/screen" "$T/final"
[ "$(drafts)" = 0 ] && ok "and deleted" || not_ok "and deleted" "$(cat "$T/final")"
tui_stop
