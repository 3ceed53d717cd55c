//! Improvement plans in real actions (giải pháp khắc phục): what a unit must do on each leaf
//! to gain the points a [`Gap`](crate::analysis::gap::Gap) asks for, in the terms of the
//! leaf's own rule and evidence. Built by [`Gap::plan`](crate::analysis::gap::Gap::plan).

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::accountability::Agency;
use crate::analysis::what_if::LeafChange;
use crate::code::{Code, NodeRef};
use crate::error::Error;
use crate::exact::Exact;
use crate::language::{Language, Phrase, Term};
use crate::math::{checked_add, checked_mul_div, checked_sub};
use crate::rounding::{Rounding, RoundingPolicy};
use crate::rule::{Evidence, Rule, RuleOutcome};

/// What to do on one leaf, in the terms of its rule and evidence.
///
/// Each action is one the leaf's rule can reward: a yes/no leaf is met for its points, a
/// band leaf reaches a band, a deduction leaf has fewer violations, a rate leaf counts more
/// of its whole (or reaches a rate, where only a percentage was reported), a linear or survey
/// leaf reaches a value. Only a leaf scored by judgement ([`Rule::Direct`]) is planned in
/// points.
///
/// # Examples
///
/// ```
/// use par_index::analysis::plan::Action;
/// use par_index::language::Language;
/// use rust_decimal::Decimal;
///
/// let more = Action::RaiseRate {
///     more: Decimal::from(212),
///     part: Decimal::from(5_359),
///     whole: Decimal::from(8_037),
///     percent: "66.68".parse()?,
/// };
/// assert_eq!(more.text(Language::English), "raise to 5,359 of 8,037 (212 more): 66.68%");
/// assert_eq!(more.text(Language::Vietnamese), "nâng lên 5.359/8.037 (thêm 212): 66,68%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Action {
    /// A yes/no leaf: meet the requirement ("yes" instead of "no").
    MeetRequirement,
    /// A leaf of rate bands: reach the band from `at_least` percent; the rate now, if known,
    /// and, where the rate is a part of a whole, the part that reaches the band.
    ReachBand {
        /// The band's threshold, in percent.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        at_least: Decimal,
        /// The rate now, in percent, published.
        #[cfg_attr(
            feature = "serde",
            serde(default, with = "crate::serde_decimal::option")
        )]
        now: Option<Decimal>,
        /// The part of the whole that reaches the band, and the whole: 7,636 of 8,037.
        #[cfg_attr(feature = "serde", serde(default))]
        part: Option<(u64, u64)>,
    },
    /// A leaf of count bands: reach a count of `at_least` (from `now`, if known).
    ReachCount {
        /// The band's lowest count.
        at_least: u64,
        /// The count now.
        #[cfg_attr(feature = "serde", serde(default))]
        now: Option<u64>,
    },
    /// A deduction leaf: `remove` violations of the `of` reported, `left` remaining.
    RemoveViolations {
        /// Violations to remove.
        remove: u64,
        /// Violations reported.
        of: u64,
        /// Violations left.
        left: u64,
    },
    /// A leaf scored on a part of a whole: `more` of the `whole`, to `part` in all, which is
    /// `percent` of it.
    RaiseRate {
        /// How many more.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        more: Decimal,
        /// The part after.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        part: Decimal,
        /// The whole.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        whole: Decimal,
        /// The part after as a percentage of the whole, published.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        percent: Decimal,
    },
    /// A leaf scored on a rate reported as a percentage (or not reported): reach `percent`.
    RaisePercent {
        /// The rate to reach, in percent.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        percent: Decimal,
        /// The rate now, in percent, if reported.
        #[cfg_attr(
            feature = "serde",
            serde(default, with = "crate::serde_decimal::option")
        )]
        now: Option<Decimal>,
    },
    /// A linear leaf over a measured value: bring it to `value`.
    ReachValue {
        /// The value to reach.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        value: Decimal,
        /// The value now, if reported.
        #[cfg_attr(
            feature = "serde",
            serde(default, with = "crate::serde_decimal::option")
        )]
        now: Option<Decimal>,
    },
    /// A survey leaf: raise the mean answer to `mean`.
    RaiseSurveyMean {
        /// The mean to reach.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        mean: Decimal,
        /// The mean now, if reported.
        #[cfg_attr(
            feature = "serde",
            serde(default, with = "crate::serde_decimal::option")
        )]
        now: Option<Decimal>,
    },
    /// A leaf scored by the appraisal team's judgement: earn the step's points there.
    EarnPoints,
}

impl Action {
    /// The action as a reader is told it, in `language`.
    pub fn text(&self, language: Language) -> String {
        let n = |d: &Decimal| language.number(*d);
        let c = |k: &u64| language.count(*k);
        let say = |phrase: Phrase, figures: &[String]| phrase.fill(language, figures);
        // What the figure was before, where it was reported.
        let now = |phrase: Phrase, now: Option<String>| {
            now.map(|now| say(phrase, &[now])).unwrap_or_default()
        };
        match self {
            Action::MeetRequirement => say(Phrase::MeetRequirement, &[]),
            Action::ReachBand {
                at_least,
                now: rate,
                part,
            } => {
                let part = part
                    .map(|(part, whole)| say(Phrase::PartOfWhole, &[c(&part), c(&whole)]))
                    .unwrap_or_default();
                let band = say(Phrase::ReachBand, &[n(at_least)]);
                band + &part + &now(Phrase::NowPercent, rate.as_ref().map(n))
            }
            Action::ReachCount {
                at_least,
                now: count,
            } => say(Phrase::ReachCount, &[c(at_least)]) + &now(Phrase::Now, count.as_ref().map(c)),
            Action::RemoveViolations { remove, of, left } => {
                say(Phrase::RemoveViolations, &[c(remove), c(of), c(left)])
            }
            Action::RaiseRate {
                more,
                part,
                whole,
                percent,
            } => say(Phrase::RaiseRate, &[n(part), n(whole), n(more), n(percent)]),
            Action::RaisePercent { percent, now: rate } => {
                say(Phrase::RaisePercent, &[n(percent)])
                    + &now(Phrase::NowPercent, rate.as_ref().map(n))
            }
            Action::ReachValue { value, now: was } => {
                say(Phrase::ReachValue, &[n(value)]) + &now(Phrase::Now, was.as_ref().map(n))
            }
            Action::RaiseSurveyMean { mean, now: was } => {
                say(Phrase::RaiseSurveyMean, &[n(mean)]) + &now(Phrase::Now, was.as_ref().map(n))
            }
            Action::EarnPoints => say(Phrase::EarnPoints, &[]),
        }
    }
}

/// One step of a [`Plan`]: the action on one leaf, the points it gains, exactly, and the
/// agency whose head answers for it.
///
/// # Examples
///
/// See [`Gap::plan`](crate::analysis::gap::Gap::plan).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Step {
    /// The leaf.
    pub code: Code,
    /// Its Vietnamese name.
    pub name_vi: String,
    /// What to do.
    pub action: Action,
    /// The evidence that earns [`Step::points_after`] under the leaf's rule; `None` for a
    /// leaf scored by judgement.
    #[cfg_attr(feature = "serde", serde(default))]
    pub evidence: Option<Evidence>,
    /// Points gained on the leaf, exact (points of the unit's total).
    pub add: Exact,
    /// The leaf's points now.
    pub points_before: Exact,
    /// The leaf's points after the action.
    pub points_after: Exact,
    /// The leaf's maximum.
    pub max_points: Exact,
    /// The agency that leads the leaf, with its head, when the gap was given an
    /// [`Accountability`](crate::accountability::Accountability).
    #[cfg_attr(feature = "serde", serde(default))]
    pub lead: Option<Agency>,
}

impl Step {
    /// The change that carries the step out, for a
    /// [`WhatIf`](crate::analysis::what_if::WhatIf): the new evidence, or for a leaf scored
    /// by judgement the new appraised points (`None` when those do not end as a decimal).
    pub fn change(&self) -> Option<LeafChange> {
        match &self.evidence {
            Some(evidence) => Some(LeafChange::evidence(self.code.clone(), evidence.clone())),
            None => {
                let points = self.points_after.to_decimal();
                (self.points_after == points)
                    .then(|| LeafChange::appraised(self.code.clone(), points))
            }
        }
    }
}

/// An improvement plan: the steps, in the order of the leaves where the unit lost most, whose
/// points add up exactly to [`Plan::points`], at least the points asked for.
///
/// A step gains what its action earns, which can be more than the points still missing (a
/// yes/no leaf gives all its points or none): [`Plan::surplus`] says by how much the plan
/// goes beyond what was asked.
///
/// # Examples
///
/// See [`Gap::plan`](crate::analysis::gap::Gap::plan).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Plan {
    /// The unit.
    pub unit: String,
    /// The points asked for.
    pub asked: Exact,
    /// The points the steps gain, summed exactly.
    pub points: Exact,
    /// The steps.
    pub steps: Vec<Step>,
    /// The rounding of the figures the plan prints (the ranking's).
    pub rounding: RoundingPolicy,
}

impl Plan {
    /// The points gained beyond those asked for.
    pub fn surplus(&self) -> Exact {
        self.points.sub(&self.asked)
    }

    /// The changes that carry the plan out, one per step, for a
    /// [`WhatIf`](crate::analysis::what_if::WhatIf); `None` when a judgement step's points
    /// do not end as a decimal.
    pub fn changes(&self) -> Option<Vec<LeafChange>> {
        self.steps.iter().map(Step::change).collect()
    }

    /// The plan as numbered lines in `language`: leaf, action, points gained (before → after
    /// of the maximum) and the head who answers for it.
    pub fn render_in(&self, language: Language) -> String {
        let r = |d: &Exact| language.number(self.rounding.publish(d));
        let mut text = String::new();
        for (i, step) in self.steps.iter().enumerate() {
            let _ = write!(
                text,
                "{}. {} {}: {}: +{} {} ({} → {}/{})",
                i.saturating_add(1),
                step.code,
                step.name_vi,
                step.action.text(language),
                r(&step.add),
                Term::Points.text(language),
                r(&step.points_before),
                r(&step.points_after),
                r(&step.max_points)
            );
            if let Some(lead) = &step.lead {
                let _ = write!(text, " — {} ({})", lead.head_label(), lead.name_vi);
            }
            text.push('\n');
        }
        text
    }
}

/// One leaf as the planner sees it.
pub(crate) struct LeafState<'a> {
    pub(crate) at: NodeRef,
    pub(crate) rule: &'a Rule,
    pub(crate) max: Decimal,
    pub(crate) points: Exact,
    pub(crate) evidence: Option<&'a Evidence>,
}

/// An action, the evidence that carries it out (none for judgement), and the points after.
pub(crate) struct Move {
    pub(crate) action: Action,
    pub(crate) evidence: Option<Evidence>,
    pub(crate) points_after: Exact,
}

impl LeafState<'_> {
    /// The least action that gains `wanted` points (or the most the rule can give, if less);
    /// `None` when the rule can give nothing more than the leaf has.
    pub(crate) fn least_move(&self, wanted: &Exact) -> Result<Option<Move>, Error> {
        let at = &self.at;
        let maximum = Exact::from(self.max);
        let goal = checked_add(&self.points, wanted, at)?.min(maximum.clone());
        let found = match self.rule {
            Rule::Direct => Some(Move {
                action: Action::EarnPoints,
                evidence: None,
                points_after: goal,
            }),
            Rule::YesNo { .. } => {
                self.with_evidence(Action::MeetRequirement, Evidence::Flag(true))?
            }
            Rule::ThresholdBands { bands, .. } => {
                let mut best = None;
                // Lowest band first: the first that reaches the goal, else the highest.
                for band in bands.iter().rev() {
                    let whole = self.whole();
                    let (evidence, part) = match whole {
                        Some((numerator, denominator)) => {
                            let needed = checked_mul_div(
                                &Exact::from(band.at_least),
                                &Exact::from(denominator),
                                &Exact::ONE_HUNDRED,
                                at,
                            )?;
                            let part = ceil_at(&needed, numerator.scale().max(denominator.scale()))
                                .unwrap_or(denominator)
                                .min(denominator);
                            let counts = part.to_u64().zip(denominator.to_u64());
                            (
                                Evidence::Rate {
                                    numerator: part,
                                    denominator,
                                },
                                counts,
                            )
                        }
                        None => (Evidence::Percent(band.at_least), None),
                    };
                    let action = Action::ReachBand {
                        at_least: band.at_least,
                        now: self.percent_now(at)?,
                        part,
                    };
                    if let Some(found) = self.with_evidence(action, evidence)? {
                        let enough = found.points_after >= goal;
                        best = Some(found);
                        if enough {
                            break;
                        }
                    }
                }
                best
            }
            Rule::CountBands { bands } => {
                let now = match self.evidence {
                    Some(Evidence::Count(count)) => Some(*count),
                    _ => None,
                };
                let mut best = None;
                for band in bands.iter().rev() {
                    let action = Action::ReachCount {
                        at_least: band.at_least,
                        now,
                    };
                    if let Some(found) =
                        self.with_evidence(action, Evidence::Count(band.at_least))?
                    {
                        let enough = found.points_after >= goal;
                        best = Some(found);
                        if enough {
                            break;
                        }
                    }
                }
                best
            }
            Rule::Deduction {
                per_violation,
                floor: _,
            } => {
                let Some(Evidence::Count(count)) = self.evidence else {
                    return Ok(None);
                };
                // Points are max − left × per: at most (max − goal) ÷ per violations left.
                let room = checked_sub(&maximum, &goal, at)?.max(Exact::ZERO);
                let allowed = room
                    .div(&Exact::from(*per_violation))
                    .and_then(|q| q.round(0, Rounding::TowardZero))
                    .and_then(|q| q.to_u64())
                    .unwrap_or(u64::MAX);
                let left = allowed.min(*count);
                if left >= *count {
                    None
                } else {
                    let action = Action::RemoveViolations {
                        remove: count.saturating_sub(left),
                        of: *count,
                        left,
                    };
                    self.with_evidence(action, Evidence::Count(left))?
                }
            }
            Rule::Proportional {
                full_at_percent, ..
            } => {
                let percent = checked_mul_div(&goal, &Exact::from(*full_at_percent), &maximum, at)?;
                self.reach_rate(&percent, true)?
            }
            Rule::Linear { zero_at, full_at } => {
                // value = zero + (full − zero) × goal ÷ max.
                let span = Exact::from(*full_at).sub(&Exact::from(*zero_at));
                let value =
                    Exact::from(*zero_at).add(&checked_mul_div(&span, &goal, &maximum, at)?);
                let rising = full_at > zero_at;
                match self.evidence {
                    Some(Evidence::Value(now)) => {
                        let places = now.scale();
                        let value = if rising {
                            ceil_at(&value, places)
                        } else {
                            floor_at(&value, places)
                        };
                        match value {
                            Some(value) => self.with_evidence(
                                Action::ReachValue {
                                    value,
                                    now: Some(*now),
                                },
                                Evidence::Value(value),
                            )?,
                            None => None,
                        }
                    }
                    _ => self.reach_rate(&value, rising)?,
                }
            }
            Rule::SurveyMean {
                scale_min,
                scale_max,
            } => {
                let span = Exact::from(*scale_max).sub(&Exact::from(*scale_min));
                let mean =
                    Exact::from(*scale_min).add(&checked_mul_div(&span, &goal, &maximum, at)?);
                let now = match self.evidence {
                    Some(Evidence::SurveyMean(mean)) => Some(*mean),
                    _ => None,
                };
                let places = now.map_or(2, |n| n.scale().max(2));
                match ceil_at(&mean, places) {
                    Some(mean) => self.with_evidence(
                        Action::RaiseSurveyMean {
                            mean: mean.min(*scale_max),
                            now,
                        },
                        Evidence::SurveyMean(mean.min(*scale_max)),
                    )?,
                    None => None,
                }
            }
        };
        Ok(found.filter(|m| m.points_after > self.points))
    }

    /// The part and whole of the reported rate, when it has a whole.
    fn whole(&self) -> Option<(Decimal, Decimal)> {
        match self.evidence {
            Some(Evidence::Rate {
                numerator,
                denominator,
            }) if !denominator.is_zero() => Some((*numerator, *denominator)),
            _ => None,
        }
    }

    /// The reported rate in percent, published with two places.
    fn percent_now(&self, at: &NodeRef) -> Result<Option<Decimal>, Error> {
        Ok(match self.evidence {
            Some(Evidence::Percent(p)) => Some(*p),
            Some(Evidence::Rate {
                numerator,
                denominator,
            }) if !denominator.is_zero() => {
                Some(RoundingPolicy::default().publish(&checked_mul_div(
                    &Exact::from(*numerator),
                    &Exact::ONE_HUNDRED,
                    &Exact::from(*denominator),
                    at,
                )?))
            }
            _ => None,
        })
    }

    /// A rate of `percent` (at least it when `rising`, at most when not), as a part of the
    /// reported whole where there is one, else as a percentage.
    fn reach_rate(&self, percent: &Exact, rising: bool) -> Result<Option<Move>, Error> {
        let at = &self.at;
        let percent = percent.clone().clamp(Exact::ZERO, Exact::ONE_HUNDRED);
        if let Some((numerator, denominator)) = self.whole() {
            let needed =
                checked_mul_div(&percent, &Exact::from(denominator), &Exact::ONE_HUNDRED, at)?;
            let places = numerator.scale().max(denominator.scale());
            let part = if rising {
                ceil_at(&needed, places)
            } else {
                floor_at(&needed, places)
            };
            let Some(part) = part.map(|p| p.clamp(Decimal::ZERO, denominator)) else {
                return Ok(None);
            };
            let more = checked_sub(&Exact::from(part), &Exact::from(numerator), at)?;
            let shown = RoundingPolicy::default().publish(&checked_mul_div(
                &Exact::from(part),
                &Exact::ONE_HUNDRED,
                &Exact::from(denominator),
                at,
            )?);
            let action = Action::RaiseRate {
                more: more.to_decimal(),
                part,
                whole: denominator,
                percent: shown,
            };
            return self.with_evidence(
                action,
                Evidence::Rate {
                    numerator: part,
                    denominator,
                },
            );
        }
        let now = match self.evidence {
            Some(Evidence::Percent(p)) => Some(*p),
            _ => None,
        };
        let places = now.map_or(2, |n| n.scale().max(2));
        let target = if rising {
            ceil_at(&percent, places)
        } else {
            floor_at(&percent, places)
        };
        let Some(target) = target.map(|p| p.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED)) else {
            return Ok(None);
        };
        self.with_evidence(
            Action::RaisePercent {
                percent: target,
                now,
            },
            Evidence::Percent(target),
        )
    }

    /// The move to `evidence`, scored by the leaf's rule.
    fn with_evidence(&self, action: Action, evidence: Evidence) -> Result<Option<Move>, Error> {
        Ok(match self.rule.apply(&self.at, self.max, &evidence)? {
            RuleOutcome::Points(points) => Some(Move {
                action,
                evidence: Some(evidence),
                points_after: points,
            }),
            RuleOutcome::NotApplicable => None,
        })
    }
}

/// The least decimal with `places` places at or above `value`.
fn ceil_at(value: &Exact, places: u32) -> Option<Decimal> {
    let cut = value.round(places, Rounding::TowardZero)?;
    if cut < *value {
        cut.checked_add(Decimal::new(1, places))
    } else {
        Some(cut)
    }
}

/// The greatest decimal with `places` places at or below `value`.
fn floor_at(value: &Exact, places: u32) -> Option<Decimal> {
    let cut = value.round(places, Rounding::TowardZero)?;
    if cut > *value {
        cut.checked_sub(Decimal::new(1, places))
    } else {
        Some(cut)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ceilings_and_floors_step_to_the_next_place() {
        let e = |s: &str| s.parse::<Exact>().unwrap();
        assert_eq!(ceil_at(&e("5358.2"), 0).unwrap().to_string(), "5359");
        assert_eq!(ceil_at(&e("5359"), 0).unwrap().to_string(), "5359");
        assert_eq!(ceil_at(&e("-1.5"), 0).unwrap().to_string(), "-1");
        assert_eq!(floor_at(&e("-1.5"), 0).unwrap().to_string(), "-2");
        assert_eq!(floor_at(&e("2/3"), 2).unwrap().to_string(), "0.66");
        assert_eq!(ceil_at(&e("2/3"), 2).unwrap().to_string(), "0.67");
    }
}
