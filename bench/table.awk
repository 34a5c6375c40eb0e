# Prints the bench tables from the results run.sh wrote: lines
# "SCALE meta CLIENTS RATINGS GEN_SECONDS" and "SCALE KEY MS PEAK_KB" or
# "SCALE KEY FAILED" or "SCALE KEY SKIPPED" (a size measured for the UI's
# first frames alone). SCALE is the number of clients.

function failed(s, k) {
	return !((s, k) in skip) && (((s, k) in bad) || (s, "generate") in bad || !((s, "meta") in seen))
}
function cell(s, k) { return (s, k) in skip ? "-" : failed(s, k) ? "FAILED" : sprintf("%.0f ms", ms[s, k]) }
function mb(s, k) { return failed(s, k) || (s, k) in skip ? "-" : sprintf("%.1f", kb[s, k] / 1024) }
function thousands(n,   s) {
	s = sprintf("%d", n)
	while (s ~ /[0-9][0-9][0-9][0-9]/)
		sub(/[0-9][0-9][0-9]($|,)/, ",&", s)
	return s
}

# One row of the main table: against sqlite3 (limit is a ratio) or, with
# base "", against a time in ms.
function row(label, k, base, limit,   ratio, verdict, r) {
	r = "-"
	if (failed(full, k) || (base != "" && failed(full, base)))
		verdict = "FAILED"
	else if (base != "") {
		r = ms[full, k] / ms[full, base]
		verdict = r <= limit ? "ok" : "MISSED"
		r = sprintf("%.2f", r)
	} else
		verdict = ms[full, k] < limit ? "ok" : "MISSED"
	if (!failed(full, k) && kb[full, k] >= 64 * 1024)
		verdict = verdict " (memory MISSED)"
	printf "%-30s %10s %10s %6s  %-8s %7s %9s  %s\n", label, cell(full, k),
		base == "" ? "-" : cell(full, base), r,
		base == "" ? "< " limit " ms" : "<= " limit "x", mb(full, k),
		base == "" ? "-" : mb(full, base), verdict
}

# One row of the scaling table; with per, each time also per 100,000 ratings.
function scaling(label, k, per,   i, s, line) {
	line = sprintf("%-26s", label)
	for (i = 1; i <= nscales; i++) {
		s = scales[i]
		if ((s, k) in skip)
			line = line sprintf(" %20s", "-")
		else if (failed(s, k) || ratings[s] == 0)
			line = line sprintf(" %20s", "FAILED")
		else if (per == "mb")
			line = line sprintf(" %20s", sprintf("%.0f (%.1f MB)", ms[s, k], kb[s, k] / 1024))
		else if (per)
			line = line sprintf(" %20s", sprintf("%.0f (%.1f)", ms[s, k],
				ms[s, k] / ratings[s] * 100000))
		else
			line = line sprintf(" %20s", sprintf("%.0f", ms[s, k]))
	}
	print line
}

{
	if ($2 == "meta") {
		seen[$1, "meta"] = 1
		clients[$1] = $3
		ratings[$1] = $4
		gen[$1] = $5
	} else if ($3 == "FAILED")
		bad[$1, $2] = 1
	else if ($3 == "SKIPPED")
		skip[$1, $2] = 1
	else {
		ms[$1, $2] = $3
		kb[$1, $2] = $4
	}
	if (!($1 in known)) {
		known[$1] = 1
		scales[++nscales] = $1
	}
}

END {
	# scales in increasing size; full size is the largest
	for (i = 1; i <= nscales; i++)
		for (j = i + 1; j <= nscales; j++)
			if (scales[j] + 0 < scales[i] + 0) {
				t = scales[i]; scales[i] = scales[j]; scales[j] = t
			}
	# full size: the largest that measured everything (a larger one may
	# have measured the first frames alone)
	full = scales[nscales]
	for (i = nscales; i > 1 && (scales[i], "flags") in skip; i--)
		full = scales[i - 1]
	printf "%s against sqlite3 %s: median of %d runs, warm cache\n", version, sqlite, runs
	if ((full, "meta") in seen)
		printf "practice: %s clients x %d sessions = %s ratings (generated in %d s)\n\n",
			thousands(full), sessions, thousands(ratings[full]), gen[full]
	else
		printf "practice: %s clients x %d sessions: generation FAILED\n\n",
			thousands(full), sessions
	printf "%-30s %10s %10s %6s  %-8s %7s %9s  %s\n", "command", "alliance", "sqlite3",
		"ratio", "target", "peak MB", "(sqlite3)", "result"
	row("flags --all --format csv", "flags", "sqlite_scan", 2)
	row("caseload --format csv", "caseload", "sqlite_scan", 2)
	row("import (with init)", "import", "sqlite_import", 2)
	row("export", "export", "sqlite_csv", 2)
	row("UI first frame: caseload", "frame_caseload", "", 100)
	row("UI first frame: board", "frame_board", "", 100)
	print "sqlite3 rows: the ordered join scan (flags, caseload), .import --csv into a new"
	print "table (import), the same scan with -csv (export). Peak memory target: < 64 MB."

	print "\nscaling: median ms (in brackets: ms per 100,000 ratings, equal when time grows"
	print "linearly with the ratings; the UI's first frame, with its peak memory, should"
	print "stay flat; - : not measured at that size)"
	line = sprintf("%-26s", "clients")
	for (i = 1; i <= nscales; i++)
		line = line sprintf(" %20s", thousands(clients[scales[i]]))
	print line
	line = sprintf("%-26s", "ratings")
	for (i = 1; i <= nscales; i++)
		line = line sprintf(" %20s", thousands(ratings[scales[i]]))
	print line
	scaling("flags --all --format csv", "flags", 1)
	scaling("caseload --format csv", "caseload", 1)
	scaling("import (with init)", "import", 1)
	scaling("export", "export", 1)
	scaling("UI first frame: caseload", "frame_caseload", "mb")
	scaling("UI first frame: board", "frame_board", "mb")
	scaling("sqlite3 ordered scan", "sqlite_scan", 1)
	scaling("sqlite3 -csv scan", "sqlite_csv", 1)
	scaling("sqlite3 .import --csv", "sqlite_import", 1)
}
