//! Uncertainty of ranks under the domains' weights, and the ranking with each domain left
//! out. The method is documented on [`RankUncertainty`].

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::SeedableRng;
use rust_decimal::prelude::ToPrimitive;

use super::reweighting::{Reweighting, Workspace, check_survey_noise, check_weight_factor, draw};
use crate::bulk::CohortScores;
use crate::code::Code;
use crate::cohort::Cohort;
use crate::error::{AnalysisOption, Error, ErrorKind};
use crate::grade::GradeScale;
use crate::parallel;
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
        check_weight_factor(self.weight_factor)?;
        check_survey_noise(self.survey_noise)?;
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
/// sharing the lowest rank. Optionally the survey components — domains whose [`Method`](crate::framework::Method) is
/// [`Method::LeaderSurvey`](crate::framework::Method::LeaderSurvey) or [`Method::CitizenSurvey`](crate::framework::Method::CitizenSurvey) — also get noise on their share: each
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
/// Replications are run in blocks of 32, and each block draws from its own stream of
/// ChaCha8 ([`rand_chacha::ChaCha8Rng`]): the generator seeded with
/// [`UncertaintyOptions::seed`], on the stream numbered as the block (0 for replications 0
/// to 31, 1 for 32 to 63, …). A draw in `[0, 1)` is the top 53 bits of the next 64-bit
/// output times 2^-53, and a factor is `low + (high − low) × draw`. In each replication the
/// domains' factors are drawn first, in framework order, then the survey noise, domain by
/// domain and unit by unit. Every sum runs in a fixed order, and `f64` addition and
/// multiplication are the same on every platform, so one seed gives the same report
/// everywhere.
///
/// # Threads
///
/// With the `parallel` feature (on by default) blocks run on rayon's thread pool: the
/// global one, or the pool the call is made in (`ThreadPool::install`). A block's draws
/// depend only on its number, each unit's ranks are tallied as whole numbers, and every
/// figure of the report is computed from those tallies, so the report is the same bit for
/// bit on one thread or many, and without the feature.
///
/// # Memory
///
/// Besides the cohort's points (one `f64` per unit and domain), a run keeps each unit's
/// ranks: as a histogram of `n + 1` counts per unit when the `n` units are fewer than the
/// replications and `n × (n + 1)` is at most 2^20, else every rank of every replication,
/// in two bytes up to 65,535 units and four above (10,000 units × 1,000 replications: 20
/// MB; 1,000,000 units × 100 replications: 400 MB). Each piece of work running at once
/// also keeps one replication's scratch (about 40 bytes a unit) and its grade tallies (4
/// bytes a unit per grade); the top-k counts come from the ranks kept. A run keeps at most
/// 2^28 ranks.
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
    model: Reweighting,
}

/// Replications per block: each block draws from its own random stream, so a block's
/// results do not depend on which thread runs it.
const BLOCK: usize = 32;

/// Each unit's ranks are counted in a histogram when `n × (n + 1)` counts are at most this.
const MAX_HISTOGRAM: usize = 1 << 20;

impl RankUncertainty {
    /// The analysis of a cohort scored in bulk: weights are the domains' maxima.
    pub fn from_scores(scores: &CohortScores<'_>) -> RankUncertainty {
        RankUncertainty {
            model: Reweighting::from_scores(scores),
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
        Ok(RankUncertainty {
            model: Reweighting::from_cohort(cohort)?,
        })
    }

    /// The units, in input order.
    pub fn units(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.model.units().iter().map(String::as_str)
    }

    /// The domains, in framework order.
    pub fn domains(&self) -> &[Code] {
        self.model.domains()
    }

    /// The nominal ranking: competition ranks by the exact, unrounded score with the
    /// nominal weights (the index before adjustments), in input order.
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
        self.model
            .domains()
            .iter()
            .enumerate()
            .map(|(d, domain)| {
                Ok(DomainRemoval {
                    domain: domain.clone(),
                    ranks: self
                        .model
                        .ranks_without(d)?
                        .into_iter()
                        .map(|rank| rank.map(Rank::whole))
                        .collect(),
                })
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
        let n = self.model.units().len();
        // Ranks are 1..=n: below `reps` units a histogram per unit is smaller than the ranks.
        let histogram = n < options.replications
            && n.checked_mul(n.saturating_add(1))
                .is_some_and(|counts| counts <= MAX_HISTOGRAM);
        self.run_keeping(options, histogram)
    }

    /// Runs the analysis, keeping each unit's ranks as a histogram or as a list.
    fn run_keeping(
        &self,
        options: &UncertaintyOptions,
        histogram: bool,
    ) -> Result<UncertaintyReport, Error> {
        let n = self.model.units().len();
        if u16::try_from(n).is_ok() {
            self.run_with::<u16>(options, histogram)
        } else {
            self.run_with::<u32>(options, histogram)
        }
    }

    /// Runs the analysis, keeping listed ranks as `T`, which holds every rank up to `n`.
    fn run_with<T: KeptRank>(
        &self,
        options: &UncertaintyOptions,
        histogram: bool,
    ) -> Result<UncertaintyReport, Error> {
        let thresholds = options.validate()?;
        let n = self.model.units().len();
        let reps = options.replications;
        let kept = n.saturating_mul(if histogram { n.saturating_add(1) } else { reps });
        if kept > MAX_KEPT_RANKS {
            return Err(ErrorKind::InvalidAnalysisOption {
                option: AnalysisOption::Replications,
                reason: format!(
                    "{reps} replications of {n} units would keep {kept} ranks; at most {MAX_KEPT_RANKS}",
                ),
            }
            .into());
        }
        let grades = thresholds.len();
        if n.checked_mul(grades).is_none_or(|t| t > MAX_KEPT_RANKS) {
            return Err(ErrorKind::InvalidAnalysisOption {
                option: AnalysisOption::Grades,
                reason: format!("{grades} grades for {n} units; at most {MAX_KEPT_RANKS} tallies"),
            }
            .into());
        }
        let nominal = self.model.nominal_ranks()?;

        // The replications, in pieces of whole blocks: a few pieces per thread, so that a
        // thread slowed by other work hands its share to the others.
        let blocks = reps.div_ceil(BLOCK);
        let pieces = if n.saturating_mul(reps) < parallel::SMALL_WORK {
            1
        } else {
            blocks.min(parallel::threads().saturating_mul(4)).max(1)
        };
        let blocks_per_piece = blocks.div_ceil(pieces).max(1);
        let run_piece = |piece: usize, mut ranks: Option<&mut [T]>| {
            let mut tally = Tally::new(n, grades, histogram);
            let mut workspace = self.model.workspace();
            let first = piece.saturating_mul(blocks_per_piece);
            let mut offset = 0usize;
            for block in first..first.saturating_add(blocks_per_piece).min(blocks) {
                let start = block.saturating_mul(BLOCK);
                let len = BLOCK.min(reps.saturating_sub(start));
                let size = len.saturating_mul(n);
                let region = ranks
                    .as_deref_mut()
                    .and_then(|r| r.get_mut(offset..offset.saturating_add(size)));
                self.replicate_block(
                    block,
                    len,
                    options,
                    &thresholds,
                    &mut workspace,
                    &mut tally,
                    region,
                );
                offset = offset.saturating_add(size);
            }
            tally
        };
        // `kept` is at most MAX_KEPT_RANKS, checked above, so the sizes below are exact.
        let mut listed = vec![T::default(); if histogram { 0 } else { kept }];
        let tallies = if histogram {
            parallel::map(pieces, |piece| run_piece(piece, None))
        } else {
            let piece_size = blocks_per_piece.saturating_mul(BLOCK).saturating_mul(n);
            parallel::map_chunks_mut(&mut listed, piece_size, |piece, ranks| {
                run_piece(piece, Some(ranks))
            })
        };
        let mut tallies = tallies.into_iter();
        let mut tally = tallies
            .next()
            .unwrap_or_else(|| Tally::new(n, grades, histogram));
        for other in tallies {
            tally.merge(&other);
        }

        // Each unit's summary, a chunk of units at a time.
        const UNITS_PER_CHUNK: usize = 512;
        let chunks = n.div_ceil(UNITS_PER_CHUNK);
        let share = |count: u32| f64::from(count) / reps as f64;
        let units = parallel::map(chunks, |chunk| {
            let first = chunk.saturating_mul(UNITS_PER_CHUNK);
            let mut gathered: Vec<u32> = Vec::with_capacity(if histogram { 0 } else { reps });
            let mut counts: Vec<u32> = Vec::new();
            (first..first.saturating_add(UNITS_PER_CHUNK).min(n))
                .map(|i| {
                    let sample = if histogram {
                        let width = n.saturating_add(1);
                        let range =
                            i.saturating_mul(width)..i.saturating_add(1).saturating_mul(width);
                        Sample::Counts {
                            first: 0,
                            counts: tally.counts.get(range).unwrap_or_default(),
                        }
                    } else {
                        gather(&listed, i, n, reps, &mut gathered);
                        Sample::of(&mut gathered, &mut counts)
                    };
                    let reached: Vec<u32> = (0..grades)
                        .map(|k| {
                            tally
                                .reaching
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
                    let [p5_rank, median_rank, p95_rank] =
                        sample.percentiles([5.0, 50.0, 95.0], reps);
                    UnitUncertainty {
                        unit: self.model.units().get(i).cloned().unwrap_or_default(),
                        nominal_rank: nominal.get(i).copied().map_or(Rank::FIRST, Rank::whole),
                        median_rank,
                        p5_rank,
                        p95_rank,
                        top_probability: share(sample.at_most(options.top)),
                        grade_probabilities: grade_counts.map(share).collect(),
                        ungraded_probability: share(
                            u32::try_from(reps)
                                .unwrap_or(u32::MAX)
                                .saturating_sub(reached.last().copied().unwrap_or(0)),
                        ),
                    }
                })
                .collect::<Vec<UnitUncertainty>>()
        });
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
            units: units.into_iter().flatten().collect(),
        })
    }

    /// Runs the `len` replications of block `block`, tallying them and, when given, writing
    /// every unit's ranks into `ranks`, in tiles of [`KEPT_TILE`] units: the tile's ranks
    /// from the first replication, then from the second, and so on. A replication then
    /// writes whole cache lines, and a unit's ranks from one block lie in a few of them,
    /// which its tile's other units read too.
    #[allow(clippy::too_many_arguments)]
    fn replicate_block<T: KeptRank>(
        &self,
        block: usize,
        len: usize,
        options: &UncertaintyOptions,
        thresholds: &[f64],
        workspace: &mut Workspace,
        tally: &mut Tally,
        mut ranks: Option<&mut [T]>,
    ) {
        let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
        rng.set_stream(block as u64);
        let (low, high) = options.weight_factor;
        let noise = options.survey_noise / 100.0;
        let mut factors = vec![0.0f64; self.model.domains().len()];
        for rep in 0..len {
            for factor in factors.iter_mut() {
                *factor = low + (high - low) * draw(&mut rng);
            }
            let noise = (noise > 0.0).then_some((&mut rng, noise));
            self.model.score_and_rank(workspace, &factors, noise);
            tally.record(workspace.ranks(), workspace.scores(), thresholds);
            if let Some(ranks) = ranks.as_deref_mut() {
                // Tile by tile: this replication's ranks of a tile's units sit together.
                let tiles = ranks.chunks_mut(KEPT_TILE.saturating_mul(len));
                for (tile, from) in tiles.zip(workspace.ranks().chunks(KEPT_TILE)) {
                    let width = from.len();
                    let at = rep.saturating_mul(width);
                    if let Some(to) = tile.get_mut(at..at.saturating_add(width)) {
                        for (to, rank) in to.iter_mut().zip(from) {
                            *to = T::from_rank(*rank);
                        }
                    }
                }
            }
        }
    }
}

/// An unsigned integer that holds every rank of a run.
trait KeptRank: Copy + Default + Send + Sync + Into<u32> {
    /// The rank, which the caller chose `Self` to hold.
    fn from_rank(rank: u32) -> Self;
}

impl KeptRank for u16 {
    fn from_rank(rank: u32) -> u16 {
        // Chosen only for runs of at most 65,535 units, whose ranks fit.
        rank as u16
    }
}

impl KeptRank for u32 {
    fn from_rank(rank: u32) -> u32 {
        rank
    }
}

/// Units whose ranks are kept together, replication by replication, within a block: 64
/// bytes of four-byte ranks.
const KEPT_TILE: usize = 16;

/// Unit `i`'s ranks from every block of a run's list, into `out`.
fn gather<T: KeptRank>(listed: &[T], i: usize, n: usize, reps: usize, out: &mut Vec<u32>) {
    out.clear();
    let tile = i.checked_div(KEPT_TILE).unwrap_or(0);
    let lane = i.checked_rem(KEPT_TILE).unwrap_or(0);
    // Every tile is whole but the last.
    let width = KEPT_TILE.min(n.saturating_sub(tile.saturating_mul(KEPT_TILE)));
    let mut start = 0usize;
    let mut rep = 0usize;
    while rep < reps {
        let len = BLOCK.min(reps.saturating_sub(rep));
        let first = start.saturating_add(tile.saturating_mul(KEPT_TILE).saturating_mul(len));
        let tile_ranks = listed
            .get(first..first.saturating_add(width.saturating_mul(len)))
            .unwrap_or_default();
        // One replication's ranks of the tile, then the next's: this unit's is at `lane`.
        out.extend(
            tile_ranks
                .chunks_exact(width.max(1))
                .filter_map(|ranks| ranks.get(lane))
                .map(|r| (*r).into()),
        );
        start = start.saturating_add(len.saturating_mul(n));
        rep = rep.saturating_add(len);
    }
}

/// What one piece of the replications counted. Counts are at most the replications, which
/// are below `u32::MAX`, so the wrapping increments never wrap.
#[derive(Debug, Clone)]
struct Tally {
    /// `reaching[k × n + i]`: replications in which unit `i` scored at or above the `k`-th
    /// grade's threshold.
    reaching: Vec<u32>,
    /// `counts[i × (n + 1) + r]`: replications in which unit `i` ranked `r`, when ranks are
    /// counted rather than listed.
    counts: Vec<u32>,
}

impl Tally {
    fn new(n: usize, grades: usize, histogram: bool) -> Tally {
        Tally {
            reaching: vec![0; n.saturating_mul(grades)],
            counts: vec![
                0;
                if histogram {
                    n.saturating_mul(n.saturating_add(1))
                } else {
                    0
                }
            ],
        }
    }

    fn record(&mut self, ranks: &[u32], scores: &[f64], thresholds: &[f64]) {
        let n = ranks.len();
        if !self.counts.is_empty() {
            for (unit_counts, &rank) in self.counts.chunks_exact_mut(n.saturating_add(1)).zip(ranks)
            {
                if let Some(c) = unit_counts.get_mut(rank as usize) {
                    *c = c.wrapping_add(1);
                }
            }
        }
        // Branch-free tallies, one pass per threshold: `reaching[k]` counts scores at or
        // above the k-th threshold; as thresholds fall, grades follow by difference. (The
        // top-k count comes from the ranks kept.)
        for (row, threshold) in self.reaching.chunks_exact_mut(n.max(1)).zip(thresholds) {
            for (count, score) in row.iter_mut().zip(scores) {
                *count = count.wrapping_add(u32::from(*score >= *threshold));
            }
        }
    }

    fn merge(&mut self, other: &Tally) {
        for (mine, theirs) in [
            (&mut self.reaching, &other.reaching),
            (&mut self.counts, &other.counts),
        ] {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a = a.saturating_add(*b);
            }
        }
    }
}

/// One unit's ranks over all replications: counts from rank `first` up, or the ranks sorted.
enum Sample<'a> {
    Counts { first: u32, counts: &'a [u32] },
    Sorted(&'a [u32]),
}

impl<'a> Sample<'a> {
    /// The sample of `ranks`: counted from the lowest to the highest when they span a range
    /// not much wider than their number or a few thousand (the usual case: a unit's ranks
    /// stay near each other), else sorted.
    fn of(ranks: &'a mut [u32], counts: &'a mut Vec<u32>) -> Sample<'a> {
        let low = ranks.iter().copied().min().unwrap_or(0);
        let high = ranks.iter().copied().max().unwrap_or(0);
        let span = high.saturating_sub(low) as usize;
        // Counting costs the span plus the ranks; sorting, the ranks times their logarithm.
        if span <= ranks.len().saturating_mul(8).saturating_add(4096) {
            counts.clear();
            counts.resize(span.saturating_add(1), 0);
            // A plain slice, so that its address is not read again after every count.
            let counts = counts.as_mut_slice();
            for rank in ranks.iter() {
                if let Some(c) = counts.get_mut(rank.saturating_sub(low) as usize) {
                    *c = c.wrapping_add(1);
                }
            }
            Sample::Counts { first: low, counts }
        } else {
            ranks.sort_unstable();
            Sample::Sorted(ranks)
        }
    }

    /// How many ranks are at most `k`: the replications in which the unit was in the top k.
    fn at_most(&self, k: usize) -> u32 {
        let k = u32::try_from(k).unwrap_or(u32::MAX);
        let count = match self {
            Sample::Sorted(ranks) => ranks.partition_point(|r| *r <= k),
            Sample::Counts { first, counts } => {
                // Counts of ranks `first` to `k`, none when `k` is below `first`.
                let through = k
                    .checked_sub(*first)
                    .map_or(0, |d| (d as usize).saturating_add(1));
                counts.iter().take(through).map(|c| *c as usize).sum()
            }
        };
        // At most the replications, below `u32::MAX`.
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    /// The order statistics at `ks` (counting from 0), which are ascending.
    fn order_statistics<const K: usize>(&self, ks: [usize; K]) -> [u32; K] {
        let mut out = [0u32; K];
        match self {
            Sample::Sorted(ranks) => {
                for (o, k) in out.iter_mut().zip(ks) {
                    *o = ranks.get(k).copied().unwrap_or(0);
                }
            }
            Sample::Counts { first, counts } => {
                // Whole chunks of counts are skipped by their sums (a vectorised pass), and
                // only the chunk that holds an order statistic is walked count by count.
                const CHUNK: usize = 64;
                let mut wanted = ks.iter().zip(out.iter_mut()).peekable();
                let mut before = 0usize;
                for (c, chunk) in counts.chunks(CHUNK).enumerate() {
                    // At most 64 × 10,000,000 replications: a `u32` sum, which vectorises.
                    let total = chunk.iter().fold(0u32, |s, n| s.wrapping_add(*n));
                    let after = before.saturating_add(total as usize);
                    if wanted.peek().is_some_and(|(k, _)| **k < after) {
                        let start = first.saturating_add(
                            u32::try_from(c.saturating_mul(CHUNK)).unwrap_or(u32::MAX),
                        );
                        let mut seen = before;
                        for (rank, count) in (start..).zip(chunk) {
                            seen = seen.saturating_add(*count as usize);
                            while let Some((_, slot)) = wanted.next_if(|(k, _)| **k < seen) {
                                *slot = rank;
                            }
                        }
                    }
                    before = after;
                }
            }
        }
        out
    }

    /// numpy's default percentiles (`method="linear"`) of `n` ranks, including its
    /// interpolation formula; `ps` ascending.
    fn percentiles(&self, ps: [f64; 3], n: usize) -> [f64; 3] {
        let last = n.saturating_sub(1);
        let positions = ps.map(|p| {
            let h = last as f64 * (p / 100.0);
            let below = h.floor();
            (below as usize, h - below)
        });
        // Each percentile lies between two order statistics, ascending with the percentiles.
        let [(a, _), (b, _), (c, _)] = positions;
        let next = |k: usize| k.saturating_add(1).min(last);
        let ks = [a, next(a), b, next(b), c, next(c)];
        let stats = self.order_statistics(ks);
        let mut out = [0.0f64; 3];
        for (i, (o, (_, gamma))) in out.iter_mut().zip(positions).enumerate() {
            let a = f64::from(stats.get(i.saturating_mul(2)).copied().unwrap_or(0));
            let b = f64::from(
                stats
                    .get(i.saturating_mul(2).saturating_add(1))
                    .copied()
                    .unwrap_or(0),
            );
            let diff = b - a;
            *o = if gamma >= 0.5 {
                b - diff * (1.0 - gamma)
            } else {
                a + diff * gamma
            };
        }
        out
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
    use rust_decimal::Decimal;

    #[test]
    fn percentiles_match_numpy_linear() {
        // [repr(float(x)) for x in numpy.percentile([1, 2, 3, 4, 10], [5, 50, 95])]
        // gives ['1.2', '3.0', '8.799999999999999'] (numpy 2.4).
        let sorted = [1u32, 2, 3, 4, 10];
        let sample = Sample::Sorted(&sorted);
        let got = sample.percentiles([5.0, 50.0, 95.0], 5);
        assert_eq!(got, [1.2, 3.0, 8.799999999999999]);
        // The same ranks as a histogram give the same percentiles, from rank 0 or from the
        // lowest, and so do the ranks in any order.
        let mut counts = vec![0u32; 11];
        for r in sorted {
            counts[r as usize] += 1;
        }
        let hist = Sample::Counts {
            first: 0,
            counts: &counts,
        };
        assert_eq!(hist.percentiles([5.0, 50.0, 95.0], 5), got);
        let mut shuffled = [10u32, 3, 1, 4, 2];
        let mut buffer = Vec::new();
        let counted = Sample::of(&mut shuffled, &mut buffer);
        assert!(matches!(counted, Sample::Counts { first: 1, .. }));
        assert_eq!(counted.percentiles([5.0, 50.0, 95.0], 5), got);
        // The top-k counts, whichever way the ranks are kept.
        for sample in [&sample, &hist, &counted] {
            let tops: Vec<u32> = [0, 1, 3, 9, 10, 100]
                .iter()
                .map(|k| sample.at_most(*k))
                .collect();
            assert_eq!(tops, [0, 1, 3, 4, 5, 5]);
        }
        // Ranks spread far wider than their number are sorted instead.
        let mut wide = [70_000u32, 1, 2, 3, 4];
        let sorted_wide = Sample::of(&mut wide, &mut buffer);
        assert!(matches!(sorted_wide, Sample::Sorted(_)));
        assert_eq!(
            sorted_wide.percentiles([0.0, 50.0, 100.0], 5),
            [1.0, 3.0, 70_000.0]
        );
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
}
