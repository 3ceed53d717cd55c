#!/usr/bin/env bash
# How the cost of bulk scoring and rank uncertainty grows with units, leaves and
# replications: the scale example (a PAR-shaped cohort generated in the process, release
# build) at three sizes of each, with the peak resident memory of each run.
#
#   benches/scale.sh                  # needs /usr/bin/time (apt-get install time)
#   RUNS=3 benches/scale.sh           # the median of 3 runs of each
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-1}
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
cargo build --release --example scale --quiet
SCALE=${CARGO_TARGET_DIR:-target}/release/examples/scale

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
run() {
    local units=$1 leaves=$2 reps=$3 out
    for _ in $(seq "$RUNS"); do
        out=$(/usr/bin/time -v "$SCALE" "$units" "$leaves" "$reps" 2>&1)
        echo "$(grep '^scale' <<<"$out") peak_kib=$(awk '/Maximum resident/ {print $6}' <<<"$out")"
    done | sort -t= -k7 -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}
echo "# units (97 leaves, 100 replications)"
for units in 10000 100000 1000000; do run "$units" 97 100; done
echo "# leaves (100,000 units, 100 replications)"
for leaves in 48 97 194; do run 100000 "$leaves" 100; done
echo "# replications (100,000 units, 97 leaves)"
for reps in 10 100 1000; do run 100000 97 "$reps"; done
