#!/bin/sh
# episodes: the stable CSV (SPEC §3), the two courses of the shared README
# worked exactly, current and --all, archiving, the story in table and JSON
# (naming the clinician for a supervisor), the demo golden, who sees what
# and bad options.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-11-27
GOLDEN="$(dirname "$0")/golden"
HEADER="client,opened,date,kind,severity,dimensions,status,closed"

# The two courses of ../shared/examples/detection/README.md ("Episodes").
cat > "$T/courses.csv" <<'CSV'
client,clinician,date,session,rater,dimension,value,rupture,context
E-1,alice,2026-09-07,1,client,trust,9.5,,
E-1,alice,2026-09-07,1,client,collaboration,9.4,,
E-1,alice,2026-09-07,1,client,empathy,9.2,,
E-1,alice,2026-09-14,2,client,trust,9.3,,
E-1,alice,2026-09-14,2,client,collaboration,9.0,,
E-1,alice,2026-09-14,2,client,empathy,8.9,,
E-1,alice,2026-09-21,3,client,trust,9.2,,
E-1,alice,2026-09-21,3,client,collaboration,9.0,,
E-1,alice,2026-09-21,3,client,empathy,8.9,,
E-1,alice,2026-09-28,4,client,trust,9.5,,
E-1,alice,2026-09-28,4,client,collaboration,9.4,,
E-1,alice,2026-09-28,4,client,empathy,9.2,,
E-1,alice,2026-10-05,5,client,trust,6.0,confrontation,
E-1,alice,2026-10-05,5,client,collaboration,6.0,confrontation,
E-1,alice,2026-10-05,5,client,empathy,6.1,confrontation,
E-1,alice,2026-10-12,6,client,trust,6.3,,
E-1,alice,2026-10-12,6,client,collaboration,6.3,,
E-1,alice,2026-10-12,6,client,empathy,6.6,,
E-1,alice,2026-10-19,7,client,trust,6.6,,
E-1,alice,2026-10-19,7,client,collaboration,6.7,,
E-1,alice,2026-10-19,7,client,empathy,6.8,,
E-1,alice,2026-10-26,8,client,trust,6.7,,
E-1,alice,2026-10-26,8,client,collaboration,6.9,,
E-1,alice,2026-10-26,8,client,empathy,7.2,,
W-1,alice,2026-03-02,1,client,trust,8.5,,
W-1,alice,2026-03-02,1,client,collaboration,9.0,,
W-1,alice,2026-03-02,1,client,empathy,9.0,,
W-1,alice,2026-03-09,2,client,trust,9.0,,
W-1,alice,2026-03-09,2,client,collaboration,9.0,,
W-1,alice,2026-03-09,2,client,empathy,9.0,,
W-1,alice,2026-03-16,3,client,trust,9.5,,
W-1,alice,2026-03-16,3,client,collaboration,9.0,,
W-1,alice,2026-03-16,3,client,empathy,9.0,,
W-1,alice,2026-03-23,4,client,trust,9.0,,
W-1,alice,2026-03-23,4,client,collaboration,9.0,,
W-1,alice,2026-03-23,4,client,empathy,9.0,,
W-1,alice,2026-03-30,5,client,trust,6.0,,
W-1,alice,2026-03-30,5,client,collaboration,9.0,,
W-1,alice,2026-03-30,5,client,empathy,9.0,,
W-1,alice,2026-04-06,6,client,trust,9.0,,
W-1,alice,2026-04-06,6,client,collaboration,9.0,,
W-1,alice,2026-04-06,6,client,empathy,9.0,,
CSV
setup import "$T/courses.csv"
al episodes --all --format csv
check "the README's two courses, exactly" 0 "$HEADER
E-1,5,2026-10-05,rupture,red,trust;collaboration;empathy,unrepaired,8
W-1,5,2026-03-30,rupture,red,trust,repaired,6"
# their flags are unchanged (SPEC §4): the evidence, not the alert
al flags W-1 --all --format csv
check "W-1's flags as the README has them" 0 "client,session,date,dimension,rule,severity,status
W-1,5,2026-03-30,trust,dip,red,repaired
W-1,5,2026-03-30,trust,drop,red,repaired
W-1,5,2026-03-30,trust,low,amber,"
al flags E-1 --all --format csv
[ "$(grep -c ',E-1\|^E-1' "$T/out")" -gt 8 ] && ok "E-1: many flags, one episode" ||
	not_ok "E-1: many flags, one episode" "$(cat "$T/out")"

# Current episodes by default: W-1's repair (session 6) is one of its last 4.
al episodes --format csv
check "current: E-1's unrepaired, W-1's recent repair" 0 "$HEADER
E-1,5,2026-10-05,rupture,red,trust;collaboration;empathy,unrepaired,8
W-1,5,2026-03-30,rupture,red,trust,repaired,6"
for d in 13 20 27; do setup session add W-1 --date 2026-04-$d --trust 9 --collaboration 9 --empathy 9; done
setup session add W-1 --date 2026-05-04 --trust 9 --collaboration 9 --empathy 9
al episodes W-1 --format csv
check "four sessions on, the repair is no longer current" 0 "$HEADER"
al episodes W-1 --all --format csv
check "--all: still there" 0 "$HEADER
W-1,5,2026-03-30,rupture,red,trust,repaired,6"

# JSON and the table carry the story; the CSV never does.
al episodes E-1 --format json
check "JSON: the story (told to the clinician)" 0 '[
 {"client": "E-1", "opened": 5, "date": "2026-10-05", "kind": "rupture", "severity": "red", "dimensions": "trust;collaboration;empathy", "status": "unrepaired", "closed": 8, "story": "Since 5 October (session 5) trust, collaboration and empathy fell by about 3 points from 9.2, and you noted a confrontation. Not back to about 9.2 after 3 sessions (now 6.9). Invite them to talk about what happened between you.", "acknowledged": "", "repairs": ""}
]'
COLUMNS=1000 al episodes E-1 --format table
check_grep "table: the story" "^E-1 .* Since 5 October \(session 5\) trust, collaboration and empathy fell by about 3 points" "$T/out"
al episodes E-1 --format csv
check_no_grep "CSV: no story" "Since" "$T/out"

# An open episode: closed is empty (CSV), null (JSON); archiving closes it
# unrepaired at the client's last session.
setup client add O-1
for d in 02 09 16 23; do setup session add O-1 --date 2026-11-$d --trust 9 --collaboration 9 --empathy 9; done
setup session add O-1 --date 2026-11-27 --trust 5 --collaboration 5 --empathy 5
al episodes O-1 --format csv
check "open: closed is empty" 0 "$HEADER
O-1,5,2026-11-27,rupture,red,trust;collaboration;empathy,open,"
al episodes O-1 --format json
check_grep "open: closed is null" '"status": "open", "closed": null' "$T/out"
setup client archive O-1
al episodes O-1 --format csv
check "archived: closed unrepaired at the last session" 0 "$HEADER
O-1,5,2026-11-27,rupture,red,trust;collaboration;empathy,unrepaired,5"
al caseload --format csv
check_no_grep "archived: off the caseload" "^O-1," "$T/out"

# Who sees what: a supervisor reads the clinician named; others see nothing.
setup user add sam --role supervisor
setup user add bob --supervisor sam
setup --user bob client add B-1
for d in 02 09 16 23; do setup --user bob session add B-1 --date 2026-11-$d --trust 9 --collaboration 9 --empathy 9; done
setup --user bob session add B-1 --date 2026-11-27 --trust 9 --collaboration 9 --empathy 9 --rupture withdrawal
al --user sam episodes --format json
check "a supervisor: the supervisees' episodes, the clinician named" 0 '[
 {"client": "B-1", "opened": 5, "date": "2026-11-27", "kind": "rupture", "severity": "red", "dimensions": "", "status": "open", "closed": null, "story": "Since 27 November (session 5) bob noted a withdrawal. No session rated since. bob might invite them to talk about what happened between them.", "acknowledged": "", "repairs": ""}
]'
al --user bob episodes --format csv --clinician bob
check "--clinician: their own" 0 "$HEADER
B-1,5,2026-11-27,rupture,red,,open,"
al --user bob episodes E-1
check_err "another clinician's client" 1 "alliance: episodes: 'E-1' is not one of your clients"
al episodes --clinician bob
check_err "another clinician's episodes" 1 "alliance: episodes: --clinician: 'bob' is not you (a clinician works only with their own clients)"

# Bad options.
al episodes E-1 --clinician alice
check_err "CODE and --clinician" 2 "alliance: episodes: give a CODE or --clinician, not both"
al episodes NOPE
check_err "unknown client" 1 "alliance: episodes: unknown client 'NOPE'"
al episodes --format xml
check_err "bad format" 1 "alliance: episodes: --format: 'xml' is not table, csv or json"
al episodes E-1 W-1
check_err "one CODE at most" 2 "alliance: episodes: unexpected argument 'W-1'"
al episodes --frob
check_err "unknown option" 2 "alliance: episodes: unknown option --frob"

# The demo: every episode of the practice, golden (the supervisor's view).
setup --db "$T/demo.db" demo
al --db "$T/demo.db" --user sup_moreau episodes --all --format csv
check_file "demo: every episode, golden" "$GOLDEN/demo-episodes.csv"
al --db "$T/demo.db" episodes --format csv
cut -d, -f1 "$T/out" | sort | uniq -d > "$T/dups"
[ ! -s "$T/dups" ] && ok "demo: one current story per client" || not_ok "demo: one current story per client" "$(cat "$T/dups")"
