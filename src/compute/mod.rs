//! Pure computations over a plan and a date: they return data, never print.

pub mod check;
pub mod detail;
pub mod export;
pub mod index;
pub mod listing;
pub mod measures;
pub mod report;
pub mod reporting;
pub mod rollup;
pub mod row;
pub mod schedule;
pub mod summary;

pub use schedule::{Occurrence, Status, all_occurrences, current, occurrences};
