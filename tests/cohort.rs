//! Bulk scoring: exact equality with `Framework::score`, ranking, and every refusal.

mod common;

use par_index::{
    Framework, FrameworkBuilder, RankingOptions, Rounding, RoundingPolicy,
    bulk::{CohortScores, PointsTable},
    framework::{Combine, NotApplicablePolicy},
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn e(text: &str) -> par_index::Exact {
    text.parse().unwrap()
}

/// Competition ranks ("1224") by published index, highest first, the slow obvious way.
fn reference_ranks(published: &[Decimal]) -> Vec<u32> {
    published
        .iter()
        .map(|p| 1 + published.iter().filter(|q| *q > p).count() as u32)
        .collect()
}

/// Every figure of the bulk results equals `Framework::score` of the same unit.
#[track_caller]
fn assert_equals_one_by_one(scores: &CohortScores<'_>, policy: &RoundingPolicy) {
    let table = scores.table();
    let framework = table.framework();
    let mut published = Vec::new();
    for unit in scores.units() {
        let assessment = table.assessment(unit.position()).unwrap();
        let card = framework.score(&assessment).unwrap();
        assert_eq!(&unit.points(), card.points(), "{}", unit.id());
        assert_eq!(&unit.index(), card.index(), "{}", unit.id());
        let by_card = card.publish(policy).index;
        assert_eq!(unit.published_index(), by_card, "{}", unit.id());
        assert_eq!(unit.published_index().to_string(), by_card.to_string());
        for node in card.nodes() {
            assert_eq!(
                unit.node_points(node.code.as_str()),
                Some(node.points.to_decimal()),
                "{} {}",
                unit.id(),
                node.code
            );
        }
        let domains: Vec<_> = unit.domain_points().collect();
        let by_card: Vec<_> = card
            .domains()
            .map(|n| (&n.code, n.points.to_decimal()))
            .collect();
        assert_eq!(domains, by_card);
        published.push(by_card_index(&card, policy));
    }
    assert_eq!(scores.ranks(), reference_ranks(&published));
}

fn by_card_index(card: &par_index::Scorecard, policy: &RoundingPolicy) -> Decimal {
    card.publish(policy).index
}

fn par_table<'f>(framework: &'f Framework, rows: &[(String, Vec<Decimal>)]) -> PointsTable<'f> {
    let mut table = PointsTable::new(framework, "2025".parse().unwrap()).unwrap();
    for (unit, points) in rows {
        table.push(unit.clone(), points.iter().copied()).unwrap();
    }
    table
}

#[test]
fn a_generated_par_cohort_scores_exactly_as_one_by_one() {
    let (framework, leaf_max) = common::framework(7);
    // Enough units for ranks to be counted by points rather than sorted.
    let rows = common::rows(&leaf_max, 3_400, 11);
    let table = par_table(&framework, &rows);
    assert_eq!(table.scale(), 2);
    let policy = RoundingPolicy::default();
    let scores = table.score().unwrap();
    assert_equals_one_by_one(&scores, &policy);
    // With 3,400 units on a 2-decimal index, some publish the same number and share a rank.
    let mut ranks = scores.ranks().to_vec();
    ranks.sort_unstable();
    ranks.dedup();
    assert!(ranks.len() < 3_400, "expected ties among 3,400 units");
}

#[test]
fn a_points_table_bridges_to_a_ranking_with_the_same_ranks() {
    let (framework, leaf_max) = common::framework(7);
    let rows = common::rows(&leaf_max, 400, 5);
    let table = par_table(&framework, &rows);
    let scores = table.score().unwrap();
    let cohort = table.cohort().unwrap();
    assert_eq!(cohort.len(), 400);
    let ranking = cohort.rank_with(&RankingOptions::default()).unwrap();
    for unit in scores.units() {
        let ranked = ranking.unit(unit.id()).unwrap();
        assert_eq!(ranked.rank.unwrap().value(), Decimal::from(unit.rank()));
        assert_eq!(ranked.index.exact(), &unit.index());
        assert_eq!(ranked.index.published(), unit.published_index());
    }
    // The full scorecards are there for the steps that need them.
    let first = scores.unit(0).unwrap();
    let card = ranking.cohort().scorecard(first.id()).unwrap();
    assert_eq!(card.points(), &par_index::Exact::from(first.points()));
}

#[test]
fn every_rounding_mode_and_precision_agrees_with_the_scorecard() {
    let (framework, leaf_max) = common::framework(3);
    let rows = common::rows(&leaf_max, 120, 5);
    let table = par_table(&framework, &rows);
    for rounding in [
        Rounding::HalfAwayFromZero,
        Rounding::HalfEven,
        Rounding::HalfTowardZero,
        Rounding::TowardZero,
        Rounding::AwayFromZero,
    ] {
        for decimal_places in [0, 1, 2, 4, 6, 12] {
            let policy = RoundingPolicy::new(decimal_places, rounding).unwrap();
            assert_equals_one_by_one(&table.score_with(&policy).unwrap(), &policy);
        }
    }
}

#[test]
fn midpoints_round_as_each_policy_says() {
    let framework = two_leaves(Combine::Sum);
    let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    // Indices 87.5, 86.5, 87.65 and 87.75: midpoints at 0 and 1 decimal places.
    for (unit, a, b) in [
        ("a", "2.75", "6"),
        ("b", "4", "4.65"),
        ("c", "2.765", "6"),
        ("d", "2.775", "6"),
    ] {
        table.push(unit, [d(a), d(b)]).unwrap();
    }
    let expected = [
        (
            Rounding::HalfAwayFromZero,
            ["88", "87", "88", "88"],
            ["87.5", "86.5", "87.7", "87.8"],
        ),
        (
            Rounding::HalfEven,
            ["88", "86", "88", "88"],
            ["87.5", "86.5", "87.6", "87.8"],
        ),
        (
            Rounding::HalfTowardZero,
            ["87", "86", "88", "88"],
            ["87.5", "86.5", "87.6", "87.7"],
        ),
        (
            Rounding::TowardZero,
            ["87", "86", "87", "87"],
            ["87.5", "86.5", "87.6", "87.7"],
        ),
        (
            Rounding::AwayFromZero,
            ["88", "87", "88", "88"],
            ["87.5", "86.5", "87.7", "87.8"],
        ),
    ];
    for (rounding, whole, one_place) in expected {
        for (decimal_places, want) in [(0, whole), (1, one_place)] {
            let policy = RoundingPolicy::new(decimal_places, rounding).unwrap();
            let scores = table.score_with(&policy).unwrap();
            let got: Vec<String> = scores
                .units()
                .map(|u| u.published_index().to_string())
                .collect();
            assert_eq!(got, want, "{rounding:?} at {decimal_places}");
            assert_equals_one_by_one(&scores, &policy);
        }
    }
}

#[test]
fn ranked_lists_units_best_first_ties_in_input_order() {
    let framework = two_leaves(Combine::Sum);
    let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    for (unit, a, b) in [
        ("a", "1", "2"),
        ("b", "4", "5"),
        ("c", "2", "1"),
        ("d", "4", "6"),
    ] {
        table.push(unit, [d(a), d(b)]).unwrap();
    }
    let scores = table.score().unwrap();
    let ranked: Vec<(&str, u32, String)> = scores
        .ranked()
        .map(|u| {
            (
                u.id(),
                u.rank().as_whole().unwrap(),
                u.published_index().to_string(),
            )
        })
        .collect();
    assert_eq!(
        ranked,
        [
            ("d", 1, "100.00".to_owned()),
            ("b", 2, "90.00".to_owned()),
            ("a", 3, "30.00".to_owned()),
            ("c", 3, "30.00".to_owned()),
        ]
    );
}

#[test]
fn ties_are_on_the_published_index_not_the_exact_one() {
    // 1/3 and 0.3334 of 1 point: exact indices differ, both publish 33.33.
    let framework = Framework::builder("one", "One leaf")
        .total_points(Decimal::ONE)
        .domain("1", "Lĩnh vực", Decimal::ONE)
        .child("1", "1.1", "Tiêu chí", Decimal::ONE)
        .build()
        .unwrap();
    let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    table.push("a", [d("0.3333")]).unwrap();
    table.push("b", [d("0.33334")]).unwrap();
    table.push("c", [d("0.3336")]).unwrap();
    assert_eq!(table.scale(), 5);
    let scores = table.score().unwrap();
    assert_eq!(scores.ranks(), [2, 2, 1]);
    let exact: Vec<par_index::Exact> = scores.units().map(|u| u.index()).collect();
    assert_eq!(exact, [e("33.33"), e("33.334"), e("33.36")]);
}

#[test]
fn a_header_in_any_order_scores_the_same() {
    let (framework, leaf_max) = common::framework(9);
    let rows = common::rows(&leaf_max, 40, 2);
    let in_order = par_table(&framework, &rows);
    let codes: Vec<String> = framework.leaves().map(|n| n.code().to_string()).collect();
    let mut header: Vec<usize> = (0..codes.len()).collect();
    header.reverse();
    header.swap(0, 7);
    let mut shuffled = PointsTable::with_columns(
        &framework,
        "2025".parse().unwrap(),
        header.iter().map(|i| codes[*i].as_str()),
    )
    .unwrap();
    for (unit, points) in &rows {
        shuffled
            .push(unit.clone(), header.iter().map(|i| points[*i]))
            .unwrap();
    }
    let a = in_order.score().unwrap();
    let b = shuffled.score().unwrap();
    for (x, y) in a.units().zip(b.units()) {
        assert_eq!(x.points(), y.points());
        for code in &codes {
            assert_eq!(x.node_points(code), y.node_points(code));
        }
    }
    assert_eq!(a.ranks(), b.ranks());
}

#[test]
fn more_decimal_places_raise_the_scale_without_changing_earlier_rows() {
    let framework = two_leaves(Combine::Sum);
    let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    table.push("whole", [d("3"), d("4")]).unwrap();
    assert_eq!(table.scale(), 0);
    table.push("fine", [d("2.125"), d("4.5")]).unwrap();
    table.push("trailing zeros", [d("1.5000"), d("0")]).unwrap();
    assert_eq!(table.scale(), 3);
    assert_eq!(table.points(0, "1.1"), Some(d("3")));
    assert_eq!(table.points(1, "1"), Some(d("6.625")));
    assert_equals_one_by_one(&table.score().unwrap(), &RoundingPolicy::default());
}

#[test]
fn points_stay_exact_as_the_scale_outgrows_narrow_storage() {
    let framework = Framework::builder("wide", "Large maxima")
        .total_points(d("1000"))
        .domain("1", "Lĩnh vực", d("1000"))
        .child("1", "1.1", "Tiêu chí", d("600"))
        .child("1", "1.2", "Tiêu chí", d("400"))
        .build()
        .unwrap();
    let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    // 600 at 0, 1, 3 and 12 decimal places: 2-, 4- and then 8-byte cells.
    let rows = [
        ("a", "600", "0"),
        ("b", "1.5", "400"),
        ("c", "599.123", "0.001"),
        ("d", "0.000000000001", "399.999999999999"),
    ];
    for (unit, x, y) in rows {
        table.push(unit, [d(x), d(y)]).unwrap();
    }
    assert_eq!(table.scale(), 12);
    for (position, (_, x, y)) in rows.iter().enumerate() {
        assert_eq!(table.points(position, "1.1"), Some(d(x)));
        assert_eq!(table.points(position, "1"), Some(d(x) + d(y)));
    }
    assert_equals_one_by_one(&table.score().unwrap(), &RoundingPolicy::default());
}

#[test]
fn optional_leaves_and_rescaling_parents_score_as_one_by_one() {
    // A table cannot say "not applicable", so these never come into play; the results still
    // equal the scorecards.
    let framework = Framework::builder("na", "Optional parts")
        .total_points(d("10"))
        .domain("1", "Lĩnh vực", d("10"))
        .when_not_applicable(NotApplicablePolicy::Rescale)
        .child("1", "1.1", "Tiêu chí", d("4"))
        .optional()
        .child("1", "1.2", "Tiêu chí", d("6"))
        .build()
        .unwrap();
    let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    table.push("a", [d("1.25"), d("6")]).unwrap();
    table.push("b", [d("4"), d("0.5")]).unwrap();
    assert_equals_one_by_one(&table.score().unwrap(), &RoundingPolicy::default());
}

#[test]
fn a_refused_row_leaves_the_table_as_it_was() {
    let framework = two_leaves(Combine::Sum);
    let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    table.push("a", [d("1"), d("2")]).unwrap();
    assert!(table.push("b", [d("1"), d("9")]).is_err());
    assert!(table.push("b", [d("1.123456789"), d("-1")]).is_err());
    assert_eq!(table.len(), 1);
    table.push("b", [d("2"), d("3")]).unwrap();
    assert_eq!(table.points(1, "1"), Some(d("5")));
    assert_eq!(table.position("b"), Some(1));
}

fn two_leaves(combine: Combine) -> Framework {
    let mut builder = Framework::builder("two", "Two leaves")
        .total_points(d("10"))
        .domain("1", "Lĩnh vực", d("10"))
        .combine(combine)
        .child("1", "1.1", "Tiêu chí", d("4"));
    if combine == Combine::WeightedMean {
        builder = builder.weight(d("1"));
    }
    builder = builder.child("1", "1.2", "Tiêu chí", d("6"));
    if combine == Combine::WeightedMean {
        builder = builder.weight(d("1"));
    }
    builder.build().unwrap()
}

#[test]
fn bad_rows_are_refused_with_the_unit_and_the_code() {
    let framework = two_leaves(Combine::Sum);
    let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    table.push("ward-1", [d("1"), d("2")]).unwrap();
    let cases: Vec<(&str, Vec<&str>, &str)> = vec![
        (
            "ward-2",
            vec!["4.01", "0"],
            "unit ward-2 is given 4.01 points for criterion 1.1 but its maximum is 4",
        ),
        (
            "ward-2",
            vec!["1", "-0.5"],
            "unit ward-2 is given a negative number of points for criterion 1.2: -0.5",
        ),
        (
            "ward-2",
            vec!["1"],
            "unit ward-2 has 1 points but the points table has 2 columns",
        ),
        (
            "ward-2",
            vec!["1", "2", "3", "4"],
            "unit ward-2 has 4 points but the points table has 2 columns",
        ),
        (
            "ward-1",
            vec!["1", "2"],
            "unit ward-1 appears twice in the points table",
        ),
        (
            " ",
            vec!["1", "2"],
            "row 2 of the points table has an empty unit id",
        ),
        (
            "ward-2",
            vec!["0.1234567890123456789", "0"],
            "unit ward-2 is given 0.1234567890123456789 points for criterion 1.1: bulk scoring of framework two holds at most 17 decimal places",
        ),
    ];
    for (unit, points, message) in cases {
        let err = table.push(unit, points.iter().map(|p| d(p))).unwrap_err();
        assert_eq!(err.to_string(), message);
    }
    // Negative zero is zero.
    table.push("ward-3", [d("-0.00"), d("0")]).unwrap();
}

#[test]
fn bad_headers_are_refused() {
    let framework = Framework::builder("hdr", "Header")
        .total_points(d("10"))
        .domain("1", "Lĩnh vực", d("10"))
        .child("1", "1.1", "Tiêu chí", d("4"))
        .child("1", "1.2", "Tiêu chí", d("6"))
        .child("1.2", "1.2.1", "Tiêu chí thành phần", d("6"))
        .build()
        .unwrap();
    let period = || "2025".parse().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["1.1", "9.9"],
            "points table column \"9.9\" is not a node of framework hdr",
        ),
        (
            vec!["1.1", "unit name"],
            "points table column \"unit name\" is not a node of framework hdr",
        ),
        (
            vec!["1.1", "1.2"],
            "points table column criterion 1.2 has children; a table holds the points of leaves only",
        ),
        (vec!["1.1", "1.1"], "points table column 1.1 appears twice"),
        (
            vec!["1.2.1"],
            "the points table has no column for 1 leaves of framework hdr: 1.1",
        ),
    ];
    for (header, message) in cases {
        let err = PointsTable::with_columns(&framework, period(), header).unwrap_err();
        assert_eq!(err.to_string(), message);
    }
    assert!(PointsTable::with_columns(&framework, period(), [" 1.2.1", "1.1 "]).is_ok());
}

#[test]
fn frameworks_bulk_scoring_cannot_add_up_are_refused() {
    let err =
        PointsTable::new(&two_leaves(Combine::WeightedMean), "2025".parse().unwrap()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "bulk scoring adds points up, but domain 1 combines its children by weighted mean: score its units one by one with Framework::score"
    );
    let pci = Framework::builder("pci", "Weighted sub-indices")
        .combine_domains(Combine::WeightedMean)
        .domain("1", "Chỉ số thành phần", d("10"))
        .weight(d("5"))
        .child("1", "1.1", "Chỉ tiêu", d("10"))
        .build()
        .unwrap();
    let err = PointsTable::new(&pci, "2025".parse().unwrap()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "bulk scoring adds points up, but the total of framework pci combines its children by weighted mean: score its units one by one with Framework::score"
    );
    let huge = Framework::builder("big", "Too big")
        .total_points(d("5000000000000000000.25"))
        .domain("1", "Lĩnh vực", d("5000000000000000000.25"))
        .child("1", "1.1", "Tiêu chí", d("5000000000000000000"))
        .child("1", "1.2", "Tiêu chí", d("0.25"))
        .build()
        .unwrap();
    let err = PointsTable::new(&huge, "2025".parse().unwrap()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "framework big totals 5000000000000000000.25 points, which does not fit 64-bit fixed-point points at 2 decimal places"
    );
}

#[test]
fn an_empty_table_scores_to_nothing() {
    let framework = two_leaves(Combine::Sum);
    let table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    let scores = table.score().unwrap();
    assert!(scores.is_empty());
    assert_eq!(scores.ranked().count(), 0);
    assert!(table.assessment(0).is_none());
}

#[test]
fn cohort_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<PointsTable<'static>>();
    check::<CohortScores<'static>>();
    check::<par_index::bulk::UnitScore<'static>>();
}

/// A generated summing framework: domains → criteria → optional sub-criteria, maxima in
/// thousandths.
fn generated(shape: &[Vec<Vec<i64>>]) -> Framework {
    let mut builder: FrameworkBuilder = Framework::builder("gen", "Generated");
    let mut total = 0;
    for (di, criteria) in shape.iter().enumerate() {
        let dc = format!("{}", di + 1);
        let dmax: i64 = criteria.iter().flatten().sum();
        total += dmax;
        builder = builder.domain(&dc, "Lĩnh vực", Decimal::new(dmax, 3));
        for (ci, leaves) in criteria.iter().enumerate() {
            let cc = format!("{dc}.{}", ci + 1);
            let cmax: i64 = leaves.iter().sum();
            builder = builder.child(&dc, &cc, "Tiêu chí", Decimal::new(cmax, 3));
            if leaves.len() > 1 {
                for (si, max) in leaves.iter().enumerate() {
                    let sc = format!("{cc}.{}", si + 1);
                    builder = builder.child(&cc, &sc, "Tiêu chí thành phần", Decimal::new(*max, 3));
                }
            }
        }
    }
    builder
        .total_points(Decimal::new(total, 3))
        .build()
        .unwrap()
}

fn shape() -> impl Strategy<Value = Vec<Vec<Vec<i64>>>> {
    let leaves = prop::collection::vec(1i64..=20_000, 1..4);
    let criteria = prop::collection::vec(leaves, 1..4);
    prop::collection::vec(criteria, 1..5)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn bulk_scores_equal_framework_score(
        shape in shape(),
        draws in prop::collection::vec(prop::collection::vec((0u32..=1000, 0u32..4), 12), 1..12),
        places in 0u32..5,
        mode in 0u8..5,
    ) {
        let framework = generated(&shape);
        let maxima: Vec<i64> = shape.iter().flatten().flatten().copied().collect();
        let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
        for (u, row) in draws.iter().enumerate() {
            // Points at 0 to 5 decimal places, within each leaf's maximum.
            let points = maxima.iter().zip(row.iter().cycle()).map(|(max, (permille, digits))| {
                let exact = Decimal::new(*max, 3) * Decimal::from(*permille) / Decimal::from(1000);
                exact.round_dp_with_strategy(*digits + 1, rust_decimal::RoundingStrategy::ToZero)
            });
            table.push(format!("u{u}"), points).unwrap();
        }
        let rounding = [
            Rounding::HalfAwayFromZero,
            Rounding::HalfEven,
            Rounding::HalfTowardZero,
            Rounding::TowardZero,
            Rounding::AwayFromZero,
        ][mode as usize];
        let policy = RoundingPolicy::new(places, rounding).unwrap();
        let scores = table.score_with(&policy).unwrap();
        assert_equals_one_by_one(&scores, &policy);
    }
}
