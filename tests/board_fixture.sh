# The supervisor board's fixture, shared by tests/cli/board.sh and
# tests/tui/board.sh. Source it after lib.sh; ALLIANCE_TODAY=2026-11-27.
# sup supervises bob and carl; vera supervises dana. Worked by hand
# (SPEC §4b: statuses and counts come from episodes):
#
#   client  sessions in the 4 weeks (31 Oct - 27 Nov)   episodes, status
#   B-1     31 Oct 8.0 9.0 -, 27 Nov 7.5 8.5 9.0        none (3 sessions, no drop);
#                                                     low at 3: WATCH
#   B-2     none (2-30 Oct)                             trust 6.5 at 4 is a red drop
#                                                     and a red dip: a red rupture,
#                                                     reference 9.0, repaired at 5
#                                                     (30 Oct); low at 4: WATCH
#   B-3     6 Nov 9 9 9 (withdrawal), 13-27 Nov 8.4 x 3 the marker opens a red
#                                                     rupture at 4, judged on the
#                                                     core dimensions (references
#                                                     9.0): 8.4 < 8.5 three times,
#                                                     unrepaired at 7 (27 Nov):
#                                                     RUPTURE
#   C-1     20 Nov, no ratings (not counted)            none (missing is info): ok
#   C-2     6-20 Nov 9 9 9, 27 Nov 6.5 9 9              red drop and red dip at 4:
#                                                     a red rupture, open: RUPTURE
#
#   bob:  3 clients; 2 + 4 = 6 sessions; (80+90 + 75+85+90 + 3*90 + 9*84)
#         / 17 = 1446 / 17 = 85.06 -> 8.5; open 0, unrepaired 1 (B-3);
#         closed in the 12 weeks (4 Sep - 27 Nov) 2: B-2 repaired, B-3 not:
#         repair rate 1 / 2 = 50 %
#   carl: 2 clients; 4 sessions (C-1's is unrated); (3*270 + 65+90+90) / 12
#         = 1055 / 12 = 87.92 -> 8.8; open 1 (C-2: one client, however many
#         flags); none closed: rate "-"
#
# Risk order: B-3 (unrepaired red), C-2 (open red), B-1 (WATCH, no episode:
# its last session, 27 Nov), B-2 (WATCH, its episode opened 23 Oct), C-1 (ok).
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
