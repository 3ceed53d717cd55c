//! Analyses of a scored cohort: how far ranks depend on the domains' weights, how far
//! units' own assessments stand from the appraisal, what a unit needs to move up, and what
//! its standing would be had some of its evidence been different.

pub(crate) mod gap;
pub(crate) mod self_vs_appraised;
pub(crate) mod uncertainty;
pub(crate) mod what_if;
