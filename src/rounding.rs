//! The rounding policy applied once, when results are published.

use rust_decimal::Decimal;

use crate::error::{Error, ErrorKind};
use crate::exact::Exact;

/// How a midpoint or any excess digit is rounded.
///
/// # Examples
///
/// ```
/// use par_index::{Decimal, Rounding, RoundingPolicy};
///
/// let exact: Decimal = "85.785".parse()?;
/// let publish = |rounding| -> Result<String, par_index::Error> {
///     Ok(RoundingPolicy::new(2, rounding)?.apply(exact).to_string())
/// };
/// assert_eq!(publish(Rounding::HalfAwayFromZero)?, "85.79");
/// assert_eq!(publish(Rounding::HalfEven)?, "85.78");
/// assert_eq!(publish(Rounding::TowardZero)?, "85.78");
/// assert_eq!(Rounding::default(), Rounding::HalfAwayFromZero);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Rounding {
    /// Half away from zero: 85.785 → 85.79. What a Vietnamese report (and Excel's `ROUND`)
    /// does; the default.
    #[default]
    HalfAwayFromZero,
    /// Half to even (banker's rounding): 85.785 → 85.78. `rust_decimal`'s own default.
    HalfEven,
    /// Half toward zero: 85.785 → 85.78.
    HalfTowardZero,
    /// Truncation: 85.789 → 85.78.
    TowardZero,
    /// Always up in magnitude: 85.781 → 85.79.
    AwayFromZero,
}

/// Decimal places and rounding mode for published figures.
///
/// Scores are computed exactly and rounded only here, once, when a figure is published: a
/// total is rounded from the exact sum of its parts, never summed from rounded parts, and a
/// quotient that does not end (an index of 537800/5597) is rounded from its true value, not
/// from a 28-digit approximation. The default is 2 decimal places, half away from zero, as
/// the PAR Index is published (85.78%). Published values always carry exactly
/// `decimal_places` digits, so `85.8` prints `85.80`.
///
/// A policy has at most [`RoundingPolicy::MAX_DECIMAL_PLACES`] (12) places; more are refused.
/// Every figure below 7.9 × 10^16 in magnitude carries all of them (a decimal holds 28 or 29
/// significant digits); a figure too large for that keeps as many places as a decimal can
/// hold.
///
/// # Examples
///
/// ```
/// use par_index::{Rounding, RoundingPolicy};
/// use rust_decimal::Decimal;
///
/// let exact: Decimal = "93.305".parse()?;
/// assert_eq!(RoundingPolicy::default().apply(exact).to_string(), "93.31");
/// let bankers = RoundingPolicy::new(2, Rounding::HalfEven)?;
/// assert_eq!(bankers.apply(exact).to_string(), "93.30");
/// assert!(RoundingPolicy::new(13, Rounding::HalfEven).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(deny_unknown_fields, try_from = "RoundingPolicySpec")
)]
pub struct RoundingPolicy {
    decimal_places: u32,
    rounding: Rounding,
}

/// The unvalidated form a policy is read from.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RoundingPolicySpec {
    decimal_places: u32,
    rounding: Rounding,
}

#[cfg(feature = "serde")]
impl TryFrom<RoundingPolicySpec> for RoundingPolicy {
    type Error = Error;

    fn try_from(spec: RoundingPolicySpec) -> Result<RoundingPolicy, Error> {
        RoundingPolicy::new(spec.decimal_places, spec.rounding)
    }
}

impl Default for RoundingPolicy {
    fn default() -> RoundingPolicy {
        RoundingPolicy {
            decimal_places: 2,
            rounding: Rounding::HalfAwayFromZero,
        }
    }
}

impl RoundingPolicy {
    /// The most decimal places a policy publishes.
    pub const MAX_DECIMAL_PLACES: u32 = 12;

    /// A policy of `decimal_places` places, rounded by `rounding`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::TooManyDecimalPlaces`] above [`RoundingPolicy::MAX_DECIMAL_PLACES`].
    pub fn new(decimal_places: u32, rounding: Rounding) -> Result<RoundingPolicy, Error> {
        if decimal_places > RoundingPolicy::MAX_DECIMAL_PLACES {
            return Err(ErrorKind::TooManyDecimalPlaces {
                places: decimal_places,
                max: RoundingPolicy::MAX_DECIMAL_PLACES,
            }
            .into());
        }
        Ok(RoundingPolicy {
            decimal_places,
            rounding,
        })
    }

    /// The same places, rounded by `rounding`.
    pub fn with_rounding(self, rounding: Rounding) -> RoundingPolicy {
        RoundingPolicy { rounding, ..self }
    }

    /// Digits after the decimal point.
    pub fn decimal_places(&self) -> u32 {
        self.decimal_places
    }

    /// How excess digits are rounded.
    pub fn rounding(&self) -> Rounding {
        self.rounding
    }

    /// Rounds `value` by the policy and fixes its scale to `decimal_places`: the same as
    /// [`RoundingPolicy::publish`] for a value that is a decimal.
    pub fn apply(&self, value: Decimal) -> Decimal {
        self.publish(&Exact::from(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::prelude::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn the_default_rounds_half_away_from_zero_where_bankers_rounding_differs() {
        let default = RoundingPolicy::default();
        let bankers = RoundingPolicy::new(2, Rounding::HalfEven).unwrap();
        // Midpoints whose last kept digit is even: the two policies part ways.
        for (exact, away, even) in [
            ("85.785", "85.79", "85.78"),
            ("0.125", "0.13", "0.12"),
            ("93.305", "93.31", "93.30"),
            ("-1.005", "-1.01", "-1.00"),
        ] {
            assert_eq!(default.apply(d(exact)).to_string(), away, "{exact}");
            assert_eq!(bankers.apply(d(exact)).to_string(), even, "{exact}");
        }
        // Midpoints after an odd digit, and non-midpoints: they agree.
        for (exact, both) in [
            ("85.775", "85.78"),
            ("85.7849", "85.78"),
            ("85.7851", "85.79"),
        ] {
            assert_eq!(default.apply(d(exact)).to_string(), both);
            assert_eq!(bankers.apply(d(exact)).to_string(), both);
        }
    }

    #[test]
    fn published_values_carry_exactly_the_declared_places() {
        let policy = RoundingPolicy::default();
        assert_eq!(policy.apply(d("85.8")).to_string(), "85.80");
        assert_eq!(policy.apply(d("100")).to_string(), "100.00");
        let whole = RoundingPolicy::new(0, Rounding::HalfAwayFromZero).unwrap();
        assert_eq!(whole.apply(d("89.5")).to_string(), "90");
    }

    #[test]
    fn every_mode_rounds_as_documented() {
        let cases = [
            (Rounding::HalfTowardZero, "85.785", "85.78"),
            (Rounding::TowardZero, "85.789", "85.78"),
            (Rounding::AwayFromZero, "85.781", "85.79"),
        ];
        for (rounding, exact, expected) in cases {
            let policy = RoundingPolicy::new(2, rounding).unwrap();
            assert_eq!(policy.apply(d(exact)).to_string(), expected);
        }
    }

    #[test]
    fn more_places_than_a_policy_publishes_are_refused() {
        assert_eq!(
            RoundingPolicy::new(13, Rounding::HalfEven)
                .unwrap_err()
                .to_string(),
            "a rounding policy of 13 decimal places is refused; at most 12 are published"
        );
        let most = RoundingPolicy::new(12, Rounding::HalfEven).unwrap();
        assert_eq!(most.apply(d("1.5")).to_string(), "1.500000000000");
        // A figure too large to carry 12 places keeps as many as a decimal holds.
        assert_eq!(most.apply(Decimal::MAX), Decimal::MAX);
    }
}
