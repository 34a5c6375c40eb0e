#!/bin/sh
# The man page documents every command and option of the command table
# (build/cmdtable list) and no others: the COMMANDS headlines name each
# command with its options, the OPTIONS section the global options.
. "$(dirname "$0")/../lib.sh"
MAN=doc/alliance.1
build/cmdtable list > "$T/table" || not_ok "build/cmdtable list"

# The roff of a section's .TP headlines as plain words, one headline a line.
headlines() { # SECTION
	awk -v sec="$1" '
		/^\.SH/ { on = ($0 == ".SH " sec); next }
		on && /^\.TP/ { head = 1; next }
		on && head { head = 0; print }
	' "$MAN" | sed 's/^\.[A-Z]* //; s/\\-/-/g; s/\\f[BIRP]//g; s/"//g'
}

# "COMMAND OPTION" pairs (and "COMMAND" alone) from the table ...
awk -F': *' '$1 != "global" {
	print $1; n = split($2, o, " "); for (i = 1; i <= n; i++) print $1 " " o[i]
}' "$T/table" | sort > "$T/want"
# ... and from the man page: a headline names commands (a group word, then
# its sub-command word when it has some) and the options after each.
# Global options may appear in a headline (chart ... --ascii).
headlines COMMANDS | awk -v table="$T/table" '
	BEGIN {
		while ((getline line < table) > 0) {
			split(line, p, ": *"); n = split(p[1], w, " ")
			if (w[1] == "global") { split(p[2], g, " "); for (i in g) global[g[i]] = 1; continue }
			group[w[1]] = 1; if (n == 2) { sub_of[w[1]] = 1; cmd[w[1] " " w[2]] = 1 }
		}
	}
	{
		c = ""; gsub(/[,\[\]]/, " & ")
		n = split($0, t, " ")
		for (i = 1; i <= n; i++) {
			if (t[i] in group) {
				c = t[i]
				if (t[i] in sub_of) { c = c " " t[i + 1]; i++; if (!(c in cmd)) print "unknown " c }
				print c
			} else if (i == 1) {
				print "unknown " t[i]
			} else if (t[i] ~ /^--[A-Za-z]/ && !(t[i] in global)) {
				print c " " t[i]
			}
		}
	}' | sort -u > "$T/got"
if cmp -s "$T/want" "$T/got"; then ok "the COMMANDS section names every command and option of the table"
else not_ok "the COMMANDS section names every command and option of the table" \
	"< table only, > man page only:" "$(diff "$T/want" "$T/got" | grep '^[<>]')"; fi

awk -F': *' '$1 == "global" { n = split($2, o, " "); for (i = 1; i <= n; i++) print o[i] }' \
	"$T/table" | sort > "$T/want"
headlines OPTIONS | tr ' ,' '\n\n' | grep -- '^--' | sort -u > "$T/got"
if cmp -s "$T/want" "$T/got"; then ok "the OPTIONS section names every global option"
else not_ok "the OPTIONS section names every global option" "$(diff "$T/want" "$T/got" | grep '^[<>]')"; fi

# The installed man page carries the program's version (debian/changelog).
run "$A" --version
man_version=$(sed -n 's/^\.TH .*"alliance \([^"]*\)".*/\1/p' build/alliance.1)
[ "alliance $man_version" = "$(cat "$T/out")" ] && ok "the man page carries the program's version" \
	|| not_ok "the man page carries the program's version" "man: $man_version" "program: $(cat "$T/out")"
changelog=$(sed -n '1s/^[^(]*[(]\([^)]*\)[)].*/\1/p' debian/changelog)
[ "alliance $changelog" = "$(cat "$T/out")" ] && ok "--version is debian/changelog's version" \
	|| not_ok "--version is debian/changelog's version" "changelog: $changelog"
