//! Putting new bytes in place of old ones, and writing TOML values the way the
//! plan file writes them (one line each, dates unquoted).

use std::ops::Range;

use chrono::NaiveDate;

/// A TOML basic string on one line (see [`crate::text::toml_quote`]).
pub use crate::text::toml_quote as quote;

/// `text` with `range` replaced by `new`.
pub fn splice(text: &str, range: Range<usize>, new: &str) -> String {
    let mut out = String::with_capacity(text.len() + new.len());
    out.push_str(&text[..range.start]);
    out.push_str(new);
    out.push_str(&text[range.end..]);
    out
}

/// One change to a file: the bytes at `range` give way to `insert`. Kept as a
/// change rather than a new copy of the file, so a large plan is never copied in
/// memory: the check looks at the changed task only and the write streams the
/// three pieces (before, insert, after) to disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub range: Range<usize>,
    pub insert: String,
}

impl Change {
    pub fn new(range: Range<usize>, insert: impl Into<String>) -> Change {
        Change { range, insert: insert.into() }
    }

    /// The whole text after the change.
    pub fn apply(&self, text: &str) -> String {
        splice(text, self.range.clone(), &self.insert)
    }

    /// Whether the change leaves `text` as it is.
    pub fn is_noop(&self, text: &str) -> bool {
        text[self.range.clone()] == *self.insert
    }

    /// Where the old range `within` (which contains the change) lies after it.
    pub fn map_range(&self, within: Range<usize>) -> Range<usize> {
        within.start..within.end - self.range.len() + self.insert.len()
    }

    /// The text of the old range `within` (which contains the change) after it.
    pub fn piece(&self, text: &str, within: Range<usize>) -> String {
        splice(&text[within.clone()], self.range.start - within.start..self.range.end - within.start, &self.insert)
    }

    /// The three pieces of the new file, in order.
    pub fn parts<'a>(&'a self, text: &'a str) -> [&'a str; 3] {
        [&text[..self.range.start], &self.insert, &text[self.range.end..]]
    }
}

/// One change from edits (a range of `text` and its new bytes) in file order that do
/// not overlap: the bytes between them are copied as they are.
pub fn combine(text: &str, edits: Vec<(Range<usize>, String)>) -> Change {
    let start = edits.first().map_or(0, |(r, _)| r.start);
    let end = edits.iter().map(|(r, _)| r.end).max().unwrap_or(start);
    let mut insert = String::new();
    let mut pos = start;
    for (r, t) in edits {
        insert.push_str(&text[pos..r.start]);
        insert.push_str(&t);
        pos = r.end;
    }
    Change::new(start..end, insert)
}

/// What to insert at `at` so that `lines` (each ending with a line break) follow
/// the text before `at` after one blank line, as the file separates its tables.
/// When the text before `at` does not end with a line break (the last line of a
/// file without a final newline), one is added first.
pub fn block_after(text: &str, at: usize, lines: &str, eol: &str) -> String {
    let mut s = String::with_capacity(lines.len() + 2 * eol.len());
    if at > 0 && !text[..at].ends_with('\n') {
        s.push_str(eol);
    }
    if at > 0 {
        s.push_str(eol);
    }
    s.push_str(lines);
    s
}

/// Turns bare `\n` line breaks into `eol` (a no-op for `\n`), leaving `\r\n` alone.
pub fn with_eol(text: &str, eol: &str) -> String {
    if eol == "\n" {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut prev = '\0';
    for c in text.chars() {
        if c == '\n' && prev != '\r' {
            out.push_str(eol);
        } else {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// Lines of `key = value`, built in order, each ending with the file's line ending.
pub struct Lines<'a> {
    eol: &'a str,
    pub text: String,
}

impl<'a> Lines<'a> {
    pub fn new(eol: &'a str) -> Self {
        Lines { eol, text: String::new() }
    }

    pub fn raw(&mut self, line: &str) -> &mut Self {
        self.text.push_str(line);
        self.text.push_str(self.eol);
        self
    }

    pub fn string(&mut self, key: &str, value: &str) -> &mut Self {
        self.raw(&format!("{key} = {}", quote(value)))
    }

    pub fn opt_string(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        if let Some(v) = value {
            self.string(key, v);
        }
        self
    }

    pub fn strings(&mut self, key: &str, values: &[String]) -> &mut Self {
        if !values.is_empty() {
            self.raw(&format!("{key} = {}", array(values)));
        }
        self
    }

    pub fn date(&mut self, key: &str, value: Option<NaiveDate>) -> &mut Self {
        if let Some(d) = value {
            self.raw(&format!("{key} = {}", date(d)));
        }
        self
    }
}

/// `["a", "b"]`.
pub fn array(values: &[String]) -> String {
    let items: Vec<String> = values.iter().map(|v| quote(v)).collect();
    format!("[{}]", items.join(", "))
}

/// A TOML local date, unquoted: `2025-05-30`.
pub fn date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_for_toml() {
        assert_eq!(quote("Ý kiến \"dân\" C:\\x\n\t\u{1b}"), "\"Ý kiến \\\"dân\\\" C:\\\\x\\n\\t\\u001B\"");
        let parsed: toml::Table = toml::from_str(&format!("a = {}", quote("x\"\\\n\u{7f}ở"))).unwrap();
        assert_eq!(parsed["a"].as_str(), Some("x\"\\\n\u{7f}ở"));
    }

    #[test]
    fn line_endings() {
        assert_eq!(with_eol("a\nb\r\nc\n", "\r\n"), "a\r\nb\r\nc\r\n");
        assert_eq!(with_eol("a\n", "\n"), "a\n");
        assert_eq!(block_after("x = 1", 5, "[t]\n", "\n"), "\n\n[t]\n");
        assert_eq!(block_after("x = 1\n", 6, "[t]\n", "\n"), "\n[t]\n");
        assert_eq!(block_after("", 0, "[t]\n", "\n"), "[t]\n");
        assert_eq!(splice("abcdef", 2..4, "XY!"), "abXY!ef");
        let c = Change::new(3..5, "XYZ");
        assert_eq!(c.apply("0123456789"), "012XYZ56789");
        assert_eq!(c.piece("0123456789", 1..7), "12XYZ56");
        assert_eq!(c.map_range(1..7), 1..8);
        assert_eq!(c.parts("0123456789"), ["012", "XYZ", "56789"]);
        assert!(Change::new(1..2, "1").is_noop("0123"));
    }
}
