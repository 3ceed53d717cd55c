//! The analyses' few parallel loops, on rayon's pool with the `parallel` feature and on the
//! calling thread without it.
//!
//! Each loop hands out pieces of work whose results do not depend on which thread runs them
//! or in which order: a result lands at its piece's index, and tallies are integers, whose
//! sums are the same in any order. So reports are the same bit for bit whatever the number
//! of threads, and with the feature off.

#[cfg(feature = "parallel")]
use rayon::prelude::*;

/// Below this many unit-replications (a millisecond or two of work) a run stays on the
/// calling thread: waking a pool costs more than it saves.
pub(crate) const SMALL_WORK: usize = 1 << 18;

/// The threads work is spread over: rayon's current pool (the global one, or the pool a
/// caller runs the analysis in with `ThreadPool::install`), or 1 without the feature.
pub(crate) fn threads() -> usize {
    #[cfg(feature = "parallel")]
    {
        rayon::current_num_threads().max(1)
    }
    #[cfg(not(feature = "parallel"))]
    {
        1
    }
}

/// `f(0), f(1), …, f(count − 1)`, in that order.
pub(crate) fn map<R: Send>(count: usize, f: impl Fn(usize) -> R + Sync + Send) -> Vec<R> {
    #[cfg(feature = "parallel")]
    if count > 1 {
        return (0..count).into_par_iter().map(f).collect();
    }
    // One piece, or no pool: on the calling thread, which wakes no other.
    (0..count).map(f).collect()
}

/// `f(index, chunk)` for each of the consecutive chunks of `data` of `size` items (the last
/// may be shorter), returning the results in chunk order.
pub(crate) fn map_chunks_mut<T: Send, R: Send>(
    data: &mut [T],
    size: usize,
    f: impl Fn(usize, &mut [T]) -> R + Sync + Send,
) -> Vec<R> {
    let size = size.max(1);
    #[cfg(feature = "parallel")]
    if data.len() > size {
        return data
            .par_chunks_mut(size)
            .enumerate()
            .map(|(i, chunk)| f(i, chunk))
            .collect();
    }
    data.chunks_mut(size)
        .enumerate()
        .map(|(i, chunk)| f(i, chunk))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order() {
        assert_eq!(map(5, |i| i * i), [0, 1, 4, 9, 16]);
        let mut data: Vec<usize> = (0..10).collect();
        let sums = map_chunks_mut(&mut data, 4, |i, chunk| {
            chunk.iter_mut().for_each(|v| *v += 1);
            (i, chunk.iter().sum::<usize>())
        });
        assert_eq!(sums, [(0, 10), (1, 26), (2, 19)]);
        assert_eq!(data, (1..=10).collect::<Vec<_>>());
    }
}
