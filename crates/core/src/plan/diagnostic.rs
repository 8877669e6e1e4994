//! Problems found in a plan file, pointing at file, line and column with the
//! offending line and a caret under it, as compilers do.

use std::fmt;
use std::ops::Range;
use std::path::Path;

use crate::failure::Kind;
use crate::messages::Msg;

/// One problem at a place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    pub span: Option<Range<usize>>,
    /// What the user can do about it.
    pub help: Option<String>,
    /// The other place the problem involves (where a duplicate id was first used),
    /// shown as `file:line:column`.
    pub first: Option<Range<usize>>,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>, span: Option<Range<usize>>) -> Self {
        Diagnostic { message: message.into(), span, help: None, first: None }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// The text of a plan file, kept to turn byte offsets into lines and columns.
pub struct Source<'a> {
    pub path: &'a Path,
    pub text: &'a str,
}

impl Source<'_> {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let (line, col, _) = LineStarts::new(self.text, [offset]).line_col(self.text, offset);
        (line, col)
    }

    /// Renders diagnostics the way `rustc` does: location, message, the line, a caret.
    /// A file with hundreds of problems shows the first [`MOST_SHOWN`] and a count of
    /// the rest, so the output stays readable and fast however broken the file is.
    pub fn render(&self, diags: &[Diagnostic]) -> String {
        self.render_in(crate::messages::output_lang(), diags)
    }

    /// [`Source::render`] with its labels and counts in `lang`.
    pub fn render_in(&self, lang: crate::i18n::Lang, diags: &[Diagnostic]) -> String {
        let mut out = String::new();
        let name = self.path.display();
        let (help, note) = (Msg::LabelHelp.text(lang), Msg::LabelNote.text(lang));
        if diags.len() > 1 {
            out.push_str(&format!("error: {}\n", crate::say!(lang, ManyProblems, file = name, count = diags.len())));
        }
        // Every offset a shown diagnostic points at: its own place and, for a duplicate, the first one.
        let lines = LineStarts::new(
            self.text,
            diags.iter().take(MOST_SHOWN).flat_map(|d| [d.span.as_ref(), d.first.as_ref()]).flatten().map(|s| s.start),
        );
        for d in diags.iter().take(MOST_SHOWN) {
            let prefix = if diags.len() > 1 { "  - " } else { "error: " };
            let message = one_line_short(&d.message);
            match &d.span {
                Some(span) => {
                    let (line, col, start) = lines.line_col(self.text, span.start);
                    out.push_str(&format!("{prefix}{name}:{line}:{col}: {message}\n"));
                    out.push_str(&self.snippet(LineStarts::text_of(self.text, start), line, col, span));
                }
                None => out.push_str(&format!("{prefix}{name}: {message}\n")),
            }
            if let Some(first) = &d.first {
                let (line, col, _) = lines.line_col(self.text, first.start);
                let place = format!("{name}:{line}:{col}");
                out.push_str(&format!("      {note}: {}\n", crate::say!(lang, FirstUsedHere, place)));
            }
            if let Some(text) = &d.help {
                out.push_str(&format!("      {help}: {}\n", one_line_short(text)));
            }
        }
        if diags.len() > MOST_SHOWN {
            out.push_str(&format!("  {}\n", crate::say!(lang, MoreProblems, count = diags.len() - MOST_SHOWN)));
        }
        out
    }

    fn snippet(&self, line_text: &str, line: usize, col: usize, span: &Range<usize>) -> String {
        const WIDTH: usize = 100;
        // Long lines are shown as a window of WIDTH columns around the column, so a
        // minified or pasted 10,000-character line does not flood the terminal. Widths
        // count characters as printed: a control character shows as `\u{1b}` (6 columns).
        let at = line_text.char_indices().nth(col - 1).map_or(line_text.len(), |(i, _)| i);
        let (mut start, mut used) = (at, 0);
        for c in line_text[..at].chars().rev() {
            if used + shown_width(c) > WIDTH / 2 {
                break;
            }
            used += shown_width(c);
            start -= c.len_utf8();
        }
        let mut end = at;
        for c in line_text[at..].chars() {
            if used + shown_width(c) > WIDTH {
                break;
            }
            used += shown_width(c);
            end += c.len_utf8();
        }
        let lead = if start > 0 { "…" } else { "" };
        let shown = crate::text::clean(&line_text[start..end]);
        let caret_at = lead.chars().count() + line_text[start..at].chars().map(shown_width).sum::<usize>();
        let span_width = self
            .text
            .get(span.start..span.end.min(span.start.saturating_add(4 * WIDTH)))
            .map_or(1, |s| s.split('\n').next().unwrap_or("").chars().map(shown_width).sum::<usize>())
            .clamp(1, WIDTH);
        let gutter = line.to_string().len();
        format!(
            "{:>gutter$} |\n{line} | {lead}{shown}{}\n{:>gutter$} | {}{}\n",
            "",
            if end < line_text.len() { "…" } else { "" },
            "",
            " ".repeat(caret_at),
            "^".repeat(span_width.min(WIDTH.saturating_sub(caret_at).max(1))),
        )
    }
}

/// Columns a character takes once cleaned for the terminal.
fn shown_width(c: char) -> usize {
    crate::text::clean(c.encode_utf8(&mut [0; 4])).chars().count()
}

/// At most this many problems are printed; the count of the rest follows.
pub const MOST_SHOWN: usize = 50;

/// A message or help on one line, escapes neutralised, plan text in it cut short:
/// a 1 MB unknown key must not become a 1 MB error.
fn one_line_short(text: &str) -> String {
    crate::text::truncate(&crate::text::one_line(text), 300)
}

/// The lines of the offsets a rendering shows, found in one pass over the text that
/// keeps nothing per line: a file of ten million lines costs no more memory than one.
struct LineStarts {
    /// (offset, 1-based line, byte where that line starts), sorted by offset.
    known: Vec<(usize, usize, usize)>,
}

impl LineStarts {
    fn new(text: &str, offsets: impl IntoIterator<Item = usize>) -> Self {
        let mut wanted: Vec<usize> =
            offsets.into_iter().map(|o| floor_char_boundary(text, o.min(text.len()))).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let bytes = text.as_bytes();
        let (mut at, mut line, mut start) = (0, 1, 0);
        let known = wanted
            .into_iter()
            .map(|o| {
                for nl in memchr::memchr_iter(b'\n', &bytes[at..o]) {
                    line += 1;
                    start = at + nl + 1;
                }
                at = o;
                (o, line, start)
            })
            .collect();
        LineStarts { known }
    }

    /// 1-based line and column (in characters) of an offset given to [`LineStarts::new`],
    /// and the byte where its line starts.
    fn line_col(&self, text: &str, offset: usize) -> (usize, usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let i = self.known.partition_point(|&(o, ..)| o < offset);
        let (_, line, start) = self.known[i];
        (line, text[start..offset].chars().count() + 1, start)
    }

    fn text_of(text: &str, start: usize) -> &str {
        let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |n| start + n);
        text[start..end].trim_end_matches('\r')
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// An error about a plan file: its kind, its rendering for the user, and its first
/// problem on one line (what a listing of many files shows).
#[derive(Debug)]
pub struct PlanError {
    pub kind: Kind,
    pub rendered: String,
    /// Boxed: a plan error is rare, and a small `Result` keeps loading's good path lean.
    pub first: Box<Brief>,
    /// How many problems the rendering lists.
    pub problems: usize,
}

/// A problem on one line: the file it is in, where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief {
    /// The file as the message names it; empty when the message names it in its own words
    /// (`không đọc được the index file … named in …`).
    pub file: String,
    /// Line and column (1-based), when the problem has a place.
    pub at: Option<(usize, usize)>,
    pub message: String,
    /// What joins the file's name and a message without a place: `: ` as a diagnostic
    /// has it, or a space when the message goes on from the name (`x.toml is UTF-16 text`).
    pub joiner: &'static str,
}

impl Brief {
    /// The problem on one line, without the file's name when it is `shown` (a listing
    /// shows that in a column of its own): `3:1: unknown key `titel``.
    pub fn line(&self, shown: &str) -> String {
        let at = |sep: &str| self.at.map(|(l, c)| format!("{sep}{l}:{c}: ")).unwrap_or_default();
        if self.file.is_empty() || self.file == shown {
            format!("{}{}", at(""), self.message).trim().to_string()
        } else if self.at.is_some() {
            format!("{}{}{}", self.file, at(":"), self.message).trim_end().to_string()
        } else {
            format!("{}{}{}", self.file, self.joiner, self.message).trim_end().to_string()
        }
    }
}

impl PlanError {
    /// A failure that is not a list of diagnostics: `error: {message}` (the message names
    /// `file` at its start, followed by `joiner`, when `file` is not empty) and a help line.
    pub fn plain(
        kind: Kind,
        file: String,
        joiner: &'static str,
        at: Option<(usize, usize)>,
        message: String,
        help: &str,
    ) -> Self {
        let whole = Brief { file, at, message, joiner };
        let label = Msg::LabelHelp.text(crate::messages::output_lang());
        let rendered = format!("error: {}\n      {label}: {help}", whole.line(""));
        PlanError { kind, rendered, first: Box::new(whole), problems: 1 }
    }
}

impl Source<'_> {
    /// The error for `diags`: bad input, rendered as [`Source::render`] does.
    pub fn error(&self, diags: &[Diagnostic]) -> PlanError {
        let first = Brief {
            file: self.path.display().to_string(),
            at: diags.first().and_then(|d| d.span.as_ref()).map(|s| self.line_col(s.start)),
            message: diags.first().map(|d| one_line_short(&d.message)).unwrap_or_default(),
            joiner: ": ",
        };
        PlanError { kind: Kind::Input, rendered: self.render(diags), first: Box::new(first), problems: diags.len() }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.rendered.trim_end())
    }
}

impl std::error::Error for PlanError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_line_and_column() {
        let text = "a = 1\ntitel = \"Ý kiến\"\n";
        let src = Source { path: Path::new("plan.toml"), text };
        assert_eq!(src.line_col(6), (2, 1));
        assert_eq!(src.line_col(text.find("kiến").unwrap()), (2, 12));
        let out = src.render_in(
            crate::i18n::Lang::En,
            &[Diagnostic::new("unknown key `titel`", Some(6..11)).help("did you mean `title`?")],
        );
        assert_eq!(
            out,
            "error: plan.toml:2:1: unknown key `titel`\n  |\n2 | titel = \"Ý kiến\"\n  | ^^^^^\n      help: did you mean `title`?\n"
        );
    }

    #[test]
    fn long_lines_many_problems_and_escapes_stay_short_and_safe() {
        // A problem at the end of a 200,000-character line: a window of it, caret under the column.
        let text = format!("a = \"{}\", b = 1\n", "ý".repeat(200_000));
        let src = Source { path: Path::new("p.toml"), text: &text };
        let at = text.find("b =").unwrap();
        let out = src.render_in(
            crate::i18n::Lang::En,
            &[Diagnostic::new(format!("unknown key `{}`", "k".repeat(5_000)), Some(at..at + 1))],
        );
        assert!(out.starts_with("error: p.toml:1:200009: unknown key `kkk"), "{}", &out[..80]);
        assert!(out.len() < 1_200, "{} bytes", out.len());
        let lines: Vec<&str> = out.lines().collect();
        let caret = lines[3].find('^').unwrap() - lines[3].find('|').unwrap();
        let b = lines[2].find("b =").unwrap() - lines[2].find('|').unwrap();
        assert_eq!(
            lines[2][..lines[2].find('|').unwrap() + b].chars().count(),
            lines[3][..lines[3].find('|').unwrap() + caret].chars().count()
        );
        // A line of control characters: escaped, the window still about WIDTH columns, the caret aligned.
        let text = format!("k = \"{}x\"\n", "\u{0}".repeat(500));
        let src = Source { path: Path::new("p.toml"), text: &text };
        let at = text.find('x').unwrap();
        let out = src.render_in(crate::i18n::Lang::En, &[Diagnostic::new("here", Some(at..at + 1))]);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[2].chars().count() < 120, "{}", lines[2]);
        assert!(lines[2].contains("\\u{0}x\""), "{}", lines[2]);
        let x = lines[2].chars().position(|c| c == 'x').unwrap();
        assert_eq!(lines[3].chars().position(|c| c == '^'), Some(x), "{out}");
        // Hundreds of problems: the first MOST_SHOWN and a count of the rest.
        let diags: Vec<Diagnostic> = (0..120).map(|i| Diagnostic::new(format!("problem {i}"), Some(0..1))).collect();
        let out = src.render_in(crate::i18n::Lang::En, &diags);
        assert!(out.starts_with("error: p.toml has 120 problems:\n"));
        assert_eq!(out.matches("  - p.toml:1:1: problem").count(), MOST_SHOWN);
        assert!(out.ends_with("  … and 70 more; fix these first, then run par again\n"), "{out}");
        // Escapes quoted in a message or help are shown, not run.
        let out = src.render_in(
            crate::i18n::Lang::En,
            &[Diagnostic::new("unknown owner `\u{1b}[2J`", None).help("did you mean `\u{202e}x`?")],
        );
        assert_eq!(out, "error: p.toml: unknown owner `\\u{1b}[2J`\n      help: did you mean `\\u{202e}x`?\n");
    }
}
