//! A PAR-shaped framework and cohort, generated deterministically: 8 domains of 5 criteria of
//! 2 or 3 sub-criteria, maxima of 0.5 to 2.5 points, points in hundredths (the shape of
//! `gen_data.py` in the peer benchmark, with its own seeded generator).

#![allow(dead_code)]

use par_index::{Framework, FrameworkBuilder, framework::Method};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rust_decimal::Decimal;

/// A draw in `0..bound`.
fn below(rng: &mut ChaCha8Rng, bound: u64) -> u64 {
    rng.next_u64() % bound
}

/// The framework, with domains 7 and 8 marked as the leader and citizen surveys, and each
/// leaf's maximum in hundredths, in framework order.
pub fn framework(seed: u64) -> (Framework, Vec<i64>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut builder: FrameworkBuilder = Framework::builder("par-shaped", "PAR-shaped index");
    let mut leaf_max = Vec::new();
    let mut total = 0i64;
    for d in 1..=8 {
        let mut criteria = Vec::new();
        for c in 1..=5 {
            let leaves: Vec<i64> = (0..2 + below(&mut rng, 2))
                .map(|_| 50 * (1 + below(&mut rng, 5) as i64))
                .collect();
            criteria.push((c, leaves));
        }
        let d_max: i64 = criteria.iter().flat_map(|(_, l)| l.iter()).sum();
        total += d_max;
        builder = builder.domain(d.to_string(), "Lĩnh vực", Decimal::new(d_max, 2));
        builder = match d {
            7 => builder.method(Method::LeaderSurvey),
            8 => builder.method(Method::CitizenSurvey),
            _ => builder,
        };
        for (c, leaves) in criteria {
            let c_code = format!("{d}.{c}");
            let c_max: i64 = leaves.iter().sum();
            builder = builder.child(d.to_string(), &c_code, "Tiêu chí", Decimal::new(c_max, 2));
            for (s, max) in leaves.iter().enumerate() {
                let code = format!("{c_code}.{}", s + 1);
                builder =
                    builder.child(&c_code, &code, "Tiêu chí thành phần", Decimal::new(*max, 2));
                leaf_max.push(*max);
            }
        }
    }
    let framework = builder
        .total_points(Decimal::new(total, 2))
        .build()
        .unwrap();
    (framework, leaf_max)
}

/// `units` rows of points in hundredths, each within its leaf's maximum.
pub fn rows(leaf_max: &[i64], units: usize, seed: u64) -> Rows {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..units)
        .map(|u| {
            let points = leaf_max
                .iter()
                .map(|max| Decimal::new(below(&mut rng, *max as u64 + 1) as i64, 2))
                .collect();
            (format!("U{u:06}"), points)
        })
        .collect()
}

/// Units' ids and leaf points, one row a unit.
pub type Rows = Vec<(String, Vec<Decimal>)>;

/// A data set written by the peer benchmark's `gen_data.py`: the framework from
/// `framework.csv` (`code,parent,level,max_points`; its total the sum of the domains) and
/// the rows of `scores.csv` (`unit,<leaf codes…>`), with its header's leaf codes.
pub fn bench_data(dir: &std::path::Path) -> (Framework, Vec<String>, Rows) {
    let text = std::fs::read_to_string(dir.join("framework.csv")).unwrap();
    let mut builder = Framework::builder("gen-data", "PAR-shaped benchmark index");
    let mut total = Decimal::ZERO;
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let [code, parent, level, max] = line.split(',').collect::<Vec<_>>()[..] else {
            panic!("framework.csv: {line}");
        };
        let max: Decimal = max.parse().unwrap();
        builder = if level == "1" {
            total += max;
            builder.domain(code, code, max)
        } else {
            builder.child(parent, code, code, max)
        };
    }
    let framework = builder.total_points(total).build().unwrap();
    let text = std::fs::read_to_string(dir.join("scores.csv")).unwrap();
    let mut lines = text.lines();
    let columns = lines
        .next()
        .unwrap()
        .split(',')
        .skip(1)
        .map(str::to_owned)
        .collect();
    let rows = lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut fields = line.split(',');
            let unit = fields.next().unwrap().to_owned();
            (unit, fields.map(|f| f.parse().unwrap()).collect())
        })
        .collect();
    (framework, columns, rows)
}
