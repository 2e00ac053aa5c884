#!/usr/bin/env bash
# Proves dist/plaudit runs without a Swift toolchain: copies it and the demo fixtures to a
# scratch folder, strips the toolchain from PATH and LD_LIBRARY_PATH (env -i), and runs the
# README demo's audit there against the local llama.cpp server it starts.
# Needs: scripts/build-static.sh done, and the model assets installed (`plaudit assets install`).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
assets=${PLAUDIT_ASSETS:-$repo/.plaudit/assets}
[ -x dist/plaudit ] || { echo "run scripts/build-static.sh first" >&2; exit 2; }
[ -d "$assets/python" ] || { echo "no model assets in $assets: run \`swift run plaudit assets install\`" >&2; exit 2; }
scratch=$(mktemp -d /tmp/plaudit-static-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
cp dist/plaudit "$scratch/"
cp -r fixtures "$scratch/"
cd "$scratch"
python_dir=$(dirname "$(command -v python3)")
echo "== environment: PATH=/usr/bin:/bin:$python_dir, no LD_LIBRARY_PATH, no swift on PATH"
env -i HOME="$HOME" PATH="/usr/bin:/bin:$python_dir" PLAUDIT_ASSETS="$assets" sh -c 'command -v swift && exit 3; ./plaudit --version'
env -i HOME="$HOME" PATH="/usr/bin:/bin:$python_dir" PLAUDIT_ASSETS="$assets" \
  ./plaudit audit fixtures/open-ended --local-judge --local-perplexity --out results --no-cache
test -s results/results.json
echo "static binary ran the demo audit: $(wc -c < results/results.json) bytes of results.json"
