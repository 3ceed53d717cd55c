//! A cohort as the weight analyses see it: each unit's points in each domain and each
//! domain's weight, exact for the nominal ranking and as floats for the replications, and
//! one replication's scoring and ranking under other weights.
//!
//! [`RankUncertainty`](super::uncertainty::RankUncertainty) and
//! [`RankSensitivity`](super::sensitivity::RankSensitivity) both hold one; the method is
//! documented on them.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::RngCore;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::bulk::CohortScores;
use crate::code::Code;
use crate::cohort::Cohort;
use crate::competition::{self, FloatRanker};
use crate::error::{AnalysisOption, Error, ErrorKind};
use crate::exact::Exact;
use crate::framework::{Combine, Method, Node};
use crate::math::{checked_mul_div, checked_sum};

/// Units' points and domains' weights, exact and as floats.
#[derive(Debug, Clone)]
pub(crate) struct Reweighting {
    units: Vec<String>,
    domains: Vec<Code>,
    survey: Vec<bool>,
    exact: ExactPoints,
    /// Weight × share of every unit in every domain, in tiles of [`TILE`] units: the
    /// tile's first domain for each of its units, then its second, and so on, the last tile
    /// padded with zeros. A replication sums a tile's units in registers over the
    /// domains, reading the points in the order they are stored.
    tiles: Vec<f64>,
    weights: Weights,
}

/// The exact figures behind the nominal ranking.
#[derive(Debug, Clone)]
enum ExactPoints {
    /// Fixed-point integers at one scale, row-major (unit, domain), with every unit measured
    /// against the same maxima: a score is the sum of a row over the shared total, so scores
    /// compare as the integer sums do.
    Fixed { points: Vec<i64>, maxima: Vec<i64> },
    /// Points and weights of each unit, row-major (unit, domain); 0 and 0 where a domain does
    /// not apply.
    PerUnit {
        points: Vec<Exact>,
        weights: Vec<Exact>,
    },
}

/// Keys that rank as the exact scores do, highest first.
enum Keys {
    Integers(Vec<i128>),
    /// `None` for a unit to which nothing applies, which ranks after every score.
    Exact(Vec<Option<Exact>>),
}

/// The domains' nominal weights as floats.
#[derive(Debug, Clone)]
enum Weights {
    /// One weight a domain, the same for every unit: one denominator serves all.
    Shared(Vec<f64>),
    /// Column-major (domain, unit), 0 where a domain does not apply to a unit.
    PerUnit(Vec<f64>),
}

impl Reweighting {
    /// A cohort scored in bulk: weights are the domains' maxima.
    pub(crate) fn from_scores(scores: &CohortScores<'_>) -> Reweighting {
        let framework = scores.table().framework();
        let maxima = scores.domain_maxima_fixed();
        let points = scores.domain_points_fixed();
        // Fixed-point integers as floats: exact below 2^53, and the scale cancels out.
        let as_float: Vec<f64> = points.iter().map(|v| *v as f64).collect();
        Reweighting {
            units: scores.units().map(|u| u.id().to_owned()).collect(),
            domains: framework.domains().map(|d| d.code().clone()).collect(),
            survey: framework.domains().map(is_survey).collect(),
            tiles: tile(&as_float, scores.len(), maxima.len()),
            weights: Weights::Shared(maxima.iter().map(|m| *m as f64).collect()),
            exact: ExactPoints::Fixed { points, maxima },
        }
    }

    /// A cohort's scorecards: a domain's nominal weight is its effective maximum for the unit
    /// (0 where it does not apply), or its declared weight under a weighted-mean total.
    /// Adjustments are left out: they carry no weight.
    pub(crate) fn from_cohort(cohort: &Cohort) -> Result<Reweighting, Error> {
        let framework = cohort.framework();
        let scorecards = cohort.scorecards();
        let domains: Vec<&Node> = framework.domains().collect();
        let cells = scorecards.len().saturating_mul(domains.len());
        let mut exact_points = Vec::with_capacity(cells);
        let mut exact_weights = Vec::with_capacity(cells);
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
        let width = domains.len().max(1);
        let shared = (0..domains.len()).all(|d| {
            let mut column = exact_weights.iter().skip(d).step_by(width);
            let first = column.next();
            column.all(|w| Some(w) == first)
        });
        let weights = if shared {
            let first_row = exact_weights.get(..domains.len()).unwrap_or_default();
            Weights::Shared(as_float(first_row))
        } else {
            Weights::PerUnit(transpose(&as_float(&exact_weights), units, domains.len()))
        };
        Ok(Reweighting {
            units: scorecards.iter().map(|c| c.unit().to_owned()).collect(),
            domains: domains.iter().map(|d| d.code().clone()).collect(),
            survey: domains.iter().map(|d| is_survey(d)).collect(),
            tiles: tile(&as_float(&exact_points), units, domains.len()),
            weights,
            exact: ExactPoints::PerUnit {
                points: exact_points,
                weights: exact_weights,
            },
        })
    }

    pub(crate) fn units(&self) -> &[String] {
        &self.units
    }

    pub(crate) fn domains(&self) -> &[Code] {
        &self.domains
    }

    /// True when some domain is a survey component.
    pub(crate) fn has_survey(&self) -> bool {
        self.survey.iter().any(|s| *s)
    }

    /// Competition ranks by the exact, unrounded score with the nominal weights, highest
    /// first; a unit to which no domain applies ranks after all others.
    pub(crate) fn nominal_ranks(&self) -> Result<Vec<u32>, Error> {
        Ok(match self.exact_keys(None)? {
            Keys::Integers(keys) => competition::ranks_of_integers(&keys),
            Keys::Exact(keys) => competition::ranks_of(&keys),
        })
    }

    /// Competition ranks by the exact score without domain `d`; `None` for a unit to which
    /// no other domain applies.
    pub(crate) fn ranks_without(&self, d: usize) -> Result<Vec<Option<u32>>, Error> {
        Ok(match self.exact_keys(Some(d))? {
            Keys::Integers(keys) => competition::ranks_of_integers(&keys)
                .into_iter()
                .map(Some)
                .collect(),
            Keys::Exact(keys) => {
                let ranked: Vec<&Exact> = keys.iter().flatten().collect();
                let mut ranks = competition::ranks_of(&ranked).into_iter();
                keys.iter()
                    .map(|k| k.as_ref().and_then(|_| ranks.next()))
                    .collect()
            }
        })
    }

    /// What the exact scores, leaving out one domain if asked, are ranked by.
    fn exact_keys(&self, without: Option<usize>) -> Result<Keys, Error> {
        let width = self.domains.len().max(1);
        let kept = |d: usize| Some(d) != without;
        match &self.exact {
            ExactPoints::Fixed { points, maxima } => {
                let total = maxima
                    .iter()
                    .enumerate()
                    .filter(|(d, _)| kept(*d))
                    .fold(0i64, |sum, (_, m)| sum.saturating_add(*m));
                if total == 0 {
                    return Ok(Keys::Exact(vec![None; self.units.len()]));
                }
                // Every unit shares the denominator, so the sums alone decide the order; a
                // row's sum is at most the framework's total, which fits an `i64`.
                Ok(Keys::Integers(
                    points
                        .chunks_exact(width)
                        .map(|row| {
                            row.iter()
                                .enumerate()
                                .filter(|(d, _)| kept(*d))
                                .fold(0i128, |sum, (_, p)| sum.saturating_add(i128::from(*p)))
                        })
                        .collect(),
                ))
            }
            ExactPoints::PerUnit { points, weights } => points
                .chunks_exact(width)
                .zip(weights.chunks_exact(width))
                .zip(&self.units)
                .map(|((points, weights), unit)| {
                    let at = format!("the score of unit {unit}");
                    let kept = |(d, _): &(usize, &Exact)| kept(*d);
                    let p = checked_sum(points.iter().enumerate().filter(kept).map(|p| p.1), &at)?;
                    let w = checked_sum(weights.iter().enumerate().filter(kept).map(|w| w.1), &at)?;
                    if w.is_zero() {
                        return Ok(None);
                    }
                    Ok(Some(checked_mul_div(&p, &Exact::ONE_HUNDRED, &w, &at)?))
                })
                .collect::<Result<Vec<Option<Exact>>, Error>>()
                .map(Keys::Exact),
        }
    }

    /// Scratch space for replications, allocated once per thread.
    pub(crate) fn workspace(&self) -> Workspace {
        let n = self.units.len();
        Workspace {
            factors: vec![0.0; self.domains.len()],
            points: Vec::with_capacity(n),
            numerators: vec![0.0; n],
            denominators: vec![0.0; if self.shared() { 0 } else { n }],
            scores: vec![0.0; n],
            ranks: vec![0; n],
            ranker: FloatRanker::default(),
        }
    }

    /// Every unit's points in domain `d`, in unit order, into `out`.
    fn column_into(&self, d: usize, out: &mut Vec<f64>) {
        out.clear();
        let width = self.domains.len().saturating_mul(TILE).max(1);
        let lanes = d.saturating_mul(TILE)..d.saturating_add(1).saturating_mul(TILE);
        for tile in self.tiles.chunks_exact(width) {
            out.extend_from_slice(tile.get(lanes.clone()).unwrap_or_default());
        }
        out.truncate(self.units.len());
    }

    fn shared(&self) -> bool {
        matches!(self.weights, Weights::Shared(_))
    }

    /// One replication: every unit's score with each domain's weight multiplied by its
    /// factor (and noise on the survey domains' shares, drawn from `noise` with its
    /// half-width as a share, when given), then the units' competition ranks, both into
    /// `workspace`.
    ///
    /// The factors are divided by the largest first, which changes no score (a score is a
    /// ratio) but makes equal factors exactly 1, so that a range of zero width sums integers
    /// exactly and reproduces the nominal ranking, ties included.
    pub(crate) fn score_and_rank(
        &self,
        workspace: &mut Workspace,
        factors: &[f64],
        mut noise: Option<(&mut ChaCha8Rng, f64)>,
    ) {
        let n = self.units.len();
        let Workspace {
            factors: scaled,
            points,
            numerators,
            denominators,
            scores,
            ranks,
            ranker,
        } = workspace;
        let largest = factors.iter().copied().fold(0.0f64, f64::max);
        for (to, from) in scaled.iter_mut().zip(factors) {
            *to = if largest > 0.0 { from / largest } else { *from };
        }
        let noisy = noise.is_some() && self.has_survey();
        if let (Weights::Shared(weights), false) = (&self.weights, noisy) {
            // The common case, a tile of units at a time: each unit's sum stays in a
            // register over the domains, in the same order as the general loop below.
            let shared = scaled
                .iter()
                .zip(weights)
                .fold(0.0f64, |sum, (factor, weight)| sum + factor * weight);
            let scale = if shared > 0.0 { 100.0 / shared } else { 0.0 };
            let width = scaled.len().saturating_mul(TILE).max(1);
            for (tile, out) in self.tiles.chunks_exact(width).zip(scores.chunks_mut(TILE)) {
                let mut sums = [0.0f64; TILE];
                for (column, factor) in tile.chunks_exact(TILE).zip(scaled.iter()) {
                    if let Ok(column) = <&[f64; TILE]>::try_from(column) {
                        // A loop of fixed length: unrolled and vectorised.
                        for (sum, p) in sums.iter_mut().zip(column) {
                            *sum += factor * p;
                        }
                    }
                }
                for (score, sum) in out.iter_mut().zip(sums) {
                    *score = sum * scale;
                }
            }
            ranker.rank(scores, ranks);
            return;
        }
        numerators.fill(0.0);
        denominators.fill(0.0);
        let mut shared = 0.0f64;
        for (d, factor) in scaled.iter().enumerate() {
            let column = d.saturating_mul(n)..d.saturating_add(1).saturating_mul(n);
            self.column_into(d, points);
            let points = &*points;
            let unit_weights = match &self.weights {
                Weights::Shared(weights) => {
                    shared += factor * weights.get(d).copied().unwrap_or(0.0);
                    None
                }
                Weights::PerUnit(weights) => {
                    let weights = weights.get(column).unwrap_or_default();
                    for (den, w) in denominators.iter_mut().zip(weights) {
                        *den += factor * w;
                    }
                    Some(weights)
                }
            };
            let survey = self.survey.get(d).copied().unwrap_or(false);
            match (&mut noise, survey) {
                (Some((rng, half_width)), true) => {
                    let shared_weight = match &self.weights {
                        Weights::Shared(weights) => weights.get(d).copied().unwrap_or(0.0),
                        Weights::PerUnit(_) => 0.0,
                    };
                    for (u, (num, p)) in numerators.iter_mut().zip(points).enumerate() {
                        let w = unit_weights
                            .and_then(|weights| weights.get(u))
                            .copied()
                            .unwrap_or(shared_weight);
                        if w > 0.0 {
                            let share =
                                (p / w + *half_width * (2.0 * draw(rng) - 1.0)).clamp(0.0, 1.0);
                            *num += factor * (share * w);
                        }
                    }
                }
                _ => {
                    for (num, p) in numerators.iter_mut().zip(points) {
                        *num += factor * p;
                    }
                }
            }
        }
        if self.shared() {
            // One denominator for all: a product keeps equal numerators equal and distinct
            // ones apart, as a division would.
            let scale = if shared > 0.0 { 100.0 / shared } else { 0.0 };
            for (score, num) in scores.iter_mut().zip(numerators.iter()) {
                *score = num * scale;
            }
        } else {
            for ((score, num), den) in scores
                .iter_mut()
                .zip(numerators.iter())
                .zip(denominators.iter())
            {
                *score = if *den > 0.0 { 100.0 * num / den } else { 0.0 };
            }
        }
        ranker.rank(scores, ranks);
    }
}

/// Checks a range of weight factors: finite, `0 ≤ low ≤ high` and `high > 0`.
pub(crate) fn check_weight_factor((low, high): (f64, f64)) -> Result<(), Error> {
    if low.is_finite() && high.is_finite() && low >= 0.0 && high > 0.0 && low <= high {
        return Ok(());
    }
    Err(ErrorKind::InvalidAnalysisOption {
        option: AnalysisOption::WeightFactorRange,
        reason: format!("{low} to {high}; it needs 0 ≤ low ≤ high and high > 0"),
    }
    .into())
}

/// Checks a survey noise's half-width: 0 to 100 percentage points.
pub(crate) fn check_survey_noise(percentage_points: f64) -> Result<(), Error> {
    if percentage_points.is_finite() && (0.0..=100.0).contains(&percentage_points) {
        return Ok(());
    }
    Err(ErrorKind::InvalidAnalysisOption {
        option: AnalysisOption::SurveyNoise,
        reason: format!("{percentage_points} percentage points; it must be within 0 to 100"),
    }
    .into())
}

/// Buffers of one replication; its results are [`Workspace::scores`] and
/// [`Workspace::ranks`].
#[derive(Debug, Clone)]
pub(crate) struct Workspace {
    factors: Vec<f64>,
    /// One domain's points of every unit, for the general loop.
    points: Vec<f64>,
    numerators: Vec<f64>,
    denominators: Vec<f64>,
    scores: Vec<f64>,
    ranks: Vec<u32>,
    ranker: FloatRanker,
}

impl Workspace {
    /// Each unit's score, in percent, from the last replication.
    pub(crate) fn scores(&self) -> &[f64] {
        &self.scores
    }

    /// Each unit's competition rank from the last replication.
    pub(crate) fn ranks(&self) -> &[u32] {
        &self.ranks
    }
}

fn is_survey(domain: &Node) -> bool {
    matches!(
        domain.method(),
        Method::LeaderSurvey | Method::CitizenSurvey
    )
}

/// Units summed together in registers: 16 `f64`s are eight SSE2 registers, half of them.
const TILE: usize = 16;

/// Row-major (unit, domain) to tiles of [`TILE`] units, each domain by domain.
fn tile(values: &[f64], units: usize, domains: usize) -> Vec<f64> {
    let tiles = units.div_ceil(TILE);
    let mut out = Vec::with_capacity(tiles.saturating_mul(domains).saturating_mul(TILE));
    for t in 0..tiles {
        for d in 0..domains {
            for lane in 0..TILE {
                let u = t.saturating_mul(TILE).saturating_add(lane);
                let at = u.saturating_mul(domains).saturating_add(d);
                out.push(if u < units {
                    values.get(at).copied().unwrap_or(0.0)
                } else {
                    0.0
                });
            }
        }
    }
    out
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
pub(crate) fn draw(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;

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
