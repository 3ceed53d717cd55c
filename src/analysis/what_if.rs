//! What if some of a unit's evidence had been different: the unit re-scored and ranked
//! again among the others as they stand. Documented on [`WhatIf`].

use std::fmt;

use rust_decimal::Decimal;

use crate::analysis::gap::ranked_standing;
use crate::assessment::Entry;
use crate::code::Code;
use crate::error::{Error, ErrorKind, Operation};
use crate::exact::Exact;
use crate::figure::Figure;
use crate::language::{Language, Term};
use crate::math::checked_sub;
use crate::ranking::{RankedUnit, Ranking};
use crate::rule::Evidence;
use crate::scorecard::{NodeScore, Scorecard, ScoringOptions};
use crate::table::visible;
use crate::tie::Rank;

/// A leaf's new input in a [`WhatIf`].
///
/// # Examples
///
/// ```
/// use par_index::analysis::what_if::NewInput;
/// use par_index::analysis::what_if::{LeafChange, WhatIf};
/// use par_index::{Cohort, Entry, Evidence, Framework, RankingOptions, Rule};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Hồ sơ đúng hạn", 60.into())
///     .rule(Rule::proportional())
///     .build()?;
/// let score = |unit: &str, first: i64, on_time: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_evidence(Evidence::Percent(on_time.into())));
///     Ok(framework.score(&assessment)?)
/// };
/// let cards = [score("hoi-an", 40, 95)?, score("tam-ky", 35, 80)?]; // 97 and 83
/// let ranking = Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?;
/// let change = LeafChange::evidence("2".parse()?, Evidence::Percent(95.into()));
/// assert_eq!(change.to, NewInput::Evidence(Evidence::Percent(95.into())));
/// // 95% on time earns 57 of 60: Tam Kỳ would publish 92.00.
/// let what_if = WhatIf::run(&ranking, "tam-ky", &[change])?;
/// assert_eq!(what_if.after.index.to_string(), "92.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum NewInput {
    /// Other evidence, scored by the leaf's rule. Any appraised points of the leaf are
    /// dropped, since they would override the evidence and were given for the old one; the
    /// self-assessed points are kept (evidence takes precedence over them).
    Evidence(Evidence),
    /// Other appraised points, which become the leaf's final points.
    Appraised(#[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))] Decimal),
}

/// One leaf changed in a [`WhatIf`].
///
/// # Examples
///
/// ```
/// use par_index::analysis::what_if::{LeafChange, WhatIf};
/// use par_index::{Cohort, Entry, Evidence, Framework, RankingOptions, Rule};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Hồ sơ đúng hạn", 60.into())
///     .rule(Rule::proportional())
///     .build()?;
/// let score = |unit: &str, first: i64, on_time: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_evidence(Evidence::Percent(on_time.into())));
///     Ok(framework.score(&assessment)?)
/// };
/// let cards = [score("hoi-an", 40, 95)?, score("tam-ky", 35, 80)?]; // 97 and 83
/// let ranking = Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?;
/// let changes = [
///     LeafChange::appraised("1".parse()?, 40.into()),
///     LeafChange::evidence("2".parse()?, Evidence::Percent(90.into())),
/// ];
/// let what_if = WhatIf::run(&ranking, "tam-ky", &changes)?;
/// // 40 + 54 points.
/// assert_eq!(what_if.to_string(), "tam-ky: index 83.00 → 94.00, rank 2 → 2, grade B → A");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct LeafChange {
    /// The leaf.
    pub code: Code,
    /// Its new input.
    pub to: NewInput,
}

impl LeafChange {
    /// The leaf scored on other evidence (see [`NewInput::Evidence`]).
    pub fn evidence(code: Code, evidence: Evidence) -> LeafChange {
        LeafChange {
            code,
            to: NewInput::Evidence(evidence),
        }
    }

    /// The leaf given other appraised points.
    pub fn appraised(code: Code, points: Decimal) -> LeafChange {
        LeafChange {
            code,
            to: NewInput::Appraised(points),
        }
    }

    fn apply(&self, entry: &mut Entry) {
        match &self.to {
            NewInput::Evidence(evidence) => {
                entry.evidence = Some(evidence.clone());
                entry.appraised = None;
            }
            NewInput::Appraised(points) => entry.appraised = Some(*points),
        }
    }
}

/// A unit's index, rank and grade, before or after the change.
///
/// # Examples
///
/// ```
/// use par_index::analysis::what_if::{LeafChange, WhatIf};
/// use par_index::{Cohort, Entry, Evidence, Framework, RankingOptions, Rule};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Hồ sơ đúng hạn", 60.into())
///     .rule(Rule::proportional())
///     .build()?;
/// let score = |unit: &str, first: i64, on_time: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_evidence(Evidence::Percent(on_time.into())));
///     Ok(framework.score(&assessment)?)
/// };
/// let cards = [score("hoi-an", 40, 95)?, score("tam-ky", 35, 80)?]; // 97 and 83
/// let ranking = Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?;
/// let change = LeafChange::appraised("1".parse()?, 40.into());
/// let what_if = WhatIf::run(&ranking, "tam-ky", &[change])?;
/// assert_eq!(what_if.before.index.to_string(), "83.00");
/// assert_eq!(what_if.after.index.exact().to_string(), "88");
/// assert_eq!(what_if.after.rank.to_string(), "2");
/// assert_eq!(what_if.after.grade.as_deref(), Some("B"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Standing {
    /// The index, exact and as published by the ranking's rounding.
    pub index: Figure,
    /// The rank among the ranked units.
    pub rank: Rank,
    /// The grade, if the ranking grades and the index reaches a grade.
    pub grade: Option<String>,
}

impl Standing {
    fn of(unit: &RankedUnit) -> Result<Standing, Error> {
        Ok(Standing {
            index: unit.index.clone(),
            rank: unit.rank.ok_or_else(|| ErrorKind::NotInRanking {
                unit: unit.unit.clone(),
            })?,
            grade: unit.grade.clone(),
        })
    }
}

/// A changed leaf's points before and after; `None` where it does not apply.
///
/// # Examples
///
/// ```
/// use par_index::analysis::what_if::{LeafChange, WhatIf};
/// use par_index::{Cohort, Entry, Evidence, Framework, RankingOptions, Rule};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Hồ sơ đúng hạn", 60.into())
///     .rule(Rule::proportional())
///     .build()?;
/// let score = |unit: &str, first: i64, on_time: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_evidence(Evidence::Percent(on_time.into())));
///     Ok(framework.score(&assessment)?)
/// };
/// let cards = [score("hoi-an", 40, 95)?, score("tam-ky", 35, 80)?]; // 97 and 83
/// let ranking = Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?;
/// let change = LeafChange::evidence("2".parse()?, Evidence::rate(9, 10));
/// let what_if = WhatIf::run(&ranking, "tam-ky", &[change])?;
/// let leaf = &what_if.leaves[0];
/// assert_eq!(leaf.code.as_str(), "2");
/// assert_eq!(leaf.before.as_ref().unwrap().to_string(), "48");
/// assert_eq!(leaf.after.as_ref().unwrap().to_string(), "54");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Leaf {
    /// The leaf.
    pub code: Code,
    /// Its points before, exact.
    pub before: Option<Exact>,
    /// Its points after, exact.
    pub after: Option<Exact>,
}

/// A domain's points and percentage before and after; `None` where it does not apply.
///
/// # Examples
///
/// ```
/// use par_index::analysis::what_if::{LeafChange, WhatIf};
/// use par_index::{Cohort, Entry, Evidence, Framework, RankingOptions, Rule};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Hồ sơ đúng hạn", 60.into())
///     .rule(Rule::proportional())
///     .build()?;
/// let score = |unit: &str, first: i64, on_time: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_evidence(Evidence::Percent(on_time.into())));
///     Ok(framework.score(&assessment)?)
/// };
/// let cards = [score("hoi-an", 40, 95)?, score("tam-ky", 35, 80)?]; // 97 and 83
/// let ranking = Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?;
/// let change = LeafChange::evidence("2".parse()?, Evidence::Percent(90.into()));
/// let what_if = WhatIf::run(&ranking, "tam-ky", &[change])?;
/// let domain = what_if.domain("2").unwrap();
/// assert_eq!(domain.percent_before.as_ref().unwrap().to_string(), "80");
/// assert_eq!(domain.percent_after.as_ref().unwrap().to_string(), "90");
/// assert_eq!(domain.change.as_ref().unwrap().to_string(), "6");
/// assert_eq!(what_if.domain("1").unwrap().change.as_ref().unwrap().to_string(), "0");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Domain {
    /// The domain.
    pub code: Code,
    /// Points before, exact.
    pub points_before: Option<Exact>,
    /// Points after, exact.
    pub points_after: Option<Exact>,
    /// Percentage of the maximum before, exact.
    pub percent_before: Option<Exact>,
    /// Percentage of the maximum after, exact.
    pub percent_after: Option<Exact>,
    /// Points after less points before, when the domain applies both times.
    pub change: Option<Exact>,
}

/// One unit re-scored with some leaves' evidence or appraised points changed, and ranked
/// again among the other units of its ranking, which stay as they are: "what if our on-time
/// rate had been 90%?".
///
/// The unit is ranked and graded exactly as the given [`Ranking`] ranks and grades: the same
/// tie method, value basis, rounding and grade scale. Only the changed unit is scored again;
/// the other units are read from the ranking. The old figures are the ranking's own, and the
/// assessment given must be the one the ranking was made from (its index is checked).
///
/// # Examples
///
/// Hội An's public administration centre resolved 5,147 of 8,037 dossiers early or on time
/// in the first half of 2021 (64.04%), for no points on leaf 3.1 of the built-in
/// illustrative city framework; at 90% it would earn 2 of 8. The other offices and the
/// centre's other results are illustrative.
///
/// ```
/// use par_index::{builtin, Assessment, Cohort, Entry, Evidence, RankingOptions, analysis::what_if::{LeafChange, WhatIf}};
/// use rust_decimal::Decimal;
///
/// let framework = builtin::get("vn-hoi-an-city-illustrative")?;
/// // An office's assessment: the entries given, every other leaf appraised at its maximum.
/// let office = |unit: &str, given: Vec<(&str, Evidence)>| -> Result<Assessment, par_index::Error> {
///     let mut assessment = framework.assessment(unit, "2021-H1".parse()?);
///     for leaf in framework.leaves() {
///         let entry = Entry::new(leaf.code().clone());
///         assessment.push(match given.iter().find(|(code, _)| *code == leaf.code().as_str()) {
///             Some((_, evidence)) => entry.with_evidence(evidence.clone()),
///             None => entry.with_appraised(leaf.max_points()),
///         });
///     }
///     Ok(assessment)
/// };
/// let offices = [
///     // 64.04% on time: 0 of 8 on leaf 3.1; 35% filed online: 1 of 4 on leaf 3.5.
///     office("TTHCC", vec![("3.1", Evidence::rate(5_147, 8_037)),
///                          ("3.5", Evidence::Percent(Decimal::from(35)))])?,
///     office("PTP", vec![("3.1", Evidence::rate(161, 164)), ("2.3", Evidence::Flag(false))])?,
///     office("PQLDT", vec![("3.1", Evidence::rate(1_102, 1_241)), ("5.2", Evidence::Count(2))])?,
///     office("PTNMT", vec![("3.1", Evidence::rate(1_490, 1_876)), ("5.1", Evidence::Flag(false)),
///                          ("6.2", Evidence::Flag(false)), ("1.4", Evidence::Count(2))])?,
/// ];
/// let scorecards = offices.iter().map(|a| framework.score(a)).collect::<Result<Vec<_>, _>>()?;
/// let ranking = Cohort::new(&framework, scorecards)?.rank_with(&RankingOptions::national())?;
///
/// let at_90 = LeafChange::evidence("3.1".parse()?, Evidence::Percent(Decimal::from(90)));
/// let what_if = WhatIf::run(&ranking, "TTHCC", &[at_90])?;
/// assert_eq!(what_if.to_string(), "TTHCC: index 89.00 → 91.00, rank 3 → 2, grade B → A");
/// assert_eq!(what_if.leaves[0].after, Some(Decimal::from(2).into()));
/// assert_eq!(what_if.domain("3").unwrap().change, Some(Decimal::from(2).into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct WhatIf {
    /// The unit's identifier.
    pub unit: String,
    /// The unit's name.
    pub unit_name: String,
    /// The unit as ranked.
    pub before: Standing,
    /// The unit re-scored, ranked among the others as they stand.
    pub after: Standing,
    /// The changed leaves, in the order the changes were given.
    pub leaves: Vec<Leaf>,
    /// Every domain, in the framework's order.
    pub domains: Vec<Domain>,
    /// The unit's new scorecard.
    pub scorecard: Scorecard,
    graded: bool,
}

impl WhatIf {
    /// Re-scores `unit` of `ranking` with `changes` and ranks the result among the other
    /// ranked units, which stay put. The unit's assessment is the one its scorecard was
    /// scored from ([`Scorecard::assessment`]).
    ///
    /// A change to a leaf the assessment has no entry for adds one.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotInRanking`] when the unit is not ranked in `ranking`;
    /// [`ErrorKind::DuplicateChange`] for two changes to one leaf; the scorer's errors for the
    /// assessment as changed ([`ErrorKind::UnknownCode`] and [`ErrorKind::NotALeaf`] for a
    /// change to a code that is not a leaf, and the evidence errors such as
    /// [`ErrorKind::WrongEvidence`] or [`ErrorKind::RateAboveWhole`]);
    /// [`ErrorKind::UnknownTieBreakerNode`] when a tie-breaker names a node the new scorecard
    /// does not have.
    pub fn run(ranking: &Ranking, unit: &str, changes: &[LeafChange]) -> Result<WhatIf, Error> {
        let (old, standing) = ranked_standing(ranking, unit)?;
        let assessment = old.assessment();
        let mut changed = assessment.clone();
        for (position, change) in changes.iter().enumerate() {
            if changes
                .iter()
                .take(position)
                .any(|earlier| earlier.code == change.code)
            {
                return Err(ErrorKind::DuplicateChange {
                    unit: assessment.unit.clone(),
                    code: change.code.clone(),
                }
                .into());
            }
            match changed.entries.iter_mut().find(|e| e.code == change.code) {
                Some(entry) => change.apply(entry),
                None => {
                    let mut entry = Entry::new(change.code.clone());
                    change.apply(&mut entry);
                    changed.entries.push(entry);
                }
            }
        }
        // Leniently: a leaf the unit left without input stays so, as the ranking took it.
        let new = ranking
            .framework()
            .score_with(&changed, &ScoringOptions::lenient())?;
        let placed = ranking.place(&new)?;

        let leaves = changes
            .iter()
            .map(|change| Leaf {
                code: change.code.clone(),
                before: applied(old.node(change.code.as_str())),
                after: applied(new.node(change.code.as_str())),
            })
            .collect();
        let domains = old
            .domains()
            .zip(new.domains())
            .map(|(before, after)| {
                let points_before = applied(Some(before));
                let points_after = applied(Some(after));
                let change = match (&points_before, &points_after) {
                    (Some(b), Some(a)) => Some(checked_sub(a, b, &before.code)?),
                    _ => None,
                };
                Ok(Domain {
                    code: before.code.clone(),
                    points_before,
                    points_after,
                    percent_before: before.percent(),
                    percent_after: after.percent(),
                    change,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;

        Ok(WhatIf {
            unit: standing.unit.clone(),
            unit_name: standing.unit_name.clone(),
            before: Standing::of(standing)?,
            after: Standing::of(&placed)?,
            leaves,
            domains,
            scorecard: new,
            graded: ranking.options().grades.is_some(),
        })
    }

    /// The change of one domain.
    pub fn domain(&self, code: impl AsRef<str>) -> Option<&Domain> {
        let code = code.as_ref();
        self.domains.iter().find(|d| d.code.as_str() == code)
    }

    /// The published index after less before.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Overflow`], which indexes within 0–100 do not reach.
    pub fn published_change(&self) -> Result<Decimal, Error> {
        let (after, before) = (self.after.index.published(), self.before.index.published());
        after.checked_sub(before).ok_or_else(|| {
            ErrorKind::Overflow {
                operation: Operation::Subtracting,
                left: after,
                right: before,
                context: self.unit.clone(),
            }
            .into()
        })
    }
}

/// A node's points, `None` when it does not apply.
fn applied(node: Option<&NodeScore>) -> Option<Exact> {
    node.filter(|n| n.applicable).map(|n| n.points.clone())
}

impl WhatIf {
    /// The what-if in one line in `language`, with the figures in its notation:
    /// `Trung tâm Hành chính công: chỉ số CCHC 81,69 → 83,69, xếp hạng 6 → 5, xếp loại Khá → Khá`
    /// (the grade when the ranking grades; `–` for no grade).
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::analysis::what_if::{LeafChange, WhatIf};
    /// use par_index::{Cohort, Entry, Evidence, Framework, RankingOptions, Rule, language::Language};
    ///
    /// let framework = Framework::builder("demo", "Demo")
    ///     .domain("1", "Chỉ đạo, điều hành", 40.into())
    ///     .domain("2", "Hồ sơ đúng hạn", 60.into())
    ///     .rule(Rule::proportional())
    ///     .build()?;
    /// let mut cards = Vec::new();
    /// for (unit, name, first, on_time) in [("hoi-an", "Hội An", 40, 95), ("tam-ky", "Tam Kỳ", 35, 80)] {
    ///     let mut assessment = framework.assessment(unit, "2024".parse()?);
    ///     assessment.unit_name = name.into();
    ///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
    ///     assessment.push(Entry::new("2".parse()?).with_evidence(Evidence::Percent(on_time.into())));
    ///     cards.push(framework.score(&assessment)?);
    /// }
    /// let ranking = Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?;
    /// let change = LeafChange::evidence("2".parse()?, Evidence::Percent(100.into()));
    /// let what_if = WhatIf::run(&ranking, "tam-ky", &[change])?;
    /// assert_eq!(
    ///     what_if.render_in(Language::Vietnamese),
    ///     "Tam Kỳ: chỉ số CCHC 83,00 → 95,00, xếp hạng 2 → 2, xếp loại B → A"
    /// );
    /// assert_eq!(
    ///     what_if.render_in(Language::English),
    ///     "Tam Kỳ: index 83.00 → 95.00, rank 2 → 2, grade B → A"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render_in(&self, language: Language) -> String {
        let mut line = format!(
            "{}: {} {} → {}, {} {} → {}",
            visible(&self.unit_name),
            Term::ParIndex.inline(language),
            language.number(self.before.index.published()),
            language.number(self.after.index.published()),
            Term::Rank.inline(language),
            language.rank(self.before.rank),
            language.rank(self.after.rank),
        );
        if self.graded {
            let grade = |g: &Option<String>| {
                g.as_deref()
                    .map_or_else(|| "–".to_owned(), |g| visible(g).into_owned())
            };
            line.push_str(&format!(
                ", {} {} → {}",
                Term::Grade.inline(language),
                grade(&self.before.grade),
                grade(&self.after.grade)
            ));
        }
        line
    }
}

impl fmt::Display for WhatIf {
    /// One line in English: `TTHCC: index 89.00 → 91.00, rank 3 → 2, grade B → A` (see
    /// [`WhatIf::render_in`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_in(Language::English))
    }
}
