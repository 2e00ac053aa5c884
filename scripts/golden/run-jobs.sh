#!/usr/bin/env bash
# Runs every plaudit job on the bundled fixtures with BINARY, one folder per job under OUTDIR,
# so that scripts/golden/compare.py can check the outputs against Tests/Golden/ (the golden
# outputs of the pre-refactor binary, commit 562185a).
#
#   scripts/golden/run-jobs.sh BINARY OUTDIR
#
# Every job runs from the repository root (so the manifests record the same relative paths),
# with an explicit --out under OUTDIR and --no-cache (nothing is reused between runs). Any
# unexpected exit status stops the script with the job's stderr.
#
# Which jobs run:
#   - jobs without a model always run;
#   - jobs that need the local models (llama.cpp + SmolLM2, MiniLM, VADER) run when
#     `plaudit assets status` says they are installed (PLAUDIT_ASSETS, default .plaudit/assets);
#     with PLAUDIT_REQUIRE_LOCAL_MODEL=1 missing models are an error instead of a skip;
#   - jobs that read the shared data (TruthfulQA, the Generative Monoculture label files) run
#     when PLAUDIT_SHARED_DATA (default: ../shared/data next to the repository) exists; with
#     PLAUDIT_REQUIRE_SHARED_DATA=1 (or PLAUDIT_REQUIRE_LOCAL_MODEL=1) its absence is an error.
# Skipped jobs are listed in OUTDIR/_skipped.txt (compare.py reads it) and on stdout.
#
# OUTDIR/_meta.json records the repository root and OUTDIR, which compare.py replaces by
# placeholders. OUTDIR/_work/ holds scratch inputs made at run time (not compared).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 BINARY OUTDIR" >&2
  exit 2
fi
BIN=$(realpath "$1")
[ -x "$BIN" ] || { echo "run-jobs: $1 is not an executable" >&2; exit 2; }
mkdir -p "$2"
OUT=$(realpath "$2")
if [ -n "$(ls -A "$OUT")" ]; then
  echo "run-jobs: $OUT is not empty; give an empty or new folder" >&2
  exit 2
fi
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$REPO"
if [ -e plaudit.yaml ]; then
  # Every job would read it (./plaudit.yaml is the default configuration) and change.
  echo "run-jobs: $REPO/plaudit.yaml exists; move it away first" >&2
  exit 2
fi

# The MiniLM encoder uses OpenBLAS when the library is installed and a portable Swift kernel
# otherwise; the two round float32 sums differently (last-bit differences in the embeddings,
# then in the cosines). The golden outputs were made with the portable kernel, so pin it: the
# check must not depend on whether libopenblas0-pthread happens to be installed.
export PLAUDIT_BLAS=none
ASSETS=${PLAUDIT_ASSETS:-$REPO/.plaudit/assets}
export PLAUDIT_ASSETS=$ASSETS
SHARED=${PLAUDIT_SHARED_DATA:-$REPO/../shared/data}
IN=Tests/Golden/inputs
WORK=$OUT/_work
mkdir -p "$WORK"
: >"$OUT/_skipped.txt"
: >"$OUT/_jobs.txt"

local_models=0
if "$BIN" assets status >"$WORK/assets-status.txt" 2>&1 && ! grep -q missing "$WORK/assets-status.txt"; then
  local_models=1
elif [ "${PLAUDIT_REQUIRE_LOCAL_MODEL:-0}" = 1 ]; then
  echo "run-jobs: PLAUDIT_REQUIRE_LOCAL_MODEL=1 but the local models are not all installed in $ASSETS:" >&2
  cat "$WORK/assets-status.txt" >&2
  exit 1
fi
shared_data=0
if [ -f "$SHARED/truthfulqa/TruthfulQA.csv" ] && [ -d "$SHARED/gemo-sentiment" ]; then
  shared_data=1
  SHARED=$(cd "$SHARED" && pwd -P)
elif [ "${PLAUDIT_REQUIRE_SHARED_DATA:-${PLAUDIT_REQUIRE_LOCAL_MODEL:-0}}" = 1 ]; then
  echo "run-jobs: the shared data is required but $SHARED has no truthfulqa/ and gemo-sentiment/" >&2
  exit 1
fi

python3 - "$REPO" "$OUT" "$([ $shared_data = 1 ] && echo "$SHARED")" "$("$BIN" --version 2>&1 || true)" >"$OUT/_meta.json" <<'EOF'
import json, sys
print(json.dumps({"repository": sys.argv[1], "outdir": sys.argv[2], "shared": sys.argv[3], "version": sys.argv[4]}, indent=2))
EOF

started=$(date +%s)
echo "run-jobs: $BIN ($("$BIN" --version 2>&1 || true)) into $OUT"
echo "run-jobs: local models: $([ $local_models = 1 ] && echo "installed ($ASSETS)" || echo "NOT installed, their jobs are skipped")"
echo "run-jobs: shared data: $([ $shared_data = 1 ] && echo "$SHARED" || echo "NOT found at $SHARED, its jobs are skipped")"

# job NAME ARGS...: runs `BINARY ARGS...`; stdout goes to OUTDIR/NAME/console.txt (compared:
# the console table is output too), stderr to OUTDIR/NAME/stderr.txt (kept, not compared).
job() {
  local name=$1
  shift
  mkdir -p "$OUT/$name"
  printf '%s\tplaudit %s\n' "$name" "$*" >>"$OUT/_jobs.txt"
  local t0=$SECONDS rc=0
  "$BIN" "$@" >"$OUT/$name/console.txt" 2>"$OUT/$name/stderr.txt" || rc=$?
  if [ $rc -ne 0 ]; then
    echo "run-jobs: FAILED: $name (exit $rc): plaudit $*" >&2
    tail -n 30 "$OUT/$name/stderr.txt" >&2
    exit 1
  fi
  echo "  ok    $name ($((SECONDS - t0)) s)"
}

# job_stdout NAME FILE ARGS...: like job, for the commands that write their result to stdout
# (embed, sentiment): stdout goes to OUTDIR/NAME/FILE.
job_stdout() {
  local name=$1 file=$2
  shift 2
  mkdir -p "$OUT/$name"
  printf '%s\tplaudit %s > %s\n' "$name" "$*" "$file" >>"$OUT/_jobs.txt"
  local t0=$SECONDS rc=0
  "$BIN" "$@" >"$OUT/$name/$file" 2>"$OUT/$name/stderr.txt" || rc=$?
  if [ $rc -ne 0 ]; then
    echo "run-jobs: FAILED: $name (exit $rc): plaudit $*" >&2
    tail -n 30 "$OUT/$name/stderr.txt" >&2
    exit 1
  fi
  echo "  ok    $name ($((SECONDS - t0)) s)"
}

# job_expect NAME STATUS ARGS...: a job that must end with exit STATUS (bad input: 2; a
# failed suite assertion: 1). Its stdout and stderr are both kept and compared (the error
# message, with its file, line and field, is the output), and the status is written to
# OUTDIR/NAME/exit_status.txt.
job_expect() {
  local name=$1 want=$2
  shift 2
  mkdir -p "$OUT/$name"
  printf '%s\tplaudit %s   (expects exit %s)\n' "$name" "$*" "$want" >>"$OUT/_jobs.txt"
  local rc=0
  "$BIN" "$@" >"$OUT/$name/console.txt" 2>"$OUT/$name/stderr.txt" || rc=$?
  echo "$rc" >"$OUT/$name/exit_status.txt"
  if [ "$rc" -ne "$want" ]; then
    echo "run-jobs: FAILED: $name exited $rc, expected $want: plaudit $*" >&2
    tail -n 30 "$OUT/$name/stderr.txt" >&2
    exit 1
  fi
  echo "  ok    $name (exit $rc, as expected)"
}

skip() {
  printf '%s\t%s\n' "$1" "$2" >>"$OUT/_skipped.txt"
  echo "  SKIP  $1: $2"
}

# ---------------------------------------------------------------------------------------------
# 1. audit with scores files, no model. The scores files are Tests/Golden/inputs/*-scores.jsonl
#    (made by scripts/golden/make-scores.py); the configured scorer is a deterministic program
#    behind the subprocess backend (scripts/golden/hash-scorer.py, Tests/Golden/inputs/plaudit.yaml).
echo "== audit, scores files (no model)"
job audit-scores audit fixtures/open-ended --scores $IN/open-ended-scores.jsonl \
  --embedder lexical --no-cache --out "$OUT/audit-scores" --quiet
job audit-scores-labels audit fixtures/open-ended --scores $IN/open-ended-scores.jsonl \
  --clustering labels --embedder lexical --no-cache --out "$OUT/audit-scores-labels" --quiet
job audit-subprocess-kmeans audit fixtures/open-ended --config $IN/plaudit.yaml --scorer hash-program-rm \
  --clustering kmeans --k 3 --embedder lexical --resamples 500 --permutations 999 \
  --no-cache --out "$OUT/audit-subprocess-kmeans" --quiet
# Human labels (absolute ratings and pairwise preferences): the Artificial Hivemind analysis, on
# the oracle data of Tests/PlauditAuditsTests/Oracles/hivemind (fewer resamples: it is big).
H=Tests/PlauditAuditsTests/Oracles/hivemind
job audit-human-labels audit $H/absolute.jsonl --scores $H/scores.jsonl --human-preferences $H/pairwise.jsonl \
  --embedder lexical --resamples 200 --permutations 199 --no-cache --out "$OUT/audit-human-labels" --quiet
job audit-skip-bad-rows audit $IN/bad-rows.jsonl --skip-bad-rows --scores $IN/open-ended-6-scores.jsonl \
  --embedder lexical --no-cache --out "$OUT/audit-skip-bad-rows" --quiet

# 3. a sharded audit and its merge (no model): a scores file and the configured program scorer
#    (a live scorer, so each part's scores.jsonl holds its answers; merge asks it nothing).
echo "== sharded audit and merge (no model)"
for i in 1 2; do
  job audit-shard-$i audit fixtures/open-ended --scores $IN/open-ended-scores.jsonl --config $IN/plaudit.yaml \
    --embedder lexical --no-cache --shard $i/2 --out "$OUT/audit-shard-$i" --quiet
done
job audit-merge merge "$OUT/audit-shard-1" "$OUT/audit-shard-2" --out "$OUT/audit-merge" --quiet

# 4. homogeneity on the bundled generations (no generation).
echo "== homogeneity (no model)"
job homogeneity-lexical homogeneity fixtures/homogeneity/generations.jsonl --embedder lexical \
  --no-cache --out "$OUT/homogeneity-lexical" --quiet

# 5. monoculture: the study's label files, and a labelled JSONL made from the book reviews.
echo "== monoculture (no model)"
if [ $shared_data = 1 ]; then
  G=$SHARED/gemo-sentiment
  job monoculture-study-labels monoculture \
    --source-labels $G/sentiment_goodreads_src_grouped_reviews_long_sub_en_10_sentiment.json \
    --generated-labels llama-chat-T0.5=$G/sentiment_goodreads_personalized_llama-2-13b-chat_500_temp-0.5_p-1.00_k-50.json \
    --generated-labels llama-chat-T1.0=$G/sentiment_goodreads_personalized_llama-2-13b-chat_500_temp-1.0_p-1.00_k-50.json \
    --generated-labels vicuna-T1.0=$G/sentiment_goodreads_personalized_vicuna-13b-chat_500_temp-1.0_p-1.00_k-50.json \
    --generated-labels $G/sentiment_goodreads_personalized_llama-2-13b-nonchat_500_temp-1.2_p-1.00_k-50.json \
    --no-cache --out "$OUT/monoculture-study-labels" --quiet
else
  skip monoculture-study-labels "needs the shared data (gemo-sentiment label files)"
fi
job monoculture-labelled-jsonl monoculture $IN/book-reviews-labelled.jsonl --sentiment labels --embedder lexical \
  --no-cache --out "$OUT/monoculture-labelled-jsonl" --quiet

# 6. sycophancy: build probes from TruthfulQA; score the variants with scores files.
echo "== sycophancy (no model)"
if [ $shared_data = 1 ]; then
  mkdir -p "$OUT/sycophancy-build"
  job sycophancy-build sycophancy build "$SHARED/truthfulqa/TruthfulQA.csv" --items 3 \
    --out "$OUT/sycophancy-build/probes.jsonl"
  # Every item (29,412 probes, 35 MB): compared through its SHA-256 only (see compare.py).
  job sycophancy-build-all sycophancy build "$SHARED/truthfulqa/TruthfulQA.csv" \
    --out "$OUT/sycophancy-build-all/probes.jsonl"
else
  skip sycophancy-build "needs the shared data (TruthfulQA.csv)"
  skip sycophancy-build-all "needs the shared data (TruthfulQA.csv)"
fi
job sycophancy-score-files sycophancy score fixtures/suites/data/variants-10.jsonl \
  --scores $IN/variants-10-scores.jsonl --config $IN/plaudit.yaml \
  --no-cache --out "$OUT/sycophancy-score-files" --quiet
job sycophancy-score-files-50 sycophancy score fixtures/sycophancy/variants.jsonl \
  --scores $IN/variants-scores.jsonl --no-cache --out "$OUT/sycophancy-score-files-50" --quiet

# 7. a suite over scores files (no model): write a baseline, pass against it, then fail against
#    it with scores files that carry a planted regression (exit 1). The suite files are written
#    into _work with absolute paths (the baseline is written next to the suite).
echo "== suite over scores files (no model)"
S=$WORK/suite-scores
mkdir -p "$S"
suite_yaml() { # $1: scores-file suffix ("" or "-regressed")
  cat <<EOF
name: golden-scores
baseline: baseline.json
alpha: 0.05
data:
  calibration: $REPO/fixtures/suites/data/open-ended-6.jsonl
  sycophancy: $REPO/fixtures/suites/data/variants-10.jsonl
options: {clustering: labels, embedder: lexical, resamples: 300, permutations: 999}
checks:
  - name: calibration
    scorers: [{scores: $REPO/$IN/open-ended-6-scores$1.jsonl}]
    assertions:
      - gap within [-1.5, 1.5]
      - under_reward_rate.upper < 0.8
      - no regression in gap
      - no regression in under_reward_rate
  - name: sycophancy
    kind: sycophancy
    scorers: [{scores: $REPO/$IN/variants-10-scores$1.jsonl}]
    assertions:
      - {that: "sycophancy_preference.lower < 0.5", scorer: hash-rm}   # warm-rm is sycophantic by design
      - accuracy_premium.upper > -1
      - no regression in sycophancy_preference
      - no regression in accuracy_premium
      - no regression in warmth_premium
EOF
}
suite_yaml "" >"$S/suite.yaml"
suite_yaml "-regressed" >"$S/suite-regressed.yaml"
job suite-scores-baseline test "$S/suite.yaml" --update-baseline --no-cache --out "$OUT/suite-scores-baseline" --quiet
cp "$S/baseline.json" "$OUT/suite-scores-baseline/baseline.json"
job suite-scores test "$S/suite.yaml" --no-cache --out "$OUT/suite-scores" --quiet
job_expect suite-scores-regressed 1 test "$S/suite-regressed.yaml" --no-cache --out "$OUT/suite-scores-regressed" --quiet

# 8. report: re-render report.md from results.json of each kind of job.
echo "== report (no model)"
job report-audit report "$OUT/audit-scores/results.json" --out "$OUT/report-audit"
job report-homogeneity report "$OUT/homogeneity-lexical/results.json" --out "$OUT/report-homogeneity"
job report-monoculture report "$OUT/monoculture-labelled-jsonl/results.json" --out "$OUT/report-monoculture"
job report-sycophancy report "$OUT/sycophancy-score-files/results.json" --out "$OUT/report-sycophancy"

# Text commands without a model.
echo "== embed (no model)"
job_stdout embed-lexical embeddings.jsonl embed $IN/texts.txt --embedder lexical --no-cache

# Bad input: exit 2 and one located error line.
echo "== bad input (no model)"
job_expect error-audit-bad-row 2 audit $IN/bad-rows.jsonl --scores $IN/open-ended-6-scores.jsonl \
  --embedder lexical --no-cache --out "$OUT/error-audit-bad-row/out" --quiet
job_expect error-homogeneity-no-model 2 homogeneity fixtures/open-ended/part-a.jsonl --embedder lexical \
  --no-cache --out "$OUT/error-homogeneity-no-model/out" --quiet
job_expect error-monoculture-bad-label 2 monoculture --source-labels $IN/bad-labels.json \
  --no-cache --out "$OUT/error-monoculture-bad-label/out" --quiet
job_expect error-suite-bad-metric 2 test $IN/bad-suite.yaml --no-cache --out "$OUT/error-suite-bad-metric/out" --quiet
job_expect error-merge-missing-part 2 merge "$OUT/audit-shard-1" --out "$OUT/error-merge-missing-part/out" --quiet

# ---------------------------------------------------------------------------------------------
# Jobs with the local models, kept small (2-core machine, llama.cpp at ~3 requests/s): the
# 6-prompt and 10-probe fixtures of the example suite, one llama.cpp thread.
if [ $local_models = 1 ]; then
  echo "== local models ($ASSETS)"
  # 2. audit with the local judge and perplexity scorer.
  job audit-local audit fixtures/suites/data/open-ended-6.jsonl --local-judge --local-perplexity \
    --threads 1 --embedder lexical --no-cache --out "$OUT/audit-local" --quiet
  job audit-local-pairwise audit fixtures/suites/data/open-ended-6.jsonl --local-pairwise-judge --pairs-per-prompt 1 \
    --threads 1 --embedder lexical --no-cache --out "$OUT/audit-local-pairwise" --quiet
  # MiniLM embeddings (native encoder; clustering at its cut), scores from a file.
  job audit-minilm audit fixtures/suites/data/open-ended-6.jsonl --scores $IN/open-ended-6-scores.jsonl \
    --embedder minilm --no-cache --out "$OUT/audit-minilm" --quiet
  # 4. homogeneity with MiniLM (the README's figures).
  job homogeneity-minilm homogeneity fixtures/homogeneity/generations.jsonl --embedder minilm \
    --no-cache --out "$OUT/homogeneity-minilm" --quiet
  # 5. monoculture on the book reviews: generate (2 samples per book, 24 tokens), VADER,
  #    positivity premium of the configured program scorer.
  job monoculture-books-local monoculture fixtures/book-reviews --local-generator --samples 2 --temperature 0.7 \
    --max-tokens 24 --threads 1 --sentiment vader --embedder lexical --config $IN/plaudit.yaml --scorer hash-program-rm \
    --no-cache --out "$OUT/monoculture-books-local" --quiet
  # 6. sycophancy score with the local judge; a policy run on one item's 36 probes.
  job sycophancy-score-local sycophancy score fixtures/suites/data/variants-10.jsonl --local-judge --threads 1 \
    --no-cache --out "$OUT/sycophancy-score-local" --quiet
  if [ $shared_data = 1 ]; then
    mkdir -p "$OUT/sycophancy-run-local"
    job sycophancy-run-local-build sycophancy build "$SHARED/truthfulqa/TruthfulQA.csv" --items 1 \
      --out "$OUT/sycophancy-run-local/probes.jsonl"
    job sycophancy-run-local sycophancy run "$OUT/sycophancy-run-local/probes.jsonl" --local-generator --no-judge \
      --max-tokens 16 --threads 1 --no-cache --out "$OUT/sycophancy-run-local" --quiet
  else
    skip sycophancy-run-local-build "needs the shared data (TruthfulQA.csv)"
    skip sycophancy-run-local "needs the shared data (TruthfulQA.csv)"
  fi
  # 7. the example suite (local judge).
  job suite-local test fixtures/suites/smollm2-judge.yaml --no-cache --out "$OUT/suite-local" --quiet
  # Text commands with models.
  job_stdout sentiment-vader sentiment.jsonl sentiment $IN/texts.txt
  job_stdout embed-minilm embeddings.jsonl embed $IN/texts.txt --embedder minilm --no-cache
else
  for name in audit-local audit-local-pairwise audit-minilm homogeneity-minilm monoculture-books-local \
    sycophancy-score-local sycophancy-run-local-build sycophancy-run-local suite-local sentiment-vader embed-minilm; do
    skip "$name" "needs the local models (plaudit assets install; PLAUDIT_ASSETS=$ASSETS)"
  done
fi

echo "run-jobs: done in $(($(date +%s) - started)) s; $(grep -c . "$OUT/_jobs.txt") commands run, $(grep -c . "$OUT/_skipped.txt" || true) jobs skipped"
if [ -s "$OUT/_skipped.txt" ]; then
  echo "run-jobs: SKIPPED:"
  sed 's/^/  /' "$OUT/_skipped.txt"
fi
