#!/usr/bin/env bash
# Real-message benchmark: the dev tweets (../shared/data/amazonhelp-dev.jsonl, read at run
# time, never copied into the repo) repeated to about 5 MB, through the shipped pack with
# `triage batch --jobs 1` and `--jobs 2`, messages/s; runs alternate, REPS times each.
# With BASELINE=path/to/older/triage, that binary runs alternately too, with ratios.
#
#   scripts/bench-messages.sh              # REPS=3, builds the release binary first
#   BASELINE=/tmp/triage-baseline REPS=5 scripts/bench-messages.sh
#   NO_BUILD=1 MB=5 scripts/bench-messages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${REPS:-3}
mb=${MB:-5}
src=../shared/data/amazonhelp-dev.jsonl
[ -f "$src" ] || { echo "bench-messages: $src not found" >&2; exit 2; }
[ -n "${NO_BUILD:-}" ] || swift build -c release --product triage >&2
out=scripts/out/messages
mkdir -p "$out"
corpus="$out/dev-tweets-${mb}mb.jsonl"
python3 - "$src" "$corpus" "$mb" <<'PY'
import json, sys
src, dst, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
# Only the text of each tweet, so 5 MB is about as many messages as the issue counted.
lines = [json.dumps({"text": json.loads(l)["text"]}, ensure_ascii=False).encode() for l in open(src, "rb").read().splitlines() if l.strip()]
total, out = 0, []
while total < mb * 1e6:
    for l in lines:
        out.append(l); total += len(l) + 1
        if total >= mb * 1e6: break
open(dst, "wb").write(b"\n".join(out) + b"\n")
PY
count=$(wc -l < "$corpus")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "corpus: $count tweets, $(du -h "$corpus" | cut -f1)"
binaries=(.build/release/triage)
[ -n "${BASELINE:-}" ] && binaries+=("$BASELINE")
time_one() { # binary jobs -> seconds
  local start end
  start=$(date +%s.%N)
  "$1" batch --quiet --jobs "$2" "$corpus" > /dev/null
  end=$(date +%s.%N)
  python3 -c "print(f'{float(\"$end\") - float(\"$start\"):.3f}')"
}
declare -A times
for rep in $(seq "$reps"); do
  for jobs in 1 2; do
    for binary in "${binaries[@]}"; do
      times["$binary $jobs"]+="$(time_one "$binary" "$jobs") "
    done
  done
done
python3 - "$count" "$reps" <<PY
import sys
count = int(sys.argv[1])
rows = {}
$(for key in "${!times[@]}"; do echo "rows['$key'] = [float(x) for x in '${times[$key]}'.split()]"; done)
def med(xs): xs = sorted(xs); return xs[len(xs) // 2]
print(f"{'binary':40} {'jobs':>4} {'median s':>9} {'msg/s':>9}  runs")
for key in sorted(rows):
    binary, jobs = key.rsplit(" ", 1)
    m = med(rows[key])
    print(f"{binary:40} {jobs:>4} {m:9.3f} {count / m:9.0f}  {' '.join(f'{x:.3f}' for x in rows[key])}")
cur = ".build/release/triage"
if f"{cur} 1" in rows and f"{cur} 2" in rows:
    print(f"two workers / one (current): {med(rows[cur + ' 1']) / med(rows[cur + ' 2']):.2f}x")
for key in rows:
    binary, jobs = key.rsplit(" ", 1)
    if binary != cur:
        print(f"current / {binary}, jobs {jobs}: {med(rows[key]) / med(rows[cur + ' ' + jobs]):.2f}x faster")
PY
