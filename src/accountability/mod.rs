//! Accountability: each domain of an index answered for by the head of a lead agency.
//!
//! Hội An's vice-chairman proposed in 2021 to "attach the responsibility of each agency head
//! to the PAR index of each domain, so that for institutional reform or organisational
//! reform we know which agency answers for it". This module does that:
//!
//! - [`Agency`] and its [`Head`]; [`Assignments`] declare which agency leads each domain and,
//!   where re-assigned, each criterion (plain, serializable data; two inferred templates,
//!   [`Assignments::provincial_template`] and [`Assignments::city_template`]);
//! - [`Accountability::new`] validates them against a [`Framework`](crate::Framework): every
//!   leaf ends up with exactly one lead, the deepest assignment winning;
//! - [`Accountability::attribute`] splits a [`Scorecard`](crate::Scorecard)'s points and lost
//!   points over its leaves exactly, and [`Accountability::report`] /
//!   [`Accountability::cohort_report`] add them up per head into an
//!   [`AccountabilityReport`] (owned, achieved, lost, percentage, rank, worst leaves, change
//!   since a previous report), printable as a table;
//! - [`LateDossiers`] and [`ApologyLedger`]: late dossiers and apologies per agency, as
//!   evidence for a scoring rule.
//!
//! # Attribution
//!
//! The heads' lost points add up exactly to the unit's lost points
//! ([`Scorecard::lost_points`](crate::Scorecard::lost_points)), whatever the framework's
//! parents do with points (sum, rescale, weighted mean) and with leaves that do not apply;
//! the rule is documented on [`Accountability::attribute`].
//!
//! # Example
//!
//! ```
//! use par_index::{Assessment, Entry, Framework, accountability::{Accountability, Assignments}};
//! use rust_decimal::Decimal;
//!
//! let mut builder = Framework::builder("city-demo", "City PAR index (illustrative)");
//! for (code, max) in [("1", 10), ("2", 10), ("3", 20), ("4", 10), ("5", 15), ("6", 10), ("7", 15), ("8", 10)] {
//!     builder = builder.domain(code, &format!("Lĩnh vực {code}"), Decimal::from(max));
//! }
//! let framework = builder.build()?;
//! let accountability = Accountability::new(&framework, Assignments::city_template())?;
//!
//! let mut ward = Assessment::new("city-demo", "ward-1", "2021".parse()?);
//! for (code, points) in [("1", 9), ("2", 8), ("3", 14), ("4", 10), ("5", 13), ("6", 9), ("7", 11), ("8", 8)] {
//!     ward.push(Entry::new(code.parse()?).with_appraised(Decimal::from(points)));
//! }
//! let report = accountability.report(&framework.score(&ward)?)?;
//! let lost: par_index::Exact = report.heads.iter().map(|h| &h.lost).sum();
//! assert_eq!(lost, Decimal::from(18));
//! assert_eq!(report.head("VP").unwrap().lost, Decimal::from(6)); // administrative procedures
//! assert_eq!(report.head("TTHCC").unwrap().rank, None); // coordinates only: owns nothing
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod agency;
mod assignment;
mod attribution;
mod dossiers;
mod report;
mod templates;

pub use self::agency::{Agency, AgencyKind, Head};
pub use self::assignment::{Accountability, Assignments, NodeAssignment};
pub use self::attribution::LeafShare;
pub use self::dossiers::{ApologyLedger, LateDossiers};
pub use self::report::{
    AccountabilityReport, HeadChange, HeadReport, LostLeaf, ReportOptions, Verdict,
};
