#!/usr/bin/env bash
# Validates `triage lint --format sarif` output against an independent SARIF 2.1.0 object
# model (the sarif-pydantic package from PyPI; it rejects unknown levels, missing required
# objects and wrong types). Usage: scripts/validate-sarif.sh [RULES_PATH...]  (default: rules)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import sarif_pydantic" 2>/dev/null || pip install -q sarif-pydantic
swift build -c release --product triage >/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT
broken=$(mktemp --suffix=.rules)
printf 'category other "Other" { playbook general }\nplaybook general { step chat "Hi." }\ndefine unused = words { Late late }\nrule r -> nowhere { when /Refund(ed)?/ }\n' > "$broken"
for target in "${@:-rules}" "$broken"; do
  .build/release/triage lint --format sarif "$target" > "$out" || true
  python3 - "$out" "$target" <<'PY'
import json, sys, sarif_pydantic
doc = sarif_pydantic.Sarif.model_validate(json.load(open(sys.argv[1])))
run = doc.runs[0]
print(f"{sys.argv[2]}: valid SARIF 2.1.0 ({len(run.results or [])} results, {len(run.tool.driver.rules or [])} rules)")
PY
done
rm -f "$broken"
