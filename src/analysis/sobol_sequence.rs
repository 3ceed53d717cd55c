//! The Sobol' low-discrepancy sequence, scrambled, for the Saltelli design of the
//! sensitivity analysis.
//!
//! Direction numbers are Joe and Kuo's (`new-joe-kuo-6.21201`, S. Joe and F. Y. Kuo,
//! "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci.
//! Comput. 30, 2008), the set scipy's `qmc.Sobol` uses, for the first 64 dimensions; points
//! come in Gray-code order, 32 bits each. The unscrambled points equal scipy's
//! `qmc.Sobol(d, scramble=False, bits=32)` (tested). Scrambling is Matoušek's linear matrix
//! scramble with a random digital shift, as scipy's `scramble=True` does, with the
//! library's own seeded draws: it keeps the sequence's balance and removes the all-zeros
//! first point.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::RngCore;

/// Dimensions the built-in direction numbers cover.
pub(crate) const MAX_DIMENSIONS: usize = 64;

/// Bits of each coordinate.
const BITS: usize = 32;

/// Primitive polynomial (with its leading and trailing terms) and initial direction numbers
/// `m` of dimensions 1 to 63; dimension 0 is van der Corput's sequence.
const DIRECTIONS: [(u32, &[u32]); 63] = [
    (3, &[1]),
    (7, &[1, 3]),
    (11, &[1, 3, 1]),
    (13, &[1, 1, 1]),
    (19, &[1, 1, 3, 3]),
    (25, &[1, 3, 5, 13]),
    (37, &[1, 1, 5, 5, 17]),
    (41, &[1, 1, 5, 5, 5]),
    (47, &[1, 1, 7, 11, 19]),
    (55, &[1, 1, 5, 1, 1]),
    (59, &[1, 1, 1, 3, 11]),
    (61, &[1, 3, 5, 5, 31]),
    (67, &[1, 3, 3, 9, 7, 49]),
    (91, &[1, 1, 1, 15, 21, 21]),
    (97, &[1, 3, 1, 13, 27, 49]),
    (103, &[1, 1, 1, 15, 7, 5]),
    (109, &[1, 3, 1, 15, 13, 25]),
    (115, &[1, 1, 5, 5, 19, 61]),
    (131, &[1, 3, 7, 11, 23, 15, 103]),
    (137, &[1, 3, 7, 13, 13, 15, 69]),
    (143, &[1, 1, 3, 13, 7, 35, 63]),
    (145, &[1, 3, 5, 9, 1, 25, 53]),
    (157, &[1, 3, 1, 13, 9, 35, 107]),
    (167, &[1, 3, 1, 5, 27, 61, 31]),
    (171, &[1, 1, 5, 11, 19, 41, 61]),
    (185, &[1, 3, 5, 3, 3, 13, 69]),
    (191, &[1, 1, 7, 13, 1, 19, 1]),
    (193, &[1, 3, 7, 5, 13, 19, 59]),
    (203, &[1, 1, 3, 9, 25, 29, 41]),
    (211, &[1, 3, 5, 13, 23, 1, 55]),
    (213, &[1, 3, 7, 3, 13, 59, 17]),
    (229, &[1, 3, 1, 3, 5, 53, 69]),
    (239, &[1, 1, 5, 5, 23, 33, 13]),
    (241, &[1, 1, 7, 7, 1, 61, 123]),
    (247, &[1, 1, 7, 9, 13, 61, 49]),
    (253, &[1, 3, 3, 5, 3, 55, 33]),
    (285, &[1, 3, 1, 15, 31, 13, 49, 245]),
    (299, &[1, 3, 5, 15, 31, 59, 63, 97]),
    (301, &[1, 3, 1, 11, 11, 11, 77, 249]),
    (333, &[1, 3, 1, 11, 27, 43, 71, 9]),
    (351, &[1, 1, 7, 15, 21, 11, 81, 45]),
    (355, &[1, 3, 7, 3, 25, 31, 65, 79]),
    (357, &[1, 3, 1, 1, 19, 11, 3, 205]),
    (361, &[1, 1, 5, 9, 19, 21, 29, 157]),
    (369, &[1, 3, 7, 11, 1, 33, 89, 185]),
    (391, &[1, 3, 3, 3, 15, 9, 79, 71]),
    (397, &[1, 3, 7, 11, 15, 39, 119, 27]),
    (425, &[1, 1, 3, 1, 11, 31, 97, 225]),
    (451, &[1, 1, 1, 3, 23, 43, 57, 177]),
    (463, &[1, 3, 7, 7, 17, 17, 37, 71]),
    (487, &[1, 3, 1, 5, 27, 63, 123, 213]),
    (501, &[1, 1, 3, 5, 11, 43, 53, 133]),
    (529, &[1, 3, 5, 5, 29, 17, 47, 173, 479]),
    (539, &[1, 3, 3, 11, 3, 1, 109, 9, 69]),
    (545, &[1, 1, 1, 5, 17, 39, 23, 5, 343]),
    (557, &[1, 3, 1, 5, 25, 15, 31, 103, 499]),
    (563, &[1, 1, 1, 11, 11, 17, 63, 105, 183]),
    (601, &[1, 1, 5, 11, 9, 29, 97, 231, 363]),
    (607, &[1, 1, 5, 15, 19, 45, 41, 7, 383]),
    (617, &[1, 3, 7, 7, 31, 19, 83, 137, 221]),
    (623, &[1, 1, 1, 3, 23, 15, 111, 223, 83]),
    (631, &[1, 1, 5, 13, 31, 15, 55, 25, 161]),
    (637, &[1, 1, 3, 13, 25, 47, 39, 87, 257]),
];

/// A scrambled Sobol' sequence of a few dimensions, point after point.
#[derive(Debug, Clone)]
pub(crate) struct SobolSequence {
    /// `directions[d][k]`: dimension `d`'s `k`-th direction number, scrambled.
    directions: Vec<[u32; BITS]>,
    /// The current point, as integers.
    point: Vec<u32>,
    /// Points given so far.
    index: u64,
}

impl SobolSequence {
    /// The first `dimensions` of the sequence; scrambled with draws from `rng` if given.
    /// `None` when more dimensions are asked than the built-in direction numbers cover.
    pub(crate) fn new(dimensions: usize, rng: Option<&mut ChaCha8Rng>) -> Option<SobolSequence> {
        if dimensions > MAX_DIMENSIONS {
            return None;
        }
        let mut directions: Vec<[u32; BITS]> = (0..dimensions).map(direction_numbers).collect();
        let mut point = vec![0u32; dimensions];
        if let Some(rng) = rng {
            for (v, start) in directions.iter_mut().zip(point.iter_mut()) {
                // A random lower-triangular matrix with a unit diagonal, over the digits from
                // the most significant: digit r of a scrambled number depends on digits 1 to
                // r of the original. Row r is a mask over the bits of those digits.
                let rows: [u32; BITS] = std::array::from_fn(|r| {
                    let diagonal = 1u32 << (BITS.wrapping_sub(1).wrapping_sub(r));
                    let above = !(diagonal | diagonal.wrapping_sub(1));
                    (rng.next_u32() & above) | diagonal
                });
                for number in v.iter_mut() {
                    let original = *number;
                    *number = rows.iter().enumerate().fold(0u32, |out, (r, row)| {
                        out | ((row & original).count_ones() & 1)
                            << BITS.wrapping_sub(1).wrapping_sub(r)
                    });
                }
                // The digital shift: every point of this dimension is XORed with it.
                *start = rng.next_u32();
            }
        }
        Some(SobolSequence {
            directions,
            point,
            index: 0,
        })
    }

    /// The next point, each coordinate in `[0, 1)`, into `out`.
    pub(crate) fn next_into(&mut self, out: &mut [f64]) {
        if self.index > 0 {
            // Gray-code order: point i differs from point i − 1 by the direction number of
            // the lowest set bit of i.
            let bit = self.index.trailing_zeros() as usize;
            for (x, v) in self.point.iter_mut().zip(&self.directions) {
                *x ^= v.get(bit).copied().unwrap_or(0);
            }
        }
        self.index = self.index.wrapping_add(1);
        for (o, x) in out.iter_mut().zip(&self.point) {
            *o = f64::from(*x) * (1.0 / 4_294_967_296.0);
        }
    }
}

/// Dimension `d`'s 32 direction numbers, unscrambled.
fn direction_numbers(d: usize) -> [u32; BITS] {
    let mut v = [0u32; BITS];
    let Some((poly, m)) = d.checked_sub(1).and_then(|i| DIRECTIONS.get(i)) else {
        // Dimension 0: 1/2, 1/4, 1/8, …
        for (k, number) in v.iter_mut().enumerate() {
            *number = 1 << BITS.wrapping_sub(1).wrapping_sub(k);
        }
        return v;
    };
    // Degree s; the coefficients between the leading and the trailing term.
    let s = 31u32.saturating_sub(poly.leading_zeros()) as usize;
    let inner = (poly >> 1) & (1u32 << s.saturating_sub(1)).wrapping_sub(1);
    for k in 0..BITS {
        let number = if let Some(m) = m.get(k) {
            m << BITS.wrapping_sub(1).wrapping_sub(k)
        } else {
            let back = v.get(k.wrapping_sub(s)).copied().unwrap_or(0);
            let mut number = back ^ (back >> s);
            for j in 1..s {
                if (inner >> s.wrapping_sub(1).wrapping_sub(j)) & 1 == 1 {
                    number ^= v.get(k.wrapping_sub(j)).copied().unwrap_or(0);
                }
            }
            number
        };
        if let Some(slot) = v.get_mut(k) {
            *slot = number;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;

    /// Points 1, 7, 100, 1023 and 4095 of dimensions 0, 1, 9, 31, 62 and 63, times 2^32, as
    /// scipy 1.17.1 gives them: `qmc.Sobol(d=64, scramble=False, bits=32).random(4096)`.
    const SCIPY: [(usize, [u64; 6]); 5] = [
        (
            1,
            [
                2147483648, 2147483648, 2147483648, 2147483648, 2147483648, 2147483648,
            ],
        ),
        (
            7,
            [
                536870912, 2684354560, 3758096384, 3758096384, 2684354560, 1610612736,
            ],
        ),
        (
            100,
            [
                1778384896, 1107296256, 2986344448, 1778384896, 1979711488, 2785017856,
            ],
        ),
        (
            1023,
            [
                4194304, 3233808384, 3653238784, 2638217216, 3393191936, 171966464,
            ],
        ),
        (
            4095,
            [
                1048576, 4042260480, 1058013184, 376438784, 2949644288, 2377121792,
            ],
        ),
    ];

    #[test]
    fn unscrambled_points_are_scipys() {
        let mut sequence = SobolSequence::new(64, None).unwrap();
        let mut point = vec![0.0; 64];
        let mut found = Vec::new();
        for i in 0..4096 {
            sequence.next_into(&mut point);
            if i == 0 {
                assert!(point.iter().all(|x| *x == 0.0));
            }
            if let Some((_, expected)) = SCIPY.iter().find(|(at, _)| *at == i) {
                let got: Vec<u64> = [0, 1, 9, 31, 62, 63]
                    .iter()
                    .map(|d| (point[*d] * 4_294_967_296.0) as u64)
                    .collect();
                assert_eq!(got, expected, "point {i}");
                found.push(i);
            }
        }
        assert_eq!(found.len(), SCIPY.len());
        assert!(SobolSequence::new(65, None).is_none());
    }

    #[test]
    fn scrambling_keeps_every_dyadic_interval_filled_once() {
        // 2^m points of a (t, m, s)-net in base 2 put exactly one point in each interval of
        // length 2^-m of every coordinate; scrambling keeps that, and moves the first point.
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let mut sequence = SobolSequence::new(10, Some(&mut rng)).unwrap();
        let mut point = vec![0.0; 10];
        let mut seen = vec![[false; 256]; 10];
        for i in 0..256 {
            sequence.next_into(&mut point);
            if i == 0 {
                assert!(point.iter().any(|x| *x != 0.0));
            }
            for (d, x) in point.iter().enumerate() {
                let cell = (x * 256.0) as usize;
                assert!(!seen[d][cell], "dimension {d}, cell {cell} twice");
                seen[d][cell] = true;
            }
        }
        // Another seed scrambles differently.
        let mut other = SobolSequence::new(10, Some(&mut ChaCha8Rng::seed_from_u64(10))).unwrap();
        let mut first = vec![0.0; 10];
        other.next_into(&mut first);
        let mut again = SobolSequence::new(10, Some(&mut ChaCha8Rng::seed_from_u64(9))).unwrap();
        let mut repeat = vec![0.0; 10];
        again.next_into(&mut repeat);
        assert_ne!(first, repeat);
    }
}
