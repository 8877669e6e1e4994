//! Finding, reading and parsing the plan file.

use std::path::{Path, PathBuf};

use super::diagnostic::{Brief, Diagnostic, PlanError, Source};
use super::model::Plan;
use super::schema::RawPlan;
use crate::failure::Kind;
use crate::messages::output_lang;

pub const FILE_NAME: &str = "plan.toml";

/// Where the plan is, as cargo finds Cargo.toml: the `-f/--file` option, then
/// `PAR_FILE`, then `plan.toml` in the current folder or the nearest parent.
pub fn discover(explicit: Option<&Path>, cwd: &Path) -> Result<PathBuf, PlanError> {
    if let Some(p) = explicit {
        // A named pipe or a device is refused here, before anything opens it: a writer's
        // checks open the plan for writing, which waits on a pipe for a reader forever.
        if let Some(e) = std::fs::metadata(p).ok().and_then(|m| crate::read::odd_file(&m)) {
            return Err(unreadable(&e, &p.display().to_string()));
        }
        return Ok(p.to_path_buf());
    }
    let mut dir = Some(cwd);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Ok(candidate);
        }
        dir = d.parent();
    }
    Err(PlanError::plain(
        Kind::Input,
        String::new(),
        ": ",
        None,
        crate::say!(output_lang(), NoPlan, dir = cwd.display()),
        &crate::say!(output_lang(), NoPlanHelp),
    ))
}

/// A loaded plan with the text it came from (writers need the exact bytes).
pub struct Loaded {
    pub path: PathBuf,
    /// The file's text without a UTF-8 byte-order mark.
    pub text: String,
    /// Whether the file started with a UTF-8 byte-order mark (kept on write).
    pub bom: bool,
    pub plan: Plan,
}

/// Files larger than this are refused, reading no further (see [`crate::read`]).
pub const MAX_BYTES: u64 = crate::read::MAX_BYTES;

/// A file that could not be read, in the output language (`--lang`, else Vietnamese: the
/// plan that would name its language is what could not be read); exit code 3.
fn unreadable(error: &crate::read::ReadError, what: &str) -> PlanError {
    let lang = output_lang();
    let first = Brief { file: String::new(), at: None, message: error.headline(lang, what), joiner: ": " };
    PlanError {
        kind: error.kind(),
        rendered: format!("error: {}", error.message(lang, what)),
        first: Box::new(first),
        problems: 1,
    }
}

/// Reads at most [`MAX_BYTES`] of `path`, a regular file.
fn read_capped(path: &Path, what: &str) -> Result<Vec<u8>, PlanError> {
    crate::read::read_capped(path).map_err(|e| unreadable(&e, what))
}

/// Reads and checks the plan at `path`.
pub fn load(path: &Path) -> Result<Loaded, PlanError> {
    let bytes = read_capped(path, &path.display().to_string())?;
    let (text, bom) = decode(path, bytes)?;
    let plan = parse(path, &text)?;
    Ok(Loaded { path: path.to_path_buf(), text, bom, plan })
}

/// Turns the file's bytes into text: UTF-8, with or without a byte-order mark.
/// UTF-16 (what some Windows tools save as "Unicode") gets a message saying how to convert.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<(String, bool), PlanError> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || {
        let probe = &bytes[..bytes.len().min(64)];
        probe.len() >= 4 && probe.iter().filter(|&&b| b == 0).count() * 3 >= probe.len()
    };
    if utf16 {
        return Err(PlanError::plain(
            Kind::Input,
            path.display().to_string(),
            " ",
            None,
            crate::say!(output_lang(), Utf16),
            &crate::say!(output_lang(), Utf16Help, file = path.display()),
        ));
    }
    let (bom, body) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (true, rest.to_vec()),
        None => (false, bytes),
    };
    // SIMD validation is several times faster than the standard library's on
    // Vietnamese text, where most characters take several bytes; copying the
    // checked bytes costs less than validating them again.
    if let Ok(text) = simdutf8::basic::from_utf8(&body) {
        return Ok((text.to_owned(), bom));
    }
    match String::from_utf8(body) {
        Ok(text) => Ok((text, bom)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let raw = e.into_bytes();
            let prefix = String::from_utf8_lossy(&raw[..valid]);
            let line = prefix.bytes().filter(|&b| b == b'\n').count() + 1;
            let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(PlanError::plain(
                Kind::Input,
                path.display().to_string(),
                ": ",
                Some((line, col)),
                crate::say!(output_lang(), NotUtf8, byte = format_args!("{:02X}", raw[valid])),
                &crate::say!(output_lang(), NotUtf8Help),
            ))
        }
    }
}

/// Parses and validates text already read from `path`.
pub fn parse(path: &Path, text: &str) -> Result<Plan, PlanError> {
    let source = Source { path, text };
    super::prescan::check_tasks(text).map_err(|l| source.error(&[limit_diagnostic(l)]))?;
    let raw: RawPlan = super::pieces::from_str(text).map_err(|e| {
        let d = match e {
            super::pieces::Error::Toml(e) => syntax_diagnostic(&e, text),
            super::pieces::Error::TomlAt(e, at) => {
                let mut d = syntax_diagnostic(&e, text.get(at..).unwrap_or(""));
                d.span = d.span.map(|s| s.start + at..s.end + at);
                d
            }
            super::pieces::Error::Limit(l) => limit_diagnostic(l),
        };
        source.error(&[d])
    })?;
    let external = match raw.index.as_ref().and_then(|ix| ix.file.as_ref().or(ix.set.as_ref())) {
        Some(file) => {
            let structure = super::sets::shipped(file.get_ref()).filter(|s| s.name == "national-8-areas");
            if let Some(set) = structure {
                let lang = output_lang();
                let d = Diagnostic::new(crate::say!(lang, SetIsStructure, set = set.name), Some(file.span()))
                    .help(crate::say!(lang, SetIsStructureHelp, set = set.name));
                return Err(source.error(&[d]));
            }
            Some(load_index_file(path, file.get_ref(), raw.index.as_ref().and_then(|ix| ix.name.clone()))?)
        }
        None => None,
    };
    super::validate::validate(raw, text, external).map_err(|diags| source.error(&diags))
}

/// Reads the PAR Index tree from the file the plan names (relative to the plan).
fn load_index_file(plan_path: &Path, name: &str, plan_name: Option<String>) -> Result<super::model::Index, PlanError> {
    // A set shipped with par (`par assess sets`), else a file relative to the plan.
    let (path, text) = match super::sets::shipped(name) {
        Some(set) => (PathBuf::from(format!("{}.toml", set.name)), set.text.to_string()),
        None => {
            let path = plan_path.parent().unwrap_or(Path::new(".")).join(name);
            let what = crate::say!(output_lang(), IndexFileNamed, file = path.display(), plan = plan_path.display());
            // A device or a pipe there (`/dev/zero`, `/dev/stdin`) is refused by the reader.
            let bytes = read_capped(&path, &what)?;
            (path.clone(), decode(&path, bytes)?.0)
        }
    };
    let source = Source { path: &path, text: &text };
    super::prescan::check(&text).map_err(|l| source.error(&[limit_diagnostic(l)]))?;
    let raw: super::schema::RawIndexFile =
        toml::from_str(&text).map_err(|e| source.error(&[syntax_diagnostic(&e, &text)]))?;
    let (index, problems) = super::sets::index_from_file(raw, plan_name, name.to_string());
    if problems.is_empty() { Ok(index) } else { Err(source.error(&problems)) }
}

/// A limit of [`super::prescan`] passed, at the place it was passed.
fn limit_diagnostic(exceeded: super::prescan::Exceeded) -> Diagnostic {
    let (message, help) = exceeded.words();
    Diagnostic::new(message, Some(exceeded.at..exceeded.at + 1)).help(help)
}

/// Rewrites serde's wording into what a user can act on, in the output language, e.g.
/// an unknown key gets the nearest known key; a syntax error gets a hint for the usual
/// slips (see [`syntax_slip`]). `text` is what the error's span counts from.
fn syntax_diagnostic(error: &toml::de::Error, text: &str) -> Diagnostic {
    let lang = output_lang();
    let msg = error.message().trim().to_string();
    let span = error.span();
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or("");
        let known: Vec<&str> =
            rest.split("expected ").nth(1).map(|list| list.split('`').skip(1).step_by(2).collect()).unwrap_or_default();
        let near = crate::text::nearest(key, known.iter().copied(), 1);
        let d = Diagnostic::new(crate::say!(lang, UnknownKey, key = crate::text::clean(key)), span);
        return match near.first() {
            Some(n) => d.help(crate::say!(lang, DidYouMeanKey, key = n)),
            None if !known.is_empty() => d.help(crate::say!(lang, KnownKeys, keys = known.join(", "))),
            None => d,
        };
    }
    if msg.contains(" as i128, expected ") || msg.contains(" as u128, expected ") {
        return Diagnostic::new(crate::say!(lang, NumberTooLarge), span).help(crate::say!(lang, NumberTooLargeHelp));
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or("");
        if key == "plan" {
            // An empty file, or one without its [plan] table (another TOML file named by mistake?).
            return Diagnostic::new(crate::say!(lang, NoPlanTable), span).help(crate::say!(lang, NoPlanTableHelp));
        }
        return Diagnostic::new(crate::say!(lang, MissingKey, key), span).help(crate::say!(lang, MissingKeyHelp, key));
    }
    let detail = msg.replace('\n', " ");
    let line = span.as_ref().map_or("", |s| line_at(text, s.start));
    match super::slip::syntax_slip(lang, &detail, line, span.as_ref().map(|s| s.start - line_start(text, s.start))) {
        Some((message, help)) => Diagnostic::new(message, span).help(help),
        None if detail.starts_with("invalid type:") || detail.starts_with("invalid value:") => {
            Diagnostic::new(crate::say!(lang, TomlWrongKind, detail), span)
        }
        None => Diagnostic::new(crate::say!(lang, TomlSyntax, detail), span),
    }
}

fn line_start(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
}

/// The line of `text` holding byte `at`.
fn line_at(text: &str, at: usize) -> &str {
    let start = line_start(text, at);
    let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
    text.get(start..end).unwrap_or("")
}
