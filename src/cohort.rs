//! A checked cohort: the scorecards of one framework and one period, each unit once.
//!
//! Every step after scoring takes a [`Cohort`]: ranking, accountability reports, the
//! comparison of self-assessed and appraised points, rank uncertainty, peer averages and
//! pinning to a published table. It is checked once, when it is built, so that none of
//! those steps checks again that its scorecards belong together, and a [`Ranking`] keeps
//! the cohort it ranked, so that a gap or a what-if needs only the ranking and the unit.

use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;
use std::sync::Arc;

use crate::assessment::Period;
use crate::error::{Error, ErrorKind};
use crate::framework::Framework;
use crate::ranking::{Ranking, RankingOptions};
use crate::scorecard::Scorecard;

/// The scorecards of one framework and one period, each unit once, checked when built:
/// the pool a ranking ranks (a ranking pool).
///
/// Units published beside the cohort but not ranked with it, such as the two special
/// agencies scored beside the 17 ministries, are added with [`Cohort::new_with_unranked`]:
/// they are graded and listed after the ranked units, without a rank, and left out of the
/// statistics.
///
/// A cohort is cheap to clone (its members are shared), so that a [`Ranking`] can keep the
/// cohort it ranked. It is a set of units: two cohorts with the same scorecards are equal
/// whatever the order they were given in, though [`Cohort::scorecards`] keeps that order. An empty cohort is valid and gives an empty ranking without a period
/// or statistics.
///
/// # Examples
///
/// ```
/// use par_index::{Cohort, Entry, Framework, RankingOptions};
/// use rust_decimal::Decimal;
///
/// // A one-leaf framework that takes the index directly.
/// let framework = Framework::builder("demo", "Published index")
///     .domain("1", "Chỉ số CCHC", Decimal::ONE_HUNDRED)
///     .build()?;
/// let score = |unit: &str, index: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2023".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(index.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let scorecards = [score("a", "93.314")?, score("b", "93.305")?, score("c", "88.2")?];
///
/// let cohort = Cohort::new(&framework, scorecards)?;
/// let ranking = cohort.rank_with(&RankingOptions::national())?;
/// // 93.314 and 93.305 both publish as 93.31: they tie, and the next rank is 3.
/// let ranks: Vec<String> = ranking.units().iter().map(|u| u.rank.unwrap().to_string()).collect();
/// assert_eq!(ranks, ["1", "1", "3"]);
/// assert_eq!(ranking.unit("c").unwrap().grade.as_deref(), Some("B"));
/// assert_eq!(ranking.cohort().scorecard("c").unwrap().index().to_string(), "88.2");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cohort {
    members: Arc<Members>,
}

#[derive(Debug)]
struct Members {
    framework: Framework,
    period: Option<Period>,
    ranked: Vec<Scorecard>,
    unranked: Vec<Scorecard>,
    /// Each unit's place: ranked or not, and its position there.
    places: HashMap<String, Place>,
}

/// A cohort is a set of units: two cohorts are equal when they hold the same scorecards,
/// ranked or not, whatever the order they were given in.
impl PartialEq for Members {
    fn eq(&self, other: &Members) -> bool {
        self.framework == other.framework
            && self.period == other.period
            && self.places.len() == other.places.len()
            && self.ranked.len() == other.ranked.len()
            && self.places.iter().all(|(unit, place)| {
                let theirs = other.places.get(unit);
                let (mine, theirs) = match (place.ranked, theirs) {
                    (true, Some(t)) if t.ranked => (
                        self.ranked.get(place.position),
                        other.ranked.get(t.position),
                    ),
                    (false, Some(t)) if !t.ranked => (
                        self.unranked.get(place.position),
                        other.unranked.get(t.position),
                    ),
                    _ => return false,
                };
                mine.is_some() && mine == theirs
            })
    }
}

impl Eq for Members {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    ranked: bool,
    position: usize,
}

impl Cohort {
    /// A cohort of `scorecards`, every one of them ranked.
    ///
    /// # Errors
    ///
    /// See [`Cohort::new_with_unranked`].
    pub fn new(
        framework: &Framework,
        scorecards: impl IntoIterator<Item = Scorecard>,
    ) -> Result<Cohort, Error> {
        Cohort::new_with_unranked(framework, scorecards, [])
    }

    /// A cohort of `ranked` scorecards, with `unranked` ones published beside them.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::FrameworkMismatch`] for a scorecard of another framework;
    /// [`ErrorKind::ScorecardMismatch`] for one whose nodes are not the framework's (a scorecard
    /// of another version under the same id); [`ErrorKind::CohortPeriodMismatch`] when two
    /// scorecards are for different periods, naming both units;
    /// [`ErrorKind::DuplicateCohortUnit`] for a unit given twice, ranked or not.
    pub fn new_with_unranked(
        framework: &Framework,
        ranked: impl IntoIterator<Item = Scorecard>,
        unranked: impl IntoIterator<Item = Scorecard>,
    ) -> Result<Cohort, Error> {
        let ranked: Vec<Scorecard> = ranked.into_iter().collect();
        let unranked: Vec<Scorecard> = unranked.into_iter().collect();
        let mut places = HashMap::with_capacity(ranked.len().saturating_add(unranked.len()));
        let mut first: Option<&Scorecard> = None;
        let members = ranked
            .iter()
            .enumerate()
            .map(|(position, card)| (true, position, card))
            .chain(
                unranked
                    .iter()
                    .enumerate()
                    .map(|(position, card)| (false, position, card)),
            );
        for (is_ranked, position, scorecard) in members {
            check_fit(framework, scorecard)?;
            let first = *first.get_or_insert(scorecard);
            if scorecard.period() != first.period() {
                return Err(ErrorKind::CohortPeriodMismatch {
                    first_unit: first.unit().to_owned(),
                    first_period: first.period().clone(),
                    unit: scorecard.unit().to_owned(),
                    period: scorecard.period().clone(),
                }
                .into());
            }
            match places.entry(scorecard.unit().to_owned()) {
                Slot::Occupied(_) => {
                    return Err(ErrorKind::DuplicateCohortUnit {
                        unit: scorecard.unit().to_owned(),
                    }
                    .into());
                }
                Slot::Vacant(slot) => {
                    slot.insert(Place {
                        ranked: is_ranked,
                        position,
                    });
                }
            }
        }
        let period = first.map(|card| card.period().clone());
        Ok(Cohort {
            members: Arc::new(Members {
                framework: framework.clone(),
                period,
                ranked,
                unranked,
                places,
            }),
        })
    }

    /// The framework every scorecard was scored on.
    pub fn framework(&self) -> &Framework {
        &self.members.framework
    }

    /// The period every scorecard is for; `None` for an empty cohort.
    pub fn period(&self) -> Option<&Period> {
        self.members.period.as_ref()
    }

    /// The scorecards to be ranked, in the order given.
    pub fn scorecards(&self) -> &[Scorecard] {
        &self.members.ranked
    }

    /// The scorecards published beside the ranked ones but not ranked, in the order given.
    pub fn unranked(&self) -> &[Scorecard] {
        &self.members.unranked
    }

    /// Every scorecard: the ranked ones, then the unranked ones.
    pub fn iter(&self) -> impl Iterator<Item = &Scorecard> + '_ {
        self.members.ranked.iter().chain(&self.members.unranked)
    }

    /// The scorecard of `unit`, ranked or not.
    pub fn scorecard(&self, unit: &str) -> Option<&Scorecard> {
        let place = self.members.places.get(unit)?;
        if place.ranked {
            self.members.ranked.get(place.position)
        } else {
            self.members.unranked.get(place.position)
        }
    }

    /// The scorecard of `unit` when it is among the ranked units.
    pub fn ranked_scorecard(&self, unit: &str) -> Option<&Scorecard> {
        let place = self.members.places.get(unit)?;
        if place.ranked {
            self.members.ranked.get(place.position)
        } else {
            None
        }
    }

    /// How many units, ranked or not.
    pub fn len(&self) -> usize {
        self.members.places.len()
    }

    /// True without units.
    pub fn is_empty(&self) -> bool {
        self.members.places.is_empty()
    }

    /// Ranks the cohort with the default options.
    ///
    /// # Errors
    ///
    /// See [`Cohort::rank_with`].
    pub fn rank(&self) -> Result<Ranking, Error> {
        self.rank_with(&RankingOptions::default())
    }

    /// Ranks the cohort: by index, and in each domain. The ranking keeps the cohort.
    ///
    /// Units are ordered by the index value the options name (published by default),
    /// highest first; tied units are ranked by the tie method and listed by unit identifier,
    /// so the result does not depend on the order units were given in. Each domain is
    /// ranked the same way among the units it applies to.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownTieBreakerNode`] when a tie-breaker names a node the framework does
    /// not have; [`ErrorKind::Overflow`] from the statistics.
    pub fn rank_with(&self, options: &RankingOptions) -> Result<Ranking, Error> {
        Ranking::of(self, options)
    }
}

/// Checks that `scorecard` names `framework`.
pub(crate) fn check_framework(framework: &Framework, scorecard: &Scorecard) -> Result<(), Error> {
    if scorecard.framework() == framework.id() {
        return Ok(());
    }
    Err(ErrorKind::FrameworkMismatch {
        unit: scorecard.unit().to_owned(),
        expected: framework.id().to_owned(),
        found: scorecard.framework().to_owned(),
    }
    .into())
}

/// Checks that `scorecard` was scored on `framework`: its id, and its nodes in order.
pub(crate) fn check_fit(framework: &Framework, scorecard: &Scorecard) -> Result<(), Error> {
    check_framework(framework, scorecard)?;
    let fits = scorecard.nodes().len() == framework.len()
        && framework
            .nodes()
            .zip(scorecard.nodes())
            .all(|(node, score)| node.code() == &score.code);
    if fits {
        Ok(())
    } else {
        Err(ErrorKind::ScorecardMismatch {
            unit: scorecard.unit().to_owned(),
            framework: framework.id().to_owned(),
        }
        .into())
    }
}

/// A cohort travels as its framework and its scorecards, and is checked again when read.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CohortData {
    framework: Framework,
    scorecards: Vec<Scorecard>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    unranked: Vec<Scorecard>,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Cohort {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut state = serializer.serialize_struct("Cohort", 3)?;
        state.serialize_field("framework", &self.members.framework)?;
        state.serialize_field("scorecards", &self.members.ranked)?;
        if self.members.unranked.is_empty() {
            state.skip_field("unranked")?;
        } else {
            state.serialize_field("unranked", &self.members.unranked)?;
        }
        state.end()
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Cohort {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Cohort, D::Error> {
        let data = CohortData::deserialize(deserializer)?;
        Cohort::new_with_unranked(&data.framework, data.scorecards, data.unranked)
            .map_err(serde::de::Error::custom)
    }
}
