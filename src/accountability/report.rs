//! Accountability reports: each head's owned, achieved and lost points, rank and worst
//! leaves, for one unit or a cohort of units.

use std::collections::HashMap;
use std::fmt;

use rust_decimal::Decimal;

use crate::accountability::agency::Agency;
use crate::accountability::assignment::Accountability;

use crate::assessment::Period;
use crate::code::Code;
use crate::cohort::Cohort;
use crate::error::{Error, ErrorKind};
use crate::exact::Exact;
use crate::language::{Language, Phrase, Term};
use crate::math::{checked_add, checked_mul_div, checked_signed_sum, checked_sub};
use crate::rounding::RoundingPolicy;
use crate::scorecard::Scorecard;
use crate::table::visible;
use crate::tie::Rank;

/// Options for [`Accountability::report_with`] and [`Accountability::cohort_report_with`].
///
/// # Examples
///
/// ```
/// use par_index::accountability::{Accountability, Agency, AgencyKind, Assignments, Head};
/// use par_index::accountability::ReportOptions;
/// use par_index::{Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 4.into())
///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
///     .build()?;
/// let mut plan = Assignments::new("Phân công CCHC");
/// plan.agency(Agency::new("TP", "Phòng Tư pháp", AgencyKind::Office, Head::new("Trưởng phòng Tư pháp")))
///     .agency(Agency::new("VP", "Văn phòng UBND", AgencyKind::Office, Head::new("Chánh Văn phòng")));
/// plan.assign("1", "TP", &[])?.assign("2", "VP", &["TP"])?;
/// let accountability = Accountability::new(&framework, plan)?;
/// let score = |year: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment("xa-a", year.parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()).with_note("hồ sơ trễ hạn"));
///     Ok(framework.score(&assessment)?)
/// };
/// let options = ReportOptions::worst_leaves(1);
/// assert_eq!(options.rounding.decimal_places(), 2);
/// let report = accountability.report_with(&score("2021", 3, 3)?, &options)?;
/// assert!(report.heads.iter().all(|head| head.worst_leaves.len() <= 1));
/// assert_eq!(report.head("TP").unwrap().percent.as_ref().unwrap().to_string(), "75");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReportOptions {
    /// How many of each head's worst leaves to list (3 unless stated).
    pub worst_leaves: usize,
    /// The rounding of published figures; ranks and verdicts compare rounded percentages, as
    /// the report shows them.
    pub rounding: RoundingPolicy,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            worst_leaves: 3,
            rounding: RoundingPolicy::default(),
        }
    }
}

impl ReportOptions {
    /// Default options listing `n` worst leaves per head.
    pub fn worst_leaves(n: usize) -> ReportOptions {
        ReportOptions {
            worst_leaves: n,
            ..ReportOptions::default()
        }
    }
}

/// How a head's percentage compares with the whole unit's (or cohort's), both rounded.
///
/// # Examples
///
/// ```
/// use par_index::accountability::{Accountability, Agency, AgencyKind, Assignments, Head};
/// use par_index::accountability::Verdict;
/// use par_index::{Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 4.into())
///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
///     .build()?;
/// let mut plan = Assignments::new("Phân công CCHC");
/// plan.agency(Agency::new("TP", "Phòng Tư pháp", AgencyKind::Office, Head::new("Trưởng phòng Tư pháp")))
///     .agency(Agency::new("VP", "Văn phòng UBND", AgencyKind::Office, Head::new("Chánh Văn phòng")));
/// plan.assign("1", "TP", &[])?.assign("2", "VP", &["TP"])?;
/// let accountability = Accountability::new(&framework, plan)?;
/// let score = |year: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment("xa-a", year.parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()).with_note("hồ sơ trễ hạn"));
///     Ok(framework.score(&assessment)?)
/// };
/// let report = accountability.report(&score("2021", 4, 3)?)?;
/// // Overall 70%: the justice office has 100%, the People's Committee office 50%.
/// assert_eq!(report.head("TP").unwrap().verdict, Verdict::AtOrAboveOverall);
/// assert_eq!(report.head("VP").unwrap().verdict, Verdict::BelowOverall);
/// assert_eq!(Verdict::BelowOverall.to_string(), "below overall");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Verdict {
    /// The head's percentage is at or above the overall percentage.
    AtOrAboveOverall,
    /// The head's percentage is below the overall percentage.
    BelowOverall,
    /// The head owns no applicable points, so has no percentage.
    OwnsNothing,
}

impl Verdict {
    /// The verdict in `language`: `bằng hoặc cao hơn mức chung`, `thấp hơn mức chung`,
    /// `không được giao`.
    pub fn text(self, language: Language) -> &'static str {
        match self {
            Verdict::AtOrAboveOverall => Term::AtOrAboveOverall,
            Verdict::BelowOverall => Term::BelowOverall,
            Verdict::OwnsNothing => Term::OwnsNothing,
        }
        .text(language)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text(Language::English))
    }
}

/// A leaf where a unit lost points: in a head's report ([`HeadReport::worst_leaves`]) and in
/// a gap ([`Gap::lost_leaves`](crate::analysis::gap::Gap::lost_leaves)).
///
/// # Examples
///
/// ```
/// use par_index::accountability::{Accountability, Agency, AgencyKind, Assignments, Head};
/// use par_index::{Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 4.into())
///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
///     .build()?;
/// let mut plan = Assignments::new("Phân công CCHC");
/// plan.agency(Agency::new("TP", "Phòng Tư pháp", AgencyKind::Office, Head::new("Trưởng phòng Tư pháp")))
///     .agency(Agency::new("VP", "Văn phòng UBND", AgencyKind::Office, Head::new("Chánh Văn phòng")));
/// plan.assign("1", "TP", &[])?.assign("2", "VP", &["TP"])?;
/// let accountability = Accountability::new(&framework, plan)?;
/// let score = |year: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment("xa-a", year.parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()).with_note("hồ sơ trễ hạn"));
///     Ok(framework.score(&assessment)?)
/// };
/// let report = accountability.report(&score("2021", 4, 3)?)?;
/// let worst = &report.head("VP").unwrap().worst_leaves[0];
/// assert_eq!((worst.unit.as_str(), worst.code.as_str()), ("xa-a", "2"));
/// assert_eq!((worst.lost.to_string(), worst.points.to_string()), ("3".into(), "3".into()));
/// assert_eq!(worst.note, "hồ sơ trễ hạn");
/// assert!(worst.lead.is_none()); // the head is the one answering
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct LostLeaf {
    /// The unit the leaf was scored for.
    pub unit: String,
    /// The leaf.
    pub code: Code,
    /// Its Vietnamese name.
    pub name_vi: String,
    /// Points lost, as attributed (in points of the framework's total).
    pub lost: Exact,
    /// The leaf's own points.
    pub points: Exact,
    /// The leaf's own maximum.
    pub max_points: Exact,
    /// The scorecard's note for the leaf (the appraisal team's reason, an explanation).
    #[cfg_attr(feature = "serde", serde(default))]
    pub note: String,
    /// The agency that answers for the leaf, where it is not said by the context: given in
    /// a gap with [`Gap::with_accountability`](crate::analysis::gap::Gap::with_accountability), `None` in a
    /// head's report (the head is the one answering).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub lead: Option<Agency>,
}

/// A head's figures in the previous report and the change since.
///
/// # Examples
///
/// ```
/// use par_index::accountability::{Accountability, Agency, AgencyKind, Assignments, Head};
/// use par_index::{Entry, Framework, RoundingPolicy};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 4.into())
///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
///     .build()?;
/// let mut plan = Assignments::new("Phân công CCHC");
/// plan.agency(Agency::new("TP", "Phòng Tư pháp", AgencyKind::Office, Head::new("Trưởng phòng Tư pháp")))
///     .agency(Agency::new("VP", "Văn phòng UBND", AgencyKind::Office, Head::new("Chánh Văn phòng")));
/// plan.assign("1", "TP", &[])?.assign("2", "VP", &["TP"])?;
/// let accountability = Accountability::new(&framework, plan)?;
/// let score = |year: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment("xa-a", year.parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()).with_note("hồ sơ trễ hạn"));
///     Ok(framework.score(&assessment)?)
/// };
/// let before = accountability.report(&score("2021", 4, 3)?)?;
/// let report = accountability.report(&score("2022", 4, 5)?)?.with_previous(&before)?;
/// let change = report.head("VP").unwrap().change.as_ref().unwrap();
/// assert_eq!(change.previous_lost.to_string(), "3");
/// assert_eq!(change.lost_change.to_string(), "-2");
/// assert_eq!(change.previous_rank.unwrap(), 2);
/// let points = change.percent_change.as_ref().unwrap(); // 50% → 83.33…%
/// assert_eq!(RoundingPolicy::default().publish(points).to_string(), "33.33");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct HeadChange {
    /// Points lost in the previous period.
    pub previous_lost: Exact,
    /// The percentage in the previous period, exact.
    #[cfg_attr(feature = "serde", serde(default))]
    pub previous_percent: Option<Exact>,
    /// The rank in the previous period.
    #[cfg_attr(feature = "serde", serde(default))]
    pub previous_rank: Option<Rank>,
    /// Lost points now less lost points then (negative is better).
    pub lost_change: Exact,
    /// Percentage now less percentage then, in percentage points, exact; `None` unless both
    /// periods have a percentage.
    #[cfg_attr(feature = "serde", serde(default))]
    pub percent_change: Option<Exact>,
}

/// One head's part of an [`AccountabilityReport`].
///
/// # Examples
///
/// ```
/// use par_index::accountability::{Accountability, Agency, AgencyKind, Assignments, Head};
/// use par_index::{Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 4.into())
///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
///     .build()?;
/// let mut plan = Assignments::new("Phân công CCHC");
/// plan.agency(Agency::new("TP", "Phòng Tư pháp", AgencyKind::Office, Head::new("Trưởng phòng Tư pháp")))
///     .agency(Agency::new("VP", "Văn phòng UBND", AgencyKind::Office, Head::new("Chánh Văn phòng")));
/// plan.assign("1", "TP", &[])?.assign("2", "VP", &["TP"])?;
/// let accountability = Accountability::new(&framework, plan)?;
/// let score = |year: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment("xa-a", year.parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()).with_note("hồ sơ trễ hạn"));
///     Ok(framework.score(&assessment)?)
/// };
/// let report = accountability.report(&score("2021", 4, 3)?)?;
/// let office = report.head("VP").unwrap();
/// assert_eq!(office.answers_for[0].as_str(), "2");
/// assert_eq!((office.owned.to_string(), office.achieved.to_string()), ("6".into(), "3".into()));
/// assert_eq!(office.percent.as_ref().unwrap().to_string(), "50");
/// assert_eq!(office.rank.unwrap(), 2);
/// assert_eq!(report.head("TP").unwrap().coordinates[0].as_str(), "2");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct HeadReport {
    /// The agency, with its head.
    pub agency: Agency,
    /// The nodes it is assigned to lead (its domains and re-assigned criteria).
    pub answers_for: Vec<Code>,
    /// The nodes it coordinates.
    #[cfg_attr(feature = "serde", serde(default))]
    pub coordinates: Vec<Code>,
    /// The maximum it owns: `achieved + lost`, exact.
    pub owned: Exact,
    /// The points achieved on what it owns, exact.
    pub achieved: Exact,
    /// The points lost on what it owns, exact.
    pub lost: Exact,
    /// `achieved ÷ owned × 100`, exact; `None` when it owns nothing.
    #[cfg_attr(feature = "serde", serde(default))]
    pub percent: Option<Exact>,
    /// Its rank among the heads with a percentage; `None` when it owns nothing.
    #[cfg_attr(feature = "serde", serde(default))]
    pub rank: Option<Rank>,
    /// How its percentage compares with the overall one.
    pub verdict: Verdict,
    /// The leaves where it lost the most points, most first.
    #[cfg_attr(feature = "serde", serde(default))]
    pub worst_leaves: Vec<LostLeaf>,
    /// The change since the previous report, when one was given and it appeared there.
    #[cfg_attr(feature = "serde", serde(default))]
    pub change: Option<HeadChange>,
}

/// Who answers for what was lost: each head's owned, achieved and lost points for one unit
/// or a cohort of units scored by one framework.
///
/// - Figures are [`Exact`]; the heads' lost points add up exactly to the units' lost points
///   ([`Scorecard::lost_points`], before adjustments), and their achieved points to the
///   units' points (see [`Accountability::attribute`] for the rule). A head owns its
///   achieved plus its lost points, so what the heads own adds up exactly to the units'
///   effective maximum.
/// - A cohort's figures are sums over its units; a head's percentage is its pooled achieved
///   points over its pooled owned points.
/// - Ranks: standard competition ranking ("1224") on the percentage rounded by the report's
///   [`RoundingPolicy`], highest first; heads that show the same percentage share a rank and
///   the next rank is skipped. Heads that own nothing are not ranked.
/// - Heads are listed by rank; equal ranks, and heads that own nothing (last), keep the
///   agencies' declared order. Every agency is listed, including one assigned nothing.
///
/// It prints as a plain-text table (see [`fmt::Display`]).
///
/// # Examples
///
/// ```
/// use par_index::accountability::{Accountability, Agency, AgencyKind, Assignments, Head};
/// use par_index::{Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 4.into())
///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
///     .build()?;
/// let mut plan = Assignments::new("Phân công CCHC");
/// plan.agency(Agency::new("TP", "Phòng Tư pháp", AgencyKind::Office, Head::new("Trưởng phòng Tư pháp")))
///     .agency(Agency::new("VP", "Văn phòng UBND", AgencyKind::Office, Head::new("Chánh Văn phòng")));
/// plan.assign("1", "TP", &[])?.assign("2", "VP", &["TP"])?;
/// let accountability = Accountability::new(&framework, plan)?;
/// let score = |year: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment("xa-a", year.parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()).with_note("hồ sơ trễ hạn"));
///     Ok(framework.score(&assessment)?)
/// };
/// let report = accountability.report(&score("2021", 4, 3)?)?;
/// assert_eq!(report.units, ["xa-a"]);
/// assert_eq!((report.owned.to_string(), report.achieved.to_string()), ("10".into(), "7".into()));
/// // The heads' lost points add up exactly to the unit's.
/// assert_eq!(report.lost.to_string(), "3");
/// assert_eq!(report.heads[0].agency.code, "TP"); // listed by rank
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct AccountabilityReport {
    /// The title of the assignments.
    pub title: String,
    /// Their title in Vietnamese, where they give one ([`Assignments::title_vi`](crate::accountability::Assignments::title_vi)).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub title_vi: String,
    /// True when the assignments are inferred (a template), not taken from a decision.
    pub inferred: bool,
    /// The framework's id.
    pub framework: String,
    /// The period.
    pub period: Period,
    /// The units covered, in the order given.
    pub units: Vec<String>,
    /// The units' effective maxima, summed.
    pub owned: Exact,
    /// The units' points before adjustments, summed.
    pub achieved: Exact,
    /// The units' lost points, summed: exactly the sum of the heads' lost points.
    pub lost: Exact,
    /// `achieved ÷ owned × 100` over all units, before adjustments, exact.
    #[cfg_attr(feature = "serde", serde(default))]
    pub percent: Option<Exact>,
    /// Bonus and deduction points of the units, summed; they belong to the units and are not
    /// attributed to heads.
    pub adjustments: Exact,
    /// The rounding used for ranks, verdicts and the printed table.
    pub rounding: RoundingPolicy,
    /// One entry per agency.
    pub heads: Vec<HeadReport>,
    /// The period of the previous report compared with, if any.
    #[cfg_attr(feature = "serde", serde(default))]
    pub previous_period: Option<Period>,
    /// Agencies in the previous report that are not in this one.
    #[cfg_attr(feature = "serde", serde(default))]
    pub previous_only: Vec<String>,
}

/// A head's running totals while a report is built.
#[derive(Default)]
struct Tally {
    achieved: Exact,
    lost: Exact,
    leaves: Vec<LostLeaf>,
}

impl Accountability {
    /// The accountability report for one unit's scorecard, with default options.
    ///
    /// # Errors
    ///
    /// See [`Accountability::cohort_report_with`].
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::{Assessment, Entry, Framework, accountability::{Accountability, Agency, AgencyKind, Assignments, Head, Verdict}};
    /// use rust_decimal::Decimal;
    ///
    /// let framework = Framework::builder("demo", "Demo")
    ///     .total_points(Decimal::from(10))
    ///     .domain("1", "Cải cách thể chế", Decimal::from(4))
    ///     .domain("2", "Cải cách thủ tục hành chính", Decimal::from(6))
    ///     .build()?;
    /// let mut plan = Assignments::new("Demo");
    /// plan.agency(Agency::new("TP", "Phòng Tư pháp", AgencyKind::Office, Head::new("Trưởng phòng Tư pháp")))
    ///     .agency(Agency::new("VP", "Văn phòng UBND", AgencyKind::Office, Head::new("Chánh Văn phòng")));
    /// plan.assign("1", "TP", &[])?.assign("2", "VP", &[])?;
    /// let accountability = Accountability::new(&framework, plan)?;
    ///
    /// let mut ward = Assessment::new("demo", "ward-1", "2021".parse()?);
    /// ward.push(Entry::new("1".parse()?).with_appraised(Decimal::from(4)))
    ///     .push(Entry::new("2".parse()?).with_appraised(Decimal::from(3)).with_note("late dossiers"));
    /// let report = accountability.report(&framework.score(&ward)?)?;
    ///
    /// assert_eq!(report.lost, Decimal::from(3));
    /// let office = &report.heads[1];
    /// assert_eq!(office.agency.code.as_str(), "VP");
    /// assert_eq!(office.rank.unwrap(), 2);
    /// assert_eq!(office.lost, Decimal::from(3));
    /// assert_eq!(office.verdict, Verdict::BelowOverall);
    /// assert_eq!(office.worst_leaves[0].note, "late dossiers");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report(&self, scorecard: &Scorecard) -> Result<AccountabilityReport, Error> {
        self.report_with(scorecard, &ReportOptions::default())
    }

    /// The accountability report for one unit's scorecard.
    ///
    /// # Errors
    ///
    /// See [`Accountability::cohort_report_with`].
    pub fn report_with(
        &self,
        scorecard: &Scorecard,
        options: &ReportOptions,
    ) -> Result<AccountabilityReport, Error> {
        let cohort = Cohort::new(self.framework(), [scorecard.clone()])?;
        self.cohort_report_with(&cohort, options)
    }

    /// The accountability report for a cohort (the same framework applied to many units,
    /// such as every ward of a city), with default options.
    ///
    /// # Errors
    ///
    /// See [`Accountability::cohort_report_with`].
    pub fn cohort_report(&self, cohort: &Cohort) -> Result<AccountabilityReport, Error> {
        self.cohort_report_with(cohort, &ReportOptions::default())
    }

    /// The accountability report for a cohort, aggregated per head over all its units,
    /// ranked or not.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::CohortEmpty`]; [`ErrorKind::AssignmentFrameworkMismatch`] when the cohort was
    /// scored on another framework than the assignments'; the errors of
    /// [`Accountability::attribute`]. For one scorecard ([`Accountability::report`]), the
    /// errors of [`Cohort::new`] when it is not of the assignments' framework.
    pub fn cohort_report_with(
        &self,
        cohort: &Cohort,
        options: &ReportOptions,
    ) -> Result<AccountabilityReport, Error> {
        let framework = self.framework();
        self.check_framework(cohort.framework())?;
        let period = cohort.period().ok_or(ErrorKind::CohortEmpty)?;
        let scorecards: Vec<&Scorecard> = cohort.iter().collect();
        let agencies = self.agencies();
        let position: HashMap<&str, usize> = agencies
            .iter()
            .enumerate()
            .map(|(i, a)| (a.code.as_str(), i))
            .collect();
        let mut tallies: Vec<Tally> = agencies.iter().map(|_| Tally::default()).collect();
        let context = "the accountability report";
        let mut owned = Exact::ZERO;
        let mut achieved = Exact::ZERO;
        let mut lost = Exact::ZERO;
        for scorecard in scorecards.iter().copied() {
            owned = checked_add(&owned, scorecard.effective_max(), &context)?;
            achieved = checked_add(&achieved, scorecard.points(), &context)?;
            lost = checked_add(&lost, &scorecard.lost_points(), &context)?;
            let node_scores: HashMap<&Code, _> = scorecard.nodes().map(|n| (&n.code, n)).collect();
            for share in self.attribute(scorecard)? {
                let Some(tally) = position
                    .get(share.agency.as_str())
                    .and_then(|i| tallies.get_mut(*i))
                else {
                    continue;
                };
                tally.achieved = checked_add(&tally.achieved, &share.achieved, &context)?;
                tally.lost = checked_add(&tally.lost, &share.lost, &context)?;
                if share.lost > Exact::ZERO {
                    let score = node_scores.get(&share.code);
                    tally.leaves.push(LostLeaf {
                        unit: scorecard.unit().to_owned(),
                        name_vi: framework
                            .node_by_code(&share.code)
                            .map(|n| n.name_vi().to_owned())
                            .unwrap_or_default(),
                        lost: share.lost,
                        points: score.map(|s| s.points.clone()).unwrap_or_default(),
                        max_points: score.map(|s| s.effective_max.clone()).unwrap_or_default(),
                        note: score
                            .and_then(|s| s.leaf.as_ref())
                            .map(|l| l.note.clone())
                            .unwrap_or_default(),
                        code: share.code,
                        lead: None,
                    });
                }
            }
        }

        let adjustments = checked_signed_sum(
            scorecards
                .iter()
                .flat_map(|s| s.adjustments().iter().map(|a| a.points)),
            &context,
        )?;
        let overall = percent(&achieved, &owned, &context)?;
        let rounding = options.rounding;
        let mut heads = Vec::with_capacity(agencies.len());
        for (agency, tally) in agencies.iter().zip(tallies) {
            let head_owned = checked_add(&tally.achieved, &tally.lost, &agency.code)?;
            let head_percent = percent(&tally.achieved, &head_owned, &agency.code)?;
            let verdict = match (&head_percent, &overall) {
                (None, _) => Verdict::OwnsNothing,
                (Some(p), Some(o)) if rounding.publish(p) < rounding.publish(o) => {
                    Verdict::BelowOverall
                }
                (Some(_), _) => Verdict::AtOrAboveOverall,
            };
            let mut leaves = tally.leaves;
            // Stable: equal losses keep unit order, then framework order.
            leaves.sort_by(|a, b| b.lost.cmp(&a.lost));
            leaves.truncate(options.worst_leaves);
            heads.push(HeadReport {
                agency: agency.clone(),
                answers_for: self
                    .answers_for(&agency.code)
                    .into_iter()
                    .cloned()
                    .collect(),
                coordinates: self
                    .coordinates(&agency.code)
                    .into_iter()
                    .cloned()
                    .collect(),
                owned: head_owned,
                achieved: tally.achieved,
                lost: tally.lost,
                percent: head_percent,
                rank: None,
                verdict,
                worst_leaves: leaves,
                change: None,
            });
        }
        rank_heads(&mut heads, &rounding);

        Ok(AccountabilityReport {
            title: self.assignments().title.clone(),
            title_vi: self.assignments().title_vi.clone(),
            inferred: self.assignments().inferred,
            framework: framework.id().to_owned(),
            period: period.clone(),
            units: scorecards.iter().map(|s| s.unit().to_owned()).collect(),
            owned,
            achieved,
            lost,
            percent: overall,
            adjustments,
            rounding,
            heads,
            previous_period: None,
            previous_only: Vec::new(),
        })
    }
}

/// `part × 100 ÷ whole`, exact; `None` when the whole is 0.
fn percent(part: &Exact, whole: &Exact, at: &dyn fmt::Display) -> Result<Option<Exact>, Error> {
    if whole.is_zero() {
        return Ok(None);
    }
    Ok(Some(checked_mul_div(part, &Exact::ONE_HUNDRED, whole, at)?))
}

/// Competition ranking on rounded percentages, then orders heads by rank; ties and heads
/// without a percentage keep their order.
fn rank_heads(heads: &mut [HeadReport], rounding: &RoundingPolicy) {
    let shown: Vec<Option<Decimal>> = heads
        .iter()
        .map(|h| h.percent.as_ref().map(|p| rounding.publish(p)))
        .collect();
    let ranked: Vec<Decimal> = shown.iter().flatten().copied().collect();
    let mut ranks = crate::competition::ranks_of(&ranked)
        .into_iter()
        .map(Rank::whole);
    for (head, shown) in heads.iter_mut().zip(&shown) {
        if shown.is_some() {
            head.rank = ranks.next();
        }
    }
    // Unranked heads (None) last.
    heads.sort_by_key(|h| (h.rank.is_none(), h.rank));
}

impl AccountabilityReport {
    /// This report with each head's change since `previous` (an earlier report on the same
    /// units, possibly under other assignments or another framework version).
    ///
    /// Heads are matched by agency code; a head absent from `previous` has no change, and
    /// agencies only in `previous` are listed in [`AccountabilityReport::previous_only`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::PreviousNotEarlier`] when `previous` is not for an earlier period (periods
    /// compare as text), [`ErrorKind::PreviousUnitsMismatch`] when it covers other units.
    pub fn with_previous(
        mut self,
        previous: &AccountabilityReport,
    ) -> Result<AccountabilityReport, Error> {
        if previous.period >= self.period {
            return Err(ErrorKind::PreviousNotEarlier {
                period: self.period.to_string(),
                previous: previous.period.to_string(),
            }
            .into());
        }
        let mut units = self.units.clone();
        let mut previous_units = previous.units.clone();
        units.sort();
        previous_units.sort();
        if units != previous_units {
            return Err(ErrorKind::PreviousUnitsMismatch {
                units: units.join(", "),
                previous: previous_units.join(", "),
            }
            .into());
        }
        for head in &mut self.heads {
            let Some(before) = previous
                .heads
                .iter()
                .find(|h| h.agency.code == head.agency.code)
            else {
                head.change = None;
                continue;
            };
            let at = &head.agency.code;
            let percent_change = match (&head.percent, &before.percent) {
                (Some(now), Some(then)) => Some(checked_sub(now, then, at)?),
                _ => None,
            };
            head.change = Some(HeadChange {
                previous_lost: before.lost.clone(),
                previous_percent: before.percent.clone(),
                previous_rank: before.rank,
                lost_change: checked_sub(&head.lost, &before.lost, at)?,
                percent_change,
            });
        }
        self.previous_only = previous
            .heads
            .iter()
            .filter(|b| !self.heads.iter().any(|h| h.agency.code == b.agency.code))
            .map(|b| b.agency.code.clone())
            .collect();
        self.previous_period = Some(previous.period.clone());
        Ok(self)
    }

    /// The head of an agency.
    pub fn head(&self, agency: &str) -> Option<&HeadReport> {
        self.heads.iter().find(|h| h.agency.code == agency)
    }

    /// Each head's worst leaves as plain text in English, one line per leaf:
    /// `Chánh Văn phòng: ward-1 3.2.1 lost 1.50 (0.50 of 2.00) — note`.
    pub fn worst_leaves_text(&self) -> String {
        self.worst_leaves_text_in(Language::English)
    }

    /// Each head's worst leaves as plain text in `language`; in Vietnamese
    /// `Chánh Văn phòng: ward-1 3.2.1 mất 1,50 điểm (đạt 0,50/2,00) — note`.
    pub fn worst_leaves_text_in(&self, language: Language) -> String {
        let r = |d: &Exact| language.number(self.rounding.publish(d));
        let mut text = String::new();
        for head in &self.heads {
            for leaf in &head.worst_leaves {
                let (lost, points, max) = (r(&leaf.lost), r(&leaf.points), r(&leaf.max_points));
                text.push_str(&format!(
                    "{}: {} {} {}",
                    visible(&head.agency.head_label()),
                    visible(&leaf.unit),
                    leaf.code,
                    language.leaf_loss(&lost, &points, &max)
                ));
                if !leaf.note.is_empty() {
                    text.push_str(" — ");
                    text.push_str(&visible(&leaf.note));
                }
                text.push('\n');
            }
        }
        text
    }
}

/// The report as a plain-text table in English: head, nodes answered for, owned, achieved,
/// lost, %, rank and verdict (and the change in percentage points when compared with a
/// previous report), then a total row and, if any, the units' bonus and deduction points.
/// Columns are padded by character count, so Vietnamese names (in precomposed form, NFC) line
/// up. [`AccountabilityReport::render_in`] writes it in Vietnamese.
impl fmt::Display for AccountabilityReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_in(Language::English))
    }
}

impl AccountabilityReport {
    /// The title a report in `language` shows: [`title_vi`](AccountabilityReport::title_vi)
    /// in Vietnamese when the assignments give one, else [`title`](AccountabilityReport::title).
    pub fn title_in(&self, language: Language) -> &str {
        match language {
            Language::Vietnamese if !self.title_vi.is_empty() => &self.title_vi,
            _ => &self.title,
        }
    }

    /// The report as a plain-text table in `language` (see its [`Display`](fmt::Display)).
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::accountability::{Accountability, Agency, AgencyKind, Assignments, Head};
    /// use par_index::{Entry, Framework, language::Language};
    ///
    /// let framework = Framework::builder("demo", "Demo")
    ///     .domain("1", "Cải cách thể chế", 4.into())
    ///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
    ///     .build()?;
    /// let mut plan = Assignments::new("Phân công CCHC");
    /// plan.agency(Agency::new("TP", "Phòng Tư pháp", AgencyKind::Office, Head::new("Trưởng phòng Tư pháp")))
    ///     .agency(Agency::new("VP", "Văn phòng UBND", AgencyKind::Office, Head::new("Chánh Văn phòng")));
    /// plan.assign("1", "TP", &[])?.assign("2", "VP", &["TP"])?;
    /// let accountability = Accountability::new(&framework, plan)?;
    /// let mut ward = framework.assessment("xa-a", "2021".parse()?);
    /// ward.push(Entry::new("1".parse()?).with_appraised(4.into()));
    /// ward.push(Entry::new("2".parse()?).with_appraised("3.5".parse()?));
    /// let report = accountability.report(&framework.score(&ward)?)?;
    /// let text = report.render_in(Language::Vietnamese);
    /// assert_eq!(text.lines().nth(1).unwrap(),
    ///     "Người đứng đầu       | Chủ trì | Điểm tối đa | Điểm đạt | Điểm bị mất |      % | Xếp hạng | Đánh giá");
    /// assert!(text.contains("Chánh Văn phòng      | 2       |        6,00 |     3,50 |        2,50 |  58,33 |        2 | thấp hơn mức chung"));
    /// assert!(text.contains("Tổng cộng            |         |       10,00 |     7,50 |        2,50 |  75,00"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render_in(&self, language: Language) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_table(&mut out, language);
        out
    }

    fn write_table(&self, f: &mut String, language: Language) -> fmt::Result {
        use std::fmt::Write as _;
        let r = |d: &Exact| language.number(self.rounding.publish(d));
        let dash = "–".to_owned();
        let units = match self.units.as_slice() {
            [one] => Phrase::OneUnit.fill(language, std::slice::from_ref(one)),
            all => Phrase::Units.fill(language, &[all.len().to_string()]),
        };
        let inferred = Phrase::Inferred.fill(language, &[]);
        let framework = Term::Framework.inline(language);
        let period = Term::Period.inline(language);
        writeln!(
            f,
            "{}{} — {framework} {}, {}, {period} {}",
            visible(self.title_in(language)),
            if self.inferred { inferred.as_str() } else { "" },
            self.framework,
            units,
            self.period
        )?;
        let compare = self.previous_period.is_some();
        let mut header: Vec<&str> = [
            Term::Head,
            Term::AnswersFor,
            Term::Owned,
            Term::Achieved,
            Term::Lost,
            Term::Percent,
            Term::Rank,
            Term::Verdict,
        ]
        .into_iter()
        .map(|term| term.text(language))
        .collect();
        if compare {
            header.push(Term::Change.text(language));
        }
        let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| (*h).to_owned()).collect()];
        for head in &self.heads {
            let answers: Vec<&str> = head.answers_for.iter().map(Code::as_str).collect();
            let mut row = vec![
                head.agency.head_label(),
                if answers.is_empty() {
                    dash.clone()
                } else {
                    answers.join(", ")
                },
                r(&head.owned),
                r(&head.achieved),
                r(&head.lost),
                head.percent.as_ref().map_or(dash.clone(), r),
                head.rank.map_or(dash.clone(), |k| language.rank(k)),
                head.verdict.text(language).to_owned(),
            ];
            if compare {
                row.push(
                    head.change
                        .as_ref()
                        .and_then(|c| c.percent_change.as_ref())
                        .map_or(dash.clone(), |c| language.signed(self.rounding.publish(c))),
                );
            }
            rows.push(row.iter().map(|cell| visible(cell).into_owned()).collect());
        }
        let mut total = vec![
            Term::Total.text(language).to_owned(),
            String::new(),
            r(&self.owned),
            r(&self.achieved),
            r(&self.lost),
            self.percent.as_ref().map_or(dash.clone(), r),
            String::new(),
            String::new(),
        ];
        if compare {
            total.push(String::new());
        }
        rows.push(total);

        let columns = rows.first().map_or(0, Vec::len);
        let widths: Vec<usize> = (0..columns)
            .map(|c| {
                rows.iter()
                    .filter_map(|row| row.get(c))
                    .map(|cell| cell.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        // Text columns (head, answers for, verdict) align left, figures right.
        let left = |c: usize| matches!(c, 0 | 1 | 7);
        let rule: usize = widths
            .iter()
            .fold(0usize, |n, w| n.saturating_add(*w))
            .saturating_add(columns.saturating_sub(1).saturating_mul(3));
        for (i, row) in rows.iter().enumerate() {
            if i.saturating_add(1) == rows.len() {
                writeln!(f, "{}", "-".repeat(rule))?;
            }
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                let width = widths.get(c).copied().unwrap_or(0);
                let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
                if c > 0 {
                    line.push_str(" | ");
                }
                if left(c) {
                    line.push_str(cell);
                    line.push_str(&pad);
                } else {
                    line.push_str(&pad);
                    line.push_str(cell);
                }
            }
            writeln!(f, "{}", line.trim_end())?;
            if i == 0 {
                writeln!(f, "{}", "-".repeat(rule))?;
            }
        }
        if !self.adjustments.is_zero() {
            let sign = if self.adjustments > Exact::ZERO {
                "+"
            } else {
                ""
            };
            let label = Phrase::AdjustmentsNotAttributed.fill(language, &[]);
            writeln!(f, "{label}: {sign}{}", r(&self.adjustments))?;
        }
        Ok(())
    }
}
