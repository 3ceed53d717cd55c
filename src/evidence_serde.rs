//! Reading [`Evidence`] with serde: one kind of evidence per value.
//!
//! Written by hand rather than derived so that an object holding two kinds
//! (`{"count": 3, "flag": true}`) or one kind twice (`{"count": 3, "count": 4}`) is refused
//! with a message that names the keys; the derived reader stops at the second key with only
//! "expected value". Writing stays derived: `"not_applicable"` or `{"kind": value}`.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use crate::rule::Evidence;

/// The kinds of evidence as written in JSON, in the order of [`Evidence`]'s variants.
const KINDS: &[&str] = &[
    "points",
    "flag",
    "rate",
    "percent",
    "count",
    "value",
    "survey_mean",
    "not_applicable",
];

#[derive(serde::Deserialize)]
#[serde(transparent)]
struct Exact(#[serde(with = "crate::serde_decimal")] Decimal);

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RateParts {
    #[serde(with = "crate::serde_decimal")]
    numerator: Decimal,
    #[serde(with = "crate::serde_decimal")]
    denominator: Decimal,
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Evidence, D::Error> {
        deserializer.deserialize_any(EvidenceVisitor)
    }
}

struct EvidenceVisitor;

impl<'de> Visitor<'de> for EvidenceVisitor {
    type Value = Evidence;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "evidence: \"not_applicable\" or an object with one kind, such as {\"count\": 3}",
        )
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Evidence, E> {
        match text {
            "not_applicable" => Ok(Evidence::NotApplicable),
            kind if KINDS.contains(&kind) => Err(E::custom(format!(
                "evidence `{kind}` needs a value, as in {{\"{kind}\": …}}"
            ))),
            other => Err(E::unknown_variant(other, KINDS)),
        }
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Evidence, M::Error> {
        let Some(kind) = map.next_key::<String>()? else {
            return Err(de::Error::custom(
                "the evidence object is empty; give one kind, such as {\"count\": 3}",
            ));
        };
        let evidence = match kind.as_str() {
            "points" => Evidence::Points(map.next_value::<Exact>()?.0),
            "flag" => Evidence::Flag(map.next_value()?),
            "rate" => {
                let parts: RateParts = map.next_value()?;
                Evidence::Rate {
                    numerator: parts.numerator,
                    denominator: parts.denominator,
                }
            }
            "percent" => Evidence::Percent(map.next_value::<Exact>()?.0),
            "count" => Evidence::Count(map.next_value()?),
            "value" => Evidence::Value(map.next_value::<Exact>()?.0),
            "survey_mean" => Evidence::SurveyMean(map.next_value::<Exact>()?.0),
            // The map form of the unit variant, `{"not_applicable": null}`.
            "not_applicable" => {
                map.next_value::<()>()?;
                Evidence::NotApplicable
            }
            other => return Err(de::Error::unknown_variant(other, KINDS)),
        };
        match map.next_key::<String>()? {
            None => Ok(evidence),
            Some(second) if second == kind => {
                let field = KINDS.iter().copied().find(|k| *k == kind);
                Err(de::Error::duplicate_field(field.unwrap_or("evidence")))
            }
            Some(second) => Err(de::Error::custom(format!(
                "evidence holds one kind, but `{kind}` is followed by `{second}`"
            ))),
        }
    }
}
