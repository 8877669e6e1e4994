//! Arbitrary bytes as a plan file: decode (BOM, UTF-8, UTF-16 detection), parse,
//! validate, then every read computation and renderer (status, list, show, index,
//! index --evidence, check, in both languages, JSON and tables), with the invariants
//! of tests/support/exercise.rs: counts add up, percents in range, JSON valid, keys
//! parse back, no raw escape on the terminal, errors located inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/exercise.rs"]
#[allow(dead_code)]
mod exercise;

fuzz_target!(|data: &[u8]| {
    // A folder that does not exist: an `[index] file = "…"` relative to the plan
    // cannot reach real files; absolute names go through the same checks as in use.
    let _ = exercise::exercise(std::path::Path::new("/nonexistent-par-fuzz/plan.toml"), data);
});
