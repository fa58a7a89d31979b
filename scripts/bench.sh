#!/usr/bin/env bash
# Engine benchmark against the peer engines of ../shared/bench, on the same generated rules
# and corpus (deterministic from SEED). For N = 50, 500, 5000 rules it converts the bench
# rules to the Triage language (scripts/bench_convert.py), runs triage with the literal
# prefilter and naively (every PCRE2-JIT pattern on every message) in the same run, on one
# core, and checks every checksum against the Hyperscan reference in ../shared/bench/RESULTS.md.
#
#   scripts/bench.sh            # 50 MB corpus for the prefilter, smaller prefixes for the naive loop
#   QUICK=1 scripts/bench.sh    # 5 MB / 500 KB corpora, about a minute
#   SEED=1 REPS=3 THREADS=1 scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench
seed=${SEED:-1}
reps=${REPS:-3}
threads=${THREADS:-1}
out=scripts/out/bench/seed$seed
mkdir -p "$out"

big=50; small=5; tiny=0.5
if [ -n "${QUICK:-}" ]; then big=5; small=0.5; tiny=0.5; fi
name() { case "$1" in 50) echo 50mb;; 5) echo 5mb;; 0.5) echo 500kb;; esac; }

for mb in $big $small $tiny; do
  corpus="$out/corpus_$(name "$mb").jsonl"
  [ -f "$corpus" ] || python3 "$bench/gen.py" corpus --mb "$mb" --seed "$seed" -o "$corpus" >&2
done
for n in 50 500 5000; do
  [ -f "$out/rules_$n.json" ] || python3 "$bench/gen.py" rules --n "$n" --seed "$seed" -o "$out/rules_$n.json" >&2
  python3 scripts/bench_convert.py "$out/rules_$n.json" "$out/rules_$n.rules"
done

swift build -c release --product TriageBench >&2
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d), seed $seed, threads $threads"
results="$out/results.txt"
: > "$results"
run() { # N corpus-mb mode
  .build/release/TriageBench "$out/rules_$1.rules" "$out/corpus_$(name "$2").jsonl" --mode "$3" --reps "$reps" --threads "$threads" \
    | sed "s/\$/ corpus=corpus_$(name "$2").jsonl/" | tee -a "$results"
}
# The naive loop is slow at large N: like the peers' plan, it runs on a corpus prefix.
run 50 $big prefilter;   run 50 $small naive
run 500 $big prefilter;  run 500 $tiny naive
run 5000 $big prefilter; run 5000 $tiny naive

python3 - "$results" "$bench/RESULTS.md" <<'PY'
import re, sys
results, reference = sys.argv[1], sys.argv[2]
refs = {}
for line in open(reference):
    m = re.match(r"\| (\d+) \| (corpus_\w+\.jsonl) \| \d+ \| \d+ \| (\d+) \|", line)
    if m:
        refs[(m.group(1), m.group(2))] = int(m.group(3))
ok = True
print(f"\n{'engine':14} {'N':>5} {'corpus':>20} {'compile s':>9} {'MB/s':>8} {'checksum':>9}  agrees with Hyperscan")
for line in open(results):
    f = dict(kv.split("=", 1) for kv in line.split()[1:])
    ref = refs.get((f["N"], f["corpus"]))
    agree = "n/a" if ref is None else ("ok" if ref == int(f["checksum"]) else f"NO (hyperscan {ref})")
    ok &= agree != "n/a" and agree == "ok" or ref is None
    print(f"{f['peer']:14} {f['N']:>5} {f['corpus']:>20} {float(f['compile_s']):9.3f} {float(f['mbps']):8.2f} {f['checksum']:>9}  {agree}")
sys.exit(0 if ok else 1)
PY
