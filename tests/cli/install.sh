#!/bin/sh
# make install and make uninstall into a temporary DESTDIR: the file list and
# modes, the installed binary working (--version, init, demo), a man page
# compressed as Debian does, and uninstall leaving no file behind.
. "$(dirname "$0")/../lib.sh"
D="$T/dest"
version=$(sed -n '1s/^[^(]*[(]\([^)]*\)[)].*/\1/p' debian/changelog)
umask 022 # what a packager has; the modes below assume it
mk() { run make -s --no-print-directory "$@"; }

mk install DESTDIR="$D"
check "make install (PREFIX /usr/local)" 0
(cd "$D" && find . -printf '%M %p\n' | sort -k2) > "$T/got"
cat > "$T/want" <<'LIST'
drwxr-xr-x .
drwxr-xr-x ./usr
drwxr-xr-x ./usr/local
drwxr-xr-x ./usr/local/bin
-rwxr-xr-x ./usr/local/bin/alliance
drwxr-xr-x ./usr/local/share
drwxr-xr-x ./usr/local/share/bash-completion
drwxr-xr-x ./usr/local/share/bash-completion/completions
-rw-r--r-- ./usr/local/share/bash-completion/completions/alliance
drwxr-xr-x ./usr/local/share/doc
drwxr-xr-x ./usr/local/share/doc/alliance
-rw-r--r-- ./usr/local/share/doc/alliance/README.md
-rw-r--r-- ./usr/local/share/doc/alliance/privacy.md
-rw-r--r-- ./usr/local/share/doc/alliance/roles.md
drwxr-xr-x ./usr/local/share/man
drwxr-xr-x ./usr/local/share/man/man1
-rw-r--r-- ./usr/local/share/man/man1/alliance.1.gz
LIST
same_file "installed files and modes" "$T/want" "$T/got"

P="$D/usr/local"
run "$P/bin/alliance" --version
check "installed alliance --version" 0 "alliance $version"
run "$P/bin/alliance" --db "$T/i.db" init
check "installed alliance init" 0 "$T/i.db"
run "$P/bin/alliance" --db "$T/i.db" demo
check "installed alliance demo" 0
run "$P/bin/alliance" --db "$T/i.db" caseload --format csv
[ "$rc" = 0 ] && [ "$(wc -l < "$T/out")" -ge 7 ] && ok "installed alliance caseload" \
	|| not_ok "installed alliance caseload" "exit $rc" "$(head -c 300 "$T/err")"

# gzip -9n: no file name, no time stamp (reproducible), as dh_compress does.
head -c 10 "$P/share/man/man1/alliance.1.gz" | od -An -tx1 | tr -d ' \n' > "$T/gz"
[ "$(cat "$T/gz")" = 1f8b0800000000000203 ] && ok "man page gzip -9n" \
	|| not_ok "man page gzip -9n" "header $(cat "$T/gz")"
zcat "$P/share/man/man1/alliance.1.gz" | head -n 1 > "$T/th"
check_grep "installed man page carries the version" "^\.TH ALLIANCE 1 [0-9-]+ \"alliance $version\"" "$T/th"
if command -v man > /dev/null 2>&1; then
	run env LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$P/share/man/man1/alliance.1.gz"
	[ "$rc" = 0 ] && [ ! -s "$T/err" ] && ok "man renders the page without a warning" \
		|| not_ok "man renders the page without a warning" "$(head -5 "$T/err")"
fi
cmp -s README.md "$P/share/doc/alliance/README.md" && ok "README installed as is" \
	|| not_ok "README installed as is"
run bash -n "$P/share/bash-completion/completions/alliance"
check "the completion script is valid bash" 0

mk uninstall DESTDIR="$D"
check "make uninstall" 0
(cd "$D" && find . ! -type d) > "$T/left"
[ ! -s "$T/left" ] && ok "uninstall leaves no file" || not_ok "uninstall leaves no file" "$(cat "$T/left")"
[ ! -e "$P/share/doc/alliance" ] && ok "uninstall removes the doc directory" \
	|| not_ok "uninstall removes the doc directory"
mk uninstall DESTDIR="$D"
check "uninstall again: nothing to do, no error" 0

mk install DESTDIR="$D" PREFIX=/opt/alliance
check "make install PREFIX=/opt/alliance" 0
[ -x "$D/opt/alliance/bin/alliance" ] && [ -f "$D/opt/alliance/share/man/man1/alliance.1.gz" ] \
	&& ok "PREFIX is honoured" || not_ok "PREFIX is honoured" "$(cd "$D" && find . | head)"
mk uninstall DESTDIR="$D" PREFIX=/opt/alliance
[ -z "$(cd "$D" && find . ! -type d)" ] && ok "uninstall with the same PREFIX leaves no file" \
	|| not_ok "uninstall with the same PREFIX leaves no file"
