//! The oracle: an exact evaluator of the documented semantics over `BigRational`.
//!
//! Written from the brief (`/work/oracle-brief.md`, "Semantics"), not from the library's
//! scoring code. Every value is exact; Decimals come in as mantissa / 10^scale.

use std::collections::{BTreeMap, HashMap, HashSet};

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use par_index::{
    Assessment, Entry, Evidence, GradeBand, Rounding, Rule,
    framework::{Combine, FrameworkSpec, NodeSpec, NotApplicablePolicy},
    rule::ZeroDenominator,
};
use rust_decimal::Decimal;

pub type Q = BigRational;

/// A Decimal as an exact rational: mantissa / 10^scale.
pub fn q(d: Decimal) -> Q {
    Q::new(BigInt::from(d.mantissa()), BigInt::from(10).pow(d.scale()))
}

pub fn int(i: i64) -> Q {
    Q::from_integer(BigInt::from(i))
}

fn pow10(k: u32) -> BigInt {
    BigInt::from(10).pow(k)
}

/// The library must refuse the input; the reason is for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OracleError(pub String);

fn refuse<T>(why: impl Into<String>) -> Result<T, OracleError> {
    Err(OracleError(why.into()))
}

/// One node's true result.
#[derive(Debug, Clone, PartialEq)]
pub struct ONode {
    pub applicable: bool,
    /// 0 when not applicable.
    pub points: Q,
    /// 0 when not applicable.
    pub effective_max: Q,
    /// None when not applicable.
    pub percent: Option<Q>,
}

/// The true scorecard.
#[derive(Debug, Clone, PartialEq)]
pub struct OracleCard {
    pub nodes: BTreeMap<String, ONode>,
    pub points: Q,
    pub effective_max: Q,
    pub adjustments: Q,
    pub unclamped: Q,
    pub index: Q,
    pub lost: Q,
}

// ---------------------------------------------------------------------------------------
// Exposed exact figures and publication.

/// The contract for an exposed exact figure: T itself if a Decimal holds it, else T rounded
/// half-to-even to 28 significant digits (scale 28 - digits of the integer part; 28 if |T| < 1).
pub fn to_decimal28(t: &Q) -> Decimal {
    let (n, d) = (t.numer(), t.denom()); // lowest terms, d > 0
    let (mut rest, mut a, mut b) = (d.clone(), 0u32, 0u32);
    while rest.is_even() {
        rest /= 2;
        a += 1;
    }
    while (&rest % 5u32).is_zero() {
        rest /= 5;
        b += 1;
    }
    if rest.is_one() {
        let k = a.max(b);
        if k <= 28 {
            let m = n * pow10(k) / d; // exact
            if m.abs() < BigInt::from(2).pow(96) {
                return Decimal::from_i128_with_scale(m.to_i128().unwrap(), k);
            }
        }
    }
    let int_part = t.abs().to_integer();
    let int_digits = if int_part.is_zero() {
        0
    } else {
        int_part.to_string().len() as i64
    };
    let s = (28 - int_digits).max(0) as u32;
    let m = round_int(&(t * Q::from_integer(pow10(s))), Rounding::HalfEven);
    Decimal::from_i128_with_scale(m.to_i128().unwrap(), s)
}

/// `x` rounded to an integer by `mode`.
pub fn round_int(x: &Q, mode: Rounding) -> BigInt {
    let a = x.abs();
    let floor = a.floor().to_integer();
    let frac = &a - Q::from_integer(floor.clone());
    let half = Q::new(BigInt::from(1), BigInt::from(2));
    let up = match mode {
        Rounding::TowardZero => false,
        Rounding::AwayFromZero => !frac.is_zero(),
        Rounding::HalfAwayFromZero => frac >= half,
        Rounding::HalfTowardZero => frac > half,
        Rounding::HalfEven => frac > half || (frac == half && floor.is_odd()),
        _ => panic!("a rounding mode the oracle does not know"),
    };
    let r = if up { floor + 1 } else { floor };
    if x.is_negative() { -r } else { r }
}

/// The true value rounded once to `places` places, with exactly that scale.
pub fn publish(x: &Q, places: u32, mode: Rounding) -> Decimal {
    let m = round_int(&(x * Q::from_integer(pow10(places))), mode);
    Decimal::from_i128_with_scale(m.to_i128().unwrap(), places)
}

// ---------------------------------------------------------------------------------------
// Grades, ranks, statistics.

/// The label of the first band (highest threshold first) whose `min` the value reaches.
pub fn grade(bands: &[GradeBand], value: &Q) -> Option<String> {
    bands
        .iter()
        .find(|b| *value >= q(b.min))
        .map(|b| b.label.clone())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tie {
    Competition,
    Dense,
    /// Without tie-breakers: ties by unit id.
    Ordinal,
    Fractional,
}

/// Units listed highest value first, ties by unit id, each with its rank.
pub fn ranks(values: &[(String, Q)], tie: Tie) -> Vec<(String, Q)> {
    let mut sorted: Vec<(String, Q)> = values.to_vec();
    sorted.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    let mut out = Vec::new();
    for (pos, (unit, v)) in sorted.iter().enumerate() {
        let higher = sorted.iter().filter(|o| o.1 > *v).count() as i64;
        let equal = sorted.iter().filter(|o| o.1 == *v).count() as i64;
        let distinct_higher = sorted
            .iter()
            .filter(|o| o.1 > *v)
            .map(|o| o.1.clone())
            .collect::<std::collections::BTreeSet<Q>>()
            .len() as i64;
        let rank = match tie {
            Tie::Competition => int(higher + 1),
            Tie::Dense => int(distinct_higher + 1),
            Tie::Ordinal => int(pos as i64 + 1),
            // positions higher+1 ..= higher+equal; their mean
            Tie::Fractional => Q::new(BigInt::from(2 * higher + equal + 1), BigInt::from(2)),
        };
        out.push((unit.clone(), rank));
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
pub struct OSummary {
    pub count: usize,
    pub mean: Q,
    pub median: Q,
    pub min: Q,
    pub max: Q,
    pub above_mean: usize,
}

pub fn summary(values: &[Q]) -> Option<OSummary> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort();
    let n = v.len();
    let mean = v.iter().fold(Q::zero(), |s, x| s + x) / int(n as i64);
    let median = if n % 2 == 1 {
        v[n / 2].clone()
    } else {
        (&v[n / 2 - 1] + &v[n / 2]) / int(2)
    };
    let above_mean = v.iter().filter(|x| **x > mean).count();
    Some(OSummary {
        count: n,
        min: v[0].clone(),
        max: v[n - 1].clone(),
        mean,
        median,
        above_mean,
    })
}

// ---------------------------------------------------------------------------------------
// Rules.

/// What a rule gives: points, or "not applicable".
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Points(Q),
    NotApplicable,
}

/// A rate in percent, or "the denominator was zero".
enum RateOf {
    Percent(Q),
    ZeroDenominator,
}

fn rate_of(ev: &Evidence) -> Result<RateOf, OracleError> {
    match ev {
        Evidence::Percent(p) => {
            let p = q(*p);
            if p.is_negative() {
                return refuse("negative percent");
            }
            if p > int(100) {
                return refuse("percent above 100");
            }
            Ok(RateOf::Percent(p))
        }
        Evidence::Rate {
            numerator,
            denominator,
        } => {
            let (n, d) = (q(*numerator), q(*denominator));
            if n.is_negative() || d.is_negative() {
                return refuse("negative rate part");
            }
            if n > d {
                return refuse("numerator above denominator");
            }
            if d.is_zero() {
                return Ok(RateOf::ZeroDenominator);
            }
            Ok(RateOf::Percent(n / d * int(100)))
        }
        _ => unreachable!("rate_of is called on rates and percents only"),
    }
}

fn zero_denominator(zd: &ZeroDenominator, m: &Q) -> Result<Outcome, OracleError> {
    match zd {
        ZeroDenominator::Error => refuse("zero denominator"),
        ZeroDenominator::FullPoints => Ok(Outcome::Points(m.clone())),
        ZeroDenominator::ZeroPoints => Ok(Outcome::Points(Q::zero())),
        ZeroDenominator::NotApplicable => Ok(Outcome::NotApplicable),
        _ => panic!("a zero-denominator policy the oracle does not know"),
    }
}

fn clamp01(x: Q) -> Q {
    if x < Q::zero() {
        Q::zero()
    } else if x > Q::one() {
        Q::one()
    } else {
        x
    }
}

/// The rule applied to the evidence, for a leaf of maximum `m`.
pub fn apply(rule: &Rule, m: &Q, ev: &Evidence) -> Result<Outcome, OracleError> {
    use Outcome::Points;
    if let Evidence::NotApplicable = ev {
        return Ok(Outcome::NotApplicable);
    }
    let is_rate = matches!(ev, Evidence::Rate { .. } | Evidence::Percent(_));
    match (rule, ev) {
        (Rule::Direct, Evidence::Points(p)) => {
            let p = q(*p);
            if p.is_negative() || p > *m {
                return refuse("direct points outside 0..=max");
            }
            Ok(Points(p))
        }
        (Rule::YesNo { points_if_yes }, Evidence::Flag(b)) => Ok(Points(if *b {
            points_if_yes.map(q).unwrap_or_else(|| m.clone())
        } else {
            Q::zero()
        })),
        (
            Rule::Proportional {
                full_at_percent,
                zero_denominator: zd,
            },
            _,
        ) if is_rate => match rate_of(ev)? {
            RateOf::ZeroDenominator => zero_denominator(zd, m),
            RateOf::Percent(r) => {
                let share = r / q(*full_at_percent);
                Ok(Points(share.min(Q::one()) * m))
            }
        },
        (
            Rule::ThresholdBands {
                bands,
                zero_denominator: zd,
            },
            _,
        ) if is_rate => match rate_of(ev)? {
            RateOf::ZeroDenominator => zero_denominator(zd, m),
            RateOf::Percent(r) => Ok(Points(
                bands
                    .iter()
                    .find(|b| r >= q(b.at_least))
                    .map(|b| q(b.points))
                    .unwrap_or_default(),
            )),
        },
        (Rule::Linear { zero_at, full_at }, _) if is_rate || matches!(ev, Evidence::Value(_)) => {
            let x = match ev {
                Evidence::Value(x) => q(*x),
                _ => match rate_of(ev)? {
                    RateOf::ZeroDenominator => return refuse("zero denominator in a linear rule"),
                    RateOf::Percent(r) => r,
                },
            };
            let (z, f) = (q(*zero_at), q(*full_at));
            Ok(Points(clamp01((x - &z) / (f - &z)) * m))
        }
        (
            Rule::Deduction {
                per_violation,
                floor,
            },
            Evidence::Count(c),
        ) => {
            let left = m - Q::from_integer(BigInt::from(*c)) * q(*per_violation);
            Ok(Points(left.max(q(*floor))))
        }
        (
            Rule::SurveyMean {
                scale_min,
                scale_max,
            },
            Evidence::SurveyMean(x),
        ) => {
            let (a, b, x) = (q(*scale_min), q(*scale_max), q(*x));
            if x < a || x > b {
                return refuse("survey mean outside its scale");
            }
            Ok(Points((x - &a) / (b - &a) * m))
        }
        (Rule::CountBands { bands }, Evidence::Count(c)) => Ok(Points(
            bands
                .iter()
                .find(|b| *c >= b.at_least)
                .map(|b| q(b.points))
                .unwrap_or_default(),
        )),
        _ => refuse(format!(
            "{} evidence does not fit a {} rule",
            ev.kind(),
            rule.kind()
        )),
    }
}

// ---------------------------------------------------------------------------------------
// Leaves, parents, the unit.

/// A leaf's final points, or None when not applicable.
pub fn leaf(node: &NodeSpec, entry: Option<&Entry>) -> Result<Option<Q>, OracleError> {
    let m = q(node.max_points);
    let Some(entry) = entry else {
        return Ok(Some(Q::zero()));
    }; // missing: 0, applicable
    for given in [entry.self_assessed, entry.appraised].into_iter().flatten() {
        let p = q(given);
        if p.is_negative() || p > m {
            return refuse("self-assessed or appraised points outside 0..=max");
        }
    }
    let rule = node.rule.clone().unwrap_or(Rule::Direct);
    let outcome = match &entry.evidence {
        Some(ev) => Some(apply(&rule, &m, ev)?),
        None => None,
    };
    if outcome == Some(Outcome::NotApplicable) {
        if !node.optional {
            return refuse("not applicable on a leaf that is not optional");
        }
        if entry.self_assessed.is_some() || entry.appraised.is_some() {
            return refuse("not applicable with points");
        }
    }
    Ok(if let Some(a) = entry.appraised {
        Some(q(a))
    } else {
        match outcome {
            Some(Outcome::NotApplicable) => None,
            Some(Outcome::Points(p)) => Some(p),
            None => Some(entry.self_assessed.map(q).unwrap_or_default()),
        }
    })
}

/// A child as its parent sees it: (points, effective max), or None when not applicable; and
/// its weight.
pub type Child = (Option<(Q, Q)>, Option<Q>);

/// Children into a parent of maximum `m`; None when no child applies.
pub fn combine(m: &Q, how: Combine, policy: NotApplicablePolicy, kids: &[Child]) -> Option<(Q, Q)> {
    let applicable: Vec<(&Q, &Q, &Option<Q>)> = kids
        .iter()
        .filter_map(|(r, w)| r.as_ref().map(|(p, e)| (p, e, w)))
        .collect();
    if applicable.is_empty() {
        return None;
    }
    let sum_p = applicable.iter().fold(Q::zero(), |s, k| s + k.0);
    let sum_e = applicable.iter().fold(Q::zero(), |s, k| s + k.1);
    match (how, policy) {
        (Combine::Sum, NotApplicablePolicy::DropMaximum) => Some((sum_p, sum_e)),
        (Combine::Sum, NotApplicablePolicy::Rescale) => {
            Some(((sum_p * m / sum_e).min(m.clone()), m.clone()))
        }
        (Combine::WeightedMean, _) => {
            let w = |k: &(&Q, &Q, &Option<Q>)| k.2.clone().expect("weight under a weighted mean");
            let sum_w = applicable.iter().fold(Q::zero(), |s, k| s + w(k));
            let sum_wp = applicable
                .iter()
                .fold(Q::zero(), |s, k| s + w(k) * k.0 / k.1);
            Some(((m * sum_wp / sum_w).min(m.clone()), m.clone()))
        }
        _ => panic!("a combination the oracle does not know"),
    }
}

struct Tree<'a> {
    by_code: HashMap<String, &'a NodeSpec>,
    children: HashMap<String, Vec<&'a NodeSpec>>,
    entries: HashMap<String, &'a Entry>,
}

impl Tree<'_> {
    fn node(
        &self,
        n: &NodeSpec,
        out: &mut BTreeMap<String, ONode>,
    ) -> Result<Option<(Q, Q)>, OracleError> {
        let code = n.code.to_string();
        let kids = self.children.get(&code).cloned().unwrap_or_default();
        let result = if kids.is_empty() {
            leaf(n, self.entries.get(&code).copied())?.map(|p| (p, q(n.max_points)))
        } else {
            let mut scored = Vec::new();
            for k in kids {
                scored.push((self.node(k, out)?, k.weight.map(q)));
            }
            combine(&q(n.max_points), n.combine, n.when_not_applicable, &scored)
        };
        out.insert(
            code,
            match &result {
                Some((p, e)) => ONode {
                    applicable: true,
                    points: p.clone(),
                    effective_max: e.clone(),
                    percent: Some(p * int(100) / e),
                },
                None => ONode {
                    applicable: false,
                    points: Q::zero(),
                    effective_max: Q::zero(),
                    percent: None,
                },
            },
        );
        Ok(result)
    }
}

/// Scores an assessment against a (valid) framework, exactly.
pub fn score(spec: &FrameworkSpec, a: &Assessment) -> Result<OracleCard, OracleError> {
    if a.framework != spec.info.id {
        return refuse("assessment of another framework");
    }
    if a.unit.trim().is_empty() {
        return refuse("empty unit id");
    }
    let mut tree = Tree {
        by_code: HashMap::new(),
        children: HashMap::new(),
        entries: HashMap::new(),
    };
    for n in &spec.nodes {
        tree.by_code.insert(n.code.to_string(), n);
        if let Some(p) = &n.parent {
            tree.children.entry(p.to_string()).or_default().push(n);
        }
    }
    let mut seen = HashSet::new();
    for e in &a.entries {
        let code = e.code.to_string();
        if !tree.by_code.contains_key(&code) {
            return refuse(format!("unknown code {code}"));
        }
        if tree.children.contains_key(&code) {
            return refuse(format!("entry for parent {code}"));
        }
        if !seen.insert(code.clone()) {
            return refuse(format!("duplicate entry {code}"));
        }
        tree.entries.insert(code, e);
    }
    let mut nodes = BTreeMap::new();
    let mut domains = Vec::new();
    for n in spec.nodes.iter().filter(|n| n.parent.is_none()) {
        domains.push((tree.node(n, &mut nodes)?, n.weight.map(q)));
    }
    let total = q(spec.total_points);
    let Some((p, e)) = combine(&total, spec.combine, spec.when_not_applicable, &domains) else {
        return refuse("nothing applicable");
    };
    let adjustments = a.adjustments.iter().fold(Q::zero(), |s, x| s + q(x.points));
    let unclamped = (&p + &adjustments) * int(100) / &e;
    let index = unclamped.clone().max(Q::zero()).min(int(100));
    Ok(OracleCard {
        nodes,
        lost: &e - &p,
        points: p,
        effective_max: e,
        adjustments,
        unclamped,
        index,
    })
}
