#!/usr/bin/env bash
# Measures `triage lint` on generated packs of N rules (default 2,000 8,000 and 50,000, the
# pack limit): each rule its own category word list and a regex, so every check has work.
# Prints N, seconds and peak RSS; near-linear checks keep seconds per 1,000 rules flat.
#
#   scripts/lint-scale.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product triage >&2
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2000 8000 50000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%8s %10s %12s %10s\n' rules seconds "s/1k rules" "peak MB"
for n in "${sizes[@]}"; do
  python3 - "$n" > "$work/pack.rules" <<'PY'
import sys
n = int(sys.argv[1])
print('settings { threshold 1 }')
print('category other "Other" { playbook p }')
print('playbook p { step chat "Ask us." }')
for c in range(max(1, n // 10)):
    print(f'category c{c} "C{c}" {{ playbook p }}')
for i in range(n):
    print(f'define w{i} = words {{ word{i}a word{i}b "phrase {i}" }}')
    print(f'rule r{i} -> c{i % max(1, n // 10)} {{ when w{i} or /order{i}\\s+\\d+/ weight {1 + i % 3} }}')
PY
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" .build/release/triage lint "$work/pack.rules" > /dev/null 2>&1 || true
  end=$(date +%s.%N)
  python3 -c "import sys; n,s,e,m=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]),int(sys.argv[4]); print(f'{n:8d} {e-s:10.2f} {1000*(e-s)/n:12.3f} {m/1024:10.0f}')" "$n" "$start" "$end" "$(cat "$work/rss")"
done
