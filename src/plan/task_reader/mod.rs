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

mod lexer;
use lexer::Reader;

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
mod tests;
