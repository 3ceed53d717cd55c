//! Bulk scoring and rank uncertainty on a data set written by the peer benchmark's
//! `gen_data.py`: the same work as its `numpy_baseline.py`, through the library's public API.
//!
//! ```text
//! cargo run --release --example bulk -- DATADIR REPS [--sensitivity N]
//! ```
//!
//! Reads `DATADIR/framework.csv` (`code,parent,level,max_points`) and `DATADIR/scores.csv`
//! (`unit,<leaf codes…>`), builds the framework with its builder, loads every unit's points as
//! exact decimals into a `PointsTable`, scores and ranks the cohort, and, when REPS > 0, runs
//! REPS replications of the domain-weight uncertainty analysis (factors drawn from
//! U(0.75, 1.25)), and with `--sensitivity N` the variance-based sensitivity of the ranks
//! to the domains' weights on a Saltelli design of N base samples, the work of the peer's
//! `sensitivity_baseline.py`. Prints, with the baselines' keys:
//!
//! ```text
//! rust units=… leaves=… load_s=… score_rank_s=… top=… index=…
//! rust_ua units=… reps=… ua_s=… per_rep_ms=…
//! rust_sa units=… domains=… runs=… sa_s=… S1=… ST=…
//! ```
//!
//! `S1` and `ST` list one index a domain, in domain order, with 6 decimals.
//!
//! `top` is the unit with the highest exact index (the first such in file order), as numpy's
//! `argmax` picks it; `index` is its exact index rounded to 4 places.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

use par_index::{
    Framework, Rounding, RoundingPolicy,
    analysis::sensitivity::{RankSensitivity, SensitivityOptions},
    analysis::uncertainty::{RankUncertainty, UncertaintyOptions},
    bulk::PointsTable,
};
use rust_decimal::Decimal;

/// An input problem, naming the file and the line.
struct InputError {
    file: PathBuf,
    line: usize,
    message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

// `main` prints a returned error with `Debug`: make that the readable message.
impl std::fmt::Debug for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for InputError {}

fn at(file: &Path, line: usize, message: impl ToString) -> InputError {
    InputError {
        file: file.to_owned(),
        line,
        message: message.to_string(),
    }
}

/// Reads `framework.csv` and builds the framework; its total is the sum of the domains.
fn read_framework(path: &Path) -> Result<Framework, Box<dyn std::error::Error>> {
    let reader = BufReader::new(File::open(path).map_err(|e| at(path, 0, e))?);
    let mut builder = Framework::builder("gen-data", "PAR-shaped benchmark index");
    let mut total = Decimal::ZERO;
    for (number, line) in reader.lines().enumerate() {
        let line_no = number + 1;
        let line = line.map_err(|e| at(path, line_no, e))?;
        if number == 0 {
            if line.trim() != "code,parent,level,max_points" {
                return Err(at(path, 1, "expected the header code,parent,level,max_points").into());
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(',').collect();
        let [code, parent, level, max] = fields[..] else {
            return Err(at(
                path,
                line_no,
                format!("expected 4 fields, found {}", fields.len()),
            )
            .into());
        };
        let max: Decimal = max
            .trim()
            .parse()
            .map_err(|e| at(path, line_no, format!("max_points {max:?}: {e}")))?;
        builder = match level.trim() {
            "1" => {
                total += max;
                builder.domain(code.trim(), code.trim(), max)
            }
            "2" | "3" => builder.child(parent.trim(), code.trim(), code.trim(), max),
            other => return Err(at(path, line_no, format!("unknown level {other:?}")).into()),
        };
    }
    Ok(builder
        .total_points(total)
        .build()
        .map_err(|e| at(path, 0, e))?)
}

/// Reads `scores.csv` into a points table: a header of leaf codes, then one unit per line.
fn read_scores<'f>(
    framework: &'f Framework,
    path: &Path,
) -> Result<PointsTable<'f>, Box<dyn std::error::Error>> {
    let mut reader = BufReader::new(File::open(path).map_err(|e| at(path, 0, e))?);
    let mut line = String::new();
    reader.read_line(&mut line).map_err(|e| at(path, 1, e))?;
    let mut header = line.trim_end().split(',');
    if header.next() != Some("unit") {
        return Err(at(path, 1, "expected a header starting with unit").into());
    }
    let mut table = PointsTable::with_columns(framework, "bench".parse()?, header)
        .map_err(|e| at(path, 1, e))?;
    let mut points: Vec<Decimal> = Vec::new();
    let mut line_no = 1;
    loop {
        line.clear();
        line_no += 1;
        if reader
            .read_line(&mut line)
            .map_err(|e| at(path, line_no, e))?
            == 0
        {
            break;
        }
        let text = line.trim_end();
        if text.is_empty() {
            continue;
        }
        let mut fields = text.split(',');
        let unit = fields.next().unwrap_or_default();
        points.clear();
        for field in fields {
            let value = field
                .parse::<Decimal>()
                .map_err(|e| at(path, line_no, format!("unit {unit}: points {field:?}: {e}")))?;
            points.push(value);
        }
        table
            .push(unit, points.iter().copied())
            .map_err(|e| at(path, line_no, e))?;
    }
    Ok(table)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: bulk DATADIR REPS [--sensitivity N]";
    let (dir, reps, base_samples) = match &args[..] {
        [dir, reps] => (dir, reps, None),
        [dir, reps, flag, n] if flag == "--sensitivity" => (dir, reps, Some(n)),
        _ => return Err(usage.into()),
    };
    let dir = Path::new(dir);
    let reps: usize = reps.parse().map_err(|e| format!("REPS {reps:?}: {e}"))?;
    let base_samples: Option<usize> = base_samples
        .map(|n| n.parse().map_err(|e| format!("N {n:?}: {e}")))
        .transpose()?;

    let t0 = Instant::now();
    let framework = read_framework(&dir.join("framework.csv"))?;
    let table = read_scores(&framework, &dir.join("scores.csv"))?;
    let load_s = t0.elapsed().as_secs_f64();

    let t1 = Instant::now();
    let scores = table.score()?;
    let score_rank_s = t1.elapsed().as_secs_f64();

    let mut top = scores.unit(0).ok_or("no units in scores.csv")?;
    for unit in scores.units() {
        if unit.points() > top.points() {
            top = unit;
        }
    }
    let four = RoundingPolicy::new(4, Rounding::HalfAwayFromZero)?;
    println!(
        "rust units={} leaves={} load_s={load_s:.3} score_rank_s={score_rank_s:.6} top={} index={}",
        scores.len(),
        framework.leaves().count(),
        top.id(),
        four.publish(&top.index()),
    );

    if reps > 0 {
        let t3 = Instant::now();
        let analysis = RankUncertainty::from_scores(&scores);
        let report = analysis.run(&UncertaintyOptions::default().with_replications(reps))?;
        let ua_s = t3.elapsed().as_secs_f64();
        std::hint::black_box(&report);
        println!(
            "rust_ua units={} reps={reps} ua_s={ua_s:.4} per_rep_ms={:.4}",
            report.units().len(),
            ua_s / reps as f64 * 1000.0,
        );
    }

    if let Some(base_samples) = base_samples {
        let t4 = Instant::now();
        let analysis = RankSensitivity::from_scores(&scores);
        let report =
            analysis.run(&SensitivityOptions::default().with_base_samples(base_samples))?;
        let sa_s = t4.elapsed().as_secs_f64();
        let list = |pick: fn(&par_index::analysis::sensitivity::SobolIndices) -> f64| {
            report
                .factors()
                .iter()
                .map(|f| format!("{:.6}", pick(&f.indices)))
                .collect::<Vec<_>>()
                .join(",")
        };
        println!(
            "rust_sa units={} domains={} runs={} sa_s={sa_s:.4} S1={} ST={}",
            report.units().len(),
            report.factors().len(),
            report.runs(),
            list(|i| i.first_order),
            list(|i| i.total_order),
        );
    }
    Ok(())
}
