//! Benchmarks on a PAR-shaped index (8 domains, 40 criteria, ~100 sub-criteria, the shape of
//! the peer benchmark's `gen_data.py`), generated in-process from fixed seeds.
//!
//! ```text
//! cargo bench --bench scoring
//! ```

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use par_index::{
    Framework,
    analysis::sensitivity::{RankSensitivity, SensitivityOptions},
    analysis::uncertainty::{RankUncertainty, UncertaintyOptions},
    bulk::PointsTable,
};

fn table<'f>(framework: &'f Framework, leaf_max: &[i64], units: usize) -> PointsTable<'f> {
    let mut table = PointsTable::new(framework, "2025".parse().unwrap()).unwrap();
    for (unit, points) in common::rows(leaf_max, units, 11) {
        table.push(unit, points).unwrap();
    }
    table
}

fn framework(c: &mut Criterion) {
    let (framework, leaf_max) = common::framework(7);
    let spec = framework.to_spec();
    c.bench_function("validate a PAR-shaped framework", |b| {
        b.iter(|| Framework::from_spec(black_box(spec.clone())).unwrap())
    });
    let one = table(&framework, &leaf_max, 1);
    let assessment = one.assessment(0).unwrap();
    c.bench_function("score one unit (Framework::score)", |b| {
        b.iter(|| framework.score(black_box(&assessment)).unwrap())
    });
}

fn bulk(c: &mut Criterion) {
    let (framework, leaf_max) = common::framework(7);
    let mut group = c.benchmark_group("score and rank (bulk)");
    group.measurement_time(Duration::from_secs(3));
    for units in [63, 3_321, 10_000] {
        let table = table(&framework, &leaf_max, units);
        group.bench_with_input(BenchmarkId::from_parameter(units), &table, |b, table| {
            b.iter(|| table.score().unwrap())
        });
    }
    group.finish();

    let rows = common::rows(&leaf_max, 10_000, 11);
    let mut group = c.benchmark_group("load points (bulk)");
    group.sample_size(20);
    group.bench_function("10000", |b| {
        b.iter(|| {
            let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
            for (unit, points) in &rows {
                table.push(unit.as_str(), points.iter().copied()).unwrap();
            }
            table
        })
    });
    group.finish();
}

fn uncertainty(c: &mut Criterion) {
    let (framework, leaf_max) = common::framework(7);
    let options = UncertaintyOptions::default().with_replications(1000);
    let mut group = c.benchmark_group("uncertainty, 1000 replications");
    group.sample_size(10);
    for units in [63, 3_321, 10_000] {
        let table = table(&framework, &leaf_max, units);
        let scores = table.score().unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(units), &scores, |b, scores| {
            b.iter(|| {
                RankUncertainty::from_scores(black_box(scores))
                    .run(&options)
                    .unwrap()
            })
        });
    }
    group.finish();
}

fn sensitivity(c: &mut Criterion) {
    let (framework, leaf_max) = common::framework(7);
    // N = 1,024 and 8 domains: 10,240 runs, the peer benchmark's design.
    let options = SensitivityOptions::default().with_base_samples(1024);
    let mut group = c.benchmark_group("sensitivity, N = 1024");
    group.sample_size(10);
    for units in [63, 10_000] {
        let table = table(&framework, &leaf_max, units);
        let scores = table.score().unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(units), &scores, |b, scores| {
            b.iter(|| {
                RankSensitivity::from_scores(black_box(scores))
                    .run(&options)
                    .unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, framework, bulk, uncertainty, sensitivity);
criterion_main!(benches);
