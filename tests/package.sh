#!/bin/sh
# make check-package, after make deb and lintian: installs build/*.deb with
# dpkg -i, runs the installed alliance from another directory (version, man
# page, completion, init, demo), then apt-get remove must leave none of the
# package's files behind. Needs root (or sudo).
. "$(dirname "$0")/lib.sh"
deb=$(ls build/alliance_*.deb)
version=$(sed -n '1s/^[^(]*[(]\([^)]*\)[)].*/\1/p' debian/changelog)
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo

run $sudo dpkg -i "$deb"
check "dpkg -i $deb" 0
dpkg-query -L alliance | sort > "$T/files"
cd "$T"
run alliance --version
check "alliance --version from any directory" 0 "alliance $version"
[ "$(command -v alliance)" = /usr/bin/alliance ] && ok "alliance is /usr/bin/alliance" \
	|| not_ok "alliance is /usr/bin/alliance" "$(command -v alliance)"
run man -w alliance
check "man alliance finds the page" 0 "/usr/share/man/man1/alliance.1.gz"
zcat /usr/share/man/man1/alliance.1.gz | head -n 1 > "$T/th"
check_grep "the man page carries the version" "\"alliance $version\"" "$T/th"
run alliance --db "$T/p.db" init
check "init" 0 "$T/p.db"
run alliance --db "$T/p.db" demo
check "demo" 0
run alliance --db "$T/p.db" flags --format csv
check "flags" 0
check_grep "flags lists a demo rupture" ",red," "$T/out"
run bash --norc --noprofile -c '
	. /usr/share/bash-completion/completions/alliance
	COMP_WORDS=(alliance --db "$1" chart ""); COMP_CWORD=4
	_alliance; printf "%s\n" "${COMPREPLY[@]}"' bash "$T/p.db"
check "tab completion from the installed script" 0
[ "$(grep -c . "$T/out")" -ge 6 ] && ok "completion offers the demo's client codes" \
	|| not_ok "completion offers the demo's client codes" "$(cat "$T/out")"

run $sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y alliance
check "apt-get remove" 0
left=""
while read -r f; do
	[ -d "$f" ] || { [ -e "$f" ] && left="$left $f"; }
done < "$T/files"
[ -z "$left" ] && ok "apt-get remove leaves no file behind" || not_ok "apt-get remove leaves no file behind" "$left"
[ ! -d /usr/share/doc/alliance ] && ok "no /usr/share/doc/alliance left" || not_ok "no /usr/share/doc/alliance left"
run dpkg-query -W -f '${db:Status-Abbrev}' alliance
[ "$rc" != 0 ] || [ "$(cat "$T/out")" = "un " ] && ok "the package is gone" \
	|| not_ok "the package is gone" "$(cat "$T/out")"
