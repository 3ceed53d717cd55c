//! The words and numbers of the reports, in Vietnamese and English: one glossary for every
//! table, page and file a person reads.
//!
//! Every report the library prints — the text tables of a ranking, a comparison, an
//! accountability report, a unit's scorecard page and a trend; the HTML report; CSV headers
//! for people — takes its headings and labels from [`Term`], in the [`Language`] the caller
//! chooses. The Vietnamese terms are those of the official documents (Chỉ số CCHC, lĩnh vực,
//! tiêu chí, tiêu chí thành phần, điểm tối đa, điểm tự đánh giá, điểm thẩm định, điểm đạt,
//! điểm bị mất, xếp hạng, xếp loại, người đứng đầu, cơ quan chủ trì, cơ quan phối hợp), so
//! that a report reads like the tables a Home Affairs office publishes.
//!
//! # Numbers
//!
//! Figures are printed as published (rounded once, with the policy's places), in the
//! language's own notation:
//!
//! - Vietnamese: a decimal comma and a dot between thousands, as provinces publish them
//!   ("tự đánh giá 64,75, thẩm định 62,62"; "5.147/8.037 hồ sơ = 64,04%");
//! - English: a decimal point and a comma between thousands ("5,147 / 8,037 = 64.04%").
//!
//! Machine-readable output does neither: CSV cells and JSON keep a plain decimal point and
//! no grouping in every language, so that a file reads back the same anywhere.
//!
//! # Examples
//!
//! ```
//! use par_index::language::{Language, Term};
//! use rust_decimal::Decimal;
//!
//! let vi: Language = "vi".parse()?;
//! assert_eq!(Term::SelfAssessed.text(vi), "Điểm tự đánh giá");
//! assert_eq!(Term::SelfAssessed.text(Language::English), "Self-assessed");
//! assert_eq!(vi.number("5147.5".parse::<Decimal>()?), "5.147,5");
//! assert_eq!(Language::English.number("5147.5".parse::<Decimal>()?), "5,147.5");
//! assert_eq!(Language::default(), Language::English);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::code::Level;
use crate::error::{Error, ErrorKind};
use crate::tie::Rank;

/// The language of a report: Vietnamese or English.
///
/// The library's `Display` implementations print English, as they always have; a report in
/// Vietnamese is asked for by passing [`Language::Vietnamese`] (the `score` command and the
/// main example default to it). Reads from `vi` or `en` (case-insensitive), and prints as
/// those codes.
///
/// # Examples
///
/// ```
/// use par_index::language::Language;
///
/// assert_eq!("VI".parse::<Language>()?, Language::Vietnamese);
/// assert_eq!(Language::Vietnamese.to_string(), "vi");
/// assert_eq!(
///     "fr".parse::<Language>().unwrap_err().to_string(),
///     "unknown language \"fr\": expected vi (Vietnamese) or en (English)"
/// );
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Language {
    /// Tiếng Việt: the official terms, a decimal comma.
    Vietnamese,
    /// English: the glossary's English terms, a decimal point.
    #[default]
    English,
}

impl Language {
    /// The language's code: `vi` or `en` (the `lang` attribute of an HTML page).
    pub fn code(self) -> &'static str {
        match self {
            Language::Vietnamese => "vi",
            Language::English => "en",
        }
    }

    /// A published figure in the language's notation, with its places kept: `1.300,00` in
    /// Vietnamese, `1,300.00` in English.
    pub fn number(self, value: Decimal) -> String {
        let (decimal, group) = match self {
            Language::Vietnamese => (',', '.'),
            Language::English => ('.', ','),
        };
        let plain = value.to_string();
        let (sign, digits) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", plain.as_str()),
        };
        let (whole, fraction) = match digits.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (digits, None),
        };
        let mut out = String::with_capacity(plain.len().saturating_add(8));
        out.push_str(sign);
        let count = whole.chars().count();
        for (i, digit) in whole.chars().enumerate() {
            // A separator before each group of three digits counted from the right.
            let left = count.saturating_sub(i);
            if i > 0 && left % 3 == 0 {
                out.push(group);
            }
            out.push(digit);
        }
        if let Some(fraction) = fraction {
            out.push(decimal);
            out.push_str(fraction);
        }
        out
    }

    /// A change with its sign: `+4,30`, `-0,21`, `0,00` in Vietnamese.
    pub fn signed(self, change: Decimal) -> String {
        if change > Decimal::ZERO {
            format!("+{}", self.number(change))
        } else {
            self.number(change)
        }
    }

    /// A rank: `3`, or `2,5` for a fractional rank in Vietnamese.
    pub fn rank(self, rank: Rank) -> String {
        self.number(rank.value())
    }

    /// A count of things (dossiers, violations), grouped by thousands: `8.037`, `8,037`.
    pub fn count(self, count: u64) -> String {
        self.number(Decimal::from(count))
    }

    /// The heading of a node's column in a table for people: `Tiêu chí 3.1`, or with what
    /// the column holds, `Lĩnh vực 1: điểm đạt` (`Domain 1: achieved`).
    #[cfg_attr(not(feature = "csv"), allow(dead_code))] // used by the CSV writers
    pub(crate) fn node_heading(self, level: Level, code: &str, what: Option<Term>) -> String {
        let node = Term::of_level(level).text(self);
        match what {
            None => format!("{node} {code}"),
            Some(what) => format!("{node} {code}: {}", what.inline(self)),
        }
    }

    /// What a unit lost on a leaf, from published figures in this language's notation:
    /// `mất 2,00 điểm (đạt 6,00/8,00)`, `lost 2.00 (6.00 of 8.00)`.
    pub(crate) fn leaf_loss(self, lost: &str, points: &str, max: &str) -> String {
        match self {
            Language::Vietnamese => format!("mất {lost} điểm (đạt {points}/{max})"),
            Language::English => format!("lost {lost} ({points} of {max})"),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = Error;

    fn from_str(text: &str) -> Result<Language, Error> {
        match text.trim().to_ascii_lowercase().as_str() {
            "vi" | "vie" | "vietnamese" => Ok(Language::Vietnamese),
            "en" | "eng" | "english" => Ok(Language::English),
            _ => Err(ErrorKind::UnknownLanguage {
                found: text.to_owned(),
            }
            .into()),
        }
    }
}

/// One word or heading of the reports, in either language: the glossary.
///
/// # Examples
///
/// ```
/// use par_index::language::{Language, Term};
///
/// assert_eq!(Term::Lost.text(Language::Vietnamese), "Điểm bị mất");
/// assert_eq!(Term::LeadAgency.text(Language::Vietnamese), "Cơ quan chủ trì");
/// assert_eq!(Term::LeadAgency.text(Language::English), "Lead agency");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Term {
    /// Chỉ số CCHC: the PAR index.
    ParIndex,
    /// Bộ chỉ số: the framework.
    Framework,
    /// Kỳ đánh giá: the period.
    Period,
    /// Đơn vị: the assessed unit.
    Unit,
    /// Mã đơn vị: the unit's identifier.
    UnitId,
    /// Lĩnh vực: a domain.
    Domain,
    /// Tiêu chí: a criterion.
    Criterion,
    /// Tiêu chí thành phần: a sub-criterion.
    SubCriterion,
    /// Mã: a node's code.
    Code,
    /// Nội dung: a node's name.
    Item,
    /// Xếp hạng: rank.
    Rank,
    /// Bảng xếp hạng: the ranking.
    Ranking,
    /// Xếp loại: grade.
    Grade,
    /// Điểm tối đa: maximum points.
    MaxPoints,
    /// The maximum a head owns (in Vietnamese the same words as [`Term::MaxPoints`]).
    Owned,
    /// Điểm tự đánh giá: self-assessed points.
    SelfAssessed,
    /// Điểm thẩm định: appraised points.
    Appraised,
    /// Điểm đạt: points achieved (the final points).
    Achieved,
    /// Điểm bị mất: points lost.
    Lost,
    /// Nguồn điểm: where the final points came from.
    Source,
    /// Số liệu: the evidence reported.
    Evidence,
    /// Tài liệu kiểm chứng: references to evidence documents.
    EvidenceRefs,
    /// Ghi chú: a note.
    Note,
    /// Người đứng đầu: the agency head.
    Head,
    /// Cơ quan chủ trì: the lead agency.
    LeadAgency,
    /// Cơ quan phối hợp: a coordinating agency.
    CoordinatingAgency,
    /// Chủ trì: the nodes a head's agency leads.
    AnswersFor,
    /// Phối hợp: the nodes an agency coordinates.
    Coordinates,
    /// Tỷ lệ (%): a percentage.
    Percent,
    /// Đánh giá: a head's verdict against the whole.
    Verdict,
    /// Thay đổi: a change.
    Change,
    /// Thay đổi xếp hạng: rank change.
    RankChange,
    /// Thay đổi chỉ số: index change.
    IndexChange,
    /// Tổng cộng: total.
    Total,
    /// Phiếu chấm điểm: a unit's scorecard page.
    Scorecard,
    /// Xu hướng qua các kỳ: trend over the periods.
    Trend,
    /// Giải pháp khắc phục: the improvement plan.
    Plan,
    /// Bảng điểm theo lĩnh vực: the domains' table.
    Domains,
    /// Trách nhiệm người đứng đầu: who answers for each domain.
    Accountability,
    /// Những nội dung bị mất điểm nhiều nhất: largest losses.
    LargestLosses,
    /// Biểu đồ chỉ số CCHC: index by unit.
    IndexChart,
    /// Trung bình: the mean.
    Mean,
    /// Trung vị: the median.
    Median,
    /// Thấp nhất: the lowest.
    Lowest,
    /// Cao nhất: the highest.
    Highest,
    /// Không áp dụng: does not apply.
    NotApplicable,
    /// Mới: a unit new in the ranking.
    New,
    /// Không còn: a unit only in the previous ranking.
    Dropped,
    /// Minh họa: illustrative (not official).
    Illustrative,
    /// Điểm thưởng, điểm trừ: bonus and deduction points.
    Adjustments,
    /// Điểm: points, as a unit of measure.
    Points,
    /// A head at or above the whole's percentage.
    AtOrAboveOverall,
    /// A head below the whole's percentage.
    BelowOverall,
    /// A head that owns no applicable points.
    OwnsNothing,
    /// Final points from the appraisal team.
    FromAppraisal,
    /// Final points from the rule applied to the evidence.
    FromEvidence,
    /// Final points from the unit's own assessment.
    FromSelfAssessment,
    /// No input: 0 points.
    Missing,
    /// Xếp hạng kỳ trước: the rank in the previous period.
    PreviousRank,
    /// Chỉ số CCHC kỳ trước: the index in the previous period.
    PreviousIndex,
    /// Tỷ lệ kỳ trước (%): a head's percentage in the previous period.
    PreviousPercent,
    /// Thay đổi điểm bị mất: the change of a head's lost points.
    LostChange,
    /// Thay đổi tỷ lệ: the change of a percentage, in percentage points.
    PercentChange,
    /// Tỷ lệ (%): a percentage, as a column's heading ([`Term::Percent`] is its short form).
    Percentage,
    /// Mã cơ quan: an agency's code.
    AgencyCode,
    /// Cơ quan: an agency.
    Agency,
    /// Lý do: why an adjustment was given.
    Reason,
    /// Mã cấp trên: a node's parent.
    Parent,
    /// Cấp: a node's level (lĩnh vực, tiêu chí, tiêu chí thành phần).
    Level,
    /// Tên tiếng Việt: a name in Vietnamese.
    NameVi,
    /// Tên tiếng Anh: a name in English.
    NameEn,
    /// Phương pháp đánh giá: how a node is assessed.
    Method,
    /// Cách chấm điểm: a leaf's scoring rule.
    Rule,
    /// Trọng số: a node's weight.
    Weight,
    /// Có thể không áp dụng: a leaf a unit may report not applicable.
    Optional,
    /// Cách tổng hợp: how a parent combines its children.
    Combine,
    /// Khi không áp dụng: what a parent does with children that do not apply.
    WhenNotApplicable,
    /// Đã giải quyết: dossiers resolved.
    Resolved,
    /// Trễ hạn: dossiers resolved late.
    Late,
    /// Thư xin lỗi: letters of apology for late dossiers.
    Apologies,
    /// Tỷ lệ xin lỗi: apologies per late dossier, in percent.
    ApologyRate,
    /// Không có số liệu hồ sơ: agencies without a dossier record.
    NoDossierRecords,
}

impl Term {
    /// The term in `language`.
    pub fn text(self, language: Language) -> &'static str {
        let (vi, en) = self.pair();
        match language {
            Language::Vietnamese => vi,
            Language::English => en,
        }
    }

    /// The term inside a sentence or after a colon: its first letter in lower case
    /// (`chỉ số CCHC`, `index`), the rest as it is.
    pub(crate) fn inline(self, language: Language) -> String {
        let text = self.text(language);
        let mut chars = text.chars();
        match chars.next() {
            Some(first) => first.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    /// The term as a heading: its first letter in upper case (`Phối hợp`, `Coordinates`).
    #[cfg_attr(not(feature = "csv"), allow(dead_code))] // used by the CSV writers
    pub(crate) fn heading(self, language: Language) -> String {
        let text = self.text(language);
        let mut chars = text.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    /// The term for a node's level: lĩnh vực, tiêu chí, tiêu chí thành phần.
    #[cfg_attr(not(feature = "csv"), allow(dead_code))] // used by the CSV writers
    pub(crate) fn of_level(level: Level) -> Term {
        match level {
            Level::Domain => Term::Domain,
            Level::Criterion => Term::Criterion,
            Level::SubCriterion => Term::SubCriterion,
        }
    }

    /// (Vietnamese, English).
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Term::ParIndex => ("Chỉ số CCHC", "Index"),
            Term::Framework => ("Bộ chỉ số", "Framework"),
            Term::Period => ("Kỳ đánh giá", "Period"),
            Term::Unit => ("Đơn vị", "Unit"),
            Term::UnitId => ("Mã đơn vị", "Unit id"),
            Term::Domain => ("Lĩnh vực", "Domain"),
            Term::Criterion => ("Tiêu chí", "Criterion"),
            Term::SubCriterion => ("Tiêu chí thành phần", "Sub-criterion"),
            Term::Code => ("Mã", "Code"),
            Term::Item => ("Nội dung", "Item"),
            Term::Rank => ("Xếp hạng", "Rank"),
            Term::Ranking => ("Bảng xếp hạng", "Ranking"),
            Term::Grade => ("Xếp loại", "Grade"),
            Term::MaxPoints => ("Điểm tối đa", "Maximum"),
            Term::Owned => ("Điểm tối đa", "Owned"),
            Term::SelfAssessed => ("Điểm tự đánh giá", "Self-assessed"),
            Term::Appraised => ("Điểm thẩm định", "Appraised"),
            Term::Achieved => ("Điểm đạt", "Achieved"),
            Term::Lost => ("Điểm bị mất", "Lost"),
            Term::Source => ("Nguồn điểm", "Source"),
            Term::Evidence => ("Số liệu", "Evidence"),
            Term::EvidenceRefs => ("Tài liệu kiểm chứng", "Evidence documents"),
            Term::Note => ("Ghi chú", "Note"),
            Term::Head => ("Người đứng đầu", "Head"),
            Term::LeadAgency => ("Cơ quan chủ trì", "Lead agency"),
            Term::CoordinatingAgency => ("Cơ quan phối hợp", "Coordinating agency"),
            Term::AnswersFor => ("Chủ trì", "Answers for"),
            Term::Coordinates => ("phối hợp", "coordinates"),
            Term::Percent => ("%", "%"),
            Term::Verdict => ("Đánh giá", "Verdict"),
            Term::Change => ("Thay đổi", "Change"),
            Term::RankChange => ("Thay đổi xếp hạng", "Rank change"),
            Term::IndexChange => ("Thay đổi chỉ số", "Index change"),
            Term::Total => ("Tổng cộng", "Total"),
            Term::Scorecard => ("Phiếu chấm điểm", "Scorecard"),
            Term::Trend => ("Xu hướng qua các kỳ", "Trend over the periods"),
            Term::Plan => ("Giải pháp khắc phục", "Improvement plan"),
            Term::Domains => ("Điểm theo lĩnh vực", "Domains"),
            Term::Accountability => ("Trách nhiệm người đứng đầu", "Who answers for each domain"),
            Term::LargestLosses => ("Nội dung bị mất điểm nhiều nhất", "Largest losses"),
            Term::IndexChart => ("Chỉ số CCHC theo đơn vị", "Index by unit"),
            Term::Mean => ("trung bình", "mean"),
            Term::Median => ("trung vị", "median"),
            Term::Lowest => ("thấp nhất", "lowest"),
            Term::Highest => ("cao nhất", "highest"),
            Term::NotApplicable => ("không áp dụng", "n/a"),
            Term::New => ("mới", "new"),
            Term::Dropped => ("không còn", "dropped"),
            Term::Illustrative => ("minh họa", "illustrative"),
            Term::Adjustments => ("Điểm thưởng, điểm trừ", "Bonus and deduction points"),
            Term::Points => ("điểm", "points"),
            Term::AtOrAboveOverall => ("bằng hoặc cao hơn mức chung", "at or above overall"),
            Term::BelowOverall => ("thấp hơn mức chung", "below overall"),
            Term::OwnsNothing => ("không được giao", "owns nothing"),
            Term::FromAppraisal => ("thẩm định", "appraised"),
            Term::FromEvidence => ("tính từ số liệu", "from evidence"),
            Term::FromSelfAssessment => ("tự đánh giá", "self-assessed"),
            Term::Missing => ("thiếu số liệu", "missing"),
            Term::PreviousRank => ("Xếp hạng kỳ trước", "Previous rank"),
            Term::PreviousIndex => ("Chỉ số CCHC kỳ trước", "Previous index"),
            Term::PreviousPercent => ("Tỷ lệ kỳ trước (%)", "Previous percent"),
            Term::LostChange => ("Thay đổi điểm bị mất", "Lost points change"),
            Term::PercentChange => ("Thay đổi tỷ lệ", "Percent change"),
            Term::Percentage => ("Tỷ lệ (%)", "Percent"),
            Term::AgencyCode => ("Mã cơ quan", "Agency code"),
            Term::Agency => ("Cơ quan", "Agency"),
            Term::Reason => ("Lý do", "Reason"),
            Term::Parent => ("Mã cấp trên", "Parent"),
            Term::Level => ("Cấp", "Level"),
            Term::NameVi => ("Tên tiếng Việt", "Vietnamese name"),
            Term::NameEn => ("Tên tiếng Anh", "English name"),
            Term::Method => ("Phương pháp đánh giá", "Method"),
            Term::Rule => ("Cách chấm điểm", "Scoring rule"),
            Term::Weight => ("Trọng số", "Weight"),
            Term::Optional => ("Có thể không áp dụng", "Optional"),
            Term::Combine => ("Cách tổng hợp", "Combine"),
            Term::WhenNotApplicable => ("Khi không áp dụng", "When not applicable"),
            Term::Resolved => ("Đã giải quyết", "Resolved"),
            Term::Late => ("Trễ hạn", "Late"),
            Term::Apologies => ("Thư xin lỗi", "Apologies"),
            Term::ApologyRate => ("Tỷ lệ xin lỗi", "Apology rate"),
            Term::NoDossierRecords => ("Không có số liệu hồ sơ", "No dossier records"),
        }
    }
}

/// A sentence of the HTML report, in both languages (the report's own prose; the terms in
/// it come from [`Term`]).
#[cfg_attr(not(feature = "html"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Text {
    IllustrativeWarning,
    InferredWarning,
    IdentifierNote,
    HeatCaption,
    AccountabilityNote,
    AdjustmentsNote,
    PagesNote,
    EvidenceFootnote,
    DoesNotApply,
    Above,
    Below,
    To,
    Coordinates,
    UnitsRanked,
    ListedOutside,
    ComparedWith,
    Decision,
    PointsUnit,
    Of,
    TrendCaption,
    HeadsTrendCaption,
}

#[cfg_attr(not(feature = "html"), allow(dead_code))]
impl Text {
    pub(crate) fn text(self, language: Language) -> &'static str {
        let (vi, en) = match self {
            Text::IllustrativeWarning => (
                "Bộ chỉ số minh họa: không phải phương pháp chính thức; điểm và ngưỡng chỉ để minh họa.",
                "Illustrative framework: not an official method; its points and thresholds are chosen for illustration.",
            ),
            Text::InferredWarning => (
                "Phân công suy luận: một mẫu, không lấy từ quyết định; cần đối chiếu với phân công của đơn vị.",
                "Inferred assignments: a template, not taken from a decision; check them against your own.",
            ),
            Text::IdentifierNote => (
                "Chữ xám sau tên là mã đơn vị.",
                "Grey text after a name is the unit's identifier.",
            ),
            Text::HeatCaption => (
                "Điểm đạt tính theo % điểm tối đa của lĩnh vực (điểm tối đa áp dụng cho đơn vị).",
                "Points as a percentage of each domain's maximum (the maximum that applies to the unit).",
            ),
            Text::AccountabilityNote => (
                "Điểm đạt và điểm bị mất của mỗi tiêu chí thuộc về người đứng đầu cơ quan chủ trì; tổng điểm bị mất của các người đứng đầu bằng tổng điểm bị mất của các đơn vị. Tỷ lệ = điểm đạt ÷ điểm tối đa.",
                "Each leaf's points and lost points go to the head of the agency that leads it; the heads' lost points add up to the units' lost points. A head's percentage is achieved ÷ owned.",
            ),
            Text::AdjustmentsNote => (
                "Điểm thưởng, điểm trừ thuộc về đơn vị, không tính cho người đứng đầu",
                "Bonus and deduction points stay with the units and are not attributed to any head",
            ),
            Text::PagesNote => (
                "Mỗi đơn vị có một phiếu chấm điểm riêng, in trên khổ A4.",
                "Each unit has its own scorecard page, printed on A4.",
            ),
            Text::EvidenceFootnote => (
                "Nguồn điểm: thẩm định = điểm của tổ thẩm định; tính từ số liệu = điểm theo cách chấm điểm; tự đánh giá = điểm của đơn vị.",
                "Source: appraised = the appraisal team's points; from evidence = the scoring rule applied to the evidence; self-assessed = the unit's own points.",
            ),
            Text::DoesNotApply => ("không áp dụng", "n/a: does not apply"),
            Text::Above => ("trở lên", "and above"),
            Text::Below => ("dưới", "below"),
            Text::To => ("đến dưới", "to <"),
            Text::Coordinates => ("phối hợp", "coordinates"),
            Text::UnitsRanked => ("đơn vị được xếp hạng", "units ranked"),
            Text::ListedOutside => ("đơn vị ngoài bảng xếp hạng", "listed outside the ranking"),
            Text::ComparedWith => ("so với", "compared with"),
            Text::Decision => ("quyết định", "decision"),
            Text::PointsUnit => ("điểm", "points"),
            Text::Of => ("/", " of "),
            Text::TrendCaption => (
                "Chỉ số CCHC, xếp hạng và xếp loại của từng đơn vị qua các kỳ.",
                "Each unit's index, rank and grade over the periods.",
            ),
            Text::HeadsTrendCaption => (
                "Tỷ lệ điểm đạt của từng người đứng đầu qua các kỳ.",
                "Each head's percentage over the periods.",
            ),
        };
        match language {
            Language::Vietnamese => vi,
            Language::English => en,
        }
    }
}

/// A sentence with blanks, in both languages: each `{}` is filled, in order, with a figure
/// already written in the language (see [`Phrase::fill`]).
// The footer and rounding phrases are the HTML report's.
#[cfg_attr(not(feature = "html"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phrase {
    MeetRequirement,
    ReachBand,
    PartOfWhole,
    Now,
    NowPercent,
    ReachCount,
    RemoveViolations,
    RaiseRate,
    RaisePercent,
    ReachValue,
    RaiseSurveyMean,
    EarnPoints,
    OneUnit,
    Units,
    Inferred,
    AdjustmentsNotAttributed,
    Yes,
    No,
    SurveyMeanOf,
    RateOf,
    PreparedBy,
    SignedBy,
    SignatureHint,
    Footer,
    HalfAwayFromZero,
    HalfEven,
    HalfTowardZero,
    TowardZero,
    AwayFromZero,
}

impl Phrase {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Phrase::MeetRequirement => (
                "thực hiện đạt yêu cầu (có thay vì không)",
                "meet the requirement (yes instead of no)",
            ),
            Phrase::ReachBand => ("đạt mức từ {}%", "reach the band from {}%"),
            Phrase::PartOfWhole => (": {}/{}", ": {} of {}"),
            Phrase::Now => (" (hiện {})", " (now {})"),
            Phrase::NowPercent => (" (hiện {}%)", " (now {}%)"),
            Phrase::ReachCount => ("đạt từ {}", "reach {}"),
            Phrase::RemoveViolations => (
                "giảm {} trong {} vi phạm (còn {})",
                "remove {} of the {} violations ({} left)",
            ),
            Phrase::RaiseRate => (
                "nâng lên {}/{} (thêm {}): {}%",
                "raise to {} of {} ({} more): {}%",
            ),
            Phrase::RaisePercent => ("nâng tỷ lệ lên {}%", "raise the rate to {}%"),
            Phrase::ReachValue => ("đưa giá trị về {}", "bring the value to {}"),
            Phrase::RaiseSurveyMean => (
                "nâng điểm khảo sát bình quân lên {}",
                "raise the survey mean to {}",
            ),
            Phrase::EarnPoints => (
                "khắc phục để được thẩm định thêm điểm",
                "earn more appraised points",
            ),
            Phrase::OneUnit => ("đơn vị {}", "unit {}"),
            Phrase::Units => ("{} đơn vị", "{} units"),
            Phrase::Inferred => (" (suy luận)", " (inferred)"),
            Phrase::AdjustmentsNotAttributed => (
                "Điểm thưởng, điểm trừ, không tính cho người đứng đầu",
                "Bonus and deduction points, not attributed to heads",
            ),
            Phrase::Yes => ("có", "yes"),
            Phrase::No => ("không", "no"),
            Phrase::SurveyMeanOf => ("bình quân {}", "mean {}"),
            Phrase::RateOf => ("{}/{}", "{} / {}"),
            Phrase::PreparedBy => ("NGƯỜI LẬP BIỂU", "PREPARED BY"),
            Phrase::SignedBy => ("CHỦ TỊCH", "CHAIRMAN"),
            Phrase::SignatureHint => ("(Ký, ghi rõ họ tên)", "(signature and full name)"),
            Phrase::Footer => (
                "Chấm điểm chính xác bằng par-index; mỗi số liệu được làm tròn một lần khi công bố, \
                 {} chữ số thập phân, {}. Xếp hạng theo chỉ số công bố; các đơn vị bằng điểm đồng hạng.",
                "Scored exactly with par-index; every figure is rounded once, when published, to {} \
                 decimal places, {}. Ranks use the published index; tied units share a rank.",
            ),
            Phrase::HalfAwayFromZero => ("làm tròn nửa lên (xa số 0)", "half away from zero"),
            Phrase::HalfEven => ("làm tròn nửa về số chẵn", "half to even"),
            Phrase::HalfTowardZero => ("làm tròn nửa về số 0", "half toward zero"),
            Phrase::TowardZero => ("cắt bỏ (về số 0)", "toward zero"),
            Phrase::AwayFromZero => ("làm tròn lên (xa số 0)", "away from zero"),
        }
    }

    /// The sentence in `language` with its blanks filled by `figures`, in order; a blank
    /// without a figure stays empty.
    pub(crate) fn fill(self, language: Language, figures: &[String]) -> String {
        let (vi, en) = self.pair();
        let sentence = match language {
            Language::Vietnamese => vi,
            Language::English => en,
        };
        let mut figures = figures.iter();
        let mut parts = sentence.split("{}");
        let mut text = parts.next().unwrap_or_default().to_owned();
        for part in parts {
            text.push_str(figures.next().map_or("", String::as_str));
            text.push_str(part);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_thousands_and_keep_their_places() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let vi = Language::Vietnamese;
        let en = Language::English;
        assert_eq!(vi.number(d("64.04")), "64,04");
        assert_eq!(vi.number(d("8037")), "8.037");
        assert_eq!(vi.number(d("1300.00")), "1.300,00");
        assert_eq!(vi.number(d("-1234567.5")), "-1.234.567,5");
        assert_eq!(en.number(d("1234567.50")), "1,234,567.50");
        assert_eq!(en.number(d("999.99")), "999.99");
        assert_eq!(en.number(d("0")), "0");
        assert_eq!(vi.signed(d("4.30")), "+4,30");
        assert_eq!(en.signed(d("-0.21")), "-0.21");
        assert_eq!(vi.count(212), "212");
    }
}
