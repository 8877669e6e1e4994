//! Pure computations over a plan and a date: they return data, never print.

pub mod assess;
pub mod assess_table;
pub mod check;
pub mod export;
pub mod index;
pub mod list;
pub mod measures;
pub mod report;
pub mod report_words;
pub mod rollup;
pub mod rollup_criteria;
pub mod rollup_units;
pub mod roster;
pub mod row;
pub mod schedule;
pub mod sent;
pub mod show;
pub mod standing;
pub mod status;

pub use schedule::{Occurrence, Status, all_occurrences, current, occurrences};
