//! Replays inputs of the fuzz targets through the targets' own code (`fuzz/src/pipeline.rs`):
//! the seeds in tests/fixtures/fuzz (the JSON target's starting corpus) and any input a
//! fuzzer once found to fail, kept here so that it never fails again.
#![cfg(all(feature = "serde", feature = "csv", feature = "html"))]

#[path = "../fuzz/src/pipeline.rs"]
#[allow(dead_code)]
mod pipeline;

use pipeline::{DomainModel, LeafInput, LeafModel, Model};

#[test]
fn the_json_seeds_run_through_the_whole_pipeline() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        pipeline::json_pipeline(&std::fs::read(&path).unwrap());
        seen += 1;
    }
    assert!(seen >= 3, "{seen} seeds");
}

#[test]
fn degenerate_json_inputs_do_not_panic() {
    for input in [
        &b""[..],
        b"\0\0",
        b"\x04\0{}\0{}",
        b"{\"info\":{\"id\":\"x\",\"title\":\"t\"},\"nodes\":[]}\0\0",
        b"\x04\0{\"framework\":\"vn-hoi-an-city-illustrative\",\"unit\":\"u\",\"period\":\"2024\",\"entries\":[],\"adjustments\":[]}\0",
    ] {
        pipeline::json_pipeline(input);
    }
}

fn leaf(max_cents: u16, rule: u8, optional: bool) -> LeafModel {
    LeafModel {
        max_cents,
        rule,
        optional,
        weight: 2,
    }
}

#[test]
fn a_structured_cohort_keeps_its_invariants() {
    let model = Model {
        domains: vec![
            DomainModel {
                leaves: vec![leaf(399, 0, false), leaf(99, 1, true), leaf(299, 2, true)],
                weighted: false,
                rescale: true,
            },
            DomainModel {
                leaves: vec![leaf(0, 2, false), leaf(u16::MAX, 0, true)],
                weighted: true,
                rescale: false,
            },
            DomainModel {
                leaves: Vec::new(),
                weighted: false,
                rescale: false,
            },
        ],
        units: vec![
            vec![
                LeafInput {
                    kind: 0,
                    a: 150,
                    b: 0,
                },
                LeafInput {
                    kind: 1,
                    a: 1,
                    b: 0,
                },
                LeafInput {
                    kind: 2,
                    a: 7,
                    b: 9,
                },
            ],
            vec![
                LeafInput {
                    kind: 3,
                    a: 0,
                    b: 0,
                },
                LeafInput {
                    kind: 2,
                    a: u32::MAX,
                    b: u32::MAX,
                },
            ],
            vec![LeafInput {
                kind: 0,
                a: 0,
                b: 0,
            }],
            vec![LeafInput {
                kind: 0,
                a: 0,
                b: 0,
            }],
        ],
        tie: 2,
        places: 1,
        exact: false,
    };
    pipeline::structured(&model);
    for tie in 0..4 {
        pipeline::structured(&Model {
            tie,
            exact: tie % 2 == 0,
            ..model.clone()
        });
    }
}

#[test]
fn the_json_seed_reaches_scoring_and_attribution() {
    let seed = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/fuzz/seed-j"
    ))
    .unwrap();
    let parts: Vec<&[u8]> = seed.split(|b| *b == 0).collect();
    let framework: par_index::Framework = serde_json::from_slice(parts[0]).unwrap();
    let assessment: par_index::Assessment = serde_json::from_slice(parts[1]).unwrap();
    let assignments: par_index::accountability::Assignments =
        serde_json::from_slice(parts[2]).unwrap();
    let card = framework.score(&assessment).unwrap();
    assert_eq!(card.index(), rust_decimal::Decimal::from(90));
    let accountability =
        par_index::accountability::Accountability::new(&framework, assignments).unwrap();
    assert_eq!(accountability.attribute(&card).unwrap().len(), 2);
}
