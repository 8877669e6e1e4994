//! Writing a file so that it is, at every instant, either the old one or the new
//! one: a temporary file in the same folder is written, flushed to disk and renamed
//! over the plan. The plan's permissions (and owner, where allowed) are kept; a symbolic link stays a link and
//! its target gets the new text. On any error the temporary file is removed and
//! the plan is untouched.

use crate::say;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Fail, io_reason_in};
use crate::i18n::Lang;

/// The file behind `path`, symbolic links followed: what gets replaced.
pub fn resolve(path: &Path, lang: Lang) -> Result<PathBuf, Fail> {
    fs::canonicalize(path)
        .map_err(|e| Fail::read(say!(lang, CannotRead, file = path.display(), reason = io_reason_in(&e, lang))))
}

fn folder(real: &Path) -> &Path {
    real.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Refuses, before any work is done, to change a read-only file or a file in a
/// read-only folder (the temporary file must be created next to the plan).
/// Checks the permission bits too, so a read-only plan is left alone even when
/// the operating system would let an administrator write it.
pub fn check_writable(real: &Path, shown: &Path, lang: Lang) -> Result<(), Fail> {
    let meta = fs::metadata(real)
        .map_err(|e| Fail::read(say!(lang, CannotRead, file = shown.display(), reason = io_reason_in(&e, lang))))?;
    let opened = fs::OpenOptions::new().write(true).open(real);
    if meta.permissions().readonly() || opened.as_ref().is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied)
    {
        return Err(Fail::write(say!(lang, PlanReadOnly, shown = shown.display())).help(say!(
            lang,
            PlanReadOnlyHelp,
            shown = shown.display()
        )));
    }
    let dir = folder(real);
    let dir_ro = fs::metadata(dir).map(|m| m.permissions().readonly()).unwrap_or(false);
    if dir_ro {
        return Err(read_only_folder(dir, lang));
    }
    Ok(())
}

fn read_only_folder(dir: &Path, lang: Lang) -> Fail {
    Fail::write(say!(lang, FolderReadOnly, dir = dir.display())).help(say!(lang, FolderReadOnlyHelp))
}

fn write_error(shown: &Path, error: &std::io::Error, lang: Lang) -> Fail {
    Fail::write(say!(lang, CannotWriteUnchanged, file = shown.display(), reason = io_reason_in(error, lang)))
}

/// The prefix of the temporary files written beside `real`: `.plan.toml.`
fn temp_prefix(real: &Path) -> String {
    let name = real.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "plan.toml".into());
    format!(".{name}.")
}

/// Removes temporary files left beside the plan by a write that was killed before it
/// could clean up (power cut, SIGKILL). Only called while holding the plan's lock, so
/// no other `par` is writing one of them; best effort, errors are ignored.
pub fn remove_stale_temps(real: &Path) {
    let prefix = temp_prefix(real);
    let Ok(entries) = fs::read_dir(folder(real)) else { return };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") && e.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(e.path());
        }
    }
}

fn temp_in(dir: &Path, real: &Path, shown: &Path, lang: Lang) -> Result<tempfile::NamedTempFile, Fail> {
    tempfile::Builder::new().prefix(&temp_prefix(real)).suffix(".tmp").tempfile_in(dir).map_err(|e| {
        if e.kind() == std::io::ErrorKind::PermissionDenied || e.kind() == std::io::ErrorKind::ReadOnlyFilesystem {
            read_only_folder(dir, lang)
        } else {
            write_error(shown, &e, lang)
        }
    })
}

/// Replaces the contents of `real` (an existing file, links already resolved) by
/// `parts`, one after the other, atomically. `unchanged` is asked once more after the new
/// text is on disk and immediately before the rename: when it says the file was changed
/// meanwhile (an editor saved it), its error is returned and nothing is renamed, so that
/// the other program's text is kept and the new one left nowhere.
pub fn replace(
    real: &Path,
    shown: &Path,
    parts: &[&[u8]],
    lang: Lang,
    unchanged: impl FnOnce() -> Result<(), Fail>,
) -> Result<(), Fail> {
    let dir = folder(real);
    let meta = fs::metadata(real).map_err(|e| write_error(shown, &e, lang))?;
    let mut tmp = temp_in(dir, real, shown, lang)?;
    // Any early return drops `tmp`, which deletes the temporary file.
    for part in parts {
        tmp.write_all(part).map_err(|e| write_error(shown, &e, lang))?;
    }
    tmp.as_file().set_permissions(meta.permissions()).map_err(|e| write_error(shown, &e, lang))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Keeps the owner when an administrator writes someone's plan; a no-op (or
        // refused, harmlessly) for an ordinary user, whose files are their own.
        let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid()));
    }
    copy_xattrs(real, tmp.as_file());
    tmp.as_file().sync_all().map_err(|e| write_error(shown, &e, lang))?;
    test_pause_before_rename();
    // The fsync above can take seconds on a busy disk: look again, as late as possible.
    unchanged()?;
    tmp.persist(real).map_err(|e| write_error(shown, &e.error, lang))?;
    sync_folder(dir);
    Ok(())
}

/// Copies the extended attributes of `from` (user attributes, ACLs, security labels) to
/// the new file, so a write does not drop them. Best effort: an attribute this process may
/// not set (a SELinux label for an ordinary user) is left, as `cp --preserve=xattr` does.
pub fn copy_xattrs(from: &Path, to: &fs::File) {
    #[cfg(unix)]
    {
        use xattr::FileExt;
        let Ok(names) = xattr::list(from) else { return };
        for name in names {
            if let Ok(Some(value)) = xattr::get(from, &name) {
                let _ = to.set_xattr(&name, &value);
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (from, to);
}

/// Lets a test play a program that saves the plan while par writes: in debug builds only,
/// with `PAR_TEST_HANDSHAKE=PATH` set, par creates `PATH.ready` once the new text is on disk
/// and waits (10 s at most) for `PATH.go` before its last look and the rename.
fn test_pause_before_rename() {
    #[cfg(debug_assertions)]
    if let Some(base) = std::env::var_os("PAR_TEST_HANDSHAKE") {
        let base = PathBuf::from(base);
        let with = |ext: &str| {
            let mut p = base.clone().into_os_string();
            p.push(ext);
            PathBuf::from(p)
        };
        let _ = fs::write(with(".ready"), b"");
        let started = std::time::Instant::now();
        while !with(".go").exists() && started.elapsed() < std::time::Duration::from_secs(10) {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
}

/// Creates `path` with `bytes`, refusing if it exists (even if it appears meanwhile).
pub fn create_new(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), Fail> {
    let dir = folder(path);
    let mut tmp = temp_in(dir, path, path, lang)?;
    tmp.write_all(bytes).map_err(|e| write_error(path, &e, lang))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A plan is a document the user shares: readable by others, as an editor would save it.
        tmp.as_file().set_permissions(fs::Permissions::from_mode(0o644)).map_err(|e| write_error(path, &e, lang))?;
    }
    tmp.as_file().sync_all().map_err(|e| write_error(path, &e, lang))?;
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            exists(path, lang)
        } else {
            write_error(path, &e.error, lang)
        }
    })?;
    sync_folder(dir);
    Ok(())
}

/// The error for a file `par init` will not overwrite (bad input: choose another name).
pub fn exists(path: &Path, lang: Lang) -> Fail {
    Fail::input(say!(lang, PlanExists, path = path.display())).help(say!(lang, PlanExistsHelp))
}

/// Makes the rename itself durable. Best effort: not every system can sync a folder.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_keeping_mode_and_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        fs::write(&real, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
            let link = dir.path().join("plan.toml");
            std::os::unix::fs::symlink(&real, &link).unwrap();
            let target = resolve(&link, Lang::En).unwrap();
            replace(&target, &link, &[b"ne", b"w"], Lang::En, || Ok(())).unwrap();
            assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
            assert_eq!(fs::read_to_string(&real).unwrap(), "new");
            assert_eq!(fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
        }
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert!(names.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")), "{names:?}");
    }

    #[test]
    fn create_new_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("plan.toml");
        create_new(&p, b"a", Lang::En).unwrap();
        let e = create_new(&p, b"b", Lang::En).unwrap_err();
        assert!(e.message.contains("already exists"), "{}", e.message);
        assert_eq!(fs::read_to_string(&p).unwrap(), "a");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
