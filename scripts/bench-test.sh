#!/usr/bin/env bash
# Measures `triage test` on a 10,000-case corpus built from the fixtures, on one core and
# on all cores. Usage: scripts/bench-test.sh [CASES]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-10000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

swift build -c release >/dev/null
python3 - "$cases" "$out/corpus.jsonl" <<'PY'
import json, os, sys
count, path = int(sys.argv[1]), sys.argv[2]
texts = []
for root, _, files in sorted(os.walk("fixtures")):
    for name in sorted(files):
        if name.endswith(".triage"):
            header, _, body = open(os.path.join(root, name), encoding="utf-8").read().partition("\n---\n")
            label = next(l.split(":", 1)[1].strip() for l in header.splitlines() if l.startswith("expect:"))
            texts.append((body, label))
with open(path, "w", encoding="utf-8") as out:
    for i in range(count):
        body, label = texts[i % len(texts)]
        out.write(json.dumps({"id": str(i), "text": f"{body} (ref {i})", "label": label}) + "\n")
PY
echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
echo "corpus: $cases cases, $(du -h "$out/corpus.jsonl" | cut -f1)"
for jobs in 1 "$(nproc)"; do
  start=$(date +%s.%N)
  .build/release/triage test "$out/corpus.jsonl" --rules rules --jobs "$jobs" --no-progress > "$out/report.txt" || true
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'jobs {sys.argv[3]}: {s:.2f} s, {int(sys.argv[4])/s:.0f} cases/s')" "$start" "$end" "$jobs" "$cases"
done
grep -E "^  cases" "$out/report.txt"
