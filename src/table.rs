//! Plain-text tables with aligned columns.
//!
//! Widths count characters, not bytes, so Vietnamese names (`Quảng Ninh` is 10 characters
//! but 13 bytes) line up. Text is expected in composed form (NFC), as Vietnamese text
//! normally is; a decomposed accent would count as a character of its own.
//!
//! A cell is printed through [`visible`]: a line break in a unit's name cannot start a row
//! of its own, and an escape sequence cannot reach the terminal.

use std::borrow::Cow;
use std::fmt::Write;

use crate::identifier::is_invisible;

/// The text with every control, zero-width and bidirectional formatting character written as
/// an escape (`\n`, `\u{1b}`, `\u{202e}`), so that what is printed is what is there: a name
/// cannot forge a row of a table or send a terminal an escape sequence.
pub(crate) fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_invisible) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len().saturating_add(8));
    for c in text.chars() {
        if is_invisible(c) {
            shown.extend(c.escape_debug());
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// How a column's cells are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

/// A table: a header row, then rows of cells.
#[derive(Debug)]
pub(crate) struct Table {
    columns: Vec<(String, Align)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub(crate) fn new(columns: &[(&str, Align)]) -> Table {
        Table {
            columns: columns
                .iter()
                .map(|(name, align)| ((*name).to_owned(), *align))
                .collect(),
            rows: Vec::new(),
        }
    }

    pub(crate) fn row(&mut self, cells: Vec<String>) {
        let cells = cells
            .into_iter()
            .map(|cell| match visible(&cell) {
                Cow::Borrowed(_) => cell,
                Cow::Owned(shown) => shown,
            })
            .collect();
        self.rows.push(cells);
    }

    /// The table, columns separated by two spaces, each line without trailing spaces.
    pub(crate) fn render(&self) -> String {
        let width = |text: &str| text.chars().count();
        let widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, (name, _))| {
                self.rows
                    .iter()
                    .filter_map(|row| row.get(i))
                    .map(|cell| width(cell))
                    .chain([width(name)])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        let header: Vec<String> = self.columns.iter().map(|(name, _)| name.clone()).collect();
        for row in std::iter::once(&header).chain(&self.rows) {
            let mut line = String::new();
            for (i, ((_, align), column_width)) in self.columns.iter().zip(&widths).enumerate() {
                let cell = row.get(i).map(String::as_str).unwrap_or("");
                let pad = column_width.saturating_sub(width(cell));
                if i > 0 {
                    line.push_str("  ");
                }
                // Writing to a String cannot fail.
                let _ = match align {
                    Align::Left => write!(line, "{cell}{:pad$}", ""),
                    Align::Right => write!(line, "{:pad$}{cell}", ""),
                };
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_by_characters_not_bytes() {
        let mut table = Table::new(&[
            ("Rank", Align::Right),
            ("Unit", Align::Left),
            ("Index", Align::Right),
        ]);
        table.row(vec!["1".into(), "Quảng Ninh".into(), "92.18".into()]);
        table.row(vec![
            "10".into(),
            "Bà Rịa - Vũng Tàu".into(),
            "91.03".into(),
        ]);
        table.row(vec!["3".into(), "Hà Nội".into(), "".into()]);
        assert_eq!(
            table.render(),
            "Rank  Unit               Index\n\
             \x20  1  Quảng Ninh         92.18\n\
             \x20 10  Bà Rịa - Vũng Tàu  91.03\n\
             \x20  3  Hà Nội\n"
        );
    }

    #[test]
    fn line_breaks_and_escapes_in_a_name_are_shown_not_obeyed() {
        let mut table = Table::new(&[("Rank", Align::Right), ("Unit", Align::Left)]);
        table.row(vec!["2".into(), "X\n   1  Forged\u{1b}[2J\u{202e}".into()]);
        assert_eq!(
            table.render(),
            "Rank  Unit\n   2  X\\n   1  Forged\\u{1b}[2J\\u{202e}\n"
        );
        assert_eq!(visible("Phường Minh An"), "Phường Minh An");
    }
}
