#!/bin/sh
# flags: the shared detection vectors, the worked course in every format,
# current flags against --all, the demo practice's golden flags, who sees
# what, and every bad option.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-11-27
GOLDEN="$(dirname "$0")/golden"


# The shared vectors: imported, their flags are exactly flags.csv.
al --db "$T/vectors.db" import "$VECTORS/detection/input.csv"
check "shared vectors imported" 0 "imported 1278 rows: ratings 1267, new sessions 349, new clients 24, new clinicians 1"
al --db "$T/vectors.db" --user dr_example flags --all --format csv
check_file "flags --all --format csv = the shared vectors' flags.csv" \
	"$VECTORS/detection/flags.csv"
al --db "$T/vectors.db" --user dr_example flags --all --format json
[ "$(grep -c '"explanation": "[A-Z]' "$T/out")" = "$(($(wc -l < "$VECTORS/detection/flags.csv") - 1))" ] \
	&& ok "every flag of the vectors has an explanation" || not_ok "every flag of the vectors has an explanation"

# The worked course of the vectors' README, in every format.
setup init
setup client add W-1
d=2026-03-02
for t in 8.5 9.0 9.5 9.0 6.0 9.0; do
	setup session add W-1 --date $d --trust $t --collaboration 9 --empathy 9
	d=$(date -u -d "$d + 7 days" +%F)
done
al flags --all --format csv
check "worked course: csv" 0 "client,session,date,dimension,rule,severity,status
W-1,5,2026-03-30,trust,dip,red,repaired
W-1,5,2026-03-30,trust,drop,red,repaired
W-1,5,2026-03-30,trust,low,amber,"
al flags W-1 --format table
check "worked course: table at 80 columns, explanations under their row" 0 "client  session  date        dimension  rule  severity  status
        explanation
W-1           5  2026-03-30  trust      dip   red       repaired
        Trust was 6.0 on 30 March, far below this client's usual 9.0 (over 4
        sessions). Ask what was different this time. It came back to 9.0 on 6
        April: repaired.
W-1           5  2026-03-30  trust      drop  red       repaired
        Trust fell from 9.0 to 6.0 since 23 March (a drop of 3.0). Ask about how
        the last session felt. It came back to 9.0 on 6 April: repaired.
W-1           5  2026-03-30  trust      low   amber
        Trust was 6.0 on 30 March, under the cutoff of 8.0. Ask what would help
        them feel safe to be open."
al flags --format json
check "worked course: json with an explanation key" 0 '[
 {"client": "W-1", "session": 5, "date": "2026-03-30", "dimension": "trust", "rule": "dip", "severity": "red", "status": "repaired", "explanation": "Trust was 6.0 on 30 March, far below this client'"'"'s usual 9.0 (over 4 sessions). Ask what was different this time. It came back to 9.0 on 6 April: repaired.", "acknowledged": ""},
 {"client": "W-1", "session": 5, "date": "2026-03-30", "dimension": "trust", "rule": "drop", "severity": "red", "status": "repaired", "explanation": "Trust fell from 9.0 to 6.0 since 23 March (a drop of 3.0). Ask about how the last session felt. It came back to 9.0 on 6 April: repaired.", "acknowledged": ""},
 {"client": "W-1", "session": 5, "date": "2026-03-30", "dimension": "trust", "rule": "low", "severity": "amber", "status": "", "explanation": "Trust was 6.0 on 30 March, under the cutoff of 8.0. Ask what would help them feel safe to be open.", "acknowledged": ""}
]'
al flags
check "not a terminal: csv by default" 0 "client,session,date,dimension,rule,severity,status
W-1,5,2026-03-30,trust,dip,red,repaired
W-1,5,2026-03-30,trust,drop,red,repaired
W-1,5,2026-03-30,trust,low,amber,"

# Current flags: the last 4 sessions, plus the unrepaired ones of the last 12.
setup client add C-1
setup session add C-1 --date 2026-01-05 --trust 7 --collaboration 9 --empathy 9
for day in 12 19 26; do setup session add C-1 --date 2026-01-$day --trust 9 --collaboration 9 --empathy 9; done
setup session add C-1 --date 2026-02-02 --trust 6 --collaboration 9 --empathy 9
for day in 09 16 23; do setup session add C-1 --date 2026-02-$day --trust 6 --collaboration 9 --empathy 9; done
al flags C-1 --all --format csv
check "C-1: every flag" 0 "client,session,date,dimension,rule,severity,status
C-1,1,2026-01-05,trust,low,amber,
C-1,5,2026-02-02,trust,dip,red,unrepaired
C-1,5,2026-02-02,trust,drop,red,unrepaired
C-1,5,2026-02-02,trust,low,amber,
C-1,6,2026-02-09,trust,low,amber,
C-1,7,2026-02-16,trust,decline,amber,
C-1,7,2026-02-16,trust,low,amber,
C-1,8,2026-02-23,trust,low,amber,"
al flags C-1 --format csv
check "C-1: current flags leave session 1 out" 0 "client,session,date,dimension,rule,severity,status
C-1,5,2026-02-02,trust,dip,red,unrepaired
C-1,5,2026-02-02,trust,drop,red,unrepaired
C-1,5,2026-02-02,trust,low,amber,
C-1,6,2026-02-09,trust,low,amber,
C-1,7,2026-02-16,trust,decline,amber,
C-1,7,2026-02-16,trust,low,amber,
C-1,8,2026-02-23,trust,low,amber,"
for day in 02 09 16 23 30; do setup session add C-1 --date 2026-03-$day --trust 9 --collaboration 9 --empathy 9; done
al flags C-1 --format csv
check "C-1: after 5 calm sessions only the unrepaired ruptures" 0 "client,session,date,dimension,rule,severity,status
C-1,5,2026-02-02,trust,dip,red,unrepaired
C-1,5,2026-02-02,trust,drop,red,unrepaired"
al flags --format csv
check "every client's current flags, in code order" 0 "client,session,date,dimension,rule,severity,status
C-1,5,2026-02-02,trust,dip,red,unrepaired
C-1,5,2026-02-02,trust,drop,red,unrepaired
W-1,5,2026-03-30,trust,dip,red,repaired
W-1,5,2026-03-30,trust,drop,red,repaired
W-1,5,2026-03-30,trust,low,amber,"
setup client archive W-1
al flags --format csv
check "an archived client leaves the listing" 0 "client,session,date,dimension,rule,severity,status
C-1,5,2026-02-02,trust,dip,red,unrepaired
C-1,5,2026-02-02,trust,drop,red,unrepaired"
al flags W-1 --format csv
check "an archived client by its code" 0 "client,session,date,dimension,rule,severity,status
W-1,5,2026-03-30,trust,dip,red,repaired
W-1,5,2026-03-30,trust,drop,red,repaired
W-1,5,2026-03-30,trust,low,amber,"
al config set drop 3.5
al flags C-1 --all --format csv
check "thresholds are settings" 0 "client,session,date,dimension,rule,severity,status
C-1,1,2026-01-05,trust,low,amber,
C-1,5,2026-02-02,trust,dip,red,unrepaired
C-1,5,2026-02-02,trust,low,amber,
C-1,6,2026-02-09,trust,low,amber,
C-1,7,2026-02-16,trust,decline,amber,
C-1,7,2026-02-16,trust,low,amber,
C-1,8,2026-02-23,trust,low,amber,"
al config set drop 2.0

# Who sees what.
setup user add sam --role supervisor
setup user add bob --supervisor sam
setup user add eve
setup --user bob client add B-1
setup --user bob session add B-1 --date 2026-05-04 --trust 5 --collaboration 9 --empathy 9
al flags B-1
check_err "another clinician's client" 1 "alliance: flags: 'B-1' is not one of your clients"
al flags --clinician bob
check_err "another clinician's flags" 1 "alliance: flags: --clinician: 'bob' is not you (a clinician works only with their own clients)"
al --user bob flags --format csv
check "a clinician sees their own" 0 "client,session,date,dimension,rule,severity,status
B-1,1,2026-05-04,trust,low,amber,"
al --user sam flags --format csv
check "a supervisor sees their supervisees'" 0 "client,session,date,dimension,rule,severity,status
B-1,1,2026-05-04,trust,low,amber,"
al --user sam flags B-1 --clinician bob
check_err "CODE and --clinician" 2 "alliance: flags: give a CODE or --clinician, not both"
al --user sam flags --clinician alice
check_err "a supervisor names only supervisees" 1 "alliance: flags: --clinician: 'alice' is not one of your supervisees"
al --user sam flags C-1
check_err "a supervisor and another's client" 1 "alliance: flags: 'C-1' is not a client of your supervisees"
al --user eve flags --format csv
check "nothing to see: the header only" 0 "client,session,date,dimension,rule,severity,status"
al --user eve flags --format json
check "nothing to see: an empty JSON array" 0 "[]"

# Bad input.
al flags NOPE
check_err "unknown client" 1 "alliance: flags: unknown client 'NOPE'"
al flags 'a b'
check_err "invalid code" 1 "alliance: flags: 'a b' is not a valid client code (1-32 letters, digits, '-', '_', '.')"
al flags --format xml
check_err "bad format" 1 "alliance: flags: --format: 'xml' is not table, csv or json"
al flags --clinician nobody
check_err "unknown clinician" 1 "alliance: flags: --clinician: unknown user 'nobody'"
al flags --all=yes
check_err "a flag takes no value" 2 "alliance: flags: --all takes no value"
al flags C-1 W-1
check_err "one code at most" 2 "alliance: flags: unexpected argument 'W-1'"
al flags --frob
check_err "unknown option" 2 "alliance: flags: unknown option --frob"

# The demo practice: golden flags, and at least one flag of every rule and
# every repair status among the user's own clients.
setup --db "$T/demo.db" demo
al --db "$T/demo.db" flags --all --format csv
check_file "demo: flags --all golden" "$GOLDEN/demo-flags.csv"
cp "$T/out" "$T/demo-flags.csv"
for rule in low drop dip decline marker discrepancy missing reported disengaging missed; do
	check_grep "demo: a $rule flag" "^K-[0-9]+,[0-9]+,[0-9-]+,[a-z]*,$rule," "$T/demo-flags.csv"
done
for status in open repaired unrepaired; do
	check_grep "demo: a $status rupture" ",red,$status\$" "$T/demo-flags.csv"
done
al --db "$T/demo.db" --user sup_moreau flags --format csv
check_file "demo: the supervisor's current flags golden" "$GOLDEN/demo-flags-current.csv"
