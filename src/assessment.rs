//! What one unit reports for one period: evidence, self-assessed and appraised points.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use smol_str::SmolStr;

use crate::code::Code;
use crate::error::{Error, ErrorKind};
use crate::rule::Evidence;

/// An assessment period (kỳ đánh giá): a year (`2021`) or a part of one (`2021-H1`).
///
/// Any non-empty label of letters, digits, `-`, `_` and `.` is accepted; periods compare as
/// text, so zero-padded labels sort in time order.
///
/// # Examples
///
/// ```
/// let period: par_index::Period = "2021-H1".parse()?;
/// assert_eq!(period.as_str(), "2021-H1");
/// assert!("2021 H1".parse::<par_index::Period>().is_err());
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period(SmolStr);

impl Period {
    /// The period as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Period {
    type Err = Error;

    fn from_str(text: &str) -> Result<Period, Error> {
        let valid = !text.is_empty()
            && text.len() <= 32
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        if valid {
            Ok(Period(SmolStr::new(text)))
        } else {
            Err(ErrorKind::InvalidPeriod {
                period: text.chars().take(40).collect(),
            }
            .into())
        }
    }
}

impl From<u16> for Period {
    fn from(year: u16) -> Period {
        Period(SmolStr::new(year.to_string()))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Period, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// One leaf's input: evidence, the unit's own points, the appraisal team's points, a note.
///
/// Final points are the appraised points if given, else the rule applied to the evidence,
/// else the self-assessed points; the scorecard records which.
///
/// # Examples
///
/// ```
/// use par_index::{Entry, Evidence, Framework, Rule};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Hồ sơ giải quyết đúng hạn", 2.into())
///     .rule(Rule::proportional())
///     .build()?;
/// let entry = Entry::new("1".parse()?)
///     .with_evidence(Evidence::rate(90, 100))
///     .with_self_assessed(2.into())
///     .with_appraised("1.5".parse()?)
///     .with_note("Thiếu tài liệu kiểm chứng cho quý IV")
///     .with_evidence_ref("BC-123/UBND");
/// let mut assessment = framework.assessment("phuong-1", "2025".parse()?);
/// assessment.push(entry);
/// // The appraisal team's points win over the evidence (1.8) and the unit's own (2).
/// let scorecard = framework.score(&assessment)?;
/// assert_eq!(scorecard.node("1").unwrap().points.to_string(), "1.5");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Entry {
    /// The leaf's code.
    pub code: Code,
    /// What the unit reports.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub evidence: Option<Evidence>,
    /// Points the unit gave itself (điểm tự đánh giá).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            with = "crate::serde_decimal::option",
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub self_assessed: Option<Decimal>,
    /// Points the appraisal team confirmed or set (điểm thẩm định).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            with = "crate::serde_decimal::option",
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub appraised: Option<Decimal>,
    /// A note: the appraisal team's reason, an explanation of missing evidence.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub note: String,
    /// References to evidence documents (tài liệu kiểm chứng).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub evidence_refs: Vec<String>,
}

impl Entry {
    /// An empty entry for a leaf.
    pub fn new(code: Code) -> Entry {
        Entry {
            code,
            evidence: None,
            self_assessed: None,
            appraised: None,
            note: String::new(),
            evidence_refs: Vec::new(),
        }
    }

    /// Sets the evidence.
    pub fn with_evidence(mut self, evidence: Evidence) -> Entry {
        self.evidence = Some(evidence);
        self
    }

    /// Sets the self-assessed points.
    pub fn with_self_assessed(mut self, points: Decimal) -> Entry {
        self.self_assessed = Some(points);
        self
    }

    /// Sets the appraised points.
    pub fn with_appraised(mut self, points: Decimal) -> Entry {
        self.appraised = Some(points);
        self
    }

    /// Sets the note.
    pub fn with_note(mut self, note: impl Into<String>) -> Entry {
        self.note = note.into();
        self
    }

    /// Adds an evidence reference.
    pub fn with_evidence_ref(mut self, reference: impl Into<String>) -> Entry {
        self.evidence_refs.push(reference.into());
        self
    }
}

/// Bonus (điểm thưởng) or deduction (điểm trừ) points applied on top of the framework's
/// total, such as a bonus for an initiative or a deduction for a late report.
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
/// let mut assessment = framework.assessment("phuong-1", "2025".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_appraised(80.into()));
/// assessment.adjust(Adjustment {
///     label: "điểm trừ: báo cáo trễ hạn".into(),
///     points: "-1.5".parse()?,
///     reason: "Báo cáo quý III nộp trễ".into(),
/// });
/// let scorecard = framework.score(&assessment)?;
/// assert_eq!(scorecard.adjustment_points().to_string(), "-1.5");
/// assert_eq!(scorecard.index().to_string(), "78.5");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Adjustment {
    /// A short label, e.g. `bonus: provincial innovation award`.
    pub label: String,
    /// Points added (positive) or taken off (negative).
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub points: Decimal,
    /// Why.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub reason: String,
}

/// One unit's inputs for one period, against one framework.
///
/// # Examples
///
/// ```
/// use par_index::{Assessment, Entry, Evidence};
///
/// let mut assessment = Assessment::new("demo-2025", "ward-1", "2025".parse()?);
/// assessment.push(Entry::new("2.1".parse()?).with_evidence(Evidence::rate(5_379, 5_597)));
/// assert_eq!(assessment.entries().len(), 1);
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Assessment {
    /// The id of the framework the unit is assessed against.
    pub framework: String,
    /// The unit's identifier (a code or a short name), in NFC (see [`crate::identifier`]):
    /// [`Assessment::new`] and the JSON and CSV readers normalise it, and JSON and CSV refuse
    /// one that holds a character that cannot be seen; [`Framework::score`](crate::Framework::score)
    /// refuses such an id however it was set.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::identifier::deserialize_unit")
    )]
    pub unit: String,
    /// The unit's name for people, if different from its identifier.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub unit_name: String,
    /// The period assessed.
    pub period: Period,
    /// One entry per leaf; a leaf may appear only once.
    #[cfg_attr(feature = "serde", serde(default))]
    pub entries: Vec<Entry>,
    /// Bonus and deduction points on top of the total.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub adjustments: Vec<Adjustment>,
}

impl Assessment {
    /// An empty assessment of `unit` for `period` against the framework `framework`. The
    /// unit id is brought to NFC, so that a name typed composed or decomposed is one unit:
    ///
    /// ```
    /// use par_index::Assessment;
    ///
    /// let decomposed = Assessment::new("demo", "Ho\u{302}\u{300}i An", "2025".parse()?);
    /// assert_eq!(decomposed.unit, "Hồi An");
    /// # Ok::<(), par_index::Error>(())
    /// ```
    pub fn new(framework: impl Into<String>, unit: impl Into<String>, period: Period) -> Self {
        let unit: String = unit.into();
        let unit = match crate::identifier::nfc(&unit) {
            std::borrow::Cow::Borrowed(_) => unit,
            std::borrow::Cow::Owned(composed) => composed,
        };
        Assessment {
            framework: framework.into(),
            unit,
            unit_name: String::new(),
            period,
            entries: Vec::new(),
            adjustments: Vec::new(),
        }
    }

    /// Adds an entry.
    pub fn push(&mut self, entry: Entry) -> &mut Self {
        self.entries.push(entry);
        self
    }

    /// Adds an adjustment.
    pub fn adjust(&mut self, adjustment: Adjustment) -> &mut Self {
        self.adjustments.push(adjustment);
        self
    }

    /// The entries, as given.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}
