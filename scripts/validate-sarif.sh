#!/usr/bin/env bash
# Validates `triage lint --format sarif` output against an independent SARIF 2.1.0 object
# model (the sarif-pydantic package from PyPI; it rejects unknown levels, missing required
# objects and wrong types). Usage: scripts/validate-sarif.sh [RULES_PATH...]  (default: rules)
# TRIAGE=path/to/triage uses that binary instead of building the release one. Every target is
# checked twice: as written by default, and with --help-base-url (absolute helpUri links).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import sarif_pydantic" 2>/dev/null || pip install -q sarif-pydantic
if [ -z "${TRIAGE:-}" ]; then
  swift build -c release --product triage >/dev/null
  TRIAGE=.build/release/triage
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
broken=$(mktemp --suffix=.rules)
printf 'category other "Other" { playbook general }\nplaybook general { step chat "Hi." }\ndefine unused = words { Late late }\nrule r -> nowhere { when /Refund(ed)?/ }\n' > "$broken"
for target in "${@:-rules}" "$broken"; do
  for base in "" "https://github.com/OWNER/triage/blob/main/docs"; do
    "$TRIAGE" lint --format sarif ${base:+--help-base-url "$base"} "$target" > "$out" || true
    python3 - "$out" "$target" "$base" <<'PY'
import json, sys, urllib.parse, sarif_pydantic
raw = json.load(open(sys.argv[1]))
doc = sarif_pydantic.Sarif.model_validate(raw)
run = doc.runs[0]
base = sys.argv[3]
for rule in raw["runs"][0]["tool"]["driver"]["rules"]:
    assert rule["help"]["text"] == f"documented in docs/diagnostics.md#{rule['id']} in the Triage repository", rule
    if base:
        uri = urllib.parse.urlparse(rule["helpUri"])
        assert uri.scheme and uri.netloc and rule["helpUri"] == f"{base}/diagnostics.md#{rule['id']}", rule["helpUri"]
    else:
        assert "helpUri" not in rule, rule
print(f"{sys.argv[2]}{' with --help-base-url' if base else ''}: valid SARIF 2.1.0 ({len(run.results or [])} results, {len(run.tool.driver.rules or [])} rules)")
PY
  done
done
rm -f "$broken"
