#!/bin/sh
# The caseload screen: risk order, filter, help, privacy curtain, resize,
# colour and NO_COLOR, quitting with the terminal restored.
. "$(dirname "$0")/lib.sh"
# today near the courses of May 2024: no client is "not seen for weeks"
export ALLIANCE_TODAY=2024-05-20

# Codes in the opposite of risk order, so sorting by code would fail.
course A-ok 9 9 9 9 9
course B-rep 10 10 10 8 10
course C-watch 9 9 9 9 7.8
course D-open 9 9 9 9 5
course E-unrep 9 9 9 5 5 5 5
al client add K-LONGCODE-0042

tui_start
check_screen "caseload opens" "Caseload of alice"
grep -o -E '^ [A-Z]-[A-Za-z0-9-]+ +[0-9]+ ' "$T/screen" | cut -d' ' -f2 > "$T/order"
printf '%s\n' E-unrep D-open C-watch B-rep A-ok K-LONGCODE-0042 > "$T/want"
same_file "clients in risk order" "$T/want" "$T/order"
grep -E '^ [A-E]-[a-z]+ +[0-9]+ ' "$T/screen" | grep -o -E '(! RUPTURE|\^ WATCH|✓ repaired|· ok)' > "$T/states"
printf '%s\n' '! RUPTURE' '! RUPTURE' '^ WATCH' '✓ repaired' '· ok' > "$T/want"
same_file "each status has its word" "$T/want" "$T/states"
check_grep "status glyph with the word" '! RUPTURE' "$T/screen"
check_grep "status line lists the keys" 'Enter open +/ filter +n new +x absent +a add +s board +q quit +\? help +z hide' "$T/screen"
check_grep "a client without sessions" 'K-LONGCODE-0042 +0  -' "$T/screen"

# Colour by default; NO_COLOR later must draw without any. An SGR colour
# parameter: 30-38, 40-48, 90-97, 100-107 (39 and 49 only reset).
colour='(\[|;)(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;|m)'
tm capture-pane -p -e -t ui > "$T/colour"
check_grep "colours on a colour terminal" "$colour" "$T/colour"

# ↓/j move, the selected row is reversed: Enter opens the second client.
tui_keys j
tui_keys Enter
check_screen "j then Enter opens the second client" "D-open  ! RUPTURE"
tui_keys q
check_screen "q goes back to the caseload" "Caseload of alice"

# Filter: typed keys are text (j and q too), Enter keeps the filter.
tui_keys /
tui_type "b-R"
check_screen_gone "filter hides the others" "E-unrep"
check_screen "filter narrows by code, any case" " B-rep"
tui_keys Enter
tui_keys j
check_screen "Enter keeps the filter" "Filter b-R"
check_grep "only the match is listed" '^ B-rep' "$T/screen"
check_grep "the title counts the matches among all" 'Caseload of alice +1 of [0-9]+ clients' "$T/screen"
tui_keys /
tui_keys Escape
check_screen "Esc clears the filter" "A-ok"

# Help from the same table as the keys; Esc closes it.
tui_keys '?'
check_screen "? shows help" "Help: Caseload"
check_grep "help lists each key" 'a +add a client \(code, modality, goal\)' "$T/screen"
check_grep "help lists the curtain" 'z/F2 +privacy curtain' "$T/screen"
tui_keys Escape
check_screen "Esc closes help" "Caseload of alice"
tui_keys F1
check_screen "F1 shows help" "Help: Caseload"
tui_keys Escape

# Privacy curtain: nothing but the line; Enter brings the screen back.
tui_keys z
check_screen "z lowers the curtain" "alliance — press Enter to return"
if grep -q -E 'E-unrep|A-ok|Caseload|RUPTURE' "$T/screen"; then
	not_ok "curtain hides every client code" "$(cat "$T/screen")"
else ok "curtain hides every client code"; fi
lines=$(grep -c . "$T/screen")
[ "$lines" = 1 ] && ok "curtain shows one line only" || not_ok "curtain shows one line only" "$(cat "$T/screen")"
tui_keys q j x
check_screen "other keys leave the curtain down" "press Enter to return"
tui_keys Enter
check_screen "Enter brings the caseload back" "E-unrep"
check_grep "the selection is kept" 'Caseload of alice' "$T/screen"

# Resize: too small below 80x24, then the screen as before.
tui_resize 60 20
check_screen "60x20 is too small" "terminal too small"
check_grep "too small hides the clients" '^[^A-E]*$' "$T/screen"
tui_resize 80 24
check_screen "back at 80x24" "Caseload of alice"
check_screen "codes cut with … past 10 at 80 columns" "K-LONGCOD…"
check_grep "mean sparkline at 80 columns" 'Mean, last 12' "$T/screen"
tui_resize 120 30
tui_wait "Collaboration Empathy"
check_grep "one sparkline per core dimension when wide, named in full" 'Status +Trust +Collaboration Empathy$' "$T/screen"

tui_keys q
poll tui_exited
check "q quits with status 0" 0
check_screen "the terminal is restored" "EXITED 0"

# NO_COLOR: attributes only, no colour escapes anywhere.
tui_start NO_COLOR=1
tui_wait "Caseload of alice"
tui_keys Enter
tui_wait "E-unrep  ! RUPTURE"
check_grep "the episode behind the status, chosen" \
	'^>! rupture +Since 4 May \(session 4\) trust fell' "$T/screen"
check_grep "its status under its kind" '^   unrepaired +' "$T/screen"
tm capture-pane -p -e -t ui > "$T/mono"
check_no_grep "NO_COLOR: no colour on the trend" "$colour" "$T/mono"
tui_keys q
tui_wait "Caseload of alice"
tm capture-pane -p -e -t ui > "$T/mono"
check_no_grep "NO_COLOR: no colour on the caseload" "$colour" "$T/mono"
check_grep "NO_COLOR: still reverse video for the selection" '\[7m' "$T/mono"

# A monochrome terminal: the same, without NO_COLOR.
tui_start TERM=xterm-mono
tui_wait "Caseload of alice"
tm capture-pane -p -e -t ui > "$T/mono"
check_no_grep "monochrome terminal: no colour" "$colour" "$T/mono"
check_grep "monochrome terminal: bold status words" '\[1m! RUPTURE' "$T/mono"

# --ascii: no UTF-8 glyphs on any screen.
ascii_only() {
	if LC_ALL=C grep -q -P '[\x80-\xff]' "$T/screen"; then
		not_ok "--ascii draws ASCII only: $1" "$(cat "$T/screen")"
	else ok "--ascii draws ASCII only: $1"; fi
}
tui_start -- --ascii
tui_wait "Caseload of alice"
ascii_only caseload
check_grep "--ascii keeps the status words" '! RUPTURE' "$T/screen"
tui_keys Enter
tui_wait "E-unrep  ! RUPTURE"
ascii_only "client trend"
tui_keys n
tui_wait "New session for E-unrep"
ascii_only "entry form"
check_grep "--ascii choice brackets" 'Rater +< client >' "$T/screen"
tui_keys F1
tui_wait "Help: Session entry"
ascii_only "help"
tui_stop
