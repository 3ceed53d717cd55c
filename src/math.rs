//! Checked exact arithmetic for the figures the library keeps.
//!
//! [`Exact`] arithmetic itself cannot overflow: it works on fractions of integers of any
//! size, so a rate of `Decimal::MAX / Decimal::MAX` is exactly 100%. What can overflow is a
//! figure that the library keeps and exposes: it must fit a [`Decimal`], and one that does
//! not is an [`ErrorKind::Overflow`] naming the operation and where it happened, never a panic
//! and never a silent saturation. Intermediate values (a numerator times 100 before the
//! division) are not checked: only the results are.

use std::fmt::Display;

use rust_decimal::Decimal;

use crate::error::{Error, ErrorKind, Operation};
use crate::exact::Exact;

// Cold: building the error formats its context, which the usual path never needs.
#[cold]
fn overflow(operation: Operation, a: &Exact, b: &Exact, at: &dyn Display) -> Error {
    ErrorKind::Overflow {
        operation,
        left: a.to_decimal(),
        right: b.to_decimal(),
        context: at.to_string(),
    }
    .into()
}

#[inline]
fn kept(
    value: Exact,
    operation: Operation,
    a: &Exact,
    b: &Exact,
    at: &dyn Display,
) -> Result<Exact, Error> {
    if value.fits_decimal() {
        Ok(value)
    } else {
        Err(overflow(operation, a, b, at))
    }
}

/// `a + b`, which must fit a decimal.
pub(crate) fn checked_add(a: &Exact, b: &Exact, at: &dyn Display) -> Result<Exact, Error> {
    kept(a.add(b), Operation::Adding, a, b, at)
}

/// `a − b`, which must fit a decimal.
pub(crate) fn checked_sub(a: &Exact, b: &Exact, at: &dyn Display) -> Result<Exact, Error> {
    kept(a.sub(b), Operation::Subtracting, a, b, at)
}

/// `a ÷ b`, which must fit a decimal; callers guarantee a non-zero divisor, and a zero one
/// is reported as an overflow rather than a panic.
pub(crate) fn checked_div(a: &Exact, b: &Exact, at: &dyn Display) -> Result<Exact, Error> {
    match a.div(b) {
        Some(quotient) => kept(quotient, Operation::Dividing, a, b, at),
        None => Err(overflow(Operation::Dividing, a, b, at)),
    }
}

/// `a × b ÷ c`, exact, dividing once; the result must fit a decimal.
pub(crate) fn checked_mul_div(
    a: &Exact,
    b: &Exact,
    c: &Exact,
    at: &dyn Display,
) -> Result<Exact, Error> {
    match a.mul_div(b, c) {
        Some(quotient) if quotient.fits_decimal() => Ok(quotient),
        // The error names the product and the divisor.
        _ => checked_div(&a.mul(b), c, at),
    }
}

/// The sum of values; each running sum must fit a decimal (for values of one sign, the same
/// as the sum fitting).
pub(crate) fn checked_sum<'a, I: IntoIterator<Item = &'a Exact>>(
    values: I,
    at: &dyn Display,
) -> Result<Exact, Error> {
    values
        .into_iter()
        .try_fold(Exact::ZERO, |sum, value| checked_add(&sum, value, at))
}

/// The sum of non-negative decimals (maxima), exact, which must fit a decimal.
pub(crate) fn checked_sum_decimals<I: IntoIterator<Item = Decimal>>(
    values: I,
    at: &dyn Display,
) -> Result<Exact, Error> {
    values.into_iter().try_fold(Exact::ZERO, |sum, value| {
        checked_add(&sum, &Exact::from(value), at)
    })
}

/// The sum of signed decimals, exact; only the sum must fit a decimal, so that bonuses and
/// deductions that cancel out never overflow.
pub(crate) fn checked_signed_sum<I: IntoIterator<Item = Decimal>>(
    values: I,
    at: &dyn Display,
) -> Result<Exact, Error> {
    let mut sum = Exact::ZERO;
    let mut last = Exact::ZERO;
    for value in values {
        last = Exact::from(value);
        sum = sum.add(&last);
    }
    if sum.fits_decimal() {
        Ok(sum)
    } else {
        Err(overflow(Operation::Adding, &sum.sub(&last), &last, at))
    }
}
