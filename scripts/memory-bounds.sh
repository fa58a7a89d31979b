#!/usr/bin/env bash
# Measures the peak memory (RSS, /usr/bin/time -v) of one huge message, with the release
# build: `triage batch` on a JSONL file of one line of M MB (the text field holds all of it;
# over the 32 MiB limit the line is counted and refused), and `triage classify --file` on a
# transcript of N lines (alternating customer and agent turns). Prints the input size, peak
# RSS, the ratio and the seconds; docs/limits.md records the bounds this gives.
#
#   scripts/memory-bounds.sh [--lines N...] [MB...]     # default: 8 16 30 50 MB; 1,000,000 lines
#
# Every run uses the default time budget (2 s): matching past it is stopped, so a bigger
# budget changes time, not the bound (matches found are kept per pattern and turn).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=()
lines=()
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines+=("$2"); shift 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || [ ${#lines[@]} -gt 0 ] || { sizes=(8 16 30 50); lines=(1000000); }
swift build -c release --product triage >&2
triage=.build/release/triage
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# peak KB and seconds of a command, whatever its exit code (a refused line exits 65)
measure() {
  /usr/bin/time -v -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || true
  awk -F': ' '/Maximum resident set size/ {kb=$2} /Elapsed \(wall clock\)/ {t=$2} END {print kb, t}' "$work/time"
}

printf '%-34s %10s %10s %8s %10s\n' input "input MB" "peak MB" "x input" "wall"
baseline=$(measure "$triage" classify "my parcel is late")
read -r kb wall <<< "$baseline"
printf '%-34s %10s %10.0f %8s %10s\n' "classify, one short message" "-" "$(echo "$kb/1024" | bc -l)" "-" "$wall"

for mb in "${sizes[@]}"; do
  python3 - "$mb" "$work/line.jsonl" <<'PY'
import sys
size = int(float(sys.argv[1]) * 1_000_000)
sentence = "my parcel is late and the box arrived broken, where is my refund? "
text = (sentence * (size // len(sentence) + 1))[:size]
with open(sys.argv[2], "w") as f:
    f.write('{"id": "1", "text": "' + text + '"}\n')
PY
  bytes=$(stat -c %s "$work/line.jsonl")
  read -r kb wall <<< "$(measure "$triage" batch -q "$work/line.jsonl")"
  printf '%-34s %10.1f %10.0f %8.1f %10s\n' "batch, one JSONL line" "$(echo "$bytes/1000000" | bc -l)" \
    "$(echo "$kb/1024" | bc -l)" "$(echo "$kb*1024/$bytes" | bc -l)" "$wall"
done

for n in "${lines[@]}"; do
  python3 - "$n" "$work/transcript.txt" <<'PY'
import sys
n = int(sys.argv[1])
with open(sys.argv[2], "w") as f:
    for i in range(n):
        f.write("customer: my order is late\n" if i % 2 == 0 else "agent: sorry to hear\n")
PY
  bytes=$(stat -c %s "$work/transcript.txt")
  read -r kb wall <<< "$(measure "$triage" classify --file "$work/transcript.txt")"
  printf '%-34s %10.1f %10.0f %8.1f %10s\n' "classify --file, $n-line transcript" "$(echo "$bytes/1000000" | bc -l)" \
    "$(echo "$kb/1024" | bc -l)" "$(echo "$kb*1024/$bytes" | bc -l)" "$wall"
done
