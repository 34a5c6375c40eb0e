#!/bin/sh
# make eval-tradeoff: the opening criterion at a few settings around the
# defaults (src/core/episode_open.c), on the generator of make eval, 10
# seeds x 2000 courses, computed in process (tests/eval/tune.c). The README
# table "How ruptures are found" comes from here.
set -eu
cd "$(dirname "$0")/../.."
t=build/eval/tune
run() { # LABEL SETTINGS...
	label=$1; shift
	printf '%-34s ' "$label"
	"$t" --seeds 10 --clients 2000 "$@" | sed -n 's/^episodes *//p' | cut -c1-75
}
echo "setting                            figures"
run "stricter (every z + 0.5)" fall_z=3.2 together_z=3.6 confirm_z=3.2
run "the defaults" 
run "looser (every z - 0.3)" fall_z=2.4 together_z=2.8 confirm_z=2.4
run "looser (every z - 0.6)" fall_z=2.1 together_z=2.5 confirm_z=2.1
run "one session only (no two-session)" confirm_z=99
run "no slide (decline rule only)" slide_limit=99
run "no pooled spread prior (weight 1)" spread_weight=1
"$t" --seeds 10 --clients 2000 | sed -n 's/^flags */the flags alone                    /p' | cut -c1-110
