//! Analyses of a scored cohort: how far ranks depend on the domains' weights, and how far
//! units' own assessments stand from the appraisal.

pub(crate) mod self_vs_appraised;
pub(crate) mod uncertainty;
