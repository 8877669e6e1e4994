//! Reads `[[task]]` tables straight into [`RawTask`], for large plans.
//!
//! `toml::from_str` lexes a piece into tokens, builds a generic table of them (a
//! `BTreeMap` per table) and only then fills our structs through serde: about two thirds
//! of the time `par` takes to load a plan of 10,000 tasks. The tables of tasks use a
//! small part of TOML, so this reader takes that part directly, in one pass, and builds
//! the structs as it goes.
//!
//! It never decides anything the TOML parser would decide differently: whatever it does
//! not read exactly as `toml` does (quoted or dotted keys, inline tables, numbers with
//! `_` or exponents, escapes of TOML 1.1, carriage returns inside strings…) and whatever
//! is an error (an unknown or repeated key, a wrong type, a missing key, a control
//! character) makes it return `None`, and the caller parses the piece with `toml`, which
//! reads it, or reports the error as it always has. So the reader is a shortcut, never
//! a second opinion: `tests` and the `task_reader` fuzz target check that whenever it
//! returns a result, the result and every span in it equal what `toml` gives.

use toml::Spanned;
use toml::value::Datetime;

use super::schema::{RawDate, RawDocument, RawDone, RawIndicator, RawLog, RawMeasure, RawTask, Text};

/// Reads `piece`, a run of `[[task]]` tables (and their sub-tables) taken from the plan
/// at byte `base`; the spans are offsets into the whole plan. `None`: use `toml`.
pub fn read_tasks(piece: &str, base: usize) -> Option<Vec<Spanned<RawTask>>> {
    let mut tasks = Vec::new();
    read_tasks_into(piece, base, &mut tasks)?;
    Some(tasks)
}

/// [`read_tasks`], appending to `tasks`; on `None` what was appended is taken back.
pub fn read_tasks_into(piece: &str, base: usize, tasks: &mut Vec<Spanned<RawTask>>) -> Option<()> {
    let before = tasks.len();
    let read = read_into(piece, base, tasks);
    if read.is_none() {
        tasks.truncate(before);
    }
    read
}

fn read_into(piece: &str, base: usize, tasks: &mut Vec<Spanned<RawTask>>) -> Option<()> {
    let mut r = Reader { text: piece, bytes: piece.as_bytes(), pos: 0, base };
    let mut current: Option<TaskBuilder> = None;
    // Which table the keys that follow belong to.
    let mut table = Table::Task;
    loop {
        r.skip_blank();
        let Some(b) = r.peek() else { break };
        match b {
            b'\n' => r.pos += 1,
            b'\r' => r.newline()?,
            b'#' => r.comment()?,
            b'[' => {
                let start = r.pos;
                let header = r.header()?;
                let span = r.span(start, r.pos);
                match header {
                    Table::Task => {
                        if let Some(t) = current.take() {
                            tasks.push(t.finish()?);
                        }
                        current = Some(TaskBuilder::new(span));
                    }
                    Table::Indicator => {
                        let task = current.as_mut()?;
                        if task.indicator.is_some() {
                            return None;
                        }
                        task.indicator = Some(IndicatorBuilder::default());
                    }
                    Table::Ref => current.as_mut()?.refs.push(DocumentBuilder::default()),
                    Table::Measure => current.as_mut()?.measure.push(MeasureBuilder::default()),
                    Table::Done => current.as_mut()?.done.push(DoneBuilder::default()),
                    Table::Log => current.as_mut()?.log.push(LogBuilder::default()),
                }
                table = header;
                r.end_of_line()?;
            }
            _ => {
                let task = current.as_mut()?;
                let key = r.key()?;
                r.skip_blank();
                if r.peek()? != b'=' {
                    return None;
                }
                r.pos += 1;
                r.skip_blank();
                match table {
                    Table::Task => task.key(key, &mut r)?,
                    Table::Indicator => task.indicator.as_mut()?.key(key, &mut r)?,
                    Table::Ref => task.refs.last_mut()?.key(key, &mut r)?,
                    Table::Measure => task.measure.last_mut()?.key(key, &mut r)?,
                    Table::Done => task.done.last_mut()?.key(key, &mut r)?,
                    Table::Log => task.log.last_mut()?.key(key, &mut r)?,
                }
                r.end_of_line()?;
            }
        }
    }
    tasks.push(current?.finish()?);
    Some(())
}

#[derive(Clone, Copy, PartialEq)]
enum Table {
    Task,
    Indicator,
    Ref,
    Measure,
    Done,
    Log,
}

/// The longest list the reader takes itself.
const MAX_LIST: usize = 10_000;

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    base: usize,
}

/// A byte TOML forbids in comments and strings: the control characters but tab.
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn span(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        self.base + start..self.base + end
    }

    fn skip_blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// `\r\n` (a lone carriage return is not a line break in TOML).
    fn newline(&mut self) -> Option<()> {
        if self.bytes.get(self.pos + 1) == Some(&b'\n') {
            self.pos += 2;
            Some(())
        } else {
            None
        }
    }

    /// A comment up to (not including) the line break.
    fn comment(&mut self) -> Option<()> {
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
    fn end_of_line(&mut self) -> Option<()> {
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

    fn header(&mut self) -> Option<Table> {
        const HEADERS: [(&[u8], Table); 6] = [
            (b"[[task]]", Table::Task),
            (b"[[task.done]]", Table::Done),
            (b"[[task.log]]", Table::Log),
            (b"[[task.measure]]", Table::Measure),
            (b"[[task.ref]]", Table::Ref),
            (b"[task.indicator]", Table::Indicator),
        ];
        let rest = &self.bytes[self.pos..];
        let (text, table) = HEADERS.iter().find(|(h, _)| rest.starts_with(h))?;
        self.pos += text.len();
        Some(*table)
    }

    /// A bare key (quoted and dotted keys are left to `toml`).
    fn key(&mut self) -> Option<&'a str> {
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
    fn string(&mut self) -> Option<Text> {
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

    fn plain_string(&mut self) -> Option<String> {
        self.string().map(Spanned::into_inner)
    }

    /// `"…"` with escapes.
    fn basic(&mut self) -> Option<String> {
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
    fn escape(&mut self, out: &mut String) -> Option<()> {
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
    fn literal(&mut self) -> Option<String> {
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
    fn multi_line(&mut self, quote: u8) -> Option<String> {
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
    fn token(&mut self) -> (usize, &'a str) {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9' | b'-' | b'+' | b':' | b'.' | b'T' | b't' | b'Z' | b'z')) {
            self.pos += 1;
        }
        // `2025-05-30 10:00` is one date-time in TOML: left to `toml`.
        (start, &self.text[start..self.pos])
    }

    fn followed_by_time(&self) -> bool {
        self.peek() == Some(b' ') && self.bytes.get(self.pos + 1).is_some_and(u8::is_ascii_digit)
    }

    /// An integer written plainly: `20`, `-3` (no `+`, `_`, leading zeros or bases).
    fn integer(&mut self) -> Option<Spanned<i64>> {
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
    fn float(&mut self) -> Option<Spanned<f64>> {
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

    fn datetime(&mut self) -> Option<Spanned<Datetime>> {
        let (start, t) = self.token();
        if !t.starts_with(|c: char| c.is_ascii_digit()) || self.followed_by_time() {
            return None;
        }
        let dt: Datetime = t.parse().ok()?;
        Some(Spanned::new(self.span(start, self.pos), dt))
    }

    /// A date as the schema takes it: a TOML date-time or a string.
    fn date(&mut self) -> Option<RawDate> {
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
    fn skip_array_space(&mut self) -> Option<()> {
        loop {
            match self.peek()? {
                b' ' | b'\t' | b'\n' => self.pos += 1,
                b'\r' => self.newline()?,
                b'#' => self.comment()?,
                _ => return Some(()),
            }
        }
    }

    /// `["a", 'b', …]` (at most [`MAX_LIST`] items), over several lines if need be, with a trailing comma or not.
    fn strings(&mut self) -> Option<Vec<Text>> {
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
            // which scans it first for what it would cost ([`super::prescan`]).
            if out.len() == MAX_LIST {
                return None;
            }
            out.push(self.string()?);
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

    fn plain_strings(&mut self) -> Option<Vec<String>> {
        Some(self.strings()?.into_iter().map(Spanned::into_inner).collect())
    }
}

/// Sets a field once: a key given twice is an error, left to `toml`.
fn once<T>(slot: &mut Option<T>, value: Option<T>) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value?);
    Some(())
}

struct TaskBuilder {
    span: std::ops::Range<usize>,
    id: Option<Text>,
    section: Option<Text>,
    title: Option<Text>,
    detail: Option<String>,
    owner: Option<Text>,
    support: Option<Vec<Text>>,
    start: Option<RawDate>,
    due: Option<RawDate>,
    end: Option<RawDate>,
    repeat: Option<Text>,
    due_day: Option<Spanned<i64>>,
    result: Option<String>,
    criteria: Option<Vec<Text>>,
    refs: Vec<DocumentBuilder>,
    indicator: Option<IndicatorBuilder>,
    measure: Vec<MeasureBuilder>,
    done: Vec<DoneBuilder>,
    log: Vec<LogBuilder>,
}

impl TaskBuilder {
    fn new(span: std::ops::Range<usize>) -> Self {
        TaskBuilder {
            span,
            id: None,
            section: None,
            title: None,
            detail: None,
            owner: None,
            support: None,
            start: None,
            due: None,
            end: None,
            repeat: None,
            due_day: None,
            result: None,
            criteria: None,
            refs: Vec::new(),
            indicator: None,
            measure: Vec::new(),
            done: Vec::new(),
            log: Vec::new(),
        }
    }

    fn key(&mut self, key: &str, r: &mut Reader) -> Option<()> {
        match key {
            "id" => once(&mut self.id, r.string()),
            "section" => once(&mut self.section, r.string()),
            "title" => once(&mut self.title, r.string()),
            "detail" => once(&mut self.detail, r.plain_string()),
            "owner" => once(&mut self.owner, r.string()),
            "support" => once(&mut self.support, r.strings()),
            "start" => once(&mut self.start, r.date()),
            "due" => once(&mut self.due, r.date()),
            "end" => once(&mut self.end, r.date()),
            "repeat" => once(&mut self.repeat, r.string()),
            "due_day" => once(&mut self.due_day, r.integer()),
            "result" => once(&mut self.result, r.plain_string()),
            "criteria" => once(&mut self.criteria, r.strings()),
            // `ref`, `indicator`, `measure`, `done` and `log` written inline, and
            // unknown keys: left to `toml`.
            _ => None,
        }
    }

    fn finish(self) -> Option<Spanned<RawTask>> {
        let task = RawTask {
            id: self.id?,
            section: self.section?,
            title: self.title?,
            detail: self.detail,
            owner: self.owner,
            support: self.support.unwrap_or_default(),
            start: self.start,
            due: self.due,
            end: self.end,
            repeat: self.repeat,
            due_day: self.due_day,
            result: self.result,
            refs: self.refs.into_iter().map(DocumentBuilder::finish).collect::<Option<_>>()?,
            criteria: self.criteria.unwrap_or_default(),
            indicator: match self.indicator {
                Some(i) => Some(i.finish()?),
                None => None,
            },
            measure: self.measure.into_iter().map(MeasureBuilder::finish).collect::<Option<_>>()?,
            done: self.done.into_iter().map(DoneBuilder::finish).collect::<Option<_>>()?,
            log: self.log.into_iter().map(LogBuilder::finish).collect::<Option<_>>()?,
        };
        Some(Spanned::new(self.span, task))
    }
}

#[derive(Default)]
struct DocumentBuilder {
    kind: Option<Text>,
    number: Option<String>,
    date: Option<RawDate>,
    issuer: Option<String>,
    subject: Option<String>,
}

impl DocumentBuilder {
    fn key(&mut self, key: &str, r: &mut Reader) -> Option<()> {
        match key {
            "kind" => once(&mut self.kind, r.string()),
            "number" => once(&mut self.number, r.plain_string()),
            "date" => once(&mut self.date, r.date()),
            "issuer" => once(&mut self.issuer, r.plain_string()),
            "subject" => once(&mut self.subject, r.plain_string()),
            _ => None,
        }
    }

    fn finish(self) -> Option<RawDocument> {
        Some(RawDocument {
            kind: self.kind?,
            number: self.number,
            date: self.date,
            issuer: self.issuer,
            subject: self.subject,
        })
    }
}

#[derive(Default)]
struct IndicatorBuilder {
    name: Option<Text>,
    unit: Option<String>,
    target: Option<Spanned<f64>>,
    direction: Option<Text>,
}

impl IndicatorBuilder {
    fn key(&mut self, key: &str, r: &mut Reader) -> Option<()> {
        match key {
            "name" => once(&mut self.name, r.string()),
            "unit" => once(&mut self.unit, r.plain_string()),
            "target" => once(&mut self.target, r.float()),
            "direction" => once(&mut self.direction, r.string()),
            _ => None,
        }
    }

    fn finish(self) -> Option<RawIndicator> {
        Some(RawIndicator { name: self.name?, unit: self.unit, target: self.target?, direction: self.direction })
    }
}

#[derive(Default)]
struct MeasureBuilder {
    period: Option<Text>,
    value: Option<Spanned<f64>>,
    date: Option<RawDate>,
    note: Option<String>,
    by: Option<String>,
    at: Option<Datetime>,
}

impl MeasureBuilder {
    fn key(&mut self, key: &str, r: &mut Reader) -> Option<()> {
        match key {
            "period" => once(&mut self.period, r.string()),
            "value" => once(&mut self.value, r.float()),
            "date" => once(&mut self.date, r.date()),
            "note" => once(&mut self.note, r.plain_string()),
            "by" => once(&mut self.by, r.plain_string()),
            "at" => once(&mut self.at, r.datetime().map(Spanned::into_inner)),
            _ => None,
        }
    }

    fn finish(self) -> Option<RawMeasure> {
        Some(RawMeasure {
            period: self.period,
            value: self.value?,
            date: self.date?,
            note: self.note,
            by: self.by,
            at: self.at,
        })
    }
}

#[derive(Default)]
struct DoneBuilder {
    period: Option<Text>,
    date: Option<RawDate>,
    note: Option<String>,
    evidence: Option<Vec<String>>,
    by: Option<String>,
    at: Option<Datetime>,
}

impl DoneBuilder {
    fn key(&mut self, key: &str, r: &mut Reader) -> Option<()> {
        match key {
            "period" => once(&mut self.period, r.string()),
            "date" => once(&mut self.date, r.date()),
            "note" => once(&mut self.note, r.plain_string()),
            "evidence" => once(&mut self.evidence, r.plain_strings()),
            "by" => once(&mut self.by, r.plain_string()),
            "at" => once(&mut self.at, r.datetime().map(Spanned::into_inner)),
            _ => None,
        }
    }

    fn finish(self) -> Option<RawDone> {
        Some(RawDone {
            period: self.period,
            date: self.date?,
            note: self.note,
            evidence: self.evidence.unwrap_or_default(),
            by: self.by,
            at: self.at,
        })
    }
}

#[derive(Default)]
struct LogBuilder {
    date: Option<RawDate>,
    text: Option<Text>,
    period: Option<Text>,
    evidence: Option<Vec<String>>,
    by: Option<String>,
    at: Option<Datetime>,
}

impl LogBuilder {
    fn key(&mut self, key: &str, r: &mut Reader) -> Option<()> {
        match key {
            "date" => once(&mut self.date, r.date()),
            "text" => once(&mut self.text, r.string()),
            "period" => once(&mut self.period, r.string()),
            "evidence" => once(&mut self.evidence, r.plain_strings()),
            "by" => once(&mut self.by, r.plain_string()),
            "at" => once(&mut self.at, r.datetime().map(Spanned::into_inner)),
            _ => None,
        }
    }

    fn finish(self) -> Option<RawLog> {
        Some(RawLog {
            date: self.date?,
            text: self.text?,
            period: self.period,
            evidence: self.evidence.unwrap_or_default(),
            by: self.by,
            at: self.at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Tasks {
        #[allow(dead_code)]
        task: Vec<Spanned<RawTask>>,
    }

    /// What `toml` makes of `piece` (at `base`), as the reader would give it.
    fn by_toml(piece: &str, base: usize) -> Option<String> {
        let padded = format!("{}{piece}", " ".repeat(base));
        toml::from_str::<Tasks>(&padded).ok().map(|t| format!("{:?}", t.task))
    }

    /// The reader takes `piece` and gives exactly what `toml` gives, spans included.
    #[track_caller]
    fn reads(piece: &str) {
        for base in [0, 7] {
            let got = read_tasks(piece, base).map(|t| format!("{t:?}"));
            assert!(got.is_some(), "the reader should take:\n{piece}");
            assert_eq!(got, by_toml(piece, base), "\n{piece}");
        }
    }

    /// The reader leaves `piece` to `toml` (whatever `toml` then makes of it).
    #[track_caller]
    fn leaves(piece: &str) {
        assert!(read_tasks(piece, 0).is_none(), "the reader should leave:\n{piece}");
    }

    const HEAD: &str = "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Việc\"\n";

    #[test]
    fn reads_what_plans_hold() {
        reads(HEAD);
        reads(&format!(
            "{HEAD}owner = \"ht\"\nsupport = [\"vt\", 'kt']\ncriteria = []\nrepeat = \"quarterly\"\ndue_day = 20\n"
        ));
        reads(&format!("{HEAD}start = \"1/3/2025\"\ndue = 2025-05-30\nend = 2025-12-31 # cuối năm\n"));
        reads(&format!("{HEAD}detail = '''\nDòng một\nDòng hai'''\nresult = \"\"\"\nKết quả \\\n   nối dòng\"\"\"\n"));
        reads(&format!(
            "{HEAD}\n[[task.done]]\nperiod = \"2025-Q1\"\ndate = 2025-03-20\nnote = \"xong\"\nevidence = [\n  \"BB 1\", # một\n  \"BB 2\",\n]\nby = \"Văn thư\"\nat = 2025-03-20T08:15:00+07:00\n"
        ));
        reads(&format!(
            "{HEAD}[[task.log]]\ndate = 2025-04-01\ntext = \"ghi\"\nperiod = \"Q2\"\nat = 2025-04-01T10:00:00Z\n"
        ));
        reads(&format!(
            "{HEAD}[[task.ref]]\nkind = \"Công văn\"\nnumber = \"12/UBND\"\ndate = 2025-01-02\nissuer = \"UBND\"\nsubject = \"s\"\n"
        ));
        reads(&format!(
            "{HEAD}[task.indicator]\nname = \"Tỷ lệ\"\nunit = \"%\"\ntarget = 100\ndirection = \"at-most\"\n[[task.measure]]\nvalue = 87.5\ndate = 2025-06-30\n[[task.measure]]\nvalue = -3\ndate = \"30/9/2025\"\nnote = \"n\"\nby = \"b\"\n"
        ));
        // Sub-tables in any order, a second task, comments, indentation, CRLF, blanks.
        reads(&format!(
            "{HEAD}[[task.done]]\ndate = 2025-01-01\n  [task.indicator] # chỉ số\n  name = \"x\"\n  target = 1.5\n\n[[task.log]]\r\ndate = 2025-01-02\r\ntext = \"t\"\r\n\n# ghi chú\n\t[[task]]\t\nid=\"2\"\nsection='II'\ntitle = \"b\" # c\n"
        ));
        // Escapes, quotes at the end of multi-line strings, empty strings.
        reads(&format!(
            "{HEAD}detail = \"tab\\t \\\"q\\\" \\\\ \\u00e9 \\U0001F600 \\b\\f\\r\\n\"\nresult = \"\"\"a\"\"\"\"\"\nowner = ''\n"
        ));
        reads(&format!("{HEAD}result = '''x'''''\nrepeat = \"\"\"\"\"\"\n"));
        // A date-time where a date is expected: toml's value, which validation reports.
        reads(&format!("{HEAD}due = 2025-05-30T10:00:00\n"));
        reads(&format!("{HEAD}due_day = -0\n[task.indicator]\nname = \"x\"\ntarget = -0.0\n"));
    }

    #[test]
    fn leaves_what_it_does_not_read_exactly_as_toml() {
        // TOML it does not take: quoted or dotted keys, inline tables, numbers with
        // signs, underscores or exponents, TOML 1.1 escapes, date-times with a space,
        // carriage returns inside multi-line strings, other headers.
        for extra in [
            "\"owner\" = \"ht\"\n",
            "indicator.name = \"x\"\n",
            "indicator = { name = \"x\", target = 1 }\n",
            "done = []\n",
            "due_day = +20\n",
            "due_day = 1_0\n",
            "due_day = 0x10\n",
            "due_day = 020\n",
            "[task.indicator]\nname = \"x\"\ntarget = 1e2\n",
            "detail = \"\\e\"\n",
            "detail = \"\\x41\"\n",
            "due = 2025-05-30 10:00:00\n",
            "detail = '''a\r\nb'''\n",
            "[task.extra]\n",
            "[[task.done ]]\ndate = 2025-01-01\n",
            "[ [task.done]]\ndate = 2025-01-01\n",
        ] {
            leaves(&format!("{HEAD}{extra}"));
        }
    }

    #[test]
    fn leaves_every_error_to_toml() {
        for extra in [
            // Unknown, repeated and missing keys; wrong types.
            "titel = \"x\"\n",
            "title = \"again\"\n",
            "owner = 5\n",
            "support = [\"a\", 1]\n",
            "due_day = 2.5\n",
            "due_day = 99999999999999999999\n",
            "due = true\n",
            "due = 2025-02-30\n",
            "[[task.done]]\nnote = \"no date\"\n",
            "[task.indicator]\nname = \"x\"\n",
            "[task.indicator]\nname = \"x\"\ntarget = 1\n[task.indicator]\n",
            // Bad strings, comments and line ends.
            "detail = \"open\n",
            "detail = \"bad \\q escape\"\n",
            "detail = \"\\uD800\"\n",
            "detail = \"a\u{1}b\"\n",
            "detail = 'a\u{7f}'\n",
            "# comment \u{0}\n",
            "detail = \"x\" y\n",
            "detail = \"x\"\rowner = \"y\"\n",
            "owner =\n\"x\"\n",
            "support = [\"a\" \"b\"]\n",
            "support = [\"a\",,]\n",
            "detail = '''never closed\n",
        ] {
            let piece = format!("{HEAD}{extra}");
            leaves(&piece);
        }
        // No task header first, or nothing at all.
        leaves("id = \"1\"\n");
        leaves("");
        leaves("[[task.done]]\ndate = 2025-01-01\n");
        leaves("[[task]]\nid = \"1\"\n");
    }

    #[test]
    fn a_time_or_number_right_after_a_date_is_left() {
        for extra in ["due = 2025-05-30x\n", "due = 2025-05-30 1\n", "due_day = 20-1\n", "due_day = 1.5.5\n"] {
            leaves(&format!("{HEAD}{extra}"));
        }
        // A space, then a comment or the end of the line, is not a time.
        reads(&format!("{HEAD}due = 2025-05-30 \n"));
        reads(&format!("{HEAD}due = 2025-05-30 # hạn\n"));
    }

    /// Tables with the keys that may follow their header (each line valid there once).
    const TABLES: &[(&str, &[&str])] = &[
        (
            "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"t\"\n",
            &[
                "detail = '''\n[[task]]\nid = \"fake\"'''\n",
                "result = \"\"\"a \\\n  b\"\"\"\"\n",
                "owner = \"Việc \\\"một\\\" \\u1EBF\"\n",
                "support = [\"a\",\n 'b', # c\n]\n",
                "criteria = [ ]\n",
                "due = 2025-05-30\n",
                "start = \"30/5/2025\"\n",
                "end = 2025-05-30T08:00:00+07:00\n",
                "repeat = \"quarterly\"\n",
                "due_day = 20\n",
            ],
        ),
        (
            "[[task.done]]\ndate = 2025-03-01\n",
            &[
                "period = \"Q1\"\n",
                "note = ''\n",
                "evidence = [\"e\"]\n",
                "by = \"b\"\n",
                "at = 2025-03-01T10:00:00Z\n",
            ],
        ),
        (
            "  [[task.log]] # c\ndate = \"1/3/2025\"\ntext = \"\"\"\nghi\"\"\"\n",
            &["period = 'Q1'\n", "evidence = []\n", "by = \"b\"\n", "at = 2025-03-01T10:00:00\n"],
        ),
        (
            "[[task.ref]]\r\nkind = \"Công văn\"\r\n",
            &["number = \"1/KH\"\n", "date = 2025-01-02\n", "issuer = \"i\"\n", "subject = \"s\"\n"],
        ),
        ("[[task.measure]]\nvalue = 3\ndate = 2025-03-01\n", &["period = \"Q1\"\n", "note = \"n\"\n", "by = \"b\"\n"]),
        ("[task.indicator]\nname = \"Tỷ lệ\"\ntarget = 99.5\n", &["unit = \"%\"\n", "direction = \"at-least\"\n"]),
    ];

    /// Lines TOML reads otherwise than the reader would, or not at all.
    const ODD: &[&str] = &[
        "# ghi chú\n",
        "\n",
        "\r\n",
        "[task.other]\n",
        "start = 2025-02-29\n",
        "end = 2025-05-30 08:00:00\n",
        "due_day = 1_0\n",
        "due_day = 20.5\n",
        "value = 1e3\n",
        "x = 1\n",
        "a.b = 1\n",
        "\"id\" = \"q\"\n",
        "title = \"open\n",
        "title = 'x\u{1}'\n",
    ];

    /// A piece from a list of numbers: each starts a table, adds a key valid there, or
    /// adds an odd line.
    fn stitch(picks: &[usize]) -> String {
        let mut out = String::from(TABLES[0].0);
        let mut keys = TABLES[0].1;
        for &p in picks {
            match p % 10 {
                0 | 1 => {
                    let (head, k) = TABLES[(p / 10) % TABLES.len()];
                    out.push_str(head);
                    keys = k;
                }
                2 => out.push_str(ODD[(p / 10) % ODD.len()]),
                _ => out.push_str(keys[(p / 10) % keys.len()]),
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Whenever the reader takes a stitched piece, `toml` gives the same.
        #[test]
        fn never_disagrees_with_toml(picks in proptest::collection::vec(0usize..1000, 0..30)) {
            let piece = stitch(&picks);
            if let Some(got) = read_tasks(&piece, 3) {
                proptest::prop_assert_eq!(Some(format!("{got:?}")), by_toml(&piece, 3), "{}", piece);
            }
        }
    }

    /// The stitched pieces are not all left to `toml`: enough are read for the property
    /// above to mean something (a fixed sample, so the count is the same every run).
    #[test]
    fn the_stitched_pieces_are_often_read() {
        let (mut read, total) = (0, 2000);
        let mut x: u64 = 2025;
        for _ in 0..total {
            let picks: Vec<usize> = (0..8)
                .map(|_| {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    (x >> 33) as usize % 1000
                })
                .collect();
            let piece = stitch(&picks);
            if let Some(got) = read_tasks(&piece, 0) {
                read += 1;
                assert_eq!(Some(format!("{got:?}")), by_toml(&piece, 0), "{piece}");
            }
        }
        assert!(read * 10 > total, "only {read} of {total} read");
    }
}
