//! A self-contained HTML report of a ranked cohort (feature `html`).
//!
//! [`HtmlReport`] renders one HTML file that a person opens in any browser, prints, or sends
//! by e-mail: no JavaScript, no network, no external font, style sheet or image. It holds:
//!
//! - a header: the report's title, the framework (with a warning when it is illustrative),
//!   the period and, with a comparison, the period compared with;
//! - the **ranking table**: rank, unit, index, grade and, when a [`Comparison`] is given, the
//!   change of rank (`↑2`, `↓1`, `=`, `new`) and of index (`+1.20`), then the cohort's mean,
//!   median, minimum and maximum;
//! - a **horizontal bar chart** of the index per unit (inline SVG), on a 0–100 axis, with
//!   the cohort's mean as a dashed line;
//! - a **heat table** of the domains: units × domains, each cell the percentage of the
//!   domain's maximum, its background coloured by band (legend below the table), `n/a`
//!   where a domain does not apply;
//! - when an [`AccountabilityReport`] is given, the **accountability table**: each head, the
//!   nodes their agency answers for, the points owned, achieved and lost, the percentage
//!   (coloured like the heat table), rank, verdict and change since the previous report, with
//!   a total row, then each head's largest losses (unit, leaf, points lost, note);
//! - a **trend** over several periods, with [`HtmlReport::trend`]: an inline SVG line chart
//!   of each unit's index per period and a table of index, rank and grade, then each head's
//!   percentage per period;
//! - a **scorecard page per unit** (phiếu chấm điểm, see [`ScorecardPage`]): every node with
//!   its maximum, self-assessed, appraised and final points, the source, the evidence, the
//!   points lost and, with [`HtmlReport::assignments`], the agency and head that answer for
//!   it; the notes and evidence references; the unit's rank and grade; and a signature block.
//!   Each page is an `<article data-unit="ID" id="unit-ID">` that the ranking links to, and
//!   the print stylesheet starts each on a new A4 page (`data-pages` declares how many A4
//!   pages it fills at most);
//! - a footer saying how figures were rounded.
//!
//! Everything a person reads is in the report's [`Language`] (English unless
//! [`HtmlReport::language`] says otherwise), with the terms of [`Term`] and figures in the
//! language's notation. The page is rendered with `maud`, whose templates escape every value.
//!
//! Every figure is the published one (rounded once, by the ranking's [`RoundingPolicy`]),
//! so the report agrees with the CSV and text outputs. All text is escaped. The page
//! declares UTF-8 and uses a font stack with full Vietnamese coverage (Segoe UI, Noto Sans,
//! Roboto, Arial, DejaVu Sans …), so names such as `Phường Cẩm Phô` render on any system.
//!
//! Rows carry the unit's identifier (`<tr data-unit="minh-an">`) or the agency's
//! (`<tr data-agency="VP">`) and cells a class (`rank`, `index`, `grade`, `domain`, `owned`,
//! `achieved`, `lost`, `percent`), so that a test or a script can read the numbers back.
//!
//! # Examples
//!
//! ```
//! use par_index::html::HtmlReport;
//! use par_index::{Assessment, Cohort, Entry, Framework, RankingOptions};
//! use rust_decimal::Decimal;
//!
//! let framework = Framework::builder("demo", "Chỉ số CCHC (minh họa)")
//!     .domain("1", "Cải cách thủ tục hành chính", Decimal::ONE_HUNDRED)
//!     .build()?;
//! let mut scorecards = Vec::new();
//! for (unit, name, index) in [("hp", "Hải Phòng", "96.17"), ("hn", "Hà Nội", "92.57")] {
//!     let mut assessment = Assessment::new("demo", unit, "2024".parse()?);
//!     assessment.unit_name = name.to_owned();
//!     assessment.push(Entry::new("1".parse()?).with_appraised(index.parse()?));
//!     scorecards.push(framework.score(&assessment)?);
//! }
//! let ranking = Cohort::new(&framework, scorecards)?.rank_with(&RankingOptions::national())?;
//!
//! let html = HtmlReport::new(&ranking).title("PAR Index 2024 <draft>").render()?;
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(html.contains("<title>PAR Index 2024 &lt;draft&gt;</title>"));
//! assert!(html.contains(r#"<tr data-unit="hp"><td class="rank">1</td>"#));
//! assert!(html.contains("Hải Phòng"));
//! assert!(!html.contains("<script"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use rust_decimal::Decimal;

use crate::accountability::{Accountability, AccountabilityReport, Verdict};
use crate::code::Code;
use crate::comparison::{Comparison, RankChange, UnitChange};
use crate::error::{Error, ErrorKind};
use crate::exact::Exact;
use crate::figure::Figure;
use crate::framework::Framework;
use crate::language::{Language, Phrase, Term, Text};
use crate::page::{PageRow, ScorecardPage, evidence_text, signatures, source_text};
use crate::ranking::{RankedUnit, Ranking};
use crate::rounding::{Rounding, RoundingPolicy};
use crate::trend::Trend;

/// Colour bands of the heat table, highest first: (lowest percent, background, text colour).
/// Red–yellow–green with dark text on light backgrounds; the number is always printed, so the
/// colour is never the only carrier of the value.
const BANDS: [(u32, &str, &str); 8] = [
    (95, "#1a9850", "#ffffff"),
    (90, "#66bd63", "#10240f"),
    (85, "#a6d96a", "#10240f"),
    (80, "#d9ef8b", "#1d2410"),
    (70, "#fee08b", "#2b2200"),
    (60, "#fdae61", "#2b1600"),
    (50, "#f46d43", "#ffffff"),
    (0, "#d73027", "#ffffff"),
];

/// Line colours of the trend chart (colour-blind-safe qualitative palette); each line also
/// carries its unit's name in the legend and its values in the table below the chart.
const LINES: [&str; 12] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#637939",
];

/// Rows of a scorecard page that fit one A4 page in print (with the page's header and
/// signature block counted as [`PAGE_FRAME_ROWS`] rows): the page declares
/// `ceil((rows + frame) / per page)` pages, which the browser test checks.
const ROWS_PER_PAGE: usize = 44;
/// The header, the notes' heading and the signature block, in rows of the node table.
const PAGE_FRAME_ROWS: usize = 14;

/// Fonts that cover Vietnamese (precomposed letters with two diacritics, such as ở and ậ)
/// on Windows, macOS, Android and Linux, before the generic family.
const FONTS: &str = "\"Segoe UI\", \"Noto Sans\", Roboto, \"Helvetica Neue\", Arial, \
                     \"Liberation Sans\", \"DejaVu Sans\", Tahoma, sans-serif";

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: FONTS; color: #1f2328; background: #ffffff; margin: 0 auto;
  padding: 24px 28px 40px; max-width: 1180px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 26px; margin: 0 0 6px; }
h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #d0d7de; }
p { margin: 4px 0; }
a { color: inherit; }
.meta { color: #57606a; }
.warning { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 6px 10px;
  margin: 10px 0; display: inline-block; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: #57606a; padding-bottom: 6px; }
th, td { padding: 5px 10px; border-bottom: 1px solid #e5e8eb; vertical-align: middle; }
th { background: #f6f8fa; text-align: left; font-weight: 600; white-space: nowrap; }
td.rank, td.index, td.change, td.delta, td.domain, th.num, td.num { text-align: right; white-space: nowrap; }
td.unit small { color: #57606a; margin-left: 6px; }
td.index { font-weight: 600; }
td.grade { white-space: nowrap; }
.up { color: #1a7f37; }
.down { color: #cf222e; }
.same, .na { color: #57606a; }
tr.outside td { color: #57606a; font-style: italic; }
table.heat td.domain { min-width: 62px; border: 2px solid #ffffff; }
table.accountability td.owned, table.accountability td.achieved, table.accountability td.lost,
table.accountability td.percent { text-align: right; white-space: nowrap; }
table.accountability td.head small, table.accountability td.answers small { display: block; color: #57606a; }
table.accountability td.verdict { white-space: nowrap; }
table.losses { font-size: 14px; }
table.losses td.lost, table.losses td.points { text-align: right; white-space: nowrap; }
h3 { font-size: 16px; margin: 22px 0 8px; }
table.accountability tfoot td { font-weight: 600; border-top: 2px solid #d0d7de; }
table.heat td.na { background: #eaeef2; text-align: center; }
.stats { margin-top: 10px; color: #3d444d; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 10px 0; font-size: 13px; }
.legend span.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px;
  vertical-align: -2px; margin-right: 4px; border: 1px solid #d0d7de; }
dl.domains { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 14px; }
dl.domains dt { font-weight: 600; }
dl.domains dd { margin: 0; }
dl.domains dd span.en { color: #57606a; }
svg { max-width: 100%; height: auto; }
svg text { font-family: FONTS; }
table.trend td, table.heads-trend td { white-space: nowrap; }
article.unit-page { border-top: 3px solid #1f2328; margin-top: 40px; padding-top: 12px; }
article.unit-page h2 { margin-top: 8px; border: none; }
table.scorecard { font-size: 13px; width: 100%; }
table.scorecard th, table.scorecard td { padding: 3px 6px; }
table.scorecard tr.domain td { font-weight: 700; background: #f6f8fa; }
table.scorecard tr.criterion td.item { padding-left: 14px; }
table.scorecard tr.subcriterion td.item { padding-left: 26px; }
table.scorecard td.evidence, table.scorecard td.lead { font-size: 12px; }
ol.notes { font-size: 13px; margin: 6px 0; padding-left: 20px; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; margin-top: 24px; text-align: center; }
.signatures p.role { font-weight: 700; }
.signatures p.hint { font-style: italic; color: #57606a; min-height: 64px; }
footer { margin-top: 36px; color: #57606a; font-size: 13px; border-top: 1px solid #d0d7de; padding-top: 8px; }
@page { size: A4; margin: 12mm 11mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 11px; }
  h1 { font-size: 20px; }
  h2 { font-size: 15px; break-after: avoid; }
  tr { break-inside: avoid; }
  .scroll { overflow: visible; }
  article.unit-page { break-before: page; border: none; margin-top: 0; padding-top: 0; }
  table.scorecard { font-size: 9px; }
  table.scorecard td.evidence, table.scorecard td.lead { font-size: 8.5px; }
  table.scorecard th, table.scorecard td { padding: 1.5px 4px; }
  ol.notes { font-size: 9px; }
  .signatures { break-inside: avoid; margin-top: 14px; }
  .signatures p.hint { min-height: 48px; }
  a { text-decoration: none; }
}
"#;

/// A self-contained HTML report of a ranking, with an optional comparison (see the
/// [module docs](self)).
///
/// # Examples
///
/// ```
/// use par_index::html::HtmlReport;
/// use par_index::{Cohort, Entry, Framework, RankingOptions, language::Language};
///
/// let framework = Framework::builder("demo", "Chỉ số CCHC cấp xã").domain("1", "Chỉ số CCHC", 100.into()).build()?;
/// let score = |unit: &str, index: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(index.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [score("minh-an", "91.5")?, score("cam-kim", "84.25")?])?;
/// let ranking = cohort.rank_with(&RankingOptions::national())?;
/// let html = HtmlReport::new(&ranking).title("Xếp hạng CCHC 2024").language(Language::Vietnamese).render()?;
/// assert!(html.starts_with("<!DOCTYPE html><html lang=\"vi\">"));
/// assert!(html.contains("Xếp hạng CCHC 2024"));
/// assert!(html.contains("<th class=\"num\" scope=\"col\">Chỉ số CCHC</th>"));
/// assert!(html.contains("84,25") && !html.contains("<script"));
/// // Each unit's scorecard page, linked from its row.
/// assert!(html.contains("<a href=\"#unit-cam-kim\">cam-kim</a>"));
/// assert!(html.contains("<article class=\"unit-page\" id=\"unit-cam-kim\" data-unit=\"cam-kim\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct HtmlReport<'a> {
    framework: &'a Framework,
    ranking: &'a Ranking,
    comparison: Option<&'a Comparison>,
    /// The comparison's changes by unit, to find each row's in one look.
    changes: HashMap<&'a str, &'a UnitChange>,
    accountability: Option<&'a AccountabilityReport>,
    assignments: Option<&'a Accountability>,
    trend: Option<&'a Trend>,
    title: Option<String>,
    language: Language,
    pages: bool,
}

impl<'a> HtmlReport<'a> {
    /// A report of `ranking` (the domains' names are its framework's), in English, with a
    /// scorecard page per unit.
    pub fn new(ranking: &'a Ranking) -> HtmlReport<'a> {
        HtmlReport {
            framework: ranking.framework(),
            ranking,
            comparison: None,
            changes: HashMap::new(),
            accountability: None,
            assignments: None,
            trend: None,
            title: None,
            language: Language::default(),
            pages: true,
        }
    }

    /// Shows each unit's change since a previous ranking; `comparison`'s current ranking
    /// must be this report's ranking.
    pub fn comparison(mut self, comparison: &'a Comparison) -> Self {
        self.comparison = Some(comparison);
        self.changes = comparison
            .units()
            .iter()
            .map(|change| (change.unit.as_str(), change))
            .collect();
        self
    }

    /// Adds the accountability table: who answers for each domain, with the points each head
    /// owned, achieved and lost over the ranked units. The report must be of the ranking's
    /// framework and period.
    pub fn accountability(mut self, report: &'a AccountabilityReport) -> Self {
        self.accountability = Some(report);
        self
    }

    /// Names, on each unit's scorecard page, the agency and head that lead each node and the
    /// agencies that coordinate it. The assignments must be for the ranking's framework.
    pub fn assignments(mut self, accountability: &'a Accountability) -> Self {
        self.assignments = Some(accountability);
        self
    }

    /// Adds the trend over several periods: a line chart and tables. The trend's last
    /// period must be the ranking's.
    pub fn trend(mut self, trend: &'a Trend) -> Self {
        self.trend = Some(trend);
        self
    }

    /// The report's title; by default the framework's title and the period.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// The language of everything the report says (English by default).
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    /// Leaves out the scorecard pages of the units.
    pub fn without_pages(mut self) -> Self {
        self.pages = false;
        self
    }

    /// Renders the report as one HTML document.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::ReportMismatch`] when the comparison's current ranking, the
    /// accountability report or the trend's last period is of another framework or period
    /// than the ranking; [`ErrorKind::AssignmentFrameworkMismatch`] when the assignments
    /// are for another framework.
    pub fn render(&self) -> Result<String, Error> {
        self.check()?;
        let pages = if self.pages {
            self.ranking
                .units()
                .iter()
                .chain(self.ranking.unranked())
                .map(|unit| {
                    let page = ScorecardPage::new(self.ranking, &unit.unit)?;
                    match self.assignments {
                        Some(assignments) => page.with_accountability(assignments),
                        None => Ok(page),
                    }
                })
                .collect::<Result<Vec<_>, Error>>()?
        } else {
            Vec::new()
        };
        let lang = self.language;
        let title = self.title_text();
        let style = STYLE.replace("FONTS", FONTS);
        let markup = html! {
            (DOCTYPE)
            html lang=(lang.code()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="generator" content="par-index";
                    title { (title) }
                    style { (PreEscaped(style)) }
                }
                body {
                    (self.header(&title))
                    (self.ranking_section())
                    (self.chart_section())
                    (self.heat_section())
                    (self.accountability_section())
                    (self.trend_section())
                    @if !pages.is_empty() {
                        section id="units" {
                            h2 { (Term::Scorecard.text(lang)) }
                            p.meta { (Text::PagesNote.text(lang)) }
                            @for page in &pages { (self.unit_page(page)) }
                        }
                    }
                    (self.footer())
                }
            }
        };
        let mut text = markup.into_string();
        text.push('\n');
        Ok(text)
    }

    fn check(&self) -> Result<(), Error> {
        let show = |framework: &str, period: Option<&crate::Period>| {
            format!(
                "framework {framework} and period {}",
                period.map_or_else(|| "(none)".to_owned(), ToString::to_string)
            )
        };
        let expected = (self.framework.id(), self.ranking.period());
        if let Some(comparison) = self.comparison {
            let found = (comparison.current_framework(), comparison.current_period());
            if found != expected {
                return Err(ErrorKind::ReportMismatch {
                    what: "the comparison's current ranking".to_owned(),
                    expected: show(expected.0, expected.1),
                    found: show(found.0, found.1),
                }
                .into());
            }
        }
        if let Some(report) = self.accountability {
            let found = (report.framework.as_str(), Some(&report.period));
            if found != expected {
                return Err(ErrorKind::ReportMismatch {
                    what: "the accountability report".to_owned(),
                    expected: show(expected.0, expected.1),
                    found: show(found.0, found.1),
                }
                .into());
            }
        }
        if let Some(trend) = self.trend {
            let found = (
                trend.frameworks().last().map_or("", String::as_str),
                trend.periods().last(),
            );
            if found != expected {
                return Err(ErrorKind::ReportMismatch {
                    what: "the trend's last period".to_owned(),
                    expected: show(expected.0, expected.1),
                    found: show(found.0, found.1),
                }
                .into());
            }
        }
        if let Some(assignments) = self.assignments {
            assignments.check_framework(self.framework)?;
        }
        Ok(())
    }

    fn policy(&self) -> &RoundingPolicy {
        &self.ranking.options().rounding
    }

    /// A published figure in the report's language.
    fn n(&self, value: Decimal) -> String {
        self.language.number(value)
    }

    /// An exact figure, published by the ranking's policy, in the report's language.
    fn r(&self, value: &Exact) -> String {
        self.n(self.policy().publish(value))
    }

    fn title_text(&self) -> String {
        match (&self.title, self.ranking.period()) {
            (Some(title), _) => title.clone(),
            (None, Some(period)) => {
                format!(
                    "{}, {period}",
                    self.framework.info().title_in(self.language)
                )
            }
            (None, None) => self.framework.info().title_in(self.language).to_owned(),
        }
    }

    fn header(&self, title: &str) -> Markup {
        let lang = self.language;
        let info = self.framework.info();
        let previous = self.comparison.and_then(Comparison::previous_period);
        let unranked = self.ranking.unranked().len();
        html! {
            header {
                h1 { (title) }
                p.meta {
                    (Term::Framework.text(lang)) ": " span lang="vi" { (info.title_in(lang)) } " (" code { (info.id) } ")"
                    @if let Some(decision) = &info.decision { ", " (Text::Decision.text(lang)) " " (decision.number) }
                    @if let Some(period) = self.ranking.period() { " · " (Term::Period.text(lang)) " " (period.as_str()) }
                    @if let Some(previous) = previous { ", " (Text::ComparedWith.text(lang)) " " (previous.as_str()) }
                    " · " (self.ranking.len()) " " (Text::UnitsRanked.text(lang))
                    @if unranked > 0 { ", " (unranked) " " (Text::ListedOutside.text(lang)) }
                }
                @if info.illustrative {
                    p.warning { strong { (Text::IllustrativeWarning.text(lang)) } }
                }
            }
        }
    }

    fn change_of(&self, unit: &str) -> Option<&'a UnitChange> {
        self.changes.get(unit).copied()
    }

    fn ranking_section(&self) -> Markup {
        let lang = self.language;
        let graded = self.ranking.options().grades.is_some();
        let compared = self.comparison.is_some();
        let gone: Vec<&UnitChange> = self
            .comparison
            .map(|c| c.units().iter().filter(|u| u.current.is_none()).collect())
            .unwrap_or_default();
        let stats = self
            .ranking
            .statistics()
            .index
            .as_ref()
            .map(|s| s.publish(self.policy()));
        let named = self.ranking.units().iter().any(|u| u.unit_name != u.unit);
        html! {
            section id="ranking" {
                h2 { (Term::Ranking.text(lang)) }
                div.scroll {
                    table.ranking {
                        thead { tr {
                            th.num scope="col" { (Term::Rank.text(lang)) }
                            th scope="col" { (Term::Unit.text(lang)) }
                            th.num scope="col" { (Term::ParIndex.text(lang)) }
                            @if graded { th scope="col" { (Term::Grade.text(lang)) } }
                            @if compared {
                                th.num scope="col" { (Term::RankChange.text(lang)) }
                                th.num scope="col" { (Term::IndexChange.text(lang)) }
                            }
                        } }
                        tbody {
                            @for unit in self.ranking.units() { (self.ranking_row(unit, false, graded)) }
                            @for unit in self.ranking.unranked() { (self.ranking_row(unit, true, graded)) }
                            @for unit in &gone {
                                tr.outside data-unit=(unit.unit) {
                                    td.rank { "–" }
                                    td.unit { (unit.unit_name) }
                                    td.index { "–" }
                                    @if graded { td.grade {} }
                                    td class="change same" { (RankChange::Dropped.text(lang)) }
                                    td.delta {}
                                }
                            }
                        }
                    }
                }
                @if let Some(s) = stats {
                    p.stats {
                        (Term::ParIndex.text(lang)) ", " (s.count) " " (Text::UnitsRanked.text(lang)) ": "
                        (Term::Mean.text(lang)) " " (self.n(s.mean)) ", "
                        (Term::Median.text(lang)) " " (self.n(s.median)) ", "
                        (Term::Lowest.text(lang)) " " (self.n(s.min)) ", "
                        (Term::Highest.text(lang)) " " (self.n(s.max)) "; "
                        (s.above_mean) " > " (Term::Mean.text(lang)) "."
                    }
                }
                @if named { p.meta { (Text::IdentifierNote.text(lang)) } }
            }
        }
    }

    fn ranking_row(&self, unit: &RankedUnit, outside: bool, graded: bool) -> Markup {
        let lang = self.language;
        let rank = unit.rank.map_or_else(|| "–".to_owned(), |r| lang.rank(r));
        let change = self.change_of(&unit.unit);
        let link = format!("#unit-{}", unit.unit);
        html! {
            tr class=[outside.then_some("outside")] data-unit=(unit.unit) {
                td.rank { (rank) }
                td.unit {
                    @if self.pages { a href=(link) { (unit.unit_name) } } @else { (unit.unit_name) }
                    @if unit.unit_name != unit.unit { small { (unit.unit) } }
                }
                td.index { (self.n(unit.index.published())) }
                @if graded { td.grade { (unit.grade.as_deref().unwrap_or("")) } }
                @if self.comparison.is_some() {
                    @match change {
                        Some(change) => {
                            @let class = match change.rank_change {
                                RankChange::Up { .. } => "up",
                                RankChange::Down { .. } => "down",
                                _ => "same",
                            };
                            @let delta = change.index_change.as_ref().map(|d| self.policy().apply(d.published()));
                            @let delta_class = match delta {
                                Some(d) if d > Decimal::ZERO => "up",
                                Some(d) if d < Decimal::ZERO => "down",
                                _ => "same",
                            };
                            td class=(format!("change {class}")) { (change.rank_change.text(lang)) }
                            td class=(format!("delta {delta_class}")) { (delta.map(|d| lang.signed(d)).unwrap_or_default()) }
                        }
                        None => { td class="change same" {} td.delta {} }
                    }
                }
            }
        }
    }

    fn chart_section(&self) -> Markup {
        let units: Vec<&RankedUnit> = self
            .ranking
            .units()
            .iter()
            .chain(self.ranking.unranked())
            .collect();
        if units.is_empty() {
            return html! {};
        }
        let mean = self
            .ranking
            .statistics()
            .index
            .as_ref()
            .map(|s| self.policy().publish(&s.mean));
        html! {
            section id="chart" {
                h2 { (Term::IndexChart.text(self.language)) }
                (bar_chart(&units, mean, self.language))
            }
        }
    }

    fn heat_section(&self) -> Markup {
        let lang = self.language;
        let codes = self.ranking.domain_codes();
        if codes.is_empty() {
            return html! {};
        }
        let mut legend: Vec<(String, &str)> = Vec::new();
        let mut upper: Option<u32> = None;
        for (min, background, _) in BANDS {
            let label = match upper {
                None => format!("{min} {}", Text::Above.text(lang)),
                Some(_) if min == 0 => format!("{} 50", Text::Below.text(lang)),
                Some(upper) => format!("{min} {} {upper}", Text::To.text(lang)),
            };
            legend.push((label, background));
            upper = Some(min);
        }
        html! {
            section id="domains" {
                h2 { (Term::Domains.text(lang)) }
                div.scroll {
                    table.heat {
                        caption { (Text::HeatCaption.text(lang)) }
                        thead { tr {
                            th scope="col" { (Term::Unit.text(lang)) }
                            @for code in codes {
                                th.num scope="col" title=(self.domain_name(code)) { (code.as_str()) }
                            }
                        } }
                        tbody {
                            @for unit in self.ranking.units().iter().chain(self.ranking.unranked()) {
                                tr data-unit=(unit.unit) {
                                    td.unit { (unit.unit_name) }
                                    @for (d, code) in codes.iter().enumerate() {
                                        @match unit.domain_at(d, code).and_then(|d| d.percent.as_ref()).map(Figure::published) {
                                            Some(percent) => {
                                                @let (background, colour) = band(percent);
                                                td.domain data-code=(code.as_str()) style=(format!("background:{background};color:{colour}")) { (self.n(percent)) }
                                            }
                                            None => { td class="domain na" data-code=(code.as_str()) { (Term::NotApplicable.text(lang)) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                div.legend {
                    @for (label, background) in &legend {
                        span { span.swatch style=(format!("background:{background}")) {} (label) }
                    }
                    span { span.swatch style="background:#eaeef2" {} (Text::DoesNotApply.text(lang)) }
                }
                dl.domains {
                    @for code in codes {
                        @let node = self.framework.node_by_code(code);
                        dt { (code.as_str()) }
                        dd {
                            span lang="vi" { (node.map(|n| n.name_vi()).unwrap_or("")) }
                            @if let Some(en) = node.map(|n| n.name_en()).filter(|en| !en.is_empty()) {
                                " " span.en { "(" (en) ")" }
                            }
                            @if let Some(node) = node {
                                ", " (self.n(node.max_points())) " " (Text::PointsUnit.text(lang))
                            }
                        }
                    }
                }
            }
        }
    }

    fn accountability_section(&self) -> Markup {
        let Some(report) = self.accountability else {
            return html! {};
        };
        let lang = self.language;
        let r = |d: &Exact| lang.number(report.rounding.publish(d));
        let compared = report.previous_period.is_some();
        let units = if report.units.len() == 1 {
            format!("{} {}", Term::Unit.text(lang), report.units.join(""))
        } else {
            format!("{} {}", report.units.len(), Text::UnitsRanked.text(lang))
        };
        html! {
            section id="accountability" {
                h2 { (Term::Accountability.text(lang)) }
                p.meta {
                    span lang="vi" { (report.title_in(lang)) } " · " (units)
                    @if let Some(previous) = &report.previous_period { ", " (Text::ComparedWith.text(lang)) " " (previous.as_str()) }
                }
                @if report.inferred { p.warning { strong { (Text::InferredWarning.text(lang)) } } }
                div.scroll {
                    table.accountability {
                        thead { tr {
                            th.num scope="col" { (Term::Rank.text(lang)) }
                            th scope="col" { (Term::Head.text(lang)) }
                            th scope="col" { (Term::AnswersFor.text(lang)) }
                            th.num scope="col" { (Term::Owned.text(lang)) }
                            th.num scope="col" { (Term::Achieved.text(lang)) }
                            th.num scope="col" { (Term::Lost.text(lang)) }
                            th.num scope="col" { "%" }
                            @if compared {
                                th.num scope="col" { "% " (Term::Change.text(lang)) }
                                th.num scope="col" { (Term::Lost.text(lang)) " " (Term::Change.text(lang)) }
                            }
                            th scope="col" { (Term::Verdict.text(lang)) }
                        } }
                        tbody {
                            @for head in &report.heads {
                                @let percent = head.percent.as_ref().map(|p| report.rounding.publish(p));
                                @let change = head.change.as_ref();
                                @let percent_change = change.and_then(|c| c.percent_change.as_ref()).map(|p| report.rounding.publish(p));
                                @let lost_change = change.map(|c| report.rounding.publish(&c.lost_change));
                                @let verdict = match head.verdict {
                                    Verdict::AtOrAboveOverall => "up",
                                    Verdict::BelowOverall => "down",
                                    _ => "same",
                                };
                                tr data-agency=(head.agency.code) {
                                    td.rank { (head.rank.map_or_else(|| "–".to_owned(), |r| lang.rank(r))) }
                                    td.head { span lang="vi" { (head.agency.head_label()) } small lang="vi" { (head.agency.name_vi) } }
                                    td.answers {
                                        (head.answers_for.iter().map(Code::as_str).collect::<Vec<_>>().join(", "))
                                        @if !head.coordinates.is_empty() {
                                            small { (Text::Coordinates.text(lang)) " " (head.coordinates.iter().map(Code::as_str).collect::<Vec<_>>().join(", ")) }
                                        }
                                    }
                                    td.owned { (r(&head.owned)) }
                                    td.achieved { (r(&head.achieved)) }
                                    td.lost { (r(&head.lost)) }
                                    @match percent {
                                        Some(percent) => {
                                            @let (background, colour) = band(percent);
                                            td.percent style=(format!("background:{background};color:{colour}")) { (lang.number(percent)) }
                                        }
                                        None => { td class="percent na" { "–" } }
                                    }
                                    @if compared {
                                        td class=(format!("delta {}", direction(percent_change, true))) { (percent_change.map(|d| lang.signed(d)).unwrap_or_default()) }
                                        td class=(format!("delta {}", direction(lost_change, false))) { (lost_change.map(|d| lang.signed(d)).unwrap_or_default()) }
                                    }
                                    td class=(format!("verdict {verdict}")) { (head.verdict.text(lang)) }
                                }
                            }
                        }
                        tfoot { tr {
                            td {} td { (Term::Total.text(lang)) } td {}
                            td.owned { (r(&report.owned)) }
                            td.achieved { (r(&report.achieved)) }
                            td.lost { (r(&report.lost)) }
                            td.percent { (report.percent.as_ref().map(r).unwrap_or_default()) }
                            @if compared { td {} td {} }
                            td {}
                        } }
                    }
                }
                (self.worst_leaves(report))
                @if !report.adjustments.is_zero() {
                    p.meta { (Text::AdjustmentsNote.text(lang)) " (" (lang.signed(report.rounding.publish(&report.adjustments))) ")." }
                }
                @if !report.previous_only.is_empty() {
                    p.meta { (Term::Dropped.text(lang)) ": " (report.previous_only.join(", ")) "." }
                }
                p.meta { (Text::AccountabilityNote.text(lang)) }
            }
        }
    }

    /// Each head's largest losses: unit, leaf, points lost and the note.
    fn worst_leaves(&self, report: &AccountabilityReport) -> Markup {
        if report.heads.iter().all(|h| h.worst_leaves.is_empty()) {
            return html! {};
        }
        let lang = self.language;
        let r = |d: &Exact| lang.number(report.rounding.publish(d));
        let noted = report
            .heads
            .iter()
            .flat_map(|h| &h.worst_leaves)
            .any(|leaf| !leaf.note.is_empty());
        html! {
            h3 { (Term::LargestLosses.text(lang)) }
            div.scroll {
                table.losses {
                    thead { tr {
                        th scope="col" { (Term::Head.text(lang)) }
                        th scope="col" { (Term::Unit.text(lang)) }
                        th scope="col" { (Term::Item.text(lang)) }
                        th.num scope="col" { (Term::Lost.text(lang)) }
                        th.num scope="col" { (Term::Achieved.text(lang)) }
                        @if noted { th scope="col" { (Term::Note.text(lang)) } }
                    } }
                    tbody {
                        @for head in &report.heads {
                            @for leaf in &head.worst_leaves {
                                @let unit = self.ranking.unit(&leaf.unit).map_or(leaf.unit.as_str(), |u| u.unit_name.as_str());
                                tr data-agency=(head.agency.code) data-unit=(leaf.unit) {
                                    td lang="vi" { (head.agency.head_label()) }
                                    td { (unit) }
                                    td { b { (leaf.code.as_str()) } " " span lang="vi" { (leaf.name_vi) } }
                                    td.lost { (r(&leaf.lost)) }
                                    td.points { (r(&leaf.points)) (Text::Of.text(lang)) (r(&leaf.max_points)) }
                                    @if noted { td lang="vi" { (leaf.note) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    fn trend_section(&self) -> Markup {
        let Some(trend) = self.trend else {
            return html! {};
        };
        let lang = self.language;
        html! {
            section id="trend" {
                h2 { (Term::Trend.text(lang)) }
                (trend_chart(trend, lang))
                div.scroll {
                    table.trend {
                        caption { (Text::TrendCaption.text(lang)) }
                        thead { tr {
                            th scope="col" { (Term::Unit.text(lang)) }
                            @for period in trend.periods() { th.num scope="col" { (period.as_str()) } }
                        } }
                        tbody {
                            @for unit in trend.units() {
                                tr data-unit=(unit.unit) {
                                    td.unit { (unit.unit_name) }
                                    @for point in &unit.periods {
                                        @match point {
                                            Some(point) => {
                                                td.num data-rank=(point.rank.map(|r| r.to_string()).unwrap_or_default()) {
                                                    b { (lang.number(point.index.published())) }
                                                    " (" (point.rank.map_or_else(|| "–".to_owned(), |r| lang.rank(r)))
                                                    @if let Some(grade) = &point.grade { ", " (grade) }
                                                    ")"
                                                }
                                            }
                                            None => { td.num { "–" } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                @if !trend.heads().is_empty() {
                    div.scroll {
                        table.heads-trend {
                            caption { (Text::HeadsTrendCaption.text(lang)) }
                            thead { tr {
                                th scope="col" { (Term::Head.text(lang)) }
                                @for period in trend.periods() { th.num scope="col" { (period.as_str()) } }
                            } }
                            tbody {
                                @for head in trend.heads() {
                                    tr data-agency=(head.agency) {
                                        td lang="vi" { (head.head) }
                                        @for percent in &head.percent {
                                            td.num { (percent.as_ref().map_or_else(|| "–".to_owned(), |p| format!("{}%", lang.number(trend.rounding().publish(p))))) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    fn unit_page(&self, page: &ScorecardPage<'_>) -> Markup {
        let lang = self.language;
        let card = page.scorecard();
        let info = self.framework.info();
        let rows = page.rows();
        let accountable = self.assignments.is_some();
        let notes: Vec<&PageRow> = rows
            .iter()
            .filter(|row| !row.note.is_empty() || !row.evidence_refs.is_empty())
            .collect();
        let frame = PAGE_FRAME_ROWS.saturating_add(notes.len());
        let pages = rows
            .len()
            .saturating_add(frame)
            .div_ceil(ROWS_PER_PAGE)
            .max(1);
        let (left, right, sign) = signatures(lang);
        let optional =
            |value: &Option<Exact>| value.as_ref().map(|v| self.r(v)).unwrap_or_default();
        html! {
            article.unit-page id=(format!("unit-{}", card.unit())) data-unit=(card.unit()) data-pages=(pages) {
                h2 { (page.title(lang)) }
                p.meta {
                    (Term::Framework.text(lang)) ": " span lang="vi" { (info.title_in(lang)) }
                    " · " (Term::Period.text(lang)) " " (card.period().as_str())
                }
                p.standing { strong { (page.standing_line(lang)) } }
                p.meta {
                    (Term::Achieved.text(lang)) ": " (self.r(card.points())) "/" (self.r(card.effective_max()))
                    " · " (Term::Lost.text(lang)) ": " (self.n(page.lost().published()))
                    @if !card.adjustments().is_empty() {
                        " · " (Term::Adjustments.text(lang)) ": " (lang.signed(self.policy().publish(&card.adjustment_points())))
                    }
                }
                table.scorecard {
                    thead { tr {
                        th scope="col" { (Term::Code.text(lang)) }
                        th scope="col" { (Term::Item.text(lang)) }
                        th.num scope="col" { (Term::MaxPoints.text(lang)) }
                        th.num scope="col" { (Term::SelfAssessed.text(lang)) }
                        th.num scope="col" { (Term::Appraised.text(lang)) }
                        th.num scope="col" { (Term::Achieved.text(lang)) }
                        th.num scope="col" { (Term::Lost.text(lang)) }
                        th scope="col" { (Term::Source.text(lang)) }
                        th scope="col" { (Term::Evidence.text(lang)) }
                        @if accountable { th scope="col" { (Term::LeadAgency.text(lang)) } }
                    } }
                    tbody {
                        @for row in &rows {
                            @let class = match row.level {
                                crate::code::Level::Domain => "domain",
                                crate::code::Level::Criterion => "criterion",
                                _ => "subcriterion",
                            };
                            tr class=(class) data-code=(row.code.as_str()) {
                                td.code { (row.code.as_str()) }
                                td.item lang="vi" { (row.name_vi) }
                                td.num.max { (self.r(&row.max_points)) }
                                td.num.self { (optional(&row.self_assessed)) }
                                td.num.appraised { (optional(&row.appraised)) }
                                td.num.points { (row.points.as_ref().map_or_else(|| Term::NotApplicable.text(lang).to_owned(), |p| self.r(p))) }
                                td.num.lost { (self.r(&row.lost)) }
                                td.source { (row.source.map(|s| source_text(s, lang)).unwrap_or("")) }
                                td.evidence { (row.evidence.as_ref().map(|e| evidence_text(e, lang)).unwrap_or_default()) }
                                @if accountable {
                                    td.lead lang="vi" {
                                        @if let Some(lead) = &row.lead { (lead.head_label()) }
                                        @if !row.coordinating.is_empty() {
                                            br;
                                            small { (Text::Coordinates.text(lang)) ": " (row.coordinating.iter().map(|a| a.code.as_str()).collect::<Vec<_>>().join(", ")) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                @if !notes.is_empty() {
                    h3 { (Term::Note.text(lang)) " / " (Term::EvidenceRefs.text(lang)) }
                    ol.notes {
                        @for row in &notes {
                            li data-code=(row.code.as_str()) {
                                b { (row.code.as_str()) } ": "
                                @if !row.note.is_empty() { span lang="vi" { (row.note) } }
                                @if !row.note.is_empty() && !row.evidence_refs.is_empty() { "; " }
                                (row.evidence_refs.join("; "))
                            }
                        }
                    }
                }
                p.meta { small { (Text::EvidenceFootnote.text(lang)) } }
                div.signatures {
                    div { p.role { (left) } p.hint { (sign) } }
                    div { p.role { (right) } p.hint { (sign) } }
                }
            }
        }
    }

    fn domain_name(&self, code: &Code) -> String {
        match self.framework.node_by_code(code) {
            Some(node) if !node.name_en().is_empty() => {
                format!("{} ({})", node.name_vi(), node.name_en())
            }
            Some(node) => node.name_vi().to_owned(),
            None => code.to_string(),
        }
    }

    fn footer(&self) -> Markup {
        let policy = self.policy();
        let places = policy.decimal_places();
        let rounding = match policy.rounding() {
            Rounding::HalfAwayFromZero => Phrase::HalfAwayFromZero,
            Rounding::HalfEven => Phrase::HalfEven,
            Rounding::HalfTowardZero => Phrase::HalfTowardZero,
            Rounding::TowardZero => Phrase::TowardZero,
            Rounding::AwayFromZero => Phrase::AwayFromZero,
        }
        .fill(self.language, &[]);
        let text = Phrase::Footer.fill(self.language, &[places.to_string(), rounding]);
        html! { footer { (text) } }
    }
}

/// `up`, `down` or `same` for a change, given which way is better.
fn direction(change: Option<Decimal>, higher_is_better: bool) -> &'static str {
    match change {
        Some(d) if d.is_zero() => "same",
        Some(d) if (d > Decimal::ZERO) == higher_is_better => "up",
        Some(_) => "down",
        None => "same",
    }
}

/// The heat colour of a percentage: (background, text).
fn band(percent: Decimal) -> (&'static str, &'static str) {
    BANDS
        .iter()
        .find(|(min, _, _)| percent >= Decimal::from(*min))
        .or(BANDS.last())
        .map_or(("#ffffff", "#1f2328"), |(_, background, text)| {
            (background, text)
        })
}

/// A decimal rounded to one place for SVG coordinates; coordinates here are small, so the
/// fallback is never taken.
fn coordinate(value: Option<Decimal>) -> Decimal {
    value.unwrap_or(Decimal::ZERO).round_dp(1).normalize()
}

/// The bar chart: one bar per unit on a 0–100 axis, the mean as a dashed line.
fn bar_chart(units: &[&RankedUnit], mean: Option<Decimal>, language: Language) -> Markup {
    const WIDTH: i64 = 860;
    const ROW: i64 = 24;
    const TOP: i64 = 28;
    const RIGHT: i64 = 56;
    // Label width from the longest name, about 7 pixels a character at 13 px.
    let longest = units
        .iter()
        .map(|u| u.unit_name.chars().count())
        .max()
        .unwrap_or(0);
    let max_chars = longest.clamp(8, 38);
    // Pixel arithmetic saturates: `max_chars` is at most 38, and a unit count large enough
    // to saturate could not be held in memory.
    let label_width = i64::try_from(max_chars)
        .unwrap_or(38)
        .saturating_mul(7)
        .saturating_add(16);
    let plot = WIDTH.saturating_sub(label_width).saturating_sub(RIGHT);
    let count = i64::try_from(units.len()).unwrap_or(i64::MAX / 64);
    let height = TOP
        .saturating_add(count.saturating_mul(ROW))
        .saturating_add(30);
    let x = |value: Decimal| {
        coordinate(
            value
                .checked_mul(Decimal::from(plot))
                .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
                .and_then(|v| v.checked_add(Decimal::from(label_width))),
        )
    };
    let axis_bottom = TOP.saturating_add(count.saturating_mul(ROW));
    let name = |unit: &RankedUnit| -> String {
        if unit.unit_name.chars().count() > max_chars {
            let mut cut: String = unit
                .unit_name
                .chars()
                .take(max_chars.saturating_sub(1))
                .collect();
            cut.push('…');
            cut
        } else {
            unit.unit_name.clone()
        }
    };
    html! {
        svg.bars xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {WIDTH} {height}"))
            width=(WIDTH) height=(height) role="img" aria-labelledby="chart-title" {
            title id="chart-title" { (Term::IndexChart.text(language)) ", 0–100" }
            @for tick in (0..=100).step_by(20) {
                @let tx = x(Decimal::from(tick));
                line x1=(tx) y1=(TOP - 6) x2=(tx) y2=(axis_bottom) stroke="#d0d7de" stroke-width="1" {}
                text x=(tx) y=(axis_bottom.saturating_add(16)) font-size="12" fill="#57606a" text-anchor="middle" { (tick) }
            }
            // The mean first, so that bars and their labels are drawn over it.
            @if let Some(mean) = mean {
                @let mx = x(mean);
                line x1=(mx) y1=(TOP - 2) x2=(mx) y2=(axis_bottom) stroke="#cf222e" stroke-width="1.5" stroke-dasharray="5 4" {}
                text x=(mx) y=(TOP - 16) font-size="12" fill="#cf222e" text-anchor="middle" { (Term::Mean.text(language)) " " (language.number(mean)) }
            }
            @for (i, unit) in units.iter().enumerate() {
                @let top = TOP.saturating_add(i64::try_from(i).unwrap_or(0).saturating_mul(ROW));
                @let end = x(unit.index.published());
                @let bar = coordinate(end.checked_sub(Decimal::from(label_width)));
                @let fill = if unit.rank.is_some() { "#3b6fb6" } else { "#9aa7b8" };
                @let shown = language.number(unit.index.published());
                g data-unit=(unit.unit) {
                    title { (unit.unit_name) ": " (shown) }
                    text x=(label_width.saturating_sub(8)) y=(top.saturating_add(17)) font-size="13" fill="#1f2328" text-anchor="end" { (name(unit)) }
                    rect x=(label_width) y=(top.saturating_add(4)) width=(bar) height="16" rx="2" fill=(fill) {}
                    text.value x=(coordinate(end.checked_add(Decimal::from(5)))) y=(top.saturating_add(17)) font-size="12" fill="#1f2328"
                        stroke="#ffffff" stroke-width="3" paint-order="stroke" { (shown) }
                }
            }
        }
    }
}

/// The trend chart: one line per unit over the periods, on an index axis from the lowest
/// tenth below the lowest index to 100.
fn trend_chart(trend: &Trend, language: Language) -> Markup {
    const WIDTH: i64 = 860;
    const HEIGHT: i64 = 340;
    const LEFT: i64 = 48;
    const RIGHT: i64 = 24;
    const TOP: i64 = 16;
    const BOTTOM: i64 = 36;
    let lowest = trend
        .units()
        .iter()
        .flat_map(|u| u.periods.iter().flatten())
        .map(|p| p.index.published())
        .min()
        .unwrap_or(Decimal::ZERO);
    // The axis starts at the tenth at or below the lowest index (0 at the least).
    let floor = lowest
        .checked_div(Decimal::TEN)
        .and_then(|tenths| tenths.floor().checked_mul(Decimal::TEN))
        .unwrap_or(Decimal::ZERO)
        .max(Decimal::ZERO)
        .min(Decimal::from(90));
    let span = Decimal::ONE_HUNDRED
        .checked_sub(floor)
        .unwrap_or(Decimal::ONE_HUNDRED);
    let plot_w = WIDTH.saturating_sub(LEFT).saturating_sub(RIGHT);
    let plot_h = HEIGHT.saturating_sub(TOP).saturating_sub(BOTTOM);
    let steps = i64::try_from(trend.periods().len().saturating_sub(1))
        .unwrap_or(1)
        .max(1);
    let px = |i: usize| {
        LEFT.saturating_add(
            i64::try_from(i)
                .unwrap_or(0)
                .saturating_mul(plot_w)
                .checked_div(steps)
                .unwrap_or(0),
        )
    };
    let py = |value: Decimal| {
        coordinate(
            value
                .checked_sub(floor)
                .and_then(|v| v.checked_mul(Decimal::from(plot_h)))
                .and_then(|v| v.checked_div(span))
                .and_then(|v| Decimal::from(TOP.saturating_add(plot_h)).checked_sub(v)),
        )
    };
    let ticks: Vec<Decimal> = (0..=10)
        .map(|k| {
            floor
                .checked_add(
                    span.checked_mul(Decimal::from(k))
                        .and_then(|v| v.checked_div(Decimal::TEN))
                        .unwrap_or(Decimal::ZERO),
                )
                .unwrap_or(Decimal::ZERO)
        })
        .filter(|v| (v.checked_rem(Decimal::from(5)).unwrap_or(Decimal::ONE)).is_zero())
        .collect();
    let colour = |i: usize| {
        LINES
            .get(i.checked_rem(LINES.len()).unwrap_or(0))
            .copied()
            .unwrap_or("#1f2328")
    };
    html! {
        svg.trend xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {WIDTH} {HEIGHT}"))
            width=(WIDTH) height=(HEIGHT) role="img" aria-labelledby="trend-title" {
            title id="trend-title" { (Term::Trend.text(language)) ": " (Term::ParIndex.text(language)) }
            @for tick in &ticks {
                @let y = py(*tick);
                line x1=(LEFT) y1=(y) x2=(WIDTH - RIGHT) y2=(y) stroke="#e5e8eb" stroke-width="1" {}
                text x=(LEFT - 6) y=(y.checked_add(Decimal::from(4)).unwrap_or(y)) font-size="11" fill="#57606a" text-anchor="end" { (tick.normalize()) }
            }
            @for (i, period) in trend.periods().iter().enumerate() {
                text x=(px(i)) y=(HEIGHT - 12) font-size="12" fill="#57606a" text-anchor="middle" { (period.as_str()) }
            }
            @for (u, unit) in trend.units().iter().enumerate() {
                @let points: Vec<(i64, Decimal, Decimal)> = unit.periods.iter().enumerate()
                    .filter_map(|(i, p)| p.as_ref().map(|p| (px(i), py(p.index.published()), p.index.published())))
                    .collect();
                @let path = points.iter().map(|(x, y, _)| format!("{x},{y}")).collect::<Vec<_>>().join(" ");
                g data-unit=(unit.unit) {
                    title { (unit.unit_name) }
                    polyline points=(path) fill="none" stroke=(colour(u)) stroke-width="2" {}
                    @for (x, y, value) in &points {
                        circle cx=(x) cy=(y) r="3.5" fill=(colour(u)) {
                            title { (unit.unit_name) ": " (language.number(*value)) }
                        }
                    }
                }
            }
        }
        div.legend {
            @for (u, unit) in trend.units().iter().enumerate() {
                span { span.swatch style=(format!("background:{}", colour(u))) {} (unit.unit_name) }
            }
        }
    }
}
