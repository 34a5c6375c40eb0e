#!/bin/sh
# make fuzz: builds the libFuzzer targets tests/fuzz/fuzz_*.c with clang
# (-fsanitize=fuzzer,address,undefined) against the pure parsers (src/core,
# src/cli/args.c) and runs each for FUZZ_TIME seconds (default 60) from its
# seed corpus tests/fuzz/corpus/NAME. New inputs go to build/fuzz/corpus;
# a crash leaves build/fuzz/crash-* to replay with: build/fuzz/fuzz_NAME FILE
# Usage: tests/fuzz/run.sh [NAME...]   (default: every target)
set -eu
cd "$(dirname "$0")/../.."
CLANG="${CLANG:-clang}"
FUZZ_TIME="${FUZZ_TIME:-60}"
OUT=build/fuzz
FLAGS="-std=c11 -D_GNU_SOURCE -Iinclude -O1 -g -fno-omit-frame-pointer -Wall -Wextra -Werror -Wno-missing-field-initializers
	-fsanitize=address,undefined -fno-sanitize-recover=undefined"
# clang and its libFuzzer runtime (Debian packages them apart)
command -v "$CLANG" > /dev/null 2>&1 || sh tools/deps.sh clang
sh tools/deps.sh "libclang-rt-$($CLANG -dumpversion | cut -d. -f1)-dev"
mkdir -p "$OUT/obj" "$OUT/corpus"
objs=""
for src in src/core/*.c src/cli/args.c; do
	o="$OUT/obj/$(echo "$src" | tr / _).o"
	if [ ! -f "$o" ] || [ "$src" -nt "$o" ]; then
		$CLANG $FLAGS -fsanitize=fuzzer-no-link -c -o "$o" "$src"
	fi
	objs="$objs $o"
done
names="${*:-$(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_||; s|\.c$||')}"
for name in $names; do
	bin="$OUT/fuzz_$name"
	$CLANG $FLAGS -fsanitize=fuzzer -o "$bin" "tests/fuzz/fuzz_$name.c" $objs -lm
	mkdir -p "$OUT/corpus/$name"
	echo "fuzz_$name: $FUZZ_TIME s"
	if ! "$bin" -max_total_time="$FUZZ_TIME" -max_len=16384 -print_final_stats=1 -artifact_prefix="$OUT/" \
		"$OUT/corpus/$name" "tests/fuzz/corpus/$name" > "$OUT/$name.log" 2>&1; then
		tail -40 "$OUT/$name.log"
		echo "fuzz_$name: FAILED (see $OUT/$name.log)"
		exit 1
	fi
	grep -E '^stat::number_of_executed_units' "$OUT/$name.log"
done
