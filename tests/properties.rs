//! Properties over generated frameworks and assessments.

use par_index::{
    Assessment, Entry, Evidence, Framework, FrameworkBuilder, Rule,
    framework::{Combine, NotApplicablePolicy},
    rule::{CountBand, RateBand, ZeroDenominator},
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// One generated leaf: maximum in hundredths, rule kind, optional or not, and two pieces of
/// evidence where the second is at least as good as the first.
#[derive(Debug, Clone)]
struct LeafGen {
    max_cents: i64,
    kind: u8,
    optional: bool,
    worse: u32,
    better: u32,
    not_applicable: bool,
    appraised_permille: Option<u32>,
}

fn leaf() -> impl Strategy<Value = LeafGen> {
    (
        1i64..=800,
        0u8..8,
        any::<bool>(),
        0u32..=1000,
        0u32..=1000,
        0u8..10,
        proptest::option::of(0u32..=1000),
    )
        .prop_map(
            |(max_cents, kind, optional, a, b, na, appraised_permille)| LeafGen {
                max_cents,
                kind,
                optional,
                worse: a.min(b),
                better: a.max(b),
                not_applicable: optional && na == 0,
                appraised_permille,
            },
        )
}

/// Domains → criteria → optional sub-criteria, plus a policy per parent.
type Shape = Vec<(bool, Vec<(bool, Vec<LeafGen>)>)>;

fn shape() -> impl Strategy<Value = Shape> {
    let criterion = (any::<bool>(), prop::collection::vec(leaf(), 1..4));
    let domain = (any::<bool>(), prop::collection::vec(criterion, 1..4));
    prop::collection::vec(domain, 1..5)
}

fn cents(c: i64) -> Decimal {
    Decimal::new(c, 2)
}

fn rule(leaf: &LeafGen) -> Rule {
    let max = cents(leaf.max_cents);
    match leaf.kind {
        0 => Rule::Direct,
        1 => Rule::yes_no(),
        2 => Rule::Proportional {
            full_at_percent: Decimal::from(95),
            zero_denominator: ZeroDenominator::FullPoints,
        },
        3 => Rule::ThresholdBands {
            bands: vec![
                RateBand {
                    at_least: Decimal::ONE_HUNDRED,
                    points: max,
                },
                RateBand {
                    at_least: Decimal::from(95),
                    points: max / Decimal::TWO,
                },
            ],
            zero_denominator: ZeroDenominator::ZeroPoints,
        },
        4 => Rule::Linear {
            zero_at: Decimal::from(50),
            full_at: Decimal::ONE_HUNDRED,
        },
        5 => Rule::Deduction {
            per_violation: Decimal::new(25, 2),
            floor: Decimal::ZERO,
        },
        6 => Rule::SurveyMean {
            scale_min: Decimal::ONE,
            scale_max: Decimal::from(5),
        },
        _ => Rule::CountBands {
            bands: vec![
                CountBand {
                    at_least: 4,
                    points: max,
                },
                CountBand {
                    at_least: 2,
                    points: max / Decimal::TWO,
                },
            ],
        },
    }
}

/// Evidence from a quality level in 0..=1000, better as the level rises.
fn evidence(leaf: &LeafGen, level: u32) -> Evidence {
    let max = cents(leaf.max_cents);
    let level_dec = Decimal::from(level);
    match leaf.kind {
        0 => Evidence::Points(max * level_dec / Decimal::from(1000)),
        1 => Evidence::Flag(level >= 500),
        2 | 3 => Evidence::rate(u64::from(level), 1000),
        4 => Evidence::Percent(Decimal::new(i64::from(level), 1)),
        5 => Evidence::Count(u64::from((1000 - level) / 100)),
        6 => {
            Evidence::SurveyMean(Decimal::ONE + Decimal::from(4) * level_dec / Decimal::from(1000))
        }
        _ => Evidence::Count(u64::from(level / 200)),
    }
}

fn build(shape: &Shape) -> Framework {
    let mut builder: FrameworkBuilder = Framework::builder("generated", "Generated index");
    let mut total = 0i64;
    for (d, (d_rescale, criteria)) in shape.iter().enumerate() {
        let d_code = format!("{}", d + 1);
        let d_max: i64 = criteria
            .iter()
            .flat_map(|(_, leaves)| leaves.iter().map(|l| l.max_cents))
            .sum();
        total += d_max;
        builder = builder.domain(&d_code, "Lĩnh vực", cents(d_max));
        if *d_rescale {
            builder = builder.when_not_applicable(NotApplicablePolicy::Rescale);
        }
        for (c, (c_rescale, leaves)) in criteria.iter().enumerate() {
            let c_code = format!("{d_code}.{}", c + 1);
            let c_max: i64 = leaves.iter().map(|l| l.max_cents).sum();
            builder = builder.child(&d_code, &c_code, "Tiêu chí", cents(c_max));
            if leaves.len() == 1 {
                // A criterion without sub-criteria is itself the leaf.
                let l = &leaves[0];
                builder = builder.rule(rule(l));
                if l.optional {
                    builder = builder.optional();
                }
                continue;
            }
            if *c_rescale {
                builder = builder.when_not_applicable(NotApplicablePolicy::Rescale);
            }
            for (s, l) in leaves.iter().enumerate() {
                let s_code = format!("{c_code}.{}", s + 1);
                builder = builder
                    .child(&c_code, &s_code, "Tiêu chí thành phần", cents(l.max_cents))
                    .rule(rule(l));
                if l.optional {
                    builder = builder.optional();
                }
            }
        }
    }
    builder.total_points(cents(total)).build().unwrap()
}

/// Leaves in the framework's order, paired with their generators.
fn leaves<'a>(framework: &'a Framework, shape: &'a Shape) -> Vec<(String, &'a LeafGen)> {
    let gens = shape
        .iter()
        .flat_map(|(_, criteria)| criteria.iter().flat_map(|(_, leaves)| leaves.iter()));
    framework
        .leaves()
        .map(|n| n.code().to_string())
        .zip(gens)
        .collect()
}

fn assessment(
    framework: &Framework,
    shape: &Shape,
    level: impl Fn(&LeafGen) -> u32,
    appraise: bool,
) -> Assessment {
    let mut a = Assessment::new("generated", "unit", "2025".parse().unwrap());
    for (code, l) in leaves(framework, shape) {
        let mut entry = Entry::new(code.parse().unwrap());
        if l.not_applicable {
            entry = entry.with_evidence(Evidence::NotApplicable);
        } else {
            entry = entry.with_evidence(evidence(l, level(l)));
            if appraise {
                if let Some(p) = l.appraised_permille {
                    let max = cents(l.max_cents);
                    entry = entry.with_appraised(max * Decimal::from(p) / Decimal::from(1000));
                }
            }
        }
        a.push(entry);
    }
    a
}

fn all_not_applicable(shape: &Shape) -> bool {
    shape
        .iter()
        .all(|(_, cs)| cs.iter().all(|(_, ls)| ls.iter().all(|l| l.not_applicable)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_node_stays_within_its_maximum(shape in shape()) {
        let framework = build(&shape);
        prop_assume!(!all_not_applicable(&shape));
        let card = framework.score(&assessment(&framework, &shape, |l| l.better, true)).unwrap();
        for node in card.nodes() {
            prop_assert!(node.points >= Decimal::ZERO, "{:?}", node);
            prop_assert!(node.points <= node.effective_max, "{:?}", node);
            prop_assert!(node.effective_max <= node.max_points, "{:?}", node);
        }
        prop_assert!(card.index() >= Decimal::ZERO && card.index() <= Decimal::ONE_HUNDRED);
    }

    #[test]
    fn a_summing_parent_that_drops_maxima_is_the_sum_of_its_children(shape in shape()) {
        let framework = build(&shape);
        prop_assume!(!all_not_applicable(&shape));
        let card = framework.score(&assessment(&framework, &shape, |l| l.worse, true)).unwrap();
        for node in framework.nodes().filter(|n| !n.is_leaf()) {
            let score = card.node(node.code().as_str()).unwrap();
            if node.spec().when_not_applicable != NotApplicablePolicy::DropMaximum
                || node.combine() != Combine::Sum
            {
                continue;
            }
            let children: par_index::Exact = framework
                .children(node)
                .map(|c| &card.node(c.code().as_str()).unwrap().points)
                .sum();
            prop_assert_eq!(score.points.clone(), children);
        }
    }

    #[test]
    fn better_evidence_never_lowers_the_total(shape in shape()) {
        let framework = build(&shape);
        prop_assume!(!all_not_applicable(&shape));
        let worse = framework.score(&assessment(&framework, &shape, |l| l.worse, false)).unwrap();
        let better = framework.score(&assessment(&framework, &shape, |l| l.better, false)).unwrap();
        prop_assert!(better.index() >= worse.index(), "{} < {}", better.index(), worse.index());
        for (b, w) in better.nodes().zip(worse.nodes()) {
            prop_assert!(b.points >= w.points, "{} fell from {} to {}", b.code, w.points, b.points);
        }
    }

    #[test]
    fn scoring_ignores_the_order_of_entries(shape in shape(), seed in any::<u64>()) {
        let framework = build(&shape);
        prop_assume!(!all_not_applicable(&shape));
        let a = assessment(&framework, &shape, |l| l.better, true);
        let mut shuffled = a.clone();
        let n = shuffled.entries.len();
        if n > 1 {
            shuffled.entries.rotate_left((seed as usize) % n);
            shuffled.entries.swap(0, n - 1);
        }
        prop_assert_eq!(framework.score(&a).unwrap(), framework.score(&shuffled).unwrap());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_round_trips_are_the_identity(shape in shape()) {
        let framework = build(&shape);
        prop_assume!(!all_not_applicable(&shape));
        let a = assessment(&framework, &shape, |l| l.better, true);
        let card = framework.score(&a).unwrap();
        let framework_back: Framework =
            serde_json::from_str(&serde_json::to_string(&framework).unwrap()).unwrap();
        prop_assert_eq!(&framework_back, &framework);
        let a_back: Assessment = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        prop_assert_eq!(&a_back, &a);
        let card_json = serde_json::to_string(&card).unwrap();
        let card_back: par_index::Scorecard = serde_json::from_str(&card_json).unwrap();
        prop_assert_eq!(serde_json::to_string(&card_back).unwrap(), card_json);
    }
}
