#!/bin/sh
# The session entry form: keys only, refused values, text fields that take
# q z ? as text, the curtain inside the note, $EDITOR, editing, cancelling.
. "$(dirname "$0")/lib.sh"

today=$(date +%F)
al init
al client add K-1
for d in 01 02 03; do
	al session add K-1 --date 2024-05-$d --trust 9 --collaboration 9 --empathy 9
done
list() { al session list K-1 --format csv; }
note_of() { sqlite3 "$DB" "SELECT body FROM note JOIN session s ON s.id = session_id WHERE s.date = '$1' AND kind = 'note' ORDER BY s.seq DESC LIMIT 1"; }
list
cp "$T/out" "$T/before"

tui_start
tui_wait "Caseload of alice"
tui_keys n
check_screen "n opens the entry form" "New session for K-1"
check_grep "the date defaults to today" "Date +$today" "$T/screen"
check_grep "the item wording is shown" 'I felt safe and able to be open' "$T/screen"
check_grep "status line of the form" 'Tab next +S-Tab previous +\^S/F10 save' "$T/screen"

# A date in the future is refused too.
tui_keys BTab C-u
tui_type 2999-01-01
tui_keys Tab
check_screen "a future date is refused" "Date: in the future"
tui_keys C-u
tui_type "$today"
tui_keys Tab
tui_wait_gone "in the future"

# Out of range: refused in place with the reason, focus stays, nothing stored.
tui_type 11
check_screen "an out-of-range value shows why" "✗ out of range 0 to 10"
tui_keys Tab
check_screen "Tab refuses to leave it" "Trust: out of range 0 to 10"
tui_keys C-s
check_screen "Ctrl-S refuses too" "Trust: out of range 0 to 10"
list
check_file "nothing stored" "$T/before"

# Esc asks because something was typed; n keeps editing; y discards.
tui_keys Escape
check_screen "Esc asks when something was typed" "Discard what you typed? (y discards"
tui_keys n
check_screen_gone "n keeps editing" "Discard what you typed"
tui_keys Escape
tui_wait "Discard what you typed"
tui_keys y
check_screen "y discards" "Caseload of alice"
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM draft')" = 0 ] && ok "discarding drops the draft" ||
	not_ok "discarding drops the draft"
tui_keys n
tui_wait "New session for K-1"
tui_keys Escape
check_screen "Esc without typing leaves at once" "Caseload of alice"

# A whole entry by keys: three values, a note, Ctrl-S.
tui_keys n
tui_wait "New session for K-1"
tui_type 9
tui_keys Tab
tui_type 7.5
tui_keys Tab
tui_type 10
tui_keys Tab
tui_type "Talked about the break."
tui_keys C-s
check_screen "saving opens the client's trend" "Session 4 of 4, $today"
check_grep "the new values are shown" 'Trust 9.0  Collaboration 7.5  Empathy 10.0' "$T/screen"
check_grep "with the note" 'Talked about the break.' "$T/screen"
check_grep "and the new status at once" '^ K-1  \^ WATCH' "$T/screen"
tui_keys f
check_screen "f: the new session's flags" "Flags of K-1 at session 4 of 4, $today"
check_grep "explained in words" '^ \^ (dip|low) +Collaboration was 7\.5' "$T/screen"
tui_keys Escape
tui_wait "Session 4 of 4, $today"
list
check "exactly those values stored" 0 "$(cat "$T/before")
4,$today,client,trust,9.0,,,attended,,,
4,$today,client,collaboration,7.5,,,attended,,,
4,$today,client,empathy,10.0,,,attended,,,"
[ "$(note_of "$today")" = "Talked about the break." ] && ok "the note is stored" ||
	not_ok "the note is stored" "$(note_of "$today")"

# Inside text fields q z ? j k are text; F2 works there, Enter restores.
tui_keys n
tui_wait "New session for K-1"
tui_keys Tab Tab Tab
tui_type "q z ? j k"
check_screen "q z ? j k typed into the note" "q z ? j k"
tui_keys F2
check_screen "F2 lowers the curtain inside the note" "press Enter to return"
check_no_grep "the curtain hides the note" 'q z' "$T/screen"
tui_keys Enter
check_screen "Enter brings the typed text back" "q z ? j k"
tui_keys Enter
tui_type "second line"
tui_keys Up
tui_type "!"
check_screen "↑ moves between the note's lines" "q z ? j k!"
tui_keys F1
check_screen "F1 shows help inside the note" "Help: Session entry"
check_grep "help lists each item's wording" 'Empathy +I felt heard, understood and respected.' "$T/screen"
tui_resize 80 24
check_screen "80 columns: the whole wording, on its own row" "We worked together on what matters to me, in a way that fits me."
check_grep "80 columns: the Esc line is not cut" '; q outside text fields\)$' "$T/screen"
tui_resize 100 30
tui_keys Escape
tui_wait "q z ? j k!"
tui_keys C-s
check_screen "an unrated session is saved" "Session 5 of 5"
nl='
'
[ "$(note_of "$today")" = "q z ? j k!${nl}second line" ] && ok "q z ? stored as text" ||
	not_ok "q z ? stored as text" "$(note_of "$today")"

# e edits the selected session: ← selects session 4, change trust, F10 saves.
tui_keys Left
check_screen "← selects the previous session" "Session 4 of 5"
tui_keys e
check_screen "e opens the session" "Edit a session of K-1"
check_grep "with its values" 'Collaboration +7.5' "$T/screen"
tui_keys BSpace BSpace BSpace
tui_type 8.5
tui_keys F10
check_screen "F10 saves the edit" "Trust 8.5  Collaboration 7.5"
list
grep "^4," "$T/out" > "$T/s4"
printf '%s\n' "4,$today,client,trust,8.5,,,attended,,," "4,$today,client,collaboration,7.5,,,attended,,," \
	"4,$today,client,empathy,10.0,,,attended,,," > "$T/want"
same_file "the edit replaced the rating" "$T/want" "$T/s4"

# Ctrl-E: the note in $EDITOR, in a 0600 file in a 0700 directory, removed after.
mkdir "$T/tmp"
cat > "$T/editor" <<EOF
#!/bin/sh
stat -c %a "\$1" > "$T/file_mode"
stat -c %a "\$(dirname "\$1")" > "$T/dir_mode"
printf 'from the editor\n' >> "\$1"
cp "\$1" "\$1~" # a backup file, as many editors leave
EOF
chmod +x "$T/editor"
tui_start EDITOR="'$T/editor'" TMPDIR="'$T/tmp'"
tui_wait "Caseload of alice"
tui_keys n
tui_wait "New session for K-1"
tui_type 9
tui_keys C-e
check_screen "the editor's text comes back" "from the editor"
[ "$(cat "$T/file_mode" 2>/dev/null)" = 600 ] && ok "editor file 0600" || not_ok "editor file 0600"
[ "$(cat "$T/dir_mode" 2>/dev/null)" = 700 ] && ok "editor directory 0700" || not_ok "editor directory 0700"
[ -z "$(ls -A "$T/tmp")" ] && ok "editor file, its backup and directory removed" ||
	not_ok "editor file, its backup and directory removed" "$(ls -lR "$T/tmp")"
tui_keys C-s
check_screen "saved after the editor" "Session 6 of 6"
[ "$(note_of "$today")" = "from the editor" ] && ok "the editor's note is stored" ||
	not_ok "the editor's note is stored" "$(note_of "$today")"

# A failed save keeps every typed value and says why.
sqlite3 "$DB" "CREATE TRIGGER no_more BEFORE INSERT ON session BEGIN SELECT RAISE(ABORT, 'disk says no'); END;"
tui_keys n
tui_wait "New session for K-1"
tui_type 6
tui_keys Tab Tab Tab
tui_type "kept"
tui_keys C-s
check_screen "a failed save says why" "disk says no"
check_grep "and keeps the typed values" 'Trust +6 ' "$T/screen"
check_grep "and the note" 'kept' "$T/screen"
sqlite3 "$DB" "DROP TRIGGER no_more"
tui_keys C-s
check_screen "saving again works" "Session 7 of 7"

tui_keys q q
poll tui_exited
check "quit after entries" 0

# Read-only and supervisors: no entry form, a reason instead.
tui_start -- --read-only
tui_wait "Caseload of alice"
tui_keys n
check_screen "read-only refuses n" "new session: refused: the database is open read-only"
tui_stop
