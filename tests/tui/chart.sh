#!/bin/sh
# The client screen's chart at 80x24 (SPEC §5 "Readable at 80×24"), read back
# from the captured screen as a person would read it: each dimension in its
# own strip, named on its left; every value within 0.5 point of its bar's
# height; a calm 9.4 clear above the cutoff line; ASCII bars of the same
# heights.
. "$(dirname "$0")/lib.sh"

# A course with a 0.0, so that the strips span 0-10 (the coarsest they get).
al init
al client add C-1
set -- "9.4 8.2 9.6" "9.6 9.0 8.6" "8.2 8.4 8.8" "7.9 8.0 8.1" "6.3 9.9 10" "0 5.5 3.2"
day=1
for s in "$@"; do
	# shellcheck disable=SC2086
	set -- $s
	al session add C-1 --date "2024-05-0$day" --trust "$1" --collaboration "$2" --empathy "$3"
	day=$((day + 1))
done
want_trust="9.4 9.6 8.2 7.9 6.3 0"
want_collaboration="8.2 9.0 8.4 8.0 9.9 5.5"
want_empathy="9.6 8.6 8.8 8.1 10 3.2"

# glyphs: one ASCII character each, so that awk counts columns: eighths
# 1-8, the cutoff's five heights a-e, the y axis |.
flat() {
	sed 's/▁/1/g; s/▂/2/g; s/▃/3/g; s/▄/4/g; s/▅/5/g; s/▆/6/g; s/▇/7/g; s/█/8/g;
	     s/⎽/a/g; s/⎼/b/g; s/─/c/g; s/⎻/d/g; s/⎺/e/g; s/[│┤]/|/g; s/┊/:/g' "$1"
}
# bars DIM: "floor h h h ..." of DIM's strip, h in eighths, from the two rows
# of its strip (the name on the top one) in $T/flat.
bars() {
	awk -v dim="$1" '
	top { bottom = $0; exit }
	index($0, " " dim " ") == 1 { top = $0 }
	END {
		axis = index(bottom, "|")
		floor = substr(bottom, axis - 2, 2) + 0
		out = floor
		for (x = axis + 1; x <= length(bottom); x++) {
			b = substr(bottom, x, 1); t = substr(top, x, 1)
			if (b !~ /[1-8]/) continue
			h = b + (b == 8 && t ~ /[1-8]/ ? t : 0)
			out = out " " h
		}
		print out
	}' "$T/flat"
}
# within NAME DIM WANT...: DIM's bars stand within 0.5 point of WANT.
within() {
	name=$1 dim=$2
	shift 2
	got=$(bars "$dim")
	echo "$got $*" | awk '{
		n = (NF - 1) / 2; floor = $1; bad = (n != 6)
		for (i = 1; i <= n; i++) {
			v = floor + ($(i + 1) - 1) * (10 - floor) / 14
			if (v - $(i + 1 + n) > 0.5 || $(i + 1 + n) - v > 0.5) bad = 1
		}
		exit bad
	}' && ok "$name" || not_ok "$name" "bars (floor, eighths): $got" "wanted: $*" "$(cat "$T/screen")"
}

tui_start
tui_resize 80 24
tui_wait "Caseload of alice"
tui_keys Enter
tui_wait "Session 6 of 6"
flat "$T/screen" > "$T/flat"

for dim in trust collaboration empathy; do
	check_grep "$dim has a strip of its own, named on its left" "^ $dim +10\|" "$T/flat"
done
within "trust: every value within 0.5 point" trust $want_trust
within "collaboration: every value within 0.5 point" collaboration $want_collaboration
within "empathy: every value within 0.5 point" empathy $want_empathy
check_grep "the floor is 0 (a 0.0 was rated)" "^ {16}0\|" "$T/flat"

# The cutoff line: on the top row of the trust strip at the middle of the
# row ("─", 8.0 of 0-10 on 14 steps: 12.2 eighths), the 9.4 over it.
line=$(grep '^ trust ' "$T/flat")
check_grep "the cutoff line runs through the trust strip's top row" '^ trust +10\|c' "$T/flat"
h=$(bars trust | cut -d' ' -f2)
[ "$h" -gt 12 ] && ok "9.4 stands above the cutoff line (the line at 11.2-12.8 eighths)" ||
	not_ok "9.4 stands above the cutoff line" "9.4: $h eighths" "$line"
check_no_grep "no overlap mark: nothing hides a value" "✱|overlap" "$T/screen"

# ASCII: the same bars, each of the same height, on the ramp _.:-=+*#.
cp "$T/flat" "$T/flat.utf8"
tui_start -- --ascii
tui_resize 80 24
tui_wait "Caseload of alice"
tui_keys Enter
tui_wait "Session 6 of 6"
for dim in trust collaboration empathy; do
	cp "$T/flat.utf8" "$T/flat"
	utf8=$(bars "$dim")
	# the bar columns of the UTF-8 screen, read on the ASCII one
	cols=$(awk -v dim="$dim" 'top { print; exit } index($0, " " dim " ") == 1 { top = 1 }' \
		"$T/flat.utf8" | awk '{ a = index($0, "|"); for (x = a + 1; x <= length($0); x++)
			if (substr($0, x, 1) ~ /[1-8]/) printf "%d ", x }')
	ascii=$(awk -v dim="$dim" -v cols="$cols" '
	top { bottom = $0; exit }
	index($0, " " dim " ") == 1 { top = $0 }
	END {
		ramp = "_.:-=+*#"
		axis = index(bottom, "|")
		out = substr(bottom, axis - 2, 2) + 0
		n = split(cols, c, " ")
		for (i = 1; i <= n; i++) {
			b = index(ramp, substr(bottom, c[i], 1)); t = index(ramp, substr(top, c[i], 1))
			out = out " " (b + (b == 8 ? t : 0))
		}
		print out
	}' "$T/screen")
	[ "$ascii" = "$utf8" ] && ok "ASCII: $dim's bars as high as in UTF-8" ||
		not_ok "ASCII: $dim's bars as high as in UTF-8" "ascii: $ascii" "utf-8: $utf8" "$(cat "$T/screen")"
done
check_grep "ASCII: the strips are named" "^ collaboration +10[|+]" "$T/screen"
tui_stop
