//! Exact serde for decimals: written as strings, read from strings or JSON integers.
//!
//! A JSON number with a fraction (`1.1`) reaches a deserializer as an `f64`, which has already
//! lost digits, so it is refused with a message that shows how to write it instead. Integers
//! (`10`) are exact and accepted.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

struct DecimalVisitor;

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal written as a string, such as \"1.25\", or an integer")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
        let trimmed = text.trim();
        let invalid = || E::custom(format!("invalid decimal \"{text}\""));
        let parsed = if let Some((mantissa, _)) = trimmed.split_once(['e', 'E']) {
            let value = Decimal::from_scientific(trimmed).map_err(|_| invalid())?;
            // `from_scientific` rounds what does not fit; the digits must survive.
            (significant_digits(mantissa) == significant_digits(&value.to_string()))
                .then_some(value)
                .ok_or_else(|| too_many_digits(text))?
        } else {
            // The same reading as CSV cells and the text forms: digits, one dot and a sign,
            // refusing (rather than rounding) more digits than a decimal holds.
            crate::text::parse_decimal(trimmed).map_err(|reason| match reason {
                "is not a number"
                    if Decimal::from_str_exact(trimmed).is_err()
                        && trimmed.parse::<Decimal>().is_ok() =>
                {
                    too_many_digits(text)
                }
                _ => invalid(),
            })?
        };
        Ok(parsed)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
        Err(E::custom(format!(
            "the number {value} must be written as a string (\"{value}\") so that no digit is lost"
        )))
    }
}

/// The digits of a number without sign, point, leading or trailing zeros.
fn significant_digits(text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits.trim_matches('0').to_owned()
}

fn too_many_digits<E: de::Error>(text: &str) -> E {
    E::custom(format!(
        "the decimal \"{text}\" has more digits than the 28 a decimal holds exactly"
    ))
}

/// Serializes a decimal as its exact text.
pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

/// Deserializes a decimal from a string or an integer.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(DecimalVisitor)
}

/// The same for `Option<Decimal>` (`null` or absent is `None`).
pub mod option {
    use super::*;

    /// Serializes `Some` as the decimal's text, `None` as null.
    pub fn serialize<S: Serializer>(
        value: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.collect_str(value),
            None => serializer.serialize_none(),
        }
    }

    /// Deserializes null as `None`, anything else as [`super::deserialize`] does.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        struct OptionVisitor;
        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = Option<Decimal>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("null or a decimal written as a string")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                super::deserialize(d).map(Some)
            }
        }
        deserializer.deserialize_option(OptionVisitor)
    }
}
