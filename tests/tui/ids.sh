#!/bin/sh
# An id held across time never lands on another client: a form open while
# its client is purged in another window and a new client (another
# clinician's) is added refuses Ctrl-S with a clear message, keeps the
# typed text, and leaves the new client's sessions, notes and drafts alone.
. "$(dirname "$0")/lib.sh"

MSG="this client was deleted in another window — your text is kept"
al init
al user add bob
course K-1 9 9 9
al client add K-2
al session add K-2 --date 2024-06-01 --trust 8 --collaboration 8 --empathy 8 --note "K-2 note"
bob() { al --user bob "$@"; }
typed_anywhere() { sqlite3 "$DB" "SELECT count(*) FROM note WHERE body LIKE '%$1%'
	UNION ALL SELECT count(*) FROM draft WHERE body LIKE '%$1%'" | grep -qv '^0$'; }
draft_has() { sqlite3 "$DB" "SELECT body FROM draft" 2>/dev/null | grep -qF -- "$1"; }

# after_save CASE TEXT: the refusal, the text still on screen, bob's client
# and alice's other client untouched, the text stored nowhere.
after_save() {
	check_screen "$1: Ctrl-S refuses with a clear message" "$MSG"
	check_grep "$1: the typed text stays on the screen" "$2" "$T/screen"
	bob session list K-3981 --format csv
	same_file "$1: bob's sessions are untouched" "$T/bob.before" "$T/out"
	bob report K-3981 --with-notes
	check_grep "$1: bob's note is his" 'bob note' "$T/out"
	check_no_grep "$1: alice's text is not in bob's report" "$2" "$T/out"
	al report K-1 --with-notes
	check_no_grep "$1: nor in alice's other client" "$2" "$T/out"
	if typed_anywhere "$2"; then not_ok "$1: the text is stored in no note or draft"; else
		ok "$1: the text is stored in no note or draft"; fi
}

# ---- e: the last session of K-2 open for editing ----
tui_start
tui_wait "Caseload of alice"
tui_keys /
tui_type K-2
tui_keys Enter Enter
tui_wait "Session 1 of 1"
tui_keys e
check_screen "e opens K-2's session" "Edit a session of K-2"
tui_keys Tab Tab Tab
tui_type " alice typed edit"
poll draft_has "alice typed edit"
al client delete K-2 --purge
check "purge K-2 from the command line" 0 "K-2: purged with its 1 session"
bob client add K-3981
bob session add K-3981 --date 2024-06-02 --trust 7 --collaboration 7 --empathy 7 --note "bob note"
check "bob adds a client and a session with a note" 0
bob session list K-3981 --format csv
cp "$T/out" "$T/bob.before"
sqlite3 "$DB" "SELECT entity_id FROM audit WHERE entity = 'client' AND action = 'add'
	ORDER BY id" > "$T/ids"
[ "$(sort "$T/ids" | uniq -d)" = "" ] && [ "$(wc -l < "$T/ids")" = 3 ] &&
	ok "the new client's id is not the purged one's" ||
	not_ok "the new client's id is not the purged one's" "$(tr '\n' ' ' < "$T/ids")"
tui_type " more"
tui_keys C-s
after_save "edit" "alice typed edit more"
tui_keys Escape
check_screen "Esc asks before the kept text is dropped" "Discard what you typed?"
tui_keys y
tui_wait_gone "Edit a session of K-2"
tui_keys q
check_screen "back on the caseload" "Caseload of alice"

# ---- n: a new session of K-4, purged and its code reused by bob ----
course K-4 9 9
tui_keys /
tui_keys C-u
tui_type K-4
tui_keys Enter
tui_wait "1 of 2 clients" # the row, not the filter text: the list refreshes by itself
tui_keys n
check_screen "n opens K-4's form" "New session for K-4"
tui_type 5
tui_keys Tab Tab Tab
tui_type "alice typed new"
poll draft_has "alice typed new"
al client delete K-4 --purge
bob client add K-4
bob session add K-4 --date 2024-06-03 --trust 6 --note "bob second"
bob session list K-3981 --format csv
cp "$T/out" "$T/bob.before"
bob session list K-4 --format csv
cp "$T/out" "$T/bob4.before"
tui_keys C-s
after_save "new" "alice typed new"
bob session list K-4 --format csv
same_file "new: the same code re-added by bob is not written" "$T/bob4.before" "$T/out"
tui_type " still"
tui_wait "alice typed new still"
check_screen "the draft is refused too, saying why" "draft not kept: K-4: $MSG"
if draft_has "alice typed new still"; then
	not_ok "a draft of the deleted client is not kept for another"
else ok "a draft of the deleted client is not kept for another"; fi
tui_keys Escape
tui_wait "Discard what you typed?"
tui_keys y
tui_wait "Caseload of alice"
tui_stop

# bob's own form never offers alice's draft.
tui_start LOGNAME=bob USER=bob
tui_wait "Caseload of bob"
tui_keys /
tui_type K-4
tui_keys Enter n
check_screen "bob's n opens his K-4" "New session for K-4"
check_no_grep "and offers no draft of alice's" "An unsaved entry" "$T/screen"
tui_keys Escape
tui_stop
# The board's acknowledgement form: the client purged and its code added
# again by the clinician while the supervisor types.
al user add sup --role supervisor
al user add carl --supervisor sup
ack_course() {
	al --user carl client add A-1
	al --user carl session add A-1 --date 2024-06-01 --trust 9 --collaboration 9 --empathy 9
	al --user carl session add A-1 --date 2024-06-08 --trust 4 --collaboration 9 --empathy 9 \
		--rupture withdrawal
}
ack_course
tui_start -- --user sup
tui_wait "Board of sup"
tui_keys a
check_screen "a opens the acknowledgement form" "Acknowledge an episode of A-1 (clinician carl)"
tui_type "sup typed this"
tui_wait "sup typed this"
al --user carl client delete A-1 --purge
ack_course
tui_keys C-s
check_screen "the acknowledgement is refused with the clear message" "acknowledge: A-1: $MSG"
check_grep "the comment stays on the screen" "sup typed this" "$T/screen"
[ "$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM ack) + (SELECT count(*) FROM episode_ack)")" = 0 ] &&
	ok "no acknowledgement lands on the new A-1" ||
	not_ok "no acknowledgement lands on the new A-1"
tui_stop

al check
check "check after all" 0 "ok"
