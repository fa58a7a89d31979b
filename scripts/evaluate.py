#!/usr/bin/env python3
"""Scores the rule pack on labelled messages: the dev tweets and/or the fixtures.

Runs `triage classify --format json` once per message (until `triage test` exists) and
prints accuracy, macro-F1 over the 11 categories, per-category precision/recall/F1 and the
misclassified messages.

  scripts/evaluate.py                      # dev tweets from ../shared/data
  scripts/evaluate.py --fixtures fixtures  # the fixtures
  scripts/evaluate.py --errors             # also list every miss
  scripts/evaluate.py --min-accuracy 0.85 --min-f1 0.80   # exit 1 below these
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

CATEGORIES = ["delivery.late", "delivery.missing", "delivery.carrier", "item.damaged", "item.wrong",
              "billing.charge", "billing.refund", "returns.request", "order.change", "account.access", "other"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_binary():
    for build in ("release", "debug"):
        path = os.path.join(ROOT, ".build", build, "triage")
        if os.path.exists(path):
            return path
    sys.exit("no triage binary: run 'swift build -c release' first")


def load_dev(path):
    cases = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                record = json.loads(line)
                cases.append({"name": f"{os.path.basename(path)}:{number}", "text": record["text"],
                              "label": record["label"], "secondary": record.get("secondary")})
    return cases


def load_fixtures(folder):
    cases = []
    for directory, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            if not name.endswith(".triage"):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as handle:
                content = handle.read()
            header, _, body = content.partition("\n---\n")
            fields = {}
            for line in header.splitlines():
                key, _, value = line.partition(":")
                fields[key.strip()] = value.strip()
            cases.append({"name": os.path.relpath(path, ROOT), "text": body, "label": fields.get("expect"),
                          "secondary": fields.get("secondary"), "todo": "todo" in fields})
    return cases


def classify(binary, rules, text):
    command = [binary, "classify", "--format", "json", "--compact"] + sum((["--rules", r] for r in rules), [])
    result = subprocess.run(command, input=text.encode(), capture_output=True)
    if result.returncode != 0:
        return {"error": result.stderr.decode(errors="replace").strip()}
    return json.loads(result.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "amazonhelp-dev.jsonl"))
    parser.add_argument("--fixtures", help="score the fixtures in this folder instead of the dev tweets")
    parser.add_argument("--rules", action="append", default=[], help="rules to use instead of the shipped pack")
    parser.add_argument("--binary", default=None)
    parser.add_argument("--errors", action="store_true", help="list every misclassified message")
    parser.add_argument("--min-accuracy", type=float)
    parser.add_argument("--min-f1", type=float)
    args = parser.parse_args()

    binary = args.binary or find_binary()
    cases = load_fixtures(args.fixtures) if args.fixtures else load_dev(args.data)
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda case: classify(binary, args.rules, case["text"]), cases))

    correct = 0
    counts = {c: {"tp": 0, "fp": 0, "fn": 0} for c in CATEGORIES}
    misses = []
    for case, result in zip(cases, results):
        got = result.get("category", {}).get("id", "error")
        expected = case["label"]
        if got == expected:
            correct += 1
            counts.setdefault(got, {"tp": 0, "fp": 0, "fn": 0})["tp"] += 1
        else:
            counts.setdefault(got, {"tp": 0, "fp": 0, "fn": 0})["fp"] += 1
            counts.setdefault(expected, {"tp": 0, "fp": 0, "fn": 0})["fn"] += 1
            rules = [e["rule"] for e in result.get("evidence", [])]
            misses.append((case["name"], expected, got, rules, case["text"].replace("\n", " ")[:160]))

    def f1(c):
        tp, fp, fn = counts[c]["tp"], counts[c]["fp"], counts[c]["fn"]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0), tp + fn

    accuracy = correct / len(cases)
    macro = sum(f1(c)[2] for c in CATEGORIES) / len(CATEGORIES)
    print(f"{'category':18} {'prec':>6} {'rec':>6} {'f1':>6} {'n':>4}")
    for c in CATEGORIES:
        p, r, f, n = f1(c)
        print(f"{c:18} {p:6.2f} {r:6.2f} {f:6.2f} {n:4d}")
    if args.errors:
        print()
        for name, expected, got, rules, text in misses:
            print(f"{name}: expected {expected}, got {got} {rules}\n    {text}")
    print(f"\ncases {len(cases)}  accuracy {accuracy:.3f}  macro-F1 {macro:.3f}  misses {len(misses)}")
    failed = (args.min_accuracy is not None and accuracy < args.min_accuracy) or (args.min_f1 is not None and macro < args.min_f1)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
