//! From a unit's index to its head's rating: the links local rules draw between the two.
//!
//! Sources:
//!
//! - [`PeerAverageRule`]: Hải Phòng 212/2025/QĐ-UBND (18/11/2025), Annex 01, item 5.1.a —
//!   the unit's published PAR Index at or above the city average earns its head 2 points,
//!   below earns 0. Needs the whole cohort. Full text (a crawled copy):
//!   <https://github.com/tnt305/tai_lieu_noi_bo/blob/94c5034af72cc7e5020694d06eceb126a103d48b/src/etl/dataset/548693349b18e8cf.md>.
//! - [`RatingScheme`]: the same decision, Art. 7 (leaders) and Art. 3 (overrides) — points
//!   bands with gates on the ratings of directly managed units, and a disciplinary sanction
//!   forcing "not completed".
//! - [`EmulationRule`]: Kon Tum 707/QĐ-UBND — a unit graded "Trung bình" or lower, or one
//!   that fell two grades since last year, loses eligibility for that year's emulation award,
//!   and so does its head:
//!   <http://kkt-kontum.com/bo-tieu-chi-xac-dinh-chi-so-cai-cach-hanh-chinh-cua-cac-co-quan-tren-dia-ban-tinh-kon-tum.p-1825.html>
//!   (the year of the decision and its grade thresholds are not known).
//!
//! Every number is data with a documented default that callers may change.

mod bands;
mod emulation;
mod peer_average;

pub use self::bands::{
    LeaderRating, ManagedUnits, RatingBand, RatingFacts, RatingGate, RatingOutcome, RatingScheme,
    RatingSchemeSpec, Threshold,
};
pub use self::emulation::{EmulationEligibility, EmulationRule, GradeLabels, Ineligibility};
pub use self::peer_average::{PeerAverage, PeerAverageRule, PeerStanding};

/// Hải Phòng 212/2025/QĐ-UBND, full text (a crawled copy).
pub(crate) const HAI_PHONG_212_2025: &str = "https://github.com/tnt305/tai_lieu_noi_bo/blob/94c5034af72cc7e5020694d06eceb126a103d48b/src/etl/dataset/548693349b18e8cf.md";

/// Kon Tum 707/QĐ-UBND.
pub(crate) const KON_TUM_707: &str = "http://kkt-kontum.com/bo-tieu-chi-xac-dinh-chi-so-cai-cach-hanh-chinh-cua-cac-co-quan-tren-dia-ban-tinh-kon-tum.p-1825.html";
