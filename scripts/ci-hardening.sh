#!/usr/bin/env bash
# Hardening checks for CI, called from .ci/run: every libFuzzer target for a short while
# (AddressSanitizer builds, scripts/fuzz.sh), then the test suite under ThreadSanitizer.
# Exit 1 on a fuzz finding or a failing or racy test. Kept under 8 minutes on the project's
# 2-core machine; the measured time is in docs/reliability.md.
#
#   scripts/ci-hardening.sh                 # 20 s per fuzz target
#   FUZZ_SECONDS=60 scripts/ci-hardening.sh
#   TRIAGE_FUZZ_DIR, TRIAGE_TSAN_SCRATCH    # where fuzz corpora and the TSan build go (kept between runs, which makes reruns faster)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
elapsed() { echo "$(( $(date +%s) - started )) s"; }

echo "== fuzzing, ${FUZZ_SECONDS:-20} s per target"
scripts/fuzz.sh "${FUZZ_SECONDS:-20}"
echo "   fuzzing done at $(elapsed)"

echo "== swift test --sanitize=thread"
# Every test but a few that only push sizes (tens of megabytes, hundreds of thousands of
# turns or rules) on one thread: ThreadSanitizer makes them minutes long and finds nothing
# there; the plain `swift test` of .ci/run runs them. TestRunner and batch classify on all
# cores in many of the others; a race stops the run (halt_on_error) and fails it.
heavy='aLargeMessageIsClassified|aTranscriptWithHundredsOfThousandsOfTurns|aPackWithMoreRulesThanTheLimit'
heavy+='|aDirectoryWithMoreRuleFilesThanTheLimit|aBrokenCorpusReports|aBrokenCSVCorpusReports|aFixtureOverTheMessageLimit'
heavy+='|aMessageOverTheSizeLimit|aRuleFileLargerThanTheLimit'
# Wall-clock budgets of 0.3 s: under ThreadSanitizer (and a loaded machine) the sanitizer's
# own overhead uses the budget before the first rule; the plain `swift test` runs them.
heavy+='|classifyReportsTheBudgetInJSONAndText|testReportsTheBudgetOnTheCase'
# Runs the binary under `ulimit -v` of 100 MB: a sanitized binary maps its shadow memory and
# cannot even load there; the plain `swift test` runs it.
heavy+='|aLargeMessageUnderAMemoryLimit'
TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1} \
  swift test --sanitize=thread --scratch-path "${TRIAGE_TSAN_SCRATCH:-/tmp/triage-tsan}" --skip "$heavy"
echo "ci-hardening: passed in $(elapsed)"
