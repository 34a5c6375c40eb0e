#!/bin/sh
# Control characters never reach the terminal from the UI either: the
# client screen shows a note's bidirectional and zero-width characters
# escaped (<U+202E>), and a one-line field typed with one (a goal, a
# context) is refused in place with the reason.
. "$(dirname "$0")/lib.sh"
RLO=$(printf '\342\200\256') # U+202E, right-to-left override

al init
al client add K-1
al session add K-1 --date 2024-04-01 --trust 9 --collaboration 9 --empathy 9 \
	--note "She said ${RLO}evif no won"
tui_start
tui_wait "Caseload of alice"
tui_keys Enter
check_screen "the client screen shows the note escaped" "She said <U+202E>evif no won"
tui_screen
check_no_grep "no raw override on the screen" "$RLO" "$T/screen"
tui_keys q
tui_wait "Caseload of alice"

# a: a goal with an override is refused in place, and nothing is stored.
tui_keys a
tui_wait "New client of alice"
tui_type "K-2"
tui_keys Tab Tab
tui_type "calm${RLO}er"
tui_keys C-s
check_screen "a goal with an override is refused with the reason" \
	"Goal: has an invisible bidirectional or zero-width character (U+202E)"
al client list --format csv
check_no_grep "nothing stored" "^K-2" "$T/out"

# Ctrl-E: an editor's CRLF file is read with plain newlines; a lone CR is a
# control and is refused, the form's note left as it was.
cat > "$T/cr-editor" <<EOS
#!/bin/sh
printf 'safe to discharge\rNOT\n' > "\$1"
EOS
cat > "$T/crlf-editor" <<EOS
#!/bin/sh
printf 'line one\r\nline two\r\n' > "\$1"
EOS
chmod +x "$T/cr-editor" "$T/crlf-editor"
tui_start EDITOR="'$T/cr-editor'"
tui_wait "Caseload of alice"
tui_keys n
tui_wait "New session for K-1"
tui_type 9
tui_keys C-e
check_screen "a lone CR from the editor is refused" "has a control character (U+000D)"
tui_start EDITOR="'$T/crlf-editor'"
tui_wait "Caseload of alice"
tui_keys n
tui_wait "Restore it?" # the draft the last run left: not wanted
tui_keys n
tui_wait "New session for K-1"
tui_type 9
tui_keys C-e
tui_wait "line two"
tui_keys C-s
check_screen "saved" "Session 2 of 2"
[ "$(sqlite3 "$DB" "SELECT hex(body) FROM note JOIN session s ON s.id = session_id WHERE s.date = '$(date +%F)'")" = \
	"$(printf 'line one\nline two' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" ] &&
	ok "the editor's CRLF note is stored with plain newlines" ||
	not_ok "the editor's CRLF note is stored with plain newlines"
