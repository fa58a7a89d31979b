#!/usr/bin/env python3
"""Converts a ../shared/bench rules file (JSON: [{"id", "patterns": [...]}]) to the Triage
rule language: one rule per bench rule, its patterns joined with `or`, case-insensitive,
all pointing at one category so that a rule 'fires' exactly when a peer reports a match.

  bench_convert.py rules_500.json rules_500.rules
"""
import json
import sys


def main(source, target):
    rules = json.load(open(source))
    with open(target, "w") as out:
        out.write("# Generated from %s by scripts/bench_convert.py\n" % source.split("/")[-1])
        out.write('category bench "Benchmark match" { playbook bench }\n')
        out.write('category other "Other" { playbook bench }\n')
        out.write('playbook bench { step chat "Benchmark." }\n\n')
        for rule in rules:
            alternatives = " or ".join("/%s/i" % p.replace("/", "\\/") for p in rule["patterns"])
            out.write("rule %s -> bench { when %s }\n" % (rule["id"], alternatives))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
