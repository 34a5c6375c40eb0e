#!/bin/sh
# A note from $EDITOR longer than a note may be (20,000 characters) is
# refused with the reason and never cut: the form keeps its note, Ctrl-S
# refuses, and the next Ctrl-E opens the whole text again to be shortened.
# The editor's directory that a kill -9 left behind goes at the next start.
. "$(dirname "$0")/lib.sh"

al init
al client add K-1
al session add K-1 --date 2024-05-01 --trust 9 --collaboration 9 --empathy 9
al session list K-1 --format csv
cp "$T/out" "$T/before"
# The editor: the first time it writes 25,000 characters (ending in a
# marker, some of them two bytes long); then it records what it was given
# and keeps only its last 19,000 bytes.
mkdir "$T/tmp"
cat > "$T/editor" <<EOS
#!/bin/sh
if [ ! -f "$T/calls" ]; then
	echo 1 > "$T/calls"
	{ printf '%12000s' '' | tr ' ' a; printf '%8000s' '' | sed 's/ /é/g'
	  printf '%4990s' '' | tr ' ' b; printf 'LAST-WORDS'; } > "\$1"
else
	cp "\$1" "$T/given"
	tail -c 19000 "$T/given" > "\$1"
fi
EOS
chmod +x "$T/editor"
chars() { LC_ALL=C.UTF-8 wc -m < "$1" | tr -d ' '; }

tui_start EDITOR="'$T/editor'" TMPDIR="'$T/tmp'"
tui_wait "Caseload of alice"
tui_keys n
tui_wait "New session for K-1"
tui_type 7
tui_keys Tab Tab Tab
tui_type "typed first"
tui_keys C-e
check_screen "a 25,000-character note is refused with the reason" \
	"note: 25000 characters, over 20000; nothing was cut: Ctrl-E reopens all of it to shorten it"
check_grep "the form keeps the note it had" "typed first" "$T/screen"
check_no_grep "and takes none of the long text" "aaaa|LAST-WORDS" "$T/screen"
[ -z "$(ls -A "$T/tmp")" ] && ok "the editor's file is removed all the same" ||
	not_ok "the editor's file is removed all the same" "$(ls -lR "$T/tmp")"
tui_keys C-s
check_screen "Ctrl-S refuses while the long text is not shortened" \
	"Note: the editor's text is over 20000 characters: Ctrl-E to shorten it"
al session list K-1 --format csv
check_file "nothing is stored" "$T/before"
tui_keys C-e
check_screen "the shortened text is taken" "LAST-WORDS"
[ "$(chars "$T/given")" = 25000 ] && grep -q 'LAST-WORDS$' "$T/given" && [ "$(head -c 3 "$T/given")" = aaa ] &&
	ok "the second Ctrl-E opened the whole 25,000 characters" ||
	not_ok "the second Ctrl-E opened the whole 25,000 characters" "$(chars "$T/given") characters"
tui_keys C-s
check_screen "it saves" "Session 2 of 2"
sqlite3 "$DB" "SELECT body FROM note JOIN session s ON s.id = session_id WHERE s.seq = 1
	AND s.date = '$(date +%F)'" > "$T/note"
printf '%s' "$(cat "$T/note")" > "$T/note.trim"
tail -c 19000 "$T/given" > "$T/want"
same_file "the stored note is the shortened text, to the last byte" "$T/want" "$T/note.trim"
[ -z "$(ls -A "$T/tmp")" ] && ok "no editor file left" || not_ok "no editor file left"
tui_stop

# kill -9 while the editor runs: its directory stays; the next start
# removes it, but not that of a process still running.
cat > "$T/editor" <<EOS
#!/bin/sh
echo \$\$ > "$T/editor.pid"
while [ ! -f "$T/release" ]; do sleep 0.05; done
EOS
editing() { [ -s "$T/editor.pid" ]; }
editor_gone() { ! kill -0 "$(cat "$T/editor.pid")" 2> /dev/null; }
left() { ls -d "$T/tmp"/alliance-note.* 2> /dev/null; }
tui_start EDITOR="'$T/editor'" TMPDIR="'$T/tmp'"
tui_wait "Caseload of alice"
tui_keys n
tui_wait "New session for K-1"
tui_type 6
tui_keys C-e
poll editing
dead=$(cat "$T/pid")
kill -9 "$dead"
poll tui_exited
touch "$T/release"
poll editor_gone
stale=$(left)
case "$stale" in
"$T/tmp/alliance-note.$dead."*) [ -f "$stale/note.txt" ] &&
	ok "control: kill -9 leaves the editor's directory and file" ||
	not_ok "control: kill -9 leaves the editor's directory and file" "$(ls -lR "$T/tmp")" ;;
*) not_ok "control: kill -9 leaves the editor's directory and file" "$(ls -lR "$T/tmp")" ;;
esac
mkdir -m 700 "$T/tmp/alliance-note.$$.Alive1" && echo "live note" > "$T/tmp/alliance-note.$$.Alive1/note.txt"
tui_start TMPDIR="'$T/tmp'"
tui_wait "Caseload of alice"
[ ! -e "$stale" ] && ok "the next start removes it" || not_ok "the next start removes it" "$(ls -lR "$T/tmp")"
[ -f "$T/tmp/alliance-note.$$.Alive1/note.txt" ] && ok "but not one of a running process" ||
	not_ok "but not one of a running process"
tui_stop
