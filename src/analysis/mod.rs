//! Analyses of a scored cohort: how far ranks depend on the domains' weights, which
//! weights move them most (variance-based sensitivity), how far
//! units' own assessments stand from the appraisal, what a unit needs to move up, and what
//! its standing would be had some of its evidence been different.

pub mod gap;
pub mod plan;
mod reweighting;
pub mod self_appraisal;
pub mod sensitivity;
mod sobol_sequence;
pub mod uncertainty;
pub mod what_if;
