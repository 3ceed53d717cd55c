//! What the library writes as CSV reads back equal, for random frameworks and assessments:
//! codes, names with diacritics in NFC and in NFD, names and notes with commas, quotes, line
//! breaks and leading characters a spreadsheet would run, padded evidence references,
//! adjustments, several periods of one unit.

#![cfg(feature = "csv")]

use par_index::csv::{
    AssessmentReader, FrameworkReader, WriteOptions, write_assessments, write_framework,
};
use par_index::{Assessment, Entry, Evidence, Framework, Rule, assessment::Adjustment};
use proptest::prelude::*;
use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

/// Vietnamese words, typed composed; each is also used decomposed.
const WORDS: [&str; 12] = [
    "Phường",
    "Cẩm",
    "Phô",
    "Hội",
    "An",
    "Xã",
    "Tân",
    "Hiệp",
    "thủ tục",
    "hành chính",
    "Sở",
    "Nội vụ",
];

/// Pieces of text that need care in a CSV cell or in a spreadsheet.
const AWKWARD: [&str; 12] = [
    ",", "\"", "\n", "\r\n", "=1+1", "+84", "-", "@SUM(A1)", "\t", "'", "'=x", "; ",
];

fn word() -> impl Strategy<Value = String> {
    (0..WORDS.len(), any::<bool>()).prop_map(|(i, decomposed)| {
        let word = WORDS[i];
        if decomposed {
            word.nfd().collect()
        } else {
            word.to_owned()
        }
    })
}

/// Free text: words and awkward pieces in any order, possibly padded, possibly empty.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => word(),
            2 => (0..AWKWARD.len()).prop_map(|i| AWKWARD[i].to_owned()),
            1 => Just(" ".to_owned()),
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

/// An evidence reference: any text without a line break, not blank.
fn reference() -> impl Strategy<Value = String> {
    text().prop_map(|t| format!("{}QĐ 1", t.replace(['\n', '\r'], " ")))
}

/// A unit id: letters, digits and dashes, or a Vietnamese name in either form.
fn unit_id() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z][a-z0-9-]{0,8}", word()]
}

fn points(max: i64) -> impl Strategy<Value = Decimal> {
    (0..=max * 100).prop_map(|cents| Decimal::new(cents, 2))
}

/// A framework of 1 to 3 domains of 1 to 4 leaves, each leaf with one of five rules.
fn framework() -> impl Strategy<Value = Framework> {
    (
        prop::collection::vec(
            prop::collection::vec((0..5usize, text(), any::<bool>()), 1..5),
            1..4,
        ),
        text(),
    )
        .prop_map(|(domains, title)| {
            let mut builder = Framework::builder("random", title);
            for (d, leaves) in domains.iter().enumerate() {
                let domain = format!("{}", d + 1);
                let total = Decimal::from(10 * leaves.len() as i64);
                builder = builder.domain(&domain, &format!("Lĩnh vực {domain}"), total);
                for (l, (rule, name, lettered)) in leaves.iter().enumerate() {
                    let code = if *lettered {
                        format!("{domain}.{}", char::from(b'a' + l as u8))
                    } else {
                        format!("{domain}.{}", l + 1)
                    };
                    let rule = match rule {
                        0 => Rule::yes_no(),
                        1 => Rule::proportional(),
                        2 => Rule::Direct,
                        3 => Rule::SurveyMean {
                            scale_min: Decimal::ONE,
                            scale_max: Decimal::from(5),
                        },
                        _ => Rule::Deduction {
                            per_violation: Decimal::new(5, 1),
                            floor: Decimal::ZERO,
                        },
                    };
                    builder = builder.child(&domain, &code, name, Decimal::TEN).rule(rule);
                }
            }
            builder.build().expect("a valid random framework")
        })
}

/// Evidence the leaf's rule takes, within range.
fn evidence(rule: &Rule) -> BoxedStrategy<Evidence> {
    match rule.kind() {
        "yes_no" => any::<bool>().prop_map(Evidence::Flag).boxed(),
        "proportional" => prop_oneof![
            (1u64..10_000, 0u64..=100)
                .prop_map(|(whole, part)| { Evidence::rate(whole * part / 100, whole) }),
            (0i64..=10_000).prop_map(|p| Evidence::Percent(Decimal::new(p, 2))),
        ]
        .boxed(),
        "survey_mean" => (100i64..=500)
            .prop_map(|m| Evidence::SurveyMean(Decimal::new(m, 2)))
            .boxed(),
        "deduction" => (0u64..30).prop_map(Evidence::Count).boxed(),
        _ => points(10).prop_map(Evidence::Points).boxed(),
    }
}

fn entry(framework: &Framework, leaf: usize) -> BoxedStrategy<Entry> {
    let node = framework.leaves().nth(leaf).expect("a leaf");
    let code = node.code().clone();
    let rule = node.rule().cloned().unwrap_or(Rule::Direct);
    (
        prop::option::of(evidence(&rule)),
        prop::option::of(points(10)),
        prop::option::of(points(10)),
        text(),
        prop::collection::vec(reference(), 0..3),
    )
        .prop_map(move |(evidence, self_assessed, appraised, note, refs)| {
            let mut entry = Entry::new(code.clone());
            entry.evidence = evidence;
            entry.self_assessed = self_assessed;
            entry.appraised = appraised;
            entry.note = note;
            entry.evidence_refs = refs;
            entry
        })
        .boxed()
}

fn assessments(framework: Framework) -> impl Strategy<Value = (Framework, Vec<Assessment>)> {
    let leaves = framework.leaves().count();
    let one = {
        let framework = framework.clone();
        (
            unit_id(),
            0..3usize,
            text(),
            prop::sample::subsequence((0..leaves).collect::<Vec<_>>(), 0..=leaves),
            prop::collection::vec((text(), -300i64..300, text()), 0..3),
        )
            .prop_flat_map(move |(unit, period, name, chosen, adjustments)| {
                let entries: Vec<BoxedStrategy<Entry>> =
                    chosen.iter().map(|leaf| entry(&framework, *leaf)).collect();
                let framework = framework.clone();
                entries.prop_map(move |entries| {
                    let period = ["2021", "2021-H1", "2022"][period].parse().unwrap();
                    let mut a = Assessment::new(framework.id(), unit.clone(), period);
                    a.unit_name = name.clone();
                    for entry in entries {
                        a.push(entry);
                    }
                    for (label, cents, reason) in &adjustments {
                        a.adjust(Adjustment {
                            label: label.clone(),
                            points: Decimal::new(*cents, 2),
                            reason: reason.clone(),
                        });
                    }
                    a
                })
            })
    };
    prop::collection::vec(one, 1..5).prop_map(move |mut list| {
        // One assessment per unit and period, as a file holds them.
        let mut seen = std::collections::HashSet::new();
        list.retain(|a| seen.insert((a.unit.clone(), a.period.clone())));
        (framework.clone(), list)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn assessments_read_back_equal((framework, written) in framework().prop_flat_map(assessments), excel in any::<bool>()) {
        let options = if excel { WriteOptions::excel() } else { WriteOptions::default() };
        let mut table = Vec::new();
        write_assessments(&mut table, &written, &options).unwrap();
        let read = AssessmentReader::new(&framework).read(&table[..]).unwrap();
        prop_assert_eq!(read, written);
    }

    #[test]
    fn frameworks_read_back_equal(framework in framework(), excel in any::<bool>()) {
        let options = if excel { WriteOptions::excel() } else { WriteOptions::default() };
        let mut table = Vec::new();
        write_framework(&mut table, &framework, &options).unwrap();
        let read = FrameworkReader::new(framework.info().clone())
            .total_points(framework.total_points())
            .read(&table[..])
            .unwrap();
        prop_assert_eq!(read, framework);
    }
}
