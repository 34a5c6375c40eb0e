#!/bin/sh
# The audit trail: every kind of write appends exactly the rows expected
# (OS user, app user, action, entity, internal id, count; never a code or
# text), a refused or read-only command appends none, rows can be neither
# changed nor deleted, and `audit --from/--to/--format` lists them.
. "$(dirname "$0")/../lib.sh"
ME=$(id -un) # the audit names the real OS account
MARK=Pangolinword

: > "$T/prev"
# audited NAME 'ROWS' ARGS...: alliance ARGS exits 0 and appends exactly
# ROWS to the audit trail (lines "os,app,action,entity,id,count"; '' for none).
audited() {
	name=$1 want=$2
	shift 2
	run "$A" "$@"
	"$A" audit --format csv | tail -n +2 | cut -d, -f2- > "$T/now"
	if [ -n "$want" ]; then printf '%s\n' "$want"; fi > "$T/want"
	diff "$T/prev" "$T/now" | sed -n 's/^> //p' > "$T/added"
	if [ "$rc" = 0 ] && cmp -s "$T/want" "$T/added" && [ "$(head -n "$(wc -l < "$T/prev")" "$T/now" |
		cmp - "$T/prev" > /dev/null 2>&1; echo $?)" = 0 ]; then ok "$name"
	else not_ok "$name" "exit $rc: $(head -c 200 "$T/err")" "added:" "$(cat "$T/added")" "wanted:" "$want"; fi
	cp "$T/now" "$T/prev"
}
# refused NAME ARGS...: alliance ARGS fails and appends no row.
refused() {
	name=$1
	shift
	run "$A" "$@"
	"$A" audit --format csv | tail -n +2 | cut -d, -f2- > "$T/now"
	if [ "$rc" != 0 ] && cmp -s "$T/prev" "$T/now"; then ok "$name"
	else not_ok "$name" "exit $rc" "$(diff "$T/prev" "$T/now")"; fi
}

audited "init: the schema" "$ME,alice,init,database,,$(ls schema/*.sql | wc -l)
$ME,alice,add,user,1," init
audited "user add" "$ME,alice,add,user,2," user add sam --role supervisor
audited "user add with a supervisor" "$ME,alice,add,user,3," user add bob --supervisor sam
audited "client add: by id, no code, no goal" "$ME,alice,add,client,1," \
	client add K-1 --goal "goal $MARK"
audited "client add by another user names that user" "$ME,bob,add,client,2," \
	--user bob client add B-1
audited "client archive" "$ME,alice,archive,client,1," client archive K-1
audited "client unarchive" "$ME,alice,change,client,1," client unarchive K-1
audited "session add: one row with its rating count" "$ME,alice,add,session,1,3" \
	session add K-1 --date 2024-01-01 --trust 9 --collaboration 8 --empathy 9
audited "the other rater's ratings change the session" "$ME,alice,change,session,1,1" \
	session add K-1 --date 2024-01-01 --rater clinician --trust 7
audited "--replace changes the session" "$ME,alice,change,session,1,1" \
	session add K-1 --date 2024-01-01 --trust 5 --replace
audited "a note: its own row, by session id" "$ME,alice,add,note,1," \
	session add K-1 --date 2024-01-01 --note "$MARK one"
audited "a changed note" "$ME,alice,change,note,1," \
	session add K-1 --date 2024-01-01 --note "$MARK two" --replace
audited "a rupture marker and context" "$ME,alice,change,session,1,0" \
	session add K-1 --date 2024-01-01 --rupture withdrawal --context "$MARK context"
audited "a session with ratings and a note: two rows" "$ME,alice,add,session,2,1
$ME,alice,add,note,2," session add K-1 --date 2024-01-08 --new --empathy 6 --note "$MARK three"
audited "an unrated session" "$ME,alice,add,session,3,0" session add K-1 --date 2024-01-15
audited "dimension add" "$ME,alice,add,dimension,4," dimension add goals "Goals $MARK"
audited "config set" "$ME,alice,set,setting,1," config set cutoff 7.5
audited "backup" "$ME,alice,backup,database,," backup "$T/b.db"
cat > "$T/import.csv" << 'EOF'
client,clinician,date,session,rater,dimension,value,rupture,context
N-7,carol,2023-02-01,1,client,trust,10.0,,
N-7,carol,2023-02-01,1,client,collaboration,0.0,,
N-7,carol,2023-02-08,2,client,empathy,5.5,withdrawal,Pangolinword
K-1,alice,2023-12-01,1,,,,,
EOF
audited "import: one row with its row count" "$ME,alice,import,database,,4" import "$T/import.csv"
audited "client delete --purge: one row with the session count" "$ME,alice,purge,client,1,4" \
	client delete K-1 --purge
# ids are never reused: the newest session, 6, went with K-1's purge
audited "--user bob acting: the app user is bob" "$ME,bob,add,session,7,1" \
	--user bob session add B-1 --date 2024-01-01 --trust 9
LOGNAME=erin "$A" --user bob session add B-1 --date 2024-01-01 --empathy 9
audited "the OS user is the real account, whatever \$LOGNAME says" "$ME,bob,change,session,7,1" audit
audited "a lower rating and a marker: an episode for the supervisor" "$ME,bob,add,session,8,1" \
	--user bob session add B-1 --date 2024-01-08 --trust 5 --rupture withdrawal
audited "ack: the supervisor's acknowledgement, naming its session by id" \
	"$ME,sam,acknowledge,session,8," --user sam ack B-1 --episode 2 --comment "talk about it"
cp "$T/prev" "$T/full"

for args in "flags --all" "export" "export --anonymize" "caseload" "client list" "user list" \
	"--user bob session list B-1" "dimension list" "config list" "check" "audit" "report N-7 --user carol" \
	"--user sam board" "--user sam flags B-1"; do
	audited "$args writes no audit row" "" $args
done
refused "a refused session add writes no row" session add B-1 --date 2024-01-01 --trust 11
refused "another user's client: no row" --user bob session add N-7 --date 2024-01-01 --trust 9
refused "a read-only write: no row" --read-only client add K-3
refused "a duplicate import: no row" import "$T/import.csv"
refused "import --dry-run: no row" import "$T/import.csv" --dry-run
refused "an invalid setting: no row" config set cutoff 11
refused "a backup over a file: no row" backup "$T/b.db"
refused "a duplicate client: no row" --user bob client add B-1
refused "a clinician cannot acknowledge: no row" --user bob ack B-1 --episode 2 --comment "no"

# Never a code, a name of a client or any text; never changed, never deleted.
sqlite3 "$DB" 'SELECT * FROM audit' > "$T/rows"
check_no_grep "no code, goal, context or note text in the audit table" \
	"K-1|B-1|N-7|$MARK|Goals|goal" "$T/rows"
sqlite3 "$DB" "UPDATE audit SET app_user = 'mallory' WHERE id = 2" 2> "$T/err"
check_grep "UPDATE on audit refused" "the audit trail is append-only" "$T/err"
sqlite3 "$DB" "DELETE FROM audit WHERE id > 1" 2> "$T/err"
check_grep "DELETE on audit refused" "the audit trail is append-only" "$T/err"
"$A" audit --format csv | tail -n +2 | cut -d, -f2- > "$T/now"
same_file "the trail is as it was" "$T/full" "$T/now"

# Listing: every row has a UTC time; --from/--to pick whole days.
al audit --format csv
awk -F, 'NR > 1 && $1 !~ /^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$/ { bad++ }
	END { exit bad > 0 || NR < 20 }' "$T/out" && ok "every row has its UTC time" ||
	not_ok "every row has its UTC time" "$(head -3 "$T/out")"
today=$(date -u +%F)
tomorrow=$(date -u -d tomorrow +%F)
yesterday=$(date -u -d yesterday +%F)
al audit --from "$today" --to "$today" --format csv
n_today=$(($(wc -l < "$T/out") - 1))
[ "$n_today" = "$(wc -l < "$T/full")" ] && ok "--from/--to today: every row" ||
	not_ok "--from/--to today: every row" "$n_today"
al audit --from "$tomorrow" --format csv
check "--from tomorrow: none" 0 "time,os_user,app_user,action,entity,entity_id,count"
al audit --to "$yesterday" --format csv
check "--to yesterday: none" 0 "time,os_user,app_user,action,entity,entity_id,count"
al audit --format json
check_grep "json: entity_id and count are numbers" '"entity_id": 1, "count": 4\}' "$T/out"
al audit --from 2024-02-30
check_err "audit --from an invalid date" 1 "alliance: audit: --from: '2024-02-30' is not a date (YYYY-MM-DD)"
