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

/// The language of a usage error, read from the raw arguments (clap failed, so `--lang`
/// was not parsed): `--lang en` or `--lang=en` before a lone `--`, else Vietnamese.
pub fn lang_of_args(args: &[std::ffi::OsString]) -> Lang {
    let mut lang = Lang::Vi;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = it.next() {
        let value = match arg.as_ref() {
            "--" => break,
            "--lang" => it.next().map(|v| v.into_owned()),
            a => a.strip_prefix("--lang=").map(str::to_string),
        };
        if let Some(v) = value {
            lang = Lang::parse(&v).unwrap_or(lang);
        }
    }
    lang
}

/// A usage error of clap (unknown flag or command, missing argument, bad value) worded
/// from the catalogue in `lang`, clap's usage line kept; `None` for what clap prints as
/// it is (`--help`, `--version`, the help shown when no command is given).
pub fn usage(e: &clap::Error, lang: Lang) -> Option<String> {
    use crate::messages::Msg;
    use crate::say;
    use clap::error::{ContextKind as C, ContextValue as V, ErrorKind as K};
    if matches!(e.kind(), K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand) {
        return None;
    }
    let get = |kind: C| -> Option<String> {
        match e.get(kind)? {
            V::String(s) => Some(s.clone()),
            V::Strings(v) => Some(v.join("', '")),
            V::StyledStr(s) => Some(s.to_string()),
            V::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let list = |kind: C| -> Option<String> {
        match e.get(kind)? {
            V::Strings(v) => Some(v.join(", ")),
            V::String(s) => Some(s.clone()),
            _ => None,
        }
    };
    let rendered = e.render().to_string();
    // clap's own words, for the kinds the catalogue has no text of its own for.
    let detail = || rendered.lines().next().unwrap_or("").trim_start_matches("error: ").trim().to_string();
    let arg = get(C::InvalidArg).unwrap_or_default();
    let mut tips = Vec::new();
    let message = match e.kind() {
        K::UnknownArgument => {
            if let Some(near) = get(C::SuggestedArg) {
                tips.push(say!(lang, ClapSimilarArgument, near));
            }
            // clap's tip to pass a value starting with `-` after `--`.
            if e.get(C::Suggested).is_some() && arg.starts_with('-') {
                tips.push(say!(lang, ClapTrailingTip, arg));
            }
            say!(lang, ClapUnknownArgument, arg)
        }
        K::InvalidSubcommand => {
            if let Some(near) = get(C::SuggestedSubcommand) {
                tips.push(say!(lang, ClapSimilarCommand, near));
            }
            say!(lang, ClapUnknownCommand, command = get(C::InvalidSubcommand).unwrap_or_default())
        }
        K::InvalidValue => match get(C::InvalidValue).filter(|v| !v.is_empty()) {
            None => say!(lang, ClapValueRequired, arg),
            Some(value) => {
                if let Some(near) = get(C::SuggestedValue) {
                    tips.push(say!(lang, ClapSimilarValue, near));
                }
                if let Some(values) = list(C::ValidValue) {
                    tips.push(say!(lang, ClapPossibleValues, values));
                }
                say!(lang, ClapInvalidValue, value, arg)
            }
        },
        K::ValueValidation => {
            let value = get(C::InvalidValue).unwrap_or_default();
            let reason = std::error::Error::source(e).map(|s| s.to_string()).unwrap_or_else(detail);
            say!(lang, ClapBadValue, value, arg, reason)
        }
        K::MissingRequiredArgument => say!(lang, ClapMissingArguments, args = list(C::InvalidArg).unwrap_or_default()),
        K::ArgumentConflict => match get(C::PriorArg) {
            Some(other) if other != arg => say!(lang, ClapConflict, arg, other),
            _ => say!(lang, ClapRepeated, arg),
        },
        K::InvalidUtf8 => say!(lang, ClapNotUtf8),
        _ => say!(lang, ClapOther, detail = detail()),
    };
    let mut out = format!("error: {message}\n");
    for tip in tips {
        out.push_str(&format!("\n  {}: {tip}\n", Msg::LabelTip.text(lang)));
    }
    if let Some(usage) = rendered.lines().find_map(|l| l.strip_prefix("Usage: ")) {
        out.push_str(&format!("\n{}\n", say!(lang, ClapUsage, usage)));
    }
    out.push_str(&format!("\n{}\n", say!(lang, ClapMoreInfo)));
    Some(out)
}
