//! Scoring an assessment against a framework, and the exact result: a [`Scorecard`].

use rust_decimal::Decimal;

use crate::assessment::{Adjustment, Assessment, Entry, Period};
use crate::code::{Code, Level};
use crate::error::{Error, ErrorKind, PointsKind, Quantity};
use crate::exact::Exact;
use crate::framework::{Combine, Framework, Node, NotApplicablePolicy};
use crate::math::{checked_add, checked_mul_div, checked_signed_sum, checked_sum};
use crate::rounding::RoundingPolicy;
use crate::rule::{Evidence, Rule, RuleOutcome};

/// Where a leaf's final points came from.
///
/// # Examples
///
/// ```
/// use par_index::scorecard::Source;
/// use par_index::{Entry, Evidence, Framework, Rule, ScoringOptions};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Kế hoạch CCHC", 1.into())
///     .rule(Rule::yes_no())
///     .domain("2", "Báo cáo CCHC", 1.into())
///     .domain("3", "Tuyên truyền CCHC", 1.into())
///     .build()?;
/// let mut assessment = framework.assessment("xa-a", "2025".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_evidence(Evidence::Flag(true)));
/// assessment.push(Entry::new("2".parse()?).with_self_assessed(1.into()));
/// let scorecard = framework.score_with(&assessment, &ScoringOptions::lenient())?;
/// let source = |code| scorecard.node(code).unwrap().leaf.as_ref().unwrap().source;
/// assert_eq!(source("1"), Source::Evidence);
/// assert_eq!(source("2"), Source::SelfAssessed);
/// assert_eq!(source("3"), Source::Missing);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Source {
    /// The appraisal team's points (điểm thẩm định).
    Appraised,
    /// The rule applied to the evidence.
    Evidence,
    /// The unit's own points (điểm tự đánh giá), for want of anything better.
    SelfAssessed,
    /// Nothing was reported: 0 points, and the leaf is listed as missing.
    Missing,
    /// The leaf does not apply to the unit.
    NotApplicable,
}

/// Options for [`Framework::score_with`].
///
/// By default scoring is strict: an assessment that leaves a leaf without input is refused
/// ([`ErrorKind::MissingInput`], listing every such leaf), because a missing leaf that quietly
/// scores 0 is the surprise a CI check must not hide. [`ScoringOptions::lenient`] scores a
/// partial assessment instead, each missing leaf at 0, and lists them in
/// [`Scorecard::missing`].
///
/// # Examples
///
/// ```
/// use par_index::{Entry, Framework, ScoringOptions};
/// use rust_decimal::Decimal;
///
/// let framework = Framework::builder("demo", "Demo")
///     .total_points(Decimal::from(10))
///     .domain("1", "Cải cách thể chế", Decimal::from(4))
///     .domain("2", "Cải cách thủ tục hành chính", Decimal::from(6))
///     .build()?;
/// let mut partial = framework.assessment("ward-1", "2025".parse()?);
/// partial.push(Entry::new("1".parse()?).with_appraised(Decimal::from(4)));
///
/// assert_eq!(
///     framework.score(&partial).unwrap_err().to_string(),
///     "unit ward-1 has no input for 1 leaves: 2"
/// );
/// let scorecard = framework.score_with(&partial, &ScoringOptions::lenient())?;
/// assert_eq!(scorecard.missing().len(), 1);
/// assert_eq!(scorecard.index().to_string(), "40");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ScoringOptions {
    /// Refuse an assessment with leaves that have no input ([`ErrorKind::MissingInput`]),
    /// instead of scoring them 0 and listing them in [`Scorecard::missing`]. True by
    /// default.
    pub strict: bool,
}

impl Default for ScoringOptions {
    /// Strict: leaves without input are refused.
    fn default() -> ScoringOptions {
        ScoringOptions::strict()
    }
}

impl ScoringOptions {
    /// Options that refuse missing leaves.
    pub fn strict() -> ScoringOptions {
        ScoringOptions { strict: true }
    }

    /// Options that score a leaf without input 0 and list it in [`Scorecard::missing`].
    pub fn lenient() -> ScoringOptions {
        ScoringOptions { strict: false }
    }
}

/// A leaf's inputs beside its final points: both the unit's and the appraisal team's numbers
/// are kept, as they are published side by side.
///
/// # Examples
///
/// ```
/// use par_index::scorecard::Source;
/// use par_index::{Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 4.into())
///     .build()?;
/// let mut assessment = framework.assessment("xa-a", "2025".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_self_assessed(4.into()).with_appraised(3.into()));
/// let scorecard = framework.score(&assessment)?;
/// let detail = scorecard.node("1").unwrap().leaf.as_ref().unwrap();
/// // Both figures are kept, as they are published side by side.
/// assert_eq!((detail.self_assessed, detail.appraised), (Some(4.into()), Some(3.into())));
/// assert_eq!(detail.source, Source::Appraised);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct LeafDetail {
    /// Where the final points came from.
    pub source: Source,
    /// Points the rule gave for the evidence, if any evidence was given; exact.
    #[cfg_attr(feature = "serde", serde(default))]
    pub from_evidence: Option<Exact>,
    /// The unit's self-assessed points.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "crate::serde_decimal::option")
    )]
    pub self_assessed: Option<Decimal>,
    /// The appraised points.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "crate::serde_decimal::option")
    )]
    pub appraised: Option<Decimal>,
    /// The evidence the unit reported, as given.
    #[cfg_attr(feature = "serde", serde(default))]
    pub evidence: Option<Evidence>,
    /// The entry's note.
    #[cfg_attr(feature = "serde", serde(default))]
    pub note: String,
    /// The entry's references to evidence documents (tài liệu kiểm chứng), as given.
    #[cfg_attr(feature = "serde", serde(default))]
    pub evidence_refs: Vec<String>,
}

impl LeafDetail {
    /// The entry of leaf `code` these inputs came from; `None` when the leaf had no entry,
    /// or an entry with nothing in it.
    pub fn entry(&self, code: &Code) -> Option<Entry> {
        let empty = self.evidence.is_none()
            && self.self_assessed.is_none()
            && self.appraised.is_none()
            && self.note.is_empty()
            && self.evidence_refs.is_empty();
        (!empty).then(|| Entry {
            code: code.clone(),
            evidence: self.evidence.clone(),
            self_assessed: self.self_assessed,
            appraised: self.appraised,
            note: self.note.clone(),
            evidence_refs: self.evidence_refs.clone(),
        })
    }
}

/// The exact result for one node.
///
/// # Examples
///
/// ```
/// use par_index::{Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
///     .child("2", "2.1", "Công khai thủ tục", 2.into())
///     .child("2", "2.2", "Giải quyết hồ sơ", 4.into())
///     .build()?;
/// let mut assessment = framework.assessment("xa-a", "2025".parse()?);
/// assessment.push(Entry::new("2.1".parse()?).with_appraised(2.into()));
/// assessment.push(Entry::new("2.2".parse()?).with_appraised(1.into()));
/// let scorecard = framework.score(&assessment)?;
/// let domain = scorecard.node("2").unwrap();
/// assert_eq!(domain.points.to_string(), "3");
/// assert_eq!(domain.percent().unwrap().to_string(), "50");
/// assert_eq!(domain.lost_points().to_string(), "3");
/// assert!(domain.leaf.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct NodeScore {
    /// The node's code.
    pub code: Code,
    /// The node's level.
    pub level: Level,
    /// The maximum the framework declares.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub max_points: Decimal,
    /// The maximum the unit is measured against: smaller than `max_points` when children that
    /// do not apply were dropped; 0 when the node itself does not apply.
    pub effective_max: Exact,
    /// Points achieved, exact, within `0..=effective_max`.
    pub points: Exact,
    /// False when the node does not apply to the unit.
    pub applicable: bool,
    /// The leaf's inputs; `None` for a parent.
    #[cfg_attr(feature = "serde", serde(default))]
    pub leaf: Option<LeafDetail>,
}

impl NodeScore {
    /// Points achieved as a percentage of the effective maximum, exact; `None` when not
    /// applicable.
    pub fn percent(&self) -> Option<Exact> {
        if !self.applicable {
            return None;
        }
        self.points
            .mul_div(&Exact::ONE_HUNDRED, &self.effective_max)
    }

    /// Points lost: the effective maximum less the points achieved, exact.
    pub fn lost_points(&self) -> Exact {
        self.effective_max.sub(&self.points)
    }
}

/// How the index was brought back within `0..=100` after adjustments.
///
/// # Examples
///
/// ```
/// use par_index::assessment::Adjustment;
/// use par_index::{Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ số CCHC", 100.into())
///     .build()?;
/// let mut assessment = framework.assessment("xa-a", "2025".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_appraised(96.into()));
/// assessment.adjust(Adjustment {
///     label: "điểm thưởng: sáng kiến".into(),
///     points: 8.into(),
///     reason: String::new(),
/// });
/// let scorecard = framework.score(&assessment)?;
/// let clamp = scorecard.clamp().unwrap();
/// assert_eq!((clamp.unclamped.to_string(), clamp.clamped.to_string()), ("104".into(), "100".into()));
/// assert_eq!(scorecard.index().to_string(), "100");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Clamp {
    /// The index before clamping, in percent, exact.
    pub unclamped: Exact,
    /// The index after clamping: 0 or 100.
    pub clamped: Exact,
}

/// The exact result of scoring one unit for one period.
///
/// Every figure is [`Exact`]: its true value, a fraction where a division does not end;
/// rounding happens only in [`Scorecard::publish`], once, from the true value.
///
/// # Examples
///
/// ```
/// use par_index::{Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 4.into())
///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
///     .build()?;
/// let mut assessment = framework.assessment("xa-a", "2025".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_appraised("3.5".parse()?));
/// assessment.push(Entry::new("2".parse()?).with_appraised(5.into()));
/// let scorecard = framework.score(&assessment)?;
/// assert_eq!(scorecard.unit(), "xa-a");
/// assert_eq!(scorecard.points().to_string(), "8.5");
/// assert_eq!(scorecard.index().to_string(), "85");
/// assert_eq!(scorecard.lost_points().to_string(), "1.5");
/// assert_eq!(scorecard.domains().count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Scorecard {
    framework: String,
    unit: String,
    #[cfg_attr(feature = "serde", serde(default))]
    unit_name: String,
    period: Period,
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    total_points: Decimal,
    effective_max: Exact,
    points: Exact,
    adjustments: Vec<Adjustment>,
    index: Exact,
    clamp: Option<Clamp>,
    missing: Vec<Code>,
    nodes: Vec<NodeScore>,
}

impl Scorecard {
    /// The id of the framework scored against.
    pub fn framework(&self) -> &str {
        &self.framework
    }

    /// The unit's identifier.
    pub fn unit(&self) -> &str {
        &self.unit
    }

    /// The unit's name for people (its identifier when no name was given).
    pub fn unit_name(&self) -> &str {
        if self.unit_name.is_empty() {
            &self.unit
        } else {
            &self.unit_name
        }
    }

    /// The period.
    pub fn period(&self) -> &Period {
        &self.period
    }

    /// Points achieved over all domains, before adjustments, exact.
    pub fn points(&self) -> &Exact {
        &self.points
    }

    /// The declared total of the framework.
    pub fn total_points(&self) -> Decimal {
        self.total_points
    }

    /// The total the unit is measured against (the declared total less what did not apply,
    /// where the framework drops maxima).
    pub fn effective_max(&self) -> &Exact {
        &self.effective_max
    }

    /// The bonus and deduction adjustments applied.
    pub fn adjustments(&self) -> &[Adjustment] {
        &self.adjustments
    }

    /// The index in percent, exact: (points + adjustments) ÷ effective maximum × 100, kept
    /// within `0..=100`.
    pub fn index(&self) -> &Exact {
        &self.index
    }

    /// Points lost over the whole framework: effective maximum less points achieved, before
    /// adjustments. Where every parent sums its children this is the sum of the leaves' lost
    /// points; where a parent rescales or takes a weighted mean, it is not, and
    /// [`Accountability::attribute`](crate::accountability::Accountability::attribute) splits it over the
    /// leaves exactly.
    pub fn lost_points(&self) -> Exact {
        self.effective_max.sub(&self.points)
    }

    /// How adjustments pushed the index out of `0..=100`, if they did.
    pub fn clamp(&self) -> Option<&Clamp> {
        self.clamp.as_ref()
    }

    /// Leaves with no input, scored 0.
    pub fn missing(&self) -> &[Code] {
        &self.missing
    }

    /// The assessment this scorecard was scored from: the unit, its period, every leaf's
    /// entry (in the framework's order) and the adjustments, as given. Scoring it again gives
    /// this scorecard back, which is how a what-if analysis changes one leaf and keeps the
    /// rest.
    ///
    /// An entry with nothing in it (no evidence, points, note or reference) is left out:
    /// it scores the same as no entry.
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::{Entry, Evidence, Framework, Rule};
    /// use rust_decimal::Decimal;
    ///
    /// let framework = Framework::builder("demo", "Demo")
    ///     .total_points(Decimal::from(2))
    ///     .domain("1", "Thủ tục hành chính", Decimal::from(2))
    ///     .rule(Rule::proportional())
    ///     .build()?;
    /// let mut assessment = framework.assessment("ward-1", "2025".parse()?);
    /// assessment.push(Entry::new("1".parse()?).with_evidence(Evidence::rate(5_147, 8_037)));
    /// let scorecard = framework.score(&assessment)?;
    /// assert_eq!(scorecard.assessment(), assessment);
    /// assert_eq!(framework.score(&scorecard.assessment())?, scorecard);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assessment(&self) -> Assessment {
        Assessment {
            framework: self.framework.clone(),
            unit: self.unit.clone(),
            unit_name: self.unit_name.clone(),
            period: self.period.clone(),
            entries: self
                .nodes
                .iter()
                .filter_map(|node| node.leaf.as_ref()?.entry(&node.code))
                .collect(),
            adjustments: self.adjustments.clone(),
        }
    }

    /// Every node's result, in the framework's order (each parent before its children).
    pub fn nodes(&self) -> impl ExactSizeIterator<Item = &NodeScore> + '_ {
        self.nodes.iter()
    }

    /// The domains' results.
    pub fn domains(&self) -> impl Iterator<Item = &NodeScore> + '_ {
        self.nodes.iter().filter(|n| n.level == Level::Domain)
    }

    /// The leaves' results.
    pub fn leaves(&self) -> impl Iterator<Item = &NodeScore> + '_ {
        self.nodes.iter().filter(|n| n.leaf.is_some())
    }

    /// The result for one node.
    pub fn node(&self, code: impl AsRef<str>) -> Option<&NodeScore> {
        let code = code.as_ref();
        self.nodes.iter().find(|n| n.code.as_str() == code)
    }

    /// The scorecard as published: every figure rounded once, from its exact value, by
    /// `policy`.
    pub fn publish(&self, policy: &RoundingPolicy) -> PublishedScorecard {
        PublishedScorecard {
            framework: self.framework.clone(),
            unit: self.unit.clone(),
            unit_name: self.unit_name().to_owned(),
            period: self.period.clone(),
            index: policy.publish(&self.index),
            points: policy.publish(&self.points),
            max_points: policy.publish(&self.effective_max),
            adjustments: policy.publish(&self.adjustment_points()),
            nodes: self
                .nodes
                .iter()
                .map(|n| PublishedNode {
                    code: n.code.clone(),
                    level: n.level,
                    points: n.applicable.then(|| policy.publish(&n.points)),
                    max_points: policy.publish(&n.effective_max),
                    percent: n.percent().map(|p| policy.publish(&p)),
                })
                .collect(),
        }
    }

    /// The sum of the adjustments, exact (it fits a decimal: scoring checked it).
    pub fn adjustment_points(&self) -> Exact {
        self.adjustments
            .iter()
            .fold(Exact::ZERO, |sum, a| sum.add(&Exact::from(a.points)))
    }
}

/// One node as published.
///
/// # Examples
///
/// ```
/// use par_index::{Entry, Framework, RoundingPolicy};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 3.into())
///     .build()?;
/// let mut assessment = framework.assessment("xa-a", "2025".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_appraised(2.into()));
/// let published = framework.score(&assessment)?.publish(&RoundingPolicy::default());
/// let node = &published.nodes[0];
/// assert_eq!(node.points.unwrap().to_string(), "2.00");
/// // 2 of 3 is 66.666…%, rounded once.
/// assert_eq!(node.percent.unwrap().to_string(), "66.67");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct PublishedNode {
    /// The node's code.
    pub code: Code,
    /// The node's level.
    pub level: Level,
    /// Points, rounded; `None` when not applicable.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "crate::serde_decimal::option")
    )]
    pub points: Option<Decimal>,
    /// The effective maximum, rounded.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub max_points: Decimal,
    /// Percentage of the effective maximum, rounded; `None` when not applicable.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "crate::serde_decimal::option")
    )]
    pub percent: Option<Decimal>,
}

/// A scorecard as published, every figure rounded once by a [`RoundingPolicy`].
///
/// # Examples
///
/// ```
/// use par_index::{Entry, Framework, RoundingPolicy};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", "5597".parse()?)
///     .build()?;
/// let mut assessment = framework.assessment("xa-a", "2025".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_appraised("5378".parse()?));
/// let published = framework.score(&assessment)?.publish(&RoundingPolicy::default());
/// // 537800/5597 = 96.087…, rounded from its true value.
/// assert_eq!(published.index.to_string(), "96.09");
/// assert_eq!(published.points.to_string(), "5378.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct PublishedScorecard {
    /// The framework's id.
    pub framework: String,
    /// The unit's identifier.
    pub unit: String,
    /// The unit's name.
    pub unit_name: String,
    /// The period.
    pub period: Period,
    /// The index in percent.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub index: Decimal,
    /// Points achieved before adjustments.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub points: Decimal,
    /// The effective maximum.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub max_points: Decimal,
    /// The sum of the adjustments.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub adjustments: Decimal,
    /// Every node.
    pub nodes: Vec<PublishedNode>,
}

/// A node's result while scoring: points and effective maximum, or not applicable.
#[derive(Debug, Clone)]
struct Partial {
    points: Exact,
    effective_max: Exact,
    applicable: bool,
    /// The effective maximum is the node's declared maximum: nothing below it was dropped.
    full: bool,
}

impl Partial {
    const NOT_APPLICABLE: Partial = Partial {
        points: Exact::ZERO,
        effective_max: Exact::ZERO,
        applicable: false,
        full: false,
    };
}

impl Framework {
    /// An empty assessment of `unit` for `period` against this framework, so that its id is
    /// not typed twice.
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::{Entry, Framework};
    /// use rust_decimal::Decimal;
    ///
    /// let framework = Framework::builder("demo", "Demo")
    ///     .total_points(Decimal::from(4))
    ///     .domain("1", "Cải cách thể chế", Decimal::from(4))
    ///     .build()?;
    /// let mut assessment = framework.assessment("ward-1", "2025".parse()?);
    /// assessment.push(Entry::new("1".parse()?).with_appraised(Decimal::from(3)));
    /// assert_eq!(assessment.framework, "demo");
    /// assert_eq!(framework.score(&assessment)?.index().to_string(), "75");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assessment(&self, unit: impl Into<String>, period: Period) -> Assessment {
        Assessment::new(self.id(), unit, period)
    }

    /// Scores an assessment with the default options, which refuse a leaf without input
    /// ([`ScoringOptions`]; use [`Framework::score_with`] and [`ScoringOptions::lenient`] to
    /// score a partial assessment).
    ///
    /// # Errors
    ///
    /// See [`Framework::score_with`].
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::{Assessment, Entry, Evidence, Framework, Rule, RoundingPolicy};
    /// use rust_decimal::Decimal;
    ///
    /// let framework = Framework::builder("demo", "Demo")
    ///     .total_points(Decimal::from(10))
    ///     .domain("1", "Cải cách thủ tục hành chính", Decimal::from(10))
    ///     .child("1", "1.1", "Hồ sơ giải quyết đúng hạn", Decimal::from(10))
    ///     .rule(Rule::proportional())
    ///     .build()?;
    /// let mut assessment = Assessment::new("demo", "ward-1", "2021".parse()?);
    /// assessment.push(Entry::new("1.1".parse()?).with_evidence(Evidence::rate(5_379, 5_597)));
    ///
    /// let scorecard = framework.score(&assessment)?;
    /// let published = scorecard.publish(&RoundingPolicy::default());
    /// assert_eq!(published.index.to_string(), "96.11");
    /// # Ok::<(), par_index::Error>(())
    /// ```
    pub fn score(&self, assessment: &Assessment) -> Result<Scorecard, Error> {
        self.score_with(assessment, &ScoringOptions::default())
    }

    /// Scores an assessment with options.
    ///
    /// Final points of a leaf are the appraised points if given, else the rule applied to
    /// the evidence, else the self-assessed points, else 0 (missing). Parents combine their
    /// children as the framework declares; adjustments are added on top and the index kept
    /// within `0..=100`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::FrameworkMismatch`], [`ErrorKind::EmptyUnit`],
    /// [`ErrorKind::InvalidIdentifier`], [`ErrorKind::UnknownCode`],
    /// [`ErrorKind::NotALeaf`], [`ErrorKind::DuplicateEntry`], [`ErrorKind::PointsAboveMax`],
    /// [`ErrorKind::NegativeValue`], [`ErrorKind::WrongEvidence`], [`ErrorKind::ZeroDenominator`],
    /// [`ErrorKind::RateAboveWhole`], [`ErrorKind::SurveyMeanOutOfScale`],
    /// [`ErrorKind::NotApplicableNotAllowed`], [`ErrorKind::NotApplicableWithPoints`],
    /// [`ErrorKind::NothingApplicable`], [`ErrorKind::MissingInput`] (strict mode) and
    /// [`ErrorKind::Overflow`].
    ///
    /// An error about a node carries the unit too ([`Error::unit`]), and its message starts
    /// with it: `unit phuong-cam-an: sub-criterion 3.1 is given …`.
    pub fn score_with(
        &self,
        assessment: &Assessment,
        options: &ScoringOptions,
    ) -> Result<Scorecard, Error> {
        if assessment.framework != self.id() {
            return Err(ErrorKind::FrameworkMismatch {
                unit: assessment.unit.clone(),
                expected: self.id().to_owned(),
                found: assessment.framework.clone(),
            }
            .into());
        }
        if assessment.unit.trim().is_empty() {
            return Err(ErrorKind::EmptyUnit.into());
        }
        crate::identifier::check(crate::identifier::Identifier::Unit, &assessment.unit)?;
        // The unit's id is checked: it can name the unit in every error that follows.
        self.score_unit(assessment, options)
            .map_err(|error| error.in_unit(&assessment.unit))
    }

    /// [`Framework::score_with`] for an assessment whose framework and unit are checked.
    fn score_unit(
        &self,
        assessment: &Assessment,
        options: &ScoringOptions,
    ) -> Result<Scorecard, Error> {
        let entries = self.entries_by_node(assessment)?;

        // The scorecard's nodes, each leaf's inputs put in place as it is scored; the points
        // are filled in from the partial results at the end.
        let mut nodes: Vec<NodeScore> = self
            .nodes()
            .map(|node| NodeScore {
                code: node.code().clone(),
                level: node.level(),
                max_points: node.max_points(),
                effective_max: Exact::ZERO,
                points: Exact::ZERO,
                applicable: false,
                leaf: None,
            })
            .collect();
        let mut partials = vec![Partial::NOT_APPLICABLE; self.len()];
        let mut missing = Vec::new();
        for index in (0..self.len()).rev() {
            let Some(node) = self.node_at(index) else {
                continue;
            };
            let partial = if node.is_leaf() {
                let entry = entries.get(index).copied().flatten();
                let (partial, detail) = score_leaf(node, entry)?;
                if detail.source == Source::Missing {
                    missing.push(node.code().clone());
                }
                if let Some(slot) = nodes.get_mut(index) {
                    slot.leaf = Some(detail);
                }
                partial
            } else {
                combine(
                    &node.node_ref(),
                    node.max_points(),
                    node.combine(),
                    node.spec().when_not_applicable,
                    node.child_indices(),
                    self,
                    &partials,
                )?
            };
            if let Some(slot) = partials.get_mut(index) {
                *slot = partial;
            }
        }
        missing.reverse();
        if options.strict && !missing.is_empty() {
            return Err(ErrorKind::MissingInput {
                unit: assessment.unit.clone(),
                codes: missing,
            }
            .into());
        }

        let total = combine(
            &Named("the total of framework", self.id()),
            self.total_points(),
            self.combine(),
            self.when_not_applicable(),
            self.root_indices(),
            self,
            &partials,
        )?;
        if !total.applicable {
            return Err(ErrorKind::NothingApplicable {
                unit: assessment.unit.clone(),
            }
            .into());
        }
        let context = Named("the index of unit", &assessment.unit);
        let adjustment =
            checked_signed_sum(assessment.adjustments.iter().map(|a| a.points), &context)?;
        let adjusted = checked_add(&total.points, &adjustment, &context)?;
        let unclamped = checked_mul_div(
            &adjusted,
            &Exact::ONE_HUNDRED,
            &total.effective_max,
            &context,
        )?;
        let index = unclamped.clone().clamp(Exact::ZERO, Exact::ONE_HUNDRED);
        let clamp = (index != unclamped).then(|| Clamp {
            unclamped,
            clamped: index.clone(),
        });

        for (node, partial) in nodes.iter_mut().zip(partials) {
            node.effective_max = partial.effective_max;
            node.points = partial.points;
            node.applicable = partial.applicable;
        }
        Ok(Scorecard {
            framework: assessment.framework.clone(),
            unit: assessment.unit.clone(),
            unit_name: assessment.unit_name.clone(),
            period: assessment.period.clone(),
            total_points: self.total_points(),
            effective_max: total.effective_max,
            points: total.points,
            adjustments: assessment.adjustments.clone(),
            index,
            clamp,
            missing,
            nodes,
        })
    }

    /// Each leaf's entry by node position, refusing unknown codes, parents and duplicates.
    fn entries_by_node<'a>(
        &self,
        assessment: &'a Assessment,
    ) -> Result<Vec<Option<&'a Entry>>, Error> {
        let mut entries: Vec<Option<&Entry>> = vec![None; self.len()];
        let mut last: Option<usize> = None;
        for entry in &assessment.entries {
            // Entries usually list the leaves in the framework's order: the next leaf after
            // the last entry's is tried before the look-up by code.
            let next = last.map_or(0, |at| at.saturating_add(1));
            let predicted = (next..self.len())
                .find(|at| self.node_at(*at).is_some_and(Node::is_leaf))
                .filter(|at| self.node_at(*at).is_some_and(|n| n.code() == &entry.code));
            let index = predicted
                .or_else(|| self.index_of(&entry.code))
                .ok_or_else(|| ErrorKind::UnknownCode {
                    unit: assessment.unit.clone(),
                    code: entry.code.clone(),
                    framework: self.id().to_owned(),
                })?;
            if let Some(node) = self.node_at(index) {
                if !node.is_leaf() {
                    return Err(ErrorKind::NotALeaf {
                        unit: assessment.unit.clone(),
                        node: node.node_ref(),
                    }
                    .into());
                }
            }
            match entries.get_mut(index) {
                Some(slot @ None) => *slot = Some(entry),
                _ => {
                    return Err(ErrorKind::DuplicateEntry {
                        unit: assessment.unit.clone(),
                        code: entry.code.clone(),
                    }
                    .into());
                }
            }
            last = Some(index);
        }
        Ok(entries)
    }
}

/// A place named by a phrase and a name (`the index of unit minh-an`), for an overflow's
/// message: written out only if there is one, so that scoring formats nothing.
struct Named<'a>(&'static str, &'a str);

impl std::fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.0, self.1)
    }
}

/// Checks an entry against its leaf as scoring will: points within the maximum, evidence of
/// a kind the rule uses and within range, not applicable only where allowed. Refuses what
/// scoring refuses, without working the points out.
#[cfg(feature = "csv")]
pub(crate) fn check_entry(node: &Node, entry: &Entry) -> Result<(), Error> {
    leaf_outcome(node, entry, Work::Check).map(|_| ())
}

/// A leaf's final points from its entry.
fn score_leaf(node: &Node, entry: Option<&Entry>) -> Result<(Partial, LeafDetail), Error> {
    let max = node.max_points();
    let Some(entry) = entry else {
        return Ok((
            Partial {
                points: Exact::ZERO,
                effective_max: Exact::from(max),
                applicable: true,
                full: true,
            },
            LeafDetail {
                source: Source::Missing,
                from_evidence: None,
                self_assessed: None,
                appraised: None,
                evidence: None,
                note: String::new(),
                evidence_refs: Vec::new(),
            },
        ));
    };
    let (outcome, not_applicable) = leaf_outcome(node, entry, Work::Points)?;
    let from_evidence = match outcome {
        Some(RuleOutcome::Points(points)) => Some(points),
        _ => None,
    };
    let (source, points) = if let Some(points) = entry.appraised {
        (Source::Appraised, Exact::from(points))
    } else if not_applicable {
        (Source::NotApplicable, Exact::ZERO)
    } else if let Some(points) = &from_evidence {
        (Source::Evidence, points.clone())
    } else if let Some(points) = entry.self_assessed {
        (Source::SelfAssessed, Exact::from(points))
    } else {
        (Source::Missing, Exact::ZERO)
    };
    let partial = if source == Source::NotApplicable {
        Partial::NOT_APPLICABLE
    } else {
        Partial {
            points,
            effective_max: Exact::from(max),
            applicable: true,
            full: true,
        }
    };
    Ok((
        partial,
        LeafDetail {
            source,
            from_evidence,
            self_assessed: entry.self_assessed,
            appraised: entry.appraised,
            evidence: entry.evidence.clone(),
            note: entry.note.clone(),
            evidence_refs: entry.evidence_refs.clone(),
        },
    ))
}

/// Whether [`leaf_outcome`] works the points out or only checks the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Work {
    Points,
    #[cfg_attr(not(feature = "csv"), allow(dead_code))]
    Check,
}

/// What a leaf's rule makes of its entry's evidence (and whether it is not applicable),
/// after checking the entry's points and evidence against the leaf; with [`Work::Check`],
/// the checks alone (and no outcome).
fn leaf_outcome(
    node: &Node,
    entry: &Entry,
    work: Work,
) -> Result<(Option<RuleOutcome>, bool), Error> {
    let at = node.node_ref();
    let max = node.max_points();
    for (which, what, points) in [
        (
            PointsKind::SelfAssessed,
            Quantity::SelfAssessed,
            entry.self_assessed,
        ),
        (PointsKind::Appraised, Quantity::Appraised, entry.appraised),
    ] {
        if let Some(points) = points {
            if points.is_sign_negative() && !points.is_zero() {
                return Err(ErrorKind::NegativeValue {
                    node: at,
                    what,
                    value: points,
                }
                .into());
            }
            if points > max {
                return Err(ErrorKind::PointsAboveMax {
                    node: at,
                    which,
                    points,
                    max,
                }
                .into());
            }
        }
    }
    let rule = node.rule().unwrap_or(&Rule::Direct);
    let (outcome, not_applicable) = match (&entry.evidence, work) {
        (Some(evidence), Work::Points) => {
            let outcome = rule.apply(&at, max, evidence)?;
            let not_applicable = outcome == RuleOutcome::NotApplicable;
            (Some(outcome), not_applicable)
        }
        (Some(evidence), Work::Check) => (None, rule.check(&at, max, evidence)?),
        (None, _) => (None, false),
    };
    if not_applicable {
        if !node.is_optional() {
            return Err(ErrorKind::NotApplicableNotAllowed { node: at }.into());
        }
        if entry.self_assessed.is_some() || entry.appraised.is_some() {
            return Err(ErrorKind::NotApplicableWithPoints { node: at }.into());
        }
    }
    Ok((outcome, not_applicable))
}

/// Combines children's results into their parent's (or the domains' into the total),
/// exactly: a rescaled or averaged parent multiplies before it divides, once.
fn combine(
    at: &dyn std::fmt::Display,
    max: Decimal,
    how: Combine,
    when_not_applicable: NotApplicablePolicy,
    children: &[usize],
    framework: &Framework,
    partials: &[Partial],
) -> Result<Partial, Error> {
    // The children that apply, walked afresh each time rather than collected: a parent has
    // few children, and scoring allocates nothing per parent.
    let applicable = || {
        children
            .iter()
            .filter_map(|c| partials.get(*c).map(|p| (*c, p)))
            .filter(|(_, p)| p.applicable)
    };
    if applicable().next().is_none() {
        return Ok(Partial::NOT_APPLICABLE);
    }
    let maximum = Exact::from(max);
    match how {
        Combine::Sum => {
            let points = checked_sum(applicable().map(|(_, p)| &p.points), at)?;
            // A summing parent's maximum is the sum of its children's (the framework checked
            // it when it was built): where every child counts in full, it is not summed again.
            let full = children
                .iter()
                .all(|c| partials.get(*c).is_some_and(|p| p.full));
            let effective_max = if full {
                maximum.clone()
            } else {
                checked_sum(applicable().map(|(_, p)| &p.effective_max), at)?
            };
            match when_not_applicable {
                NotApplicablePolicy::DropMaximum => Ok(Partial {
                    points,
                    effective_max,
                    applicable: true,
                    full,
                }),
                NotApplicablePolicy::Rescale => {
                    let points = if effective_max == maximum {
                        points
                    } else {
                        checked_mul_div(&points, &maximum, &effective_max, at)?
                    };
                    Ok(Partial {
                        points: points.min(maximum.clone()),
                        effective_max: maximum,
                        applicable: true,
                        full: true,
                    })
                }
            }
        }
        Combine::WeightedMean => {
            // max × Σ wᵢ·pᵢ/eᵢ ÷ Σ wᵢ, summed exactly and divided by the weights once.
            let mut weights = Exact::ZERO;
            let mut weighted = Exact::ZERO;
            for (child, partial) in applicable() {
                let weight = Exact::from(
                    framework
                        .node_at(child)
                        .and_then(Node::weight)
                        .unwrap_or(Decimal::ONE),
                );
                weights = weights.add(&weight);
                let share = partial
                    .points
                    .div(&partial.effective_max)
                    .unwrap_or(Exact::ZERO);
                weighted = weighted.add(&weight.mul(&share));
            }
            let points = checked_mul_div(&weighted, &maximum, &weights, at)?;
            Ok(Partial {
                points: points.min(maximum.clone()),
                effective_max: maximum,
                applicable: true,
                full: true,
            })
        }
    }
}
