//! Changing the plan file while keeping it the user's.
//!
//! Every command that writes goes through a [`Session`]:
//! 1. the plan's lock is taken ([`lock`]), so concurrent `par` processes queue up;
//! 2. the file is read and checked once with the fast typed parser (`plan::load`);
//! 3. the [`locate`] scanner finds the bytes of the task to change;
//! 4. the command builds the new bytes of that task only ([`splice`]), everything
//!    else stays byte for byte (comments, blank lines, quoting, key order, line
//!    endings, byte-order mark, Vietnamese text);
//! 5. the changed task is checked ([`check`]) and the file written atomically
//!    ([`atomic`]), or nothing is written at all.

pub mod atomic;
pub mod check;
pub mod locate;
pub mod lock;
pub mod resolve;
pub mod splice;

use std::ops::Range;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, SecondsFormat};

use crate::error::Fail;
use crate::i18n::Lang;
use crate::plan::{self, Loaded, Plan, Task};
use locate::{Layout, TaskBlock};

/// The plan, loaded and locked for a change.
pub struct Session {
    /// The plan file as the user named it (shown in messages).
    pub path: PathBuf,
    /// The file actually written: `path` with symbolic links resolved.
    real: PathBuf,
    _lock: lock::PlanLock,
    pub loaded: Loaded,
    pub layout: Layout,
    /// Index in `layout.headers` of each task's `[[task]]` header, in plan order.
    task_headers: Vec<usize>,
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
        let loaded = plan::load(&path)?;
        let lang = ctx.lang_for(&loaded.plan);
        let layout = Layout::scan(&loaded.text);
        let task_headers = layout.task_headers();
        let matches = task_headers.len() == loaded.plan.tasks.len()
            && task_headers.iter().zip(&loaded.plan.tasks).all(|(&h, t)| layout.headers[h].line == t.line);
        if !matches {
            return Err(Fail::input(format!(
                "{}\n      help: {}",
                lang.pick(
                    &format!("par chỉ sửa được các nhiệm vụ viết dưới dạng bảng [[task]] trong {}", path.display()),
                    &format!("par can only change tasks written as [[task]] tables in {}", path.display()),
                ),
                lang.pick(
                    "viết mỗi nhiệm vụ thành một bảng [[task]] như trong tệp mẫu (par init)",
                    "write each task as a [[task]] table, as the template does (par init)",
                ),
            ))
            .into());
        }
        Ok(Session { path, real, _lock: lock, loaded, layout, task_headers, lang })
    }

    pub fn plan(&self) -> &Plan {
        &self.loaded.plan
    }

    pub fn text(&self) -> &str {
        &self.loaded.text
    }

    pub fn eol(&self) -> &'static str {
        self.layout.eol
    }

    /// The index of the task a user typed, or an error naming the nearest ids.
    pub fn task(&self, typed: &str) -> Result<usize, Fail> {
        self.plan().find_task(typed).ok_or_else(|| Fail::input(self.plan().unknown_task(typed)))
    }

    /// The bytes of task `i`.
    pub fn block(&self, i: usize) -> TaskBlock {
        self.layout.task_block(self.task_headers[i])
    }

    /// Index in `layout.headers` of the `n`-th sub-table `[[task.<name>]]` of task `i`.
    pub fn child(&self, i: usize, name: &str, n: usize) -> Option<usize> {
        self.block(i)
            .children
            .into_iter()
            .filter(|&c| {
                let h = &self.layout.headers[c];
                h.array && h.path.len() == 2 && h.path[1] == name
            })
            .nth(n)
    }

    /// Appends `lines` (a sub-table such as `[[task.done]]`) at the end of task `i`,
    /// after its last non-blank line and one blank line. Returns the new text and
    /// where the task now is in it.
    pub fn append_to_task(&self, i: usize, lines: &str) -> (String, Range<usize>) {
        let block = self.block(i);
        let at = block.content.end;
        let insert = splice::block_after(self.text(), at, lines, self.eol());
        let new_text = splice::splice(self.text(), at..at, &insert);
        (new_text, block.content.start..at + insert.len())
    }

    /// Checks the task now at `range` of `new_text` (see [`check::check_task`]).
    pub fn check(&self, new_text: &str, range: Range<usize>) -> Result<Task, Fail> {
        check::check_task(self.plan(), &self.path, new_text, range, self.lang)
    }

    /// Writes `new_text` over the plan, atomically, keeping the byte-order mark.
    /// Refuses when the file was changed on disk (by an editor, say) since it was read.
    pub fn commit(self, new_text: &str) -> Result<(), Fail> {
        let lang = self.lang;
        let bom: &[u8] = if self.loaded.bom { &[0xEF, 0xBB, 0xBF] } else { &[] };
        let now = std::fs::read(&self.real).map_err(|e| {
            Fail::io(format!(
                "{} {}: {}",
                lang.pick("không đọc được", "cannot read"),
                self.path.display(),
                crate::error::io_reason(&e)
            ))
        })?;
        if !(now.starts_with(bom) && &now[bom.len()..] == self.loaded.text.as_bytes()) {
            return Err(Fail::io(lang.pick(
                &format!("{} vừa bị sửa bởi chương trình khác trong lúc par làm việc; không ghi gì, hãy chạy lại lệnh", self.path.display()),
                &format!("{} was changed by another program while par was working; nothing was written, run the command again", self.path.display()),
            )));
        }
        let mut bytes = Vec::with_capacity(bom.len() + new_text.len());
        bytes.extend_from_slice(bom);
        bytes.extend_from_slice(new_text.as_bytes());
        atomic::replace(&self.real, &self.path, &bytes, lang)
    }
}

/// When an entry is written: `PAR_NOW` (an RFC 3339 timestamp, for reproducible
/// files and tests) or the clock, in local time with its offset, to the second.
pub fn timestamp() -> Result<String, Fail> {
    let now: DateTime<FixedOffset> = match std::env::var("PAR_NOW").ok().filter(|s| !s.trim().is_empty()) {
        Some(s) => DateTime::parse_from_rfc3339(s.trim()).map_err(|_| {
            Fail::input(format!(
                "PAR_NOW: `{}` is not an RFC 3339 timestamp; write it as 2025-10-06T09:15:00+07:00",
                crate::text::clean(s.trim())
            ))
        })?,
        None => chrono::Local::now().fixed_offset(),
    };
    Ok(now.to_rfc3339_opts(SecondsFormat::Secs, false))
}

/// Who writes an entry: `--by`, else the plan's `[settings] by`, else the user
/// logged in to the computer.
pub fn author(by: Option<&str>, plan: &Plan) -> Option<String> {
    let clean = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    by.and_then(clean).or_else(|| plan.settings.by.as_deref().and_then(clean)).or_else(|| {
        ["USER", "LOGNAME", "USERNAME"].iter().find_map(|v| std::env::var(v).ok().as_deref().and_then(clean))
    })
}

/// Where the plan to create is: `-f FILE` (or `PAR_FILE`), else `plan.toml` here.
pub fn new_plan_path(ctx: &crate::Context) -> PathBuf {
    ctx.file.clone().unwrap_or_else(|| ctx.cwd.join(plan::load::FILE_NAME))
}
