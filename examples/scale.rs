//! How the cost of bulk scoring and of rank uncertainty grows with units, leaves and
//! replications, on PAR-shaped cohorts generated in the process (no file to read).
//!
//! ```text
//! cargo run --release --example scale -- UNITS LEAVES REPS
//! ```
//!
//! Builds a framework of 8 domains of 5 criteria with LEAVES sub-criteria spread evenly over
//! the criteria (the national shape has 97), maxima of 0.5 to 2.5 points, and UNITS units
//! whose points are drawn in hundredths from a seeded generator; loads them into a
//! `PointsTable`, scores and ranks them, and runs REPS replications of the uncertainty
//! analysis. Prints
//!
//! ```text
//! scale units=… leaves=… reps=… build_s=… score_rank_s=… ua_s=… threads=…
//! ```
//!
//! `benches/scale.sh` runs it at three sizes of each and reports the peak memory.

use std::time::Instant;

use par_index::{
    Decimal, Framework,
    analysis::uncertainty::{RankUncertainty, UncertaintyOptions},
    bulk::PointsTable,
};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse())
        .collect::<Result<_, _>>()?;
    let [units, leaves, reps] = args[..] else {
        return Err("usage: scale UNITS LEAVES REPS".into());
    };
    if leaves < 40 {
        return Err("LEAVES: at least one for each of the 40 criteria".into());
    }

    let t0 = Instant::now();
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut builder = Framework::builder("scale", "PAR-shaped index");
    let mut leaf_max = Vec::with_capacity(leaves);
    let mut total = 0i64;
    for d in 1..=8 {
        let mut criteria = Vec::new();
        for c in 1..=5 {
            // Criterion (d, c) is the k-th of 40; leaves spread as evenly as they go.
            let k = (d - 1) * 5 + (c - 1);
            let count = leaves / 40 + usize::from(k < leaves % 40);
            let maxima: Vec<i64> = (0..count)
                .map(|_| 50 * (1 + (rng.next_u64() % 5) as i64))
                .collect();
            criteria.push((c, maxima));
        }
        let d_max: i64 = criteria.iter().flat_map(|(_, m)| m).sum();
        total += d_max;
        builder = builder.domain(d.to_string(), "Lĩnh vực", Decimal::new(d_max, 2));
        for (c, maxima) in criteria {
            let c_code = format!("{d}.{c}");
            let c_max: i64 = maxima.iter().sum();
            builder = builder.child(d.to_string(), &c_code, "Tiêu chí", Decimal::new(c_max, 2));
            for (s, max) in maxima.iter().enumerate() {
                let code = format!("{c_code}.{}", s + 1);
                builder =
                    builder.child(&c_code, &code, "Tiêu chí thành phần", Decimal::new(*max, 2));
                leaf_max.push(*max);
            }
        }
    }
    let framework = builder.total_points(Decimal::new(total, 2)).build()?;
    let mut table = PointsTable::new(&framework, "2025".parse()?)?;
    table.reserve(units);
    let mut points = Vec::with_capacity(leaves);
    for u in 0..units {
        points.clear();
        points.extend(
            leaf_max
                .iter()
                .map(|max| Decimal::new((rng.next_u64() % (*max as u64 + 1)) as i64, 2)),
        );
        table.push(format!("U{u:07}"), points.iter().copied())?;
    }
    let build_s = t0.elapsed().as_secs_f64();

    let t1 = Instant::now();
    let scores = table.score()?;
    let score_rank_s = t1.elapsed().as_secs_f64();
    std::hint::black_box(scores.ranks());

    let t2 = Instant::now();
    let report = RankUncertainty::from_scores(&scores)
        .run(&UncertaintyOptions::default().with_replications(reps.max(1)))?;
    let ua_s = t2.elapsed().as_secs_f64();
    std::hint::black_box(&report);

    println!(
        "scale units={units} leaves={} reps={reps} build_s={build_s:.3} score_rank_s={score_rank_s:.6} ua_s={ua_s:.4} threads={}",
        leaf_max.len(),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
    );
    Ok(())
}
