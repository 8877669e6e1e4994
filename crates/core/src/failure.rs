//! What kind of failure stopped a command, named where it happens and carried to the one
//! place that words the exit code (`error::exit_code` in the binary). Core code (plan,
//! compute, read) says only the kind; it knows nothing of exit codes or of anyhow.

/// Why a command could not do what it was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Bad input: usage, an invalid plan file, an unknown id, a bad date (exit code 2).
    Input,
    /// A file could not be read: missing, permissions, a pipe, too large (exit code 3).
    Read,
    /// A file could not be written: permissions, disk full, a read-only folder (exit code 3).
    Write,
    /// Someone else holds the plan: its lock, or an edit made while par worked (exit code 3).
    Conflict,
    /// The command ran, and found what the user asked to be told about (exit code 1).
    Findings,
}

/// The label of the line saying what to do, in `lang`: `gợi ý` or `help` (from the
/// message catalogue; one label per language).
pub fn help_label(lang: crate::i18n::Lang) -> &'static str {
    crate::messages::Msg::LabelHelp.text(lang)
}

/// Words an I/O error without the OS's "(os error 13)" noise, in the output language.
pub fn io_reason(error: &std::io::Error) -> String {
    io_reason_in(error, crate::messages::output_lang())
}

/// [`io_reason`] in `lang`.
pub fn io_reason_in(error: &std::io::Error, lang: crate::i18n::Lang) -> String {
    use std::io::ErrorKind::*;
    match error.kind() {
        NotFound => crate::say!(lang, ReadNotFound),
        PermissionDenied => crate::say!(lang, IoDenied),
        IsADirectory => crate::say!(lang, ReadIsFolder),
        StorageFull => crate::say!(lang, IoDiskFull),
        ReadOnlyFilesystem => crate::say!(lang, IoReadOnly),
        _ => {
            let s = error.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}
