//! Where a command's output goes: standard output, or a file given with `-o`,
//! written atomically (a temporary file in the same folder, then renamed) so a
//! failed or interrupted run never leaves half a file behind.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::Outcome;
use crate::error::{Fail, io_reason};
use crate::i18n::Lang;

/// A rendered output.
pub enum Payload {
    Text(String),
    /// Bytes that mean nothing on a terminal (an .xlsx workbook).
    Binary(Vec<u8>),
}

/// Sends `payload` to `output` when given, else to standard output. Binary data
/// is refused on a terminal: it would only garble the screen.
pub fn deliver(output: Option<&Path>, payload: Payload, lang: Lang, what: &str) -> Result<Outcome, Fail> {
    if let Some(path) = output {
        let bytes = match &payload {
            Payload::Text(s) => s.as_bytes(),
            Payload::Binary(b) => b.as_slice(),
        };
        write_atomic(path, bytes)?;
        eprintln!("{} {}", lang.pick("Đã ghi", "Wrote"), crate::text::clean(&path.display().to_string()));
        return Ok(Outcome::ok(String::new()));
    }
    match payload {
        Payload::Text(s) => Ok(Outcome::ok(s)),
        Payload::Binary(bytes) => {
            if std::io::stdout().is_terminal() {
                return Err(Fail::input(refusal(what)));
            }
            let mut out = std::io::stdout().lock();
            match out.write_all(&bytes).and_then(|_| out.flush()) {
                Ok(()) => Ok(Outcome::ok(String::new())),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(Outcome::ok(String::new())),
                Err(e) => Err(Fail::io(format!("cannot write the output: {}", io_reason(&e)))),
            }
        }
    }
}

/// The message for binary output aimed at a terminal.
pub fn refusal(what: &str) -> String {
    format!(
        "{what} is a binary format and standard output is a terminal\n      help: write it to a file with -o FILE (e.g. -o ke-hoach.{what}), or redirect: > ke-hoach.{what}"
    )
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed, then renamed over it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Fail> {
    let shown = crate::text::clean(&path.display().to_string()).into_owned();
    if path.is_dir() {
        return Err(Fail::io(format!("cannot write {shown}: it is a folder, not a file")));
    }
    write_file(path, bytes, true).map_err(|e| Fail::io(format!("cannot write {shown}: {}", io_reason(&e))))
}

/// The one way par writes a file it produces (reports, exports, imported plans): a
/// temporary file in the same folder, written, flushed to disk and renamed into place,
/// so a reader never sees half a file and a failure leaves nothing behind. Without
/// `overwrite`, an existing file (even one that appears meanwhile) is kept and the
/// error is `AlreadyExists`.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".par-").suffix(".tmp");
    // A temporary file is private (0600); the output is an ordinary file, so ask
    // for 0666 and let the umask decide, as any program creating a file does.
    // An existing file keeps its permissions.
    #[cfg(unix)]
    builder.permissions(match std::fs::metadata(path) {
        Ok(m) => m.permissions(),
        Err(_) => std::os::unix::fs::PermissionsExt::from_mode(0o666),
    });
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if overwrite {
        tmp.persist(path).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_atomically_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.csv");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let err = write_atomic(&dir.path().join("missing/out.csv"), b"x").unwrap_err();
        assert!(err.message.contains("no such file or folder"), "{}", err.message);
        assert!(write_atomic(dir.path(), b"x").unwrap_err().message.contains("folder"));
    }
}
