//! Exit codes, documented in the README. The core's errors carry one (a file that
//! could not be read is 3); the binary maps every failure to one of these.

pub const OK: i32 = 0;
/// The command ran, and found something the user asked to be told about
/// (overdue items with `--fail-on-overdue`, `check` violations, skipped files).
pub const FINDINGS: i32 = 1;
/// Bad input: usage, an invalid plan file, an unknown id, a bad date.
pub const INPUT: i32 = 2;
/// A file could not be read or written (permissions, disk full, lock held).
pub const IO: i32 = 3;
