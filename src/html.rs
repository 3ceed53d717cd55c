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
//! - a footer saying how figures were rounded.
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

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::accountability::{AccountabilityReport, Verdict};
use crate::code::Code;
use crate::comparison::{Comparison, RankChange, UnitChange};
use crate::error::{Error, ErrorKind};
use crate::exact::Exact;
use crate::figure::Figure;
use crate::framework::Framework;
use crate::ranking::{RankedUnit, Ranking};
use crate::rounding::{Rounding, RoundingPolicy};

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
.meta { color: #57606a; }
.warning { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 6px 10px;
  margin: 10px 0; display: inline-block; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: #57606a; padding-bottom: 6px; }
th, td { padding: 5px 10px; border-bottom: 1px solid #e5e8eb; vertical-align: middle; }
th { background: #f6f8fa; text-align: left; font-weight: 600; white-space: nowrap; }
td.rank, td.index, td.change, td.delta, td.domain, th.num { text-align: right; white-space: nowrap; }
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
footer { margin-top: 36px; color: #57606a; font-size: 13px; border-top: 1px solid #d0d7de; padding-top: 8px; }
@media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"#;

/// A self-contained HTML report of a ranking, with an optional comparison (see the
/// [module docs](self)).
///
/// # Examples
///
/// ```
/// use par_index::html::HtmlReport;
/// use par_index::{Cohort, Entry, Framework, RankingOptions};
///
/// let framework = Framework::builder("demo", "Chỉ số CCHC cấp xã").domain("1", "Chỉ số CCHC", 100.into()).build()?;
/// let score = |unit: &str, index: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(index.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [score("minh-an", "91.5")?, score("cam-kim", "84.25")?])?;
/// let ranking = cohort.rank_with(&RankingOptions::national())?;
/// let html = HtmlReport::new(&ranking).title("Xếp hạng CCHC 2024").render()?;
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("Xếp hạng CCHC 2024"));
/// assert!(html.contains("84.25") && !html.contains("<script"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct HtmlReport<'a> {
    framework: &'a Framework,
    ranking: &'a Ranking,
    comparison: Option<&'a Comparison>,
    accountability: Option<&'a AccountabilityReport>,
    title: Option<String>,
}

impl<'a> HtmlReport<'a> {
    /// A report of `ranking` (the domains' names are its framework's).
    pub fn new(ranking: &'a Ranking) -> HtmlReport<'a> {
        HtmlReport {
            framework: ranking.framework(),
            ranking,
            comparison: None,
            accountability: None,
            title: None,
        }
    }

    /// Shows each unit's change since a previous ranking; `comparison`'s current ranking
    /// must be this report's ranking.
    pub fn comparison(mut self, comparison: &'a Comparison) -> Self {
        self.comparison = Some(comparison);
        self
    }

    /// Adds the accountability table: who answers for each domain, with the points each head
    /// owned, achieved and lost over the ranked units. The report must be of the ranking's
    /// framework and period.
    pub fn accountability(mut self, report: &'a AccountabilityReport) -> Self {
        self.accountability = Some(report);
        self
    }

    /// The report's title; by default the framework's title and the period.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Renders the report as one HTML document.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::ReportMismatch`] when the comparison's current ranking or the
    /// accountability report is of another framework or period than the ranking.
    pub fn render(&self) -> Result<String, Error> {
        self.check()?;
        let mut html = String::with_capacity(32 * 1024);
        self.head(&mut html);
        self.ranking_section(&mut html);
        self.chart_section(&mut html);
        self.heat_section(&mut html);
        self.accountability_section(&mut html);
        self.footer(&mut html);
        Ok(html)
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
        Ok(())
    }

    fn policy(&self) -> &RoundingPolicy {
        &self.ranking.options().rounding
    }

    fn title_text(&self) -> String {
        match (&self.title, self.ranking.period()) {
            (Some(title), _) => title.clone(),
            (None, Some(period)) => format!("{}, {period}", self.framework.info().title),
            (None, None) => self.framework.info().title.clone(),
        }
    }

    fn head(&self, html: &mut String) {
        let title = escape(&self.title_text());
        let style = STYLE.replace("FONTS", FONTS);
        let info = self.framework.info();
        let _ = write!(
            html,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"par-index\">\n\
             <title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n<header>\n\
             <h1>{title}</h1>\n<p class=\"meta\">Framework: <span lang=\"vi\">{}</span> \
             (<code>{}</code>)",
            escape(&info.title),
            escape(&info.id)
        );
        if let Some(decision) = &info.decision {
            let _ = write!(html, ", decision {}", escape(&decision.number));
        }
        if let Some(period) = self.ranking.period() {
            let _ = write!(html, " · Period {}", escape(period.as_str()));
        }
        if let Some(previous) = self.comparison.and_then(Comparison::previous_period) {
            let _ = write!(html, ", compared with {}", escape(previous.as_str()));
        }
        let _ = write!(html, " · {} units ranked", self.ranking.len());
        if !self.ranking.unranked().is_empty() {
            let _ = write!(
                html,
                ", {} listed outside the ranking",
                self.ranking.unranked().len()
            );
        }
        html.push_str("</p>\n");
        if info.illustrative {
            html.push_str(
                "<p class=\"warning\"><strong>Illustrative framework:</strong> not an official \
                 method; its points and thresholds are chosen for illustration.</p>\n",
            );
        }
        html.push_str("</header>\n");
    }

    fn change_of(&self, unit: &str) -> Option<&'a UnitChange> {
        self.comparison.and_then(|c| c.unit(unit))
    }

    fn ranking_section(&self, html: &mut String) {
        let graded = self.ranking.options().grades.is_some();
        let compared = self.comparison.is_some();
        html.push_str("<section id=\"ranking\">\n<h2>Ranking</h2>\n<div class=\"scroll\">\n");
        html.push_str("<table class=\"ranking\">\n<thead><tr><th class=\"num\" scope=\"col\">Rank</th><th scope=\"col\">Unit</th><th class=\"num\" scope=\"col\">Index</th>");
        if graded {
            html.push_str("<th scope=\"col\">Grade</th>");
        }
        if compared {
            html.push_str(
                "<th class=\"num\" scope=\"col\">Rank change</th><th class=\"num\" scope=\"col\">Index change</th>",
            );
        }
        html.push_str("</tr></thead>\n<tbody>\n");
        for unit in self.ranking.units() {
            self.ranking_row(html, unit, "", graded);
        }
        for unit in self.ranking.unranked() {
            self.ranking_row(html, unit, " class=\"outside\"", graded);
        }
        if let Some(comparison) = self.comparison {
            for gone in comparison.units().iter().filter(|u| u.current.is_none()) {
                let _ = write!(
                    html,
                    "<tr data-unit=\"{}\" class=\"outside\"><td class=\"rank\">–</td><td class=\"unit\">{}</td><td class=\"index\">–</td>",
                    escape(&gone.unit),
                    escape(&gone.unit_name)
                );
                if graded {
                    html.push_str("<td class=\"grade\"></td>");
                }
                html.push_str(
                    "<td class=\"change same\">dropped</td><td class=\"delta\"></td></tr>\n",
                );
            }
        }
        html.push_str("</tbody>\n</table>\n</div>\n");
        if let Some(summary) = &self.ranking.statistics().index {
            let s = summary.publish(self.policy());
            let _ = writeln!(
                html,
                "<p class=\"stats\">Index over the {} ranked units: mean {}, median {}, \
                 lowest {}, highest {}; {} above the mean.</p>",
                s.count, s.mean, s.median, s.min, s.max, s.above_mean
            );
        }
        if self.ranking.units().iter().any(|u| u.unit_name != u.unit) {
            html.push_str(
                "<p class=\"meta\">Grey text after a name is the unit's identifier.</p>\n",
            );
        }
        html.push_str("</section>\n");
    }

    fn ranking_row(&self, html: &mut String, unit: &RankedUnit, class: &str, graded: bool) {
        let rank = unit.rank.map_or_else(|| "–".to_owned(), |r| r.to_string());
        let _ = write!(
            html,
            "<tr data-unit=\"{}\"{class}><td class=\"rank\">{rank}</td><td class=\"unit\">{}{}</td><td class=\"index\">{}</td>",
            escape(&unit.unit),
            escape(&unit.unit_name),
            if unit.unit_name == unit.unit {
                String::new()
            } else {
                format!("<small>{}</small>", escape(&unit.unit))
            },
            unit.index
        );
        if graded {
            let _ = write!(
                html,
                "<td class=\"grade\">{}</td>",
                escape(unit.grade.as_deref().unwrap_or(""))
            );
        }
        if self.comparison.is_some() {
            match self.change_of(&unit.unit) {
                Some(change) => {
                    let (class, text) = match change.rank_change {
                        RankChange::Up { .. } => ("up", change.rank_change.to_string()),
                        RankChange::Down { .. } => ("down", change.rank_change.to_string()),
                        RankChange::New => ("same", "new".to_owned()),
                        RankChange::Same => ("same", "=".to_owned()),
                        _ => ("same", change.rank_change.to_string()),
                    };
                    let delta = change
                        .index_change
                        .as_ref()
                        .map(|d| self.policy().apply(d.published()));
                    let delta_class = match delta {
                        Some(d) if d > Decimal::ZERO => "up",
                        Some(d) if d < Decimal::ZERO => "down",
                        _ => "same",
                    };
                    let _ = write!(
                        html,
                        "<td class=\"change {class}\">{}</td><td class=\"delta {delta_class}\">{}</td>",
                        escape(&text),
                        delta.map(signed).unwrap_or_default()
                    );
                }
                None => html.push_str("<td class=\"change same\"></td><td class=\"delta\"></td>"),
            }
        }
        html.push_str("</tr>\n");
    }

    fn chart_section(&self, html: &mut String) {
        let units: Vec<&RankedUnit> = self
            .ranking
            .units()
            .iter()
            .chain(self.ranking.unranked())
            .collect();
        if units.is_empty() {
            return;
        }
        html.push_str("<section id=\"chart\">\n<h2>Index by unit</h2>\n");
        html.push_str(&bar_chart(
            &units,
            self.ranking
                .statistics()
                .index
                .as_ref()
                .map(|s| self.policy().publish(&s.mean)),
        ));
        html.push_str("</section>\n");
    }

    fn heat_section(&self, html: &mut String) {
        let codes = self.ranking.domain_codes();
        if codes.is_empty() {
            return;
        }
        html.push_str(
            "<section id=\"domains\">\n<h2>Domains</h2>\n<div class=\"scroll\">\n<table class=\"heat\">\n\
             <caption>Points as a percentage of each domain's maximum (the maximum that applies to the unit).</caption>\n\
             <thead><tr><th scope=\"col\">Unit</th>",
        );
        for code in codes {
            let name = self.domain_name(code);
            let _ = write!(
                html,
                "<th class=\"num\" scope=\"col\" title=\"{}\">{}</th>",
                escape(&name),
                escape(code.as_str())
            );
        }
        html.push_str("</tr></thead>\n<tbody>\n");
        for unit in self.ranking.units().iter().chain(self.ranking.unranked()) {
            let _ = write!(
                html,
                "<tr data-unit=\"{}\"><td class=\"unit\">{}</td>",
                escape(&unit.unit),
                escape(&unit.unit_name)
            );
            for code in codes {
                match unit
                    .domain(code.as_str())
                    .and_then(|d| d.percent.as_ref())
                    .map(Figure::published)
                {
                    Some(percent) => {
                        let (background, colour) = band(percent);
                        let _ = write!(
                            html,
                            "<td class=\"domain\" data-code=\"{}\" style=\"background:{background};color:{colour}\">{percent}</td>",
                            escape(code.as_str())
                        );
                    }
                    None => {
                        let _ = write!(
                            html,
                            "<td class=\"domain na\" data-code=\"{}\">n/a</td>",
                            escape(code.as_str())
                        );
                    }
                }
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</tbody>\n</table>\n</div>\n<div class=\"legend\">");
        let mut upper: Option<u32> = None;
        for (min, background, _) in BANDS {
            let label = match upper {
                None => format!("{min} and above"),
                Some(_) if min == 0 => "below 50".to_owned(),
                Some(upper) => format!("{min} to &lt; {upper}"),
            };
            let _ = write!(
                html,
                "<span><span class=\"swatch\" style=\"background:{background}\"></span>{label}</span>"
            );
            upper = Some(min);
        }
        html.push_str("<span><span class=\"swatch\" style=\"background:#eaeef2\"></span>n/a: does not apply</span></div>\n<dl class=\"domains\">\n");
        for code in codes {
            let node = self.framework.node_by_code(code);
            let vi = node.map(|n| n.name_vi()).unwrap_or("");
            let en = node.map(|n| n.name_en()).unwrap_or("");
            let _ = write!(
                html,
                "<dt>{}</dt><dd><span lang=\"vi\">{}</span>",
                escape(code.as_str()),
                escape(vi)
            );
            if !en.is_empty() {
                let _ = write!(html, " <span class=\"en\">({})</span>", escape(en));
            }
            if let Some(node) = node {
                let _ = write!(html, ", {} points", node.max_points());
            }
            html.push_str("</dd>\n");
        }
        html.push_str("</dl>\n</section>\n");
    }

    fn accountability_section(&self, html: &mut String) {
        let Some(report) = self.accountability else {
            return;
        };
        let r = |d: &Exact| report.rounding.publish(d);
        let compared = report.previous_period.is_some();
        let units = if report.units.len() == 1 {
            format!("unit {}", escape(&report.units.join("")))
        } else {
            format!("{} units", report.units.len())
        };
        let _ = writeln!(
            html,
            "<section id=\"accountability\">\n<h2>Who answers for each domain</h2>\n\
             <p class=\"meta\"><span lang=\"vi\">{}</span> · points owned, achieved and lost \
             over {units}{}</p>",
            escape(&report.title),
            report
                .previous_period
                .as_ref()
                .map(|p| format!(", compared with {}", escape(p.as_str())))
                .unwrap_or_default()
        );
        if report.inferred {
            html.push_str(
                "<p class=\"warning\"><strong>Inferred assignments:</strong> a template, not \
                 taken from a decision; check them against your own.</p>\n",
            );
        }
        html.push_str(
            "<div class=\"scroll\">\n<table class=\"accountability\">\n<thead><tr>\
             <th class=\"num\" scope=\"col\">Rank</th><th scope=\"col\">Head</th>\
             <th scope=\"col\">Answers for</th><th class=\"num\" scope=\"col\">Owned</th>\
             <th class=\"num\" scope=\"col\">Achieved</th><th class=\"num\" scope=\"col\">Lost</th>\
             <th class=\"num\" scope=\"col\">%</th>",
        );
        if compared {
            html.push_str(
                "<th class=\"num\" scope=\"col\">% change</th><th class=\"num\" scope=\"col\">Lost change</th>",
            );
        }
        html.push_str("<th scope=\"col\">Verdict</th></tr></thead>\n<tbody>\n");
        for head in &report.heads {
            let mut answers = head
                .answers_for
                .iter()
                .map(|c| escape(c.as_str()))
                .collect::<Vec<_>>()
                .join(", ");
            if !head.coordinates.is_empty() {
                let coordinates: Vec<String> = head
                    .coordinates
                    .iter()
                    .map(|c| escape(c.as_str()))
                    .collect();
                answers.push_str(&format!(
                    "<small>coordinates {}</small>",
                    coordinates.join(", ")
                ));
            }
            let _ = write!(
                html,
                "<tr data-agency=\"{}\"><td class=\"rank\">{}</td>\
                 <td class=\"head\"><span lang=\"vi\">{}</span><small lang=\"vi\">{}</small></td>\
                 <td class=\"answers\">{answers}</td><td class=\"owned\">{}</td>\
                 <td class=\"achieved\">{}</td><td class=\"lost\">{}</td>",
                escape(&head.agency.code),
                head.rank.map_or_else(|| "–".to_owned(), |r| r.to_string()),
                escape(&head.agency.head_label()),
                escape(&head.agency.name_vi),
                r(&head.owned),
                r(&head.achieved),
                r(&head.lost),
            );
            match head.percent.as_ref().map(r) {
                Some(percent) => {
                    let (background, colour) = band(percent);
                    let _ = write!(
                        html,
                        "<td class=\"percent\" style=\"background:{background};color:{colour}\">{percent}</td>"
                    );
                }
                None => html.push_str("<td class=\"percent na\">–</td>"),
            }
            if compared {
                let change = head.change.as_ref();
                let percent_change = change.and_then(|c| c.percent_change.as_ref()).map(r);
                let lost_change = change.map(|c| r(&c.lost_change));
                // Fewer lost points is better, so a negative lost change is shown as good.
                let class = |d: Option<Decimal>, higher_is_better: bool| match d {
                    Some(d) if d > Decimal::ZERO && higher_is_better => "up",
                    Some(d) if d < Decimal::ZERO && !higher_is_better => "up",
                    Some(d) if d.is_zero() => "same",
                    Some(_) => "down",
                    None => "same",
                };
                let _ = write!(
                    html,
                    "<td class=\"delta {}\">{}</td><td class=\"delta {}\">{}</td>",
                    class(percent_change, true),
                    percent_change.map(signed).unwrap_or_default(),
                    class(lost_change, false),
                    lost_change.map(signed).unwrap_or_default()
                );
            }
            let verdict = match head.verdict {
                Verdict::AtOrAboveOverall => "up",
                Verdict::BelowOverall => "down",
                _ => "same",
            };
            let _ = writeln!(
                html,
                "<td class=\"verdict {verdict}\">{}</td></tr>",
                escape(&head.verdict.to_string())
            );
        }
        let _ = write!(
            html,
            "</tbody>\n<tfoot><tr><td></td><td>Total</td><td></td><td class=\"owned\">{}</td>\
             <td class=\"achieved\">{}</td><td class=\"lost\">{}</td><td class=\"percent\">{}</td>",
            r(&report.owned),
            r(&report.achieved),
            r(&report.lost),
            report
                .percent
                .as_ref()
                .map(|p| r(p).to_string())
                .unwrap_or_default()
        );
        if compared {
            html.push_str("<td></td><td></td>");
        }
        html.push_str("<td></td></tr></tfoot>\n</table>\n</div>\n");
        self.worst_leaves(html, report);
        if !report.adjustments.is_zero() {
            let _ = writeln!(
                html,
                "<p class=\"meta\">Bonus and deduction points ({}) stay with the units and are not \
                 attributed to any head.</p>",
                signed(r(&report.adjustments))
            );
        }
        if !report.previous_only.is_empty() {
            let _ = writeln!(
                html,
                "<p class=\"meta\">Only in the previous report: {}.</p>",
                escape(&report.previous_only.join(", "))
            );
        }
        html.push_str(
            "<p class=\"meta\">Each leaf's points and lost points go to the head of the agency \
             that leads it; the heads' lost points add up to the units' lost points. A head's \
             percentage is achieved ÷ owned.</p>\n</section>\n",
        );
    }

    /// Each head's largest losses: unit, leaf, points lost and the note.
    fn worst_leaves(&self, html: &mut String, report: &AccountabilityReport) {
        if report.heads.iter().all(|h| h.worst_leaves.is_empty()) {
            return;
        }
        let r = |d: &Exact| report.rounding.publish(d);
        let noted = report
            .heads
            .iter()
            .flat_map(|h| &h.worst_leaves)
            .any(|leaf| !leaf.note.is_empty());
        html.push_str(
            "<h3>Largest losses</h3>\n<div class=\"scroll\">\n<table class=\"losses\">\n<thead><tr>\
             <th scope=\"col\">Head</th><th scope=\"col\">Unit</th><th scope=\"col\">Leaf</th>\
             <th class=\"num\" scope=\"col\">Lost</th><th class=\"num\" scope=\"col\">Points</th>",
        );
        html.push_str(if noted {
            "<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n"
        } else {
            "</tr></thead>\n<tbody>\n"
        });
        for head in &report.heads {
            for leaf in &head.worst_leaves {
                let unit = self
                    .ranking
                    .unit(&leaf.unit)
                    .map_or(leaf.unit.as_str(), |u| u.unit_name.as_str());
                let _ = write!(
                    html,
                    "<tr data-agency=\"{}\" data-unit=\"{}\"><td lang=\"vi\">{}</td><td>{}</td>\
                     <td><b>{}</b> <span lang=\"vi\">{}</span></td><td class=\"lost\">{}</td>\
                     <td class=\"points\">{} of {}</td>",
                    escape(&head.agency.code),
                    escape(&leaf.unit),
                    escape(&head.agency.head_label()),
                    escape(unit),
                    escape(leaf.code.as_str()),
                    escape(&leaf.name_vi),
                    r(&leaf.lost),
                    r(&leaf.points),
                    r(&leaf.max_points),
                );
                if noted {
                    let _ = write!(html, "<td lang=\"vi\">{}</td>", escape(&leaf.note));
                }
                html.push_str("</tr>\n");
            }
        }
        html.push_str("</tbody>\n</table>\n</div>\n");
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

    fn footer(&self, html: &mut String) {
        let policy = self.policy();
        let rounding = match policy.rounding() {
            Rounding::HalfAwayFromZero => "half away from zero",
            Rounding::HalfEven => "half to even",
            Rounding::HalfTowardZero => "half toward zero",
            Rounding::TowardZero => "toward zero",
            Rounding::AwayFromZero => "away from zero",
        };
        let _ = write!(
            html,
            "<footer>Scored exactly with par-index; every figure is rounded once, when \
             published, to {} decimal places, {rounding}. Ranks use the published index; \
             tied units share a rank.</footer>\n</body>\n</html>\n",
            policy.decimal_places()
        );
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

/// `+1.20`, `-0.21`, `0.00`.
fn signed(change: Decimal) -> String {
    if change > Decimal::ZERO {
        format!("+{change}")
    } else {
        change.to_string()
    }
}

/// A decimal rounded to one place for SVG coordinates; coordinates here are small, so the
/// fallback is never taken.
fn coordinate(value: Option<Decimal>) -> Decimal {
    value.unwrap_or(Decimal::ZERO).round_dp(1).normalize()
}

/// The bar chart: one bar per unit on a 0–100 axis, the mean as a dashed line.
fn bar_chart(units: &[&RankedUnit], mean: Option<Decimal>) -> String {
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
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-labelledby=\"chart-title\">\n\
         <title id=\"chart-title\">Index by unit, 0 to 100</title>\n"
    );
    let axis_bottom = TOP.saturating_add(count.saturating_mul(ROW));
    for tick in (0..=100).step_by(20) {
        let tx = x(Decimal::from(tick));
        let _ = writeln!(
            svg,
            "<line x1=\"{tx}\" y1=\"{}\" x2=\"{tx}\" y2=\"{axis_bottom}\" stroke=\"#d0d7de\" stroke-width=\"1\"/>\
             <text x=\"{tx}\" y=\"{}\" font-size=\"12\" fill=\"#57606a\" text-anchor=\"middle\">{tick}</text>",
            TOP - 6,
            axis_bottom.saturating_add(16)
        );
    }
    // The mean first, so that bars and their labels are drawn over it.
    if let Some(mean) = mean {
        let mx = x(mean);
        let _ = writeln!(
            svg,
            "<line x1=\"{mx}\" y1=\"{}\" x2=\"{mx}\" y2=\"{axis_bottom}\" stroke=\"#cf222e\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>\
             <text x=\"{mx}\" y=\"{}\" font-size=\"12\" fill=\"#cf222e\" text-anchor=\"middle\">mean {mean}</text>",
            TOP - 2,
            TOP - 16
        );
    }
    for (i, unit) in units.iter().enumerate() {
        let top = TOP.saturating_add(i64::try_from(i).unwrap_or(0).saturating_mul(ROW));
        let end = x(unit.index.published());
        let bar = coordinate(end.checked_sub(Decimal::from(label_width)));
        let name: String = if unit.unit_name.chars().count() > max_chars {
            let mut cut: String = unit
                .unit_name
                .chars()
                .take(max_chars.saturating_sub(1))
                .collect();
            cut.push('…');
            cut
        } else {
            unit.unit_name.clone()
        };
        let fill = if unit.rank.is_some() {
            "#3b6fb6"
        } else {
            "#9aa7b8"
        };
        let _ = writeln!(
            svg,
            "<g data-unit=\"{}\"><title>{}: {}</title>\
             <text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#1f2328\" text-anchor=\"end\">{}</text>\
             <rect x=\"{label_width}\" y=\"{}\" width=\"{bar}\" height=\"16\" rx=\"2\" fill=\"{fill}\"/>\
             <text class=\"value\" x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1f2328\" \
             stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text></g>",
            escape(&unit.unit),
            escape(&unit.unit_name),
            unit.index,
            label_width.saturating_sub(8),
            top.saturating_add(17),
            escape(&name),
            top.saturating_add(4),
            coordinate(end.checked_add(Decimal::from(5))),
            top.saturating_add(17),
            unit.index
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("<b>\"Hội An\" & 'Cẩm Phô'</b>"),
            "&lt;b&gt;&quot;Hội An&quot; &amp; &#39;Cẩm Phô&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn heat_bands_include_their_lower_bound() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(band(d("100")).0, "#1a9850");
        assert_eq!(band(d("95.00")).0, "#1a9850");
        assert_eq!(band(d("94.99")).0, "#66bd63");
        assert_eq!(band(d("50")).0, "#f46d43");
        assert_eq!(band(d("49.99")).0, "#d73027");
        assert_eq!(band(d("0")).0, "#d73027");
    }
}
