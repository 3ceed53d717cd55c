//! Cells a spreadsheet would run as formulas, and how they are written so that it does not.
//!
//! Excel, LibreOffice Calc and Google Sheets take a cell that begins with `=`, `+`, `-` or `@`
//! as a formula, and some strip a leading tab or carriage return before deciding; a unit
//! named `=HYPERLINK("http://…","Click")` would open as a live link. Following OWASP's advice
//! on CSV injection, such a cell is written with an apostrophe in front (`'=HYPERLINK(…)`),
//! which spreadsheets show as text. Numbers are left as they are: `-1.62` is a number, not a
//! formula.
//!
//! The library's readers take the apostrophe off again, so what is written reads back
//! equal. To keep that exact for text that itself begins with an apostrophe before one of
//! those characters (`'=x`), such text gets a second apostrophe too.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
fn is_trigger(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// A number as the library writes one, with an optional sign and percent sign: `-1.62`,
/// `+3`, `55.80%`. Spreadsheets read it as a number, never as a formula.
fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let digits = digits.strip_suffix('%').unwrap_or(digits);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the readers would take a leading apostrophe off this text.
fn looks_escaped(text: &str) -> bool {
    text.strip_prefix('\'')
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c == '\'' || is_trigger(c))
}

/// The cell as written: with an apostrophe in front when a spreadsheet would run it, or when
/// the readers would otherwise take off an apostrophe of its own.
pub(crate) fn escape(cell: &str) -> Cow<'_, str> {
    let runs = cell.chars().next().is_some_and(is_trigger) && !is_number(cell);
    if runs || looks_escaped(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell as read: without the apostrophe [`escape`] put in front.
pub(crate) fn unescape(cell: &str) -> &str {
    if looks_escaped(cell) {
        cell.get(1..).unwrap_or(cell)
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_escaped_and_numbers_are_not() {
        for (cell, written) in [
            ("=1+1", "'=1+1"),
            ("+84 235", "'+84 235"),
            ("-", "'-"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-1.62", "-1.62"),
            ("+3", "+3"),
            ("-55.80%", "-55.80%"),
            ("-1.", "'-1."),
            ("Phường Minh An", "Phường Minh An"),
            ("'=x", "''=x"),
            ("''", "'''"),
            ("'a", "'a"),
            ("", ""),
        ] {
            assert_eq!(escape(cell), written, "{cell:?}");
            assert_eq!(unescape(&escape(cell)), cell, "{cell:?}");
        }
    }
}
