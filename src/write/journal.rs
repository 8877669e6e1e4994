//! A journal of the entries par wrote, so that an editor saving an older copy of the
//! plan over par's write (the plan open in Notepad while `par done 4` runs) is noticed.
//!
//! The journal is a sidecar file next to the lock, `.plan.toml.journal`, one line per
//! entry par appended to a task (`[[task.done]]`, `[[task.log]]`, `[[task.measure]]`):
//!
//! ```text
//! 1 <TAB> task id <TAB> kind <TAB> period or - <TAB> date <TAB> hash <TAB> the entry's lines
//! ```
//!
//! Fields are escaped (`\\`, `\t`, `\n`, `\r`), so a line is one entry; a line that does not
//! read (a torn last line after a crash, garbage) is ignored. The hash is FNV-1a 64 over the
//! entry's values as par reads them (not its bytes): the kind, then the note or text,
//! evidence, value, author and timestamp, each trimmed and in NFC, separated by U+001F.
//! It is written under the plan's lock after the plan's own write succeeded: appended
//! (`O_APPEND`, one `write` per line) or, when it must shrink, rewritten through a
//! temporary file and a rename. A journal that is not a regular file (a planted symbolic
//! link, a pipe) is refused and left alone.
//!
//! **Vanished.** Journaled entries are matched against the plan already loaded (no second
//! parse) by task id, kind and a key: the period for a done mark and for a measurement of
//! a period (a task has one of each per period), the period and date otherwise (progress
//! entries, measurements without a period). Within a key, entries whose hash is found are
//! matched first; the rest pair with the plan's remaining entries of that key, which the
//! user edited by hand (a typo fixed in a note is not a loss). What is left has vanished.
//!
//! **Bounded.** Entries of an earlier year than the plan's (the date and the period both
//! before the plan's year: the plan was rolled over to a new year) are ignored and dropped
//! at the next rewrite; the journal keeps the newest [`MAX_ENTRIES`] entries and at most
//! [`MAX_BYTES`], so it never grows without bound. `par rm` drops a removed task's
//! entries, `par reopen` the done mark it removes, `par restore --forget` the vanished ones.

use crate::messages::Msg;
use crate::say;
use std::collections::HashMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use crate::dates::short;
use crate::i18n::Lang;
use crate::period::Period;
use crate::plan::{DoneMark, LogEntry, Measure, Plan, Task};

/// The newest entries kept.
pub const MAX_ENTRIES: usize = 5_000;
/// The most bytes kept (and read).
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// What an entry is: the sub-table par appended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Done,
    Log,
    Measure,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Done => "done",
            Kind::Log => "log",
            Kind::Measure => "measure",
        }
    }

    fn parse(text: &str) -> Option<Kind> {
        match text {
            "done" => Some(Kind::Done),
            "log" => Some(Kind::Log),
            "measure" => Some(Kind::Measure),
            _ => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::Done => Msg::ValueJournalDone.text(lang),
            Kind::Log => Msg::ValueJournalLog.text(lang),
            Kind::Measure => Msg::ValueJournalMeasure.text(lang),
        }
    }
}

/// One entry par wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub task: String,
    pub kind: Kind,
    pub period: Option<Period>,
    pub date: NaiveDate,
    pub hash: u64,
    /// The lines par appended, with `\n` line breaks.
    pub text: String,
}

impl Entry {
    /// The entry par just appended to `checked` (the task as it is after the change):
    /// the last sub-table of `kind`, with `lines` the text appended.
    pub fn appended(checked: &Task, kind: Kind, lines: &str) -> Option<Entry> {
        let (period, date, hash) = match kind {
            Kind::Done => checked.done.last().map(|d| (d.period, d.date, hash_done(d)))?,
            Kind::Log => checked.log.last().map(|l| (l.period, l.date, hash_log(l)))?,
            Kind::Measure => checked.measures.last().map(|m| (m.period, m.date, hash_measure(m)))?,
        };
        Some(Entry { task: checked.id.clone(), kind, period, date, hash, text: lines.replace("\r\n", "\n") })
    }

    /// The measurement `m` of task `task`, as par wrote it (`lines`), e.g. one corrected in place.
    pub fn measured(task: &str, m: &Measure, lines: &str) -> Entry {
        Entry {
            task: task.to_string(),
            kind: Kind::Measure,
            period: m.period,
            date: m.date,
            hash: hash_measure(m),
            text: lines.replace("\r\n", "\n"),
        }
    }

    /// "nhiệm vụ 4, đánh dấu hoàn thành, kỳ 2025-Q3, ngày 06/10/2025".
    pub fn describe(&self, lang: Lang) -> String {
        let (task, kind, date) = (crate::text::clean(&self.task), self.kind.label(lang), short(self.date));
        match self.period {
            Some(period) => say!(lang, JournalEntryOfPeriod, task, kind, period, date),
            None => say!(lang, JournalEntry, task, kind, date),
        }
    }

    fn line(&self) -> String {
        let period = self.period.map_or_else(|| "-".to_string(), |p| p.to_string());
        format!(
            "1\t{}\t{}\t{}\t{}\t{:016x}\t{}\n",
            escape(&self.task),
            self.kind.name(),
            period,
            self.date.format("%Y-%m-%d"),
            self.hash,
            escape(&self.text)
        )
    }

    fn parse(line: &str) -> Option<Entry> {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 7 || f[0] != "1" {
            return None;
        }
        let period = match f[3] {
            "-" => None,
            p => Some(Period::parse(p, None).ok()?),
        };
        Some(Entry {
            task: unescape(f[1])?,
            kind: Kind::parse(f[2])?,
            period,
            date: NaiveDate::parse_from_str(f[4], "%Y-%m-%d").ok()?,
            hash: u64::from_str_radix(f[5], 16).ok()?,
            text: unescape(f[6])?,
        })
    }

    /// Whether the entry belongs to an earlier year than the plan's.
    fn stale(&self, year: i32) -> bool {
        self.date.year() < year && self.period.is_none_or(|p| p.year() < year)
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            _ => return None,
        });
    }
    Some(out)
}

/// FNV-1a 64 over `parts`, each trimmed and in NFC, separated by U+001F.
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    for part in parts {
        let part = part.trim();
        // Most text is already NFC (always so for ASCII): hash its bytes without normalising.
        if part.is_ascii()
            || unicode_normalization::is_nfc_quick(part.chars()) == unicode_normalization::IsNormalized::Yes
        {
            part.bytes().for_each(&mut eat);
        } else {
            let mut buf = [0u8; 4];
            for c in part.nfc() {
                c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
            }
        }
        eat(0x1F);
    }
    h
}

fn hash_done(mark: &DoneMark) -> u64 {
    let evidence = mark.evidence.join("\u{1e}");
    fnv(&[
        "done",
        mark.note.as_deref().unwrap_or(""),
        &evidence,
        mark.by.as_deref().unwrap_or(""),
        mark.at.as_deref().unwrap_or(""),
    ])
}

fn hash_log(entry: &LogEntry) -> u64 {
    let evidence = entry.evidence.join("\u{1e}");
    fnv(&["log", &entry.text, &evidence, entry.by.as_deref().unwrap_or(""), entry.at.as_deref().unwrap_or("")])
}

fn hash_measure(measure: &Measure) -> u64 {
    fnv(&[
        "measure",
        &measure.value.to_string(),
        measure.note.as_deref().unwrap_or(""),
        measure.by.as_deref().unwrap_or(""),
    ])
}

/// The journal of the plan at `real` (symbolic links resolved): next to its lock.
pub fn journal_path(real: &Path) -> PathBuf {
    let name = real.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "plan.toml".into());
    real.with_file_name(format!(".{name}.journal"))
}

/// Why a journal was not used.
#[derive(Debug)]
pub enum Refused {
    /// A symbolic link, a folder, a pipe or a device where the journal should be.
    NotRegular(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl Refused {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Refused::NotRegular(p) => say!(lang, JournalNotRegular, file = p.display()),
            Refused::Io(p, e) => say!(lang, JournalUnusable, file = p.display(), reason = crate::error::io_reason(e)),
        }
    }
}

/// The entries of the journal at `path`; `None` when there is none. Lines that do not
/// read are skipped; at most [`MAX_BYTES`] are read. Only a regular file is opened, and
/// only when it is still the file looked at (a link planted meanwhile is refused).
pub fn read(path: &Path) -> Result<Option<Vec<Entry>>, Refused> {
    let Some((file, _)) = open_regular(path, false)? else { return Ok(None) };
    let mut bytes = Vec::new();
    file.take(MAX_BYTES).read_to_end(&mut bytes).map_err(|e| Refused::Io(path.to_path_buf(), e))?;
    let text = String::from_utf8_lossy(&bytes);
    // The part after the last line break is a torn line (or the cut at MAX_BYTES): ignored.
    let whole = text.rfind('\n').map_or("", |end| &text[..end]);
    Ok(Some(whole.split('\n').filter_map(Entry::parse).collect()))
}

/// Opens `path` if it is a regular file (for appending when `append`), `None` when absent.
/// The file opened is checked to be the one looked at, so a symbolic link is never followed.
fn open_regular(path: &Path, append: bool) -> Result<Option<(fs::File, fs::Metadata)>, Refused> {
    let looked = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Refused::Io(path.to_path_buf(), e)),
    };
    if !looked.file_type().is_file() {
        return Err(Refused::NotRegular(path.to_path_buf()));
    }
    let file =
        fs::OpenOptions::new().read(true).append(append).open(path).map_err(|e| Refused::Io(path.to_path_buf(), e))?;
    let opened = file.metadata().map_err(|e| Refused::Io(path.to_path_buf(), e))?;
    if !opened.file_type().is_file() || !same_file(&looked, &opened) {
        return Err(Refused::NotRegular(path.to_path_buf()));
    }
    Ok(Some((file, opened)))
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    a.len() == b.len()
}

/// One journaled entry that is no longer in the plan.
pub struct Vanished<'a> {
    /// Its position in the journal.
    pub at: usize,
    pub entry: &'a Entry,
    /// The task it belongs to, when the plan still has it.
    pub task: Option<usize>,
}

#[derive(Hash, PartialEq, Eq)]
struct Key<'a> {
    task: &'a str,
    kind: Kind,
    period: Option<Period>,
    /// `None` where the period alone identifies the entry.
    date: Option<NaiveDate>,
}

fn key_of(task: &str, kind: Kind, period: Option<Period>, date: NaiveDate) -> Key<'_> {
    let by_period = matches!(kind, Kind::Done) || (kind == Kind::Measure && period.is_some());
    Key { task, kind, period, date: if by_period { None } else { Some(date) } }
}

/// The journal's entries that are not in `plan` (see the module's doc for how).
pub fn vanished<'a>(entries: &'a [Entry], plan: &Plan) -> Vec<Vanished<'a>> {
    let year = plan.meta.year;
    let mut groups: HashMap<Key, Vec<usize>> = HashMap::new();
    for (n, e) in entries.iter().enumerate().filter(|(_, e)| !e.stale(year)) {
        groups.entry(key_of(&e.task, e.kind, e.period, e.date)).or_default().push(n);
    }
    if groups.is_empty() {
        return Vec::new();
    }
    let ids: HashMap<&str, usize> = plan.tasks.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let mut out = Vec::new();
    for (key, journaled) in groups {
        let task = ids.get(key.task).copied();
        let mut present: Vec<u64> = match task.map(|i| &plan.tasks[i]) {
            None => Vec::new(),
            Some(t) => {
                let k = |p, d| key_of(key.task, key.kind, p, d) == key;
                match key.kind {
                    Kind::Done => t.done.iter().filter(|d| k(d.period, d.date)).map(hash_done).collect(),
                    Kind::Log => t.log.iter().filter(|l| k(l.period, l.date)).map(hash_log).collect(),
                    Kind::Measure => t.measures.iter().filter(|m| k(m.period, m.date)).map(hash_measure).collect(),
                }
            }
        };
        let mut left = present.len();
        present.sort_unstable();
        let mut unmatched = Vec::new();
        for n in journaled {
            // Each of the plan's entries matches one journaled entry at most.
            match present.binary_search(&entries[n].hash) {
                Ok(p) if left > 0 => {
                    present.remove(p);
                    left -= 1;
                }
                _ => unmatched.push(n),
            }
        }
        // Entries of the key still in the plan but changed by hand stand for the oldest unmatched.
        for n in unmatched.into_iter().skip(left) {
            out.push(Vanished { at: n, entry: &entries[n], task });
        }
    }
    out.sort_by_key(|v| v.at);
    out
}

/// The vanished entries a warning names; the rest are counted.
const SHOWN: usize = 20;

static WARNED: AtomicBool = AtomicBool::new(false);

/// No warning from this process (`par restore` says it all itself).
pub fn silence() {
    WARNED.store(true, Ordering::Relaxed);
}

/// The journal of the plan named `shown` (not resolved): next to it, or next to its
/// target when it is a symbolic link. Without a journal this costs one failed `lstat`
/// of the journal and one `lstat` of the plan.
pub fn path_for_named(shown: &Path) -> Option<PathBuf> {
    let beside = journal_path(shown);
    if fs::symlink_metadata(&beside).is_ok() {
        return Some(beside);
    }
    let is_link = fs::symlink_metadata(shown).is_ok_and(|m| m.file_type().is_symlink());
    is_link.then(|| fs::canonicalize(shown).ok().map(|real| journal_path(&real))).flatten()
}

/// The journal as read before the plan is loaded (see [`snapshot`]).
pub struct Snapshot {
    read: Option<(PathBuf, Result<Vec<Entry>, Refused>)>,
    /// Whether this process holds the plan's lock (a writer): no one changes anything meanwhile.
    locked: bool,
}

/// Reads the journal at `journal`, if any, unless this process already warned. Called
/// *before* the plan is loaded: a reader takes no lock, and a `par` writing meanwhile
/// journals its entry after writing the plan, so a journal read first never names an
/// entry that is only missing from an older plan read first. (The other way round, an
/// entry dropped meanwhile by `par reopen` or `par rm`, is caught by [`warn`] reading the
/// journal again, after any writer finished, before it names anything.)
pub fn snapshot(journal: Option<&Path>, locked: bool) -> Snapshot {
    let read = match journal {
        Some(path) if !WARNED.load(Ordering::Relaxed) => read(path).transpose().map(|r| (path.to_path_buf(), r)),
        _ => None,
    };
    Snapshot { read, locked }
}

/// Waits (a little) for a writer holding the plan's lock to finish, taking the lock shared;
/// `None` when there is no lock file or it stays held.
fn writers_done(journal: &Path) -> Option<fs::File> {
    let file = fs::File::open(journal.with_extension("lock")).ok()?;
    let started = std::time::Instant::now();
    loop {
        match file.try_lock_shared() {
            Ok(()) => return Some(file),
            Err(fs::TryLockError::WouldBlock) if started.elapsed() < std::time::Duration::from_secs(2) => {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Err(_) => return None,
        }
    }
}

/// Warns on standard error, once per process, about each journaled entry missing from
/// `plan`, or about a journal that is refused. Never fails: the journal only informs.
pub fn warn(snapshot: Snapshot, plan: &Plan, shown: &Path, lang: Lang) {
    let Some((path, first)) = snapshot.read else { return };
    if WARNED.swap(true, Ordering::Relaxed) {
        return;
    }
    let entries = match first {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("{}: {}", Msg::LabelWarning.text(lang), e.message(lang));
            return;
        }
    };
    let mut gone = vanished(&entries, plan);
    if gone.is_empty() {
        return;
    }
    // Rare: something vanished. Only what the journal still holds once no writer is at work
    // is named, in case a `par reopen` or `par rm` removed an entry from the plan (and then
    // from the journal, under its lock) while this reader ran. A writer holds the lock itself.
    let _shared = if snapshot.locked { None } else { writers_done(&path) };
    let now = read(&path).ok().flatten().unwrap_or_default();
    let now: std::collections::HashSet<(&str, Kind, NaiveDate, u64)> =
        now.iter().map(|e| (e.task.as_str(), e.kind, e.date, e.hash)).collect();
    gone.retain(|v| now.contains(&(v.entry.task.as_str(), v.entry.kind, v.entry.date, v.entry.hash)));
    if gone.is_empty() {
        return;
    }
    let mut msg = format!(
        "{}: {}\n",
        Msg::LabelWarning.text(lang),
        say!(lang, EntriesVanished, count = gone.len(), file = shown.display())
    );
    for v in gone.iter().take(SHOWN) {
        msg.push_str(&format!("  - {}\n", v.entry.describe(lang)));
    }
    if gone.len() > SHOWN {
        let more = gone.len() - SHOWN;
        msg.push_str(&format!("  {}\n", say!(lang, AndMore, more)));
    }
    msg.push_str(&format!("      {}: {}\n", Msg::LabelHelp.text(lang), say!(lang, EntriesVanishedHelp)));
    eprint!("{msg}");
}

/// Adds `entry` to the journal of the plan at `real` (called under the plan's lock,
/// after the plan was written). Appends one line; rewrites the journal instead when it
/// must shrink (too many entries, entries of an earlier year). Never fails the command:
/// the plan is written; a journal that cannot be written is a warning.
pub fn record(real: &Path, plan: &Plan, entry: Entry, lang: Lang) {
    let path = journal_path(real);
    let result = read(&path).and_then(|old| {
        let old = old.unwrap_or_default();
        let year = plan.meta.year;
        let size: u64 = fs::symlink_metadata(&path).map_or(0, |m| m.len());
        if old.len() < MAX_ENTRIES && size < MAX_BYTES / 2 && !old.iter().any(|e| e.stale(year)) {
            append(&path, real, &entry)
        } else {
            let mut kept = old;
            kept.push(entry);
            rewrite(&path, real, plan, kept)
        }
    });
    if let Err(e) = result {
        eprintln!("{}: {}", Msg::LabelWarning.text(lang), e.message(lang));
    }
}

/// [`record`] for a command's session, when the entry was found.
pub fn record_appended(session: &super::Session, entry: Option<Entry>) {
    if let Some(entry) = entry {
        record(session.real(), session.plan(), entry, session.lang);
    }
}

/// Drops the journaled done mark `mark` of task `task`, removed on purpose (`par reopen`):
/// the one with its hash, else the newest of its period.
pub fn forget_done(session: &super::Session, task: &str, mark: &DoneMark) {
    let path = journal_path(session.real());
    let Ok(Some(entries)) = read(&path) else { return };
    let same = |e: &Entry| e.task == task && e.kind == Kind::Done && e.period == mark.period;
    let hash = hash_done(mark);
    let pick = entries.iter().position(|e| same(e) && e.hash == hash).or_else(|| entries.iter().rposition(same));
    if let Some(pick) = pick {
        prune(session.real(), session.plan(), session.lang, |i, _| i == pick);
    }
}

/// Drops the journaled measurement `measure` of task `task`, corrected on purpose
/// (`par measure --replace`): the one with its hash, else the newest of its period.
pub fn forget_measure(session: &super::Session, task: &str, measure: &Measure) {
    let path = journal_path(session.real());
    let Ok(Some(entries)) = read(&path) else { return };
    let same = |e: &Entry| e.task == task && e.kind == Kind::Measure && e.period == measure.period;
    let hash = hash_measure(measure);
    let pick = entries.iter().position(|e| same(e) && e.hash == hash).or_else(|| entries.iter().rposition(same));
    if let Some(pick) = pick {
        prune(session.real(), session.plan(), session.lang, |i, _| i == pick);
    }
}

/// Drops every journaled entry of task `task`, removed on purpose (`par rm`).
pub fn forget_task(session: &super::Session, task: &str) {
    prune(session.real(), session.plan(), session.lang, |_, e| e.task == task);
}

/// Drops the entries `drop` says of the journal of the plan at `real`, if there is one.
pub fn prune(real: &Path, plan: &Plan, lang: Lang, drop: impl FnMut(usize, &Entry) -> bool) {
    if let Err(e) = try_prune(real, plan, drop) {
        eprintln!("{}: {}", Msg::LabelWarning.text(lang), e.message(lang));
    }
}

pub fn try_prune(real: &Path, plan: &Plan, mut drop: impl FnMut(usize, &Entry) -> bool) -> Result<(), Refused> {
    let path = journal_path(real);
    let Some(old) = read(&path)? else { return Ok(()) };
    let n = old.len();
    let kept: Vec<Entry> = old.into_iter().enumerate().filter(|(i, e)| !drop(*i, e)).map(|(_, e)| e).collect();
    if kept.len() == n {
        return Ok(());
    }
    rewrite(&path, real, plan, kept)
}

fn append(path: &Path, real: &Path, entry: &Entry) -> Result<(), Refused> {
    let io = |e| Refused::Io(path.to_path_buf(), e);
    let (mut file, meta) = match open_regular(path, true)? {
        Some(f) => f,
        None => {
            // `create_new` never follows a symbolic link (O_CREAT | O_EXCL).
            let mut o = fs::OpenOptions::new();
            o.read(true).append(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut o, plan_mode(real));
            let file = o.open(path).map_err(io)?;
            let meta = file.metadata().map_err(io)?;
            (file, meta)
        }
    };
    let mut line = entry.line();
    if meta.len() > 0 && !ends_with_newline(&mut file) {
        // A torn last line (a crash mid-write): keep the new entry on a line of its own.
        line.insert(0, '\n');
    }
    file.write_all(line.as_bytes()).map_err(io)?;
    file.sync_data().map_err(io)
}

/// Whether the open journal ends with a line break (read through the handle already
/// checked, never by its name again).
fn ends_with_newline(file: &mut fs::File) -> bool {
    use std::io::{Seek, SeekFrom};
    let mut last = [0u8; 1];
    file.seek(SeekFrom::End(-1)).and_then(|_| file.read_exact(&mut last)).map_or(true, |_| last[0] == b'\n')
}

#[cfg(unix)]
fn plan_mode(real: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(real).map_or(0o644, |m| m.permissions().mode() & 0o666)
}

/// Replaces the journal with `entries`, bounded, through a temporary file and a rename.
fn rewrite(path: &Path, real: &Path, plan: &Plan, mut entries: Vec<Entry>) -> Result<(), Refused> {
    let io = |e| Refused::Io(path.to_path_buf(), e);
    if let Ok(m) = fs::symlink_metadata(path)
        && !m.file_type().is_file()
    {
        return Err(Refused::NotRegular(path.to_path_buf()));
    }
    let year = plan.meta.year;
    entries.retain(|e| !e.stale(year));
    let lines: Vec<String> = entries.iter().map(Entry::line).collect();
    // The newest entries that fit both bounds.
    let mut start = lines.len().saturating_sub(MAX_ENTRIES);
    let mut size: u64 = lines[start..].iter().map(|l| l.len() as u64).sum();
    while size > MAX_BYTES / 2 && start < lines.len() {
        size -= lines[start].len() as u64;
        start += 1;
    }
    let dir = real.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // Named like the plan's own temporary files, so a killed write's leftover is cleaned up.
    let mut tmp = tempfile::Builder::new().prefix(&format!("{name}.")).suffix(".tmp").tempfile_in(dir).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp.as_file().set_permissions(fs::Permissions::from_mode(plan_mode(real)));
    }
    for l in &lines[start..] {
        tmp.write_all(l.as_bytes()).map_err(io)?;
    }
    tmp.as_file().sync_data().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(task: &str, text: &str) -> Entry {
        Entry {
            task: task.into(),
            kind: Kind::Log,
            period: Some(Period::Quarter(2025, 3)),
            date: NaiveDate::from_ymd_opt(2025, 10, 6).unwrap(),
            hash: 0xdead_beef,
            text: text.into(),
        }
    }

    #[test]
    fn lines_round_trip_and_torn_lines_are_skipped() {
        let e = entry("II.4\tx", "[[task.log]]\ntext = \"a\\\\b\"\r\n");
        let line = e.line();
        assert_eq!(line.matches('\n').count(), 1);
        assert_eq!(Entry::parse(line.trim_end_matches('\n')), Some(e));
        assert_eq!(Entry::parse("1\tx\tdone"), None);
        assert_eq!(Entry::parse("1\t4\tlog\t-\t2025-10-06\tzz\tt"), None);
        assert_eq!(Entry::parse("1\t4\tlog\t-\t2025-10-06\t1\tbad \\q escape"), None);
    }

    #[test]
    fn hash_is_stable() {
        // FNV-1a 64 of "" is its offset basis; the hash must not change between versions.
        assert_eq!(fnv(&[]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv(&["log", " Việc "]), fnv(&["log", "Vie\u{323}\u{302}c"]));
        assert_ne!(fnv(&["a", "b"]), fnv(&["ab", ""]));
    }
}
