#!/bin/sh
# development: one clinician's summary in text, CSV and HTML (exact
# figures on the repair fixture, a period boundary, the small-count
# warning), who sees whose, --output, bad input, and no note text anywhere.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../repair_fixture.sh"
repair_fixture
setup --user bob repair K-1 --episode 6 --domain bond --strategy clarify,validate --session 7
printf 'MARKERWORD in a repair note\n' > "$T/note"
setup --user bob repair K-1 --episode 6 --domain goals --strategy change-goal,metacommunicate \
	--note-file "$T/note"
setup repair A-1 --episode 3 --domain culture --strategy own-part

# bob: K-1's episode opened at 6 (9 October), judged unrepaired at 9 (30
# October); records at 7 (bond: clarify, validate) and 10 (goals:
# change-goal, metacommunicate), so its likely domain is goals, the first
# record came 1 session (7 days) after the opening. K-2 is calm.
al --user bob development
check "text: bob's whole course" 0 "Development summary: bob
Period: every session
Clients seen: 2; sessions: 14

Episodes opened in the period: 1 *
  by kind: rupture 1
  by likely domain (the latest repair record): goals 1

Repair rate (episodes closed in the period): repaired 0 of 1 (0 %) *
  by strategy (episodes with a record naming it):
    metacommunicate   repaired 0 of 1 (0 %) *
    clarify           repaired 0 of 1 (0 %) *
    change-goal       repaired 0 of 1 (0 %) *
    validate          repaired 0 of 1 (0 %) *

Repair records made in the period: 2
  not named in the period's records: rationale, change-task, own-part, invite-negative, supervision
  time from opening to the first record: median 1 session (7 days), over 1 episode *
  recorded at the opening session or the next: 1 of 1 (100 %) *

* Fewer than 5 episodes: a pattern worth discussing, not evidence."
cp "$T/out" "$T/bob.txt"

# The period's days are included: the unrepaired judgement on 30 October
# is in from that day, out from the next.
al --user bob development --from 2026-10-30 --to 2026-11-06
check_grep "a period starting on the closing day counts the closing" \
	"^Repair rate \(episodes closed in the period\): repaired 0 of 1 \(0 %\) \*$" "$T/out"
check_grep "... and the records made in it" "^Repair records made in the period: 1$" "$T/out"
check_grep "... and its sessions" "^Clients seen: 2; sessions: 6$" "$T/out"
al --user bob development --from 2026-10-31 --to 2026-11-06
check_grep "a day later it does not" "^Repair rate \(episodes closed in the period\): none closed$" "$T/out"
check_grep "nothing opened in it" "^Episodes opened in the period: 0$" "$T/out"

al --user bob development --format csv --from 2026-10-30
check "CSV: one row a figure, every kind, domain and strategy" 0 "clinician,from,to,measure,item,count,of,few
bob,2026-10-30,,clients,seen,2,,
bob,2026-10-30,,sessions,all,6,,
bob,2026-10-30,,episodes,opened,0,,
bob,2026-10-30,,kind,rupture,0,0,yes
bob,2026-10-30,,kind,decline,0,0,yes
bob,2026-10-30,,kind,reported,0,0,yes
bob,2026-10-30,,kind,disengagement,0,0,yes
bob,2026-10-30,,domain,bond,0,0,yes
bob,2026-10-30,,domain,goals,0,0,yes
bob,2026-10-30,,domain,tasks,0,0,yes
bob,2026-10-30,,domain,motivation,0,0,yes
bob,2026-10-30,,domain,life-event,0,0,yes
bob,2026-10-30,,domain,culture,0,0,yes
bob,2026-10-30,,domain,other,0,0,yes
bob,2026-10-30,,domain,none,0,0,yes
bob,2026-10-30,,repair_rate,all,0,1,yes
bob,2026-10-30,,repair_rate,metacommunicate,0,1,yes
bob,2026-10-30,,repair_rate,clarify,0,1,yes
bob,2026-10-30,,repair_rate,rationale,0,0,yes
bob,2026-10-30,,repair_rate,change-task,0,0,yes
bob,2026-10-30,,repair_rate,change-goal,0,1,yes
bob,2026-10-30,,repair_rate,validate,0,1,yes
bob,2026-10-30,,repair_rate,own-part,0,0,yes
bob,2026-10-30,,repair_rate,invite-negative,0,0,yes
bob,2026-10-30,,repair_rate,supervision,0,0,yes
bob,2026-10-30,,repair_rate,none,0,0,yes
bob,2026-10-30,,records,all,1,,
bob,2026-10-30,,records,metacommunicate,1,1,yes
bob,2026-10-30,,records,clarify,0,1,yes
bob,2026-10-30,,records,rationale,0,1,yes
bob,2026-10-30,,records,change-task,0,1,yes
bob,2026-10-30,,records,change-goal,1,1,yes
bob,2026-10-30,,records,validate,0,1,yes
bob,2026-10-30,,records,own-part,0,1,yes
bob,2026-10-30,,records,invite-negative,0,1,yes
bob,2026-10-30,,records,supervision,0,1,yes
bob,2026-10-30,,within_one_session,all,0,0,yes"
al --user bob development --format csv
check_grep "CSV: time to the first record" "^bob,,,first_record,median_days,7,1,yes$" "$T/out"
check_grep "CSV: within one session" "^bob,,,within_one_session,all,1,1,yes$" "$T/out"

# Who sees whose: a supervisor gets each supervisee (bob), not alice.
al --user sup development
same_file "a supervisor: their supervisee's summary" "$T/bob.txt" "$T/out"
al --user sup development --clinician bob --format csv
check_grep "a supervisor may name a supervisee" "^bob,,,episodes,opened,1,,$" "$T/out"
al development
check_grep "alice sees her own" "^Development summary: alice$" "$T/out"
check_grep "an open episode is not in the rate" "none closed" "$T/out"
al development --clinician bob
check_err "a clinician cannot see another's" 1 \
	"alliance: development: --clinician: 'bob' is not you (a clinician works only with their own clients)"
al --user sup development --clinician alice
check_err "nor a supervisor a clinician they do not supervise" 1 \
	"alliance: development: --clinician: 'alice' is not one of your supervisees"
setup user add sup2 --role supervisor
al --user sup2 development
check_err "a supervisor without supervisees" 1 "alliance: development: you supervise no clinician"

# HTML: one self-contained page that prints.
al --user bob development --format html
cp "$T/out" "$T/page.html"
check_grep "HTML: a document" "^<!DOCTYPE html>$" "$T/page.html"
check_grep "HTML: the title names the clinician" "<title>Development summary: bob</title>" "$T/page.html"
check_grep "HTML: print rules" "@media print" "$T/page.html"
check_grep "HTML: the counts beside the rate" "<td>clarify<br><small>clear up a misunderstanding</small></td><td class=\"n\">0 of 1</td><td class=\"n\">0 %</td>" "$T/page.html"
check_grep "HTML: the small-count warning" "<p class=\"warning\">.*Fewer than 5 episodes: a pattern worth discussing, not evidence.</p>" "$T/page.html"
check_no_grep "HTML: no external resource, no script" "https?:|<script|<link|<img|src=|@import|url\(" "$T/page.html"
for tag in html head body section table dl ul; do
	o=$(grep -o "<$tag[ >]" "$T/page.html" | wc -l)
	c=$(grep -o "</$tag>" "$T/page.html" | wc -l)
	[ "$o" = "$c" ] && [ "$o" -ge 1 ] && ok "HTML: <$tag> opened and closed ($o)" ||
		not_ok "HTML: <$tag> opened and closed" "$o opened, $c closed"
done
al --user sup development --format html --from 2026-09-01
check_grep "HTML: the period" "<dt>Period</dt><dd>from 2026-09-01</dd>" "$T/out"

# --output: a file of mode 0600, the same text.
al --user bob development --output "$T/dev.txt"
check "--output: nothing on standard output" 0 ""
same_file "--output: the summary" "$T/bob.txt" "$T/dev.txt"
[ "$(stat -c %a "$T/dev.txt")" = 600 ] && ok "--output: mode 0600" || not_ok "--output: mode $(stat -c %a "$T/dev.txt")"

# Bad input: one line, exit 1 (2 for usage).
al --user bob development --format xml
check_err "an unknown format" 1 "alliance: development: --format: 'xml' is not text, html or csv"
al --user bob development --from 2026-13-01
check_err "a bad date" 1 "alliance: development: --from: '2026-13-01' is not a date (YYYY-MM-DD)"
al --user bob development --from 2026-11-01 --to 2026-10-01
check_err "--from after --to" 1 "alliance: development: --from is after --to"
al --user bob development K-1
check_err "no client argument" 2 "alliance: development: unexpected argument 'K-1'"
al --user bob development --clinician nobody
check_err "an unknown clinician" 1 "alliance: development: --clinician: unknown user 'nobody'"
al --user bob development --output "$T/no/such/dir/x.txt"
[ "$rc" = 4 ] && [ "$(wc -l < "$T/err")" = 1 ] && ok "an unwritable --output: exit 4, one line" ||
	not_ok "an unwritable --output" "exit $rc: $(cat "$T/err")"

# No note text in any format, and the command writes nothing.
before=$(sqlite3 "$DB" "SELECT count(*) FROM audit")
for f in text csv html; do
	al --user bob development --format $f
	check_no_grep "no note text in development --format $f" MARKERWORD "$T/out"
	al --user sup development --format $f
	check_no_grep "nor in the supervisor's ($f)" MARKERWORD "$T/out"
done
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit")" = "$before" ] && ok "development writes nothing" ||
	not_ok "development writes nothing"
