//! Variance-based sensitivity of the ranks to the domains' weights, and to survey noise:
//! first- and total-order Sobol' indices from a Saltelli design. The method is documented on
//! [`RankSensitivity`].

use std::fmt;

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

use super::reweighting::{Reweighting, Workspace, check_survey_noise, check_weight_factor};
use super::sobol_sequence::{MAX_DIMENSIONS, SobolSequence};
use crate::bulk::CohortScores;
use crate::code::Code;
use crate::cohort::Cohort;
use crate::error::{AnalysisOption, Error, ErrorKind};
use crate::parallel;
use crate::tie::Rank;

/// The most runs a design may have (a design of `N × (k + 2)` runs keeps `k` numbers a run).
const MAX_RUNS: usize = 10_000_000;

/// The most bootstrap resamples.
const MAX_RESAMPLES: usize = 100_000;

/// The stream of the seeded generator that scrambles the design; bootstrap resample `r`
/// draws from stream `r`.
const DESIGN_STREAM: u64 = u64::MAX;

/// Runs evaluated together, on one thread.
const RUNS_PER_BLOCK: usize = 64;

/// Options of [`RankSensitivity`]; start from [`SensitivityOptions::default`].
///
/// # Examples
///
/// ```
/// use par_index::analysis::sensitivity::SensitivityOptions;
///
/// let options = SensitivityOptions::default()
///     .with_base_samples(512)
///     .with_seed(2025)
///     .with_weight_factor(0.8, 1.2)
///     .with_survey_noise(2.0)
///     .with_resamples(200)
///     .with_confidence(0.9);
/// assert_eq!((options.base_samples, options.resamples), (512, 200));
/// assert_eq!(SensitivityOptions::default().weight_factor, (0.75, 1.25));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SensitivityOptions {
    /// `N`, the base samples of the Saltelli design, which then has `N × (k + 2)` runs for
    /// `k` factors; 1,024 by default. A power of two keeps the Sobol' sequence balanced.
    pub base_samples: usize,
    /// The seed of the design's scrambling, of the bootstrap and of the survey noise; 1 by
    /// default.
    pub seed: u64,
    /// The range each domain's weight factor is drawn from; `(0.75, 1.25)` by default, as
    /// the uncertainty analysis.
    pub weight_factor: (f64, f64),
    /// Half-width, in percentage points, of the uniform noise on each survey domain's share;
    /// 0 (no noise factor) by default. Above 0, and with a survey domain in the framework,
    /// the noise is one more factor.
    pub survey_noise: f64,
    /// Bootstrap resamples of the confidence intervals; 100 by default, as SALib.
    pub resamples: usize,
    /// The confidence level of the intervals; 0.95 by default.
    pub confidence: f64,
}

impl Default for SensitivityOptions {
    fn default() -> SensitivityOptions {
        SensitivityOptions {
            base_samples: 1024,
            seed: 1,
            weight_factor: (0.75, 1.25),
            survey_noise: 0.0,
            resamples: 100,
            confidence: 0.95,
        }
    }
}

impl SensitivityOptions {
    /// Sets `N`, the base samples.
    pub fn with_base_samples(mut self, base_samples: usize) -> Self {
        self.base_samples = base_samples;
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

    /// Sets the bootstrap resamples.
    pub fn with_resamples(mut self, resamples: usize) -> Self {
        self.resamples = resamples;
        self
    }

    /// Sets the confidence level of the intervals.
    pub fn with_confidence(mut self, level: f64) -> Self {
        self.confidence = level;
        self
    }

    fn validate_design(&self) -> Result<(), Error> {
        if self.base_samples < 2 {
            return invalid(
                AnalysisOption::BaseSamples,
                format!("{}; a design needs at least 2", self.base_samples),
            );
        }
        check_weight_factor(self.weight_factor)?;
        check_survey_noise(self.survey_noise)
    }

    fn validate_bootstrap(&self) -> Result<(), Error> {
        if !(2..=MAX_RESAMPLES).contains(&self.resamples) {
            return invalid(
                AnalysisOption::Resamples,
                format!(
                    "{}; the bootstrap takes 2 to {MAX_RESAMPLES}",
                    self.resamples
                ),
            );
        }
        if !(self.confidence > 0.0 && self.confidence < 1.0) {
            return invalid(
                AnalysisOption::ConfidenceLevel,
                format!("{}; it must lie strictly between 0 and 1", self.confidence),
            );
        }
        Ok(())
    }
}

fn invalid<T>(option: AnalysisOption, reason: String) -> Result<T, Error> {
    Err(ErrorKind::InvalidAnalysisOption { option, reason }.into())
}

/// An input of the sensitivity analysis: a column of its design.
///
/// # Examples
///
/// ```
/// use par_index::analysis::sensitivity::Factor;
///
/// let weight = Factor::DomainWeight("3".parse()?);
/// assert_eq!(weight.to_string(), "weight of domain 3");
/// assert_eq!(Factor::SurveyNoise.to_string(), "survey noise");
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Factor {
    /// The factor a domain's nominal weight is multiplied by.
    DomainWeight(Code),
    /// The survey noise: its design value, in `[0, 1)`, picks one draw of noise on every
    /// survey domain's share of every unit.
    SurveyNoise,
}

impl fmt::Display for Factor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Factor::DomainWeight(code) => write!(f, "weight of domain {code}"),
            Factor::SurveyNoise => f.write_str("survey noise"),
        }
    }
}

/// A design matrix: one run a row, one factor a column, in the order of
/// [`RankSensitivity::factors`].
///
/// A domain's column holds the factor its nominal weight is multiplied by in that run (`1`
/// is the nominal weight); the survey noise's column, when there is one, a number in
/// `[0, 1)` that picks the noise. [`RankSensitivity::design`] builds the Saltelli design; a
/// design built elsewhere (SALib's `sobol.sample`, say) is handed in with
/// [`Design::new`] or [`Design::from_rows`], and [`RankSensitivity::outputs`] evaluates it.
///
/// # Examples
///
/// ```
/// use par_index::analysis::sensitivity::Design;
///
/// let design = Design::from_rows([[1.0, 1.0], [0.8, 1.2], [1.25, 0.75]])?;
/// assert_eq!((design.runs(), design.factors()), (3, 2));
/// assert_eq!(design.row(1), Some(&[0.8, 1.2][..]));
/// assert!(Design::new(2, vec![1.0, 1.0, 0.9]).is_err()); // not whole rows
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Design {
    factors: usize,
    /// Row-major: `runs × factors`.
    values: Vec<f64>,
}

impl Design {
    /// A design of `factors` columns from its values, row after row.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidAnalysisOption`] for no columns, values that are not whole rows,
    /// more than 10,000,000 runs, or a value that is not a finite number.
    pub fn new(factors: usize, values: Vec<f64>) -> Result<Design, Error> {
        if factors == 0 {
            return invalid(AnalysisOption::Design, "no columns".to_owned());
        }
        if values.len().checked_rem(factors) != Some(0) {
            return invalid(
                AnalysisOption::Design,
                format!(
                    "{} values are not whole rows of {factors} columns",
                    values.len()
                ),
            );
        }
        let runs = values.len().checked_div(factors).unwrap_or(0);
        if runs > MAX_RUNS {
            return invalid(
                AnalysisOption::Design,
                format!("{runs} runs; at most {MAX_RUNS}"),
            );
        }
        if let Some((at, value)) = values.iter().enumerate().find(|(_, v)| !v.is_finite()) {
            return invalid(
                AnalysisOption::Design,
                format!(
                    "run {}, column {} is {value}; values must be finite",
                    at.checked_div(factors).unwrap_or(0).saturating_add(1),
                    at.checked_rem(factors).unwrap_or(0).saturating_add(1),
                ),
            );
        }
        Ok(Design { factors, values })
    }

    /// A design from its rows, which must all have the same length.
    ///
    /// # Errors
    ///
    /// As [`Design::new`], and [`ErrorKind::InvalidAnalysisOption`] for rows of different
    /// lengths or no rows.
    pub fn from_rows<R: AsRef<[f64]>>(rows: impl IntoIterator<Item = R>) -> Result<Design, Error> {
        let mut factors = None;
        let mut values = Vec::new();
        for (i, row) in rows.into_iter().enumerate() {
            let row = row.as_ref();
            match factors {
                None => factors = Some(row.len()),
                Some(width) if width != row.len() => {
                    return invalid(
                        AnalysisOption::Design,
                        format!(
                            "run {} has {} columns, the first has {width}",
                            i.saturating_add(1),
                            row.len()
                        ),
                    );
                }
                Some(_) => {}
            }
            values.extend_from_slice(row);
        }
        let Some(factors) = factors else {
            return invalid(AnalysisOption::Design, "no runs".to_owned());
        };
        Design::new(factors, values)
    }

    /// The number of runs (rows).
    pub fn runs(&self) -> usize {
        self.values.len().checked_div(self.factors).unwrap_or(0)
    }

    /// The number of factors (columns).
    pub fn factors(&self) -> usize {
        self.factors
    }

    /// Run `run`'s factor values.
    pub fn row(&self, run: usize) -> Option<&[f64]> {
        let start = run.checked_mul(self.factors)?;
        self.values.get(start..start.checked_add(self.factors)?)
    }

    /// Every run's factor values, in order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &[f64]> + '_ {
        self.values.chunks_exact(self.factors.max(1))
    }
}

/// Variance-based sensitivity of the ranks: how much of the variation of the ranks under
/// uncertain domain weights (and survey noise) each factor explains, alone and with the
/// others, by first- and total-order Sobol' indices.
///
/// The model is the one [`RankUncertainty`](super::uncertainty::RankUncertainty) runs: in a
/// run, every domain's nominal weight is multiplied by its factor, each unit's score is
/// `100 × Σ_d factor_d × weight_d × share_d ÷ Σ_d factor_d × weight_d`, optionally with
/// uniform noise of ± `survey_noise` percentage points on the survey domains' shares, and
/// the units are ranked ("1224", highest first, by the unrounded score). The output of a
/// run is the statistic COINr's `get_sensitivity` uses: the **mean absolute rank shift**,
/// `Σ_i |rank_i − nominal rank_i| ÷ n`, where the nominal ranking is by the exact score
/// with the nominal weights ([`RankSensitivity::nominal_ranks`]).
///
/// # Design and estimators
///
/// The factors ([`RankSensitivity::factors`]) are the domains' weight factors, each uniform
/// on [`SensitivityOptions::weight_factor`], and, when [`SensitivityOptions::survey_noise`]
/// is above 0 and a domain is a survey, the noise, uniform on `[0, 1)`: its value seeds the
/// generator that draws the noise of that run, so that two runs with the same value share
/// the same noise, as the design needs.
///
/// [`RankSensitivity::design`] builds Saltelli's design as SALib's `sobol.sample` does with
/// `calc_second_order=False`: `N` points of a scrambled Sobol' sequence of `2k` dimensions
/// give matrices `A` (the first `k`) and `B` (the last `k`), and for each point the runs
/// are `A`, then `A` with its column `j` taken from `B` for each factor `j` (`AB_j`), then
/// `B`: `N × (k + 2)` runs. [`SobolIndices::estimate`] computes, as SALib's
/// `sobol.analyze` does, from the outputs scaled to mean 0 and standard deviation 1:
///
/// ```text
/// V    = variance of the outputs of A and B together
/// S1_j = mean(f(B) × (f(AB_j) − f(A))) ÷ V            (Saltelli et al. 2010)
/// ST_j = mean((f(A) − f(AB_j))²) ÷ 2V                  (Jansen 1999)
/// ```
///
/// Confidence intervals come from a bootstrap of the `N` base samples: each resample draws
/// `N` of them with replacement and estimates again, and the half-width of the interval is
/// `z × ` the standard deviation of the resampled estimates, `z` the normal quantile of
/// the confidence level (1.96 at 95%), as SALib reports `S1_conf` and `ST_conf`. Resample
/// `r` draws from stream `r` of ChaCha8 seeded with [`SensitivityOptions::seed`], so the
/// intervals are reproducible, though they are not SALib's (numpy draws its own).
///
/// Besides the indices, each unit's ranks over all runs are summarised
/// ([`UnitRankVariation`]): mean, standard deviation, best and worst, and its mean absolute
/// shift from the nominal rank.
///
/// # Floating point and reproducibility
///
/// Runs compute in `f64`, as the uncertainty analysis does and with the same care (factors
/// divided by the largest, so that equal factors reproduce the nominal ranking, ties
/// included). Each run's output depends only on its row of the design, and each unit's
/// tallies are whole numbers, so a report is the same bit for bit whatever the number of
/// threads, and on every platform.
///
/// # Examples
///
/// ```
/// use par_index::analysis::sensitivity::{Factor, RankSensitivity, SensitivityOptions};
/// use par_index::{Framework, bulk::PointsTable};
///
/// let framework = Framework::builder("demo", "Demo index")
///     .domain("1", "Chỉ đạo, điều hành", 30.into())
///     .domain("2", "Thủ tục hành chính", 40.into())
///     .domain("3", "Công khai", 30.into())
///     .build()?;
/// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
/// // Every unit has 20 of 30 in domain 3: its weight cannot move anyone.
/// for (unit, first, second) in [("a", 29, 20), ("b", 20, 31), ("c", 25, 26), ("d", 14, 36)] {
///     table.push(unit, [first.into(), second.into(), 20.into()])?;
/// }
/// let analysis = RankSensitivity::from_scores(&table.score()?);
/// let report = analysis.run(&SensitivityOptions::default().with_base_samples(256))?;
/// assert_eq!(report.runs(), 256 * 5);
/// let [first, second, third] = report.factors() else { unreachable!() };
/// assert_eq!(first.factor, Factor::DomainWeight("1".parse()?));
/// assert!(first.indices.total_order > 0.1 && second.indices.total_order > 0.1);
/// assert_eq!((third.indices.first_order, third.indices.total_order), (0.0, 0.0));
/// // Unit c sits between the others and moves with the weights; how far, on average:
/// let c = &report.units()[2];
/// assert!(c.best_rank < c.worst_rank && c.mean_absolute_shift > 0.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct RankSensitivity {
    model: Reweighting,
}

impl RankSensitivity {
    /// The analysis of a cohort scored in bulk: weights are the domains' maxima.
    pub fn from_scores(scores: &CohortScores<'_>) -> RankSensitivity {
        RankSensitivity {
            model: Reweighting::from_scores(scores),
        }
    }

    /// The analysis of a cohort's scorecards: a domain's nominal weight is its effective
    /// maximum for the unit (0 where it does not apply), or its declared weight under a
    /// weighted-mean total.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Overflow`] computing a share.
    pub fn from_cohort(cohort: &Cohort) -> Result<RankSensitivity, Error> {
        Ok(RankSensitivity {
            model: Reweighting::from_cohort(cohort)?,
        })
    }

    /// The units, in input order.
    pub fn units(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.model.units().iter().map(String::as_str)
    }

    /// The nominal ranking each run is compared with: competition ranks by the exact,
    /// unrounded score with the nominal weights, in input order.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Overflow`], which validated scores cannot reach.
    pub fn nominal_ranks(&self) -> Result<Vec<Rank>, Error> {
        Ok(self
            .model
            .nominal_ranks()?
            .into_iter()
            .map(Rank::whole)
            .collect())
    }

    /// The factors of the analysis, the columns of its design: each domain's weight, in
    /// framework order, then the survey noise when `options` asks for noise and a domain is
    /// a survey.
    pub fn factors(&self, options: &SensitivityOptions) -> Vec<Factor> {
        let mut factors: Vec<Factor> = self
            .model
            .domains()
            .iter()
            .cloned()
            .map(Factor::DomainWeight)
            .collect();
        if self.noisy(options) {
            factors.push(Factor::SurveyNoise);
        }
        factors
    }

    fn noisy(&self, options: &SensitivityOptions) -> bool {
        options.survey_noise > 0.0 && self.model.has_survey()
    }

    /// The Saltelli design of `options`: `N × (k + 2)` runs of the `k` factors (see
    /// [`RankSensitivity`]).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidAnalysisOption`] for options out of range, more than 32 factors
    /// (the built-in Sobol' direction numbers cover 64 dimensions), or more than 10,000,000
    /// runs.
    pub fn design(&self, options: &SensitivityOptions) -> Result<Design, Error> {
        options.validate_design()?;
        let k = self.factors(options).len();
        let runs = options
            .base_samples
            .checked_mul(k.saturating_add(2))
            .filter(|runs| *runs <= MAX_RUNS);
        let Some(runs) = runs else {
            return invalid(
                AnalysisOption::BaseSamples,
                format!(
                    "{} base samples of {k} factors make more than {MAX_RUNS} runs",
                    options.base_samples
                ),
            );
        };
        let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
        rng.set_stream(DESIGN_STREAM);
        let Some(mut sequence) = SobolSequence::new(k.saturating_mul(2), Some(&mut rng)) else {
            return invalid(
                AnalysisOption::Design,
                format!(
                    "{k} factors; the Sobol' sequence covers at most {} factors",
                    MAX_DIMENSIONS / 2
                ),
            );
        };
        let domains = self.model.domains().len();
        let (low, high) = options.weight_factor;
        let value = |column: usize, draw: f64| {
            if column < domains {
                low + (high - low) * draw
            } else {
                draw
            }
        };
        let mut point = vec![0.0f64; k.saturating_mul(2)];
        let mut values = Vec::with_capacity(runs.saturating_mul(k));
        for _ in 0..options.base_samples {
            sequence.next_into(&mut point);
            let (a, b) = point.split_at(k);
            values.extend(a.iter().enumerate().map(|(c, x)| value(c, *x)));
            for j in 0..k {
                values.extend(
                    a.iter()
                        .zip(b)
                        .enumerate()
                        .map(|(c, (x, y))| value(c, if c == j { *y } else { *x })),
                );
            }
            values.extend(b.iter().enumerate().map(|(c, y)| value(c, *y)));
        }
        Design::new(k.max(1), values)
    }

    /// The output of each run of `design`: the mean absolute rank shift from the nominal
    /// ranking. The survey noise, where the design has its column, is drawn with
    /// `options`' seed and half-width; nothing else of `options` is used.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidAnalysisOption`] for a design whose columns are not the
    /// analysis's factors, a negative weight factor, or a noise value outside `[0, 1)`;
    /// [`ErrorKind::Overflow`], which validated scores cannot reach.
    pub fn outputs(
        &self,
        design: &Design,
        options: &SensitivityOptions,
    ) -> Result<Vec<f64>, Error> {
        Ok(self.evaluate(design, options, false)?.0)
    }

    /// Builds the design, evaluates it, and estimates the indices.
    ///
    /// # Errors
    ///
    /// As [`RankSensitivity::design`] and [`SobolIndices::estimate`], and
    /// [`ErrorKind::InvalidAnalysisOption`] when units² × runs reaches 2^64 (each unit's
    /// squared ranks are summed exactly in 64 bits: a million units take up to 18 million
    /// runs, beyond the 10,000,000 a design may have).
    pub fn run(&self, options: &SensitivityOptions) -> Result<SensitivityReport, Error> {
        options.validate_bootstrap()?;
        let design = self.design(options)?;
        let (outputs, tally) = self.evaluate(&design, options, true)?;
        let factors = self.factors(options);
        let indices = SobolIndices::estimate(&outputs, factors.len(), options)?;
        let nominal = self.model.nominal_ranks()?;
        let runs = design.runs();
        let units = match tally {
            Some(tally) => tally.summarise(self.model.units(), &nominal, runs),
            None => Vec::new(),
        };
        Ok(SensitivityReport {
            base_samples: options.base_samples,
            seed: options.seed,
            factors: factors
                .into_iter()
                .zip(indices)
                .map(|(factor, indices)| FactorSensitivity { factor, indices })
                .collect(),
            outputs,
            units,
        })
    }

    /// Every run's output, and each unit's tallies when asked.
    fn evaluate(
        &self,
        design: &Design,
        options: &SensitivityOptions,
        tally_units: bool,
    ) -> Result<(Vec<f64>, Option<UnitTally>), Error> {
        check_survey_noise(options.survey_noise)?;
        let factors = self.factors(options);
        if design.factors() != factors.len() {
            let names: Vec<String> = factors.iter().map(Factor::to_string).collect();
            return invalid(
                AnalysisOption::Design,
                format!(
                    "{} columns; the analysis has {} factors ({})",
                    design.factors(),
                    factors.len(),
                    names.join(", ")
                ),
            );
        }
        let domains = self.model.domains().len();
        for (run, row) in design.rows().enumerate() {
            for (column, value) in row.iter().enumerate() {
                let weight = column < domains;
                if (weight && *value < 0.0) || (!weight && !(0.0..1.0).contains(value)) {
                    return invalid(
                        AnalysisOption::Design,
                        format!(
                            "run {}, column {} ({}) is {value}; {}",
                            run.saturating_add(1),
                            column.saturating_add(1),
                            factors
                                .get(column)
                                .map(Factor::to_string)
                                .unwrap_or_default(),
                            if weight {
                                "a weight factor cannot be negative"
                            } else {
                                "the noise's value lies in [0, 1)"
                            }
                        ),
                    );
                }
            }
        }
        let nominal = self.model.nominal_ranks()?;
        let n = nominal.len();
        let runs = design.runs();
        // Each unit's sum of squared ranks over the runs is kept in 64 bits.
        let squares = (n as u128)
            .saturating_mul(n as u128)
            .saturating_mul(runs as u128);
        if tally_units && squares > u128::from(u64::MAX) {
            return invalid(
                AnalysisOption::Design,
                format!(
                    "{runs} runs of {n} units; a unit's ranks are summed exactly while \
                     units² × runs is below 2^64"
                ),
            );
        }
        let blocks = runs.div_ceil(RUNS_PER_BLOCK);
        let pieces = if n.saturating_mul(runs) < parallel::SMALL_WORK {
            1
        } else {
            blocks.min(parallel::threads().saturating_mul(4)).max(1)
        };
        let blocks_per_piece = blocks.div_ceil(pieces).max(1);
        let half_width = options.survey_noise / 100.0;
        let results = parallel::map(pieces, |piece| {
            let first = piece
                .saturating_mul(blocks_per_piece)
                .saturating_mul(RUNS_PER_BLOCK);
            let last = first
                .saturating_add(blocks_per_piece.saturating_mul(RUNS_PER_BLOCK))
                .min(runs);
            let mut workspace = self.model.workspace();
            let mut tally = tally_units.then(|| UnitTally::new(n));
            let outputs: Vec<f64> = (first..last)
                .map(|run| {
                    let row = design.row(run).unwrap_or_default();
                    self.run_once(&mut workspace, row, options.seed, half_width);
                    let shift = match tally.as_mut() {
                        Some(tally) => tally.record(workspace.ranks(), &nominal),
                        None => total_shift(workspace.ranks(), &nominal),
                    };
                    mean_shift(shift, n)
                })
                .collect();
            (outputs, tally)
        });
        let mut outputs = Vec::with_capacity(runs);
        let mut merged: Option<UnitTally> = None;
        for (piece_outputs, tally) in results {
            outputs.extend(piece_outputs);
            merged = match (merged, tally) {
                (Some(mut all), Some(tally)) => {
                    all.merge(&tally);
                    Some(all)
                }
                (None, tally) => tally,
                (all, None) => all,
            };
        }
        Ok((outputs, merged))
    }

    /// Scores and ranks the units for one row of a design.
    fn run_once(&self, workspace: &mut Workspace, row: &[f64], seed: u64, half_width: f64) {
        let domains = self.model.domains().len();
        let (weights, noise) = row.split_at(domains.min(row.len()));
        match noise.first() {
            Some(value) if half_width > 0.0 => {
                let mut rng = noise_generator(seed, *value);
                self.model
                    .score_and_rank(workspace, weights, Some((&mut rng, half_width)));
            }
            _ => self.model.score_and_rank(workspace, weights, None),
        }
    }
}

/// The generator of the survey noise of a run whose noise factor is `value`: its key holds
/// the seed and the value's bits, so equal values draw equal noise.
fn noise_generator(seed: u64, value: f64) -> ChaCha8Rng {
    let mut key = [0u8; 32];
    let tag = b"survey noise of a design run....";
    for (k, t) in key.iter_mut().zip(tag) {
        *k = *t;
    }
    for (k, b) in key.iter_mut().zip(
        seed.to_le_bytes()
            .iter()
            .chain(&value.to_bits().to_le_bytes()),
    ) {
        *k = *b;
    }
    ChaCha8Rng::from_seed(key)
}

/// `Σ |rank − nominal|` over the units, exact.
fn total_shift(ranks: &[u32], nominal: &[u32]) -> u64 {
    ranks.iter().zip(nominal).fold(0u64, |sum, (r, m)| {
        sum.wrapping_add(u64::from(r.abs_diff(*m)))
    })
}

/// `Σ |rank − nominal| ÷ n`: the sum is exact, and so is its conversion (it is below 2^53),
/// so the one rounding is the division's, as numpy's mean of the same integers gives.
fn mean_shift(total: u64, n: usize) -> f64 {
    if n == 0 {
        return 0.0;
    }
    total as f64 / n as f64
}

/// One unit's ranks over a piece of the runs, in whole numbers. A rank is at most the
/// number of units, and a run checks that units² × runs fits 64 bits, so the sums never
/// wrap.
#[derive(Debug, Clone, Copy)]
struct UnitSums {
    rank: u64,
    square: u64,
    shift: u64,
    best: u32,
    worst: u32,
}

/// Every unit's sums, kept together unit by unit so that a run updates them in one pass.
#[derive(Debug, Clone)]
struct UnitTally {
    units: Vec<UnitSums>,
}

impl UnitTally {
    fn new(n: usize) -> UnitTally {
        let empty = UnitSums {
            rank: 0,
            square: 0,
            shift: 0,
            best: u32::MAX,
            worst: 0,
        };
        UnitTally {
            units: vec![empty; n],
        }
    }

    /// Adds one run's ranks; returns the run's `Σ |rank − nominal|`.
    fn record(&mut self, ranks: &[u32], nominal: &[u32]) -> u64 {
        let mut total = 0u64;
        for ((sums, rank), nominal) in self.units.iter_mut().zip(ranks).zip(nominal) {
            let shift = u64::from(rank.abs_diff(*nominal));
            sums.rank = sums.rank.wrapping_add(u64::from(*rank));
            sums.square = sums
                .square
                .wrapping_add(u64::from(*rank).wrapping_mul(u64::from(*rank)));
            sums.shift = sums.shift.wrapping_add(shift);
            sums.best = sums.best.min(*rank);
            sums.worst = sums.worst.max(*rank);
            total = total.wrapping_add(shift);
        }
        total
    }

    fn merge(&mut self, other: &UnitTally) {
        for (a, b) in self.units.iter_mut().zip(&other.units) {
            a.rank = a.rank.wrapping_add(b.rank);
            a.square = a.square.wrapping_add(b.square);
            a.shift = a.shift.wrapping_add(b.shift);
            a.best = a.best.min(b.best);
            a.worst = a.worst.max(b.worst);
        }
    }

    fn summarise(&self, units: &[String], nominal: &[u32], runs: usize) -> Vec<UnitRankVariation> {
        let count = runs as f64;
        units
            .iter()
            .enumerate()
            .map(|(i, unit)| {
                let sums = self.units.get(i).copied();
                let sum = sums.map_or(0, |s| s.rank);
                let square = u128::from(sums.map_or(0, |s| s.square));
                // runs² × variance = runs × Σ rank² − (Σ rank)², exact in 128 bits (both
                // terms are below 2^100 for ranks below 2^32 and runs below 2^24).
                let spread = (runs as u128)
                    .wrapping_mul(square)
                    .saturating_sub(u128::from(sum).wrapping_mul(u128::from(sum)));
                UnitRankVariation {
                    unit: unit.clone(),
                    nominal_rank: nominal.get(i).copied().map_or(Rank::FIRST, Rank::whole),
                    mean_rank: sum as f64 / count,
                    rank_std_dev: (spread as f64).sqrt() / count,
                    best_rank: sums.map_or(Rank::FIRST, |s| Rank::whole(s.best)),
                    worst_rank: sums.map_or(Rank::FIRST, |s| Rank::whole(s.worst)),
                    mean_absolute_shift: sums.map_or(0, |s| s.shift) as f64 / count,
                }
            })
            .collect()
    }
}

/// First- and total-order Sobol' indices of one factor, with the half-widths of their
/// bootstrap confidence intervals (`first_order ± first_order_confidence`).
///
/// # Examples
///
/// ```
/// use par_index::analysis::sensitivity::{SensitivityOptions, SobolIndices};
///
/// // Outputs of a Saltelli design of two factors, N = 4: A, AB_1, AB_2, B per base sample.
/// // The output follows the first factor and ignores the second.
/// let y = [1.0, 3.0, 1.0, 3.0, 2.0, 4.0, 2.0, 4.0, 5.0, 1.0, 5.0, 1.0, 3.0, 2.0, 3.0, 2.0];
/// let indices = SobolIndices::estimate(&y, 2, &SensitivityOptions::default())?;
/// assert!(indices[0].total_order > 0.9);
/// assert_eq!((indices[1].first_order, indices[1].total_order), (0.0, 0.0));
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SobolIndices {
    /// `S1`: the share of the output's variance the factor explains alone.
    pub first_order: f64,
    /// Half-width of the confidence interval of `S1`.
    pub first_order_confidence: f64,
    /// `ST`: the share it explains alone and together with the other factors.
    pub total_order: f64,
    /// Half-width of the confidence interval of `ST`.
    pub total_order_confidence: f64,
}

impl SobolIndices {
    /// The indices of each of `factors` factors from the outputs of a Saltelli design, in
    /// SALib's order (for each base sample: `A`, `AB_1` … `AB_k`, `B`), by SALib's
    /// estimators and bootstrap (see [`RankSensitivity`]); resamples, confidence level
    /// and seed from `options`.
    ///
    /// Outputs that do not vary give indices of 0, as SALib's.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidAnalysisOption`] for no factors, outputs that are not whole
    /// groups of `k + 2` runs or fewer than 2 groups, an output that is not finite, or
    /// bootstrap options out of range.
    pub fn estimate(
        outputs: &[f64],
        factors: usize,
        options: &SensitivityOptions,
    ) -> Result<Vec<SobolIndices>, Error> {
        options.validate_bootstrap()?;
        let group = factors.saturating_add(2);
        let base = outputs.len().checked_div(group).unwrap_or(0);
        if factors == 0 || outputs.len().checked_rem(group) != Some(0) || base < 2 {
            return invalid(
                AnalysisOption::Outputs,
                format!(
                    "{} outputs for {factors} factors; a Saltelli design has N × {group} \
                     runs, N at least 2",
                    outputs.len()
                ),
            );
        }
        if let Some((run, value)) = outputs.iter().enumerate().find(|(_, y)| !y.is_finite()) {
            return invalid(
                AnalysisOption::Outputs,
                format!(
                    "run {} is {value}; outputs must be finite",
                    run.saturating_add(1)
                ),
            );
        }
        // Scaled to mean 0 and standard deviation 1, as SALib does before estimating: the
        // first-order estimator depends on the outputs' mean.
        let count = outputs.len() as f64;
        let mean = outputs.iter().sum::<f64>() / count;
        let deviation =
            (outputs.iter().map(|y| (y - mean) * (y - mean)).sum::<f64>() / count).sqrt();
        if deviation == 0.0 {
            return Ok(vec![SobolIndices::zero(); factors]);
        }
        let scaled: Vec<f64> = outputs.iter().map(|y| (y - mean) / deviation).collect();
        // Row-major base samples: `A`, the `k` columns of `AB`, `B`.
        let terms = Terms::new(&scaled, factors);
        let point = terms.estimates(&(0..base).collect::<Vec<_>>());

        let z = normal_quantile(0.5 + options.confidence / 2.0);
        let varies = spread(terms.a.iter().chain(&terms.b).copied()) > 0.0;
        let resampled = parallel::map(options.resamples, |r| {
            let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
            rng.set_stream(r as u64);
            let rows: Vec<usize> = (0..base).map(|_| below(&mut rng, base)).collect();
            terms.estimates(&rows)
        });
        Ok(point
            .iter()
            .enumerate()
            .map(|(j, (first, total))| {
                let pick = |f: fn(&(f64, f64)) -> f64| -> Vec<f64> {
                    resampled.iter().filter_map(|r| r.get(j)).map(f).collect()
                };
                let confidence = |values: Vec<f64>| {
                    if varies {
                        z * sample_deviation(&values)
                    } else {
                        0.0
                    }
                };
                SobolIndices {
                    first_order: *first,
                    first_order_confidence: confidence(pick(|e| e.0)),
                    total_order: *total,
                    total_order_confidence: confidence(pick(|e| e.1)),
                }
            })
            .collect())
    }

    fn zero() -> SobolIndices {
        SobolIndices {
            first_order: 0.0,
            first_order_confidence: 0.0,
            total_order: 0.0,
            total_order_confidence: 0.0,
        }
    }
}

/// The base samples' outputs, scaled, with each factor's terms of the two estimators: a
/// resample adds them up rather than working them out again.
struct Terms {
    factors: usize,
    /// `f(A)` and `f(B)` of each base sample.
    a: Vec<f64>,
    b: Vec<f64>,
    /// Row-major (sample, factor): `f(B) × (f(AB_j) − f(A))`.
    first: Vec<f64>,
    /// Row-major (sample, factor): `(f(A) − f(AB_j))²`.
    total: Vec<f64>,
}

impl Terms {
    /// From outputs in SALib's order, `factors + 2` runs a base sample.
    fn new(outputs: &[f64], factors: usize) -> Terms {
        let mut terms = Terms {
            factors,
            a: Vec::new(),
            b: Vec::new(),
            first: Vec::new(),
            total: Vec::new(),
        };
        for runs in outputs.chunks_exact(factors.saturating_add(2)) {
            let Some((a, rest)) = runs.split_first() else {
                continue;
            };
            let Some((b, ab)) = rest.split_last() else {
                continue;
            };
            terms.a.push(*a);
            terms.b.push(*b);
            terms.first.extend(ab.iter().map(|ab| b * (ab - a)));
            terms.total.extend(ab.iter().map(|ab| (a - ab) * (a - ab)));
        }
        terms
    }

    /// Each factor's `(S1, ST)` over the base samples at `rows` (with repeats, for a
    /// resample), as SALib's `first_order` and `total_order`.
    fn estimates(&self, rows: &[usize]) -> Vec<(f64, f64)> {
        let pick = |values: &[f64]| -> Vec<f64> {
            rows.iter()
                .map(|r| values.get(*r).copied().unwrap_or(0.0))
                .collect()
        };
        let (a, b) = (pick(&self.a), pick(&self.b));
        let count = rows.len() as f64;
        let mean = (a.iter().sum::<f64>() + b.iter().sum::<f64>()) / (2.0 * count);
        let square = |y: &f64| (y - mean) * (y - mean);
        let variance =
            (a.iter().map(square).sum::<f64>() + b.iter().map(square).sum::<f64>()) / (2.0 * count);
        // SALib's guards: outputs of A and B that do not vary, or a variance within
        // machine epsilon, give 0.
        let k = self.factors;
        if !(spread(a.iter().chain(&b).copied()) > f64::EPSILON && variance > f64::EPSILON) {
            return vec![(0.0, 0.0); k];
        }
        let mut first = vec![0.0f64; k];
        let mut total = vec![0.0f64; k];
        for row in rows {
            let at = row.saturating_mul(k)..row.saturating_add(1).saturating_mul(k);
            for (sum, term) in first
                .iter_mut()
                .zip(self.first.get(at.clone()).unwrap_or_default())
            {
                *sum += term;
            }
            for (sum, term) in total.iter_mut().zip(self.total.get(at).unwrap_or_default()) {
                *sum += term;
            }
        }
        first
            .iter()
            .zip(&total)
            .map(|(first, total)| (first / count / variance, 0.5 * (total / count) / variance))
            .collect()
    }
}

/// The largest value less the smallest (numpy's `ptp`).
fn spread(values: impl Iterator<Item = f64>) -> f64 {
    let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values {
        low = if v < low { v } else { low };
        high = if v > high { v } else { high };
    }
    if high >= low { high - low } else { 0.0 }
}

/// The standard deviation with `n − 1` in the denominator (numpy's `std(ddof=1)`).
fn sample_deviation(values: &[f64]) -> f64 {
    let count = values.len() as f64;
    if values.len() < 2 {
        return 0.0;
    }
    let mean = values.iter().sum::<f64>() / count;
    (values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (count - 1.0)).sqrt()
}

/// A uniform draw in `0..bound` (`bound > 0`), without bias: Lemire's multiply-and-shift,
/// redrawing the few outputs that would favour some values.
fn below(rng: &mut ChaCha8Rng, bound: usize) -> usize {
    let bound = bound as u64;
    // 2^64 mod bound: outputs whose low product falls below it are redrawn.
    let threshold = bound.wrapping_neg().checked_rem(bound).unwrap_or(0);
    loop {
        let product = u128::from(rng.next_u64()).wrapping_mul(u128::from(bound));
        if (product as u64) >= threshold {
            return (product >> 64) as usize;
        }
    }
}

/// The standard normal distribution's quantile: Wichura's algorithm AS 241 (`PPND16`,
/// Applied Statistics 37, 1988), accurate to about 1 part in 10^16.
// The coefficients as published, digits beyond an `f64` included.
#[allow(clippy::excessive_precision)]
fn normal_quantile(p: f64) -> f64 {
    fn polynomial(coefficients: &[f64; 8], x: f64) -> f64 {
        coefficients.iter().rev().fold(0.0, |sum, c| sum * x + c)
    }
    const A: [f64; 8] = [
        3.387_132_872_796_366_608,
        133.141_667_891_784_377_45,
        1_971.590_950_306_551_442_7,
        13_731.693_765_509_461_125,
        45_921.953_931_549_871_457,
        67_265.770_927_008_700_853,
        33_430.575_583_588_128_105,
        2_509.080_928_730_122_672_7,
    ];
    const B: [f64; 8] = [
        1.0,
        42.313_330_701_600_911_252,
        687.187_007_492_057_908_3,
        5_394.196_021_424_751_107_7,
        21_213.794_301_586_595_867,
        39_307.895_800_092_710_61,
        28_729.085_735_721_942_674,
        5_226.495_278_852_854_561,
    ];
    const C: [f64; 8] = [
        1.423_437_110_749_683_577_34,
        4.630_337_846_156_545_295_9,
        5.769_497_221_460_691_405_5,
        3.647_848_324_763_204_605_04,
        1.270_458_252_452_368_382_58,
        0.241_780_725_177_450_611_77,
        0.022_723_844_989_269_184_583_3,
        7.745_450_142_783_414_076_4e-4,
    ];
    const D: [f64; 8] = [
        1.0,
        2.053_191_626_637_758_821_87,
        1.676_384_830_183_803_849_4,
        0.689_767_334_985_100_004_55,
        0.148_103_976_427_480_074_59,
        0.015_198_666_563_616_457_196_6,
        5.475_938_084_995_344_946e-4,
        1.050_750_071_644_416_843_24e-9,
    ];
    const E: [f64; 8] = [
        6.657_904_643_501_103_777_2,
        5.463_784_911_164_114_369_9,
        1.784_826_539_917_291_335_8,
        0.296_560_571_828_504_891_23,
        0.026_532_189_526_576_123_093,
        0.001_242_660_947_388_078_438_6,
        2.711_555_568_743_487_578_15e-5,
        2.010_334_399_292_288_132_65e-7,
    ];
    const F: [f64; 8] = [
        1.0,
        0.599_832_206_555_887_937_69,
        0.136_929_880_922_735_805_31,
        0.014_875_361_290_850_614_852_5,
        7.868_691_311_456_132_591e-4,
        1.846_318_317_510_054_681_8e-5,
        1.421_511_758_316_445_888_7e-7,
        2.044_263_103_389_939_785_64e-15,
    ];
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180_625 - q * q;
        return q * polynomial(&A, r) / polynomial(&B, r);
    }
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let r = (-tail.ln()).sqrt();
    let value = if r <= 5.0 {
        let r = r - 1.6;
        polynomial(&C, r) / polynomial(&D, r)
    } else {
        let r = r - 5.0;
        polynomial(&E, r) / polynomial(&F, r)
    };
    if q < 0.0 { -value } else { value }
}

/// One factor's indices in a [`SensitivityReport`].
///
/// # Examples
///
/// ```
/// use par_index::analysis::sensitivity::{Factor, RankSensitivity, SensitivityOptions};
/// use par_index::{Framework, bulk::PointsTable};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Thủ tục hành chính", 60.into())
///     .build()?;
/// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
/// table.push("ha-noi", [40.into(), 50.into()])?;
/// table.push("hue", [30.into(), 58.into()])?;
/// table.push("vinh", [20.into(), 59.into()])?;
/// let report = RankSensitivity::from_scores(&table.score()?)
///     .run(&SensitivityOptions::default().with_base_samples(64))?;
/// // With two domains, either weight alone decides the order of Huế and Vinh.
/// let [first, second] = report.factors() else { unreachable!() };
/// assert_eq!(first.factor, Factor::DomainWeight("1".parse()?));
/// assert!(first.indices.total_order > 0.2 && second.indices.total_order > 0.2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct FactorSensitivity {
    /// The factor.
    pub factor: Factor,
    /// Its indices.
    pub indices: SobolIndices,
}

/// How one unit's rank moved over the runs of a sensitivity analysis.
///
/// Every run of a Saltelli design draws each factor from its distribution, so these are
/// statistics of the unit's rank under the uncertain weights; the runs are not independent
/// of one another (a run `AB_j` shares all but one factor with its `A`), so the spread
/// is a description rather than an interval.
///
/// # Examples
///
/// ```
/// use par_index::analysis::sensitivity::{RankSensitivity, SensitivityOptions};
/// use par_index::{Framework, bulk::PointsTable};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Thủ tục hành chính", 60.into())
///     .build()?;
/// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
/// table.push("ha-noi", [40.into(), 58.into()])?; // first whatever the weights
/// table.push("hue", [30.into(), 50.into()])?;
/// table.push("vinh", [20.into(), 52.into()])?;
/// let report = RankSensitivity::from_scores(&table.score()?)
///     .run(&SensitivityOptions::default().with_base_samples(64))?;
/// let ha_noi = &report.units()[0];
/// assert!(ha_noi.nominal_rank == 1 && ha_noi.best_rank == 1 && ha_noi.worst_rank == 1);
/// assert_eq!((ha_noi.mean_rank, ha_noi.rank_std_dev, ha_noi.mean_absolute_shift), (1.0, 0.0, 0.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct UnitRankVariation {
    /// The unit.
    pub unit: String,
    /// Its rank with the nominal weights, by the exact score.
    pub nominal_rank: Rank,
    /// Its mean rank over the runs.
    pub mean_rank: f64,
    /// The standard deviation of its rank over the runs (dividing by the number of runs).
    pub rank_std_dev: f64,
    /// Its best (lowest) rank in any run.
    pub best_rank: Rank,
    /// Its worst (highest) rank in any run.
    pub worst_rank: Rank,
    /// The mean of `|rank − nominal rank|` over the runs.
    pub mean_absolute_shift: f64,
}

/// The result of [`RankSensitivity::run`].
///
/// With the `serde` feature it is written and read back as itself (its figures are `f64`:
/// a JSON reader must parse floats exactly, as `serde_json`'s `float_roundtrip` does).
///
/// # Examples
///
/// ```
/// use par_index::analysis::sensitivity::{RankSensitivity, SensitivityOptions};
/// use par_index::{Framework, bulk::PointsTable};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Thủ tục hành chính", 60.into())
///     .build()?;
/// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
/// table.push("ha-noi", [40.into(), 50.into()])?;
/// table.push("hue", [30.into(), 58.into()])?;
/// table.push("vinh", [20.into(), 59.into()])?;
/// let options = SensitivityOptions::default().with_base_samples(32).with_seed(7);
/// let report = RankSensitivity::from_scores(&table.score()?).run(&options)?;
/// assert_eq!((report.base_samples(), report.seed(), report.runs()), (32, 7, 32 * 4));
/// assert_eq!(report.outputs().len(), report.runs());
/// let mean = report.outputs().iter().sum::<f64>() / report.runs() as f64;
/// assert_eq!(report.mean_rank_shift(), mean);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SensitivityReport {
    base_samples: usize,
    seed: u64,
    factors: Vec<FactorSensitivity>,
    outputs: Vec<f64>,
    units: Vec<UnitRankVariation>,
}

impl SensitivityReport {
    /// `N`, the base samples of the design.
    pub fn base_samples(&self) -> usize {
        self.base_samples
    }

    /// The seed used.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The runs of the design, `N × (k + 2)`.
    pub fn runs(&self) -> usize {
        self.outputs.len()
    }

    /// Each factor's indices, in the order of [`RankSensitivity::factors`].
    pub fn factors(&self) -> &[FactorSensitivity] {
        &self.factors
    }

    /// Each run's output, the mean absolute rank shift, in the design's order.
    pub fn outputs(&self) -> &[f64] {
        &self.outputs
    }

    /// The mean of the outputs: how far, on average over the runs, a unit's rank lies from
    /// its nominal rank.
    pub fn mean_rank_shift(&self) -> f64 {
        if self.outputs.is_empty() {
            return 0.0;
        }
        self.outputs.iter().sum::<f64>() / self.outputs.len() as f64
    }

    /// Every unit's rank variation, in input order.
    pub fn units(&self) -> &[UnitRankVariation] {
        &self.units
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_quantiles_are_scipys() {
        // repr(float(scipy.stats.norm.ppf(p))), scipy 1.17.1.
        for (p, expected) in [
            (0.975, 1.959963984540054),
            (0.995, 2.5758293035489004),
            (0.95, 1.6448536269514722),
            (0.05, -1.6448536269514729),
            (0.5, 0.0),
            (0.9999999, 5.199337582290661),
            (1e-10, -6.361340902404056),
            (0.3, -0.5244005127080409),
        ] {
            let got = normal_quantile(p);
            assert!(
                (got - expected).abs() <= 2e-15 * expected.abs().max(1.0),
                "{p}: {got} against {expected}"
            );
        }
    }

    #[test]
    fn draws_below_a_bound_cover_it_evenly() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let mut counts = [0u32; 7];
        for _ in 0..70_000 {
            counts[below(&mut rng, 7)] += 1;
        }
        assert!(
            counts.iter().all(|c| (9_500..10_500).contains(c)),
            "{counts:?}"
        );
        assert_eq!(below(&mut rng, 1), 0);
    }

    #[test]
    fn estimators_are_salibs_on_a_small_case() {
        // SALib 1.6.0: sobol.analyze(problem with 2 variables, Y, calc_second_order=False)
        // on these 16 outputs gives S1 = [1.5315315315315314, 0.0] and
        // ST = [1.8018018018018014, 0.0] (printed with repr). With four base samples the
        // estimates stray far from [0, 1]; they are still SALib's.
        let y = [
            1.0, 3.0, 1.0, 3.0, 2.0, 4.0, 2.0, 4.0, 5.0, 1.0, 5.0, 1.0, 3.0, 2.0, 3.0, 2.0,
        ];
        let indices = SobolIndices::estimate(&y, 2, &SensitivityOptions::default()).unwrap();
        assert!((indices[0].first_order - 1.5315315315315314).abs() < 1e-12);
        assert!((indices[0].total_order - 1.8018018018018014).abs() < 1e-12);
        assert_eq!((indices[1].first_order, indices[1].total_order), (0.0, 0.0));
        // Constant outputs explain nothing.
        let flat = SobolIndices::estimate(&[2.0; 16], 2, &SensitivityOptions::default()).unwrap();
        assert!(flat.iter().all(|i| *i == SobolIndices::zero()));
    }
}
