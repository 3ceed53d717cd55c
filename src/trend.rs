//! Trends over several periods (xu hướng qua các kỳ): each unit's index, rank and grade,
//! each domain's percentage and each head's percentage, period by period.

use std::collections::HashSet;

use crate::accountability::{AccountabilityReport, HeadReport};
use crate::assessment::Period;
use crate::code::Code;
use crate::comparison::DomainMap;
use crate::error::{Error, ErrorKind};
use crate::exact::Exact;
use crate::figure::Figure;
use crate::language::{Language, Term};
use crate::ranking::Ranking;
use crate::rounding::RoundingPolicy;
use crate::table::{Align, Table};
use crate::tie::Rank;

/// A unit in one period of a trend.
///
/// # Examples
///
/// See [`Trend`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct TrendPoint {
    /// The rank; `None` when listed outside the ranking.
    pub rank: Option<Rank>,
    /// The index, exact and published.
    pub index: Figure,
    /// The grade, if the ranking grades.
    pub grade: Option<String>,
    /// The percentage of each of the trend's domains ([`Trend::domains`]), `None` where the
    /// domain does not apply or has no match in the period's framework.
    pub domains: Vec<Option<Figure>>,
}

/// One unit over the periods.
///
/// # Examples
///
/// See [`Trend`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct UnitTrend {
    /// The unit's identifier.
    pub unit: String,
    /// Its name (the latest one given).
    pub unit_name: String,
    /// One entry per period of the trend, `None` where the unit was not assessed.
    pub periods: Vec<Option<TrendPoint>>,
}

/// One head over the periods, from the accountability reports of each period.
///
/// # Examples
///
/// See [`Trend::with_heads`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct HeadTrend {
    /// The agency's code.
    pub agency: String,
    /// The head, as reports show them.
    pub head: String,
    /// The head's percentage (achieved ÷ owned) in each period, exact; `None` where the
    /// agency is not in that period's report or owns nothing.
    pub percent: Vec<Option<Exact>>,
    /// The head's rank among the heads in each period.
    pub rank: Vec<Option<Rank>>,
    /// The points the head's agency lost in each period.
    pub lost: Vec<Option<Exact>>,
}

/// A series of rankings of three or more periods (at least two), set side by side: each
/// unit's index, rank and grade over time, each domain's percentage, and with
/// [`Trend::with_heads`] each head's percentage.
///
/// The rankings may be of different framework versions: domains follow the latest
/// framework's codes, matched to each earlier period's by equal codes or, across a change of
/// version, by a [`DomainMap`] per step ([`Trend::new_with_maps`]). Units are listed in the
/// latest ranking's order, ranked then unranked, then units seen only earlier by identifier.
/// Figures are as each ranking published them; [`Trend::rounding`] is the latest ranking's
/// policy, used for the heads' percentages.
///
/// # Examples
///
/// ```
/// use par_index::{Cohort, Entry, Framework, RankingOptions, language::Language, trend::Trend};
///
/// let framework = Framework::builder("demo", "Demo").domain("1", "Chỉ số CCHC", 100.into()).build()?;
/// let rank = |year: &str, indices: [(&str, &str); 2]| -> Result<_, Box<dyn std::error::Error>> {
///     let mut cards = Vec::new();
///     for (unit, index) in indices {
///         let mut assessment = framework.assessment(unit, year.parse()?);
///         assessment.push(Entry::new("1".parse()?).with_appraised(index.parse()?));
///         cards.push(framework.score(&assessment)?);
///     }
///     Ok(Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?)
/// };
/// let years = [
///     rank("2019", [("minh-an", "84.5"), ("cam-kim", "88")])?,
///     rank("2020", [("minh-an", "89"), ("cam-kim", "87.25")])?,
///     rank("2021", [("minh-an", "92.3"), ("cam-kim", "86")])?,
/// ];
/// let trend = Trend::new(&[&years[0], &years[1], &years[2]])?;
/// let minh_an = trend.unit("minh-an").unwrap();
/// let indices: Vec<String> = minh_an.periods.iter().flatten().map(|p| p.index.to_string()).collect();
/// assert_eq!(indices, ["84.50", "89.00", "92.30"]);
/// assert_eq!(trend.render_table_in(Language::Vietnamese), "\
/// Đơn vị   2019          2020          2021
/// minh-an  84,50 (2, B)  89,00 (1, B)  92,30 (1, A)
/// cam-kim  88,00 (1, B)  87,25 (2, B)  86,00 (2, B)
/// ");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Trend {
    periods: Vec<Period>,
    frameworks: Vec<String>,
    domains: Vec<Code>,
    units: Vec<UnitTrend>,
    heads: Vec<HeadTrend>,
    rounding: RoundingPolicy,
}

impl Trend {
    /// The trend of `rankings`, oldest first, matching domains by equal codes.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::TrendTooShort`] for fewer than two rankings;
    /// [`ErrorKind::PeriodsNotInOrder`] unless each period comes after the one before it
    /// (periods compare as text); [`ErrorKind::CohortEmpty`] for an empty ranking.
    pub fn new(rankings: &[&Ranking]) -> Result<Trend, Error> {
        let maps: Vec<Option<&DomainMap>> = rankings.iter().skip(1).map(|_| None).collect();
        Trend::build(rankings, &maps)
    }

    /// The trend of `rankings`, oldest first, with `maps[i]` matching the domains of
    /// `rankings[i]` to those of `rankings[i + 1]` (one map per step; a step under one
    /// framework may pass an empty map to match by equal codes).
    ///
    /// # Errors
    ///
    /// As [`Trend::new`], and [`ErrorKind::ReportMismatch`] unless there is one map per step.
    pub fn new_with_maps(rankings: &[&Ranking], maps: &[DomainMap]) -> Result<Trend, Error> {
        if maps.len().saturating_add(1) != rankings.len() {
            return Err(ErrorKind::ReportMismatch {
                what: "the domain maps of the trend".to_owned(),
                expected: format!("{} maps, one per step", rankings.len().saturating_sub(1)),
                found: format!("{} maps", maps.len()),
            }
            .into());
        }
        let maps: Vec<Option<&DomainMap>> = maps
            .iter()
            .map(|m| (!m.pairs().is_empty()).then_some(m))
            .collect();
        Trend::build(rankings, &maps)
    }

    fn build(rankings: &[&Ranking], maps: &[Option<&DomainMap>]) -> Result<Trend, Error> {
        if rankings.len() < 2 {
            return Err(ErrorKind::TrendTooShort {
                periods: rankings.len(),
            }
            .into());
        }
        let mut periods: Vec<Period> = Vec::with_capacity(rankings.len());
        for ranking in rankings {
            let period = ranking.period().ok_or(ErrorKind::CohortEmpty)?;
            if let Some(before) = periods.last() {
                if before >= period {
                    return Err(ErrorKind::PeriodsNotInOrder {
                        previous: before.clone(),
                        current: period.clone(),
                    }
                    .into());
                }
            }
            periods.push(period.clone());
        }
        let Some(latest) = rankings.last() else {
            return Err(ErrorKind::TrendTooShort { periods: 0 }.into());
        };
        let domains: Vec<Code> = latest.domain_codes().to_vec();
        // Each latest domain's code in every period, walking back one step at a time.
        let mut codes: Vec<Vec<Option<Code>>> = domains
            .iter()
            .map(|code| vec![Some(code.clone())])
            .collect();
        for step in (0..maps.len()).rev() {
            let (Some(earlier), Some(map)) = (rankings.get(step), maps.get(step)) else {
                continue;
            };
            for chain in &mut codes {
                let later = chain.last().cloned().flatten();
                let code = later.and_then(|later| match map {
                    Some(map) => map
                        .pairs()
                        .iter()
                        .find(|pair| pair.current == later)
                        .map(|pair| pair.previous.clone()),
                    None => earlier.domain_codes().contains(&later).then_some(later),
                });
                chain.push(code);
            }
        }
        for chain in &mut codes {
            chain.reverse();
        }

        let mut order: Vec<(&str, &str)> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for ranking in rankings.iter().rev() {
            let mut later: Vec<(&str, &str)> = ranking
                .units()
                .iter()
                .chain(ranking.unranked())
                .filter(|u| seen.insert(u.unit.as_str()))
                .map(|u| (u.unit.as_str(), u.unit_name.as_str()))
                .collect();
            if order.is_empty() {
                order.append(&mut later);
            } else {
                later.sort();
                order.append(&mut later);
            }
        }
        let units = order
            .into_iter()
            .map(|(unit, name)| UnitTrend {
                unit: unit.to_owned(),
                unit_name: name.to_owned(),
                periods: rankings
                    .iter()
                    .enumerate()
                    .map(|(period, ranking)| {
                        ranking.unit(unit).map(|ranked| TrendPoint {
                            rank: ranked.rank,
                            index: ranked.index.clone(),
                            grade: ranked.grade.clone(),
                            domains: codes
                                .iter()
                                .map(|chain| {
                                    let code = chain.get(period).cloned().flatten()?;
                                    ranked.domain(code.as_str())?.percent.clone()
                                })
                                .collect(),
                        })
                    })
                    .collect(),
            })
            .collect();
        Ok(Trend {
            periods,
            frameworks: rankings
                .iter()
                .map(|r| r.framework().id().to_owned())
                .collect(),
            domains,
            units,
            heads: Vec::new(),
            rounding: latest.options().rounding,
        })
    }

    /// This trend with each head's percentage, rank and lost points over the periods, from
    /// one accountability report per period (in the trend's order). Heads are listed in the
    /// latest report's order, then heads seen only earlier.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::ReportMismatch`] unless there is one report per period, each for its
    /// period.
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::accountability::{Accountability, Agency, AgencyKind, Assignments, Head};
    /// use par_index::{Cohort, Entry, Framework, trend::Trend};
    ///
    /// let framework = Framework::builder("demo", "Demo")
    ///     .domain("1", "Cải cách thể chế", 4.into())
    ///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
    ///     .build()?;
    /// let mut plan = Assignments::new("Phân công CCHC");
    /// plan.agency(Agency::new("TP", "Phòng Tư pháp", AgencyKind::Office, Head::new("Trưởng phòng Tư pháp")))
    ///     .agency(Agency::new("VP", "Văn phòng UBND", AgencyKind::Office, Head::new("Chánh Văn phòng")));
    /// plan.assign("1", "TP", &[])?.assign("2", "VP", &[])?;
    /// let accountability = Accountability::new(&framework, plan)?;
    /// let mut rankings = Vec::new();
    /// let mut reports = Vec::new();
    /// for (year, second) in [("2019", 3), ("2020", 4), ("2021", 6)] {
    ///     let mut ward = framework.assessment("xa-a", year.parse()?);
    ///     ward.push(Entry::new("1".parse()?).with_appraised(4.into()));
    ///     ward.push(Entry::new("2".parse()?).with_appraised(second.into()));
    ///     let cohort = Cohort::new(&framework, [framework.score(&ward)?])?;
    ///     reports.push(accountability.cohort_report(&cohort)?);
    ///     rankings.push(cohort.rank()?);
    /// }
    /// let trend = Trend::new(&rankings.iter().collect::<Vec<_>>())?
    ///     .with_heads(&reports.iter().collect::<Vec<_>>())?;
    /// let office = trend.head("VP").unwrap();
    /// let shown: Vec<String> = office.percent.iter().flatten()
    ///     .map(|p| trend.rounding().publish(p).to_string()).collect();
    /// assert_eq!(shown, ["50.00", "66.67", "100.00"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_heads(mut self, reports: &[&AccountabilityReport]) -> Result<Trend, Error> {
        if reports.len() != self.periods.len() {
            return Err(ErrorKind::ReportMismatch {
                what: "the heads' reports of the trend".to_owned(),
                expected: format!("{} reports, one per period", self.periods.len()),
                found: format!("{} reports", reports.len()),
            }
            .into());
        }
        for (report, period) in reports.iter().zip(&self.periods) {
            if &report.period != period {
                return Err(ErrorKind::ReportMismatch {
                    what: "an accountability report of the trend".to_owned(),
                    expected: format!("period {period}"),
                    found: format!("period {}", report.period),
                }
                .into());
            }
        }
        let mut agencies: Vec<(&str, String)> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for report in reports.iter().rev() {
            for head in &report.heads {
                if seen.insert(head.agency.code.as_str()) {
                    agencies.push((head.agency.code.as_str(), head.agency.head_label()));
                }
            }
        }
        self.heads = agencies
            .into_iter()
            .map(|(code, label)| {
                fn of<'r>(report: &'r AccountabilityReport, code: &str) -> Option<&'r HeadReport> {
                    report.heads.iter().find(|h| h.agency.code == code)
                }
                HeadTrend {
                    agency: code.to_owned(),
                    head: label,
                    percent: reports
                        .iter()
                        .map(|r| of(r, code).and_then(|h| h.percent.clone()))
                        .collect(),
                    rank: reports
                        .iter()
                        .map(|r| of(r, code).and_then(|h| h.rank))
                        .collect(),
                    lost: reports
                        .iter()
                        .map(|r| of(r, code).map(|h| h.lost.clone()))
                        .collect(),
                }
            })
            .collect();
        Ok(self)
    }

    /// The periods, oldest first.
    pub fn periods(&self) -> &[Period] {
        &self.periods
    }

    /// The framework of each period.
    pub fn frameworks(&self) -> &[String] {
        &self.frameworks
    }

    /// The domains followed: the latest framework's codes.
    pub fn domains(&self) -> &[Code] {
        &self.domains
    }

    /// Every unit.
    pub fn units(&self) -> &[UnitTrend] {
        &self.units
    }

    /// One unit.
    pub fn unit(&self, unit: &str) -> Option<&UnitTrend> {
        self.units.iter().find(|u| u.unit == unit)
    }

    /// Every head, when the trend was given the heads' reports.
    pub fn heads(&self) -> &[HeadTrend] {
        &self.heads
    }

    /// One head, by agency code.
    pub fn head(&self, agency: &str) -> Option<&HeadTrend> {
        self.heads.iter().find(|h| h.agency == agency)
    }

    /// The rounding of the latest ranking, used for the heads' percentages.
    pub fn rounding(&self) -> &RoundingPolicy {
        &self.rounding
    }

    /// The trend as plain-text tables in `language`: a row per unit with its index (rank,
    /// grade) in each period, then, with heads, a row per head with their percentage in each
    /// period.
    pub fn render_table_in(&self, language: Language) -> String {
        let mut columns = vec![(Term::Unit.text(language), Align::Left)];
        let labels: Vec<String> = self.periods.iter().map(ToString::to_string).collect();
        columns.extend(labels.iter().map(|p| (p.as_str(), Align::Left)));
        let mut table = Table::new(&columns);
        for unit in &self.units {
            let mut row = vec![unit.unit_name.clone()];
            row.extend(unit.periods.iter().map(|point| match point {
                None => "–".to_owned(),
                Some(point) => {
                    let mut cell = language.number(point.index.published());
                    let rank = point
                        .rank
                        .map_or_else(|| "-".to_owned(), |r| language.rank(r));
                    match &point.grade {
                        Some(grade) => cell.push_str(&format!(" ({rank}, {grade})")),
                        None => cell.push_str(&format!(" ({rank})")),
                    }
                    cell
                }
            }));
            table.row(row);
        }
        let mut text = table.render();
        if !self.heads.is_empty() {
            let mut columns = vec![(Term::Head.text(language), Align::Left)];
            columns.extend(labels.iter().map(|p| (p.as_str(), Align::Right)));
            let mut table = Table::new(&columns);
            for head in &self.heads {
                let mut row = vec![head.head.clone()];
                row.extend(head.percent.iter().map(|p| {
                    p.as_ref().map_or_else(
                        || "–".to_owned(),
                        |p| format!("{}%", language.number(self.rounding.publish(p))),
                    )
                }));
                table.row(row);
            }
            text.push('\n');
            text.push_str(&table.render());
        }
        text
    }
}
