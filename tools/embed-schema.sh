#!/bin/sh
# Turns schema/NNNN_name.sql files into a C array of migrations, in order.
set -eu
echo '/* Generated from the schema/ SQL files by tools/embed-schema.sh. Do not edit. */'
echo '#include <stddef.h>'
echo 'const char *const al_schema_sql[] = {'
for f in "$@"; do
	echo "	/* $f */"
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/	"/' -e 's/$/\\n"/' "$f"
	echo '	,'
done
echo '};'
echo "const size_t al_schema_count = $#;"
