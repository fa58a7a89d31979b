#!/usr/bin/env python3
"""Scores the rule pack on the real tweets, study and check side by side.

Splits ../shared/data once (scripts/split.py: a hash of the tweet id), runs `triage test`
on both parts and prints accuracy, macro-F1 and per-category precision/recall/F1 for each,
with the study − check difference: how much the pack is fitted to the tweets it was tuned on.

The check part is scored only: its texts are never printed. `--errors` lists the study
misses (the tweets rule authors may read).

  scripts/evaluate.py                                  # study and check, shipped rules
  scripts/evaluate.py --rules my-rules                 # another pack
  scripts/evaluate.py --errors --category billing.charge   # study misses of one category
  scripts/evaluate.py --min-accuracy 0.85 --min-f1 0.80    # exit 1 when check is below
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import split  # noqa: E402


def find_binary():
    for build in ("release", "debug"):
        path = os.path.join(ROOT, ".build", build, "triage")
        if os.path.exists(path):
            return path
    sys.exit("no triage binary: run 'swift build -c release' first")


def run_test(binary, rules, corpus):
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        command = [binary, "test", corpus, "--no-progress", "--json", report.name]
        for path in rules:
            command += ["--rules", path]
        result = subprocess.run(command, capture_output=True)
        if result.returncode not in (0, 2):
            sys.exit(f"triage test failed ({result.returncode}): {result.stderr.decode(errors='replace')[:2000]}")
        with open(report.name, encoding="utf-8") as handle:
            return json.load(handle)


def per_category(report):
    return {entry["category"]: entry for entry in report["metrics"]["categories"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", action="append", default=[], help="rules to use instead of the shipped pack")
    parser.add_argument("--binary", default=None)
    parser.add_argument("--errors", action="store_true", help="list the study misses (never the check ones)")
    parser.add_argument("--category", help="with --errors: only misses whose expected or predicted category is this")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    parser.add_argument("--min-accuracy", type=float, help="exit 1 when check accuracy is below")
    parser.add_argument("--min-f1", type=float, help="exit 1 when check macro-F1 is below")
    args = parser.parse_args()

    binary = args.binary or find_binary()
    study_path, check_path = split.write_split()
    study = run_test(binary, args.rules, study_path)
    check = run_test(binary, args.rules, check_path)

    if args.json:
        summary = {}
        for name, report in (("study", study), ("check", check)):
            metrics = report["metrics"]
            summary[name] = {"cases": report["summary"]["corpus_records"], "accuracy": metrics["accuracy"],
                             "macro_f1": metrics["macro_f1"],
                             "categories": {c: {k: entry[k] for k in ("precision", "recall", "f1", "support")}
                                            for c, entry in per_category(report).items()}}
        print(json.dumps(summary, indent=2))
    else:
        s_cat, c_cat = per_category(study), per_category(check)
        print(f"{'':18} {'study':^22}   {'check':^22}")
        print(f"{'category':18} {'prec':>6} {'rec':>6} {'f1':>6} {'n':>4}   {'prec':>6} {'rec':>6} {'f1':>6} {'n':>4}   {'Δf1':>6}")
        for category in sorted(set(s_cat) | set(c_cat)):
            s, c = s_cat.get(category), c_cat.get(category)
            def cells(entry):
                if entry is None:
                    return f"{'':>6} {'':>6} {'':>6} {'':>4}"
                return f"{entry['precision']:6.2f} {entry['recall']:6.2f} {entry['f1']:6.2f} {entry['support']:4d}"
            delta = f"{s['f1'] - c['f1']:+6.2f}" if s and c else ""
            print(f"{category:18} {cells(s)}   {cells(c)}   {delta}")
        for name, report in (("study", study), ("check", check)):
            m = report["metrics"]
            print(f"{name:6} cases {report['summary']['corpus_records']:4d}  accuracy {m['accuracy']:.3f}  macro-F1 {m['macro_f1']:.3f}")
        print(f"gap    accuracy {study['metrics']['accuracy'] - check['metrics']['accuracy']:+.3f}  "
              f"macro-F1 {study['metrics']['macro_f1'] - check['metrics']['macro_f1']:+.3f}")

    if args.errors:
        texts = {}
        with open(study_path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                texts[str(record["id"])] = record["text"]
        print()
        for case in study["cases"]:
            if case.get("kind") != "corpus":
                continue
            if case.get("status") == "passed":
                continue
            expected = (case.get("expected") or {}).get("category")
            got = (case.get("got") or {}).get("category")
            if args.category and args.category not in (expected, got):
                continue
            key = case["id"].rsplit("#", 1)[-1]
            text = texts.get(key, "").replace("\n", " ")
            rules = ",".join(e["rule"] for e in case.get("evidence", []))
            print(f"{key}: expected {expected}, got {got} [{rules}]\n    {text[:240]}")

    check_metrics = check["metrics"]
    failed = (args.min_accuracy is not None and check_metrics["accuracy"] < args.min_accuracy) or \
             (args.min_f1 is not None and check_metrics["macro_f1"] < args.min_f1)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
