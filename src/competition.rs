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
#[derive(Debug, Clone, Default)]
pub(crate) struct FloatRanker {
    keys: Vec<u64>,
    keyed: Vec<u128>,
}

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
        let n = scores.len();
        if n <= 256 {
            self.keys.clear();
            self.keys.extend(scores.iter().map(|s| ordered(*s)));
            let low = self.keys.iter().copied().min().unwrap_or(0);
            let high = self.keys.iter().copied().max().unwrap_or(0);
            if high.saturating_sub(low) < 1 << 56 {
                // Scores within a few binary orders of magnitude of each other (the usual
                // case) differ in their low 56 bits only: key above the lowest and position
                // fit one `u64`, and one sort of plain integers gives the order.
                for (key, i) in self.keys.iter_mut().zip(0u64..) {
                    *key = (high.saturating_sub(*key) << 8) | i;
                }
                self.keys.sort_unstable();
                let mut previous: Option<(u64, u32)> = None;
                for (place, packed) in self.keys.iter().enumerate() {
                    let key = packed >> 8;
                    let rank = match previous {
                        Some((p, rank)) if p == key => rank,
                        _ => u32::try_from(place).unwrap_or(u32::MAX).saturating_add(1),
                    };
                    if let Some(slot) = ranks.get_mut((packed & 0xff) as usize) {
                        *slot = rank;
                    }
                    previous = Some((key, rank));
                }
                return;
            }
            // Otherwise sort the keys alone, and count the keys above each unit's by binary
            // search.
            self.keys.sort_unstable();
            for (rank, score) in ranks.iter_mut().zip(scores) {
                let key = ordered(*score);
                let above = n.saturating_sub(self.keys.partition_point(|k| *k <= key));
                *rank = u32::try_from(above).unwrap_or(u32::MAX).saturating_add(1);
            }
            return;
        }
        // Key and position packed into one integer, best first: one unstable sort of plain
        // integers, then equal keys share the rank of the first of them.
        self.keyed.clear();
        self.keyed.extend(
            scores
                .iter()
                .zip(0u32..)
                .map(|(s, i)| (u128::from(!ordered(*s)) << 32) | u128::from(i)),
        );
        self.keyed.sort_unstable();
        let mut previous: Option<(u128, u32)> = None;
        for (place, packed) in self.keyed.iter().enumerate() {
            let key = packed >> 32;
            let rank = match previous {
                Some((p, rank)) if p == key => rank,
                _ => u32::try_from(place).unwrap_or(u32::MAX).saturating_add(1),
            };
            // The low 32 bits are the position.
            if let Some(slot) = ranks.get_mut((*packed as u32) as usize) {
                *slot = rank;
            }
            previous = Some((key, rank));
        }
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

    #[test]
    fn nothing_to_rank_gives_no_ranks() {
        assert!(ranks_of_integers(&[]).is_empty());
    }
}
