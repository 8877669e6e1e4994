//! Failures, the one place they are worded for standard error, and the exit codes
//! their kinds map to.

use std::fmt;

pub use crate::failure::{Kind, io_reason, io_reason_in};
use crate::i18n::Lang;

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

/// The exit code of a kind of failure.
pub fn code_of(kind: Kind) -> i32 {
    match kind {
        Kind::Input => code::INPUT,
        Kind::Read | Kind::Write | Kind::Conflict => code::IO,
        Kind::Findings => code::FINDINGS,
    }
}

/// A failure already worded for the user: what went wrong and, when there is
/// something to do about it, what (shown on a `help:` line below).
#[derive(Debug)]
pub struct Fail {
    pub kind: Kind,
    pub message: String,
    pub help: Option<String>,
    /// `message` is a whole rendering with its own `error:` lines (a plan's diagnostics
    /// with their notes), shown as it is.
    pub rendered: bool,
}

impl Fail {
    pub fn new(kind: Kind, message: impl Into<String>) -> Fail {
        Fail { kind, message: message.into(), help: None, rendered: false }
    }

    pub fn input(message: impl Into<String>) -> Fail {
        Fail::new(Kind::Input, message)
    }

    pub fn read(message: impl Into<String>) -> Fail {
        Fail::new(Kind::Read, message)
    }

    pub fn write(message: impl Into<String>) -> Fail {
        Fail::new(Kind::Write, message)
    }

    pub fn conflict(message: impl Into<String>) -> Fail {
        Fail::new(Kind::Conflict, message)
    }

    pub fn findings(message: impl Into<String>) -> Fail {
        Fail::new(Kind::Findings, message)
    }

    /// Plan diagnostics already rendered (see `plan::diagnostic::Source::render`).
    pub fn rendered(kind: Kind, text: impl Into<String>) -> Fail {
        Fail { rendered: true, ..Fail::new(kind, text) }
    }

    /// What the user can do about it.
    pub fn help(mut self, help: impl Into<String>) -> Fail {
        self.help = Some(help.into());
        self
    }

    /// [`Fail::help`], kept for callers that name the language: the label is the output
    /// language's (`gợi ý:` in Vietnamese, `help:` in English) whatever the call.
    pub fn help_in(self, _lang: Lang, help: impl Into<String>) -> Fail {
        self.help(help)
    }

    /// The exit code.
    pub fn code(&self) -> i32 {
        code_of(self.kind)
    }
}

/// The message and its help, without the leading `error: `; the help line's label is the
/// output language's (see `messages::output_lang`).
impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        match &self.help {
            Some(help) => write!(f, "\n      {}: {help}", crate::failure::help_label(crate::messages::output_lang())),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Fail {}

/// The kind of any error: ours carry one; anything else is a failure of the system
/// underneath, treated as an I/O failure.
fn kind_of(error: &anyhow::Error) -> Kind {
    if let Some(f) = error.downcast_ref::<Fail>() {
        return f.kind;
    }
    if let Some(pe) = error.downcast_ref::<crate::plan::PlanError>() {
        return pe.kind;
    }
    Kind::Write
}

/// Exit code for any error.
pub fn exit_code(error: &anyhow::Error) -> i32 {
    code_of(kind_of(error))
}

/// The text standard error shows for an error, `error: ` and all, and its exit code:
/// the one place failures are worded.
pub fn report(error: &anyhow::Error) -> (String, i32) {
    let text = match (error.downcast_ref::<Fail>(), error.downcast_ref::<crate::plan::PlanError>()) {
        (Some(f), _) if f.rendered => f.to_string(),
        (_, Some(pe)) => pe.to_string(),
        _ => format!("error: {error}"),
    };
    // Errors quote plan text and arguments: neutralise escapes before they reach a terminal.
    (crate::text::clean(&text).into_owned(), exit_code(error))
}
