//! Compact text forms of [`Evidence`] and [`Rule`], for spreadsheet cells and command lines.
//!
//! Both forms round-trip: `text.parse::<Evidence>()?.to_string()` gives the canonical form
//! back, and parsing a printed value gives an equal value. Decimals are written with a dot and
//! read exactly (no digit is rounded away); a comma is refused rather than guessed at, because
//! `7,723` is seven thousand in one spreadsheet and seven in another.
//!
//! # Evidence
//!
//! | text | evidence | canonical form |
//! |---|---|---|
//! | `7723/8037` | [`Evidence::Rate`]: part / whole | `7723/8037` |
//! | `96.09%` | [`Evidence::Percent`] | `96.09%` |
//! | `yes`, `no` (also `true`, `false`, `có`, `không`) | [`Evidence::Flag`] | `yes`, `no` |
//! | `#3` | [`Evidence::Count`] | `#3` |
//! | `~4.12` | [`Evidence::SurveyMean`] | `~4.12` |
//! | `1.5` or `=1.5` | [`Evidence::Points`] | `1.5` |
//! | `value:2` | [`Evidence::Value`] (a measured number for a linear rule) | `value:2` |
//! | `n/a` (also `na`, `not_applicable`) | [`Evidence::NotApplicable`] | `n/a` |
//!
//! Every kind may also be written `kind:text` with its JSON name (`rate:7723/8037`,
//! `percent:96.09`, `flag:yes`, `count:3`, `survey_mean:4.12`, `points:1.5`, `value:2`),
//! which a spreadsheet cannot mistake for a date or a number. Keywords ignore case; spaces
//! around the text and around `/` are ignored.
//!
//! # Rules
//!
//! A rule is its JSON form flattened: the `kind`, then `field=value` pairs, then bands as
//! `at_least:points` (a rate band's threshold may carry `%`). Defaults may be left out.
//!
//! | text | rule |
//! |---|---|
//! | `direct` (or an empty cell) | [`Rule::Direct`] |
//! | `yes_no`, `yes_no points_if_yes=1` | [`Rule::YesNo`] |
//! | `proportional`, `proportional full_at_percent=50 zero_denominator=full_points` | [`Rule::Proportional`] |
//! | `threshold_bands 100%:8 98%:6 95%:4 zero_denominator=not_applicable` | [`Rule::ThresholdBands`] |
//! | `linear zero_at=20 full_at=80` | [`Rule::Linear`] |
//! | `deduction per_violation=0.5 floor=0` | [`Rule::Deduction`] |
//! | `survey_mean scale_min=1 scale_max=5` | [`Rule::SurveyMean`] |
//! | `count_bands 4:3 3:2.25 2:1.5 1:0.75` | [`Rule::CountBands`] |
//!
//! `zero_denominator` is `error` (the default), `full_points`, `zero_points` or
//! `not_applicable`. Whether a rule fits its node (bands in order, points within the maximum)
//! is checked when the framework is built, as for JSON.
//!
//! # Examples
//!
//! ```
//! use par_index::{Evidence, Rule};
//!
//! let evidence: Evidence = "7723/8037".parse()?;
//! assert_eq!(evidence, Evidence::rate(7_723, 8_037));
//! assert_eq!("#3".parse::<Evidence>()?, Evidence::Count(3));
//! assert_eq!(Evidence::Percent("96.09".parse()?).to_string(), "96.09%");
//!
//! let error = "7723/0x".parse::<Evidence>().unwrap_err();
//! assert_eq!(
//!     error.to_string(),
//!     "cannot read \"7723/0x\" as evidence: the denominator \"0x\" is not a number"
//! );
//!
//! let rule: Rule = "threshold_bands 100%:8 98%:6 zero_denominator=not_applicable".parse()?;
//! assert_eq!(rule.to_string(), "threshold_bands 100%:8 98%:6 zero_denominator=not_applicable");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::error::{Error, ErrorKind};
use crate::rule::{CountBand, Evidence, RateBand, Rule, ZeroDenominator};

/// Texts are cut to this many characters in error messages.
const SHOWN: usize = 72;

fn shown(text: &str) -> String {
    text.chars().take(SHOWN).collect()
}

/// `str::trim`, at once for text that neither begins nor ends with a space, as nearly every
/// cell does: `str::trim` would search both ends through its general char matcher first.
pub(crate) fn trim(text: &str) -> &str {
    // An ASCII byte at either end is a whole character there.
    match text.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        [only] if only.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// Reads a decimal exactly, refusing a comma (a decimal or a thousands separator, depending on
/// the spreadsheet) and anything that would lose digits. The error completes a sentence whose
/// subject is the text: "is not a number".
pub(crate) fn parse_decimal(text: &str) -> Result<Decimal, &'static str> {
    let text = trim(text);
    if text.is_empty() {
        return Err("is empty");
    }
    if text.contains(',') {
        return Err("has a comma; write decimals with a dot and no thousands separator");
    }
    // Only digits, a dot and a sign: `from_str_exact` alone would also take `1_000`.
    // It refuses what does not fit in 28 digits instead of rounding it.
    let plain = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'));
    match Decimal::from_str_exact(text) {
        Ok(value) if plain => Ok(value),
        _ => Err("is not a number"),
    }
}

/// A decimal named in a message: `the denominator "0x" is not a number`.
fn named_decimal(what: &str, text: &str) -> Result<Decimal, String> {
    parse_decimal(text).map_err(|reason| format!("{what} \"{}\" {reason}", shown(text.trim())))
}

/// A decimal that is the whole text: `it is not a number`.
fn whole_decimal(text: &str) -> Result<Decimal, String> {
    parse_decimal(text).map_err(|reason| format!("it {reason}"))
}

fn parse_count(text: &str) -> Result<u64, String> {
    let text = trim(text);
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(count) = text.parse() {
            return Ok(count);
        }
    }
    Err(format!(
        "the count \"{}\" is not a whole number of 0 or more",
        shown(text)
    ))
}

fn parse_flag(text: &str) -> Option<bool> {
    let text = trim(text);
    let is = |word: &str| text.eq_ignore_ascii_case(word);
    if is("yes") || is("true") {
        return Some(true);
    }
    if is("no") || is("false") {
        return Some(false);
    }
    if text.is_ascii() {
        return None;
    }
    // The Vietnamese words need Unicode lowercasing.
    match text.to_lowercase().as_str() {
        "có" => Some(true),
        "không" => Some(false),
        _ => None,
    }
}

fn parse_rate(text: &str) -> Result<Evidence, String> {
    let Some((numerator, denominator)) = text.split_once('/') else {
        return Err(format!(
            "a rate is written part/whole, such as 7723/8037, not \"{}\"",
            shown(text)
        ));
    };
    let numerator = named_decimal("the numerator", numerator)?;
    let denominator = named_decimal("the denominator", denominator)?;
    Ok(Evidence::Rate {
        numerator,
        denominator,
    })
}

fn parse_percent(text: &str) -> Result<Evidence, String> {
    let number = trim(text).strip_suffix('%').unwrap_or(text);
    whole_decimal(number).map(Evidence::Percent)
}

fn parse_kind(kind: &str, rest: &str) -> Result<Evidence, String> {
    match kind {
        "points" => whole_decimal(rest).map(Evidence::Points),
        "flag" => parse_flag(rest)
            .map(Evidence::Flag)
            .ok_or_else(|| format!("a flag is yes or no, not \"{}\"", shown(rest.trim()))),
        "rate" => parse_rate(rest),
        "percent" => parse_percent(rest),
        "count" => parse_count(rest).map(Evidence::Count),
        "value" => whole_decimal(rest).map(Evidence::Value),
        "survey_mean" => whole_decimal(rest).map(Evidence::SurveyMean),
        other => Err(format!(
            "unknown kind \"{}\"; the kinds are points, flag, rate, percent, count, value and survey_mean",
            shown(other)
        )),
    }
}

/// Evidence written as a word, with its kind or behind a mark; `None` for other text.
fn parse_marked(text: &str) -> Option<Result<Evidence, String>> {
    if ["n/a", "na", "not_applicable"]
        .iter()
        .any(|word| text.eq_ignore_ascii_case(word))
    {
        return Some(Ok(Evidence::NotApplicable));
    }
    if let Some(flag) = parse_flag(text) {
        return Some(Ok(Evidence::Flag(flag)));
    }
    if let Some((kind, rest)) = text.split_once(':') {
        let kind = kind.trim().to_lowercase();
        if !kind.is_empty() && kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Some(parse_kind(&kind, rest));
        }
    }
    if let Some(count) = text.strip_prefix('#') {
        return Some(parse_count(count).map(Evidence::Count));
    }
    if let Some(mean) = text.strip_prefix('~') {
        return Some(whole_decimal(mean).map(Evidence::SurveyMean));
    }
    if let Some(points) = text.strip_prefix('=') {
        return Some(whole_decimal(points).map(Evidence::Points));
    }
    None
}

fn parse_evidence(text: &str) -> Result<Evidence, String> {
    let text = trim(text);
    if text.is_empty() {
        return Err("it is empty".to_owned());
    }
    // No word (n/a, yes, có …), kind (`rate:`) or mark (`#`, `~`, `=`) begins with a digit:
    // text that does is a percent, a rate or points, and is read as one at once.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        if let Some(evidence) = parse_marked(text) {
            return evidence;
        }
    }
    if text.ends_with('%') {
        return parse_percent(text);
    }
    if text.contains('/') {
        return parse_rate(text);
    }
    whole_decimal(text).map(Evidence::Points).map_err(|reason| {
        if text.bytes().any(|b| b.is_ascii_digit()) {
            reason
        } else {
            "write a rate (7723/8037), a percent (96.09%), yes or no, a count (#3), a survey \
             mean (~4.12), points (1.5) or n/a"
                .to_owned()
        }
    })
}

impl FromStr for Evidence {
    type Err = Error;

    /// Reads evidence from its compact text form (see the [module docs](crate::text)).
    fn from_str(text: &str) -> Result<Evidence, Error> {
        parse_evidence(text).map_err(|reason| {
            ErrorKind::InvalidEvidence {
                text: shown(text.trim()),
                reason,
            }
            .into()
        })
    }
}

impl fmt::Display for Evidence {
    /// The canonical compact form: `7723/8037`, `96.09%`, `yes`, `#3`, `~4.12`, `1.5`,
    /// `value:2`, `n/a`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::Points(points) => write!(f, "{points}"),
            Evidence::Flag(true) => f.write_str("yes"),
            Evidence::Flag(false) => f.write_str("no"),
            Evidence::Rate {
                numerator,
                denominator,
            } => write!(f, "{numerator}/{denominator}"),
            Evidence::Percent(percent) => write!(f, "{percent}%"),
            Evidence::Count(count) => write!(f, "#{count}"),
            Evidence::Value(value) => write!(f, "value:{value}"),
            Evidence::SurveyMean(mean) => write!(f, "~{mean}"),
            Evidence::NotApplicable => f.write_str("n/a"),
        }
    }
}

/// The text of a zero-denominator policy, as in JSON.
pub(crate) fn zero_denominator_name(policy: ZeroDenominator) -> &'static str {
    match policy {
        ZeroDenominator::Error => "error",
        ZeroDenominator::FullPoints => "full_points",
        ZeroDenominator::ZeroPoints => "zero_points",
        ZeroDenominator::NotApplicable => "not_applicable",
    }
}

fn parse_zero_denominator(text: &str) -> Result<ZeroDenominator, String> {
    match text {
        "error" => Ok(ZeroDenominator::Error),
        "full_points" => Ok(ZeroDenominator::FullPoints),
        "zero_points" => Ok(ZeroDenominator::ZeroPoints),
        "not_applicable" => Ok(ZeroDenominator::NotApplicable),
        other => Err(format!(
            "zero_denominator is error, full_points, zero_points or not_applicable, not \"{}\"",
            shown(other)
        )),
    }
}

/// The parts of a rule's text: `key=value` settings and `threshold:points` bands, in order.
struct RuleArgs<'a> {
    kind: &'a str,
    settings: Vec<(&'a str, &'a str)>,
    bands: Vec<(&'a str, &'a str)>,
}

impl<'a> RuleArgs<'a> {
    fn split(text: &'a str) -> Result<RuleArgs<'a>, String> {
        let mut tokens = text.split_whitespace();
        let kind = tokens.next().unwrap_or("direct");
        let mut settings: Vec<(&str, &str)> = Vec::new();
        let mut keys: HashSet<&str> = HashSet::new();
        let mut bands = Vec::new();
        for token in tokens {
            if let Some((key, value)) = token.split_once('=') {
                if !keys.insert(key) {
                    return Err(format!("{} is set twice", shown(key)));
                }
                settings.push((key, value));
            } else if let Some(band) = token.split_once(':') {
                bands.push(band);
            } else {
                return Err(format!(
                    "\"{}\" is neither a setting (key=value) nor a band (at_least:points)",
                    shown(token)
                ));
            }
        }
        Ok(RuleArgs {
            kind,
            settings,
            bands,
        })
    }

    /// Refuses settings other than `allowed`, and bands unless `banded`.
    fn only(&self, allowed: &[&str], banded: bool) -> Result<(), String> {
        if let Some((key, _)) = self.settings.iter().find(|(k, _)| !allowed.contains(k)) {
            return Err(if allowed.is_empty() {
                format!(
                    "a {} rule takes no setting, but {} is set",
                    self.kind,
                    shown(key)
                )
            } else {
                format!(
                    "a {} rule has no setting {}; its settings are {}",
                    self.kind,
                    shown(key),
                    allowed.join(", ")
                )
            });
        }
        if !banded && !self.bands.is_empty() {
            return Err(format!("a {} rule takes no bands", self.kind));
        }
        if banded && self.bands.is_empty() {
            return Err(format!(
                "a {} rule needs bands, written at_least:points",
                self.kind
            ));
        }
        Ok(())
    }

    fn setting(&self, key: &str) -> Option<&'a str> {
        self.settings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
    }

    fn decimal(&self, key: &str) -> Result<Option<Decimal>, String> {
        self.setting(key)
            .map(|value| named_decimal(key, value))
            .transpose()
    }

    fn required(&self, key: &str) -> Result<Decimal, String> {
        self.decimal(key)?
            .ok_or_else(|| format!("a {} rule needs {key}=…", self.kind))
    }

    fn zero_denominator(&self) -> Result<ZeroDenominator, String> {
        self.setting("zero_denominator")
            .map_or(Ok(ZeroDenominator::Error), parse_zero_denominator)
    }
}

fn parse_rule(text: &str) -> Result<Rule, String> {
    let args = RuleArgs::split(text)?;
    let band_points = |threshold: &str, points: &str| {
        named_decimal(&format!("the points of the band at {threshold}"), points)
    };
    match args.kind {
        "direct" => {
            args.only(&[], false)?;
            Ok(Rule::Direct)
        }
        "yes_no" => {
            args.only(&["points_if_yes"], false)?;
            Ok(Rule::YesNo {
                points_if_yes: args.decimal("points_if_yes")?,
            })
        }
        "proportional" => {
            args.only(&["full_at_percent", "zero_denominator"], false)?;
            Ok(Rule::Proportional {
                full_at_percent: args
                    .decimal("full_at_percent")?
                    .unwrap_or(Decimal::ONE_HUNDRED),
                zero_denominator: args.zero_denominator()?,
            })
        }
        "threshold_bands" => {
            args.only(&["zero_denominator"], true)?;
            let bands = args
                .bands
                .iter()
                .map(|(threshold, points)| {
                    let at_least = threshold.strip_suffix('%').unwrap_or(threshold);
                    Ok(RateBand {
                        at_least: named_decimal("the band threshold", at_least)?,
                        points: band_points(threshold, points)?,
                    })
                })
                .collect::<Result<Vec<_>, String>>()?;
            Ok(Rule::ThresholdBands {
                bands,
                zero_denominator: args.zero_denominator()?,
            })
        }
        "linear" => {
            args.only(&["zero_at", "full_at"], false)?;
            Ok(Rule::Linear {
                zero_at: args.required("zero_at")?,
                full_at: args.required("full_at")?,
            })
        }
        "deduction" => {
            args.only(&["per_violation", "floor"], false)?;
            Ok(Rule::Deduction {
                per_violation: args.required("per_violation")?,
                floor: args.decimal("floor")?.unwrap_or(Decimal::ZERO),
            })
        }
        "survey_mean" => {
            args.only(&["scale_min", "scale_max"], false)?;
            Ok(Rule::SurveyMean {
                scale_min: args.required("scale_min")?,
                scale_max: args.required("scale_max")?,
            })
        }
        "count_bands" => {
            args.only(&[], true)?;
            let bands = args
                .bands
                .iter()
                .map(|(at_least, points)| {
                    Ok(CountBand {
                        at_least: parse_count(at_least)?,
                        points: band_points(at_least, points)?,
                    })
                })
                .collect::<Result<Vec<_>, String>>()?;
            Ok(Rule::CountBands { bands })
        }
        other => Err(format!(
            "unknown kind \"{}\"; the kinds are direct, yes_no, proportional, threshold_bands, \
             linear, deduction, survey_mean and count_bands",
            shown(other)
        )),
    }
}

impl FromStr for Rule {
    type Err = Error;

    /// Reads a rule from its compact text form (see the [module docs](crate::text)); an
    /// empty text is [`Rule::Direct`].
    fn from_str(text: &str) -> Result<Rule, Error> {
        parse_rule(text).map_err(|reason| {
            ErrorKind::InvalidRuleText {
                text: shown(text.trim()),
                reason,
            }
            .into()
        })
    }
}

impl fmt::Display for Rule {
    /// The canonical compact form, defaults left out:
    /// `threshold_bands 100%:8 98%:6 zero_denominator=not_applicable`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind())?;
        let zero = |f: &mut fmt::Formatter<'_>, policy: ZeroDenominator| {
            if policy == ZeroDenominator::Error {
                Ok(())
            } else {
                write!(f, " zero_denominator={}", zero_denominator_name(policy))
            }
        };
        match self {
            Rule::Direct => Ok(()),
            Rule::YesNo { points_if_yes } => match points_if_yes {
                Some(points) => write!(f, " points_if_yes={points}"),
                None => Ok(()),
            },
            Rule::Proportional {
                full_at_percent,
                zero_denominator,
            } => {
                if *full_at_percent != Decimal::ONE_HUNDRED {
                    write!(f, " full_at_percent={full_at_percent}")?;
                }
                zero(f, *zero_denominator)
            }
            Rule::ThresholdBands {
                bands,
                zero_denominator,
            } => {
                for band in bands {
                    write!(f, " {}%:{}", band.at_least, band.points)?;
                }
                zero(f, *zero_denominator)
            }
            Rule::Linear { zero_at, full_at } => {
                write!(f, " zero_at={zero_at} full_at={full_at}")
            }
            Rule::Deduction {
                per_violation,
                floor,
            } => {
                write!(f, " per_violation={per_violation}")?;
                if floor.is_zero() {
                    Ok(())
                } else {
                    write!(f, " floor={floor}")
                }
            }
            Rule::SurveyMean {
                scale_min,
                scale_max,
            } => write!(f, " scale_min={scale_min} scale_max={scale_max}"),
            Rule::CountBands { bands } => {
                for band in bands {
                    write!(f, " {}:{}", band.at_least, band.points)?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[track_caller]
    fn evidence(text: &str) -> Evidence {
        text.parse().unwrap()
    }

    #[track_caller]
    fn evidence_error(text: &str) -> String {
        text.parse::<Evidence>().unwrap_err().to_string()
    }

    #[test]
    fn every_evidence_form_reads_as_documented() {
        let cases = [
            ("7723/8037", Evidence::rate(7_723, 8_037)),
            (" 7723 / 8037 ", Evidence::rate(7_723, 8_037)),
            ("0/0", Evidence::rate(0, 0)),
            (
                "1.5/2",
                Evidence::Rate {
                    numerator: dec!(1.5),
                    denominator: dec!(2),
                },
            ),
            ("96.09%", Evidence::Percent(dec!(96.09))),
            ("104%", Evidence::Percent(dec!(104))),
            ("yes", Evidence::Flag(true)),
            ("No", Evidence::Flag(false)),
            ("TRUE", Evidence::Flag(true)),
            ("có", Evidence::Flag(true)),
            ("Không", Evidence::Flag(false)),
            ("#3", Evidence::Count(3)),
            ("#0", Evidence::Count(0)),
            ("~4.12", Evidence::SurveyMean(dec!(4.12))),
            ("=1.5", Evidence::Points(dec!(1.5))),
            ("1.5", Evidence::Points(dec!(1.5))),
            ("0", Evidence::Points(dec!(0))),
            ("value:2", Evidence::Value(dec!(2))),
            ("n/a", Evidence::NotApplicable),
            ("N/A", Evidence::NotApplicable),
            ("not_applicable", Evidence::NotApplicable),
            ("rate: 5/6", Evidence::rate(5, 6)),
            ("percent:96.09", Evidence::Percent(dec!(96.09))),
            ("PERCENT:96.09%", Evidence::Percent(dec!(96.09))),
            ("flag:yes", Evidence::Flag(true)),
            ("count:3", Evidence::Count(3)),
            ("survey_mean:4.12", Evidence::SurveyMean(dec!(4.12))),
            ("points:2", Evidence::Points(dec!(2))),
        ];
        for (text, expected) in cases {
            assert_eq!(evidence(text), expected, "{text:?}");
        }
    }

    #[test]
    fn evidence_prints_its_canonical_form_and_reads_it_back() {
        let cases = [
            (Evidence::rate(7_723, 8_037), "7723/8037"),
            (Evidence::Percent(dec!(96.090)), "96.090%"),
            (Evidence::Flag(true), "yes"),
            (Evidence::Flag(false), "no"),
            (Evidence::Count(3), "#3"),
            (Evidence::SurveyMean(dec!(4.12)), "~4.12"),
            (Evidence::Points(dec!(1.50)), "1.50"),
            (Evidence::Points(dec!(-1)), "-1"),
            (Evidence::Value(dec!(2)), "value:2"),
            (Evidence::NotApplicable, "n/a"),
        ];
        for (value, text) in cases {
            assert_eq!(value.to_string(), text);
            let back = evidence(text);
            assert_eq!(back, value);
            // The scale survives too: 96.090% stays 96.090%, not 96.09%.
            assert_eq!(back.to_string(), text);
        }
    }

    #[test]
    fn bad_evidence_names_the_text_and_the_reason() {
        let cases = [
            (
                "7723/0x",
                "cannot read \"7723/0x\" as evidence: the denominator \"0x\" is not a number",
            ),
            (
                "x/5",
                "cannot read \"x/5\" as evidence: the numerator \"x\" is not a number",
            ),
            (
                "96,09%",
                "cannot read \"96,09%\" as evidence: it has a comma; write decimals with a dot and no thousands separator",
            ),
            (
                "#-1",
                "cannot read \"#-1\" as evidence: the count \"-1\" is not a whole number of 0 or more",
            ),
            (
                "#2.5",
                "cannot read \"#2.5\" as evidence: the count \"2.5\" is not a whole number of 0 or more",
            ),
            (
                "maybe",
                "cannot read \"maybe\" as evidence: write a rate (7723/8037), a percent (96.09%), yes or no, a count (#3), a survey mean (~4.12), points (1.5) or n/a",
            ),
            (
                "12abc",
                "cannot read \"12abc\" as evidence: it is not a number",
            ),
            ("1e3", "cannot read \"1e3\" as evidence: it is not a number"),
            ("", "cannot read \"\" as evidence: it is empty"),
            (
                "grade:A",
                "cannot read \"grade:A\" as evidence: unknown kind \"grade\"; the kinds are points, flag, rate, percent, count, value and survey_mean",
            ),
            (
                "flag:maybe",
                "cannot read \"flag:maybe\" as evidence: a flag is yes or no, not \"maybe\"",
            ),
            (
                "rate:5",
                "cannot read \"rate:5\" as evidence: a rate is written part/whole, such as 7723/8037, not \"5\"",
            ),
            ("~", "cannot read \"~\" as evidence: it is empty"),
            (
                "99999999999999999999999999999.5",
                "cannot read \"99999999999999999999999999999.5\" as evidence: it is not a number",
            ),
        ];
        for (text, message) in cases {
            assert_eq!(evidence_error(text), message, "{text:?}");
        }
    }

    #[track_caller]
    fn rule(text: &str) -> Rule {
        text.parse().unwrap()
    }

    #[test]
    fn rules_read_their_flattened_json_form() {
        assert_eq!(rule(""), Rule::Direct);
        assert_eq!(rule("direct"), Rule::Direct);
        assert_eq!(rule("yes_no"), Rule::yes_no());
        assert_eq!(
            rule("yes_no points_if_yes=1"),
            Rule::YesNo {
                points_if_yes: Some(dec!(1))
            }
        );
        assert_eq!(rule("proportional"), Rule::proportional());
        assert_eq!(
            rule("proportional full_at_percent=50 zero_denominator=full_points"),
            Rule::Proportional {
                full_at_percent: dec!(50),
                zero_denominator: ZeroDenominator::FullPoints
            }
        );
        assert_eq!(
            rule("threshold_bands 100%:8 98:6   95%:4 zero_denominator=not_applicable"),
            Rule::ThresholdBands {
                bands: vec![
                    RateBand {
                        at_least: dec!(100),
                        points: dec!(8)
                    },
                    RateBand {
                        at_least: dec!(98),
                        points: dec!(6)
                    },
                    RateBand {
                        at_least: dec!(95),
                        points: dec!(4)
                    },
                ],
                zero_denominator: ZeroDenominator::NotApplicable
            }
        );
        assert_eq!(
            rule("linear zero_at=20 full_at=80"),
            Rule::Linear {
                zero_at: dec!(20),
                full_at: dec!(80)
            }
        );
        assert_eq!(
            rule("deduction per_violation=0.5"),
            Rule::Deduction {
                per_violation: dec!(0.5),
                floor: dec!(0)
            }
        );
        assert_eq!(
            rule("survey_mean scale_min=1 scale_max=5"),
            Rule::SurveyMean {
                scale_min: dec!(1),
                scale_max: dec!(5)
            }
        );
        assert_eq!(
            rule("count_bands 4:3 3:2.25"),
            Rule::CountBands {
                bands: vec![
                    CountBand {
                        at_least: 4,
                        points: dec!(3)
                    },
                    CountBand {
                        at_least: 3,
                        points: dec!(2.25)
                    },
                ]
            }
        );
    }

    #[test]
    fn rules_print_their_canonical_form_and_read_it_back() {
        for text in [
            "direct",
            "yes_no",
            "yes_no points_if_yes=1",
            "proportional",
            "proportional full_at_percent=50 zero_denominator=full_points",
            "proportional zero_denominator=zero_points",
            "threshold_bands 100%:8 98%:6 95%:4 90%:2 zero_denominator=not_applicable",
            "threshold_bands 100%:1",
            "linear zero_at=3 full_at=0",
            "deduction per_violation=0.25",
            "deduction per_violation=1 floor=0.5",
            "survey_mean scale_min=1 scale_max=5",
            "count_bands 4:3 3:2.25 2:1.5 1:0.75",
        ] {
            assert_eq!(rule(text).to_string(), text);
        }
    }

    #[test]
    fn bad_rules_name_the_text_and_the_reason() {
        let cases = [
            (
                "bands 100:1",
                "cannot read rule \"bands 100:1\": unknown kind \"bands\"; the kinds are direct, yes_no, proportional, threshold_bands, linear, deduction, survey_mean and count_bands",
            ),
            (
                "linear zero_at=20",
                "cannot read rule \"linear zero_at=20\": a linear rule needs full_at=…",
            ),
            (
                "linear zero_at=20 full_at=80 floor=1",
                "cannot read rule \"linear zero_at=20 full_at=80 floor=1\": a linear rule has no setting floor; its settings are zero_at, full_at",
            ),
            (
                "direct floor=1",
                "cannot read rule \"direct floor=1\": a direct rule takes no setting, but floor is set",
            ),
            (
                "threshold_bands",
                "cannot read rule \"threshold_bands\": a threshold_bands rule needs bands, written at_least:points",
            ),
            (
                "yes_no 1:1",
                "cannot read rule \"yes_no 1:1\": a yes_no rule takes no bands",
            ),
            (
                "threshold_bands 100%:x",
                "cannot read rule \"threshold_bands 100%:x\": the points of the band at 100% \"x\" is not a number",
            ),
            (
                "count_bands 2.5:1",
                "cannot read rule \"count_bands 2.5:1\": the count \"2.5\" is not a whole number of 0 or more",
            ),
            (
                "proportional zero_denominator=never",
                "cannot read rule \"proportional zero_denominator=never\": zero_denominator is error, full_points, zero_points or not_applicable, not \"never\"",
            ),
            (
                "deduction per_violation=1 per_violation=2",
                "cannot read rule \"deduction per_violation=1 per_violation=2\": per_violation is set twice",
            ),
            (
                "deduction 0.5",
                "cannot read rule \"deduction 0.5\": \"0.5\" is neither a setting (key=value) nor a band (at_least:points)",
            ),
            (
                "deduction per_violation=0,5",
                "cannot read rule \"deduction per_violation=0,5\": per_violation \"0,5\" has a comma; write decimals with a dot and no thousands separator",
            ),
        ];
        for (text, message) in cases {
            assert_eq!(text.parse::<Rule>().unwrap_err().to_string(), message);
        }
    }
}
