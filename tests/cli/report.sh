#!/bin/sh
# report: the text format word for word, demo goldens, a period, notes only
# when asked, --output (0600, nothing left behind on failure), the HTML page
# (self-contained, escaped), who sees what and every bad option.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-11-27
GOLDEN="$(dirname "$0")/golden"

setup init
setup client add R-1 --modality cbt --goal "Fewer panic attacks"
setup session add R-1 --date 2026-03-02 --trust 9 --collaboration 8.5 --empathy 9 --note "Talked about the move; agreed homework.
Second line of the note, long enough to be wrapped at the width of the text report, which is seventy-eight columns."
setup session add R-1 --date 2026-03-09 --trust 6 --collaboration 8 --empathy 9 --rupture withdrawal --context illness
setup session add R-1 --date 2026-03-09 --rater clinician --trust 8.5
setup session add R-1 --date 2026-03-16

cat > "$T/r1.txt" <<'EOF'
Alliance report: R-1

Clinician  alice
Modality   cbt
Goal       Fewer panic attacks
Sessions   3, 2026-03-02 to 2026-03-16
Status     RUPTURE
Printed    2026-11-27

Episodes (1; * current)

* Session 2, 2026-03-09: rupture (red, open)
    Since 9 March (session 2) trust fell from 9.0 to 6.0, and you noted a
    withdrawal. No session rated since. Invite them to talk about what
    happened between you.

Ratings (the client's; the clinician's own in brackets)

session  date        trust      collaboration  empathy  rupture     context
      1  2026-03-02  9.0        8.5            9.0
      2  2026-03-09  6.0 (8.5)  8.0            9.0      withdrawal  illness
      3  2026-03-16

Flags (5 at 2 sessions; * current)

Session 2, 2026-03-09 (in the episode of session 2)
  * marker (red, open): You noted a withdrawal rupture on 9 March (mean
      alliance 7.7). Invite them to talk about what happened between you.
      Open: watch for a return to 8.4 or more.
  * trust: discrepancy (amber): On 9 March you rated trust 8.5, the client 6.0
      (a gap of 2.5). Ask how the session was for them: your views differ.
  * trust: drop (red, open): Trust fell from 9.0 to 6.0 since 2 March (a drop
      of 3.0). Ask about how the last session felt. Open: watch for a return
      to 8.5 or more.
  * trust: low (amber): Trust was 6.0 on 9 March, under the cutoff of 8.0. Ask
      what would help them feel safe to be open.

Session 3, 2026-03-16
  * missing (info): No client ratings on 16 March. Ask whether rating after
      the session still suits them.

Trend chart

! rupture  - episode  ? unrated
                        !-----?
trust         10| .
               8+~#~~~~~ ~~~~~ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ cutoff 8.0
               6| #     _

collaboration 10|
               8+~*~~~~~-~~~~~ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
               6| #     #

empathy       10| .     .
               8+~#~~~~~#~~~~~ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
               6| #     #
                +-+-----+-----+-------------------------------------------------
                  1     2     3
                  2 Mar       16 Mar
EOF
al report R-1 --ascii
check_file "text report, word for word" "$T/r1.txt"
check_no_grep "no notes without --with-notes" "Talked about|^Notes" "$T/out"
al report R-1 --ascii --with-notes
{ cat "$T/r1.txt"; printf '\nNotes\n\nSession 1, 2026-03-02\n    %s\n    %s\n    %s\n' \
	"Talked about the move; agreed homework." \
	"Second line of the note, long enough to be wrapped at the width of the" \
	"text report, which is seventy-eight columns."; } > "$T/r1-notes.txt"
check_file "--with-notes: the notes, wrapped, at the end" "$T/r1-notes.txt"

# A period: detection still sees the whole course (session 2's drop).
al report R-1 --ascii --from 2026-03-09 --to 2026-03-09 --with-notes
check_grep "period: how many sessions are shown" "^Shown      1 session, 2026-03-09 to 2026-03-09$" "$T/out"
check_grep "period: the flags of the shown sessions, found on the whole course" "^  \* trust: drop \(red, open\): Trust fell from 9.0 to 6.0 since 2 March" "$T/out"
check_grep "period: its episode, found on the whole course" "^\* Session 2, 2026-03-09: rupture \(red, open\)$" "$T/out"
check_no_grep "period: no other session" "^      [13]  2026|Session 3" "$T/out"
check_grep "period: no notes in it" "^No notes in these sessions\.$" "$T/out"
al report R-1 --ascii --from 2027-01-01
check_grep "an empty period" "^Shown      0 sessions$" "$T/out"
check_grep "an empty period: no flags" "^No flags in these sessions\.$" "$T/out"
check_grep "an empty period: no episode" "^No episode in these sessions\.$" "$T/out"

# --output: a 0600 file with what stdout would get.
al report R-1 --ascii --output "$T/r1.out"
check "--output prints nothing" 0 ""
same_file "--output holds the report" "$T/r1.txt" "$T/r1.out"
[ "$(stat -c %a "$T/r1.out")" = 600 ] && ok "--output file is 0600" || not_ok "--output file is 0600" "$(stat -c %a "$T/r1.out")"
mkdir "$T/locked" && chmod 555 "$T/locked"
run setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-all "$A" report R-1 --output "$T/locked/r.txt"
check_err "--output into a directory without write permission" 4 "alliance: $T/locked/r.txt: Permission denied"
[ ! -e "$T/locked/r.txt" ] && ok "no file left behind" || not_ok "no file left behind"

# HTML: one page, no external resources, text escaped, notes only when asked.
setup client add H-1 --goal "Less <panic> & \"more\" sleep"
setup session add H-1 --date 2026-04-06 --trust 9 --collaboration 9 --empathy 9 --note "Spoke of <her> & his fears"
setup session add H-1 --date 2026-04-13 --trust 6.5 --collaboration 9 --empathy 9 --rater clinician
setup session add H-1 --date 2026-04-13 --trust 6 --collaboration 9 --empathy 9 --rupture withdrawal
al report H-1 --format html
check_grep "html: a whole page" "^<!DOCTYPE html>$" "$T/out"
check_grep "html: ends the page" "^</html>$" "$T/out"
check_grep "html: an inline SVG chart" "^<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 760 390\"" "$T/out"
check_grep "html: a flag mark on the chart" "<title>session 2: rupture</title>" "$T/out"
check_grep "html: the episode as a line under the marks, open" '<line x1="[0-9.]+" x2="[0-9.]+" y1="52" y2="52" stroke="#D55E00" stroke-width="3"><title>sessions 2 to 2: episode, open</title></line>' "$T/out"
check_grep "html: print-friendly" "@media print" "$T/out"
check_no_grep "html: no external resources" "src=|href=|url\(|@import|<script|<link" "$T/out"
check_grep "html: text escaped" "<dd>Less &lt;panic&gt; &amp; &quot;more&quot; sleep</dd>" "$T/out"
check_grep "html: the episodes first, with their stories" "<h2>Episodes</h2>" "$T/out"
check_grep "html: an episode's story" "<li class=\"red\"><span class=\"mark\">!</span><strong>Session 2, 2026-04-13: rupture \(red, open\)</strong> \(current\)<p>Since 13 April \(session 2\) trust fell" "$T/out"
check_grep "html: the flags folded by session" "<h3>Session 2, 2026-04-13 <small>\(in the episode of session 2\)</small></h3>" "$T/out"
check_grep "html: the flags with explanations" "<li class=\"red\"><span class=\"mark\">!</span><strong>trust: drop \(red, open\)</strong> \(current\)<p>Trust fell from 9.0 to 6.0 since 6 April" "$T/out"
check_grep "html: ratings, the clinician's in brackets" "<td class=\"n\">6.0 \(6.5\)</td>" "$T/out"
check_no_grep "html: no notes without --with-notes" "fears|<h2>Notes" "$T/out"
al report H-1 --format html --with-notes
check_grep "html: notes escaped" "<p class=\"note\">Spoke of &lt;her&gt; &amp; his fears</p>" "$T/out"
check_grep "html: the chart is closed" "^</svg>$" "$T/out"
setup session add H-1 --date 2026-04-20 --attendance no-show
al report H-1 --format html
check_grep "html: a session not attended, a circle on the chart" '<circle cx="[0-9.]+" cy="52" r="4" fill="#fff" stroke="#555555"><title>session 3: not attended</title></circle>' "$T/out"
check_grep "html: the open episode runs to the last session" '<title>sessions 2 to 3: episode, open</title>' "$T/out"

# The demo: golden text reports.
setup --db "$T/demo.db" demo
al --db "$T/demo.db" report K-9315 --ascii
check_file "demo: unrepaired rupture, golden" "$GOLDEN/report-K-9315.txt"
al --db "$T/demo.db" report K-8978 --with-notes --from 2026-09-01
check_file "demo: discrepancy, UTF-8 chart, a period and notes, golden" "$GOLDEN/report-K-8978.txt"

# Who sees what.
al --db "$T/demo.db" --user dr_okafor report K-9315
check_err "another clinician's client" 1 "alliance: report: 'K-9315' is not one of your clients"
al --db "$T/demo.db" --user sup_moreau report K-9315 --ascii
check_grep "a supervisor reads the clinician named in the stories" "alice noted a confrontation" "$T/out"
check_file "a supervisor reads a supervisee's report" "$GOLDEN/report-K-9315-supervisor.txt"

# Bad input.
al report R-1 --from 2026-13-01
check_err "bad --from" 1 "alliance: report: --from: '2026-13-01' is not a date (YYYY-MM-DD)"
al report R-1 --to yesterday
check_err "bad --to" 1 "alliance: report: --to: 'yesterday' is not a date (YYYY-MM-DD)"
al report R-1 --from 2026-03-10 --to 2026-03-09
check_err "--from after --to" 1 "alliance: report: --from is after --to"
al report R-1 --format pdf
check_err "bad --format" 1 "alliance: report: --format: 'pdf' is not text or html"
al report R-1 --format csv
check_err "no csv report" 1 "alliance: report: --format: 'csv' is not text or html"
al report
check_err "no code" 2 "alliance: report: missing argument (see alliance --help)"
al report R-1 --notes
check_err "unknown option" 2 "alliance: report: unknown option --notes"
al report NOPE --output "$T/nope.txt"
check_err "unknown client" 1 "alliance: report: unknown client 'NOPE'"
[ ! -e "$T/nope.txt" ] && ok "no file for a refused report" || not_ok "no file for a refused report"
