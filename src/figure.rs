//! A figure as the library computed it and as it is published.

use std::fmt;

use rust_decimal::Decimal;

use crate::exact::Exact;
use crate::ranking::ValueBasis;
use crate::rounding::RoundingPolicy;

/// One figure of an output, carried twice: the exact value and the value a reader sees in the
/// published table.
///
/// For an index, points or a percentage, the published value is the exact one rounded once by
/// the output's [`RoundingPolicy`]. For a change between two published tables it is the
/// difference of the two published figures, as a reader computes it from the tables (96.17 −
/// 91.87 = 4.30), which may differ in the last place from the exact change rounded.
///
/// `Display` shows the published value; [`Figure::exact`] and [`Figure::published`] give
/// each, and [`Figure::value`] the one a [`ValueBasis`] asks for. Serialized as
/// `{"exact": "…", "published": "…"}`, both as strings.
///
/// # Examples
///
/// ```
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thủ tục hành chính", 3.into())
///     .build()?;
/// let mut assessment = framework.assessment("ward-1", "2025".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_appraised(2.into()));
/// let ranking = Cohort::new(&framework, [framework.score(&assessment)?])?.rank()?;
///
/// let index = &ranking.units()[0].index;
/// assert_eq!(format!("{:#}", index.exact()), "200/3"); // two thirds of 100, exactly
/// assert_eq!(index.published().to_string(), "66.67");
/// assert_eq!(index.to_string(), "66.67");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Figure {
    exact: Exact,
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    published: Decimal,
}

impl Figure {
    /// `exact`, published by `policy`: rounded once.
    pub fn publish(exact: Exact, policy: &RoundingPolicy) -> Figure {
        let published = policy.publish(&exact);
        Figure { exact, published }
    }

    /// A figure whose two values were worked out apart, such as a change between two
    /// published tables.
    pub(crate) fn from_parts(exact: Exact, published: Decimal) -> Figure {
        Figure { exact, published }
    }

    /// The exact value.
    pub fn exact(&self) -> &Exact {
        &self.exact
    }

    /// The value as published.
    pub fn published(&self) -> Decimal {
        self.published
    }

    /// The value on `basis`: published or exact.
    pub fn value(&self, basis: ValueBasis) -> Exact {
        match basis {
            ValueBasis::Published => Exact::from(self.published),
            ValueBasis::Exact => self.exact.clone(),
        }
    }
}

impl fmt::Display for Figure {
    /// The published value, with its declared places.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.published, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rounding::Rounding;

    #[test]
    fn publishing_rounds_the_exact_value_once() {
        let third = Exact::quotient(1, 3).unwrap();
        let figure = Figure::publish(third.clone(), &RoundingPolicy::default());
        assert_eq!(figure.exact(), &third);
        assert_eq!(figure.published().to_string(), "0.33");
        let up = RoundingPolicy::new(1, Rounding::AwayFromZero).unwrap();
        assert_eq!(Figure::publish(third, &up).to_string(), "0.4");
    }

    #[test]
    fn the_basis_picks_the_value() {
        let figure = Figure::publish(
            Exact::from(Decimal::new(12_345, 3)),
            &RoundingPolicy::default(),
        );
        assert_eq!(figure.value(ValueBasis::Exact).to_string(), "12.345");
        assert_eq!(figure.value(ValueBasis::Published).to_string(), "12.35");
    }
}
