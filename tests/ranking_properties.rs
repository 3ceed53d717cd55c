//! Properties of rankings: valid ranks for every tie method, independence from input order,
//! and a higher index never ranked below a lower one.

use par_index::{
    Assessment, Cohort, Entry, Framework, Ranking, RankingOptions, Scorecard,
    ranking::{TieBreaker, TieMethod, ValueBasis},
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn framework() -> Framework {
    Framework::builder("p", "Two domains")
        .domain("1", "Lĩnh vực 1", Decimal::from(40))
        .domain("2", "Lĩnh vực 2", Decimal::from(60))
        .build()
        .unwrap()
}

/// Points in thousandths, so that some exact values tie only once rounded to hundredths;
/// narrow ranges make ties frequent.
fn points(max: i64) -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0..=max * 1000).prop_map(|t| Decimal::new(t, 3)),
        (0..=20i64).prop_map(move |t| Decimal::new(max * 1000 - t, 3)),
    ]
}

fn cohort_values() -> impl Strategy<Value = Vec<(Decimal, Decimal)>> {
    prop::collection::vec((points(40), points(60)), 0..12)
}

fn scorecards(values: &[(Decimal, Decimal)]) -> Vec<Scorecard> {
    let framework = framework();
    values
        .iter()
        .enumerate()
        .map(|(i, (first, second))| {
            let mut assessment = Assessment::new("p", format!("u{i:02}"), "2024".parse().unwrap());
            assessment
                .push(Entry::new("1".parse().unwrap()).with_appraised(*first))
                .push(Entry::new("2".parse().unwrap()).with_appraised(*second));
            framework.score(&assessment).unwrap()
        })
        .collect()
}

fn methods() -> Vec<TieMethod> {
    vec![
        TieMethod::Competition,
        TieMethod::Dense,
        TieMethod::ordinal([]),
        TieMethod::ordinal([
            TieBreaker::NodePoints("2".parse().unwrap()),
            TieBreaker::ExactIndex,
        ]),
        TieMethod::Fractional,
    ]
}

fn bases() -> [ValueBasis; 2] {
    [ValueBasis::Published, ValueBasis::Exact]
}

fn rank(scorecards: &[Scorecard], options: &RankingOptions) -> Ranking {
    Cohort::new(&framework(), scorecards.iter().cloned())
        .unwrap()
        .rank_with(options)
        .unwrap()
}

/// Checks that `ranks` (in table order, with each unit's ranked value) are what `method`
/// gives: for every unit, counted from the values above and equal to it.
fn check_ranks(
    method: &TieMethod,
    units: &[(par_index::Exact, Decimal)],
) -> Result<(), TestCaseError> {
    let n = units.len();
    for (position, (value, rank)) in units.iter().enumerate() {
        let above = units.iter().filter(|(v, _)| v > value).count();
        let equal = units.iter().filter(|(v, _)| v == value).count();
        let mut distinct_above: Vec<&par_index::Exact> = units
            .iter()
            .map(|(v, _)| v)
            .filter(|v| *v > value)
            .collect();
        distinct_above.sort();
        distinct_above.dedup();
        let expected = match method {
            TieMethod::Competition => Decimal::from(above + 1),
            TieMethod::Dense => Decimal::from(distinct_above.len() + 1),
            TieMethod::Ordinal { .. } => Decimal::from(position + 1),
            TieMethod::Fractional => Decimal::from(above) + Decimal::from(equal + 1) / Decimal::TWO,
            other => panic!("unexpected method {other:?}"),
        };
        prop_assert_eq!(*rank, expected, "{:?} at {}", method, position);
    }
    if let TieMethod::Ordinal { .. } = method {
        // A permutation of 1..=n.
        let mut ranks: Vec<Decimal> = units.iter().map(|(_, r)| *r).collect();
        ranks.sort();
        let expected: Vec<Decimal> = (1..=n).map(Decimal::from).collect();
        prop_assert_eq!(ranks, expected);
    }
    Ok(())
}

proptest! {
    #[test]
    fn ranks_are_valid_for_every_method_and_basis(values in cohort_values()) {
        let scorecards = scorecards(&values);
        for method in methods() {
            for basis in bases() {
                let options = RankingOptions::default()
                    .with_tie_method(method.clone())
                    .with_basis(basis);
                let ranking = rank(&scorecards, &options);
                prop_assert_eq!(ranking.len(), scorecards.len());
                let units: Vec<(par_index::Exact, Decimal)> = ranking
                    .units()
                    .iter()
                    .map(|u| (u.index_value(basis), u.rank.unwrap().value()))
                    .collect();
                // Table order is best first.
                prop_assert!(units.windows(2).all(|w| w[0].0 >= w[1].0 && w[0].1 <= w[1].1));
                check_ranks(&method, &units)?;
                // Each domain is ranked the same way among its units.
                for code in ["1", "2"] {
                    let domain: Vec<(par_index::Exact, Decimal)> = ranking
                        .by_domain(code)
                        .iter()
                        .map(|u| {
                            let standing = u.domain(code).unwrap();
                            (
                                standing.value(options.domain_basis, basis).unwrap(),
                                standing.rank.unwrap().value(),
                            )
                        })
                        .collect();
                    prop_assert_eq!(domain.len(), scorecards.len());
                    check_ranks(&method, &domain)?;
                }
            }
        }
    }

    #[test]
    fn rankings_do_not_depend_on_input_order(
        (values, shuffled) in cohort_values().prop_flat_map(|values| {
            let indices: Vec<usize> = (0..values.len()).collect();
            (Just(values), Just(indices).prop_shuffle())
        })
    ) {
        let scorecards = scorecards(&values);
        let reordered: Vec<Scorecard> =
            shuffled.iter().map(|i| scorecards[*i].clone()).collect();
        for method in methods() {
            for basis in bases() {
                let options = RankingOptions::national()
                    .with_tie_method(method.clone())
                    .with_basis(basis);
                prop_assert_eq!(rank(&scorecards, &options), rank(&reordered, &options));
            }
        }
    }

    #[test]
    fn a_higher_published_index_never_ranks_below_a_lower_one(values in cohort_values()) {
        let scorecards = scorecards(&values);
        for method in methods() {
            for basis in bases() {
                let options = RankingOptions::default()
                    .with_tie_method(method.clone())
                    .with_basis(basis);
                let ranking = rank(&scorecards, &options);
                for a in ranking.units() {
                    for b in ranking.units() {
                        if a.index.published() > b.index.published() {
                            prop_assert!(a.rank < b.rank, "{:?}: {:?} vs {:?}", method, a, b);
                        }
                        if basis == ValueBasis::Exact && a.index.exact() > b.index.exact() {
                            prop_assert!(a.rank < b.rank);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn statistics_bound_and_count_the_cohort(values in cohort_values()) {
        let scorecards = scorecards(&values);
        let ranking = rank(&scorecards, &RankingOptions::default());
        match ranking.statistics().index.clone() {
            None => prop_assert!(scorecards.is_empty()),
            Some(summary) => {
                prop_assert_eq!(summary.count, scorecards.len());
                prop_assert!(summary.min <= summary.mean && summary.mean <= summary.max);
                prop_assert!(summary.min <= summary.median && summary.median <= summary.max);
                prop_assert!(summary.above_mean < summary.count);
                let sum: Decimal = ranking.units().iter().map(|u| u.index.published()).sum();
                // The mean is exact: it times the count gives back the sum.
                prop_assert_eq!(&summary.mean * par_index::Exact::from(summary.count), sum);
            }
        }
    }
}
