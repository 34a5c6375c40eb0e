#!/bin/sh
# Control characters never reach the terminal: C0 controls (but newline and
# tab in notes) and C1 controls (U+0080-U+009F) are refused in every text
# field, on the command line and in import (FILE:LINE); bidirectional and
# zero-width characters are refused in one-line fields and kept in notes,
# which every output shows escaped (<U+202E>); error messages never echo
# them raw. A CRLF note file is read with plain newlines; a lone CR is a
# control.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-11-27
HEADER="client,clinician,date,session,rater,dimension,value,rupture,context"
CSI=$(printf '\302\233')  # U+009B, the 8-bit CSI
RLO=$(printf '\342\200\256') # U+202E, right-to-left override
ZWSP=$(printf '\342\200\213') # U+200B, zero-width space
CR=$(printf '\r')

setup init
setup user add sup --role supervisor
setup user add bob --supervisor sup
setup --user bob client add K-1
for d in 02 09 16 23; do
	setup --user bob session add K-1 --date 2026-11-$d --trust 9 --collaboration 9 --empathy 9
done
setup --user bob session add K-1 --date 2026-11-26 --trust 5 --collaboration 9 --empathy 9
sqlite3 "$DB" "SELECT count(*) FROM client; SELECT count(*) FROM session; SELECT count(*) FROM note;
	SELECT count(*) FROM dimension; SELECT count(*) FROM ack; SELECT count(*) FROM episode_ack" > "$T/before"

# refused NAME MESSAGE ARGS...: exit 1, exactly MESSAGE, nothing stored.
refused() {
	name=$1 msg=$2
	shift 2
	al "$@"
	check_err "$name" 1 "alliance: $msg"
}
refused "goal: a C1 control" "client add: --goal has a control character (U+009B)" \
	client add K-2 --goal "a${CSI}31m b"
refused "goal: a right-to-left override" \
	"client add: --goal has an invisible bidirectional or zero-width character (U+202E)" \
	client add K-2 --goal "gro${RLO}wth"
refused "goal: a carriage return" "client add: --goal has a control character (U+000D)" \
	client add K-2 --goal "safe${CR}NOT"
refused "context: a C1 control" "session add: --context: has a control character (U+009B)" \
	--user bob session add K-1 --date 2026-11-26 --context "ill${CSI}"
refused "context: a zero-width space" \
	"session add: --context: has an invisible bidirectional or zero-width character (U+200B)" \
	--user bob session add K-1 --date 2026-11-26 --context "ill${ZWSP}ness"
refused "dimension label: a C1 control" "dimension add: the label has a control character (U+009B)" \
	dimension add goals "Goals${CSI}"
refused "dimension label: bidi" \
	"dimension add: the label has an invisible bidirectional or zero-width character (U+202E)" \
	dimension add goals "${RLO}Goals"
refused "ack comment: a C1 control" "ack: --comment has a control character (U+009B)" \
	--user sup ack K-1 --episode 5 --comment "seen${CSI}"
refused "ack comment: bidi" \
	"ack: --comment has an invisible bidirectional or zero-width character (U+202E)" \
	--user sup ack K-1 --episode 5 --comment "seen ${RLO}ok"
refused "note: a lone CR (\"safe to discharge\\rNOT\")" \
	"session add: --note: has a control character (U+000D)" \
	--user bob session add K-1 --date 2026-11-26 --note "safe to discharge${CR}NOT"
refused "note: a C1 control" "session add: --note: has a control character (U+009B)" \
	--user bob session add K-1 --date 2026-11-26 --note "a${CSI}2J"
printf 'line one\rNOT\n' > "$T/cr.txt"
refused "note file: a lone CR" \
	"session add: --note-file: '$T/cr.txt' has a control character (U+000D)" \
	--user bob session add K-1 --date 2026-11-26 --note-file "$T/cr.txt"
printf 'esc \033[2J\n' > "$T/esc.txt"
refused "note file: an escape" \
	"session add: --note-file: '$T/esc.txt' has a control character (U+001B)" \
	--user bob session add K-1 --date 2026-11-26 --note-file "$T/esc.txt"

# Import: the context, with FILE:LINE.
printf '%s\n%s\n' "$HEADER" "N-1,bob,2026-11-20,1,client,trust,8.0,,a${CSI}b" > "$T/c1.csv"
refused "import: a C1 control in a context" "$T/c1.csv:2: context has a control character (U+009B)" \
	import "$T/c1.csv"
printf '%s\n%s\n' "$HEADER" "N-1,bob,2026-11-20,1,client,trust,8.0,,\"a${CR}b\"" > "$T/cr.csv"
refused "import: a CR in a context" "$T/cr.csv:2: context has a control character (U+000D)" \
	import "$T/cr.csv"
printf '%s\n%s\n' "$HEADER" "N-1,bob,2026-11-20,1,client,trust,8.0,,${RLO}x" > "$T/bidi.csv"
refused "import: bidi in a context" \
	"$T/bidi.csv:2: context has an invisible bidirectional or zero-width character (U+202E)" \
	import "$T/bidi.csv"
sqlite3 "$DB" "SELECT count(*) FROM client; SELECT count(*) FROM session; SELECT count(*) FROM note;
	SELECT count(*) FROM dimension; SELECT count(*) FROM ack; SELECT count(*) FROM episode_ack" > "$T/after"
same_file "nothing refused was stored" "$T/before" "$T/after"

# Error messages quote what was typed escaped, never raw.
al client add "K${RLO}1"
check_err "an error quoting a bidi character shows it escaped" 1 \
	"alliance: client add: 'K<U+202E>1' is not a valid client code (1-32 letters, digits, '-', '_', '.')"
al client add "K${CSI}1"
check_err "an error quoting a C1 control shows it escaped" 1 \
	"alliance: client add: 'K<U+009B>1' is not a valid client code (1-32 letters, digits, '-', '_', '.')"

# A note keeps bidi and zero-width characters; every output escapes them.
setup --user bob session add K-1 --date 2026-11-26 --note "Client said: ${RLO}gnol oot${ZWSP} end"
[ "$(sqlite3 "$DB" "SELECT body FROM note")" = "Client said: ${RLO}gnol oot${ZWSP} end" ] &&
	ok "the note is stored as typed" || not_ok "the note is stored as typed"
al --user bob report K-1 --with-notes
check_grep "report --with-notes escapes them" "Client said: <U\+202E>gnol oot<U\+200B> end" "$T/out"
check_no_grep "no raw bidi character in the text report" "$RLO|$ZWSP" "$T/out"
al --user bob report K-1 --with-notes --format html
check_grep "the HTML report too" "Client said: &lt;U\+202E&gt;gnol oot&lt;U\+200B&gt; end" "$T/out"
check_no_grep "no raw bidi character in the HTML" "$RLO|$ZWSP" "$T/out"

# A CRLF note file is read with plain newlines.
printf 'first line\r\nsecond line\r\n' > "$T/crlf.txt"
setup --user bob session add K-1 --date 2026-11-23 --note-file "$T/crlf.txt"
[ "$(sqlite3 "$DB" "SELECT hex(body) FROM note JOIN session s ON s.id = session_id WHERE s.date = '2026-11-23'")" = \
	"$(printf 'first line\nsecond line' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" ] &&
	ok "a CRLF note file is stored with plain newlines" || not_ok "a CRLF note file is stored with plain newlines"
