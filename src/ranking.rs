//! Cohorts of scorecards ranked together (xếp hạng), with grades and statistics.

use std::cmp::Ordering;
use std::fmt;

use crate::assessment::Period;
use crate::code::Code;
use crate::cohort::Cohort;
use crate::error::{Error, ErrorKind};
use crate::exact::Exact;
use crate::figure::Figure;
use crate::framework::Framework;
use crate::grade::GradeScale;
use crate::language::{Language, Term};
use crate::rounding::RoundingPolicy;
use crate::scorecard::Scorecard;
use crate::statistics::{CohortStatistics, DomainSummary, Summary};
use crate::table::{Align, Table};
pub use crate::tie::{Rank, TieBreaker, TieMethod};
use crate::tie::{descending, ranks};

/// Which value of the index a ranking or a grade is based on.
///
/// # Examples
///
/// ```
/// use par_index::ranking::ValueBasis;
/// use par_index::{Cohort, Entry, Framework, RankingOptions};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ số CCHC", 100.into())
///     .build()?;
/// let score = |unit: &str, index: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2025".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(index.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [score("a", "93.314")?, score("b", "93.305")?])?;
/// // Both publish as 93.31: tied on the published value, not on the exact one.
/// let published = cohort.rank_with(&RankingOptions::default())?;
/// assert_eq!(published.unit("b").unwrap().rank.unwrap().to_string(), "1");
/// let exact = cohort.rank_with(&RankingOptions::default().with_basis(ValueBasis::Exact))?;
/// assert_eq!(exact.unit("b").unwrap().rank.unwrap().to_string(), "2");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ValueBasis {
    /// The value as published, rounded by the ranking's [`RoundingPolicy`] (default): two
    /// units that show the same figure share a rank, and the grade matches the figure shown.
    #[default]
    Published,
    /// The exact value: 93.314 ranks above 93.305 although both publish as 93.31.
    Exact,
}

/// Which value of a domain its ranking and statistics use.
///
/// # Examples
///
/// ```
/// use par_index::ranking::{DomainBasis, ValueBasis};
/// use par_index::{Cohort, Entry, Framework, RankingOptions};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2025".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [
///     score("hue", 38, 57)?, score("da-nang", 30, 60)?, score("hoi-an", 40, 50)?, score("quang-nam", 35, 50)?,
/// ])?;
/// let ranking = cohort.rank_with(&RankingOptions::default().with_domain_basis(DomainBasis::Points))?;
/// let domain = ranking.unit("hue").unwrap().domain("2").unwrap();
/// assert_eq!(domain.value(DomainBasis::Points, ValueBasis::Published).unwrap().to_string(), "57");
/// assert_eq!(domain.value(DomainBasis::Percent, ValueBasis::Exact).unwrap().to_string(), "95");
/// let by_domain: Vec<&str> = ranking.by_domain("2").iter().map(|u| u.unit.as_str()).collect();
/// assert_eq!(by_domain, ["da-nang", "hue", "hoi-an", "quang-nam"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DomainBasis {
    /// The domain's points as a percentage of the maximum the unit is measured against
    /// (default). Within one framework this orders units as points do, and it stays fair when
    /// sub-criteria that do not apply to a unit were dropped from its maximum.
    #[default]
    Percent,
    /// The domain's points, as printed in the component tables ("10.18/10.5").
    Points,
}

/// How a cohort is ranked, graded and rounded.
///
/// The default: competition ranks ("1224") on the published index rounded to 2 places half
/// away from zero, domains ranked by percent, no grades. [`RankingOptions::national`] adds
/// the national groups A, B and C.
///
/// # Examples
///
/// ```
/// use par_index::{GradeScale, RankingOptions, ranking::{TieBreaker, TieMethod, ValueBasis}};
///
/// let options = RankingOptions::default()
///     .with_tie_method(TieMethod::ordinal([TieBreaker::NodePoints("3".parse()?)]))
///     .with_basis(ValueBasis::Exact)
///     .with_grades(GradeScale::national());
/// assert_eq!(options.grade_basis, ValueBasis::Published);
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
#[non_exhaustive]
pub struct RankingOptions {
    /// How ties are ranked.
    pub tie_method: TieMethod,
    /// Which index value is ranked: the published one (default) or the exact one.
    pub basis: ValueBasis,
    /// How published values are rounded.
    pub rounding: RoundingPolicy,
    /// The grades given to each unit, if any.
    pub grades: Option<GradeScale>,
    /// Which index value is graded: the published one (default), so that a unit shown with
    /// 90.00 is in group A even if its exact index is 89.995.
    pub grade_basis: ValueBasis,
    /// Which domain value is ranked and summarised.
    pub domain_basis: DomainBasis,
}

impl RankingOptions {
    /// The defaults with the national groups ([`GradeScale::national`]).
    pub fn national() -> RankingOptions {
        RankingOptions::default().with_grades(GradeScale::national())
    }

    /// Sets the tie method.
    pub fn with_tie_method(mut self, method: TieMethod) -> Self {
        self.tie_method = method;
        self
    }

    /// Sets which index value is ranked.
    pub fn with_basis(mut self, basis: ValueBasis) -> Self {
        self.basis = basis;
        self
    }

    /// Sets the rounding of published values.
    pub fn with_rounding(mut self, rounding: RoundingPolicy) -> Self {
        self.rounding = rounding;
        self
    }

    /// Sets the grade scale.
    pub fn with_grades(mut self, grades: GradeScale) -> Self {
        self.grades = Some(grades);
        self
    }

    /// Sets which index value is graded.
    pub fn with_grade_basis(mut self, basis: ValueBasis) -> Self {
        self.grade_basis = basis;
        self
    }

    /// Sets which domain value is ranked.
    pub fn with_domain_basis(mut self, basis: DomainBasis) -> Self {
        self.domain_basis = basis;
        self
    }
}

/// Ranking a checked cohort ([`Cohort::rank_with`]).
impl Ranking {
    pub(crate) fn of(cohort: &Cohort, options: &RankingOptions) -> Result<Ranking, Error> {
        let breakers = options.tie_method.tie_breakers();
        // Every scorecard of a cohort has the framework's nodes: the first one answers for
        // all, for the tie-breakers and for the domains alike.
        if let Some(first) = cohort.scorecards().first() {
            check_tie_breakers(first, breakers)?;
        }
        let domain_codes: Vec<Code> = cohort
            .iter()
            .next()
            .map(|first| first.domains().map(|d| d.code.clone()).collect())
            .unwrap_or_default();

        let mut units: Vec<RankedUnit> = cohort
            .scorecards()
            .iter()
            .map(|s| RankedUnit::new(s, options))
            .collect();
        let tie_values: Vec<Vec<Option<Exact>>> = cohort
            .scorecards()
            .iter()
            .map(|s| breaker_values(s, breakers))
            .collect();

        // Index ranks.
        let items: Vec<Item<'_>> = units
            .iter()
            .enumerate()
            .map(|(i, unit)| Item {
                position: i,
                value: unit.index_value(options.basis),
                breakers: tie_values.get(i).map(Vec::as_slice).unwrap_or(&[]),
                unit: &unit.unit,
            })
            .collect();
        let order = rank_items(&options.tie_method, items);
        let mut ranked_units: Vec<RankedUnit> = Vec::with_capacity(units.len());
        let mut sorted_breakers: Vec<Vec<Option<Exact>>> = Vec::with_capacity(units.len());
        let mut taken: Vec<Option<RankedUnit>> = units.drain(..).map(Some).collect();
        for (position, rank) in order {
            if let Some(mut unit) = taken.get_mut(position).and_then(Option::take) {
                unit.rank = Some(rank);
                ranked_units.push(unit);
                sorted_breakers.push(tie_values.get(position).cloned().unwrap_or_default());
            }
        }

        // Domain ranks, among the units each domain applies to; each domain's values are kept
        // in rank order, for its statistics.
        let mut domain_values: Vec<Vec<Exact>> = Vec::with_capacity(domain_codes.len());
        for (d, code) in domain_codes.iter().enumerate() {
            let items: Vec<Item<'_>> = ranked_units
                .iter()
                .enumerate()
                .filter_map(|(i, unit)| {
                    let value = unit
                        .domain_at(d, code)?
                        .value(options.domain_basis, options.basis)?;
                    Some(Item {
                        position: i,
                        value,
                        breakers: sorted_breakers.get(i).map(Vec::as_slice).unwrap_or(&[]),
                        unit: &unit.unit,
                    })
                })
                .collect();
            let order = rank_items(&options.tie_method, items);
            let mut values = Vec::with_capacity(order.len());
            for (position, rank) in order {
                if let Some(standing) = ranked_units
                    .get_mut(position)
                    .and_then(|u| u.domain_at_mut(d, code))
                {
                    standing.rank = Some(rank);
                    values.extend(standing.value(options.domain_basis, options.basis));
                }
            }
            domain_values.push(values);
        }

        let mut unranked: Vec<RankedUnit> = cohort
            .unranked()
            .iter()
            .map(|s| RankedUnit::new(s, options))
            .collect();
        unranked.sort_by(|a, b| {
            b.index_value(options.basis)
                .cmp(&a.index_value(options.basis))
                .then_with(|| a.unit.cmp(&b.unit))
        });

        let statistics = statistics(&ranked_units, &domain_codes, domain_values, options)?;
        Ok(Ranking {
            cohort: cohort.clone(),
            options: options.clone(),
            domains: domain_codes,
            units: ranked_units,
            unranked,
            statistics,
        })
    }
}

/// One item to rank: its position in the input, its value, its tie-breaker values.
struct Item<'a> {
    position: usize,
    value: Exact,
    breakers: &'a [Option<Exact>],
    unit: &'a str,
}

/// Sorts items best first and ranks them; returns (input position, rank) in rank order.
fn rank_items(method: &TieMethod, mut items: Vec<Item<'_>>) -> Vec<(usize, Rank)> {
    let ordinal = matches!(method, TieMethod::Ordinal { .. });
    items.sort_by(|a, b| {
        let by_value = b.value.cmp(&a.value);
        let by_breakers = || {
            if ordinal {
                a.breakers
                    .iter()
                    .zip(b.breakers)
                    .map(|(x, y)| descending(x.as_ref(), y.as_ref()))
                    .find(|o| *o != Ordering::Equal)
                    .unwrap_or(Ordering::Equal)
            } else {
                Ordering::Equal
            }
        };
        by_value
            .then_with(by_breakers)
            .then_with(|| a.unit.cmp(b.unit))
    });
    let mut runs: Vec<usize> = Vec::new();
    let mut previous: Option<&Exact> = None;
    for item in &items {
        match runs.last_mut() {
            Some(size) if !ordinal && previous == Some(&item.value) => {
                *size = size.saturating_add(1);
            }
            _ => runs.push(1),
        }
        previous = Some(&item.value);
    }
    items
        .iter()
        .map(|item| item.position)
        .zip(ranks(method, &runs))
        .collect()
}

/// Checks that every node a tie-breaker names is one of the scorecard's.
fn check_tie_breakers(scorecard: &Scorecard, breakers: &[TieBreaker]) -> Result<(), Error> {
    for breaker in breakers {
        if let TieBreaker::NodePoints(code) | TieBreaker::NodePercent(code) = breaker {
            if scorecard.node(code).is_none() {
                return Err(ErrorKind::UnknownTieBreakerNode {
                    code: code.clone(),
                    unit: scorecard.unit().to_owned(),
                    framework: scorecard.framework().to_owned(),
                }
                .into());
            }
        }
    }
    Ok(())
}

/// A scorecard's values for each tie-breaker (exact).
fn breaker_values(scorecard: &Scorecard, breakers: &[TieBreaker]) -> Vec<Option<Exact>> {
    breakers
        .iter()
        .map(|breaker| match breaker {
            TieBreaker::NodePoints(code) => scorecard
                .node(code.as_str())
                .filter(|n| n.applicable)
                .map(|n| n.points.clone()),
            TieBreaker::NodePercent(code) => {
                scorecard.node(code.as_str()).and_then(|n| n.percent())
            }
            TieBreaker::ExactIndex => Some(scorecard.index().clone()),
        })
        .collect()
}

/// The statistics of the ranked units (in rank order) and of each domain's values (in the
/// domain's rank order). Values in rank order run from the highest down, so they are handed
/// to [`Summary::of`] reversed: its sort then finds them in order and does not sort again.
fn statistics(
    units: &[RankedUnit],
    domains: &[Code],
    domain_values: Vec<Vec<Exact>>,
    options: &RankingOptions,
) -> Result<CohortStatistics, Error> {
    let index: Vec<Exact> = units
        .iter()
        .rev()
        .map(|u| u.index_value(options.basis))
        .collect();
    let domains = domains
        .iter()
        .zip(domain_values)
        .map(|(code, mut values)| {
            values.reverse();
            Ok(DomainSummary {
                code: code.clone(),
                summary: Summary::of(&values)?,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(CohortStatistics {
        index: Summary::of(&index)?,
        domains,
    })
}

/// A unit's standing in one domain.
///
/// # Examples
///
/// ```
/// use par_index::{Cohort, Entry, Framework, RankingOptions};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2025".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [
///     score("hue", 38, 57)?, score("da-nang", 30, 60)?, score("hoi-an", 40, 50)?, score("quang-nam", 35, 50)?,
/// ])?;
/// let ranking = cohort.rank_with(&RankingOptions::national())?;
/// let domain = ranking.unit("hoi-an").unwrap().domain("1").unwrap();
/// assert_eq!(domain.rank.unwrap().to_string(), "1");
/// assert_eq!(domain.points.as_ref().unwrap().to_string(), "40.00");
/// assert_eq!(domain.percent.as_ref().unwrap().to_string(), "100.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DomainStanding {
    /// The domain's code.
    pub code: Code,
    /// Points achieved, exact and published; `None` when the domain does not apply to the
    /// unit.
    pub points: Option<Figure>,
    /// The maximum the unit is measured against, exact.
    pub max_points: Exact,
    /// Points as a percentage of that maximum, exact and published.
    pub percent: Option<Figure>,
    /// The unit's rank in this domain among the ranked units it applies to; `None` when it
    /// does not apply, and for units not ranked.
    pub rank: Option<Rank>,
}

impl DomainStanding {
    /// The value ranked: percent or points, published or exact.
    pub fn value(&self, domain: DomainBasis, basis: ValueBasis) -> Option<Exact> {
        let figure = match domain {
            DomainBasis::Percent => self.percent.as_ref(),
            DomainBasis::Points => self.points.as_ref(),
        };
        figure.map(|f| f.value(basis))
    }
}

/// One unit in a [`Ranking`].
///
/// # Examples
///
/// ```
/// use par_index::{Cohort, Entry, Framework, RankingOptions};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2025".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [
///     score("hue", 38, 57)?, score("da-nang", 30, 60)?, score("hoi-an", 40, 50)?, score("quang-nam", 35, 50)?,
/// ])?;
/// let ranking = cohort.rank_with(&RankingOptions::national())?;
/// let unit = ranking.unit("quang-nam").unwrap();
/// assert_eq!(unit.rank.unwrap().to_string(), "4");
/// assert_eq!(unit.index.to_string(), "85.00");
/// assert_eq!(unit.grade.as_deref(), Some("B"));
/// assert_eq!(unit.domains.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct RankedUnit {
    /// The unit's identifier.
    pub unit: String,
    /// The unit's name.
    pub unit_name: String,
    /// The rank; `None` for a unit listed outside the ranking.
    pub rank: Option<Rank>,
    /// The index, in percent, exact and published.
    pub index: Figure,
    /// The grade's label, if the ranking has a scale and the index reaches one of its grades.
    pub grade: Option<String>,
    /// The unit's standing in each domain, in the framework's order.
    pub domains: Vec<DomainStanding>,
}

impl RankedUnit {
    fn new(scorecard: &Scorecard, options: &RankingOptions) -> RankedUnit {
        let policy = &options.rounding;
        let index = Figure::publish(scorecard.index().clone(), policy);
        let grade = options
            .grades
            .as_ref()
            .and_then(|scale| match options.grade_basis {
                ValueBasis::Exact => scale.grade(scorecard.index()),
                ValueBasis::Published => scale.grade(&index.published()),
            })
            .map(|band| band.label.clone());
        // Counted first: the domains are a filter of the nodes, and a vector collected from a
        // filter grows as it goes.
        let mut domains = Vec::with_capacity(scorecard.domains().count());
        domains.extend(scorecard.domains().map(|d| {
            let publish = |exact: Exact| Figure::publish(exact, policy);
            DomainStanding {
                code: d.code.clone(),
                points: d.applicable.then(|| publish(d.points.clone())),
                max_points: d.effective_max.clone(),
                percent: d.percent().map(publish),
                rank: None,
            }
        }));
        RankedUnit {
            unit: scorecard.unit().to_owned(),
            unit_name: scorecard.unit_name().to_owned(),
            rank: None,
            index,
            grade,
            domains,
        }
    }

    /// The index value ranked on `basis`.
    pub fn index_value(&self, basis: ValueBasis) -> Exact {
        self.index.value(basis)
    }

    /// The unit's standing in one domain.
    pub fn domain(&self, code: impl AsRef<str>) -> Option<&DomainStanding> {
        let code = code.as_ref();
        self.domains.iter().find(|d| d.code.as_str() == code)
    }

    /// The standing in the domain at `position` of the ranking's domains: every unit lists
    /// the framework's domains in its order, so this is a look at one place, not a search
    /// (which, over every domain of every unit, would take time square in the domains).
    pub(crate) fn domain_at(&self, position: usize, code: &Code) -> Option<&DomainStanding> {
        match self.domains.get(position) {
            Some(standing) if &standing.code == code => Some(standing),
            _ => self.domain(code.as_str()),
        }
    }

    fn domain_at_mut(&mut self, position: usize, code: &Code) -> Option<&mut DomainStanding> {
        let at = match self.domains.get(position) {
            Some(standing) if &standing.code == code => Some(position),
            _ => self.domains.iter().position(|d| &d.code == code),
        };
        at.and_then(|at| self.domains.get_mut(at))
    }
}

/// A ranked cohort: units in rank order, units listed outside the ranking, each unit's rank
/// in every domain, grades and statistics.
///
/// A ranking prints as a plain-text table (its [`Display`](fmt::Display) is
/// [`Ranking::render_table`]) and serializes with serde.
///
/// # Published or exact values
///
/// By default units are ranked on the published index, so that the ranks agree with the
/// figures readers see: 93.314 and 93.305 both publish as 93.31 and share a rank. Ranked on
/// exact values ([`ValueBasis::Exact`]) they do not, and the table shows two units with
/// 93.31 at different ranks.
///
/// ```
/// use par_index::{Assessment, Cohort, Entry, Framework, RankingOptions, ranking::ValueBasis};
/// use rust_decimal::Decimal;
///
/// let framework = Framework::builder("demo", "Published index")
///     .domain("1", "Chỉ số CCHC", Decimal::ONE_HUNDRED)
///     .build()?;
/// let mut scorecards = Vec::new();
/// for (unit, index) in [("a", "93.305"), ("b", "93.314")] {
///     let mut assessment = Assessment::new("demo", unit, "2023".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(index.parse()?));
///     scorecards.push(framework.score(&assessment)?);
/// }
/// let cohort = Cohort::new(&framework, scorecards)?;
///
/// let published = cohort.rank()?;
/// assert_eq!(published.to_string(), "\
/// Rank  Unit  Index
///    1  a     93.31
///    1  b     93.31
/// ");
/// let exact = cohort.rank_with(&RankingOptions::default().with_basis(ValueBasis::Exact))?;
/// assert_eq!(exact.to_string(), "\
/// Rank  Unit  Index
///    1  b     93.31
///    2  a     93.31
/// ");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking {
    cohort: Cohort,
    options: RankingOptions,
    domains: Vec<Code>,
    units: Vec<RankedUnit>,
    unranked: Vec<RankedUnit>,
    statistics: CohortStatistics,
}

impl Ranking {
    /// The cohort ranked: the framework and every scorecard.
    pub fn cohort(&self) -> &Cohort {
        &self.cohort
    }

    /// The framework the units were scored on.
    pub fn framework(&self) -> &Framework {
        self.cohort.framework()
    }

    /// The period; `None` for an empty cohort.
    pub fn period(&self) -> Option<&Period> {
        self.cohort.period()
    }

    /// The options the cohort was ranked with.
    pub fn options(&self) -> &RankingOptions {
        &self.options
    }

    /// The ranked units, best first; tied units by identifier.
    pub fn units(&self) -> &[RankedUnit] {
        &self.units
    }

    /// Units listed outside the ranking, by index then identifier.
    pub fn unranked(&self) -> &[RankedUnit] {
        &self.unranked
    }

    /// A unit, ranked or not.
    pub fn unit(&self, unit: &str) -> Option<&RankedUnit> {
        self.units
            .iter()
            .chain(&self.unranked)
            .find(|u| u.unit == unit)
    }

    /// How many units are ranked.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// True when no unit is ranked.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The domains' codes, in the framework's order.
    pub fn domain_codes(&self) -> &[Code] {
        &self.domains
    }

    /// The ranked units the domain applies to, in their rank order in that domain (tied
    /// units by identifier); empty for an unknown code.
    pub fn by_domain(&self, code: impl AsRef<str>) -> Vec<&RankedUnit> {
        let code = code.as_ref();
        let mut units: Vec<(&RankedUnit, Rank)> = self
            .units
            .iter()
            .filter_map(|u| Some((u, u.domain(code)?.rank?)))
            .collect();
        units.sort_by(|(a, ra), (b, rb)| ra.cmp(rb).then_with(|| a.unit.cmp(&b.unit)));
        units.into_iter().map(|(u, _)| u).collect()
    }

    /// Statistics of the ranked units.
    pub fn statistics(&self) -> &CohortStatistics {
        &self.statistics
    }

    /// The ranking as a plain-text table in English: rank, unit name, published index and
    /// (with a grade scale) grade. Units outside the ranking follow, with `-` for a rank.
    pub fn render_table(&self) -> String {
        self.render_table_in(Language::English)
    }

    /// The ranking as a plain-text table in `language`, with the figures in its notation.
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::{Cohort, Entry, Framework, RankingOptions, language::Language};
    ///
    /// let framework = Framework::builder("demo", "Demo").domain("1", "Chỉ số CCHC", 100.into()).build()?;
    /// let mut cards = Vec::new();
    /// for (unit, name, index) in [("minh-an", "Phường Minh An", "91.5"), ("cam-kim", "Xã Cẩm Kim", "84.25")] {
    ///     let mut assessment = framework.assessment(unit, "2021".parse()?);
    ///     assessment.unit_name = name.into();
    ///     assessment.push(Entry::new("1".parse()?).with_appraised(index.parse()?));
    ///     cards.push(framework.score(&assessment)?);
    /// }
    /// let ranking = Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?;
    /// assert_eq!(ranking.render_table_in(Language::Vietnamese), "\
    /// Xếp hạng  Đơn vị          Chỉ số CCHC  Xếp loại
    ///        1  Phường Minh An        91,50  A
    ///        2  Xã Cẩm Kim            84,25  B
    /// ");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render_table_in(&self, language: Language) -> String {
        let graded = self.options.grades.is_some();
        let mut columns = vec![
            (Term::Rank.text(language), Align::Right),
            (Term::Unit.text(language), Align::Left),
            (Term::ParIndex.text(language), Align::Right),
        ];
        if graded {
            columns.push((Term::Grade.text(language), Align::Left));
        }
        let mut table = Table::new(&columns);
        for unit in self.units.iter().chain(&self.unranked) {
            let mut row = vec![
                unit.rank
                    .map_or_else(|| "-".to_owned(), |r| language.rank(r)),
                unit.unit_name.clone(),
                language.number(unit.index.published()),
            ];
            if graded {
                row.push(unit.grade.clone().unwrap_or_default());
            }
            table.row(row);
        }
        table.render()
    }
}

/// Ranking one unit anew among the others, which stay put (for the gap and what-if analyses).
impl Ranking {
    /// The rank `unit` would take with the ranked value `value` (on the ranking's basis),
    /// every other ranked unit unchanged. Ties follow the ranking's tie method; in an ordinal
    /// ranking, a tie on the value is decided by the unit identifier alone, so callers must
    /// not rely on ties where the ranking has tie-breakers.
    pub(crate) fn rank_value_among_others(&self, unit: &str, value: Exact) -> Option<Rank> {
        self.rank_among_others(unit, value, &[], &[])
    }

    /// `scorecard`'s unit graded and ranked as this ranking would, every other ranked unit
    /// unchanged: the same tie method, value basis, rounding and grades.
    ///
    /// Errors: [`ErrorKind::UnknownTieBreakerNode`] when a tie-breaker names a node the scorecard
    /// does not have.
    pub(crate) fn place(&self, scorecard: &Scorecard) -> Result<RankedUnit, Error> {
        let breakers = self.options.tie_method.tie_breakers();
        check_tie_breakers(scorecard, breakers)?;
        // The other units' tie-breaker values, from the scorecards the ranking was made of.
        let others: Vec<Vec<Option<Exact>>> = self
            .units
            .iter()
            .map(|u| {
                self.cohort
                    .ranked_scorecard(&u.unit)
                    .map(|card| breaker_values(card, breakers))
                    .unwrap_or_default()
            })
            .collect();
        let mut unit = RankedUnit::new(scorecard, &self.options);
        let own = breaker_values(scorecard, breakers);
        unit.rank = self.rank_among_others(
            &unit.unit,
            unit.index_value(self.options.basis),
            &own,
            &others,
        );
        Ok(unit)
    }

    /// The rank of a unit with `value` and tie-breaker values `breakers` among the other
    /// ranked units (`others` holds their tie-breaker values, by position).
    fn rank_among_others(
        &self,
        unit: &str,
        value: Exact,
        breakers: &[Option<Exact>],
        others: &[Vec<Option<Exact>>],
    ) -> Option<Rank> {
        let candidate = self.units.len();
        let mut items: Vec<Item<'_>> = self
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.unit != unit)
            .map(|(i, u)| Item {
                position: i,
                value: u.index_value(self.options.basis),
                breakers: others.get(i).map(Vec::as_slice).unwrap_or(&[]),
                unit: &u.unit,
            })
            .collect();
        items.push(Item {
            position: candidate,
            value,
            breakers,
            unit,
        });
        rank_items(&self.options.tie_method, items)
            .into_iter()
            .find(|(position, _)| *position == candidate)
            .map(|(_, rank)| rank)
    }
}

/// A ranking travels as what a reader needs — the framework's id, the period, the options,
/// the ranked and unranked units and the statistics — followed by the cohort it was ranked
/// from. Read back, the cohort is checked and ranked again with the options, and the figures
/// written must be the ones that ranking gives: a ranking whose figures were edited by hand
/// does not read as if it were the library's.
#[cfg(feature = "serde")]
impl serde::Serialize for Ranking {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut state = serializer.serialize_struct("Ranking", 8)?;
        state.serialize_field("framework", self.framework().id())?;
        state.serialize_field("period", &self.period())?;
        state.serialize_field("options", &self.options)?;
        state.serialize_field("domains", &self.domains)?;
        state.serialize_field("units", &self.units)?;
        state.serialize_field("unranked", &self.unranked)?;
        state.serialize_field("statistics", &self.statistics)?;
        state.serialize_field("cohort", &self.cohort)?;
        state.end()
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RankingData {
    framework: String,
    period: Option<Period>,
    options: RankingOptions,
    domains: Vec<Code>,
    units: Vec<RankedUnit>,
    unranked: Vec<RankedUnit>,
    statistics: CohortStatistics,
    cohort: Cohort,
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Ranking {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Ranking, D::Error> {
        use serde::de::Error as _;
        let data = RankingData::deserialize(deserializer)?;
        let ranking = data
            .cohort
            .rank_with(&data.options)
            .map_err(D::Error::custom)?;
        let differs = [
            ("framework", data.framework != ranking.framework().id()),
            ("period", data.period.as_ref() != ranking.period()),
            ("domains", data.domains != ranking.domains),
            ("units", data.units != ranking.units),
            ("unranked", data.unranked != ranking.unranked),
            ("statistics", data.statistics != ranking.statistics),
        ];
        match differs.iter().find(|(_, differs)| *differs) {
            Some((field, _)) => Err(D::Error::custom(format!(
                "the ranking's field \"{field}\" is not what its cohort, ranked with its options, gives"
            ))),
            None => Ok(ranking),
        }
    }
}

impl fmt::Display for Ranking {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_table())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item<'a>(position: usize, value: &str, unit: &'a str) -> Item<'a> {
        Item {
            position,
            value: value.parse().unwrap(),
            breakers: &[],
            unit,
        }
    }

    #[test]
    fn ties_are_listed_by_unit_whatever_the_input_order() {
        let items = vec![
            item(0, "90", "c"),
            item(1, "95", "z"),
            item(2, "90", "a"),
            item(3, "85", "b"),
        ];
        let order = rank_items(&TieMethod::Competition, items);
        let shown: Vec<(usize, String)> = order.iter().map(|(p, r)| (*p, r.to_string())).collect();
        assert_eq!(
            shown,
            [
                (1, "1".into()),
                (2, "2".into()),
                (0, "2".into()),
                (3, "4".into())
            ]
        );
    }
}
