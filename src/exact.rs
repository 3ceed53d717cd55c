//! Exact figures: the true value of a score, whether or not a decimal can hold it.
//!
//! Scores are quotients: a rate of 5,378 dossiers out of 5,597, a domain rescaled to its full
//! maximum, an index of points over a maximum. A [`Decimal`] holds such a quotient only when
//! it ends within 28 digits, and rounding it at every step adds errors up until a figure
//! lands on the wrong side of a rounding or grading boundary. An [`Exact`] holds the true
//! value instead: a decimal when one holds it (the common case, and the fast one), otherwise
//! the fraction in lowest terms, over integers of any size. Every figure the library computes
//! is an `Exact`, every decision (a band reached, a grade, a tie) compares `Exact`s, and a
//! figure is rounded once: when it is shown ([`Exact::to_decimal`]) or published
//! ([`RoundingPolicy::publish`]).

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;

use crate::rounding::{Rounding, RoundingPolicy};

/// The significant digits an exact figure keeps when no decimal holds its true value.
pub const SIGNIFICANT_DIGITS: u32 = 28;

/// The finest scale a [`Decimal`] has.
const MAX_SCALE: u32 = 28;

/// The true value of a computed figure: points, a percentage, an index, a mean, a gap.
///
/// An `Exact` is a decimal when a [`Decimal`] holds the value exactly, and otherwise a
/// fraction in lowest terms (`1/3` of the points of a proportional rule, an index of
/// `537800/5597`). Comparisons and equality are exact, so two units whose true indices are
/// equal always tie, and a rate just below a threshold never reaches it.
///
/// - [`to_decimal`](Exact::to_decimal) gives the value as a `Decimal`: the true value when a
///   decimal holds it, otherwise the true value rounded once, half to even, to 28
///   significant digits (at most 28 decimal places).
/// - [`RoundingPolicy::publish`] rounds the true value once to the published places.
/// - `Display` prints the decimal without trailing zeros (`24.05`); the alternate form
///   (`{:#}`) prints the exact value, `537800/5597` for a fraction. Serialization writes the
///   exact form as a string, and reading it back gives an equal value.
///
/// # Examples
///
/// ```
/// use par_index::{Exact, RoundingPolicy};
/// use rust_decimal::Decimal;
///
/// let third: Exact = "1/3".parse()?;
/// assert_eq!(third.to_string(), "0.3333333333333333333333333333");
/// assert_eq!(format!("{third:#}"), "1/3");
/// assert!(!third.is_decimal());
/// assert!(third > Decimal::new(333_333_333, 9));
///
/// let index: Exact = "89.995".parse()?;
/// assert_eq!(RoundingPolicy::default().publish(&index).to_string(), "90.00");
/// assert_eq!(index, Decimal::new(89995, 3));
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Exact(Repr);

/// One form for each value (a value a decimal holds is always `Decimal`; a fraction whose
/// terms fit 64 bits is always `Small`), so the derived equality and hash compare values.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// Any scale; equal decimals compare and hash equal whatever their scale.
    Decimal(Decimal),
    /// A fraction no decimal holds, in lowest terms, whose numerator fits an `i64` and
    /// denominator (above 1) a `u64`: the fractions scoring makes (`690/702` of 8 points),
    /// kept without allocating.
    Small(i64, u64),
    /// Any other fraction no decimal holds, in lowest terms, with a positive denominator.
    Fraction(Box<BigRational>),
}

/// The canonical form of a fraction in lowest terms with a positive denominator that no
/// decimal holds: `Small` when its terms fit, else `Fraction`.
fn fraction(numerator: i128, denominator: i128) -> Exact {
    match (i64::try_from(numerator), u64::try_from(denominator)) {
        (Ok(n), Ok(d)) => Exact(Repr::Small(n, d)),
        _ => Exact(Repr::Fraction(Box::new(BigRational::new_raw(
            numerator.into(),
            denominator.into(),
        )))),
    }
}

/// 10^n for n ≤ 38, the powers an `i128` holds: looked up, as every decimal's scale is.
fn pow10(n: u32) -> Option<i128> {
    POWERS_OF_TEN.get(usize::try_from(n).ok()?).copied()
}

/// 10^0 to 10^38.
// Evaluated when the crate is compiled: an index out of range or an overflow there fails the
// build, and cannot panic when the library runs.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const POWERS_OF_TEN: [i128; 39] = {
    let mut powers = [1i128; 39];
    let mut n = 1;
    while n < powers.len() {
        powers[n] = powers[n - 1] * 10;
        n += 1;
    }
    powers
};

/// `a / b` and `a % b`; `None` when `b` is 0. In 64-bit arithmetic when both fit, as they
/// do for the figures of a scorecard: a 128-bit division is a call into the compiler's
/// runtime, several times slower.
fn div_rem_u128(a: u128, b: u128) -> Option<(u128, u128)> {
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => Some((u128::from(a.checked_div(b)?), u128::from(a.checked_rem(b)?))),
        _ => Some((a.checked_div(b)?, a.checked_rem(b)?)),
    }
}

/// The largest mantissa a decimal holds: 2^96 − 1.
const MAX_MANTISSA: u128 = 79_228_162_514_264_337_593_543_950_335;

impl Exact {
    /// Zero.
    pub const ZERO: Exact = Exact(Repr::Decimal(Decimal::ZERO));
    /// One.
    pub const ONE: Exact = Exact(Repr::Decimal(Decimal::ONE));
    /// One hundred: a full index, in percent.
    pub const ONE_HUNDRED: Exact = Exact(Repr::Decimal(Decimal::ONE_HUNDRED));

    /// The value as a decimal: the true value when a decimal holds it, otherwise the true
    /// value rounded once, half to even, to 28 significant digits (or 28 decimal places,
    /// a decimal's finest, for values below 1). Without trailing zeros.
    ///
    /// Figures the library computes are always within a decimal's range; a value beyond it
    /// (which only a caller's own arithmetic can make) gives [`Decimal::MAX`] or
    /// [`Decimal::MIN`].
    pub fn to_decimal(&self) -> Decimal {
        match &self.0 {
            Repr::Decimal(value) => value.normalize(),
            Repr::Small(..) => nearest_decimal(&self.to_ratio()),
            Repr::Fraction(ratio) => nearest_decimal(ratio),
        }
    }

    /// True when a [`Decimal`] holds the value exactly, so that
    /// [`to_decimal`](Exact::to_decimal) is the true value.
    pub fn is_decimal(&self) -> bool {
        matches!(self.0, Repr::Decimal(_))
    }

    /// True for zero.
    pub fn is_zero(&self) -> bool {
        match &self.0 {
            Repr::Decimal(value) => value.is_zero(),
            Repr::Small(..) | Repr::Fraction(_) => false,
        }
    }

    /// True below zero.
    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Decimal(value) => value.is_sign_negative() && !value.is_zero(),
            Repr::Small(numerator, _) => *numerator < 0,
            Repr::Fraction(ratio) => ratio.is_negative(),
        }
    }

    /// The value rounded once to `places` decimal places by `rounding`, with exactly that
    /// scale; `None` when a decimal cannot hold the result.
    // Big integers do not overflow, and every division here is by a denominator, which is
    // positive, or by a value checked to be non-zero.
    #[allow(clippy::arithmetic_side_effects)]
    pub(crate) fn round(&self, places: u32, rounding: Rounding) -> Option<Decimal> {
        // A small fraction's numerator scaled by 10^places, in 128 bits where it fits, as it
        // does for every figure published.
        let scaled_small = match &self.0 {
            Repr::Small(numerator, denominator) => pow10(places)
                .and_then(|f| u128::from(numerator.unsigned_abs()).checked_mul(f.unsigned_abs()))
                .map(|scaled| (*numerator < 0, scaled, u128::from(*denominator))),
            Repr::Decimal(_) | Repr::Fraction(_) => None,
        };
        // The magnitude's quotient by 10^-places, in 128 bits: a quotient that does not fit
        // gives no decimal either.
        let (negative, quotient, remainder_vs_half, inexact): (bool, u128, Ordering, bool) =
            match (&self.0, scaled_small) {
                (Repr::Decimal(value), _) => {
                    let mantissa = value.mantissa();
                    let scale = value.scale();
                    if scale <= places {
                        let factor = pow10(places.checked_sub(scale)?)?;
                        return decimal_with_scale(mantissa.checked_mul(factor)?, places);
                    }
                    let divisor = pow10(scale.checked_sub(places)?)?;
                    let (quotient, remainder) =
                        div_rem_u128(mantissa.unsigned_abs(), divisor.unsigned_abs())?;
                    let twice = remainder.checked_mul(2)?;
                    (
                        mantissa < 0,
                        quotient,
                        twice.cmp(&divisor.unsigned_abs()),
                        remainder != 0,
                    )
                }
                (_, Some((negative, scaled, denominator))) => {
                    let (quotient, remainder) = div_rem_u128(scaled, denominator)?;
                    (
                        negative,
                        quotient,
                        remainder.checked_mul(2)?.cmp(&denominator),
                        remainder != 0,
                    )
                }
                (Repr::Small(..) | Repr::Fraction(_), None)
                    if self.small_parts().is_some_and(|(n, _)| {
                        pow10(places).and_then(|f| n.checked_mul(f)).is_some()
                    }) =>
                {
                    let (numerator, denominator) = self.small_parts()?;
                    let scaled = numerator
                        .unsigned_abs()
                        .checked_mul(pow10(places)?.unsigned_abs())?;
                    let denominator = denominator.unsigned_abs();
                    let (quotient, remainder) = div_rem_u128(scaled, denominator)?;
                    (
                        numerator < 0,
                        quotient,
                        remainder.checked_mul(2)?.cmp(&denominator),
                        remainder != 0,
                    )
                }
                (Repr::Small(..) | Repr::Fraction(_), None) => {
                    let ratio = self.to_ratio();
                    let scaled = ratio.numer().abs() * BigInt::from(pow10(places)?);
                    let (quotient, remainder) = scaled.div_rem(ratio.denom());
                    let twice: BigInt = &remainder * 2u8;
                    (
                        ratio.is_negative(),
                        quotient.to_u128()?,
                        twice.cmp(ratio.denom()),
                        !remainder.is_zero(),
                    )
                }
            };
        let up = match rounding {
            Rounding::TowardZero => false,
            Rounding::AwayFromZero => inexact,
            Rounding::HalfAwayFromZero => remainder_vs_half != Ordering::Less,
            Rounding::HalfTowardZero => remainder_vs_half == Ordering::Greater,
            Rounding::HalfEven => match remainder_vs_half {
                Ordering::Greater => true,
                Ordering::Equal => quotient.is_odd(),
                Ordering::Less => false,
            },
        };
        let magnitude = if up {
            quotient.checked_add(1)?
        } else {
            quotient
        };
        let magnitude = i128::try_from(magnitude).ok()?;
        let signed = if negative {
            magnitude.checked_neg()?
        } else {
            magnitude
        };
        decimal_with_scale(signed, places)
    }

    /// The value as a fraction of big integers.
    pub(crate) fn to_ratio(&self) -> Cow<'_, BigRational> {
        match &self.0 {
            Repr::Decimal(value) => Cow::Owned(decimal_ratio(*value)),
            Repr::Small(numerator, denominator) => Cow::Owned(BigRational::new_raw(
                (*numerator).into(),
                (*denominator).into(),
            )),
            Repr::Fraction(ratio) => Cow::Borrowed(ratio),
        }
    }

    /// The exact value of a fraction, in its canonical form.
    pub(crate) fn from_ratio(ratio: BigRational) -> Exact {
        match ratio_decimal(&ratio) {
            Some(value) => Exact(Repr::Decimal(value)),
            None => match (ratio.numer().to_i64(), ratio.denom().to_u64()) {
                (Some(n), Some(d)) => Exact(Repr::Small(n, d)),
                _ => Exact(Repr::Fraction(Box::new(ratio))),
            },
        }
    }

    /// `numerator / denominator` of two integers, exact; `None` for a zero denominator.
    pub(crate) fn quotient(numerator: i128, denominator: i128) -> Option<Exact> {
        if denominator == 0 {
            return None;
        }
        Some(small_fraction(numerator, denominator).unwrap_or_else(|| {
            Exact::from_ratio(BigRational::new(numerator.into(), denominator.into()))
        }))
    }

    /// The exact sum (also `a + b`).
    // Big integers do not overflow, and every division here is by a denominator, which is
    // positive, or by a value checked to be non-zero.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn add(&self, other: &Exact) -> Exact {
        if let (Repr::Decimal(a), Repr::Decimal(b)) = (&self.0, &other.0) {
            if let Some(sum) = add_decimals(*a, *b) {
                return Exact(Repr::Decimal(sum));
            }
        }
        // n1/d1 + n2/d2 in 64 or 128 bits when it fits: big integers cost an allocation each.
        let small = self
            .with_parts_64(other, |(n1, d1), (n2, d2)| {
                Some((
                    n1.checked_mul(d2)?.checked_add(n2.checked_mul(d1)?)?,
                    d1.checked_mul(d2)?,
                ))
            })
            .or_else(|| {
                let ((n1, d1), (n2, d2)) = self.small_parts().zip(other.small_parts())?;
                let numerator = n1.checked_mul(d2)?.checked_add(n2.checked_mul(d1)?)?;
                small_fraction(numerator, d1.checked_mul(d2)?)
            });
        if let Some(sum) = small {
            return sum;
        }
        Exact::from_ratio(self.to_ratio().as_ref() + other.to_ratio().as_ref())
    }

    /// The value as `numerator / denominator` of two `i64`s (the denominator positive), when
    /// they fit, as a scorecard's points, rates and maxima do: arithmetic on them multiplies
    /// and reduces in 64 bits.
    fn parts_64(&self) -> Option<(i64, i64)> {
        match &self.0 {
            Repr::Decimal(value) => Some((
                i64::try_from(value.mantissa()).ok()?,
                i64::try_from(pow10(value.scale())?).ok()?,
            )),
            Repr::Small(numerator, denominator) => {
                Some((*numerator, i64::try_from(*denominator).ok()?))
            }
            Repr::Fraction(_) => None,
        }
    }

    /// `op` on the 64-bit terms of two values, giving the terms of the result, reduced to
    /// its canonical form; `None` when a term does not fit 64 bits.
    fn with_parts_64(
        &self,
        other: &Exact,
        op: impl FnOnce((i64, i64), (i64, i64)) -> Option<(i64, i64)>,
    ) -> Option<Exact> {
        let (numerator, denominator) = op(self.parts_64()?, other.parts_64()?)?;
        small_fraction_64(numerator, denominator)
    }

    /// The value as `numerator / denominator` of two `i128`s (the denominator positive),
    /// when they fit: the fast path of arithmetic on the small fractions scoring makes.
    fn small_parts(&self) -> Option<(i128, i128)> {
        match &self.0 {
            Repr::Decimal(value) => Some((value.mantissa(), pow10(value.scale())?)),
            Repr::Small(numerator, denominator) => {
                Some((i128::from(*numerator), i128::from(*denominator)))
            }
            Repr::Fraction(ratio) => Some((ratio.numer().to_i128()?, ratio.denom().to_i128()?)),
        }
    }

    /// The exact difference (also `a - b`).
    pub fn sub(&self, other: &Exact) -> Exact {
        self.add(&other.neg())
    }

    /// The negation (also `-a`).
    // Big integers do not overflow, and every division here is by a denominator, which is
    // positive, or by a value checked to be non-zero.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn neg(&self) -> Exact {
        match &self.0 {
            Repr::Decimal(value) => {
                let mut negated = *value;
                negated.set_sign_negative(!value.is_sign_negative());
                Exact(Repr::Decimal(negated))
            }
            Repr::Small(numerator, denominator) => match numerator.checked_neg() {
                Some(negated) => Exact(Repr::Small(negated, *denominator)),
                None => Exact::from_ratio(-self.to_ratio().into_owned()),
            },
            // The negation may fit the small form (−2^63 does, 2^63 does not).
            Repr::Fraction(ratio) => Exact::from_ratio(-ratio.as_ref().clone()),
        }
    }

    /// The magnitude.
    pub fn abs(&self) -> Exact {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// The exact product (also `a * b`).
    // Big integers do not overflow, and every division here is by a denominator, which is
    // positive, or by a value checked to be non-zero.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn mul(&self, other: &Exact) -> Exact {
        if let (Repr::Decimal(a), Repr::Decimal(b)) = (&self.0, &other.0) {
            if let Some(product) = a
                .mantissa()
                .checked_mul(b.mantissa())
                .and_then(|m| decimal_exact(m, a.scale().checked_add(b.scale())?))
            {
                return Exact(Repr::Decimal(product));
            }
        }
        let small = self
            .with_parts_64(other, |(n1, d1), (n2, d2)| {
                Some((n1.checked_mul(n2)?, d1.checked_mul(d2)?))
            })
            .or_else(|| {
                let ((n1, d1), (n2, d2)) = self.small_parts().zip(other.small_parts())?;
                small_fraction(n1.checked_mul(n2)?, d1.checked_mul(d2)?)
            });
        if let Some(product) = small {
            return product;
        }
        Exact::from_ratio(self.to_ratio().as_ref() * other.to_ratio().as_ref())
    }

    /// `self × b ÷ c`, exact; `None` when `c` is zero. Where the terms fit, the product is
    /// divided before it is reduced, so that the result is reduced once rather than twice.
    pub(crate) fn mul_div(&self, b: &Exact, c: &Exact) -> Option<Exact> {
        if c.is_zero() {
            return None;
        }
        let in_64_bits = || {
            let (((n1, d1), (n2, d2)), (n3, d3)) =
                self.parts_64().zip(b.parts_64()).zip(c.parts_64())?;
            let numerator = n1.checked_mul(n2)?.checked_mul(d3)?;
            small_fraction_64(numerator, d1.checked_mul(d2)?.checked_mul(n3)?)
        };
        let in_128_bits = || {
            let (((n1, d1), (n2, d2)), (n3, d3)) = self
                .small_parts()
                .zip(b.small_parts())
                .zip(c.small_parts())?;
            let numerator = n1.checked_mul(n2)?.checked_mul(d3)?;
            small_fraction(numerator, d1.checked_mul(d2)?.checked_mul(n3)?)
        };
        in_64_bits()
            .or_else(in_128_bits)
            .or_else(|| self.mul(b).div(c))
    }

    /// The exact quotient; `None` when `other` is zero.
    // Big integers do not overflow, and every division here is by a denominator, which is
    // positive, or by a value checked to be non-zero.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn div(&self, other: &Exact) -> Option<Exact> {
        if other.is_zero() {
            return None;
        }
        let small = self.with_parts_64(other, |(n1, d1), (n2, d2)| {
            Some((n1.checked_mul(d2)?, d1.checked_mul(n2)?))
        });
        if small.is_some() {
            return small;
        }
        if let (Repr::Decimal(a), Repr::Decimal(b)) = (&self.0, &other.0) {
            // a / b = (ma × 10^sb) / (mb × 10^sa).
            let small = pow10(b.scale())
                .and_then(|f| a.mantissa().checked_mul(f))
                .zip(pow10(a.scale()).and_then(|f| b.mantissa().checked_mul(f)))
                .and_then(|(n, d)| small_fraction(n, d));
            if let Some(quotient) = small {
                return Some(quotient);
            }
        }
        let small = self
            .small_parts()
            .zip(other.small_parts())
            .and_then(|((n1, d1), (n2, d2))| {
                small_fraction(n1.checked_mul(d2)?, d1.checked_mul(n2)?)
            });
        if let Some(quotient) = small {
            return Some(quotient);
        }
        Some(Exact::from_ratio(
            self.to_ratio().as_ref() / other.to_ratio().as_ref(),
        ))
    }

    /// True when the value lies within a decimal's range, so that
    /// [`to_decimal`](Exact::to_decimal) does not saturate.
    #[inline]
    // A big-integer product does not overflow.
    #[allow(clippy::arithmetic_side_effects)]
    pub(crate) fn fits_decimal(&self) -> bool {
        match &self.0 {
            Repr::Decimal(_) | Repr::Small(..) => true,
            // A numerator of at most 96 bits fits whatever the denominator (at least 1);
            // otherwise |n| / d ≤ MAX, multiplied out to stay in integers.
            Repr::Fraction(ratio) if ratio.numer().bits() <= 96 => true,
            Repr::Fraction(ratio) => {
                ratio.numer().magnitude() <= &(ratio.denom().magnitude() * MAX_MANTISSA)
            }
        }
    }
}

/// The decimal `mantissa × 10^-scale`, with trailing zeros dropped where the scale or the
/// mantissa is too large for a decimal; `None` when no decimal holds the value.
fn decimal_exact(mut mantissa: i128, mut scale: u32) -> Option<Decimal> {
    // Checked first, so that the usual case never divides.
    if let Some(value) = decimal_with_scale(mantissa, scale) {
        return Some(value);
    }
    while scale > 0
        && (scale > MAX_SCALE || mantissa.unsigned_abs() > MAX_MANTISSA)
        && mantissa.checked_rem(10) == Some(0)
    {
        mantissa = mantissa.checked_div(10)?;
        scale = scale.checked_sub(1)?;
    }
    decimal_with_scale(mantissa, scale)
}

/// The decimal `mantissa × 10^-scale` with exactly that scale, if a decimal holds it.
fn decimal_with_scale(mantissa: i128, scale: u32) -> Option<Decimal> {
    if scale > MAX_SCALE || mantissa.unsigned_abs() > MAX_MANTISSA {
        return None;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

/// The exact sum of two decimals, or `None` when it needs more digits than a decimal has.
fn add_decimals(a: Decimal, b: Decimal) -> Option<Decimal> {
    if a.scale() == b.scale() {
        // The common case (points of one framework share a scale): no rescaling. Two
        // mantissas of 96 bits cannot overflow an `i128`.
        return decimal_exact(a.mantissa().checked_add(b.mantissa())?, a.scale());
    }
    let scale = a.scale().max(b.scale());
    let a = a
        .mantissa()
        .checked_mul(pow10(scale.checked_sub(a.scale())?)?)?;
    let b = b
        .mantissa()
        .checked_mul(pow10(scale.checked_sub(b.scale())?)?)?;
    decimal_exact(a.checked_add(b)?, scale)
}

/// `numerator / denominator` when both fit an `i128`: the fraction reduced, then a decimal
/// when its denominator divides a power of ten; `None` when the work needs big integers.
fn small_fraction(numerator: i128, denominator: i128) -> Option<Exact> {
    if let (Ok(n), Ok(d)) = (i64::try_from(numerator), i64::try_from(denominator)) {
        if let Some(value) = small_fraction_64(n, d) {
            return Some(value);
        }
    }
    let gcd = numerator.gcd(&denominator);
    let (mut n, mut d) = (numerator.checked_div(gcd)?, denominator.checked_div(gcd)?);
    if d < 0 {
        n = n.checked_neg()?;
        d = d.checked_neg()?;
    }
    if let Some(scale) = terminating_scale_i128(d) {
        let factor = pow10(scale)?.checked_div(d)?;
        if let Some(value) = n.checked_mul(factor).and_then(|m| decimal_exact(m, scale)) {
            return Some(Exact(Repr::Decimal(value)));
        }
        return None;
    }
    Some(fraction(n, d))
}

/// [`small_fraction`] of two `i64`s, the usual case (points and counts of a scorecard):
/// 64-bit division costs a fraction of 128-bit division, which the reduction and the test for
/// a terminating decimal are made of. `None` when the work needs more room.
fn small_fraction_64(numerator: i64, denominator: i64) -> Option<Exact> {
    let gcd = numerator.unsigned_abs().gcd(&denominator.unsigned_abs());
    let (magnitude, d) = (
        numerator.unsigned_abs().checked_div(gcd)?,
        denominator.unsigned_abs().checked_div(gcd)?,
    );
    let n = if (numerator < 0) != (denominator < 0) {
        i128::from(magnitude).checked_neg()?
    } else {
        i128::from(magnitude)
    };
    // d = 2^a · 5^b, for a decimal of scale max(a, b).
    let twos = d.trailing_zeros();
    let mut rest = d.checked_shr(twos)?;
    let mut fives = 0u32;
    while rest % 5 == 0 && rest > 0 {
        rest /= 5;
        fives = fives.checked_add(1)?;
    }
    let scale = twos.max(fives);
    if rest == 1 && scale <= MAX_SCALE {
        let (factor, _) = div_rem_u128(pow10(scale)?.unsigned_abs(), u128::from(d))?;
        let factor = i128::try_from(factor).ok()?;
        return n
            .checked_mul(factor)
            .and_then(|m| decimal_exact(m, scale))
            .map(|value| Exact(Repr::Decimal(value)));
    }
    Some(fraction(n, i128::from(d)))
}

/// The least k with `d` dividing 10^k, when d = 2^a·5^b and k ≤ 28.
fn terminating_scale_i128(d: i128) -> Option<u32> {
    let twos = d.trailing_zeros();
    let mut rest = d.checked_shr(twos)?;
    let mut fives = 0u32;
    while rest.checked_rem(5) == Some(0) && fives <= MAX_SCALE {
        rest = rest.checked_div(5)?;
        fives = fives.checked_add(1)?;
    }
    let scale = twos.max(fives);
    (rest == 1 && scale <= MAX_SCALE).then_some(scale)
}

/// A decimal as a fraction of big integers.
fn decimal_ratio(value: Decimal) -> BigRational {
    // Reduced in `i128` (10^28 fits), which is much cheaper than a big-integer gcd.
    let (mantissa, denominator) = (value.mantissa(), pow10(value.scale()).unwrap_or(1));
    let gcd = mantissa.gcd(&denominator);
    match (mantissa.checked_div(gcd), denominator.checked_div(gcd)) {
        (Some(n), Some(d)) => BigRational::new_raw(n.into(), d.into()),
        _ => BigRational::new(mantissa.into(), denominator.into()),
    }
}

/// The decimal that holds a fraction exactly, if one does.
// Big integers do not overflow, and every division here is by a denominator, which is
// positive, or by a value checked to be non-zero.
#[allow(clippy::arithmetic_side_effects)]
fn ratio_decimal(ratio: &BigRational) -> Option<Decimal> {
    let denominator = ratio.denom();
    let twos = u32::try_from(denominator.trailing_zeros().unwrap_or(0)).ok()?;
    let mut rest = denominator >> twos;
    let five = BigInt::from(5u8);
    let mut fives = 0u32;
    while (&rest % &five).is_zero() {
        rest /= &five;
        fives = fives.checked_add(1)?;
        if fives > MAX_SCALE {
            return None;
        }
    }
    let scale = twos.max(fives);
    if !rest.is_one() || scale > MAX_SCALE {
        return None;
    }
    let mantissa = ratio.numer() * BigInt::from(10u8).pow(scale) / denominator;
    decimal_with_scale(mantissa.to_i128()?, scale)
}

/// The nearest decimal of 28 significant digits (half to even), saturating at a decimal's
/// range.
// Big integers do not overflow, and every division here is by a denominator, which is
// positive, or by a value checked to be non-zero.
#[allow(clippy::arithmetic_side_effects)]
fn nearest_decimal(ratio: &BigRational) -> Decimal {
    let negative = ratio.is_negative();
    let numerator = ratio.numer().abs();
    let denominator = ratio.denom();
    let whole = &numerator / denominator;
    let whole_digits = if whole.is_zero() {
        0
    } else {
        u32::try_from(whole.to_string().len()).unwrap_or(u32::MAX)
    };
    let scale = if whole_digits == 0 {
        MAX_SCALE
    } else {
        SIGNIFICANT_DIGITS.saturating_sub(whole_digits)
    };
    let (mut quotient, remainder) =
        (numerator * BigInt::from(10u8).pow(scale)).div_rem(denominator);
    let twice: BigInt = remainder * 2u8;
    match twice.cmp(denominator) {
        Ordering::Greater => quotient += 1u8,
        Ordering::Equal if quotient.is_odd() => quotient += 1u8,
        _ => {}
    }
    let saturated = if negative { Decimal::MIN } else { Decimal::MAX };
    let Some(magnitude) = quotient.to_i128() else {
        return saturated;
    };
    let signed = if negative {
        magnitude.checked_neg()
    } else {
        Some(magnitude)
    };
    signed
        .and_then(|m| decimal_exact(m, scale))
        .map_or(saturated, |value| value.normalize())
}

impl Default for Exact {
    /// Zero.
    fn default() -> Exact {
        Exact::ZERO
    }
}

impl From<Decimal> for Exact {
    fn from(value: Decimal) -> Exact {
        Exact(Repr::Decimal(value))
    }
}

impl From<&Decimal> for Exact {
    fn from(value: &Decimal) -> Exact {
        Exact(Repr::Decimal(*value))
    }
}

macro_rules! from_integer {
    ($($t:ty),*) => {$(
        impl From<$t> for Exact {
            fn from(value: $t) -> Exact {
                Exact(Repr::Decimal(Decimal::from(value)))
            }
        }
    )*};
}
from_integer!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl Ord for Exact {
    fn cmp(&self, other: &Exact) -> Ordering {
        match (&self.0, &other.0) {
            // Figures of one kind share a scale (published ones always do): their mantissas
            // compare as the values do, without the rescaling `Decimal::cmp` is ready for.
            (Repr::Decimal(a), Repr::Decimal(b)) if a.scale() == b.scale() => {
                a.mantissa().cmp(&b.mantissa())
            }
            (Repr::Decimal(a), Repr::Decimal(b)) => a.cmp(b),
            _ => {
                // n1/d1 against n2/d2, denominators positive: n1·d2 against n2·d1. The
                // product of two `i64`s always fits an `i128`, so it cannot wrap.
                if let Some(((n1, d1), (n2, d2))) = self.parts_64().zip(other.parts_64()) {
                    let left = i128::from(n1).wrapping_mul(i128::from(d2));
                    let right = i128::from(n2).wrapping_mul(i128::from(d1));
                    return left.cmp(&right);
                }
                let small =
                    self.small_parts()
                        .zip(other.small_parts())
                        .and_then(|((n1, d1), (n2, d2))| {
                            Some((n1.checked_mul(d2)?, n2.checked_mul(d1)?))
                        });
                match small {
                    Some((a, b)) => a.cmp(&b),
                    None => self.to_ratio().as_ref().cmp(other.to_ratio().as_ref()),
                }
            }
        }
    }
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Exact) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<Decimal> for Exact {
    fn eq(&self, other: &Decimal) -> bool {
        matches!(&self.0, Repr::Decimal(value) if value == other)
    }
}

impl PartialEq<Exact> for Decimal {
    fn eq(&self, other: &Exact) -> bool {
        other == self
    }
}

impl PartialEq<Decimal> for &Exact {
    fn eq(&self, other: &Decimal) -> bool {
        *self == other
    }
}

impl PartialOrd<Decimal> for &Exact {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        (*self).partial_cmp(other)
    }
}

macro_rules! operator {
    ($trait:ident, $method:ident, $inherent:ident) => {
        impl std::ops::$trait<&Exact> for &Exact {
            type Output = Exact;
            fn $method(self, other: &Exact) -> Exact {
                Exact::$inherent(self, other)
            }
        }
        impl std::ops::$trait<Exact> for Exact {
            type Output = Exact;
            fn $method(self, other: Exact) -> Exact {
                Exact::$inherent(&self, &other)
            }
        }
        impl std::ops::$trait<&Exact> for Exact {
            type Output = Exact;
            fn $method(self, other: &Exact) -> Exact {
                Exact::$inherent(&self, other)
            }
        }
        impl std::ops::$trait<Exact> for &Exact {
            type Output = Exact;
            fn $method(self, other: Exact) -> Exact {
                Exact::$inherent(self, &other)
            }
        }
        impl std::ops::$trait<Decimal> for Exact {
            type Output = Exact;
            fn $method(self, other: Decimal) -> Exact {
                Exact::$inherent(&self, &Exact::from(other))
            }
        }
        impl std::ops::$trait<Decimal> for &Exact {
            type Output = Exact;
            fn $method(self, other: Decimal) -> Exact {
                Exact::$inherent(self, &Exact::from(other))
            }
        }
    };
}
operator!(Add, add, add);
operator!(Sub, sub, sub);
operator!(Mul, mul, mul);

impl std::ops::Neg for Exact {
    type Output = Exact;
    fn neg(self) -> Exact {
        Exact::neg(&self)
    }
}

impl std::iter::Sum for Exact {
    fn sum<I: Iterator<Item = Exact>>(values: I) -> Exact {
        values.fold(Exact::ZERO, |sum, value| sum.add(&value))
    }
}

impl<'a> std::iter::Sum<&'a Exact> for Exact {
    fn sum<I: Iterator<Item = &'a Exact>>(values: I) -> Exact {
        values.fold(Exact::ZERO, |sum, value| sum.add(value))
    }
}

impl PartialOrd<Decimal> for Exact {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(match &self.0 {
            Repr::Decimal(value) => value.cmp(other),
            Repr::Small(..) | Repr::Fraction(_) => self.cmp(&Exact::from(*other)),
        })
    }
}

impl PartialOrd<Exact> for Decimal {
    fn partial_cmp(&self, other: &Exact) -> Option<Ordering> {
        other.partial_cmp(self).map(Ordering::reverse)
    }
}

impl fmt::Display for Exact {
    /// The decimal, without trailing zeros; with `{:#}`, the exact value (`1/3`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Small(numerator, denominator) if f.alternate() => {
                write!(f, "{numerator}/{denominator}")
            }
            Repr::Fraction(ratio) if f.alternate() => {
                write!(f, "{}/{}", ratio.numer(), ratio.denom())
            }
            _ => fmt::Display::fmt(&self.to_decimal(), f),
        }
    }
}

impl fmt::Debug for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:#}")
    }
}

impl FromStr for Exact {
    type Err = crate::Error;

    /// Reads a decimal (`24.05`, as CSV cells and JSON strings are read: digits, one dot, a
    /// sign) or a fraction of two integers (`537800/5597`).
    fn from_str(text: &str) -> Result<Exact, crate::Error> {
        let invalid = || {
            crate::ErrorKind::InvalidExact {
                text: text.to_owned(),
            }
            .into()
        };
        let trimmed = text.trim();
        if let Some((numerator, denominator)) = trimmed.split_once('/') {
            let integer = |part: &str| -> Option<BigInt> {
                let part = part.trim();
                let digits = part.strip_prefix(['-', '+']).unwrap_or(part);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                part.parse().ok()
            };
            let (Some(numerator), Some(denominator)) = (integer(numerator), integer(denominator))
            else {
                return Err(invalid());
            };
            if denominator.is_zero() {
                return Err(invalid());
            }
            return Ok(Exact::from_ratio(BigRational::new(numerator, denominator)));
        }
        crate::text::parse_decimal(trimmed)
            .map(Exact::from)
            .map_err(|_| invalid())
    }
}

impl RoundingPolicy {
    /// Publishes an exact figure: its true value rounded once, to exactly the policy's
    /// number of places.
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::{Exact, Rounding, RoundingPolicy};
    ///
    /// // Just below a midpoint: rounding a 28-digit approximation would give 1.53.
    /// let points: Exact = "610000000000000000000000000001/400000000000000000000000000000".parse()?;
    /// assert_eq!(RoundingPolicy::default().publish(&points).to_string(), "1.53");
    /// let below: Exact = "152499999999999999999999999999999/100000000000000000000000000000000".parse()?;
    /// // Its 28-digit approximation is 1.525, but the true value publishes as 1.52.
    /// assert_eq!(below.to_string(), "1.525");
    /// assert_eq!(RoundingPolicy::default().publish(&below).to_string(), "1.52");
    /// # Ok::<(), par_index::Error>(())
    /// ```
    ///
    /// A figure too large for a `Decimal` at that many places (beyond about 10^16 points
    /// at 12 places) is published with as many places as it holds, still rounded once.
    pub fn publish(&self, value: &Exact) -> Decimal {
        (0..=self.decimal_places())
            .rev()
            .find_map(|places| value.round(places, self.rounding()))
            // Rounding away from zero at no places can pass `Decimal::MAX`: saturate there.
            .unwrap_or(if value.is_negative() {
                Decimal::MIN
            } else {
                Decimal::MAX
            })
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Exact {
    /// The exact form as a string: `"24.05"`, or `"537800/5597"` for a fraction.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{self:#}"))
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Exact {
    /// A string in either form, or a JSON integer.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Exact, D::Error> {
        struct ExactVisitor;
        impl serde::de::Visitor<'_> for ExactVisitor {
            type Value = Exact;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an exact value written as a string, such as \"1.25\" or \"1/3\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Exact, E> {
                text.parse().map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Exact, E> {
                Ok(Exact::from(value))
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Exact, E> {
                Ok(Exact::from(value))
            }
            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Exact, E> {
                Err(E::custom(format!(
                    "the number {value} must be written as a string (\"{value}\") so that no digit is lost"
                )))
            }
        }
        deserializer.deserialize_any(ExactVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fraction(numerator: BigInt, denominator: u8) -> Exact {
        Exact::from_ratio(BigRational::new(numerator, BigInt::from(denominator)))
    }

    #[test]
    fn a_fraction_fits_exactly_up_to_the_largest_decimal() {
        let max = BigInt::from(MAX_MANTISSA);
        let just_below = fraction(&max * 3u8 - 1u8, 3);
        let just_above = fraction(&max * 3u8 + 1u8, 3);
        assert!(!just_below.is_decimal() && just_below.fits_decimal());
        assert!(!just_above.is_decimal() && !just_above.fits_decimal());
        assert!(just_below.neg().fits_decimal());
        assert!(!just_above.neg().fits_decimal());
    }

    #[test]
    fn a_decimal_becomes_a_fraction_in_lowest_terms() {
        let ratio = decimal_ratio(Decimal::new(-250, 2));
        assert_eq!(
            (ratio.numer(), ratio.denom()),
            (&BigInt::from(-5), &BigInt::from(2))
        );
        let zero = decimal_ratio(Decimal::new(0, 3));
        assert_eq!(
            (zero.numer(), zero.denom()),
            (&BigInt::from(0), &BigInt::from(1))
        );
        let tiny = decimal_ratio(Decimal::new(1, 28));
        assert_eq!(tiny.denom(), &BigInt::from(10u8).pow(28));
    }

    #[test]
    fn sums_of_one_scale_and_of_two_are_exact() {
        let a = Exact::from(Decimal::new(125, 2));
        let b = Exact::from(Decimal::new(275, 2));
        assert_eq!(a.add(&b), Exact::from(4));
        assert_eq!(
            a.add(&Exact::from(Decimal::new(5, 3))),
            Decimal::new(1255, 3)
        );
        // The mantissa overflows at scale 28; it ends in a zero, which is dropped instead.
        let big = Exact::from(Decimal::from_i128_with_scale(MAX_MANTISSA as i128, 28));
        let sum = big.add(&big);
        assert!(sum.is_decimal());
        assert_eq!(
            sum.to_ratio().as_ref(),
            &(decimal_ratio(big.to_decimal()) * BigInt::from(2))
        );
        // One more unit in the last place and no decimal holds the sum: a fraction.
        let odd = Exact::from(Decimal::from_i128_with_scale(MAX_MANTISSA as i128 - 1, 28));
        assert!(!odd.add(&odd).is_decimal());
    }
}
