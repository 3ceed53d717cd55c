//! Scoring rules (cách chấm điểm) and the evidence they turn into points.
//!
//! A [`Rule`] is data: it is stored in the framework, serialized with it, and checked against
//! its node's maximum when the framework is built. [`Evidence`] is what a unit reports for one
//! leaf. Applying a rule to evidence gives points in `0..=max`, or "not applicable" where the
//! framework allows it, or an error naming the node and the values; never a panic.
//!
//! Rates are compared in percent: a [`Evidence::Rate`] of 7,723 / 8,037 is 96.09…%, and band
//! thresholds are written as percentages (`100`, `95`).

use rust_decimal::Decimal;

use crate::code::NodeRef;
use crate::error::{Error, ErrorKind, PointsKind, Quantity};
use crate::exact::Exact;
use crate::math::checked_mul_div;

/// What a unit reports for one leaf of the framework.
///
/// In JSON: `{"flag": true}`, `{"rate": {"numerator": "7723", "denominator": "8037"}}`,
/// `{"percent": "96.09"}`, `{"count": 3}`, `{"value": "4.5"}`, `{"survey_mean": "4.12"}`,
/// `{"points": "1.5"}`, or `"not_applicable"`.
///
/// Reading refuses an object with more than one kind (`{"count": 3, "flag": true}`) by
/// naming both keys, and an unknown kind by listing the known ones.
///
/// # Examples
///
/// ```
/// use par_index::{Entry, Evidence, Framework, Rule};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Giải quyết hồ sơ đúng hạn", 10.into())
///     .rule(Rule::proportional())
///     .build()?;
/// let evidence = Evidence::rate(7_723, 8_037);
/// assert_eq!(evidence.kind(), "rate");
/// let mut assessment = framework.assessment("ward-1", "2025".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_evidence(evidence));
/// let scorecard = framework.score(&assessment)?;
/// // 7,723 of 8,037 dossiers on time: 96.09…% of 10 points.
/// assert_eq!(scorecard.node("1").unwrap().points.to_decimal().round_dp(4).to_string(), "9.6093");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Evidence {
    /// Points entered directly, for [`Rule::Direct`].
    Points(#[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))] Decimal),
    /// A yes/no fact, for [`Rule::YesNo`]: "the annual reform plan was issued on time".
    Flag(bool),
    /// A part of a whole, such as dossiers resolved early or on time out of dossiers resolved.
    /// The numerator may not exceed the denominator.
    Rate {
        /// The part (on-time dossiers).
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        numerator: Decimal,
        /// The whole (resolved dossiers).
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        denominator: Decimal,
    },
    /// A rate already expressed in percent (`96.09`), from 0 to 100 like a [`Evidence::Rate`];
    /// a measured quantity that may exceed 100 is an [`Evidence::Value`] for a
    /// [`Rule::Linear`].
    Percent(#[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))] Decimal),
    /// A count: steering meetings held, late reports, violations.
    Count(u64),
    /// A measured number for [`Rule::Linear`].
    Value(#[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))] Decimal),
    /// The mean answer of a survey question on the scale of a [`Rule::SurveyMean`].
    SurveyMean(#[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))] Decimal),
    /// The node does not apply to this unit ("không được giao chỉ tiêu thì không chấm điểm"):
    /// distinct from zero, allowed only on nodes the framework marks optional.
    NotApplicable,
}

impl Evidence {
    /// A rate from two integers, e.g. `Evidence::rate(7_723, 8_037)`.
    pub fn rate(numerator: u64, denominator: u64) -> Evidence {
        Evidence::Rate {
            numerator: Decimal::from(numerator),
            denominator: Decimal::from(denominator),
        }
    }

    /// The evidence's kind, as written in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Evidence::Points(_) => "points",
            Evidence::Flag(_) => "flag",
            Evidence::Rate { .. } => "rate",
            Evidence::Percent(_) => "percent",
            Evidence::Count(_) => "count",
            Evidence::Value(_) => "value",
            Evidence::SurveyMean(_) => "survey_mean",
            Evidence::NotApplicable => "not_applicable",
        }
    }
}

/// What a rate rule does when a [`Evidence::Rate`] is 0 of 0 (no dossiers resolved, no
/// complaints received). A positive numerator over 0 is a part above its whole and is
/// refused, whatever the policy.
///
/// # Examples
///
/// ```
/// use par_index::rule::ZeroDenominator;
/// use par_index::{Entry, Evidence, Framework, Rule};
///
/// // "No complaint received → full 2 points."
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Giải quyết khiếu nại", 2.into())
///     .rule(Rule::Proportional {
///         full_at_percent: 100.into(),
///         zero_denominator: ZeroDenominator::FullPoints,
///     })
///     .build()?;
/// let mut assessment = framework.assessment("ward-1", "2025".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_evidence(Evidence::rate(0, 0)));
/// assert_eq!(framework.score(&assessment)?.node("1").unwrap().points.to_string(), "2");
/// assert_eq!(ZeroDenominator::default(), ZeroDenominator::Error);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ZeroDenominator {
    /// Refuse it with [`ErrorKind::ZeroDenominator`]: the framework must say what nothing means.
    #[default]
    Error,
    /// Full points: "no complaint received → full 2 points".
    FullPoints,
    /// Zero points.
    ZeroPoints,
    /// The node is not applicable (its node must be optional).
    NotApplicable,
}

/// One band of [`Rule::ThresholdBands`]: a rate at or above `at_least` percent earns `points`.
///
/// # Examples
///
/// ```
/// use par_index::rule::{RateBand, ZeroDenominator};
/// use par_index::{Entry, Evidence, Framework, Rule};
///
/// // On-time dossiers: 100% → 1 point, at least 95% → 0.5, else 0.
/// let bands = vec![
///     RateBand { at_least: 100.into(), points: 1.into() },
///     RateBand { at_least: 95.into(), points: "0.5".parse()? },
/// ];
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Tỷ lệ hồ sơ đúng hạn", 1.into())
///     .rule(Rule::ThresholdBands { bands, zero_denominator: ZeroDenominator::Error })
///     .build()?;
/// let mut assessment = framework.assessment("ward-1", "2025".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_evidence(Evidence::rate(7_723, 8_037)));
/// assert_eq!(framework.score(&assessment)?.node("1").unwrap().points.to_string(), "0.5");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RateBand {
    /// The lowest rate, in percent, that earns the band's points.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub at_least: Decimal,
    /// Points earned.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub points: Decimal,
}

/// One band of [`Rule::CountBands`]: a count at or above `at_least` earns `points`.
///
/// # Examples
///
/// ```
/// use par_index::rule::CountBand;
/// use par_index::{Entry, Evidence, Framework, Rule};
///
/// // Steering meetings held in the year: 4 → 20 points, 2 → 10, else 0.
/// let bands = vec![
///     CountBand { at_least: 4, points: 20.into() },
///     CountBand { at_least: 2, points: 10.into() },
/// ];
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Họp chỉ đạo", 20.into())
///     .rule(Rule::CountBands { bands })
///     .build()?;
/// let mut assessment = framework.assessment("ward-1", "2025".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_evidence(Evidence::Count(3)));
/// assert_eq!(framework.score(&assessment)?.node("1").unwrap().points.to_string(), "10");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CountBand {
    /// The lowest count that earns the band's points.
    pub at_least: u64,
    /// Points earned.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub points: Decimal,
}

/// How a leaf's evidence becomes points. Each rule is monotone: better evidence never earns
/// fewer points.
///
/// In JSON a rule is an object tagged by `kind`, e.g.
/// `{"kind": "threshold_bands", "bands": [{"at_least": "100", "points": "1"}]}`.
///
/// # Examples
///
/// ```
/// use par_index::{Entry, Evidence, Framework, Rule};
///
/// // −0.25 per late report, never below 0.
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Báo cáo đúng hạn", 1.into())
///     .rule(Rule::Deduction { per_violation: "0.25".parse()?, floor: 0.into() })
///     .build()?;
/// assert_eq!(framework.node("1").unwrap().rule().unwrap().kind(), "deduction");
/// let mut assessment = framework.assessment("ward-1", "2025".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_evidence(Evidence::Count(3)));
/// assert_eq!(framework.score(&assessment)?.node("1").unwrap().points.to_string(), "0.25");
///
/// // A rule that could award more than its node's maximum is refused when building.
/// let too_much = Framework::builder("demo", "Demo")
///     .domain("1", "Báo cáo đúng hạn", 1.into())
///     .rule(Rule::YesNo { points_if_yes: Some(2.into()) })
///     .build();
/// assert!(too_much.is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum Rule {
    /// Points entered directly ([`Evidence::Points`]), from 0 to the maximum. The default for
    /// a leaf with no rule: the appraisal team's judgement, as for most PAR sub-criteria.
    #[default]
    Direct,
    /// Yes/no ([`Evidence::Flag`]): "the annual PAR plan was issued on time" earns the
    /// maximum, or `points_if_yes` where the annex awards less (Hải Phòng 212/2025, item
    /// 5.1.b: maximum 2, "at or above the city average → 1").
    YesNo {
        /// Points for "yes"; the node's maximum when absent.
        #[cfg_attr(
            feature = "serde",
            serde(
                default,
                with = "crate::serde_decimal::option",
                skip_serializing_if = "Option::is_none"
            )
        )]
        points_if_yes: Option<Decimal>,
    },
    /// Proportional to a rate: points = min(rate ÷ `full_at_percent`, 1) × maximum. Hải Phòng's
    /// heads' scorecard scores "tasks done on time ÷ tasks assigned × 5" this way; a PAR
    /// sub-criterion can score on-time dossiers ÷ resolved dossiers.
    Proportional {
        /// The rate, in percent, that earns the full maximum (100 unless stated).
        #[cfg_attr(
            feature = "serde",
            serde(default = "hundred", with = "crate::serde_decimal")
        )]
        full_at_percent: Decimal,
        /// What a zero denominator means.
        #[cfg_attr(feature = "serde", serde(default))]
        zero_denominator: ZeroDenominator,
    },
    /// Threshold bands on a rate, highest first: on-time dossiers = 100% → 1 point,
    /// ≥ 95% → 0.5, else 0. Thresholds must strictly decrease and points must not increase.
    ThresholdBands {
        /// The bands, highest threshold first; below the last band earns 0.
        bands: Vec<RateBand>,
        /// What a zero denominator means.
        #[cfg_attr(feature = "serde", serde(default))]
        zero_denominator: ZeroDenominator,
    },
    /// Linear between two bounds, clamped: `zero_at` earns 0, `full_at` the maximum. The bounds
    /// may run downwards (days late: 10 → 0 points, 0 → full). Takes [`Evidence::Value`],
    /// [`Evidence::Percent`] or [`Evidence::Rate`] (in percent).
    Linear {
        /// The value that earns nothing.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        zero_at: Decimal,
        /// The value that earns the maximum.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        full_at: Decimal,
    },
    /// A deduction per violation from the maximum, never below `floor` ([`Evidence::Count`]):
    /// −0.25 per late report, never below 0.
    Deduction {
        /// Points taken off for each violation.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        per_violation: Decimal,
        /// The least the node can earn (0 unless stated).
        #[cfg_attr(feature = "serde", serde(default, with = "crate::serde_decimal"))]
        floor: Decimal,
    },
    /// A survey mean on a scale, mapped linearly to points: `scale_min` earns 0 and
    /// `scale_max` the maximum (a 1–5 scale, 0–10, or 0–100 for a percentage).
    SurveyMean {
        /// The lowest answer on the scale.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        scale_min: Decimal,
        /// The highest answer on the scale.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        scale_max: Decimal,
    },
    /// Count bands, highest first ([`Evidence::Count`]): steering meetings held in the year
    /// 4 → 20, 3 → 15, 2 → 10, 1 → 5, else 0.
    CountBands {
        /// The bands, highest count first; below the last band earns 0.
        bands: Vec<CountBand>,
    },
}

#[cfg(feature = "serde")]
fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}

/// Points a rule gave, or "not applicable".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RuleOutcome {
    Points(Exact),
    NotApplicable,
}

impl Rule {
    /// A proportional rule with full points at 100% and zero denominators refused.
    pub fn proportional() -> Rule {
        Rule::Proportional {
            full_at_percent: Decimal::ONE_HUNDRED,
            zero_denominator: ZeroDenominator::Error,
        }
    }

    /// A yes/no rule that awards the node's maximum.
    pub fn yes_no() -> Rule {
        Rule::YesNo {
            points_if_yes: None,
        }
    }

    /// The rule's kind, as written in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Rule::Direct => "direct",
            Rule::YesNo { .. } => "yes_no",
            Rule::Proportional { .. } => "proportional",
            Rule::ThresholdBands { .. } => "threshold_bands",
            Rule::Linear { .. } => "linear",
            Rule::Deduction { .. } => "deduction",
            Rule::SurveyMean { .. } => "survey_mean",
            Rule::CountBands { .. } => "count_bands",
        }
    }

    fn zero_denominator(&self) -> Option<ZeroDenominator> {
        match self {
            Rule::Proportional {
                zero_denominator, ..
            }
            | Rule::ThresholdBands {
                zero_denominator, ..
            } => Some(*zero_denominator),
            _ => None,
        }
    }

    /// Checks that the rule fits a node whose maximum is `max`; called by the framework builder.
    pub(crate) fn validate(&self, at: &NodeRef, max: Decimal, optional: bool) -> Result<(), Error> {
        let exceeds = |awarded: Decimal| {
            ErrorKind::RuleExceedsMax {
                node: at.clone(),
                awarded,
                max,
            }
            .into()
        };
        let invalid = |reason: String| {
            ErrorKind::InvalidRule {
                node: at.clone(),
                rule: self.kind(),
                reason,
            }
            .into()
        };
        let non_negative = |what: &str, value: Decimal| {
            if value.is_sign_negative() && !value.is_zero() {
                Err(invalid(format!("{what} is {value}, below 0")))
            } else {
                Ok(())
            }
        };
        if self.zero_denominator() == Some(ZeroDenominator::NotApplicable) && !optional {
            return Err(invalid(
                "a zero denominator is declared not applicable but the node is not optional"
                    .to_owned(),
            ));
        }
        match self {
            Rule::Direct => Ok(()),
            Rule::YesNo { points_if_yes } => match points_if_yes {
                Some(points) if *points > max => Err(exceeds(*points)),
                Some(points) => non_negative("points_if_yes", *points),
                None => Ok(()),
            },
            Rule::Proportional {
                full_at_percent, ..
            } => {
                if *full_at_percent <= Decimal::ZERO {
                    Err(invalid(format!(
                        "full_at_percent is {full_at_percent} but must be above 0"
                    )))
                } else if *full_at_percent > Decimal::ONE_HUNDRED {
                    Err(invalid(format!(
                        "full_at_percent is {full_at_percent}, but a rate is at most 100%"
                    )))
                } else {
                    Ok(())
                }
            }
            Rule::ThresholdBands { bands, .. } => {
                if let Some(band) = bands.iter().find(|b| b.at_least > Decimal::ONE_HUNDRED) {
                    return Err(invalid(format!(
                        "the band at {}% is never reached: a rate is at most 100%",
                        band.at_least
                    )));
                }
                let bands: Vec<(Percent, Decimal)> = bands
                    .iter()
                    .map(|b| (Percent(b.at_least), b.points))
                    .collect();
                validate_bands(&bands, max, exceeds, invalid)
            }
            Rule::CountBands { bands } => {
                let bands: Vec<(u64, Decimal)> =
                    bands.iter().map(|b| (b.at_least, b.points)).collect();
                validate_bands(&bands, max, exceeds, invalid)
            }
            Rule::Linear { zero_at, full_at } => {
                if zero_at == full_at {
                    Err(invalid(format!(
                        "zero_at and full_at are both {zero_at}; they must differ"
                    )))
                } else {
                    Ok(())
                }
            }
            Rule::Deduction {
                per_violation,
                floor,
            } => {
                if *per_violation <= Decimal::ZERO {
                    return Err(invalid(format!(
                        "per_violation is {per_violation} but must be above 0"
                    )));
                }
                non_negative("floor", *floor)?;
                if *floor > max {
                    return Err(exceeds(*floor));
                }
                Ok(())
            }
            Rule::SurveyMean {
                scale_min,
                scale_max,
            } => {
                if scale_min >= scale_max {
                    Err(invalid(format!(
                        "scale_min {scale_min} must be below scale_max {scale_max}"
                    )))
                } else {
                    Ok(())
                }
            }
        }
    }

    /// Applies the rule to one piece of evidence for a node whose maximum is `max`.
    ///
    /// The result always lies in `0..=max` for a validated rule, and is exact: a rule that
    /// scales a rate multiplies before it divides, and thresholds compare the true rate.
    pub(crate) fn apply(
        &self,
        at: &NodeRef,
        max: Decimal,
        evidence: &Evidence,
    ) -> Result<RuleOutcome, Error> {
        self.evaluate(at, max, evidence, Work::Points)
    }

    /// Checks evidence as [`apply`](Rule::apply) does, refusing exactly what it refuses,
    /// without working the points out: the CSV reader checks every cell this way, so that
    /// scoring works each leaf's points out once. True when the evidence says "not
    /// applicable".
    pub(crate) fn check(
        &self,
        at: &NodeRef,
        max: Decimal,
        evidence: &Evidence,
    ) -> Result<bool, Error> {
        let outcome = self.evaluate(at, max, evidence, Work::Check)?;
        Ok(outcome == RuleOutcome::NotApplicable)
    }

    /// [`apply`](Rule::apply), or with [`Work::Check`] its checks alone: once the evidence
    /// is accepted, the arithmetic left cannot fail (a rate is within its whole, a scaled
    /// value within the maximum), so stopping there refuses nothing `apply` accepts.
    fn evaluate(
        &self,
        at: &NodeRef,
        max: Decimal,
        evidence: &Evidence,
        work: Work,
    ) -> Result<RuleOutcome, Error> {
        let wrong = || {
            ErrorKind::WrongEvidence {
                node: at.clone(),
                rule: self.kind(),
                found: evidence.kind(),
            }
            .into()
        };
        let points = |p: Exact| Ok(RuleOutcome::Points(p));
        // What a check returns for accepted evidence that earns points: they are not needed.
        let checked = || Ok(RuleOutcome::Points(Exact::ZERO));
        let check_only = work == Work::Check;
        let maximum = Exact::from(max);
        match (self, evidence) {
            (_, Evidence::NotApplicable) => Ok(RuleOutcome::NotApplicable),
            (Rule::Direct, Evidence::Points(p)) => {
                check_non_negative(at, Quantity::Points, *p)?;
                if *p > max {
                    return Err(ErrorKind::PointsAboveMax {
                        node: at.clone(),
                        which: PointsKind::Entered,
                        points: *p,
                        max,
                    }
                    .into());
                }
                points(Exact::from(*p))
            }
            (Rule::YesNo { points_if_yes }, Evidence::Flag(flag)) => points(if *flag {
                Exact::from(points_if_yes.unwrap_or(max))
            } else {
                Exact::ZERO
            }),
            (
                Rule::Proportional {
                    full_at_percent,
                    zero_denominator,
                },
                Evidence::Rate { .. } | Evidence::Percent(_),
            ) => {
                let Some(rate) = rate_of(at, evidence)? else {
                    return zero_denominator_outcome(at, *zero_denominator, max);
                };
                if check_only {
                    return checked();
                }
                // min(rate ÷ full, 1) × max, with the rate as part × 100 ÷ whole: the whole
                // is multiplied out, so that the points take one division.
                let (part, whole) = rate.in_percent();
                let full_of_whole = Exact::from(*full_at_percent).mul(&whole);
                if part >= full_of_whole {
                    return points(maximum);
                }
                points(checked_mul_div(&part, &maximum, &full_of_whole, at)?)
            }
            (
                Rule::ThresholdBands {
                    bands,
                    zero_denominator,
                },
                Evidence::Rate { .. } | Evidence::Percent(_),
            ) => {
                let Some(rate) = rate_of(at, evidence)? else {
                    return zero_denominator_outcome(at, *zero_denominator, max);
                };
                if check_only {
                    return checked();
                }
                let percent = rate.percent(at)?;
                points(
                    bands
                        .iter()
                        .find(|band| percent >= band.at_least)
                        .map_or(Exact::ZERO, |band| Exact::from(band.points)),
                )
            }
            (
                Rule::Linear { zero_at, full_at },
                Evidence::Value(_) | Evidence::Percent(_) | Evidence::Rate { .. },
            ) => {
                let value = match evidence {
                    Evidence::Value(v) => Rate::Percent(*v),
                    _ => match rate_of(at, evidence)? {
                        Some(rate) => rate,
                        None => return Err(ErrorKind::ZeroDenominator { node: at.clone() }.into()),
                    },
                };
                if check_only {
                    return checked();
                }
                let value = value.percent(at)?;
                points(between(
                    at,
                    &value,
                    Exact::from(*zero_at),
                    Exact::from(*full_at),
                    &maximum,
                )?)
            }
            (
                Rule::Deduction {
                    per_violation,
                    floor,
                },
                Evidence::Count(count),
            ) => {
                if check_only {
                    return checked();
                }
                // Exact for any count: a huge one stops at the floor.
                let deducted = Exact::from(*count).mul(&Exact::from(*per_violation));
                let left = maximum.sub(&deducted);
                points(left.max(Exact::from(*floor)))
            }
            (
                Rule::SurveyMean {
                    scale_min,
                    scale_max,
                },
                Evidence::SurveyMean(mean),
            ) => {
                if mean < scale_min || mean > scale_max {
                    return Err(ErrorKind::SurveyMeanOutOfScale {
                        node: at.clone(),
                        mean: *mean,
                        scale_min: *scale_min,
                        scale_max: *scale_max,
                    }
                    .into());
                }
                if check_only {
                    return checked();
                }
                points(between(
                    at,
                    &Exact::from(*mean),
                    Exact::from(*scale_min),
                    Exact::from(*scale_max),
                    &maximum,
                )?)
            }
            (Rule::CountBands { bands }, Evidence::Count(count)) => points(
                bands
                    .iter()
                    .find(|band| *count >= band.at_least)
                    .map_or(Exact::ZERO, |band| Exact::from(band.points)),
            ),
            _ => Err(wrong()),
        }
    }
}

/// `max × (value − zero) ÷ (full − zero)`, clamped to `0..=max`: the linear and survey-mean
/// rules, which may run downwards (`full` below `zero`). One division, last.
fn between(
    at: &NodeRef,
    value: &Exact,
    zero: Exact,
    full: Exact,
    max: &Exact,
) -> Result<Exact, Error> {
    let rising = full > zero;
    let (reached_full, reached_zero) = if rising {
        (*value >= full, *value <= zero)
    } else {
        (*value <= full, *value >= zero)
    };
    if reached_full {
        return Ok(max.clone());
    }
    if reached_zero {
        return Ok(Exact::ZERO);
    }
    checked_mul_div(&value.sub(&zero), max, &full.sub(&zero), at)
}

/// A band threshold in percent, printed with its sign.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
struct Percent(Decimal);

impl std::fmt::Display for Percent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}%", self.0)
    }
}

/// Shared checks of rate and count bands: thresholds strictly decreasing, each band's points
/// within `0..=max` and not increasing as the threshold falls (so that the rule stays
/// monotone).
fn validate_bands<T: PartialOrd + std::fmt::Display>(
    bands: &[(T, Decimal)],
    max: Decimal,
    exceeds: impl Fn(Decimal) -> Error,
    invalid: impl Fn(String) -> Error,
) -> Result<(), Error> {
    if bands.is_empty() {
        return Err(invalid("it has no bands".to_owned()));
    }
    for (threshold, points) in bands {
        if *points > max {
            return Err(exceeds(*points));
        }
        if points.is_sign_negative() && !points.is_zero() {
            return Err(invalid(format!(
                "the band at {threshold} awards {points} points, below 0"
            )));
        }
    }
    for pair in bands.windows(2) {
        if let [(high, high_points), (low, low_points)] = pair {
            if low >= high {
                return Err(invalid(
                    "band thresholds must strictly decrease, highest first".to_owned(),
                ));
            }
            if low_points > high_points {
                return Err(invalid(format!(
                    "the band at {low} awards {low_points} points, more than the band at {high} ({high_points})"
                )));
            }
        }
    }
    Ok(())
}

fn check_non_negative(at: &NodeRef, what: Quantity, value: Decimal) -> Result<(), Error> {
    if value.is_sign_negative() && !value.is_zero() {
        Err(ErrorKind::NegativeValue {
            node: at.clone(),
            what,
            value,
        }
        .into())
    } else {
        Ok(())
    }
}

/// Whether [`Rule::evaluate`] works the points out or only checks the evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Work {
    Points,
    Check,
}

/// A rate read from evidence and checked, before its percentage is worked out.
enum Rate {
    /// A percentage as given (or a linear rule's value).
    Percent(Decimal),
    /// A part of a non-zero whole, within it.
    Part {
        numerator: Decimal,
        denominator: Decimal,
    },
}

impl Rate {
    /// The rate as a percentage in two terms, part ÷ whole (the whole positive), not divided.
    fn in_percent(&self) -> (Exact, Exact) {
        match self {
            Rate::Percent(p) => (Exact::from(*p), Exact::ONE),
            Rate::Part {
                numerator,
                denominator,
            } => (
                Exact::from(*numerator).mul(&Exact::ONE_HUNDRED),
                Exact::from(*denominator),
            ),
        }
    }

    /// The rate as a percentage, exact.
    fn percent(&self, at: &NodeRef) -> Result<Exact, Error> {
        match self {
            Rate::Percent(p) => Ok(Exact::from(*p)),
            Rate::Part {
                numerator,
                denominator,
            } if numerator == denominator => Ok(Exact::ONE_HUNDRED),
            Rate::Part {
                numerator,
                denominator,
            } => checked_mul_div(
                &Exact::from(*numerator),
                &Exact::ONE_HUNDRED,
                &Exact::from(*denominator),
                at,
            ),
        }
    }
}

/// The evidence as a checked rate, or `None` for a zero denominator. A rate is a part of a
/// whole in either form: a percent above 100 is refused like a numerator above its
/// denominator.
fn rate_of(at: &NodeRef, evidence: &Evidence) -> Result<Option<Rate>, Error> {
    match evidence {
        Evidence::Percent(p) => {
            check_non_negative(at, Quantity::Percent, *p)?;
            if *p > Decimal::ONE_HUNDRED {
                return Err(ErrorKind::PercentAboveHundred {
                    node: at.clone(),
                    percent: *p,
                }
                .into());
            }
            Ok(Some(Rate::Percent(*p)))
        }
        Evidence::Rate {
            numerator,
            denominator,
        } => {
            check_non_negative(at, Quantity::Numerator, *numerator)?;
            check_non_negative(at, Quantity::Denominator, *denominator)?;
            // Checked before the zero denominator: 5 of 0 is a part above its whole, and
            // only 0 of 0 (nothing to count) goes to the rule's zero-denominator policy.
            if numerator > denominator {
                return Err(ErrorKind::RateAboveWhole {
                    node: at.clone(),
                    numerator: *numerator,
                    denominator: *denominator,
                }
                .into());
            }
            if denominator.is_zero() {
                return Ok(None);
            }
            Ok(Some(Rate::Part {
                numerator: *numerator,
                denominator: *denominator,
            }))
        }
        _ => Ok(None),
    }
}

fn zero_denominator_outcome(
    at: &NodeRef,
    policy: ZeroDenominator,
    max: Decimal,
) -> Result<RuleOutcome, Error> {
    match policy {
        ZeroDenominator::Error => Err(ErrorKind::ZeroDenominator { node: at.clone() }.into()),
        ZeroDenominator::FullPoints => Ok(RuleOutcome::Points(Exact::from(max))),
        ZeroDenominator::ZeroPoints => Ok(RuleOutcome::Points(Exact::ZERO)),
        ZeroDenominator::NotApplicable => Ok(RuleOutcome::NotApplicable),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::{Code, Level};
    use rust_decimal::dec;

    fn at() -> NodeRef {
        NodeRef {
            level: Level::SubCriterion,
            code: "3.2.1".parse::<Code>().unwrap(),
        }
    }

    #[track_caller]
    fn points(rule: &Rule, max: Decimal, evidence: Evidence) -> Exact {
        rule.validate(&at(), max, true).unwrap();
        match rule.apply(&at(), max, &evidence).unwrap() {
            RuleOutcome::Points(p) => p,
            RuleOutcome::NotApplicable => panic!("not applicable"),
        }
    }

    #[track_caller]
    fn error(rule: &Rule, max: Decimal, evidence: Evidence) -> String {
        rule.apply(&at(), max, &evidence).unwrap_err().to_string()
    }

    #[track_caller]
    fn invalid(rule: &Rule, max: Decimal) -> String {
        rule.validate(&at(), max, false).unwrap_err().to_string()
    }

    fn percent(p: Decimal) -> Evidence {
        Evidence::Percent(p)
    }

    #[test]
    fn direct_points_run_from_zero_to_the_maximum() {
        let rule = Rule::Direct;
        assert_eq!(points(&rule, dec!(1), Evidence::Points(dec!(0))), dec!(0));
        assert_eq!(
            points(&rule, dec!(1), Evidence::Points(dec!(0.75))),
            dec!(0.75)
        );
        assert_eq!(points(&rule, dec!(1), Evidence::Points(dec!(1))), dec!(1));
        assert_eq!(
            error(&rule, dec!(1), Evidence::Points(dec!(1.5))),
            "sub-criterion 3.2.1 is given 1.5 entered points but its maximum is 1"
        );
        assert_eq!(
            error(&rule, dec!(1), Evidence::Points(dec!(-0.25))),
            "sub-criterion 3.2.1 is given a negative points: -0.25"
        );
    }

    #[test]
    fn yes_no_awards_the_maximum_or_the_declared_points() {
        assert_eq!(
            points(&Rule::yes_no(), dec!(2), Evidence::Flag(true)),
            dec!(2)
        );
        assert_eq!(
            points(&Rule::yes_no(), dec!(2), Evidence::Flag(false)),
            dec!(0)
        );
        // Hải Phòng 212/2025, item 5.1.b: maximum 2, "at or above the average → 1".
        let one = Rule::YesNo {
            points_if_yes: Some(dec!(1)),
        };
        assert_eq!(points(&one, dec!(2), Evidence::Flag(true)), dec!(1));
        assert_eq!(
            invalid(
                &Rule::YesNo {
                    points_if_yes: Some(dec!(2.5))
                },
                dec!(2)
            ),
            "sub-criterion 3.2.1 awards 2.5 points but its maximum is 2"
        );
        assert_eq!(
            invalid(
                &Rule::YesNo {
                    points_if_yes: Some(dec!(-1))
                },
                dec!(2)
            ),
            "the yes_no rule of sub-criterion 3.2.1 is invalid: points_if_yes is -1, below 0"
        );
    }

    #[test]
    fn proportional_scores_the_rate_and_caps_at_the_maximum() {
        let rule = Rule::proportional();
        // Hội An's communes and wards, first half of 2021: 96.09% early or on time.
        assert_eq!(points(&rule, dec!(2), percent(dec!(96.09))), dec!(1.9218));
        assert_eq!(points(&rule, dec!(2), Evidence::rate(0, 10)), dec!(0));
        assert_eq!(points(&rule, dec!(2), Evidence::rate(10, 10)), dec!(2));
        assert_eq!(points(&rule, dec!(2), Evidence::rate(1, 4)), dec!(0.5));
        // A percentage above 100 is refused, as a part above its whole is.
        assert_eq!(
            error(&rule, dec!(2), percent(dec!(120))),
            "sub-criterion 3.2.1 is given 120%: a percent, like a rate, is a part of a whole and may not exceed 100"
        );
        let at_95 = Rule::Proportional {
            full_at_percent: dec!(95),
            zero_denominator: ZeroDenominator::Error,
        };
        assert_eq!(points(&at_95, dec!(2), percent(dec!(95))), dec!(2));
        assert_eq!(points(&at_95, dec!(1.9), percent(dec!(47.5))), dec!(0.95));
        assert_eq!(
            error(&rule, dec!(2), Evidence::rate(8_307, 8_037)),
            "sub-criterion 3.2.1 is given the rate 8307/8037: the numerator may not exceed the denominator"
        );
        assert_eq!(
            invalid(
                &Rule::Proportional {
                    full_at_percent: dec!(0),
                    zero_denominator: ZeroDenominator::Error
                },
                dec!(2)
            ),
            "the proportional rule of sub-criterion 3.2.1 is invalid: full_at_percent is 0 but must be above 0"
        );
    }

    #[test]
    fn a_zero_denominator_does_what_the_rule_declares() {
        let with = |zero_denominator| Rule::Proportional {
            full_at_percent: dec!(100),
            zero_denominator,
        };
        let none = Evidence::rate(0, 0);
        assert_eq!(
            error(&with(ZeroDenominator::Error), dec!(2), none.clone()),
            "sub-criterion 3.2.1 is given a rate with denominator 0, and its rule does not say what that scores"
        );
        // "No complaint received → full 2 points".
        assert_eq!(
            points(&with(ZeroDenominator::FullPoints), dec!(2), none.clone()),
            dec!(2)
        );
        assert_eq!(
            points(&with(ZeroDenominator::ZeroPoints), dec!(2), none.clone()),
            dec!(0)
        );
        let rule = with(ZeroDenominator::NotApplicable);
        assert_eq!(
            rule.apply(&at(), dec!(2), &none).unwrap(),
            RuleOutcome::NotApplicable
        );
        assert_eq!(
            invalid(&rule, dec!(2)),
            "the proportional rule of sub-criterion 3.2.1 is invalid: a zero denominator is declared not applicable but the node is not optional"
        );
        let bands = Rule::ThresholdBands {
            bands: vec![RateBand {
                at_least: dec!(100),
                points: dec!(1),
            }],
            zero_denominator: ZeroDenominator::FullPoints,
        };
        assert_eq!(points(&bands, dec!(1), none.clone()), dec!(1));
        let linear = Rule::Linear {
            zero_at: dec!(50),
            full_at: dec!(100),
        };
        assert_eq!(
            error(&linear, dec!(1), none),
            "sub-criterion 3.2.1 is given a rate with denominator 0, and its rule does not say what that scores"
        );
    }

    fn on_time_bands() -> Rule {
        Rule::ThresholdBands {
            bands: vec![
                RateBand {
                    at_least: dec!(100),
                    points: dec!(1),
                },
                RateBand {
                    at_least: dec!(95),
                    points: dec!(0.5),
                },
            ],
            zero_denominator: ZeroDenominator::Error,
        }
    }

    #[test]
    fn threshold_bands_include_their_lower_bound() {
        let rule = on_time_bands();
        assert_eq!(points(&rule, dec!(1), percent(dec!(100))), dec!(1));
        assert_eq!(
            points(&rule, dec!(1), Evidence::rate(8_037, 8_037)),
            dec!(1)
        );
        assert_eq!(points(&rule, dec!(1), percent(dec!(99.99))), dec!(0.5));
        assert_eq!(points(&rule, dec!(1), percent(dec!(95))), dec!(0.5));
        assert_eq!(points(&rule, dec!(1), Evidence::rate(95, 100)), dec!(0.5));
        assert_eq!(points(&rule, dec!(1), percent(dec!(94.99))), dec!(0));
        assert_eq!(points(&rule, dec!(1), Evidence::rate(94, 100)), dec!(0));
        // Hội An's centre: 64.04% early or on time.
        assert_eq!(points(&rule, dec!(1), percent(dec!(64.04))), dec!(0));
        assert_eq!(points(&rule, dec!(1), percent(dec!(0))), dec!(0));
    }

    #[test]
    fn threshold_bands_must_be_ordered_and_fit_the_maximum() {
        let band = |at_least: Decimal, points: Decimal| RateBand { at_least, points };
        let rule = |bands: Vec<RateBand>| Rule::ThresholdBands {
            bands,
            zero_denominator: ZeroDenominator::Error,
        };
        assert_eq!(
            invalid(
                &rule(vec![band(dec!(95), dec!(0.5)), band(dec!(100), dec!(1))]),
                dec!(1)
            ),
            "the threshold_bands rule of sub-criterion 3.2.1 is invalid: band thresholds must strictly decrease, highest first"
        );
        assert_eq!(
            invalid(
                &rule(vec![band(dec!(95), dec!(0.5)), band(dec!(95), dec!(0.25))]),
                dec!(1)
            ),
            "the threshold_bands rule of sub-criterion 3.2.1 is invalid: band thresholds must strictly decrease, highest first"
        );
        assert_eq!(
            invalid(
                &rule(vec![band(dec!(100), dec!(0.5)), band(dec!(95), dec!(1))]),
                dec!(1)
            ),
            "the threshold_bands rule of sub-criterion 3.2.1 is invalid: the band at 95% awards 1 points, more than the band at 100% (0.5)"
        );
        assert_eq!(
            invalid(&rule(vec![band(dec!(100), dec!(1.5))]), dec!(1)),
            "sub-criterion 3.2.1 awards 1.5 points but its maximum is 1"
        );
        assert_eq!(
            invalid(&rule(vec![]), dec!(1)),
            "the threshold_bands rule of sub-criterion 3.2.1 is invalid: it has no bands"
        );
        assert_eq!(
            invalid(&rule(vec![band(dec!(100), dec!(-1))]), dec!(1)),
            "the threshold_bands rule of sub-criterion 3.2.1 is invalid: the band at 100% awards -1 points, below 0"
        );
    }

    #[test]
    fn linear_interpolates_and_clamps_in_both_directions() {
        let rising = Rule::Linear {
            zero_at: dec!(50),
            full_at: dec!(100),
        };
        assert_eq!(points(&rising, dec!(2), percent(dec!(50))), dec!(0));
        assert_eq!(points(&rising, dec!(2), percent(dec!(75))), dec!(1));
        assert_eq!(points(&rising, dec!(2), percent(dec!(100))), dec!(2));
        assert_eq!(points(&rising, dec!(2), percent(dec!(30))), dec!(0));
        assert_eq!(points(&rising, dec!(2), Evidence::rate(3, 4)), dec!(1));
        // Days late: 10 days earns nothing, on time earns everything.
        let falling = Rule::Linear {
            zero_at: dec!(10),
            full_at: dec!(0),
        };
        assert_eq!(points(&falling, dec!(1), Evidence::Value(dec!(0))), dec!(1));
        assert_eq!(
            points(&falling, dec!(1), Evidence::Value(dec!(2.5))),
            dec!(0.75)
        );
        assert_eq!(
            points(&falling, dec!(1), Evidence::Value(dec!(10))),
            dec!(0)
        );
        assert_eq!(
            points(&falling, dec!(1), Evidence::Value(dec!(12))),
            dec!(0)
        );
        assert_eq!(
            points(&falling, dec!(1), Evidence::Value(dec!(-3))),
            dec!(1)
        );
        assert_eq!(
            invalid(
                &Rule::Linear {
                    zero_at: dec!(5),
                    full_at: dec!(5.0)
                },
                dec!(1)
            ),
            "the linear rule of sub-criterion 3.2.1 is invalid: zero_at and full_at are both 5; they must differ"
        );
    }

    #[test]
    fn deductions_stop_at_the_floor() {
        let rule = Rule::Deduction {
            per_violation: dec!(0.25),
            floor: dec!(0),
        };
        assert_eq!(points(&rule, dec!(1), Evidence::Count(0)), dec!(1));
        assert_eq!(points(&rule, dec!(1), Evidence::Count(1)), dec!(0.75));
        assert_eq!(points(&rule, dec!(1), Evidence::Count(4)), dec!(0));
        assert_eq!(points(&rule, dec!(1), Evidence::Count(5)), dec!(0));
        assert_eq!(points(&rule, dec!(1), Evidence::Count(u64::MAX)), dec!(0));
        let floored = Rule::Deduction {
            per_violation: dec!(0.5),
            floor: dec!(0.5),
        };
        assert_eq!(points(&floored, dec!(2), Evidence::Count(2)), dec!(1));
        assert_eq!(points(&floored, dec!(2), Evidence::Count(3)), dec!(0.5));
        assert_eq!(points(&floored, dec!(2), Evidence::Count(9)), dec!(0.5));
        assert_eq!(
            invalid(
                &Rule::Deduction {
                    per_violation: dec!(0),
                    floor: dec!(0)
                },
                dec!(1)
            ),
            "the deduction rule of sub-criterion 3.2.1 is invalid: per_violation is 0 but must be above 0"
        );
        assert_eq!(
            invalid(
                &Rule::Deduction {
                    per_violation: dec!(0.25),
                    floor: dec!(2)
                },
                dec!(1)
            ),
            "sub-criterion 3.2.1 awards 2 points but its maximum is 1"
        );
        assert_eq!(
            invalid(
                &Rule::Deduction {
                    per_violation: dec!(0.25),
                    floor: dec!(-1)
                },
                dec!(1)
            ),
            "the deduction rule of sub-criterion 3.2.1 is invalid: floor is -1, below 0"
        );
    }

    #[test]
    fn survey_means_map_linearly_onto_points() {
        let five = Rule::SurveyMean {
            scale_min: dec!(1),
            scale_max: dec!(5),
        };
        assert_eq!(
            points(&five, dec!(2), Evidence::SurveyMean(dec!(1))),
            dec!(0)
        );
        assert_eq!(
            points(&five, dec!(2), Evidence::SurveyMean(dec!(3))),
            dec!(1)
        );
        assert_eq!(
            points(&five, dec!(2), Evidence::SurveyMean(dec!(5))),
            dec!(2)
        );
        let percentage = Rule::SurveyMean {
            scale_min: dec!(0),
            scale_max: dec!(100),
        };
        // SIPAS 82.66% on a 10-point component.
        assert_eq!(
            points(&percentage, dec!(10), Evidence::SurveyMean(dec!(82.66))),
            dec!(8.266)
        );
        assert_eq!(
            error(&five, dec!(2), Evidence::SurveyMean(dec!(5.01))),
            "sub-criterion 3.2.1 is given a survey mean of 5.01, outside its scale 1 to 5"
        );
        assert_eq!(
            error(&five, dec!(2), Evidence::SurveyMean(dec!(0.99))),
            "sub-criterion 3.2.1 is given a survey mean of 0.99, outside its scale 1 to 5"
        );
        assert_eq!(
            invalid(
                &Rule::SurveyMean {
                    scale_min: dec!(5),
                    scale_max: dec!(1)
                },
                dec!(2)
            ),
            "the survey_mean rule of sub-criterion 3.2.1 is invalid: scale_min 5 must be below scale_max 1"
        );
    }

    fn meeting_bands() -> Rule {
        let band = |at_least, points| CountBand { at_least, points };
        Rule::CountBands {
            bands: vec![
                band(4, dec!(20)),
                band(3, dec!(15)),
                band(2, dec!(10)),
                band(1, dec!(5)),
            ],
        }
    }

    #[test]
    fn count_bands_include_their_lower_bound() {
        let rule = meeting_bands();
        for (count, expected) in [
            (0, dec!(0)),
            (1, dec!(5)),
            (2, dec!(10)),
            (3, dec!(15)),
            (4, dec!(20)),
            (12, dec!(20)),
        ] {
            assert_eq!(
                points(&rule, dec!(20), Evidence::Count(count)),
                expected,
                "{count}"
            );
        }
        let band = |at_least, points| CountBand { at_least, points };
        assert_eq!(
            invalid(
                &Rule::CountBands {
                    bands: vec![band(2, dec!(10)), band(4, dec!(20))]
                },
                dec!(20)
            ),
            "the count_bands rule of sub-criterion 3.2.1 is invalid: band thresholds must strictly decrease, highest first"
        );
        assert_eq!(
            invalid(
                &Rule::CountBands {
                    bands: vec![band(4, dec!(10)), band(2, dec!(20))]
                },
                dec!(20)
            ),
            "the count_bands rule of sub-criterion 3.2.1 is invalid: the band at 2 awards 20 points, more than the band at 4 (10)"
        );
    }

    #[test]
    fn evidence_of_the_wrong_kind_is_refused() {
        let cases = [
            (Rule::Direct, Evidence::Flag(true), "direct", "flag"),
            (Rule::yes_no(), Evidence::Count(1), "yes_no", "count"),
            (
                Rule::proportional(),
                Evidence::Value(dec!(1)),
                "proportional",
                "value",
            ),
            (
                on_time_bands(),
                Evidence::SurveyMean(dec!(3)),
                "threshold_bands",
                "survey_mean",
            ),
            (
                meeting_bands(),
                Evidence::Percent(dec!(50)),
                "count_bands",
                "percent",
            ),
            (
                Rule::SurveyMean {
                    scale_min: dec!(1),
                    scale_max: dec!(5),
                },
                Evidence::Points(dec!(1)),
                "survey_mean",
                "points",
            ),
        ];
        for (rule, evidence, rule_kind, evidence_kind) in cases {
            assert_eq!(
                error(&rule, dec!(20), evidence),
                format!(
                    "sub-criterion 3.2.1 is scored by a {rule_kind} rule, which cannot use {evidence_kind} evidence"
                )
            );
        }
    }

    #[test]
    fn negative_rates_are_refused() {
        let rule = Rule::proportional();
        assert_eq!(
            error(&rule, dec!(1), Evidence::Percent(dec!(-1))),
            "sub-criterion 3.2.1 is given a negative percent: -1"
        );
        assert_eq!(
            error(
                &rule,
                dec!(1),
                Evidence::Rate {
                    numerator: dec!(-1),
                    denominator: dec!(4)
                }
            ),
            "sub-criterion 3.2.1 is given a negative numerator: -1"
        );
        assert_eq!(
            error(
                &rule,
                dec!(1),
                Evidence::Rate {
                    numerator: dec!(1),
                    denominator: dec!(-4)
                }
            ),
            "sub-criterion 3.2.1 is given a negative denominator: -4"
        );
    }

    #[test]
    fn huge_inputs_are_computed_exactly() {
        let whole = Evidence::Rate {
            numerator: Decimal::MAX,
            denominator: Decimal::MAX,
        };
        assert_eq!(points(&Rule::proportional(), dec!(1), whole), dec!(1));
        let nearly = Evidence::Rate {
            numerator: Decimal::MAX - Decimal::ONE,
            denominator: Decimal::MAX,
        };
        // (MAX − 1) / MAX of 1 point: a fraction no decimal holds, just under 1.
        let under = points(&Rule::proportional(), dec!(1), nearly);
        assert!(under < Exact::ONE && !under.is_decimal(), "{under:?}");
        let deduction = Rule::Deduction {
            per_violation: Decimal::MAX,
            floor: dec!(0.5),
        };
        assert_eq!(
            points(&deduction, dec!(2), Evidence::Count(u64::MAX)),
            dec!(0.5)
        );
    }
}
