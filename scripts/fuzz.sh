#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (Fuzz/build.sh) and runs each for SECONDS (default
# 60) with a corpus seeded from rules/ and fixtures/, the rule-language dictionary, and
# AddressSanitizer. Prints, per target, the executions run and the findings; a finding is
# saved under $TRIAGE_FUZZ_DIR/findings/TARGET/ (crash-*, timeout-*, oom-*, leak-*) and makes
# the script exit 1. Each finding becomes a unit test with the input (docs/reliability.md).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     # targets: ParseRules FormatRoundTrip ClassifyShippedRules ParseMessage ParseArguments RenderReports
#   TRIAGE_FUZZ_DIR=/tmp/triage-fuzz          # binaries, growing corpora and findings (kept between runs)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ParseRules FormatRoundTrip ClassifyShippedRules ParseMessage ParseArguments RenderReports)
work=${TRIAGE_FUZZ_DIR:-/tmp/triage-fuzz}
mkdir -p "$work"

TRIAGE_FUZZ_SCRATCH=${TRIAGE_FUZZ_SCRATCH:-$work/build} Fuzz/build.sh "$work/bin" >/dev/null

# Seeds: rule files (the shipped pack and the parser's golden inputs) for the rule targets;
# the messages of the fixtures (the text after '---') for the message targets.
seeds="$work/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/rules" "$seeds/messages" "$seeds/arguments"
# Argument lists, NUL-separated, as a shell would pass them.
printf '%s\0' --format json -r rules x > "$seeds/arguments/a"
printf '%s\0' -ef=text --limit=3 -- -x > "$seeds/arguments/b"
for file in rules/*.rules Tests/TriageSyntaxTests/Goldens/*.rules Tests/TriageEngineTests/Goldens/*.rules; do
  [ -f "$file" ] && cp "$file" "$seeds/rules/$(echo "$file" | tr / _)"
done
find fixtures -name '*.triage' -print0 | while IFS= read -r -d '' file; do
  sed '1,/^---$/d' "$file" > "$seeds/messages/$(echo "$file" | tr / _)"
done

status=0
printf '%-22s %12s %10s %8s  %s\n' target executions "exec/s" findings "saved in"
for target in "${targets[@]}"; do
  case "$target" in
    ParseRules|FormatRoundTrip) seed="$seeds/rules" dict=(-dict=Fuzz/rules.dict) ;;
    ClassifyShippedRules|ParseMessage|RenderReports) seed="$seeds/messages" dict=() ;;
    ParseArguments) seed="$seeds/arguments" dict=() ;;
    *) echo "fuzz: unknown target '$target'" >&2; exit 64 ;;
  esac
  corpus="$work/corpus/$target" findings="$work/findings/$target"
  mkdir -p "$corpus" "$findings"
  log="$work/$target.log"
  # -timeout: one input over 10 s is a hang (the per-message time budget is 2 s);
  # -rss_limit_mb: over 2 GB is a memory blow-up; both are findings. Leak detection is off:
  # Swift keeps enum case tags in the spare bits of pointers, so LeakSanitizer cannot see
  # the references that hold a compiled pack's conditions and reports them as leaked.
  ASAN_OPTIONS=detect_leaks=0 TRIAGE_FUZZ_RULES=rules "$work/bin/$target" "$corpus" "$seed" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -max_len=8192 -print_final_stats=1 \
    -artifact_prefix="$findings/" > "$log" 2>&1 || true
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || echo 0)
  rate=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || echo 0)
  found=$(find "$findings" -type f | wc -l)
  [ "$found" -eq 0 ] || status=1
  printf '%-22s %12s %10s %8s  %s\n' "$target" "$runs" "$rate" "$found" "$findings"
done
exit $status
