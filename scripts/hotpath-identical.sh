#!/usr/bin/env bash
# Checks that the current release build answers exactly like a baseline binary (a copy of
# an earlier build): `triage batch` (default and --full JSON lines, --rule-ids) on every fixture
# text and on the dev tweets, `triage classify --explain --format json` on a sample of fixtures,
# and the `triage test` report on the fixtures. Prints the first differences and exits 1 on any.
#
#   cp .build/release/triage /tmp/triage-baseline     # before a change
#   scripts/hotpath-identical.sh /tmp/triage-baseline  # after it (builds the current release)
#   NO_BUILD=1 scripts/hotpath-identical.sh BASELINE   # use .build/release/triage as it is
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=${1:?usage: scripts/hotpath-identical.sh BASELINE-TRIAGE-BINARY}
current=.build/release/triage
data=../shared/data
[ -n "${NO_BUILD:-}" ] || swift build -c release --product triage >&2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Every fixture body as one JSONL record (read at run time, nothing copied into the repo).
python3 - "$out/fixtures.jsonl" <<'PY'
import json, os, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for root, _, files in sorted(os.walk("fixtures")):
        for name in sorted(files):
            if name.endswith(".triage"):
                path = os.path.join(root, name)
                _, _, body = open(path, encoding="utf-8").read().partition("\n---\n")
                out.write(json.dumps({"id": path, "text": body}, ensure_ascii=False) + "\n")
PY
inputs=("$out/fixtures.jsonl")
for f in "$data/amazonhelp-dev.jsonl" "$data/amazonhelp-dev2.jsonl"; do [ -f "$f" ] && inputs+=("$f"); done

status=0
compare() { # name, then the command after the binary
  local name=$1; shift
  "$baseline" "$@" > "$out/$name.before" 2> /dev/null || true
  "$current" "$@" > "$out/$name.after" 2> /dev/null || true
  # Wall times in reports are not part of the answer.
  sed -i -E 's/ in [0-9.]+ (s|ms)/ in T/' "$out/$name.before" "$out/$name.after"
  if cmp -s "$out/$name.before" "$out/$name.after"; then
    echo "same: $name ($(wc -l < "$out/$name.after") lines)"
  else
    echo "DIFFERENT: $name"; diff "$out/$name.before" "$out/$name.after" | head -20; status=1
  fi
}
for input in "${inputs[@]}"; do
  base=$(basename "$input" .jsonl)
  compare "batch-$base" batch --jobs 1 --now 2026-12-01 "$input"
  compare "batch-full-$base" batch --jobs 1 --full --rule-ids --now 2026-12-01 "$input"
  compare "batch-full-jobs2-$base" batch --jobs 2 --full --now 2026-12-01 "$input"
done
n=0
for fixture in $(find fixtures -name '*.triage' | sort | awk 'NR % 25 == 1'); do
  body=$(python3 -c 'import sys; print(open(sys.argv[1], encoding="utf-8").read().partition("\n---\n")[2], end="")' "$fixture")
  compare "explain-$n" classify --explain --format json --now 2026-12-01 "$body"
  n=$((n + 1))
done
compare "test-fixtures" test fixtures --no-progress --now 2026-12-01
[ $status = 0 ] && echo "identical" || echo "NOT identical"
exit $status
