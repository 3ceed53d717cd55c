//! Identifiers that people type and spreadsheets carry: unit ids and agency codes.
//!
//! The same Vietnamese name can be typed in two Unicode forms: `Phường` with `ư` and `ờ` as
//! single characters (composed, NFC, as Vietnamese keyboards and most files write it) or as a
//! letter followed by combining marks (decomposed, NFD, as some macOS tools write it). The two
//! look the same but compare unequal, so a unit typed once each way would be two units. Unit
//! ids are therefore brought to NFC where they enter the library:
//! [`Assessment::new`](crate::Assessment::new) and an assessment read from JSON or CSV.
//!
//! What cannot be seen cannot be checked by the person reading a report, so a unit id or an
//! agency code may not hold control characters (a tab, a line break, an escape), zero-width
//! characters (U+200B zero-width space, U+FEFF byte-order mark …) or bidirectional formatting
//! characters (U+202E right-to-left override …), nor begin or end with a space: such an
//! identifier is an [`ErrorKind::InvalidIdentifier`], refused by the CSV reader with its line
//! and column, by the JSON reader, by [`Framework::score`](crate::Framework::score) and by
//! [`Accountability::new`](crate::accountability::Accountability::new). Node codes need no
//! such care: they are ASCII letters, digits and dots, and anything else is refused when a
//! code is read ([`Code`](crate::Code)).
//!
//! ```
//! use par_index::identifier::{Identifier, check};
//!
//! // Decomposed text comes back composed.
//! assert_eq!(check(Identifier::Unit, "Phu\u{31b}o\u{31b}\u{300}ng")?, "Phường");
//! let error = check(Identifier::Unit, "minh\u{200b}an").unwrap_err();
//! assert_eq!(
//!     error.to_string(),
//!     "invalid unit id \"minh\\u{200b}an\": it holds U+200B, a control, zero-width or \
//!      bidirectional formatting character, which cannot be seen"
//! );
//! # Ok::<(), par_index::Error>(())
//! ```

use std::borrow::Cow;
use std::fmt;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::error::{Error, ErrorKind};

/// What an identifier identifies, as its error names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Identifier {
    /// A unit's id: `unit id`.
    Unit,
    /// An agency's code: `agency code`.
    Agency,
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Identifier::Unit => "unit id",
            Identifier::Agency => "agency code",
        })
    }
}

/// The text in NFC, borrowed when it already is (as Vietnamese text nearly always is).
pub fn nfc(text: &str) -> Cow<'_, str> {
    // ASCII text is in every normal form; most ids are ASCII (`minh-an`).
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// A character that cannot be seen: a control character, a zero-width or bidirectional
/// formatting character (Unicode's format category), or a line or paragraph separator.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{0600}'..='\u{0605}'
                | '\u{061C}'
                | '\u{06DD}'
                | '\u{070F}'
                | '\u{0890}'..='\u{0891}'
                | '\u{08E2}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0001}'
                | '\u{E0020}'..='\u{E007F}'
        )
}

/// The identifier in NFC, after checking that it holds nothing that cannot be seen and no
/// space at either end. An empty identifier passes: the callers refuse it with their own
/// error ([`ErrorKind::EmptyUnit`], [`ErrorKind::EmptyAgencyCode`]).
///
/// # Errors
///
/// [`ErrorKind::InvalidIdentifier`].
pub fn check(what: Identifier, text: &str) -> Result<Cow<'_, str>, Error> {
    let invalid = |reason: String| -> Error {
        ErrorKind::InvalidIdentifier {
            what,
            text: text.chars().take(72).collect(),
            reason,
        }
        .into()
    };
    // The only invisible ASCII characters are the controls: a printable ASCII id (the usual
    // `minh-an`) is checked byte by byte rather than against every range of `is_invisible`.
    let printable_ascii = text.bytes().all(|b| b.is_ascii_graphic() || b == b' ');
    let invisible = if printable_ascii {
        None
    } else {
        text.chars().find(|c| is_invisible(*c))
    };
    if let Some(c) = invisible {
        return Err(invalid(format!(
            "it holds U+{:04X}, a control, zero-width or bidirectional formatting character, which cannot be seen",
            u32::from(c)
        )));
    }
    if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
        return Err(invalid("it begins or ends with a space".to_owned()));
    }
    Ok(nfc(text))
}

/// Reads an identifier from serde, checked and in NFC.
#[cfg(feature = "serde")]
pub(crate) fn deserialize_unit<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    let text = <Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
    check(Identifier::Unit, &text)
        .map(Cow::into_owned)
        .map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_and_padded_identifiers_are_refused() {
        for text in [
            "a\u{202E}b",
            "a\tb",
            "\u{FEFF}a",
            "a\u{2060}",
            "a\nb",
            " a",
            "a ",
        ] {
            assert!(check(Identifier::Unit, text).is_err(), "{text:?}");
        }
        assert_eq!(check(Identifier::Agency, "Sở Nội vụ").unwrap(), "Sở Nội vụ");
    }
}
