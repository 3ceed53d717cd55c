//! Uncertainty of ranks under the domains' weights, and the ranking with each domain left
//! out. The method is documented on [`RankUncertainty`].

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::bulk::CohortScores;
use crate::code::Code;
use crate::cohort::Cohort;
use crate::competition;
use crate::error::{AnalysisOption, Error, ErrorKind};
use crate::exact::Exact;
use crate::framework::{Combine, Method, Node};
use crate::grade::GradeScale;
use crate::math::{checked_mul_div, checked_sum};
use crate::tie::Rank;

/// The most replications a run accepts (counts are kept in 32 bits).
const MAX_REPLICATIONS: usize = 10_000_000;

/// The most ranks, or rank counts, a run keeps (1 GiB of them).
const MAX_KEPT_RANKS: usize = 1 << 28;

/// Options of [`RankUncertainty::run`]; start from [`UncertaintyOptions::default`].
///
/// # Examples
///
/// ```
/// use par_index::analysis::uncertainty::UncertaintyOptions;
///
/// let options = UncertaintyOptions::default()
///     .with_replications(500)
///     .with_seed(2025)
///     .with_weight_factor(0.8, 1.2)
///     .with_survey_noise(2.0)
///     .with_top(5);
/// assert_eq!(options.replications, 500);
/// assert_eq!(options.grades.as_ref().unwrap().bands()[0].label, "A");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UncertaintyOptions {
    /// Replications to run; 1,000 by default, at most 10,000,000. Each unit's ranks are kept
    /// as a histogram when the units are fewer than the replications, else as a list of
    /// ranks; either way at most 2^28 numbers are kept.
    pub replications: usize,
    /// The seed of the random draws; 1 by default.
    pub seed: u64,
    /// The range each domain's weight factor is drawn from, uniformly; `(0.75, 1.25)` by
    /// default (±25%). A range of zero width, such as `(1.0, 1.0)`, keeps the nominal weights.
    pub weight_factor: (f64, f64),
    /// Half-width, in percentage points, of the uniform noise added to the share of each
    /// survey domain; 0 (none) by default.
    pub survey_noise: f64,
    /// `k` of "probability of being in the top k"; 10 by default.
    pub top: usize,
    /// The grade scale, as a ranking takes it; by default the national groups
    /// ([`GradeScale::national`]: A ≥ 90, B ≥ 80, C ≥ 70); `None` for no grades. A score
    /// below the lowest band has no grade.
    pub grades: Option<GradeScale>,
}

impl Default for UncertaintyOptions {
    fn default() -> UncertaintyOptions {
        UncertaintyOptions {
            replications: 1000,
            seed: 1,
            weight_factor: (0.75, 1.25),
            survey_noise: 0.0,
            top: 10,
            grades: Some(GradeScale::national()),
        }
    }
}

impl UncertaintyOptions {
    /// Sets the number of replications.
    pub fn with_replications(mut self, replications: usize) -> Self {
        self.replications = replications;
        self
    }

    /// Sets the seed.
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Sets the range of the weight factors.
    pub fn with_weight_factor(mut self, low: f64, high: f64) -> Self {
        self.weight_factor = (low, high);
        self
    }

    /// Sets the survey noise, in percentage points.
    pub fn with_survey_noise(mut self, percentage_points: f64) -> Self {
        self.survey_noise = percentage_points;
        self
    }

    /// Sets `k` of the top-k probability.
    pub fn with_top(mut self, k: usize) -> Self {
        self.top = k;
        self
    }

    /// Sets the grade scale.
    pub fn with_grades(mut self, grades: GradeScale) -> Self {
        self.grades = Some(grades);
        self
    }

    /// Drops the grades: no grade probabilities are computed.
    pub fn without_grades(mut self) -> Self {
        self.grades = None;
        self
    }

    fn validate(&self) -> Result<Vec<f64>, Error> {
        let invalid = |option: AnalysisOption, reason: String| {
            Err(ErrorKind::InvalidAnalysisOption { option, reason }.into())
        };
        if self.replications == 0 {
            return invalid(AnalysisOption::Replications, "0; run at least 1".to_owned());
        }
        if self.replications > MAX_REPLICATIONS {
            return invalid(
                AnalysisOption::Replications,
                format!("{}; run at most {MAX_REPLICATIONS}", self.replications),
            );
        }
        let (low, high) = self.weight_factor;
        if !(low.is_finite() && high.is_finite() && low >= 0.0 && high > 0.0 && low <= high) {
            return invalid(
                AnalysisOption::WeightFactorRange,
                format!("{low} to {high}; it needs 0 ≤ low ≤ high and high > 0"),
            );
        }
        if !(self.survey_noise.is_finite() && (0.0..=100.0).contains(&self.survey_noise)) {
            return invalid(
                AnalysisOption::SurveyNoise,
                format!(
                    "{} percentage points; it must be within 0 to 100",
                    self.survey_noise
                ),
            );
        }
        if self.top == 0 {
            return invalid(AnalysisOption::Top, "0; k must be at least 1".to_owned());
        }
        // A grade scale is checked when it is built: labels, bounds within 0 to 100, falling.
        let thresholds = self
            .grades
            .iter()
            .flat_map(GradeScale::bands)
            .map(|band| band.min.to_f64().unwrap_or(0.0))
            .collect();
        Ok(thresholds)
    }
}

/// Uncertainty of ranks: how far each unit's rank depends on the weights the framework gives
/// its domains, by Monte Carlo, and the ranking with each domain left out in turn.
///
/// The analysis works on a cohort as it sees it: each unit's share of each domain and each
/// domain's nominal weight, taken from a [`CohortScores`] or from a [`Cohort`]'s scorecards.
///
/// A framework's domain maxima are a choice (the 2017 provincial index gave its eight domains
/// 10, 10, 14.5, 11, 16, 7, 16 and 15.5 points). [`RankUncertainty::run`] redraws that choice
/// many times: in each replication every domain's nominal weight (its maximum, or its declared
/// weight under a weighted-mean total) is multiplied by a factor drawn uniformly from a range
/// (by default 0.75 to 1.25, i.e. ±25%), each unit's score is recomputed as
///
/// ```text
/// score = 100 × Σ_d factor_d × weight_d × share_d  ÷  Σ_d factor_d × weight_d
/// ```
///
/// over the domains that apply to it (`share_d` is the domain's points ÷ its maximum), and the
/// units are ranked: standard competition ranks ("1224"), highest score first, equal scores
/// sharing the lowest rank. Optionally the survey components — domains whose [`Method`] is
/// [`Method::LeaderSurvey`] or [`Method::CitizenSurvey`] — also get noise on their share: each
/// unit's share moves by a uniform draw of at most ± `survey_noise` percentage points, kept
/// within 0–100%, standing for the sampling error of a survey.
///
/// After all replications, each unit gets its median, 5th and 95th percentile ranks, the
/// probability of being in the top `k`, and the probability of each grade.
///
/// # Floating point
///
/// The Monte Carlo replications compute in `f64`, unlike scoring: the weights are random
/// draws, so exact decimals would buy nothing but time. Inputs are exact where they can be
/// ([`CohortScores`] points enter as the table's integers, which `f64` holds exactly up to
/// 2^53), and each replication's factors are divided by the largest of them, which changes no
/// score (a score is a ratio) but makes equal factors exactly 1: a range of zero width then
/// sums integers exactly and reproduces the nominal ranking, ties included. Scores are not
/// rounded to the published places before ranking: a replication's weights are not a
/// published method, and rounding them would only add ties by accident. The nominal ranking
/// and the rankings without one domain are computed exactly, in decimals.
///
/// # Reproducibility
///
/// Draws come from ChaCha8 ([`rand_chacha::ChaCha8Rng`]) seeded with
/// [`UncertaintyOptions::seed`]; a draw in `[0, 1)` is the top 53 bits of the next 64-bit
/// output times 2^-53, and a factor is `low + (high − low) × draw`. In each replication the
/// domains' factors are drawn first, in framework order, then the survey noise, domain by
/// domain and unit by unit. Every sum runs in a fixed order, and `f64` addition and
/// multiplication are the same on every platform, so one seed gives the same report
/// everywhere.
///
/// # Percentiles
///
/// Percentile ranks use linear interpolation between order statistics, as numpy's default
/// (`method="linear"`): for `n` replications and percentile `p`, `h = (n − 1) × p ÷ 100`, and
/// the result lies between the `⌊h⌋`-th and the next smallest rank, a fraction `h − ⌊h⌋` of
/// the way. The median is the 50th percentile.
///
/// # Examples
///
/// ```
/// use par_index::{Framework, analysis::uncertainty::{DomainRemoval, RankUncertainty, UncertaintyOptions}, bulk::PointsTable};
/// use rust_decimal::Decimal;
///
/// let framework = Framework::builder("demo", "Demo index")
///     .domain("1", "Chỉ đạo, điều hành", Decimal::from(40))
///     .child("1", "1.1", "Kế hoạch", Decimal::from(40))
///     .domain("2", "Thủ tục hành chính", Decimal::from(60))
///     .child("2", "2.1", "Hồ sơ đúng hạn", Decimal::from(60))
///     .build()?;
/// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
/// table.push("strong", [Decimal::from(39), Decimal::from(58)])?;
/// table.push("planner", [Decimal::from(40), Decimal::from(45)])?;
/// table.push("doer", [Decimal::from(20), Decimal::from(60)])?;
/// let scores = table.score()?;
///
/// let analysis = RankUncertainty::from_scores(&scores);
/// let report = analysis.run(&UncertaintyOptions::default().with_top(1))?;
/// let strong = &report.units()[0];
/// assert_eq!(strong.nominal_rank, 1);
/// assert_eq!(strong.top_probability, 1.0); // first whatever the weights
/// assert_eq!(strong.p95_rank, 1.0);
///
/// // Leaving domain 2 out puts the planner first.
/// let removals = analysis.remove_one_domain()?;
/// let ranks = |removal: &DomainRemoval| -> Vec<String> {
///     removal.ranks.iter().map(|r| r.map_or("-".into(), |r| r.to_string())).collect()
/// };
/// assert_eq!(ranks(&removals[1]), ["2", "1", "3"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct RankUncertainty {
    units: Vec<String>,
    domains: Vec<Code>,
    survey: Vec<bool>,
    /// Exact, row-major (unit, domain): weight × share, and weight (0 where not applicable).
    exact_points: Vec<Exact>,
    exact_weights: Vec<Exact>,
    /// The same as floats, column-major (domain, unit), for vectorised replications.
    points: Vec<f64>,
    weights: Vec<f64>,
    /// True when every unit has the same weight in each domain, so one denominator serves all.
    shared_weights: bool,
}

impl RankUncertainty {
    /// The analysis of a cohort scored in bulk: weights are the domains' maxima.
    pub fn from_scores(scores: &CohortScores<'_>) -> RankUncertainty {
        let framework = scores.table().framework();
        let maxima = scores.domain_maxima_fixed();
        let domains = maxima.len();
        let points = &scores.domain_points_fixed();
        let mut exact_points = Vec::with_capacity(points.len());
        let mut exact_weights = Vec::with_capacity(points.len());
        for row in points.chunks_exact(domains.max(1)) {
            for (p, m) in row.iter().zip(&maxima) {
                exact_points.push(Exact::from(scores.decimal(*p)));
                exact_weights.push(Exact::from(scores.decimal(*m)));
            }
        }
        // Fixed-point integers as floats: exact below 2^53, and the scale cancels out.
        let as_float = |values: &[i64]| values.iter().map(|v| *v as f64).collect::<Vec<f64>>();
        let mut weights = Vec::with_capacity(points.len());
        for m in &maxima {
            weights.extend(std::iter::repeat_n(*m as f64, scores.len()));
        }
        RankUncertainty {
            units: scores.units().map(|u| u.id().to_owned()).collect(),
            domains: framework.domains().map(|d| d.code().clone()).collect(),
            survey: framework.domains().map(is_survey).collect(),
            exact_points,
            exact_weights,
            points: transpose(&as_float(points), scores.len(), domains),
            weights,
            shared_weights: true,
        }
    }

    /// The analysis of a cohort's ranked units: a domain's nominal weight is its effective
    /// maximum for the unit (0 where it does not apply), or its declared weight under a
    /// weighted-mean total. Adjustments are left out: they carry no weight.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Overflow`] computing a share.
    pub fn from_cohort(cohort: &Cohort) -> Result<RankUncertainty, Error> {
        let framework = cohort.framework();
        let scorecards = cohort.scorecards();
        let domains: Vec<&Node> = framework.domains().collect();
        let mut exact_points = Vec::with_capacity(scorecards.len().saturating_mul(domains.len()));
        let mut exact_weights = Vec::with_capacity(scorecards.len().saturating_mul(domains.len()));
        for card in scorecards {
            // The cohort checked that every scorecard has the framework's nodes.
            for (domain, score) in domains.iter().zip(card.domains()) {
                let (points, weight) = if !score.applicable || score.effective_max.is_zero() {
                    (Exact::ZERO, Exact::ZERO)
                } else if framework.combine() == Combine::WeightedMean {
                    let weight = Exact::from(domain.weight().unwrap_or(Decimal::ONE));
                    let at = domain.node_ref();
                    let share = checked_mul_div(&weight, &score.points, &score.effective_max, &at)?;
                    (share, weight)
                } else {
                    (score.points.clone(), score.effective_max.clone())
                };
                exact_points.push(points);
                exact_weights.push(weight);
            }
        }
        let units = scorecards.len();
        let as_float = |values: &[Exact]| {
            values
                .iter()
                .map(|v| v.to_decimal().to_f64().unwrap_or(0.0))
                .collect::<Vec<f64>>()
        };
        let shared_weights = domains.iter().enumerate().all(|(d, _)| {
            let mut column = exact_weights.iter().skip(d).step_by(domains.len().max(1));
            let first = column.next();
            column.all(|w| Some(w) == first)
        });
        Ok(RankUncertainty {
            units: scorecards.iter().map(|c| c.unit().to_owned()).collect(),
            domains: domains.iter().map(|d| d.code().clone()).collect(),
            survey: domains.iter().map(|d| is_survey(d)).collect(),
            points: transpose(&as_float(&exact_points), units, domains.len()),
            weights: transpose(&as_float(&exact_weights), units, domains.len()),
            exact_points,
            exact_weights,
            shared_weights,
        })
    }

    /// The units, in input order.
    pub fn units(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.units.iter().map(String::as_str)
    }

    /// The domains, in framework order.
    pub fn domains(&self) -> &[Code] {
        &self.domains
    }

    /// The nominal ranking: competition ranks by the exact, unrounded score with the
    /// nominal weights (the index before adjustments), in input order.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Overflow`], which validated scores cannot reach.
    pub fn nominal_ranks(&self) -> Result<Vec<Rank>, Error> {
        let keys = self.exact_scores(None)?;
        Ok(competition::ranks_of(&keys)
            .into_iter()
            .map(Rank::whole)
            .collect())
    }

    /// The ranking with each domain left out in turn, in framework order.
    ///
    /// Each unit is ranked by its exact, unrounded score over the remaining domains
    /// (competition ranks, highest first); a unit to which no remaining domain applies has no
    /// rank. Scores are not rounded to the published places first, because a score without
    /// one domain is never published, and rounding it would add or remove ties by accident.
    ///
    /// Leaving out a domain in which every unit has the same share (all full marks, say)
    /// leaves [`RankUncertainty::nominal_ranks`] unchanged when every unit is measured
    /// against the same maxima: each unit's full score is then the same increasing affine
    /// function of its score without that domain, so the order and the ties are the same.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Overflow`], which validated scores cannot reach.
    pub fn remove_one_domain(&self) -> Result<Vec<DomainRemoval>, Error> {
        self.domains
            .iter()
            .enumerate()
            .map(|(d, domain)| {
                let keys = self.exact_scores(Some(d))?;
                let ranked: Vec<&Exact> = keys.iter().flatten().collect();
                let mut ranks = competition::ranks_of(&ranked).into_iter().map(Rank::whole);
                Ok(DomainRemoval {
                    domain: domain.clone(),
                    ranks: keys
                        .iter()
                        .map(|k| k.as_ref().and_then(|_| ranks.next()))
                        .collect(),
                })
            })
            .collect()
    }

    /// Exact scores with the nominal weights, leaving out one domain if asked; `None` for a
    /// unit to which nothing applies.
    fn exact_scores(&self, without: Option<usize>) -> Result<Vec<Option<Exact>>, Error> {
        let domains = self.domains.len().max(1);
        self.exact_points
            .chunks_exact(domains)
            .zip(self.exact_weights.chunks_exact(domains))
            .zip(&self.units)
            .map(|((points, weights), unit)| {
                let at = format!("the score of unit {unit}");
                let kept = |(i, _): &(usize, &Exact)| Some(*i) != without;
                let p = checked_sum(points.iter().enumerate().filter(kept).map(|(_, v)| v), &at)?;
                let w = checked_sum(weights.iter().enumerate().filter(kept).map(|(_, v)| v), &at)?;
                if w.is_zero() {
                    return Ok(None);
                }
                Ok(Some(checked_mul_div(&p, &Exact::ONE_HUNDRED, &w, &at)?))
            })
            .collect()
    }

    /// Runs the Monte Carlo analysis.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidAnalysisOption`] for options out of range; [`ErrorKind::Overflow`],
    /// which validated scores cannot reach.
    pub fn run(&self, options: &UncertaintyOptions) -> Result<UncertaintyReport, Error> {
        // Ranks are 1..=n: below `reps` units a histogram per unit is smaller than the ranks.
        self.run_keeping(options, self.units.len() < options.replications)
    }

    /// Runs the analysis, keeping each unit's ranks as a histogram or as a list.
    fn run_keeping(
        &self,
        options: &UncertaintyOptions,
        histogram: bool,
    ) -> Result<UncertaintyReport, Error> {
        let thresholds = options.validate()?;
        let n = self.units.len();
        let kept = n.saturating_mul(if histogram {
            n.saturating_add(1)
        } else {
            options.replications
        });
        if kept > MAX_KEPT_RANKS {
            return Err(ErrorKind::InvalidAnalysisOption {
                option: AnalysisOption::Replications,
                reason: format!(
                    "{} replications of {n} units would keep {kept} ranks; at most {MAX_KEPT_RANKS}",
                    options.replications,
                ),
            }.into());
        }
        let domains = self.domains.len();
        let reps = options.replications;
        let grades = thresholds.len();
        let nominal = self.nominal_ranks()?;

        let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
        let (low, high) = options.weight_factor;
        let noise = options.survey_noise / 100.0;
        let mut factors = vec![0.0f64; domains];
        let mut numerators = vec![0.0f64; n];
        let mut denominators = vec![0.0f64; n];
        let mut scores = vec![0.0f64; n];
        let mut ranker = competition::FloatRanker::default();
        let mut ranks = vec![0u32; n];
        // `kept` (n × (n + 1), or n × reps) is at most MAX_KEPT_RANKS, checked above, so the
        // products below are exact; counts are at most `reps` ≤ MAX_REPLICATIONS < u32::MAX, so
        // the saturating increments never saturate.
        let mut counts = vec![0u32; if histogram { kept } else { 0 }];
        let mut all_ranks = vec![0u32; if histogram { 0 } else { kept }];
        let mut in_top = vec![0u32; n];
        let Some(tallies) = n.checked_mul(grades).filter(|t| *t <= MAX_KEPT_RANKS) else {
            return Err(ErrorKind::InvalidAnalysisOption {
                option: AnalysisOption::Grades,
                reason: format!("{grades} grades for {n} units; at most {MAX_KEPT_RANKS} tallies"),
            }
            .into());
        };
        let mut reaching = vec![0u32; tallies];

        for rep in 0..reps {
            for factor in factors.iter_mut() {
                *factor = low + (high - low) * draw(&mut rng);
            }
            let largest = factors.iter().copied().fold(0.0f64, f64::max);
            if largest > 0.0 {
                for factor in factors.iter_mut() {
                    *factor /= largest;
                }
            }
            numerators.fill(0.0);
            if !self.shared_weights {
                denominators.fill(0.0);
            }
            let mut shared = 0.0f64;
            for (d, factor) in factors.iter().enumerate() {
                let column = d.saturating_mul(n)..d.saturating_add(1).saturating_mul(n);
                let (Some(points), Some(weights)) = (
                    self.points.get(column.clone()),
                    self.weights.get(column.clone()),
                ) else {
                    continue;
                };
                if noise > 0.0 && self.survey.get(d).copied().unwrap_or(false) {
                    for ((num, p), w) in numerators.iter_mut().zip(points).zip(weights) {
                        if *w > 0.0 {
                            let share =
                                (p / w + noise * (2.0 * draw(&mut rng) - 1.0)).clamp(0.0, 1.0);
                            *num += factor * (share * w);
                        }
                    }
                } else {
                    for (num, p) in numerators.iter_mut().zip(points) {
                        *num += factor * p;
                    }
                }
                if self.shared_weights {
                    shared += factor * weights.first().copied().unwrap_or(0.0);
                } else {
                    for (den, w) in denominators.iter_mut().zip(weights) {
                        *den += factor * w;
                    }
                }
            }
            if self.shared_weights {
                // One denominator for all: a product keeps equal numerators equal and distinct
                // ones apart, as a division would.
                let scale = if shared > 0.0 { 100.0 / shared } else { 0.0 };
                for (score, num) in scores.iter_mut().zip(&numerators) {
                    *score = num * scale;
                }
            } else {
                for ((score, num), den) in scores.iter_mut().zip(&numerators).zip(&denominators) {
                    *score = if *den > 0.0 { 100.0 * num / den } else { 0.0 };
                }
            }
            ranker.rank(&scores, &mut ranks);
            if histogram {
                for (unit_counts, &rank) in counts.chunks_exact_mut(n.saturating_add(1)).zip(&ranks)
                {
                    if let Some(c) = unit_counts.get_mut(rank as usize) {
                        *c = c.saturating_add(1);
                    }
                }
            } else {
                // Replication-major, so that each replication writes one contiguous row.
                if let Some(row) = all_ranks
                    .get_mut(rep.saturating_mul(n)..rep.saturating_add(1).saturating_mul(n))
                {
                    row.copy_from_slice(&ranks);
                }
            }
            // Branch-free tallies, one pass per threshold: `reaching[k]` counts scores at or
            // above the k-th threshold; as thresholds fall, grades follow by difference.
            for (top, &rank) in in_top.iter_mut().zip(&ranks) {
                *top = top.saturating_add(u32::from(rank as usize <= options.top));
            }
            for (row, threshold) in reaching.chunks_exact_mut(n.max(1)).zip(&thresholds) {
                for (count, score) in row.iter_mut().zip(&scores) {
                    *count = count.saturating_add(u32::from(*score >= *threshold));
                }
            }
        }

        let share = |count: u32| f64::from(count) / reps as f64;
        let mut units = Vec::with_capacity(n);
        // Stored ranks are gathered a block of units at a time: one cache line of each
        // replication's row serves the whole block.
        const BLOCK: usize = 16;
        let mut gathered = vec![
            0u32;
            if histogram {
                0
            } else {
                BLOCK.saturating_mul(reps)
            }
        ];
        for (i, unit) in self.units.iter().enumerate() {
            let sample = if histogram {
                Sample::Counts(
                    counts
                        .get(
                            i.saturating_mul(n.saturating_add(1))
                                ..i.saturating_add(1).saturating_mul(n.saturating_add(1)),
                        )
                        .unwrap_or_default(),
                )
            } else {
                let (block, k) = (i / BLOCK, i % BLOCK);
                if k == 0 {
                    let first = block.saturating_mul(BLOCK);
                    let width = BLOCK.min(n.saturating_sub(first));
                    for (rep, row) in all_ranks.chunks_exact(n).enumerate() {
                        for (offset, rank) in row.iter().skip(first).take(width).enumerate() {
                            if let Some(slot) =
                                gathered.get_mut(offset.saturating_mul(reps).saturating_add(rep))
                            {
                                *slot = *rank;
                            }
                        }
                    }
                }
                let slice = gathered
                    .get_mut(k.saturating_mul(reps)..k.saturating_add(1).saturating_mul(reps))
                    .unwrap_or_default();
                slice.sort_unstable();
                Sample::Sorted(slice)
            };
            let reached: Vec<u32> = (0..grades)
                .map(|k| {
                    reaching
                        .get(k.saturating_mul(n).saturating_add(i))
                        .copied()
                        .unwrap_or(0)
                })
                .collect();
            let grade_counts = (0..grades).map(|k| {
                let above = k.checked_sub(1).and_then(|p| reached.get(p)).copied();
                reached
                    .get(k)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(above.unwrap_or(0))
            });
            units.push(UnitUncertainty {
                unit: unit.clone(),
                nominal_rank: nominal.get(i).copied().unwrap_or(Rank::FIRST),
                median_rank: sample.percentile(50.0, reps),
                p5_rank: sample.percentile(5.0, reps),
                p95_rank: sample.percentile(95.0, reps),
                top_probability: share(in_top.get(i).copied().unwrap_or(0)),
                grade_probabilities: grade_counts.map(share).collect(),
                ungraded_probability: share(
                    u32::try_from(reps)
                        .unwrap_or(u32::MAX)
                        .saturating_sub(reached.last().copied().unwrap_or(0)),
                ),
            });
        }
        Ok(UncertaintyReport {
            replications: reps,
            seed: options.seed,
            top: options.top,
            grades: options
                .grades
                .iter()
                .flat_map(GradeScale::bands)
                .map(|band| band.label.clone())
                .collect(),
            units,
        })
    }
}

fn is_survey(domain: &Node) -> bool {
    matches!(
        domain.method(),
        Method::LeaderSurvey | Method::CitizenSurvey
    )
}

/// Row-major (unit, domain) to column-major (domain, unit).
fn transpose(values: &[f64], units: usize, domains: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(values.len());
    for d in 0..domains {
        out.extend(
            (0..units).filter_map(|u| values.get(u.saturating_mul(domains).saturating_add(d))),
        );
    }
    out
}

/// A uniform draw in `[0, 1)` from the top 53 bits of the generator's next output.
fn draw(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// One unit's ranks over all replications: a histogram by rank, or the ranks sorted.
enum Sample<'a> {
    Counts(&'a [u32]),
    Sorted(&'a [u32]),
}

impl Sample<'_> {
    /// The `k`-th smallest rank, counting from 0.
    fn order_statistic(&self, k: usize) -> f64 {
        match self {
            Sample::Sorted(ranks) => ranks.get(k).copied().map_or(0.0, f64::from),
            Sample::Counts(counts) => {
                let mut seen = 0usize;
                for (rank, count) in counts.iter().enumerate() {
                    seen = seen.saturating_add(*count as usize);
                    if seen > k {
                        return rank as f64;
                    }
                }
                0.0
            }
        }
    }

    /// numpy's default percentile (`method="linear"`), including its interpolation formula.
    fn percentile(&self, p: f64, n: usize) -> f64 {
        let h = (n.saturating_sub(1)) as f64 * (p / 100.0);
        let below = h.floor();
        let gamma = h - below;
        let below = below as usize;
        let a = self.order_statistic(below);
        let b = self.order_statistic(below.saturating_add(1).min(n.saturating_sub(1)));
        let diff = b - a;
        if gamma >= 0.5 {
            b - diff * (1.0 - gamma)
        } else {
            a + diff * gamma
        }
    }
}

/// The result of [`RankUncertainty::run`].
///
/// With the `serde` feature it is written and read back as itself; its figures are `f64`,
/// so a JSON reader must parse floats exactly to give back the same bits (with
/// `serde_json`, its `float_roundtrip` feature).
///
/// # Examples
///
/// ```
/// use par_index::analysis::uncertainty::{RankUncertainty, UncertaintyOptions};
/// use par_index::bulk::PointsTable;
/// use par_index::Framework;
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Thủ tục hành chính", 60.into())
///     .build()?;
/// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
/// table.push("ha-noi", [40.into(), 50.into()])?; // 90
/// table.push("hue", [30.into(), 58.into()])?; // 88
/// table.push("vinh", [20.into(), 50.into()])?; // 70
/// let analysis = RankUncertainty::from_scores(&table.score()?);
/// let options = UncertaintyOptions::default().with_replications(200).with_seed(7).with_top(1);
/// let report = analysis.run(&options)?;
/// assert_eq!((report.replications(), report.seed(), report.top()), (200, 7, 1));
/// assert_eq!(report.grades(), ["A", "B", "C"]);
/// assert_eq!(report.units().len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct UncertaintyReport {
    replications: usize,
    seed: u64,
    top: usize,
    grades: Vec<String>,
    units: Vec<UnitUncertainty>,
}

impl UncertaintyReport {
    /// Replications run.
    pub fn replications(&self) -> usize {
        self.replications
    }

    /// The seed used.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// `k` of the top-k probability.
    pub fn top(&self) -> usize {
        self.top
    }

    /// The grades' labels, in the order of [`UnitUncertainty::grade_probabilities`].
    pub fn grades(&self) -> &[String] {
        &self.grades
    }

    /// Every unit's result, in input order.
    pub fn units(&self) -> &[UnitUncertainty] {
        &self.units
    }
}

/// One unit's ranks over the replications.
///
/// # Examples
///
/// ```
/// use par_index::analysis::uncertainty::{RankUncertainty, UncertaintyOptions};
/// use par_index::bulk::PointsTable;
/// use par_index::Framework;
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Thủ tục hành chính", 60.into())
///     .build()?;
/// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
/// table.push("ha-noi", [40.into(), 50.into()])?; // 90
/// table.push("hue", [30.into(), 58.into()])?; // 88
/// table.push("vinh", [20.into(), 50.into()])?; // 70
/// let analysis = RankUncertainty::from_scores(&table.score()?);
/// // Weights kept at their nominal values: every replication gives the nominal ranks.
/// let options = UncertaintyOptions::default().with_weight_factor(1.0, 1.0).with_top(1);
/// let report = analysis.run(&options)?;
/// let hue = &report.units()[1];
/// assert_eq!((hue.unit.as_str(), hue.nominal_rank.to_string()), ("hue", "2".into()));
/// assert_eq!((hue.median_rank, hue.p5_rank, hue.p95_rank), (2.0, 2.0, 2.0));
/// assert_eq!(hue.top_probability, 0.0);
/// assert_eq!(hue.grade_probabilities, [0.0, 1.0, 0.0]); // always B
/// assert_eq!(report.units()[0].top_probability, 1.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct UnitUncertainty {
    /// The unit.
    pub unit: String,
    /// The rank with the nominal weights, by the exact score.
    pub nominal_rank: Rank,
    /// The median rank.
    pub median_rank: f64,
    /// The 5th percentile rank (a good case).
    pub p5_rank: f64,
    /// The 95th percentile rank (a bad case).
    pub p95_rank: f64,
    /// The share of replications in which the unit ranked within the top `k`.
    pub top_probability: f64,
    /// The share of replications in which the unit earned each grade, in the order of
    /// [`UncertaintyReport::grades`].
    pub grade_probabilities: Vec<f64>,
    /// The share of replications in which the unit scored below every grade.
    pub ungraded_probability: f64,
}

/// The ranking with one domain left out; see [`RankUncertainty::remove_one_domain`].
///
/// # Examples
///
/// ```
/// use par_index::analysis::uncertainty::{DomainRemoval, RankUncertainty, UncertaintyOptions};
/// use par_index::bulk::PointsTable;
/// use par_index::Framework;
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Thủ tục hành chính", 60.into())
///     .build()?;
/// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
/// table.push("ha-noi", [40.into(), 50.into()])?; // 90
/// table.push("hue", [30.into(), 58.into()])?; // 88
/// table.push("vinh", [20.into(), 50.into()])?; // 70
/// let analysis = RankUncertainty::from_scores(&table.score()?);
/// let removals = analysis.remove_one_domain()?;
/// // Without domain 1, Huế leads and Hà Nội ties with Vinh on 50 points.
/// assert_eq!(removals[0].domain.as_str(), "1");
/// let ranks = |removal: &DomainRemoval| -> Vec<String> {
///     removal.ranks.iter().map(|r| r.map_or("-".into(), |r| r.to_string())).collect()
/// };
/// assert_eq!(ranks(&removals[0]), ["2", "1", "2"]);
/// assert_eq!(ranks(&removals[1]), ["1", "2", "3"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DomainRemoval {
    /// The domain left out.
    pub domain: Code,
    /// Each unit's rank without it, in input order; `None` for a unit to which no other
    /// domain applies.
    pub ranks: Vec<Option<Rank>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_match_numpy_linear() {
        // [repr(float(x)) for x in numpy.percentile([1, 2, 3, 4, 10], [5, 50, 95])]
        // gives ['1.2', '3.0', '8.799999999999999'] (numpy 2.4).
        let sorted = [1u32, 2, 3, 4, 10];
        let sample = Sample::Sorted(&sorted);
        let got: Vec<f64> = [5.0, 50.0, 95.0]
            .iter()
            .map(|p| sample.percentile(*p, 5))
            .collect();
        assert_eq!(got, [1.2, 3.0, 8.799999999999999]);
        // The same ranks as a histogram give the same percentiles.
        let mut counts = vec![0u32; 11];
        for r in sorted {
            counts[r as usize] += 1;
        }
        let hist = Sample::Counts(&counts);
        for p in [5.0, 50.0, 95.0] {
            assert_eq!(hist.percentile(p, 5), sample.percentile(p, 5));
        }
    }

    #[test]
    fn histograms_and_stored_ranks_give_the_same_report() {
        use crate::{Assessment, Entry, Framework};
        let mut builder = Framework::builder("f", "F");
        for d in 1..=4 {
            let code = d.to_string();
            builder = builder.domain(&code, "Lĩnh vực", Decimal::from(25)).child(
                &code,
                format!("{d}.1"),
                "Tiêu chí",
                Decimal::from(25),
            );
        }
        let framework = builder.build().unwrap();
        let cards: Vec<crate::Scorecard> = (0..40u32)
            .map(|u| {
                let mut a = Assessment::new("f", format!("u{u}"), "2025".parse().unwrap());
                for d in 1..=4u32 {
                    let points = Decimal::from((u * 7 + d * 13 * (u % 5)) % 26);
                    a.push(Entry::new(format!("{d}.1").parse().unwrap()).with_appraised(points));
                }
                framework.score(&a).unwrap()
            })
            .collect();
        let cohort = crate::Cohort::new(&framework, cards).unwrap();
        let analysis = RankUncertainty::from_cohort(&cohort).unwrap();
        let options = UncertaintyOptions::default().with_replications(333);
        let counted = analysis.run_keeping(&options, true).unwrap();
        let stored = analysis.run_keeping(&options, false).unwrap();
        assert_eq!(counted, stored);
        assert!(counted.units().iter().any(|u| u.p5_rank != u.p95_rank));
    }

    #[test]
    fn draws_are_in_the_unit_interval_and_fixed_by_the_seed() {
        let mut a = ChaCha8Rng::seed_from_u64(7);
        let mut b = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..1000 {
            let x = draw(&mut a);
            assert!((0.0..1.0).contains(&x));
            assert_eq!(x.to_bits(), draw(&mut b).to_bits());
        }
    }
}
