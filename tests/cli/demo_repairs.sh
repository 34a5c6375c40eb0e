#!/bin/sh
# The demo's repair records: most episodes have one, with a variety of
# domains and strategies, the same for the same seed; their notes stay
# notes.
. "$(dirname "$0")/../lib.sh"
export ALLIANCE_TODAY=2026-12-04
setup demo --clients 60
sup=sup_moreau
al --user $sup development --format csv
cp "$T/out" "$T/dev.csv"
opened=$(awk -F, '$4 == "episodes" { s += $6 } END { print s + 0 }' "$T/dev.csv")
without=$(awk -F, '$4 == "domain" && $5 == "none" { s += $6 } END { print s + 0 }' "$T/dev.csv")
[ "$opened" -ge 20 ] && [ $((without * 4)) -le "$opened" ] &&
	ok "most demo episodes have a repair record ($without of $opened without)" ||
	not_ok "most demo episodes have a repair record" "$without of $opened without"

al --user $sup repairs --format csv
cp "$T/out" "$T/repairs.csv"
domains=$(tail -n +2 "$T/repairs.csv" | cut -d, -f4 | sort -u | wc -l)
strategies=$(tail -n +2 "$T/repairs.csv" | cut -d, -f5 | sort -u | wc -l)
[ "$domains" -ge 5 ] && ok "$domains domains" || not_ok "at least 5 domains" "$domains"
[ "$strategies" -ge 7 ] && ok "$strategies strategies" || not_ok "at least 7 strategies" "$strategies"
check_grep "some episodes are taken to supervision" ",supervision$" "$T/repairs.csv"
check_grep "a strategy that helped in the summary" "^[^,]*,,,repair_rate,(metacommunicate|validate|own-part|invite-negative),[1-9]" "$T/dev.csv"
# Every record is at or after its episode's opening.
awk -F, 'NR > 1 && $3 < $2 { bad = 1 } END { exit bad }' "$T/repairs.csv" &&
	ok "records at or after the opening" || not_ok "records at or after the opening"

setup --db "$T/b.db" demo --clients 60
al --db "$T/b.db" --user $sup repairs --format csv
same_file "the same seed: the same records" "$T/repairs.csv" "$T/out"

notes=$(sqlite3 "$DB" "SELECT count(*) FROM repair_note")
[ "$notes" -ge 1 ] && ok "some records have a note ($notes)" || not_ok "some records have a note"
sqlite3 "$DB" "SELECT body FROM repair_note" | head -1 | cut -c1-20 > "$T/word"
al --user $sup export --format csv
if grep -qF -f "$T/word" "$T/out" "$T/repairs.csv" "$T/dev.csv"; then
	not_ok "repair notes in no export or listing"
else ok "repair notes in no export or listing"; fi
