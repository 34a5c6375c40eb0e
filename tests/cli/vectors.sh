#!/bin/sh
# The detection vectors in tests/vectors/ are a copy of the shared ones
# (../shared/examples/, the acceptance contract), so that the source tree
# alone tests. Where ../shared is there, the copy must be exactly it.
. "$(dirname "$0")/../lib.sh"
src="$SHARED/examples/detection"
if [ ! -d "$src" ]; then
	ok "copy of the shared vectors # SKIP no $src in this tree"
	exit 0
fi
for f in "$src"/*; do
	name=${f##*/}
	same_file "tests/vectors/detection/$name is the shared $name" "$f" "$VECTORS/detection/$name"
done
for f in "$VECTORS"/detection/*; do
	[ -e "$src/${f##*/}" ] && ok "${f##*/} is a shared vector" || not_ok "${f##*/} is a shared vector" "not in $src"
done
