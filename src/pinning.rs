//! Pinning published results: proving that scorecards reproduce a published table.
//!
//! A province or city keeps its annex (as JSON, see [`crate::format`]) and last year's
//! published table in its repository; a test scores every unit and calls [`pin`], and CI fails
//! when the library stops reproducing a published number. The report lists every difference
//! beyond the tolerance, naming the unit and both numbers, and every unit missing on either
//! side.

use std::collections::HashSet;
use std::fmt;

use rust_decimal::Decimal;

use crate::assessment::Period;
use crate::code::Code;
use crate::cohort::Cohort;
use crate::competition;
use crate::error::{Error, ErrorKind};
use crate::exact::Exact;
use crate::grade::GradeScale;
use crate::math::checked_sub;
use crate::rounding::{Rounding, RoundingPolicy};
use crate::scorecard::Scorecard;
use crate::tie::Rank;

/// How much of the ranked cohort a [`PublishedTable`] lists; it decides whether ranks can be
/// checked.
///
/// # Examples
///
/// ```
/// use par_index::pinning::{PublishedRow, PublishedTable, TableCoverage, pin};
/// use par_index::ranking::Rank;
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: &str, second: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.parse()?));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [score("hue", "38", "57.505")?, score("vinh", "30", "50")?])?;
/// // A press report that lists only Vinh, with its national rank: ranks cannot be checked.
/// let excerpt = PublishedTable {
///     coverage: TableCoverage::Excerpt,
///     rows: vec![PublishedRow::new("vinh", "80.00".parse()?).with_rank(Rank::new(2)?)],
///     ..PublishedTable::default()
/// };
/// let report = pin(&cohort, &excerpt, 0.into())?;
/// assert!(!report.ranks_checked);
/// assert_eq!(report.ranks_unchecked, ["vinh"]);
/// assert_eq!(TableCoverage::default(), TableCoverage::Complete);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TableCoverage {
    /// Every ranked unit: ranks are recomputed among the rows and checked.
    #[default]
    Complete,
    /// The head of the ranking (the top N): every unit not listed ranks below every listed
    /// one, so ranks among the rows are the published ranks, and are checked.
    Top,
    /// A selection (a press report's top, bottom and one province): ranks among the rows say
    /// nothing about the published ranks, which are not checked.
    Excerpt,
}

/// Published points of one node of a unit, such as a domain's points.
///
/// # Examples
///
/// ```
/// use par_index::pinning::{PublishedRow, PublishedTable, pin};
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: &str, second: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.parse()?));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [score("hue", "38", "57.505")?, score("vinh", "30", "50")?])?;
/// let row = PublishedRow::new("vinh", "80.00".parse()?).with_part("1".parse()?, "30.00".parse()?);
/// assert_eq!(row.parts[0].code.as_str(), "1");
/// let table = PublishedTable {
///     rows: vec![row, PublishedRow::new("hue", "95.51".parse()?)],
///     ..PublishedTable::default()
/// };
/// assert!(pin(&cohort, &table, 0.into())?.is_clean());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PublishedPart {
    /// The node's code in the framework.
    pub code: Code,
    /// The points as published.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub points: Decimal,
}

/// One unit's published result.
///
/// # Examples
///
/// ```
/// use par_index::pinning::{PublishedRow, PublishedTable, pin};
/// use par_index::ranking::Rank;
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: &str, second: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.parse()?));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [score("hue", "38", "57.505")?, score("vinh", "30", "50")?])?;
/// let table = PublishedTable {
///     rows: vec![
///         PublishedRow::new("hue", "95.51".parse()?).with_rank(Rank::new(1)?).with_grade("A"),
///         PublishedRow::new("vinh", "80.00".parse()?).with_rank(Rank::new(2)?),
///     ],
///     ..PublishedTable::default()
/// };
/// let report = pin(&cohort, &table, 0.into())?;
/// assert_eq!(report.matched, 2);
/// assert!(report.is_clean());
/// assert_eq!(report.grades_unchecked, ["hue"]); // no grade scale given
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PublishedRow {
    /// The unit's identifier, as its scorecard names it.
    pub unit: String,
    /// The unit's name for people.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub name: String,
    /// The index as published, in percent.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub index: Decimal,
    /// The rank as published, if any.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub rank: Option<Rank>,
    /// The grade as published (`A`, `Tốt`…), if any; checked only when [`PinOptions`] has a
    /// grader.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub grade: Option<String>,
    /// Published points of individual nodes (domains, components).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub parts: Vec<PublishedPart>,
}

impl PublishedRow {
    /// A row with a unit and its published index, nothing else.
    pub fn new(unit: impl Into<String>, index: Decimal) -> PublishedRow {
        PublishedRow {
            unit: unit.into(),
            name: String::new(),
            index,
            rank: None,
            grade: None,
            parts: Vec::new(),
        }
    }

    /// Sets the published rank.
    pub fn with_rank(mut self, rank: Rank) -> PublishedRow {
        self.rank = Some(rank);
        self
    }

    /// Sets the published grade.
    pub fn with_grade(mut self, grade: impl Into<String>) -> PublishedRow {
        self.grade = Some(grade.into());
        self
    }

    /// Adds the published points of one node.
    pub fn with_part(mut self, code: Code, points: Decimal) -> PublishedRow {
        self.parts.push(PublishedPart { code, points });
        self
    }
}

/// A published results table: where it comes from, what it covers, one row per unit.
///
/// In JSON:
///
/// ```json
/// {
///   "sources": ["https://sonv.ninhthuan.gov.vn/portal/pages/print.aspx?p=31918"],
///   "framework": "vn-par-province-2022",
///   "period": "2022",
///   "coverage": "excerpt",
///   "rows": [
///     {"unit": "ninh-thuan", "name": "Ninh Thuận", "index": "85.78", "rank": 29,
///      "parts": [{"code": "appraisal", "points": "54.20"}]}
///   ]
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PublishedTable {
    /// Where the numbers were published (URLs, document numbers).
    #[cfg_attr(feature = "serde", serde(default))]
    pub sources: Vec<String>,
    /// The framework id every scorecard must have been scored against, if stated.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub framework: Option<String>,
    /// The period every scorecard must be for, if stated.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub period: Option<Period>,
    /// How much of the ranked cohort the rows cover.
    #[cfg_attr(feature = "serde", serde(default))]
    pub coverage: TableCoverage,
    /// Conflicts between sources, what is derived rather than published.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub notes: String,
    /// One row per unit.
    pub rows: Vec<PublishedRow>,
}

/// How [`pin_with`] compares.
///
/// # Examples
///
/// ```
/// use par_index::pinning::{PinOptions, PublishedRow, PublishedTable, TableCoverage, pin_with};
/// use par_index::{Cohort, Entry, Framework, GradeScale, Rounding, RoundingPolicy};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: &str, second: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.parse()?));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [score("hue", "38", "57.505")?, score("vinh", "30", "50")?])?;
/// let table = PublishedTable {
///     rows: vec![PublishedRow::new("hue", "95.5".parse()?).with_grade("A")],
///     coverage: TableCoverage::Excerpt,
///     ..PublishedTable::default()
/// };
/// // Published with one decimal: Huế's 95.505 rounds to 95.5.
/// let options = PinOptions::new(0.into())
///     .with_rounding(RoundingPolicy::new(1, Rounding::HalfAwayFromZero)?)
///     .with_grades(GradeScale::national());
/// let report = pin_with(&cohort, &table, &options)?;
/// assert!(report.grades_unchecked.is_empty()); // Huế's A was checked, and holds
/// assert_eq!(report.mismatches[0].to_string(), "unit vinh: scored but not published");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub struct PinOptions<'a> {
    /// The largest difference accepted between a computed figure, rounded, and the published
    /// one; 0 or more.
    pub tolerance: Decimal,
    /// How computed figures are rounded before they are compared (2 places, half away from
    /// zero by default, as the PAR Index is published).
    pub rounding: RoundingPolicy,
    /// The grade scale that grades a unit from its rounded index, to compare with published
    /// grades, as a ranking grades it. Without a scale or a grader, published grades are
    /// listed as unchecked.
    pub grades: Option<GradeScale>,
    /// A grader for a rule a grade scale cannot state; used only without `grades`.
    pub grader: Option<&'a dyn Fn(Decimal) -> String>,
}

impl<'a> PinOptions<'a> {
    /// Options with a tolerance, the default rounding and no grades.
    pub fn new(tolerance: Decimal) -> PinOptions<'a> {
        PinOptions {
            tolerance,
            rounding: RoundingPolicy::default(),
            grades: None,
            grader: None,
        }
    }

    /// Sets the grade scale published grades are checked against. A unit below its lowest
    /// band is graded "no grade".
    pub fn with_grades(mut self, grades: GradeScale) -> PinOptions<'a> {
        self.grades = Some(grades);
        self
    }

    /// Sets the rounding policy.
    pub fn with_rounding(mut self, rounding: RoundingPolicy) -> PinOptions<'a> {
        self.rounding = rounding;
        self
    }

    /// Sets a grader that turns a rounded index into a grade: the escape hatch for a rule
    /// that a [`GradeScale`] cannot state.
    pub fn with_grader(mut self, grader: &'a dyn Fn(Decimal) -> String) -> PinOptions<'a> {
        self.grader = Some(grader);
        self
    }
}

impl fmt::Debug for PinOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PinOptions")
            .field("tolerance", &self.tolerance)
            .field("rounding", &self.rounding)
            .field("grades", &self.grades)
            .field("grader", &self.grader.map(|_| "Fn(Decimal) -> String"))
            .finish()
    }
}

/// One way a scorecard and a published table disagree.
///
/// # Examples
///
/// ```
/// use par_index::pinning::{PinMismatch, PublishedRow, PublishedTable, pin};
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: &str, second: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.parse()?));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [score("hue", "38", "57.505")?, score("vinh", "30", "50")?])?;
/// let table = PublishedTable {
///     rows: vec![PublishedRow::new("hue", "95.50".parse()?), PublishedRow::new("vinh", "80.00".parse()?)],
///     ..PublishedTable::default()
/// };
/// let report = pin(&cohort, &table, 0.into())?;
/// let mismatch = &report.mismatches[0];
/// assert!(matches!(mismatch, PinMismatch::Index { difference, .. } if difference.to_string() == "0.01"));
/// assert_eq!(
///     report.mismatches[0].to_string(),
///     "unit hue: index computed 95.51 (exact 95.505), published 95.50, difference 0.01"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum PinMismatch {
    /// The rounded index differs from the published one by more than the tolerance.
    Index {
        /// The unit.
        unit: String,
        /// The computed index, rounded as published.
        computed: Decimal,
        /// The computed index, exact.
        exact: Exact,
        /// The published index.
        published: Decimal,
        /// Computed (rounded) less published.
        difference: Decimal,
    },
    /// A node's rounded points differ from the published ones by more than the tolerance.
    Part {
        /// The unit.
        unit: String,
        /// The node.
        code: Code,
        /// The computed points, rounded; `None` when the node does not apply to the unit.
        computed: Option<Decimal>,
        /// The published points.
        published: Decimal,
        /// Computed less published; `None` when the node does not apply.
        difference: Option<Decimal>,
    },
    /// A published part names a node the scorecard does not have.
    UnknownPart {
        /// The unit.
        unit: String,
        /// The code published.
        code: Code,
    },
    /// A row lists the same node twice.
    DuplicatePart {
        /// The unit.
        unit: String,
        /// The repeated code.
        code: Code,
    },
    /// The rank among the table's units differs from the published rank.
    Rank {
        /// The unit.
        unit: String,
        /// The rank computed from the rounded indices ("1224" competition ranking).
        computed: Rank,
        /// The published rank.
        published: Rank,
    },
    /// The grader's grade differs from the published grade.
    Grade {
        /// The unit.
        unit: String,
        /// The grade computed from the rounded index.
        computed: String,
        /// The published grade.
        published: String,
    },
    /// A scorecard of another framework than the table's.
    Framework {
        /// The unit.
        unit: String,
        /// The table's framework.
        expected: String,
        /// The scorecard's framework.
        found: String,
    },
    /// A scorecard of another period than the table's.
    Period {
        /// The unit.
        unit: String,
        /// The table's period.
        expected: Period,
        /// The scorecard's period.
        found: Period,
    },
    /// A published unit without a scorecard.
    MissingScorecard {
        /// The unit.
        unit: String,
    },
    /// A scorecard whose unit the table does not list.
    MissingRow {
        /// The unit.
        unit: String,
    },
    /// Two rows for one unit.
    DuplicateRow {
        /// The unit.
        unit: String,
    },
}

impl fmt::Display for PinMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PinMismatch::Index {
                unit,
                computed,
                exact,
                published,
                difference,
            } => write!(
                f,
                "unit {unit}: index computed {computed} (exact {}), published {published}, difference {difference}",
                exact
            ),
            PinMismatch::Part {
                unit,
                code,
                computed: Some(computed),
                published,
                difference: Some(difference),
            } => write!(
                f,
                "unit {unit}: node {code} computed {computed} points, published {published}, difference {difference}"
            ),
            PinMismatch::Part {
                unit,
                code,
                published,
                ..
            } => write!(
                f,
                "unit {unit}: node {code} does not apply to the unit, published {published} points"
            ),
            PinMismatch::UnknownPart { unit, code } => write!(
                f,
                "unit {unit}: published node {code} is not in the scorecard"
            ),
            PinMismatch::DuplicatePart { unit, code } => {
                write!(f, "unit {unit}: node {code} is published twice")
            }
            PinMismatch::Rank {
                unit,
                computed,
                published,
            } => write!(
                f,
                "unit {unit}: rank computed {computed}, published {published}"
            ),
            PinMismatch::Grade {
                unit,
                computed,
                published,
            } => write!(
                f,
                "unit {unit}: grade computed {computed:?}, published {published:?}"
            ),
            PinMismatch::Framework {
                unit,
                expected,
                found,
            } => write!(
                f,
                "unit {unit}: scored against framework {found}, the table is for {expected}"
            ),
            PinMismatch::Period {
                unit,
                expected,
                found,
            } => write!(
                f,
                "unit {unit}: scored for period {found}, the table is for {expected}"
            ),
            PinMismatch::MissingScorecard { unit } => {
                write!(f, "unit {unit}: published but not scored")
            }
            PinMismatch::MissingRow { unit } => write!(f, "unit {unit}: scored but not published"),
            PinMismatch::DuplicateRow { unit } => {
                write!(f, "unit {unit}: published in more than one row")
            }
        }
    }
}

/// What [`pin`] found: every mismatch, and what it could not check.
///
/// # Examples
///
/// ```
/// use par_index::pinning::{PublishedRow, PublishedTable, pin};
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: &str, second: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.parse()?));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [score("hue", "38", "57.505")?, score("vinh", "30", "50")?])?;
/// let table = PublishedTable {
///     rows: vec![PublishedRow::new("hue", "95.51".parse()?), PublishedRow::new("hoi-an", "90.00".parse()?)],
///     ..PublishedTable::default()
/// };
/// let report = pin(&cohort, &table, 0.into())?;
/// assert!(!report.is_clean());
/// assert_eq!(report.matched, 1);
/// let found: Vec<String> = report.mismatches.iter().map(|m| m.to_string()).collect();
/// assert_eq!(found, ["unit hoi-an: published but not scored", "unit vinh: scored but not published"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PinReport {
    /// Units found both in the table and among the scorecards.
    pub matched: usize,
    /// Every disagreement, in table order, then scorecards the table does not list.
    pub mismatches: Vec<PinMismatch>,
    /// True when ranks were checked (the table's coverage allows it).
    pub ranks_checked: bool,
    /// Units whose published rank was not checked (an excerpt table, or no scorecard).
    pub ranks_unchecked: Vec<String>,
    /// Units whose published grade was not checked (no grader, or no scorecard).
    pub grades_unchecked: Vec<String>,
}

impl PinReport {
    /// True when nothing disagrees. Unchecked ranks and grades do not count as disagreement;
    /// look at [`PinReport::ranks_unchecked`] and [`PinReport::grades_unchecked`].
    pub fn is_clean(&self) -> bool {
        self.mismatches.is_empty()
    }
}

impl fmt::Display for PinReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} units matched, {} mismatches",
            self.matched,
            self.mismatches.len()
        )?;
        for mismatch in &self.mismatches {
            write!(f, "\n- {mismatch}")?;
        }
        if !self.ranks_unchecked.is_empty() {
            write!(
                f,
                "\nranks not checked: {}",
                self.ranks_unchecked.join(", ")
            )?;
        }
        if !self.grades_unchecked.is_empty() {
            write!(
                f,
                "\ngrades not checked: {}",
                self.grades_unchecked.join(", ")
            )?;
        }
        Ok(())
    }
}

/// Compares a cohort's scorecards with a published table, rounding computed figures by the default
/// policy (2 places, half away from zero) and accepting differences up to `tolerance`.
///
/// See [`pin_with`] for what is compared.
///
/// # Errors
///
/// [`ErrorKind::NegativeTolerance`] when `tolerance` is below 0.
///
/// # Examples
///
/// ```
/// use par_index::{builtin, Cohort, Entry, Evidence, pinning::{pin, PublishedRow, PublishedTable}};
/// use rust_decimal::Decimal;
///
/// let framework = builtin::get("vn-par-province-2022")?;
/// let mut ninh_thuan = framework.assessment("ninh-thuan", "2022".parse()?);
/// for (code, points) in [("appraisal", "54.197"), ("socioeconomic", "5.314"),
///                         ("leaders", "18.046"), ("sipas", "8.226")] {
///     ninh_thuan.push(Entry::new(code.parse()?).with_evidence(Evidence::Points(points.parse()?)));
/// }
/// let cohort = Cohort::new(&framework, [framework.score(&ninh_thuan)?])?;
///
/// let table = PublishedTable {
///     rows: vec![PublishedRow::new("ninh-thuan", "85.78".parse()?)],
///     ..PublishedTable::default()
/// };
/// assert!(pin(&cohort, &table, Decimal::ZERO)?.is_clean());
///
/// // A wrong published number is reported with the unit and both numbers.
/// let wrong = PublishedTable {
///     rows: vec![PublishedRow::new("ninh-thuan", "85.87".parse()?)],
///     ..PublishedTable::default()
/// };
/// let report = pin(&cohort, &wrong, Decimal::ZERO)?;
/// assert_eq!(
///     report.mismatches[0].to_string(),
///     "unit ninh-thuan: index computed 85.78 (exact 85.783), published 85.87, difference -0.09"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pin(
    cohort: &Cohort,
    table: &PublishedTable,
    tolerance: Decimal,
) -> Result<PinReport, Error> {
    pin_with(cohort, table, &PinOptions::new(tolerance))
}

/// Compares a cohort's scorecards, ranked or not, with a published table.
///
/// Units are matched by id ([`Scorecard::unit`] and [`PublishedRow::unit`]). For each
/// matched unit:
///
/// - the index, rounded by `options.rounding`, against the published index;
/// - each published part against the node's rounded points;
/// - the framework and period, where the table states them;
/// - the grade, when the row has one and `options` has grades (or a grader).
///
/// Ranks are checked when the table's [`TableCoverage`] is `Complete` or `Top`: every row is
/// ranked by its computed rounded index (its published index where it has no scorecard)
/// with standard competition ranking ("1224": units that show the same number share a rank
/// and the next rank is skipped), and compared with the published rank.
///
/// Rows without a scorecard, scorecards without a row, and units listed twice in the table
/// are mismatches too: nothing is dropped silently.
///
/// # Errors
///
/// [`ErrorKind::NegativeTolerance`] when the tolerance is below 0.
pub fn pin_with(
    cohort: &Cohort,
    table: &PublishedTable,
    options: &PinOptions<'_>,
) -> Result<PinReport, Error> {
    if options.tolerance < Decimal::ZERO {
        return Err(ErrorKind::NegativeTolerance {
            tolerance: options.tolerance,
        }
        .into());
    }
    let mut mismatches = Vec::new();
    let mut seen: HashSet<&str> = HashSet::with_capacity(table.rows.len());
    let mut matched = 0usize;
    let mut grades_unchecked = Vec::new();
    // Each row's index for ranking: computed and rounded where scored, else as published.
    let mut rank_values = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let unit = row.unit.as_str();
        if !seen.insert(unit) {
            mismatches.push(PinMismatch::DuplicateRow {
                unit: row.unit.clone(),
            });
        }
        let Some(scorecard) = cohort.scorecard(unit) else {
            mismatches.push(PinMismatch::MissingScorecard {
                unit: row.unit.clone(),
            });
            if row.grade.is_some() {
                grades_unchecked.push(row.unit.clone());
            }
            rank_values.push(row.index);
            continue;
        };
        matched = matched.saturating_add(1);
        let computed = options.rounding.publish(scorecard.index());
        rank_values.push(computed);
        compare_row(row, scorecard, computed, table, options, &mut mismatches)?;
        let grade = match (&options.grades, options.grader) {
            (Some(scale), _) => Some(
                scale
                    .grade(&computed)
                    .map_or_else(|| "no grade".to_owned(), |band| band.label.clone()),
            ),
            (None, Some(grader)) => Some(grader(computed)),
            (None, None) => None,
        };
        match (&row.grade, grade) {
            (Some(published), Some(grade)) => {
                if &grade != published {
                    mismatches.push(PinMismatch::Grade {
                        unit: row.unit.clone(),
                        computed: grade,
                        published: published.clone(),
                    });
                }
            }
            (Some(_), None) => grades_unchecked.push(row.unit.clone()),
            (None, _) => {}
        }
    }

    let ranks_checked = table.coverage != TableCoverage::Excerpt;
    let mut ranks_unchecked = Vec::new();
    // Standard competition ranks ("1224") on the rounded index, highest first.
    let ranks = competition::ranks_of(&rank_values);
    for (row, computed) in table.rows.iter().zip(ranks.into_iter().map(Rank::whole)) {
        let Some(published) = row.rank else {
            continue;
        };
        if !ranks_checked || cohort.scorecard(row.unit.as_str()).is_none() {
            ranks_unchecked.push(row.unit.clone());
        } else if computed != published {
            mismatches.push(PinMismatch::Rank {
                unit: row.unit.clone(),
                computed,
                published,
            });
        }
    }

    for scorecard in cohort.iter() {
        if !seen.contains(scorecard.unit()) {
            mismatches.push(PinMismatch::MissingRow {
                unit: scorecard.unit().to_owned(),
            });
        }
    }
    Ok(PinReport {
        matched,
        mismatches,
        ranks_checked,
        ranks_unchecked,
        grades_unchecked,
    })
}

/// `computed − published` of two published figures, exact and as a decimal.
fn published_difference(
    computed: Decimal,
    published: Decimal,
    at: &dyn std::fmt::Display,
) -> Result<Decimal, Error> {
    let places = computed.scale().max(published.scale());
    let difference = checked_sub(&computed.into(), &published.into(), at)?;
    // Exact: the difference has no more places than the figures.
    Ok(difference
        .round(places, Rounding::TowardZero)
        .unwrap_or_else(|| difference.to_decimal()))
}

/// Index, parts, framework and period of one matched row.
fn compare_row(
    row: &PublishedRow,
    scorecard: &Scorecard,
    computed: Decimal,
    table: &PublishedTable,
    options: &PinOptions<'_>,
    mismatches: &mut Vec<PinMismatch>,
) -> Result<(), Error> {
    let context = format!("pinning unit {}", row.unit);
    let difference = published_difference(computed, row.index, &context)?;
    if difference.abs() > options.tolerance {
        mismatches.push(PinMismatch::Index {
            unit: row.unit.clone(),
            computed,
            exact: scorecard.index().clone(),
            published: row.index,
            difference,
        });
    }
    let mut codes = HashSet::with_capacity(row.parts.len());
    for part in &row.parts {
        if !codes.insert(&part.code) {
            mismatches.push(PinMismatch::DuplicatePart {
                unit: row.unit.clone(),
                code: part.code.clone(),
            });
            continue;
        }
        let Some(node) = scorecard.node(part.code.as_str()) else {
            mismatches.push(PinMismatch::UnknownPart {
                unit: row.unit.clone(),
                code: part.code.clone(),
            });
            continue;
        };
        if !node.applicable {
            mismatches.push(PinMismatch::Part {
                unit: row.unit.clone(),
                code: part.code.clone(),
                computed: None,
                published: part.points,
                difference: None,
            });
            continue;
        }
        let points = options.rounding.publish(&node.points);
        let difference = published_difference(points, part.points, &context)?;
        if difference.abs() > options.tolerance {
            mismatches.push(PinMismatch::Part {
                unit: row.unit.clone(),
                code: part.code.clone(),
                computed: Some(points),
                published: part.points,
                difference: Some(difference),
            });
        }
    }
    if let Some(expected) = &table.framework {
        if scorecard.framework() != expected {
            mismatches.push(PinMismatch::Framework {
                unit: row.unit.clone(),
                expected: expected.clone(),
                found: scorecard.framework().to_owned(),
            });
        }
    }
    if let Some(expected) = &table.period {
        if scorecard.period() != expected {
            mismatches.push(PinMismatch::Period {
                unit: row.unit.clone(),
                expected: expected.clone(),
                found: scorecard.period().clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn competition_ranking_shares_ranks_and_skips() {
        let values = [d("90.10"), d("85.78"), d("90.10"), d("82.92"), d("85.78")];
        assert_eq!(competition::ranks_of(&values), [1, 3, 1, 5, 3]);
    }

    #[test]
    fn equal_values_at_different_scales_share_a_rank() {
        assert_eq!(competition::ranks_of(&[d("89.6"), d("89.60")]), [1, 1]);
    }

    #[test]
    fn no_values_no_ranks() {
        assert!(competition::ranks_of::<Decimal>(&[]).is_empty());
    }
}
