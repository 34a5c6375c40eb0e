# The supervisor board's fixture, shared by tests/cli/board.sh and
# tests/tui/board.sh. Source it after lib.sh; ALLIANCE_TODAY=2026-11-27.
# sup supervises bob and carl; vera supervises dana. Worked by hand:
#
#   client  sessions in the 4 weeks (31 Oct - 27 Nov)      flags (all)
#   B-1     31 Oct 8.0 9.0 -, 27 Nov 7.5 8.5 9.0           low (amber) at 3: WATCH
#   B-2     none (2-30 Oct)                                drop, dip red at 4,
#                                                          repaired at 5; low: WATCH
#   B-3     6 Nov 9 9 9 (withdrawal), 13-27 Nov 8.4 x 3    marker red at 4,
#                                                          unrepaired: RUPTURE
#   C-1     20 Nov, no ratings (not counted)               missing (info): ok
#   C-2     6-20 Nov 9 9 9, 27 Nov 6.5 9 9                 drop, dip red, open;
#                                                          low: RUPTURE
#
#   bob:  3 clients; 2 + 4 = 6 sessions; (80+90 + 75+85+90 + 3*90 + 9*84)
#         / 17 = 1446 / 17 = 85.06 -> 8.5; open 0, unrepaired 1 (B-3),
#         repaired 2 (B-2); repair rate 2 / 3 = 67 %
#   carl: 2 clients; 4 sessions (C-1's is unrated); (3*270 + 65+90+90) / 12
#         = 1055 / 12 = 87.92 -> 8.8; open 2 (C-2); rate "-" (none resolved)
#
# Risk order: B-3 (unrepaired), C-2 (open red), B-1 (WATCH, flag 27 Nov),
# B-2 (WATCH, flag 23 Oct), C-1 (ok).
fixture() {
	fx() { "$A" "$@" > /dev/null 2> "$T/fx.err" || not_ok "fixture: $*" "$(cat "$T/fx.err")"; }
	fs() { # USER CODE DATE TRUST COLLABORATION EMPATHY [OPTIONS]
		u=$1 code=$2 d=$3 t=$4 c=$5 e=$6
		shift 6
		fx --user "$u" session add "$code" --date "$d" --trust "$t" --collaboration "$c" \
			--empathy "$e" "$@"
	}
	fx init
	fx user add sup --role supervisor
	fx user add vera --role supervisor
	fx user add bob --supervisor sup
	fx user add carl --supervisor sup
	fx user add dana --supervisor vera
	for code in B-1 B-2 B-3; do fx --user bob client add $code; done
	for code in C-1 C-2; do fx --user carl client add $code; done
	fx --user dana client add D-1
	fs bob B-1 2026-10-30 9 9 9
	fx --user bob session add B-1 --date 2026-10-31 --trust 8 --collaboration 9
	fs bob B-1 2026-11-27 7.5 8.5 9
	for d in 02 09 16 23 30; do
		t=9
		[ $d = 23 ] && t=6.5
		fs bob B-2 2026-10-$d $t 9 9
	done
	for d in 16 23 30; do fs bob B-3 2026-10-$d 9 9 9; done
	fs bob B-3 2026-11-06 9 9 9 --rupture withdrawal
	for d in 13 20 27; do fs bob B-3 2026-11-$d 8.4 8.4 8.4; done
	fx --user carl session add C-1 --date 2026-11-20
	for d in 06 13 20; do fs carl C-2 2026-11-$d 9 9 9; done
	fs carl C-2 2026-11-27 6.5 9 9
	fs dana D-1 2026-11-27 3 3 3
}
