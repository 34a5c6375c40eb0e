#!/bin/sh
# Drafts: what is typed survives kill -9 and is offered back by the next n;
# SIGTERM and SIGHUP leave the terminal restored and keep the draft.
. "$(dirname "$0")/lib.sh"

today=$(date +%F)
al init
al client add K-7
al session add K-7 --date 2024-06-01 --trust 9 --collaboration 9 --empathy 9
drafts() { sqlite3 "$DB" "SELECT count(*) FROM draft"; }
draft_has() { sqlite3 "$DB" "SELECT body FROM draft" 2>/dev/null | grep -qF -- "$1"; }

tui_start
tui_wait "Caseload of alice"
tui_keys n
tui_wait "New session for K-7"
tui_type 8
tui_keys Tab
tui_type 6.5
tui_keys Tab Tab
tui_type "half done"
if poll draft_has "half done"; then ok "the draft is written while typing"; else
	not_ok "the draft is written while typing" "$(sqlite3 "$DB" 'SELECT * FROM draft')"; fi
kill -9 "$(cat "$T/pid")"
poll tui_exited
check "killed with -9" 137

tui_start
tui_wait "Caseload of alice"
tui_keys n
check_screen "the next n offers the draft back" "An unsaved entry from $today"
check_grep "as a question" 'Restore it\? \(y/n\)' "$T/screen"
tui_keys y
check_screen "y restores the note" "half done"
check_grep "and the ratings" 'Collaboration +6.5 ' "$T/screen"
check_grep "and the first one" 'Trust +8 ' "$T/screen"
tui_keys C-s
check_screen "the restored entry saves" "Session 2 of 2"
[ "$(drafts)" = 0 ] && ok "saving drops the draft" || not_ok "saving drops the draft"
al session list K-7 --format csv
grep "^2," "$T/out" > "$T/s2"
printf '%s\n' "2,$today,client,trust,8.0,,,attended,,," "2,$today,client,collaboration,6.5,,,attended,,," > "$T/want"
same_file "the restored values are stored" "$T/want" "$T/s2"

# SIGTERM mid-entry: the terminal is restored, the draft kept.
tui_keys n
tui_wait "New session for K-7"
tui_type 5
tui_wait "Trust          5 "
kill -TERM "$(cat "$T/pid")"
poll tui_exited
check "SIGTERM ends with status 0" 0
check_screen "SIGTERM restores the terminal" "EXITED 0"
check_no_grep "the screen is the shell's again" 'New session for' "$T/screen"
draft_has "trust=5" && ok "SIGTERM keeps the draft, to the last key" ||
	not_ok "SIGTERM keeps the draft, to the last key" "$(sqlite3 "$DB" 'SELECT body FROM draft')"

# n declines the draft: a fresh form; the draft stays until typing replaces it.
tui_start
tui_wait "Caseload of alice"
tui_keys n
tui_wait "An unsaved entry"
tui_keys n
check_screen_gone "n declines" "An unsaved entry"
check_grep "a declined draft leaves the form empty" 'Trust +I felt safe' "$T/screen"
tui_keys Escape
check_screen "Esc leaves the untouched form at once" "Caseload of alice"
[ "$(drafts)" = 1 ] && ok "a declined draft is kept" || not_ok "a declined draft is kept"

kill -HUP "$(cat "$T/pid")"
poll tui_exited
check "SIGHUP ends with status 0" 0
check_screen "SIGHUP restores the terminal" "EXITED 0"
tui_stop
