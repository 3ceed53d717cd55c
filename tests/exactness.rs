//! The cases where rounding each division used to give the wrong figure, each with its true
//! value written out. The oracle (`tests/oracle.rs`) checks the same contract on random
//! frameworks; these are the ones a reader can check by hand.

use par_index::{
    Assessment, Entry, Error, ErrorKind, Evidence, Exact, Framework, Rounding, RoundingPolicy,
    Rule,
    framework::{Combine, NotApplicablePolicy},
    rule::{RateBand, ZeroDenominator},
};
use rust_decimal::{Decimal, dec};

fn exact(text: &str) -> Exact {
    text.parse().unwrap()
}

fn policy(places: u32, rounding: Rounding) -> RoundingPolicy {
    RoundingPolicy::new(places, rounding).unwrap()
}

/// One domain of `max` points made of one leaf "1.1" scored by `rule`.
fn one_leaf(max: Decimal, rule: Rule) -> Framework {
    Framework::builder("one", "One leaf")
        .total_points(max)
        .domain("1", "Lĩnh vực", max)
        .child("1", "1.1", "Tiêu chí", max)
        .rule(rule)
        .build()
        .unwrap()
}

fn unit_with(entries: Vec<Entry>) -> Assessment {
    let mut unit = Assessment::new("one", "ward-1", "2024".parse().unwrap());
    unit.entries = entries;
    unit
}

fn evidence(evidence: Evidence) -> Assessment {
    unit_with(vec![
        Entry::new("1.1".parse().unwrap()).with_evidence(evidence),
    ])
}

#[test]
fn a_linear_rule_multiplies_before_it_divides() {
    // (50.5 − 20) / (80 − 20) × 3 = 30.5 × 3 / 60 = 1.525 exactly.
    let framework = one_leaf(
        dec!(3),
        Rule::Linear {
            zero_at: dec!(20),
            full_at: dec!(80),
        },
    );
    let card = framework
        .score(&evidence(Evidence::Percent(dec!(50.5))))
        .unwrap();
    let leaf = card.node("1.1").unwrap();
    assert_eq!(leaf.points, exact("1.525"));
    assert_eq!(leaf.points.to_string(), "1.525");
    let published = card.publish(&RoundingPolicy::default());
    assert_eq!(published.points.to_string(), "1.53");
    assert_eq!(
        card.publish(&policy(2, Rounding::HalfEven))
            .points
            .to_string(),
        "1.52"
    );
}

#[test]
fn a_proportional_third_of_three_points_is_one_point() {
    let framework = one_leaf(dec!(3), Rule::proportional());
    let card = framework
        .score(&evidence(Evidence::rate(1_000_001, 3_000_003)))
        .unwrap();
    assert_eq!(card.node("1.1").unwrap().points, exact("1"));
    assert_eq!(card.node("1.1").unwrap().percent(), Some(exact("100/3")));
    for rounding in [Rounding::TowardZero, Rounding::HalfAwayFromZero] {
        let published = card.publish(&policy(2, rounding));
        assert_eq!(published.points.to_string(), "1.00", "{rounding:?}");
        assert_eq!(published.index.to_string(), "33.33", "{rounding:?}");
    }
    assert_eq!(card.index(), &exact("100/3"));
}

#[test]
fn rescaling_and_weighted_means_divide_once() {
    // Domain 1 (100 points) is the weighted mean of 1.1 (of 7, weight 1) and 1.2 (of 7,
    // weight 1); 1.3 (of 7, optional) is not applicable and leaves the mean.
    // (6/7 + 6.5993/7) / 2 × 100 = 12.5993 / 14 × 100 = 89.995 exactly, although 6/7 and
    // 6.5993/7 are not decimals.
    let framework = Framework::builder("one", "Weighted")
        .total_points(dec!(100))
        .domain("1", "Lĩnh vực", dec!(100))
        .combine(Combine::WeightedMean)
        .when_not_applicable(NotApplicablePolicy::Rescale)
        .child("1", "1.1", "a", dec!(7))
        .weight(dec!(1))
        .child("1", "1.2", "b", dec!(7))
        .weight(dec!(1))
        .child("1", "1.3", "c", dec!(7))
        .weight(dec!(5))
        .optional()
        .build()
        .unwrap();
    let card = framework
        .score(&unit_with(vec![
            Entry::new("1.1".parse().unwrap()).with_appraised(dec!(6)),
            Entry::new("1.2".parse().unwrap()).with_appraised(dec!(6.5993)),
            Entry::new("1.3".parse().unwrap()).with_evidence(Evidence::NotApplicable),
        ]))
        .unwrap();
    assert_eq!(card.index(), &exact("89.995"));
    assert_eq!(card.node("1").unwrap().points, exact("89.995"));
    // The midpoint rounds by the policy's rule, never by an error in the 28th digit.
    let published = |rounding| card.publish(&policy(2, rounding)).index.to_string();
    assert_eq!(published(Rounding::HalfAwayFromZero), "90.00");
    assert_eq!(published(Rounding::HalfEven), "90.00");
    assert_eq!(published(Rounding::HalfTowardZero), "89.99");
    assert_eq!(published(Rounding::TowardZero), "89.99");
    assert_eq!(published(Rounding::AwayFromZero), "90.00");
}

#[test]
fn a_rate_just_below_a_band_does_not_reach_it() {
    // 18999999999999999999999999999 / 20000000000000000000000000000 is
    // 94.999999999999999999999999995%: below the 95% band.
    let framework = one_leaf(
        dec!(2),
        Rule::ThresholdBands {
            bands: vec![
                RateBand {
                    at_least: dec!(95),
                    points: dec!(2),
                },
                RateBand {
                    at_least: dec!(80),
                    points: dec!(1),
                },
            ],
            zero_denominator: ZeroDenominator::Error,
        },
    );
    let rate = Evidence::Rate {
        numerator: dec!(18999999999999999999999999999),
        denominator: dec!(20000000000000000000000000000),
    };
    let card = framework.score(&evidence(rate)).unwrap();
    assert_eq!(card.node("1.1").unwrap().points, exact("1"));
    let at_band = Evidence::Rate {
        numerator: dec!(19000000000000000000000000000),
        denominator: dec!(20000000000000000000000000000),
    };
    let card = framework.score(&evidence(at_band)).unwrap();
    assert_eq!(card.node("1.1").unwrap().points, exact("2"));
}

#[test]
fn a_rate_of_the_largest_decimal_over_itself_is_a_hundred_percent() {
    let framework = one_leaf(dec!(3), Rule::proportional());
    let whole = Evidence::Rate {
        numerator: Decimal::MAX,
        denominator: Decimal::MAX,
    };
    let card = framework.score(&evidence(whole)).unwrap();
    assert_eq!(card.node("1.1").unwrap().percent(), Some(exact("100")));
    assert_eq!(card.index(), &exact("100"));
}

#[test]
fn a_deduction_with_a_huge_count_stops_at_its_floor() {
    let framework = one_leaf(
        dec!(3),
        Rule::Deduction {
            per_violation: dec!(0.5),
            floor: dec!(1),
        },
    );
    let card = framework
        .score(&evidence(Evidence::Count(u64::MAX)))
        .unwrap();
    assert_eq!(card.node("1.1").unwrap().points, exact("1"));
}

#[test]
fn a_percent_above_a_hundred_is_refused_like_a_part_above_its_whole() {
    let framework = one_leaf(dec!(3), Rule::proportional());
    let percent = framework
        .score(&evidence(Evidence::Percent(dec!(100.01))))
        .unwrap_err();
    assert!(
        matches!(percent.kind(), ErrorKind::PercentAboveHundred { .. }),
        "{percent:?}"
    );
    assert_eq!(
        percent.to_string(),
        "unit ward-1: criterion 1.1 is given 100.01%: a percent, like a rate, is a part of a whole and may not exceed 100"
    );
    let rate = framework
        .score(&evidence(Evidence::rate(10_001, 10_000)))
        .unwrap_err();
    assert!(
        matches!(rate.kind(), ErrorKind::RateAboveWhole { .. }),
        "{rate:?}"
    );
    // A part over a zero whole is above its whole too, whatever the zero-denominator policy.
    let full = one_leaf(
        dec!(3),
        Rule::Proportional {
            full_at_percent: dec!(100),
            zero_denominator: ZeroDenominator::FullPoints,
        },
    );
    assert!(matches!(
        full.score(&evidence(Evidence::rate(5, 0)))
            .map_err(Error::into_kind),
        Err(ErrorKind::RateAboveWhole { .. })
    ));
    assert_eq!(
        full.score(&evidence(Evidence::rate(0, 0))).unwrap().index(),
        &exact("100")
    );
}

#[test]
fn exact_values_print_without_noise_and_published_values_keep_their_places() {
    let framework = one_leaf(dec!(30), Rule::Direct);
    let card = framework
        .score(&unit_with(vec![
            Entry::new("1.1".parse().unwrap()).with_appraised(dec!(24.050)),
        ]))
        .unwrap();
    assert_eq!(card.points().to_string(), "24.05");
    assert_eq!(format!("{:#}", card.index()), "481/6");
    assert_eq!(card.index().to_string(), "80.16666666666666666666666667");
    let published = card.publish(&policy(4, Rounding::HalfEven));
    assert_eq!(published.points.to_string(), "24.0500");
    assert_eq!(published.index.to_string(), "80.1667");
}

#[test]
fn a_policy_publishes_at_most_twelve_places() {
    assert!(RoundingPolicy::new(12, Rounding::HalfEven).is_ok());
    let refused = RoundingPolicy::new(13, Rounding::HalfEven).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "a rounding policy of 13 decimal places is refused; at most 12 are published"
    );
}
