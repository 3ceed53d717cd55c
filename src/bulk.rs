//! Bulk scoring: a cohort of units' leaf points for one framework, validated once and scored
//! in one pass, exactly. The method is documented on [`PointsTable`].

use std::collections::HashMap;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::assessment::{Assessment, Entry, Period};
use crate::code::{Code, MAX_CODE_LEN};
use crate::cohort::Cohort;
use crate::competition;
use crate::error::{Error, ErrorKind};
use crate::exact::Exact;
use crate::figure::Figure;
use crate::framework::{Combine, Framework, Node};
use crate::rounding::{Rounding, RoundingPolicy};
use crate::tie::Rank;

/// The most decimal places a table can hold: [`Decimal`]'s own limit.
const MAX_PLACES: u32 = 28;

/// Fixed-point points, row-major, in the narrowest integer that holds every leaf's maximum:
/// summing is bound by memory, so two-byte cells (any leaf up to 655.35 points at two
/// decimals) sum four times as fast as eight-byte ones, and take a quarter of the room.
#[derive(Debug, Clone)]
enum Cells {
    U16(Vec<u16>),
    U32(Vec<u32>),
    I64(Vec<i64>),
}

/// An integer type cells can be stored in.
trait Cell: Copy + Default + Into<i64> + TryFrom<i64> {
    /// The sum of some cells; no overflow, as a sum of points is at most the framework's
    /// total, which fits an `i64`.
    fn sum(cells: &[Self]) -> i64;
}

impl Cell for u16 {
    fn sum(cells: &[u16]) -> i64 {
        // Four lanes of `u32` add twice as many cells at a time as two of `i64`; 65,537
        // cells of at most 65,535 cannot overflow them.
        if cells.len() <= 65_537 {
            i64::from(cells.iter().map(|c| u32::from(*c)).sum::<u32>())
        } else {
            cells.iter().map(|c| i64::from(*c)).sum()
        }
    }
}

impl Cell for u32 {
    fn sum(cells: &[u32]) -> i64 {
        let sum: u64 = cells.iter().map(|c| u64::from(*c)).sum();
        i64::try_from(sum).unwrap_or(i64::MAX)
    }
}

impl Cell for i64 {
    fn sum(cells: &[i64]) -> i64 {
        cells.iter().sum()
    }
}

/// Runs `$body` with `$cells` bound to the vector inside a [`Cells`], whatever its type.
macro_rules! on_cells {
    ($cells:expr, $c:ident => $body:expr) => {
        match $cells {
            Cells::U16($c) => $body,
            Cells::U32($c) => $body,
            Cells::I64($c) => $body,
        }
    };
}

impl Cells {
    /// Empty cells wide enough for `max`, the largest leaf maximum at the table's scale.
    fn for_max(max: i64) -> Cells {
        if u16::try_from(max).is_ok() {
            Cells::U16(Vec::new())
        } else if u32::try_from(max).is_ok() {
            Cells::U32(Vec::new())
        } else {
            Cells::I64(Vec::new())
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Cells::U16(_) => 0,
            Cells::U32(_) => 1,
            Cells::I64(_) => 2,
        }
    }

    /// Moves to wider cells if `max` no longer fits; never narrows.
    fn widen_for(&mut self, max: i64) {
        let wanted = Cells::for_max(max);
        if wanted.rank() <= self.rank() {
            return;
        }
        let values: Vec<i64> = on_cells!(&*self, c => c.iter().map(|v| wide(*v)).collect());
        *self = match wanted {
            Cells::U16(_) => Cells::U16(narrow(&values)),
            Cells::U32(_) => Cells::U32(narrow(&values)),
            Cells::I64(_) => Cells::I64(values),
        };
    }

    fn len(&self) -> usize {
        on_cells!(self, c => c.len())
    }

    fn reserve(&mut self, additional: usize) {
        on_cells!(self, c => c.reserve(additional))
    }

    fn resize(&mut self, len: usize) {
        on_cells!(self, c => c.resize(len, Default::default()))
    }

    fn truncate(&mut self, len: usize) {
        on_cells!(self, c => c.truncate(len))
    }

    /// Stores `value`, which the caller has checked against the leaf's maximum.
    fn set(&mut self, index: usize, value: i64) {
        on_cells!(self, c => set(c, index, value))
    }

    fn get(&self, index: usize) -> Option<i64> {
        on_cells!(self, c => c.get(index).map(|v| wide(*v)))
    }

    /// Multiplies every value by `factor`; the caller has widened the cells for the result.
    fn scale_up(&mut self, factor: i64) {
        on_cells!(self, c => scale_up(c, factor))
    }

    /// The sum of `span` in row `row` of `width` cells.
    fn span_sum(&self, row: usize, width: usize, span: (usize, usize)) -> i64 {
        let start = row.saturating_mul(width);
        on_cells!(self, c => sum(c.get(start.saturating_add(span.0)..start.saturating_add(span.1)).unwrap_or_default()))
    }

    /// Each row's sum over each span into `sums` (row-major).
    fn span_sums(&self, width: usize, spans: &[(usize, usize)], sums: &mut Cells) {
        on_cells!(self, c => on_cells!(sums, out => span_sums(c, width, spans, out)))
    }

    /// Each row's sum.
    fn row_totals(&self, width: usize) -> Vec<i64> {
        on_cells!(self, c => c.chunks_exact(width.max(1)).map(sum).collect())
    }
}

fn wide<T: Cell>(value: T) -> i64 {
    value.into()
}

fn narrow<T: Cell>(values: &[i64]) -> Vec<T> {
    values
        .iter()
        .map(|v| T::try_from(*v).unwrap_or_default())
        .collect()
}

fn set<T: Cell>(cells: &mut [T], index: usize, value: i64) {
    if let (Some(cell), Ok(value)) = (cells.get_mut(index), T::try_from(value)) {
        *cell = value;
    }
}

fn scale_up<T: Cell>(cells: &mut [T], factor: i64) {
    for cell in cells {
        let value: i64 = (*cell).into();
        *cell = T::try_from(value.saturating_mul(factor)).unwrap_or_default();
    }
}

fn sum<T: Cell>(cells: &[T]) -> i64 {
    T::sum(cells)
}

fn span_sums<T: Cell, S: Cell>(
    cells: &[T],
    width: usize,
    spans: &[(usize, usize)],
    sums: &mut Vec<S>,
) {
    let (Some(rows), false) = (cells.len().checked_div(width), spans.is_empty()) else {
        return;
    };
    // Sized once and written in place: no capacity check per value.
    sums.resize(rows.saturating_mul(spans.len()), S::default());
    for (row, out) in cells
        .chunks_exact(width)
        .zip(sums.chunks_exact_mut(spans.len()))
    {
        for ((start, end), slot) in spans.iter().zip(out.iter_mut()) {
            // `sums` is wide enough for the largest span's maximum.
            *slot = S::try_from(sum(row.get(*start..*end).unwrap_or_default())).unwrap_or_default();
        }
    }
}

/// Where the framework's leaves and domains sit in a row of fixed-point points.
#[derive(Debug, Clone)]
struct Layout {
    /// The framework's node index of each leaf, in framework (pre-)order.
    leaf_nodes: Vec<usize>,
    /// Each framework node's leaves, as a range of positions in a row: in pre-order the
    /// leaves under a node are contiguous.
    spans: Vec<(usize, usize)>,
    /// The domains' leaf ranges, in declared order.
    domain_spans: Vec<(usize, usize)>,
}

impl Layout {
    fn of(framework: &Framework) -> Result<Layout, Error> {
        if framework.combine() == Combine::WeightedMean {
            return Err(ErrorKind::BulkUnsupported {
                at: format!("the total of framework {}", framework.id()),
            }
            .into());
        }
        let mut leaf_nodes = Vec::new();
        let mut position = vec![0usize; framework.len()];
        for (i, node) in framework.nodes().enumerate() {
            if node.is_leaf() {
                if let Some(slot) = position.get_mut(i) {
                    *slot = leaf_nodes.len();
                }
                leaf_nodes.push(i);
            } else if node.combine() == Combine::WeightedMean {
                return Err(ErrorKind::BulkUnsupported {
                    at: node.node_ref().to_string(),
                }
                .into());
            }
        }
        let mut spans = vec![(0usize, 0usize); framework.len()];
        for i in (0..framework.len()).rev() {
            let Some(node) = framework.node_at(i) else {
                continue;
            };
            let span = if node.is_leaf() {
                let p = position.get(i).copied().unwrap_or(0);
                (p, p.saturating_add(1))
            } else {
                let children = node.child_indices();
                let first = children.first().and_then(|c| spans.get(*c)).map(|s| s.0);
                let last = children.last().and_then(|c| spans.get(*c)).map(|s| s.1);
                (first.unwrap_or(0), last.unwrap_or(0))
            };
            if let Some(slot) = spans.get_mut(i) {
                *slot = span;
            }
        }
        let domain_spans = framework
            .root_indices()
            .iter()
            .map(|r| spans.get(*r).copied().unwrap_or((0, 0)))
            .collect();
        Ok(Layout {
            leaf_nodes,
            spans,
            domain_spans,
        })
    }
}

/// Leaf points of many units for one framework and period, validated once and scored in one
/// pass, exactly.
///
/// A table holds, for every unit, the final points of every leaf of a [`Framework`] (the
/// appraised points, say, as an appraisal team's spreadsheet lists them). Each value is
/// checked once, when it is pushed, and stored as a fixed-point integer at the table's scale:
/// the largest number of decimal places among the framework's maxima and the points given
/// (two, for points written `1.25`). Scoring then adds integers, not decimals: a node's
/// points are the sum of its leaves' points, the total the sum of the domains', and units are
/// ranked by comparing integers. Decimals come back only at the edges: [`UnitScore::index`]
/// is the exact decimal `points ÷ maximum × 100`, and [`UnitScore::published_index`] rounds
/// it once by the [`RoundingPolicy`].
///
/// Nothing is lost on the way: the results equal [`Framework::score`] of each unit's
/// [`PointsTable::assessment`], to the last digit. Integers cannot overflow either: the table
/// refuses, up front, a scale at which the framework's total would not fit 64 bits, and every
/// sum of a unit's points is at most the total. Cells take the narrowest integer that holds
/// every leaf's maximum (two bytes for any leaf up to 655.35 points at two decimals), which
/// keeps a cohort small and its sums fast.
///
/// # What bulk scoring covers
///
/// Frameworks whose parents and total add their children's points up ([`Combine::Sum`]),
/// with every leaf given points. Leaves' rules do not matter: the table holds final points,
/// as [`Entry::appraised`] would. A table cannot say "not applicable", so a parent's
/// [`NotApplicablePolicy`](crate::framework::NotApplicablePolicy) never comes into play. A framework
/// with a weighted-mean parent or total is refused with [`ErrorKind::BulkUnsupported`]; units
/// with not-applicable leaves, evidence still to be turned into points, or adjustments are
/// scored one by one with [`Framework::score`].
///
/// Rows are pushed one unit at a time with [`PointsTable::push`]; columns are the framework's
/// leaves, in framework order ([`PointsTable::new`]) or in the order of a header
/// ([`PointsTable::with_columns`]).
///
/// # Examples
///
/// ```
/// use par_index::{Framework, bulk::PointsTable};
/// use rust_decimal::Decimal;
///
/// let framework = Framework::builder("demo", "Demo index")
///     .total_points(Decimal::from(10))
///     .domain("1", "Công tác chỉ đạo, điều hành", Decimal::from(4))
///     .child("1", "1.1", "Kế hoạch CCHC", Decimal::from(4))
///     .domain("2", "Thủ tục hành chính", Decimal::from(6))
///     .child("2", "2.1", "Hồ sơ đúng hạn", Decimal::from(6))
///     .build()?;
///
/// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
/// table.push("ward-1", ["3.5".parse()?, "5.25".parse()?])?;
/// table.push("ward-2", [Decimal::from(4), Decimal::from(5)])?;
/// table.push("ward-3", ["3.75".parse()?, "5".parse()?])?;
///
/// let scores = table.score()?;
/// let first = scores.ranked().next().unwrap();
/// assert_eq!((first.id(), first.rank().to_string()), ("ward-2", "1".into()));
/// assert_eq!(first.published_index().to_string(), "90.00");
/// let ward_1 = scores.unit(0).unwrap();
/// assert_eq!(ward_1.index(), Decimal::new(875, 1));
/// assert_eq!(ward_1.published_index().to_string(), "87.50");
/// // ward-1 and ward-3 both publish 87.50: they share rank 2.
/// assert_eq!(scores.ranks(), [2, 1, 2]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct PointsTable<'f> {
    framework: &'f Framework,
    period: Period,
    layout: Layout,
    /// For each input column, the position of its leaf in a row.
    columns: Vec<usize>,
    /// Decimal places of the fixed-point integers.
    scale: u32,
    /// Each leaf's maximum at `scale`, in row order.
    leaf_max: Vec<i64>,
    /// The framework's total at `scale`; every sum of a unit's points is at most this.
    total_max: i64,
    units: Vec<String>,
    unit_rows: HashMap<String, usize>,
    /// Row-major: `units.len()` rows of `leaf_max.len()` points at `scale`.
    cells: Cells,
    /// The scale, maxima and cells as they were before the row being pushed raised the
    /// scale, to put back if the row is refused. The scale rises a few times in a table's
    /// life at most, so keeping a copy then costs little.
    undo: Option<Box<Undo>>,
}

/// What [`PointsTable::push`] puts back when it refuses a row that raised the scale.
#[derive(Debug, Clone)]
struct Undo {
    scale: u32,
    leaf_max: Vec<i64>,
    total_max: i64,
    cells: Cells,
}

impl<'f> PointsTable<'f> {
    /// An empty table whose columns are the framework's leaves in framework order
    /// ([`Framework::leaves`]).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::BulkUnsupported`] for a framework with a weighted-mean parent or total;
    /// [`ErrorKind::FixedPointOverflow`] when its total does not fit 64-bit fixed-point points.
    pub fn new(framework: &'f Framework, period: Period) -> Result<PointsTable<'f>, Error> {
        let layout = Layout::of(framework)?;
        let columns = (0..layout.leaf_nodes.len()).collect();
        PointsTable::with_layout(framework, period, layout, columns)
    }

    /// An empty table whose columns are the given leaf codes, in the order rows will list
    /// them (a spreadsheet's header).
    ///
    /// # Errors
    ///
    /// As [`PointsTable::new`], and [`ErrorKind::UnknownColumn`], [`ErrorKind::ColumnNotALeaf`],
    /// [`ErrorKind::DuplicateColumn`] and [`ErrorKind::MissingColumns`] for a header that is not
    /// exactly the framework's leaves.
    pub fn with_columns<S: AsRef<str>>(
        framework: &'f Framework,
        period: Period,
        columns: impl IntoIterator<Item = S>,
    ) -> Result<PointsTable<'f>, Error> {
        let layout = Layout::of(framework)?;
        let mut position_of_node = vec![None; framework.len()];
        for (p, n) in layout.leaf_nodes.iter().enumerate() {
            if let Some(slot) = position_of_node.get_mut(*n) {
                *slot = Some(p);
            }
        }
        let mut seen = vec![false; layout.leaf_nodes.len()];
        let mut positions = Vec::with_capacity(layout.leaf_nodes.len());
        for column in columns {
            let column = column.as_ref();
            let unknown = || {
                ErrorKind::UnknownColumn {
                    column: column.chars().take(MAX_CODE_LEN + 8).collect(),
                    framework: framework.id().to_owned(),
                }
                .into()
            };
            let code: Code = column.trim().parse().map_err(|_| unknown())?;
            let index = framework.index_of(&code).ok_or_else(unknown)?;
            let Some(position) = position_of_node.get(index).copied().flatten() else {
                let node = framework.node_at(index).map(Node::node_ref);
                return Err(
                    node.map_or_else(unknown, |node| ErrorKind::ColumnNotALeaf { node }.into())
                );
            };
            match seen.get_mut(position) {
                Some(false) => {
                    if let Some(flag) = seen.get_mut(position) {
                        *flag = true;
                    }
                }
                _ => return Err(ErrorKind::DuplicateColumn { code }.into()),
            }
            positions.push(position);
        }
        let missing: Vec<Code> = seen
            .iter()
            .zip(&layout.leaf_nodes)
            .filter(|(seen, _)| !**seen)
            .filter_map(|(_, n)| framework.node_at(*n).map(|n| n.code().clone()))
            .collect();
        if !missing.is_empty() {
            return Err(ErrorKind::MissingColumns {
                framework: framework.id().to_owned(),
                codes: missing,
            }
            .into());
        }
        PointsTable::with_layout(framework, period, layout, positions)
    }

    fn with_layout(
        framework: &'f Framework,
        period: Period,
        layout: Layout,
        columns: Vec<usize>,
    ) -> Result<PointsTable<'f>, Error> {
        let maxima: Vec<Decimal> = layout
            .leaf_nodes
            .iter()
            .filter_map(|n| framework.node_at(*n).map(Node::max_points))
            .collect();
        let scale = maxima
            .iter()
            .map(|m| m.normalize().scale())
            .max()
            .unwrap_or(0);
        let overflow = || {
            ErrorKind::FixedPointOverflow {
                framework: framework.id().to_owned(),
                total: framework.total_points(),
                places: scale,
            }
            .into()
        };
        let leaf_max = maxima
            .iter()
            .map(|m| to_fixed(*m, scale).ok_or_else(overflow))
            .collect::<Result<Vec<i64>, Error>>()?;
        let total_max = leaf_max
            .iter()
            .try_fold(0i64, |sum, m| sum.checked_add(*m))
            .ok_or_else(overflow)?;
        Ok(PointsTable {
            framework,
            period,
            layout,
            columns,
            scale,
            cells: Cells::for_max(leaf_max.iter().copied().max().unwrap_or(0)),
            undo: None,
            leaf_max,
            total_max,
            units: Vec::new(),
            unit_rows: HashMap::new(),
        })
    }

    /// Reserves room for `units` more rows, so that a large table is allocated once.
    pub fn reserve(&mut self, units: usize) {
        self.units.reserve(units);
        self.unit_rows.reserve(units);
        self.cells
            .reserve(units.saturating_mul(self.layout.leaf_nodes.len()));
    }

    /// Adds one unit's points, one per column, in column order.
    ///
    /// Each value is checked: not negative, at most the leaf's maximum, and with no more
    /// decimal places than 64-bit fixed-point points can hold for the framework's total. A
    /// value with more places than the table has so far raises the table's scale (the
    /// points already in are multiplied up, exactly). A row that is refused leaves the table
    /// as it was.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::EmptyTableUnit`], [`ErrorKind::DuplicateUnit`], [`ErrorKind::RowLength`],
    /// [`ErrorKind::UnitNegativePoints`], [`ErrorKind::UnitPointsAboveMax`] and
    /// [`ErrorKind::TooManyDecimals`].
    pub fn push(
        &mut self,
        unit: impl Into<String>,
        points: impl IntoIterator<Item = Decimal>,
    ) -> Result<(), Error> {
        let unit = unit.into();
        if unit.trim().is_empty() {
            return Err(ErrorKind::EmptyTableUnit {
                row: self.units.len().saturating_add(1),
            }
            .into());
        }
        if self.unit_rows.contains_key(&unit) {
            return Err(ErrorKind::DuplicateUnit { unit }.into());
        }
        let width = self.leaf_max.len();
        let start = self.cells.len();
        self.cells.resize(start.saturating_add(width));
        let filled = self.fill_row(&unit, start, points);
        let undo = self.undo.take();
        match filled {
            Ok(()) => {
                self.unit_rows.insert(unit.clone(), self.units.len());
                self.units.push(unit);
                Ok(())
            }
            Err(error) => {
                if let Some(undo) = undo {
                    let Undo {
                        scale,
                        leaf_max,
                        total_max,
                        cells,
                    } = *undo;
                    self.scale = scale;
                    self.leaf_max = leaf_max;
                    self.total_max = total_max;
                    self.cells = cells;
                }
                self.cells.truncate(start);
                Err(error)
            }
        }
    }

    fn fill_row(
        &mut self,
        unit: &str,
        start: usize,
        points: impl IntoIterator<Item = Decimal>,
    ) -> Result<(), Error> {
        let width = self.columns.len();
        let mut points = points.into_iter();
        let mut found = 0usize;
        for value in points.by_ref() {
            let Some(&position) = self.columns.get(found) else {
                found = found.saturating_add(1);
                break;
            };
            found = found.saturating_add(1);
            let fixed = self.fixed(unit, position, value)?;
            self.cells.set(start.saturating_add(position), fixed);
        }
        let found = found.saturating_add(points.count());
        if found != width {
            return Err(ErrorKind::RowLength {
                unit: unit.to_owned(),
                expected: width,
                found,
            }
            .into());
        }
        Ok(())
    }

    /// One value as a checked fixed-point integer at the table's scale.
    fn fixed(&mut self, unit: &str, position: usize, value: Decimal) -> Result<i64, Error> {
        let framework = self.framework;
        let Some(node) = self
            .layout
            .leaf_nodes
            .get(position)
            .and_then(|n| framework.node_at(*n))
        else {
            return Err(ErrorKind::RowLength {
                unit: unit.to_owned(),
                expected: self.columns.len(),
                found: position.saturating_add(1),
            }
            .into());
        };
        if value.is_sign_negative() && !value.is_zero() {
            return Err(ErrorKind::UnitNegativePoints {
                unit: unit.to_owned(),
                node: node.node_ref(),
                points: value,
            }
            .into());
        }
        let mut fixed = to_fixed(value, self.scale);
        let places = || value.normalize().scale();
        if fixed.is_none() && places() > self.scale {
            self.raise_scale(places())
                .map_err(|max_places| ErrorKind::TooManyDecimals {
                    unit: unit.to_owned(),
                    node: node.node_ref(),
                    points: value,
                    framework: framework.id().to_owned(),
                    max_places,
                })?;
            fixed = to_fixed(value, self.scale);
        }
        match fixed {
            Some(fixed) if fixed <= self.leaf_max.get(position).copied().unwrap_or(0) => Ok(fixed),
            _ => Err(ErrorKind::UnitPointsAboveMax {
                unit: unit.to_owned(),
                node: node.node_ref(),
                points: value,
                max: node.max_points(),
            }
            .into()),
        }
    }

    /// Raises the scale to `places`, multiplying every stored integer up; on failure returns
    /// the most places the framework's total allows.
    fn raise_scale(&mut self, places: u32) -> Result<(), u32> {
        let mut most = self.scale;
        let mut total = self.total_max;
        while most < MAX_PLACES {
            match total.checked_mul(10) {
                Some(t) => {
                    total = t;
                    most = most.saturating_add(1);
                }
                None => break,
            }
        }
        if places > most {
            return Err(most);
        }
        let factor = 10i64
            .checked_pow(places.checked_sub(self.scale).ok_or(most)?)
            .ok_or(most)?;
        if self.undo.is_none() {
            self.undo = Some(Box::new(Undo {
                scale: self.scale,
                leaf_max: self.leaf_max.clone(),
                total_max: self.total_max,
                cells: self.cells.clone(),
            }));
        }
        // No overflow: every stored value is at most the total, and the total fits.
        for value in self
            .leaf_max
            .iter_mut()
            .chain(std::iter::once(&mut self.total_max))
        {
            *value = value.saturating_mul(factor);
        }
        self.cells
            .widen_for(self.leaf_max.iter().copied().max().unwrap_or(0));
        self.cells.scale_up(factor);
        self.scale = places;
        Ok(())
    }

    /// The framework the table holds points for.
    pub fn framework(&self) -> &'f Framework {
        self.framework
    }

    /// The period.
    pub fn period(&self) -> &Period {
        &self.period
    }

    /// The number of units.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// True when no unit has been pushed.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The units' ids, in the order they were pushed.
    pub fn units(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.units.iter().map(String::as_str)
    }

    /// The position of a unit, if it is in the table.
    pub fn position(&self, unit: &str) -> Option<usize> {
        self.unit_rows.get(unit).copied()
    }

    /// Decimal places of the fixed-point integers: the most among the framework's maxima and
    /// the points pushed so far.
    pub fn scale(&self) -> u32 {
        self.scale
    }

    /// The points a unit gave a node: a leaf's own, or the sum of its leaves' for a parent.
    pub fn points(&self, unit: usize, code: impl AsRef<str>) -> Option<Decimal> {
        let code = code.as_ref();
        let code: Code = code.parse().ok()?;
        let index = self.framework.index_of(&code)?;
        let span = self.layout.spans.get(index)?;
        if unit >= self.units.len() {
            return None;
        }
        let width = self.leaf_max.len();
        Some(self.decimal(self.cells.span_sum(unit, width, *span)))
    }

    /// The unit at `position` as an [`Assessment`] whose entries carry the table's points
    /// as appraised points: [`Framework::score`] of it gives the full scorecard, equal to the
    /// bulk results.
    pub fn assessment(&self, position: usize) -> Option<Assessment> {
        let unit = self.units.get(position)?;
        let start = position.checked_mul(self.leaf_max.len())?;
        let mut assessment =
            Assessment::new(self.framework.id(), unit.clone(), self.period.clone());
        for (offset, node) in self.layout.leaf_nodes.iter().enumerate() {
            let node = self.framework.node_at(*node)?;
            let value = self.cells.get(start.checked_add(offset)?)?;
            assessment.push(Entry::new(node.code().clone()).with_appraised(self.decimal(value)));
        }
        Some(assessment)
    }

    /// Every unit's full scorecard ([`Framework::score`] of [`PointsTable::assessment`]),
    /// as a checked [`Cohort`]: the bridge from bulk scoring to everything that takes a
    /// cohort or a [`Ranking`](crate::Ranking) (comparison, gap, what-if, accountability, CSV and HTML).
    ///
    /// This scores unit by unit, at the speed of [`Framework::score`]; the bulk path stays
    /// the fast way to the index and the ranks alone.
    ///
    /// # Errors
    ///
    /// The scorer's errors, which a table's checked rows do not raise in practice.
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::{Framework, RankingOptions, bulk::PointsTable};
    /// use rust_decimal::Decimal;
    ///
    /// let framework = Framework::builder("demo", "Demo index")
    ///     .domain("1", "Chỉ đạo, điều hành", Decimal::from(40))
    ///     .domain("2", "Thủ tục hành chính", Decimal::from(60))
    ///     .build()?;
    /// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
    /// table.push("a", [Decimal::from(39), Decimal::from(58)])?;
    /// table.push("b", [Decimal::from(40), Decimal::from(45)])?;
    /// let ranking = table.cohort()?.rank_with(&RankingOptions::national())?;
    /// assert_eq!(ranking.unit("b").unwrap().grade.as_deref(), Some("B"));
    /// assert_eq!(ranking.units()[0].unit, "a");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cohort(&self) -> Result<Cohort, Error> {
        // Every position below the table's length has an assessment.
        let scorecards = (0..self.units.len())
            .filter_map(|position| self.assessment(position))
            .map(|assessment| self.framework.score(&assessment))
            .collect::<Result<Vec<_>, Error>>()?;
        Cohort::new(self.framework, scorecards)
    }

    /// Scores every unit and ranks them by their index as published with the default
    /// [`RoundingPolicy`] (two decimals, half away from zero).
    ///
    /// # Errors
    ///
    /// See [`PointsTable::score_with`].
    pub fn score(&self) -> Result<CohortScores<'_>, Error> {
        self.score_with(&RoundingPolicy::default())
    }

    /// Scores every unit in one pass and ranks them by their index as published with
    /// `policy`: standard competition ranking ("1224"), highest first, where units that
    /// publish the same index share the lowest rank.
    ///
    /// The published index is the true index rounded once: the quotient and remainder of
    /// `points × 100 × 10^places ÷ total` in integers, rounded as the policy says, whenever
    /// `2 × 100 × 10^places × total` (the total at the table's scale) fits 128 bits; otherwise
    /// each index goes through [`Exact`] and [`RoundingPolicy::publish`]. Both give the same
    /// figure, the true one.
    ///
    /// # Errors
    ///
    /// None today; the `Result` leaves room for checks of the policy.
    pub fn score_with(&self, policy: &RoundingPolicy) -> Result<CohortScores<'_>, Error> {
        // Each unit's total is the sum of its row, one vectorised pass; the domains' points
        // are summed when first asked for (`CohortScores::domain_points`).
        let totals = self.cells.row_totals(self.leaf_max.len());
        let places = policy.decimal_places();
        let (published, ranks) =
            match IntegerRounding::new(self.total_max, places, policy.rounding()) {
                Some(rounding) => {
                    // The published index only grows with the points, so ranks follow from a
                    // count of units by points, and the index is worked out once per distinct
                    // total rather than once per unit.
                    let ranks = competition::ranks_of_monotone(&totals, self.total_max, |t| {
                        rounding.key(t)
                    })
                    .unwrap_or_else(|| {
                        let keys: Vec<i128> = totals.iter().map(|t| rounding.key(*t)).collect();
                        competition::ranks_of_integers(&keys)
                    });
                    (Published::Integers(rounding), ranks)
                }
                None => {
                    let keys = self.exact_keys(&totals, policy, places);
                    let ranks = competition::ranks_of_integers(&keys);
                    (Published::Keys(keys), ranks)
                }
            };
        Ok(CohortScores {
            table: self,
            places,
            domain_points: OnceLock::new(),
            totals,
            published,
            ranks: ranks.into_iter().map(Rank::whole).collect(),
        })
    }

    /// Published indices through [`Exact`], as scaled integers at `places`.
    fn exact_keys(&self, totals: &[i64], policy: &RoundingPolicy, places: u32) -> Vec<i128> {
        totals
            .iter()
            .map(|total| {
                let published = policy.publish(&exact_index(*total, self.total_max));
                let lift = 10i128.pow(places.saturating_sub(published.scale()));
                published.mantissa().saturating_mul(lift)
            })
            .collect()
    }

    fn decimal(&self, value: i64) -> Decimal {
        // The scale never exceeds 28, so this cannot fail.
        Decimal::try_new(value, self.scale).unwrap_or_default()
    }
}

/// `points × 100 ÷ max` of two fixed-point integers at one scale, exact: the index
/// [`Framework::score`] gives.
fn exact_index(points: i64, max: i64) -> Exact {
    // An i64 times 100 fits an i128; a validated table's total is above 0.
    Exact::quotient(i128::from(points).saturating_mul(100), i128::from(max)).unwrap_or(Exact::ZERO)
}

/// A decimal as an integer at `scale`, if it has no more places and the result fits.
fn to_fixed(value: Decimal, scale: u32) -> Option<i64> {
    if let Some(lift) = scale
        .checked_sub(value.scale())
        .and_then(|places| POWERS_OF_TEN.get(places as usize))
    {
        // The common case, in 64 bits.
        return i64::try_from(value.mantissa()).ok()?.checked_mul(*lift);
    }
    let value = value.normalize();
    let lift = 10i128.checked_pow(scale.checked_sub(value.scale())?)?;
    i64::try_from(value.mantissa().checked_mul(lift)?).ok()
}

/// 10^0 to 10^18, every power of ten an `i64` holds.
const POWERS_OF_TEN: [i64; 19] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
    1_000_000_000_000_000_000,
];

/// The published index from integers: `round(total × 100 × 10^places ÷ max)`, the true
/// index rounded once, while every product fits 128 bits.
#[derive(Debug, Clone, Copy)]
struct IntegerRounding {
    max: u128,
    lift: u128,
    rounding: Rounding,
    /// Every numerator (at most `max × lift`) fits 64 bits.
    narrow: bool,
}

impl IntegerRounding {
    fn new(max: i64, places: u32, rounding: Rounding) -> Option<IntegerRounding> {
        let max = u128::try_from(max).ok().filter(|m| *m > 0)?;
        let lift = 10u128.checked_pow(places)?.checked_mul(100)?;
        let bound = max.checked_mul(lift)?.checked_mul(2)?;
        (bound <= i128::MAX.unsigned_abs()).then_some(IntegerRounding {
            max,
            lift,
            rounding,
            narrow: bound <= u128::from(u64::MAX),
        })
    }

    fn key(&self, total: i64) -> i128 {
        // `total ≤ max` and `2 × max × lift` fits (checked in `new`), so the product and
        // doubling below are exact; `max > 0`, so the divisions are defined.
        let numerator = u128::try_from(total).unwrap_or(0).saturating_mul(self.lift);
        let (quotient, remainder) = if self.narrow {
            // A 64-bit division is several times faster than a 128-bit one.
            let (n, m) = (numerator as u64, self.max as u64);
            (
                u128::from(n.checked_div(m).unwrap_or(0)),
                u128::from(n.checked_rem(m).unwrap_or(0)),
            )
        } else {
            (
                numerator.checked_div(self.max).unwrap_or(0),
                numerator.checked_rem(self.max).unwrap_or(0),
            )
        };
        let twice = remainder.saturating_mul(2);
        let up = match self.rounding {
            Rounding::HalfAwayFromZero => twice >= self.max,
            Rounding::HalfEven => twice > self.max || (twice == self.max && quotient % 2 == 1),
            Rounding::HalfTowardZero => twice > self.max,
            Rounding::TowardZero => false,
            Rounding::AwayFromZero => remainder > 0,
        };
        i128::try_from(quotient.saturating_add(u128::from(up))).unwrap_or(i128::MAX)
    }
}

/// Each unit's published index as an integer at the published places.
#[derive(Debug, Clone)]
enum Published {
    /// Computed from the unit's total when asked.
    Integers(IntegerRounding),
    /// Computed through decimals, one per unit.
    Keys(Vec<i128>),
}

/// The scores and ranks of every unit of a [`PointsTable`].
///
/// # Examples
///
/// ```
/// use par_index::bulk::PointsTable;
/// use par_index::{Framework, Rounding, RoundingPolicy};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Thủ tục hành chính", 60.into())
///     .build()?;
/// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
/// table.push("phuong-1", ["39.125".parse()?, 55.into()])?;
/// table.push("phuong-2", [38.into(), "56.125".parse()?])?;
/// // Published to one place, half away from zero: both show 94.1 and share rank 1.
/// let scores = table.score_with(&RoundingPolicy::new(1, Rounding::HalfAwayFromZero)?)?;
/// assert_eq!(scores.len(), 2);
/// assert_eq!(scores.published_places(), 1);
/// assert_eq!(scores.ranks(), [1, 1]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct CohortScores<'a> {
    table: &'a PointsTable<'a>,
    places: u32,
    /// Row-major: each unit's domain points at the table's scale, summed when first asked
    /// for.
    domain_points: OnceLock<Cells>,
    totals: Vec<i64>,
    /// How to find each unit's published index.
    published: Published,
    ranks: Vec<Rank>,
}

impl<'a> CohortScores<'a> {
    /// The table scored.
    pub fn table(&self) -> &'a PointsTable<'a> {
        self.table
    }

    /// The number of units.
    pub fn len(&self) -> usize {
        self.totals.len()
    }

    /// True when the cohort has no units.
    pub fn is_empty(&self) -> bool {
        self.totals.is_empty()
    }

    /// The unit at `position` (the order the units were pushed).
    pub fn unit(&self, position: usize) -> Option<UnitScore<'_>> {
        (position < self.totals.len()).then_some(UnitScore {
            scores: self,
            position,
        })
    }

    /// Every unit, in the order they were pushed.
    pub fn units(&self) -> impl ExactSizeIterator<Item = UnitScore<'_>> + '_ {
        (0..self.totals.len()).map(move |position| UnitScore {
            scores: self,
            position,
        })
    }

    /// Every unit by rank, best first; units that share a rank keep the order they were
    /// pushed in.
    pub fn ranked(&self) -> impl ExactSizeIterator<Item = UnitScore<'_>> + '_ {
        let mut order: Vec<usize> = (0..self.ranks.len()).collect();
        order.sort_by_key(|p| self.ranks.get(*p).copied());
        order.into_iter().map(move |position| UnitScore {
            scores: self,
            position,
        })
    }

    /// Each unit's competition rank, in the order the units were pushed.
    pub fn ranks(&self) -> &[Rank] {
        &self.ranks
    }

    /// Every unit's results as owned values, in the order the units were pushed.
    pub fn results(&self) -> Vec<UnitResult> {
        self.units().map(|unit| unit.result()).collect()
    }

    /// Decimal places the index is published with.
    pub fn published_places(&self) -> u32 {
        self.places
    }

    /// Each unit's domain points at the table's scale, row-major.
    pub(crate) fn domain_points_fixed(&self) -> Vec<i64> {
        let domain_points = self.domain_points();
        (0..domain_points.len())
            .filter_map(|i| domain_points.get(i))
            .collect()
    }

    /// Every unit's points in every domain, summed on the first call.
    fn domain_points(&self) -> &Cells {
        self.domain_points.get_or_init(|| {
            let table = self.table;
            let largest = self.domain_maxima_fixed().into_iter().max().unwrap_or(0);
            // In the narrowest integer that holds the largest domain's maximum.
            let mut points = Cells::for_max(largest);
            table.cells.span_sums(
                table.leaf_max.len(),
                &table.layout.domain_spans,
                &mut points,
            );
            points
        })
    }

    /// Each domain's maximum at the table's scale.
    pub(crate) fn domain_maxima_fixed(&self) -> Vec<i64> {
        let table = self.table;
        table
            .layout
            .domain_spans
            .iter()
            .map(|(start, end)| sum(table.leaf_max.get(*start..*end).unwrap_or_default()))
            .collect()
    }
}

/// One unit's results in a [`CohortScores`].
///
/// # Examples
///
/// ```
/// use par_index::bulk::PointsTable;
/// use par_index::Framework;
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Thủ tục hành chính", 60.into())
///     .build()?;
/// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
/// table.push("phuong-1", ["39.5".parse()?, 50.into()])?;
/// table.push("phuong-2", [38.into(), 56.into()])?;
/// let scores = table.score()?;
/// let unit = scores.unit(0).unwrap();
/// assert_eq!((unit.id(), unit.rank().to_string()), ("phuong-1", "2".into()));
/// assert_eq!(unit.points().to_string(), "89.5");
/// assert_eq!(unit.node_points("1").unwrap().to_string(), "39.5");
/// assert_eq!(unit.published_index().to_string(), "89.50");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct UnitScore<'s> {
    scores: &'s CohortScores<'s>,
    position: usize,
}

impl<'s> UnitScore<'s> {
    /// The unit's position in the table.
    pub fn position(&self) -> usize {
        self.position
    }

    /// The unit's id.
    pub fn id(&self) -> &'s str {
        self.scores
            .table
            .units
            .get(self.position)
            .map_or("", String::as_str)
    }

    /// Points achieved over all domains, exact.
    pub fn points(&self) -> Decimal {
        let total = self.scores.totals.get(self.position).copied().unwrap_or(0);
        self.scores.table.decimal(total)
    }

    /// Points achieved in each domain, in the framework's order, with the domain's code.
    pub fn domain_points(&self) -> impl Iterator<Item = (&'s Code, Decimal)> + 's {
        let scores = self.scores;
        let count = scores.table.layout.domain_spans.len();
        let start = self.position.saturating_mul(count);
        scores
            .table
            .framework
            .domains()
            .map(Node::code)
            .zip(start..start.saturating_add(count))
            .map(move |(code, i)| {
                let points = scores.domain_points().get(i).unwrap_or(0);
                (code, scores.table.decimal(points))
            })
    }

    /// The points of any node: a domain, a criterion or a leaf.
    pub fn node_points(&self, code: impl AsRef<str>) -> Option<Decimal> {
        let code = code.as_ref();
        self.scores.table.points(self.position, code)
    }

    /// The index in percent, exact: points × 100 ÷ total, as [`Framework::score`] gives it.
    pub fn index(&self) -> Exact {
        let total = self.scores.totals.get(self.position).copied().unwrap_or(0);
        exact_index(total, self.scores.table.total_max)
    }

    /// The index rounded once by the scoring policy, with exactly its decimal places.
    pub fn published_index(&self) -> Decimal {
        let mut key = match &self.scores.published {
            Published::Integers(rounding) => {
                rounding.key(self.scores.totals.get(self.position).copied().unwrap_or(0))
            }
            Published::Keys(keys) => keys.get(self.position).copied().unwrap_or(0),
        };
        let mut places = self.scores.places;
        // At 28 places an index of 8 or more has more digits than a decimal holds; drop the
        // trailing zeros, as `RoundingPolicy::apply` does.
        loop {
            match Decimal::try_from_i128_with_scale(key, places) {
                Ok(published) => return published,
                Err(_) if places > 0 && key % 10 == 0 => {
                    key /= 10;
                    places = places.saturating_sub(1);
                }
                Err(_) => return Decimal::MAX,
            }
        }
    }

    /// The unit's competition rank: 1 plus the number of units that publish a higher index.
    pub fn rank(&self) -> Rank {
        self.scores
            .ranks
            .get(self.position)
            .copied()
            .unwrap_or(Rank::FIRST)
    }

    /// The unit's results as an owned value, to keep, send or serialize.
    pub fn result(&self) -> UnitResult {
        UnitResult {
            unit: self.id().to_owned(),
            points: self.points(),
            domains: self
                .domain_points()
                .map(|(code, points)| DomainPoints {
                    code: code.clone(),
                    points,
                })
                .collect(),
            index: Figure::from_parts(self.index(), self.published_index()),
            rank: self.rank(),
        }
    }
}

/// One unit's results of a bulk scoring, owned: what a [`UnitScore`] reads from its
/// [`CohortScores`], in a value that serializes and reads back.
///
/// # Examples
///
/// ```
/// use par_index::bulk::PointsTable;
/// use par_index::Framework;
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Thủ tục hành chính", 60.into())
///     .build()?;
/// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
/// table.push("phuong-1", ["39.5".parse()?, 50.into()])?;
/// table.push("phuong-2", [38.into(), 56.into()])?;
/// let results = table.score()?.results();
/// assert_eq!(results[0].unit, "phuong-1");
/// assert_eq!(results[0].rank, 2);
/// assert_eq!(results[0].index.to_string(), "89.50");
/// assert_eq!(results[0].domains[0].points.to_string(), "39.5");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct UnitResult {
    /// The unit's id.
    pub unit: String,
    /// Points achieved over all domains, exact.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub points: Decimal,
    /// Points achieved in each domain, in the framework's order.
    pub domains: Vec<DomainPoints>,
    /// The index in percent, exact and as published.
    pub index: Figure,
    /// The competition rank on the published index.
    pub rank: Rank,
}

/// A domain's points in a [`UnitResult`].
///
/// # Examples
///
/// ```
/// use par_index::bulk::PointsTable;
/// use par_index::Framework;
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .build()?;
/// let mut table = PointsTable::new(&framework, "2025".parse()?)?;
/// table.push("phuong-1", ["39.5".parse()?])?;
/// let domain = &table.score()?.results()[0].domains[0];
/// assert_eq!((domain.code.as_str(), domain.points.to_string()), ("1", "39.5".to_owned()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DomainPoints {
    /// The domain's code.
    pub code: Code,
    /// Its points, exact.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub points: Decimal,
}
