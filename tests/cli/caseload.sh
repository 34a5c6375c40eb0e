#!/bin/sh
# caseload: the visible, non-archived clients in risk order, with the last
# values, the status and the weightiest current flag; supervisors see their
# supervisees' clients; who sees what and bad options.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-11-27
GOLDEN="$(dirname "$0")/golden"

weekly() { # USER CODE FIRST-DATE TRUST... : one session a week, collaboration and empathy 9
	who=$1 code=$2 d=$3
	shift 3
	for t in "$@"; do
		setup --user "$who" session add "$code" --date "$d" --trust "$t" --collaboration 9 --empathy 9
		d=$(date -u -d "$d + 7 days" +%F)
	done
}

# One client of each status, and ties broken by the latest flag, then code.
setup init
setup client add OK-1
setup config set gap_days 365 # months back: no client counts as not seen (engagement.sh)
weekly alice OK-1 2026-03-02 9 9 9 9
setup client add REP-1
weekly alice REP-1 2026-03-02 10 10 10 10 8 10 10 10
setup client add WAT-1
weekly alice WAT-1 2026-03-02 9 9 9 7.5
setup client add WAT-2
weekly alice WAT-2 2026-03-09 9 9 9 7.5
setup client add RUP-1
weekly alice RUP-1 2026-03-02 9 9 9 9 5 5 5 5
setup client add RUP-2
weekly alice RUP-2 2026-03-02 9 9 9 9 5
setup client add NEW-1
setup client add OLD-1
weekly alice OLD-1 2026-03-02 9 9 9
setup client archive OLD-1
al caseload --format csv
check "risk order: unrepaired, open, watch (latest first), repaired, ok" 0 "client,clinician,sessions,last_date,trust,collaboration,empathy,status
RUP-1,alice,8,2026-04-20,5.0,9.0,9.0,RUPTURE
RUP-2,alice,5,2026-03-30,5.0,9.0,9.0,RUPTURE
WAT-2,alice,4,2026-03-30,7.5,9.0,9.0,WATCH
WAT-1,alice,4,2026-03-23,7.5,9.0,9.0,WATCH
REP-1,alice,8,2026-04-20,10.0,9.0,9.0,repaired
OK-1,alice,4,2026-03-23,9.0,9.0,9.0,ok
NEW-1,alice,0,,,,,ok"
al caseload --format json
check "json: the why line (an episode's story, or the flag behind a WATCH)" 0 '[
 {"client": "RUP-1", "clinician": "alice", "sessions": 8, "last_date": "2026-04-20", "trust": 5.0, "collaboration": 9.0, "empathy": 9.0, "status": "RUPTURE", "flag": "Since 30 March (session 5) trust fell from 9.0 to 5.0. Not back to 9.0 after 3 sessions (now 5.0). Ask what would help them feel safe to be open."},
 {"client": "RUP-2", "clinician": "alice", "sessions": 5, "last_date": "2026-03-30", "trust": 5.0, "collaboration": 9.0, "empathy": 9.0, "status": "RUPTURE", "flag": "Since 30 March (session 5) trust fell from 9.0 to 5.0. No session rated since. Ask what would help them feel safe to be open."},
 {"client": "WAT-2", "clinician": "alice", "sessions": 4, "last_date": "2026-03-30", "trust": 7.5, "collaboration": 9.0, "empathy": 9.0, "status": "WATCH", "flag": "Trust was 7.5 on 30 March, under the cutoff of 8.0. Ask what would help them feel safe to be open."},
 {"client": "WAT-1", "clinician": "alice", "sessions": 4, "last_date": "2026-03-23", "trust": 7.5, "collaboration": 9.0, "empathy": 9.0, "status": "WATCH", "flag": "Trust was 7.5 on 23 March, under the cutoff of 8.0. Ask what would help them feel safe to be open."},
 {"client": "REP-1", "clinician": "alice", "sessions": 8, "last_date": "2026-04-20", "trust": 10.0, "collaboration": 9.0, "empathy": 9.0, "status": "repaired", "flag": "Since 30 March (session 5) trust fell from 10.0 to 8.0. Back to 10.0 on 6 April (session 6): repaired. It may help to name together what made the difference."},
 {"client": "OK-1", "clinician": "alice", "sessions": 4, "last_date": "2026-03-23", "trust": 9.0, "collaboration": 9.0, "empathy": 9.0, "status": "ok", "flag": ""},
 {"client": "NEW-1", "clinician": "alice", "sessions": 0, "last_date": "", "trust": null, "collaboration": null, "empathy": null, "status": "ok", "flag": ""}
]'
COLUMNS=1000 al --ascii caseload --format table # unwrapped (wrapping: table.sh)
check "table: a trend sparkline and the flag" 0 "client  clinician  sessions  last_date   trust  collaboration  empathy  status    trend     flag
RUP-1   alice             8  2026-04-20    5.0            9.0      9.0  RUPTURE   ****====  Since 30 March (session 5) trust fell from 9.0 to 5.0. Not back to 9.0 after 3 sessions (now 5.0). Ask what would help them feel safe to be open.
RUP-2   alice             5  2026-03-30    5.0            9.0      9.0  RUPTURE   ****=     Since 30 March (session 5) trust fell from 9.0 to 5.0. No session rated since. Ask what would help them feel safe to be open.
WAT-2   alice             4  2026-03-30    7.5            9.0      9.0  WATCH     ***+      Trust was 7.5 on 30 March, under the cutoff of 8.0. Ask what would help them feel safe to be open.
WAT-1   alice             4  2026-03-23    7.5            9.0      9.0  WATCH     ***+      Trust was 7.5 on 23 March, under the cutoff of 8.0. Ask what would help them feel safe to be open.
REP-1   alice             8  2026-04-20   10.0            9.0      9.0  repaired  ****+***  Since 30 March (session 5) trust fell from 10.0 to 8.0. Back to 10.0 on 6 April (session 6): repaired. It may help to name together what made the difference.
OK-1    alice             4  2026-03-23    9.0            9.0      9.0  ok        ****
NEW-1   alice             0                                             ok"
COLUMNS=1000 al caseload --format table
check_grep "table: UTF-8 sparkline" "^RUP-2 .* ▇▇▇▇▅ " "$T/out"

# The last value of each dimension comes from the last session rating it.
setup client add GAP-1
setup session add GAP-1 --date 2026-05-04 --trust 9 --collaboration 8 --empathy 9.5
setup session add GAP-1 --date 2026-05-11 --trust 8.5
setup session add GAP-1 --date 2026-05-18
al caseload --format csv
check_grep "last values: per dimension, an unrated session adds none" "^GAP-1,alice,3,2026-05-18,8.5,8.0,9.5,ok$" "$T/out"

# Who sees what.
setup user add sam --role supervisor
setup user add bob --supervisor sam
setup user add carl --supervisor sam
setup --user bob client add B-1
weekly bob B-1 2026-06-01 9 9 9 9 6
setup --user carl client add C-1
weekly carl C-1 2026-06-01 9 9 9
al --user sam caseload --format csv
check "a supervisor: every supervisee's clients" 0 "client,clinician,sessions,last_date,trust,collaboration,empathy,status
B-1,bob,5,2026-06-29,6.0,9.0,9.0,RUPTURE
C-1,carl,3,2026-06-15,9.0,9.0,9.0,ok"
al --user sam caseload --clinician carl --format csv
check "a supervisor: one supervisee" 0 "client,clinician,sessions,last_date,trust,collaboration,empathy,status
C-1,carl,3,2026-06-15,9.0,9.0,9.0,ok"
al --user bob caseload --format csv
check "a clinician: their own only" 0 "client,clinician,sessions,last_date,trust,collaboration,empathy,status
B-1,bob,5,2026-06-29,6.0,9.0,9.0,RUPTURE"
al caseload --clinician bob
check_err "another clinician's caseload" 1 "alliance: caseload: --clinician: 'bob' is not you (a clinician works only with their own clients)"
al --user sam caseload --clinician alice
check_err "not a supervisee" 1 "alliance: caseload: --clinician: 'alice' is not one of your supervisees"
al caseload --clinician sam
check_err "not a clinician" 1 "alliance: caseload: --clinician: 'sam' is not a clinician"
al caseload --format yaml
check_err "bad format" 1 "alliance: caseload: --format: 'yaml' is not table, csv or json"
al caseload K-1
check_err "no positional argument" 2 "alliance: caseload: unexpected argument 'K-1'"
al caseload --all
check_err "unknown option" 2 "alliance: caseload: unknown option --all"

# The demo: the user's caseload shows every status; golden for the supervisor.
setup --db "$T/demo.db" demo
al --db "$T/demo.db" caseload --format csv
cut -d, -f8 "$T/out" | sort -u | tr '\n' ' ' > "$T/states"

printf 'RUPTURE WATCH ok repaired status ' > "$T/want"
same_file "demo: the user's caseload has RUPTURE, WATCH, repaired and ok clients" "$T/want" "$T/states"
[ "$(grep -c ',alice,' "$T/out")" -ge 6 ] && ok "demo: at least 6 clients" || not_ok "demo: at least 6 clients"
al --db "$T/demo.db" --user sup_moreau caseload --format csv
check_file "demo: the supervisor's caseload golden" "$GOLDEN/demo-caseload.csv"
