//! Properties of publication and of the serialized forms: the published index is the exact
//! index rounded once by the policy (one scorecard, a ranking, and bulk scoring alike);
//! scoring is a function of its input; every public serializable type reads back as itself.
#![cfg(feature = "serde")]

use par_index::{
    Assessment, Cohort, Entry, Framework, GradeBand, GradeScale, RankingOptions, Rounding,
    RoundingPolicy, Scorecard,
    accountability::{Accountability, Agency, AgencyKind, Assignments, Head},
    bulk::PointsTable,
    pinning::{PublishedPart, PublishedRow, PublishedTable},
    ranking::{DomainBasis, Rank, TieMethod, ValueBasis},
    scorecard::PublishedScorecard,
};
use par_index::{
    analysis::gap::Gap,
    analysis::self_appraisal::SelfAppraisal,
    analysis::uncertainty::{RankUncertainty, UncertaintyOptions},
    analysis::what_if::{LeafChange, WhatIf},
    comparison::Comparison,
    pinning::pin,
    rating::PeerAverageRule,
};
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

const MAXIMA: [i64; 3] = [7, 11, 13];

/// Three domains with awkward maxima (7, 11, 13), so that indexes do not end.
fn framework() -> Framework {
    let mut builder = Framework::builder("pub", "Publication").total_points(Decimal::from(31));
    for (i, max) in MAXIMA.iter().enumerate() {
        let code = (i + 1).to_string();
        builder = builder.domain(&code, &code, Decimal::from(*max));
    }
    builder.build().unwrap()
}

/// Points in ten-thousandths up to each domain's maximum.
fn points() -> impl Strategy<Value = [Decimal; 3]> {
    (0..=70_000i64, 0..=110_000i64, 0..=130_000i64)
        .prop_map(|(a, b, c)| [Decimal::new(a, 4), Decimal::new(b, 4), Decimal::new(c, 4)])
}

fn rounding() -> impl Strategy<Value = Rounding> {
    prop_oneof![
        Just(Rounding::HalfAwayFromZero),
        Just(Rounding::HalfEven),
        Just(Rounding::HalfTowardZero),
        Just(Rounding::TowardZero),
        Just(Rounding::AwayFromZero),
    ]
}

fn policy() -> impl Strategy<Value = RoundingPolicy> {
    (0..=6u32, rounding()).prop_map(|(decimal_places, rounding)| {
        RoundingPolicy::new(decimal_places, rounding).unwrap()
    })
}

fn assessment(unit: &str, points: &[Decimal; 3]) -> Assessment {
    let mut a = Assessment::new("pub", unit, "2024".parse().unwrap());
    for (i, p) in points.iter().enumerate() {
        a.push(Entry::new((i + 1).to_string().parse().unwrap()).with_appraised(*p));
    }
    a
}

/// One scorecard a row of points, for units `u0`, `u1`, …
fn scorecards(framework: &Framework, cohort: &[[Decimal; 3]]) -> Vec<Scorecard> {
    cohort
        .iter()
        .enumerate()
        .map(|(i, p)| framework.score(&assessment(&format!("u{i}"), p)).unwrap())
        .collect()
}

/// The oracle: `rust_decimal`'s own rounding, with the scale fixed to the places.
fn rounded(exact: Decimal, policy: &RoundingPolicy) -> String {
    let strategy = match policy.rounding() {
        Rounding::HalfAwayFromZero => RoundingStrategy::MidpointAwayFromZero,
        Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
        Rounding::HalfTowardZero => RoundingStrategy::MidpointTowardZero,
        Rounding::TowardZero => RoundingStrategy::ToZero,
        _ => RoundingStrategy::AwayFromZero,
    };
    let mut value = exact.round_dp_with_strategy(policy.decimal_places(), strategy);
    value.rescale(policy.decimal_places());
    value.to_string()
}

fn tie_method() -> impl Strategy<Value = TieMethod> {
    prop_oneof![
        Just(TieMethod::Competition),
        Just(TieMethod::Dense),
        Just(TieMethod::Fractional),
        Just(TieMethod::Ordinal {
            tie_breakers: Vec::new()
        }),
    ]
}

/// A valid scale: distinct labels, thresholds strictly falling within 0 to 100.
fn grade_scale() -> impl Strategy<Value = GradeScale> {
    prop::collection::btree_set(0..=10_000i64, 1..6).prop_map(|thresholds| {
        let bands = thresholds
            .iter()
            .rev()
            .enumerate()
            .map(|(i, t)| GradeBand::new(format!("Nhóm {i}"), Decimal::new(*t, 2)));
        GradeScale::new("scale", bands).unwrap()
    })
}

fn ranking_options() -> impl Strategy<Value = RankingOptions> {
    (
        tie_method(),
        any::<bool>(),
        policy(),
        proptest::option::of(grade_scale()),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(tie, exact, rounding, grades, grade_exact, points)| {
            let basis = |exact: bool| {
                if exact {
                    ValueBasis::Exact
                } else {
                    ValueBasis::Published
                }
            };
            let mut options = RankingOptions::default()
                .with_tie_method(tie)
                .with_basis(basis(exact))
                .with_rounding(rounding)
                .with_grade_basis(basis(grade_exact))
                .with_domain_basis(if points {
                    DomainBasis::Points
                } else {
                    DomainBasis::Percent
                });
            if let Some(grades) = grades {
                options = options.with_grades(grades);
            }
            options
        })
}

/// A decimal of any scale up to 28, so that serialized forms must keep every digit.
fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0..=28u32).prop_map(|(m, scale)| Decimal::new(m, scale))
}

fn published_table() -> impl Strategy<Value = PublishedTable> {
    prop::collection::vec(
        (
            "[a-z]{1,8}",
            decimal(),
            proptest::option::of(1..100u32),
            proptest::option::of("[A-D]"),
            prop::collection::vec((1..9u8, decimal()), 0..3),
        ),
        0..5,
    )
    .prop_map(|rows| {
        let mut table = PublishedTable {
            framework: Some("pub".into()),
            period: Some("2024".parse().unwrap()),
            ..PublishedTable::default()
        };
        for (unit, index, rank, grade, parts) in rows {
            let mut row = PublishedRow::new(unit, index);
            if let Some(rank) = rank {
                row = row.with_rank(Rank::new(rank).unwrap());
            }
            if let Some(grade) = grade {
                row = row.with_grade(grade);
            }
            row.parts = parts
                .into_iter()
                .map(|(code, points)| PublishedPart {
                    code: code.to_string().parse().unwrap(),
                    points,
                })
                .collect();
            table.rows.push(row);
        }
        table
    })
}

/// Agencies A0.. and each domain led by one of them, some criteria coordinated.
fn assignments() -> impl Strategy<Value = Assignments> {
    (
        1..4usize,
        prop::collection::vec((0..4usize, any::<bool>()), 3),
    )
        .prop_map(|(agencies, leads)| {
            let mut plan = Assignments::new("Plan");
            plan.framework = Some("pub".into());
            for a in 0..agencies {
                plan.agency(Agency::new(
                    format!("A{a}"),
                    format!("Cơ quan {a}"),
                    AgencyKind::Department,
                    Head::new(format!("Giám đốc {a}")),
                ));
            }
            for (d, (lead, coordinated)) in leads.iter().enumerate() {
                let lead = format!("A{}", lead % agencies);
                let other = format!("A{}", (lead.len() + d) % agencies);
                let coordinating: Vec<&str> = if *coordinated && other != lead {
                    vec![other.as_str()]
                } else {
                    Vec::new()
                };
                plan.assign(&(d + 1).to_string(), &lead, &coordinating)
                    .unwrap();
            }
            plan
        })
}

#[track_caller]
fn round_trip<T>(value: &T) -> Result<(), TestCaseError>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(value).unwrap();
    let back: T =
        serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
    prop_assert_eq!(&back, value);
    // And the text is stable: writing it again gives the same JSON.
    prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
    Ok(())
}

proptest! {
    #[test]
    fn the_published_index_is_the_exact_index_rounded_once(
        cohort in prop::collection::vec(points(), 1..8),
        policy in policy(),
    ) {
        let framework = framework();
        let cards = scorecards(&framework, &cohort);
        let mut table = PointsTable::new(&framework, "2024".parse().unwrap()).unwrap();
        for (i, p) in cohort.iter().enumerate() {
            table.push(format!("u{i}"), p.iter().copied()).unwrap();
        }
        let bulk = table.score_with(&policy).unwrap();
        let ranking = Cohort::new(&framework, cards.iter().cloned())
            .unwrap()
            .rank_with(&RankingOptions::default().with_rounding(policy))
            .unwrap();
        for (card, unit) in cards.iter().zip(bulk.units()) {
            let expected = policy.publish(card.index()).to_string();
            // rust_decimal's reading applies where the true index is a decimal; fractions
            // are checked against the exact-rational oracle (tests/oracle.rs).
            if card.index().is_decimal() {
                prop_assert_eq!(&rounded(card.index().to_decimal(), &policy), &expected);
            }
            prop_assert_eq!(card.publish(&policy).index.to_string(), expected.clone());
            prop_assert_eq!(&unit.index(), card.index());
            prop_assert_eq!(unit.published_index().to_string(), expected.clone());
            let ranked = ranking.unit(card.unit()).unwrap();
            prop_assert_eq!(ranked.index.published().to_string(), expected);
            let result = unit.result();
            prop_assert_eq!(&result.index, &ranked.index);
            round_trip(&result)?;
        }
    }

    #[test]
    fn scoring_is_a_function_of_its_input(points in points()) {
        let framework = framework();
        let assessment = assessment("u", &points);
        let first = framework.score(&assessment).unwrap();
        prop_assert_eq!(&framework.score(&assessment).unwrap(), &first);
        // A framework read back from JSON scores the same.
        let copy: Framework =
            serde_json::from_str(&serde_json::to_string(&framework).unwrap()).unwrap();
        prop_assert_eq!(&copy.score(&assessment).unwrap(), &first);
        prop_assert_eq!(&framework.clone().score(&assessment.clone()).unwrap(), &first);
    }

    #[test]
    fn options_and_scales_read_back_as_themselves(
        policy in policy(),
        scale in grade_scale(),
        options in ranking_options(),
    ) {
        round_trip(&policy)?;
        round_trip(&scale)?;
        round_trip(&options)?;
    }

    #[test]
    fn rankings_read_back_as_themselves_under_any_options(
        cohort_points in prop::collection::vec(points(), 1..6),
        options in ranking_options(),
    ) {
        let framework = framework();
        let cards = scorecards(&framework, &cohort_points);
        let ranking = Cohort::new(&framework, cards).unwrap().rank_with(&options).unwrap();
        round_trip(&ranking)?;
    }

    #[test]
    fn tables_and_assignments_read_back_as_themselves(
        table in published_table(),
        plan in assignments(),
    ) {
        round_trip(&table)?;
        round_trip(&plan)?;
    }

    #[test]
    fn results_read_back_as_themselves(
        cohort_points in prop::collection::vec(points(), 1..5),
        policy in policy(),
        plan in assignments(),
    ) {
        let framework = framework();
        let cards = scorecards(&framework, &cohort_points);
        let accountability = Accountability::new(&framework, plan).unwrap();
        for card in &cards {
            round_trip(card)?;
            let published: PublishedScorecard = card.publish(&policy);
            round_trip(&published)?;
            for share in accountability.attribute(card).unwrap() {
                round_trip(&share)?;
            }
            round_trip(&accountability.report(card).unwrap())?;
        }
        let cohort = Cohort::new(accountability.framework(), cards.clone()).unwrap();
        round_trip(&accountability.cohort_report(&cohort).unwrap())?;

        // The cohort itself, and what every step after scoring gives.
        round_trip(&cohort)?;
        let options = RankingOptions::national().with_rounding(policy);
        let ranking = cohort.rank_with(&options).unwrap();
        round_trip(&ranking)?;
        for unit in ranking.units() {
            round_trip(unit)?;
            for domain in &unit.domains {
                round_trip(domain)?;
            }
        }
        round_trip(ranking.statistics())?;
        let later: Vec<Scorecard> = cohort_points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut a = assessment(&format!("u{i}"), p);
                a.period = "2025".parse().unwrap();
                framework.score(&a).unwrap()
            })
            .collect();
        let later = Cohort::new(&framework, later).unwrap().rank_with(&options).unwrap();
        round_trip(&Comparison::new(&ranking, &later).unwrap())?;

        let gap = Gap::new(&ranking, "u0").unwrap();
        round_trip(&gap.to_rank(1).unwrap())?;
        if let Some(target) = gap.to_next_grade(&GradeScale::national()).unwrap() {
            round_trip(&target)?;
        }
        for leaf in gap.lost_leaves() {
            round_trip(&leaf)?;
        }
        let change = LeafChange::appraised("1".parse().unwrap(), Decimal::ZERO);
        round_trip(&WhatIf::run(&ranking, "u0", &[change]).unwrap())?;

        round_trip(&SelfAppraisal::compare(&cohort).unwrap())?;
        let pinned = PublishedTable {
            rows: vec![PublishedRow::new("u0", Decimal::from(50)).with_rank(Rank::new(9).unwrap())],
            ..PublishedTable::default()
        };
        round_trip(&pin(&cohort, &pinned, Decimal::ZERO).unwrap())?;
        let uncertainty = RankUncertainty::from_cohort(&cohort)
            .unwrap()
            .run(&UncertaintyOptions::default().with_replications(20))
            .unwrap();
        round_trip(&uncertainty)?;
        for removal in RankUncertainty::from_cohort(&cohort).unwrap().remove_one_domain().unwrap() {
            round_trip(&removal)?;
        }
        round_trip(&PeerAverageRule::new("1".parse().unwrap()).apply(&cohort).unwrap())?;
    }
}
