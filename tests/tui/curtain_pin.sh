#!/bin/sh
# The curtain with a PIN (SPEC §5): once the user has one, Enter under
# the curtain (z, F2, the idle lock, client mode's F2) asks for it, never
# echoed; a wrong one keeps the screen hidden, 5 wrong make the next try
# wait 30 s (on a clock the test moves: ALLIANCE_CLOCK_FILE).
. "$(dirname "$0")/lib.sh"

CLOCK="$T/clock"
echo 0 > "$CLOCK"
course K-7 9 9 9
# Without a PIN, Enter alone lifts it.
tui_start
tui_wait "Caseload of alice"
tui_keys z
tui_wait "alliance — press Enter to return"
tui_keys Enter
check_screen "no PIN: Enter lifts the curtain" "Caseload of alice"

tui_start -- user pin
tui_wait "New PIN (4 to 12 digits):"
tui_type 2580
tui_keys Enter
tui_wait "The same PIN again:"
tui_type 2580
tui_keys Enter
poll tui_exited

tui_start "ALLIANCE_CLOCK_FILE='$CLOCK'"
tui_wait "Caseload of alice"
tui_keys z
tui_wait "alliance — press Enter to return"
tui_keys Enter
check_screen "with a PIN, Enter asks for it" "Your PIN, then Enter"
check_no_grep "still hidden" "K-7|Caseload" "$T/screen"
tui_type 1234
tui_wait "PIN: ••••"
check_no_grep "never echoed" 1234 "$T/screen"
tui_keys Enter
check_screen "a wrong PIN: said" "Wrong PIN."
check_no_grep "and the screen stays hidden" "K-7|Caseload" "$T/screen"
tui_keys Enter
tui_wait "Your PIN, then Enter"
tui_type 2580
tui_keys Enter
check_screen "the right PIN lifts it" "Caseload of alice"

# Five wrong: 30 s before the next try, then the right one works.
tui_keys F2
tui_wait "alliance — press Enter to return"
for i in 1 2 3 4 5; do
	tui_keys Enter
	tui_wait "Your PIN, then Enter"
	tui_type 9999
	tui_keys Enter
	tui_wait_gone "Your PIN, then Enter"
done
check_screen "five wrong: the next try in 30 s" "5 wrong PINs: the next try in 30 s"
tui_keys Enter
tui_screen
check_no_grep "Enter within the 30 s asks nothing" "Your PIN" "$T/screen"
echo 31 > "$CLOCK"
tui_keys Enter
check_screen "after 30 s it asks again" "Your PIN, then Enter"
tui_type 2580
tui_keys Enter
check_screen "and takes the right PIN" "Caseload of alice"

# The idle lock (its minutes on the same clock) asks for the PIN too.
al config set idle_lock 1
echo 92 > "$CLOCK" # a minute after the last key
check_screen "the idle lock comes down" "alliance — press Enter to return"
tui_keys Enter
check_screen "and lifting it asks for the PIN" "Your PIN, then Enter"
tui_type 2580
tui_keys Enter
check_screen "the PIN brings the caseload back" "Caseload of alice"

# In client mode F2 hides the questions; the PIN brings them back.
tui_keys t
tui_wait "Question 1 of"
tui_type 4
tui_keys F2
check_screen "F2 in client mode: the curtain" "alliance — press Enter to return"
tui_keys Enter
tui_wait "Your PIN, then Enter"
tui_type 2580
tui_keys Enter
check_screen "the PIN: back at the client's question" "Question 1 of"
check_grep "as it was" '\[4\]' "$T/screen"
tui_stop
