#!/usr/bin/env bash
# Times `triage suggest` on the dev tweets with the shipped pack, release build, on one core
# (taskset -c 0). The budget is 10 seconds (docs/performance.md).
# Usage: scripts/suggest-speed.sh [RUNS]   (default 3; the best run is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
corpora=(../shared/data/amazonhelp-dev.jsonl ../shared/data/amazonhelp-dev2.jsonl)
swift build -c release >/dev/null
echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
echo "corpora: ${corpora[*]} ($(cat "${corpora[@]}" | wc -l) records)"
best=""
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  taskset -c 0 .build/release/triage suggest "${corpora[@]}" --jobs 1 --color never > /dev/null
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc)
  echo "run: ${seconds} s"
  if [ -z "$best" ] || (( $(echo "$seconds < $best" | bc) )); then best=$seconds; fi
done
printf 'best of %s: %.2f s (budget 10 s)\n' "$runs" "$best"
(( $(echo "$best < 10" | bc) )) || { echo "over the 10 s budget" >&2; exit 1; }
