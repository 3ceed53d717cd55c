//! Proptest strategies: random VALID frameworks (as `FrameworkSpec`) and random assessments
//! of them, biased towards the rules' boundaries; about nine inputs in ten are valid.

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use par_index::{
    Assessment, Code, Entry, Evidence, Rule,
    assessment::Adjustment,
    framework::{Combine, FrameworkInfo, FrameworkSpec, NodeSpec, NotApplicablePolicy},
    rule::{CountBand, RateBand, ZeroDenominator},
};
use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;
use rust_decimal::Decimal;

pub const FRAMEWORK_ID: &str = "oracle-fw";

fn dec(m: i64, scale: u32) -> Decimal {
    Decimal::new(m, scale).normalize()
}

/// A positive maximum with 0-3 decimals (0.5, 1.25, 3, 7.125).
fn max_points() -> BoxedStrategy<Decimal> {
    prop_oneof![
        (1i64..=20).prop_map(|v| dec(v, 0)),
        (1i64..=200).prop_map(|v| dec(v, 1)),
        (1i64..=2000).prop_map(|v| dec(v, 2)),
        (1i64..=20000).prop_map(|v| dec(v, 3)),
    ]
    .boxed()
}

fn weight() -> BoxedStrategy<Decimal> {
    prop_oneof![
        Just(Decimal::ONE),
        (1i64..=300).prop_map(|v| dec(v, 2)),
        (1i64..=9).prop_map(|v| dec(v, 0))
    ]
    .boxed()
}

/// A percent threshold in (0, 100].
fn threshold() -> BoxedStrategy<Decimal> {
    prop_oneof![
        prop::sample::select(vec![100i64, 95, 90, 80, 50, 20, 1]).prop_map(|v| dec(v, 0)),
        (1i64..=100_000).prop_map(|v| dec(v, 3)),
        (1i64..=1000).prop_map(|v| dec(v, 1)),
    ]
    .boxed()
}

/// `m × k / 8`: a share of the maximum (exact: at most 6 decimals).
fn share(m: Decimal, k: u32) -> Decimal {
    (m * Decimal::from(k) / Decimal::from(8)).normalize()
}

fn zero_denominator(optional: bool) -> BoxedStrategy<ZeroDenominator> {
    let mut all = vec![
        ZeroDenominator::Error,
        ZeroDenominator::FullPoints,
        ZeroDenominator::ZeroPoints,
    ];
    if optional {
        all.push(ZeroDenominator::NotApplicable);
    }
    prop::sample::select(all).boxed()
}

/// A valid rule for a leaf of maximum `m`.
fn rule(m: Decimal, optional: bool) -> BoxedStrategy<Option<Rule>> {
    let linear_bound = || {
        prop_oneof![
            prop::sample::select(vec![0i64, 20, 80, 100, -10, 150]).prop_map(|v| dec(v, 0)),
            (-500i64..=1500).prop_map(|v| dec(v, 1)),
            (0i64..=100_000).prop_map(|v| dec(v, 3)),
        ]
    };
    prop_oneof![
        2 => Just(None),
        2 => Just(Some(Rule::Direct)),
        2 => prop::option::of((1u32..=8).prop_map(move |k| share(m, k)))
            .prop_map(|p| Some(Rule::YesNo { points_if_yes: p })),
        3 => (threshold(), zero_denominator(optional)).prop_map(|(f, zd)| Some(Rule::Proportional {
            full_at_percent: f,
            zero_denominator: zd,
        })),
        3 => (prop::collection::btree_set(threshold(), 1..=4), prop::collection::vec(0u32..=8, 4), zero_denominator(optional))
            .prop_map(move |(ts, mut ks, zd)| {
                ks.sort_unstable_by(|a, b| b.cmp(a));
                ks[0] = ks[0].max(1);
                let bands = ts.into_iter().rev().zip(ks).map(|(t, k)| RateBand { at_least: t, points: share(m, k) }).collect();
                Some(Rule::ThresholdBands { bands, zero_denominator: zd })
            }),
        3 => (linear_bound(), linear_bound())
            .prop_filter("linear bounds must differ", |(z, f)| z != f)
            .prop_map(|(z, f)| Some(Rule::Linear { zero_at: z, full_at: f })),
        2 => (prop_oneof![Just(dec(25, 2)), Just(dec(5, 1)), Just(Decimal::ONE), Just(dec(1, 3)), (1i64..=5000).prop_map(|v| dec(v, 3))], 0u32..8)
            .prop_map(move |(p, k)| Some(Rule::Deduction { per_violation: p, floor: share(m, k) })),
        2 => prop::sample::select(vec![(1i64, 0u32, 5i64, 0u32), (0, 0, 10, 0), (0, 0, 100, 0), (-2, 0, 2, 0), (15, 1, 425, 2)])
            .prop_map(|(a, sa, b, sb)| Some(Rule::SurveyMean { scale_min: dec(a, sa), scale_max: dec(b, sb) })),
        2 => (prop::collection::btree_set(1u64..=12, 1..=4), prop::collection::vec(0u32..=8, 4))
            .prop_map(move |(cs, mut ks)| {
                ks.sort_unstable_by(|a, b| b.cmp(a));
                ks[0] = ks[0].max(1);
                let bands = cs.into_iter().rev().zip(ks).map(|(c, k)| CountBand { at_least: c, points: share(m, k) }).collect();
                Some(Rule::CountBands { bands })
            }),
    ]
    .boxed()
}

/// A framework node before codes are given.
#[derive(Debug, Clone)]
pub enum GNode {
    Leaf {
        max: Decimal,
        rule: Option<Rule>,
        optional: bool,
    },
    Parent {
        combine: Combine,
        policy: NotApplicablePolicy,
        wm_max: Decimal,
        children: Vec<(GNode, Decimal)>,
    },
}

impl GNode {
    fn max(&self) -> Decimal {
        match self {
            GNode::Leaf { max, .. } => *max,
            GNode::Parent {
                combine: Combine::Sum,
                children,
                ..
            } => children.iter().map(|(c, _)| c.max()).sum(),
            GNode::Parent { wm_max, .. } => *wm_max,
        }
    }
}

fn leaf() -> BoxedStrategy<GNode> {
    (max_points(), prop::bool::weighted(0.3))
        .prop_flat_map(|(m, optional)| {
            rule(m, optional).prop_map(move |rule| GNode::Leaf {
                max: m,
                rule,
                optional,
            })
        })
        .boxed()
}

fn combine_kind(sum_only: bool) -> BoxedStrategy<Combine> {
    if sum_only {
        Just(Combine::Sum).boxed()
    } else {
        prop_oneof![2 => Just(Combine::Sum), 1 => Just(Combine::WeightedMean)].boxed()
    }
}

fn policy() -> BoxedStrategy<NotApplicablePolicy> {
    prop_oneof![
        Just(NotApplicablePolicy::DropMaximum),
        Just(NotApplicablePolicy::Rescale)
    ]
    .boxed()
}

/// A domain's subtree: depth 1-4, 1-4 children per parent.
fn tree(sum_only: bool) -> BoxedStrategy<GNode> {
    leaf()
        .prop_recursive(3, 24, 4, move |inner| {
            (
                combine_kind(sum_only),
                policy(),
                max_points(),
                prop::collection::vec((inner, weight()), 1..=4),
            )
                .prop_map(|(combine, policy, wm_max, children)| GNode::Parent {
                    combine,
                    policy,
                    wm_max,
                    children,
                })
        })
        .boxed()
}

fn code(text: &str) -> Code {
    text.parse().unwrap()
}

fn flatten(
    node: &GNode,
    code_text: String,
    parent: Option<&str>,
    weighted: bool,
    weight: Decimal,
    out: &mut Vec<NodeSpec>,
) {
    let mut spec = NodeSpec::new(code(&code_text), format!("node {code_text}"), node.max());
    spec.parent = parent.map(code);
    spec.weight = weighted.then_some(weight);
    out.push(spec);
    let at = out.len() - 1;
    match node {
        GNode::Leaf { rule, optional, .. } => {
            out[at].rule = rule.clone();
            out[at].optional = *optional;
        }
        GNode::Parent {
            combine,
            policy,
            children,
            ..
        } => {
            out[at].combine = *combine;
            out[at].when_not_applicable = *policy;
            for (i, (child, w)) in children.iter().enumerate() {
                flatten(
                    child,
                    format!("{code_text}.{}", i + 1),
                    Some(&code_text),
                    *combine == Combine::WeightedMean,
                    *w,
                    out,
                );
            }
        }
    }
}

/// A random valid framework (all-summing if `sum_only`).
pub fn framework(sum_only: bool) -> BoxedStrategy<FrameworkSpec> {
    (
        combine_kind(sum_only),
        policy(),
        max_points(),
        prop::collection::vec((tree(sum_only), weight()), 1..=4),
    )
        .prop_map(|(combine, policy, wm_total, domains)| {
            let mut nodes = Vec::new();
            for (i, (d, w)) in domains.iter().enumerate() {
                flatten(
                    d,
                    format!("{}", i + 1),
                    None,
                    combine == Combine::WeightedMean,
                    *w,
                    &mut nodes,
                );
            }
            let total = match combine {
                Combine::Sum => domains.iter().map(|(d, _)| d.max()).sum(),
                _ => wm_total,
            };
            FrameworkSpec {
                info: FrameworkInfo {
                    id: FRAMEWORK_ID.into(),
                    title: "oracle".into(),
                    ..FrameworkInfo::default()
                },
                total_points: total,
                combine,
                when_not_applicable: policy,
                nodes,
            }
        })
        .boxed()
}

// ---------------------------------------------------------------------------------------
// Evidence at and around boundaries.

fn tiny(k: u32) -> Decimal {
    Decimal::new(1, k)
}

/// `t` nudged by ± 10^-k (k in 1..=26), where a Decimal can hold it.
fn around(t: Decimal) -> BoxedStrategy<Decimal> {
    prop_oneof![
        3 => Just(t),
        2 => (1u32..=26).prop_map(move |k| t.checked_sub(tiny(k)).unwrap_or(t)),
        2 => (1u32..=26).prop_map(move |k| t.checked_add(tiny(k)).unwrap_or(t)),
        1 => (20u32..=26).prop_map(move |k| t.checked_sub(tiny(k)).unwrap_or(t)),
    ]
    .boxed()
}

fn big_dec(b: &BigInt) -> Option<Decimal> {
    let m = b.to_i128()?;
    Decimal::try_from_i128_with_scale(m, 0).ok()
}

/// Lets a numerator one above its denominator through for some denominators (invalid input).
fn delta_over_ok(d: &BigInt) -> bool {
    (d % 10u32) == BigInt::from(3)
}

/// A rate n/d close to `t` percent, for denominators small, repeating and huge.
fn rate_near(t: Decimal) -> BoxedStrategy<Evidence> {
    let denominators = prop_oneof![
        prop::sample::select(vec![
            3i128,
            7,
            9,
            11,
            13,
            9_999_999,
            10_000_000_000,
            1_000_000_000_000_000_000_000_000_000
        ]),
        (1i128..=1000),
        (1i128 << 80..=i128::from(u64::MAX) << 32),
    ];
    (denominators, -1i64..=1)
        .prop_map(move |(d, delta)| {
            let d = BigInt::from(d);
            let (tm, ts) = (BigInt::from(t.mantissa()), BigInt::from(10).pow(t.scale()));
            let n = &d * tm / (ts * 100) + delta; // floor(t d / 100) + delta
            let n = if n < BigInt::from(0) {
                BigInt::from(0)
            } else {
                n
            };
            // above the whole only one time in ten
            let n = if n > d && delta_over_ok(&d) {
                n
            } else if n > d {
                d.clone()
            } else {
                n
            };
            match (big_dec(&n), big_dec(&d)) {
                (Some(n), Some(d)) => Evidence::Rate {
                    numerator: n,
                    denominator: d,
                },
                _ => Evidence::Percent(t),
            }
        })
        .boxed()
}

/// Rate or percent evidence around the given thresholds.
fn rate_evidence(thresholds: Vec<Decimal>) -> BoxedStrategy<Evidence> {
    let mut ts = thresholds;
    ts.extend([Decimal::ZERO, Decimal::ONE_HUNDRED]);
    let ts2 = ts.clone();
    prop_oneof![
        120 => prop::sample::select(ts).prop_flat_map(around).prop_map(|p| Evidence::Percent(p.max(Decimal::ZERO).min(Decimal::ONE_HUNDRED))),
        120 => prop::sample::select(ts2).prop_flat_map(rate_near),
        40 => (0i64..=100_000).prop_map(|v| Evidence::Percent(dec(v, 3))),
        32 => (0u64..=50, 1u64..=50).prop_map(|(a, b)| Evidence::rate(a.min(b), b)),
        12 => Just(Evidence::Rate { numerator: Decimal::MAX, denominator: Decimal::MAX }),
        12 => Just(Evidence::Rate { numerator: Decimal::MAX - Decimal::ONE, denominator: Decimal::MAX }),
        6 => Just(Evidence::rate(0, 0)),
        // invalid
        1 => Just(Evidence::rate(5, 0)),
        1 => Just(Evidence::Percent(Decimal::ONE_HUNDRED + tiny(6))),
        1 => Just(Evidence::Percent(-tiny(2))),
        1 => Just(Evidence::rate(4, 3)),
        1 => Just(Evidence::Rate { numerator: -Decimal::ONE, denominator: Decimal::from(3) }),
    ]
    .boxed()
}

/// Points in 0..=m: the ends, anything between (3 decimals), rarely just outside.
fn points_in(m: Decimal, invalid: u32) -> BoxedStrategy<Decimal> {
    let thousandths = (m * Decimal::from(1000)).floor().to_i64().unwrap_or(0);
    prop_oneof![
        60 => Just(Decimal::ZERO),
        60 => Just(m),
        160 => (0..=thousandths).prop_map(|v| dec(v, 3)),
        invalid => Just(m + tiny(3)),
        invalid => Just(-tiny(2)),
    ]
    .boxed()
}

/// Evidence for a leaf, at and around its rule's boundaries.
fn evidence(rule: &Rule, m: Decimal) -> BoxedStrategy<Evidence> {
    let wrong = prop_oneof![
        Just(Evidence::Flag(true)),
        Just(Evidence::Count(3)),
        Just(Evidence::Points(Decimal::ONE)),
        Just(Evidence::Value(Decimal::ONE)),
        Just(Evidence::SurveyMean(Decimal::ONE)),
        Just(Evidence::Percent(Decimal::from(50))),
    ];
    let fitting: BoxedStrategy<Evidence> = match rule {
        Rule::Direct => points_in(m, 1).prop_map(Evidence::Points).boxed(),
        Rule::YesNo { .. } => any::<bool>().prop_map(Evidence::Flag).boxed(),
        Rule::Proportional {
            full_at_percent, ..
        } => rate_evidence(vec![*full_at_percent]),
        Rule::ThresholdBands { bands, .. } => {
            rate_evidence(bands.iter().map(|b| b.at_least).collect())
        }
        Rule::Linear { zero_at, full_at } => {
            let inside: Vec<Decimal> = [*zero_at, *full_at]
                .into_iter()
                .filter(|b| *b >= Decimal::ZERO && *b <= Decimal::ONE_HUNDRED)
                .collect();
            let (z, f) = (*zero_at, *full_at);
            prop_oneof![
                3 => rate_evidence(inside),
                3 => prop::sample::select(vec![z, f, (z + f) / Decimal::TWO]).prop_flat_map(around).prop_map(Evidence::Value),
                1 => prop::sample::select(vec![Decimal::from(-100_000), Decimal::from(100_000), Decimal::ZERO]).prop_map(Evidence::Value),
                1 => (-20_000i64..=20_000).prop_map(|v| Evidence::Value(dec(v, 2))),
            ]
            .boxed()
        }
        Rule::Deduction {
            per_violation,
            floor,
        } => {
            let first_at_floor = ((m - floor) / per_violation).ceil().to_u64().unwrap_or(0);
            prop_oneof![
                prop::sample::select(vec![
                    0u64,
                    1,
                    first_at_floor.saturating_sub(1),
                    first_at_floor,
                    first_at_floor + 1,
                    u64::MAX
                ]),
                0u64..=40,
            ]
            .prop_map(Evidence::Count)
            .boxed()
        }
        Rule::SurveyMean {
            scale_min,
            scale_max,
        } => {
            let (a, b) = (*scale_min, *scale_max);
            prop_oneof![
                150 => prop::sample::select(vec![a, b, (a + b) / Decimal::TWO]).prop_flat_map(around)
                    .prop_map(move |x| Evidence::SurveyMean(x.max(a).min(b))),
                1 => Just(Evidence::SurveyMean(a - tiny(3))),
                1 => Just(Evidence::SurveyMean(b + tiny(3))),
            ]
            .boxed()
        }
        Rule::CountBands { bands } => {
            let mut cs = vec![0u64, u64::MAX];
            for b in bands {
                cs.extend([b.at_least - 1, b.at_least, b.at_least + 1]);
            }
            prop::sample::select(cs).prop_map(Evidence::Count).boxed()
        }
        _ => panic!("a rule kind the generator does not know"),
    };
    prop_oneof![200 => fitting, 1 => wrong].boxed()
}

/// One leaf's entry, or none.
fn entry(node: &NodeSpec) -> BoxedStrategy<Option<Entry>> {
    let m = node.max_points;
    let rule = node.rule.clone().unwrap_or(Rule::Direct);
    let c = node.code.clone();
    let ev = evidence(&rule, m);
    let na_weight = if node.optional { 40 } else { 1 };
    let (c1, c2, c3, c4, c5, c6, c7, c8) = (
        c.clone(),
        c.clone(),
        c.clone(),
        c.clone(),
        c.clone(),
        c.clone(),
        c.clone(),
        c,
    );
    prop_oneof![
        40 => Just(None),
        200 => ev.clone().prop_map(move |e| Some(Entry::new(c1.clone()).with_evidence(e))),
        30 => (ev.clone(), points_in(m, 0)).prop_map(move |(e, p)| Some(Entry::new(c2.clone()).with_evidence(e).with_appraised(p))),
        20 => (ev, points_in(m, 0)).prop_map(move |(e, p)| Some(Entry::new(c3.clone()).with_evidence(e).with_self_assessed(p))),
        30 => points_in(m, 1).prop_map(move |p| Some(Entry::new(c4.clone()).with_self_assessed(p))),
        30 => points_in(m, 1).prop_map(move |p| Some(Entry::new(c5.clone()).with_appraised(p))),
        20 => (points_in(m, 0), points_in(m, 0)).prop_map(move |(s, a)| Some(Entry::new(c6.clone()).with_self_assessed(s).with_appraised(a))),
        10 => Just(Some(Entry::new(c7.clone()))),
        na_weight => prop_oneof![40 => Just(None), 1 => points_in(m, 0).prop_map(Some)]
            .prop_map(move |p| {
                let e = Entry::new(c8.clone()).with_evidence(Evidence::NotApplicable);
                Some(match p { Some(p) => e.with_appraised(p), None => e })
            }),
    ]
    .boxed()
}

fn adjustment(total: Decimal) -> BoxedStrategy<Adjustment> {
    prop_oneof![
        4 => (-500i64..=500).prop_map(|v| dec(v, 2)),
        1 => prop::sample::select(vec![total, -total, total / Decimal::TWO, -(total / Decimal::TWO)]),
        1 => (-3000i64..=3000).prop_map(|v| dec(v, 3)),
    ]
    .prop_map(|p| Adjustment { label: "adj".into(), points: p, reason: String::new() })
    .boxed()
}

/// An input that must be refused whatever the leaves say (rare).
#[derive(Debug, Clone, Copy)]
enum Spoil {
    None,
    UnknownCode,
    ParentCode,
    Duplicate,
}

/// A random assessment of `spec` for `unit`.
pub fn assessment(spec: &FrameworkSpec, unit: String) -> BoxedStrategy<Assessment> {
    let parents: Vec<Code> = spec.nodes.iter().filter_map(|n| n.parent.clone()).collect();
    let leaves: Vec<NodeSpec> = spec
        .nodes
        .iter()
        .filter(|n| !parents.contains(&n.code))
        .cloned()
        .collect();
    let entries: Vec<BoxedStrategy<Option<Entry>>> = leaves.iter().map(entry).collect();
    let spoil = prop_oneof![
        100 => Just(Spoil::None),
        1 => Just(Spoil::UnknownCode),
        1 => Just(Spoil::ParentCode),
        1 => Just(Spoil::Duplicate),
    ];
    let adjustments = prop_oneof![3 => Just(vec![]), 2 => prop::collection::vec(adjustment(spec.total_points), 1..=2)];
    (entries, adjustments, spoil)
        .prop_map(move |(entries, adjustments, spoil)| {
            let mut a = Assessment::new(FRAMEWORK_ID, unit.clone(), "2025".parse().unwrap());
            a.entries = entries.into_iter().flatten().collect();
            a.adjustments = adjustments;
            match spoil {
                Spoil::None => {}
                Spoil::UnknownCode => a
                    .entries
                    .push(Entry::new(code("99.1")).with_appraised(Decimal::ZERO)),
                Spoil::ParentCode => {
                    if let Some(p) = parents.first() {
                        a.entries
                            .push(Entry::new(p.clone()).with_appraised(Decimal::ZERO));
                    }
                }
                Spoil::Duplicate => {
                    if let Some(e) = a.entries.first().cloned() {
                        a.entries.push(e);
                    }
                }
            }
            a
        })
        .boxed()
}

/// A framework and one assessment of it.
pub fn case() -> BoxedStrategy<(FrameworkSpec, Assessment)> {
    framework(false)
        .prop_flat_map(|spec| {
            let a = assessment(&spec, "u1".into());
            (Just(spec), a)
        })
        .boxed()
}

/// A framework and 2-6 assessments of it (units u1..), some copying the previous unit's
/// entries so that indexes tie.
pub fn cohort() -> BoxedStrategy<(FrameworkSpec, Vec<Assessment>)> {
    framework(false)
        .prop_flat_map(|spec| {
            let units: Vec<BoxedStrategy<(Assessment, bool)>> = (1..=6)
                .map(|i| {
                    (
                        assessment(&spec, format!("u{i}")),
                        prop::bool::weighted(0.3),
                    )
                        .boxed()
                })
                .collect();
            (Just(spec), units, 2usize..=6)
        })
        .prop_map(|(spec, units, n)| {
            let mut out: Vec<Assessment> = Vec::new();
            for (mut a, copy) in units.into_iter().take(n) {
                if copy {
                    if let Some(prev) = out.last() {
                        a.entries = prev.entries.clone();
                        a.adjustments = prev.adjustments.clone();
                    }
                }
                out.push(a);
            }
            (spec, out)
        })
        .boxed()
}

/// A summing framework and 1-8 rows of leaf points (0..=max, ends likely, some duplicates).
pub fn bulk() -> BoxedStrategy<(FrameworkSpec, Vec<Vec<Decimal>>)> {
    framework(true)
        .prop_flat_map(|spec| {
            let parents: Vec<Code> = spec.nodes.iter().filter_map(|n| n.parent.clone()).collect();
            let maxima: Vec<Decimal> = spec
                .nodes
                .iter()
                .filter(|n| !parents.contains(&n.code))
                .map(|n| n.max_points)
                .collect();
            let row = maxima.iter().map(|m| points_in(*m, 0)).collect::<Vec<_>>();
            let rows =
                prop::collection::vec((row, prop::bool::weighted(0.25)), 1..=8).prop_map(|rows| {
                    let mut out: Vec<Vec<Decimal>> = Vec::new();
                    for (r, copy) in rows {
                        let r = match (copy, out.last()) {
                            (true, Some(prev)) => prev.clone(),
                            _ => r,
                        };
                        out.push(r);
                    }
                    out
                });
            (Just(spec), rows)
        })
        .boxed()
}
