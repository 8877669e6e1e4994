//! The plan file: its on-disk schema, loading with clear errors, checks, and the model.

pub mod diagnostic;
pub mod history;
pub mod load;
pub mod model;
pub mod pieces;
pub mod prescan;
pub mod schema;
pub mod sets;
pub mod slip;
pub mod task_reader;
pub mod validate;

pub use diagnostic::PlanError;
pub use history::{Cancelled, Change, Sent};
pub use load::{Loaded, discover, load};
pub use model::*;
