#!/usr/bin/env bash
# Side-by-side comparison with the peer benchmarks, on this machine, in one run: generates the
# PAR-shaped data sets with gen_data.py (63, 3,321 and 10,000 units), runs numpy_baseline.py
# and sensitivity_baseline.py (SALib) and the bulk example (release) on each, alternately,
# ROUNDS times, prints the medians and the ratios, then the peak RSS of both at 10,000 units.
#
#   benches/compare.sh                 # needs python3 with numpy, pandas and SALib
#   ROUNDS=5 REPS=1000 SA_N=1024 benches/compare.sh
#   SA_N=0 benches/compare.sh          # without the sensitivity analysis
#   BENCH_DIR=/path/to/shared/bench benches/compare.sh
#
# Criterion benchmarks are separate: cargo bench --bench scoring
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-../shared/bench}
ROUNDS=${ROUNDS:-3}
REPS=${REPS:-1000}
SA_N=${SA_N:-1024}
SIZES=${SIZES:-"63 3321 10000"}
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT

for f in gen_data.py numpy_baseline.py sensitivity_baseline.py; do
    [[ -f "$BENCH_DIR/$f" ]] || { echo "missing $BENCH_DIR/$f (set BENCH_DIR)" >&2; exit 1; }
done
python3 -c 'import numpy, pandas' || { echo "needs: pip install numpy pandas" >&2; exit 1; }
if [[ "$SA_N" != 0 ]]; then
    python3 -c 'import SALib' || { echo "needs: pip install SALib (or SA_N=0)" >&2; exit 1; }
fi
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

cargo build --release --example bulk --quiet
BULK=${CARGO_TARGET_DIR:-target}/release/examples/bulk

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(python3 -c 'import numpy, pandas; print("numpy", numpy.__version__, "pandas", pandas.__version__)'), $(rustc --version)"
[[ "$SA_N" != 0 ]] && echo "# $(python3 -c 'from importlib.metadata import version; print("SALib", version("SALib"))')"
for n in $SIZES; do
    python3 "$BENCH_DIR/gen_data.py" "$n" "$DATA/$n"
done

LOG="$DATA/log"
for round in $(seq "$ROUNDS"); do
    for n in $SIZES; do
        python3 "$BENCH_DIR/numpy_baseline.py" "$DATA/$n" "$REPS" | tee -a "$LOG"
        "$BULK" "$DATA/$n" "$REPS" | tee -a "$LOG"
        if [[ "$SA_N" != 0 ]]; then
            python3 "$BENCH_DIR/sensitivity_baseline.py" "$DATA/$n" "$SA_N" | tee -a "$LOG"
            "$BULK" "$DATA/$n" 0 --sensitivity "$SA_N" | grep '^rust_sa' | tee -a "$LOG"
        fi
    done
done

echo
echo "# medians over $ROUNDS rounds"
python3 - "$LOG" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    tool, *pairs = line.split()
    kv = dict(p.split("=", 1) for p in pairs)
    rows.setdefault((tool, kv["units"]), []).append(kv)
def med(tool, units, key):
    return statistics.median(float(r[key]) for r in rows[(tool, units)])
units = sorted({u for _, u in rows}, key=int)
print(f"{'units':>6} {'numpy score_rank_s':>19} {'rust score_rank_s':>18} {'ratio':>6}"
      f" {'numpy ua_s':>11} {'rust ua_s':>10} {'ratio':>6}  same top/index")
for u in units:
    ns, rs = med("numpy", u, "score_rank_s"), med("rust", u, "score_rank_s")
    nu, ru = med("numpy_ua", u, "ua_s"), med("rust_ua", u, "ua_s")
    same = all(
        (a["top"], a["index"]) == (b["top"], b["index"])
        for a, b in zip(rows[("numpy", u)], rows[("rust", u)])
    )
    print(f"{u:>6} {ns:>19.4f} {rs:>18.6f} {ns / rs:>5.0f}x {nu:>11.3f} {ru:>10.4f} {nu / ru:>5.0f}x  {same}")
per_cell = {u: med("rust", u, "score_rank_s") / (int(u) * 97) * 1e9 for u in units}
print("rust score_rank per unit x leaf (ns):", ", ".join(f"{u}: {v:.2f}" for u, v in per_cell.items()))
if any(tool == "salib" for tool, _ in rows):
    print()
    print(f"{'units':>6} {'runs':>6} {'SALib sa_s':>11} {'rust sa_s':>10} {'ratio':>6}")
    for u in units:
        if ("salib", u) not in rows:
            continue
        ns, rs = med("salib", u, "sa_s"), med("rust_sa", u, "sa_s")
        runs = rows[("salib", u)][0]["runs"]
        print(f"{u:>6} {runs:>6} {ns:>11.3f} {rs:>10.4f} {ns / rs:>5.0f}x")
    for u in units:
        if ("salib", u) in rows:
            print(f"S1 at {u}: SALib {rows[('salib', u)][0]['S1']}, rust {rows[('rust_sa', u)][0]['S1']}")
            print(f"ST at {u}: SALib {rows[('salib', u)][0]['ST']}, rust {rows[('rust_sa', u)][0]['ST']}")
EOF

n=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
csv_bytes=$(stat -c %s "$DATA/$n/scores.csv")
cells=$(( $(wc -l < "$DATA/$n/scores.csv") - 1 ))
leaves=$(head -1 "$DATA/$n/scores.csv" | tr ',' '\n' | tail -n +2 | wc -l)
echo
echo "# peak RSS at $n units ($cells units x $leaves leaves; scores.csv $csv_bytes bytes; 8 bytes x cells = $(( cells * leaves * 8 )) bytes)"
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}'; }
echo "rust  (load + score + rank): $(rss "$BULK" "$DATA/$n" 0) KiB"
echo "rust  (63 units, same binary): $(rss "$BULK" "$DATA/63" 0) KiB"
echo "numpy (load + score + rank): $(rss python3 "$BENCH_DIR/numpy_baseline.py" "$DATA/$n" 0) KiB"
