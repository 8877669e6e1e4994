//! Where a command's output goes: standard output, or a file given with `-o`.
//!
//! A file is checked before any work is done ([`OutputFile::check`]): the plan itself (or
//! any file the command reads) is never a target, and an existing file is replaced only
//! with `--force`. A regular file is written atomically (a temporary file in the same
//! folder, then renamed) so a failed or interrupted run never leaves half a file behind;
//! a device or pipe (`-o /dev/null`, `-o /dev/stdout`) is written directly, never renamed over.

use crate::messages::Msg;
use crate::say;
use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::Outcome;
use crate::error::{Fail, io_reason_in};
use crate::i18n::Lang;

/// A rendered output.
pub enum Payload {
    Text(String),
    /// Bytes that mean nothing on a terminal (an .xlsx workbook).
    Binary(Vec<u8>),
}

impl Payload {
    pub fn bytes(&self) -> &[u8] {
        match self {
            Payload::Text(s) => s.as_bytes(),
            Payload::Binary(b) => b.as_slice(),
        }
    }
}

/// An output file named with `-o`, checked and ready to be written.
#[derive(Debug)]
pub struct OutputFile {
    /// As the user typed it (shown in messages).
    pub path: PathBuf,
    target: Target,
}

#[derive(Debug)]
enum Target {
    /// Nothing there yet: created, and never over a file that appears meanwhile.
    New,
    /// An existing regular file (links resolved), replaced with `--force`.
    Replace(PathBuf),
    /// A character device or a pipe (`/dev/null`, a FIFO): written in place, as a
    /// shell's `>` would, never renamed over.
    Direct,
    /// The file standard output already goes to (`-o /dev/stdout > out.csv`): written
    /// through standard output, at its offset, so `>>` appends as the user asked.
    Stdout,
}

impl OutputFile {
    /// Checks `path` as an output before any work is done: not a folder, not one of
    /// `inputs` (the plan and its sidecar files, the files rolled up; through links too),
    /// and not an existing file unless `force`.
    pub fn check(path: &Path, inputs: &[&Path], force: bool, lang: Lang) -> Result<OutputFile, Fail> {
        let shown = crate::text::clean(&path.display().to_string()).into_owned();
        let cannot = |reason: &str| Fail::write(say!(lang, CannotWrite, file = shown, reason));
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if fs::symlink_metadata(path).is_ok() {
                    return Err(cannot(Msg::OutputDanglingLink.text(lang)));
                }
                return Ok(OutputFile { path: path.to_path_buf(), target: Target::New });
            }
            Err(e) => return Err(cannot(&io_reason_in(&e, lang))),
        };
        if meta.is_dir() {
            return Err(cannot(Msg::OutputIsFolder.text(lang)));
        }
        if is_stdout(&meta) {
            return Ok(OutputFile { path: path.to_path_buf(), target: Target::Stdout });
        }
        if !meta.is_file() {
            if writable_in_place(&meta) {
                return Ok(OutputFile { path: path.to_path_buf(), target: Target::Direct });
            }
            return Err(cannot(Msg::OutputNotRegular.text(lang)));
        }
        if inputs.iter().any(|input| same_file(path, &meta, input)) {
            return Err(Fail::input(say!(lang, OutputIsInput, shown)).help(say!(lang, OutputIsInputHelp)));
        }
        if !force {
            return Err(Fail::input(say!(lang, OutputExists, shown)).help(say!(lang, OutputExistsHelp)));
        }
        let real = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        Ok(OutputFile { path: path.to_path_buf(), target: Target::Replace(real) })
    }

    /// Writes `bytes`: atomically into a regular file, directly into a device or pipe.
    pub fn write(&self, bytes: &[u8], lang: Lang) -> Result<(), Fail> {
        self.stage(bytes, lang)?.commit(lang)
    }

    /// Writes `bytes` where the output will be, without replacing anything yet: into a
    /// temporary file beside a regular file (removed if the [`Staged`] output is dropped
    /// uncommitted); a device, a pipe or standard output is only written at
    /// [`Staged::commit`]. Lets a command write a large output while it still checks it.
    pub fn stage<'a>(&'a self, bytes: &'a [u8], lang: Lang) -> Result<Staged<'a>, Fail> {
        let temp = match &self.target {
            Target::New => Some(stage_file(&self.path, bytes, false)),
            Target::Replace(real) => Some(stage_file(real, bytes, true)),
            Target::Direct | Target::Stdout => None,
        };
        let temp = temp.transpose().map_err(|e| self.fail(&e, lang))?;
        Ok(Staged { out: self, bytes, temp })
    }

    fn fail(&self, e: &std::io::Error, lang: Lang) -> Fail {
        let shown = crate::text::clean(&self.path.display().to_string()).into_owned();
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Fail::input(say!(lang, OutputAppeared, shown))
        } else {
            Fail::write(say!(lang, CannotWrite, file = shown, reason = io_reason_in(e, lang)))
        }
    }
}

/// An output written but not yet in place ([`OutputFile::stage`]).
pub struct Staged<'a> {
    out: &'a OutputFile,
    bytes: &'a [u8],
    /// The temporary file of a regular file's output.
    temp: Option<tempfile::NamedTempFile>,
}

impl Staged<'_> {
    /// Puts the output in place: renames the temporary file over (or, for a new file, to)
    /// the output; writes a device, pipe or standard output.
    pub fn commit(self, lang: Lang) -> Result<(), Fail> {
        let out = self.out;
        let result = match (self.temp, &out.target) {
            (Some(tmp), Target::Replace(real)) => tmp.persist(real).map(drop).map_err(|e| e.error),
            (Some(tmp), _) => tmp.persist_noclobber(&out.path).map(drop).map_err(|e| e.error),
            (None, Target::Stdout) => {
                let mut stdout = std::io::stdout().lock();
                stdout.write_all(self.bytes).and_then(|_| stdout.flush())
            }
            (None, _) => fs::OpenOptions::new().write(true).open(&out.path).and_then(|mut f| f.write_all(self.bytes)),
        };
        result.map_err(|e| out.fail(&e, lang))
    }
}

/// Whether a file that is not a regular file may be written in place: a character device
/// (`/dev/null`, a terminal) or a pipe, never a block device (a disk).
fn writable_in_place(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        meta.file_type().is_char_device() || meta.file_type().is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// Whether `meta` is the file standard output is open on (`-o /dev/stdout`, redirected).
fn is_stdout(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() else { return false };
        let Ok(out) = fs::File::from(fd).metadata() else { return false };
        out.dev() == meta.dev() && out.ino() == meta.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// Whether the output at `path` (whose metadata, links followed, is `meta`) is the file at `input`.
fn same_file(path: &Path, meta: &fs::Metadata, input: &Path) -> bool {
    let Ok(other) = fs::metadata(input) else { return false };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        meta.dev() == other.dev() && meta.ino() == other.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (meta, other);
        fs::canonicalize(path).ok().is_some_and(|p| fs::canonicalize(input).ok() == Some(p))
    }
}

/// What is said once an output file is written.
pub enum Written {
    /// `Wrote FILE` on standard error, standard output kept for the output itself.
    Stderr,
    /// The command's own line, on standard error too: `par report`'s "Wrote the Q2 2025
    /// report to FILE".
    Line(String),
}

/// Sends `payload` to `output` when given, else to standard output. Binary data
/// is refused on a terminal: it would only garble the screen.
pub fn deliver(output: Option<&OutputFile>, payload: Payload, lang: Lang, what: &str) -> Result<Outcome, Fail> {
    deliver_saying(output, payload, lang, what, Written::Stderr)
}

/// [`deliver`], saying `written` once a file is written.
pub fn deliver_saying(
    output: Option<&OutputFile>,
    payload: Payload,
    lang: Lang,
    what: &str,
    written: Written,
) -> Result<Outcome, Fail> {
    if let Some(file) = output {
        file.write(payload.bytes(), lang)?;
        return Ok(Outcome::ok(match written {
            Written::Stderr => {
                eprintln!("{}", say!(lang, Wrote, file = crate::text::clean(&file.path.display().to_string())));
                String::new()
            }
            Written::Line(line) => {
                eprintln!("{line}");
                String::new()
            }
        }));
    }
    match payload {
        Payload::Text(s) => Ok(Outcome::ok(s)),
        Payload::Binary(bytes) => {
            if std::io::stdout().is_terminal() {
                return Err(refusal(what));
            }
            let mut out = std::io::stdout().lock();
            match out.write_all(&bytes).and_then(|_| out.flush()) {
                Ok(()) => Ok(Outcome::ok(String::new())),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(Outcome::ok(String::new())),
                Err(e) => Err(Fail::write(say!(lang, CannotWriteOutput, reason = io_reason_in(&e, lang)))),
            }
        }
    }
}

/// The refusal of binary output aimed at a terminal.
pub fn refusal(what: &str) -> Fail {
    let lang = crate::messages::output_lang();
    Fail::input(say!(lang, BinaryToTerminal, what)).help(say!(lang, BinaryToTerminalHelp, what))
}

/// The prefix of the temporary files par writes beside an output: `.par-PID.`, so that a
/// later run can tell a temporary file left by a killed `par` from one being written.
const TEMP_PREFIX: &str = ".par-";

/// The one way par writes a file it produces (reports, exports, imported plans): a
/// temporary file in the same folder, written, flushed to disk and renamed into place,
/// so a reader never sees half a file and a failure leaves nothing behind. Without
/// `overwrite`, an existing file (even one that appears meanwhile) is kept and the
/// error is `AlreadyExists`. Temporary files that killed runs left in the folder go first.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> std::io::Result<()> {
    let tmp = stage_file(path, bytes, overwrite)?;
    if overwrite {
        tmp.persist(path).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    Ok(())
}

/// The temporary file [`write_file`] renames to `path`: written, its permissions (and with
/// `overwrite`, the extended attributes of the file it replaces) set, and synced.
fn stage_file(path: &Path, bytes: &[u8], overwrite: bool) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    remove_stale_temps(dir);
    let mut builder = tempfile::Builder::new();
    let prefix = format!("{TEMP_PREFIX}{}.", std::process::id());
    builder.prefix(&prefix).suffix(".tmp");
    // A temporary file is private (0600); the output is an ordinary file, so ask
    // for 0666 and let the umask decide, as any program creating a file does.
    // An existing file keeps its permissions.
    #[cfg(unix)]
    builder.permissions(match fs::metadata(path) {
        Ok(m) => m.permissions(),
        Err(_) => std::os::unix::fs::PermissionsExt::from_mode(0o666),
    });
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if overwrite {
        crate::write::atomic::copy_xattrs(path, tmp.as_file());
    }
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// How old a temporary file must be before another run may take it for a leftover: a
/// writer in another PID namespace (a container) or on another computer sharing the
/// folder is invisible to `kill(pid, 0)`, but no output takes this long to write.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Removes `.par-PID.*.tmp` files in `dir` that a report or export killed before it could
/// clean up left behind: their process is gone and they are older than [`STALE_AFTER`]
/// (age alone where processes cannot be asked). Any file par did not name is left alone.
/// Best effort: errors are ignored.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = stale_temp_pid(&name.to_string_lossy()) else { continue };
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta.modified().ok().and_then(|m| m.elapsed().ok()).is_some_and(|age| age >= STALE_AFTER);
        if meta.is_file() && old && !process_alive(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name `.par-PID.XXXXXX.tmp`.
fn stale_temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(".tmp")?;
    let (pid, _) = rest.split_once('.')?;
    pid.parse().ok().filter(|&p| p > 0)
}

/// Whether a process with this id exists (one we may not signal still exists).
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else { return true };
        // SAFETY: signal 0 only checks that the process exists; nothing is sent.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(path: &Path, inputs: &[&Path], force: bool) -> Result<OutputFile, Fail> {
        OutputFile::check(path, inputs, force, Lang::En)
    }

    #[test]
    fn writes_new_then_refuses_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.csv");
        check(&p, &[], false).unwrap().write(b"one", Lang::En).unwrap();
        let e = check(&p, &[], false).unwrap_err();
        assert!(e.message.contains("already exists") && e.to_string().contains("--force"), "{}", e);
        check(&p, &[], true).unwrap().write(b"two", Lang::En).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        let e = check(&dir.path().join("missing/out.csv"), &[], false).unwrap().write(b"x", Lang::En).unwrap_err();
        assert!(e.message.contains("no such file or folder"), "{}", e.message);
        assert!(check(dir.path(), &[], true).unwrap_err().message.contains("folder"));
    }

    #[test]
    fn a_staged_output_is_in_place_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("plan.toml");
        fs::write(&p, "old").unwrap();
        let out = check(&p, &[], true).unwrap();
        // Dropped uncommitted (the draft did not load): the old file stays, no temporary file.
        let staged = out.stage(b"new", Lang::En).unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "the temporary file is beside the output");
        assert_eq!(fs::read(&p).unwrap(), b"old");
        drop(staged);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        assert_eq!(fs::read(&p).unwrap(), b"old");
        // Committed: in place, nothing else left.
        out.stage(b"new", Lang::En).unwrap().commit(Lang::En).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        // A new file that appears while the output is staged is not replaced.
        let q = dir.path().join("draft.toml");
        let out = check(&q, &[], false).unwrap();
        let staged = out.stage(b"draft", Lang::En).unwrap();
        fs::write(&q, "hand").unwrap();
        assert!(staged.commit(Lang::En).is_err());
        assert_eq!(fs::read(&q).unwrap(), b"hand");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn never_the_input_even_through_a_link_or_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.toml");
        fs::write(&plan, "x").unwrap();
        assert!(check(&plan, &[&plan], true).unwrap_err().message.contains("is a file par is reading"));
        #[cfg(unix)]
        {
            let hard = dir.path().join("hard.md");
            fs::hard_link(&plan, &hard).unwrap();
            assert!(check(&hard, &[&plan], true).is_err());
            let dangling = dir.path().join("dangling.md");
            std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
            assert!(check(&dangling, &[], true).unwrap_err().message.contains("symbolic link to nothing"));
        }
        #[cfg(unix)]
        {
            let link = dir.path().join("link.md");
            std::os::unix::fs::symlink(&plan, &link).unwrap();
            assert!(check(&link, &[&plan], true).is_err());
        }
        assert_eq!(fs::read(&plan).unwrap(), b"x");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_an_output_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        let link = dir.path().join("out.md");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        check(&link, &[], true).unwrap().write(b"new", Lang::En).unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_in_place() {
        use std::os::unix::fs::FileTypeExt;
        let out = check(Path::new("/dev/null"), &[], false).unwrap();
        assert!(matches!(out.target, Target::Direct));
        out.write(b"gone", Lang::En).unwrap();
        assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    }

    #[test]
    fn stale_temporary_files_of_dead_processes_go() {
        let dir = tempfile::tempdir().unwrap();
        // A pid that cannot be running: above the kernel's limit (4,194,304 on Linux).
        let dead = dir.path().join(".par-999999999.abc123.tmp");
        let live = dir.path().join(format!(".par-{}.def456.tmp", std::process::id()));
        let other = dir.path().join(".par-notes.tmp");
        let young = dir.path().join(".par-999999998.ghi789.tmp");
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for p in [&dead, &live, &other, &young] {
            fs::write(p, "x").unwrap();
            if p != &young {
                fs::File::options().write(true).open(p).unwrap().set_modified(hour_ago).unwrap();
            }
        }
        remove_stale_temps(dir.path());
        assert!(!dead.exists());
        assert!(other.exists() && young.exists());
        #[cfg(unix)]
        assert!(live.exists());
        assert_eq!(stale_temp_pid(".par-12.x.tmp"), Some(12));
        assert_eq!(stale_temp_pid(".par-x.tmp"), None);
    }
}
