//! Plain-text tables with aligned columns.
//!
//! Widths count characters, not bytes, so Vietnamese names (`Quảng Ninh` is 10 characters
//! but 13 bytes) line up. Text is expected in composed form (NFC), as Vietnamese text
//! normally is; a decomposed accent would count as a character of its own.

use std::fmt::Write;

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
}
