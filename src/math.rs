//! Checked decimal arithmetic: an overflow is an [`Error::Overflow`] naming where it
//! happened, never a panic.

use std::fmt::Display;

use rust_decimal::Decimal;

use crate::error::Error;

fn overflow(operation: &'static str, a: Decimal, b: Decimal, at: &dyn Display) -> Error {
    Error::Overflow {
        operation,
        left: a,
        right: b,
        context: at.to_string(),
    }
}

pub(crate) fn checked_add(a: Decimal, b: Decimal, at: &dyn Display) -> Result<Decimal, Error> {
    a.checked_add(b).ok_or_else(|| overflow("adding", a, b, at))
}

pub(crate) fn checked_sub(a: Decimal, b: Decimal, at: &dyn Display) -> Result<Decimal, Error> {
    a.checked_sub(b)
        .ok_or_else(|| overflow("subtracting", a, b, at))
}

pub(crate) fn checked_mul(a: Decimal, b: Decimal, at: &dyn Display) -> Result<Decimal, Error> {
    a.checked_mul(b)
        .ok_or_else(|| overflow("multiplying", a, b, at))
}

/// Division; callers guarantee a non-zero divisor, and a zero one is reported as an overflow
/// rather than a panic.
pub(crate) fn checked_div(a: Decimal, b: Decimal, at: &dyn Display) -> Result<Decimal, Error> {
    a.checked_div(b)
        .ok_or_else(|| overflow("dividing", a, b, at))
}

/// Sums decimals, naming `at` on overflow.
pub(crate) fn checked_sum<I: IntoIterator<Item = Decimal>>(
    values: I,
    at: &dyn Display,
) -> Result<Decimal, Error> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |sum, v| checked_add(sum, v, at))
}
