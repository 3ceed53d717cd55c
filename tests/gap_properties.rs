//! Properties of the gap on generated cohorts: the points given, spread greedily over the
//! worst leaves and scored again, reach the goal, and any less does not.

use par_index::{
    Assessment, Cohort, Entry, Framework, GradeBand, GradeScale, Ranking, RankingOptions, Rounding,
    RoundingPolicy, Scorecard,
    analysis::gap::{Gap, Reach, Target},
    assessment::Adjustment,
    ranking::{TieBreaker, TieMethod, ValueBasis},
};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use rust_decimal::Decimal;

/// Leaf maxima in halves of a point, by domain.
fn tree() -> impl Strategy<Value = Vec<Vec<i64>>> {
    prop::collection::vec(prop::collection::vec(1i64..=20, 1..=3), 1..=4)
}

fn build(tree: &[Vec<i64>]) -> (Framework, Vec<(String, Decimal)>) {
    let mut builder = Framework::builder("gen", "Generated index");
    let mut leaves = Vec::new();
    let mut total = 0;
    for (d, children) in tree.iter().enumerate() {
        let domain = (d + 1).to_string();
        let max: i64 = children.iter().sum();
        total += max;
        builder = builder.domain(&domain, "Lĩnh vực", Decimal::new(max * 5, 1));
        for (c, halves) in children.iter().enumerate() {
            let code = format!("{domain}.{}", c + 1);
            let max = Decimal::new(halves * 5, 1);
            builder = builder.child(&domain, &code, "Tiêu chí", max);
            leaves.push((code, max));
        }
    }
    let framework = builder
        .total_points(Decimal::new(total * 5, 1))
        .build()
        .unwrap();
    (framework, leaves)
}

/// A unit's points: a share in thousandths of each leaf's maximum, rounded to hundredths.
fn assess(
    unit: &str,
    leaves: &[(String, Decimal)],
    shares: &[u16],
    deduction_cents: i64,
) -> Assessment {
    let mut assessment = Assessment::new("gen", unit, "2024".parse().unwrap());
    for (i, (code, max)) in leaves.iter().enumerate() {
        let share = Decimal::from(shares.get(i).copied().unwrap_or(1000).min(1000));
        let points = (max * share / Decimal::from(1000)).round_dp(2).min(*max);
        assessment.push(Entry::new(code.parse().unwrap()).with_appraised(points));
    }
    if deduction_cents > 0 {
        assessment.adjust(Adjustment {
            label: "deduction".into(),
            points: Decimal::new(-deduction_cents, 2),
            reason: String::new(),
        });
    }
    assessment
}

fn options() -> impl Strategy<Value = RankingOptions> {
    let tie = prop_oneof![
        Just(TieMethod::Competition),
        Just(TieMethod::Dense),
        Just(TieMethod::Fractional),
        Just(TieMethod::ordinal([])),
        Just(TieMethod::ordinal([TieBreaker::ExactIndex])),
    ];
    let rounding = prop_oneof![
        Just(Rounding::HalfAwayFromZero),
        Just(Rounding::HalfEven),
        Just(Rounding::HalfTowardZero),
        Just(Rounding::TowardZero),
        Just(Rounding::AwayFromZero),
    ];
    let basis = prop_oneof![Just(ValueBasis::Published), Just(ValueBasis::Exact)];
    (tie, rounding, 0u32..=3, basis.clone(), basis).prop_map(
        |(tie, rounding, decimal_places, basis, grade_basis)| {
            RankingOptions::default()
                .with_tie_method(tie)
                .with_rounding(RoundingPolicy::new(decimal_places, rounding).unwrap())
                .with_basis(basis)
                .with_grade_basis(grade_basis)
        },
    )
}

/// Thresholds in thousandths of a percent, so that some fall between published values.
fn scale() -> impl Strategy<Value = GradeScale> {
    prop::collection::btree_set(0i64..=100_000, 1..=4).prop_map(|mins| {
        let bands = mins
            .iter()
            .rev()
            .enumerate()
            .map(|(i, min)| GradeBand::new(format!("G{i}"), Decimal::new(*min, 3)));
        GradeScale::new("generated", bands).unwrap()
    })
}

struct Case {
    framework: Framework,
    assessments: Vec<Assessment>,
    cards: Vec<Scorecard>,
    options: RankingOptions,
    ranking: Ranking,
}

impl Case {
    /// The unit re-scored with `points` spread by the gap's plan, and the cohort ranked again:
    /// the unit as ranked.
    fn after(&self, gap: &Gap<'_>, unit: usize, points: par_index::Exact) -> par_index::RankedUnit {
        let plan = gap.plan(points).unwrap();
        let mut assessment = self.assessments[unit].clone();
        for step in &plan.steps {
            let entry = assessment
                .entries
                .iter_mut()
                .find(|e| e.code == step.code)
                .unwrap();
            entry.appraised = Some(step.points_after.to_decimal());
        }
        let mut cards = self.cards.clone();
        cards[unit] = self.framework.score(&assessment).unwrap();
        let ranking = Cohort::new(&self.framework, cards)
            .unwrap()
            .rank_with(&self.options)
            .unwrap();
        ranking.unit(&self.assessments[unit].unit).unwrap().clone()
    }
}

/// What the checks compare: a goal reached by a re-ranked unit.
type Reached<'a> = dyn Fn(&par_index::RankedUnit) -> bool + 'a;

/// The gap's figures against re-scoring: the points reach the goal and less do not.
fn check(
    case: &Case,
    gap: &Gap<'_>,
    unit: usize,
    target: &Target,
    reached: &Reached<'_>,
    minimal: bool,
) -> Result<(), TestCaseError> {
    let open = gap.open_points();
    let tiny = par_index::Exact::from(Decimal::new(1, 12));
    let hundredth = par_index::Exact::from(Decimal::new(1, 2));
    let zero = par_index::Exact::ZERO;
    match &target.reach {
        Reach::Reached => prop_assert!(reached(&case.after(gap, unit, zero.clone()))),
        Reach::Reachable(needed) => {
            prop_assert!(!reached(&case.after(gap, unit, zero.clone())));
            if needed.inclusive {
                prop_assert!(
                    reached(&case.after(gap, unit, needed.points.clone())),
                    "{needed:?}"
                );
                if minimal {
                    let less = (&needed.points - &tiny).max(zero.clone());
                    prop_assert!(!reached(&case.after(gap, unit, less)), "{needed:?}");
                    if needed.points >= hundredth {
                        let less = &needed.points - &hundredth;
                        prop_assert!(!reached(&case.after(gap, unit, less)));
                    }
                }
            } else {
                if minimal {
                    prop_assert!(
                        !reached(&case.after(gap, unit, needed.points.clone())),
                        "{needed:?}"
                    );
                }
                let more = (&needed.points + &tiny).min(open.clone());
                prop_assert!(reached(&case.after(gap, unit, more)), "{needed:?}");
            }
            // Whole hundredths: the figure reaches, a hundredth less does not.
            let cents = needed.points_at(2).unwrap();
            if cents <= open {
                prop_assert!(reached(&case.after(gap, unit, cents.into())), "{needed:?}");
            }
            if minimal && cents >= Decimal::new(1, 2) {
                let less = cents - Decimal::new(1, 2);
                prop_assert!(!reached(&case.after(gap, unit, less.into())), "{needed:?}");
            }
        }
        Reach::Unreachable(needed) => {
            if minimal {
                prop_assert!(!reached(&case.after(gap, unit, open.clone())), "{needed:?}");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 192,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/gap_properties.txt",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn gaps_reach_their_goals_exactly(
        tree in tree(),
        units in prop::collection::vec(
            (prop::collection::vec(0u16..=1000, 12), prop_oneof![3 => Just(0i64), 1 => 1i64..=800]),
            2..=7,
        ),
        options in options(),
        scale in scale(),
        pick in any::<prop::sample::Index>(),
        rank_pick in any::<prop::sample::Index>(),
    ) {
        let (framework, leaves) = build(&tree);
        let assessments: Vec<Assessment> = units
            .iter()
            .enumerate()
            .map(|(i, (shares, deduction))| assess(&format!("u{i}"), &leaves, shares, *deduction))
            .collect();
        let cards: Vec<Scorecard> =
            assessments.iter().map(|a| framework.score(a).unwrap()).collect();
        let options = options.with_grades(scale.clone());
        let ranking = Cohort::new(&framework, cards.clone()).unwrap().rank_with(&options).unwrap();
        let case = Case { framework, assessments, cards, options, ranking };
        let unit = pick.index(case.cards.len());
        let gap = Gap::new(&case.ranking, case.cards[unit].unit()).unwrap();

        // The next grade, on the value the ranking grades.
        if let Some(target) = gap.to_next_grade(&scale).unwrap() {
            let min = match &target.goal {
                par_index::analysis::gap::Goal::Grade { min, .. } => *min,
                other => return Err(TestCaseError::fail(format!("{other:?}"))),
            };
            let basis = case.options.grade_basis;
            let reached = move |u: &par_index::RankedUnit| u.index_value(basis) >= min;
            check(&case, &gap, unit, &target, &reached, true)?;
        } else {
            let top = scale.bands()[0].min;
            prop_assert!(case.ranking.units().iter().any(|u| u.unit == case.assessments[unit].unit
                && u.index_value(case.options.grade_basis) >= top));
        }

        // A target rank, with the ranking's ties. Under tie-breakers a tie is not counted as
        // won, so the points are enough but need not be the least.
        let rank = u32::try_from(rank_pick.index(case.cards.len()) + 1).unwrap();
        let target = gap.to_rank(rank).unwrap();
        let wanted = Decimal::from(rank);
        let reached = move |u: &par_index::RankedUnit| u.rank.unwrap().value() <= wanted;
        let minimal = !matches!(
            &case.options.tie_method,
            TieMethod::Ordinal { tie_breakers } if !tie_breakers.is_empty()
        );
        check(&case, &gap, unit, &target, &reached, minimal)?;
    }
}
