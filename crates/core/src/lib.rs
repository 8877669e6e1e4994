//! `par`'s core: what is true of a plan whatever asks. The plan file (`plan`: schema,
//! loading, checks, the model), periods and reporting calendars, dates as users type
//! them, text folding, the two languages, the one way an input file is read, the kinds of failure,
//! and the pure computations over a plan and a date (`compute`).
//!
//! No clap, no anyhow, nothing of the CLI: `.ci/run` checks `cargo tree` for it.

pub mod calendar;
pub mod compute;
pub mod dates;
pub mod failure;
pub mod i18n;
pub mod messages;
pub mod period;
pub mod plan;
pub mod read;
pub mod text;
