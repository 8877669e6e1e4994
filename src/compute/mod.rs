//! Pure computations over a plan and a date: they return data, never print.

pub mod detail;
pub mod export;
pub mod listing;
pub mod rollup;
pub mod schedule;
pub mod summary;

pub use schedule::{Occurrence, Status, all_occurrences, current, occurrences};
