#!/usr/bin/env python3
"""Scores the rule pack on the study part only, overall and in two folds.

A held-out estimate inside study (docs/accuracy.md): fold = MD5 of "fold:" + id, first 8
hex digits, modulo 2. Read misses from one fold and judge a change by the other; a change
is kept only when neither fold goes down. Check is never read here.

  scripts/study_folds.py                    # the rules in rules/
  scripts/study_folds.py --rules DIR -v     # another pack, with per-category scores
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import split  # noqa: E402


def fold(record_id):
    return int(hashlib.md5(("fold:" + str(record_id)).encode()).hexdigest()[:8], 16) % 2


def metrics(pairs):
    cats = sorted({e for e, _ in pairs} | {g for _, g in pairs})
    accuracy = sum(e == g for e, g in pairs) / len(pairs)
    per = {}
    for c in cats:
        tp = sum(e == c and g == c for e, g in pairs)
        fp = sum(e != c and g == c for e, g in pairs)
        fn = sum(e == c and g != c for e, g in pairs)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        per[c] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, tp + fn)
    supported = [c for c in cats if per[c][3]]
    return accuracy, sum(per[c][2] for c in supported) / len(supported), per


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", default=os.path.join(ROOT, "rules"))
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "triage"))
    parser.add_argument("-v", action="store_true", help="per-category scores on the whole study part")
    args = parser.parse_args()
    study_path, _ = split.write_split()
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        result = subprocess.run([args.binary, "test", study_path, "--no-progress", "--json", report.name,
                                 "--rules", args.rules], capture_output=True)
        if result.returncode not in (0, 2):
            sys.exit(f"triage test failed ({result.returncode}): {result.stderr.decode(errors='replace')[:2000]}")
        cases = json.load(open(report.name, encoding="utf-8"))["cases"]
    folds, every = {0: [], 1: []}, []
    for case in cases:
        if case.get("kind") != "corpus":
            continue  # the rules' own examples are not tweets
        pair = ((case.get("expected") or {}).get("category"), (case.get("got") or {}).get("category"))
        folds[fold(case["id"].rsplit("#", 1)[-1])].append(pair)
        every.append(pair)
    accuracy, macro, per = metrics(every)
    line = f"study {accuracy:.4f}/{macro:.4f}"
    for k in (0, 1):
        a, f, _ = metrics(folds[k])
        line += f"  fold{k} {a:.4f}/{f:.4f} (n={len(folds[k])})"
    print(line)
    if args.v:
        for c, (p, r, f1, n) in per.items():
            print(f"  {c:18} {p:.2f} {r:.2f} {f1:.2f} {n}")


if __name__ == "__main__":
    main()
