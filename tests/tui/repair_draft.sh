#!/bin/sh
# The repair form keeps a draft while typing (SPEC §5, as the session
# entry does): kill -9 loses nothing, the next r offers it back in the
# entry's words and restores domain, strategies, session and note; Ctrl-S
# records exactly that and drops the draft; a discard drops it; another
# user is not offered it; a purge removes it.
. "$(dirname "$0")/lib.sh"

course K-1 9 9 9 9 3 9 9 # a rupture at session 5
today=$(date -u +%F)     # drafts keep UTC times
drafts() { sqlite3 "$DB" "SELECT count(*) FROM repair_draft"; }
draft_has() { sqlite3 "$DB" "SELECT body FROM repair_draft" 2> /dev/null | grep -qF -- "$1"; }
# open_form: from the caseload to the repair form of K-1's episode.
open_form() {
	tui_wait "Caseload of"
	tui_keys Enter
	tui_wait "K-1"
	tui_keys r
	tui_wait "Repair for K-1: the episode opened at session 5"
}

tui_start
open_form
tui_type g
tui_keys Tab Tab
tui_type x
tui_keys Tab Tab Tab Tab Tab Tab Tab
tui_type ' '
tui_keys Tab C-u
tui_type 6
tui_keys Tab
tui_type "Named the missed homework."
if poll draft_has "Named the missed homework."; then ok "the draft is written while typing"; else
	not_ok "the draft is written while typing" "$(sqlite3 "$DB" 'SELECT * FROM repair_draft')"; fi
kill -9 "$(cat "$T/pid")"
poll tui_exited
check "killed with -9" 137
[ "$(drafts)" = 1 ] && ok "the draft outlives the process" || not_ok "the draft outlives the process"
sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity LIKE '%draft%' OR action LIKE '%draft%'" > "$T/got"
[ "$(cat "$T/got")" = 0 ] && ok "no audit row for the draft" || not_ok "no audit row for the draft"

tui_start
open_form
check_screen "the next r offers the draft back" "An unsaved entry from $today"
check_grep "as a question, in the entry form's words" 'was kept\. Restore it\? \(y/n\)' "$T/screen"
tui_keys y
check_screen "y restores the note" "Named the missed homework."
check_grep "and the domain" 'Domain +‹ goals ›' "$T/screen"
check_grep "and clarify" 'clarify +\[x\]' "$T/screen"
check_grep "and supervision" 'supervision +\[x\]' "$T/screen"
check_grep "and nothing else ticked" '^ *metacommunicate +\[ \]' "$T/screen"
check_grep "and the session" 'Session +6 ' "$T/screen"
tui_keys C-s
check_screen "the restored form records the repair" \
	"K-1: repair recorded for the episode opened at session 5."
al repairs K-1 --format csv
check "repairs shows exactly what was chosen" 0 "client,opened,session,domain,strategy
K-1,5,6,goals,clarify
K-1,5,6,goals,supervision"
[ "$(sqlite3 "$DB" "SELECT body FROM repair_note")" = "Named the missed homework." ] &&
	ok "the note is stored" || not_ok "the note is stored"
[ "$(drafts)" = 0 ] && ok "saving drops the draft" || not_ok "saving drops the draft"

# A deliberate discard drops the draft; the next r offers nothing.
tui_keys r
tui_wait "Repair for K-1"
check_no_grep "no draft after saving" "An unsaved entry" "$T/screen"
tui_keys Tab
tui_type x
poll draft_has "strategies=metacommunicate"
[ "$(drafts)" = 1 ] && ok "control: a new draft" || not_ok "control: a new draft"
tui_keys Escape
tui_wait "Discard what you typed?"
tui_keys y
check_screen_gone "y discards" "Repair for K-1"
[ "$(drafts)" = 0 ] && ok "a discarded draft is gone" || not_ok "a discarded draft is gone"
tui_keys r
tui_wait "Repair for K-1"
check_no_grep "and is not offered" "An unsaved entry" "$T/screen"

# A draft is offered to the user who typed it alone: the client handed
# over to bob, bob's r offers nothing and alice's draft stays hers.
tui_keys Tab Tab
tui_type "x"
tui_keys Tab Tab Tab Tab Tab Tab Tab Tab Tab
tui_type "alice only"
poll draft_has "alice only"
kill -9 "$(cat "$T/pid")"
poll tui_exited
al user add bob
sqlite3 "$DB" "UPDATE client SET clinician_id = (SELECT id FROM user WHERE name = 'bob')"
tui_start -- --user bob
open_form
check_no_grep "another user is not offered the draft" "An unsaved entry" "$T/screen"
check_grep "bob's form is empty" 'clarify +\[ \]' "$T/screen"
tui_keys Escape
check_screen "Esc leaves the untouched form at once" "K-1"
tui_stop
[ "$(sqlite3 "$DB" "SELECT u.name FROM repair_draft d JOIN user u ON u.id = d.user_id")" = alice ] &&
	ok "the draft stays alice's" || not_ok "the draft stays alice's"

# A purge removes it with the client.
al --user bob client delete K-1 --purge
check "the purge" 0 "K-1: purged with its 7 sessions"
[ "$(drafts)" = 0 ] && ok "a purge removes the draft" || not_ok "a purge removes the draft"

# A draft typed for one episode, offered by r on another of the client's
# episodes: restoring it goes back to the draft's own episode.
al client add K-2
day=1
for v in 9 9 9 9 3 9 9 9 9 9 9 9 3 9 9; do
	al session add K-2 --date "2024-05-$(printf %02d $day)" --trust $v --collaboration 10 --empathy 10
	day=$((day + 1))
done
al episodes K-2 --format csv --all
check_grep "the fixture: an episode opened at session 5" '^K-2,5,' "$T/out"
check_grep "and another at session 13" '^K-2,13,' "$T/out"
sqlite3 "$DB" "INSERT INTO repair_draft (client_id, opened_id, user_id, updated, body)
	SELECT c.id, s.id, c.clinician_id, '2024-06-01T09:30:00Z',
	       'domain=tasks' || char(10) || 'strategies=validate' || char(10) || 'session=6' ||
	       char(10) || 'note=' || char(10) || 'about the first one'
	FROM client c JOIN session s ON s.client_id = c.id WHERE c.code = 'K-2' AND s.date = '2024-05-05'"
[ "$(drafts)" = 1 ] && ok "a draft for the first episode" || not_ok "a draft for the first episode" "$(drafts)"
tui_start
tui_wait "Caseload of alice"
tui_keys Enter
tui_wait "K-2"
tui_keys r
check_screen "r on the latest episode offers the other episode's draft" \
	"An unsaved entry from 2024-06-01 09:30 UTC was kept"
check_grep "the form is on the latest episode" 'the episode opened at session 13' "$T/screen"
tui_keys y
check_screen "y goes back to the draft's episode" \
	"Repair for K-2: the episode opened at session 5 (2024-05-05)"
check_grep "with its text" 'about the first one' "$T/screen"
check_grep "and its domain" 'Domain +‹ tasks ›' "$T/screen"
tui_keys C-s
check_screen "Ctrl-S records it there" "K-2: repair recorded for the episode opened at session 5."
al repairs K-2 --format csv
check "on the draft's episode, as chosen" 0 "client,opened,session,domain,strategy
K-2,5,6,tasks,validate"
[ "$(drafts)" = 0 ] && ok "and the draft is gone" || not_ok "and the draft is gone"
tui_stop
