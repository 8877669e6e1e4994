//! Failures and the exit codes they map to.

use std::fmt;

/// Exit codes, documented in the README.
pub mod code {
    pub const OK: i32 = 0;
    /// The command ran, and found something the user asked to be told about
    /// (overdue items with `--fail-on-overdue`, `check` violations, skipped files).
    pub const FINDINGS: i32 = 1;
    /// Bad input: usage, an invalid plan file, an unknown id, a bad date.
    pub const INPUT: i32 = 2;
    /// A file could not be read or written (permissions, disk full, lock held).
    pub const IO: i32 = 3;
}

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

/// Words an I/O error without the OS's "(os error 13)" noise.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or folder".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "it is a folder, not a file".into(),
        StorageFull => "the disk is full".into(),
        ReadOnlyFilesystem => "the file system is read-only".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}
