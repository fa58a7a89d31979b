#!/usr/bin/env bash
# Checks that `triage batch` works as a stage of Spark: pipes a JSONL corpus through it with
# PySpark's RDD.pipe() in local mode and compares the records that come back with those of a
# plain `triage batch` run. See docs/batch.md.
#
# usage: scripts/spark-batch.sh [--install] [--triage PATH] [--partitions N] [--rules PATH] [CORPUS.jsonl]
#   CORPUS      default ../shared/data/amazonhelp-dev.jsonl, else a corpus built from fixtures/
#   --triage    an already built binary (default: swift build -c release)
#   --install   pip install pyspark when it is missing (it needs Java 17 or later)
# Without pyspark or java it says "skipped" and exits 0. Exit 1 when the records differ.
set -euo pipefail
cd "$(dirname "$0")/.."

install=0 triage="" partitions=4 corpus="" rules=()
while [ $# -gt 0 ]; do
  case "$1" in
    --install) install=1 ;;
    --triage) triage=$2; shift ;;
    --partitions) partitions=$2; shift ;;
    --rules) rules+=(--rules "$(realpath "$2")"); shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "spark-batch: unknown option '$1'" >&2; exit 64 ;;
    *) corpus=$1 ;;
  esac
  shift
done

python=${PYTHON:-python3}
if ! "$python" -c "import pyspark" 2>/dev/null; then
  if [ "$install" = 1 ]; then
    "$python" -m pip install --quiet pyspark
  else
    echo "spark-batch: skipped: pyspark is not installed (pip install pyspark, or rerun with --install)"
    exit 0
  fi
fi
if ! command -v java >/dev/null 2>&1; then
  echo "spark-batch: skipped: no 'java' on PATH (PySpark needs a JDK, version 17 or later)"
  exit 0
fi

if [ -z "$triage" ]; then
  swift build -c release >&2
  triage="$(swift build -c release --show-bin-path)/triage"
fi
triage=$(realpath "$triage")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -z "$corpus" ] && [ -f ../shared/data/amazonhelp-dev.jsonl ]; then
  corpus=../shared/data/amazonhelp-dev.jsonl
fi
if [ -z "$corpus" ]; then
  corpus=$work/fixtures.jsonl
  "$python" - "$corpus" <<'PY'
import json, os, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for root, _, files in sorted(os.walk("fixtures")):
        for name in sorted(files):
            if name.endswith(".triage"):
                header, _, body = open(os.path.join(root, name), encoding="utf-8").read().partition("\n---\n")
                out.write(json.dumps({"id": os.path.join(root, name), "text": body}) + "\n")
PY
fi
corpus=$(realpath "$corpus")

# The reference: one plain run over the whole file. 65 only means some records are error records.
status=0
"$triage" batch --quiet "${rules[@]}" "$corpus" > "$work/plain.jsonl" || status=$?
if [ "$status" != 0 ] && [ "$status" != 65 ]; then
  echo "spark-batch: FAILED: the plain 'triage batch' run exited $status" >&2
  exit 1
fi

"$python" - "$triage" "$corpus" "$work/plain.jsonl" "$partitions" "${rules[@]}" <<'PY'
import collections, json, shlex, sys
from pyspark.sql import SparkSession

triage, corpus, plain_path, partitions, rules = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5:]
# pipe() runs the command with an empty environment and splits it like a shell: absolute path,
# quoted. --allow-errors: a non-zero exit would fail the task (checkCode, and always in Scala).
# --jobs 1: Spark already runs one task per core.
command = shlex.join([triage, "batch", "--input", "jsonl", "--quiet", "--allow-errors", "--jobs", "1", *rules])

spark = (SparkSession.builder.master("local[2]").appName("triage-batch-check")
         .config("spark.ui.enabled", "false").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
lines = spark.sparkContext.textFile("file://" + corpus, minPartitions=partitions)
piped = lines.pipe(command, checkCode=True)
got = [json.loads(line) for line in piped.collect()]
frame = spark.read.json(piped)  # Spark infers the schema of the records
spark_counts = {row["category"]: row["count"] for row in frame.groupBy("category").count().collect()}
used_partitions = lines.getNumPartitions()
spark.stop()

plain = [json.loads(line) for line in open(plain_path, encoding="utf-8")]

def without_position(record):
    # `file` is "-" and `line` restarts in every partition under pipe(): compare the rest.
    return json.dumps({k: v for k, v in record.items() if k not in ("file", "line")}, sort_keys=True)

problems = []
if len(got) != len(plain):
    problems.append(f"{len(got)} records came back from Spark, the plain run wrote {len(plain)}")
in_order = [without_position(r) for r in got] == [without_position(r) for r in plain]
as_multiset = collections.Counter(map(without_position, got)) == collections.Counter(map(without_position, plain))
if not as_multiset:
    problems.append("the records differ (as a multiset)")
restarts = sum(1 for r in got if r["line"] == 1)
ids = [r.get("input", {}).get("id") for r in got]
if None not in ids and len(set(map(json.dumps, ids))) == len(ids):
    by_id = {json.dumps(r["input"]["id"]): r for r in plain}
    mismatched = [i for i, r in zip(ids, got) if without_position(by_id[json.dumps(i)]) != without_position(r)]
    if mismatched:
        problems.append(f"{len(mismatched)} records differ when joined on input.id, e.g. {mismatched[0]}")
    joined = "joined on input.id: all equal" if not mismatched else "joined on input.id: DIFFERENT"
else:
    joined = "no unique input.id to join on"
plain_counts = collections.Counter(r.get("category") for r in plain)
if dict(plain_counts) != spark_counts:
    problems.append(f"per-category counts from spark.read.json differ: {spark_counts} vs {dict(plain_counts)}")

print(f"spark-batch: {corpus}: {len(plain)} records, {used_partitions} partitions (line numbers restarted {restarts} times)")
print(f"  equal in order: {'yes' if in_order else 'no'}; equal as a multiset: {'yes' if as_multiset else 'no'}; {joined}")
print(f"  spark.read.json: {len(spark_counts)} categories, counts equal to the plain run: {'yes' if dict(plain_counts) == spark_counts else 'no'}")
for problem in problems:
    print(f"  FAILED: {problem}")
print("spark-batch: " + ("FAILED" if problems else "PASSED"))
sys.exit(1 if problems else 0)
PY
