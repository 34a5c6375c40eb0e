#!/bin/sh
# make deb: builds the Debian package with dpkg-buildpackage from a copy of
# the source tree in build/deb/ (dpkg-buildpackage cleans the tree it builds
# and writes its results beside it), then leaves the .deb in build/.
set -eu
version=$(sed -n '1s/^[^(]*[(]\([^)]*\)[)].*/\1/p' debian/changelog)
out=build/deb
src="$out/alliance-$version"
rm -rf "$out"
mkdir -p "$src"
# The source tree alone, without what a build or a checkout adds.
tar --exclude=./build --exclude=./alliance --exclude=./.git \
	-cf - . | tar -C "$src" -xf -
(cd "$src" && dpkg-buildpackage -us -uc -b)
rm -f build/alliance_*.deb
cp "$out/alliance_${version}_"*.deb build/
ls build/alliance_*.deb
