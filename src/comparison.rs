//! Year-over-year comparison of two rankings (so sánh với năm trước).

use std::collections::{HashMap, HashSet};
use std::fmt;

use rust_decimal::Decimal;

use crate::assessment::Period;
use crate::code::Code;
use crate::error::{Error, ErrorKind, Side};
use crate::exact::Exact;
use crate::figure::Figure;
use crate::language::{Language, Term};
use crate::math::checked_sub;
use crate::ranking::{DomainStanding, RankedUnit, Ranking, ValueBasis};
use crate::rounding::{Rounding, RoundingPolicy};
use crate::table::{Align, Table};
use crate::tie::Rank;

/// One pair of matching domains: a code of the previous framework and one of the current.
///
/// # Examples
///
/// ```
/// use par_index::comparison::Comparison;
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, year: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, year.parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()));
///     Ok(framework.score(&assessment)?)
/// };
/// let before = [score("hp", "2023", 30, 55)?, score("qn", "2023", 38, 54)?, score("dn", "2023", 35, 45)?];
/// let after = [score("hp", "2024", 38, 58)?, score("qn", "2024", 36, 55)?, score("hn", "2024", 30, 40)?];
/// let previous = Cohort::new(&framework, before)?.rank()?;
/// let current = Cohort::new(&framework, after)?.rank()?;
/// let comparison = Comparison::new(&previous, &current)?;
/// // The same framework both years: each domain is paired with itself.
/// let pairs = comparison.domain_pairs();
/// assert_eq!(pairs.len(), 2);
/// assert_eq!((pairs[1].previous.as_str(), pairs[1].current.as_str()), ("2", "2"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DomainPair {
    /// The domain's code in the previous ranking's framework.
    pub previous: Code,
    /// The matching domain's code in the current ranking's framework.
    pub current: Code,
}

/// Which domain of the previous framework matches which of the current one, when a new
/// framework renumbered its domains.
///
/// Without a map, domains match by equal codes. With one, exactly the listed pairs are
/// compared.
///
/// # Examples
///
/// ```
/// use par_index::comparison::DomainMap;
///
/// // The old domain 7 (modernisation) became domain 7 (e-government) and the old domain 8
/// // (impact) moved to 9 (illustrative codes).
/// let map = DomainMap::new().pair("7".parse()?, "7".parse()?).pair("8".parse()?, "9".parse()?);
/// assert_eq!(map.pairs().len(), 2);
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct DomainMap {
    pairs: Vec<DomainPair>,
}

impl DomainMap {
    /// An empty map.
    pub fn new() -> DomainMap {
        DomainMap::default()
    }

    /// Adds a pair: `previous` in the previous framework matches `current` in the current.
    pub fn pair(mut self, previous: Code, current: Code) -> DomainMap {
        self.pairs.push(DomainPair { previous, current });
        self
    }

    /// The pairs, as given.
    pub fn pairs(&self) -> &[DomainPair] {
        &self.pairs
    }
}

/// How a unit's rank moved.
///
/// # Examples
///
/// ```
/// use par_index::comparison::{Comparison, RankChange};
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, year: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, year.parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()));
///     Ok(framework.score(&assessment)?)
/// };
/// let before = [score("hp", "2023", 30, 55)?, score("qn", "2023", 38, 54)?, score("dn", "2023", 35, 45)?];
/// let after = [score("hp", "2024", 38, 58)?, score("qn", "2024", 36, 55)?, score("hn", "2024", 30, 40)?];
/// let previous = Cohort::new(&framework, before)?.rank()?;
/// let current = Cohort::new(&framework, after)?.rank()?;
/// let comparison = Comparison::new(&previous, &current)?;
/// let moved = |unit| comparison.unit(unit).unwrap().rank_change.to_string();
/// assert_eq!(moved("hp"), "↑1"); // 2nd → 1st
/// assert_eq!(moved("qn"), "↓1");
/// assert_eq!(moved("hn"), "new");
/// assert_eq!(comparison.unit("dn").unwrap().rank_change, RankChange::Dropped);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RankChange {
    /// Up by this many places (a better, smaller rank).
    Up {
        /// Places gained (a half with fractional ranks).
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        places: Decimal,
    },
    /// Down by this many places.
    Down {
        /// Places lost.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        places: Decimal,
    },
    /// The same rank.
    Same,
    /// In the current ranking only.
    New,
    /// In the previous ranking only.
    Dropped,
    /// In both, but listed outside the ranking in at least one.
    NotRanked,
}

impl RankChange {
    /// The change in `language`: `↑2`, `↓1,5`, `=`, `mới` (new), `không còn` (dropped), `-`.
    pub fn text(&self, language: Language) -> String {
        match self {
            RankChange::Up { places } => format!("↑{}", language.number(places.normalize())),
            RankChange::Down { places } => format!("↓{}", language.number(places.normalize())),
            RankChange::Same => "=".to_owned(),
            RankChange::New => Term::New.text(language).to_owned(),
            RankChange::Dropped => Term::Dropped.text(language).to_owned(),
            RankChange::NotRanked => "-".to_owned(),
        }
    }
}

impl fmt::Display for RankChange {
    /// `↑2`, `↓1`, `=`, `new`, `dropped`, `-`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Language::English))
    }
}

/// A unit's place in one ranking.
///
/// # Examples
///
/// ```
/// use par_index::comparison::Comparison;
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, year: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, year.parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()));
///     Ok(framework.score(&assessment)?)
/// };
/// let before = [score("hp", "2023", 30, 55)?, score("qn", "2023", 38, 54)?, score("dn", "2023", 35, 45)?];
/// let after = [score("hp", "2024", 38, 58)?, score("qn", "2024", 36, 55)?, score("hn", "2024", 30, 40)?];
/// let previous = Cohort::new(&framework, before)?.rank()?;
/// let current = Cohort::new(&framework, after)?.rank()?;
/// let comparison = Comparison::new(&previous, &current)?;
/// let hp = comparison.unit("hp").unwrap();
/// let (was, is) = (hp.previous.as_ref().unwrap(), hp.current.as_ref().unwrap());
/// assert_eq!((was.rank.unwrap().to_string(), was.index.to_string()), ("2".into(), "85.00".into()));
/// assert_eq!((is.rank.unwrap().to_string(), is.index.to_string()), ("1".into(), "96.00".into()));
/// assert!(comparison.unit("hn").unwrap().previous.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Standing {
    /// The rank; `None` when listed outside the ranking.
    pub rank: Option<Rank>,
    /// The index, exact and published.
    pub index: Figure,
    /// The grade.
    pub grade: Option<String>,
}

impl From<&RankedUnit> for Standing {
    fn from(unit: &RankedUnit) -> Standing {
        Standing {
            rank: unit.rank,
            index: unit.index.clone(),
            grade: unit.grade.clone(),
        }
    }
}

/// How one pair of matching domains changed for a unit.
///
/// # Examples
///
/// ```
/// use par_index::comparison::Comparison;
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, year: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, year.parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()));
///     Ok(framework.score(&assessment)?)
/// };
/// let before = [score("hp", "2023", 30, 55)?, score("qn", "2023", 38, 54)?, score("dn", "2023", 35, 45)?];
/// let after = [score("hp", "2024", 38, 58)?, score("qn", "2024", 36, 55)?, score("hn", "2024", 30, 40)?];
/// let previous = Cohort::new(&framework, before)?.rank()?;
/// let current = Cohort::new(&framework, after)?.rank()?;
/// let comparison = Comparison::new(&previous, &current)?;
/// // Hải Phòng's domain 1 went from 30/40 (75%) to 38/40 (95%).
/// let domain = comparison.unit("hp").unwrap().domain("1").unwrap();
/// let change = domain.change.as_ref().unwrap();
/// assert_eq!((change.exact().to_string(), change.published().to_string()), ("20".into(), "20.00".into()));
/// assert_eq!(domain.previous_rank.unwrap().to_string(), "3");
/// assert_eq!(domain.current_rank.unwrap().to_string(), "1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DomainChange {
    /// The domain in the previous framework.
    pub previous_code: Code,
    /// The domain in the current framework.
    pub current_code: Code,
    /// The previous percent; `None` where the domain did not apply.
    pub previous_percent: Option<Figure>,
    /// The current percent.
    pub current_percent: Option<Figure>,
    /// Current less previous percent, exact and as published (the difference of the published
    /// percents); `None` unless both apply.
    pub change: Option<Figure>,
    /// The previous rank in the domain.
    pub previous_rank: Option<Rank>,
    /// The current rank in the domain.
    pub current_rank: Option<Rank>,
}

/// How one unit changed between the two rankings.
///
/// # Examples
///
/// ```
/// use par_index::comparison::Comparison;
/// use par_index::ranking::ValueBasis;
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, year: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, year.parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()));
///     Ok(framework.score(&assessment)?)
/// };
/// let before = [score("hp", "2023", 30, 55)?, score("qn", "2023", 38, 54)?, score("dn", "2023", 35, 45)?];
/// let after = [score("hp", "2024", 38, 58)?, score("qn", "2024", 36, 55)?, score("hn", "2024", 30, 40)?];
/// let previous = Cohort::new(&framework, before)?.rank()?;
/// let current = Cohort::new(&framework, after)?.rank()?;
/// let comparison = Comparison::new(&previous, &current)?;
/// let hp = comparison.unit("hp").unwrap();
/// assert_eq!(hp.index_change.as_ref().unwrap().to_string(), "11.00");
/// assert_eq!(hp.change(ValueBasis::Exact).unwrap().to_string(), "11");
/// assert_eq!(comparison.improved().len(), 1);
/// assert!(comparison.unit("hn").unwrap().index_change.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct UnitChange {
    /// The unit's identifier.
    pub unit: String,
    /// The unit's name (the current one, if the unit is in the current ranking).
    pub unit_name: String,
    /// Its place in the previous ranking.
    pub previous: Option<Standing>,
    /// Its place in the current ranking.
    pub current: Option<Standing>,
    /// How its rank moved.
    pub rank_change: RankChange,
    /// Current less previous index, exact and as a reader computes it from the two published
    /// tables (96.17 − 91.87 = +4.30); `None` unless in both.
    pub index_change: Option<Figure>,
    /// Changes of the matching domains.
    pub domains: Vec<DomainChange>,
}

impl UnitChange {
    /// The index change on `basis`: published (default) or exact.
    pub fn change(&self, basis: ValueBasis) -> Option<Exact> {
        self.index_change.as_ref().map(|c| c.value(basis))
    }

    /// The change of one domain, by its current code.
    pub fn domain(&self, current_code: impl AsRef<str>) -> Option<&DomainChange> {
        let current_code = current_code.as_ref();
        self.domains
            .iter()
            .find(|d| d.current_code.as_str() == current_code)
    }

    /// The change in the domain pair at `position` of the comparison's pairs: a unit lists
    /// them in that order, so this is one look, not a search.
    #[cfg(feature = "csv")]
    pub(crate) fn domain_at(&self, position: usize, pair: &DomainPair) -> Option<&DomainChange> {
        match self.domains.get(position) {
            Some(change) if change.current_code == pair.current => Some(change),
            _ => self.domain(pair.current.as_str()),
        }
    }
}

/// Two rankings of consecutive periods compared unit by unit: change of index, change of
/// rank, change of each matching domain, and the units that improved or declined most.
///
/// The rankings may come from different frameworks (a new decision each few years); domains
/// then match by code, or by a [`DomainMap`]. Improvement is measured on the current
/// ranking's [`ValueBasis`]: by default the published indices, as reports compute it.
///
/// # Examples
///
/// ```
/// use par_index::{Assessment, Cohort, Entry, Framework, comparison::{Comparison, RankChange}};
/// use rust_decimal::Decimal;
///
/// let framework = Framework::builder("demo", "Published index")
///     .domain("1", "Chỉ số CCHC", Decimal::ONE_HUNDRED)
///     .build()?;
/// let score = |unit: &str, year: &str, index: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = Assessment::new("demo", unit, year.parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(index.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let before = [score("hp", "2023", "91.87")?, score("qn", "2023", "92.18")?];
/// let after = [score("hp", "2024", "96.17")?, score("qn", "2024", "91.00")?];
/// let previous = Cohort::new(&framework, before)?.rank()?;
/// let current = Cohort::new(&framework, after)?.rank()?;
///
/// let comparison = Comparison::new(&previous, &current)?;
/// let hp = comparison.unit("hp").unwrap();
/// assert_eq!(hp.rank_change, RankChange::Up { places: Decimal::ONE });
/// assert_eq!(hp.index_change.as_ref().unwrap().to_string(), "4.30");
/// assert_eq!(comparison.most_declined()[0].unit, "qn");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Comparison {
    previous_framework: String,
    previous_period: Option<Period>,
    current_framework: String,
    current_period: Option<Period>,
    basis: ValueBasis,
    rounding: RoundingPolicy,
    graded: bool,
    domains: Vec<DomainPair>,
    units: Vec<UnitChange>,
}

impl Comparison {
    /// Compares two rankings, matching domains by equal codes.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::PeriodsNotInOrder`] unless the previous period comes before the current one
    /// (periods compare as text); [`ErrorKind::Overflow`] (not reachable with indices in 0..=100).
    pub fn new(previous: &Ranking, current: &Ranking) -> Result<Comparison, Error> {
        let before: HashSet<&Code> = previous.domain_codes().iter().collect();
        let pairs = current
            .domain_codes()
            .iter()
            .filter(|code| before.contains(code))
            .map(|code| DomainPair {
                previous: code.clone(),
                current: code.clone(),
            })
            .collect();
        Comparison::build(previous, current, pairs)
    }

    /// Compares two rankings, matching exactly the domains the map pairs.
    ///
    /// # Errors
    ///
    /// As [`Comparison::new`], and [`ErrorKind::UnknownMappedDomain`] for a code the side's
    /// ranking does not have (not checked against an empty ranking, which has no domains),
    /// [`ErrorKind::DuplicateDomainMapping`] for a code mapped twice on one side.
    pub fn new_with_map(
        previous: &Ranking,
        current: &Ranking,
        map: &DomainMap,
    ) -> Result<Comparison, Error> {
        let mut seen_previous: HashSet<&Code> = HashSet::new();
        let mut seen_current: HashSet<&Code> = HashSet::new();
        let domains = |ranking: &Ranking| -> HashSet<Code> {
            ranking
                .framework()
                .domains()
                .map(|d| d.code().clone())
                .collect()
        };
        let (previous_domains, current_domains) = (domains(previous), domains(current));
        for pair in map.pairs() {
            for (side, code, ranking, seen, domains) in [
                (
                    Side::Previous,
                    &pair.previous,
                    previous,
                    &mut seen_previous,
                    &previous_domains,
                ),
                (
                    Side::Current,
                    &pair.current,
                    current,
                    &mut seen_current,
                    &current_domains,
                ),
            ] {
                if !seen.insert(code) {
                    return Err(ErrorKind::DuplicateDomainMapping {
                        side,
                        code: code.clone(),
                    }
                    .into());
                }
                let framework = ranking.framework();
                if !domains.contains(code) {
                    return Err(ErrorKind::UnknownMappedDomain {
                        side,
                        code: code.clone(),
                        framework: framework.id().to_owned(),
                    }
                    .into());
                }
            }
        }
        Comparison::build(previous, current, map.pairs().to_vec())
    }

    fn build(
        previous: &Ranking,
        current: &Ranking,
        pairs: Vec<DomainPair>,
    ) -> Result<Comparison, Error> {
        if let (Some(before), Some(after)) = (previous.period(), current.period()) {
            if before >= after {
                return Err(ErrorKind::PeriodsNotInOrder {
                    previous: before.clone(),
                    current: after.clone(),
                }
                .into());
            }
        }
        let in_current: HashSet<&str> = current
            .units()
            .iter()
            .chain(current.unranked())
            .map(|u| u.unit.as_str())
            .collect();
        let before: HashMap<&str, &RankedUnit> = previous
            .units()
            .iter()
            .chain(previous.unranked())
            .map(|u| (u.unit.as_str(), u))
            .collect();
        // Where each pair's domains sit in the two rankings, found once for every unit.
        let position = |ranking: &Ranking| -> HashMap<Code, usize> {
            ranking
                .domain_codes()
                .iter()
                .enumerate()
                .map(|(i, code)| (code.clone(), i))
                .collect()
        };
        let (previous_at, current_at) = (position(previous), position(current));
        let located: Vec<Located<'_>> = pairs
            .iter()
            .map(|pair| Located {
                pair,
                previous: previous_at.get(&pair.previous).copied(),
                current: current_at.get(&pair.current).copied(),
            })
            .collect();
        let mut units = Vec::new();
        for now in current.units().iter().chain(current.unranked()) {
            let was = before.get(now.unit.as_str()).copied();
            units.push(unit_change(was, Some(now), &located)?);
        }
        for before in previous.units().iter().chain(previous.unranked()) {
            if !in_current.contains(before.unit.as_str()) {
                units.push(unit_change(Some(before), None, &located)?);
            }
        }
        Ok(Comparison {
            previous_framework: previous.framework().id().to_owned(),
            previous_period: previous.period().cloned(),
            current_framework: current.framework().id().to_owned(),
            current_period: current.period().cloned(),
            basis: current.options().basis,
            rounding: current.options().rounding,
            graded: current.options().grades.is_some(),
            domains: pairs,
            units,
        })
    }

    /// The previous period; `None` for an empty previous ranking.
    pub fn previous_period(&self) -> Option<&Period> {
        self.previous_period.as_ref()
    }

    /// The current period; `None` for an empty current ranking.
    pub fn current_period(&self) -> Option<&Period> {
        self.current_period.as_ref()
    }

    /// The id of the previous ranking's framework.
    pub fn previous_framework(&self) -> &str {
        &self.previous_framework
    }

    /// The id of the current ranking's framework.
    pub fn current_framework(&self) -> &str {
        &self.current_framework
    }

    /// True when the current ranking has a grade scale.
    #[cfg(feature = "csv")]
    pub(crate) fn is_graded(&self) -> bool {
        self.graded
    }

    /// The domain pairs compared.
    pub fn domain_pairs(&self) -> &[DomainPair] {
        &self.domains
    }

    /// Every unit: the current ranking's units in rank order, then its unranked units, then
    /// units only in the previous ranking.
    pub fn units(&self) -> &[UnitChange] {
        &self.units
    }

    /// One unit's change.
    pub fn unit(&self, unit: &str) -> Option<&UnitChange> {
        self.units.iter().find(|u| u.unit == unit)
    }

    /// Units whose index rose, largest rise first (then by identifier).
    pub fn improved(&self) -> Vec<&UnitChange> {
        self.sorted(|change| *change > Exact::ZERO, true)
    }

    /// Units whose index fell, largest fall first (then by identifier).
    pub fn declined(&self) -> Vec<&UnitChange> {
        self.sorted(|change| *change < Exact::ZERO, false)
    }

    /// The units with the largest rise (several when tied); empty when none rose.
    pub fn most_improved(&self) -> Vec<&UnitChange> {
        leaders(self.improved(), self.basis)
    }

    /// The units with the largest fall (several when tied); empty when none fell.
    pub fn most_declined(&self) -> Vec<&UnitChange> {
        leaders(self.declined(), self.basis)
    }

    fn sorted(&self, keep: impl Fn(&Exact) -> bool, rises: bool) -> Vec<&UnitChange> {
        let basis = self.basis;
        let mut units: Vec<(&UnitChange, Exact)> = self
            .units
            .iter()
            .filter_map(|u| u.change(basis).filter(|c| keep(c)).map(|c| (u, c)))
            .collect();
        units.sort_by(|(a, ca), (b, cb)| {
            let by_size = if rises { cb.cmp(ca) } else { ca.cmp(cb) };
            by_size.then_with(|| a.unit.cmp(&b.unit))
        });
        units.into_iter().map(|(u, _)| u).collect()
    }

    /// The comparison as a plain-text table in English: the current ranking (rank, unit,
    /// published index, grade) with each unit's rank change and published index change;
    /// units only in the previous ranking follow as `dropped`.
    pub fn render_table(&self) -> String {
        self.render_table_in(Language::English)
    }

    /// The comparison as a plain-text table in `language` (see [`Comparison::render_table`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::{Cohort, Entry, Framework, comparison::Comparison, language::Language};
    ///
    /// let framework = Framework::builder("demo", "Demo").domain("1", "Chỉ số CCHC", 100.into()).build()?;
    /// let rank = |year: &str, indices: [(&str, &str); 2]| -> Result<_, Box<dyn std::error::Error>> {
    ///     let mut cards = Vec::new();
    ///     for (unit, index) in indices {
    ///         let mut assessment = framework.assessment(unit, year.parse()?);
    ///         assessment.push(Entry::new("1".parse()?).with_appraised(index.parse()?));
    ///         cards.push(framework.score(&assessment)?);
    ///     }
    ///     Ok(Cohort::new(&framework, cards)?.rank()?)
    /// };
    /// let before = rank("2020", [("minh-an", "88"), ("cam-kim", "90.5")])?;
    /// let after = rank("2021", [("minh-an", "92.3"), ("cam-kim", "90")])?;
    /// let comparison = Comparison::new(&before, &after)?;
    /// assert_eq!(comparison.render_table_in(Language::Vietnamese), "\
    /// Xếp hạng  Đơn vị   Chỉ số CCHC  Thay đổi xếp hạng  Thay đổi chỉ số
    ///        1  minh-an        92,30                 ↑1            +4,30
    ///        2  cam-kim        90,00                 ↓1            -0,50
    /// ");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render_table_in(&self, language: Language) -> String {
        let mut columns = vec![
            (Term::Rank.text(language), Align::Right),
            (Term::Unit.text(language), Align::Left),
            (Term::ParIndex.text(language), Align::Right),
        ];
        if self.graded {
            columns.push((Term::Grade.text(language), Align::Left));
        }
        columns.push((Term::RankChange.text(language), Align::Right));
        columns.push((Term::IndexChange.text(language), Align::Right));
        let mut table = Table::new(&columns);
        for unit in &self.units {
            let current = unit.current.as_ref();
            let mut row = vec![
                current
                    .and_then(|s| s.rank)
                    .map_or_else(|| "-".to_owned(), |r| language.rank(r)),
                unit.unit_name.clone(),
                current.map_or_else(|| "-".to_owned(), |s| language.number(s.index.published())),
            ];
            if self.graded {
                row.push(current.and_then(|s| s.grade.clone()).unwrap_or_default());
            }
            row.push(unit.rank_change.text(language));
            row.push(
                unit.index_change
                    .as_ref()
                    .map(|c| language.signed(self.rounding.apply(c.published())))
                    .unwrap_or_default(),
            );
            table.row(row);
        }
        table.render()
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_table())
    }
}

/// The first units of a sorted list that share its first change.
fn leaders(sorted: Vec<&UnitChange>, basis: ValueBasis) -> Vec<&UnitChange> {
    let top = sorted.first().and_then(|u| u.change(basis));
    sorted
        .into_iter()
        .take_while(|u| u.change(basis) == top)
        .collect()
}

/// A pair of domains, with where each sits among its ranking's domains.
struct Located<'a> {
    pair: &'a DomainPair,
    previous: Option<usize>,
    current: Option<usize>,
}

/// The standing in the domain `code`, looked up at its known position.
fn standing<'u>(
    unit: &'u RankedUnit,
    position: Option<usize>,
    code: &Code,
) -> Option<&'u DomainStanding> {
    match position {
        Some(position) => unit.domain_at(position, code),
        None => unit.domain(code.as_str()),
    }
}

fn unit_change(
    before: Option<&RankedUnit>,
    now: Option<&RankedUnit>,
    pairs: &[Located<'_>],
) -> Result<UnitChange, Error> {
    let named = now.or(before);
    let unit = named.map(|u| u.unit.clone()).unwrap_or_default();
    let unit_name = named.map(|u| u.unit_name.clone()).unwrap_or_default();
    let at = format!("the change of unit {unit}");
    let exact_difference = |a: &Exact, b: &Exact| checked_sub(b, a, &at);
    // Current less previous, exact and as a reader works it out from the two published
    // figures; these carry the same places, and so does their difference.
    let change = |a: Option<&Figure>, b: Option<&Figure>| -> Result<Option<Figure>, Error> {
        let (Some(before), Some(now)) = (a, b) else {
            return Ok(None);
        };
        let exact = exact_difference(before.exact(), now.exact())?;
        let published = exact_difference(&before.published().into(), &now.published().into())?;
        let places = before.published().scale();
        Ok(published
            .round(places, Rounding::TowardZero)
            .map(|published| Figure::from_parts(exact, published)))
    };
    let rank_change = match (before, now) {
        (None, _) => RankChange::New,
        (_, None) => RankChange::Dropped,
        (Some(b), Some(n)) => match (b.rank, n.rank) {
            (Some(was), Some(is)) => {
                let gained = checked_sub(&was.value().into(), &is.value().into(), &at)?;
                if gained > Exact::ZERO {
                    RankChange::Up {
                        places: gained.to_decimal(),
                    }
                } else if gained < Exact::ZERO {
                    RankChange::Down {
                        places: gained.abs().to_decimal(),
                    }
                } else {
                    RankChange::Same
                }
            }
            _ => RankChange::NotRanked,
        },
    };
    let mut domains = Vec::new();
    if let (Some(b), Some(n)) = (before, now) {
        for Located {
            pair,
            previous,
            current,
        } in pairs
        {
            let was = standing(b, *previous, &pair.previous);
            let is = standing(n, *current, &pair.current);
            let previous_percent = was.and_then(|d| d.percent.clone());
            let current_percent = is.and_then(|d| d.percent.clone());
            domains.push(DomainChange {
                previous_code: pair.previous.clone(),
                current_code: pair.current.clone(),
                change: change(previous_percent.as_ref(), current_percent.as_ref())?,
                previous_percent,
                current_percent,
                previous_rank: was.and_then(|d| d.rank),
                current_rank: is.and_then(|d| d.rank),
            });
        }
    }
    Ok(UnitChange {
        unit,
        unit_name,
        index_change: change(before.map(|u| &u.index), now.map(|u| &u.index))?,
        previous: before.map(Standing::from),
        current: now.map(Standing::from),
        rank_change,
        domains,
    })
}
