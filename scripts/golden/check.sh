#!/usr/bin/env bash
# The golden-output check (what CI calls): run every job with BINARY into a temporary folder and
# compare the results with the committed golden outputs of the pre-refactor binary.
#
#   scripts/golden/check.sh [BINARY]        # default: .build/debug/plaudit
#
# Exit 0 when every compared file is equal, 1 when one differs or a job failed. Jobs that need
# the local models or the shared data are skipped (and said so) when those are absent, unless
# PLAUDIT_REQUIRE_LOCAL_MODEL=1 / PLAUDIT_REQUIRE_SHARED_DATA=1. KEEP_GOLDEN_OUT=1 keeps the
# temporary folder (its path is printed) for a closer look at a difference.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
BIN=${1:-$REPO/.build/debug/plaudit}
[ -x "$BIN" ] || { echo "check: no executable at $BIN (build it, or give its path)" >&2; exit 2; }
BIN=$(realpath "$BIN")
OUT=$(mktemp -d "${TMPDIR:-/tmp}/plaudit-golden.XXXXXX")
if [ "${KEEP_GOLDEN_OUT:-0}" = 1 ]; then
  echo "check: outputs kept in $OUT"
else
  trap 'rm -rf "$OUT"' EXIT
fi
started=$(date +%s)
"$REPO/scripts/golden/run-jobs.sh" "$BIN" "$OUT"
rc=0
python3 "$REPO/scripts/golden/compare.py" "$REPO/Tests/Golden/outputs" "$OUT" || rc=$?
echo "check: $((`date +%s` - started)) s wall time"
exit $rc
