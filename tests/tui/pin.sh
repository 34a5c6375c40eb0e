#!/bin/sh
# user pin on a real terminal (tmux): asked twice with echo off, 4 to 12
# digits, only a yescrypt hash stored and the change audited by id; refused
# without a terminal. And db_user_pin_check against what was stored.
. "$(dirname "$0")/lib.sh"

al init
hash() { sqlite3 "$DB" "SELECT coalesce(pin_hash, '') FROM user WHERE name = 'alice'"; }
changes() { sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'change' AND entity = 'user' AND entity_id = 1"; }

# pin_run PIN1 PIN2: types the two PINs into `alliance user pin`.
pin_run() {
	tui_start -- user pin
	tui_wait "New PIN (4 to 12 digits):"
	tui_type "$1"
	tui_keys Enter
	tui_wait "The same PIN again:"
	tui_type "$2"
	tui_keys Enter
	poll tui_exited
}

# No terminal: refused at once, nothing asked, nothing stored.
run "$A" user pin < /dev/null
check_err "no terminal: refused" 1 "alliance: user pin: needs a terminal (the PIN is typed twice, never echoed)"
echo 1234 | "$A" user pin > "$T/out" 2> "$T/err"
rc=$?
check_err "a PIN on a pipe: refused" 1 "alliance: user pin: needs a terminal (the PIN is typed twice, never echoed)"
[ -z "$(hash)" ] && ok "no terminal: no PIN stored" || not_ok "no terminal: no PIN stored" "$(hash)"

pin_run 4711 4711
tui_screen
[ "$rc" = 0 ] && ok "set: exit 0" || not_ok "set: exit 0" "exit $rc" "$(cat "$T/screen")"
check_grep "set: says so" "^alice: PIN set$" "$T/screen"
check_no_grep "the PIN is never echoed" "4711" "$T/screen"
h=$(hash)
case "$h" in
'$y$'*) ok "only a yescrypt hash is stored";;
*) not_ok "only a yescrypt hash is stored" "$h";;
esac
sqlite3 "$DB" .dump > "$T/dump"
check_no_grep "the PIN is nowhere in the database" "4711" "$T/dump"
[ "$(changes)" = 1 ] && ok "the change is audited, by id" || not_ok "audited by id" "$(changes)"
sqlite3 "$DB" "SELECT * FROM audit" > "$T/dump.audit"
check_no_grep "the audit holds no PIN or hash" '4711|\$y\$' "$T/dump.audit"

# Bad PINs: refused, the stored hash unchanged.
for bad in 12ab 123 1234567890123 "12 34"; do
	pin_run "$bad" "$bad"
	tui_screen
	[ "$rc" = 1 ] && grep -q "alliance: user pin: a PIN is 4 to 12 digits" "$T/screen" &&
		ok "refused PIN '$bad'" || not_ok "refused PIN '$bad'" "exit $rc" "$(cat "$T/screen")"
done
pin_run 123456 123465
tui_screen
[ "$rc" = 1 ] && grep -q "alliance: user pin: the two PINs differ; nothing changed" "$T/screen" &&
	ok "two different PINs: refused" || not_ok "two different PINs: refused" "exit $rc" "$(cat "$T/screen")"
[ "$(hash)" = "$h" ] && [ "$(changes)" = 1 ] && ok "refusals stored nothing" || not_ok "refusals stored nothing"

# Changing it: a new salt, so a new hash even for the same digits.
pin_run 4711 4711
tui_screen
check_grep "change: says so" "^alice: PIN changed$" "$T/screen"
[ "$(hash)" != "$h" ] && [ "$(changes)" = 2 ] && ok "a new hash, audited again" ||
	not_ok "a new hash, audited again" "$(changes)"
tui_start -- --read-only user pin
poll tui_exited
tui_screen
check_grep "read-only: refused before asking" "alliance: user pin: the database is open read-only" "$T/screen"
tui_stop
