//! The one way par reads an input file (a plan, an index file, a rollup's plans, a
//! document to import): a regular file of at most [`MAX_BYTES`], read into memory.
//!
//! A named pipe would make `open` wait for a writer forever, and a device such as
//! `/dev/zero` never ends; a 3 GB sparse file costs 3 GB. So the file's type and size
//! are looked at before it is opened (the metadata, which never blocks), the file is
//! opened without waiting (`O_NONBLOCK` on Unix, in case it was swapped for a pipe in
//! between), looked at again through the open descriptor, and read up to the cap.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::failure::{Kind, help_label, io_reason};
use crate::i18n::Lang;

/// Files larger than this are refused without being read: a plan of 100,000 tasks is
/// about 25 MB, and a plan document a few megabytes, so anything bigger is the wrong
/// file (or `/dev/zero`).
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The system refused (missing, permissions, a folder…).
    Io(std::io::Error),
    /// A named pipe, a device or a socket: what it is, in both languages.
    NotRegular { vi: &'static str, en: &'static str },
    /// Larger than the cap ([`MAX_BYTES`] unless the reader was given another): the size
    /// when the file said it, and the cap.
    TooLarge(Option<u64>, u64),
    /// The memory to hold the file could not be had.
    NoMemory(u64),
}

impl ReadError {
    /// The reason alone, in `lang`: "no such file or folder", "it is a named pipe (FIFO),
    /// not a regular file"…
    pub fn reason(&self, lang: Lang) -> String {
        let mb = |n: u64| n.div_ceil(1024 * 1024);
        match self {
            ReadError::Io(e) => match e.kind() {
                std::io::ErrorKind::NotFound => crate::say!(lang, ReadNotFound),
                std::io::ErrorKind::PermissionDenied => crate::say!(lang, ReadDenied),
                std::io::ErrorKind::IsADirectory => crate::say!(lang, ReadIsFolder),
                _ => io_reason(e),
            },
            ReadError::NotRegular { vi, en } => crate::say!(lang, ReadNotRegular, what = lang.pick(vi, en)),
            ReadError::TooLarge(size, cap) => match size {
                Some(s) => crate::say!(lang, ReadTooLarge, size = mb(*s), cap = cap / (1024 * 1024)),
                None => crate::say!(lang, ReadTooLargeUnsized, cap = cap / (1024 * 1024)),
            },
            ReadError::NoMemory(size) => crate::say!(lang, ReadNoMemory, size = mb(*size)),
        }
    }

    /// What to do about it, in `lang`.
    pub fn help(&self, lang: Lang) -> String {
        match self {
            ReadError::Io(_) => crate::say!(lang, ReadIoHelp),
            ReadError::NotRegular { .. } => crate::say!(lang, ReadNotRegularHelp),
            ReadError::TooLarge(..) => crate::say!(lang, ReadTooLargeHelp),
            ReadError::NoMemory(_) => crate::say!(lang, ReadNoMemoryHelp),
        }
    }

    /// The first line in `lang`: `cannot read FILE: reason`.
    pub fn headline(&self, lang: Lang, file: &str) -> String {
        let reason = self.reason(lang);
        match self {
            ReadError::NoMemory(_) => crate::say!(lang, NoMemoryFor, file, reason),
            _ => crate::say!(lang, CannotRead, file, reason),
        }
    }

    /// The whole message in `lang`: `cannot read FILE: reason` and a `help:` line.
    pub fn message(&self, lang: Lang, file: &str) -> String {
        format!("{}\n      {}: {}", self.headline(lang, file), help_label(lang), self.help(lang))
    }

    /// The kind of failure: the file could not be read.
    pub fn kind(&self) -> Kind {
        Kind::Read
    }
}

/// What a file's type is, when it is not a regular file or a folder.
fn odd_kind(file_type: std::fs::FileType) -> Option<(&'static str, &'static str)> {
    if file_type.is_file() || file_type.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some(("ống có tên (FIFO)", "a named pipe (FIFO)"));
        }
        if file_type.is_char_device() {
            return Some(("thiết bị ký tự (như /dev/zero)", "a character device (like /dev/zero)"));
        }
        if file_type.is_block_device() {
            return Some(("thiết bị khối (ổ đĩa)", "a block device (a disk)"));
        }
        if file_type.is_socket() {
            return Some(("socket", "a socket"));
        }
    }
    Some(("một tệp đặc biệt", "a special file"))
}

/// The error for a named pipe, a device or a socket, from its metadata (which never
/// blocks); `None` for a regular file or a folder.
pub fn odd_file(meta: &std::fs::Metadata) -> Option<ReadError> {
    odd_kind(meta.file_type()).map(|(vi, en)| ReadError::NotRegular { vi, en })
}

/// Checks metadata: a regular file (a folder is left to `open`/`read`, whose error
/// says so) of at most the cap. Returns its size.
fn check(meta: &std::fs::Metadata, cap: u64) -> Result<u64, ReadError> {
    if let Some(e) = odd_file(meta) {
        return Err(e);
    }
    if meta.is_dir() {
        return Err(ReadError::Io(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
    }
    if meta.len() > cap {
        return Err(ReadError::TooLarge(Some(meta.len()), cap));
    }
    Ok(meta.len())
}

/// Opens `path` for reading without ever waiting on it.
fn open_no_wait(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads the regular file at `path`, of at most [`MAX_BYTES`], whole.
pub fn read_capped(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_capped_to(path, MAX_BYTES)
}

/// Reads the regular file at `path`, of at most `cap` bytes, whole.
pub fn read_capped_to(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    // Links are followed (a plan may be a link); the type is the target's.
    check(&std::fs::metadata(path).map_err(ReadError::Io)?, cap)?;
    let file = open_no_wait(path).map_err(ReadError::Io)?;
    let size = check(&file.metadata().map_err(ReadError::Io)?, cap)?;
    let mut bytes = Vec::new();
    // Room for the whole file at once (and one byte to notice it grew); room that
    // cannot be had is "not enough memory", not a read failure.
    bytes.try_reserve_exact(size as usize + 1).map_err(|_| ReadError::NoMemory(size))?;
    match file.take(cap + 1).read_to_end(&mut bytes) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::OutOfMemory => return Err(ReadError::NoMemory(size)),
        Err(e) => return Err(ReadError::Io(e)),
    }
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge(None, cap));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_small_files_and_refuses_others_by_type_and_size() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        std::fs::write(&p, "x = 1\n").unwrap();
        assert_eq!(read_capped(&p).unwrap(), b"x = 1\n");
        assert!(matches!(read_capped(dir.path()), Err(ReadError::Io(_))));
        assert!(matches!(read_capped(&dir.path().join("none")), Err(ReadError::Io(_))));
        // A sparse file over the cap is refused by its size, before any byte is read.
        let big = dir.path().join("big.toml");
        std::fs::File::create(&big).unwrap().set_len(MAX_BYTES + 1).unwrap();
        assert!(matches!(read_capped(&big), Err(ReadError::TooLarge(Some(_), MAX_BYTES))));
        #[cfg(unix)]
        {
            let e = read_capped(Path::new("/dev/zero")).unwrap_err();
            assert!(matches!(e, ReadError::NotRegular { .. }));
            assert!(e.message(Lang::En, "/dev/zero").starts_with("cannot read /dev/zero: it is a character device"));
            assert!(e.message(Lang::Vi, "/dev/zero").starts_with("không đọc được /dev/zero: đây là thiết bị ký tự"));
        }
    }
}
