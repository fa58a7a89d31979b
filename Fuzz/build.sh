#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ against the package's own modules, instrumented for
# coverage and AddressSanitizer. SwiftPM never builds this folder: the package's library
# targets are compiled once with -sanitize=fuzzer,address into a private scratch path, then
# each Fuzz/*.swift is linked with them by swiftc (-parse-as-library, libFuzzer's main).
#
#   Fuzz/build.sh [OUT]     # binaries in OUT (default /tmp/triage-fuzz/bin), one per target
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/triage-fuzz/bin}
scratch=${TRIAGE_FUZZ_SCRATCH:-/tmp/triage-fuzz/build}
mkdir -p "$out"

# Release: libFuzzer needs speed more than debug information. Only the libraries the targets
# use; SwiftPM still builds the rule-embedding plugin's tool with these flags, and only lld
# links that instrumented tool (gold stops with an internal error).
swift build -c release --scratch-path "$scratch" --target TriageReports -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >&2
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)
objects=()
for module in TriageSupport TriageSyntax TriagePCRE2 TriageEngine TriageEvaluation TriageLint TriageSuggest TriageReports; do
  objects+=("$bin/$module.build"/*.o)
done

for source in Fuzz/*.swift; do
  name=$(basename "$source" .swift)
  [ -z "${FUZZ_TARGETS:-}" ] || [[ " $FUZZ_TARGETS " == *" $name "* ]] || continue
  swiftc -O -sanitize=fuzzer,address -parse-as-library -swift-version 6 -use-ld=lld \
    -I "$bin/Modules" -I Sources/CPCRE2 \
    "$source" "${objects[@]}" -lpcre2-8 -o "$out/$name" >&2
  echo "$out/$name"
done
