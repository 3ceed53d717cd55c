//! CSV in and out (feature `csv`): assessments and frameworks read from spreadsheets;
//! rankings, comparisons and published scorecards written for them.
//!
//! # Reading assessments
//!
//! [`AssessmentReader`] reads the assessments of one framework. A table whose header has a
//! `code` column is in **long form**, one row per unit and leaf; any other table is in
//! **wide form**, one row per unit. Header names are matched exactly (after trimming spaces).
//!
//! Wide form:
//!
//! | column | required | holds |
//! |---|---|---|
//! | `unit` | yes | the unit's identifier |
//! | `unit_name` | no | its name for people |
//! | `period` | no | the period (`2021-H1`); else the reader's [`period`](AssessmentReader::period) |
//! | one per leaf code (`1.1`, `3.2.1` …) | – | the leaf's evidence in the [compact syntax](crate::text); an empty cell is no input |
//!
//! ```text
//! unit,unit_name,1.1,3.1,3.5,8.1
//! minh-an,Phường Minh An,yes,690/702,55.8%,~4.86
//! cam-kim,Xã Cẩm Kim,no,n/a,#3,~4.66
//! ```
//!
//! Long form:
//!
//! | column | required | holds |
//! |---|---|---|
//! | `unit` | yes | the unit's identifier |
//! | `code` | yes | a leaf's code; `adjustment` for a bonus or deduction; empty for a unit with no input at all |
//! | `value` | yes | the evidence in the [compact syntax](crate::text); for an adjustment, its signed points (`-0.5`) |
//! | `unit_name`, `period` | no | as in wide form |
//! | `self_assessed`, `appraised` | no | points (`1.5`) |
//! | `note` | no | the entry's note; for an adjustment, its label |
//! | `evidence_refs` | no | evidence references, one per line of the cell |
//! | `reason` | no | for an adjustment only: why it was given |
//!
//! Rows of one unit and period make one [`Assessment`], in the order of their first row; they
//! come one after another, so a unit and period whose rows appear again after another unit's
//! is two assessments of one unit in one file, an error naming both places. Nothing is
//! skipped silently: an unknown column, a code the framework does not have or that is not a
//! leaf, a unit or leaf given twice, or a cell that does not read is an error naming the
//! file, the line and the column, e.g.
//! `assessments.csv line 7, column "3.2.1": cannot read "7723/0x" as evidence: the denominator "0x" is not a number`.
//! Rows whose cells are all empty are ignored, as spreadsheets leave them at the end.
//!
//! Every value is checked against the framework as it is read, as scoring would check it:
//! points above the leaf's maximum, a rate's part above its whole, a percent above 100,
//! evidence of a kind the leaf's rule does not use. The error then names the line and the
//! column, not just the unit.
//!
//! What is read is kept exactly:
//!
//! - **Unit ids** are brought to NFC (a Vietnamese name typed decomposed is the same unit as
//!   the same name composed) and may not hold control, zero-width or bidirectional
//!   characters, nor begin or end with a space: such an id is refused, not trimmed (see
//!   [`crate::identifier`]).
//! - **Text** (unit names, notes, adjustments' labels and reasons) is kept as it is, spaces
//!   and line breaks included. **Evidence references** are one per line of their cell, each
//!   kept as it is; blank lines hold none.
//! - Numbers, evidence, periods and codes are read without the spaces around them, which
//!   mean nothing there.
//! - A leading apostrophe that the writers put before text a spreadsheet would run (see
//!   below) is taken off again.
//!
//! Codes `unit`, `period` and `adjustment` (in any case) are reserved for these tables, and a
//! framework refuses them when it is built ([`crate::framework::RESERVED_CODES`]), so a
//! leaf's column or row can never be taken for the unit's, the period's or an adjustment.
//!
//! Lines may end with `\n`, `\r\n` or a lone `\r` (old Mac exports): each counts as one line
//! in messages. The text must be UTF-8 (Excel: "CSV UTF-8"). Cells are separated by commas
//! unless the reader is given another delimiter: Excel in a Vietnamese locale saves "CSV"
//! with semicolons, and a one-column header holding `;` is refused with that hint
//! ([`AssessmentReader::delimiter`]). Reading takes time linear in the size of the table.
//!
//! # Reading frameworks
//!
//! [`FrameworkReader`] reads a framework's nodes, one row per node:
//!
//! | column | required | holds |
//! |---|---|---|
//! | `code` | yes | the node's code |
//! | `parent` | no | the parent's code; empty for a domain |
//! | `max_points` | yes | maximum points |
//! | `level` | no | checked against the tree: `domain`, `criterion`, `sub-criterion` (or `lĩnh vực`, `tiêu chí`, `tiêu chí thành phần`), or the depth `1`, `2`, `3` … |
//! | `name_vi`, `name_en` | no | names |
//! | `method` | no | `appraisal` (default), `leader_survey`, `citizen_survey`, `survey`, `statistics` |
//! | `rule` | no | leaves only: the rule in the [compact syntax](crate::text), e.g. `threshold_bands 100%:8 98%:6`; empty is `direct` |
//! | `weight` | no | the weight under a `weighted_mean` parent |
//! | `optional` | no | `yes` when a unit may report the leaf not applicable |
//! | `combine`, `when_not_applicable` | no | parents only: `sum` / `weighted_mean`, `drop_maximum` / `rescale` |
//!
//! The minimal shape `code,parent,level,max_points` is enough. What a table cannot hold (the
//! framework's id, title, sources and declared total) is given to the reader; the total
//! defaults to the sum of the domains' maxima.
//!
//! # Writing
//!
//! [`write_ranking`], [`write_comparison`], [`write_scorecards`], [`write_accountability`],
//! [`write_trend`], [`write_trend_heads`], [`write_assessments`] and [`write_framework`]
//! write one header row, then one row per unit (or head, or entry, or node, or unit and
//! period). The header row holds short machine-readable names by default (`rank`, `unit`,
//! `index`, `1 points`), which the readers, scripts and existing files depend on;
//! [`WriteOptions::with_headers`] with [`Headers::Human`] writes headings for people
//! instead, in Vietnamese or English, with the official terms (`Xếp hạng`, `Đơn vị`,
//! `Chỉ số CCHC`, `Xếp loại`, `Lĩnh vực 1: điểm đạt` …). The readers take machine names
//! only, so a file for people is not read back. Text
//! is UTF-8 with Vietnamese diacritics as they are; decimals are written with a dot and the
//! published number of places (`93.31`, never `93,31` or `9.331E1`); a cell that does not
//! apply is empty, or `n/a` for a node that does not apply to a unit. Excel guesses the
//! encoding of a CSV file from its first bytes: [`WriteOptions::excel`] starts the file with
//! a UTF-8 byte-order mark and ends rows with CRLF, so that `Phường Cẩm Phô` does not open as
//! `PhÆ°á»ng`. The readers skip a byte-order mark.
//!
//! In Excel, cells such as `5/6` or `1.2` may be turned into dates when a CSV file is opened
//! by double-clicking; import it as text (Data → From Text/CSV) or write evidence with its
//! kind (`rate:5/6`), which no spreadsheet reinterprets.
//!
//! **Safe to open.** A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and
//! some strip a leading tab or carriage return first) as a formula: a unit named
//! `=HYPERLINK("http://…","Click")` would open as a live link. Every writer puts an
//! apostrophe before such text (`'=HYPERLINK(…)`), as OWASP's advice on CSV injection says,
//! so that it opens as text; numbers such as `-1.62` are left as they are. This is on by
//! default and in [`WriteOptions::excel`]; [`WriteOptions::escape_formulas`] turns it off for
//! a consumer that reads the file as data only. The readers take the apostrophe off again:
//! what [`write_assessments`] and [`write_framework`] write reads back equal.
//!
//! # Examples
//!
//! ```
//! use par_index::csv::{AssessmentReader, WriteOptions, write_ranking};
//! use par_index::{Cohort, Framework, Rule};
//! use rust_decimal::Decimal;
//!
//! let framework = Framework::builder("ward-demo", "Ward index (illustrative)")
//!     .total_points(Decimal::from(10))
//!     .domain("1", "Cải cách thủ tục hành chính", Decimal::from(10))
//!     .child("1", "1.1", "Hồ sơ giải quyết đúng hạn", Decimal::from(8))
//!     .rule(Rule::proportional())
//!     .child("1", "1.2", "Niêm yết thủ tục", Decimal::from(2))
//!     .rule(Rule::yes_no())
//!     .build()?;
//!
//! let table = "unit,unit_name,1.1,1.2\n\
//!              minh-an,Phường Minh An,690/702,yes\n\
//!              cam-kim,Xã Cẩm Kim,214/214,no\n";
//! let assessments = AssessmentReader::new(&framework)
//!     .period("2021-H1".parse()?)
//!     .file_name("wards.csv")
//!     .read(table.as_bytes())?;
//! let scorecards = assessments
//!     .iter()
//!     .map(|a| framework.score(a))
//!     .collect::<Result<Vec<_>, _>>()?;
//! let ranking = Cohort::new(&framework, scorecards)?.rank()?;
//!
//! let mut out = Vec::new();
//! write_ranking(&mut out, &ranking, &WriteOptions::default())?;
//! assert_eq!(String::from_utf8(out)?, "\
//! rank,unit,unit_name,index,1 points,1 percent,1 rank
//! 1,minh-an,Phường Minh An,98.63,9.86,98.63,1
//! 2,cam-kim,Xã Cẩm Kim,80.00,8.00,80.00,2
//! ");
//!
//! let bad = "unit,1.1\nminh-an,690/7o2\n";
//! let error = AssessmentReader::new(&framework)
//!     .period("2021".parse()?)
//!     .file_name("wards.csv")
//!     .read(bad.as_bytes())
//!     .unwrap_err();
//! assert_eq!(
//!     error.to_string(),
//!     "wards.csv line 2, column \"1.1\": cannot read \"690/7o2\" as evidence: the denominator \"7o2\" is not a number"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::path::Path;

use rust_decimal::Decimal;

use crate::accountability::AccountabilityReport;
use crate::assessment::{Adjustment, Assessment, Entry, Period};
use crate::code::{Code, Level};
use crate::cohort::Cohort;
use crate::comparison::{Comparison, RankChange};
use crate::error::{Error, ErrorKind, Expected, IoAction, PointsKind, Quantity};
use crate::exact::Exact;
use crate::figure::Figure;
use crate::framework::{
    Combine, Framework, FrameworkInfo, FrameworkSpec, Method, Node, NodeSpec, NotApplicablePolicy,
};
use crate::ranking::{Rank, Ranking};
use crate::rounding::RoundingPolicy;
use crate::rule::Evidence;
use crate::scorecard::PublishedScorecard;
use crate::text::{parse_decimal, trim};
use crate::trend::Trend;

mod formula;

use crate::identifier::{Identifier, check};
use crate::language::{Language, Term};
use formula::{escape, unescape};

/// The code cell of a long-form row that holds an adjustment.
const ADJUSTMENT: &str = "adjustment";

/// A table being read: its header, then its non-blank rows one at a time, each with the line
/// it starts on. Rows are read into one record, reused, so that reading allocates nothing
/// per row.
struct Sheet<'t> {
    file: Option<String>,
    headers: Vec<String>,
    /// Each non-empty header's column.
    positions: HashMap<String, usize>,
    /// The columns without a header.
    blank_columns: Vec<usize>,
    reader: ::csv::Reader<&'t [u8]>,
    /// The text, to find a row's line when a message needs it.
    text: &'t [u8],
    /// The row read last.
    record: ::csv::ByteRecord,
}

/// The whole of an input, to number its lines (the csv crate's positions count a record's
/// start from the blank lines before it, and count a lone `\r` as no line end).
fn read_all<R: io::Read>(mut input: R, file: Option<&str>) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes).map_err(|e| {
        let path = file.unwrap_or("the table").to_owned();
        Error::io(IoAction::Read, path, e)
    })?;
    Ok(bytes)
}

impl<'t> Sheet<'t> {
    fn read(text: &'t [u8], file: Option<&str>, delimiter: u8) -> Result<Sheet<'t>, Error> {
        let file = file.map(str::to_owned);
        let mut lines = LineCounter::new(text);
        // Checked whole, once: a cell of valid text split at ASCII separators is valid text.
        if let Err(error) = std::str::from_utf8(text) {
            return Err(ErrorKind::BadRow {
                file,
                line: lines.line_at(error.valid_up_to()),
                reason: "the row is not UTF-8 text; save the file as CSV UTF-8".to_owned(),
            }
            .into());
        }
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .delimiter(delimiter)
            .from_reader(text);
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| csv_error(e, file.as_deref(), &mut lines, None))?
            .iter()
            .map(|h| unescape(h.trim()).to_owned())
            .collect();
        if let [only] = headers.as_slice() {
            let other = if delimiter == b';' { ',' } else { ';' };
            if only.contains(other) {
                return Err(ErrorKind::BadColumn {
                    file,
                    column: only.chars().take(72).collect(),
                    reason: separator_hint(other),
                }
                .into());
            }
        }
        let mut positions = HashMap::with_capacity(headers.len());
        for (i, header) in headers.iter().enumerate() {
            if !header.is_empty() && positions.insert(header.clone(), i).is_some() {
                return Err(ErrorKind::BadColumn {
                    file,
                    column: header.clone(),
                    reason: "the column is given twice".to_owned(),
                }
                .into());
            }
        }
        let blank_columns = (0..headers.len())
            .filter(|i| headers.get(*i).is_some_and(String::is_empty))
            .collect();
        Ok(Sheet {
            file,
            headers,
            positions,
            blank_columns,
            reader,
            text,
            record: ::csv::ByteRecord::new(),
        })
    }

    /// Reads the next row that is not blank into [`record`](Sheet::record); where it
    /// starts, or `None` at the end. Rows whose cells are all empty are skipped, as
    /// spreadsheets leave them at the end.
    fn next_row(&mut self) -> Result<Option<Row>, Error> {
        loop {
            match self.reader.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => return Ok(None),
                Err(e) => {
                    return Err(csv_error(
                        e,
                        self.file.as_deref(),
                        &mut LineCounter::new(self.text),
                        Some(&self.headers),
                    ));
                }
            }
            if !self.record.iter().all(|cell| cell.trim_ascii().is_empty()) {
                return Ok(Some(Row(self.record.position().map_or(0, |p| p.byte()))));
            }
        }
    }

    /// The text of the row read last, checked as UTF-8 once for all its cells.
    fn row_text(&self) -> Result<RowText<'_>, Error> {
        // Its cells back to back: each is text split from the checked table at ASCII
        // separators and quotes, so the whole is text, and each cell a slice of it.
        match std::str::from_utf8(self.record.as_slice()) {
            Ok(text) => Ok(RowText {
                text,
                record: &self.record,
            }),
            Err(_) => Err(self.row_error(
                Row(self.record.position().map_or(0, |p| p.byte())),
                "the row is not UTF-8 text; save the file as CSV UTF-8",
            )),
        }
    }

    /// The line a row starts on, for a message: counted only when one is written.
    fn line(&self, row: Row) -> u64 {
        LineCounter::new(self.text).line_of_byte(row.0)
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.positions.get(name).copied()
    }

    fn require(&self, name: &str) -> Result<usize, Error> {
        self.column(name).ok_or_else(|| {
            ErrorKind::MissingColumn {
                file: self.file.clone(),
                column: name.to_owned(),
                found: self.headers.join(", "),
            }
            .into()
        })
    }

    fn bad_column(&self, column: &str, reason: impl Into<String>) -> Error {
        ErrorKind::BadColumn {
            file: self.file.clone(),
            column: column.to_owned(),
            reason: reason.into(),
        }
        .into()
    }

    fn cell_error(&self, row: Row, column: usize, cause: Error) -> Error {
        ErrorKind::InCell {
            file: self.file.clone(),
            line: self.line(row),
            column: self.headers.get(column).cloned(),
            cause: Box::new(cause),
        }
        .into()
    }

    fn row_error(&self, row: Row, reason: impl Into<String>) -> Error {
        ErrorKind::BadRow {
            file: self.file.clone(),
            line: self.line(row),
            reason: reason.into(),
        }
        .into()
    }

    /// Refuses text under a column without a header: it would otherwise be dropped.
    fn check_blank_columns(&self, line: Row, cells: &RowText<'_>) -> Result<(), Error> {
        for i in &self.blank_columns {
            let i = *i;
            let cell = text_at(cells, i).trim();
            if !cell.is_empty() {
                return Err(self.row_error(
                    line,
                    format!(
                        "column {} has no header but holds {:?}",
                        i.saturating_add(1),
                        cell.chars().take(72).collect::<String>()
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// Where a row starts in a table's text. Its line is counted from the start of the text only
/// when a message needs it, so that reading a table does not count lines at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row(u64);

/// What to do about a header of one column that holds the other separator.
fn separator_hint(found: char) -> String {
    format!(
        "the header is one column that holds {found:?}; if the file separates its cells with \
         {found:?}, save it with commas or read it with --delimiter '{found}'"
    )
}

/// Turns the positions of records into line numbers. Records come in order, so each call
/// counts on from where the last stopped: reading a table counts its lines once.
struct LineCounter<'a> {
    text: &'a [u8],
    /// The byte counted up to.
    at: usize,
    /// The line `at` is on.
    line: u64,
    /// Whether the text has a `\r` at all: most files end lines with `\n` alone, and their
    /// lines are counted by `\n` only.
    carriage_returns: bool,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            text,
            at: 0,
            line: 1,
            carriage_returns: text.contains(&b'\r'),
        }
    }

    /// The line a record starts on (1 for the header), past any blank lines before it.
    fn line_of(&mut self, position: Option<&::csv::Position>) -> u64 {
        match position {
            Some(position) => self.line_of_byte(position.byte()),
            None => 0,
        }
    }

    /// The line a record starting at byte `start` starts on, past any blank lines before it.
    fn line_of_byte(&mut self, start: u64) -> u64 {
        let start = usize::try_from(start)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        if start < self.at {
            // Not expected; count again from the start rather than give a wrong line.
            self.at = 0;
            self.line = 1;
        }
        self.count_to(start);
        let blank = self
            .text
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        self.count_to(start.saturating_add(blank));
        self.line
    }

    /// The line the byte at `offset` is on.
    fn line_at(&mut self, offset: usize) -> u64 {
        if offset < self.at {
            self.at = 0;
            self.line = 1;
        }
        self.count_to(offset.min(self.text.len()));
        self.line
    }

    /// Counts the line ends before `end`: `\n`, `\r\n` and a lone `\r` alike.
    fn count_to(&mut self, end: usize) {
        let text = self.text.get(self.at..end).unwrap_or(&[]);
        if !self.carriage_returns {
            let ends = text.iter().filter(|b| **b == b'\n').count();
            self.line = self
                .line
                .saturating_add(u64::try_from(ends).unwrap_or(u64::MAX));
            self.at = end;
            return;
        }
        let after = self.text.get(end).copied();
        let mut ends = 0u64;
        let mut bytes = text.iter().peekable();
        while let Some(byte) = bytes.next() {
            match byte {
                b'\n' => ends = ends.saturating_add(1),
                b'\r' => {
                    let next = bytes.peek().map_or(after, |b| Some(**b));
                    if next != Some(b'\n') {
                        ends = ends.saturating_add(1);
                    }
                }
                _ => {}
            }
        }
        self.line = self.line.saturating_add(ends);
        self.at = end;
    }
}

fn csv_error(
    error: ::csv::Error,
    file: Option<&str>,
    lines: &mut LineCounter<'_>,
    headers: Option<&[String]>,
) -> Error {
    let file = file.map(str::to_owned);
    match error.into_kind() {
        ::csv::ErrorKind::Io(error) => Error::io(
            IoAction::Read,
            file.unwrap_or_else(|| "the table".to_owned()),
            error,
        ),
        ::csv::ErrorKind::Utf8 { pos, .. } => ErrorKind::BadRow {
            file,
            line: lines.line_of(pos.as_ref()),
            reason: "the row is not UTF-8 text; save the file as CSV UTF-8".to_owned(),
        }
        .into(),
        ::csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => ErrorKind::BadRow {
            file,
            line: lines.line_of(pos.as_ref()),
            reason: format!("the row has {len} cells but the header has {expected_len}"),
        }
        .into(),
        other => ErrorKind::BadRow {
            file,
            line: headers.map_or(1, |_| 0),
            reason: format!("{other:?}"),
        }
        .into(),
    }
}

fn read_path<T>(
    path: &Path,
    file: Option<&str>,
    read: impl FnOnce(std::fs::File, &str) -> Result<T, Error>,
) -> Result<T, Error> {
    let name = match file {
        Some(name) => name.to_owned(),
        None => path.display().to_string(),
    };
    let input = std::fs::File::open(path)
        .map_err(|e| Error::io(IoAction::Read, path.display().to_string(), e))?;
    read(input, &name)
}

/// A cell without the spaces around it, for values read as numbers, evidence or names of
/// options, where spaces mean nothing.
fn cell<'r>(cells: &RowText<'r>, column: Option<usize>) -> &'r str {
    unescape(trim(raw_cell(cells, column)))
}

/// A row's cells as text.
struct RowText<'r> {
    /// The cells back to back.
    text: &'r str,
    /// Where each cell is in `text`.
    record: &'r ::csv::ByteRecord,
}

/// The text of the cell at `column`; empty when the row has no such cell.
fn text_at<'r>(cells: &RowText<'r>, column: usize) -> &'r str {
    cells
        .record
        .range(column)
        .and_then(|range| cells.text.get(range))
        .unwrap_or("")
}

/// A cell as it is, for text that is kept (names, notes, unit ids).
fn raw_cell<'r>(cells: &RowText<'r>, column: Option<usize>) -> &'r str {
    unescape(column.map_or("", |i| text_at(cells, i)))
}

fn decimal(text: &str, expected: Expected) -> Result<Decimal, Error> {
    parse_decimal(text).map_err(|reason| {
        ErrorKind::InvalidText {
            text: text.trim().chars().take(72).collect(),
            expected,
            reason: format!("it {reason}"),
        }
        .into()
    })
}

/// Reads the assessments of one framework from a CSV table, in wide or long form (see the
/// [module docs](self)).
///
/// Every code is checked against the framework while reading, so that an error names the
/// line and column; the assessments are then scored with [`Framework::score`] as usual.
///
/// # Examples
///
/// ```
/// use par_index::csv::AssessmentReader;
/// use par_index::{Framework, Rule};
///
/// let framework = Framework::builder("ward-demo", "Demo")
///     .domain("1", "Hồ sơ giải quyết đúng hạn", 8.into())
///     .rule(Rule::proportional())
///     .domain("2", "Niêm yết thủ tục", 2.into())
///     .rule(Rule::yes_no())
///     .build()?;
/// let reader = AssessmentReader::new(&framework).period("2021".parse()?).file_name("wards.csv");
/// let assessments = reader.read("unit,1,2\nminh-an,690/702,yes\n".as_bytes())?;
/// assert_eq!(framework.score(&assessments[0])?.index().to_decimal().round_dp(2).to_string(), "98.63");
/// // Errors name the file, the line and the column.
/// let error = reader.read("unit,1,2\nminh-an,690/702,perhaps\n".as_bytes()).unwrap_err();
/// assert!(error.to_string().starts_with("wards.csv line 2, column \"2\""), "{error}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct AssessmentReader<'a> {
    framework: &'a Framework,
    period: Option<Period>,
    file: Option<String>,
    delimiter: u8,
}

/// The assessments being read: one per unit and period, in order of first appearance. Each
/// is handed on as soon as its rows are read, so that a caller can score it while the next
/// is read; what is kept of it is where its rows are.
struct Assessments<'e> {
    /// The assessment of the rows read last, and its position among the table's assessments:
    /// the rows of one assessment come together, so a row of the same unit and period is
    /// recognised without a look-up.
    current: Option<(usize, Assessment)>,
    /// The first and last rows of each assessment.
    lines: Vec<(Row, Row)>,
    /// Each unit and period's assessment.
    index: HashMap<(String, Period), usize>,
    /// For each leaf, the row the current assessment reported it on, if it did (under the
    /// generation of the current assessment: older generations are stale, which spares
    /// clearing the list for every assessment).
    reported: Vec<(u32, Row)>,
    generation: u32,
    /// Where each assessment goes once its rows are read.
    each: &'e mut dyn FnMut(Assessment),
}

impl<'e> Assessments<'e> {
    fn new(leaves: usize, each: &'e mut dyn FnMut(Assessment)) -> Assessments<'e> {
        Assessments {
            current: None,
            lines: Vec::new(),
            index: HashMap::new(),
            reported: vec![(0, Row(0)); leaves],
            generation: 0,
            each,
        }
    }

    /// The assessment of the rows read last.
    fn current_mut(&mut self) -> Option<&mut Assessment> {
        self.current.as_mut().map(|(_, assessment)| assessment)
    }

    /// The unit of the rows read last, for a message.
    fn unit(&self) -> String {
        self.current
            .as_ref()
            .map(|(_, a)| a.unit.clone())
            .unwrap_or_default()
    }

    /// Hands on the assessment of the rows read last: its rows are all read.
    fn finish(&mut self) {
        if let Some((_, assessment)) = self.current.take() {
            (self.each)(assessment);
        }
    }

    /// Notes that the current assessment reports the leaf at `leaf` on `line`; the line it
    /// already reported it on, if it did.
    fn report(&mut self, leaf: usize, line: Row) -> Option<Row> {
        let generation = self.generation;
        let slot = self.reported.get_mut(leaf)?;
        let earlier = (slot.0 == generation).then_some(slot.1);
        *slot = (generation, line);
        earlier
    }
}

/// The columns every assessment table may have.
#[derive(Clone, Copy)]
struct UnitColumns {
    unit: usize,
    unit_name: Option<usize>,
    period: Option<usize>,
}

impl UnitColumns {
    fn of(sheet: &Sheet) -> Result<UnitColumns, Error> {
        Ok(UnitColumns {
            unit: sheet.require("unit")?,
            unit_name: sheet.column("unit_name"),
            period: sheet.column("period"),
        })
    }
}

/// The framework's leaves in order, to find a code's leaf: by predicting it (rows list a
/// unit's leaves in the framework's order, so the next row's leaf is usually the one after
/// the last) and, failing that, by look-up.
struct Leaves<'f> {
    list: Vec<&'f Node>,
    position: HashMap<&'f str, usize>,
    next: usize,
}

impl<'f> Leaves<'f> {
    fn of(framework: &'f Framework) -> Leaves<'f> {
        let list: Vec<&Node> = framework.leaves().collect();
        let position = list
            .iter()
            .enumerate()
            .map(|(i, node)| (node.code().as_str(), i))
            .collect();
        Leaves {
            list,
            position,
            next: 0,
        }
    }

    /// The leaf coded `text` and its position, if the framework has such a leaf.
    fn find(&mut self, text: &str) -> Option<(usize, &'f Node)> {
        let at = match self.list.get(self.next) {
            Some(node) if node.code().as_str() == text => self.next,
            _ => *self.position.get(text)?,
        };
        self.next = at.saturating_add(1);
        self.list.get(at).map(|node| (at, *node))
    }
}

impl<'a> AssessmentReader<'a> {
    /// A reader for assessments of `framework`.
    pub fn new(framework: &'a Framework) -> AssessmentReader<'a> {
        AssessmentReader {
            framework,
            period: None,
            file: None,
            delimiter: b',',
        }
    }

    /// The byte that separates cells: `,` unless told. Excel in a Vietnamese (or other
    /// European) locale saves "CSV" with `;`: read such a file with `delimiter(b';')`.
    ///
    /// ```
    /// # use par_index::{Framework, Rule};
    /// # use par_index::csv::AssessmentReader;
    /// let framework = Framework::builder("demo", "Demo")
    ///     .domain("1", "Niêm yết thủ tục", 2.into())
    ///     .rule(Rule::yes_no())
    ///     .build()?;
    /// let table = "unit;period;1\nminh-an;2021;yes\n";
    /// let reader = AssessmentReader::new(&framework).file_name("wards.csv");
    /// let read = reader.clone().delimiter(b';').read(table.as_bytes())?;
    /// assert_eq!(read[0].unit, "minh-an");
    /// // Read with commas, the file is refused with a hint.
    /// assert_eq!(
    ///     reader.read(table.as_bytes()).unwrap_err().to_string(),
    ///     "wards.csv line 1, column \"unit;period;1\": the header is one column that holds ';'; \
    ///      if the file separates its cells with ';', save it with commas or read it with --delimiter ';'"
    /// );
    /// # Ok::<(), par_index::Error>(())
    /// ```
    pub fn delimiter(mut self, delimiter: u8) -> Self {
        self.delimiter = delimiter;
        self
    }

    /// The period of rows that have no `period` cell.
    pub fn period(mut self, period: Period) -> Self {
        self.period = Some(period);
        self
    }

    /// The file's name, used in error messages.
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file = Some(name.into());
        self
    }

    /// Reads a table.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::BadRow`] for text that is not CSV or a row of the wrong length;
    /// [`ErrorKind::MissingColumn`] and [`ErrorKind::BadColumn`] for the header;
    /// [`ErrorKind::InCell`] wrapping the problem with a cell ([`ErrorKind::InvalidEvidence`],
    /// [`ErrorKind::UnknownCode`], [`ErrorKind::NotALeaf`], [`ErrorKind::DuplicateEntry`],
    /// [`ErrorKind::InvalidPeriod`], [`ErrorKind::EmptyUnit`], [`ErrorKind::InvalidText`]);
    /// [`ErrorKind::Io`].
    pub fn read<R: io::Read>(&self, input: R) -> Result<Vec<Assessment>, Error> {
        let mut assessments = Vec::new();
        self.read_each(input, |assessment| assessments.push(assessment))?;
        Ok(assessments)
    }

    /// Reads a table and hands each assessment to `each` as soon as its rows are read, in
    /// the table's order, so that a caller can score one while the next is read and never
    /// hold them all. The checks and errors are those of [`read`](Self::read); at an error,
    /// reading stops, and the assessments before it have been handed on.
    ///
    /// # Errors
    ///
    /// As [`AssessmentReader::read`].
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::csv::AssessmentReader;
    /// use par_index::{Framework, Rule};
    ///
    /// let framework = Framework::builder("ward-demo", "Demo")
    ///     .domain("1", "Niêm yết thủ tục", 2.into())
    ///     .rule(Rule::yes_no())
    ///     .build()?;
    /// let reader = AssessmentReader::new(&framework).period("2021".parse()?);
    /// let mut indices = Vec::new();
    /// reader.read_each("unit,1\nminh-an,yes\ncam-kim,no\n".as_bytes(), |assessment| {
    ///     indices.push(framework.score(&assessment).map(|s| s.index().to_string()));
    /// })?;
    /// assert_eq!(indices, [Ok("100".to_owned()), Ok("0".to_owned())]);
    /// # Ok::<(), par_index::Error>(())
    /// ```
    pub fn read_each<R: io::Read>(
        &self,
        input: R,
        mut each: impl FnMut(Assessment),
    ) -> Result<(), Error> {
        let text = read_all(input, self.file.as_deref())?;
        let mut sheet = Sheet::read(&text, self.file.as_deref(), self.delimiter)?;
        if sheet.column("code").is_some() {
            let leaves = Leaves::of(self.framework);
            let mut found = Assessments::new(leaves.list.len(), &mut each);
            self.read_long(&mut sheet, leaves, &mut found)?;
            found.finish();
        } else {
            let mut found = Assessments::new(0, &mut each);
            self.read_wide(&mut sheet, &mut found)?;
            found.finish();
        }
        Ok(())
    }

    /// Reads a file; errors name it by its path unless a [`file_name`](Self::file_name) was
    /// given.
    ///
    /// # Errors
    ///
    /// As [`AssessmentReader::read`], and [`ErrorKind::Io`] when the file cannot be opened.
    pub fn read_path(&self, path: impl AsRef<Path>) -> Result<Vec<Assessment>, Error> {
        read_path(path.as_ref(), self.file.as_deref(), |input, name| {
            self.clone().file_name(name).read(input)
        })
    }

    /// Makes the row's assessment the current one (created on the unit's first row, handing
    /// on the one before), after checking its unit, period and name.
    fn assessment_for(
        &self,
        sheet: &Sheet,
        columns: UnitColumns,
        found: &mut Assessments,
        line: Row,
        cells: &RowText<'_>,
        wide: bool,
    ) -> Result<(), Error> {
        let unit = raw_cell(cells, Some(columns.unit));
        let period_text = columns.period.map_or("", |c| cell(cells, Some(c)));
        let name = raw_cell(cells, columns.unit_name);
        // The row of the assessment before it, already checked: the usual case in long form.
        let same = found.current.as_ref().and_then(|(position, a)| {
            let same = a.unit == unit
                && match (period_text, &self.period) {
                    ("", Some(period)) => &a.period == period,
                    (text, _) => a.period.as_str() == text,
                };
            same.then_some(*position)
        });
        match same {
            Some(position) if !wide => {
                if let Some(lines) = found.lines.get_mut(position) {
                    lines.1 = line;
                }
            }
            _ => self.new_assessment(sheet, columns, found, line, unit, period_text, wide)?,
        }
        if let Some(assessment) = found.current_mut() {
            if !name.is_empty() {
                if assessment.unit_name.is_empty() {
                    assessment.unit_name = name.to_owned();
                } else if assessment.unit_name != name {
                    return Err(sheet.row_error(
                        line,
                        format!(
                            "unit {} is named {:?} on an earlier line but {:?} here",
                            assessment.unit, assessment.unit_name, name
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// The assessment of a row whose unit or period differs from the row before: a new one,
    /// or an error if the file already has one for this unit and period.
    #[allow(clippy::too_many_arguments)] // the row's parts, as `assessment_for` has them
    fn new_assessment(
        &self,
        sheet: &Sheet,
        columns: UnitColumns,
        found: &mut Assessments,
        line: Row,
        unit: &str,
        period_text: &str,
        wide: bool,
    ) -> Result<(), Error> {
        if unit.trim().is_empty() {
            return Err(sheet.cell_error(line, columns.unit, ErrorKind::EmptyUnit.into()));
        }
        let unit =
            check(Identifier::Unit, unit).map_err(|e| sheet.cell_error(line, columns.unit, e))?;
        let period = match (columns.period, &self.period) {
            (Some(column), default) => match (period_text, default) {
                ("", Some(period)) => period.clone(),
                (text, _) => text
                    .parse()
                    .map_err(|e| sheet.cell_error(line, column, e))?,
            },
            (None, Some(period)) => period.clone(),
            (None, None) => {
                return Err(ErrorKind::MissingColumn {
                    file: sheet.file.clone(),
                    column: "period".to_owned(),
                    found: sheet.headers.join(", "),
                }
                .into());
            }
        };
        let key = (unit.into_owned(), period);
        if let Some(position) = found.index.get(&key).copied() {
            let current = found.current.as_ref().map(|(position, _)| *position);
            if !wide && current == Some(position) {
                // The same unit as the row before, written another way (NFD rather than NFC).
                if let Some(lines) = found.lines.get_mut(position) {
                    lines.1 = line;
                }
                return Ok(());
            }
            let (first, last) = found.lines.get(position).map_or((0, 0), |(first, last)| {
                (sheet.line(*first), sheet.line(*last))
            });
            let reason = if wide {
                format!(
                    "unit {} for period {} is already on line {first}",
                    key.0, key.1
                )
            } else {
                let lines = if first == last {
                    format!("line {first}")
                } else {
                    format!("lines {first} to {last}")
                };
                format!(
                    "unit {} for period {} is already assessed on {lines}; the rows of one assessment come one after another",
                    key.0, key.1
                )
            };
            return Err(sheet.row_error(line, reason));
        }
        found.finish();
        let position = found.lines.len();
        let assessment = Assessment::new(self.framework.id(), key.0.clone(), key.1.clone());
        found.lines.push((line, line));
        found.index.insert(key, position);
        found.current = Some((position, assessment));
        found.generation = found.generation.wrapping_add(1);
        Ok(())
    }

    /// Checks an entry against its leaf as scoring will, so that a value out of range is
    /// refused with its line and column rather than when the assessment is scored.
    fn check_entry(node: &Node, entry: &Entry) -> Result<(), Error> {
        crate::scorecard::check_entry(node, entry)
    }

    /// The leaf a code read from a header or a cell names, checked against the framework.
    fn leaf(&self, text: &str, unit: &str) -> Result<&'a Node, Error> {
        let code: Code = text.parse()?;
        let node = self
            .framework
            .node_by_code(&code)
            .ok_or_else(|| ErrorKind::UnknownCode {
                unit: unit.to_owned(),
                code: code.clone(),
                framework: self.framework.id().to_owned(),
            })?;
        if !node.is_leaf() {
            return Err(ErrorKind::NotALeaf {
                unit: unit.to_owned(),
                node: node.node_ref(),
            }
            .into());
        }
        Ok(node)
    }

    fn read_wide(&self, sheet: &mut Sheet<'_>, found: &mut Assessments) -> Result<(), Error> {
        let columns = UnitColumns::of(sheet)?;
        let mut leaves: Vec<(usize, &Node)> = Vec::new();
        for (i, header) in sheet.headers.iter().enumerate() {
            if header.is_empty() || matches!(header.as_str(), "unit" | "unit_name" | "period") {
                continue;
            }
            let node = self.leaf(header, "").map_err(|error| {
                let reason = match error.kind() {
                    ErrorKind::UnknownCode { .. } => {
                        format!("framework {} has no node {header}", self.framework.id())
                    }
                    ErrorKind::NotALeaf { node, .. } => {
                        format!("{node} has children; evidence is given for leaves only")
                    }
                    _ => format!(
                        "it is neither unit, unit_name nor period, nor a leaf code of framework {}",
                        self.framework.id()
                    ),
                };
                sheet.bad_column(header, reason)
            })?;
            leaves.push((i, node));
        }
        while let Some(line) = sheet.next_row()? {
            let sheet = &*sheet;
            let cells = &sheet.row_text()?;
            sheet.check_blank_columns(line, cells)?;
            self.assessment_for(sheet, columns, found, line, cells, true)?;
            if let Some(assessment) = found.current_mut() {
                assessment.entries.reserve_exact(leaves.len());
            }
            for (column, node) in &leaves {
                let text = cell(cells, Some(*column));
                if text.is_empty() {
                    continue;
                }
                let evidence: Evidence = text
                    .parse()
                    .map_err(|e| sheet.cell_error(line, *column, e))?;
                let entry = Entry::new(node.code().clone()).with_evidence(evidence);
                Self::check_entry(node, &entry).map_err(|e| sheet.cell_error(line, *column, e))?;
                if let Some(assessment) = found.current_mut() {
                    assessment.push(entry);
                }
            }
        }
        Ok(())
    }

    fn read_long(
        &self,
        sheet: &mut Sheet<'_>,
        mut leaves: Leaves<'_>,
        found: &mut Assessments,
    ) -> Result<(), Error> {
        for header in &sheet.headers {
            if !header.is_empty() && !LONG_COLUMNS.contains(&header.as_str()) {
                return Err(sheet.bad_column(
                    header,
                    format!(
                        "a long-form table has the columns {}",
                        LONG_COLUMNS.join(", ")
                    ),
                ));
            }
        }
        let columns = UnitColumns::of(sheet)?;
        let code_column = sheet.require("code")?;
        let value_column = sheet.require("value")?;
        let self_column = sheet.column("self_assessed");
        let appraised_column = sheet.column("appraised");
        let note_column = sheet.column("note");
        let refs_column = sheet.column("evidence_refs");
        let reason_column = sheet.column("reason");

        while let Some(line) = sheet.next_row()? {
            let sheet = &*sheet;
            let cells = &sheet.row_text()?;
            sheet.check_blank_columns(line, cells)?;
            let at =
                |column: Option<usize>, e: Error| sheet.cell_error(line, column.unwrap_or(0), e);
            let code_text = cell(cells, Some(code_column));
            let value = cell(cells, Some(value_column));
            let self_assessed = cell(cells, self_column);
            let appraised = cell(cells, appraised_column);
            let note = raw_cell(cells, note_column);
            let refs = raw_cell(cells, refs_column);
            let reason = raw_cell(cells, reason_column);

            self.assessment_for(sheet, columns, found, line, cells, false)?;
            if code_text.is_empty() {
                let filled = [value, self_assessed, appraised, note, refs, reason];
                if filled.iter().any(|c| !c.trim().is_empty()) {
                    return Err(sheet.row_error(
                        line,
                        "the row has no code; only a unit with no input at all has an empty code",
                    ));
                }
                continue;
            }
            if code_text.eq_ignore_ascii_case(ADJUSTMENT) {
                let unused = [
                    ("self_assessed", self_assessed),
                    ("appraised", appraised),
                    ("evidence_refs", refs.trim()),
                ];
                if let Some((column, _)) = unused.iter().find(|(_, c)| !c.is_empty()) {
                    return Err(sheet.row_error(
                        line,
                        format!(
                            "an adjustment row holds its points in value, its label in note and its reason in reason; it has no {column}"
                        ),
                    ));
                }
                let points = decimal(value, Expected::AdjustmentPoints)
                    .map_err(|e| at(Some(value_column), e))?;
                if let Some(assessment) = found.current_mut() {
                    assessment.adjust(Adjustment {
                        label: note.to_owned(),
                        points,
                        reason: reason.to_owned(),
                    });
                }
                continue;
            }
            if !reason.trim().is_empty() {
                return Err(sheet.row_error(
                    line,
                    "reason is for adjustment rows only; a leaf's explanation goes in note",
                ));
            }
            let (leaf, node) = match leaves.find(code_text) {
                Some(found) => found,
                None => {
                    // Not a leaf: say why (an unknown code, a parent, text that is no code).
                    let error = match self.leaf(code_text, &found.unit()) {
                        Err(error) => error,
                        Ok(node) => ErrorKind::NotALeaf {
                            unit: found.unit(),
                            node: node.node_ref(),
                        }
                        .into(),
                    };
                    return Err(at(Some(code_column), error));
                }
            };
            if let Some(first) = found.report(leaf, line) {
                let first = sheet.line(first);
                return Err(sheet.row_error(
                    line,
                    format!(
                        "unit {} reports code {} twice, on line {first} and here",
                        found.unit(),
                        node.code()
                    ),
                ));
            }
            let mut entry = Entry::new(node.code().clone());
            if !value.is_empty() {
                entry.evidence = Some(value.parse().map_err(|e| at(Some(value_column), e))?);
            }
            if !self_assessed.is_empty() {
                entry.self_assessed =
                    Some(decimal(self_assessed, Expected::Points).map_err(|e| at(self_column, e))?);
            }
            if !appraised.is_empty() {
                entry.appraised = Some(
                    decimal(appraised, Expected::Points).map_err(|e| at(appraised_column, e))?,
                );
            }
            entry.note = note.to_owned();
            // One reference per line, each kept as it is; blank lines hold none.
            entry.evidence_refs = refs
                .lines()
                .filter(|r| !r.trim().is_empty())
                .map(str::to_owned)
                .collect();
            Self::check_entry(node, &entry).map_err(|e| {
                let column = match e.kind() {
                    ErrorKind::PointsAboveMax { which, .. } => match which {
                        PointsKind::SelfAssessed => self_column,
                        PointsKind::Appraised => appraised_column,
                        _ => Some(value_column),
                    },
                    ErrorKind::NegativeValue { what, .. } => match what {
                        Quantity::SelfAssessed => self_column,
                        Quantity::Appraised => appraised_column,
                        _ => Some(value_column),
                    },
                    _ => Some(value_column),
                };
                at(column, e)
            })?;
            if let Some(assessment) = found.current_mut() {
                assessment.push(entry);
            }
        }
        Ok(())
    }
}

/// The columns of a long-form assessment table, in the order they are written.
const LONG_COLUMNS: [&str; 10] = [
    "unit",
    "unit_name",
    "period",
    "code",
    "value",
    "self_assessed",
    "appraised",
    "note",
    "evidence_refs",
    "reason",
];

/// The headings of [`LONG_COLUMNS`] for people, in the same order.
const LONG_TERMS: [Term; 10] = [
    Term::UnitId,
    Term::Unit,
    Term::Period,
    Term::Code,
    Term::Evidence,
    Term::SelfAssessed,
    Term::Appraised,
    Term::Note,
    Term::EvidenceRefs,
    Term::Reason,
];

/// The columns of a framework table, in the order they are written.
const FRAMEWORK_COLUMNS: [&str; 12] = [
    "code",
    "parent",
    "level",
    "name_vi",
    "name_en",
    "max_points",
    "method",
    "rule",
    "weight",
    "optional",
    "combine",
    "when_not_applicable",
];

/// The headings of [`FRAMEWORK_COLUMNS`] for people, in the same order.
const FRAMEWORK_TERMS: [Term; 12] = [
    Term::Code,
    Term::Parent,
    Term::Level,
    Term::NameVi,
    Term::NameEn,
    Term::MaxPoints,
    Term::Method,
    Term::Rule,
    Term::Weight,
    Term::Optional,
    Term::Combine,
    Term::WhenNotApplicable,
];

/// Reads a framework's nodes from a CSV table, one row per node (see the
/// [module docs](self)).
///
/// # Examples
///
/// ```
/// use par_index::csv::FrameworkReader;
/// use par_index::framework::FrameworkInfo;
///
/// let table = "code,parent,level,max_points\n1,,1,10\n1.1,1,2,6\n1.2,1,2,4\n2,,1,5\n";
/// let info = FrameworkInfo { id: "bench".into(), title: "Bench".into(), ..FrameworkInfo::default() };
/// let framework = FrameworkReader::new(info).read(table.as_bytes())?;
/// assert_eq!(framework.total_points().to_string(), "15");
/// assert_eq!(framework.leaves().count(), 3);
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct FrameworkReader {
    info: FrameworkInfo,
    total_points: Option<Decimal>,
    combine: Combine,
    when_not_applicable: NotApplicablePolicy,
    file: Option<String>,
    delimiter: u8,
}

impl FrameworkReader {
    /// A reader for a framework with this id, title and sources.
    pub fn new(info: FrameworkInfo) -> FrameworkReader {
        FrameworkReader {
            info,
            total_points: None,
            combine: Combine::Sum,
            when_not_applicable: NotApplicablePolicy::DropMaximum,
            file: None,
            delimiter: b',',
        }
    }

    /// The byte that separates cells: `,` unless told (see [`AssessmentReader::delimiter`]).
    pub fn delimiter(mut self, delimiter: u8) -> Self {
        self.delimiter = delimiter;
        self
    }

    /// The declared total; by default the sum of the domains' maxima.
    pub fn total_points(mut self, total: Decimal) -> Self {
        self.total_points = Some(total);
        self
    }

    /// How the domains combine into the total ([`Combine::Sum`] unless stated).
    pub fn combine_domains(mut self, combine: Combine) -> Self {
        self.combine = combine;
        self
    }

    /// What the total does with domains that do not apply.
    pub fn domains_when_not_applicable(mut self, policy: NotApplicablePolicy) -> Self {
        self.when_not_applicable = policy;
        self
    }

    /// The file's name, used in error messages.
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file = Some(name.into());
        self
    }

    /// Reads a table and builds the framework.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::BadRow`], [`ErrorKind::MissingColumn`], [`ErrorKind::BadColumn`] and
    /// [`ErrorKind::Io`] for the table; [`ErrorKind::InCell`] wrapping a cell's problem
    /// ([`ErrorKind::InvalidCode`], [`ErrorKind::InvalidRuleText`], [`ErrorKind::InvalidText`],
    /// [`ErrorKind::DuplicateCode`]); and any error of [`Framework::from_spec`], wrapped in
    /// [`ErrorKind::InCell`] with the line of the node it names.
    pub fn read<R: io::Read>(&self, input: R) -> Result<Framework, Error> {
        let text = read_all(input, self.file.as_deref())?;
        let mut sheet = Sheet::read(&text, self.file.as_deref(), self.delimiter)?;
        for header in &sheet.headers {
            if !header.is_empty() && !FRAMEWORK_COLUMNS.contains(&header.as_str()) {
                return Err(sheet.bad_column(
                    header,
                    format!(
                        "a framework table has the columns {}",
                        FRAMEWORK_COLUMNS.join(", ")
                    ),
                ));
            }
        }
        let code_column = sheet.require("code")?;
        let max_column = sheet.require("max_points")?;
        let positions = sheet.positions.clone();
        let column = |name: &str| positions.get(name).copied();
        let mut nodes: Vec<NodeSpec> = Vec::new();
        let mut lines: HashMap<Code, Row> = HashMap::new();
        let mut levels: Vec<(Row, Code, String)> = Vec::new();
        while let Some(line) = sheet.next_row()? {
            let sheet = &sheet;
            let cells = &sheet.row_text()?;
            sheet.check_blank_columns(line, cells)?;
            let at =
                |column: Option<usize>, e: Error| sheet.cell_error(line, column.unwrap_or(0), e);
            let code: Code = cell(cells, Some(code_column))
                .parse()
                .map_err(|e| at(Some(code_column), e))?;
            if let Some(first) = lines.insert(code.clone(), line) {
                let first = sheet.line(first);
                return Err(sheet.row_error(
                    line,
                    format!("node code {code} is declared twice, on line {first} and here"),
                ));
            }
            let max_points = decimal(cell(cells, Some(max_column)), Expected::MaximumPoints)
                .map_err(|e| at(Some(max_column), e))?;
            let mut node =
                NodeSpec::new(code.clone(), raw_cell(cells, column("name_vi")), max_points);
            node.name_en = raw_cell(cells, column("name_en")).to_owned();
            let parent = cell(cells, column("parent"));
            if !parent.is_empty() {
                let parent: Code = parent.parse().map_err(|e| at(column("parent"), e))?;
                if parent == code {
                    return Err(at(
                        column("parent"),
                        ErrorKind::ParentCycle { code: code.clone() }.into(),
                    ));
                }
                node.parent = Some(parent);
            }
            let method = cell(cells, column("method"));
            if !method.is_empty() {
                node.method = method_from(method).map_err(|e| at(column("method"), e))?;
            }
            let rule = cell(cells, column("rule"));
            if !rule.is_empty() {
                node.rule = Some(rule.parse().map_err(|e| at(column("rule"), e))?);
            }
            let weight = cell(cells, column("weight"));
            if !weight.is_empty() {
                node.weight =
                    Some(decimal(weight, Expected::Weight).map_err(|e| at(column("weight"), e))?);
            }
            node.optional =
                yes_no(cell(cells, column("optional"))).map_err(|e| at(column("optional"), e))?;
            let combine = cell(cells, column("combine"));
            if !combine.is_empty() {
                node.combine = combine_from(combine).map_err(|e| at(column("combine"), e))?;
            }
            let policy = cell(cells, column("when_not_applicable"));
            if !policy.is_empty() {
                node.when_not_applicable =
                    policy_from(policy).map_err(|e| at(column("when_not_applicable"), e))?;
            }
            let level = cell(cells, column("level"));
            if !level.is_empty() {
                levels.push((line, code, level.to_owned()));
            }
            nodes.push(node);
        }
        let located = |error: Error| match node_of(&error).and_then(|code| lines.get(code)) {
            Some(row) => ErrorKind::InCell {
                file: sheet.file.clone(),
                line: sheet.line(*row),
                column: None,
                cause: Box::new(error),
            },
            None => ErrorKind::InCell {
                file: sheet.file.clone(),
                line: 0,
                column: None,
                cause: Box::new(error),
            },
        };
        let total_points = match self.total_points {
            Some(total) => total,
            // With no domain every node names a parent, so the tree is wrong; building it
            // says how (a cycle, a parent not declared) where a total of 0 would mislead.
            None if nodes.iter().all(|n| n.parent.is_some()) => Decimal::ONE,
            None => crate::framework::sum_of_domains(&nodes, &self.info.id).map_err(located)?,
        };
        let framework = Framework::from_spec(FrameworkSpec {
            info: self.info.clone(),
            total_points,
            combine: self.combine,
            when_not_applicable: self.when_not_applicable,
            nodes,
        })
        .map_err(located)?;
        for (line, code, level) in levels {
            let Some(node) = framework.node_by_code(&code) else {
                continue;
            };
            if !level_matches(&level, node.level(), node.depth()) {
                return Err(ErrorKind::InCell {
                    file: sheet.file.clone(),
                    line: sheet.line(line),
                    column: Some("level".to_owned()),
                    cause: Box::new(
                        ErrorKind::InvalidText {
                            text: level.chars().take(72).collect(),
                            expected: Expected::Level,
                            reason: format!(
                                "node {code} is a {} at depth {} under its parent",
                                node.level(),
                                node.depth()
                            ),
                        }
                        .into(),
                    ),
                }
                .into());
            }
        }
        Ok(framework)
    }

    /// Reads a file; errors name it by its path unless a [`file_name`](Self::file_name) was
    /// given.
    ///
    /// # Errors
    ///
    /// As [`FrameworkReader::read`], and [`ErrorKind::Io`] when the file cannot be opened.
    pub fn read_path(&self, path: impl AsRef<Path>) -> Result<Framework, Error> {
        read_path(path.as_ref(), self.file.as_deref(), |input, name| {
            self.clone().file_name(name).read(input)
        })
    }
}

/// The node an error of [`Framework::from_spec`] names, to find its line.
fn node_of(error: &Error) -> Option<&Code> {
    match error.kind() {
        ErrorKind::DuplicateCode { code }
        | ErrorKind::UnknownParent { code, .. }
        | ErrorKind::ParentCycle { code }
        | ErrorKind::TooDeep { code, .. } => Some(code),
        ErrorKind::NonPositiveMax { node, .. }
        | ErrorKind::ChildrenSumMismatch { node, .. }
        | ErrorKind::MissingWeight { node }
        | ErrorKind::NonPositiveWeight { node, .. }
        | ErrorKind::MisplacedField { node, .. }
        | ErrorKind::RuleExceedsMax { node, .. }
        | ErrorKind::InvalidRule { node, .. } => Some(&node.code),
        _ => None,
    }
}

fn level_matches(text: &str, level: Level, depth: usize) -> bool {
    if let Ok(declared) = text.parse::<usize>() {
        return declared == depth;
    }
    let declared = match text.to_lowercase().as_str() {
        "domain" | "lĩnh vực" => Level::Domain,
        "criterion" | "tiêu chí" => Level::Criterion,
        "sub-criterion" | "sub_criterion" | "subcriterion" | "tiêu chí thành phần" => {
            Level::SubCriterion
        }
        _ => return false,
    };
    declared == level
}

fn invalid(text: &str, expected: Expected, reason: &str) -> Error {
    ErrorKind::InvalidText {
        text: text.chars().take(72).collect(),
        expected,
        reason: reason.to_owned(),
    }
    .into()
}

fn yes_no(text: &str) -> Result<bool, Error> {
    match text.to_lowercase().as_str() {
        "" | "no" | "false" | "không" => Ok(false),
        "yes" | "true" | "có" => Ok(true),
        _ => Err(invalid(
            text,
            Expected::YesNo,
            "write yes, no or leave the cell empty",
        )),
    }
}

fn method_from(text: &str) -> Result<Method, Error> {
    Ok(match text {
        "appraisal" => Method::Appraisal,
        "leader_survey" => Method::LeaderSurvey,
        "citizen_survey" => Method::CitizenSurvey,
        "survey" => Method::Survey,
        "statistics" => Method::Statistics,
        _ => {
            return Err(invalid(
                text,
                Expected::Method,
                "the methods are appraisal, leader_survey, citizen_survey, survey and statistics",
            ));
        }
    })
}

fn method_name(method: Method) -> &'static str {
    match method {
        Method::Appraisal => "appraisal",
        Method::LeaderSurvey => "leader_survey",
        Method::CitizenSurvey => "citizen_survey",
        Method::Survey => "survey",
        Method::Statistics => "statistics",
    }
}

fn combine_from(text: &str) -> Result<Combine, Error> {
    match text {
        "sum" => Ok(Combine::Sum),
        "weighted_mean" => Ok(Combine::WeightedMean),
        _ => Err(invalid(
            text,
            Expected::Combine,
            "write sum or weighted_mean",
        )),
    }
}

fn combine_name(combine: Combine) -> &'static str {
    match combine {
        Combine::Sum => "sum",
        Combine::WeightedMean => "weighted_mean",
    }
}

fn policy_from(text: &str) -> Result<NotApplicablePolicy, Error> {
    match text {
        "drop_maximum" => Ok(NotApplicablePolicy::DropMaximum),
        "rescale" => Ok(NotApplicablePolicy::Rescale),
        _ => Err(invalid(
            text,
            Expected::NotApplicablePolicy,
            "write drop_maximum or rescale",
        )),
    }
}

fn policy_name(policy: NotApplicablePolicy) -> &'static str {
    match policy {
        NotApplicablePolicy::DropMaximum => "drop_maximum",
        NotApplicablePolicy::Rescale => "rescale",
    }
}

/// How CSV is written.
///
/// The default writes plain UTF-8 with `\n` line ends; [`WriteOptions::excel`] adds a UTF-8
/// byte-order mark and CRLF line ends, so that Excel opens Vietnamese text correctly.
///
/// # Examples
///
/// ```
/// use par_index::csv::{WriteOptions, write_ranking};
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo").domain("1", "Chỉ số CCHC", 100.into()).build()?;
/// let mut assessment = framework.assessment("minh-an", "2021".parse()?);
/// assessment.push(Entry::new("1".parse()?).with_appraised("88.5".parse()?));
/// let ranking = Cohort::new(&framework, [framework.score(&assessment)?])?.rank()?;
/// let mut excel = Vec::new();
/// write_ranking(&mut excel, &ranking, &WriteOptions::excel())?;
/// assert!(excel.starts_with(b"\xEF\xBB\xBFrank,unit"));
/// assert!(excel.ends_with(b"\r\n"));
/// let plain = WriteOptions::default();
/// assert!(!plain.bom && !plain.crlf);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct WriteOptions {
    /// Start with a UTF-8 byte-order mark (`EF BB BF`). Excel needs it to read the file as
    /// UTF-8; other tools do not, and some show it as a stray character.
    pub bom: bool,
    /// End rows with `\r\n` (RFC 4180) instead of `\n`.
    pub crlf: bool,
    /// Write a text cell that a spreadsheet would run as a formula (one that begins with
    /// `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a number such as `-1.62`)
    /// with an apostrophe in front, so that it opens as text (OWASP's advice on CSV
    /// injection). On by default; the library's readers take the apostrophe off again.
    /// Turn it off only for a consumer that reads the file as data and never as a sheet:
    /// such text is then written as it is.
    pub escape_formulas: bool,
    /// The header row: machine-readable names (the default), or headings for people in a
    /// language. See [`Headers`].
    pub headers: Headers,
}

impl Default for WriteOptions {
    /// Plain UTF-8, `\n` line ends, formulas escaped, machine-readable headers.
    fn default() -> WriteOptions {
        WriteOptions {
            bom: false,
            crlf: false,
            escape_formulas: true,
            headers: Headers::Machine,
        }
    }
}

impl WriteOptions {
    /// A byte-order mark and CRLF line ends: what Excel opens correctly by double-click.
    /// Formulas are escaped and headers are machine-readable, as by default.
    pub fn excel() -> WriteOptions {
        WriteOptions {
            bom: true,
            crlf: true,
            ..WriteOptions::default()
        }
    }

    /// These options with `headers`: [`Headers::Human`] for a file people read.
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::csv::{Headers, WriteOptions, write_ranking};
    /// use par_index::{Cohort, Entry, Framework, RankingOptions, language::Language};
    ///
    /// let framework = Framework::builder("demo", "Demo").domain("1", "Chỉ số CCHC", 100.into()).build()?;
    /// let mut assessment = framework.assessment("minh-an", "2021".parse()?);
    /// assessment.unit_name = "Phường Minh An".into();
    /// assessment.push(Entry::new("1".parse()?).with_appraised("88.5".parse()?));
    /// let cohort = Cohort::new(&framework, [framework.score(&assessment)?])?;
    /// let ranking = cohort.rank_with(&RankingOptions::national())?;
    ///
    /// let options = WriteOptions::excel().with_headers(Headers::Human(Language::Vietnamese));
    /// let mut out = Vec::new();
    /// write_ranking(&mut out, &ranking, &options)?;
    /// assert_eq!(String::from_utf8(out)?, "\u{feff}\
    /// Xếp hạng,Mã đơn vị,Đơn vị,Chỉ số CCHC,Xếp loại,Lĩnh vực 1: điểm đạt,Lĩnh vực 1: tỷ lệ (%),Lĩnh vực 1: xếp hạng\r
    /// 1,minh-an,Phường Minh An,88.50,B,88.50,88.50,1\r
    /// ");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_headers(mut self, headers: Headers) -> WriteOptions {
        self.headers = headers;
        self
    }
}

/// The header row of a CSV file, and the words the library writes in its cells.
///
/// - [`Headers::Machine`] (the default): short, stable names (`rank`, `unit`, `index`,
///   `1 points` …) that the readers, scripts and existing files depend on; they never change
///   with the language.
/// - [`Headers::Human`]: headings for people in the language given, with the official terms
///   of [`Term`] (Xếp hạng, Mã đơn vị, Đơn vị, Chỉ số CCHC, Xếp loại, Điểm tối đa, Điểm đạt,
///   Điểm bị mất, Người đứng đầu …), and a node's column named by its level and code
///   (`Lĩnh vực 1: điểm đạt`, `Tiêu chí 3.1`). The words the library itself puts in report
///   cells follow the language too: a head's verdict, `new` and `dropped` in a comparison,
///   `n/a` for a node that does not apply, the lines of the largest losses. Figures stay as
///   in a machine file (a dot, the published places, no grouping), so that a spreadsheet
///   still reads them as numbers; data (names, grades, codes, evidence and rules in the
///   [compact syntax](crate::text)) is written as it is.
///
/// The readers ([`AssessmentReader`], [`FrameworkReader`]) know the machine names only: a
/// file with headings for people is for reading, not for reading back, and a reader refuses
/// it for the columns it misses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Headers {
    /// Machine-readable names, the same in every language.
    #[default]
    Machine,
    /// Headings for people, in this language.
    Human(Language),
}

impl Headers {
    /// The language of a file for people; `None` for machine headers.
    pub fn language(self) -> Option<Language> {
        match self {
            Headers::Machine => None,
            Headers::Human(language) => Some(language),
        }
    }
}

/// A header row being built: each column's machine name, or its heading for people.
struct Header {
    language: Option<Language>,
    cells: Vec<String>,
}

impl Header {
    fn new(options: &WriteOptions) -> Header {
        Header {
            language: options.headers.language(),
            cells: Vec::new(),
        }
    }

    /// A column named `machine`, or `term` for people.
    fn push(&mut self, machine: &str, term: Term) {
        self.cells.push(match self.language {
            None => machine.to_owned(),
            Some(language) => term.heading(language),
        });
    }

    /// A column of one node: `<code> <machine>` (or the bare code when `machine` is empty),
    /// or for people the node's level and code and what the column holds.
    fn node(&mut self, level: Level, code: &Code, machine: &str, what: Option<Term>) {
        self.cells.push(match self.language {
            None if machine.is_empty() => code.to_string(),
            None => format!("{code} {machine}"),
            Some(language) => language.node_heading(level, code.as_str(), what),
        });
    }
}

/// The CSV output.
const OUTPUT: &str = "the CSV output";

fn write_error(error: std::io::Error) -> Error {
    Error::io(IoAction::Write, OUTPUT.to_owned(), error)
}

fn csv_write_error(error: ::csv::Error) -> Error {
    let reason = error.to_string();
    match error.into_kind() {
        ::csv::ErrorKind::Io(error) => write_error(error),
        _ => ErrorKind::Io {
            action: IoAction::Write,
            path: OUTPUT.to_owned(),
            reason,
        }
        .into(),
    }
}

/// Writes rows of text cells after a header.
fn write_rows<W: Write>(
    out: W,
    options: &WriteOptions,
    header: &[String],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<(), Error> {
    let mut cells = Cells::new(out, options)?;
    cells.row(header)?;
    for row in rows {
        cells.row(&row)?;
    }
    cells.finish()
}

/// A table being written, cell by cell: each cell escaped as the options say, and figures
/// formatted into one buffer that every cell reuses, so that a row costs no allocation.
struct Cells<W: Write> {
    writer: ::csv::Writer<W>,
    escape_formulas: bool,
    buffer: String,
}

impl<W: Write> Cells<W> {
    /// Starts a table, with a byte-order mark if the options ask for one.
    fn new(mut out: W, options: &WriteOptions) -> Result<Cells<W>, Error> {
        if options.bom {
            out.write_all(b"\xEF\xBB\xBF").map_err(write_error)?;
        }
        let writer = ::csv::WriterBuilder::new()
            .terminator(if options.crlf {
                ::csv::Terminator::CRLF
            } else {
                ::csv::Terminator::Any(b'\n')
            })
            .from_writer(out);
        Ok(Cells {
            writer,
            escape_formulas: options.escape_formulas,
            buffer: String::new(),
        })
    }

    /// A cell of text.
    fn text(&mut self, text: &str) -> Result<(), Error> {
        write_cell(&mut self.writer, self.escape_formulas, text)
    }

    /// A cell holding a value as it displays.
    fn value(&mut self, value: impl std::fmt::Display) -> Result<(), Error> {
        use std::fmt::Write as _;
        self.buffer.clear();
        // Writing into a `String` does not fail.
        let _ = write!(self.buffer, "{value}");
        write_cell(&mut self.writer, self.escape_formulas, &self.buffer)
    }

    /// A cell holding a value, or empty.
    fn optional(&mut self, value: Option<impl std::fmt::Display>) -> Result<(), Error> {
        match value {
            Some(value) => self.value(value),
            None => self.text(""),
        }
    }

    /// A cell holding a rank, or empty: a whole rank printed as an integer, as it displays.
    fn rank(&mut self, rank: Option<Rank>) -> Result<(), Error> {
        match rank.map(|r| (r, r.as_whole())) {
            Some((_, Some(whole))) => {
                let mut digits = itoa::Buffer::new();
                // A number is never escaped (see `formula::escape`).
                write_cell(&mut self.writer, false, digits.format(whole))
            }
            other => self.optional(other.map(|(rank, _)| rank)),
        }
    }

    /// A cell holding a published figure, or empty: its decimal as it displays.
    fn figure(&mut self, figure: Option<&Figure>) -> Result<(), Error> {
        let Some(figure) = figure else {
            return self.text("");
        };
        self.buffer.clear();
        push_decimal(&mut self.buffer, figure.published());
        // A number is never escaped (see `formula::escape`).
        write_cell(&mut self.writer, false, &self.buffer)
    }

    /// Ends the row.
    fn end_row(&mut self) -> Result<(), Error> {
        self.writer
            .write_record(None::<&[u8]>)
            .map_err(csv_write_error)
    }

    /// A whole row of text cells.
    fn row(&mut self, row: &[String]) -> Result<(), Error> {
        for cell in row {
            self.text(cell)?;
        }
        self.end_row()
    }

    fn finish(mut self) -> Result<(), Error> {
        self.writer.flush().map_err(write_error)
    }
}

/// Appends a decimal as its `Display` writes it (`93.31`, `0.50`, `-1.25`): the sign, the
/// whole part and exactly `scale` places. A figure fills nearly every cell of a ranking, and
/// `Display` works out its digits one 96-bit division at a time, through the formatting
/// machinery; a mantissa that fits 64 bits is split into its two parts once, and each
/// printed as an integer.
fn push_decimal(buffer: &mut String, value: Decimal) {
    let scale = value.scale();
    let parts = u64::try_from(value.mantissa().unsigned_abs())
        .ok()
        .zip(10u64.checked_pow(scale))
        .and_then(|(mantissa, unit)| {
            Some((mantissa.checked_div(unit)?, mantissa.checked_rem(unit)?))
        });
    let Some((whole, fraction)) = parts else {
        use std::fmt::Write as _;
        // Writing into a `String` does not fail.
        let _ = write!(buffer, "{value}");
        return;
    };
    if value.is_sign_negative() {
        buffer.push('-');
    }
    let mut digits = itoa::Buffer::new();
    buffer.push_str(digits.format(whole));
    if scale > 0 {
        buffer.push('.');
        let fraction = digits.format(fraction);
        let places = usize::try_from(scale).unwrap_or(usize::MAX);
        for _ in fraction.len()..places {
            buffer.push('0');
        }
        buffer.push_str(fraction);
    }
}

fn write_cell<W: Write>(
    writer: &mut ::csv::Writer<W>,
    escape_formulas: bool,
    cell: &str,
) -> Result<(), Error> {
    let cell = if escape_formulas {
        escape(cell)
    } else {
        Cow::Borrowed(cell)
    };
    writer.write_field(cell.as_bytes()).map_err(csv_write_error)
}

fn text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// Writes a ranking: `rank, unit, unit_name, index`, `grade` when the ranking has grades,
/// then `<code> points`, `<code> percent` and `<code> rank` for each domain. Figures are as
/// published (rounded by the ranking's policy); units listed outside the ranking follow with
/// an empty rank, and a domain that does not apply to a unit has empty cells.
///
/// # Errors
///
/// [`ErrorKind::Io`] when the output cannot be written.
pub fn write_ranking<W: Write>(
    out: W,
    ranking: &Ranking,
    options: &WriteOptions,
) -> Result<(), Error> {
    let graded = ranking.options().grades.is_some();
    let mut header = Header::new(options);
    header.push("rank", Term::Rank);
    header.push("unit", Term::UnitId);
    header.push("unit_name", Term::Unit);
    header.push("index", Term::ParIndex);
    if graded {
        header.push("grade", Term::Grade);
    }
    for code in ranking.domain_codes() {
        header.node(Level::Domain, code, "points", Some(Term::Achieved));
        header.node(Level::Domain, code, "percent", Some(Term::Percentage));
        header.node(Level::Domain, code, "rank", Some(Term::Rank));
    }
    let mut cells = Cells::new(out, options)?;
    cells.row(&header.cells)?;
    for unit in ranking.units().iter().chain(ranking.unranked()) {
        cells.rank(unit.rank)?;
        cells.text(&unit.unit)?;
        cells.text(&unit.unit_name)?;
        cells.figure(Some(&unit.index))?;
        if graded {
            cells.text(unit.grade.as_deref().unwrap_or_default())?;
        }
        for (d, code) in ranking.domain_codes().iter().enumerate() {
            let domain = unit.domain_at(d, code);
            cells.figure(domain.and_then(|d| d.points.as_ref()))?;
            cells.figure(domain.and_then(|d| d.percent.as_ref()))?;
            cells.rank(domain.and_then(|d| d.rank))?;
        }
        cells.end_row()?;
    }
    cells.finish()
}

/// Writes a comparison: the current `rank, unit, unit_name, index` (and `grade`), then
/// `previous_rank`, `previous_index`, `rank_change` (places gained, negative for places lost,
/// `new` or `dropped`), `index_change` (published) and `<code> change` (the published
/// percent's change) for each compared domain.
///
/// # Errors
///
/// [`ErrorKind::Io`] when the output cannot be written.
pub fn write_comparison<W: Write>(
    out: W,
    comparison: &Comparison,
    options: &WriteOptions,
) -> Result<(), Error> {
    let graded = comparison.is_graded();
    let language = options.headers.language();
    let mut header = Header::new(options);
    header.push("rank", Term::Rank);
    header.push("unit", Term::UnitId);
    header.push("unit_name", Term::Unit);
    header.push("index", Term::ParIndex);
    if graded {
        header.push("grade", Term::Grade);
    }
    header.push("previous_rank", Term::PreviousRank);
    header.push("previous_index", Term::PreviousIndex);
    header.push("rank_change", Term::RankChange);
    header.push("index_change", Term::IndexChange);
    for pair in comparison.domain_pairs() {
        header.node(
            Level::Domain,
            &pair.current,
            "change",
            Some(Term::PercentChange),
        );
    }
    // `new` and `dropped` are the library's words: in a file for people, in its language.
    let word = |term: Term, machine: &str| {
        language.map_or_else(|| machine.to_owned(), |l| term.text(l).to_owned())
    };
    let rows = comparison.units().iter().map(|unit| {
        let current = unit.current.as_ref();
        let previous = unit.previous.as_ref();
        let mut row = vec![
            text(current.and_then(|c| c.rank)),
            unit.unit.clone(),
            unit.unit_name.clone(),
            text(current.map(|c| &c.index)),
        ];
        if graded {
            row.push(current.and_then(|c| c.grade.clone()).unwrap_or_default());
        }
        row.push(text(previous.and_then(|p| p.rank)));
        row.push(text(previous.map(|p| &p.index)));
        row.push(match unit.rank_change {
            RankChange::Up { places } => places.normalize().to_string(),
            RankChange::Down { places } => format!("-{}", places.normalize()),
            RankChange::Same => "0".to_owned(),
            RankChange::New => word(Term::New, "new"),
            RankChange::Dropped => word(Term::Dropped, "dropped"),
            _ => String::new(),
        });
        row.push(text(unit.index_change.as_ref()));
        for (d, pair) in comparison.domain_pairs().iter().enumerate() {
            row.push(text(
                unit.domain_at(d, pair).and_then(|d| d.change.as_ref()),
            ));
        }
        row
    });
    write_rows(out, options, &header.cells, rows)
}

/// Writes a cohort's scorecards as published by `policy`, units × nodes: `unit,
/// unit_name, period, index, points, max_points, adjustments`, then one column per node (in
/// the framework's order) with its published points, `n/a` where the node does not apply.
/// Units come in the cohort's order, ranked then unranked.
///
/// # Errors
///
/// [`ErrorKind::Io`] when the output cannot be written.
pub fn write_scorecards<W: Write>(
    out: W,
    cohort: &Cohort,
    policy: &RoundingPolicy,
    options: &WriteOptions,
) -> Result<(), Error> {
    // The cohort checked that every scorecard has the framework's nodes.
    let scorecards: Vec<PublishedScorecard> = cohort.iter().map(|s| s.publish(policy)).collect();
    let mut header = Header::new(options);
    header.push("unit", Term::UnitId);
    header.push("unit_name", Term::Unit);
    header.push("period", Term::Period);
    header.push("index", Term::ParIndex);
    header.push("points", Term::Achieved);
    header.push("max_points", Term::MaxPoints);
    header.push("adjustments", Term::Adjustments);
    for node in cohort.framework().nodes() {
        header.node(node.level(), node.code(), "", None);
    }
    let not_applicable = options
        .headers
        .language()
        .map_or("n/a", |l| Term::NotApplicable.text(l));
    let rows = scorecards.iter().map(|s| {
        let mut row = vec![
            s.unit.clone(),
            s.unit_name.clone(),
            s.period.to_string(),
            s.index.to_string(),
            s.points.to_string(),
            s.max_points.to_string(),
            s.adjustments.to_string(),
        ];
        row.extend(s.nodes.iter().map(|n| {
            n.points
                .map_or_else(|| not_applicable.to_owned(), |p| p.to_string())
        }));
        row
    });
    write_rows(out, options, &header.cells, rows)
}

/// Writes assessments in long form (see the [module docs](self)), which holds everything an
/// [`Assessment`] holds but its framework's id: one row per entry, one per adjustment, and
/// one with an empty code for a unit with neither. [`AssessmentReader`] reads it back into
/// equal assessments.
///
/// # Errors
///
/// [`ErrorKind::ReportMismatch`] when the assessments name different frameworks (the table
/// cannot say which is which); [`ErrorKind::DuplicateAssessment`] for two assessments of one
/// unit and period (the table would read back as one); [`ErrorKind::EmptyUnit`] and
/// [`ErrorKind::InvalidIdentifier`] for a unit id the reader would refuse;
/// [`ErrorKind::UnwritableReference`] for an evidence reference that is blank or holds a
/// line break (a cell holds one reference per line); [`ErrorKind::Io`] when the output
/// cannot be written.
pub fn write_assessments<W: Write>(
    out: W,
    assessments: &[Assessment],
    options: &WriteOptions,
) -> Result<(), Error> {
    if let Some(first) = assessments.first() {
        if let Some(other) = assessments.iter().find(|a| a.framework != first.framework) {
            return Err(ErrorKind::ReportMismatch {
                what: format!("the assessment of unit {}", other.unit),
                expected: format!("framework {}", first.framework),
                found: format!("framework {}", other.framework),
            }
            .into());
        }
    }
    let mut seen: HashSet<(&str, &Period)> = HashSet::with_capacity(assessments.len());
    for a in assessments {
        if !seen.insert((a.unit.as_str(), &a.period)) {
            return Err(ErrorKind::DuplicateAssessment {
                unit: a.unit.clone(),
                period: a.period.clone(),
            }
            .into());
        }
        for entry in &a.entries {
            for reference in &entry.evidence_refs {
                let reason = if reference.trim().is_empty() {
                    "is empty"
                } else if reference.contains(['\n', '\r']) {
                    "holds a line break, and a cell holds one reference per line"
                } else {
                    continue;
                };
                return Err(ErrorKind::UnwritableReference {
                    unit: a.unit.clone(),
                    code: entry.code.clone(),
                    reference: reference.chars().take(72).collect(),
                    reason,
                }
                .into());
            }
        }
    }
    let mut header = Header::new(options);
    for (machine, term) in LONG_COLUMNS.iter().zip(LONG_TERMS) {
        header.push(machine, term);
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for a in assessments {
        if a.unit.trim().is_empty() {
            return Err(ErrorKind::EmptyUnit.into());
        }
        let unit = check(Identifier::Unit, &a.unit)?.into_owned();
        let start = |code: String| {
            vec![
                unit.clone(),
                a.unit_name.clone(),
                a.period.to_string(),
                code,
            ]
        };
        for entry in &a.entries {
            let mut row = start(entry.code.to_string());
            row.push(text(entry.evidence.as_ref()));
            row.push(text(entry.self_assessed));
            row.push(text(entry.appraised));
            row.push(entry.note.clone());
            row.push(entry.evidence_refs.join("\n"));
            row.push(String::new());
            rows.push(row);
        }
        for adjustment in &a.adjustments {
            let mut row = start(ADJUSTMENT.to_owned());
            row.push(adjustment.points.to_string());
            row.push(String::new());
            row.push(String::new());
            row.push(adjustment.label.clone());
            row.push(String::new());
            row.push(adjustment.reason.clone());
            rows.push(row);
        }
        if a.entries.is_empty() && a.adjustments.is_empty() {
            let mut row = start(String::new());
            row.resize(LONG_COLUMNS.len(), String::new());
            rows.push(row);
        }
    }
    write_rows(out, options, &header.cells, rows)
}

/// Writes a framework's nodes in pre-order, one row per node, with every column of the
/// [module docs](self); defaults are left empty where they are implied (a parent's rule, a
/// leaf's way of combining). [`FrameworkReader`] reads it back into an equal framework,
/// given the same id, title and total.
///
/// # Errors
///
/// [`ErrorKind::Io`] when the output cannot be written.
pub fn write_framework<W: Write>(
    out: W,
    framework: &Framework,
    options: &WriteOptions,
) -> Result<(), Error> {
    let mut header = Header::new(options);
    for (machine, term) in FRAMEWORK_COLUMNS.iter().zip(FRAMEWORK_TERMS) {
        header.push(machine, term);
    }
    let rows = framework.nodes().map(|node| {
        let spec = node.spec();
        vec![
            spec.code.to_string(),
            text(spec.parent.as_ref()),
            node.level().to_string(),
            spec.name_vi.clone(),
            spec.name_en.clone(),
            spec.max_points.to_string(),
            method_name(spec.method).to_owned(),
            node.is_leaf()
                .then(|| spec.rule.as_ref().map(ToString::to_string))
                .flatten()
                .unwrap_or_default(),
            text(spec.weight),
            if spec.optional { "yes" } else { "" }.to_owned(),
            if node.is_leaf() {
                ""
            } else {
                combine_name(spec.combine)
            }
            .to_owned(),
            if node.is_leaf() {
                ""
            } else {
                policy_name(spec.when_not_applicable)
            }
            .to_owned(),
        ]
    });
    write_rows(out, options, &header.cells, rows)
}

/// Writes an accountability report, one row per head in the report's order: `rank, agency,
/// agency_name, head, answers_for, coordinates, owned, achieved, lost, percent, verdict`;
/// when the report is compared with a previous one, `previous_rank, previous_percent,
/// lost_change, percent_change`; then `worst_leaves`, one leaf per line of the cell
/// (`minh-an 3.1 lost 2.00 (6.00 of 8.00) — note`). Figures are rounded by the report's
/// policy; a head that owns nothing has empty percent and rank cells.
///
/// # Errors
///
/// [`ErrorKind::Io`] when the output cannot be written.
pub fn write_accountability<W: Write>(
    out: W,
    report: &AccountabilityReport,
    options: &WriteOptions,
) -> Result<(), Error> {
    let compared = report.previous_period.is_some();
    let language = options.headers.language();
    let r = |d: &Exact| report.rounding.publish(d).to_string();
    let mut header = Header::new(options);
    header.push("rank", Term::Rank);
    header.push("agency", Term::AgencyCode);
    header.push("agency_name", Term::Agency);
    header.push("head", Term::Head);
    header.push("answers_for", Term::AnswersFor);
    header.push("coordinates", Term::Coordinates);
    header.push("owned", Term::Owned);
    header.push("achieved", Term::Achieved);
    header.push("lost", Term::Lost);
    header.push("percent", Term::Percentage);
    header.push("verdict", Term::Verdict);
    if compared {
        header.push("previous_rank", Term::PreviousRank);
        header.push("previous_percent", Term::PreviousPercent);
        header.push("lost_change", Term::LostChange);
        header.push("percent_change", Term::PercentChange);
    }
    header.push("worst_leaves", Term::LargestLosses);
    let codes = |codes: &[Code]| {
        codes
            .iter()
            .map(Code::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let rows = report.heads.iter().map(|head| {
        let mut row = vec![
            text(head.rank),
            head.agency.code.clone(),
            head.agency.name_vi.clone(),
            head.agency.head_label(),
            codes(&head.answers_for),
            codes(&head.coordinates),
            r(&head.owned),
            r(&head.achieved),
            r(&head.lost),
            text(head.percent.as_ref().map(r)),
            match language {
                None => head.verdict.to_string(),
                Some(language) => head.verdict.text(language).to_owned(),
            },
        ];
        if compared {
            let change = head.change.as_ref();
            row.push(text(change.and_then(|c| c.previous_rank)));
            row.push(text(
                change.and_then(|c| c.previous_percent.as_ref()).map(r),
            ));
            row.push(text(change.map(|c| r(&c.lost_change))));
            row.push(text(change.and_then(|c| c.percent_change.as_ref()).map(r)));
        }
        let leaves: Vec<String> = head
            .worst_leaves
            .iter()
            .map(|leaf| {
                let mut line = match language {
                    None => format!(
                        "{} {} lost {} ({} of {})",
                        leaf.unit,
                        leaf.code,
                        r(&leaf.lost),
                        r(&leaf.points),
                        r(&leaf.max_points)
                    ),
                    // A sentence for people: in the language's notation, as the text report.
                    Some(language) => {
                        let n = |d: &Exact| language.number(report.rounding.publish(d));
                        format!(
                            "{} {} {}",
                            leaf.unit,
                            leaf.code,
                            language.leaf_loss(
                                &n(&leaf.lost),
                                &n(&leaf.points),
                                &n(&leaf.max_points)
                            )
                        )
                    }
                };
                if !leaf.note.is_empty() {
                    line.push_str(" — ");
                    line.push_str(&leaf.note);
                }
                line
            })
            .collect();
        row.push(leaves.join("\n"));
        row
    });
    write_rows(out, options, &header.cells, rows)
}

/// Writes a trend, one row per unit and period: `unit, unit_name, period, framework, rank,
/// index, grade`, then `<code> percent` for each domain the trend
/// follows ([`Trend::domains`], the latest framework's codes). A unit's rows come together,
/// oldest period first, units in the trend's order; a period in which a unit was not
/// assessed has no row.
///
/// One row per unit and period, rather than a column per period, because that is the
/// table a spreadsheet filters, sorts and pivots: a pivot table with units as rows and
/// periods as columns gives the side-by-side view of any figure, and a chart of it the
/// lines of the trend; the columns stay the same however many periods there are, and each
/// row names the framework its figures were published under. Figures are as each period's
/// ranking published them; an empty rank is a unit listed outside that ranking, an empty
/// percent a domain that does not apply or has no match in that period's framework, an
/// empty grade a period that does not grade (or a unit below its lowest grade).
///
/// # Errors
///
/// [`ErrorKind::Io`] when the output cannot be written.
///
/// # Examples
///
/// ```
/// use par_index::csv::{Headers, WriteOptions, write_trend};
/// use par_index::{Cohort, Entry, Framework, RankingOptions, language::Language, trend::Trend};
///
/// let framework = Framework::builder("demo", "Demo").domain("1", "Chỉ số CCHC", 100.into()).build()?;
/// let mut rankings = Vec::new();
/// for (year, minh_an, cam_kim) in [("2019", "84.5", "88"), ("2020", "89", "87.25"), ("2021", "92.3", "86")] {
///     let mut cards = Vec::new();
///     for (unit, name, index) in [("minh-an", "Phường Minh An", minh_an), ("cam-kim", "Xã Cẩm Kim", cam_kim)] {
///         let mut assessment = framework.assessment(unit, year.parse()?);
///         assessment.unit_name = name.into();
///         assessment.push(Entry::new("1".parse()?).with_appraised(index.parse()?));
///         cards.push(framework.score(&assessment)?);
///     }
///     rankings.push(Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?);
/// }
/// let trend = Trend::new(&rankings.iter().collect::<Vec<_>>())?;
///
/// let mut out = Vec::new();
/// write_trend(&mut out, &trend, &WriteOptions::default())?;
/// assert_eq!(String::from_utf8(out)?, "\
/// unit,unit_name,period,framework,rank,index,grade,1 percent
/// minh-an,Phường Minh An,2019,demo,2,84.50,B,84.50
/// minh-an,Phường Minh An,2020,demo,1,89.00,B,89.00
/// minh-an,Phường Minh An,2021,demo,1,92.30,A,92.30
/// cam-kim,Xã Cẩm Kim,2019,demo,1,88.00,B,88.00
/// cam-kim,Xã Cẩm Kim,2020,demo,2,87.25,B,87.25
/// cam-kim,Xã Cẩm Kim,2021,demo,2,86.00,B,86.00
/// ");
///
/// let mut out = Vec::new();
/// let people = WriteOptions::default().with_headers(Headers::Human(Language::Vietnamese));
/// write_trend(&mut out, &trend, &people)?;
/// assert!(String::from_utf8(out)?.starts_with(
///     "Mã đơn vị,Đơn vị,Kỳ đánh giá,Bộ chỉ số,Xếp hạng,Chỉ số CCHC,Xếp loại,Lĩnh vực 1: tỷ lệ (%)\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_trend<W: Write>(out: W, trend: &Trend, options: &WriteOptions) -> Result<(), Error> {
    let mut header = Header::new(options);
    header.push("unit", Term::UnitId);
    header.push("unit_name", Term::Unit);
    header.push("period", Term::Period);
    header.push("framework", Term::Framework);
    header.push("rank", Term::Rank);
    header.push("index", Term::ParIndex);
    header.push("grade", Term::Grade);
    for code in trend.domains() {
        header.node(Level::Domain, code, "percent", Some(Term::Percentage));
    }
    let rows = trend.units().iter().flat_map(|unit| {
        let periods = trend.periods().iter().zip(trend.frameworks());
        periods
            .zip(&unit.periods)
            .filter_map(move |((period, framework), point)| {
                let point = point.as_ref()?;
                let mut row = vec![
                    unit.unit.clone(),
                    unit.unit_name.clone(),
                    period.to_string(),
                    framework.clone(),
                    text(point.rank),
                    point.index.to_string(),
                    point.grade.clone().unwrap_or_default(),
                ];
                row.extend(point.domains.iter().map(|d| text(d.as_ref())));
                Some(row)
            })
    });
    write_rows(out, options, &header.cells, rows)
}

/// Writes the heads of a trend ([`Trend::with_heads`]), one row per head and period:
/// `agency, head, period, rank, percent, lost`, heads in the trend's order, oldest period
/// first; a period whose report does not list the head has no row. The percentage and the
/// lost points are published by the trend's rounding ([`Trend::rounding`]); a head that owns
/// nothing in a period has empty rank and percent cells. A trend made without the heads'
/// reports writes the header alone.
///
/// # Errors
///
/// [`ErrorKind::Io`] when the output cannot be written.
///
/// # Examples
///
/// ```
/// use par_index::accountability::{Accountability, Agency, AgencyKind, Assignments, Head};
/// use par_index::csv::{Headers, WriteOptions, write_trend_heads};
/// use par_index::{Cohort, Entry, Framework, language::Language, trend::Trend};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 4.into())
///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
///     .build()?;
/// let mut plan = Assignments::new("Phân công CCHC");
/// plan.agency(Agency::new("TP", "Phòng Tư pháp", AgencyKind::Office, Head::new("Trưởng phòng Tư pháp")))
///     .agency(Agency::new("VP", "Văn phòng UBND", AgencyKind::Office, Head::new("Chánh Văn phòng")));
/// plan.assign("1", "TP", &[])?.assign("2", "VP", &[])?;
/// let accountability = Accountability::new(&framework, plan)?;
/// let (mut rankings, mut reports) = (Vec::new(), Vec::new());
/// for (year, second) in [("2019", 3), ("2020", 4), ("2021", 6)] {
///     let mut ward = framework.assessment("xa-a", year.parse()?);
///     ward.push(Entry::new("1".parse()?).with_appraised(4.into()));
///     ward.push(Entry::new("2".parse()?).with_appraised(second.into()));
///     let cohort = Cohort::new(&framework, [framework.score(&ward)?])?;
///     reports.push(accountability.cohort_report(&cohort)?);
///     rankings.push(cohort.rank()?);
/// }
/// let trend = Trend::new(&rankings.iter().collect::<Vec<_>>())?
///     .with_heads(&reports.iter().collect::<Vec<_>>())?;
///
/// let mut out = Vec::new();
/// let people = WriteOptions::default().with_headers(Headers::Human(Language::Vietnamese));
/// write_trend_heads(&mut out, &trend, &people)?;
/// assert_eq!(String::from_utf8(out)?, "\
/// Mã cơ quan,Người đứng đầu,Kỳ đánh giá,Xếp hạng,Tỷ lệ (%),Điểm bị mất
/// TP,Trưởng phòng Tư pháp,2019,1,100.00,0.00
/// TP,Trưởng phòng Tư pháp,2020,1,100.00,0.00
/// TP,Trưởng phòng Tư pháp,2021,1,100.00,0.00
/// VP,Chánh Văn phòng,2019,2,50.00,3.00
/// VP,Chánh Văn phòng,2020,2,66.67,2.00
/// VP,Chánh Văn phòng,2021,1,100.00,0.00
/// ");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_trend_heads<W: Write>(
    out: W,
    trend: &Trend,
    options: &WriteOptions,
) -> Result<(), Error> {
    let r = |d: &Exact| trend.rounding().publish(d).to_string();
    let mut header = Header::new(options);
    header.push("agency", Term::AgencyCode);
    header.push("head", Term::Head);
    header.push("period", Term::Period);
    header.push("rank", Term::Rank);
    header.push("percent", Term::Percentage);
    header.push("lost", Term::Lost);
    let rows = trend.heads().iter().flat_map(|head| {
        trend
            .periods()
            .iter()
            .zip(&head.lost)
            .zip(head.rank.iter().zip(&head.percent))
            .filter_map(move |((period, lost), (rank, percent))| {
                // The head is in a period's report exactly when its lost points are known.
                let lost = lost.as_ref()?;
                Some(vec![
                    head.agency.clone(),
                    head.head.clone(),
                    period.to_string(),
                    text(*rank),
                    text(percent.as_ref().map(r)),
                    r(lost),
                ])
            })
    });
    write_rows(out, options, &header.cells, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_they_display() {
        let mut values = vec![Decimal::MAX, Decimal::MIN];
        for scale in 0..=28 {
            for mantissa in [
                0i128,
                1,
                5,
                10,
                99,
                100,
                12_345,
                i128::from(u64::MAX),
                i128::from(u64::MAX) + 1,
                79_228_162_514_264_337_593_543_950_335,
            ] {
                for signed in [mantissa, -mantissa] {
                    values.push(Decimal::from_i128_with_scale(signed, scale));
                }
            }
            let mut negative_zero = Decimal::new(0, scale);
            negative_zero.set_sign_negative(true);
            values.push(negative_zero);
        }
        for value in values {
            let mut written = String::new();
            push_decimal(&mut written, value);
            assert_eq!(written, value.to_string(), "{value:?}");
        }
    }
}
