#!/bin/sh
# Who sees what (SPEC §3), every per-client command in turn: a clinician
# reaches only their own clients, a supervisor reads their supervisees'
# clients and acknowledges their flags but changes no ratings, notes or
# clients (archiving included), and nobody reaches anyone else's. A refusal is exit 1
# with one clear line, and changes nothing.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-11-27

al init
al user add sup --role supervisor
al user add vera --role supervisor
al user add bob --supervisor sup
al client add A-1
al --user bob client add B-1
for d in 02 09 16; do
	al --user bob session add B-1 --date 2026-11-$d --trust 9 --collaboration 9 --empathy 9
	al session add A-1 --date 2026-11-$d --trust 9 --collaboration 9 --empathy 9
done
al --user bob session add B-1 --date 2026-11-23 --trust 6 --collaboration 9 --empathy 9 --note "private words"
al session add A-1 --date 2026-11-23 --trust 6 --collaboration 9 --empathy 9
snapshot() { sqlite3 "$DB" "SELECT * FROM client; SELECT * FROM session; SELECT * FROM rating;
	SELECT * FROM note; SELECT * FROM ack; SELECT count(*) FROM audit;" > "$1"; }
snapshot "$T/before"

# Every per-client command, with what it is called in error lines. CODE is
# replaced by the client's code.
commands() {
	cat << 'LIST'
flags|flags CODE
report|report CODE
report|report CODE --format html
chart|chart CODE
session list|session list CODE
session add|session add CODE --date 2026-11-27 --trust 9
client archive|client archive CODE
client unarchive|client unarchive CODE
client delete|client delete CODE --purge
ack|ack CODE --episode 4 --comment seen
LIST
}

commands > "$T/commands"

# refused USER CODE WHY: every command refused with "WHAT: WHY" (for a
# supervisor, a write is refused as such first).
refused() {
	while IFS='|' read -r what cmd; do
		why=$3
		case "$1:$what" in
		sup:session\ add | sup:client\ delete | vera:session\ add | vera:client\ delete)
			why="supervisors do not change ratings or notes" ;;
		sup:client\ *archive | vera:client\ *archive)
			why="supervisors do not archive or unarchive clients (the client's clinician does)" ;;
		esac
		# shellcheck disable=SC2086
		run "$A" --user "$1" $(echo "$cmd" | sed "s/CODE/$2/")
		check_err "$1 on $2: $cmd" 1 "alliance: $what: $why"
	done < "$T/commands"
}
refused bob A-1 "'A-1' is not one of your clients"
refused alice B-1 "'B-1' is not one of your clients"
refused sup A-1 "'A-1' is not a client of your supervisees"
refused vera B-1 "'B-1' is not a client of your supervisees"
snapshot "$T/after"
same_file "refusals changed nothing" "$T/before" "$T/after"

# The supervisor of bob: reads and acknowledges; never writes ratings or archives.
for cmd in "flags B-1" "report B-1" "report B-1 --format html" "chart B-1" "session list B-1" \
	"report B-1 --with-notes"; do
	# shellcheck disable=SC2086
	al --user sup $cmd
	check "sup reads B-1: $cmd" 0
done
check_grep "a supervisor reads notes too" "private words" "$T/out"
al --user sup session add B-1 --date 2026-11-27 --trust 9
check_err "sup: session add" 1 "alliance: session add: supervisors do not change ratings or notes"
al --user sup client delete B-1 --purge
check_err "sup: client delete" 1 "alliance: client delete: supervisors do not change ratings or notes"
snapshot "$T/after"
same_file "a supervisor's refused writes changed nothing" "$T/before" "$T/after"
al --user sup ack B-1 --episode 4 --comment seen
check "sup acknowledges B-1's episode" 0 "B-1: the episode opened at session 4 acknowledged"
snapshot "$T/before.archive"
al --user sup client archive B-1
check_err "sup may not archive B-1" 1 "alliance: client archive: supervisors do not archive or unarchive clients (the client's clinician does)"
al --user sup client unarchive B-1
check_err "nor unarchive it" 1 "alliance: client unarchive: supervisors do not archive or unarchive clients (the client's clinician does)"
snapshot "$T/after"
same_file "a supervisor's refused archive changed nothing" "$T/before.archive" "$T/after"

# bob on his own client: everything but acknowledging.
al --user bob ack B-1 --episode 4 --comment mine
check_err "bob may not acknowledge" 1 "alliance: ack: only a supervisor acknowledges episodes"
for cmd in "flags B-1" "report B-1" "chart B-1" "session list B-1" \
	"session add B-1 --date 2026-11-27 --trust 9"; do
	# shellcheck disable=SC2086
	al --user bob $cmd
	check "bob on B-1: $cmd" 0
done

# Listings cover only one's own (a supervisor: the supervisees').
for cmd in flags caseload board "client list"; do
	# shellcheck disable=SC2086
	al --user bob $cmd --format csv
	check_no_grep "bob's $cmd: not A-1" "^A-1," "$T/out"
	# shellcheck disable=SC2086
	al --user sup $cmd --format csv
	check_no_grep "sup's $cmd: not A-1" "^A-1," "$T/out"
	check_grep "sup's $cmd: B-1" "^B-1," "$T/out"
	# shellcheck disable=SC2086
	al --user vera $cmd --format csv
	check_no_grep "vera's $cmd: none of them" "^[AB]-1," "$T/out"
	# shellcheck disable=SC2086
	al --user bob $cmd --clinician alice
	check_err "bob's $cmd --clinician alice" 1 "alliance: $cmd: --clinician: 'alice' is not you (a clinician works only with their own clients)"
done
al --user bob client delete B-1 --purge
check "bob purges his own client" 0 "B-1: purged with its 5 sessions"
