//! Two `par` processes writing the same plan never lose an update: each holds an
//! advisory lock across its whole read, change and write.
//!
//! The lock is taken on a sidecar file, `.plan.toml.lock`, next to the plan (next
//! to its target when the plan is a symbolic link, so every link to one file
//! shares one lock). Not on the plan itself: the plan is replaced by a rename on
//! every write, so a process waiting on the old file's lock would wake up holding
//! a lock on a file nobody uses any more. The sidecar is never deleted (deleting a
//! lock file reopens the race); it is empty and can be ignored by git.
//! Readers (`status`, `list`, `show`) take no lock: they always see a whole file,
//! old or new, thanks to the atomic rename.

use crate::say;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Fail, io_reason_in};
use crate::i18n::Lang;

/// How long to wait for another `par` by default; `PAR_LOCK_TIMEOUT` (seconds) overrides it.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Held while alive; dropping it (closing the file) releases the lock.
#[derive(Debug)]
pub struct PlanLock {
    _file: File,
}

/// The sidecar lock file of the plan at `real`.
pub fn lock_path(real: &Path) -> PathBuf {
    let name = real.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "plan.toml".into());
    real.with_file_name(format!(".{name}.lock"))
}

fn timeout() -> Duration {
    std::env::var("PAR_LOCK_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(DEFAULT_TIMEOUT, |s| Duration::from_secs_f64(s.min(86_400.0)))
}

/// Opens (creating it if needed) the lock file, never through a symbolic link: a link
/// planted there would make par create or lock a file elsewhere. Anything but a regular
/// file is refused.
fn open_lock_file(path: &Path, lang: Lang) -> Result<File, Fail> {
    let shown = crate::text::clean(&path.display().to_string()).into_owned();
    let not_a_file = || {
        Fail::write(say!(lang, LockNotRegular, path = path.display())).help(say!(
            lang,
            LockNotRegularHelp,
            path = path.display()
        ))
    };
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: a FIFO planted there must not hang the open.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| {
        // ELOOP on Linux; other systems say EMLINK or EFTYPE for a link opened with O_NOFOLLOW.
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            return not_a_file();
        }
        Fail::write(say!(lang, CannotCreateLock, file = shown, reason = io_reason_in(&e, lang)))
    })?;
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(not_a_file());
    }
    Ok(file)
}

/// Takes the lock of the plan at `real`, waiting for another `par` to finish.
pub fn acquire(real: &Path, shown: &Path, lang: Lang) -> Result<PlanLock, Fail> {
    let path = lock_path(real);
    let file = open_lock_file(&path, lang)?;
    let limit = timeout();
    let started = Instant::now();
    let mut pause = Duration::from_millis(2);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(PlanLock { _file: file }),
            Err(TryLockError::WouldBlock) => {
                let waited = started.elapsed();
                if waited >= limit {
                    return Err(Fail::conflict(say!(
                        lang,
                        LockHeld,
                        file = shown.display(),
                        lock = path.display(),
                        seconds = limit.as_secs_f64()
                    ))
                    .help(say!(lang, LockHeldHelp)));
                }
                std::thread::sleep(pause.min(limit - waited));
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            Err(TryLockError::Error(e)) => {
                return Err(Fail::write(say!(
                    lang,
                    CannotLock,
                    file = path.display(),
                    reason = io_reason_in(&e, lang)
                )));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecar_name_and_exclusion() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.toml");
        std::fs::write(&plan, "").unwrap();
        assert_eq!(lock_path(&plan), dir.path().join(".plan.toml.lock"));
        let held = acquire(&plan, &plan, Lang::En).unwrap();
        // A second handle (as another process would have) cannot take it meanwhile.
        let other = File::options().write(true).open(lock_path(&plan)).unwrap();
        assert!(matches!(other.try_lock(), Err(TryLockError::WouldBlock)));
        drop(held);
        assert!(other.try_lock().is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.toml");
        std::fs::write(&plan, "").unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&elsewhere, lock_path(&plan)).unwrap();
        let e = acquire(&plan, &plan, Lang::En).unwrap_err();
        assert!(e.message.contains("not a regular file"), "{}", e.message);
        assert!(!elsewhere.exists(), "the link's target was created");
    }
}
