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
    entries.sort_by_key(|e| e.file_name());
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

/// Reads one file: a summary, or why it is skipped.
fn read_one(path: &Path, today: chrono::NaiveDate, scope: Scope, lang: Lang) -> Result<Summary, Skipped> {
    let shown = path.display().to_string();
    // Regular files only, and at most the cap: a pipe named `x.toml` is skipped, not
    // waited on; `/dev/zero` or a 3 GB file is skipped, not read.
    let bytes = crate::read::read_capped(path).map_err(|e| Skipped::unreadable(shown.clone(), &e, lang))?;
    let (text, _bom) = crate::plan::load::decode(path, bytes)
        .map_err(|e| Skipped::refused(shown.clone(), SkipKind::Unreadable, e, lang))?;
    match crate::plan::load::parse(path, &text) {
        // As it stood on `today`, as every reading command sees a plan.
        Ok(plan) => Ok(summarise(&plan.as_of(today), &shown, today, scope, lang)),
        Err(e) => {
            // Told apart only on failure, so a good plan is parsed once; text the loader
            // refused as too costly for the parser is not parsed again.
            let not_a_plan = crate::plan::prescan::check(&text).is_ok()
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
fn read_into(rollup: &mut Rollup, order: usize, found: &Found, today: chrono::NaiveDate, scope: Scope, lang: Lang) {
    match found {
        Found::Document(p) => crate::received::read_into(rollup, order, p, today, scope, lang),
        Found::File(p) => match read_one(p, today, scope, lang) {
            Ok(s) => rollup.add(order, s),
            Err(s) => rollup.skip(order, s),
        },
        Found::Error(p, why) => rollup.skip(order, Skipped::unreadable(p.display().to_string(), why, lang)),
    }
}

/// Reads everything, on up to `jobs` threads. Each worker takes the next file
/// from a shared counter (so a worker slowed by a busy machine simply reads
/// fewer files) and holds one plan at a time; the results carry each file's
/// position, so the report is the same whatever the number of threads.
pub fn read_all(found: &[Found], today: chrono::NaiveDate, scope: Scope, lang: Lang, jobs: usize) -> Rollup {
    use std::sync::atomic::{AtomicUsize, Ordering};
    // Below a few dozen files a thread costs more than it saves.
    let jobs = jobs.clamp(1, found.len().div_ceil(32).max(1));
    if jobs == 1 {
        let mut r = Rollup::new();
        for (i, f) in found.iter().enumerate() {
            read_into(&mut r, i, f, today, scope, lang);
        }
        return r;
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|threads| {
        let handles: Vec<_> = (0..jobs)
            .map(|_| {
                threads.spawn(|| {
                    let mut r = Rollup::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(f) = found.get(i) else { break r };
                        read_into(&mut r, i, f, today, scope, lang);
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
