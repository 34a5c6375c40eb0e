# Helpers for the terminal UI tests: the real binary in tmux on a private
# socket, keys with send-keys, the screen with capture-pane. Every wait
# polls for what should appear; nothing sleeps a fixed time and hopes.
# Source it: . "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../lib.sh"

SOCK="alliance-test-$$"
SOCK_PATH="${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK" # tmux leaves it behind
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -f "$SOCK_PATH"; rm -rf "$T"' EXIT
TUI_WAIT=${TUI_WAIT:-15} # seconds before a wait gives up (ASan is slow)

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }

# tui_start [VAR=VALUE...] [-- ARGS...]: runs alliance ARGS in a fresh
# 100x30 terminal with the environment given. Its pid goes to $T/pid; when
# it exits, its status goes to $T/rc and the screen says "EXITED <status>".
tui_start() {
	tui_stop
	rm -f "$T/rc" "$T/pid"
	{
		echo 'export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8'
		echo "export ALLIANCE_DB='$DB' LOGNAME=alice USER=alice"
		[ -n "${ALLIANCE_TODAY:-}" ] && echo "export ALLIANCE_TODAY='$ALLIANCE_TODAY'"
		echo 'unset NO_COLOR'
		while [ $# -gt 0 ] && [ "$1" != -- ]; do echo "export $1"; shift; done
		[ $# -gt 0 ] && shift
		printf 'sh -c %s %s %s' "'echo \$\$ > \"\$0\"; exec \"\$@\"'" "'$T/pid'" "'$A'"
		for a in "$@"; do printf " '%s'" "$a"; done
		echo
		echo 'rc=$?; echo $rc > '"'$T/rc'"'; printf "EXITED %s\n" $rc; exec sleep 600'
	} > "$T/run.sh"
	tm new-session -d -s ui -x 100 -y 30 "sh '$T/run.sh'"
}

# tui_stop: ends the terminal and waits for the server to be gone, so that
# the next tui_start does not reach a server that is shutting down.
tui_stop() {
	tm kill-server 2>/dev/null
	poll no_server
}
no_server() { ! tm list-sessions > /dev/null 2>&1; }

tui_keys() { tm send-keys -t ui "$@"; }
# tui_type TEXT: types TEXT literally (no key names).
tui_type() { tm send-keys -t ui -l -- "$1"; }
tui_resize() { tm resize-window -t ui -x "$1" -y "$2"; }
tui_screen() { tm capture-pane -p -t ui "$@" > "$T/screen" 2>/dev/null; }

# poll CMD...: runs CMD until it succeeds, or fails after $TUI_WAIT seconds.
poll() {
	i=0
	while [ $i -lt $((TUI_WAIT * 20)) ]; do
		"$@" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
shows() { tui_screen && grep -qF -- "$1" "$T/screen" && settled; }
hides() { tui_screen && ! grep -qF -- "$1" "$T/screen" && settled; }
# settled: the screen captured in $T/screen is still the same a moment later,
# so that checks after a wait read a whole frame, not one half painted.
settled() {
	sleep 0.05
	tm capture-pane -p -t ui > "$T/screen.again" 2>/dev/null
	cmp -s "$T/screen" "$T/screen.again"
}

# tui_wait TEXT / tui_wait_gone TEXT: the screen shows / no longer shows TEXT.
tui_wait() { poll shows "$1"; }
tui_wait_gone() { poll hides "$1"; }

# check_screen NAME TEXT: ok when the screen comes to show TEXT.
check_screen() {
	if tui_wait "$2"; then ok "$1"; else not_ok "$1" "no '$2' on the screen:" "$(cat "$T/screen")"; fi
}
check_screen_gone() {
	if tui_wait_gone "$2"; then ok "$1"; else not_ok "$1" "'$2' still on the screen:" "$(cat "$T/screen")"; fi
}

# tui_exited: alliance ended (status in $rc).
tui_exited() { [ -s "$T/rc" ] && rc=$(cat "$T/rc"); }

# course CODE TRUST...: a client with sessions on consecutive May 2024 days,
# the other core dimensions at 10 so that only trust decides the status
# (in the database, made first if need be: only init creates one).
course() {
	code=$1 day=1
	shift
	al init
	al client add "$code"
	for v in "$@"; do
		al session add "$code" --date "2024-05-$(printf %02d $day)" --trust "$v" \
			--collaboration 10 --empathy 10
		day=$((day + 1))
	done
}
