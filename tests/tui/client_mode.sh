#!/bin/sh
# Client mode (SPEC §5, t): the client answers in their own words with no
# code, name, other client or earlier rating in sight; no key but the
# clinician's PIN leaves it (5 wrong: 30 s, on a clock the test moves);
# the right PIN opens the entry form filled in, and what is saved is
# exactly what was answered. An 80x24 golden of a question:
# GOLDEN_UPDATE=1 sh tests/run.sh tui/client_mode rewrites
# tests/tui/golden/client_mode.txt (review it with git diff).
. "$(dirname "$0")/lib.sh"

export ALLIANCE_TODAY=2024-06-01
CLOCK="$T/clock"
echo 0 > "$CLOCK"
course K-7 9 9 9 9
al client add Z-9
al session add Z-9 --date 2024-05-02 --trust 3 --collaboration 4 --empathy 4
draft() { sqlite3 "$DB" "SELECT body FROM draft" 2>/dev/null; }
draft_has() { draft | grep -qF -- "$1"; }

# pin_set PIN: `alliance user pin` on a terminal, as a clinician would.
pin_set() {
	tui_start -- user pin
	tui_wait "New PIN (4 to 12 digits):"
	tui_type "$1"
	tui_keys Enter
	tui_wait "The same PIN again:"
	tui_type "$1"
	tui_keys Enter
	poll tui_exited
}

# start: the caseload with K-7 selected (the code filter), the clock file given.
start() {
	tui_start "ALLIANCE_CLOCK_FILE='$CLOCK'"
	tui_wait "Caseload of alice"
	tui_keys /
	tui_type K-7
	tui_keys Enter
	tui_wait_gone "Z-9"
}

# No PIN yet: t says to set one first.
start
tui_keys t
check_screen "t without a PIN: set one first" "client mode: first set your PIN (alliance user pin)"
check_grep "and the caseload stays" "Caseload of alice" "$T/screen"

pin_set 4711
start
tui_resize 80 24
tui_keys t
check_screen "t opens client mode at the first item" "I felt safe and able to be open."
check_grep "one question of six (talked only after tension)" "Question 1 of 6" "$T/screen"
check_no_grep "no code, no other client, no user" 'K-7|Z-9|alice|Caseload' "$T/screen"
check_no_grep "no earlier rating" '9\.0|3\.0' "$T/screen"
tui_type 7.5
tui_wait "[8]"
tui_screen
if [ "${GOLDEN_UPDATE:-}" = 1 ] && ! cmp -s "$T/screen" tests/tui/golden/client_mode.txt; then
	cp "$T/screen" tests/tui/golden/client_mode.txt
	echo "# rewrote tests/tui/golden/client_mode.txt"
fi
same_file "80x24 golden: big digits, the scale, the client's words" tests/tui/golden/client_mode.txt "$T/screen"

# No key leaves it: q, Ctrl-C, Ctrl-Z, s, n; F1 shows the client's help.
for k in q C-c C-z s n; do tui_keys "$k"; done
tui_keys F1
check_screen "F1: the client's own help" "Esc closes this help."
check_no_grep "not the clinician's keys" 'quit|new session|supervisor|Caseload' "$T/screen"
tui_keys Escape
check_screen "Esc closes it, back at the question" "Question 1 of 6"
check_grep "q, ^C, ^Z, s and n left the answer as it was" '\[8\]' "$T/screen"
[ ! -s "$T/rc" ] && ok "still running" || not_ok "still running" "exit $(cat "$T/rc")"

# The answers: digits, arrows, the check-in, the comment.
tui_keys Enter
tui_wait "Question 2 of 6"
tui_type 8
tui_keys Enter
tui_wait "Question 3 of 6"
tui_keys Right Right Right Left
tui_wait "[6]"
tui_keys Enter
check_screen "the check-in after the items" "Was there any tension, misunderstanding or disagreement"
tui_type 2
tui_keys Enter
check_screen "talked, asked after some tension" "How well did we talk it through?"
check_grep "now seven questions" "Question 5 of 7" "$T/screen"
tui_type 3
tui_keys Enter
check_screen "misunderstood" "feel misunderstood today?"
tui_type n
tui_keys Enter
check_screen "the comment" "What should be different next time?"
tui_type "More breaks"
tui_keys Enter
check_screen "the end" "Thank you — please hand the keyboard back"
if poll draft_has "comment=More breaks"; then ok "the answers are a draft as they come"; else
	not_ok "the answers are a draft" "$(draft)"; fi

# Leaving: any key asks the PIN, never echoed; a wrong one returns.
tui_keys x
check_screen "after the last answer any key asks the PIN" "PIN to leave client mode"
tui_type 4712
tui_wait "PIN: ••••"
check_no_grep "the PIN is never echoed" 4712 "$T/screen"
tui_keys Enter
check_screen "a wrong PIN: said" "Wrong PIN."
check_grep "and back where the client was" "Thank you — please hand the keyboard back" "$T/screen"
tui_keys Escape
tui_wait "PIN to leave client mode"
tui_type 4711
tui_keys Enter
check_screen "the right PIN opens the entry form" "New session for K-7"
check_grep "filled in, ratings by the client" "ratings by the client" "$T/screen"
check_grep "trust" 'Trust +7\.5 ' "$T/screen"
check_grep "collaboration" 'Collaboration +8\.0 ' "$T/screen"
check_grep "empathy from the arrows (5 first, then 6, 7, 6)" 'Empathy +6\.0 ' "$T/screen"
check_grep "tension" 'Tension +‹ 2' "$T/screen"
check_grep "talked" 'Talked +‹ 3' "$T/screen"
check_grep "misunderstood" 'Misunderstood +‹ no' "$T/screen"
check_grep "the comment" 'Comment +More breaks' "$T/screen"
tui_type "Calmer today"
tui_keys C-s
check_screen "saved" "Session saved."
al session list K-7 --format csv
grep "^5," "$T/out" > "$T/s5"
printf '%s\n' "5,2024-06-01,client,trust,7.5,,,attended,2,3,no" \
	"5,2024-06-01,client,collaboration,8.0,,,attended,2,3,no" \
	"5,2024-06-01,client,empathy,6.0,,,attended,2,3,no" > "$T/want"
same_file "exactly the answers are stored" "$T/want" "$T/s5"
[ -z "$(draft)" ] && ok "saving drops the draft" || not_ok "saving drops the draft" "$(draft)"
notes() { sqlite3 "$DB" "SELECT kind || ':' || body FROM note WHERE session_id = (SELECT max(id) FROM session) ORDER BY kind"; }
printf '%s\n' "client:More breaks" "note:Calmer today" > "$T/want"
notes > "$T/got"
same_file "the comment and the note, each as typed" "$T/want" "$T/got"

# kill -9 mid-answers: the next t offers them back, and so does n.
tui_keys t
tui_wait "Question 1 of 6"
tui_type 6
tui_keys Enter
tui_wait "Question 2 of 6"
tui_type 5
if poll draft_has "client.collaboration=5"; then ok "mid-answers: kept as typed"; else
	not_ok "mid-answers: kept as typed" "$(draft)"; fi
kill -9 "$(cat "$T/pid")"
poll tui_exited
start
tui_keys t
check_screen "the next t offers the answers back" "Continue them with the client? (y continues, n starts afresh)"
tui_keys y
check_screen "where the client was" "Question 2 of 6"
check_grep "with what was typed" '\[5\]' "$T/screen"
tui_keys Escape
tui_wait "PIN to leave client mode"
tui_type 4711
tui_keys Enter
tui_wait "New session for K-7"
tui_keys Escape
tui_wait "Discard what you typed?"
tui_keys n
kill -9 "$(cat "$T/pid")"
poll tui_exited
start
tui_keys n
check_screen "n offers them back too" "Restore it? (y/n)"
tui_keys y
check_screen_gone "y restores them" "Restore it?"
check_grep "the entry form takes them" 'Trust +6\.0 ' "$T/screen"
check_grep "both" 'Collaboration +5\.0 ' "$T/screen"

# Five wrong PINs: 30 s before the next try (the clock file moves time).
tui_keys Escape
tui_wait "Discard what you typed?"
tui_keys y
tui_wait "Caseload of alice"
tui_keys t
tui_wait "Question 1 of 6"
for i in 1 2 3 4 5; do
	tui_keys Escape
	tui_wait "PIN to leave client mode"
	tui_type 1111
	tui_keys Enter
	tui_wait_gone "PIN to leave client mode"
done
check_screen "five wrong: 30 s" "5 wrong PINs: the next try in 30 s"
tui_keys Escape
check_screen "Esc within the 30 s: no PIN asked" "Too many wrong PINs: the next try in"
check_no_grep "still locked" "PIN to leave client mode" "$T/screen"
echo 31 > "$CLOCK"
tui_keys Escape
check_screen "after 30 s the PIN is asked again" "PIN to leave client mode"
tui_type 4711
tui_keys Enter
check_screen "and the right one is taken" "New session for K-7"
tui_keys Escape
tui_wait "Discard what you typed?"
tui_keys y
tui_wait "Caseload of alice"

# From the client's screen too; with ask_checkin 0 the items and the
# comment alone.
al config set ask_checkin 0
tui_keys Enter
check_screen "Enter opens the client" "5 sessions  clinician alice"
tui_keys t
check_screen "t on the client's screen" "I felt safe and able to be open."
check_grep "ask_checkin 0: no check-in (three items and the comment)" "Question 1 of 4" "$T/screen"
check_no_grep "the client screen is gone" 'K-7|clinician alice' "$T/screen"
for v in 9 9 9; do
	tui_type "$v"
	tui_keys Enter
done
check_screen "the comment follows the items" "What should be different next time?"
tui_stop
