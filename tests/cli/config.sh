#!/bin/sh
# config get | set | list, and dimension add | list.
. "$(dirname "$0")/../lib.sh"

al init
al user add sue --role supervisor

defaults="key,value,default,range,about
cutoff,8.0,8.0,0.0 to 10.0,low: a client rating below this
drop,2.0,2.0,0.1 to 10.0,drop: a fall at least this big since the last rating
dip_amber_sd,1.5,1.5,0.1 to 10.0,dip: amber this many SDs below the client's baseline
dip_red_sd,2.0,2.0,0.1 to 10.0,dip: red this many SDs below the client's baseline
sd_floor,1.0,1.0,0.1 to 10.0,\"dip, decline: the smallest SD used\"
ewma_lambda,0.2,0.2,over 0.0 to 1.0,decline: weight of the newest rating in the EWMA
ewma_limit,3.0,3.0,0.1 to 10.0,decline: control limit in SDs
repair_window,3,3,1 to 20,repair: rated sessions a rupture has to be repaired
repair_tolerance,0.5,0.5,0.0 to 10.0,repair: how far below the level before still counts
discrepancy,2.0,2.0,0.1 to 10.0,discrepancy: clinician rating above the client's by this
idle_lock,5,5,0 to 1440,minutes idle before the privacy curtain (0: never)
gap_days,21,21,1 to 365,an active client not seen for more days than this is WATCH
ask_checkin,1,1,0 to 1,client mode asks the check-in questions (1) or not (0)"
al config list --format csv
check "config list: every key with its default" 0 "$defaults"
al config get --format csv
check "config get with no key lists them all" 0 "$defaults"
al config get cutoff --format xml
check_err "config get KEY: a bad --format is refused too" 1 "alliance: config get: --format: 'xml' is not table, csv or json"
# The man page's table of settings is this one: key, default and range.
sed -n '/^\.SH SETTINGS/,/^\.TE/p' doc/alliance.1 | sed -n '/^\.TS/,/^\.TE/p' | grep -v '^\.' | tail -n +3 \
	| awk -F '\t' '{ print $1 "," $2 "," $3 }' > "$T/man"
printf '%s\n' "$defaults" | tail -n +2 | cut -d, -f1,3,4 > "$T/table"
same_file "the man page lists the settings of config list" "$T/table" "$T/man"

al config get cutoff
check "get a tenths key" 0 "8.0"
al config get ewma_lambda
check "get a decimal key" 0 "0.2"
al config get dip_red_sd
check "a whole decimal keeps its point" 0 "2.0"
al config get repair_window
check "get a whole-number key" 0 "3"

# Valid values, printed back in each key's own form.
set_get() { # KEY VALUE SHOWN
	al config set "$1" "$2"
	if [ "$rc" != 0 ]; then not_ok "set $1 $2" "exit $rc: $(cat "$T/err")"; return; fi
	al config get "$1"
	check "set $1 $2 -> $3" 0 "$3"
}
set_get cutoff 7.5 7.5
set_get cutoff 10 10.0
set_get cutoff 0 0.0
set_get cutoff 8 8.0
set_get drop 0.1 0.1
set_get repair_tolerance 0 0.0
set_get discrepancy 3.5 3.5
set_get dip_amber_sd 1.25 1.25
set_get ewma_lambda 1 1.0
set_get ewma_lambda 0.05 0.05
set_get ewma_limit 2.75 2.75
set_get sd_floor 10 10.0
set_get repair_window 20 20
set_get repair_window 1 1
set_get idle_lock 0 0
set_get idle_lock 1440 1440
al --user sue config get ewma_limit
check "every user sees the same settings" 0 "2.75"

# Bad values: one line naming the key and the accepted range; nothing changes.
bad() { # KEY VALUE MESSAGE
	al config set "$1" "$2"
	check_err "refuse $1 '$2'" 1 "alliance: config set: $1: '$2' is not $3"
}
tenths="a number from 0.0 to 10.0 with at most one decimal"
bad cutoff abc "$tenths"
bad cutoff nan "$tenths"
bad cutoff inf "$tenths"
bad cutoff -1 "$tenths"
bad cutoff 10.1 "$tenths"
bad cutoff 7.55 "$tenths"
bad cutoff 1e1 "$tenths"
bad cutoff " 8" "$tenths"
bad cutoff "" "$tenths"
bad drop 0 "a number from 0.1 to 10.0 with at most one decimal"
bad discrepancy 0.0 "a number from 0.1 to 10.0 with at most one decimal"
bad ewma_lambda 0 "a number above 0.0 and at most 1.0"
bad ewma_lambda 1.01 "a number above 0.0 and at most 1.0"
bad ewma_lambda nan "a number above 0.0 and at most 1.0"
bad ewma_lambda 0x1 "a number above 0.0 and at most 1.0"
bad ewma_lambda 2e-1 "a number above 0.0 and at most 1.0"
bad dip_red_sd -2 "a number from 0.1 to 10.0"
bad dip_red_sd 0.09 "a number from 0.1 to 10.0"
bad sd_floor INF "a number from 0.1 to 10.0"
bad repair_window 2.5 "a whole number from 1 to 20"
bad repair_window 0 "a whole number from 1 to 20"
bad repair_window 21 "a whole number from 1 to 20"
bad repair_window abc "a whole number from 1 to 20"
bad idle_lock -1 "a whole number from 0 to 1440"
bad idle_lock 1441 "a whole number from 0 to 1440"
bad idle_lock 99999999999999999999 "a whole number from 0 to 1440"
al config get cutoff
check "refused values changed nothing" 0 "8.0"

al config get frob
check_err "get: unknown key" 1 "alliance: config get: unknown setting 'frob' (alliance config list shows them)"
al config set frob 1
check_err "set: unknown key" 1 "alliance: config set: unknown setting 'frob' (alliance config list shows them)"
al config set cutoff
check_err "set: missing value" 2 "alliance: config set: missing argument (see alliance --help)"
al config set cutoff 7 8
check_err "set: extra argument" 2 "alliance: config set: unexpected argument '8'"
al config get cutoff drop
check_err "get: two keys" 2 "alliance: config get: unexpected argument 'drop'"
al config frob
check_err "config: unknown sub-command" 2 "alliance: config: expected get, set or list"
al --read-only config set cutoff 7.0
check_err "read-only refuses set" 1 "alliance: config set: refused: the database is open read-only"
al --read-only config get cutoff
check "read-only may get" 0 "8.0"

# The CHECK constraint in the schema agrees with the table in core.
sqlite3 "$DB" "UPDATE setting SET value = 10.5 WHERE key = 'cutoff'" 2> "$T/sqlerr"
check_grep "schema refuses what config set refuses" "CHECK constraint failed" "$T/sqlerr"

sqlite3 -separator , "$DB" "SELECT action, entity, count(*) FROM audit WHERE entity = 'setting'" > "$T/a"
printf 'set,setting,16\n' > "$T/want"
same_file "one audit row per set" "$T/want" "$T/a"

# Dimensions: the core three, then those added, in order.
al dimension list --format csv
check "dimension list: core" 0 "key,label,core,wording
trust,Trust,yes,I felt safe and able to be open.
collaboration,Collaboration,yes,\"We worked together on what matters to me, in a way that fits me.\"
empathy,Empathy,yes,\"I felt heard, understood and respected.\""
al dimension add goals "Agreement on goals"
check "dimension add" 0 "dimension goals added (Agreement on goals)"
al --user sue dimension add hope "Hope for change"
check "a supervisor may add a dimension (whole-file command)" 0 "dimension hope added (Hope for change)"
al dimension list --format json
check "dimension list json" 0 '[
 {"key": "trust", "label": "Trust", "core": "yes", "wording": "I felt safe and able to be open."},
 {"key": "collaboration", "label": "Collaboration", "core": "yes", "wording": "We worked together on what matters to me, in a way that fits me."},
 {"key": "empathy", "label": "Empathy", "core": "yes", "wording": "I felt heard, understood and respected."},
 {"key": "goals", "label": "Agreement on goals", "core": "no", "wording": ""},
 {"key": "hope", "label": "Hope for change", "core": "no", "wording": ""}
]'
al dimension add goals "Again"
check_err "duplicate dimension" 1 "alliance: dimension add: dimension 'goals' already exists"
al dimension add trust "Trust again"
check_err "core dimension exists" 1 "alliance: dimension add: dimension 'trust' already exists"
al dimension add Goals x
check_err "key with upper case" 1 "alliance: dimension add: 'Goals' is not a valid dimension key (1-32 lower-case letters, digits, '_', starting with a letter)"
al dimension add 1st x
check_err "key starting with a digit" 1 "alliance: dimension add: '1st' is not a valid dimension key (1-32 lower-case letters, digits, '_', starting with a letter)"
al dimension add my-dim x
check_err "key with a dash" 1 "alliance: dimension add: 'my-dim' is not a valid dimension key (1-32 lower-case letters, digits, '_', starting with a letter)"
al dimension add date "Date"
check_err "key that is a session add option" 1 "alliance: dimension add: 'date' is reserved (it is an option of session add)"
al dimension add bond ""
check_err "empty label" 1 "alliance: dimension add: the label is empty"
al dimension add bond "$(printf '%065d' 0)"
check_err "label of 65 bytes" 1 "alliance: dimension add: the label is too long (at most 64 bytes)"
al dimension add bond "$(printf 'a\tb')"
check_err "label with a tab" 1 "alliance: dimension add: the label has a control character (U+0009)"
al dimension add bond
check_err "missing label" 2 "alliance: dimension add: missing argument (see alliance --help)"
al dimension frob
check_err "dimension: unknown sub-command" 2 "alliance: dimension: expected 'add' or 'list'"
al --read-only dimension add bond Bond
check_err "read-only refuses dimension add" 1 "alliance: dimension add: refused: the database is open read-only"

# At most 16 dimensions.
for k in d6 d7 d8 d9 d10 d11 d12 d13 d14 d15 d16; do
	al dimension add "$k" "Dimension $k"
	[ "$rc" = 0 ] || not_ok "add $k" "$(cat "$T/err")"
done
al dimension list --format csv
[ "$(tail -n +2 "$T/out" | wc -l)" = 16 ] && ok "16 dimensions" || not_ok "16 dimensions" "$(cat "$T/out")"
check_grep "the 16th is last" "^d16,Dimension d16,no,$" "$T/out"
al dimension add d17 "One too many"
check_err "a 17th dimension is refused" 1 "alliance: dimension add: a database holds at most 16 dimensions"
sqlite3 -separator , "$DB" "SELECT key, position FROM dimension WHERE position > 14 ORDER BY position" > "$T/pos"
printf 'd15,15\nd16,16\n' > "$T/want"
same_file "positions follow the order added" "$T/want" "$T/pos"
