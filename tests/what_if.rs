//! What-if re-scoring of one unit on the built-in Hội An illustrative framework, checked by
//! hand and against ranking the whole cohort again.

use par_index::{
    Assessment, Cohort, Entry, Evidence, Framework, GradeBand, GradeScale, Ranking, RankingOptions,
    Rounding, RoundingPolicy, Scorecard,
    analysis::what_if::{LeafChange, NewInput, WhatIf},
    builtin,
    ranking::{TieBreaker, TieMethod, ValueBasis},
};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn e(text: &str) -> par_index::Exact {
    text.parse().unwrap()
}

fn framework() -> Framework {
    builtin::get("vn-hoi-an-city-illustrative").unwrap()
}

/// An office: the entries given, every other leaf appraised at its maximum.
fn office(framework: &Framework, unit: &str, name: &str, given: Vec<Entry>) -> Assessment {
    let mut assessment = Assessment::new(framework.id(), unit, "2021-H1".parse().unwrap());
    assessment.unit_name = name.to_owned();
    for leaf in framework.leaves() {
        let entry = given
            .iter()
            .find(|e| &e.code == leaf.code())
            .cloned()
            .unwrap_or_else(|| Entry::new(leaf.code().clone()).with_appraised(leaf.max_points()));
        assessment.push(entry);
    }
    assessment
}

fn evidence(code: &str, evidence: Evidence) -> Entry {
    Entry::new(code.parse().unwrap()).with_evidence(evidence)
}

/// Hội An's public administration centre at 64.04% on time (5,147 of 8,037) and three
/// offices with illustrative results: 89, 95, 90 and 85 points.
fn offices(framework: &Framework) -> Vec<Assessment> {
    vec![
        office(
            framework,
            "TTHCC",
            "Trung tâm Hành chính công",
            vec![
                evidence("3.1", Evidence::rate(5_147, 8_037)),
                evidence("3.5", Evidence::Percent(d("35"))),
            ],
        ),
        office(
            framework,
            "PTP",
            "Phòng Tư pháp",
            vec![
                evidence("3.1", Evidence::rate(161, 164)),
                evidence("2.3", Evidence::Flag(false)),
            ],
        ),
        office(
            framework,
            "PQLDT",
            "Phòng Quản lý đô thị",
            vec![
                evidence("3.1", Evidence::rate(1_102, 1_241)),
                evidence("5.2", Evidence::Count(2)),
            ],
        ),
        office(
            framework,
            "PTNMT",
            "Phòng Tài nguyên và Môi trường",
            vec![
                evidence("3.1", Evidence::rate(1_490, 1_876)),
                evidence("5.1", Evidence::Flag(false)),
                evidence("6.2", Evidence::Flag(false)),
                evidence("1.4", Evidence::Count(2)),
            ],
        ),
    ]
}

fn score_all(framework: &Framework, assessments: &[Assessment]) -> Vec<Scorecard> {
    assessments
        .iter()
        .map(|a| {
            framework
                .score_with(a, &par_index::ScoringOptions::lenient())
                .unwrap()
        })
        .collect()
}

fn rank(cards: &[Scorecard], options: &RankingOptions) -> Ranking {
    Cohort::new(&framework(), cards.iter().cloned())
        .unwrap()
        .rank_with(options)
        .unwrap()
}

fn at_90() -> LeafChange {
    LeafChange::evidence("3.1".parse().unwrap(), Evidence::Percent(d("90")))
}

#[test]
fn the_centre_at_90_percent_on_time_checked_by_hand() {
    let framework = framework();
    let offices = offices(&framework);
    let cards = score_all(&framework, &offices);
    let ranking = rank(&cards, &RankingOptions::national());

    let what_if = WhatIf::run(&ranking, &offices[0].unit, &[at_90()]).unwrap();
    // Before: 100 − 8 (3.1 below 90%) − 3 (3.5 at 35% online: 1 of 4) = 89; rank 3 behind
    // PTP 95 and PQLDT 90; group B. At 90% leaf 3.1 earns 2 of 8: 91, rank 2, group A.
    assert_eq!(
        what_if.to_string(),
        "Trung tâm Hành chính công: index 89.00 → 91.00, rank 3 → 2, grade B → A"
    );
    assert_eq!(
        (what_if.before.index.exact(), what_if.after.index.exact()),
        (&e("89"), &e("91"))
    );
    assert_eq!(
        (
            what_if.before.index.published().to_string(),
            what_if.after.index.published().to_string()
        ),
        ("89.00".to_owned(), "91.00".to_owned())
    );
    assert_eq!(what_if.published_change().unwrap().to_string(), "2.00");
    assert_eq!(what_if.unit, "TTHCC");
    assert_eq!(what_if.leaves.len(), 1);
    assert_eq!(what_if.leaves[0].code.as_str(), "3.1");
    assert_eq!(
        (
            what_if.leaves[0].before.clone(),
            what_if.leaves[0].after.clone()
        ),
        (Some(e("0")), Some(e("2")))
    );
    // Domain 3 (25 points): 14 → 16 points, 56% → 64%; the others unchanged.
    let d3 = what_if.domain("3").unwrap();
    assert_eq!(
        (
            d3.points_before.clone(),
            d3.points_after.clone(),
            d3.change.clone()
        ),
        (Some(e("14")), Some(e("16")), Some(e("2")))
    );
    assert_eq!(
        (d3.percent_before.clone(), d3.percent_after.clone()),
        (Some(e("56")), Some(e("64")))
    );
    assert_eq!(what_if.domains.len(), 8);
    assert!(
        what_if
            .domains
            .iter()
            .filter(|d| d.code.as_str() != "3")
            .all(|d| d.change == Some(par_index::Exact::ZERO))
    );
    assert_eq!(what_if.scorecard.index(), d("91"));
}

#[test]
fn the_new_rank_is_the_rank_of_the_cohort_ranked_again() {
    let framework = framework();
    let offices = offices(&framework);
    let cards = score_all(&framework, &offices);
    let scale = GradeScale::new(
        "local",
        [
            GradeBand::new("Tốt", d("90.005")),
            GradeBand::new("Khá", d("75")),
        ],
    )
    .unwrap();
    let options = [
        RankingOptions::national(),
        RankingOptions::default().with_tie_method(TieMethod::Dense),
        RankingOptions::default().with_tie_method(TieMethod::Fractional),
        RankingOptions::default().with_tie_method(TieMethod::ordinal([])),
        RankingOptions::default()
            .with_tie_method(TieMethod::ordinal([TieBreaker::NodePoints(
                "3".parse().unwrap(),
            )]))
            .with_basis(ValueBasis::Exact),
        RankingOptions::default().with_tie_method(TieMethod::ordinal([TieBreaker::NodePercent(
            "5".parse().unwrap(),
        )])),
        // A leaf below the domains: the ranking reads it from the cohort's scorecards.
        RankingOptions::default().with_tie_method(TieMethod::ordinal([TieBreaker::NodePoints(
            "3.1".parse().unwrap(),
        )])),
        RankingOptions::default()
            .with_grades(scale)
            .with_rounding(RoundingPolicy::new(0, Rounding::HalfEven).unwrap()),
    ];
    // Changes that tie PQLDT (90), pass it, or fall back.
    let changes = [
        vec![LeafChange::appraised("3.5".parse().unwrap(), d("2"))],
        vec![LeafChange::appraised("3.5".parse().unwrap(), d("4"))],
        vec![LeafChange::evidence(
            "3.1".parse().unwrap(),
            Evidence::Percent(d("89.99")),
        )],
        vec![
            at_90(),
            LeafChange::appraised("3.5".parse().unwrap(), d("0")),
        ],
        vec![LeafChange::evidence(
            "3.1".parse().unwrap(),
            Evidence::rate(8_037, 8_037),
        )],
    ];
    for options in &options {
        let ranking = rank(&cards, options);
        for change in &changes {
            let what_if = WhatIf::run(&ranking, &offices[0].unit, change).unwrap();
            let mut others = cards.clone();
            others[0] = what_if.scorecard.clone();
            let again = rank(&others, options);
            let unit = again.unit("TTHCC").unwrap();
            assert_eq!(
                Some(what_if.after.rank),
                unit.rank,
                "{options:?} {change:?}"
            );
            assert_eq!(what_if.after.grade, unit.grade, "{options:?} {change:?}");
            assert_eq!(what_if.after.index.published(), unit.index.published());
            assert_eq!(
                what_if.before.rank,
                ranking.unit("TTHCC").unwrap().rank.unwrap()
            );
        }
    }
}

#[test]
fn new_evidence_replaces_the_appraisal_and_new_points_replace_the_result() {
    let framework = framework();
    let mut offices = offices(&framework);
    // The appraisal team had given 1 point on 3.1 whatever the evidence said.
    let entry = offices[0]
        .entries
        .iter_mut()
        .find(|e| e.code.as_str() == "3.1")
        .unwrap();
    entry.appraised = Some(d("1"));
    entry.self_assessed = Some(d("4"));
    let cards = score_all(&framework, &offices);
    let ranking = rank(&cards, &RankingOptions::national());

    let what_if = WhatIf::run(&ranking, &offices[0].unit, &[at_90()]).unwrap();
    assert_eq!(
        (
            what_if.leaves[0].before.clone(),
            what_if.leaves[0].after.clone()
        ),
        (Some(e("1")), Some(e("2")))
    );
    let detail = what_if.scorecard.node("3.1").unwrap().leaf.clone().unwrap();
    assert_eq!(
        (detail.appraised, detail.self_assessed),
        (None, Some(d("4")))
    );

    let appraised = LeafChange::appraised("3.1".parse().unwrap(), d("6"));
    assert_eq!(appraised.to, NewInput::Appraised(d("6")));
    let what_if = WhatIf::run(&ranking, &offices[0].unit, &[appraised]).unwrap();
    assert_eq!(what_if.leaves[0].after, Some(e("6")));
    assert_eq!(
        what_if.to_string(),
        "Trung tâm Hành chính công: index 90.00 → 95.00, rank 2 → 1, grade A → A"
    );
}

#[test]
fn a_leaf_without_an_entry_gets_one_and_a_leaf_can_stop_applying() {
    let framework = framework();
    let mut offices = offices(&framework);
    offices[0].entries.retain(|e| e.code.as_str() != "1.5"); // missing: 0 of 2
    let cards = score_all(&framework, &offices);
    let ranking = rank(&cards, &RankingOptions::default());
    let added = LeafChange::appraised("1.5".parse().unwrap(), d("2"));
    let what_if = WhatIf::run(&ranking, &offices[0].unit, &[added]).unwrap();
    assert_eq!(
        (
            what_if.leaves[0].before.clone(),
            what_if.leaves[0].after.clone()
        ),
        (Some(e("0")), Some(e("2")))
    );
    assert_eq!(
        what_if.to_string(),
        "Trung tâm Hành chính công: index 87.00 → 89.00, rank 3 → 3"
    );

    // No dossiers: 3.1 does not apply, and domain 3 is measured against 17 points.
    let none = LeafChange::evidence("3.1".parse().unwrap(), Evidence::NotApplicable);
    let what_if = WhatIf::run(&ranking, &offices[0].unit, &[none]).unwrap();
    assert_eq!(what_if.leaves[0].after, None);
    let d3 = what_if.domain("3").unwrap();
    assert_eq!(
        (d3.points_after.clone(), d3.percent_after.clone()),
        (Some(e("14")), Some(e("1400/17")))
    );
    assert_eq!(what_if.after.index.published().to_string(), "94.57"); // 87 of 92
}

#[test]
fn changes_are_checked_by_the_scorer_and_each_leaf_changes_once() {
    let framework = framework();
    let offices = offices(&framework);
    let cards = score_all(&framework, &offices);
    let ranking = rank(&cards, &RankingOptions::default());
    let run = |changes: &[LeafChange]| {
        WhatIf::run(&ranking, &offices[0].unit, changes)
            .unwrap_err()
            .to_string()
    };
    let cases = [
        (
            vec![LeafChange::appraised("9.9".parse().unwrap(), d("1"))],
            "unit TTHCC reports code 9.9, which framework vn-hoi-an-city-illustrative does not have",
        ),
        (
            vec![LeafChange::appraised("3".parse().unwrap(), d("1"))],
            "unit TTHCC reports domain 3 directly, but it has children and is scored from them",
        ),
        (
            vec![LeafChange::evidence(
                "3.1".parse().unwrap(),
                Evidence::rate(8_307, 8_037),
            )],
            "unit TTHCC: criterion 3.1 is given the rate 8307/8037: the numerator may not exceed the denominator",
        ),
        (
            vec![LeafChange::evidence(
                "3.1".parse().unwrap(),
                Evidence::Flag(true),
            )],
            "unit TTHCC: criterion 3.1 is scored by a threshold_bands rule, which cannot use flag evidence",
        ),
        (
            vec![LeafChange::appraised("3.1".parse().unwrap(), d("9"))],
            "unit TTHCC: criterion 3.1 is given 9 appraised points but its maximum is 8",
        ),
        (
            vec![LeafChange::evidence(
                "1.1".parse().unwrap(),
                Evidence::NotApplicable,
            )],
            "unit TTHCC: criterion 1.1 is reported not applicable, but the framework does not mark it optional",
        ),
        (
            vec![
                at_90(),
                LeafChange::appraised("3.1".parse().unwrap(), d("2")),
            ],
            "the what-if for unit TTHCC changes leaf 3.1 twice",
        ),
    ];
    for (changes, message) in cases {
        assert_eq!(run(&changes), message);
    }
}

#[test]
fn the_unit_must_be_ranked() {
    let framework = framework();
    let offices = offices(&framework);
    let cards = score_all(&framework, &offices);
    let ranking = rank(&cards[1..], &RankingOptions::default());
    assert_eq!(
        WhatIf::run(&ranking, &offices[0].unit, &[at_90()])
            .unwrap_err()
            .to_string(),
        "unit TTHCC is not among the ranked units"
    );
}

#[cfg(feature = "serde")]
#[test]
fn changes_read_from_json() {
    let change: LeafChange =
        serde_json::from_str(r#"{"code":"3.1","to":{"evidence":{"percent":"90"}}}"#).unwrap();
    assert_eq!(change, at_90());
    let change: LeafChange =
        serde_json::from_str(r#"{"code":"3.1","to":{"appraised":"2"}}"#).unwrap();
    assert_eq!(change.to, NewInput::Appraised(d("2")));
    assert!(
        serde_json::from_str::<LeafChange>(r#"{"code":"3.1","to":{"appraised":"2"},"x":1}"#)
            .is_err()
    );
}
