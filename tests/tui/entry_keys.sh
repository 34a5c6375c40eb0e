#!/bin/sh
# The entry form as a new user types it (SPEC §5 "Session entry"): the Tab
# order that makes "7 Tab 6.5 Tab 8 Tab" reach the note, "7,5" refused with
# "use a dot: 7.5", ".5" taken as 0.5, no typed key dropped without a word,
# the clinician's wording for the clinician's ratings, a full field that
# says so, the editor chosen as $VISUAL, $EDITOR, sensible-editor, nano, vi,
# and the new-client form asking before it discards what was typed.
. "$(dirname "$0")/lib.sh"

today=$(date +%F)
al init
al client add K-1
al session add K-1 --date 2024-05-01 --trust 9 --collaboration 9 --empathy 9
note_of() { sqlite3 "$DB" "SELECT body FROM note JOIN session s ON s.id = session_id WHERE s.date = '$1' ORDER BY s.seq DESC LIMIT 1"; }

tui_start
tui_wait "Caseload of alice"
tui_keys n
tui_wait "New session for K-1"
tui_screen
sed -n '3,6p' "$T/screen" | sed 's/ *$//' > "$T/top"
cat > "$T/want" <<'EOF'
 Trust                  I felt safe and able to be open.
 Collaboration          We worked together on what matters to me, in a way that fits me.
 Empathy                I felt heard, understood and respected.
 Note           Tab leaves the note; Ctrl-E opens your text editor
EOF
same_file "the form reads in Tab order: ratings, then the note" "$T/want" "$T/top"
check_grep "then rater, rupture, context, attendance and the date, at the bottom" \
	"^ Date +$today +year-month-day" "$T/screen"
check_no_grep "no programmer words in the labels" 'YYYY|\$EDITOR' "$T/screen"

# "7,5": refused in place with the value it means.
tui_type "7,5"
check_screen "7,5 is refused with the reason beside it" "✗ use a dot: 7.5"
tui_keys Tab
check_screen "Tab refuses to leave it" "Trust: use a dot: 7.5"
tui_keys BSpace BSpace BSpace
tui_type 7
tui_keys Tab
tui_type 6.5
tui_keys Tab
tui_type .5
tui_keys Tab
tui_type "Talked about the holiday."
check_screen "7 Tab 6.5 Tab .5 Tab reaches the note, whole" "Talked about the holiday."

# Rater: a choice. A digit is not silently dropped; a letter picks a choice;
# the items then speak of the client in the clinician's words.
tui_keys Tab
tui_type 7
check_screen "a digit on a choice says what the field takes" \
	"This field takes no typing: Space or Left/Right choose, Tab moves on"
tui_type c
check_screen "c picks the clinician" "ratings by the clinician"
check_grep "the items in the clinician's words" 'Trust +The client seemed safe and able to be open.' "$T/screen"
check_no_grep "not the client's" 'I felt safe' "$T/screen"
tui_type c
check_screen "c again: back to the client" "ratings by the client"
check_grep "and the client's words" 'Trust +7 +I felt safe and able to be open.' "$T/screen"

# Rupture: w picks withdrawal.
tui_keys Tab
tui_type w
check_screen "w picks withdrawal" "‹ withdrawal ›"
tui_type n
check_screen "n picks none again" "‹ none ›"

# Context: a full field says so instead of taking the key without a word.
tui_keys Tab
long=$(printf '%200s' '' | tr ' ' x)
tui_type "$long"
tui_type y
check_screen "a full field says why the key was not taken" \
	"Context: at most 200 characters (the key was not taken)"
tui_keys C-u
tui_keys Tab
check_screen "then the attendance" "‹ attended"
tui_keys Tab
check_screen "then the client's check-in" "‹ none ›              client: 0 none .. 4 a lot"
tui_keys Tab Tab Tab
check_screen "and the client's comment" "kept like a note"
tui_keys Tab
check_screen "the date is the last field" "Date           $today"
tui_keys Tab
tui_type 8
check_screen "and Tab from it wraps to the first rating" "Trust          78"
tui_keys BSpace
tui_keys C-s
check_screen "it saves" "Session 2 of 2, $today"
al session list K-1 --format csv
check_grep "7, 6.5 and .5 as 0.5 stored" "^2,$today,client,empathy,0.5," "$T/out"
check_grep "collaboration 6.5" "^2,$today,client,collaboration,6.5," "$T/out"
[ "$(note_of "$today")" = "Talked about the holiday." ] && ok "the note is stored whole" ||
	not_ok "the note is stored whole" "$(note_of "$today")"
tui_stop

# Ctrl-E: $VISUAL first, then $EDITOR.
for v in visual editor; do
	printf '#!/bin/sh\nprintf "from %s" >> "$1"\n' "$v" > "$T/$v"
	chmod +x "$T/$v"
done
tui_start VISUAL="'$T/visual'" EDITOR="'$T/editor'"
tui_wait "Caseload of alice"
tui_keys n
tui_wait "New session for K-1"
tui_keys C-e
check_screen "Ctrl-E runs \$VISUAL before \$EDITOR" "from visual"
check_no_grep "without a word about the choice" "Note written with" "$T/screen"
tui_keys Escape
tui_wait "Discard what you typed?"
tui_keys y
tui_wait "Caseload of alice"
tui_stop

# Neither set: sensible-editor, else nano, else vi, and the form says which.
mkdir "$T/bin"
ln -s "$(command -v sh)" "$T/bin/sh"
ln -s "$(command -v sleep)" "$T/bin/sleep"
printf '#!/bin/sh\nprintf "from nano" >> "$1"\n' > "$T/bin/nano"
printf '#!/bin/sh\nprintf "from vi" >> "$1"\n' > "$T/bin/vi"
chmod +x "$T/bin/nano" "$T/bin/vi"
tui_start VISUAL= EDITOR= PATH="'$T/bin'"
tui_wait "Caseload of alice"
tui_keys n
tui_wait "New session for K-1"
tui_keys C-e
check_screen "without VISUAL or EDITOR: nano before vi" "from nano"
check_screen "and the form says which" \
	"Note written with nano (to choose another editor, set VISUAL or EDITOR)"
tui_keys Escape
tui_wait "Discard what you typed?"
tui_keys y
tui_wait "Caseload of alice"
tui_stop
cp "$T/bin/nano" "$T/bin/sensible-editor"
sed -i 's/from nano/from sensible/' "$T/bin/sensible-editor"
tui_start VISUAL= EDITOR= PATH="'$T/bin'"
tui_wait "Caseload of alice"
tui_keys n
tui_wait "New session for K-1"
tui_keys C-e
check_screen "sensible-editor before nano" "from sensible"
tui_stop

# The new-client form: Esc leaves at once when nothing was typed, asks
# otherwise; n keeps editing, y discards.
tui_start
tui_wait "Caseload of alice"
tui_keys a
tui_wait "New client of alice"
tui_keys Escape
check_screen "Esc on an untouched new-client form leaves at once" "Caseload of alice"
tui_keys a
tui_wait "New client of alice"
tui_type K-2
tui_keys Escape
check_screen "Esc after typing asks" "Discard what you typed? (y discards, n keeps editing)"
tui_keys n
check_screen_gone "n keeps editing" "Discard what you typed"
check_grep "with the code typed" "Code +K-2" "$T/screen"
tui_keys Escape
tui_wait "Discard what you typed"
tui_keys y
check_screen "y discards" "Caseload of alice"
al client list --format csv
check_no_grep "nothing added" "^K-2," "$T/out"
tui_stop
