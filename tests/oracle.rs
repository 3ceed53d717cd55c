//! Property tests of par-index against an independent exact-rational oracle (`tests/oracle/`).
//!
//! Case counts: `PAR_ORACLE_CASES` is the TOTAL number of generated cases over all the
//! properties below (default 10,000), split by the share each property declares (in percent).
//! A long run of a million cases:
//!
//! ```text
//! PAR_ORACLE_CASES=1000000 cargo test --release --test oracle
//! ```
//!
//! Shrinking is bounded by `PAR_ORACLE_SHRINK_SECS` seconds per failing property (default 2).
//! A failure prints the minimal framework spec and assessment (proptest's input) and both the
//! oracle's and the library's values.

#[path = "oracle/mod.rs"]
mod oracle;

use std::collections::BTreeSet;

use num_traits::Zero;
use oracle::adapter::{self, expected, exposed};
use oracle::eval::{self, Q, Tie, int};
use oracle::generate;
use par_index::{
    Assessment, Cohort, Framework, GradeBand, GradeScale, RankingOptions, Rounding, RoundingPolicy,
    Scorecard,
    bulk::PointsTable,
    framework::FrameworkSpec,
    ranking::{TieMethod, ValueBasis},
};
use proptest::prelude::*;
use proptest::test_runner::Config;
use rust_decimal::Decimal;

const MODES: [Rounding; 5] = [
    Rounding::HalfAwayFromZero,
    Rounding::HalfEven,
    Rounding::HalfTowardZero,
    Rounding::TowardZero,
    Rounding::AwayFromZero,
];

fn total_cases() -> u64 {
    std::env::var("PAR_ORACLE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

/// The config of a property taking `share` percent of the total cases.
fn config(share: u64) -> Config {
    let shrink_secs: u32 = std::env::var("PAR_ORACLE_SHRINK_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2);
    Config {
        cases: (total_cases() * share / 100).max(1) as u32,
        max_shrink_time: shrink_secs * 1000,
        max_shrink_iters: 100_000,
        failure_persistence: None,
        ..Config::default()
    }
}

fn build(spec: &FrameworkSpec) -> Framework {
    Framework::from_spec(spec.clone())
        .unwrap_or_else(|e| panic!("generated framework refused: {e}\n{spec:#?}"))
}

/// Both sides' results, or None when either refuses (refusal agreement is its own property).
fn both(spec: &FrameworkSpec, a: &Assessment) -> Option<(Scorecard, eval::OracleCard)> {
    let fw = build(spec);
    match (
        fw.score_with(a, &par_index::ScoringOptions::lenient()),
        eval::score(spec, a),
    ) {
        (Ok(s), Ok(o)) => Some((s, o)),
        _ => None,
    }
}

fn show(x: &Q) -> String {
    format!("{x} (= {})", eval::to_decimal28(x))
}

// ---------------------------------------------------------------------------------------
// The oracle itself, against hand-computed values.

mod oracle_self_tests {
    use super::*;
    use par_index::{Entry, Evidence, Rule};
    use rust_decimal::dec;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rules_by_hand() {
        let three = int(3);
        let linear = Rule::Linear {
            zero_at: dec!(20),
            full_at: dec!(80),
        };
        // (50.5 - 20) / 60 × 3 = 1.525
        let got = eval::apply(&linear, &three, &Evidence::Percent(dec!(50.5))).unwrap();
        assert_eq!(got, eval::Outcome::Points(eval::q(dec!(1.525))));
        assert_eq!(
            eval::publish(&eval::q(dec!(1.525)), 2, Rounding::HalfAwayFromZero).to_string(),
            "1.53"
        );
        // a third of 3 points is exactly 1
        let got = eval::apply(&Rule::proportional(), &three, &Evidence::rate(1, 3)).unwrap();
        assert_eq!(got, eval::Outcome::Points(int(1)));
        // 94.999999999999999999999999995% does not reach a band at 95%
        let bands = Rule::ThresholdBands {
            bands: vec![par_index::rule::RateBand {
                at_least: dec!(95),
                points: dec!(1),
            }],
            zero_denominator: Default::default(),
        };
        let rate = Evidence::Rate {
            numerator: d("18999999999999999999999999999"),
            denominator: d("20000000000000000000000000000"),
        };
        assert_eq!(
            eval::apply(&bands, &int(1), &rate).unwrap(),
            eval::Outcome::Points(int(0))
        );
        let exactly = Evidence::Rate {
            numerator: d("19"),
            denominator: d("20"),
        };
        assert_eq!(
            eval::apply(&bands, &int(1), &exactly).unwrap(),
            eval::Outcome::Points(int(1))
        );
        // falling linear: 10 days late → 0, 0 → full; 2.5 days → 3/4
        let falling = Rule::Linear {
            zero_at: dec!(10),
            full_at: dec!(0),
        };
        assert_eq!(
            eval::apply(&falling, &int(4), &Evidence::Value(dec!(2.5))).unwrap(),
            eval::Outcome::Points(int(3))
        );
        // deduction with a huge count reaches the floor
        let ded = Rule::Deduction {
            per_violation: dec!(0.25),
            floor: dec!(0.5),
        };
        assert_eq!(
            eval::apply(&ded, &int(2), &Evidence::Count(u64::MAX)).unwrap(),
            eval::Outcome::Points(eval::q(dec!(0.5)))
        );
        assert_eq!(
            eval::apply(&ded, &int(2), &Evidence::Count(3)).unwrap(),
            eval::Outcome::Points(eval::q(dec!(1.25)))
        );
        // survey mean 1..5, 4 → 3/4 of the maximum; 5.01 refused
        let survey = Rule::SurveyMean {
            scale_min: dec!(1),
            scale_max: dec!(5),
        };
        assert_eq!(
            eval::apply(&survey, &int(2), &Evidence::SurveyMean(dec!(4))).unwrap(),
            eval::Outcome::Points(eval::q(dec!(1.5)))
        );
        assert!(eval::apply(&survey, &int(2), &Evidence::SurveyMean(dec!(5.01))).is_err());
        // refusals
        assert!(eval::apply(&Rule::proportional(), &three, &Evidence::rate(4, 3)).is_err());
        assert!(eval::apply(&Rule::proportional(), &three, &Evidence::rate(0, 0)).is_err());
        assert!(
            eval::apply(
                &Rule::proportional(),
                &three,
                &Evidence::Percent(dec!(100.01))
            )
            .is_err()
        );
        assert!(eval::apply(&Rule::Direct, &three, &Evidence::Flag(true)).is_err());
    }

    #[test]
    fn exposed_and_published_by_hand() {
        let third = Q::new(1.into(), 3.into());
        assert_eq!(
            eval::to_decimal28(&third).to_string(),
            "0.3333333333333333333333333333"
        );
        assert_eq!(
            eval::to_decimal28(&(third.clone() * int(200))).to_string(),
            "66.66666666666666666666666667"
        );
        assert_eq!(eval::to_decimal28(&eval::q(dec!(1.525))), dec!(1.525));
        assert_eq!(
            eval::to_decimal28(&Q::new(1.into(), 1024.into())),
            dec!(0.0009765625)
        );
        let x = eval::q(dec!(85.785));
        let got: Vec<String> = MODES
            .iter()
            .map(|m| eval::publish(&x, 2, *m).to_string())
            .collect();
        assert_eq!(got, ["85.79", "85.78", "85.78", "85.78", "85.79"]);
        let x = eval::q(dec!(-0.125));
        let got: Vec<String> = MODES
            .iter()
            .map(|m| eval::publish(&x, 2, *m).to_string())
            .collect();
        assert_eq!(got, ["-0.13", "-0.12", "-0.12", "-0.12", "-0.13"]);
        assert_eq!(
            eval::publish(&eval::q(dec!(85.8)), 2, Rounding::HalfAwayFromZero).to_string(),
            "85.80"
        );
        assert_eq!(
            eval::publish(&eval::q(dec!(85.781)), 2, Rounding::AwayFromZero).to_string(),
            "85.79"
        );
        assert_eq!(
            eval::publish(&eval::q(dec!(2.5)), 0, Rounding::HalfEven).to_string(),
            "2"
        );
    }

    #[test]
    fn ranks_grades_statistics_by_hand() {
        let vals: Vec<(String, Q)> = [("d", 85), ("b", 90), ("a", 95), ("c", 90)]
            .iter()
            .map(|(u, v)| (u.to_string(), int(*v)))
            .collect();
        let show = |t| {
            eval::ranks(&vals, t)
                .iter()
                .map(|(u, r)| format!("{u}{r}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(show(Tie::Competition), "a1 b2 c2 d4");
        assert_eq!(show(Tie::Dense), "a1 b2 c2 d3");
        assert_eq!(show(Tie::Ordinal), "a1 b2 c3 d4");
        assert_eq!(show(Tie::Fractional), "a1 b5/2 c5/2 d4");
        let national = GradeScale::national();
        assert_eq!(
            eval::grade(national.bands(), &int(90)).as_deref(),
            Some("A")
        );
        assert_eq!(
            eval::grade(national.bands(), &eval::q(dec!(89.99))).as_deref(),
            Some("B")
        );
        assert_eq!(eval::grade(national.bands(), &eval::q(dec!(69.99))), None);
        let s = eval::summary(&[
            eval::q(dec!(92.18)),
            eval::q(dec!(91.87)),
            eval::q(dec!(91.43)),
        ])
        .unwrap();
        assert_eq!(
            eval::to_decimal28(&s.mean).to_string(),
            "91.82666666666666666666666667"
        );
        assert_eq!(
            (s.median, s.above_mean, s.min, s.max),
            (
                eval::q(dec!(91.87)),
                2,
                eval::q(dec!(91.43)),
                eval::q(dec!(92.18))
            )
        );
        let s = eval::summary(&[int(1), int(2), int(4), int(10)]).unwrap();
        assert_eq!(
            (s.mean, s.median, s.above_mean),
            (Q::new(17.into(), 4.into()), int(3), 1)
        );
    }

    #[test]
    fn scoring_by_hand() {
        // The crate's own example: (7 + 12 × 5378/5597) / 20 → 92.65.
        let fw = Framework::builder("ward", "demo")
            .total_points(dec!(20))
            .domain("1", "d1", dec!(8))
            .child("1", "1.1", "a", dec!(4))
            .rule(Rule::yes_no())
            .child("1", "1.2", "b", dec!(4))
            .rule(Rule::Direct)
            .domain("2", "d2", dec!(12))
            .child("2", "2.1", "c", dec!(12))
            .rule(Rule::proportional())
            .build()
            .unwrap();
        let mut a = Assessment::new("ward", "w1", "2021".parse().unwrap());
        a.push(Entry::new("1.1".parse().unwrap()).with_evidence(Evidence::Flag(true)))
            .push(
                Entry::new("1.2".parse().unwrap())
                    .with_self_assessed(dec!(4))
                    .with_appraised(dec!(3)),
            )
            .push(Entry::new("2.1".parse().unwrap()).with_evidence(Evidence::rate(5_378, 5_597)));
        let card = eval::score(&fw.to_spec(), &a).unwrap();
        assert_eq!(card.points, Q::new(103_715.into(), 5_597.into()));
        assert_eq!(card.index, Q::new(518_575.into(), 5_597.into()));
        assert_eq!(
            eval::publish(&card.index, 2, Rounding::HalfAwayFromZero).to_string(),
            "92.65"
        );
        assert_eq!(card.nodes["1"].points, int(7));

        // A weighted-mean total over a plain domain (weight 1) and a rescaling one (weight 3)
        // whose optional leaf does not apply; an adjustment pushes the index beyond 100.
        use par_index::{
            assessment::Adjustment,
            framework::{Combine, NotApplicablePolicy},
        };
        let fw = Framework::builder("wm", "demo")
            .total_points(dec!(100))
            .combine_domains(Combine::WeightedMean)
            .domain("A", "a", dec!(10))
            .weight(dec!(1))
            .child("A", "A.1", "a1", dec!(10))
            .domain("B", "b", dec!(10))
            .weight(dec!(3))
            .when_not_applicable(NotApplicablePolicy::Rescale)
            .child("B", "B.1", "b1", dec!(4))
            .optional()
            .child("B", "B.2", "b2", dec!(6))
            .build()
            .unwrap();
        let mut a = Assessment::new("wm", "w1", "2021".parse().unwrap());
        a.push(Entry::new("A.1".parse().unwrap()).with_appraised(dec!(5)))
            .push(Entry::new("B.1".parse().unwrap()).with_evidence(Evidence::NotApplicable))
            .push(Entry::new("B.2".parse().unwrap()).with_appraised(dec!(4.5)));
        a.adjust(Adjustment {
            label: "bonus".into(),
            points: dec!(30),
            reason: String::new(),
        });
        let card = eval::score(&fw.to_spec(), &a).unwrap();
        assert_eq!(card.nodes["B"].points, Q::new(15.into(), 2.into())); // 4.5 × 10 / 6
        assert_eq!(card.nodes["B"].effective_max, int(10));
        assert!(!card.nodes["B.1"].applicable);
        // 100 × (1 × 1/2 + 3 × 3/4) / 4 = 68.75; + 30 → 98.75 (no clamp)
        assert_eq!(card.points, eval::q(dec!(68.75)));
        assert_eq!(card.index, eval::q(dec!(98.75)));
        a.adjustments[0].points = dec!(40);
        let card = eval::score(&fw.to_spec(), &a).unwrap();
        assert_eq!(
            (card.unclamped, card.index, card.lost),
            (eval::q(dec!(108.75)), int(100), eval::q(dec!(31.25)))
        );
        // refusals: not applicable on a non-optional leaf, with points, nothing applicable
        let mut bad = Assessment::new("wm", "w1", "2021".parse().unwrap());
        bad.push(Entry::new("A.1".parse().unwrap()).with_evidence(Evidence::NotApplicable));
        assert!(eval::score(&fw.to_spec(), &bad).is_err());
        let mut bad = Assessment::new("wm", "w1", "2021".parse().unwrap());
        bad.push(
            Entry::new("B.1".parse().unwrap())
                .with_evidence(Evidence::NotApplicable)
                .with_self_assessed(dec!(1)),
        );
        assert!(eval::score(&fw.to_spec(), &bad).is_err());
        let mut dup = Assessment::new("wm", "w1", "2021".parse().unwrap());
        dup.push(Entry::new("A.1".parse().unwrap()))
            .push(Entry::new("A.1".parse().unwrap()));
        assert!(eval::score(&fw.to_spec(), &dup).is_err());
        let mut parent = Assessment::new("wm", "w1", "2021".parse().unwrap());
        parent.push(Entry::new("A".parse().unwrap()));
        assert!(eval::score(&fw.to_spec(), &parent).is_err());
    }

    #[test]
    fn generated_frameworks_are_valid() {
        use proptest::strategy::ValueTree;
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let (mut valid, mut n) = (0, 0);
        for _ in 0..300 {
            let (spec, a) = generate::case().new_tree(&mut runner).unwrap().current();
            build(&spec);
            n += 1;
            match eval::score(&spec, &a) {
                Ok(_) => valid += 1,
                Err(e) => println!("refused: {}", e.0),
            }
        }
        println!("{valid} of {n} generated assessments are valid");
        assert!(
            valid * 100 >= n * 70,
            "too few valid inputs: {valid} of {n}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Properties.

proptest! {
    #![proptest_config(config(25))]
    /// Every node: applicability, points, effective max, percent.
    #[test]
    fn nodes_match_oracle((spec, a) in generate::case()) {
        let Some((sc, card)) = both(&spec, &a) else { return Ok(()) };
        prop_assert_eq!(sc.nodes().len(), card.nodes.len());
        for n in sc.nodes() {
            let code = n.code.to_string();
            let o = &card.nodes[&code];
            let (applicable, points, emax, percent) = adapter::node(n);
            prop_assert_eq!(applicable, o.applicable, "applicability of {}", code);
            prop_assert!(points == expected(&o.points), "points of {}: oracle {} library {}", code, show(&o.points), n.points);
            prop_assert!(emax == expected(&o.effective_max), "effective max of {}: oracle {} library {}", code, show(&o.effective_max), n.effective_max);
            prop_assert!(percent == o.percent.as_ref().map(expected), "percent of {}: oracle {:?} library {:?}", code, o.percent.as_ref().map(show), n.percent());
        }
    }
}

proptest! {
    #![proptest_config(config(20))]
    /// The unit: points, effective max, index, clamp, lost points.
    #[test]
    fn unit_matches_oracle((spec, a) in generate::case()) {
        let Some((sc, card)) = both(&spec, &a) else { return Ok(()) };
        let u = adapter::unit(&sc);
        prop_assert!(u.points == expected(&card.points), "points: oracle {} library {}", show(&card.points), sc.points());
        prop_assert!(u.effective_max == expected(&card.effective_max), "effective max: oracle {} library {}", show(&card.effective_max), sc.effective_max());
        prop_assert!(u.index == expected(&card.index), "index: oracle {} library {}", show(&card.index), sc.index());
        prop_assert!(u.lost == expected(&card.lost), "lost: oracle {} library {}", show(&card.lost), sc.lost_points());
        let want = (card.index != card.unclamped).then(|| (expected(&card.unclamped), card.index.clone()));
        prop_assert!(u.clamp == want, "clamp: oracle unclamped {} index {}, library {:?}", show(&card.unclamped), show(&card.index), sc.clamp());
    }
}

proptest! {
    #![proptest_config(config(10))]
    /// Published figures, every rounding mode, 0..=6 places: value and scale.
    #[test]
    fn published_matches_oracle((spec, a) in generate::case()) {
        let Some((sc, card)) = both(&spec, &a) else { return Ok(()) };
        for mode in MODES {
            for places in 0..=6u32 {
                let p = sc.publish(&RoundingPolicy::new(places, mode).expect("at most 12 places"));
                let check = |what: String, got: Decimal, truth: &Q| -> Result<(), TestCaseError> {
                    let want = eval::publish(truth, places, mode);
                    prop_assert!(got == want && got.scale() == places,
                        "published {} ({:?}, {} places): oracle {} from {} library {}", what, mode, places, want, show(truth), got);
                    Ok(())
                };
                check("index".into(), p.index, &card.index)?;
                check("points".into(), p.points, &card.points)?;
                check("max".into(), p.max_points, &card.effective_max)?;
                check("adjustments".into(), p.adjustments, &card.adjustments)?;
                for n in &p.nodes {
                    let code = n.code.to_string();
                    let o = &card.nodes[&code];
                    check(format!("max of {code}"), n.max_points, &o.effective_max)?;
                    prop_assert_eq!(n.points.is_some(), o.applicable, "published points present for {}", code);
                    prop_assert_eq!(n.percent.is_some(), o.applicable, "published percent present for {}", code);
                    if let (Some(pts), Some(pct), Some(opct)) = (n.points, n.percent, &o.percent) {
                        check(format!("points of {code}"), pts, &o.points)?;
                        check(format!("percent of {code}"), pct, opct)?;
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config(20))]
    /// The library accepts exactly the inputs the oracle accepts.
    #[test]
    fn refusals_agree((spec, a) in generate::case()) {
        let fw = build(&spec);
        let lib = fw.score_with(&a, &par_index::ScoringOptions::lenient());
        let or = eval::score(&spec, &a);
        prop_assert_eq!(lib.is_err(), or.is_err(), "library: {:?}\noracle: {:?}", lib.as_ref().err().map(|e| e.to_string()), or.as_ref().err());
    }
}

#[derive(Debug, Clone)]
struct RankParams {
    tie: Tie,
    basis: ValueBasis,
    grade_basis: ValueBasis,
    places: u32,
    mode: Rounding,
    /// 0: no grades, 1: national, 2: thresholds at the units' boundaries.
    scale: u8,
    picks: Vec<usize>,
}

fn rank_params() -> impl Strategy<Value = RankParams> {
    (
        prop::sample::select(vec![
            Tie::Competition,
            Tie::Dense,
            Tie::Ordinal,
            Tie::Fractional,
        ]),
        prop::sample::select(vec![ValueBasis::Published, ValueBasis::Exact]),
        prop::sample::select(vec![ValueBasis::Published, ValueBasis::Exact]),
        prop_oneof![3 => Just(2u32), 1 => 0u32..=6],
        prop::sample::select(MODES.to_vec()),
        0u8..=2,
        prop::collection::vec(0usize..1000, 1..=4),
    )
        .prop_map(
            |(tie, basis, grade_basis, places, mode, scale, picks)| RankParams {
                tie,
                basis,
                grade_basis,
                places,
                mode,
                scale,
                picks,
            },
        )
}

/// Candidate grade thresholds at the units' boundaries: exposed and published values, the
/// rounding edge below a published value, 0, 50, 100.
fn boundary_scale(indexes: &[Q], policy: &RoundingPolicy, picks: &[usize]) -> GradeScale {
    let mut candidates: BTreeSet<Decimal> =
        [Decimal::ZERO, Decimal::from(50), Decimal::ONE_HUNDRED].into();
    let half_unit = eval::q(Decimal::new(5, policy.decimal_places() + 1));
    for t in indexes {
        candidates.insert(eval::to_decimal28(t).normalize());
        let published = eval::publish(t, policy.decimal_places(), policy.rounding());
        candidates.insert(published.normalize());
        let edge = eval::q(published) - &half_unit;
        if edge >= Q::zero() {
            candidates.insert(eval::to_decimal28(&edge).normalize());
        }
    }
    let candidates: Vec<Decimal> = candidates.into_iter().collect();
    let chosen: BTreeSet<Decimal> = picks
        .iter()
        .map(|i| candidates[i % candidates.len()])
        .collect();
    let bands = chosen
        .into_iter()
        .rev()
        .enumerate()
        .map(|(i, min)| GradeBand::new(format!("G{i}"), min));
    GradeScale::new("boundary", bands).expect("a valid boundary scale")
}

proptest! {
    #![proptest_config(config(15))]
    /// Cohorts: every unit's rank and grade, and the index statistics, on the basis values.
    #[test]
    fn cohort_matches_oracle((spec, assessments) in generate::cohort(), p in rank_params()) {
        let fw = build(&spec);
        let mut cards = Vec::new();
        for a in &assessments {
            if let (Ok(s), Ok(o)) = (fw.score_with(a, &par_index::ScoringOptions::lenient()), eval::score(&spec, a)) {
                cards.push((s, o));
            }
        }
        if cards.is_empty() { return Ok(()) }
        let policy = RoundingPolicy::new(p.places, p.mode).expect("at most 12 places");
        let truths: Vec<Q> = cards.iter().map(|(_, o)| o.index.clone()).collect();
        let scale = match p.scale {
            0 => None,
            1 => Some(GradeScale::national()),
            _ => Some(boundary_scale(&truths, &policy, &p.picks)),
        };
        let tie = match p.tie {
            Tie::Competition => TieMethod::Competition,
            Tie::Dense => TieMethod::Dense,
            Tie::Ordinal => TieMethod::ordinal([]),
            Tie::Fractional => TieMethod::Fractional,
        };
        let mut options = RankingOptions::default().with_tie_method(tie).with_basis(p.basis).with_rounding(policy).with_grade_basis(p.grade_basis);
        if let Some(s) = &scale { options = options.with_grades(s.clone()); }
        let cohort = Cohort::new(&fw, cards.iter().map(|(s, _)| s.clone())).expect("cohort");
        let ranking = cohort.rank_with(&options).expect("ranking");
        let on = |basis: ValueBasis, t: &Q| match basis {
            ValueBasis::Published => eval::q(eval::publish(t, p.places, p.mode)),
            _ => t.clone(),
        };
        let values: Vec<(String, Q)> = cards.iter().map(|(s, o)| (s.unit().to_string(), on(p.basis, &o.index))).collect();
        let want: Vec<(String, Q)> = eval::ranks(&values, p.tie);
        let got: Vec<(String, Q)> = ranking.units().iter().map(|u| (u.unit.clone(), exposed(u.rank.expect("ranked").value()))).collect();
        let truth_of = |u: &str| cards.iter().find(|(s, _)| s.unit() == u).map(|(_, o)| show(&o.index)).unwrap();
        prop_assert!(got == want, "ranks ({:?} on {:?}): oracle {:?}\nlibrary {:?}\ntrue indexes {:?}", p.tie, p.basis,
            want.iter().map(|(u, r)| format!("{u}:{r}")).collect::<Vec<_>>(),
            got.iter().map(|(u, r)| format!("{u}:{r}")).collect::<Vec<_>>(),
            cards.iter().map(|(s, _)| format!("{}={}", s.unit(), truth_of(s.unit()))).collect::<Vec<_>>());
        for (s, o) in &cards {
            let unit = ranking.unit(s.unit()).expect("unit in ranking");
            let published = eval::publish(&o.index, p.places, p.mode);
            prop_assert!(unit.index.published() == published && unit.index.published().scale() == p.places,
                "published index of {}: oracle {} library {}", s.unit(), published, unit.index.published());
            let want_grade = scale.as_ref().and_then(|sc| eval::grade(sc.bands(), &on(p.grade_basis, &o.index)));
            prop_assert_eq!(&unit.grade, &want_grade, "grade of {} (true index {}, {:?} basis, scale {:?})", s.unit(), show(&o.index), p.grade_basis, scale.as_ref().map(|s| s.bands().to_vec()));
        }
        let basis_values: Vec<Q> = values.iter().map(|(_, v)| v.clone()).collect();
        let o = eval::summary(&basis_values).unwrap();
        let l = ranking.statistics().index.clone().expect("statistics");
        prop_assert_eq!(l.count, o.count);
        prop_assert!(exposed(&l.mean) == expected(&o.mean), "mean: oracle {} library {}", show(&o.mean), l.mean);
        prop_assert!(exposed(&l.median) == expected(&o.median), "median: oracle {} library {}", show(&o.median), l.median);
        prop_assert!(exposed(&l.min) == expected(&o.min), "min: oracle {} library {}", show(&o.min), l.min);
        prop_assert!(exposed(&l.max) == expected(&o.max), "max: oracle {} library {}", show(&o.max), l.max);
        prop_assert_eq!(l.above_mean, o.above_mean, "above mean (true mean {})", show(&o.mean));
    }
}

proptest! {
    #![proptest_config(config(10))]
    /// Bulk scoring: index, published index and competition ranks.
    #[test]
    fn bulk_matches_oracle((spec, rows) in generate::bulk(), places in 0u32..=6, mode in prop::sample::select(MODES.to_vec())) {
        let fw = build(&spec);
        let mut table = PointsTable::new(&fw, "2025".parse().unwrap()).expect("table");
        for (i, row) in rows.iter().enumerate() {
            table.push(format!("u{i}"), row.iter().copied()).expect("row");
        }
        let policy = RoundingPolicy::new(places, mode).expect("at most 12 places");
        let scores = table.score_with(&policy).expect("scores");
        let total = eval::q(spec.total_points);
        let mut published = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let unit = scores.unit(i).unwrap();
            let points = row.iter().fold(Q::zero(), |s, p| s + eval::q(*p));
            let index = &points * int(100) / &total;
            let got = unit.index();
            prop_assert!(exposed(&got) == expected(&index), "bulk index of u{}: oracle {} library {}", i, show(&index), got);
            let want = eval::publish(&index, places, mode);
            let got = unit.published_index();
            prop_assert!(got == want && got.scale() == places, "bulk published index of u{} ({:?}, {}): oracle {} library {}", i, mode, places, want, got);
            published.push((format!("u{i}"), eval::q(want)));
        }
        let ranked = eval::ranks(&published, Tie::Competition);
        let want: Vec<u32> = (0..rows.len())
            .map(|i| ranked.iter().find(|(u, _)| *u == format!("u{i}")).unwrap().1.to_integer().try_into().unwrap())
            .collect();
        prop_assert_eq!(scores.ranks(), &want[..]);
    }
}
