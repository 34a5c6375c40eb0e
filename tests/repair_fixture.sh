# A small practice for the repair tests (source after lib.sh): sup
# supervises bob; alice (the first user) has no supervisor.
#   K-1 (bob): 5 calm sessions at 9, a recorded confrontation at session 6
#              (all three at 6.0), 6.2, 6.1, 6.0 (unrepaired), back to 9.0 at 10
#   K-2 (bob): 4 calm sessions, no episode
#   A-1 (alice): 9, 9, then a withdrawal at session 3 (8.0)
# Episodes open at K-1's session 6 and A-1's session 3 (a clinician's marker
# always opens one at its own session, SPEC §4b).
export ALLIANCE_TODAY=2026-12-04
repair_fixture() {
	setup init
	setup user add sup --role supervisor
	setup user add bob --supervisor sup
	setup --user bob client add K-1
	setup --user bob client add K-2
	setup client add A-1
	i=0
	for v in 9.0 9.1 8.9 9.0 9.0 6.0 6.2 6.1 6.0 9.0; do
		i=$((i + 1))
		marker=""
		[ $i = 6 ] && marker="--rupture confrontation"
		# shellcheck disable=SC2086
		setup --user bob session add K-1 --date "$(date -u -d "2026-09-04 +$((7 * (i - 1))) days" +%F)" \
			--trust $v --collaboration $v --empathy $v $marker
	done
	for d in 01 02 03 04; do
		setup --user bob session add K-2 --date 2026-11-$d --trust 9 --collaboration 9 --empathy 9
	done
	setup session add A-1 --date 2026-11-01 --trust 9 --collaboration 9 --empathy 9
	setup session add A-1 --date 2026-11-08 --trust 9 --collaboration 9 --empathy 9
	setup session add A-1 --date 2026-11-15 --trust 8 --collaboration 8 --empathy 8 --rupture withdrawal
}
