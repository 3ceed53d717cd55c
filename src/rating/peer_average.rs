//! A head's item scored against the cohort average of the units' published indices.

use crate::assessment::Entry;
use crate::code::Code;
use crate::cohort::Cohort;
use crate::error::{Error, ErrorKind};
use crate::exact::Exact;
use crate::figure::Figure;
use crate::framework::Framework;
use crate::math::{checked_div, checked_sum_decimals};
use crate::rounding::RoundingPolicy;
use crate::rule::{Evidence, RuleOutcome};

/// The rule "the unit's published index at or above the cohort average → yes, below → no",
/// feeding one yes/no item of each head's own scorecard.
///
/// Source: Hải Phòng 212/2025/QĐ-UBND (18/11/2025), Annex 01 (heads' scorecard), item
/// 5.1.a: "Chỉ số CCHC" of the unit at or above the city average (trung bình quân chung)
/// earns 2 points, below earns 0
/// (<https://github.com/tnt305/tai_lieu_noi_bo/blob/94c5034af72cc7e5020694d06eceb126a103d48b/src/etl/dataset/548693349b18e8cf.md>).
/// The points themselves belong to the heads' framework (a yes/no rule on the item); this
/// rule supplies the flag.
///
/// What the source does not say, and the defaults chosen: each unit's index is compared as
/// published, rounded by `index_rounding` (2 places, half away from zero); the average is
/// the exact mean of the published indices, not rounded again unless `average_rounding` is
/// set. A unit exactly at the average is "at or above".
///
/// # Examples
///
/// ```
/// use par_index::{Cohort, Entry, Framework, rating::PeerAverageRule};
/// use rust_decimal::Decimal;
///
/// let index = Framework::builder("ward-index", "Ward index")
///     .total_points(Decimal::from(100))
///     .domain("1", "Cải cách hành chính", Decimal::from(100))
///     .build()?;
/// let mut scorecards = Vec::new();
/// for (unit, points) in [("ward-a", 90), ("ward-b", 80), ("ward-c", 85)] {
///     let mut a = index.assessment(unit, "2025".parse()?);
///     a.push(Entry::new("1".parse()?).with_appraised(Decimal::from(points)));
///     scorecards.push(index.score(&a)?);
/// }
/// let cohort = Cohort::new(&index, scorecards)?;
/// let result = PeerAverageRule::new("5.1.a".parse()?).apply(&cohort)?;
/// assert_eq!(result.average, Decimal::from(85));
/// let flags: Vec<bool> = result.standings.iter().map(|s| s.at_or_above).collect();
/// assert_eq!(flags, [true, false, true]); // 85 is at the average
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PeerAverageRule {
    /// The code of the item in the heads' framework (5.1.a in Hải Phòng's Annex 01).
    pub item: Code,
    /// How each unit's index is rounded before comparing, as published.
    pub index_rounding: RoundingPolicy,
    /// How the average is rounded before comparing; `None` (the default) keeps it exact.
    #[cfg_attr(feature = "serde", serde(default))]
    pub average_rounding: Option<RoundingPolicy>,
}

/// One unit's standing against the cohort average.
///
/// # Examples
///
/// ```
/// use par_index::rating::PeerAverageRule;
/// use par_index::{Cohort, Entry, Framework};
///
/// let index = Framework::builder("ward-index", "Chỉ số CCHC phường")
///     .domain("1", "Cải cách hành chính", 100.into())
///     .build()?;
/// let mut scorecards = Vec::new();
/// for (unit, points) in [("phuong-a", "90.004"), ("phuong-b", "80"), ("phuong-c", "85.5")] {
///     let mut assessment = index.assessment(unit, "2025".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(points.parse()?));
///     scorecards.push(index.score(&assessment)?);
/// }
/// let result = PeerAverageRule::new("5.1.a".parse()?).apply(&Cohort::new(&index, scorecards)?)?;
/// let a = &result.standings[0];
/// assert_eq!(a.unit, "phuong-a");
/// assert_eq!(a.index.to_string(), "90.00"); // compared as published
/// assert!(a.at_or_above);
/// assert!(!result.standings[1].at_or_above);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct PeerStanding {
    /// The unit's identifier.
    pub unit: String,
    /// The unit's name.
    pub unit_name: String,
    /// The unit's index, exact and as published (rounded by the rule's index rounding).
    pub index: Figure,
    /// True when the published index is at or above the average.
    pub at_or_above: bool,
}

/// The result of a [`PeerAverageRule`] over a cohort.
///
/// # Examples
///
/// ```
/// use par_index::rating::PeerAverageRule;
/// use par_index::Evidence;
/// use par_index::{Cohort, Entry, Framework};
///
/// let index = Framework::builder("ward-index", "Chỉ số CCHC phường")
///     .domain("1", "Cải cách hành chính", 100.into())
///     .build()?;
/// let mut scorecards = Vec::new();
/// for (unit, points) in [("phuong-a", "90.004"), ("phuong-b", "80"), ("phuong-c", "85.5")] {
///     let mut assessment = index.assessment(unit, "2025".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(points.parse()?));
///     scorecards.push(index.score(&assessment)?);
/// }
/// let result = PeerAverageRule::new("5.1.a".parse()?).apply(&Cohort::new(&index, scorecards)?)?;
/// // (90.00 + 80.00 + 85.50) ÷ 3 = 85.1666…, kept exact.
/// assert_eq!(result.item.as_str(), "5.1.a");
/// assert_eq!(format!("{:#}", result.average), "511/6");
/// assert_eq!(result.evidence("phuong-c"), Some(Evidence::Flag(true)));
/// let (unit, entry) = &result.entries()[1];
/// assert_eq!((unit.as_str(), entry.evidence.clone()), ("phuong-b", Some(Evidence::Flag(false))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct PeerAverage {
    /// The item of the heads' framework the flags are for.
    pub item: Code,
    /// The average compared with: exact, or rounded if the rule says so.
    pub average: Exact,
    /// Each unit, in the cohort's order.
    pub standings: Vec<PeerStanding>,
}

impl PeerAverageRule {
    /// The rule for `item`, with published indices rounded to 2 places (half away from zero)
    /// and an exact average.
    pub fn new(item: Code) -> PeerAverageRule {
        PeerAverageRule {
            item,
            index_rounding: RoundingPolicy::default(),
            average_rounding: None,
        }
    }

    /// Compares every ranked unit of the cohort with their average published index (units
    /// published beside the cohort but not ranked are not peers).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::CohortEmpty`] without ranked units, [`ErrorKind::Overflow`].
    pub fn apply(&self, cohort: &Cohort) -> Result<PeerAverage, Error> {
        let scorecards = cohort.scorecards();
        if scorecards.is_empty() {
            return Err(ErrorKind::CohortEmpty.into());
        }
        let published: Vec<Figure> = scorecards
            .iter()
            .map(|s| Figure::publish(s.index().clone(), &self.index_rounding))
            .collect();
        let context = "the cohort average";
        let sum = checked_sum_decimals(published.iter().map(Figure::published), &context)?;
        let mut average = checked_div(&sum, &Exact::from(published.len() as u64), &context)?;
        if let Some(policy) = &self.average_rounding {
            average = Exact::from(policy.publish(&average));
        }
        let standings = scorecards
            .iter()
            .zip(published)
            .map(|(s, index)| PeerStanding {
                unit: s.unit().to_owned(),
                unit_name: s.unit_name().to_owned(),
                at_or_above: index.published() >= average,
                index,
            })
            .collect();
        Ok(PeerAverage {
            item: self.item.clone(),
            average,
            standings,
        })
    }
}

impl PeerAverage {
    /// The flag for one unit's head, as evidence for the item.
    pub fn evidence(&self, unit: &str) -> Option<Evidence> {
        self.standings
            .iter()
            .find(|s| s.unit == unit)
            .map(|s| Evidence::Flag(s.at_or_above))
    }

    /// For each unit, the entry to push into its head's assessment: the item with the flag
    /// as evidence and a note giving both numbers.
    pub fn entries(&self) -> Vec<(String, Entry)> {
        self.standings
            .iter()
            .map(|s| {
                let relation = if s.at_or_above {
                    "at or above"
                } else {
                    "below"
                };
                let entry = Entry::new(self.item.clone())
                    .with_evidence(Evidence::Flag(s.at_or_above))
                    .with_note(format!(
                        "published index {} is {relation} the cohort average {}",
                        s.index, self.average
                    ));
                (s.unit.clone(), entry)
            })
            .collect()
    }

    /// For each unit, the points its head earns on the item, by the item's rule in the
    /// heads' framework (a yes/no rule).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidItem`] when the framework has no such item or the item has children,
    /// and the rule's own errors (a rule that cannot use a flag:
    /// [`ErrorKind::WrongEvidence`]).
    pub fn points(&self, heads: &Framework) -> Result<Vec<(String, Exact)>, Error> {
        let invalid = |reason| ErrorKind::InvalidItem {
            framework: heads.id().to_owned(),
            code: self.item.clone(),
            reason,
        };
        let node = heads
            .node_by_code(&self.item)
            .ok_or_else(|| invalid("it has no such item"))?;
        let rule = node
            .rule()
            .ok_or_else(|| invalid("the item has children and is scored from them"))?;
        let mut points = Vec::with_capacity(self.standings.len());
        for standing in &self.standings {
            let outcome = rule.apply(
                &node.node_ref(),
                node.max_points(),
                &Evidence::Flag(standing.at_or_above),
            )?;
            let earned = match outcome {
                RuleOutcome::Points(p) => p,
                RuleOutcome::NotApplicable => Exact::ZERO,
            };
            points.push((standing.unit.clone(), earned));
        }
        Ok(points)
    }
}
