//! Problems found in a plan file, pointing at file, line and column with the
//! offending line and a caret under it, as compilers do.

use std::fmt;
use std::ops::Range;
use std::path::Path;

/// One problem at a place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    pub span: Option<Range<usize>>,
    /// What the user can do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>, span: Option<Range<usize>>) -> Self {
        Diagnostic { message: message.into(), span, help: None }
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
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = self.text[line_start..offset].chars().count() + 1;
        (line, col)
    }

    fn line_text(&self, line: usize) -> &str {
        self.text.split('\n').nth(line - 1).unwrap_or("").trim_end_matches('\r')
    }

    /// Renders diagnostics the way `rustc` does: location, message, the line, a caret.
    pub fn render(&self, diags: &[Diagnostic]) -> String {
        let mut out = String::new();
        let name = self.path.display();
        if diags.len() > 1 {
            out.push_str(&format!("error: {} has {} problems:\n", name, diags.len()));
        }
        for d in diags {
            let prefix = if diags.len() > 1 { "  - " } else { "error: " };
            match &d.span {
                Some(span) => {
                    let (line, col) = self.line_col(span.start);
                    out.push_str(&format!("{prefix}{name}:{line}:{col}: {}\n", d.message));
                    out.push_str(&self.snippet(line, col, span));
                }
                None => out.push_str(&format!("{prefix}{name}: {}\n", d.message)),
            }
            if let Some(help) = &d.help {
                out.push_str(&format!("      help: {help}\n"));
            }
        }
        out
    }

    fn snippet(&self, line: usize, col: usize, span: &Range<usize>) -> String {
        const WIDTH: usize = 100;
        let text: Vec<char> = self.line_text(line).chars().collect();
        // Long lines are shown as a window around the column, so a minified or
        // pasted 10,000-character line does not flood the terminal.
        let from = col.saturating_sub(1).saturating_sub(WIDTH / 2).min(text.len());
        let to = (from + WIDTH).min(text.len());
        let shown: String = text[from..to].iter().collect();
        let shown = crate::text::clean(&shown).into_owned();
        let lead = if from > 0 { "…" } else { "" };
        let caret_at = col - 1 - from + lead.chars().count();
        let span_chars = self
            .text
            .get(span.clone())
            .map_or(1, |s| s.split('\n').next().unwrap_or("").chars().count())
            .clamp(1, WIDTH);
        let gutter = line.to_string().len();
        format!(
            "{:>gutter$} |\n{line} | {lead}{shown}{}\n{:>gutter$} | {}{}\n",
            "",
            if to < text.len() { "…" } else { "" },
            "",
            " ".repeat(caret_at),
            "^".repeat(span_chars.min(WIDTH.saturating_sub(caret_at).max(1))),
        )
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// An error about a plan file, already rendered for the user, with its exit code.
#[derive(Debug)]
pub struct PlanError {
    pub rendered: String,
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
        let out = src.render(&[Diagnostic::new("unknown key `titel`", Some(6..11)).help("did you mean `title`?")]);
        assert_eq!(
            out,
            "error: plan.toml:2:1: unknown key `titel`\n  |\n2 | titel = \"Ý kiến\"\n  | ^^^^^\n      help: did you mean `title`?\n"
        );
    }
}
