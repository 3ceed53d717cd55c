//! Frameworks and evidence built through the public builder from a small arbitrary model;
//! scores, ranks and attributions are checked against their invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use par_index_fuzz::{Model, structured};

fuzz_target!(|model: Model| structured(&model));
