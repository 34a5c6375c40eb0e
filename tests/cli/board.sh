#!/bin/sh
# board: the supervisor board against the hand-worked fixture (risk order,
# the per-clinician summary), its filters and formats, what a clinician
# sees, the 4-week window, a client with more sessions than the trend, and
# bad options.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../board_fixture.sh"
export ALLIANCE_TODAY=2026-11-27
fixture

al --user sup board --format csv
check "the supervisor's clients in risk order" 0 "client,clinician,sessions,last_date,status,flag
B-3,bob,7,2026-11-27,RUPTURE,You noted a withdrawal rupture on 6 November (mean alliance 9.0). Invite them to talk about what happened between you. Not back to its earlier level (9.0) after 3 sessions.
C-2,carl,4,2026-11-27,RUPTURE,\"Trust was 6.5 on 27 November, far below this client's usual 9.0 (over 3 sessions). Ask what was different this time. Open: watch for a return to 8.5 or more.\"
B-1,bob,3,2026-11-27,WATCH,\"Trust was 7.5 on 27 November, under the cutoff of 8.0. Ask what would help them feel safe to be open.\"
B-2,bob,5,2026-10-30,WATCH,\"Trust was 6.5 on 23 October, under the cutoff of 8.0. Ask what would help them feel safe to be open.\"
C-1,carl,1,2026-11-20,ok,No client ratings on 20 November. Ask whether rating after the session still suits them."
al --user sup board --summary --format csv
check "the summary: the hand-worked numbers" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired,repair_pct
bob,3,6,8.5,0,1,2,67
carl,2,4,8.8,2,0,0,"
al --user sup board --summary --format json
check "the summary in JSON: numbers, null for none" 0 '[
 {"clinician": "bob", "clients": 3, "sessions_4w": 6, "mean_4w": 8.5, "open": 0, "unrepaired": 1, "repaired": 2, "repair_pct": 67},
 {"clinician": "carl", "clients": 2, "sessions_4w": 4, "mean_4w": 8.8, "open": 2, "unrepaired": 0, "repaired": 0, "repair_pct": null}
]'
COLUMNS=1000 al --user sup --ascii board --format table # unwrapped (wrapping: table.sh)
check "the table: clients with a trend, then the summary" 0 "client  clinician  sessions  last_date   status   trend    flag
B-3     bob               7  2026-11-27  RUPTURE  ****+++  You noted a withdrawal rupture on 6 November (mean alliance 9.0). Invite them to talk about what happened between you. Not back to its earlier level (9.0) after 3 sessions.
C-2     carl              4  2026-11-27  RUPTURE  ***+     Trust was 6.5 on 27 November, far below this client's usual 9.0 (over 3 sessions). Ask what was different this time. Open: watch for a return to 8.5 or more.
B-1     bob               3  2026-11-27  WATCH    *++      Trust was 7.5 on 27 November, under the cutoff of 8.0. Ask what would help them feel safe to be open.
B-2     bob               5  2026-10-30  WATCH    ***+*    Trust was 6.5 on 23 October, under the cutoff of 8.0. Ask what would help them feel safe to be open.
C-1     carl              1  2026-11-20  ok                No client ratings on 20 November. Ask whether rating after the session still suits them.

clinician  clients  sessions_4w  mean_4w  open  unrepaired  repaired  repair_pct
bob              3            6      8.5     0           1         2         67%
carl             2            4      8.8     2           0         0           -"
al --user sup board --format json --status ruPTure
check "--status (any case) narrows the clients; JSON" 0 '[
 {"client": "B-3", "clinician": "bob", "sessions": 7, "last_date": "2026-11-27", "status": "RUPTURE", "flag": "You noted a withdrawal rupture on 6 November (mean alliance 9.0). Invite them to talk about what happened between you. Not back to its earlier level (9.0) after 3 sessions."},
 {"client": "C-2", "clinician": "carl", "sessions": 4, "last_date": "2026-11-27", "status": "RUPTURE", "flag": "Trust was 6.5 on 27 November, far below this client'"'"'s usual 9.0 (over 3 sessions). Ask what was different this time. Open: watch for a return to 8.5 or more."}
]'
al --user sup board --status ok --format csv --clinician bob
check "--status and --clinician together: none" 0 "client,clinician,sessions,last_date,status,flag"
COLUMNS=1000 al --user sup board --clinician carl --status WATCH --format table
check "a filtered table keeps the clinician's summary" 0 "client  clinician  sessions  last_date  status  trend  flag

clinician  clients  sessions_4w  mean_4w  open  unrepaired  repaired  repair_pct
carl             2            4      8.8     2           0         0           -"

# A clinician sees their own board: their clients and their own line.
al --user bob board --summary --format csv
check "a clinician: their own summary" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired,repair_pct
bob,3,6,8.5,0,1,2,67"
al --user carl board --format csv
check "a clinician: their own clients" 0 "client,clinician,sessions,last_date,status,flag
C-2,carl,4,2026-11-27,RUPTURE,\"Trust was 6.5 on 27 November, far below this client's usual 9.0 (over 3 sessions). Ask what was different this time. Open: watch for a return to 8.5 or more.\"
C-1,carl,1,2026-11-20,ok,No client ratings on 20 November. Ask whether rating after the session still suits them."
al --user vera board --summary --format csv
check "another supervisor sees only their own supervisee" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired,repair_pct
dana,1,1,3.0,0,0,0,"
al --user sup board --clinician dana
check_err "a supervisor names only supervisees" 1 "alliance: board: --clinician: 'dana' is not one of your supervisees"
al --user bob board --clinician carl
check_err "a clinician names only themself" 1 "alliance: board: --clinician: 'carl' is not you (a clinician works only with their own clients)"

# The window follows today: on 20 December it is 23 November - 20 December.
# bob: B-1 27 Nov (75+85+90) and B-3 27 Nov (3*84): 502 / 6 = 83.7 -> 8.4.
ALLIANCE_TODAY=2026-12-20 run "$A" --user sup board --summary --format csv
check "the 4 weeks end today" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired,repair_pct
bob,3,2,8.4,0,1,2,67
carl,2,1,8.2,2,0,0,"
ALLIANCE_TODAY=2027-03-01 run "$A" --user sup board --summary --format table
check "no session in the 4 weeks: a dash" 0 "clinician  clients  sessions_4w  mean_4w  open  unrepaired  repaired  repair_pct
bob              3            0        -     0           1         2         67%
carl             2            0        -     2           0         0           -"

# Archived clients leave the board and the counts; a supervisee without
# clients still has a line.
al --user bob client archive B-3
al --user sup board --summary --format csv
check "archived: out of the counts" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired,repair_pct
bob,2,2,8.4,0,0,2,100
carl,2,4,8.8,2,0,0,"
al user add erin --supervisor sup
al --user sup board --summary --format csv
check "a supervisee without clients" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired,repair_pct
bob,2,2,8.4,0,0,2,100
carl,2,4,8.8,2,0,0,
erin,0,0,,0,0,0,"

# More sessions in 4 weeks than the trend's 12: counted from the course.
al user add ivo --supervisor sup
al --user ivo client add I-1
for d in 14 15 16 17 18 19 20 21 22 23 24 25 26 27; do
	run "$A" --user ivo session add I-1 --date 2026-11-$d --trust 9 --collaboration 8 --empathy 7
done
al --user sup board --summary --format csv --clinician ivo
check "14 sessions in 4 weeks: every one counted" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired,repair_pct
ivo,1,14,8.0,0,0,0,"

# Bad input.
al --user sup board --status calm
check_err "unknown status" 1 "alliance: board: --status: 'calm' is not RUPTURE, WATCH, repaired or ok"
al --user sup board --summary --status ok
check_err "--status with --summary" 2 "alliance: board: --status narrows the client list, not --summary"
al --user sup board --format xml
check_err "bad format" 1 "alliance: board: --format: 'xml' is not table, csv or json"
al --user sup board K-1
check_err "no positional argument" 2 "alliance: board: unexpected argument 'K-1'"
al --user sup board --frob
check_err "unknown option" 2 "alliance: board: unknown option --frob"
al --user sup board --status ""
check_err "empty value" 1 "alliance: board: --status: empty value"
