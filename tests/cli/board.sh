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
B-3,bob,7,2026-11-27,RUPTURE,Since 6 November (session 4) bob noted a withdrawal. Not back to about 9.0 after 3 sessions (now 8.4). bob might invite them to talk about what happened between them.
C-2,carl,4,2026-11-27,RUPTURE,Since 27 November (session 4) trust fell from 9.0 to 6.5. No session rated since. Ask what would help them feel safe to be open.
B-1,bob,3,2026-11-27,WATCH,\"Trust was 7.5 on 27 November, under the cutoff of 8.0. Ask what would help them feel safe to be open.\"
B-2,bob,5,2026-10-30,WATCH,\"Trust was 6.5 on 23 October, under the cutoff of 8.0. Ask what would help them feel safe to be open.\"
C-1,carl,1,2026-11-20,ok,"
al --user sup board --summary --format csv
check "the summary: the hand-worked numbers" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired_12w,closed_12w,repair_pct,missed_pct,unrated_pct,not_seen,ended_planned,ended_dropout,ended_referred,ended_other
bob,3,6,8.5,0,1,1,2,50,0,0,1,0,0,0,0
carl,2,4,8.8,1,0,0,0,,0,20,0,0,0,0,0"
al --user sup board --summary --format json
check "the summary in JSON: numbers, null for none" 0 '[
 {"clinician": "bob", "clients": 3, "sessions_4w": 6, "mean_4w": 8.5, "open": 0, "unrepaired": 1, "repaired_12w": 1, "closed_12w": 2, "repair_pct": 50, "missed_pct": 0, "unrated_pct": 0, "not_seen": 1, "ended_planned": 0, "ended_dropout": 0, "ended_referred": 0, "ended_other": 0},
 {"clinician": "carl", "clients": 2, "sessions_4w": 4, "mean_4w": 8.8, "open": 1, "unrepaired": 0, "repaired_12w": 0, "closed_12w": 0, "repair_pct": null, "missed_pct": 0, "unrated_pct": 20, "not_seen": 0, "ended_planned": 0, "ended_dropout": 0, "ended_referred": 0, "ended_other": 0}
]'
COLUMNS=1000 al --user sup --ascii board --format table # unwrapped (wrapping: table.sh)
check "the table: clients with a trend, then the summary" 0 "client  clinician  sessions  last_date   status   trend    flag
B-3     bob               7  2026-11-27  RUPTURE  ****+++  Since 6 November (session 4) bob noted a withdrawal. Not back to about 9.0 after 3 sessions (now 8.4). bob might invite them to talk about what happened between them.
C-2     carl              4  2026-11-27  RUPTURE  ***+     Since 27 November (session 4) trust fell from 9.0 to 6.5. No session rated since. Ask what would help them feel safe to be open.
B-1     bob               3  2026-11-27  WATCH    *++      Trust was 7.5 on 27 November, under the cutoff of 8.0. Ask what would help them feel safe to be open.
B-2     bob               5  2026-10-30  WATCH    ***+*    Trust was 6.5 on 23 October, under the cutoff of 8.0. Ask what would help them feel safe to be open.
C-1     carl              1  2026-11-20  ok

clinician  clients  sessions_4w  mean_4w  open  unrepaired  repaired_12w  closed_12w  repair_pct
bob              3            6      8.5     0           1             1           2         50%
carl             2            4      8.8     1           0             0           0           -

clinician  missed_pct  unrated_pct  not_seen  ended_planned  ended_dropout  ended_referred  ended_other
bob                0%           0%         1              0              0               0            0
carl               0%          20%         0              0              0               0            0"
al --user sup board --format json --status ruPTure
check "--status (any case) narrows the clients; JSON" 0 '[
 {"client": "B-3", "clinician": "bob", "sessions": 7, "last_date": "2026-11-27", "status": "RUPTURE", "flag": "Since 6 November (session 4) bob noted a withdrawal. Not back to about 9.0 after 3 sessions (now 8.4). bob might invite them to talk about what happened between them."},
 {"client": "C-2", "clinician": "carl", "sessions": 4, "last_date": "2026-11-27", "status": "RUPTURE", "flag": "Since 27 November (session 4) trust fell from 9.0 to 6.5. No session rated since. Ask what would help them feel safe to be open."}
]'
al --user sup board --status ok --format csv --clinician bob
check "--status and --clinician together: none" 0 "client,clinician,sessions,last_date,status,flag"
COLUMNS=1000 al --user sup board --clinician carl --status WATCH --format table
check "a filtered table keeps the clinician's summary" 0 "client  clinician  sessions  last_date  status  trend  flag

clinician  clients  sessions_4w  mean_4w  open  unrepaired  repaired_12w  closed_12w  repair_pct
carl             2            4      8.8     1           0             0           0           -

clinician  missed_pct  unrated_pct  not_seen  ended_planned  ended_dropout  ended_referred  ended_other
carl               0%          20%         0              0              0               0            0"

# A clinician sees their own board: their clients and their own line.
al --user bob board --summary --format csv
check "a clinician: their own summary" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired_12w,closed_12w,repair_pct,missed_pct,unrated_pct,not_seen,ended_planned,ended_dropout,ended_referred,ended_other
bob,3,6,8.5,0,1,1,2,50,0,0,1,0,0,0,0"
al --user carl board --format csv
check "a clinician: their own clients" 0 "client,clinician,sessions,last_date,status,flag
C-2,carl,4,2026-11-27,RUPTURE,Since 27 November (session 4) trust fell from 9.0 to 6.5. No session rated since. Ask what would help them feel safe to be open.
C-1,carl,1,2026-11-20,ok,"
al --user vera board --summary --format csv
check "another supervisor sees only their own supervisee" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired_12w,closed_12w,repair_pct,missed_pct,unrated_pct,not_seen,ended_planned,ended_dropout,ended_referred,ended_other
dana,1,1,3.0,0,0,0,0,,0,0,0,0,0,0,0"
al --user sup board --clinician dana
check_err "a supervisor names only supervisees" 1 "alliance: board: --clinician: 'dana' is not one of your supervisees"
al --user bob board --clinician carl
check_err "a clinician names only themself" 1 "alliance: board: --clinician: 'carl' is not you (a clinician works only with their own clients)"

# The window follows today: on 20 December it is 23 November - 20 December.
# bob: B-1 27 Nov (75+85+90) and B-3 27 Nov (3*84): 502 / 6 = 83.7 -> 8.4.
# The repair rate's 12 weeks (28 September - 20 December) still hold B-2's
# repair (30 October) and B-3's judgement (27 November); on 1 March they
# hold neither (a dash). The current episodes do not depend on today.
ALLIANCE_TODAY=2026-12-20 run "$A" --user sup board --summary --format csv
check "the 4 weeks end today" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired_12w,closed_12w,repair_pct,missed_pct,unrated_pct,not_seen,ended_planned,ended_dropout,ended_referred,ended_other
bob,3,2,8.4,0,1,1,2,50,0,0,3,0,0,0,0
carl,2,1,8.2,1,0,0,0,,0,20,2,0,0,0,0"
ALLIANCE_TODAY=2027-03-01 COLUMNS=1000 run "$A" --user sup board --summary --format table
check "no session in the 4 weeks: a dash" 0 "clinician  clients  sessions_4w  mean_4w  open  unrepaired  repaired_12w  closed_12w  repair_pct
bob              3            0        -     0           1             0           0           -
carl             2            0        -     1           0             0           0           -

clinician  missed_pct  unrated_pct  not_seen  ended_planned  ended_dropout  ended_referred  ended_other
bob                 -            -         3              0              0               0            0
carl                -            -         2              0              0               0            0"

# Archived clients leave the board and the counts; a supervisee without
# clients still has a line.
al --user bob client archive B-3
al --user sup board --summary --format csv
check "archived: out of the counts" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired_12w,closed_12w,repair_pct,missed_pct,unrated_pct,not_seen,ended_planned,ended_dropout,ended_referred,ended_other
bob,2,2,8.4,0,0,1,1,100,0,0,1,0,0,0,1
carl,2,4,8.8,1,0,0,0,,0,20,0,0,0,0,0"
al user add erin --supervisor sup
al --user sup board --summary --format csv
check "a supervisee without clients" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired_12w,closed_12w,repair_pct,missed_pct,unrated_pct,not_seen,ended_planned,ended_dropout,ended_referred,ended_other
bob,2,2,8.4,0,0,1,1,100,0,0,1,0,0,0,1
carl,2,4,8.8,1,0,0,0,,0,20,0,0,0,0,0
erin,0,0,,0,0,0,0,,,,0,0,0,0,0"

# More sessions in 4 weeks than the trend's 12: counted from the course.
al user add ivo --supervisor sup
al --user ivo client add I-1
for d in 14 15 16 17 18 19 20 21 22 23 24 25 26 27; do
	run "$A" --user ivo session add I-1 --date 2026-11-$d --trust 9 --collaboration 8 --empathy 7
done
al --user sup board --summary --format csv --clinician ivo
check "14 sessions in 4 weeks: every one counted" 0 "clinician,clients,sessions_4w,mean_4w,open,unrepaired,repaired_12w,closed_12w,repair_pct,missed_pct,unrated_pct,not_seen,ended_planned,ended_dropout,ended_referred,ended_other
ivo,1,14,8.0,0,0,0,0,,0,0,0,0,0,0,0"

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
