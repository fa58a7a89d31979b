#!/usr/bin/env python3
"""Splits the real, labelled tweets once into a study part and a check part.

The rule: a record is in *check* when the first 8 hex digits of SHA-256 of its id (as
text), read as a number, modulo 100, are below 34; otherwise it is in *study* (about two
thirds). The split depends only on the id, so it never changes when files grow or are
reordered, and every tool (this script, `evaluate.py`, CI) uses the same one.

Rule authors read and tune on study only. Check is scored, never printed or read: it is
the estimate of how the pack does on messages nobody has seen.

  scripts/split.py                 # writes scripts/out/data/{study,check}.jsonl
  scripts/split.py --out DIR       # somewhere else

The texts are licensed (CC BY-NC-SA) and stay outside the repository: the output folder is
ignored by git.
"""
import argparse
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data")
SOURCES = ["amazonhelp-dev.jsonl", "amazonhelp-dev2.jsonl"]
CHECK_PERCENT = 34


def part(record_id):
    """'check' or 'study' for a record id."""
    digest = hashlib.sha256(str(record_id).encode("utf-8")).hexdigest()
    return "check" if int(digest[:8], 16) % 100 < CHECK_PERCENT else "study"


def split(data=DATA, out=os.path.join(ROOT, "scripts", "out", "data")):
    os.makedirs(out, exist_ok=True)
    counts = {"study": 0, "check": 0}
    handles = {name: open(os.path.join(out, f"{name}.jsonl"), "w", encoding="utf-8") for name in counts}
    seen = set()
    try:
        for source in SOURCES:
            path = os.path.join(data, source)
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    record = json.loads(line)
                    key = str(record["id"])
                    if key in seen:
                        sys.exit(f"{path}:{number}: duplicate id {key}")
                    seen.add(key)
                    name = part(key)
                    handles[name].write(json.dumps(record, ensure_ascii=False) + "\n")
                    counts[name] += 1
    finally:
        for handle in handles.values():
            handle.close()
    return out, counts


def write_split():
    """Writes the split to the default place; returns the study and check paths."""
    out, _ = split()
    return os.path.join(out, "study.jsonl"), os.path.join(out, "check.jsonl")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=DATA, help="folder with the labelled JSONL files")
    parser.add_argument("--out", default=os.path.join(ROOT, "scripts", "out", "data"))
    args = parser.parse_args()
    out, counts = split(args.data, args.out)
    print(f"study {counts['study']}  check {counts['check']}  -> {os.path.relpath(out)}")


if __name__ == "__main__":
    main()
