//! The edges of the input space: decimal overflow, huge and tiny numbers, deep trees, empty
//! cohorts and duplicate units. Each is a typed error or a documented result, never a panic.

use par_index::{
    Assessment, Cohort, Entry, ErrorKind, Evidence, Framework, RoundingPolicy, Rule,
    bulk::PointsTable,
};
use rust_decimal::{Decimal, dec};

#[test]
fn domains_whose_maxima_overflow_a_decimal_are_an_overflow_error() {
    let err = Framework::builder("huge", "Huge")
        .domain("1", "One", Decimal::MAX)
        .domain("2", "Two", Decimal::MAX)
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Overflow { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "arithmetic overflow adding 79228162514264337593543950335 and \
         79228162514264337593543950335 for huge"
    );
}

#[test]
fn points_at_the_largest_decimal_make_an_exact_percentage() {
    let framework = Framework::builder("max", "Max")
        .total_points(Decimal::MAX)
        .domain("1", "One", Decimal::MAX)
        .rule(Rule::Direct)
        .build()
        .unwrap();
    let mut unit = Assessment::new("max", "u", "2024".parse().unwrap());
    unit.push(Entry::new("1".parse().unwrap()).with_appraised(Decimal::MAX));
    // MAX × 100 does not fit a decimal, but the index is computed as a fraction: exactly 100.
    let card = framework.score(&unit).unwrap();
    assert_eq!(card.index(), dec!(100));
    assert_eq!(card.node("1").unwrap().percent(), Some(dec!(100).into()));
    // A large maximum that leaves room for the percentage scores exactly.
    let big = Decimal::MAX / dec!(1000);
    let framework = Framework::builder("big", "Big")
        .total_points(big)
        .domain("1", "One", big)
        .rule(Rule::Direct)
        .build()
        .unwrap();
    let mut unit = Assessment::new("big", "u", "2024".parse().unwrap());
    unit.push(Entry::new("1".parse().unwrap()).with_appraised(big));
    let card = framework.score(&unit).unwrap();
    assert_eq!(card.points(), big);
    assert_eq!(card.index(), dec!(100));
}

#[test]
fn a_rate_of_huge_counts_keeps_every_digit() {
    let framework = Framework::builder("rate", "Rate")
        .total_points(dec!(10))
        .domain("1", "One", dec!(10))
        .rule(Rule::proportional())
        .build()
        .unwrap();
    let mut unit = Assessment::new("rate", "u", "2024".parse().unwrap());
    unit.push(
        Entry::new("1".parse().unwrap()).with_evidence(Evidence::rate(u64::MAX - 1, u64::MAX)),
    );
    let card = framework.score(&unit).unwrap();
    assert!(
        card.points() < dec!(10) && card.points() > dec!(9.99999999999),
        "{}",
        card.points()
    );
    assert_eq!(
        card.publish(&RoundingPolicy::default()).index.to_string(),
        "100.00"
    );
}

#[test]
fn a_tree_of_the_deepest_allowed_depth_scores_and_one_deeper_is_refused() {
    let mut builder = Framework::builder("deep", "Deep")
        .total_points(dec!(1))
        .domain("1", "1", dec!(1));
    let mut code = "1".to_owned();
    for _ in 1..par_index::framework::MAX_DEPTH {
        let child = format!("{code}.1");
        builder = builder.child(&code, &child, &child, dec!(1));
        code = child;
    }
    let framework = builder.clone().rule(Rule::Direct).build().unwrap();
    let mut unit = Assessment::new("deep", "u", "2024".parse().unwrap());
    unit.push(Entry::new(code.parse().unwrap()).with_appraised(dec!(0.5)));
    assert_eq!(framework.score(&unit).unwrap().index(), dec!(50));

    let deeper = format!("{code}.1");
    let err = builder
        .child(&code, &deeper, "too deep", dec!(1))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "node {deeper} is nested deeper than {} levels",
            par_index::framework::MAX_DEPTH
        )
    );
}

#[test]
fn an_empty_cohort_ranks_to_an_empty_ranking() {
    let framework = Framework::builder("t", "T")
        .total_points(dec!(10))
        .domain("1", "One", dec!(10))
        .build()
        .unwrap();
    let ranking = Cohort::new(&framework, []).unwrap().rank().unwrap();
    assert_eq!(ranking.len(), 0);
    assert!(ranking.is_empty());
}

#[test]
fn an_empty_points_table_scores_to_no_units() {
    let framework = Framework::builder("t", "T")
        .total_points(dec!(10))
        .domain("1", "One", dec!(10))
        .build()
        .unwrap();
    let table = PointsTable::new(&framework, "2024".parse().unwrap()).unwrap();
    let scores = table.score().unwrap();
    assert!(scores.is_empty());
    assert!(scores.ranks().is_empty());
}

#[test]
fn a_unit_twice_in_a_cohort_or_a_points_table_is_refused() {
    let framework = Framework::builder("t", "T")
        .total_points(dec!(10))
        .domain("1", "One", dec!(10))
        .build()
        .unwrap();
    let mut unit = Assessment::new("t", "u", "2024".parse().unwrap());
    unit.push(Entry::new("1".parse().unwrap()).with_appraised(dec!(3)));
    let card = framework.score(&unit).unwrap();
    assert_eq!(
        Cohort::new(&framework, [card.clone(), card])
            .unwrap_err()
            .to_string(),
        "unit u is in the cohort twice"
    );

    let mut table = PointsTable::new(&framework, "2024".parse().unwrap()).unwrap();
    table.push("u", [dec!(3)]).unwrap();
    assert_eq!(
        table.push("u", [dec!(4)]).unwrap_err().to_string(),
        "unit u appears twice in the points table"
    );
}
