//! CSV reading and writing at the size of a province's ward cohort: a long-form table of
//! 1,000 units × 80 leaves (80,000 rows), generated in-process from a fixed seed, and a
//! framework table of 20,000 nodes. Reading takes time linear in the table's size.
//!
//! ```text
//! cargo bench --features csv --bench csv
//! benches/compare_csv.sh     # the long-form read against pandas.read_csv, side by side
//! ```
//!
//! The long-form table is also written to `target/bench-data/long-1000x80.csv`, so that
//! `benches/compare_csv.sh` can give pandas the very same bytes.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use par_index::csv::{AssessmentReader, FrameworkReader, WriteOptions, write_assessments};
use par_index::framework::FrameworkInfo;
use par_index::{Assessment, Entry, Evidence, Framework, Rule};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rust_decimal::Decimal;

const UNITS: usize = 1_000;
const DOMAINS: usize = 8;
const LEAVES_PER_DOMAIN: usize = 10;

/// 8 domains of 10 leaves each, 10 points a leaf: rates, yes/no, percents and appraised points.
fn framework() -> Framework {
    let mut builder = Framework::builder("bench-80", "Chỉ số CCHC cấp xã (bench)");
    for d in 1..=DOMAINS {
        let domain = d.to_string();
        builder = builder.domain(
            &domain,
            &format!("Lĩnh vực {d}"),
            Decimal::from(10 * LEAVES_PER_DOMAIN),
        );
        for l in 1..=LEAVES_PER_DOMAIN {
            let rule = match l % 4 {
                0 => Rule::Direct,
                1 => Rule::yes_no(),
                _ => Rule::proportional(),
            };
            builder = builder
                .child(
                    &domain,
                    format!("{d}.{l}"),
                    &format!("Tiêu chí {d}.{l}"),
                    Decimal::TEN,
                )
                .rule(rule);
        }
    }
    builder.build().expect("the bench framework is valid")
}

fn assessments(framework: &Framework) -> Vec<Assessment> {
    let mut rng = ChaCha8Rng::seed_from_u64(80);
    let mut below = |n: u64| rng.next_u64() % n;
    (0..UNITS)
        .map(|u| {
            let mut a = Assessment::new(
                framework.id(),
                format!("xa-{u:04}"),
                "2025".parse().unwrap(),
            );
            a.unit_name = format!("Xã Cẩm Kim {u}");
            for (i, leaf) in framework.leaves().enumerate() {
                let mut entry = Entry::new(leaf.code().clone());
                entry = match leaf.rule().map_or("direct", Rule::kind) {
                    "yes_no" => entry.with_evidence(Evidence::Flag(below(2) == 0)),
                    "proportional" if i % 2 == 0 => {
                        let whole = 1 + below(9_000);
                        entry.with_evidence(Evidence::rate(below(whole + 1), whole))
                    }
                    "proportional" => entry
                        .with_evidence(Evidence::Percent(Decimal::new(below(10_001) as i64, 2))),
                    _ => entry.with_appraised(Decimal::new(below(1001) as i64, 2)),
                };
                if i % 10 == 0 {
                    entry = entry.with_note(format!("Báo cáo số {u}/BC-UBND, \"đúng hạn\""));
                }
                a.push(entry);
            }
            a
        })
        .collect()
}

/// Where the long-form table is left for the side-by-side script.
fn data_path() -> PathBuf {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    target.join("bench-data").join("long-1000x80.csv")
}

fn long_form(c: &mut Criterion) {
    let framework = framework();
    let assessments = assessments(&framework);
    let mut table = Vec::new();
    write_assessments(&mut table, &assessments, &WriteOptions::default()).unwrap();
    let path = data_path();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(&path, &table).unwrap();

    let reader = AssessmentReader::new(&framework);
    assert_eq!(reader.read(&table[..]).unwrap(), assessments);
    let mut group = c.benchmark_group("long form, 1000 units x 80 leaves");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    group.bench_function("read", |b| {
        b.iter(|| reader.read(black_box(&table[..])).unwrap())
    });
    group.bench_function("write", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(table.len());
            write_assessments(&mut out, black_box(&assessments), &WriteOptions::default()).unwrap();
            out
        })
    });
    group.finish();
}

/// A framework of 2,000 domains of 9 leaves each, as a CSV table.
fn framework_table(c: &mut Criterion) {
    let mut table = String::from("code,parent,max_points,rule\n");
    for d in 1..=2_000 {
        table.push_str(&format!("{d},,9,\n"));
        for l in 1..=9 {
            table.push_str(&format!("{d}.{l},{d},1,yes_no\n"));
        }
    }
    let info = FrameworkInfo {
        id: "wide".to_owned(),
        title: "Wide".to_owned(),
        ..FrameworkInfo::default()
    };
    let reader = FrameworkReader::new(info);
    assert_eq!(reader.read(table.as_bytes()).unwrap().len(), 20_000);
    let mut group = c.benchmark_group("framework table, 20000 nodes");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(4));
    group.bench_function("read", |b| {
        b.iter(|| reader.read(black_box(table.as_bytes())).unwrap())
    });
    group.finish();
}

criterion_group!(benches, long_form, framework_table);
criterion_main!(benches);
