//! Arbitrary bytes as JSON: a framework, an assessment and assignments, separated by NUL
//! bytes. Whatever parses is validated, scored, ranked, published, attributed and reported;
//! nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use par_index_fuzz::json_pipeline;

fuzz_target!(|data: &[u8]| json_pipeline(data));
