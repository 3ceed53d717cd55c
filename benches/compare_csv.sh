#!/usr/bin/env bash
# The CSV layer against pandas, side by side on this machine in one run, so the ratios hold on
# a noisy machine:
#
# 1. Reading the long form of 1,000 units x 80 leaves (80,000 rows, which benches/csv.rs
#    generates and leaves in target/bench-data/): the criterion benchmark's median against the
#    median of pandas.read_csv on the same file in one Python process, alternately, ROUNDS
#    times. The library reads, checks every value against the framework and builds the
#    assessments; pandas only parses the cells.
# 2. As whole processes: the score command ranking 20,000 units from a wide CSV (the sample
#    wards' rows of examples/data/hoi-an-wards-2020.csv repeated with new ids) and writing the
#    ranking as CSV, against a Python process that only reads the same file with
#    pandas.read_csv; alternately, RUNS times each, wall-clock medians.
#
#   benches/compare_csv.sh                # needs python3 with pandas
#   ROUNDS=5 RUNS=11 benches/compare_csv.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
RUNS=${RUNS:-7}
UNITS=${UNITS:-20000}
TARGET=${CARGO_TARGET_DIR:-target}
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT

python3 -c 'import pandas' || { echo "needs: pip install pandas" >&2; exit 1; }
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(python3 -c 'import pandas; print("pandas", pandas.__version__)'), $(rustc --version)"

cargo build --release --quiet --example score --features csv,html,serde
SCORE="$TARGET/release/examples/score"
ESTIMATES="$TARGET/criterion/long form, 1000 units x 80 leaves/read/new/estimates.json"
LONG="$TARGET/bench-data/long-1000x80.csv"

echo
echo "# 1. reading the long form in process: criterion median vs pandas.read_csv median"
for round in $(seq "$ROUNDS"); do
    cargo bench --quiet --features csv --bench csv -- 'long form.*/read' >/dev/null
    python3 - "$ESTIMATES" >>"$DATA/rust.txt" <<'EOF'
import json, sys
print(json.load(open(sys.argv[1]))["median"]["point_estimate"] / 1e9)
EOF
    python3 - "$LONG" >>"$DATA/pandas.txt" <<'EOF'
import statistics, sys, time
import pandas
times = []
for _ in range(21):
    start = time.perf_counter()
    pandas.read_csv(sys.argv[1])
    times.append(time.perf_counter() - start)
print(statistics.median(times))
EOF
    echo "round $round: library $(tail -1 "$DATA/rust.txt") s, pandas $(tail -1 "$DATA/pandas.txt") s"
done
python3 - "$DATA/rust.txt" "$DATA/pandas.txt" "$LONG" <<'EOF'
import os, statistics, sys
rust = [float(x) for x in open(sys.argv[1])]
pandas = [float(x) for x in open(sys.argv[2])]
size = os.path.getsize(sys.argv[3])
ratios = [p / r for r, p in zip(rust, pandas)]
print(f"long form ({size:,} bytes): library {statistics.median(rust) * 1e3:.1f} ms, "
      f"pandas.read_csv {statistics.median(pandas) * 1e3:.1f} ms; "
      f"pandas/library per round: {', '.join(f'{x:.2f}' for x in ratios)}")
EOF

echo
echo "# 2. whole processes: score ranks $UNITS units vs pandas.read_csv merely reads the file"
WIDE="$DATA/wide-$UNITS.csv"
python3 - examples/data/hoi-an-wards-2020.csv "$WIDE" "$UNITS" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
header, body = rows[0], rows[1:]
with open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for i in range(int(sys.argv[3])):
        row = list(body[i % len(body)])
        row[0] = f"{row[0]}-{i:05d}"
        row[1] = f"{row[1]} {i}"
        writer.writerow(row)
EOF
python3 - "$SCORE" "$WIDE" "$DATA/ranking.csv" "$RUNS" <<'EOF'
import statistics, subprocess, sys, time
score, wide, out, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
library = [score, "--framework", "vn-hoi-an-city-illustrative", "--assessments", wide,
           "--format", "csv", "--out", out]
peer = [sys.executable, "-c", f"import pandas; pandas.read_csv({wide!r})"]
def run(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start
run(library), run(peer)  # warm the page cache and both programs
pairs = [(run(library), run(peer)) for _ in range(runs)]
ours = statistics.median(a for a, _ in pairs)
theirs = statistics.median(b for _, b in pairs)
ratio = statistics.median(b / a for a, b in pairs)
units = sum(1 for _ in open(out, encoding="utf-8")) - 1
print(f"score ranks {units} units: {ours:.3f} s; pandas.read_csv reads the same file: "
      f"{theirs:.3f} s; pandas/score, median of {runs} pairs: {ratio:.2f}")
EOF
