//! Node codes such as `3.2.1`, and the level a node sits at.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use smol_str::SmolStr;

use crate::error::{Error, ErrorKind};

/// The longest code accepted, in bytes.
pub const MAX_CODE_LEN: usize = 64;

/// The code of a framework node: dot-separated segments of ASCII letters and digits.
///
/// Official annexes number their nodes `3`, `3.2`, `3.2.1`; some use letters or Roman
/// numerals (`II.5`, `5.1.a`). A code is an identifier only: where a node sits in the tree is
/// declared by its parent, not inferred from the code, because real annexes do not always
/// number children as extensions of their parent.
///
/// Codes print back exactly as they were parsed and order naturally: numeric segments compare
/// as numbers, so `3.10` comes after `3.9`.
///
/// # Examples
///
/// ```
/// use par_index::Code;
///
/// let code: Code = "3.2.1".parse()?;
/// assert_eq!(code.to_string(), "3.2.1");
/// assert_eq!(code.segments().count(), 3);
/// assert!("3.9".parse::<Code>()? < "3.10".parse::<Code>()?);
/// assert!("3..1".parse::<Code>().is_err());
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Code(SmolStr);

impl Code {
    /// Parses a code; the same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidCode`] when the text is empty, longer than [`MAX_CODE_LEN`], has an
    /// empty segment or a character other than an ASCII letter, digit or dot.
    pub fn new(text: &str) -> Result<Code, Error> {
        text.parse()
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The dot-separated segments.
    pub fn segments(&self) -> impl Iterator<Item = &str> + '_ {
        self.0.split('.')
    }
}

impl FromStr for Code {
    type Err = Error;

    fn from_str(text: &str) -> Result<Code, Error> {
        let invalid = |reason: &'static str| {
            ErrorKind::InvalidCode {
                code: text.chars().take(MAX_CODE_LEN + 8).collect(),
                reason,
            }
            .into()
        };
        if text.is_empty() {
            return Err(invalid("it is empty"));
        }
        if text.len() > MAX_CODE_LEN {
            return Err(invalid("it is longer than 64 bytes"));
        }
        for segment in text.split('.') {
            if segment.is_empty() {
                return Err(invalid("it has an empty segment"));
            }
            if !segment.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(invalid(
                    "segments may hold only ASCII letters and digits, separated by dots",
                ));
            }
        }
        Ok(Code(SmolStr::new(text)))
    }
}

impl TryFrom<&str> for Code {
    type Error = Error;

    fn try_from(text: &str) -> Result<Code, Error> {
        text.parse()
    }
}

/// A code reads as its text, so that lookups take a `Code` or a `&str` alike.
impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code({:?})", self.0.as_str())
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Code) -> Ordering {
        let mut left = self.segments();
        let mut right = other.segments();
        loop {
            match (left.next(), right.next()) {
                (None, None) => return Ordering::Equal,
                (None, Some(_)) => return Ordering::Less,
                (Some(_), None) => return Ordering::Greater,
                (Some(a), Some(b)) => {
                    let ordering = compare_segments(a, b);
                    if ordering != Ordering::Equal {
                        return ordering;
                    }
                }
            }
        }
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Numeric segments compare by value (leading zeros aside), then as text so that the
/// order stays total and consistent with equality.
fn compare_segments(a: &str, b: &str) -> Ordering {
    let numeric = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if numeric(a) && numeric(b) {
        let (ta, tb) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
        ta.len()
            .cmp(&tb.len())
            .then_with(|| ta.cmp(tb))
            .then_with(|| a.cmp(b))
    } else {
        a.cmp(b)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// How deep a node sits: domain (lĩnh vực), criterion (tiêu chí) or sub-criterion
/// (tiêu chí thành phần).
///
/// Annexes that nest deeper than three levels (Hải Phòng's heads' scorecard has
/// `II → II.5 → 5.1 → 5.1.a`) call everything below the criterion a sub-criterion.
///
/// # Examples
///
/// ```
/// use par_index::code::Level;
/// use par_index::Framework;
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("3", "Cải cách thủ tục hành chính", 6.into())
///     .child("3", "3.2", "Giải quyết hồ sơ", 6.into())
///     .child("3.2", "3.2.1", "Hồ sơ đúng hạn", 6.into())
///     .build()?;
/// assert_eq!(framework.node("3").unwrap().level(), Level::Domain);
/// assert_eq!(framework.node("3.2.1").unwrap().level(), Level::SubCriterion);
/// assert_eq!(Level::at_depth(2), Level::Criterion);
/// assert_eq!(Level::SubCriterion.to_string(), "sub-criterion");
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Level {
    /// Depth 1: lĩnh vực.
    Domain,
    /// Depth 2: tiêu chí.
    Criterion,
    /// Depth 3 and below: tiêu chí thành phần.
    SubCriterion,
}

impl Level {
    /// The level of a node at `depth` (1 for a domain).
    pub fn at_depth(depth: usize) -> Level {
        match depth {
            0 | 1 => Level::Domain,
            2 => Level::Criterion,
            _ => Level::SubCriterion,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Domain => "domain",
            Level::Criterion => "criterion",
            Level::SubCriterion => "sub-criterion",
        })
    }
}

/// A node named in a message: its level and code, printed as `sub-criterion 3.2.1`.
///
/// # Examples
///
/// ```
/// use par_index::code::{Level, NodeRef};
/// use par_index::Framework;
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("3", "Cải cách thủ tục hành chính", 6.into())
///     .child("3", "3.2", "Giải quyết hồ sơ", 6.into())
///     .build()?;
/// let node = framework.node("3.2").unwrap().node_ref();
/// assert_eq!(node, NodeRef { level: Level::Criterion, code: "3.2".parse()? });
/// assert_eq!(node.to_string(), "criterion 3.2");
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NodeRef {
    /// The node's level.
    pub level: Level,
    /// The node's code.
    pub code: Code,
}

impl fmt::Display for NodeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.level, self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_text() {
        for text in ["1", "3.2.1", "II.5", "5.1.a", "0.01", "A1.b2.C3"] {
            assert_eq!(text.parse::<Code>().unwrap().to_string(), text);
        }
        assert_eq!(
            format!("{:?}", "3.2.1".parse::<Code>().unwrap()),
            "Code(\"3.2.1\")"
        );
    }

    #[test]
    fn bad_codes_name_the_text_and_the_reason() {
        let cases = [
            ("", "invalid node code \"\": it is empty"),
            (
                "3..1",
                "invalid node code \"3..1\": it has an empty segment",
            ),
            (".3", "invalid node code \".3\": it has an empty segment"),
            ("3.", "invalid node code \"3.\": it has an empty segment"),
            (
                "3.2 1",
                "invalid node code \"3.2 1\": segments may hold only ASCII letters and digits, separated by dots",
            ),
            (
                "3.đ",
                "invalid node code \"3.đ\": segments may hold only ASCII letters and digits, separated by dots",
            ),
        ];
        for (text, message) in cases {
            assert_eq!(text.parse::<Code>().unwrap_err().to_string(), message);
        }
        // 64 bytes is the longest code; one more is refused, and a long text is echoed only
        // up to 72 characters.
        let longest = "1.".repeat(31) + "12";
        assert_eq!(longest.len(), MAX_CODE_LEN);
        assert_eq!(longest.parse::<Code>().unwrap().as_str(), longest);
        let over = longest.clone() + "3";
        assert_eq!(
            over.parse::<Code>().unwrap_err().to_string(),
            format!("invalid node code \"{over}\": it is longer than 64 bytes")
        );
        let long = "1.".repeat(100) + "1";
        assert_eq!(
            long.parse::<Code>().unwrap_err().to_string(),
            format!(
                "invalid node code \"{}\": it is longer than 64 bytes",
                &long[..72]
            )
        );
    }

    #[test]
    fn numeric_segments_order_by_value() {
        let mut codes: Vec<Code> = ["3.10", "3.9", "3", "10", "3.2.1", "3.a", "03.1"]
            .iter()
            .map(|c| c.parse().unwrap())
            .collect();
        codes.sort();
        let sorted: Vec<String> = codes.iter().map(Code::to_string).collect();
        assert_eq!(sorted, ["03.1", "3", "3.2.1", "3.9", "3.10", "3.a", "10"]);
    }

    #[test]
    fn levels_follow_depth() {
        assert_eq!(Level::at_depth(1), Level::Domain);
        assert_eq!(Level::at_depth(2), Level::Criterion);
        assert_eq!(Level::at_depth(3), Level::SubCriterion);
        assert_eq!(Level::at_depth(4).to_string(), "sub-criterion");
    }
}
