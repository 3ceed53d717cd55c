//! The library's one error type.

use rust_decimal::Decimal;

use crate::code::{Code, NodeRef};

/// Everything that can go wrong, each variant naming the node, the unit and the numbers.
///
/// Messages are lowercase without a final period, so that they read well inside other
/// messages. Nothing in the library panics on caller input: every bad input ends here.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A node code that does not parse.
    #[error("invalid node code {code:?}: {reason}")]
    InvalidCode {
        /// The text given (cut to 72 characters).
        code: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A period label that does not parse.
    #[error(
        "invalid period {period:?}: use 1 to 32 letters, digits, '-', '_' or '.', such as \"2021\" or \"2021-H1\""
    )]
    InvalidPeriod {
        /// The text given (cut to 40 characters).
        period: String,
    },

    /// A framework with an empty id.
    #[error("a framework needs a non-empty id")]
    EmptyFrameworkId,
    /// A framework with no nodes.
    #[error("framework {id} has no nodes")]
    EmptyFramework {
        /// The framework's id.
        id: String,
    },
    /// A declared total of zero or less.
    #[error("framework {id} declares a total of {total} points; it must be above 0")]
    NonPositiveTotal {
        /// The framework's id.
        id: String,
        /// The declared total.
        total: Decimal,
    },
    /// Two nodes with one code.
    #[error("node code {code} is declared twice")]
    DuplicateCode {
        /// The repeated code.
        code: Code,
    },
    /// A node whose parent is not declared.
    #[error("node {code} names parent {parent}, which is not declared")]
    UnknownParent {
        /// The node.
        code: Code,
        /// The parent it names.
        parent: Code,
    },
    /// Parents that form a loop.
    #[error("node {code} is its own ancestor: its parents form a cycle")]
    ParentCycle {
        /// A node on the cycle.
        code: Code,
    },
    /// A tree deeper than the library accepts.
    #[error("node {code} is nested deeper than {max_depth} levels")]
    TooDeep {
        /// The node.
        code: Code,
        /// The deepest level accepted.
        max_depth: usize,
    },
    /// A maximum of zero or less.
    #[error("{node} has a maximum of {max} points; it must be above 0")]
    NonPositiveMax {
        /// The node.
        node: NodeRef,
        /// Its maximum.
        max: Decimal,
    },
    /// Children whose maxima do not add up to their parent's.
    #[error("the children of {node} add up to {children_sum} points but its maximum is {max}")]
    ChildrenSumMismatch {
        /// The parent.
        node: NodeRef,
        /// The sum of its children's maxima.
        children_sum: Decimal,
        /// Its maximum.
        max: Decimal,
    },
    /// Domains whose maxima do not add up to the declared total.
    #[error(
        "the domains of framework {id} add up to {sum} points but its declared total is {declared}"
    )]
    TotalMismatch {
        /// The framework's id.
        id: String,
        /// The sum of the domains' maxima.
        sum: Decimal,
        /// The declared total.
        declared: Decimal,
    },
    /// A child of a weighted-mean parent without a weight.
    #[error("{node} has no weight, but its parent combines its children by weighted mean")]
    MissingWeight {
        /// The child.
        node: NodeRef,
    },
    /// A weight of zero or less.
    #[error("{node} has a weight of {weight}; it must be above 0")]
    NonPositiveWeight {
        /// The node.
        node: NodeRef,
        /// Its weight.
        weight: Decimal,
    },
    /// A field that would be ignored where it was set.
    #[error("{node} sets {field}, which has no effect there: {reason}")]
    MisplacedField {
        /// The node.
        node: NodeRef,
        /// The field.
        field: &'static str,
        /// Why it has no effect.
        reason: &'static str,
    },
    /// A rule that can award more than its node's maximum.
    #[error("{node} awards {awarded} points but its maximum is {max}")]
    RuleExceedsMax {
        /// The node.
        node: NodeRef,
        /// The points the rule can award.
        awarded: Decimal,
        /// The node's maximum.
        max: Decimal,
    },
    /// A rule whose parameters make no sense.
    #[error("the {rule} rule of {node} is invalid: {reason}")]
    InvalidRule {
        /// The node.
        node: NodeRef,
        /// The rule's kind.
        rule: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// A builder method that sets a field before any node was added.
    #[error("a node field was set before any node was added to the framework builder")]
    BuilderWithoutNode,

    /// An assessment of another framework.
    #[error("unit {unit} is assessed against framework {found}, not {expected}")]
    FrameworkMismatch {
        /// The unit.
        unit: String,
        /// The framework scoring it.
        expected: String,
        /// The framework the assessment names.
        found: String,
    },
    /// An assessment with an empty unit id.
    #[error("an assessment needs a non-empty unit id")]
    EmptyUnit,
    /// An entry for a code the framework does not have.
    #[error("unit {unit} reports code {code}, which framework {framework} does not have")]
    UnknownCode {
        /// The unit.
        unit: String,
        /// The code.
        code: Code,
        /// The framework's id.
        framework: String,
    },
    /// An entry for a node that has children.
    #[error("unit {unit} reports {node} directly, but it has children and is scored from them")]
    NotALeaf {
        /// The unit.
        unit: String,
        /// The node.
        node: NodeRef,
    },
    /// Two entries for one leaf.
    #[error("unit {unit} reports code {code} twice")]
    DuplicateEntry {
        /// The unit.
        unit: String,
        /// The code.
        code: Code,
    },
    /// Points above the node's maximum.
    #[error("{node} is given {points} {which} points but its maximum is {max}")]
    PointsAboveMax {
        /// The node.
        node: NodeRef,
        /// Which points: entered, self-assessed or appraised.
        which: &'static str,
        /// The points given.
        points: Decimal,
        /// The node's maximum.
        max: Decimal,
    },
    /// A negative number where only zero or more make sense.
    #[error("{node} is given a negative {what}: {value}")]
    NegativeValue {
        /// The node.
        node: NodeRef,
        /// Which number.
        what: &'static str,
        /// Its value.
        value: Decimal,
    },
    /// Evidence of a kind the rule cannot score.
    #[error("{node} is scored by a {rule} rule, which cannot use {found} evidence")]
    WrongEvidence {
        /// The node.
        node: NodeRef,
        /// The rule's kind.
        rule: &'static str,
        /// The evidence's kind.
        found: &'static str,
    },
    /// A rate whose denominator is zero, where the rule does not say what that means.
    #[error(
        "{node} is given a rate with denominator 0, and its rule does not say what that scores"
    )]
    ZeroDenominator {
        /// The node.
        node: NodeRef,
    },
    /// A rate whose part exceeds its whole.
    #[error(
        "{node} is given the rate {numerator}/{denominator}: the numerator may not exceed the denominator"
    )]
    RateAboveWhole {
        /// The node.
        node: NodeRef,
        /// The numerator.
        numerator: Decimal,
        /// The denominator.
        denominator: Decimal,
    },
    /// A survey mean outside its scale.
    #[error(
        "{node} is given a survey mean of {mean}, outside its scale {scale_min} to {scale_max}"
    )]
    SurveyMeanOutOfScale {
        /// The node.
        node: NodeRef,
        /// The mean given.
        mean: Decimal,
        /// The scale's lowest answer.
        scale_min: Decimal,
        /// The scale's highest answer.
        scale_max: Decimal,
    },
    /// "Not applicable" on a node the framework does not mark optional.
    #[error("{node} is reported not applicable, but the framework does not mark it optional")]
    NotApplicableNotAllowed {
        /// The node.
        node: NodeRef,
    },
    /// "Not applicable" together with points.
    #[error("{node} is reported not applicable and also given points")]
    NotApplicableWithPoints {
        /// The node.
        node: NodeRef,
    },
    /// Nothing in the framework applies to the unit.
    #[error("nothing in the framework applies to unit {unit}: every domain is not applicable")]
    NothingApplicable {
        /// The unit.
        unit: String,
    },
    /// Leaves with no input, in strict mode.
    #[error("unit {unit} has no input for {} leaves: {}", codes.len(), list_codes(codes))]
    MissingInput {
        /// The unit.
        unit: String,
        /// The leaves without input.
        codes: Vec<Code>,
    },
    /// A framework that bulk scoring cannot add up: a parent, or the total, combines its
    /// children by weighted mean.
    #[error(
        "bulk scoring adds points up, but {at} combines its children by weighted mean: score its units one by one with Framework::score"
    )]
    BulkUnsupported {
        /// The parent (`criterion 3.2`) or `the total of framework …`.
        at: String,
    },
    /// A points-table column that is not a node of the framework.
    #[error("points table column {column:?} is not a node of framework {framework}")]
    UnknownColumn {
        /// The column's header (cut to 72 characters).
        column: String,
        /// The framework's id.
        framework: String,
    },
    /// A points-table column for a node that has children.
    #[error("points table column {node} has children; a table holds the points of leaves only")]
    ColumnNotALeaf {
        /// The node.
        node: NodeRef,
    },
    /// Two points-table columns for one leaf.
    #[error("points table column {code} appears twice")]
    DuplicateColumn {
        /// The leaf's code.
        code: Code,
    },
    /// Leaves with no points-table column.
    #[error("the points table has no column for {} leaves of framework {framework}: {}", codes.len(), list_codes(codes))]
    MissingColumns {
        /// The framework's id.
        framework: String,
        /// The leaves without a column.
        codes: Vec<Code>,
    },
    /// A points-table row with too few or too many values.
    #[error("unit {unit} has {found} points but the points table has {expected} columns")]
    RowLength {
        /// The unit.
        unit: String,
        /// The number of columns.
        expected: usize,
        /// The number of values given.
        found: usize,
    },
    /// A points-table row with an empty unit id.
    #[error("row {row} of the points table has an empty unit id")]
    EmptyTableUnit {
        /// The row, counting from 1.
        row: usize,
    },
    /// Two points-table rows for one unit.
    #[error("unit {unit} appears twice in the points table")]
    DuplicateUnit {
        /// The unit.
        unit: String,
    },
    /// Points above a leaf's maximum in a points table.
    #[error("unit {unit} is given {points} points for {node} but its maximum is {max}")]
    UnitPointsAboveMax {
        /// The unit.
        unit: String,
        /// The leaf.
        node: NodeRef,
        /// The points given.
        points: Decimal,
        /// The leaf's maximum.
        max: Decimal,
    },
    /// Negative points in a points table.
    #[error("unit {unit} is given a negative number of points for {node}: {points}")]
    UnitNegativePoints {
        /// The unit.
        unit: String,
        /// The leaf.
        node: NodeRef,
        /// The points given.
        points: Decimal,
    },
    /// Points with more decimal places than 64-bit fixed-point points can hold for the
    /// framework's total.
    #[error(
        "unit {unit} is given {points} points for {node}: bulk scoring of framework {framework} holds at most {max_places} decimal places"
    )]
    TooManyDecimals {
        /// The unit.
        unit: String,
        /// The leaf.
        node: NodeRef,
        /// The points given.
        points: Decimal,
        /// The framework's id.
        framework: String,
        /// The most decimal places the framework's total allows.
        max_places: u32,
    },
    /// A framework whose total does not fit 64-bit fixed-point points.
    #[error(
        "framework {framework} totals {total} points, which does not fit 64-bit fixed-point points at {places} decimal places"
    )]
    FixedPointOverflow {
        /// The framework's id.
        framework: String,
        /// Its total.
        total: Decimal,
        /// The decimal places its maxima need.
        places: u32,
    },
    /// An analysis option out of range.
    #[error("invalid {option}: {reason}")]
    InvalidAnalysisOption {
        /// The option.
        option: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// A scorecard that does not have the nodes of the framework it names.
    #[error("the scorecard of unit {unit} does not have the nodes of framework {framework}")]
    ScorecardMismatch {
        /// The unit.
        unit: String,
        /// The framework's id.
        framework: String,
    },
    /// A result too large for a decimal.
    #[error("arithmetic overflow {operation} {left} and {right} for {context}")]
    Overflow {
        /// What was being done.
        operation: &'static str,
        /// The left operand.
        left: Decimal,
        /// The right operand.
        right: Decimal,
        /// Where: a node, a unit's total.
        context: String,
    },
}

/// The first ten codes, then a count of the rest.
fn list_codes(codes: &[Code]) -> String {
    let shown: Vec<&str> = codes.iter().take(10).map(Code::as_str).collect();
    let mut text = shown.join(", ");
    if codes.len() > shown.len() {
        text.push_str(&format!(" and {} more", codes.len() - shown.len()));
    }
    text
}
