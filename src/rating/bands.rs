//! A leader's annual rating from points, gates and overrides.

use std::fmt;

use rust_decimal::Decimal;

use crate::error::{Error, ErrorKind, RatingFact};
use crate::rating::HAI_PHONG_212_2025;
use crate::rounding::RoundingPolicy;

/// A leader's annual rating (xếp loại chất lượng).
///
/// # Examples
///
/// ```
/// use par_index::rating::{LeaderRating, ManagedUnits, RatingFacts, RatingScheme};
///
/// let facts = RatingFacts {
///     points: 85.into(),
///     managed_units: Some(ManagedUnits { good: 5, ..ManagedUnits::default() }),
///     ..RatingFacts::default()
/// };
/// let rating = RatingScheme::hai_phong_212_2025().rate(&facts)?.rating;
/// assert_eq!(rating, LeaderRating::Good);
/// assert_eq!(rating.to_string(), "good");
/// assert_eq!(rating.name_vi(), "Hoàn thành tốt nhiệm vụ");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum LeaderRating {
    /// Hoàn thành xuất sắc nhiệm vụ.
    Excellent,
    /// Hoàn thành tốt nhiệm vụ.
    Good,
    /// Hoàn thành nhiệm vụ.
    Completed,
    /// Không hoàn thành nhiệm vụ.
    NotCompleted,
}

impl LeaderRating {
    /// The Vietnamese name.
    pub fn name_vi(&self) -> &'static str {
        match self {
            LeaderRating::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
            LeaderRating::Good => "Hoàn thành tốt nhiệm vụ",
            LeaderRating::Completed => "Hoàn thành nhiệm vụ",
            LeaderRating::NotCompleted => "Không hoàn thành nhiệm vụ",
        }
    }
}

impl fmt::Display for LeaderRating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LeaderRating::Excellent => "excellent",
            LeaderRating::Good => "good",
            LeaderRating::Completed => "completed",
            LeaderRating::NotCompleted => "not completed",
        })
    }
}

/// The points a band needs: strictly above a number, or at least a number.
///
/// # Examples
///
/// ```
/// use par_index::rating::{LeaderRating, RatingFacts, RatingScheme, Threshold};
///
/// let scheme = RatingScheme::hai_phong_212_2025();
/// assert_eq!(scheme.bands()[0].threshold, Threshold::Above(90.into()));
/// assert_eq!(scheme.bands()[0].threshold.to_string(), "> 90");
/// assert_eq!(scheme.bands()[2].threshold.to_string(), "≥ 50");
/// // Exactly 90 is not above 90: good, not excellent.
/// let facts = RatingFacts { points: 90.into(), managed_units: Some(Default::default()), ..RatingFacts::default() };
/// assert_eq!(scheme.rate(&facts)?.by_points, LeaderRating::Good);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Threshold {
    /// Points strictly above the number ("> 90").
    Above(#[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))] Decimal),
    /// Points at or above the number ("≥ 50", "từ 50").
    AtLeast(#[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))] Decimal),
}

impl Threshold {
    fn holds(&self, points: Decimal) -> bool {
        match self {
            Threshold::Above(t) => points > *t,
            Threshold::AtLeast(t) => points >= *t,
        }
    }

    fn value(&self) -> Decimal {
        match self {
            Threshold::Above(t) | Threshold::AtLeast(t) => *t,
        }
    }

    /// True when every number this threshold admits, `lower` admits too, and not the reverse.
    fn stricter_than(&self, lower: &Threshold) -> bool {
        match (self, lower) {
            (Threshold::Above(a), Threshold::AtLeast(b)) => a >= b,
            (Threshold::Above(a), Threshold::Above(b))
            | (Threshold::AtLeast(a), Threshold::AtLeast(b))
            | (Threshold::AtLeast(a), Threshold::Above(b)) => a > b,
        }
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Threshold::Above(t) => write!(f, "> {t}"),
            Threshold::AtLeast(t) => write!(f, "≥ {t}"),
        }
    }
}

/// A condition a band needs besides its points.
///
/// # Examples
///
/// ```
/// use par_index::rating::{LeaderRating, RatingBand, RatingFacts, RatingGate, RatingScheme, RatingSchemeSpec, Threshold};
///
/// let on_time = RatingGate::Condition { name: "mọi nhiệm vụ đúng hạn".into() };
/// let scheme = RatingScheme::new(RatingSchemeSpec {
///     title: "Minh hoạ".into(),
///     sources: vec![],
///     max_points: 100.into(),
///     bands: vec![
///         RatingBand { rating: LeaderRating::Excellent, threshold: Threshold::Above(90.into()), gates: vec![on_time] },
///         RatingBand { rating: LeaderRating::Completed, threshold: Threshold::AtLeast(50.into()), gates: vec![] },
///     ],
///     lowest: LeaderRating::NotCompleted,
///     sanction_forces_lowest: true,
/// })?;
/// let mut facts = RatingFacts { points: 95.into(), ..RatingFacts::default() };
/// assert_eq!(scheme.rate(&facts)?.rating, LeaderRating::Completed);
/// facts.conditions_met.push("mọi nhiệm vụ đúng hạn".into());
/// assert_eq!(scheme.rate(&facts)?.rating, LeaderRating::Excellent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum RatingGate {
    /// At least this share of the directly managed units rated good or excellent.
    ManagedGoodOrBetter {
        /// The share, in percent.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        at_least_percent: Decimal,
    },
    /// At least this share of the directly managed units rated completed or better.
    ManagedCompletedOrBetter {
        /// The share, in percent.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        at_least_percent: Decimal,
    },
    /// A condition confirmed by the rater, named as in [`RatingFacts::conditions_met`] (e.g.
    /// "all tasks on time with high quality").
    Condition {
        /// The condition's name.
        name: String,
    },
}

/// One band: a rating, the points it needs and its gates.
///
/// # Examples
///
/// ```
/// use par_index::rating::{LeaderRating, RatingGate, RatingScheme};
///
/// let scheme = RatingScheme::hai_phong_212_2025();
/// let excellent = &scheme.bands()[0];
/// assert_eq!(excellent.rating, LeaderRating::Excellent);
/// assert_eq!(
///     excellent.gates[1],
///     RatingGate::ManagedGoodOrBetter { at_least_percent: 70.into() }
/// );
/// assert_eq!(scheme.bands().len(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RatingBand {
    /// The rating.
    pub rating: LeaderRating,
    /// The points it needs.
    pub threshold: Threshold,
    /// Further conditions, all of which must hold.
    #[cfg_attr(feature = "serde", serde(default))]
    pub gates: Vec<RatingGate>,
}

/// How many directly managed units (đơn vị trực tiếp quản lý) received each rating.
///
/// # Examples
///
/// ```
/// use par_index::rating::{LeaderRating, ManagedUnits, RatingFacts, RatingScheme};
///
/// // 95 points, but one of ten managed units did not complete its tasks: 90% completed or
/// // better fails both the excellent and the good bands' 100%.
/// let units = ManagedUnits { excellent: 3, good: 6, completed: 0, not_completed: 1 };
/// let facts = RatingFacts { points: 95.into(), managed_units: Some(units), ..RatingFacts::default() };
/// let outcome = RatingScheme::hai_phong_212_2025().rate(&facts)?;
/// assert_eq!(outcome.rating, LeaderRating::Completed);
/// assert_eq!(outcome.reasons.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ManagedUnits {
    /// Rated excellent.
    pub excellent: u32,
    /// Rated good.
    pub good: u32,
    /// Rated completed.
    pub completed: u32,
    /// Rated not completed.
    pub not_completed: u32,
}

impl ManagedUnits {
    fn total(&self) -> u64 {
        // Four u32 counts sum well within a u64.
        u64::from(self.excellent)
            .saturating_add(u64::from(self.good))
            .saturating_add(u64::from(self.completed))
            .saturating_add(u64::from(self.not_completed))
    }
}

/// What a rating is decided from.
///
/// # Examples
///
/// ```
/// use par_index::rating::{LeaderRating, ManagedUnits, RatingFacts, RatingScheme};
///
/// let facts = RatingFacts {
///     points: 95.into(),
///     managed_units: Some(ManagedUnits { excellent: 4, good: 6, ..ManagedUnits::default() }),
///     disciplinary_sanction: true,
///     ..RatingFacts::default()
/// };
/// let outcome = RatingScheme::hai_phong_212_2025().rate(&facts)?;
/// assert_eq!(outcome.by_points, LeaderRating::Excellent);
/// assert_eq!(outcome.rating, LeaderRating::NotCompleted); // the sanction forces the lowest
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RatingFacts {
    /// The leader's points on their own scorecard (out of the scheme's maximum).
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub points: Decimal,
    /// The ratings of the units the leader directly manages; `None` when not given (an
    /// error if a gate needs them). All zeros means the leader manages no unit, and gates on
    /// managed units then hold: there is nothing to fail (the library's reading; the source
    /// does not say).
    #[cfg_attr(feature = "serde", serde(default))]
    pub managed_units: Option<ManagedUnits>,
    /// True when the leader received a disciplinary sanction (Party or administrative) in
    /// the year.
    #[cfg_attr(feature = "serde", serde(default))]
    pub disciplinary_sanction: bool,
    /// Other facts that force the lowest rating, as the source lists them (political or
    /// moral degradation; corruption or waste dealt with in a managed unit…), described.
    #[cfg_attr(feature = "serde", serde(default))]
    pub disqualifications: Vec<String>,
    /// Conditions the rater confirms, for [`RatingGate::Condition`] gates.
    #[cfg_attr(feature = "serde", serde(default))]
    pub conditions_met: Vec<String>,
}

/// A rating and why it is what it is.
///
/// # Examples
///
/// ```
/// use par_index::rating::{LeaderRating, ManagedUnits, RatingFacts, RatingScheme};
///
/// let facts = RatingFacts {
///     points: 70.into(),
///     managed_units: Some(ManagedUnits { completed: 3, ..ManagedUnits::default() }),
///     disqualifications: vec!["lãng phí tại đơn vị quản lý".into()],
///     ..RatingFacts::default()
/// };
/// let outcome = RatingScheme::hai_phong_212_2025().rate(&facts)?;
/// assert_eq!((outcome.by_points, outcome.rating), (LeaderRating::Completed, LeaderRating::NotCompleted));
/// assert_eq!(outcome.reasons.len(), 1);
/// assert!(outcome.reasons[0].contains("lãng phí tại đơn vị quản lý"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RatingOutcome {
    /// The rating.
    pub rating: LeaderRating,
    /// The rating the points alone would give.
    pub by_points: LeaderRating,
    /// Why the rating is below `by_points`: each gate that failed, each override.
    pub reasons: Vec<String>,
}

/// Bands of points with gates and overrides that turn a leader's points into a rating.
///
/// Bands are tried best first; a leader gets the first band whose threshold and gates all
/// hold, else the lowest rating. Then overrides apply: a disciplinary sanction (when the
/// scheme says so) and any listed disqualification force the lowest rating.
///
/// # Examples
///
/// ```
/// use par_index::{rating::{LeaderRating, ManagedUnits, RatingFacts, RatingScheme}};
/// use rust_decimal::Decimal;
///
/// let scheme = RatingScheme::hai_phong_212_2025();
/// let units = ManagedUnits { excellent: 2, good: 4, completed: 4, not_completed: 0 };
/// let facts = RatingFacts {
///     points: "92.5".parse()?,
///     managed_units: Some(units),
///     ..RatingFacts::default()
/// };
/// let outcome = scheme.rate(&facts)?;
/// assert_eq!(outcome.by_points, LeaderRating::Excellent);
/// assert_eq!(outcome.rating, LeaderRating::Good); // only 60% of units good or better
/// assert_eq!(outcome.reasons, ["excellent needs at least 70% of directly managed units rated good or better; 6 of 10 are (60%)"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(into = "RatingSchemeSpec", try_from = "RatingSchemeSpec")
)]
pub struct RatingScheme {
    spec: RatingSchemeSpec,
}

/// What a [`RatingScheme`] is made of, unchecked: the form to write one in, or to edit a
/// built-in one ([`RatingScheme::into_spec`]) before [`RatingScheme::new`] checks it.
///
/// # Examples
///
/// ```
/// use par_index::rating::{LeaderRating, RatingGate, RatingScheme};
///
/// let mut spec = RatingScheme::hai_phong_212_2025().into_spec();
/// spec.title = "Hải Phòng 212/2025, with the on-time condition".into();
/// spec.bands[0].gates.push(RatingGate::Condition { name: "mọi nhiệm vụ đúng hạn".into() });
/// let scheme = RatingScheme::new(spec)?;
/// assert_eq!(scheme.bands()[0].gates.len(), 3);
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RatingSchemeSpec {
    /// A title for people.
    pub title: String,
    /// Where the numbers come from.
    #[cfg_attr(feature = "serde", serde(default))]
    pub sources: Vec<String>,
    /// The top of the points scale (100).
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub max_points: Decimal,
    /// The bands, best first.
    pub bands: Vec<RatingBand>,
    /// The rating when no band fits, and the one overrides force.
    pub lowest: LeaderRating,
    /// True when a disciplinary sanction in the year forces the lowest rating.
    pub sanction_forces_lowest: bool,
}

#[cfg(feature = "serde")]
impl From<RatingScheme> for RatingSchemeSpec {
    fn from(scheme: RatingScheme) -> RatingSchemeSpec {
        scheme.spec
    }
}

#[cfg(feature = "serde")]
impl TryFrom<RatingSchemeSpec> for RatingScheme {
    type Error = Error;

    fn try_from(spec: RatingSchemeSpec) -> Result<RatingScheme, Error> {
        RatingScheme::new(spec)
    }
}

impl RatingScheme {
    /// Checks `spec` once: thresholds within 0 to the maximum and strictly decreasing, each
    /// rating used once, gate shares within 0 to 100%.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidRatingScheme`] naming what is wrong.
    pub fn new(spec: RatingSchemeSpec) -> Result<RatingScheme, Error> {
        spec.check()?;
        Ok(RatingScheme { spec })
    }

    /// A title for people.
    pub fn title(&self) -> &str {
        &self.spec.title
    }

    /// Where the numbers come from.
    pub fn sources(&self) -> &[String] {
        &self.spec.sources
    }

    /// The top of the points scale.
    pub fn max_points(&self) -> Decimal {
        self.spec.max_points
    }

    /// The bands, best first.
    pub fn bands(&self) -> &[RatingBand] {
        &self.spec.bands
    }

    /// The rating when no band fits, and the one overrides force.
    pub fn lowest(&self) -> LeaderRating {
        self.spec.lowest
    }

    /// True when a disciplinary sanction in the year forces the lowest rating.
    pub fn sanction_forces_lowest(&self) -> bool {
        self.spec.sanction_forces_lowest
    }

    /// The scheme's parts, to edit and check again with [`RatingScheme::new`].
    pub fn into_spec(self) -> RatingSchemeSpec {
        self.spec
    }

    /// Hải Phòng 212/2025/QĐ-UBND (18/11/2025), Art. 7 (leaders) and Art. 3, as data
    /// (full text, a crawled copy:
    /// <https://github.com/tnt305/tai_lieu_noi_bo/blob/94c5034af72cc7e5020694d06eceb126a103d48b/src/etl/dataset/548693349b18e8cf.md>):
    ///
    /// | Rating | Points | Gates on directly managed units |
    /// |---|---|---|
    /// | excellent | > 90 | 100% completed or better, and ≥ 70% good or better |
    /// | good | > 80 | 100% completed or better |
    /// | completed | ≥ 50 | ≥ 70% completed or better |
    /// | not completed | otherwise | |
    ///
    /// A disciplinary sanction in the year forces "not completed" (Art. 3; Art. 7 lists it
    /// among the facts that do). The source's other conditions (all tasks on time, shares of
    /// the unit's targets met or exceeded, the quota on "excellent") are not included: add
    /// them as [`RatingGate::Condition`] gates, or as disqualifications, where needed.
    pub fn hai_phong_212_2025() -> RatingScheme {
        let good = |p: i64| RatingGate::ManagedGoodOrBetter {
            at_least_percent: Decimal::from(p),
        };
        let completed = |p: i64| RatingGate::ManagedCompletedOrBetter {
            at_least_percent: Decimal::from(p),
        };
        let spec = RatingSchemeSpec {
            title: "Hải Phòng 212/2025/QĐ-UBND, Art. 7: leaders".to_owned(),
            sources: vec![HAI_PHONG_212_2025.to_owned()],
            max_points: Decimal::ONE_HUNDRED,
            bands: vec![
                RatingBand {
                    rating: LeaderRating::Excellent,
                    threshold: Threshold::Above(Decimal::from(90)),
                    gates: vec![completed(100), good(70)],
                },
                RatingBand {
                    rating: LeaderRating::Good,
                    threshold: Threshold::Above(Decimal::from(80)),
                    gates: vec![completed(100)],
                },
                RatingBand {
                    rating: LeaderRating::Completed,
                    threshold: Threshold::AtLeast(Decimal::from(50)),
                    gates: vec![completed(70)],
                },
            ],
            lowest: LeaderRating::NotCompleted,
            sanction_forces_lowest: true,
        };
        // The decision's bands pass the check (tested); it is not repeated on every call.
        RatingScheme { spec }
    }
}

impl RatingSchemeSpec {
    /// The checks of [`RatingScheme::new`].
    fn check(&self) -> Result<(), Error> {
        let invalid = |reason: String| {
            ErrorKind::InvalidRatingScheme {
                scheme: self.title.clone(),
                reason,
            }
            .into()
        };
        if self.max_points <= Decimal::ZERO {
            return Err(invalid(format!(
                "the maximum is {} points; it must be above 0",
                self.max_points
            )));
        }
        for (i, band) in self.bands.iter().enumerate() {
            let value = band.threshold.value();
            if value.is_sign_negative() && !value.is_zero() || value > self.max_points {
                return Err(invalid(format!(
                    "band {} needs {}, outside 0 to {}",
                    band.rating, band.threshold, self.max_points
                )));
            }
            if band.rating == self.lowest
                || self.bands.iter().take(i).any(|b| b.rating == band.rating)
            {
                return Err(invalid(format!("rating {} is used twice", band.rating)));
            }
            if let Some(previous) = i.checked_sub(1).and_then(|p| self.bands.get(p)) {
                if !previous.threshold.stricter_than(&band.threshold) {
                    return Err(invalid(format!(
                        "band {} ({}) must need more points than band {} ({}) below it",
                        previous.rating, previous.threshold, band.rating, band.threshold
                    )));
                }
            }
            for gate in &band.gates {
                let share = match gate {
                    RatingGate::ManagedGoodOrBetter { at_least_percent }
                    | RatingGate::ManagedCompletedOrBetter { at_least_percent } => {
                        *at_least_percent
                    }
                    RatingGate::Condition { .. } => continue,
                };
                if share.is_sign_negative() && !share.is_zero() || share > Decimal::ONE_HUNDRED {
                    return Err(invalid(format!(
                        "band {} has a gate of {share}%, outside 0 to 100",
                        band.rating
                    )));
                }
            }
        }
        Ok(())
    }
}

impl RatingScheme {
    /// Rates a leader.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::RatingPointsOutOfRange`] for points below 0
    /// or above the maximum, [`ErrorKind::RatingFactMissing`] when a gate that must be checked
    /// needs the managed units' ratings and they were not given.
    pub fn rate(&self, facts: &RatingFacts) -> Result<RatingOutcome, Error> {
        let scheme = &self.spec;
        if facts.points.is_sign_negative() && !facts.points.is_zero()
            || facts.points > scheme.max_points
        {
            return Err(ErrorKind::RatingPointsOutOfRange {
                points: facts.points,
                max: scheme.max_points,
            }
            .into());
        }
        let eligible: Vec<&RatingBand> = scheme
            .bands
            .iter()
            .filter(|b| b.threshold.holds(facts.points))
            .collect();
        let by_points = eligible.first().map_or(scheme.lowest, |b| b.rating);
        let mut reasons = Vec::new();
        let mut rating = scheme.lowest;
        for band in eligible {
            let mut failed = Vec::new();
            for gate in &band.gates {
                if let Some(reason) = gate_failure(band, gate, facts)? {
                    failed.push(reason);
                }
            }
            if failed.is_empty() {
                rating = band.rating;
                break;
            }
            reasons.extend(failed);
        }
        if scheme.sanction_forces_lowest && facts.disciplinary_sanction {
            rating = scheme.lowest;
            reasons.push(format!(
                "a disciplinary sanction in the year forces {}",
                scheme.lowest
            ));
        }
        for disqualification in &facts.disqualifications {
            rating = scheme.lowest;
            reasons.push(format!("{disqualification} forces {}", scheme.lowest));
        }
        Ok(RatingOutcome {
            rating,
            by_points,
            reasons,
        })
    }
}

/// Why a gate fails, or `None` when it holds.
fn gate_failure(
    band: &RatingBand,
    gate: &RatingGate,
    facts: &RatingFacts,
) -> Result<Option<String>, Error> {
    let (needed, count, which): (Decimal, fn(&ManagedUnits) -> u64, &str) = match gate {
        RatingGate::Condition { name } => {
            return Ok((!facts.conditions_met.iter().any(|c| c == name))
                .then(|| format!("{} needs \"{name}\", which is not confirmed", band.rating)));
        }
        RatingGate::ManagedGoodOrBetter { at_least_percent } => (
            *at_least_percent,
            |u: &ManagedUnits| u64::from(u.excellent).saturating_add(u64::from(u.good)),
            "good or better",
        ),
        RatingGate::ManagedCompletedOrBetter { at_least_percent } => (
            *at_least_percent,
            |u: &ManagedUnits| {
                u64::from(u.excellent)
                    .saturating_add(u64::from(u.good))
                    .saturating_add(u64::from(u.completed))
            },
            "completed or better",
        ),
    };
    let units = facts
        .managed_units
        .ok_or_else(|| ErrorKind::RatingFactMissing {
            band: band.rating.to_string(),
            what: RatingFact::ManagedUnits,
        })?;
    let total = units.total();
    if total == 0 {
        return Ok(None);
    }
    let part = count(&units);
    // part / total ≥ needed / 100, compared without division.
    let holds = Decimal::from(part)
        .checked_mul(Decimal::ONE_HUNDRED)
        .zip(needed.checked_mul(Decimal::from(total)))
        .is_some_and(|(have, need)| have >= need);
    if holds {
        return Ok(None);
    }
    let share = Decimal::from(part)
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|p| p.checked_div(Decimal::from(total)))
        .map(|p| RoundingPolicy::default().apply(p).normalize().to_string())
        .unwrap_or_default();
    Ok(Some(format!(
        "{} needs at least {needed}% of directly managed units rated {which}; {part} of {total} are ({share}%)",
        band.rating
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_scheme_passes_the_checks_of_new() {
        let scheme = RatingScheme::hai_phong_212_2025();
        assert_eq!(RatingScheme::new(scheme.clone().into_spec()), Ok(scheme));
    }
}
