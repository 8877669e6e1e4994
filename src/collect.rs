//! Finding and reading the plan files a rollup covers: the folders walked for `*.toml`,
//! each file read, checked and summarised (one plan at a time per worker, on a few
//! threads), or set aside with the reason why.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::compute::rollup::{Rollup, Scope, SkipKind, Skipped, Summary, summarise};
use crate::i18n::Lang;
use crate::read::ReadError;

/// Something the walk found: a file to read, or a path that could not be read.
#[derive(Debug)]
pub enum Found {
    File(PathBuf),
    /// A Word, PDF or JSON file under a folder: a received report, or a document a unit
    /// sent instead of its plan.
    Document(PathBuf),
    Error(PathBuf, ReadError),
}

/// Documents a unit may send instead of (or as well as) its plan.
fn is_document(path: &Path) -> bool {
    path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
        let x = x.to_ascii_lowercase();
        x == "docx" || x == "pdf" || x == "json"
    })
}

/// The files to read, in a stable order: each argument in turn; inside a folder,
/// entries sorted by name, recursively. Hidden entries (`.git`) are passed over,
/// and symbolic links to folders are not followed (no loops). Files named on the
/// command line are read whatever their extension (if regular files: a pipe or a
/// device named is an error, not read); under folders only `*.toml`.
pub fn walk(paths: &[PathBuf]) -> Vec<Found> {
    let mut out = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Err(e) => out.push(Found::Error(p.clone(), ReadError::Io(e))),
            Ok(m) if m.is_dir() => walk_dir(p, &mut out),
            Ok(m) => match crate::read::odd_file(&m) {
                Some(e) => out.push(Found::Error(p.clone(), e)),
                None => out.push(Found::File(p.clone())),
            },
        }
    }
    if paths.len() > 1 {
        // A file named twice (or inside a folder also named) is read once.
        let mut seen = HashSet::new();
        out.retain(|f| match f {
            Found::File(p) => seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())),
            Found::Error(..) | Found::Document(_) => true,
        });
    }
    out
}

fn walk_dir(dir: &Path, out: &mut Vec<Found>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Found::Error(dir.to_path_buf(), ReadError::Io(e)));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    // Each name fetched once (a key function per comparison would copy it each time).
    entries.sort_by_cached_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        let is_toml = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("toml"));
        match e.file_type() {
            Ok(t) if t.is_dir() => walk_dir(&path, out),
            Ok(t) if t.is_symlink() => {
                // Follow links to files, never to folders; a broken link is reported.
                match std::fs::metadata(&path) {
                    Ok(m) if m.is_file() && is_toml => out.push(Found::File(path)),
                    Ok(_) => {}
                    Err(err) if is_toml => out.push(Found::Error(path, ReadError::Io(err))),
                    Err(_) => {}
                }
            }
            Ok(_) if is_toml => out.push(Found::File(path)),
            Ok(_) if is_document(&path) => out.push(Found::Document(path)),
            Ok(_) => {}
            Err(err) => out.push(Found::Error(path, ReadError::Io(err))),
        }
    }
}

/// What a worker keeps from one file to the next: the buffer a file is read into (a
/// plan of a few kilobytes, ten thousand times: one allocation, not ten thousand), and
/// the roster's identity, so the roster is passed over without a path lookup per file.
struct Reader<'a> {
    buf: Vec<u8>,
    roster: Option<&'a Roster>,
}

/// The roster file a rollup reads as its roster, not as a plan: its canonical path and,
/// on Unix, its device and inode (compared first: equal only for the roster itself or a
/// link to it, so the canonical path is looked up only then).
pub struct Roster {
    canon: PathBuf,
    #[cfg(unix)]
    id: Option<(u64, u64)>,
}

impl Roster {
    pub fn new(path: &Path) -> Roster {
        Roster {
            canon: std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
            #[cfg(unix)]
            id: std::fs::metadata(path).ok().map(|m| file_id(&m)),
        }
    }

    /// Whether `path` is the roster: the same canonical path, as before this was
    /// looked up per file.
    pub fn is(&self, path: &Path) -> bool {
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()) == self.canon
    }

    /// Whether a file with this metadata (links followed) is the roster.
    fn is_file(&self, path: &Path, meta: &std::fs::Metadata) -> bool {
        #[cfg(unix)]
        if let Some(id) = self.id
            && file_id(meta) != id
        {
            return false;
        }
        #[cfg(not(unix))]
        let _ = meta;
        self.is(path)
    }
}

#[cfg(unix)]
fn file_id(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// Opens `path` for reading without ever waiting on it (as [`crate::read`] does).
fn open_no_wait(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// A regular file of at most the reader's cap, by its metadata.
fn plain_file(meta: &std::fs::Metadata) -> bool {
    meta.is_file() && meta.len() <= crate::read::MAX_BYTES
}

/// What the fast path made of a file.
enum Fast {
    /// Read whole into the buffer.
    Read,
    /// The roster: not rolled up.
    Roster,
    /// Anything else (missing, a pipe, too large, changed while read…): left to
    /// [`crate::read::read_capped`], which says why.
    Slow,
}

impl Reader<'_> {
    /// Reads a regular file of at most [`crate::read::MAX_BYTES`] into the buffer, with
    /// the checks of [`crate::read::read_capped`]: the type and size before opening (never
    /// opening a pipe or a device), the file opened without waiting, looked at again
    /// through the descriptor, read up to the cap.
    fn fill(&mut self, path: &Path) -> Fast {
        use std::io::Read as _;
        let Ok(meta) = std::fs::metadata(path) else { return Fast::Slow };
        if let Some(r) = self.roster
            && r.is_file(path, &meta)
        {
            return Fast::Roster;
        }
        if !plain_file(&meta) {
            return Fast::Slow;
        }
        let Ok(file) = open_no_wait(path) else { return Fast::Slow };
        let Ok(meta) = file.metadata() else { return Fast::Slow };
        if !plain_file(&meta) {
            return Fast::Slow;
        }
        self.buf.clear();
        if self.buf.try_reserve(meta.len() as usize + 1).is_err() {
            return Fast::Slow;
        }
        match file.take(crate::read::MAX_BYTES + 1).read_to_end(&mut self.buf) {
            Ok(n) if n as u64 <= crate::read::MAX_BYTES => Fast::Read,
            _ => Fast::Slow,
        }
    }

    /// Reads one file: a summary, or why it is skipped; `None` for the roster.
    fn read_one(
        &mut self,
        path: &Path,
        today: chrono::NaiveDate,
        scope: Scope,
        lang: Lang,
    ) -> Option<Result<Summary, Skipped>> {
        match self.fill(path) {
            Fast::Roster => None,
            Fast::Read => Some(match plain_text(&self.buf) {
                // The text is read where it lies in the buffer: no copy of it.
                Some(text) => parse_one(path, text, today, scope, lang),
                // A byte-order mark, UTF-16, bytes that are not UTF-8: the loader's own
                // decoding says what it makes of them.
                None => decode_and_parse(path, self.buf.clone(), today, scope, lang),
            }),
            Fast::Slow => Some(read_slow(path, today, scope, lang)),
        }
    }
}

/// The bytes as text when [`crate::plan::load::decode`] would take them as they are:
/// UTF-8 without a byte-order mark and nothing it would take for UTF-16 (a zero byte in
/// the first 64 bytes); `None` sends them to the loader.
fn plain_text(bytes: &[u8]) -> Option<&str> {
    if bytes[..bytes.len().min(64)].contains(&0) {
        return None;
    }
    // A byte-order mark (EF BB BF) is valid UTF-8: it is told apart here.
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return None;
    }
    simdutf8::basic::from_utf8(bytes).ok()
}

/// Reads one file through the reader every command uses (the same errors, word for word).
fn read_slow(path: &Path, today: chrono::NaiveDate, scope: Scope, lang: Lang) -> Result<Summary, Skipped> {
    let shown = path.display().to_string();
    // Regular files only, and at most the cap: a pipe named `x.toml` is skipped, not
    // waited on; `/dev/zero` or a 3 GB file is skipped, not read.
    let bytes = crate::read::read_capped(path).map_err(|e| Skipped::unreadable(shown, &e, lang))?;
    decode_and_parse(path, bytes, today, scope, lang)
}

fn decode_and_parse(
    path: &Path,
    bytes: Vec<u8>,
    today: chrono::NaiveDate,
    scope: Scope,
    lang: Lang,
) -> Result<Summary, Skipped> {
    let (text, _bom) = crate::plan::load::decode(path, bytes)
        .map_err(|e| Skipped::refused(path.display().to_string(), SkipKind::Unreadable, e, lang))?;
    parse_one(path, &text, today, scope, lang)
}

/// Parses and summarises a file's text.
fn parse_one(path: &Path, text: &str, today: chrono::NaiveDate, scope: Scope, lang: Lang) -> Result<Summary, Skipped> {
    let shown = path.display().to_string();
    match crate::plan::load::parse(path, text) {
        // As it stood on `today`, as every reading command sees a plan.
        Ok(plan) => Ok(summarise(&plan.as_of(today), &shown, today, scope, lang)),
        Err(e) => {
            // Told apart only on failure, so a good plan is parsed once; text the loader
            // refused as too costly for the parser is not parsed again.
            let not_a_plan = crate::plan::prescan::check(text).is_ok()
                && text.parse::<toml::Table>().is_ok_and(|t| !t.contains_key("plan"));
            Err(if not_a_plan {
                Skipped::not_a_plan(shown, lang)
            } else {
                Skipped::refused(shown, SkipKind::Invalid, e, lang)
            })
        }
    }
}

/// Reads one found entry into the accumulator.
fn read_into(
    reader: &mut Reader,
    rollup: &mut Rollup,
    order: usize,
    found: &Found,
    today: chrono::NaiveDate,
    scope: Scope,
    lang: Lang,
) {
    match found {
        Found::Document(p) => crate::received::read_into(rollup, order, p, today, scope, lang),
        Found::File(p) => match reader.read_one(p, today, scope, lang) {
            Some(Ok(s)) => rollup.add(order, s),
            Some(Err(s)) => rollup.skip(order, s),
            None => {}
        },
        Found::Error(p, why) => rollup.skip(order, Skipped::unreadable(p.display().to_string(), why, lang)),
    }
}

/// Reads everything, on up to `jobs` threads (see [`read_all_but`]).
pub fn read_all(found: &[Found], today: chrono::NaiveDate, scope: Scope, lang: Lang, jobs: usize) -> Rollup {
    read_all_but(found, None, today, scope, lang, jobs)
}

/// Reads everything but the roster, on up to `jobs` threads. Each worker takes the next
/// file from a shared counter (so a worker slowed by a busy machine simply reads fewer
/// files) and holds one plan at a time; the results carry each file's position, so the
/// report is the same whatever the number of threads.
pub fn read_all_but(
    found: &[Found],
    roster: Option<&Roster>,
    today: chrono::NaiveDate,
    scope: Scope,
    lang: Lang,
    jobs: usize,
) -> Rollup {
    use std::sync::atomic::{AtomicUsize, Ordering};
    // Below a few dozen files a thread costs more than it saves.
    let jobs = jobs.clamp(1, found.len().div_ceil(32).max(1));
    let reader = || Reader { buf: Vec::new(), roster };
    if jobs == 1 {
        let (mut r, mut reader) = (Rollup::new(), reader());
        for (i, f) in found.iter().enumerate() {
            read_into(&mut reader, &mut r, i, f, today, scope, lang);
        }
        return r;
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|threads| {
        let handles: Vec<_> = (0..jobs)
            .map(|_| {
                threads.spawn(|| {
                    let (mut r, mut reader) = (Rollup::new(), reader());
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(f) = found.get(i) else { break r };
                        read_into(&mut reader, &mut r, i, f, today, scope, lang);
                    }
                })
            })
            .collect();
        let mut all = Rollup::new();
        for h in handles {
            // A worker only panics on a bug; let it surface as one.
            all.merge(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        all
    })
}

/// A plan file read and checked, for a command that needs the plan itself after the
/// roll-up chose it (`par export DIR`); `None` when it cannot be read now.
pub fn load_plan(path: &Path) -> Option<crate::plan::Plan> {
    let bytes = crate::read::read_capped(path).ok()?;
    let (text, _bom) = crate::plan::load::decode(path, bytes).ok()?;
    crate::plan::load::parse(path, &text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2025, 10, 10).unwrap()
    }

    const SCOPE: Scope = Scope { year: 2025, period: None };

    fn plan(unit: &str) -> String {
        format!(
            "[plan]\nunit = \"{unit}\"\ntitle = \"T\"\nyear = 2025\n[[owner]]\nid = \"ht\"\nname = \"H\"\n\
             [[section]]\nid = \"II\"\ntitle = \"S\"\n[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"x\"\n\
             owner = \"ht\"\ndue = 2025-06-01\n"
        )
    }

    #[test]
    fn text_is_taken_in_place_only_when_the_loader_would_take_it_as_it_is() {
        assert_eq!(plain_text(b"[plan]\nunit = \"Tr\xc6\xb0\xe1\xbb\x9dng\"\n"), Some("[plan]\nunit = \"Trường\"\n"));
        assert_eq!(plain_text(b""), Some(""));
        assert_eq!(plain_text(b"\xEF\xBB\xBF[plan]\n"), None, "a byte-order mark goes to the loader");
        assert_eq!(plain_text(b"[\0p\0l\0a\0n\0]\0"), None, "UTF-16 goes to the loader");
        assert_eq!(plain_text(b"a = \"\xFF\"\n"), None, "not UTF-8 goes to the loader");
    }

    /// The fast reader and the loader's decoding agree, whatever the bytes: the same
    /// units, the same files skipped with the same words, on one thread or three; the
    /// roster (and a link to it) is passed over, a hard link to it is read (as before,
    /// when the roster was compared by its canonical path).
    #[test]
    fn the_same_rollup_from_every_kind_of_file() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("units.toml"), "[[unit]]\ncode = \"A\"\nname = \"Trường A\"\n").unwrap();
        std::fs::write(d.join("a.toml"), plan("Trường A")).unwrap();
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(plan("Trường B").bytes());
        std::fs::write(d.join("b-bom.toml"), bom).unwrap();
        let utf16: Vec<u8> = plan("C").encode_utf16().flat_map(u16::to_le_bytes).collect();
        std::fs::write(d.join("c-utf16.toml"), [&[0xFF, 0xFE][..], &utf16].concat()).unwrap();
        std::fs::write(d.join("d-latin1.toml"), b"[plan]\nunit = \"Tr\xF4\"\n").unwrap();
        std::fs::write(d.join("e-broken.toml"), "[plan]\nunit = \n").unwrap();
        std::fs::write(d.join("f-other.toml"), "name = \"x\"\n").unwrap();
        std::fs::write(d.join("g-empty.toml"), "").unwrap();
        std::fs::hard_link(d.join("units.toml"), d.join("h-hard.toml")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(d.join("units.toml"), d.join("i-link.toml")).unwrap();
        for i in 0..40 {
            std::fs::write(d.join(format!("z{i:02}.toml")), plan(&format!("Trường Z{i}"))).unwrap();
        }
        let found = walk(&[d.to_path_buf()]);
        let roster = Roster::new(&d.join("units.toml"));
        let run = |jobs| {
            let r = read_all_but(&found, Some(&roster), today(), SCOPE, Lang::En, jobs).finish(today(), SCOPE, None);
            let units: Vec<String> = r.units.iter().map(|u| u.path.clone()).collect();
            let skipped: Vec<(String, String, String)> =
                r.skipped.iter().map(|s| (s.path.clone(), s.reason.clone(), s.detail.clone())).collect();
            (units, skipped)
        };
        let (units, skipped) = run(1);
        assert_eq!(run(3), (units.clone(), skipped.clone()), "the same on three threads");
        let name = |p: &str| Path::new(p).file_name().unwrap().to_string_lossy().into_owned();
        let mut units: Vec<String> = units.iter().map(|p| name(p)).collect();
        units.sort();
        assert_eq!(units.len(), 42, "{units:?}");
        assert_eq!(&units[..3], ["a.toml", "b-bom.toml", "z00.toml"].map(String::from));
        let skipped: Vec<String> = skipped.iter().map(|(p, _, _)| name(p)).collect();
        assert_eq!(
            skipped,
            ["c-utf16.toml", "d-latin1.toml", "e-broken.toml", "f-other.toml", "g-empty.toml", "h-hard.toml"]
        );
        // Each skipped file's words are the loader's own.
        for f in ["c-utf16.toml", "d-latin1.toml", "e-broken.toml"] {
            let p = d.join(f);
            let expected = crate::plan::load::load(&p).err().unwrap();
            let got = read_slow(&p, today(), SCOPE, Lang::En).err().unwrap();
            assert_eq!(got.detail, expected.rendered, "{f}");
        }
    }
}
