//! The test suite: one binary, so `par`'s tests link once. Each module is one topic and
//! runs `par` through the one harness in `support/` (a `Session` in a temporary folder,
//! or `Par` options for assert_cmd). A test is named `topic::test_name`:
//! `cargo test --test main hostile::` runs a topic, `cargo test --test main -- --exact
//! core::show_a_task_by_any_id_form` one test.
//!
//! Cargo.toml sets `autotests = false`: a new `tests/topic.rs` is compiled only once it is
//! declared here. Tests that need an outside tool are `#[ignore = "needs TOOL …"]`;
//! `tests/run-ignored.sh` runs those whose tool is installed and says which it skipped.

mod support;

mod assess;
mod assess_out;
mod core;
mod crash_safety;
mod dates;
mod edit_properties;
mod editing;
mod examples;
mod export;
mod history;
mod hostile;
mod import;
mod import_corpus;
mod import_forms;
mod index_check;
mod journal;
mod keys;
mod messages;
mod office;
mod period;
mod properties;
mod report;
mod rollup;
mod shell;
mod terminal;
mod words;
mod write_commands;
mod write_safety;
