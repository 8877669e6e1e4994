//! Property tests of the write path: generated plans (tests/support/generate.rs, with
//! comments, CRLF, byte-order marks, every quoting style, hostile text) and generated
//! sequences of edits — `done`, `reopen`, `log`, `measure`, `add`, `edit`, `rm`, and a
//! save without change — run in-process through `par::commands::run`, the code the
//! binary runs, so a case costs no process start. After every command:
//!
//! - (a) every byte outside the touched task's block is unchanged (the block is found
//!   by `write::locate` before and after); `add` is a pure insertion at a task boundary,
//!   `rm` a pure deletion of the task's block; inside the block, `done`/`log`/`measure`
//!   only append, `reopen` removes exactly one `[[task.done]]`, `edit` leaves the
//!   task's sub-tables alone; and in the checked model every other task is unchanged
//!   and the touched one changed exactly as asked;
//! - (b) the file loads with the whole-file parser (the write path checks only the
//!   changed task), and a refused command leaves the bytes and the inode as they were;
//! - (c) round trips restore the exact bytes: a save without change, `done` then
//!   `reopen`, `add` then `rm`; `edit` with the value a task already has writes nothing,
//!   or only respells the value (`due = "30/5/2025"` → `due = 2025-05-30`), and the same
//!   edit again writes nothing;
//! - (d) a byte-order mark stays, and CRLF files get no bare LF (LF files no CR);
//! - no temporary file is left beside the plan.
//!
//! The final file of each case is also read by the real binary (`par status --format json`).
//! 32 cases of up to 6 commands by default (about 2 s in a debug build); more with e.g.
//! `PROPTEST_CASES=500 cargo test --release --test main edit_properties::`.

use crate::support;

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use par::cli::{AddArgs, Command, DoneArgs, EditArgs, LogArgs, MeasureArgs, ReopenArgs, RmArgs, TaskField, TaskFields};
use par::plan::{Loaded, Plan, Repeat, Task};
use par::write::locate::{Layout, TaskBlock, content_end};
use proptest::prelude::*;
use proptest::sample::Index;
use support::generate::{GenPlan, near_date, plan, text};

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(32);
    ProptestConfig { cases, max_shrink_iters: 300, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------
// Generated commands
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum FieldChange {
    Title(String),
    Detail(String),
    Result(String),
    Owner(Index),
    Due(NaiveDate),
    Start(NaiveDate),
    Repeat(&'static str),
    Unset(TaskField),
}

#[derive(Debug, Clone)]
enum Step {
    Done {
        task: Index,
        period: Index,
        date: NaiveDate,
        note: Option<String>,
        evidence: Vec<String>,
        by: Option<String>,
    },
    Reopen {
        task: Index,
    },
    Log {
        task: Index,
        text: String,
        date: NaiveDate,
        evidence: Vec<String>,
        by: Option<String>,
    },
    Measure {
        task: Index,
        period: Index,
        quarters: u32,
        comma: bool,
        date: NaiveDate,
    },
    Add {
        title: String,
        section: Index,
        owner: Option<Index>,
        due: Option<NaiveDate>,
        detail: Option<String>,
    },
    Edit {
        task: Index,
        change: FieldChange,
    },
    Rm {
        task: Index,
    },
    /// Load and save with no change, through the write path's `Session`.
    Resave,
    /// `done` then `reopen` of that mark.
    DoneUndone {
        task: Index,
        period: Index,
        date: NaiveDate,
        note: Option<String>,
    },
    /// `add` then `rm` of the new task.
    AddRemoved {
        title: String,
        section: Index,
    },
    /// `edit` a field to the value the task has, twice.
    EditSame {
        task: Index,
        field: u8,
    },
}

fn field_change(year: i32) -> impl Strategy<Value = FieldChange> {
    prop_oneof![
        3 => text(5).prop_map(FieldChange::Title),
        1 => text(8).prop_map(FieldChange::Detail),
        1 => text(4).prop_map(FieldChange::Result),
        2 => any::<Index>().prop_map(FieldChange::Owner),
        2 => near_date(year).prop_map(FieldChange::Due),
        1 => near_date(year).prop_map(FieldChange::Start),
        1 => prop::sample::select(&["quarterly", "hằng tháng", "once", "thường xuyên", "yearly"][..])
            .prop_map(FieldChange::Repeat),
        1 => prop::sample::select(&[TaskField::Detail, TaskField::Result, TaskField::Owner, TaskField::Start][..])
            .prop_map(FieldChange::Unset),
    ]
}

fn step(year: i32) -> impl Strategy<Value = Step> {
    let by = || prop::option::of(text(2));
    prop_oneof![
        3 => (any::<Index>(), any::<Index>(), near_date(year), prop::option::of(text(4)), prop::collection::vec(text(2), 0..3), by())
            .prop_map(|(task, period, date, note, evidence, by)| Step::Done { task, period, date, note, evidence, by }),
        2 => any::<Index>().prop_map(|task| Step::Reopen { task }),
        3 => (any::<Index>(), text(8), near_date(year), prop::collection::vec(text(2), 0..3), by())
            .prop_map(|(task, text, date, evidence, by)| Step::Log { task, text, date, evidence, by }),
        1 => (any::<Index>(), any::<Index>(), 0u32..800, any::<bool>(), near_date(year))
            .prop_map(|(task, period, quarters, comma, date)| Step::Measure { task, period, quarters, comma, date }),
        2 => (text(5), any::<Index>(), prop::option::of(any::<Index>()), prop::option::of(near_date(year)), prop::option::of(text(6)))
            .prop_map(|(title, section, owner, due, detail)| Step::Add { title, section, owner, due, detail }),
        4 => (any::<Index>(), field_change(year)).prop_map(|(task, change)| Step::Edit { task, change }),
        1 => any::<Index>().prop_map(|task| Step::Rm { task }),
        1 => Just(Step::Resave),
        2 => (any::<Index>(), any::<Index>(), near_date(year), prop::option::of(text(3)))
            .prop_map(|(task, period, date, note)| Step::DoneUndone { task, period, date, note }),
        1 => (text(4), any::<Index>()).prop_map(|(title, section)| Step::AddRemoved { title, section }),
        2 => (any::<Index>(), 0u8..5).prop_map(|(task, field)| Step::EditSame { task, field }),
    ]
}

/// A generated plan, whether its last line break is cut off (as some editors save), and
/// the commands to run on it.
fn case() -> impl Strategy<Value = (GenPlan, bool, Vec<Step>)> {
    plan().prop_flat_map(|g| {
        let year = g.year;
        (Just(g), prop::bool::weighted(0.2), prop::collection::vec(step(year), 1..=6))
    })
}

// ---------------------------------------------------------------------------
// Running commands in-process
// ---------------------------------------------------------------------------

struct Bench {
    dir: tempfile::TempDir,
    path: PathBuf,
    today: NaiveDate,
    bom: bool,
    crlf: bool,
}

/// What a command did to the file.
#[derive(Debug)]
enum Outcome {
    Written,
    /// Exit code and message (stdout for an outcome with code 1, else the error);
    /// the message is read in failure reports, through `Debug`.
    #[allow(dead_code)]
    Refused(i32, String),
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&fs::metadata(path).unwrap())
}
#[cfg(not(unix))]
fn inode(_: &Path) -> u64 {
    0
}

impl Bench {
    fn new(generated: &GenPlan, open_end: bool) -> Bench {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        let mut bytes = generated.to_bytes();
        if open_end {
            while bytes.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                bytes.pop();
            }
        }
        fs::write(&path, bytes).unwrap();
        let today = NaiveDate::from_ymd_opt(generated.year, 6, 15).unwrap();
        Bench { dir, path, today, bom: generated.layout.bom, crlf: generated.layout.crlf }
    }

    fn ctx(&self) -> par::Context {
        par::Context {
            file: Some(self.path.clone()),
            cwd: self.dir.path().to_path_buf(),
            today: self.today,
            lang: None,
            color: false,
            width: None,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        fs::read(&self.path).unwrap()
    }

    fn load(&self) -> Result<Loaded, TestCaseError> {
        par::plan::load(&self.path).map_err(|e| {
            TestCaseError::fail(format!(
                "(b) the file no longer loads:\n{e}\n--- file ---\n{}",
                String::from_utf8_lossy(&self.bytes())
            ))
        })
    }

    /// Runs a command; checks that a refusal changed nothing (bytes and inode) and
    /// that no temporary file is left either way.
    fn run(&self, cmd: Command) -> Result<Outcome, TestCaseError> {
        let (before, ino) = (self.bytes(), inode(&self.path));
        let result = par::commands::run(&self.ctx(), &cmd);
        let strays: Vec<String> = fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "plan.toml" && n != ".plan.toml.lock" && n != ".plan.toml.journal")
            .collect();
        prop_assert!(strays.is_empty(), "left beside the plan: {:?} after {:?}", strays, cmd);
        let refused = match result {
            Ok(o) if o.code == 0 => return Ok(Outcome::Written),
            Ok(o) => (o.code, o.stdout),
            Err(e) => (par::error::exit_code(&e), e.to_string()),
        };
        prop_assert!(matches!(refused.0, 1 | 2), "{:?}: exit {} ({})", cmd, refused.0, refused.1);
        prop_assert!(!refused.1.trim().is_empty(), "{:?}: empty message", cmd);
        prop_assert!(self.bytes() == before, "{:?} was refused ({}) but changed the file", cmd, refused.1);
        prop_assert_eq!(inode(&self.path), ino, "{:?} was refused but replaced the file", cmd);
        Ok(Outcome::Refused(refused.0, refused.1))
    }

    /// (d): the byte-order mark and line endings of the original file.
    fn eol(&self) -> &'static [u8] {
        if self.crlf { b"\r\n" } else { b"\n" }
    }

    /// (c): after a change and its undoing, the bytes are back, except that a file
    /// ending without a line break gains one when the change was at its very end
    /// (`at_end`): the writers end every line they write, and the undoing removes
    /// what they added, not the line break the last line then needed.
    fn check_restored(&self, before: &[u8], at_end: bool, what: &str) -> Result<(), TestCaseError> {
        self.check_restored_bytes(before, &self.bytes(), at_end, what)
    }

    /// [`Bench::check_restored`] of `now`, the file's bytes (or what a check keeps of them).
    fn check_restored_bytes(&self, before: &[u8], now: &[u8], at_end: bool, what: &str) -> Result<(), TestCaseError> {
        let now = now.to_vec();
        if now == before {
            return Ok(());
        }
        let open_end = !before.ends_with(b"\n");
        if std::env::var_os("TRACE_STEPS").is_some() {
            eprintln!("RESTORED {what} with a final line break added (open end: {open_end}, at end: {at_end})");
        }
        prop_assert!(
            open_end && at_end && now == [before, self.eol()].concat(),
            "(c) {} did not restore the bytes\n--- before ---\n{}\n--- after ---\n{}",
            what,
            String::from_utf8_lossy(before),
            String::from_utf8_lossy(&now)
        );
        Ok(())
    }

    fn check_encoding(&self) -> Result<(), TestCaseError> {
        let b = self.bytes();
        prop_assert_eq!(b.starts_with(&[0xEF, 0xBB, 0xBF]), self.bom, "(d) byte-order mark");
        if self.crlf {
            let bare = b.iter().enumerate().find(|&(i, &c)| c == b'\n' && (i == 0 || b[i - 1] != b'\r'));
            prop_assert!(bare.is_none(), "(d) a bare LF at byte {:?} of a CRLF file", bare.map(|x| x.0));
        } else {
            prop_assert!(!b.contains(&b'\r'), "(d) a CR in an LF file");
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// What must hold
// ---------------------------------------------------------------------------

fn block(loaded: &Loaded, i: usize) -> TaskBlock {
    Layout::task_at_line(&loaded.text, loaded.plan.tasks[i].line).expect("generated tasks are [[task]] tables")
}

/// A task as the model sees it, wherever it sits in the file.
fn sem(task: &Task) -> String {
    format!("{:?}", Task { line: 0, ..task.clone() })
}

/// Everything but the tasks, and each task, as the model sees them.
fn sem_plan(plan: &Plan) -> (String, Vec<String>) {
    (format!("{:?}", Plan { tasks: Vec::new(), ..plan.clone() }), plan.tasks.iter().map(sem).collect())
}

/// (a): outside `old` (a range of `before`) and `new` (of `after`), the texts agree
/// byte for byte, and the ranges start at the same place.
fn only_inside(before: &str, after: &str, old: &Range<usize>, new: &Range<usize>) -> Result<(), TestCaseError> {
    prop_assert_eq!(old.start, new.start, "(a) the block moved");
    prop_assert!(before[..old.start] == after[..new.start], "(a) bytes before the block changed");
    prop_assert_eq!(before.len() - old.end, after.len() - new.end, "(a) the block's end does not line up");
    prop_assert!(before[old.end..] == after[new.end..], "(a) bytes after the block changed");
    Ok(())
}

/// The other tasks and everything that is not a task are unchanged in the model.
fn others_unchanged(
    before: &Plan,
    after: &Plan,
    skip_before: Option<usize>,
    skip_after: Option<usize>,
) -> Result<(), TestCaseError> {
    let (meta_b, mut tasks_b) = sem_plan(before);
    let (meta_a, mut tasks_a) = sem_plan(after);
    prop_assert_eq!(meta_b, meta_a, "the plan's other tables changed");
    if let Some(i) = skip_before {
        tasks_b.remove(i);
    }
    if let Some(i) = skip_after {
        tasks_a.remove(i);
    }
    prop_assert_eq!(tasks_b, tasks_a, "other tasks changed");
    Ok(())
}

fn trimmed(text: &str) -> String {
    text.trim().to_string()
}

fn cleaned(lines: &[String]) -> Vec<String> {
    lines.iter().map(|e| trimmed(e)).filter(|e| !e.is_empty()).collect()
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// For a recurring task, one of its periods (as `--period` types it); `Err(())` when
/// it has none; `Ok(None)` for any other task.
fn pick_period(plan: &Plan, task: &Task, pick: &Index) -> Result<Option<par::period::Period>, ()> {
    if !matches!(task.repeat, Repeat::Every(_)) {
        return Ok(None);
    }
    let periods = par::write::resolve::task_periods(plan, task);
    if periods.is_empty() { Err(()) } else { Ok(Some(periods[pick.index(periods.len())])) }
}

fn done_cmd(
    id: &str,
    period: Option<par::period::Period>,
    date: NaiveDate,
    note: Option<&str>,
    evidence: &[String],
    by: Option<&str>,
) -> Command {
    Command::Done(DoneArgs {
        id: id.to_string(),
        date: Some(iso(date)),
        period: period.map(|p| p.to_string()),
        note: note.map(String::from),
        evidence: evidence.to_vec(),
        by: by.map(String::from),
    })
}

fn add_cmd(
    plan: &Plan,
    title: &str,
    section: usize,
    owner: Option<usize>,
    due: Option<NaiveDate>,
    detail: Option<&str>,
) -> Command {
    Command::Add(AddArgs {
        title: title.to_string(),
        id: None,
        fields: TaskFields {
            section: Some(plan.sections[section].id.clone()),
            owner: owner.map(|o| plan.owners[o].id.clone()),
            due: due.map(iso),
            detail: detail.map(String::from),
            ..TaskFields::default()
        },
    })
}

fn rm_cmd(id: &str) -> Command {
    Command::Rm(RmArgs { id: id.to_string(), yes: true })
}

fn edit_cmd(id: &str, f: impl FnOnce(&mut EditArgs)) -> Command {
    let mut args = EditArgs { id: id.to_string(), title: None, fields: TaskFields::default(), unset: Vec::new() };
    f(&mut args);
    Command::Edit(args)
}

/// Checks an append to task `i` (`done`, `log`, `measure`) and returns the task after it.
fn appended(before: &Loaded, after: &Loaded, i: usize) -> Result<Task, TestCaseError> {
    let j = after.plan.find_task(&before.plan.tasks[i].id);
    prop_assert_eq!(j, Some(i), "the task moved");
    let (old, new) = (block(before, i), block(after, i));
    only_inside(&before.text, &after.text, &old.content, &new.content)?;
    prop_assert!(
        after.text[new.content.clone()].starts_with(&before.text[old.content.clone()]),
        "(a) an append changed the block's old bytes"
    );
    others_unchanged(&before.plan, &after.plan, Some(i), Some(i))?;
    Ok(after.plan.tasks[i].clone())
}

/// Runs one step and checks it. `log` collects what happened, for the failure report.
fn apply(bench: &Bench, step: &Step, log: &mut Vec<String>) -> Result<(), TestCaseError> {
    let b = bench.load()?;
    let before = bench.bytes();
    let n = b.plan.tasks.len();
    let task_at = |ix: &Index| (n > 0).then(|| ix.index(n));
    let outcome = match step {
        Step::Done { task, period, date, note, evidence, by } => {
            let Some(i) = task_at(task) else { return Ok(()) };
            let t = &b.plan.tasks[i];
            let Ok(p) = pick_period(&b.plan, t, period) else { return Ok(()) };
            let free = t.done.iter().all(|d| d.period != p);
            let out = bench.run(done_cmd(&t.id, p, *date, note.as_deref(), evidence, by.as_deref()))?;
            // A day after today is refused, and nothing written (issue 18).
            let future = *date > bench.today;
            match (&out, free) {
                (Outcome::Refused(2, _), _) if future => prop_assert!(bench.bytes() == before, "refused done wrote"),
                (Outcome::Written, true) if !future => {
                    let a = bench.load()?;
                    let new = appended(&b, &a, i)?;
                    prop_assert_eq!(new.done.len(), t.done.len() + 1);
                    let m = new.done.last().unwrap();
                    prop_assert_eq!((m.period, m.date), (p, *date));
                    prop_assert_eq!(&m.note, &note.as_deref().map(trimmed).filter(|s| !s.is_empty()));
                    prop_assert_eq!(&m.evidence, &cleaned(evidence));
                    if let Some(by) = by.as_deref().map(trimmed).filter(|s| !s.is_empty()) {
                        prop_assert_eq!(m.by.as_deref(), Some(by.as_str()));
                    }
                    let mut old = t.clone();
                    old.done.push(m.clone());
                    prop_assert_eq!(sem(&old), sem(&new));
                }
                (Outcome::Refused(1, _), false) => {}
                _ => prop_assert!(false, "done {} (period {:?}, free: {}) gave {:?}", t.id, p, free, out),
            }
            out
        }
        Step::Reopen { task } => {
            let Some(i) = task_at(task) else { return Ok(()) };
            let t = &b.plan.tasks[i];
            let out = bench.run(Command::Reopen(ReopenArgs { id: t.id.clone(), period: None }))?;
            match (&out, t.done.is_empty()) {
                (Outcome::Written, false) => {
                    let a = bench.load()?;
                    let (old, new) = (block(&b, i), block(&a, i));
                    only_inside(&b.text, &a.text, &old.content, &new.content)?;
                    // Exactly one [[task.done]] table (with the blank lines before it) went, and a
                    // [[task.log]] keeping it was appended at the end (issue 18).
                    let inside = &a.text[new.content.clone()];
                    let removed = old.children.iter().filter(|(h, _)| h.is_child_array("done")).find(|(_, r)| {
                        let mut rest = b.text[old.content.start..r.start].to_string();
                        rest.push_str(&b.text[r.end..old.content.end]);
                        inside.starts_with(&rest) && inside[rest.len()..].trim_start().starts_with("[[task.log]]")
                    });
                    prop_assert!(removed.is_some(), "(a) reopen did not remove exactly one [[task.done]]");
                    others_unchanged(&b.plan, &a.plan, Some(i), Some(i))?;
                    let new_t = &a.plan.tasks[i];
                    prop_assert_eq!(new_t.done.len() + 1, t.done.len());
                    prop_assert_eq!(new_t.log.len(), t.log.len() + 1);
                    let mut old_t = t.clone();
                    let gone = old_t
                        .done
                        .iter()
                        .position(|d| !new_t.done.iter().any(|x| format!("{x:?}") == format!("{d:?}")));
                    let gone = match gone {
                        Some(g) => old_t.done.remove(g),
                        // Two identical marks: either one may go.
                        None => old_t.done.pop().unwrap(),
                    };
                    // The mark lives on in the log: its day, period and evidence.
                    let kept = new_t.log.last().unwrap();
                    prop_assert_eq!((kept.date, kept.period, &kept.evidence), (gone.date, gone.period, &gone.evidence));
                    old_t.log.push(kept.clone());
                    prop_assert_eq!(sem(&old_t), sem(new_t));
                }
                (Outcome::Refused(1, _), true) => {}
                _ => prop_assert!(false, "reopen {} ({} marks) gave {:?}", t.id, t.done.len(), out),
            }
            out
        }
        Step::Log { task, text, date, evidence, by } => {
            let Some(i) = task_at(task) else { return Ok(()) };
            let t = &b.plan.tasks[i];
            let out = bench.run(Command::Log(LogArgs {
                id: t.id.clone(),
                text: text.clone(),
                date: Some(iso(*date)),
                period: None,
                evidence: evidence.clone(),
                by: by.clone(),
            }))?;
            // Without --period, an entry of a recurring task with two or more occurrences past
            // due and open is refused in a script, listing them (issue 18.2).
            use par::compute::standing::{Chosen, Entry, entry_period};
            let ambiguous = matches!(entry_period(&b.plan, t, Entry::Log, *date, bench.today), Chosen::Ambiguous(_));
            if *date > bench.today || ambiguous {
                prop_assert!(matches!(out, Outcome::Refused(2, _)), "log {} gave {:?}", t.id, out);
                prop_assert!(bench.bytes() == before, "refused log wrote");
                return Ok(());
            }
            prop_assert!(matches!(out, Outcome::Written), "log {} gave {:?}", t.id, out);
            let a = bench.load()?;
            let new = appended(&b, &a, i)?;
            let e = new.log.last().unwrap();
            prop_assert_eq!((&e.text, e.date, &e.evidence), (&trimmed(text), *date, &cleaned(evidence)));
            let mut old = t.clone();
            old.log.push(e.clone());
            prop_assert_eq!(sem(&old), sem(&new));
            out
        }
        Step::Measure { task, period, quarters, comma, date } => {
            let Some(i) = task_at(task) else { return Ok(()) };
            let t = &b.plan.tasks[i];
            let Ok(p) = pick_period(&b.plan, t, period) else { return Ok(()) };
            let value = f64::from(*quarters) / 4.0;
            let typed = if *comma { value.to_string().replace('.', ",") } else { format!("{value}%") };
            let out = bench.run(Command::Measure(MeasureArgs {
                id: t.id.clone(),
                value: typed,
                date: Some(iso(*date)),
                period: p.map(|p| p.to_string()),
                note: None,
                by: Some("đo".into()),
                replace: false,
            }))?;
            let free = t.measures.iter().all(|m| m.period.is_none() || m.period != p);
            let in_year = p.is_none_or(|p| p.year() == b.plan.meta.year);
            let future = *date > bench.today;
            match (&out, t.indicator.is_some() && in_year, free) {
                (Outcome::Written, true, true) if !future => {
                    let a = bench.load()?;
                    let new = appended(&b, &a, i)?;
                    let m = new.measures.last().unwrap();
                    prop_assert_eq!((m.value, m.date, m.period), (value, *date, p));
                    let mut old = t.clone();
                    old.measures.push(m.clone());
                    prop_assert_eq!(sem(&old), sem(&new));
                }
                // No indicator, or a period of the task outside the plan's year: refused.
                (Outcome::Refused(2, _), false, _) | (Outcome::Refused(1, _), true, false) => {}
                // A day after today (issue 18).
                (Outcome::Refused(2, _), ..) if future => {
                    prop_assert!(bench.bytes() == before, "refused measure wrote")
                }
                _ => prop_assert!(false, "measure {} gave {:?}", t.id, out),
            }
            out
        }
        Step::Add { title, section, owner, due, detail } => {
            let s = section.index(b.plan.sections.len());
            let o = owner.as_ref().map(|o| o.index(b.plan.owners.len()));
            let id = par::write::resolve::next_id(&b.plan, s);
            let out = bench.run(add_cmd(&b.plan, title, s, o, *due, detail.as_deref()))?;
            prop_assert!(matches!(out, Outcome::Written), "add gave {:?}", out);
            let a = bench.load()?;
            check_add(&b, &a, &id, s)?;
            let t = &a.plan.tasks[a.plan.find_task(&id).unwrap()];
            prop_assert_eq!((&t.title, t.owner, t.due), (&trimmed(title), o, *due));
            prop_assert_eq!(&t.detail, &detail.as_deref().map(trimmed).filter(|d| !d.is_empty()));
            out
        }
        Step::Rm { task } => {
            let Some(i) = task_at(task) else { return Ok(()) };
            let out = bench.run(rm_cmd(&b.plan.tasks[i].id))?;
            prop_assert!(matches!(out, Outcome::Written), "rm gave {:?}", out);
            let a = bench.load()?;
            let r = block(&b, i).removal;
            prop_assert!(
                a.text == format!("{}{}", &b.text[..r.start], &b.text[r.end..]),
                "(a) rm removed more than the task's block"
            );
            others_unchanged(&b.plan, &a.plan, Some(i), None)?;
            out
        }
        Step::Resave => {
            let ino = inode(&bench.path);
            let s = par::write::Session::open(&bench.ctx()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            s.commit(&par::write::splice::Change::new(0..0, "")).map_err(|e| TestCaseError::fail(e.message))?;
            // A real write (temporary file renamed over the plan) of the very same bytes.
            prop_assert!(bench.bytes() == before, "(c) load then save without change altered the bytes");
            prop_assert_ne!(inode(&bench.path), ino);
            Outcome::Written
        }
        Step::DoneUndone { task, period, date, note } => {
            let Some(i) = task_at(task) else { return Ok(()) };
            let t = &b.plan.tasks[i];
            let Ok(p) = pick_period(&b.plan, t, period) else { return Ok(()) };
            if t.done.iter().any(|d| d.period == p) {
                return Ok(());
            }
            let day = (*date).min(bench.today); // a day after today is refused (issue 18)
            let out = bench.run(done_cmd(&t.id, p, day, note.as_deref(), &[], Some("x")))?;
            prop_assert!(matches!(out, Outcome::Written), "done {} gave {:?}", t.id, out);
            bench.load()?;
            bench.check_encoding()?;
            let out = bench.run(Command::Reopen(ReopenArgs { id: t.id.clone(), period: p.map(|p| p.to_string()) }))?;
            prop_assert!(matches!(out, Outcome::Written), "reopen {} gave {:?}", t.id, out);
            // The mark is gone and lives on as one log entry at the task's end (issue 18):
            // without that entry the file is the one before.
            let a = bench.load()?;
            let new = block(&a, i);
            let log_at = a.text[..new.content.end].rfind("[[task.log]]").unwrap_or(new.content.end);
            let kept_end = a.text[..log_at].trim_end_matches(['\r', '\n']).len();
            let entry_start = kept_end + if a.text[kept_end..].starts_with("\r\n") { 2 } else { 1 };
            let without = [&a.text.as_bytes()[..entry_start], &a.text.as_bytes()[new.content.end..]].concat();
            let (now_plan, old_plan) = (&a.plan.tasks[i], &b.plan.tasks[i]);
            prop_assert_eq!(now_plan.log.len(), old_plan.log.len() + 1);
            prop_assert_eq!(now_plan.done.len(), old_plan.done.len());
            let mut bom = if bench.bom { vec![0xEF, 0xBB, 0xBF] } else { Vec::new() };
            bom.extend_from_slice(&without);
            bench.check_restored_bytes(&before, &bom, block(&b, i).content.end == b.text.len(), "done then reopen")?;
            out
        }
        Step::AddRemoved { title, section } => {
            let s = section.index(b.plan.sections.len());
            let id = par::write::resolve::next_id(&b.plan, s);
            let out = bench.run(add_cmd(&b.plan, title, s, None, None, None))?;
            prop_assert!(matches!(out, Outcome::Written), "add gave {:?}", out);
            let a = bench.load()?;
            check_add(&b, &a, &id, s)?;
            bench.check_encoding()?;
            let out = bench.run(rm_cmd(&id))?;
            prop_assert!(matches!(out, Outcome::Written), "rm {} gave {:?}", id, out);
            let at_end = a.text.len() == block(&a, a.plan.find_task(&id).unwrap()).content.end;
            bench.check_restored(&before, at_end, "add then rm")?;
            out
        }
        Step::EditSame { task, field } => {
            let Some(i) = task_at(task) else { return Ok(()) };
            let t = b.plan.tasks[i].clone();
            let same = |s: &String| (s.trim() == s && !s.is_empty()).then(|| s.clone());
            // The field and the value it has, as a user would type it.
            let value = match field {
                0 => same(&t.title),
                1 => t.owner.map(|o| b.plan.owners[o].id.clone()),
                2 => t.due.filter(|_| t.repeat == Repeat::Once).map(iso),
                3 => t.result.as_ref().and_then(same),
                _ => t.detail.as_ref().and_then(same),
            };
            let Some(value) = value else { return Ok(()) };
            let set = |a: &mut EditArgs| {
                let v = Some(value.clone());
                match field {
                    0 => a.title = v,
                    1 => a.fields.owner = v,
                    2 => a.fields.due = v,
                    3 => a.fields.result = v,
                    _ => a.fields.detail = v,
                }
            };
            let out = bench.run(edit_cmd(&t.id, set))?;
            match &out {
                Outcome::Refused(1, _) => {}
                Outcome::Written => {
                    // Only the spelling of the value changed: same model, same sub-tables.
                    let a = bench.load()?;
                    check_edit(&b, &a, i)?;
                    prop_assert_eq!(sem(&t), sem(&a.plan.tasks[i]), "(c) an edit to the same value changed the task");
                    bench.check_encoding()?;
                    let again = bench.run(edit_cmd(&t.id, set))?;
                    prop_assert!(
                        matches!(again, Outcome::Refused(1, _)),
                        "(c) the same edit twice wrote again: {:?}",
                        again
                    );
                }
                other => prop_assert!(false, "edit {} to its own value gave {:?}", t.id, other),
            }
            out
        }
        Step::Edit { task, change } => {
            let Some(i) = task_at(task) else { return Ok(()) };
            let t = b.plan.tasks[i].clone();
            let mut expect = t.clone();
            let owners = &b.plan.owners;
            let cmd = edit_cmd(&t.id, |a| match change {
                FieldChange::Title(v) => {
                    a.title = Some(v.clone());
                    expect.title = trimmed(v);
                }
                FieldChange::Detail(v) => {
                    a.fields.detail = Some(v.clone());
                    expect.detail = Some(trimmed(v));
                }
                FieldChange::Result(v) => {
                    a.fields.result = Some(v.clone());
                    expect.result = Some(trimmed(v));
                }
                FieldChange::Owner(o) => {
                    let k = o.index(owners.len());
                    a.fields.owner = Some(owners[k].id.clone());
                    expect.owner = Some(k);
                }
                FieldChange::Due(d) => {
                    a.fields.due = Some(iso(*d));
                    expect.due = Some(*d);
                }
                FieldChange::Start(d) => {
                    a.fields.start = Some(iso(*d));
                    expect.start = Some(*d);
                }
                FieldChange::Repeat(r) => {
                    a.fields.repeat = Some(r.to_string());
                    expect.repeat = Repeat::parse(r).unwrap();
                }
                FieldChange::Unset(f) => {
                    a.unset = vec![*f];
                    match f {
                        TaskField::Detail => expect.detail = None,
                        TaskField::Result => expect.result = None,
                        TaskField::Owner => expect.owner = None,
                        _ => expect.start = None,
                    }
                }
            });
            let out = bench.run(cmd)?;
            let must = matches!(change, FieldChange::Title(v) if trimmed(v) != t.title);
            match &out {
                Outcome::Written => {
                    let a = bench.load()?;
                    check_edit(&b, &a, i)?;
                    prop_assert_eq!(sem(&expect), sem(&a.plan.tasks[i]), "edit {:?}", change);
                }
                Outcome::Refused(..) if !must => {}
                other => prop_assert!(false, "edit {} {:?} gave {:?}", t.id, change, other),
            }
            out
        }
    };
    log.push(format!("{step:?} → {outcome:?}"));
    if std::env::var_os("TRACE_STEPS").is_some() {
        eprintln!(
            "STEP {} {}",
            format!("{step:?}").split([' ', '{']).next().unwrap(),
            match &outcome {
                Outcome::Written => "written".to_string(),
                Outcome::Refused(c, m) => format!("refused{c} {}", m.lines().next().unwrap_or("")),
            }
        );
    }
    bench.check_encoding()?;
    // (b) Whatever happened, the file loads, and the scanner the writers rely on sees
    // every task the parser sees.
    let a = bench.load()?;
    prop_assert_eq!(Layout::scan(&a.text).task_headers().len(), a.plan.tasks.len());
    Ok(())
}

/// `edit` of task `i`: only its own keys changed; its sub-tables and everything else not.
fn check_edit(before: &Loaded, after: &Loaded, i: usize) -> Result<(), TestCaseError> {
    prop_assert_eq!(after.plan.tasks.len(), before.plan.tasks.len());
    let (old, new) = (block(before, i), block(after, i));
    only_inside(&before.text, &after.text, &old.content, &new.content)?;
    prop_assert!(
        before.text[old.head.end..old.content.end] == after.text[new.head.end..new.content.end],
        "(a) edit touched the task's sub-tables"
    );
    others_unchanged(&before.plan, &after.plan, Some(i), Some(i))
}

/// `add` of task `id` in section `section`: a pure insertion at a task boundary, in its place.
fn check_add(before: &Loaded, after: &Loaded, id: &str, section: usize) -> Result<(), TestCaseError> {
    let j = after.plan.find_task(id);
    prop_assert!(j.is_some(), "the new task {} is not in the file", id);
    let j = j.unwrap();
    // After the last task of its section, else before the first task of a later one, else last.
    let tasks = &before.plan.tasks;
    let place = match tasks.iter().rposition(|t| t.section == section) {
        Some(k) => k + 1,
        None => tasks.iter().position(|t| t.section > section).unwrap_or(tasks.len()),
    };
    prop_assert_eq!(j, place, "the new task is not where add puts it");
    let new = block(after, j);
    // Where the insertion is: the end of what precedes the new task; at the very end of
    // a file without a final line break, the old end (the line break then comes first).
    let at = new.header.prev_content_end.min(before.text.len());
    let k = after.text.len() - before.text.len();
    prop_assert!(
        before.text[..at] == after.text[..at] && before.text[at..] == after.text[at + k..],
        "(a) add is not a pure insertion"
    );
    prop_assert!(
        new.content.start >= at && new.content.end <= at + k,
        "(a) the new task is not inside the inserted text"
    );
    let layout = Layout::scan(&before.text);
    let boundary = at == content_end(&before.text)
        || layout.task_headers().into_iter().any(|h| {
            let blk = layout.task_block(h);
            blk.content.end == at || blk.header.prev_content_end == at
        });
    prop_assert!(boundary, "(a) add inserted at byte {}, not at a task boundary", at);
    others_unchanged(&before.plan, &after.plan, None, Some(j))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn edit_sequences_touch_only_their_task_and_always_load((g, open_end, steps) in case()) {
        let bench = Bench::new(&g, open_end);
        let mut log = Vec::new();
        for step in &steps {
            if let Err(e) = apply(&bench, step, &mut log) {
                return Err(TestCaseError::fail(format!(
                    "{e}\n--- steps run before ---\n{}\n--- failing step ---\n{step:?}\n--- file now ---\n{}",
                    log.join("\n"),
                    String::from_utf8_lossy(&bench.bytes())
                )));
            }
        }
        // The real binary reads the result too.
        let out = support::Par::new().cmd_in(bench.dir.path())
            .args(["status", "--format", "json", "--today", &iso(bench.today)])
            .output().unwrap();
        prop_assert!(out.status.success(), "par status: {}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        prop_assert_eq!(&v["schema"], 1);
    }
}

/// Found by the property above: a recurring task running past the plan's year has
/// periods `par done` accepts, but a measurement for one of them was refused only as
/// "the change would make the plan invalid", pointing at a line never written. Now
/// `par measure` says up front what is wrong and what to type.
#[test]
fn a_measurement_outside_the_plan_year_is_refused_up_front() {
    let s = support::Session::with_plan(&support::plan_with(
        "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Báo cáo tháng\"\nrepeat = \"monthly\"\nend = 2026-03-31\n\n\
         [task.indicator]\nname = \"Tỷ lệ đúng hạn\"\nunit = \"%\"\ntarget = 100\n",
    ))
    .env("PAR_NOW", "2025-12-20T08:00:00+07:00");
    let before = s.plan_text();
    let err = s.par(["measure", "1", "95", "--period", "2026-02", "--today", "2025-12-20", "--lang", "en"]).fails(2);
    assert!(err.contains("the period 2026-02 is outside the plan's year 2025"), "{err}");
    assert!(err.contains("name a period of 2025 with --period"), "{err}");
    assert!(!err.contains("would make the plan invalid"), "{err}");
    let err = s.par(["measure", "1", "95", "--date", "2026-02-03", "--today", "2025-12-20"]).fails(2);
    assert!(err.contains("kỳ 2026-02 nằm ngoài năm kế hoạch 2025"), "{err}");
    assert_eq!(s.plan_text(), before);
    // The same period is one of the task's: it can be marked done, and measured in the year.
    s.par(["done", "1", "--period", "2026-02", "--today", "2025-12-20"]).ok();
    s.par(["measure", "1", "95", "--period", "2025-11", "--today", "2025-12-20"]).ok();
}
