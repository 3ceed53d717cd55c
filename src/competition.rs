//! Standard competition ranks ("1224"), highest key first, ties sharing the lowest rank: the
//! one implementation behind bulk scoring, the analyses, pinning and the heads' ranks.
//! Rankings with other tie methods and tie-breakers are in `ranking` and `tie`.
//!
//! Private: it does one tie method only. Ranks depend only on the keys, never on sort
//! stability.

use std::cmp::Ordering;

/// Competition ranks of integer keys, highest first: `rank[i] = 1 + #{j : key[j] > key[i]}`.
///
/// When the keys span a range not much wider than their number (an index published with two
/// decimals spans at most 10,001 values), a counting pass does it in linear time; otherwise
/// the keys are sorted.
pub(crate) fn ranks_of_integers(keys: &[i128]) -> Vec<u32> {
    let (Some(&min), Some(&max)) = (keys.iter().min(), keys.iter().max()) else {
        return Vec::new();
    };
    let span = max.checked_sub(min).and_then(|s| usize::try_from(s).ok());
    match span {
        Some(span) if span <= keys.len().saturating_mul(4).saturating_add(1024) => {
            // above[k] = number of keys strictly above min + k.
            // Counts are at most the number of keys, which a `u32` rank holds.
            let mut counts = vec![0u32; span.saturating_add(1)];
            let offset = |key: i128| usize::try_from(key.saturating_sub(min)).unwrap_or(0);
            for &key in keys {
                if let Some(c) = counts.get_mut(offset(key)) {
                    *c = c.saturating_add(1);
                }
            }
            let mut above = 0u32;
            for c in counts.iter_mut().rev() {
                let here = *c;
                *c = above;
                above = above.saturating_add(here);
            }
            keys.iter()
                .map(|&key| counts.get(offset(key)).map_or(1, |a| a.saturating_add(1)))
                .collect()
        }
        _ => ranks_by_sorting(keys, |a, b| b.cmp(a)),
    }
}

/// Competition ranks, highest first, by `key(value)` where `key` never decreases as `value`
/// grows and values lie in `0..=max`; `None` when that range is too wide to count.
///
/// Units are counted by value, and `key` is called once per distinct value present.
pub(crate) fn ranks_of_monotone(
    values: &[i64],
    max: i64,
    key: impl Fn(i64) -> i128,
) -> Option<Vec<u32>> {
    let span = usize::try_from(max).ok()?.checked_add(1)?;
    if span > values.len().saturating_mul(4).saturating_add(1024) {
        return None;
    }
    let mut counts = vec![0u32; span];
    for value in values {
        let slot = usize::try_from(*value)
            .ok()
            .and_then(|v| counts.get_mut(v))?;
        *slot = slot.saturating_add(1);
    }
    // From the highest value down: each group of values with one key shares the rank after
    // all units with a higher key. Counts are replaced by ranks in place.
    let mut above = 0u32;
    let mut group: Option<(i128, u32)> = None;
    for (value, count) in counts.iter_mut().enumerate().rev() {
        if *count == 0 {
            continue;
        }
        let k = key(i64::try_from(value).ok()?);
        let rank = match group {
            Some((g, rank)) if g == k => rank,
            _ => above.saturating_add(1),
        };
        group = Some((k, rank));
        above = above.saturating_add(*count);
        *count = rank;
    }
    values
        .iter()
        .map(|v| {
            usize::try_from(*v)
                .ok()
                .and_then(|v| counts.get(v))
                .copied()
        })
        .collect()
}

/// Competition ranks of ordered keys, highest first.
pub(crate) fn ranks_of<K: Ord>(keys: &[K]) -> Vec<u32> {
    ranks_by_sorting(keys, |a, b| b.cmp(a))
}

/// Ranks floats again and again, highest first, equal floats sharing a rank, without
/// allocating after the first call.
///
/// Up to 64 scores, every pair compared. Up to 256, insertion sort from the order the last
/// call found (ranking the same units again under other weights moves few of them far),
/// with the general sort as a fallback when that order is far off. More, a radix sort: each score is placed on a grid
/// of steps between the lowest and the highest score (2^22 steps up to 2^18 scores, 2^30
/// beyond), counting passes sort the grid positions with the units' positions packed beside
/// them, and only the rare scores that share a step are compared as floats. Each pass is a
/// few instructions per score with its counters in the first-level cache, so ranking is
/// linear in the number of units, as against `n log n` comparisons for a sort.
#[derive(Debug, Clone, Default)]
pub(crate) struct FloatRanker {
    keys: Vec<u64>,
    /// Grid step (best first) above position, for the radix passes, and their counters.
    sorted: Vec<u64>,
    spare: Vec<u64>,
    counts: Vec<[u32; DIGITS]>,
    /// Places in `sorted` whose unit shares its grid step with the unit before.
    crowded: Vec<usize>,
    /// Key and position of a few scores, best first as the last call left them.
    order: Vec<(u64, u32)>,
}

/// Counters of a radix pass: 2^11 of 4 bytes, 8 KiB, stay in the first-level cache.
const DIGITS: usize = 1 << 11;

/// A key whose integer order is the float's order (-0 counted as 0; NaN never occurs here).
fn ordered(score: f64) -> u64 {
    let bits = (score + 0.0).to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

impl FloatRanker {
    /// Writes the competition rank of each score into `ranks`.
    pub(crate) fn rank(&mut self, scores: &[f64], ranks: &mut [u32]) {
        if scores.len() <= 64 {
            rank_by_counting(scores, ranks);
        } else if scores.len() <= 256 {
            self.rank_few(scores, ranks);
        } else {
            self.rank_by_radix(scores, ranks);
        }
    }

    fn rank_few(&mut self, scores: &[f64], ranks: &mut [u32]) {
        let n = scores.len();
        // Start from the order of the previous call: an analysis ranks the same units again
        // and again under weights that move few of them far, so insertion sort has little
        // to move. If it has too much (the first call, or scores unlike the last ones), the
        // general sort finishes.
        if self.order.len() != n {
            self.order.clear();
            self.order
                .extend((0..u32::try_from(n).unwrap_or(u32::MAX)).map(|i| (0, i)));
        }
        for (key, position) in self.order.iter_mut() {
            *key = ordered(scores.get(*position as usize).copied().unwrap_or(0.0));
        }
        let budget = n.saturating_mul(8);
        let mut moves = 0usize;
        // A plain slice: its address stays in a register across the swaps.
        let order = self.order.as_mut_slice();
        for i in 1..n {
            let Some(item) = order.get(i).copied() else {
                break;
            };
            // Shift the better-placed items up one and drop this one in the gap.
            let mut j = i;
            while let Some(before) = order.get(j.wrapping_sub(1)).copied() {
                if before.0 >= item.0 {
                    break;
                }
                if let Some(slot) = order.get_mut(j) {
                    *slot = before;
                }
                j = j.wrapping_sub(1);
            }
            if let Some(slot) = order.get_mut(j) {
                *slot = item;
            }
            moves = moves.saturating_add(i.wrapping_sub(j));
            if moves > budget {
                order.sort_unstable_by_key(|(key, _)| std::cmp::Reverse(*key));
                break;
            }
        }
        let mut previous: Option<(u64, u32)> = None;
        for (place, (key, position)) in order.iter().enumerate() {
            let rank = match previous {
                Some((p, rank)) if p == *key => rank,
                _ => u32::try_from(place).unwrap_or(u32::MAX).saturating_add(1),
            };
            if let Some(slot) = ranks.get_mut(*position as usize) {
                *slot = rank;
            }
            previous = Some((*key, rank));
        }
    }

    fn rank_by_radix(&mut self, scores: &[f64], ranks: &mut [u32]) {
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for score in scores {
            low = if *score < low { *score } else { low };
            high = if *score > high { *score } else { high };
        }
        if high <= low {
            // All equal (or no scores): everyone shares the first rank.
            ranks.fill(1);
            return;
        }
        let n = scores.len();
        // Two passes of 11 bits sort a grid of 2^22 steps, where a cohort of up to 2^18 units
        // rarely puts two units on one step; more units take three passes of 10 bits, a grid
        // of 2^30 steps, so that shared steps stay rare.
        let (bits, passes) = if n <= 1 << 18 {
            (11u32, 2usize)
        } else {
            (10, 3)
        };
        let digit_mask = (1usize << bits).wrapping_sub(1);
        let grid_top = (1u64 << (bits.saturating_mul(passes as u32))).wrapping_sub(1);
        // Buffers keep their length from one call to the next: every slot is written below.
        self.counts.clear();
        self.counts.resize(passes, [0; DIGITS]);
        if self.sorted.len() != n {
            self.sorted.resize(n, 0);
            self.spare.resize(n, 0);
        }
        // Grid step `(score − low) × scale`, rounded to an integer by adding 2^52 (whose
        // last mantissa bit is worth 1). Subtracting, multiplying by a positive number and
        // adding are each correctly rounded, hence monotone: a higher score never takes a
        // lower step and equal scores share one. The product is at most the grid's top
        // (times 1 + 2^-52), so the step never exceeds it.
        let scale = grid_top as f64 / (high - low);
        if !(scale.is_finite() && scale > 0.0) {
            // Scores more than 10^300 apart, or a hair apart near the smallest floats.
            self.rank_by_sorting(scores, ranks);
            return;
        }
        const ROUND: f64 = (1u64 << 52) as f64;
        const MANTISSA: u64 = (1 << 52) - 1;
        for ((packed, score), i) in self.sorted.iter_mut().zip(scores).zip(0u64..) {
            let step = (((score - low) * scale) + ROUND).to_bits() & MANTISSA;
            // Best first: the highest step sorts first (the grid's top is all ones).
            *packed = ((grid_top ^ step) & grid_top) << 32 | i;
        }
        // Counts are at most the number of scores, which `u32` positions hold.
        for packed in &self.sorted {
            let key = (packed >> 32) as usize;
            for (pass, counts) in self.counts.iter_mut().enumerate() {
                let digit = (key >> (bits as usize).saturating_mul(pass)) & digit_mask;
                if let Some(c) = counts.get_mut(digit & (DIGITS - 1)) {
                    *c = c.wrapping_add(1);
                }
            }
        }
        // Stable counting passes, low digit first, leave the keys sorted by step; units on
        // one step stay in input order.
        for (pass, counts) in self.counts.iter_mut().enumerate() {
            let mut start = 0u32;
            for c in counts.iter_mut() {
                let here = *c;
                *c = start;
                start = start.wrapping_add(here);
            }
            let shift = 32usize.saturating_add((bits as usize).saturating_mul(pass));
            // Plain slices: the compiler keeps their addresses in registers rather than
            // reading them again after every store.
            let (from, to) = (self.sorted.as_slice(), self.spare.as_mut_slice());
            for packed in from {
                let digit = (packed >> shift) as usize & digit_mask;
                if let Some(next) = counts.get_mut(digit & (DIGITS - 1)) {
                    if let Some(slot) = to.get_mut(*next as usize) {
                        *slot = *packed;
                    }
                    *next = next.wrapping_add(1);
                }
            }
            std::mem::swap(&mut self.sorted, &mut self.spare);
        }
        // Ranks by place, best first, noting where a unit shares its step with the one
        // before; those rare runs are then ordered by the scores themselves, equal scores
        // sharing the rank of the first of them.
        self.crowded.clear();
        let mut previous = u64::MAX;
        for ((packed, rank), place) in self.sorted.iter().zip(1u32..).zip(0usize..) {
            if let Some(slot) = ranks.get_mut((packed & u64::from(u32::MAX)) as usize) {
                *slot = rank;
            }
            let step = packed >> 32;
            if step == previous {
                self.crowded.push(place);
            }
            previous = step;
        }
        let mut crowded = self.crowded.iter().copied().peekable();
        while let Some(second) = crowded.next() {
            // The run starts just before its first crowded place and goes on while the
            // crowded places follow each other.
            let start = second.saturating_sub(1);
            let mut end = second.saturating_add(1);
            while crowded.next_if_eq(&end).is_some() {
                end = end.saturating_add(1);
            }
            if let Some(group) = self.sorted.get_mut(start..end) {
                rank_run(group, start, scores, ranks, |packed: u64| {
                    (packed & u64::from(u32::MAX)) as usize
                });
            }
        }
    }

    /// Ranks by sorting the order-preserving keys and counting those above each score.
    fn rank_by_sorting(&mut self, scores: &[f64], ranks: &mut [u32]) {
        self.keys.clear();
        self.keys.extend(scores.iter().map(|s| ordered(*s)));
        self.keys.sort_unstable();
        for (rank, score) in ranks.iter_mut().zip(scores) {
            let key = ordered(*score);
            let above = scores
                .len()
                .saturating_sub(self.keys.partition_point(|k| *k <= key));
            *rank = u32::try_from(above).unwrap_or(u32::MAX).saturating_add(1);
        }
    }
}

/// Ranks a few scores by the definition, `1 + #{j : score_j > score_i}`: every pair
/// compared, without a branch, which the compiler vectorises; for a province's 63 units
/// that beats any sort, whose branches the scores' order makes unpredictable.
fn rank_by_counting(scores: &[f64], ranks: &mut [u32]) {
    for (rank, score) in ranks.iter_mut().zip(scores) {
        let above = scores.iter().fold(0u64, |count, other| {
            count.wrapping_add(u64::from(*other > *score))
        });
        // At most the number of scores, which `u32` holds.
        *rank = u32::try_from(above).unwrap_or(u32::MAX).saturating_add(1);
    }
}

/// Ranks a run of packed units that share a grid step, starting at `place`, by their scores;
/// `position` reads a unit's position from its packed key.
fn rank_run<P: Copy>(
    group: &mut [P],
    place: usize,
    scores: &[f64],
    ranks: &mut [u32],
    position: impl Fn(P) -> usize,
) {
    let key = |packed: P| ordered(scores.get(position(packed)).copied().unwrap_or(0.0));
    if let [a, b] = group {
        // The usual run, two units: one comparison.
        if key(*a) < key(*b) {
            std::mem::swap(a, b);
        }
    } else {
        group.sort_unstable_by_key(|p| std::cmp::Reverse(key(*p)));
    }
    let mut previous: Option<(u64, u32)> = None;
    for (offset, packed) in group.iter().enumerate() {
        let k = key(*packed);
        let rank = match previous {
            Some((p, r)) if p == k => r,
            _ => u32::try_from(place.saturating_add(offset))
                .unwrap_or(u32::MAX)
                .saturating_add(1),
        };
        if let Some(slot) = ranks.get_mut(position(*packed)) {
            *slot = rank;
        }
        previous = Some((k, rank));
    }
}

/// Sorts positions by `cmp` (best first) and assigns competition ranks.
fn ranks_by_sorting<K>(keys: &[K], cmp: impl Fn(&K, &K) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..u32::try_from(keys.len()).unwrap_or(u32::MAX)).collect();
    let key = |i: u32| keys.get(i as usize);
    order.sort_unstable_by(|&a, &b| match (key(a), key(b)) {
        (Some(a), Some(b)) => cmp(a, b),
        _ => Ordering::Equal,
    });
    let mut ranks = vec![0u32; keys.len()];
    assign(
        &order,
        |a, b| match (key(a), key(b)) {
            (Some(a), Some(b)) => cmp(a, b) == Ordering::Equal,
            _ => false,
        },
        &mut ranks,
    );
    ranks
}

/// Walks positions in best-first order; a position equal to the one before shares its rank.
fn assign(order: &[u32], equal: impl Fn(u32, u32) -> bool, ranks: &mut [u32]) {
    let mut previous: Option<(u32, u32)> = None;
    for (place, &i) in order.iter().enumerate() {
        let rank = match previous {
            Some((p, rank)) if equal(p, i) => rank,
            _ => u32::try_from(place).unwrap_or(u32::MAX).saturating_add(1),
        };
        if let Some(slot) = ranks.get_mut(i as usize) {
            *slot = rank;
        }
        previous = Some((i, rank));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_the_lowest_rank_and_the_next_rank_skips() {
        let keys = [50i128, 70, 50, 90, 70, 10];
        assert_eq!(ranks_of_integers(&keys), [4, 2, 4, 1, 2, 6]);
        assert_eq!(ranks_of(&keys), [4, 2, 4, 1, 2, 6]);
    }

    #[test]
    fn monotone_keys_rank_like_the_keys_themselves() {
        let values = [0i64, 7, 3, 9, 8, 3, 10];
        let key = |v: i64| i128::from(v / 2); // 0, 3, 1, 4, 4, 1, 5
        let keys: Vec<i128> = values.iter().map(|v| key(*v)).collect();
        assert_eq!(
            ranks_of_monotone(&values, 10, key),
            Some(ranks_of_integers(&keys))
        );
        assert_eq!(
            ranks_of_monotone(&values, 10, key),
            Some(vec![7, 4, 5, 2, 2, 5, 1])
        );
        assert_eq!(ranks_of_monotone(&values, 1_000_000, key), None);
        assert_eq!(ranks_of_monotone(&[11], 10, key), None);
    }

    #[test]
    fn wide_keys_are_sorted_and_agree_with_counting() {
        let keys = [i128::MAX, 0, i128::MIN, 0, 5];
        assert_eq!(ranks_of_integers(&keys), [1, 3, 5, 3, 2]);
        // A span that fits a `usize` but is far wider than the keys are many: counting would
        // need 2^60 counters, so these must be sorted.
        let keys = [0i128, 1 << 60, 7, 1 << 60];
        assert_eq!(ranks_of_integers(&keys), [4, 1, 3, 1]);
    }

    #[test]
    fn floats_rank_the_same_in_the_small_and_the_large_path() {
        let mut ranker = FloatRanker::default();
        for n in [0usize, 1, 40, 256, 257, 600] {
            let scores: Vec<f64> = (0..n).map(|i| ((i * 37) % 50) as f64).collect();
            let keys: Vec<i128> = scores.iter().map(|&s| s as i128).collect();
            let mut ranks = vec![0u32; n];
            ranker.rank(&scores, &mut ranks);
            assert_eq!(ranks, ranks_of_integers(&keys), "{n} scores");
            // Again, from the order found: the same ranks, and reversed scores too.
            ranker.rank(&scores, &mut ranks);
            assert_eq!(ranks, ranks_of_integers(&keys), "{n} scores again");
            let reversed: Vec<f64> = scores.iter().map(|s| -s).collect();
            let keys: Vec<i128> = keys.iter().map(|k| -k).collect();
            ranker.rank(&reversed, &mut ranks);
            assert_eq!(ranks, ranks_of_integers(&keys), "{n} scores reversed");
        }
    }

    #[test]
    fn scores_far_apart_take_the_binary_search_and_rank_the_same() {
        let scores = [1e-300, 5.0, 1e300, 5.0, 0.0, -2.0, 1e-300];
        let mut ranks = [0u32; 7];
        FloatRanker::default().rank(&scores, &mut ranks);
        assert_eq!(ranks, [4, 2, 1, 2, 6, 7, 4]);
        let close = [2.5, 3.0, 2.5, 2.0];
        let mut ranks = [0u32; 4];
        FloatRanker::default().rank(&close, &mut ranks);
        assert_eq!(ranks, [2, 1, 2, 4]);
    }

    /// `1 + #{j : score[j] > score[i]}`, by the definition.
    fn ranks_by_definition(scores: &[f64]) -> Vec<u32> {
        scores
            .iter()
            .map(|s| 1 + scores.iter().filter(|t| *t > s).count() as u32)
            .collect()
    }

    #[test]
    fn radix_ranks_by_the_definition_whatever_the_spread() {
        use rand_chacha::ChaCha8Rng;
        use rand_chacha::rand_core::{RngCore, SeedableRng};
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let mut uniform = || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let mut ranker = FloatRanker::default();
        for n in [257usize, 300, 1000, 4096, 5000] {
            let cohorts: Vec<Vec<f64>> = vec![
                // Smooth scores, as a replication gives.
                (0..n).map(|_| 40.0 + 30.0 * uniform()).collect(),
                // Few distinct values: many ties, crowded buckets.
                (0..n).map(|_| (uniform() * 7.0).floor()).collect(),
                // One far outlier squeezes everyone else into one bucket.
                (0..n)
                    .map(|i| if i == 3 { 1e300 } else { 50.0 + uniform() })
                    .collect(),
                // Both zeros, negatives and values a hair apart.
                (0..n)
                    .map(|i| match i % 5 {
                        0 => 0.0,
                        1 => -0.0,
                        2 => -uniform(),
                        3 => 1.0,
                        _ => f64::from_bits(1.0f64.to_bits() + 1),
                    })
                    .collect(),
                // Extremes, and a span too wide for a finite scale.
                (0..n)
                    .map(|i| match i % 3 {
                        0 => f64::MAX,
                        1 => -f64::MAX,
                        _ => f64::MIN_POSITIVE,
                    })
                    .collect(),
                vec![2.5; n],
            ];
            for (case, scores) in cohorts.iter().enumerate() {
                let mut ranks = vec![0u32; n];
                ranker.rank(scores, &mut ranks);
                assert_eq!(
                    ranks,
                    ranks_by_definition(scores),
                    "{n} scores, case {case}"
                );
            }
        }
        // Two scores a tiny span apart: the scale overflows to infinity.
        let mut scores = vec![0.0f64; 300];
        scores[7] = f64::from_bits(1);
        let mut ranks = vec![0u32; 300];
        ranker.rank(&scores, &mut ranks);
        assert_eq!(ranks, ranks_by_definition(&scores));
    }

    #[test]
    fn beyond_2_to_the_16_scores_the_wider_grids_rank_by_the_definition() {
        use rand_chacha::ChaCha8Rng;
        use rand_chacha::rand_core::{RngCore, SeedableRng};
        let mut rng = ChaCha8Rng::seed_from_u64(4);
        // Two passes of 11 bits, and three of 10.
        for n in [70_000, (1 << 18) + 1_000] {
            // Smooth scores, and whole hundredths with many ties.
            let smooth: Vec<f64> = (0..n)
                .map(|_| 40.0 + (rng.next_u64() >> 11) as f64 * 1e-15)
                .collect();
            let coarse: Vec<f64> = (0..n)
                .map(|_| (rng.next_u64() % 5_000) as f64 / 100.0)
                .collect();
            for scores in [smooth, coarse] {
                // The definition, by a sort: a score's rank is one more than the scores above it.
                let mut sorted = scores.clone();
                sorted.sort_by(|a, b| b.partial_cmp(a).unwrap());
                let expected: Vec<u32> = scores
                    .iter()
                    .map(|s| 1 + sorted.partition_point(|t| t > s) as u32)
                    .collect();
                let mut ranks = vec![0u32; n];
                FloatRanker::default().rank(&scores, &mut ranks);
                assert_eq!(ranks, expected, "{n} scores");
            }
        }
    }

    #[test]
    fn nothing_to_rank_gives_no_ranks() {
        assert!(ranks_of_integers(&[]).is_empty());
    }
}
