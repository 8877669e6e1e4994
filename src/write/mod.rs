//! Changing the plan file while keeping it the user's.
//!
//! Every command that writes goes through a [`Session`]:
//! 1. the plan's lock is taken ([`lock`]), so concurrent `par` processes queue up;
//! 2. the file is read and checked once with the fast typed parser (`plan::load`);
//! 3. the [`locate`] scanner finds the bytes of the task to change;
//! 4. the command builds the new bytes of that task only ([`splice`]), everything
//!    else stays byte for byte (comments, blank lines, quoting, key order, line
//!    endings, byte-order mark, Vietnamese text);
//! 5. the changed task is checked ([`verify`]) and the file written atomically
//!    ([`atomic`]), or nothing is written at all.

pub mod atomic;
pub mod fields;
pub mod journal;
pub mod keys;
pub mod locate;
pub mod lock;
pub mod resolve;
pub mod splice;
pub mod verify;

use crate::messages::Msg;
use crate::say;
use std::ops::Range;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, SecondsFormat};

use crate::error::Fail;
use crate::i18n::Lang;
use crate::plan::{self, Loaded, Plan, Task};
use locate::{Layout, TaskBlock};
use splice::Change;

/// The plan, loaded and locked for a change.
pub struct Session {
    /// The plan file as the user named it (shown in messages).
    pub path: PathBuf,
    /// The file actually written: `path` with symbolic links resolved.
    real: PathBuf,
    _lock: lock::PlanLock,
    fingerprint: Fingerprint,
    pub loaded: Loaded,
    eol: &'static str,
    pub lang: Lang,
}

impl Session {
    /// Finds, checks, locks and loads the plan.
    pub fn open(ctx: &crate::Context) -> anyhow::Result<Session> {
        let path = ctx.plan_path()?;
        let early = ctx.lang.unwrap_or_default();
        let real = atomic::resolve(&path, early)?;
        atomic::check_writable(&real, &path, early)?;
        let lock = lock::acquire(&real, &path, early)?;
        atomic::remove_stale_temps(&real);
        let fingerprint = Fingerprint::of(&real);
        let journaled = journal::snapshot(Some(&journal::journal_path(&real)), true);
        let loaded = plan::load(&path)?;
        let lang = ctx.lang_for(&loaded.plan);
        journal::warn(journaled, &loaded.plan, &path, lang);
        let eol = locate::line_ending(&loaded.text);
        Ok(Session { path, real, _lock: lock, fingerprint, loaded, eol, lang })
    }

    /// The file written: the plan with symbolic links resolved (its lock and journal lie beside it).
    pub fn real(&self) -> &std::path::Path {
        &self.real
    }

    pub fn plan(&self) -> &Plan {
        &self.loaded.plan
    }

    pub fn text(&self) -> &str {
        &self.loaded.text
    }

    /// The file's line ending, for new lines.
    pub fn eol(&self) -> &'static str {
        self.eol
    }

    /// The index of the task a user typed (any key par prints; the period part is
    /// checked, then not used), or an error naming the nearest ids.
    pub fn task(&self, typed: &str) -> Result<usize, Fail> {
        Ok(self.key(typed)?.0)
    }

    /// The task a key names and the period in it, if any (see [`resolve::task_key`]).
    pub fn key(&self, typed: &str) -> Result<(usize, Option<crate::period::Period>), Fail> {
        resolve::task_key(self.plan(), typed, self.lang)
    }

    /// The bytes of the task at `task_index`, found by reading that task only.
    pub fn block(&self, task_index: usize) -> Result<TaskBlock, Fail> {
        Layout::task_at_line(self.text(), self.plan().tasks[task_index].line).ok_or_else(|| {
            Fail::input(say!(self.lang, OnlyTaskTables, path = self.path.display()))
                .help(say!(self.lang, OnlyTaskTablesHelp))
        })
    }

    /// Appends `lines` (a sub-table such as `[[task.done]]`) at the end of the task at `task_index`,
    /// after its last non-blank line and one blank line. Returns the change and
    /// the task's range before it.
    pub fn append_to_task(&self, task_index: usize, lines: &str) -> Result<(Change, Range<usize>), Fail> {
        let block = self.block(task_index)?;
        let at = block.content.end;
        Ok((Change::new(at..at, splice::block_after(self.text(), at, lines, self.eol())), block.content))
    }

    /// Checks the task that occupies `within` (a range of the current text holding
    /// the change) once `change` is made (see [`verify::check_task`]).
    pub fn check(&self, change: &Change, within: Range<usize>) -> Result<Task, Fail> {
        let piece = change.piece(self.text(), within.clone());
        verify::check_task(self.plan(), &self.path, &piece, self.lang, || {
            (change.apply(self.text()), change.map_range(within).start)
        })
    }

    /// Adds one entry (`lines`: a `[[task.done]]`, `[[task.log]]` or `[[task.measure]]`
    /// table without its `at` line) at the end of the task at `task_index`, stamped with the time now;
    /// checks the task then reads with exactly one more entry of that kind, writes the
    /// plan and journals the entry. What `done`, `log` and `measure` share.
    pub fn append_entry(
        self,
        task_index: usize,
        mut lines: splice::Lines<'_>,
        kind: journal::Kind,
    ) -> Result<(), Fail> {
        lines.raw(&format!("at = {}", timestamp()?));
        let (change, range) = self.append_to_task(task_index, &lines.text)?;
        let checked = self.check(&change, range)?;
        let count = |t: &Task| match kind {
            journal::Kind::Done => t.done.len(),
            journal::Kind::Log => t.log.len(),
            journal::Kind::Measure => t.measures.len(),
        };
        if count(&checked) != count(&self.plan().tasks[task_index]) + 1 {
            let what = match kind {
                journal::Kind::Done => Msg::WhatDoneEntry.text(self.lang),
                journal::Kind::Log => Msg::WhatLogEntry.text(self.lang),
                journal::Kind::Measure => Msg::WhatMeasureEntry.text(self.lang),
            };
            return Err(Fail::input(say!(self.lang, CouldNotPlaceEntry, what)));
        }
        let entry = journal::Entry::appended(&checked, kind, &lines.text);
        self.commit_then(&change, |s| journal::record_appended(s, entry))
    }

    /// Writes the plan with `change` made, atomically, keeping the byte-order mark.
    /// Refuses when the file was changed on disk (by an editor, say) since it was read.
    pub fn commit(self, change: &Change) -> Result<(), Fail> {
        self.commit_then(change, |_| ())
    }

    /// [`Session::commit`], then `then` while the lock is still held (to journal the change).
    pub fn commit_then(self, change: &Change, then: impl FnOnce(&Session)) -> Result<(), Fail> {
        let lang = self.lang;
        let changed_underneath = || Fail::conflict(say!(lang, PlanChangedMeanwhile, path = self.path.display()));
        // Once before the work of writing, and once more right before the rename (an editor
        // may save while the new text is being flushed to disk).
        if Fingerprint::of(&self.real) != self.fingerprint {
            return Err(changed_underneath());
        }
        let bom: &[u8] = if self.loaded.bom { &[0xEF, 0xBB, 0xBF] } else { &[] };
        let [before, insert, after] = change.parts(&self.loaded.text);
        atomic::replace(
            &self.real,
            &self.path,
            &[bom, before.as_bytes(), insert.as_bytes(), after.as_bytes()],
            lang,
            || {
                if Fingerprint::of(&self.real) == self.fingerprint { Ok(()) } else { Err(changed_underneath()) }
            },
        )?;
        then(&self);
        Ok(())
    }
}

/// What tells whether a file changed on disk without reading it again: its size,
/// modification time and (on Unix) inode and status-change time, which an editor's save
/// changes (the change time even when size and modification time are put back).
#[derive(Debug, PartialEq, Eq)]
struct Fingerprint(Option<Stamp>);

#[derive(Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
    changed: (i64, i64),
}

impl Fingerprint {
    fn of(path: &std::path::Path) -> Fingerprint {
        Fingerprint(std::fs::metadata(path).ok().map(|m| {
            #[cfg(unix)]
            let (inode, changed) = {
                use std::os::unix::fs::MetadataExt;
                (m.ino(), (m.ctime(), m.ctime_nsec()))
            };
            #[cfg(not(unix))]
            let (inode, changed) = (0, (0, 0));
            Stamp { len: m.len(), modified: m.modified().ok(), inode, changed }
        }))
    }
}

/// When an entry is written: `PAR_NOW` (an RFC 3339 timestamp, for reproducible
/// files and tests) or the clock, in local time with its offset, to the second.
pub fn timestamp() -> Result<String, Fail> {
    let now: DateTime<FixedOffset> = match std::env::var("PAR_NOW").ok().filter(|s| !s.trim().is_empty()) {
        Some(s) => DateTime::parse_from_rfc3339(s.trim()).map_err(|_| {
            Fail::input(say!(crate::messages::output_lang(), BadParNow, typed = crate::text::clean(s.trim())))
        })?,
        None => chrono::Local::now().fixed_offset(),
    };
    Ok(now.to_rfc3339_opts(SecondsFormat::Secs, false))
}

/// Who writes an entry: `--by`, else the plan's `[settings] by`, else the user
/// logged in to the computer (`USER`, `LOGNAME`, `USERNAME`, else the account's login
/// name from the system's user database, as `whoami` finds it under cron or systemd).
pub fn author(by: Option<&str>, plan: &Plan) -> Option<String> {
    let clean = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    by.and_then(clean)
        .or_else(|| plan.settings.by.as_deref().and_then(clean))
        .or_else(|| {
            ["USER", "LOGNAME", "USERNAME"].iter().find_map(|v| std::env::var(v).ok().as_deref().and_then(clean))
        })
        .or_else(|| login_name().as_deref().and_then(clean))
}

/// The login name of the account running par, from the user database.
#[cfg(unix)]
fn login_name() -> Option<String> {
    let mut buf = vec![0 as libc::c_char; 4096];
    // SAFETY: an all-zero `passwd` is a valid value to be written over (pointers null).
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: getpwuid_r writes into `pwd` and `buf` (of the length given) and sets `found`
    // to `&mut pwd` on success, or null; the strings it points to live in `buf`.
    let rc = unsafe { libc::getpwuid_r(libc::geteuid(), &mut pwd, buf.as_mut_ptr(), buf.len(), &mut found) };
    if rc != 0 || found.is_null() || pwd.pw_name.is_null() {
        return None;
    }
    // SAFETY: pw_name points to a NUL-terminated string inside `buf`, alive here.
    let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) };
    Some(name.to_string_lossy().into_owned())
}

#[cfg(not(unix))]
fn login_name() -> Option<String> {
    None
}

/// The plan at `path` and the files par keeps beside it (the lock, the journal): what no
/// output may replace.
pub fn plan_files(path: &std::path::Path) -> Vec<PathBuf> {
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    vec![path.to_path_buf(), lock::lock_path(&real), journal::journal_path(&real)]
}

/// Where the plan to create is: `-f FILE` (or `PAR_FILE`), else `plan.toml` here.
pub fn new_plan_path(ctx: &crate::Context) -> PathBuf {
    ctx.file.clone().unwrap_or_else(|| ctx.cwd.join(plan::load::FILE_NAME))
}
