#!/bin/sh
# report --format html as a printable page: one self-contained file (no
# external resource), a well-formed SVG chart with one point per rated
# session, the cutoff and the flags, an @page rule for A4 and Letter, no
# note text unless --with-notes; and, where chromium is installed, a
# headless screenshot that is a real image.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-11-27

al init
al client add R-1 --goal "Trust & <safety>"
d=2026-10-02
for t in 9.0 9.2 8.8 9.1 6.0; do
	al session add R-1 --date $d --trust $t --collaboration 9 --empathy 9.5
	d=$(date -u -d "$d + 7 days" +%F)
done
al session add R-1 --date 2026-11-06 --note "secret-note-text about the move"
al session add R-1 --date 2026-11-13 --trust 8.9 --collaboration 9 --empathy 9

al report R-1 --format html --output "$T/r.html"
check "report --format html --output" 0 ""
sed -n '/^<svg/,/^<\/svg>/p' "$T/r.html" > "$T/svg"

# Well-formed: every tag closed in order, one svg root, entities escaped.
awk '{ s = s $0 "\n" }
END {
	depth = 0
	while (match(s, /<[^>]*>/)) {
		tag = substr(s, RSTART, RLENGTH)
		s = substr(s, RSTART + RLENGTH)
		name = tag
		sub(/^<\/?/, "", name)
		sub(/[ \/>].*$/, "", name)
		if (tag ~ /^<\//) {
			if (depth == 0 || stack[depth] != name) { print "unexpected " tag; exit 1 }
			depth--
			if (depth == 0) roots++
		} else if (tag !~ /\/>$/) {
			stack[++depth] = name
		}
	}
	if (depth != 0) { print "unclosed <" stack[depth] ">"; exit 1 }
	if (roots != 1) { print roots " roots"; exit 1 }
}' "$T/svg" > "$T/why"
[ $? = 0 ] && [ -s "$T/svg" ] && ok "the SVG is well-formed" || not_ok "the SVG is well-formed" "$(cat "$T/why")"
check_grep "an SVG root with its namespace" '^<svg xmlns="http://www.w3.org/2000/svg" viewBox=' "$T/svg"
check_no_grep "no bare & or < in the text" '&[^a-z#]|<[^a-z/!]' "$T/svg"
check_grep "the goal is escaped in the page" "Trust &amp; &lt;safety&gt;" "$T/r.html"

# One point per rated session: 6 of the 7 sessions have a trust rating.
grep '<polyline' "$T/svg" | head -1 | sed 's/.*points="//; s/".*//' | tr ' ' '\n' > "$T/points"
[ "$(wc -l < "$T/points")" = 6 ] && ok "trust: one point per rated session" ||
	not_ok "trust: one point per rated session" "$(cat "$T/points")"
[ "$(grep -c '<polyline' "$T/svg")" = 3 ] && ok "a line per core dimension" || not_ok "a line per core dimension"
[ "$(grep -c '<circle' "$T/svg")" = 7 ] && ok "a trust marker per rated session, and the legend's" ||
	not_ok "a trust marker per rated session, and the legend's" "$(grep -c '<circle' "$T/svg")"
check_grep "the cutoff line" 'stroke-dasharray="5 4"/><text [^>]*>cutoff 8.0</text>' "$T/svg"
# Small multiples, as on the terminal: a panel per core dimension from the
# floor (6.0 here, the lowest rating) to 10, each marker titled with its value.
for dim in Trust Collaboration Empathy; do
	check_grep "a panel for $dim" "font-weight=\"700\">$dim</text>" "$T/svg"
done
[ "$(grep -c 'cutoff 8.0</text>' "$T/svg")" = 3 ] && ok "the cutoff in each panel" ||
	not_ok "the cutoff in each panel" "$(grep -c 'cutoff 8.0</text>' "$T/svg")"
check_grep "the floor labelled" 'text-anchor="end">6</text>' "$T/svg"
check_grep "each value exact in its marker's title" '<title>session 5, trust: 6.0</title></g>' "$T/svg"
check_grep "the floor in the description" 'aria-label="Ratings by session, a panel per dimension from 6 to 10' "$T/svg"
check_grep "the drop at session 5, repaired at 7, is marked" "<title>session 5: repaired</title>" "$T/svg"
check_grep "the unrated session is marked" '<title>session 6: unrated</title>' "$T/svg"
check_grep "flags with their explanations" 'Trust fell from 9.1 to 6.0 since 23 October' "$T/r.html"

# Self-contained and printable.
grep -o -E 'https?://[^"]*' "$T/r.html" | sort -u > "$T/urls"
echo "http://www.w3.org/2000/svg" > "$T/want"
same_file "no address but the SVG namespace" "$T/want" "$T/urls"
check_no_grep "no external resource" '<link|<script|<img|src=|href=|url\(|@import' "$T/r.html"
check_grep "an @page rule for printing" '@page\{margin:' "$T/r.html"
check_grep "print styles" '@media print\{' "$T/r.html"

# Notes only when asked for.
check_no_grep "no note text without --with-notes" "secret-note-text" "$T/r.html"
al report R-1 --format html --with-notes
check_grep "the note with --with-notes" "secret-note-text about the move" "$T/out"

# The page as a browser draws it.
if command -v chromium > /dev/null 2>&1; then
	profile=$(mktemp -d "$T/chromium.XXXXXX")
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
		--screenshot="$T/r.png" --window-size=1000,1400 "file://$T/r.html" > "$T/chromium.log" 2>&1
	magic=$(head -c 8 "$T/r.png" 2> /dev/null | od -An -tx1 | tr -d ' \n')
	size=$(stat -c %s "$T/r.png" 2> /dev/null || echo 0)
	[ "$magic" = 89504e470d0a1a0a ] && [ "$size" -gt 20000 ] && ok "chromium: a screenshot of $size bytes" ||
		not_ok "chromium: a screenshot" "magic $magic, $size bytes" "$(tail -3 "$T/chromium.log")"
else
	echo "# skip: chromium not installed"
	ok "chromium screenshot # skip: chromium not installed"
fi
