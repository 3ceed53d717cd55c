//! A unit's scorecard page (phiếu chấm điểm): every node with its maximum, self-assessed,
//! appraised and final points, where the final points came from, the evidence, notes and
//! evidence references, the points lost and the agency that answers for them; the unit's
//! rank and grade. Printed as text here, and as a page of the HTML report (feature `html`).

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::accountability::{Accountability, Agency};
use crate::code::{Code, Level};
use crate::error::{Error, ErrorKind};
use crate::exact::Exact;
use crate::figure::Figure;
use crate::framework::Framework;
use crate::language::{Language, Phrase, Term};
use crate::ranking::{RankedUnit, Ranking};
use crate::rounding::RoundingPolicy;
use crate::rule::Evidence;
use crate::scorecard::{Scorecard, Source};
use crate::table::{Align, Table};

/// One node of a [`ScorecardPage`].
///
/// # Examples
///
/// See [`ScorecardPage`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageRow {
    /// The node's code.
    pub code: Code,
    /// Its level.
    pub level: Level,
    /// Its depth: 1 for a domain.
    pub depth: usize,
    /// Its Vietnamese name.
    pub name_vi: String,
    /// Its English name (may be empty).
    pub name_en: String,
    /// The maximum the unit is measured against.
    pub max_points: Exact,
    /// The unit's self-assessed points (a leaf's own; a parent's sum when every leaf below
    /// it was self-assessed).
    pub self_assessed: Option<Exact>,
    /// The appraised points (likewise).
    pub appraised: Option<Exact>,
    /// The final points; `None` where the node does not apply.
    pub points: Option<Exact>,
    /// Points lost: the maximum less the final points.
    pub lost: Exact,
    /// Where a leaf's final points came from.
    pub source: Option<Source>,
    /// The evidence a leaf reported.
    pub evidence: Option<Evidence>,
    /// The leaf's note.
    pub note: String,
    /// The leaf's references to evidence documents.
    pub evidence_refs: Vec<String>,
    /// The lead agency (cơ quan chủ trì) and its head, with assignments.
    pub lead: Option<Agency>,
    /// The coordinating agencies (cơ quan phối hợp), with assignments.
    pub coordinating: Vec<Agency>,
}

/// A unit's scorecard page: the document a unit receives and its chairman signs.
///
/// Built from a [`Ranking`] (which holds the unit's scorecard, its rank, grade and the
/// rounding policy) and, with [`ScorecardPage::with_accountability`], the agencies that lead
/// and coordinate each node. Every figure prints as published by the ranking's policy.
///
/// # Examples
///
/// ```
/// use par_index::page::ScorecardPage;
/// use par_index::{Cohort, Entry, Evidence, Framework, RankingOptions, Rule, language::Language};
///
/// let framework = Framework::builder("demo", "Chỉ số CCHC cấp phường (minh họa)")
///     .domain("1", "Cải cách thủ tục hành chính", 10.into())
///     .child("1", "1.1", "Tỷ lệ hồ sơ giải quyết sớm, đúng hạn", 8.into())
///     .rule(Rule::proportional())
///     .child("1", "1.2", "Công khai thủ tục hành chính", 2.into())
///     .build()?;
/// let mut ward = framework.assessment("tthcc", "2021-H1".parse()?);
/// ward.unit_name = "Trung tâm Hành chính công".into();
/// ward.push(Entry::new("1.1".parse()?).with_evidence(Evidence::rate(5_147, 8_037))
///     .with_self_assessed(8.into()).with_note("hồ sơ đất đai trễ hạn"));
/// ward.push(Entry::new("1.2".parse()?).with_self_assessed(2.into()).with_appraised("1.5".parse()?)
///     .with_evidence_ref("Biên bản kiểm tra số 12"));
/// let ranking = Cohort::new(&framework, [framework.score(&ward)?])?.rank_with(&RankingOptions::national())?;
///
/// let page = ScorecardPage::new(&ranking, "tthcc")?;
/// let text = page.render_in(Language::Vietnamese);
/// assert!(text.starts_with("Phiếu chấm điểm — Trung tâm Hành chính công (tthcc)"));
/// assert!(text.contains("Chỉ số CCHC: 66,23 · Xếp hạng: 1/1 · Xếp loại: –"));
/// assert!(text.contains("5.147/8.037 = 64,04%"));
/// assert!(text.contains("1.1: hồ sơ đất đai trễ hạn"));
/// assert!(text.contains("1.2: Biên bản kiểm tra số 12"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct ScorecardPage<'a> {
    ranking: &'a Ranking,
    scorecard: &'a Scorecard,
    standing: &'a RankedUnit,
    accountability: Option<&'a Accountability>,
}

impl<'a> ScorecardPage<'a> {
    /// The page of `unit`, ranked or listed outside the ranking in `ranking`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotInRanking`] when the ranking does not hold the unit.
    pub fn new(ranking: &'a Ranking, unit: &str) -> Result<ScorecardPage<'a>, Error> {
        let (scorecard, standing) = ranking
            .cohort()
            .scorecard(unit)
            .zip(ranking.unit(unit))
            .ok_or_else(|| ErrorKind::NotInRanking {
                unit: unit.to_owned(),
            })?;
        Ok(ScorecardPage {
            ranking,
            scorecard,
            standing,
            accountability: None,
        })
    }

    /// Names the lead and coordinating agencies of every node.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::AssignmentFrameworkMismatch`] when the assignments are for another
    /// framework.
    pub fn with_accountability(
        mut self,
        accountability: &'a Accountability,
    ) -> Result<ScorecardPage<'a>, Error> {
        accountability.check_framework(self.ranking.framework())?;
        self.accountability = Some(accountability);
        Ok(self)
    }

    /// The unit's scorecard.
    pub fn scorecard(&self) -> &Scorecard {
        self.scorecard
    }

    /// The unit as ranked: rank, index and grade.
    pub fn standing(&self) -> &RankedUnit {
        self.standing
    }

    /// How many units the ranking ranks.
    pub fn ranked(&self) -> usize {
        self.ranking.len()
    }

    /// The framework.
    pub fn framework(&self) -> &Framework {
        self.ranking.framework()
    }

    /// The rounding of every figure the page prints.
    pub fn rounding(&self) -> &RoundingPolicy {
        &self.ranking.options().rounding
    }

    /// A figure as the page prints it.
    pub fn publish(&self, value: &Exact) -> Decimal {
        self.rounding().publish(value)
    }

    /// The points lost over the whole framework, before adjustments.
    pub fn lost(&self) -> Figure {
        Figure::publish(self.scorecard.lost_points(), self.rounding())
    }

    /// Every node, in the framework's order.
    pub fn rows(&self) -> Vec<PageRow> {
        let nodes: Vec<_> = self.ranking.framework().nodes().collect();
        let scores: Vec<_> = self.scorecard.nodes().collect();
        // Self-assessed and appraised sums, bottom-up; `None` once a leaf below lacks one.
        let mut own: Vec<Option<Exact>> = vec![None; nodes.len()];
        let mut appraised: Vec<Option<Exact>> = vec![None; nodes.len()];
        for index in (0..nodes.len()).rev() {
            let (Some(node), Some(score)) = (nodes.get(index), scores.get(index)) else {
                continue;
            };
            let (o, a) = if node.is_leaf() {
                let leaf = score.leaf.as_ref();
                (
                    leaf.and_then(|l| l.self_assessed).map(Exact::from),
                    leaf.and_then(|l| l.appraised).map(Exact::from),
                )
            } else {
                let sum = |values: &[Option<Exact>]| {
                    node.child_indices().iter().try_fold(Exact::ZERO, |sum, c| {
                        values.get(*c).cloned().flatten().map(|v| sum.add(&v))
                    })
                };
                (sum(&own), sum(&appraised))
            };
            if let Some(slot) = own.get_mut(index) {
                *slot = o;
            }
            if let Some(slot) = appraised.get_mut(index) {
                *slot = a;
            }
        }
        nodes
            .iter()
            .zip(&scores)
            .zip(own.into_iter().zip(appraised))
            .map(|((node, score), (own, appraised))| {
                let leaf = score.leaf.as_ref();
                let code = node.code();
                PageRow {
                    code: code.clone(),
                    level: node.level(),
                    depth: node.depth(),
                    name_vi: node.name_vi().to_owned(),
                    name_en: node.name_en().to_owned(),
                    max_points: score.effective_max.clone(),
                    self_assessed: own,
                    appraised,
                    points: score.applicable.then(|| score.points.clone()),
                    lost: score.lost_points(),
                    source: leaf.map(|l| l.source),
                    evidence: leaf.and_then(|l| l.evidence.clone()),
                    note: leaf.map(|l| l.note.clone()).unwrap_or_default(),
                    evidence_refs: leaf.map(|l| l.evidence_refs.clone()).unwrap_or_default(),
                    lead: self
                        .accountability
                        .and_then(|a| a.lead_of(code.as_str()))
                        .cloned(),
                    coordinating: self
                        .accountability
                        .map(|a| {
                            a.coordinating_of(code.as_str())
                                .into_iter()
                                .cloned()
                                .collect()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect()
    }

    /// The page's title line: `Phiếu chấm điểm — Phường Minh An (minh-an)`.
    pub fn title(&self, language: Language) -> String {
        let name = self.scorecard.unit_name();
        let unit = self.scorecard.unit();
        if name == unit {
            format!("{} — {name}", Term::Scorecard.text(language))
        } else {
            format!("{} — {name} ({unit})", Term::Scorecard.text(language))
        }
    }

    /// The standing line: index, rank of how many, grade.
    pub fn standing_line(&self, language: Language) -> String {
        let rank = self
            .standing
            .rank
            .map_or_else(|| "–".to_owned(), |r| language.rank(r));
        format!(
            "{}: {} · {}: {rank}/{} · {}: {}",
            Term::ParIndex.text(language),
            language.number(self.standing.index.published()),
            Term::Rank.text(language),
            self.ranking.len(),
            Term::Grade.text(language),
            self.standing.grade.as_deref().unwrap_or("–")
        )
    }

    /// The page as plain text in `language`: title, framework and period, the unit's
    /// standing, a table of every node, the notes and evidence references, and the
    /// signature lines.
    pub fn render_in(&self, language: Language) -> String {
        let r = |value: &Exact| language.number(self.publish(value));
        let optional = |value: &Option<Exact>| value.as_ref().map(r).unwrap_or_default();
        let mut text = String::new();
        let _ = writeln!(text, "{}", self.title(language));
        let info = self.ranking.framework().info();
        let _ = writeln!(
            text,
            "{}: {} ({}) · {}: {}",
            Term::Framework.text(language),
            info.title_in(language),
            info.id,
            Term::Period.text(language),
            self.scorecard.period()
        );
        let _ = writeln!(text, "{}", self.standing_line(language));
        let _ = writeln!(
            text,
            "{}: {}/{} · {}: {}\n",
            Term::Achieved.text(language),
            r(self.scorecard.points()),
            r(self.scorecard.effective_max()),
            Term::Lost.text(language),
            language.number(self.lost().published())
        );
        let accountable = self.accountability.is_some();
        let mut columns = vec![
            (Term::Code.text(language), Align::Left),
            (Term::Item.text(language), Align::Left),
            (Term::MaxPoints.text(language), Align::Right),
            (Term::SelfAssessed.text(language), Align::Right),
            (Term::Appraised.text(language), Align::Right),
            (Term::Achieved.text(language), Align::Right),
            (Term::Lost.text(language), Align::Right),
            (Term::Source.text(language), Align::Left),
            (Term::Evidence.text(language), Align::Left),
        ];
        if accountable {
            columns.push((Term::LeadAgency.text(language), Align::Left));
        }
        let mut table = Table::new(&columns);
        let rows = self.rows();
        for row in &rows {
            let indent = "  ".repeat(row.depth.saturating_sub(1));
            let mut cells = vec![
                row.code.to_string(),
                format!("{indent}{}", row.name_vi),
                r(&row.max_points),
                optional(&row.self_assessed),
                optional(&row.appraised),
                row.points
                    .as_ref()
                    .map_or_else(|| Term::NotApplicable.text(language).to_owned(), r),
                r(&row.lost),
                row.source
                    .map(|s| source_text(s, language))
                    .unwrap_or_default()
                    .to_owned(),
                row.evidence
                    .as_ref()
                    .map(|e| evidence_text(e, language))
                    .unwrap_or_default(),
            ];
            if accountable {
                cells.push(
                    row.lead
                        .as_ref()
                        .map(Agency::head_label)
                        .unwrap_or_default(),
                );
            }
            table.row(cells);
        }
        text.push_str(&table.render());
        let notes: Vec<&PageRow> = rows
            .iter()
            .filter(|row| !row.note.is_empty() || !row.evidence_refs.is_empty())
            .collect();
        if !notes.is_empty() {
            let _ = writeln!(
                text,
                "\n{} / {}:",
                Term::Note.text(language),
                Term::EvidenceRefs.text(language)
            );
            for row in notes {
                let mut parts: Vec<&str> = Vec::new();
                if !row.note.is_empty() {
                    parts.push(&row.note);
                }
                parts.extend(row.evidence_refs.iter().map(String::as_str));
                let _ = writeln!(text, "{}: {}", row.code, parts.join("; "));
            }
        }
        let (left, right, sign) = signatures(language);
        let _ = writeln!(text, "\n{left:<40}{right}\n{sign:<40}{sign}");
        text
    }
}

/// The signature block: who prepared the page, who signs it, and the hint under each.
pub(crate) fn signatures(language: Language) -> (String, String, String) {
    let say = |phrase: Phrase| phrase.fill(language, &[]);
    (
        say(Phrase::PreparedBy),
        say(Phrase::SignedBy),
        say(Phrase::SignatureHint),
    )
}

/// Where final points came from, in `language`.
pub(crate) fn source_text(source: Source, language: Language) -> &'static str {
    match source {
        Source::Appraised => Term::FromAppraisal,
        Source::Evidence => Term::FromEvidence,
        Source::SelfAssessed => Term::FromSelfAssessment,
        Source::Missing => Term::Missing,
        Source::NotApplicable => Term::NotApplicable,
    }
    .text(language)
}

/// Evidence as a reader is shown it: `5.147/8.037 = 64,04%`, `có`, `3`.
pub(crate) fn evidence_text(evidence: &Evidence, language: Language) -> String {
    let n = |d: Decimal| language.number(d);
    match evidence {
        Evidence::Points(p) => format!("{} {}", n(*p), Term::Points.text(language)),
        Evidence::Flag(true) => Phrase::Yes.fill(language, &[]),
        Evidence::Flag(false) => Phrase::No.fill(language, &[]),
        Evidence::Rate {
            numerator,
            denominator,
        } => {
            let percent = Exact::from(*numerator)
                .mul(&Exact::ONE_HUNDRED)
                .div(&Exact::from(*denominator))
                .map(|percent| n(RoundingPolicy::default().publish(&percent)));
            let rate = Phrase::RateOf.fill(language, &[n(*numerator), n(*denominator)]);
            match percent {
                Some(percent) => format!("{rate} = {percent}%"),
                // A rate of nothing has no percentage: 0/0 is shown as it is.
                None => rate,
            }
        }
        Evidence::Percent(p) => format!("{}%", n(*p)),
        Evidence::Count(c) => language.count(*c),
        Evidence::Value(v) => n(*v),
        Evidence::SurveyMean(m) => Phrase::SurveyMeanOf.fill(language, &[n(*m)]),
        Evidence::NotApplicable => Term::NotApplicable.text(language).to_owned(),
    }
}
