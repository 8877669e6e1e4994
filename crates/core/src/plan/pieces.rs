//! Parsing a plan as its head and its tasks, in pieces, for memory and speed; the
//! result is the same as `toml::from_str` of the whole file.
//!
//! `toml::from_str` lexes the whole file into one token vector, builds a generic tree
//! of it, and only then fills our structs: about 16 bytes of memory per byte of file at
//! the peak (80 MB for a 5 MB plan of 10,000 tasks), each touched once. A plan is
//! mostly a long run of `[[task]]` tables that do not depend on one another, so a file
//! is parsed as its head (everything before the first `[[task]]` header, with `toml`)
//! and then pieces of about [`PIECE`] bytes that each start at a `[[task]]` header (a
//! small file is one piece). Each piece is read by [`super::task_reader`], or by `toml`
//! when the reader leaves it. Memory stays at one piece's worth per thread, the spans
//! are offsets into the whole file, and with more than one core the pieces are shared
//! out between threads (in consecutive runs, joined in file order, so the result does
//! not depend on them).
//!
//! Why the result is the same as parsing the whole file at once:
//! - A root `[[task]]` header appends a table to the root `task` array whatever comes
//!   before it, and everything after it up to the next root header (`[[task.done]]`,
//!   `[[task.log]]`…) belongs to that new table. So a piece holds whole tasks only, and
//!   concatenating the pieces' tasks in order is what the whole-file parse builds.
//! - A piece must contain nothing but tasks (`deny_unknown_fields`): a `[[owner]]` or
//!   `[plan]` written after the tasks makes the piece fail, and the whole file is parsed.
//! - The head must not define `task` itself (`task = []` cannot be extended by a
//!   `[[task]]` header, which the whole-file parse reports).
//! - A line that starts with `[[task]]` but is not a header can only be inside a
//!   multi-line string in valid TOML; the piece that ends there then ends inside an
//!   unterminated string and fails to parse, and the whole file is parsed.
//! - Whenever any part fails, the whole file is parsed, so errors are reported exactly
//!   as before, with the same message and position.

use serde::Deserialize;
use toml::Spanned;

use super::schema::{RawPlan, RawTask};

/// The size of a piece; files smaller than two pieces are parsed whole.
const PIECE: usize = 64 * 1024;

/// Why a plan's text could not be parsed.
#[derive(Debug)]
pub enum Error {
    /// What `toml` says.
    Toml(toml::de::Error),
    /// What `toml` says of the piece of the file that starts at this byte.
    TomlAt(toml::de::Error, usize),
    /// The text would cost `toml` too much memory (see [`super::prescan`]).
    Limit(super::prescan::Exceeded),
}

/// `toml::from_str`, for text that passes [`super::prescan::check`].
fn toml_checked<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    super::prescan::check(text).map_err(Error::Limit)?;
    toml::from_str(text).map_err(Error::Toml)
}

/// Parses the plan's text as `toml::from_str` does: the head with `toml`, the tasks with
/// the direct reader (in pieces on several threads when the file is large). Whatever
/// goes to `toml` is scanned first ([`super::prescan`]).
pub fn from_str(text: &str) -> Result<RawPlan, Error> {
    // Small files, the usual case, are one piece read on this thread (without asking
    // how many cores there are: that reads the cgroup files).
    let threads = if text.len() < 2 * PIECE {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_THREADS)
    };
    match in_pieces(text, PIECE, threads) {
        Some(raw) => Ok(raw),
        None => match super::prescan::check(text) {
            Ok(()) => toml::from_str(text).map_err(Error::Toml),
            // Too costly to parse whole (a hostile file, or a very large plan with a
            // mistake in it): the first piece `toml` finds wrong names the mistake.
            Err(limit) => Err(first_piece_error(text).unwrap_or(Error::Limit(limit))),
        },
    }
}

/// The error `toml` finds in the head or the first wrong piece, each parsed alone (and
/// scanned first); `None` when none is found that way.
fn first_piece_error(text: &str) -> Option<Error> {
    let first = next_task_header(text, 0)?;
    match toml_checked::<RawPlan>(&text[..first]) {
        // What the head lacks may come after the tasks.
        Err(Error::Toml(e)) if !e.message().starts_with("missing field") => return Some(Error::Toml(e)),
        Err(_) => return None,
        Ok(_) => {}
    }
    let mut at = first;
    while at < text.len() {
        let end = next_task_header(text, at + PIECE).unwrap_or(text.len());
        match toml_checked::<Tasks>(&text[at..end]) {
            // A table other than a task in the piece is no mistake of its own.
            Err(Error::Toml(e)) if !e.message().contains("expected `task`") => return Some(Error::TomlAt(e, at)),
            Err(_) => return None,
            Ok(_) => at = end,
        }
    }
    None
}

/// What a piece holds: tasks, and nothing else.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Tasks {
    task: Vec<Spanned<RawTask>>,
}

/// Parses the head, then the tasks in pieces of about `piece` bytes, on up to `threads`
/// threads. `None`: parse the whole file with `toml` (which also reports any error).
fn in_pieces(text: &str, piece: usize, threads: usize) -> Option<RawPlan> {
    let first = next_task_header(text, 0)?;
    let head = &text[..first];
    let mut raw: RawPlan = toml_checked(head).ok()?;
    // `task = []` in the head cannot be extended by `[[task]]` headers: an error the
    // whole-file parse reports.
    if raw.task.is_some() {
        return None;
    }
    // Cut at the first header at least `piece` bytes after the last cut: only the bytes
    // between the jump and that header are searched, not the whole file.
    let mut cuts = vec![first];
    while let Some(cut) = next_task_header(text, cuts[cuts.len() - 1] + piece) {
        cuts.push(cut);
    }
    cuts.push(text.len());
    // The pieces are independent: with more than one core, consecutive runs of them are
    // parsed on scoped threads (this one included) and joined in file order.
    let runs = threads.max(1).min(cuts.len() - 1);
    let per_run = (text.len() - first).div_ceil(runs);
    let mut bounds = vec![0];
    for (i, &c) in cuts.iter().enumerate().skip(1) {
        if c - cuts[bounds[bounds.len() - 1]] >= per_run || i == cuts.len() - 1 {
            bounds.push(i);
        }
    }
    let parse_run = |run: &[usize]| -> Option<Vec<Spanned<RawTask>>> {
        // Room for every task at once (a header inside a string only adds room): a
        // vector of 10,000 tasks is 7 MB, and growing it copies it again each time. A
        // task takes at least MIN_TASK_BYTES, which bounds the guess for a hostile file
        // of bare headers; and room that cannot be had is simply not taken.
        let bytes = &text.as_bytes()[run[0]..run[run.len() - 1]];
        let headers = memchr::memmem::find_iter(bytes, b"[[task]]").count();
        let mut tasks = Vec::new();
        let _ = tasks.try_reserve_exact(headers.min(bytes.len() / MIN_TASK_BYTES + 1));
        for w in run.windows(2) {
            let piece = &text[w[0]..w[1]];
            // The direct reader takes the usual tables; anything else goes to `toml`.
            match super::task_reader::read_tasks_into(piece, w[0], &mut tasks) {
                Some(()) => {}
                None => {
                    let piece: Tasks = toml_checked(piece).ok()?;
                    tasks.extend(piece.task.into_iter().map(|t| shift_task(t, w[0])));
                }
            }
        }
        Some(tasks)
    };
    let runs: Vec<&[usize]> = bounds.windows(2).map(|b| &cuts[b[0]..=b[1]]).collect();

    if runs.len() == 1 {
        raw.task = Some(parse_run(runs[0])?);
        return Some(raw);
    }
    let parts: Vec<Vec<Spanned<RawTask>>> = std::thread::scope(|scope| {
        let others: Vec<_> = runs[1..].iter().map(|&run| scope.spawn(move || parse_run(run))).collect();
        let first = parse_run(runs[0]);
        std::iter::once(first).chain(others.into_iter().map(|h| h.join().ok().flatten())).collect::<Option<_>>()
    })?;
    // Each run's tasks stay in the vector its thread made (joining them copied tens of
    // megabytes): the first run's are `task`, the others' `task_runs`.
    let mut parts = parts.into_iter();
    raw.task = parts.next();
    raw.task_runs = parts.collect();
    Some(raw)
}

/// The shortest task a plan can hold: `[[task]]`, `id=""`, `section=""` and `title=""`
/// on their lines.
const MIN_TASK_BYTES: usize = 34;

/// At most this many threads parse pieces (a plan of 10,000 tasks is ~75 pieces).
const MAX_THREADS: usize = 4;

/// The offset of the first line at or after `from` that starts (after blanks) with
/// `[[task]]`.
fn next_task_header(text: &str, from: usize) -> Option<usize> {
    let mut at = from.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    loop {
        let i = at + text.get(at..)?.find("[[task]]")?;
        if text[..i].bytes().rev().take_while(|&b| b != b'\n').all(|b| b == b' ' || b == b'\t') {
            return Some(i);
        }
        at = i + 1;
    }
}

/// Shifts a span in place; the value is moved out and back, leaving no copy.
fn shift<T: Placeholder>(spanned: &mut Spanned<T>, by: usize) {
    let span = spanned.span();
    let value = std::mem::replace(spanned.get_mut(), T::placeholder());
    *spanned = Spanned::new(span.start + by..span.end + by, value);
}

/// A value that costs nothing to make, to stand in while a spanned value is moved.
trait Placeholder {
    fn placeholder() -> Self;
}

impl Placeholder for String {
    fn placeholder() -> Self {
        String::new()
    }
}

impl Placeholder for i64 {
    fn placeholder() -> Self {
        0
    }
}

impl Placeholder for f64 {
    fn placeholder() -> Self {
        0.0
    }
}

impl Placeholder for toml::Value {
    fn placeholder() -> Self {
        toml::Value::Boolean(false)
    }
}

/// A value whose spans move with the piece it was read from: every field of the task
/// tables ([`super::schema`]), so a field added to the schema cannot be forgotten: the
/// code does not compile until its type is shifted (or known to have no span).
pub(crate) trait Shift {
    fn shift(&mut self, by: usize);
}

impl<T: Placeholder> Shift for Spanned<T> {
    fn shift(&mut self, by: usize) {
        shift(self, by);
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, by: usize) {
        if let Some(t) = self {
            t.shift(by);
        }
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, by: usize) {
        self.iter_mut().for_each(|t| t.shift(by));
    }
}

/// Values without a span.
impl Shift for String {
    fn shift(&mut self, _: usize) {}
}

impl Shift for toml::value::Datetime {
    fn shift(&mut self, _: usize) {}
}

fn shift_task(spanned: Spanned<RawTask>, by: usize) -> Spanned<RawTask> {
    let span = spanned.span();
    let mut task = spanned.into_inner();
    task.shift(by);
    Spanned::new(span.start + by..span.end + by, task)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces this small make every test file cut in many places.
    const SMALL: usize = 1024;

    /// A plan large enough to be parsed in pieces, with `extra` appended.
    fn big(extra: &str) -> String {
        let mut s = String::from(
            "[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n[[owner]]\nid = \"ht\"\nname = \"Hiệu trưởng\"\n\
             [[section]]\nid = \"II\"\ntitle = \"S\"\n\n",
        );
        let mut i = 0;
        while s.len() < 16 * SMALL {
            i += 1;
            s.push_str(&format!(
                "[[task]]\nid = \"{i}\"\nsection = \"II\"\ntitle = \"Việc số {i}\"\nowner = \"ht\"\n\
                 support = [\"ht\"]\ncriteria = [\"1.1\", \"2\"]\nrepeat = \"quarterly\"\nstart = 2025-02-0{}\ndue_day = 20\n\
                 [[task.done]]\nperiod = \"2025-Q1\"\ndate = \"20/3/2025\"\n\
                 [[task.log]]\ndate = 2025-03-01\ntext = \"ghi chú\"\nperiod = \"Q1\"\n\
                 [[task.ref]]\nkind = \"Công văn\"\ndate = 2025-01-02\n\n\
                 [task.indicator]\nname = \"tỷ lệ\"\ntarget = 100\ndirection = \"at-least\"\n\
                 [[task.measure]]\nperiod = \"Q1\"\nvalue = 90.5\ndate = 2025-03-31\n\n",
                1 + i % 9
            ));
            if i % 7 == 0 {
                // Indented header, comment, CRLF.
                s.push_str(&format!(
                    "  [[task]] # thụt lề\r\nid = \"x{i}\"\r\nsection = \"II\"\r\ntitle = \"b\"\r\n\n"
                ));
            }
        }
        s.push_str(extra);
        s
    }

    fn whole(text: &str) -> String {
        format!("{:?}", toml::from_str::<RawPlan>(text))
    }

    /// The tasks of every run in `task`, as the whole file's parse has them.
    fn joined(mut raw: RawPlan) -> RawPlan {
        let runs = std::mem::take(&mut raw.task_runs);
        if let Some(tasks) = raw.task.as_mut() {
            runs.into_iter().for_each(|run| tasks.extend(run));
        }
        raw
    }

    #[test]
    fn same_as_whole_file_with_spans() {
        let text = big("");
        for threads in [1, 3] {
            let pieces = joined(in_pieces(&text, SMALL, threads).expect("parsed in pieces"));
            assert!(pieces.task.as_ref().expect("tasks").len() > 20);
            assert_eq!(format!("{:?}", Ok::<_, toml::de::Error>(pieces)), whole(&text));
        }
    }

    #[test]
    fn falls_back_to_the_whole_file() {
        // A `[[task]]` line inside a multi-line string is text, not a header (the long
        // string makes it a place to cut).
        let in_string = format!(
            "[[task]]\nid = \"s\"\nsection = \"II\"\ntitle = \"t\"\ndetail = '''\n{}\n[[task]]\nid = \"fake\"\n'''\n",
            "chữ ".repeat(SMALL / 4)
        );
        let cases = [
            // Owners after the tasks: valid, but not tasks only.
            "[[owner]]\nid = \"vt\"\nname = \"Văn thư\"\n",
            &in_string,
            // Errors: the same message and position as the whole-file parse.
            "[[task]]\nid = \"e\"\nsection = \"II\"\ntitel = \"t\"\n",
            "[[task]]\nid = \"e\"\nsection = \"II\"\ntitle = \"t\"\ntitle = \"again\"\n",
            "[plan]\nunit = \"again\"\n",
        ];
        for extra in cases {
            let text = big(extra);
            assert!(in_pieces(&text, SMALL, 1).is_none(), "{extra}");
            assert!(in_pieces(&text, SMALL, 3).is_none(), "{extra}");
            assert_eq!(
                format!(
                    "{:?}",
                    from_str(&text).map_err(|e| match e {
                        Error::Toml(e) => e,
                        other => panic!("{other:?}"),
                    })
                ),
                whole(&text),
                "{extra}"
            );
        }
        // `task = []` in the head cannot be extended by `[[task]]` headers.
        let text = big("").replacen("[[section]]", "task = []\n[[section]]", 1);
        assert!(in_pieces(&text, SMALL, 2).is_none());
        assert!(from_str(&text).is_err());
    }

    #[test]
    fn finds_headers_from_anywhere() {
        let text = "a = \"ữ\"\n  [[task]]\nx = \"[[task]]\"\n[[task]]";
        let found: Vec<Option<usize>> = [0, 6, 13, 24, 40, 999].iter().map(|&f| next_task_header(text, f)).collect();
        assert_eq!(found, [Some(12), Some(12), Some(36), Some(36), None, None]);
    }

    #[test]
    fn a_file_of_bare_headers_is_an_error_not_a_crash() {
        // 200,000 headers and nothing else: an error, as from the whole-file parse, and
        // the room guessed for the tasks is bounded by the file's size, not the headers.
        let text = format!("[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n{}", "[[task]]\n".repeat(200_000));
        assert!(from_str(&text).is_err());
    }

    #[test]
    fn a_mistake_in_a_plan_too_large_to_parse_whole_is_found_in_its_piece() {
        // Dense tasks over the pre-scan's budget for a whole-file parse, one key misspelt.
        let task = |i: usize| format!("[[task]]\nid = \"{i}\"\nsection = \"II\"\ntitle = \"t\"\nowner = \"ht\"\n");
        let mut text = String::from("[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n");
        (0..60_000).for_each(|i| text.push_str(&task(i)));
        text.push_str("[[task]]\nid = \"x\"\nsection = \"II\"\ntitel = \"t\"\n");
        (0..60_000).for_each(|i| text.push_str(&task(i)));
        assert!(super::super::prescan::check(&text).is_err(), "over the budget");
        let whole = toml::from_str::<RawPlan>(&text).expect_err("misspelt");
        match from_str(&text) {
            Err(Error::TomlAt(e, at)) => {
                assert_eq!(e.message(), whole.message());
                assert_eq!(e.span().map(|s| s.start + at..s.end + at), whole.span());
            }
            other => panic!("{other:?}"),
        }
        // Owners after the tasks: valid, and nothing wrong in any piece; the limit is said.
        text = text.replace("titel", "title") + "[[owner]]\nid = \"vt\"\nname = \"V\"\n";
        assert!(matches!(from_str(&text), Err(Error::Limit(_))));
    }

    #[test]
    fn a_file_without_tasks_is_parsed_whole() {
        assert!(in_pieces("[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n", PIECE, 2).is_none());
    }

    #[test]
    fn a_small_file_is_one_piece() {
        let text = "[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n\n[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"a\"\n";
        let raw = in_pieces(text, PIECE, 1).expect("read");
        assert_eq!(format!("{:?}", Ok::<_, toml::de::Error>(raw)), whole(text));
    }

    #[test]
    fn the_bundled_plan_reads_as_toml_reads_it() {
        let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../plan.toml"));
        assert_eq!(
            format!("{:?}", from_str(text).map_err(|e| format!("{e:?}"))),
            format!("{:?}", toml::from_str::<RawPlan>(text).map_err(|e| format!("{:?}", Error::Toml(e))))
        );
        let first = next_task_header(text, 0).expect("tasks");
        assert!(super::super::task_reader::read_tasks(&text[first..], first).is_some(), "the reader takes them all");
    }
}
