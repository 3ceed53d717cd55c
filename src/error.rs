//! The library's one error type, [`Error`], and the [`ErrorKind`] it holds.
//!
//! An [`Error`] is one pointer wide: its [`ErrorKind`], which names the node, the unit and
//! the numbers, sits behind a box, so every `Result<T, Error>` the library returns stays
//! small on the path where nothing goes wrong. Its message is the kind's message.
//!
//! - [`Error::kind`] gives the kind to match on; [`Error::into_kind`] takes it out.
//! - [`Error::is_input`], [`Error::is_mismatch`], [`Error::is_parse`], [`Error::is_csv`],
//!   [`Error::is_io`], [`Error::is_overflow`] and [`Error::is_unsupported`] sort every kind
//!   into exactly one category, for callers that branch without naming variants.
//! - [`Error::unit`], [`Error::code`] and [`Error::line`] give the unit, the node and the
//!   line of a table an error is about, when it names one.
//! - [`std::error::Error::source`] gives the operating system's error behind an
//!   [`ErrorKind::Io`], and the cell's own error behind an [`ErrorKind::InCell`].
//!
//! The small enums of this module ([`Side`], [`Operation`], [`PointsKind`], …) are fields of
//! kinds; each prints as the words its message uses.
//!
//! ```
//! use par_index::{Code, ErrorKind};
//!
//! let error = "1..2".parse::<Code>().unwrap_err();
//! assert!(error.is_parse());
//! assert!(matches!(error.kind(), ErrorKind::InvalidCode { .. }));
//! assert_eq!(error.to_string(), "invalid node code \"1..2\": it has an empty segment");
//! ```

use std::fmt;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::assessment::Period;
use crate::code::{Code, NodeRef};

/// An error of the library: what went wrong, naming the node, the unit and the numbers.
///
/// It prints its [`ErrorKind`]'s message; [`kind`](Error::kind) gives the kind to match on,
/// and the `is_*` methods sort every kind into exactly one category:
///
/// - [`is_input`](Error::is_input): a value, a definition or an option that the library
///   refuses on its own terms (a framework built wrong, evidence out of range, an unknown
///   code, a bad option);
/// - [`is_mismatch`](Error::is_mismatch): two things that do not belong together (an
///   assessment of another framework, scorecards of different periods, a report for another
///   ranking);
/// - [`is_parse`](Error::is_parse): a text that cannot be read (a code, a period, a number,
///   evidence, a rule);
/// - [`is_csv`](Error::is_csv): a table that cannot be read, with where: file, line, column;
/// - [`is_io`](Error::is_io): a file that cannot be read or written;
/// - [`is_overflow`](Error::is_overflow): a figure too large or too precise for the number
///   that must hold it;
/// - [`is_unsupported`](Error::is_unsupported): a calculation the framework's shape does not
///   allow (weighted means where points must add up).
///
/// Nothing in the library panics on caller input: every bad input ends here.
///
/// ```
/// use par_index::{Assessment, Entry, ErrorKind, Framework, Rule};
/// use rust_decimal::Decimal;
///
/// let framework = Framework::builder("demo", "Demo")
///     .total_points(Decimal::from(10))
///     .domain("1", "Một", Decimal::from(10))
///     .child("1", "1.1", "Một một", Decimal::from(10))
///     .rule(Rule::Direct)
///     .build()?;
/// let mut ward = Assessment::new("demo", "ward-1", "2024".parse()?);
/// ward.push(Entry::new("1.1".parse()?).with_appraised(Decimal::from(11)));
///
/// let error = framework.score(&ward).unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "unit ward-1: criterion 1.1 is given 11 appraised points but its maximum is 10"
/// );
/// assert_eq!(error.unit(), Some("ward-1"));
/// assert!(error.is_input());
/// assert_eq!(error.code().map(|c| c.as_str()), Some("1.1"));
/// match error.kind() {
///     ErrorKind::PointsAboveMax { points, max, .. } => assert!(points > max),
///     other => panic!("{other}"),
/// }
/// # Ok::<(), par_index::Error>(())
/// ```
///
/// Two errors are equal when their kinds are. The operating system's error behind an
/// [`ErrorKind::Io`] is not compared (it cannot be); its message is, as the kind's `reason`.
#[derive(Clone)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone)]
struct Inner {
    kind: ErrorKind,
    /// The operating system's error behind an [`ErrorKind::Io`], when there was one.
    io: Option<Arc<std::io::Error>>,
    /// The unit whose input caused the error, where the kind does not name it: scoring
    /// errors are about a node, and the unit is what tells a reader which file to open.
    unit: Option<String>,
}

impl Error {
    /// What went wrong, to match on.
    ///
    /// ```
    /// use par_index::{ErrorKind, Exact};
    ///
    /// let error = "1/0".parse::<Exact>().unwrap_err();
    /// assert!(matches!(error.kind(), ErrorKind::InvalidExact { text, .. } if text == "1/0"));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// What went wrong, taken out of the error. The operating system's error behind an
    /// [`ErrorKind::Io`] is dropped; its message stays in the kind's `reason`.
    ///
    /// ```
    /// use par_index::{ErrorKind, Exact};
    ///
    /// let kind = "1/0".parse::<Exact>().unwrap_err().into_kind();
    /// assert!(matches!(kind, ErrorKind::InvalidExact { .. }));
    /// ```
    pub fn into_kind(self) -> ErrorKind {
        self.inner.kind
    }

    /// An [`ErrorKind::Io`] whose source is the operating system's `error`.
    #[cfg(feature = "csv")]
    pub(crate) fn io(action: IoAction, path: String, error: std::io::Error) -> Error {
        Error {
            inner: Box::new(Inner {
                kind: ErrorKind::Io {
                    action,
                    path,
                    reason: error.to_string(),
                },
                io: Some(Arc::new(error)),
                unit: None,
            }),
        }
    }

    /// This error, about `unit`'s input: [`Error::unit`] names it and the message starts
    /// with it, unless the kind names a unit already.
    pub(crate) fn in_unit(mut self, unit: &str) -> Error {
        if self.unit().is_none() {
            self.inner.unit = Some(unit.to_owned());
        }
        self
    }

    /// Whether a value, a definition or an option is refused on the library's own terms:
    /// a framework, grade scale, agency plan or rating scheme built wrong; evidence or points
    /// out of range; a code, unit, agency, grade or framework id that is not known or given
    /// twice; an option out of range.
    ///
    /// The kinds: every kind not listed under another category. Framework structure:
    /// `EmptyFrameworkId`, `EmptyFramework`, `NonPositiveTotal`, `DuplicateCode`,
    /// `UnknownParent`, `ParentCycle`, `TooDeep`, `NonPositiveMax`, `ChildrenSumMismatch`,
    /// `TotalMismatch`, `MissingWeight`, `NonPositiveWeight`, `MisplacedField`,
    /// `RuleExceedsMax`, `InvalidRule`, `BuilderWithoutNode`, `UnknownFramework`.
    /// Assessments and evidence: `EmptyUnit`, `ReservedCode`, `DuplicateAssessment`,
    /// `UnwritableReference`, `UnknownCode`, `NotALeaf`, `DuplicateEntry`,
    /// `PointsAboveMax`, `NegativeValue`, `WrongEvidence`, `ZeroDenominator`,
    /// `RateAboveWhole`, `PercentAboveHundred`, `SurveyMeanOutOfScale`,
    /// `NotApplicableNotAllowed`, `NotApplicableWithPoints`, `NothingApplicable`,
    /// `MissingInput`. Points tables: `UnknownColumn`, `ColumnNotALeaf`, `DuplicateColumn`,
    /// `MissingColumns`, `RowLength`, `EmptyTableUnit`, `DuplicateUnit`,
    /// `UnitPointsAboveMax`, `UnitNegativePoints`. Options and policies: `NegativeTolerance`,
    /// `InvalidAnalysisOption`, `TooManyDecimalPlaces`, `UnknownTieBreakerNode`. Cohorts,
    /// grades and comparisons: `CohortEmpty`, `DuplicateCohortUnit`, `EmptyGradeScale`,
    /// `EmptyGradeLabel`, `DuplicateGradeLabel`, `GradeThresholdOutOfRange`,
    /// `DuplicateGradeThreshold`, `GradeThresholdsNotDescending`, `UnknownMappedDomain`,
    /// `DuplicateDomainMapping`. Accountability and ratings: `EmptyAgencyCode`,
    /// `DuplicateAgency`, `UnknownAgency`, `AssignmentUnknownCode`, `TwoLeads`,
    /// `RedundantCoordinator`, `DomainsUnassigned`, `InvalidItem`, `InvalidRatingScheme`,
    /// `RatingPointsOutOfRange`, `RatingFactMissing`, `InvalidGradeLabels`, `UnknownGrade`,
    /// `DossierCountsInconsistent`, `DuplicateDossierRecord`. Gaps and what-ifs:
    /// `NotInRanking`, `InvalidRank`, `InvalidTargetRank`, `PlanOutOfRange`,
    /// `DuplicateChange`. Trends: `TrendTooShort`.
    ///
    /// ```
    /// use par_index::{Rounding, RoundingPolicy};
    ///
    /// let error = RoundingPolicy::new(13, Rounding::HalfEven).unwrap_err();
    /// assert!(error.is_input());
    /// assert!(!error.is_parse());
    /// ```
    pub fn is_input(&self) -> bool {
        self.inner.kind.category() == Category::Input
    }

    /// Whether two things that should describe the same framework, period, units or cohort
    /// do not: an assessment of another framework, scorecards of different periods, a
    /// scorecard that does not fit its framework, assignments for another framework, a
    /// previous report or ranking that is not earlier or covers other units, a report for
    /// another ranking.
    ///
    /// The kinds: `FrameworkMismatch`, `ScorecardMismatch`, `InvalidScorecard`,
    /// `CohortPeriodMismatch`, `PeriodsNotInOrder`, `AssignmentFrameworkMismatch`,
    /// `PreviousNotEarlier`, `PreviousUnitsMismatch`, `ReportMismatch`. (`ChildrenSumMismatch`
    /// and `TotalMismatch` are a framework built wrong: [`is_input`](Error::is_input).)
    ///
    /// ```
    /// use par_index::{Assessment, Framework};
    /// use rust_decimal::Decimal;
    ///
    /// let framework = Framework::builder("cat", "Cat")
    ///     .domain("1", "Một", Decimal::from(100))
    ///     .build()?;
    /// let other = Assessment::new("other", "u", "2024".parse()?);
    /// let error = framework.score(&other).unwrap_err();
    /// assert_eq!(error.to_string(), "unit u is assessed against framework other, not cat");
    /// assert!(error.is_mismatch());
    /// # Ok::<(), par_index::Error>(())
    /// ```
    pub fn is_mismatch(&self) -> bool {
        self.inner.kind.category() == Category::Mismatch
    }

    /// Whether a text cannot be read as what it should be: a node code, a period, an exact
    /// value, evidence, a rule, or a number, level or method in a table cell.
    ///
    /// The kinds: `InvalidCode`, `InvalidPeriod`, `InvalidExact`, `InvalidEvidence`,
    /// `InvalidRuleText`, `InvalidText`, `UnknownLanguage`, `InvalidIdentifier`.
    ///
    /// ```
    /// use par_index::Evidence;
    ///
    /// let error = "7723/0x".parse::<Evidence>().unwrap_err();
    /// assert!(error.is_parse());
    /// ```
    pub fn is_parse(&self) -> bool {
        self.inner.kind.category() == Category::Parse
    }

    /// Whether a table read from CSV cannot be used, with where the problem is: a cell (its
    /// [`source`](std::error::Error::source) is the cell's own error), a row that is not
    /// well-formed, a missing or bad column.
    ///
    /// The kinds: `InCell`, `BadRow`, `MissingColumn`, `BadColumn`. A file that cannot be
    /// opened is [`is_io`](Error::is_io).
    ///
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use par_index::Framework;
    /// use par_index::csv::AssessmentReader;
    /// use rust_decimal::Decimal;
    ///
    /// let framework = Framework::builder("cat", "Cat")
    ///     .domain("1", "Một", Decimal::from(100))
    ///     .build()
    ///     .unwrap();
    /// let error = AssessmentReader::new(&framework)
    ///     .file_name("wards.csv")
    ///     .read("unit_name,1\nx,1\n".as_bytes())
    ///     .unwrap_err();
    /// assert!(error.is_csv());
    /// # }
    /// ```
    pub fn is_csv(&self) -> bool {
        self.inner.kind.category() == Category::Csv
    }

    /// Whether a file cannot be read or written; the operating system's error is the
    /// [`source`](std::error::Error::source).
    ///
    /// The kinds: `Io`.
    ///
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use std::error::Error as _;
    ///
    /// use par_index::Framework;
    /// use par_index::csv::AssessmentReader;
    /// use rust_decimal::Decimal;
    ///
    /// let framework = Framework::builder("cat", "Cat")
    ///     .domain("1", "Một", Decimal::from(100))
    ///     .build()
    ///     .unwrap();
    /// let error = AssessmentReader::new(&framework)
    ///     .read_path("no/such/wards.csv")
    ///     .unwrap_err();
    /// assert!(error.is_io());
    /// let io = error.source().unwrap().downcast_ref::<std::io::Error>().unwrap();
    /// assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    /// # }
    /// ```
    pub fn is_io(&self) -> bool {
        self.inner.kind.category() == Category::Io
    }

    /// Whether a figure is too large, or too precise, for the number that must hold it: a
    /// result that does not fit a [`Decimal`], or points that do not fit bulk scoring's
    /// 64-bit fixed point.
    ///
    /// The kinds: `Overflow`, `FixedPointOverflow`, `TooManyDecimals`.
    ///
    /// ```
    /// use par_index::Framework;
    /// use rust_decimal::Decimal;
    ///
    /// let error = Framework::builder("cat", "Cat")
    ///     .total_points(Decimal::from(10))
    ///     .domain("1", "Một", Decimal::MAX)
    ///     .domain("2", "Hai", Decimal::MAX)
    ///     .build()
    ///     .unwrap_err();
    /// assert!(error.is_overflow());
    /// ```
    pub fn is_overflow(&self) -> bool {
        self.inner.kind.category() == Category::Overflow
    }

    /// Whether a calculation cannot be done on a framework of this shape: bulk scoring, and
    /// plans of points to gain, need points that add up one for one, and a parent that
    /// averages or rescales its children does not.
    ///
    /// The kinds: `BulkUnsupported`, `PlanUnsupported`.
    ///
    /// ```
    /// use par_index::{Framework, bulk::PointsTable, framework::Combine};
    /// use rust_decimal::Decimal;
    ///
    /// let averaged = Framework::builder("avg", "Averaged")
    ///     .combine_domains(Combine::WeightedMean)
    ///     .domain("1", "Một", Decimal::from(100))
    ///     .weight(Decimal::from(1))
    ///     .build()?;
    /// let error = PointsTable::new(&averaged, "2024".parse()?).unwrap_err();
    /// assert!(error.is_unsupported());
    /// # Ok::<(), par_index::Error>(())
    /// ```
    pub fn is_unsupported(&self) -> bool {
        self.inner.kind.category() == Category::Unsupported
    }

    /// The unit the error is about: the one its kind names (for an [`ErrorKind::InCell`],
    /// the one its cause names), or else the unit whose input was being scored.
    ///
    /// ```
    /// use par_index::{Assessment, Entry, Framework};
    /// use rust_decimal::Decimal;
    ///
    /// let framework = Framework::builder("cat", "Cat")
    ///     .domain("1", "Một", Decimal::from(100))
    ///     .build()?;
    /// let error = framework.score(&Assessment::new("other", "ward-7", "2024".parse()?));
    /// assert_eq!(error.unwrap_err().unit(), Some("ward-7"));
    ///
    /// // The kind names the node; the error adds the unit it was scoring.
    /// let mut too_much = framework.assessment("ward-8", "2024".parse()?);
    /// too_much.push(Entry::new("1".parse()?).with_appraised(Decimal::from(101)));
    /// let error = framework.score(&too_much).unwrap_err();
    /// assert_eq!(error.unit(), Some("ward-8"));
    /// assert_eq!(error.to_string(), "unit ward-8: domain 1 is given 101 appraised points but its maximum is 100");
    /// assert_eq!(error.kind().to_string(), "domain 1 is given 101 appraised points but its maximum is 100");
    /// # Ok::<(), par_index::Error>(())
    /// ```
    pub fn unit(&self) -> Option<&str> {
        use ErrorKind as K;
        match self.kind() {
            K::FrameworkMismatch { unit, .. }
            | K::UnknownCode { unit, .. }
            | K::NotALeaf { unit, .. }
            | K::DuplicateEntry { unit, .. }
            | K::NothingApplicable { unit }
            | K::MissingInput { unit, .. }
            | K::RowLength { unit, .. }
            | K::DuplicateUnit { unit }
            | K::UnitPointsAboveMax { unit, .. }
            | K::UnitNegativePoints { unit, .. }
            | K::TooManyDecimals { unit, .. }
            | K::ScorecardMismatch { unit, .. }
            | K::CohortPeriodMismatch { unit, .. }
            | K::DuplicateCohortUnit { unit }
            | K::UnknownTieBreakerNode { unit, .. }
            | K::InvalidScorecard { unit, .. }
            | K::NotInRanking { unit }
            | K::InvalidTargetRank { unit, .. }
            | K::PlanOutOfRange { unit, .. }
            | K::PlanUnsupported { unit, .. }
            | K::DuplicateChange { unit, .. }
            | K::DuplicateAssessment { unit, .. }
            | K::UnwritableReference { unit, .. } => Some(unit),
            K::InCell { cause, .. } => cause.unit().or(self.inner.unit.as_deref()),
            _ => self.inner.unit.as_deref(),
        }
    }

    /// The node the error is about, when it names one node; for an [`ErrorKind::InCell`],
    /// the node its cause names.
    ///
    /// ```
    /// use par_index::Framework;
    /// use rust_decimal::Decimal;
    ///
    /// let error = Framework::builder("cat", "Cat")
    ///     .total_points(Decimal::from(10))
    ///     .domain("1", "Một", Decimal::from(5))
    ///     .domain("1", "Hai", Decimal::from(5))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(error.to_string(), "node code 1 is declared twice");
    /// assert_eq!(error.code().map(|c| c.as_str()), Some("1"));
    /// ```
    pub fn code(&self) -> Option<&Code> {
        use ErrorKind as K;
        match self.kind() {
            K::DuplicateCode { code }
            | K::UnknownParent { code, .. }
            | K::ParentCycle { code }
            | K::TooDeep { code, .. }
            | K::UnknownCode { code, .. }
            | K::DuplicateEntry { code, .. }
            | K::DuplicateColumn { code }
            | K::UnknownTieBreakerNode { code, .. }
            | K::UnknownMappedDomain { code, .. }
            | K::DuplicateDomainMapping { code, .. }
            | K::AssignmentUnknownCode { code, .. }
            | K::InvalidItem { code, .. }
            | K::PlanUnsupported { code, .. }
            | K::DuplicateChange { code, .. }
            | K::ReservedCode { code }
            | K::UnwritableReference { code, .. } => Some(code),
            K::NonPositiveMax { node, .. }
            | K::ChildrenSumMismatch { node, .. }
            | K::MissingWeight { node }
            | K::NonPositiveWeight { node, .. }
            | K::MisplacedField { node, .. }
            | K::RuleExceedsMax { node, .. }
            | K::InvalidRule { node, .. }
            | K::NotALeaf { node, .. }
            | K::PointsAboveMax { node, .. }
            | K::NegativeValue { node, .. }
            | K::WrongEvidence { node, .. }
            | K::ZeroDenominator { node }
            | K::RateAboveWhole { node, .. }
            | K::PercentAboveHundred { node, .. }
            | K::SurveyMeanOutOfScale { node, .. }
            | K::NotApplicableNotAllowed { node }
            | K::NotApplicableWithPoints { node }
            | K::ColumnNotALeaf { node }
            | K::UnitPointsAboveMax { node, .. }
            | K::UnitNegativePoints { node, .. }
            | K::TooManyDecimals { node, .. }
            | K::TwoLeads { node, .. }
            | K::RedundantCoordinator { node, .. } => Some(&node.code),
            K::InCell { cause, .. } => cause.code(),
            _ => None,
        }
    }

    /// The line of a table the error is about (the header is line 1), when it is known.
    ///
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use par_index::Framework;
    /// use par_index::csv::AssessmentReader;
    /// use rust_decimal::Decimal;
    ///
    /// let framework = Framework::builder("cat", "Cat")
    ///     .domain("1", "Một", Decimal::from(100))
    ///     .build()
    ///     .unwrap();
    /// let error = AssessmentReader::new(&framework)
    ///     .read("unit,period,1\nu,2024,ten\n".as_bytes())
    ///     .unwrap_err();
    /// assert_eq!(error.line(), Some(2));
    /// # }
    /// ```
    pub fn line(&self) -> Option<u64> {
        match self.kind() {
            ErrorKind::InCell { line, .. } | ErrorKind::BadRow { line, .. } => {
                Some(*line).filter(|line| *line != 0)
            }
            ErrorKind::BadColumn { .. } => Some(1),
            _ => None,
        }
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error {
            inner: Box::new(Inner {
                kind,
                io: None,
                unit: None,
            }),
        }
    }
}

/// The kind's message, after the unit where the error carries one the kind does not name
/// (`unit phuong-cam-an: sub-criterion 3.1 is given …`).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(unit) = &self.inner.unit {
            write!(f, "unit {unit}: ")?;
        }
        fmt::Display::fmt(&self.inner.kind, f)
    }
}

/// As the kind's `Debug`: `PointsAboveMax { node: … }`.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.inner.kind, f)
    }
}

impl PartialEq for Error {
    fn eq(&self, other: &Error) -> bool {
        self.inner.kind == other.inner.kind
    }
}

impl Eq for Error {}

impl std::error::Error for Error {
    /// The operating system's error behind an [`ErrorKind::Io`]; the cell's own error behind
    /// an [`ErrorKind::InCell`].
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        if let Some(io) = &self.inner.io {
            return Some(&**io);
        }
        match &self.inner.kind {
            ErrorKind::InCell { cause, .. } => Some(&**cause),
            _ => None,
        }
    }
}

/// The categories of [`Error`]'s `is_*` methods: every kind is in exactly one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Category {
    Input,
    Mismatch,
    Parse,
    Csv,
    Io,
    Overflow,
    Unsupported,
}

/// What went wrong: the kind of an [`Error`], each variant naming the node, the unit and the
/// numbers. Match on it through [`Error::kind`].
///
/// Messages are lowercase without a final period, so that they read well inside other
/// messages. Variants with fields are `#[non_exhaustive]`, so that a field can be added
/// later: match them with `{ field, .. }`.
///
/// # Catalogue
///
/// Every variant with an example message, as the library prints it
/// (`tests/error_catalogue.rs` builds each one through the public API and checks that it
/// prints exactly this, and that this table lists every variant).
///
/// | Variant | Example message |
/// |---|---|
/// | `InvalidCode` | `invalid node code "1..2": it has an empty segment` |
/// | `InvalidPeriod` | `invalid period "2024 H1": use 1 to 32 letters, digits, '-', '_' or '.', such as "2021" or "2021-H1"` |
/// | `EmptyFrameworkId` | `a framework needs a non-empty id` |
/// | `EmptyFramework` | `framework cat has no nodes` |
/// | `NonPositiveTotal` | `framework cat declares a total of 0 points; it must be above 0` |
/// | `DuplicateCode` | `node code 1 is declared twice` |
/// | `UnknownParent` | `node 9.1 names parent 9, which is not declared` |
/// | `ParentCycle` | `node 1.1 is its own ancestor: its parents form a cycle` |
/// | `TooDeep` | `node 1.1.1.1.1.1.1.1.1 is nested deeper than 8 levels` |
/// | `NonPositiveMax` | `domain 2 has a maximum of 0 points; it must be above 0` |
/// | `ChildrenSumMismatch` | `the children of domain 1 add up to 9 points but its maximum is 10` |
/// | `TotalMismatch` | `the domains of framework cat add up to 9 points but its declared total is 10` |
/// | `MissingWeight` | `criterion 1.1 has no weight, but its parent combines its children by weighted mean` |
/// | `NonPositiveWeight` | `criterion 1.1 has a weight of 0; it must be above 0` |
/// | `MisplacedField` | `domain 1 sets weight, which has no effect there: its parent sums points and uses no weights` |
/// | `RuleExceedsMax` | `domain 1 awards 11 points but its maximum is 10` |
/// | `InvalidRule` | `the threshold_bands rule of domain 1 is invalid: it has no bands` |
/// | `BuilderWithoutNode` | `a node field was set before any node was added to the framework builder` |
/// | `FrameworkMismatch` | `unit u is assessed against framework cat, not other` |
/// | `EmptyUnit` | `an assessment needs a non-empty unit id` |
/// | `InvalidIdentifier` | `invalid unit id "minh\u{200b}an": it holds U+200B, a control, zero-width or bidirectional formatting character, which cannot be seen` |
/// | `ReservedCode` | `node code period is reserved: assessment tables use unit, period and adjustment (in any case) for themselves` |
/// | `DuplicateAssessment` | `unit u is assessed twice for period 2024` |
/// | `UnwritableReference` | `unit u cites for 1.1 the evidence reference "a\nb", which holds a line break, and a cell holds one reference per line` |
/// | `UnknownCode` | `unit u reports code 9.9, which framework cat does not have` |
/// | `NotALeaf` | `unit u reports domain 1 directly, but it has children and is scored from them` |
/// | `DuplicateEntry` | `unit u reports code 1.1 twice` |
/// | `PointsAboveMax` | `criterion 1.1 is given 5 appraised points but its maximum is 4` |
/// | `NegativeValue` | `criterion 1.1 is given a negative appraised: -1` |
/// | `WrongEvidence` | `criterion 1.1 is scored by a direct rule, which cannot use flag evidence` |
/// | `ZeroDenominator` | `criterion 1.3 is given a rate with denominator 0, and its rule does not say what that scores` |
/// | `RateAboveWhole` | `criterion 1.3 is given the rate 11/10: the numerator may not exceed the denominator` |
/// | `PercentAboveHundred` | `criterion 1.3 is given 104%: a percent, like a rate, is a part of a whole and may not exceed 100` |
/// | `SurveyMeanOutOfScale` | `domain 1 is given a survey mean of 6, outside its scale 1 to 5` |
/// | `NotApplicableNotAllowed` | `criterion 1.1 is reported not applicable, but the framework does not mark it optional` |
/// | `NotApplicableWithPoints` | `criterion 1.2 is reported not applicable and also given points` |
/// | `NothingApplicable` | `nothing in the framework applies to unit u: every domain is not applicable` |
/// | `MissingInput` | `unit u has no input for 3 leaves: 1.1, 1.2, 1.3` |
/// | `UnknownFramework` | `there is no built-in framework "vn-par-nowhere"; the built-ins are vn-par-province-2017, vn-par-province-2022, vn-par-ministry-2022, vn-hai-phong-heads-2025, vn-hoi-an-city-illustrative` |
/// | `NegativeTolerance` | `a pinning tolerance of -0.01 is negative; it must be 0 or more` |
/// | `BulkUnsupported` | `bulk scoring adds points up, but domain 1 combines its children by weighted mean: score its units one by one with Framework::score` |
/// | `UnknownColumn` | `points table column "9.9" is not a node of framework cat` |
/// | `ColumnNotALeaf` | `points table column domain 1 has children; a table holds the points of leaves only` |
/// | `DuplicateColumn` | `points table column 1.1 appears twice` |
/// | `MissingColumns` | `the points table has no column for 2 leaves of framework cat: 1.2, 1.3` |
/// | `RowLength` | `unit u has 1 points but the points table has 3 columns` |
/// | `EmptyTableUnit` | `row 1 of the points table has an empty unit id` |
/// | `DuplicateUnit` | `unit u appears twice in the points table` |
/// | `UnitPointsAboveMax` | `unit v is given 5 points for criterion 1.1 but its maximum is 4` |
/// | `UnitNegativePoints` | `unit v is given a negative number of points for criterion 1.1: -1` |
/// | `TooManyDecimals` | `unit v is given 0.12345678901234567890 points for criterion 1.1: bulk scoring of framework cat holds at most 17 decimal places` |
/// | `FixedPointOverflow` | `framework big totals 5000000000000000000.25 points, which does not fit 64-bit fixed-point points at 2 decimal places` |
/// | `InvalidAnalysisOption` | `invalid replications: 0; run at least 1` |
/// | `ScorecardMismatch` | `the scorecard of unit u does not have the nodes of framework cat` |
/// | `TooManyDecimalPlaces` | `a rounding policy of 13 decimal places is refused; at most 12 are published` |
/// | `InvalidExact` | `cannot read "1/0" as an exact value: write a decimal such as "24.05" or a fraction of integers such as "1/3"` |
/// | `Overflow` | `arithmetic overflow adding 79228162514264337593543950335 and 79228162514264337593543950335 for cat` |
/// | `CohortPeriodMismatch` | `a cohort ranks one period: unit u is scored for 2024 but unit v for 2025` |
/// | `DuplicateCohortUnit` | `unit u is in the cohort twice` |
/// | `UnknownTieBreakerNode` | `a tie-breaker names node 9, which the scorecard of unit u under framework cat does not have` |
/// | `PeriodsNotInOrder` | `cannot compare period 2025 with period 2024: the previous ranking's period must come before the current one's` |
/// | `UnknownMappedDomain` | `the domain map names current domain 9, which framework cat does not have` |
/// | `DuplicateDomainMapping` | `the domain map maps previous domain 1 twice` |
/// | `ReportMismatch` | `the comparison's current ranking is for framework cat and period 2025, but the report is for framework cat and period 2024` |
/// | `EmptyGradeScale` | `grade scale s has no grades` |
/// | `EmptyGradeLabel` | `grade scale s has a grade with an empty label` |
/// | `DuplicateGradeLabel` | `grade scale s names grade A twice` |
/// | `GradeThresholdOutOfRange` | `grade A of scale s starts at 101; a threshold must be within 0 to 100` |
/// | `DuplicateGradeThreshold` | `grades A and B of scale s both start at 90` |
/// | `GradeThresholdsNotDescending` | `grade B of scale s starts at 90, above 80 of grade A listed before it; list grades from the highest threshold down` |
/// | `EmptyAgencyCode` | `an agency needs a non-empty code (agency named "Không mã")` |
/// | `DuplicateAgency` | `agency code NV is declared twice` |
/// | `UnknownAgency` | `the lead of domain 1 names agency XX, which is not declared` |
/// | `AssignmentFrameworkMismatch` | `the assignments are declared for framework other, not cat` |
/// | `AssignmentUnknownCode` | `an assignment names code 9, which framework cat does not have` |
/// | `TwoLeads` | `domain 1 is assigned twice: to lead agencies NV and VP` |
/// | `RedundantCoordinator` | `domain 1 lists agency NV as coordinating, but it is the lead` |
/// | `DomainsUnassigned` | `framework cat has domains with no lead agency: 1` |
/// | `InvalidScorecard` | `the scorecard of unit u does not fit framework cat: it has no result for criterion 1.1` |
/// | `CohortEmpty` | `a cohort needs at least one scorecard` |
/// | `PreviousNotEarlier` | `the previous report is for period 2024, which is not before period 2023` |
/// | `PreviousUnitsMismatch` | `the previous report covers units v, but this report covers units u` |
/// | `InvalidItem` | `framework cat cannot score item 1.1: it has no such item` |
/// | `InvalidRatingScheme` | `rating scheme "x" is invalid: band good (> 80) must need more points than band excellent (> 90) below it` |
/// | `RatingPointsOutOfRange` | `a leader is given 100.01 points, outside the rating scale 0 to 100` |
/// | `RatingFactMissing` | `rating band excellent has a gate on the ratings of directly managed units, which was not given` |
/// | `InvalidGradeLabels` | `invalid grade labels: label 2 is empty` |
/// | `UnknownGrade` | `grade "Giỏi" is not one of the labels Tốt, Khá, Trung bình, Yếu` |
/// | `DossierCountsInconsistent` | `agency VP reports 4 late dossiers but only 3 resolved` |
/// | `DuplicateDossierRecord` | `agency VP has two late-dossier records` |
/// | `NotInRanking` | `unit c is not among the ranked units` |
/// | `InvalidRank` | `a rank is a whole number from 1 or a half such as 2.5, not 0` |
/// | `InvalidTargetRank` | `target rank 5 for unit a is outside 1 to 2` |
/// | `PlanOutOfRange` | `cannot spread 99 more points over the leaves of unit a: 1.3 points are open` |
/// | `DuplicateChange` | `the what-if for unit a changes leaf 1.1 twice` |
/// | `UnknownLanguage` | `unknown language "fr": expected vi (Vietnamese) or en (English)` |
/// | `TrendTooShort` | `a trend needs at least two periods, not 1` |
/// | `PlanUnsupported` | `points on leaf 1 of unit w do not add one for one to its total: the total rescales or averages its children` |
/// | `InvalidEvidence` | `cannot read "7723/0x" as evidence: the denominator "0x" is not a number` |
/// | `InvalidRuleText` | `cannot read rule "bands 100:10": unknown kind "bands"; the kinds are direct, yes_no, proportional, threshold_bands, linear, deduction, survey_mean and count_bands` |
/// | `InvalidText` | `cannot read "ten" as points: it is not a number` |
/// | `InCell` | `wards.csv line 2, column "1.3": cannot read "1/0x" as evidence: the denominator "0x" is not a number` |
/// | `BadRow` | `wards.csv line 2: the row has 6 cells but the header has 5` |
/// | `MissingColumn` | `wards.csv has no column "unit"; its columns are unit_name, 1.1` |
/// | `BadColumn` | `wards.csv line 1, column "1.1": the column is given twice` |
/// | `Io` | `cannot read no/such/wards.csv: No such file or directory (os error 2)` |
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A node code that does not parse.
    #[error("invalid node code {code:?}: {reason}")]
    #[non_exhaustive]
    InvalidCode {
        /// The text given (cut to 72 characters).
        code: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A period label that does not parse.
    #[error(
        "invalid period {period:?}: use 1 to 32 letters, digits, '-', '_' or '.', such as \"2021\" or \"2021-H1\""
    )]
    #[non_exhaustive]
    InvalidPeriod {
        /// The text given (cut to 40 characters).
        period: String,
    },

    /// A framework with an empty id.
    #[error("a framework needs a non-empty id")]
    EmptyFrameworkId,
    /// A framework with no nodes.
    #[error("framework {id} has no nodes")]
    #[non_exhaustive]
    EmptyFramework {
        /// The framework's id.
        id: String,
    },
    /// A declared total of zero or less.
    #[error("framework {id} declares a total of {total} points; it must be above 0")]
    #[non_exhaustive]
    NonPositiveTotal {
        /// The framework's id.
        id: String,
        /// The declared total.
        total: Decimal,
    },
    /// Two nodes with one code.
    #[error("node code {code} is declared twice")]
    #[non_exhaustive]
    DuplicateCode {
        /// The repeated code.
        code: Code,
    },
    /// A node whose parent is not declared.
    #[error("node {code} names parent {parent}, which is not declared")]
    #[non_exhaustive]
    UnknownParent {
        /// The node.
        code: Code,
        /// The parent it names.
        parent: Code,
    },
    /// Parents that form a loop.
    #[error("node {code} is its own ancestor: its parents form a cycle")]
    #[non_exhaustive]
    ParentCycle {
        /// A node on the cycle.
        code: Code,
    },
    /// A tree deeper than the library accepts.
    #[error("node {code} is nested deeper than {max_depth} levels")]
    #[non_exhaustive]
    TooDeep {
        /// The node.
        code: Code,
        /// The deepest level accepted.
        max_depth: usize,
    },
    /// A maximum of zero or less.
    #[error("{node} has a maximum of {max} points; it must be above 0")]
    #[non_exhaustive]
    NonPositiveMax {
        /// The node.
        node: NodeRef,
        /// Its maximum.
        max: Decimal,
    },
    /// Children whose maxima do not add up to their parent's.
    #[error("the children of {node} add up to {children_sum} points but its maximum is {max}")]
    #[non_exhaustive]
    ChildrenSumMismatch {
        /// The parent.
        node: NodeRef,
        /// The sum of its children's maxima.
        children_sum: Decimal,
        /// Its maximum.
        max: Decimal,
    },
    /// Domains whose maxima do not add up to the declared total.
    #[error(
        "the domains of framework {id} add up to {sum} points but its declared total is {declared}"
    )]
    #[non_exhaustive]
    TotalMismatch {
        /// The framework's id.
        id: String,
        /// The sum of the domains' maxima.
        sum: Decimal,
        /// The declared total.
        declared: Decimal,
    },
    /// A child of a weighted-mean parent without a weight.
    #[error("{node} has no weight, but its parent combines its children by weighted mean")]
    #[non_exhaustive]
    MissingWeight {
        /// The child.
        node: NodeRef,
    },
    /// A weight of zero or less.
    #[error("{node} has a weight of {weight}; it must be above 0")]
    #[non_exhaustive]
    NonPositiveWeight {
        /// The node.
        node: NodeRef,
        /// Its weight.
        weight: Decimal,
    },
    /// A field that would be ignored where it was set.
    #[error("{node} sets {field}, which has no effect there: {reason}")]
    #[non_exhaustive]
    MisplacedField {
        /// The node.
        node: NodeRef,
        /// The field.
        field: NodeField,
        /// Why it has no effect.
        reason: &'static str,
    },
    /// A rule that can award more than its node's maximum.
    #[error("{node} awards {awarded} points but its maximum is {max}")]
    #[non_exhaustive]
    RuleExceedsMax {
        /// The node.
        node: NodeRef,
        /// The points the rule can award.
        awarded: Decimal,
        /// The node's maximum.
        max: Decimal,
    },
    /// A rule whose parameters make no sense.
    #[error("the {rule} rule of {node} is invalid: {reason}")]
    #[non_exhaustive]
    InvalidRule {
        /// The node.
        node: NodeRef,
        /// The rule's kind, as [`Rule::kind`](crate::Rule::kind) names it.
        rule: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// A builder method that sets a field before any node was added.
    #[error("a node field was set before any node was added to the framework builder")]
    BuilderWithoutNode,

    /// An assessment of another framework.
    #[error("unit {unit} is assessed against framework {found}, not {expected}")]
    #[non_exhaustive]
    FrameworkMismatch {
        /// The unit.
        unit: String,
        /// The framework scoring it.
        expected: String,
        /// The framework the assessment names.
        found: String,
    },
    /// An assessment with an empty unit id.
    #[error("an assessment needs a non-empty unit id")]
    EmptyUnit,
    /// An entry for a code the framework does not have.
    #[error("unit {unit} reports code {code}, which framework {framework} does not have")]
    #[non_exhaustive]
    UnknownCode {
        /// The unit.
        unit: String,
        /// The code.
        code: Code,
        /// The framework's id.
        framework: String,
    },
    /// An entry for a node that has children.
    #[error("unit {unit} reports {node} directly, but it has children and is scored from them")]
    #[non_exhaustive]
    NotALeaf {
        /// The unit.
        unit: String,
        /// The node.
        node: NodeRef,
    },
    /// Two entries for one leaf.
    #[error("unit {unit} reports code {code} twice")]
    #[non_exhaustive]
    DuplicateEntry {
        /// The unit.
        unit: String,
        /// The code.
        code: Code,
    },
    /// Points above the node's maximum.
    #[error("{node} is given {points} {which} points but its maximum is {max}")]
    #[non_exhaustive]
    PointsAboveMax {
        /// The node.
        node: NodeRef,
        /// Which points: entered, self-assessed or appraised.
        which: PointsKind,
        /// The points given.
        points: Decimal,
        /// The node's maximum.
        max: Decimal,
    },
    /// A negative number where only zero or more make sense.
    #[error("{node} is given a negative {what}: {value}")]
    #[non_exhaustive]
    NegativeValue {
        /// The node.
        node: NodeRef,
        /// Which number.
        what: Quantity,
        /// Its value.
        value: Decimal,
    },
    /// Evidence of a kind the rule cannot score.
    #[error("{node} is scored by a {rule} rule, which cannot use {found} evidence")]
    #[non_exhaustive]
    WrongEvidence {
        /// The node.
        node: NodeRef,
        /// The rule's kind, as [`Rule::kind`](crate::Rule::kind) names it.
        rule: &'static str,
        /// The evidence's kind, as [`Evidence::kind`](crate::Evidence::kind) names it.
        found: &'static str,
    },
    /// A rate whose denominator is zero, where the rule does not say what that means.
    #[error(
        "{node} is given a rate with denominator 0, and its rule does not say what that scores"
    )]
    #[non_exhaustive]
    ZeroDenominator {
        /// The node.
        node: NodeRef,
    },
    /// A rate whose part exceeds its whole.
    #[error(
        "{node} is given the rate {numerator}/{denominator}: the numerator may not exceed the denominator"
    )]
    #[non_exhaustive]
    RateAboveWhole {
        /// The node.
        node: NodeRef,
        /// The numerator.
        numerator: Decimal,
        /// The denominator.
        denominator: Decimal,
    },
    /// A percent above 100: a rate, whether given as a percent or as a part of a whole, is
    /// at most 100%.
    #[error(
        "{node} is given {percent}%: a percent, like a rate, is a part of a whole and may not exceed 100"
    )]
    #[non_exhaustive]
    PercentAboveHundred {
        /// The node.
        node: NodeRef,
        /// The percent given.
        percent: Decimal,
    },
    /// A survey mean outside its scale.
    #[error(
        "{node} is given a survey mean of {mean}, outside its scale {scale_min} to {scale_max}"
    )]
    #[non_exhaustive]
    SurveyMeanOutOfScale {
        /// The node.
        node: NodeRef,
        /// The mean given.
        mean: Decimal,
        /// The scale's lowest answer.
        scale_min: Decimal,
        /// The scale's highest answer.
        scale_max: Decimal,
    },
    /// "Not applicable" on a node the framework does not mark optional.
    #[error("{node} is reported not applicable, but the framework does not mark it optional")]
    #[non_exhaustive]
    NotApplicableNotAllowed {
        /// The node.
        node: NodeRef,
    },
    /// "Not applicable" together with points.
    #[error("{node} is reported not applicable and also given points")]
    #[non_exhaustive]
    NotApplicableWithPoints {
        /// The node.
        node: NodeRef,
    },
    /// Nothing in the framework applies to the unit.
    #[error("nothing in the framework applies to unit {unit}: every domain is not applicable")]
    #[non_exhaustive]
    NothingApplicable {
        /// The unit.
        unit: String,
    },
    /// Leaves with no input, in strict mode.
    #[error("unit {unit} has no input for {} leaves: {}", codes.len(), list_codes(codes))]
    #[non_exhaustive]
    MissingInput {
        /// The unit.
        unit: String,
        /// The leaves without input.
        codes: Vec<Code>,
    },
    /// A built-in framework id that is not known.
    #[error("there is no built-in framework {id:?}; the built-ins are {known}")]
    #[non_exhaustive]
    UnknownFramework {
        /// The id asked for (cut to 72 characters).
        id: String,
        /// The known ids, comma-separated.
        known: String,
    },
    /// A pinning tolerance below zero.
    #[error("a pinning tolerance of {tolerance} is negative; it must be 0 or more")]
    #[non_exhaustive]
    NegativeTolerance {
        /// The tolerance given.
        tolerance: Decimal,
    },

    /// A framework that bulk scoring cannot add up: a parent, or the total, combines its
    /// children by weighted mean.
    #[error(
        "bulk scoring adds points up, but {at} combines its children by weighted mean: score its units one by one with Framework::score"
    )]
    #[non_exhaustive]
    BulkUnsupported {
        /// The parent (`criterion 3.2`) or `the total of framework …`.
        at: String,
    },
    /// A points-table column that is not a node of the framework.
    #[error("points table column {column:?} is not a node of framework {framework}")]
    #[non_exhaustive]
    UnknownColumn {
        /// The column's header (cut to 72 characters).
        column: String,
        /// The framework's id.
        framework: String,
    },
    /// A points-table column for a node that has children.
    #[error("points table column {node} has children; a table holds the points of leaves only")]
    #[non_exhaustive]
    ColumnNotALeaf {
        /// The node.
        node: NodeRef,
    },
    /// Two points-table columns for one leaf.
    #[error("points table column {code} appears twice")]
    #[non_exhaustive]
    DuplicateColumn {
        /// The leaf's code.
        code: Code,
    },
    /// Leaves with no points-table column.
    #[error("the points table has no column for {} leaves of framework {framework}: {}", codes.len(), list_codes(codes))]
    #[non_exhaustive]
    MissingColumns {
        /// The framework's id.
        framework: String,
        /// The leaves without a column.
        codes: Vec<Code>,
    },
    /// A points-table row with too few or too many values.
    #[error("unit {unit} has {found} points but the points table has {expected} columns")]
    #[non_exhaustive]
    RowLength {
        /// The unit.
        unit: String,
        /// The number of columns.
        expected: usize,
        /// The number of values given.
        found: usize,
    },
    /// A points-table row with an empty unit id.
    #[error("row {row} of the points table has an empty unit id")]
    #[non_exhaustive]
    EmptyTableUnit {
        /// The row, counting from 1.
        row: usize,
    },
    /// Two points-table rows for one unit.
    #[error("unit {unit} appears twice in the points table")]
    #[non_exhaustive]
    DuplicateUnit {
        /// The unit.
        unit: String,
    },
    /// Points above a leaf's maximum in a points table.
    #[error("unit {unit} is given {points} points for {node} but its maximum is {max}")]
    #[non_exhaustive]
    UnitPointsAboveMax {
        /// The unit.
        unit: String,
        /// The leaf.
        node: NodeRef,
        /// The points given.
        points: Decimal,
        /// The leaf's maximum.
        max: Decimal,
    },
    /// Negative points in a points table.
    #[error("unit {unit} is given a negative number of points for {node}: {points}")]
    #[non_exhaustive]
    UnitNegativePoints {
        /// The unit.
        unit: String,
        /// The leaf.
        node: NodeRef,
        /// The points given.
        points: Decimal,
    },
    /// Points with more decimal places than 64-bit fixed-point points can hold for the
    /// framework's total.
    #[error(
        "unit {unit} is given {points} points for {node}: bulk scoring of framework {framework} holds at most {max_places} decimal places"
    )]
    #[non_exhaustive]
    TooManyDecimals {
        /// The unit.
        unit: String,
        /// The leaf.
        node: NodeRef,
        /// The points given.
        points: Decimal,
        /// The framework's id.
        framework: String,
        /// The most decimal places the framework's total allows.
        max_places: u32,
    },
    /// A framework whose total does not fit 64-bit fixed-point points.
    #[error(
        "framework {framework} totals {total} points, which does not fit 64-bit fixed-point points at {places} decimal places"
    )]
    #[non_exhaustive]
    FixedPointOverflow {
        /// The framework's id.
        framework: String,
        /// Its total.
        total: Decimal,
        /// The decimal places its maxima need.
        places: u32,
    },
    /// An analysis option out of range.
    #[error("invalid {option}: {reason}")]
    #[non_exhaustive]
    InvalidAnalysisOption {
        /// The option.
        option: AnalysisOption,
        /// What is wrong with it.
        reason: String,
    },
    /// A scorecard that does not have the nodes of the framework it names.
    #[error("the scorecard of unit {unit} does not have the nodes of framework {framework}")]
    #[non_exhaustive]
    ScorecardMismatch {
        /// The unit.
        unit: String,
        /// The framework's id.
        framework: String,
    },
    /// A rounding policy with more decimal places than a policy publishes.
    #[error("a rounding policy of {places} decimal places is refused; at most {max} are published")]
    #[non_exhaustive]
    TooManyDecimalPlaces {
        /// The places asked for.
        places: u32,
        /// The most a policy has.
        max: u32,
    },
    /// A text that is neither a decimal nor a fraction of integers.
    #[error(
        "cannot read {text:?} as an exact value: write a decimal such as \"24.05\" or a fraction of integers such as \"1/3\""
    )]
    #[non_exhaustive]
    InvalidExact {
        /// The text given.
        text: String,
    },
    /// A result too large for a decimal.
    #[error("arithmetic overflow {operation} {left} and {right} for {context}")]
    #[non_exhaustive]
    Overflow {
        /// What was being done.
        operation: Operation,
        /// The left operand.
        left: Decimal,
        /// The right operand.
        right: Decimal,
        /// Where: a node, a unit's total.
        context: String,
    },

    /// Two scorecards of one cohort for different periods.
    #[error(
        "a cohort ranks one period: unit {first_unit} is scored for {first_period} but unit {unit} for {period}"
    )]
    #[non_exhaustive]
    CohortPeriodMismatch {
        /// The cohort's first unit.
        first_unit: String,
        /// Its period.
        first_period: Period,
        /// The unit that differs.
        unit: String,
        /// Its period.
        period: Period,
    },
    /// One unit twice in a cohort (ranked or listed outside the ranking).
    #[error("unit {unit} is in the cohort twice")]
    #[non_exhaustive]
    DuplicateCohortUnit {
        /// The unit.
        unit: String,
    },
    /// A tie-breaker naming a node that a scorecard does not have.
    #[error(
        "a tie-breaker names node {code}, which the scorecard of unit {unit} under framework {framework} does not have"
    )]
    #[non_exhaustive]
    UnknownTieBreakerNode {
        /// The node's code.
        code: Code,
        /// The unit.
        unit: String,
        /// The unit's framework.
        framework: String,
    },
    /// A grade scale without grades.
    #[error("grade scale {scale} has no grades")]
    #[non_exhaustive]
    EmptyGradeScale {
        /// The scale's name.
        scale: String,
    },
    /// A grade with an empty label.
    #[error("grade scale {scale} has a grade with an empty label")]
    #[non_exhaustive]
    EmptyGradeLabel {
        /// The scale's name.
        scale: String,
    },
    /// Two grades with one label.
    #[error("grade scale {scale} names grade {label} twice")]
    #[non_exhaustive]
    DuplicateGradeLabel {
        /// The scale's name.
        scale: String,
        /// The repeated label.
        label: String,
    },
    /// A grade threshold outside 0 to 100 percent.
    #[error("grade {label} of scale {scale} starts at {min}; a threshold must be within 0 to 100")]
    #[non_exhaustive]
    GradeThresholdOutOfRange {
        /// The scale's name.
        scale: String,
        /// The grade.
        label: String,
        /// Its lower bound.
        min: Decimal,
    },
    /// Two grades with one threshold.
    #[error("grades {previous_label} and {label} of scale {scale} both start at {min}")]
    #[non_exhaustive]
    DuplicateGradeThreshold {
        /// The scale's name.
        scale: String,
        /// The grade listed first.
        previous_label: String,
        /// The grade listed second.
        label: String,
        /// Their shared lower bound.
        min: Decimal,
    },
    /// Grades not listed from the highest threshold down.
    #[error(
        "grade {label} of scale {scale} starts at {min}, above {previous_min} of grade {previous_label} listed before it; list grades from the highest threshold down"
    )]
    #[non_exhaustive]
    GradeThresholdsNotDescending {
        /// The scale's name.
        scale: String,
        /// The grade listed before.
        previous_label: String,
        /// Its lower bound.
        previous_min: Decimal,
        /// The grade out of order.
        label: String,
        /// Its lower bound.
        min: Decimal,
    },
    /// Rankings compared in the wrong order.
    #[error(
        "cannot compare period {previous} with period {current}: the previous ranking's period must come before the current one's"
    )]
    #[non_exhaustive]
    PeriodsNotInOrder {
        /// The previous ranking's period.
        previous: Period,
        /// The current ranking's period.
        current: Period,
    },
    /// A domain map naming a domain that a ranking does not have.
    #[error("the domain map names {side} domain {code}, which framework {framework} does not have")]
    #[non_exhaustive]
    UnknownMappedDomain {
        /// The side of the map: previous or current.
        side: Side,
        /// The code.
        code: Code,
        /// The framework of that side's ranking.
        framework: String,
    },
    /// A domain map that maps one domain twice.
    #[error("the domain map maps {side} domain {code} twice")]
    #[non_exhaustive]
    DuplicateDomainMapping {
        /// The side of the map: previous or current.
        side: Side,
        /// The code.
        code: Code,
    },

    /// An agency with an empty code.
    #[error("an agency needs a non-empty code (agency named {name:?})")]
    #[non_exhaustive]
    EmptyAgencyCode {
        /// The agency's Vietnamese name, to find it.
        name: String,
    },
    /// Two agencies with one code.
    #[error("agency code {agency} is declared twice")]
    #[non_exhaustive]
    DuplicateAgency {
        /// The repeated code.
        agency: String,
    },
    /// An agency code that names no declared agency.
    #[error("{context} names agency {agency}, which is not declared")]
    #[non_exhaustive]
    UnknownAgency {
        /// The code given.
        agency: String,
        /// Where it was named: "the lead of domain 3", "a late-dossier record".
        context: String,
    },
    /// Assignments declared for another framework.
    #[error("the assignments are declared for framework {found}, not {expected}")]
    #[non_exhaustive]
    AssignmentFrameworkMismatch {
        /// The framework they were validated against.
        expected: String,
        /// The framework they name.
        found: String,
    },
    /// An assignment of a code the framework does not have.
    #[error("an assignment names code {code}, which framework {framework} does not have")]
    #[non_exhaustive]
    AssignmentUnknownCode {
        /// The code.
        code: Code,
        /// The framework's id.
        framework: String,
    },
    /// One node assigned to two leads.
    #[error("{node} is assigned twice: to lead agencies {first} and {second}")]
    #[non_exhaustive]
    TwoLeads {
        /// The node.
        node: NodeRef,
        /// The lead of the first assignment.
        first: String,
        /// The lead of the second assignment.
        second: String,
    },
    /// A coordinating agency that is the lead or is listed twice.
    #[error("{node} lists agency {agency} as coordinating, but {reason}")]
    #[non_exhaustive]
    RedundantCoordinator {
        /// The node.
        node: NodeRef,
        /// The agency.
        agency: String,
        /// Why it is redundant.
        reason: &'static str,
    },
    /// Domains with no lead agency.
    #[error(
        "framework {framework} has domains with no lead agency: {}",
        list_codes(codes)
    )]
    #[non_exhaustive]
    DomainsUnassigned {
        /// The framework's id.
        framework: String,
        /// The domains left unassigned.
        codes: Vec<Code>,
    },
    /// A scorecard whose figures do not fit the framework it names.
    #[error("the scorecard of unit {unit} does not fit framework {framework}: {reason}")]
    #[non_exhaustive]
    InvalidScorecard {
        /// The unit.
        unit: String,
        /// The framework's id.
        framework: String,
        /// What is wrong.
        reason: String,
    },
    /// A cohort with no scorecard.
    #[error("a cohort needs at least one scorecard")]
    CohortEmpty,
    /// A "previous" report that is not earlier.
    #[error("the previous report is for period {previous}, which is not before period {period}")]
    #[non_exhaustive]
    PreviousNotEarlier {
        /// The current report's period.
        period: String,
        /// The previous report's period.
        previous: String,
    },
    /// A "previous" report about other units.
    #[error("the previous report covers units {previous}, but this report covers units {units}")]
    #[non_exhaustive]
    PreviousUnitsMismatch {
        /// This report's units, comma-separated.
        units: String,
        /// The previous report's units, comma-separated.
        previous: String,
    },
    /// An item a heads' framework does not have, or cannot score from a flag.
    #[error("framework {framework} cannot score item {code}: {reason}")]
    #[non_exhaustive]
    InvalidItem {
        /// The framework's id.
        framework: String,
        /// The item's code.
        code: Code,
        /// Why.
        reason: &'static str,
    },
    /// A rating scheme whose bands make no sense.
    #[error("rating scheme {scheme:?} is invalid: {reason}")]
    #[non_exhaustive]
    InvalidRatingScheme {
        /// The scheme's title.
        scheme: String,
        /// What is wrong.
        reason: String,
    },
    /// Points outside the scheme's scale.
    #[error("a leader is given {points} points, outside the rating scale 0 to {max}")]
    #[non_exhaustive]
    RatingPointsOutOfRange {
        /// The points given.
        points: Decimal,
        /// The scale's maximum.
        max: Decimal,
    },
    /// A fact a rating gate needs but that was not given.
    #[error("rating band {band} has a gate on {what}, which was not given")]
    #[non_exhaustive]
    RatingFactMissing {
        /// The band whose gate needs it.
        band: String,
        /// The missing fact.
        what: RatingFact,
    },
    /// A list of grade labels that cannot be used.
    #[error("invalid grade labels: {reason}")]
    #[non_exhaustive]
    InvalidGradeLabels {
        /// What is wrong.
        reason: String,
    },
    /// A grade label not on the list.
    #[error("grade {grade:?} is not one of the labels {labels}")]
    #[non_exhaustive]
    UnknownGrade {
        /// The label given.
        grade: String,
        /// The known labels, best first.
        labels: String,
    },
    /// A late-dossier record whose counts contradict each other.
    #[error("agency {agency} reports {part} {part_name} but only {whole} {whole_name}")]
    #[non_exhaustive]
    DossierCountsInconsistent {
        /// The agency.
        agency: String,
        /// The part's count.
        part: u64,
        /// What the part counts.
        part_name: DossierCount,
        /// The whole's count.
        whole: u64,
        /// What the whole counts.
        whole_name: DossierCount,
    },
    /// Two late-dossier records for one agency.
    #[error("agency {agency} has two late-dossier records")]
    #[non_exhaustive]
    DuplicateDossierRecord {
        /// The agency.
        agency: String,
    },
    /// Evidence text that cannot be read (see [`crate::text`]).
    #[error("cannot read {text:?} as evidence: {reason}")]
    #[non_exhaustive]
    InvalidEvidence {
        /// The text given (trimmed, cut to 72 characters).
        text: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Rule text that cannot be read (see [`crate::text`]).
    #[error("cannot read rule {text:?}: {reason}")]
    #[non_exhaustive]
    InvalidRuleText {
        /// The text given (trimmed, cut to 72 characters).
        text: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A text that cannot be read as what it should be: a number, a level, a method.
    #[error("cannot read {text:?} as {expected}: {reason}")]
    #[non_exhaustive]
    InvalidText {
        /// The text given (trimmed, cut to 72 characters).
        text: String,
        /// What it should be, e.g. points.
        expected: Expected,
        /// What is wrong with it.
        reason: String,
    },
    /// A table cell that cannot be read, with where it is; `cause` says why.
    #[error("{}: {cause}", locate(file.as_deref(), *line, column.as_deref()))]
    #[non_exhaustive]
    InCell {
        /// The file's name, if known.
        file: Option<String>,
        /// The line the row starts on (the header is line 1).
        line: u64,
        /// The column's header, if the problem is in one cell.
        column: Option<String>,
        /// What is wrong; also the error's [`source`](std::error::Error::source).
        #[source]
        cause: Box<Error>,
    },
    /// A table that is not well-formed CSV, or a row that cannot be used as a whole.
    #[error("{}: {reason}", locate(file.as_deref(), *line, None))]
    #[non_exhaustive]
    BadRow {
        /// The file's name, if known.
        file: Option<String>,
        /// The line (the header is line 1; 0 when not known).
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// A table without a column it needs.
    #[error("{} has no column {column:?}; its columns are {found}", file.as_deref().unwrap_or("the table"))]
    #[non_exhaustive]
    MissingColumn {
        /// The file's name, if known.
        file: Option<String>,
        /// The column needed.
        column: String,
        /// The columns found, comma-separated.
        found: String,
    },
    /// A column header that is not known, or given twice.
    #[error("{} line 1, column {column:?}: {reason}", file.as_deref().unwrap_or("the table"))]
    #[non_exhaustive]
    BadColumn {
        /// The file's name, if known.
        file: Option<String>,
        /// The header.
        column: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A file that cannot be read or written. The operating system's error, when the library
    /// had one, is the [`source`](std::error::Error::source) of the [`Error`] that holds this.
    #[error("cannot {action} {path}: {reason}")]
    #[non_exhaustive]
    Io {
        /// Reading or writing.
        action: IoAction,
        /// The file's path or name.
        path: String,
        /// The operating system's message.
        reason: String,
    },
    /// Two results that should describe the same cohort and do not, such as a comparison
    /// whose current ranking is not the ranking reported.
    #[error("{what} is for {found}, but the report is for {expected}")]
    #[non_exhaustive]
    ReportMismatch {
        /// What does not match.
        what: String,
        /// What the report is for.
        expected: String,
        /// What was given.
        found: String,
    },

    /// A unit that a gap or what-if analysis needs among a ranking's ranked units.
    #[error("unit {unit} is not among the ranked units")]
    #[non_exhaustive]
    NotInRanking {
        /// The unit.
        unit: String,
    },
    /// A rank that is not a whole number from 1 or a half (`2.5`).
    #[error("a rank is a whole number from 1 or a half such as 2.5, not {rank}")]
    #[non_exhaustive]
    InvalidRank {
        /// The value given.
        rank: Decimal,
    },
    /// A target rank outside the ranking.
    #[error("target rank {rank} for unit {unit} is outside 1 to {units}")]
    #[non_exhaustive]
    InvalidTargetRank {
        /// The unit.
        unit: String,
        /// The rank asked for.
        rank: u32,
        /// How many units are ranked.
        units: usize,
    },
    /// Points to spread over a unit's leaves that are negative or more than are open.
    #[error(
        "cannot spread {points} more points over the leaves of unit {unit}: {open} points are open"
    )]
    #[non_exhaustive]
    PlanOutOfRange {
        /// The unit.
        unit: String,
        /// The points asked for.
        points: Decimal,
        /// The points still open.
        open: Decimal,
    },
    /// A leaf whose points do not count one for one in the unit's total.
    #[error(
        "points on leaf {code} of unit {unit} do not add one for one to its total: {node} rescales or averages its children"
    )]
    #[non_exhaustive]
    PlanUnsupported {
        /// The unit.
        unit: String,
        /// The leaf.
        code: Code,
        /// The parent that rescales or averages (`domain 3`, `the total`).
        node: String,
    },
    /// A what-if that changes one leaf twice.
    #[error("the what-if for unit {unit} changes leaf {code} twice")]
    #[non_exhaustive]
    DuplicateChange {
        /// The unit.
        unit: String,
        /// The leaf.
        code: Code,
    },
    /// A language a report cannot be written in.
    #[error("unknown language {found:?}: expected vi (Vietnamese) or en (English)")]
    #[non_exhaustive]
    UnknownLanguage {
        /// The text given.
        found: String,
    },
    /// A trend of fewer than two periods.
    #[error("a trend needs at least two periods, not {periods}")]
    #[non_exhaustive]
    TrendTooShort {
        /// How many periods were given.
        periods: usize,
    },
    /// A unit id or agency code that holds a character that cannot be seen, or a space at
    /// either end (see [`crate::identifier`]).
    #[error("invalid {what} {text:?}: {reason}")]
    #[non_exhaustive]
    InvalidIdentifier {
        /// What the identifier identifies.
        what: crate::identifier::Identifier,
        /// The text given (cut to 72 characters).
        text: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A node code that assessment tables use for themselves: `unit` and `period` are column
    /// names of the wide form, `adjustment` marks a bonus or deduction in the long form.
    #[error(
        "node code {code} is reserved: assessment tables use unit, period and adjustment (in any case) for themselves"
    )]
    #[non_exhaustive]
    ReservedCode {
        /// The code.
        code: Code,
    },
    /// Two assessments of one unit for one period, where one is expected.
    #[error("unit {unit} is assessed twice for period {period}")]
    #[non_exhaustive]
    DuplicateAssessment {
        /// The unit.
        unit: String,
        /// The period.
        period: Period,
    },
    /// An evidence reference that a table of references, one per line of a cell, cannot hold.
    #[error("unit {unit} cites for {code} the evidence reference {reference:?}, which {reason}")]
    #[non_exhaustive]
    UnwritableReference {
        /// The unit.
        unit: String,
        /// The leaf.
        code: Code,
        /// The reference (cut to 72 characters).
        reference: String,
        /// Why it cannot be written.
        reason: &'static str,
    },
}

/// `assessments.csv line 7, column "3.2.1"`.
fn locate(file: Option<&str>, line: u64, column: Option<&str>) -> String {
    let mut text = match (file, line) {
        (Some(file), 0) => file.to_owned(),
        (Some(file), line) => format!("{file} line {line}"),
        (None, 0) => "the table".to_owned(),
        (None, line) => format!("line {line}"),
    };
    if let Some(column) = column {
        text.push_str(&format!(", column {column:?}"));
    }
    text
}

/// The first ten codes, then a count of the rest.
fn list_codes(codes: &[Code]) -> String {
    let shown: Vec<&str> = codes.iter().take(10).map(Code::as_str).collect();
    let mut text = shown.join(", ");
    if codes.len() > shown.len() {
        text.push_str(&format!(
            " and {} more",
            codes.len().saturating_sub(shown.len())
        ));
    }
    text
}

impl ErrorKind {
    /// The category of the `is_*` methods of [`Error`]; every kind is listed, so that a new
    /// kind cannot be added without one.
    fn category(&self) -> Category {
        use ErrorKind as K;
        match self {
            K::FrameworkMismatch { .. }
            | K::ScorecardMismatch { .. }
            | K::InvalidScorecard { .. }
            | K::CohortPeriodMismatch { .. }
            | K::PeriodsNotInOrder { .. }
            | K::AssignmentFrameworkMismatch { .. }
            | K::PreviousNotEarlier { .. }
            | K::PreviousUnitsMismatch { .. }
            | K::ReportMismatch { .. } => Category::Mismatch,
            K::InvalidCode { .. }
            | K::InvalidPeriod { .. }
            | K::InvalidExact { .. }
            | K::InvalidEvidence { .. }
            | K::InvalidRuleText { .. }
            | K::InvalidText { .. }
            | K::UnknownLanguage { .. }
            | K::InvalidIdentifier { .. } => Category::Parse,
            K::InCell { .. } | K::BadRow { .. } | K::MissingColumn { .. } | K::BadColumn { .. } => {
                Category::Csv
            }
            K::Io { .. } => Category::Io,
            K::Overflow { .. } | K::FixedPointOverflow { .. } | K::TooManyDecimals { .. } => {
                Category::Overflow
            }
            K::BulkUnsupported { .. } | K::PlanUnsupported { .. } => Category::Unsupported,
            K::EmptyFrameworkId
            | K::EmptyFramework { .. }
            | K::NonPositiveTotal { .. }
            | K::DuplicateCode { .. }
            | K::UnknownParent { .. }
            | K::ParentCycle { .. }
            | K::TooDeep { .. }
            | K::NonPositiveMax { .. }
            | K::ChildrenSumMismatch { .. }
            | K::TotalMismatch { .. }
            | K::MissingWeight { .. }
            | K::NonPositiveWeight { .. }
            | K::MisplacedField { .. }
            | K::RuleExceedsMax { .. }
            | K::InvalidRule { .. }
            | K::BuilderWithoutNode
            | K::UnknownFramework { .. }
            | K::EmptyUnit
            | K::ReservedCode { .. }
            | K::DuplicateAssessment { .. }
            | K::UnwritableReference { .. }
            | K::UnknownCode { .. }
            | K::NotALeaf { .. }
            | K::DuplicateEntry { .. }
            | K::PointsAboveMax { .. }
            | K::NegativeValue { .. }
            | K::WrongEvidence { .. }
            | K::ZeroDenominator { .. }
            | K::RateAboveWhole { .. }
            | K::PercentAboveHundred { .. }
            | K::SurveyMeanOutOfScale { .. }
            | K::NotApplicableNotAllowed { .. }
            | K::NotApplicableWithPoints { .. }
            | K::NothingApplicable { .. }
            | K::MissingInput { .. }
            | K::UnknownColumn { .. }
            | K::ColumnNotALeaf { .. }
            | K::DuplicateColumn { .. }
            | K::MissingColumns { .. }
            | K::RowLength { .. }
            | K::EmptyTableUnit { .. }
            | K::DuplicateUnit { .. }
            | K::UnitPointsAboveMax { .. }
            | K::UnitNegativePoints { .. }
            | K::NegativeTolerance { .. }
            | K::InvalidAnalysisOption { .. }
            | K::TooManyDecimalPlaces { .. }
            | K::UnknownTieBreakerNode { .. }
            | K::CohortEmpty
            | K::DuplicateCohortUnit { .. }
            | K::EmptyGradeScale { .. }
            | K::EmptyGradeLabel { .. }
            | K::DuplicateGradeLabel { .. }
            | K::GradeThresholdOutOfRange { .. }
            | K::DuplicateGradeThreshold { .. }
            | K::GradeThresholdsNotDescending { .. }
            | K::UnknownMappedDomain { .. }
            | K::DuplicateDomainMapping { .. }
            | K::EmptyAgencyCode { .. }
            | K::DuplicateAgency { .. }
            | K::UnknownAgency { .. }
            | K::AssignmentUnknownCode { .. }
            | K::TwoLeads { .. }
            | K::RedundantCoordinator { .. }
            | K::DomainsUnassigned { .. }
            | K::InvalidItem { .. }
            | K::InvalidRatingScheme { .. }
            | K::RatingPointsOutOfRange { .. }
            | K::RatingFactMissing { .. }
            | K::InvalidGradeLabels { .. }
            | K::UnknownGrade { .. }
            | K::DossierCountsInconsistent { .. }
            | K::DuplicateDossierRecord { .. }
            | K::NotInRanking { .. }
            | K::InvalidRank { .. }
            | K::InvalidTargetRank { .. }
            | K::PlanOutOfRange { .. }
            | K::DuplicateChange { .. }
            | K::TrendTooShort { .. } => Category::Input,
        }
    }
}

/// A small closed set of words that a kind's message uses: an enum with a variant for each,
/// printed as its words.
macro_rules! words {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident => $text:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)+
        }

        impl $name {
            /// The words the message uses.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

words! {
    /// Which points a node is given, in [`ErrorKind::PointsAboveMax`].
    pub enum PointsKind {
        /// Points given as evidence ([`Evidence::Points`](crate::Evidence::Points)): `entered`.
        Entered => "entered",
        /// The unit's own points: `self-assessed`.
        SelfAssessed => "self-assessed",
        /// The appraisal team's points: `appraised`.
        Appraised => "appraised",
    }
}

words! {
    /// Which number is negative, in [`ErrorKind::NegativeValue`].
    pub enum Quantity {
        /// Points given as evidence: `points`.
        Points => "points",
        /// The unit's own points: `self-assessed`.
        SelfAssessed => "self-assessed",
        /// The appraisal team's points: `appraised`.
        Appraised => "appraised",
        /// A percent given as evidence: `percent`.
        Percent => "percent",
        /// The part of a rate: `numerator`.
        Numerator => "numerator",
        /// The whole of a rate: `denominator`.
        Denominator => "denominator",
    }
}

words! {
    /// A node's field that has no effect where it is set, in [`ErrorKind::MisplacedField`];
    /// printed as its name in a framework's JSON and CSV forms.
    pub enum NodeField {
        /// `weight`.
        Weight => "weight",
        /// `combine`.
        Combine => "combine",
        /// `when_not_applicable`.
        WhenNotApplicable => "when_not_applicable",
        /// `rule`.
        Rule => "rule",
        /// `optional`.
        Optional => "optional",
    }
}

words! {
    /// An option or input of the rank-uncertainty and sensitivity analyses, in
    /// [`ErrorKind::InvalidAnalysisOption`].
    pub enum AnalysisOption {
        /// `replications`.
        Replications => "replications",
        /// `weight factor range`.
        WeightFactorRange => "weight factor range",
        /// `survey noise`.
        SurveyNoise => "survey noise",
        /// `top`: the k of "in the top k".
        Top => "top",
        /// `grades`.
        Grades => "grades",
        /// `base samples`: the N of a Saltelli design.
        BaseSamples => "base samples",
        /// `resamples`: the bootstrap's.
        Resamples => "resamples",
        /// `confidence level`.
        ConfidenceLevel => "confidence level",
        /// `design`: a design matrix handed in.
        Design => "design",
        /// `outputs`: model outputs handed in.
        Outputs => "outputs",
    }
}

words! {
    /// The arithmetic that overflowed, in [`ErrorKind::Overflow`].
    pub enum Operation {
        /// `adding`.
        Adding => "adding",
        /// `subtracting`.
        Subtracting => "subtracting",
        /// `dividing`.
        Dividing => "dividing",
        /// `rounding`.
        Rounding => "rounding",
    }
}

words! {
    /// A side of a domain map between two rankings, in [`ErrorKind::UnknownMappedDomain`]
    /// and [`ErrorKind::DuplicateDomainMapping`].
    pub enum Side {
        /// The previous ranking's domains: `previous`.
        Previous => "previous",
        /// The current ranking's domains: `current`.
        Current => "current",
    }
}

words! {
    /// A fact a rating band's gate needs, in [`ErrorKind::RatingFactMissing`].
    pub enum RatingFact {
        /// [`RatingFacts::managed_units`](crate::rating::RatingFacts::managed_units): `the ratings
        /// of directly managed units`.
        ManagedUnits => "the ratings of directly managed units",
    }
}

words! {
    /// A count of a late-dossier record, in [`ErrorKind::DossierCountsInconsistent`].
    pub enum DossierCount {
        /// Dossiers resolved: `resolved`.
        Resolved => "resolved",
        /// Dossiers resolved late: `late dossiers`.
        Late => "late dossiers",
        /// Apologies issued: `apologies`.
        Apologies => "apologies",
    }
}

words! {
    /// What a table cell should hold, in [`ErrorKind::InvalidText`].
    pub enum Expected {
        /// `points`.
        Points => "points",
        /// `adjustment points`: a bonus or deduction.
        AdjustmentPoints => "adjustment points",
        /// `maximum points`.
        MaximumPoints => "maximum points",
        /// `a weight`.
        Weight => "a weight",
        /// `the node's level`.
        Level => "the node's level",
        /// `yes or no`.
        YesNo => "yes or no",
        /// `a method` of assessment.
        Method => "a method",
        /// `a way to combine children`.
        Combine => "a way to combine children",
        /// `a not-applicable policy`.
        NotApplicablePolicy => "a not-applicable policy",
    }
}

words! {
    /// What was being done to a file, in [`ErrorKind::Io`].
    pub enum IoAction {
        /// `read`.
        Read => "read",
        /// `write`.
        Write => "write",
    }
}
