#!/usr/bin/env bash
# Validates every JSON output of the built `triage` against its JSON Schema (draft 2020-12) in
# docs/schemas/, with the `jsonschema` package from PyPI: `classify --format json` (plain text,
# transcripts, --explain, the fixtures' messages, repaired input), `batch` (JSONL, CSV and lines,
# --rule-ids, --full, error records), `test --json` (the fixtures, the golden cases with their
# input problems, a baseline run) and `lint --format json` (the shipped pack, a pack with
# errors). Creates the venv on first use (SCHEMA_VENV, default /tmp/venv-schema). TRIAGE=path
# uses that binary; else the release build when present, else the debug one (built if needed).
# Extra arguments are JSONL corpora (`text`, `label`) also run through `batch` and `test`.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${SCHEMA_VENV:-/tmp/venv-schema}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import jsonschema" 2>/dev/null; then
  echo "--- creating $venv with jsonschema"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q jsonschema
fi
if [ -z "${TRIAGE:-}" ]; then
  if [ -x .build/release/triage ]; then
    TRIAGE="$PWD/.build/release/triage"
  else
    swift build --product triage 2>&1 | tail -1
    TRIAGE="$PWD/.build/debug/triage"
  fi
fi
TRIAGE="$TRIAGE" "$venv/bin/python" - "$@" <<'PY'
import glob, json, os, subprocess, sys, tempfile
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

triage = os.environ["TRIAGE"]
schemas = {}
for path in sorted(glob.glob("docs/schemas/*.schema.json")):
    schema = json.load(open(path))
    Draft202012Validator.check_schema(schema)
    schemas[os.path.basename(path)] = schema
registry = Registry().with_resources(
    (name, Resource.from_contents(schema)) for name, schema in schemas.items())
validators = {name: Draft202012Validator(schema, registry=registry) for name, schema in schemas.items()}
counts = {name: 0 for name in schemas}
failures = []

def run(args, stdin=None, ok=(0,)):
    result = subprocess.run([triage] + args, input=stdin, capture_output=True)
    if result.returncode not in ok:
        sys.exit(f"triage {' '.join(args)} exited {result.returncode}: {result.stderr.decode(errors='replace')[:500]}")
    return result.stdout.decode()

def check(name, document, where):
    errors = sorted(validators[name].iter_errors(document), key=lambda e: list(e.path))
    for error in errors[:3]:
        failures.append(f"{where}: {'/'.join(map(str, error.path)) or '(top)'}: {error.message[:300]}")
    counts[name] += 1

def message(path):
    text = open(path, encoding="utf-8").read()
    return text.split("\n---\n", 1)[1] if "\n---\n" in text else text

work = tempfile.mkdtemp(prefix="triage-schemas-")
fixtures = sorted(glob.glob("fixtures/**/*.triage", recursive=True))
goldens = "Tests/TriageCLITests/Goldens"
corpora = sys.argv[1:]

# classify: one message per fixture category, a transcript, dates, --explain, repaired bytes.
classify = "triage.classification.schema.json"
seen = set()
for path in fixtures:
    category = os.path.basename(os.path.dirname(path))
    if category in seen: continue
    seen.add(category)
    text = message(path)
    for extra in ([], ["--explain"], ["--explain=all"]):
        check(classify, json.loads(run(["classify", "--format", "json", "--now", "2026-12-05", *extra, "--", text])), f"classify {extra} {path}")
for args in (["customer: My order 112-3456789-1234567 was due next friday and I was charged $25 twice, asap\nagent: let me check"],
             ["--rules", f"{goldens}/pack/small.rules", "--explain", "My parcel 112-3456789-1234567 is late and the box arrived cracked, asap"],
             ["hello there"], ["--compact", "where is my parcel, it's late"]):
    check(classify, json.loads(run(["classify", "--format", "json", "--now", "2026-12-05", *args])), f"classify {args}")
check(classify, json.loads(run(["classify", "--format", "json", "-"], stdin="my parcel is late caf\xe9".encode("latin-1"))), "classify (input_repaired)")

# batch: JSONL with pass-through fields and error records, CSV, lines; --rule-ids and --full.
batch = "triage.batch.schema.json"
jsonl = os.path.join(work, "records.jsonl")
with open(jsonl, "w") as out:
    for number, path in enumerate(fixtures):
        out.write(json.dumps({"id": str(number), "text": message(path), "label": os.path.basename(os.path.dirname(path))}) + "\n")
    out.write('{"id": "no-text", "body": "where is my order"}\n{"text": 42}\nnot json\n{"text": ""}\n')
csv_path = os.path.join(work, "records.csv")
with open(csv_path, "w") as out:
    out.write('id,text\n1,"my parcel is late, again"\n2,you charged me twice\n3,only,too,many\n')
lines_path = os.path.join(work, "records.txt")
with open(lines_path, "w") as out:
    out.write("my parcel is late\nthe box arrived cracked\n")
for inputs, extra in (([jsonl], []), ([jsonl], ["--rule-ids", "--full"]), ([csv_path, lines_path], ["--full"]), (corpora, ["--rule-ids"])):
    if not inputs: continue
    for number, line in enumerate(run(["batch", "--quiet", "--allow-errors", "--now", "2026-12-05", *extra, *inputs]).splitlines()):
        check(batch, json.loads(line), f"batch {extra} line {number + 1}")

# test --json: the fixtures, the golden cases (a broken fixture, a todo, a corpus), a baseline.
report = "triage.test-report.schema.json"
out_path = os.path.join(work, "report.json")
baseline = os.path.join(work, "baseline.json")
runs = [
    ["fixtures", "--rules", "rules"],
    [f"{goldens}/cases", "--rules", f"{goldens}/pack/small.rules", "--verbose"],
    [f"{goldens}/cases", "--rules", f"{goldens}/pack/small.rules", "--baseline", baseline, "--update-baseline"],
    [f"{goldens}/cases", "--rules", f"{goldens}/pack/small.rules", "--baseline", baseline, "--min-accuracy", "0.99"],
] + [[corpus, "--rules", "rules"] for corpus in corpora]
for args in runs:
    run(["test", "--no-progress", "--now", "2026-12-05", "--json", out_path, *args], ok=(0, 2))
    check(report, json.load(open(out_path)), f"test {args}")

# lint: the shipped pack, the golden findings (an error, warnings), a pack that does not parse.
lint = "triage.lint.schema.json"
broken = os.path.join(work, "broken.rules")
with open(broken, "w") as out:
    out.write('category other "Other" { playbook general }\nplaybook general { step chat "Hi." }\n'
              'import "missing.rules"\nrule slow -> nowhere { when /(a+)+$/ and nothing }\nrule r -> other { when words { x }\n')
for args in (["rules"], [f"{goldens}/pack/findings.rules"], [broken], []):
    check(lint, json.loads(run(["lint", "--format", "json", *args], ok=(0, 1))), f"lint {args}")

for name, count in counts.items():
    print(f"{name}: {count} document{'s' if count != 1 else ''} checked")
if failures:
    print(f"{len(failures)} schema violation{'s' if len(failures) != 1 else ''}:")
    for failure in failures[:40]:
        print("  " + failure)
    sys.exit(1)
if any(count == 0 for count in counts.values()):
    sys.exit("a schema had no document to check")
print("every output matches its schema")
PY
