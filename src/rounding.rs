//! The rounding policy applied once, when results are published.

use rust_decimal::{Decimal, RoundingStrategy};

/// How a midpoint or any excess digit is rounded.
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

impl Rounding {
    fn strategy(self) -> RoundingStrategy {
        match self {
            Rounding::HalfAwayFromZero => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
            Rounding::HalfTowardZero => RoundingStrategy::MidpointTowardZero,
            Rounding::TowardZero => RoundingStrategy::ToZero,
            Rounding::AwayFromZero => RoundingStrategy::AwayFromZero,
        }
    }
}

/// Decimal places and rounding mode for published figures.
///
/// Scores are computed exactly and rounded only here, once, when a figure is published: a
/// total is rounded from the exact sum of its parts, never summed from rounded parts. The
/// default is 2 decimal places, half away from zero, as the PAR Index is published (85.78%).
/// Published values always carry exactly `decimal_places` digits, so `85.8` prints `85.80`.
///
/// # Examples
///
/// ```
/// use par_index::{Rounding, RoundingPolicy};
/// use rust_decimal::Decimal;
///
/// let exact: Decimal = "93.305".parse()?;
/// assert_eq!(RoundingPolicy::default().apply(exact).to_string(), "93.31");
/// let bankers = RoundingPolicy { decimal_places: 2, rounding: Rounding::HalfEven };
/// assert_eq!(bankers.apply(exact).to_string(), "93.30");
/// # Ok::<(), rust_decimal::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RoundingPolicy {
    /// Digits after the decimal point (at most 28; more are treated as 28).
    pub decimal_places: u32,
    /// How excess digits are rounded.
    pub rounding: Rounding,
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
    /// Rounds `value` by the policy and fixes its scale to `decimal_places`.
    pub fn apply(&self, value: Decimal) -> Decimal {
        let places = self.decimal_places.min(28);
        let mut rounded = value.round_dp_with_strategy(places, self.rounding.strategy());
        rounded.rescale(places);
        rounded
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
        let bankers = RoundingPolicy {
            decimal_places: 2,
            rounding: Rounding::HalfEven,
        };
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
        let whole = RoundingPolicy {
            decimal_places: 0,
            rounding: Rounding::HalfAwayFromZero,
        };
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
            let policy = RoundingPolicy {
                decimal_places: 2,
                rounding,
            };
            assert_eq!(policy.apply(d(exact)).to_string(), expected);
        }
    }

    #[test]
    fn too_many_places_do_not_panic() {
        let policy = RoundingPolicy {
            decimal_places: 40,
            rounding: Rounding::HalfEven,
        };
        assert_eq!(policy.apply(d("1.5")), d("1.5"));
    }
}
