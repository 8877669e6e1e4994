//! The part of TOML the direct reader takes, read byte by byte: keys, strings in their
//! four forms, integers, floats, dates and lists. Whatever it does not read exactly as
//! `toml` does gives `None` (see [`super`]).

use toml::Spanned;
use toml::value::Datetime;

use super::Table;
use crate::plan::schema::{RawDate, Text};

/// The longest list the reader takes itself.
const MAX_LIST: usize = 10_000;

pub(crate) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    pub(super) base: usize,
}

/// A byte TOML forbids in comments and strings: the control characters but tab.
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

impl<'a> Reader<'a> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn span(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        self.base + start..self.base + end
    }

    pub(super) fn skip_blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// `\r\n` (a lone carriage return is not a line break in TOML).
    pub(super) fn newline(&mut self) -> Option<()> {
        if self.bytes.get(self.pos + 1) == Some(&b'\n') {
            self.pos += 2;
            Some(())
        } else {
            None
        }
    }

    /// A comment up to (not including) the line break.
    pub(super) fn comment(&mut self) -> Option<()> {
        self.pos += 1;
        while let Some(b) = self.peek() {
            match b {
                b'\n' => return Some(()),
                b'\r' => return (self.bytes.get(self.pos + 1) == Some(&b'\n')).then_some(()),
                b if is_control(b) => return None,
                _ => self.pos += 1,
            }
        }
        Some(())
    }

    /// After a header or a value: blanks, a comment, then a line break or the end.
    pub(super) fn end_of_line(&mut self) -> Option<()> {
        self.skip_blank();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.pos += 1;
                Some(())
            }
            Some(b'\r') => self.newline(),
            Some(_) => None,
        }
    }

    pub(super) fn header(&mut self) -> Option<Table> {
        const HEADERS: [(&[u8], Table); 7] = [
            (b"[[task]]", Table::Task),
            (b"[[task.done]]", Table::Done),
            (b"[[task.log]]", Table::Log),
            (b"[[task.measure]]", Table::Measure),
            (b"[[task.ref]]", Table::Ref),
            (b"[task.indicator]", Table::Indicator),
            (b"[task.cancelled]", Table::Cancelled),
        ];
        let rest = &self.bytes[self.pos..];
        let (text, table) = HEADERS.iter().find(|(h, _)| rest.starts_with(h))?;
        self.pos += text.len();
        Some(*table)
    }

    /// A bare key (quoted and dotted keys are left to `toml`).
    pub(super) fn key(&mut self) -> Option<&'a str> {
        let start = self.pos;
        while matches!(self.peek(), Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-')) {
            self.pos += 1;
        }
        if self.pos == start || self.peek() == Some(b'.') {
            return None;
        }
        Some(&self.text[start..self.pos])
    }

    /// A string in any of TOML's four forms.
    pub(super) fn string(&mut self) -> Option<Text> {
        let start = self.pos;
        let rest = &self.bytes[self.pos..];
        let value = if rest.starts_with(b"\"\"\"") {
            self.multi_line(b'"')?
        } else if rest.starts_with(b"'''") {
            self.multi_line(b'\'')?
        } else if rest.first() == Some(&b'"') {
            self.basic()?
        } else if rest.first() == Some(&b'\'') {
            self.literal()?
        } else {
            return None;
        };
        Some(Spanned::new(self.span(start, self.pos), value))
    }

    pub(super) fn plain_string(&mut self) -> Option<String> {
        self.string().map(Spanned::into_inner)
    }

    /// `"…"` with escapes.
    pub(super) fn basic(&mut self) -> Option<String> {
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            let b = self.peek()?;
            match b {
                b'"' => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run..self.pos]);
                    self.escape(&mut out)?;
                    run = self.pos;
                }
                b if is_control(b) => return None,
                _ => self.pos += 1,
            }
        }
    }

    /// An escape of TOML 1.0 at `\`; the others (and bad ones) are left to `toml`.
    pub(super) fn escape(&mut self, out: &mut String) -> Option<()> {
        let c = *self.bytes.get(self.pos + 1)?;
        self.pos += 2;
        let ch = match c {
            b'b' => '\u{8}',
            b't' => '\t',
            b'n' => '\n',
            b'f' => '\u{c}',
            b'r' => '\r',
            b'"' => '"',
            b'\\' => '\\',
            b'u' | b'U' => {
                let n = if c == b'u' { 4 } else { 8 };
                let hex = self.text.get(self.pos..self.pos + n)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                self.pos += n;
                char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
            }
            _ => return None,
        };
        out.push(ch);
        Some(())
    }

    /// `'…'`: no escapes.
    pub(super) fn literal(&mut self) -> Option<String> {
        self.pos += 1;
        let start = self.pos;
        loop {
            match self.peek()? {
                b'\'' => {
                    let s = self.text[start..self.pos].to_string();
                    self.pos += 1;
                    return Some(s);
                }
                b if is_control(b) => return None,
                _ => self.pos += 1,
            }
        }
    }

    /// `"""…"""` or `'''…'''`. A line break right after the opening quotes is not part of
    /// the text; up to two quotes may stand just before the closing three. Carriage
    /// returns are left to `toml`.
    pub(super) fn multi_line(&mut self, quote: u8) -> Option<String> {
        self.pos += 3;
        if self.peek() == Some(b'\n') {
            self.pos += 1;
        }
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            let b = self.peek()?;
            match b {
                b if b == quote => {
                    let n = self.bytes[self.pos..].iter().take_while(|&&q| q == quote).count();
                    if n < 3 {
                        self.pos += n;
                        continue;
                    }
                    if n > 5 {
                        return None;
                    }
                    out.push_str(&self.text[run..self.pos + n - 3]);
                    self.pos += n;
                    return Some(out);
                }
                b'\\' if quote == b'"' => {
                    out.push_str(&self.text[run..self.pos]);
                    // A backslash at the end of a line joins it to the next line's text.
                    let after = self.bytes[self.pos + 1..].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
                    if self.bytes.get(self.pos + 1 + after) == Some(&b'\n') {
                        self.pos += 1 + after;
                        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n')) {
                            self.pos += 1;
                        }
                    } else {
                        self.escape(&mut out)?;
                    }
                    run = self.pos;
                }
                b'\n' => self.pos += 1,
                b if is_control(b) => return None,
                _ => self.pos += 1,
            }
        }
    }

    /// The bytes of a number or a date-time: digits and what joins them.
    pub(super) fn token(&mut self) -> (usize, &'a str) {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9' | b'-' | b'+' | b':' | b'.' | b'T' | b't' | b'Z' | b'z')) {
            self.pos += 1;
        }
        // `2025-05-30 10:00` is one date-time in TOML: left to `toml`.
        (start, &self.text[start..self.pos])
    }

    pub(super) fn followed_by_time(&self) -> bool {
        self.peek() == Some(b' ') && self.bytes.get(self.pos + 1).is_some_and(u8::is_ascii_digit)
    }

    /// An integer written plainly: `20`, `-3` (no `+`, `_`, leading zeros or bases).
    pub(super) fn integer(&mut self) -> Option<Spanned<i64>> {
        let (start, t) = self.token();
        let digits = t.strip_prefix('-').unwrap_or(t);
        if digits.is_empty()
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || (digits.len() > 1 && digits.starts_with('0'))
        {
            return None;
        }
        let n: i64 = t.parse().ok()?;
        Some(Spanned::new(self.span(start, self.pos), n))
    }

    /// A number: an integer as above, or `12.5` (no exponent, `_`, `inf` or `nan`).
    pub(super) fn float(&mut self) -> Option<Spanned<f64>> {
        let (start, t) = self.token();
        let unsigned = t.strip_prefix('-').unwrap_or(t);
        let (whole, frac) = match unsigned.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (unsigned, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || (whole.len() > 1 && whole.starts_with('0')) || frac.is_some_and(|f| !digits(f)) {
            return None;
        }
        let x: f64 = if frac.is_some() {
            t.parse().ok()?
        } else {
            // An integer becomes a float as serde does it; one beyond 2^53 may round
            // differently, and is left to `toml`.
            if whole.len() > 15 {
                return None;
            }
            t.parse::<i64>().ok()? as f64
        };
        Some(Spanned::new(self.span(start, self.pos), x))
    }

    pub(super) fn datetime(&mut self) -> Option<Spanned<Datetime>> {
        let (start, t) = self.token();
        if !t.starts_with(|c: char| c.is_ascii_digit()) || self.followed_by_time() {
            return None;
        }
        let dt: Datetime = t.parse().ok()?;
        Some(Spanned::new(self.span(start, self.pos), dt))
    }

    /// A date as the schema takes it: a TOML date-time or a string.
    pub(super) fn date(&mut self) -> Option<RawDate> {
        match self.peek()? {
            b'"' | b'\'' => {
                let s = self.string()?;
                let span = s.span();
                Some(Spanned::new(span, toml::Value::String(s.into_inner())))
            }
            _ => {
                let d = self.datetime()?;
                let span = d.span();
                Some(Spanned::new(span, toml::Value::Datetime(d.into_inner())))
            }
        }
    }

    /// Blanks, line breaks and comments between the items of an array.
    pub(super) fn skip_array_space(&mut self) -> Option<()> {
        loop {
            match self.peek()? {
                b' ' | b'\t' | b'\n' => self.pos += 1,
                b'\r' => self.newline()?,
                b'#' => self.comment()?,
                _ => return Some(()),
            }
        }
    }

    /// `[…, …]` of items `item` reads (at most [`MAX_LIST`]), over several lines if need
    /// be, with a trailing comma or not.
    pub(super) fn list<T>(&mut self, item: impl Fn(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        if self.peek()? != b'[' {
            return None;
        }
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            self.skip_array_space()?;
            if self.peek()? == b']' {
                self.pos += 1;
                return Some(out);
            }
            // A list longer than any plan's (owners, criteria, evidence) is left to `toml`,
            // which scans it first for what it would cost ([`crate::plan::prescan`]).
            if out.len() == MAX_LIST {
                return None;
            }
            out.push(item(self)?);
            self.skip_array_space()?;
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(out);
                }
                _ => return None,
            }
        }
    }
}
