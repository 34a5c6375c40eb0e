#!/bin/sh
# Whole screens at 80x24 on the demo practice: the caseload, a client's
# trend screen, the session form and the supervisor board, each compared
# with its golden text in tests/tui/golden/. After a deliberate change of a
# screen, regenerate them and review the diff:
#     GOLDEN_UPDATE=1 sh tests/run.sh tui/golden && git diff tests/tui/golden
. "$(dirname "$0")/lib.sh"
G="$(dirname "$0")/golden"
export ALLIANCE_TODAY=2026-11-27 # the demo's last day: its dates are fixed

al demo
check "demo" 0

# golden NAME FILE: the screen, as captured when it has settled, equals FILE.
# Records are stamped with the real clock (the board's "asked" date): that
# date reads TODAY in the files.
golden() {
	tui_screen
	poll settled
	sed "s/$(date -u +%F)/TODAY     /g" "$T/screen" > "$T/out"
	rc=0
	check_file "$1" "$G/$2"
}

tui_start -- --user alice
tui_resize 80 24
tui_wait "Caseload of alice" && tui_wait "K-9315"
golden "the caseload at 80x24" caseload-80x24.txt

tui_keys Enter
tui_wait "K-9315" && tui_wait "Since 16 October"
golden "a client's trend screen at 80x24" client-80x24.txt

tui_keys n
tui_wait "Ctrl-S"
golden "the session form at 80x24" entry-80x24.txt
tui_keys Escape
tui_stop

tui_start -- --user sup_moreau
tui_resize 80 24
tui_wait "Supervision board of sup_moreau" && tui_wait "K-9315"
golden "the supervisor board at 80x24" board-80x24.txt
