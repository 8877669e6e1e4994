//! Failures and the exit codes they map to.

use std::fmt;

/// Exit codes, documented in the README (defined in the core: its errors carry one).
pub use crate::exit as code;

/// An error already worded for the user, with its exit code.
#[derive(Debug)]
pub struct Fail {
    pub code: i32,
    pub message: String,
}

impl Fail {
    pub fn input(message: impl Into<String>) -> Fail {
        Fail { code: code::INPUT, message: message.into() }
    }

    pub fn io(message: impl Into<String>) -> Fail {
        Fail { code: code::IO, message: message.into() }
    }
}

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Fail {}

/// Exit code for any error: ours carry one, plan-file errors are input errors,
/// anything else is treated as an I/O failure.
pub fn exit_code(e: &anyhow::Error) -> i32 {
    if let Some(f) = e.downcast_ref::<Fail>() {
        return f.code;
    }
    if let Some(pe) = e.downcast_ref::<crate::plan::PlanError>() {
        return if pe.is_unreadable() { code::IO } else { code::INPUT };
    }
    code::IO
}

pub use crate::read::io_reason;
