//! Exact scoring for Vietnam's Public Administration Reform Index (PAR Index, Chỉ số cải
//! cách hành chính).
//!
//! The Ministry of Home Affairs scores every province and ministry each year; provinces,
//! districts and cities score their own departments, communes and wards with local copies of
//! the same method. This crate is the engine such tools embed:
//!
//! - a [`Framework`] models an index: domains (lĩnh vực) → criteria (tiêu chí) →
//!   sub-criteria (tiêu chí thành phần), each with its maximum points, how it is assessed and,
//!   for leaves, a scoring [`Rule`]; it is validated whole when built;
//! - an [`Assessment`] holds one unit's inputs for one [`Period`]: [`Evidence`], self-assessed
//!   and appraised points, notes and evidence references;
//! - [`Framework::score`] turns an assessment into a [`Scorecard`]: exact points and
//!   percentages for every node, the total, bonus and deduction [`Adjustment`](crate::assessment::Adjustment)s and the index;
//! - [`Scorecard::publish`] rounds every figure once, by a declared [`RoundingPolicy`];
//! - a [`Cohort`] of scorecards ranks into a [`Ranking`] (tie methods, per-domain ranks,
//!   [`GradeScale`] grades, statistics), and a [`Comparison`](crate::comparison::Comparison) sets two periods side by side;
//! - [`Accountability`](crate::accountability::Accountability) assigns each domain to a lead [`Agency`](crate::accountability::Agency) and its [`Head`](crate::accountability::Head), and splits
//!   a unit's (or a cohort's) lost points over the heads exactly; [`PeerAverageRule`](crate::rating::PeerAverageRule),
//!   [`RatingScheme`](crate::rating::RatingScheme) and [`EmulationRule`](crate::rating::EmulationRule) carry a unit's index into its head's rating;
//! - [`builtin`] holds the official frameworks as far as their sources verify them (each
//!   with its decision and sources), [`format`](mod@format) documents the JSON form of a
//!   province's own annex, and [`pin`](crate::pinning::pin) proves that a published table is reproduced;
//! - a [`PointsTable`](crate::bulk::PointsTable) scores and ranks thousands of units at once, exactly;
//!   [`RankUncertainty`](crate::analysis::uncertainty::RankUncertainty) tells how solid a rank is, [`RankSensitivity`](crate::analysis::sensitivity::RankSensitivity) which domain's weight
//!   moves the ranks most (Sobol' indices, as SALib computes them), and [`SelfAppraisal`](crate::analysis::self_appraisal::SelfAppraisal) sets self-assessed
//!   against appraised points;
//! - a [`Gap`](crate::analysis::gap::Gap) gives the exact points a ranked unit needs for the next grade or a rank, and
//!   where it lost most; a [`WhatIf`](crate::analysis::what_if::WhatIf) scores one unit again with some evidence changed and
//!   ranks it among the others as they stand;
//! - rankings, comparisons and scorecards are reported as plain-text tables, CSV (feature
//!   `csv`) and a self-contained HTML page (feature `html`).
//!
//! # Example
//!
//! ```
//! use par_index::{Assessment, Entry, Evidence, Framework, RoundingPolicy, Rule};
//! use rust_decimal::Decimal;
//!
//! let framework = Framework::builder("ward-index-demo", "Ward PAR index (illustrative)")
//!     .total_points(Decimal::from(20))
//!     .domain("1", "Công tác chỉ đạo, điều hành CCHC", Decimal::from(8))
//!     .name_en("Direction of reform")
//!     .child("1", "1.1", "Ban hành kế hoạch CCHC năm đúng hạn", Decimal::from(4))
//!     .rule(Rule::yes_no())
//!     .child("1", "1.2", "Hội nghị chỉ đạo CCHC", Decimal::from(4))
//!     .rule(Rule::Direct)
//!     .domain("2", "Cải cách thủ tục hành chính", Decimal::from(12))
//!     .name_en("Administrative procedures")
//!     .child("2", "2.1", "Tỷ lệ hồ sơ giải quyết sớm, đúng hạn", Decimal::from(12))
//!     .rule(Rule::proportional())
//!     .build()?;
//!
//! let mut ward = Assessment::new("ward-index-demo", "ward-1", "2021".parse()?);
//! ward.push(Entry::new("1.1".parse()?).with_evidence(Evidence::Flag(true)))
//!     .push(Entry::new("1.2".parse()?).with_self_assessed(Decimal::from(4))
//!         .with_appraised(Decimal::from(3)).with_note("one meeting without minutes"))
//!     .push(Entry::new("2.1".parse()?).with_evidence(Evidence::rate(5_378, 5_597)));
//!
//! let scorecard = framework.score(&ward)?;
//! assert_eq!(scorecard.node("1").unwrap().points, Decimal::from(7)); // 4 + appraised 3
//! let published = scorecard.publish(&RoundingPolicy::default());
//! assert_eq!(published.index.to_string(), "92.65"); // (7 + 12 × 5378/5597) / 20
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Exactness and rounding
//!
//! Every figure the library computes is an [`Exact`]: the true rational value, held as a
//! [`rust_decimal::Decimal`] while it is one and as a fraction when it is not (a third, a
//! rescaled sum). There is no floating point in scoring, and every operation is checked, so an
//! overflow is an [`ErrorKind::Overflow`], never a panic. [`Exact::to_decimal`] gives the value
//! itself, or, when no 28-digit decimal holds it, the value rounded once to 28 significant
//! digits. Bands, grades, ties, ranks and clamps are decided on true values. Figures are
//! rounded once, when published, by a [`RoundingPolicy`] (at most 12 places): by default 2
//! decimal places, half away from zero, as Vietnamese reports print them (`rust_decimal`'s own
//! default is banker's rounding, which would print 93.305 as 93.30).
//!
//! ```
//! use par_index::{Exact, Rounding, RoundingPolicy};
//!
//! // (50.5 − 20) / (80 − 20) of 3 points: exactly 1.525, published 1.53.
//! let points: Exact = "1.525".parse()?;
//! assert_eq!(RoundingPolicy::default().publish(&points).to_string(), "1.53");
//! let third: Exact = "100/3".parse()?;
//! assert_eq!(third.to_string(), "33.33333333333333333333333333");
//! let whole = RoundingPolicy::new(0, Rounding::TowardZero)?;
//! assert_eq!(whole.publish(&third).to_string(), "33");
//! # Ok::<(), par_index::Error>(())
//! ```
//!
//! # Errors
//!
//! One [`Error`] type, one pointer wide; its [`ErrorKind`] names the node, the unit and the
//! numbers involved, e.g. `sub-criterion 3.2.1 is given 1.5 appraised points but its maximum
//! is 1`. Nothing a caller passes in is silently dropped: unknown codes, duplicate entries,
//! fields that would have no effect are all refused. Match on [`Error::kind`], or branch on a
//! category: [`Error::is_input`], [`Error::is_mismatch`], [`Error::is_parse`],
//! [`Error::is_csv`], [`Error::is_io`], [`Error::is_overflow`], [`Error::is_unsupported`] (see
//! [`error`](mod@error)).
//!
//! # Crate features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for frameworks, assessments and
//!   scorecards. Decimals are written as strings and read from strings or integers, so no
//!   digit is lost; input types reject unknown fields.
//! - `csv` (off by default; adds the `csv` crate): the `par_index::csv` module reads
//!   assessments (wide or long form) and frameworks from CSV, and writes rankings,
//!   comparisons, published scorecards, accountability reports, assessments and frameworks
//!   as CSV that opens cleanly
//!   in a spreadsheet (UTF-8, decimals with a dot, an optional byte-order mark for Excel).
//!   Errors name the file, line and column.
//! - `parallel` (default; adds `rayon`): the uncertainty and sensitivity analyses run on
//!   every core. Their reports are the same bit for bit with it or without it, whatever the
//!   number of threads; a caller sizes the pool with rayon's `ThreadPool::install`.
//! - `html` (off by default; no extra dependency): the `par_index::html` module renders
//!   one self-contained HTML report of a ranking: the ranking table with grades and changes,
//!   a bar chart of the index (inline SVG), a heat table of the domains and the heads'
//!   accountability table; no JavaScript, no network.
//!
//! The compact text forms of evidence and rules (`7723/8037`, `96.09%`,
//! `threshold_bands 100%:8 98%:6`) used in CSV cells and on command lines are always
//! available: see [`text`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
// No panics on any input: library code may not unwrap, index, or use unchecked arithmetic.
// Tests (unit tests here, and everything under tests/, benches/, examples/) may.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub mod accountability;
pub mod analysis;
pub mod assessment;
pub mod builtin;
pub mod bulk;
pub mod code;
mod cohort;
pub mod comparison;
mod competition;
#[cfg(feature = "csv")]
pub mod csv;
pub mod error;
#[cfg(feature = "serde")]
mod evidence_serde;
mod exact;
mod figure;
pub mod format;
pub mod framework;
mod grade;
#[cfg(feature = "html")]
pub mod html;
pub mod identifier;
pub mod language;
mod math;
pub mod page;
mod parallel;
pub mod pinning;
pub mod ranking;
pub mod rating;
mod rounding;
pub mod rule;
pub mod scorecard;
#[cfg(feature = "serde")]
mod serde_decimal;
pub mod statistics;
mod table;
pub mod text;
mod tie;
pub mod trend;

// The core path at the root; everything else in the module named after its concept.
pub use crate::assessment::{Assessment, Entry, Period};
pub use crate::code::Code;
pub use crate::cohort::Cohort;
pub use crate::error::{Error, ErrorKind};
pub use crate::exact::Exact;
pub use crate::figure::Figure;
pub use crate::framework::{Framework, FrameworkBuilder, Node};
pub use crate::grade::{GradeBand, GradeScale};
pub use crate::ranking::{RankedUnit, Ranking, RankingOptions};
pub use crate::rounding::{Rounding, RoundingPolicy};
pub use crate::rule::{Evidence, Rule};
pub use crate::scorecard::{Scorecard, ScoringOptions};

pub use rust_decimal::{self, Decimal};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
