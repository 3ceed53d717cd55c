//! The fuzz targets' code paths, shared with the regression tests of the main crate
//! (`tests/fuzz_regressions.rs` includes `pipeline.rs`).

mod pipeline;

pub use pipeline::*;
