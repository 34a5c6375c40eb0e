
# The hand-written half of the bash completion: it reads the command line
# and offers what the table above says. Client codes, user names and
# dimension keys come from the database by running alliance itself, quietly,
# and only when the database file exists: completion never creates one.

# _alliance_query LISTING [OPTION...]: REPLY is the first column of
# `alliance LISTING list --format csv`, or empty on any failure.
_alliance_query() {
	local path=$_alliance_db prog=${COMP_WORDS[0]}
	REPLY=""
	if [[ -z $path && -n ${ALLIANCE_DB-} ]]; then
		path=$ALLIANCE_DB
	elif [[ -z $path && -n ${XDG_DATA_HOME-} ]]; then
		path=$XDG_DATA_HOME/alliance/alliance.db
	elif [[ -z $path ]]; then
		path=${HOME-}/.local/share/alliance/alliance.db
	fi
	[[ $path == "~/"* ]] && path=$HOME/${path#"~/"}
	[[ $prog == "~/"* ]] && prog=$HOME/${prog#"~/"}
	[[ -f $path ]] || return 0
	local -a cmd=("$prog" --db "$path")
	[[ -n $_alliance_user ]] && cmd+=(--user "$_alliance_user")
	command -v timeout >/dev/null 2>&1 && cmd=(timeout 3 "${cmd[@]}")
	REPLY=$("${cmd[@]}" "$1" list --format csv "${@:2}" </dev/null 2>/dev/null |
		tail -n +2 | cut -d, -f1) || REPLY=""
	return 0
}

# _alliance_offer KIND...: fills COMPREPLY with what matches $cur.
_alliance_offer() {
	local words=""
	case $1 in
	words) words="${*:2}" ;;
	client) _alliance_query client "${@:2}"; words=$REPLY ;;
	user) _alliance_query user; words=$REPLY ;;
	dimension) _alliance_query dimension; words=$REPLY ;;
	setting) words=$_alliance_settings ;;
	file)
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return ;;
	*) return ;;
	esac
	mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}

_alliance() {
	local cur=${COMP_WORDS[COMP_CWORD]} i w key="" group="" sub="" npos=0 expect=""
	local _alliance_db="" _alliance_user="" _alliance_dims=0
	COMPREPLY=()
	# "--db=x" arrives as "--db" "=" "x" (= is a word break).
	if [[ $cur == "=" ]]; then
		cur=""
	fi
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ $w == "=" ]]; then
			continue
		elif [[ -n $expect ]]; then # the value of the option before
			[[ $expect == --db ]] && _alliance_db=$w
			[[ $expect == --user ]] && _alliance_user=$w
			expect=""
		elif [[ $w == --*=* ]]; then # when = is not a word break
			[[ ${w%%=*} == --db ]] && _alliance_db=${w#*=}
			[[ ${w%%=*} == --user ]] && _alliance_user=${w#*=}
		elif [[ $w == -* ]]; then
			_alliance_value "$key" "$w"
			[[ -n $REPLY && $REPLY != flag ]] && expect=$w
			if [[ -z $REPLY ]]; then # --DIM N of session add
				_alliance_opts "$key"
				[[ $_alliance_dims == 1 ]] && expect=$w
			fi
		elif [[ -z $group ]]; then
			group=$w key=$w
		elif [[ -z $sub ]] && _alliance_subs "$group" && [[ -n $REPLY ]]; then
			sub=$w key="$group $w"
		else
			npos=$((npos + 1))
		fi
	done
	if [[ -n $expect ]]; then
		_alliance_value "$key" "$expect"
		# shellcheck disable=SC2086
		_alliance_offer $REPLY
		return 0
	fi
	if [[ $cur == -* ]]; then
		_alliance_opts "$key"
		local opts=$REPLY
		if [[ $_alliance_dims == 1 ]]; then
			_alliance_query dimension
			local dims=${REPLY:-trust collaboration empathy}
			opts="$opts $(printf -- '--%s ' $dims)"
		fi
		mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
		return 0
	fi
	if [[ -z $group ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$_alliance_groups" -- "$cur")
		return 0
	fi
	if [[ -z $sub ]] && _alliance_subs "$group" && [[ -n $REPLY ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$REPLY" -- "$cur")
		return 0
	fi
	_alliance_positional "$key" $((npos + 1))
	if [[ $REPLY == client && $key == "client unarchive" ]]; then
		_alliance_offer client --archived
	else
		_alliance_offer "$REPLY"
	fi
	return 0
}
complete -F _alliance alliance
