#!/usr/bin/env bash
# Engine benchmark against Hyperscan, on the peer harness's generated rules and corpus
# (../shared/bench, deterministic from SEED). For N = 50, 500, 5000 rules it converts the
# bench rules to the Triage language (scripts/bench_convert.py) and runs, in the same run,
# on the same corpus file, alternating ROUNDS times: TriageBench (the real classifier, with
# the prefilter, one core) and Hyperscan's hs_peer (built here from ../shared/bench/hs_peer.c
# into scripts/out/). Each program reports the median of REPS passes; the table gives the
# triage/Hyperscan throughput ratio of each round (only same-run ratios mean anything on
# these shared machines) and checks triage's checksum against Hyperscan's of the same run.
#
#   scripts/bench.sh              # 50 MB corpus, ROUNDS=2 REPS=3 (Hyperscan compiles 5000 rules for ~40 s a round)
#   QUICK=1 scripts/bench.sh      # 5 MB corpus
#   NAIVE=1 scripts/bench.sh      # also triage's naive loop (every pattern on every message) on prefixes
#   SIZES="500 5000" ROUNDS=3 SEED=1 scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench
seed=${SEED:-1}
reps=${REPS:-3}
rounds=${ROUNDS:-2}
sizes=${SIZES:-"50 500 5000"}
out=scripts/out/bench/seed$seed
mkdir -p "$out"

big=50; small=5; tiny=0.5
if [ -n "${QUICK:-}" ]; then big=5; small=0.5; tiny=0.5; fi
name() { case "$1" in 50) echo 50mb;; 5) echo 5mb;; 0.5) echo 500kb;; esac; }

for mb in $big $small $tiny; do
  corpus="$out/corpus_$(name "$mb").jsonl"
  [ -f "$corpus" ] || python3 "$bench/gen.py" corpus --mb "$mb" --seed "$seed" -o "$corpus" >&2
done
for n in $sizes; do
  [ -f "$out/rules_$n.json" ] || python3 "$bench/gen.py" rules --n "$n" --seed "$seed" -o "$out/rules_$n.json" >&2
  python3 scripts/bench_convert.py "$out/rules_$n.json" "$out/rules_$n.rules"
done

hs=scripts/out/hs_peer
if [ ! -x "$hs" ] || [ "$bench/hs_peer.c" -nt "$hs" ]; then
  pkg-config --exists libhs || { echo "bench.sh: Hyperscan not installed (apt-get install libhyperscan-dev)" >&2; exit 2; }
  gcc -O2 -Wall -o "$hs" "$bench/hs_peer.c" -I"$bench" $(pkg-config --cflags --libs libhs)
fi
[ -n "${NO_BUILD:-}" ] || swift build -c release --product TriageBench >&2
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%dT%H:%MZ), seed $seed, one core, rounds $rounds, reps $reps"
results="$out/results.txt"
: > "$results"
corpus="$out/corpus_$(name "$big").jsonl"
for n in $sizes; do
  for round in $(seq "$rounds"); do
    taskset -c 0 .build/release/TriageBench "$out/rules_$n.rules" "$corpus" --mode prefilter --reps "$reps" \
      | sed "s/\$/ round=$round corpus=$(basename "$corpus")/" | tee -a "$results"
    REPS=$reps taskset -c 0 "$hs" "$out/rules_$n.json" "$corpus" | grep '^RESULT' \
      | sed "s/\$/ round=$round/; s/corpus=[^ ]*\//corpus=/" | tee -a "$results"
  done
  if [ -n "${NAIVE:-}" ]; then
    prefix=$([ "$n" = 50 ] && echo $small || echo $tiny)
    .build/release/TriageBench "$out/rules_$n.rules" "$out/corpus_$(name "$prefix").jsonl" --mode naive --reps "$reps" \
      | sed "s/\$/ round=1 corpus=corpus_$(name "$prefix").jsonl/" | tee -a "$results"
  fi
done

python3 - "$results" <<'PY'
import sys
rows = [dict(kv.split("=", 1) for kv in line.split()[1:]) for line in open(sys.argv[1]) if line.startswith("RESULT")]
ok = True
print(f"\n{'N':>5} {'round':>5} {'triage MB/s':>11} {'hyperscan MB/s':>14} {'ratio':>6} {'triage compile':>14} {'hs compile':>10}  checksum")
for n in sorted({r["N"] for r in rows}, key=int):
    ratios = []
    for rnd in sorted({r["round"] for r in rows if r["N"] == n}):
        t = [r for r in rows if r["N"] == n and r["round"] == rnd and r["peer"] == "triage"]
        h = [r for r in rows if r["N"] == n and r["round"] == rnd and r["peer"] == "hyperscan"]
        if not t or not h: continue
        t, h = t[0], h[0]
        ratio = float(t["mbps"]) / float(h["mbps"]); ratios.append(ratio)
        same = t["checksum"] == h["checksum"]; ok &= same
        print(f"{n:>5} {rnd:>5} {float(t['mbps']):11.2f} {float(h['mbps']):14.2f} {ratio:6.2f} {float(t['compile_s']):13.3f}s {float(h['compile_s']):9.2f}s  "
              + (f"equal ({t['checksum']})" if same else f"DIFFERENT triage {t['checksum']} hyperscan {h['checksum']}"))
    if ratios:
        print(f"{n:>5}   all  triage/hyperscan {min(ratios):.2f}-{max(ratios):.2f}x")
for r in rows:
    if r["peer"] == "triage-naive":
        print(f"naive {r['N']:>5} {r['corpus']}: {float(r['mbps']):.2f} MB/s checksum {r['checksum']}")
sys.exit(0 if ok else 1)
PY
