#!/bin/sh
# The bash completion (build/alliance.bash, generated from the command
# table): sourced in a non-interactive bash, COMPREPLY for a few command
# lines; client codes come from the database, and no database is created.
. "$(dirname "$0")/../lib.sh"
SCRIPT="$PWD/build/alliance.bash"

# complete WORDS...: COMPREPLY (sorted, one line) for the command line
# "alliance WORDS", completing its last word.
complete_line() {
	bash --norc --noprofile -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_alliance || exit 1
		printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " " | sed "s/ $//"
	' bash "$SCRIPT" "$A" "$@" > "$T/out" 2> "$T/err"
	rc=$?
}
# want_completion NAME WANT WORDS...
want_completion() {
	name=$1 want=$2; shift 2
	complete_line "$@"
	if [ "$rc" = 0 ] && [ "$(cat "$T/out")" = "$want" ] && [ ! -s "$T/err" ]; then ok "$name"
	else not_ok "$name" "exit $rc" "got:    $(cat "$T/out")" "wanted: $want" "$(head -c 300 "$T/err")"; fi
}

[ -f "$SCRIPT" ] && ok "the completion script is built" || not_ok "the completion script is built"

# Without a database: commands, options and words, and nothing created.
export ALLIANCE_DB="$T/none/alliance.db"
want_completion "commands" "caseload chart check client config" c
want_completion "sub-commands" "add archive" client a
want_completion "a command's options" "--modality" client add K-1 --mo
want_completion "global options too" "--rater --read-only --replace --rupture" session add K-1 --r
want_completion "--format words of a listing" "csv json table" flags --format ""
want_completion "--format words of report" "html text" report K-1 --format ""
want_completion "modalities" "psychodynamic" client add K-1 --modality p
want_completion "rupture words" "confrontation withdrawal" session add K-1 --date 2026-01-05 --rupture ""
want_completion "--format=WORD" "csv" export --format = c
want_completion "board --status" "RUPTURE" board --status R
want_completion "setting keys" "cutoff" config set cu
want_completion "core dimensions as options" "--collaboration --context" session add K-1 --co
want_completion "a value is not a positional" "" session add K-1 --trust 7 ""
want_completion "no client codes without a database" "" flags ""
[ ! -e "$T/none" ] && ok "no database created" || not_ok "no database created" "$(ls -la "$T/none")"

# With a database: client codes, user names, dimension keys.
export ALLIANCE_DB="$DB"
setup init
setup client add K-0142
setup client add K-0150
setup client add L-7
setup client archive L-7
setup user add nina
setup dimension add goals "Agreement on goals"
want_completion "client codes" "K-0142 K-0150" flags K
want_completion "client codes after options" "K-0142 K-0150" report --format html ""
want_completion "archived clients for unarchive" "L-7" client unarchive L
want_completion "user names" "nina" client add K-9 --clinician n
want_completion "--user NAME" "alice" --user a
want_completion "dimension keys" "goals" chart K-0142 --dimension g
want_completion "a dimension as an option" "--goals" session add K-0142 --go
mv "$DB" "$T/elsewhere.db"
want_completion "--db PATH names the database" "K-0142 K-0150" --db "$T/elsewhere.db" flags K
want_completion "--db=PATH too" "K-0142 K-0150" --db = "$T/elsewhere.db" chart K
want_completion "a missing --db: nothing, quietly" "" --db "$T/missing.db" flags K
[ ! -e "$T/missing.db" ] && ok "completion created no database" || not_ok "completion created no database"

# Files where a command takes one.
: > "$T/ratings.csv"
want_completion "import FILE" "$T/ratings.csv" import "$T/rat"
