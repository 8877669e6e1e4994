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

use super::schema::{
    CancelledBuilder, DocumentBuilder, DoneBuilder, IndicatorBuilder, LogBuilder, MeasureBuilder, RawTask, TaskBuilder,
};

pub(crate) mod lexer;
pub(crate) mod table;
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
    // The task being read: where its header is, and its keys so far.
    let mut current: Option<(std::ops::Range<usize>, TaskBuilder)> = None;
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
                        if let Some((span, t)) = current.take() {
                            tasks.push(Spanned::new(span, t.finish()?));
                        }
                        current = Some((span, TaskBuilder::default()));
                    }
                    Table::Indicator => {
                        let task = &mut current.as_mut()?.1;
                        if task.indicator.is_some() {
                            return None;
                        }
                        task.indicator = Some(IndicatorBuilder::default());
                    }
                    Table::Cancelled => {
                        let task = &mut current.as_mut()?.1;
                        if task.cancelled.is_some() {
                            return None;
                        }
                        task.cancelled = Some(CancelledBuilder::default());
                    }
                    Table::Ref => current.as_mut()?.1.refs.push(DocumentBuilder::default()),
                    Table::Measure => current.as_mut()?.1.measure.push(MeasureBuilder::default()),
                    Table::Done => current.as_mut()?.1.done.push(DoneBuilder::default()),
                    Table::Log => current.as_mut()?.1.log.push(LogBuilder::default()),
                }
                table = header;
                r.end_of_line()?;
            }
            _ => {
                let task = &mut current.as_mut()?.1;
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
                    Table::Cancelled => task.cancelled.as_mut()?.key(key, &mut r)?,
                    Table::Ref => task.refs.last_mut()?.key(key, &mut r)?,
                    Table::Measure => task.measure.last_mut()?.key(key, &mut r)?,
                    Table::Done => task.done.last_mut()?.key(key, &mut r)?,
                    Table::Log => task.log.last_mut()?.key(key, &mut r)?,
                }
                r.end_of_line()?;
            }
        }
    }
    let (span, task) = current?;
    tasks.push(Spanned::new(span, task.finish()?));
    Some(())
}

#[derive(Clone, Copy, PartialEq)]
enum Table {
    Task,
    Indicator,
    Cancelled,
    Ref,
    Measure,
    Done,
    Log,
}

#[cfg(test)]
mod tests;
