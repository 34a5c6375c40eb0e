#!/bin/sh
# The new-client form refuses a code in use in the words of `client add`
# (not SQLite's), keeping what was typed.
. "$(dirname "$0")/lib.sh"

al init
al client add K-3981
tui_start
tui_wait "Caseload of alice"
tui_keys a
tui_wait "New client of alice"
tui_type K-3981
tui_keys C-s
check_screen "a code in use is refused as the command line says it" \
	"client add: client 'K-3981' already exists"
check_no_grep "not in SQLite's words" "UNIQUE|constraint" "$T/screen"
check_grep "the typed code stays" "K-3981" "$T/screen"
check_grep "in the form" "New client of alice" "$T/screen"
tui_type 2
tui_keys C-s
check_screen "another code is added" "Client K-39812 added."
tui_stop
al client list --format csv
check "one of each" 0 "code,clinician,modality,goal,sessions,last_date,archived,ending,end_date
K-3981,alice,,,0,,no,,
K-39812,alice,,,0,,no,,"
