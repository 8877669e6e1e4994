//! `par rollup PATH...`: finds plan files, summarises each (loading, summarising
//! and dropping one plan at a time per worker), and renders the district view.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::cli::{RollupArgs, RollupFormat};
use crate::compute::rollup::{Rollup, SkipKind, Skipped, summarise};
use crate::error::{Fail, code};
use crate::i18n::Lang;
use crate::output::{OutputFile, Payload, deliver};
use crate::read::ReadError;
use crate::render::{Style, json};
use crate::{Context, Outcome};

/// Something the walk found: a file to read, or a path that could not be read.
#[derive(Debug)]
pub enum Found {
    File(PathBuf),
    Error(PathBuf, ReadError),
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
            Found::Error(..) => true,
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
            Ok(_) => {}
            Err(err) => out.push(Found::Error(path, ReadError::Io(err))),
        }
    }
}

/// The one-line reason of a rendered plan error: its first line without the
/// `error: ` and the path (shown in its own column); for several problems, the count and the first.
fn reason(rendered: &str, shown: &str) -> String {
    let strip = |l: &str| -> String {
        let l = l.trim().trim_start_matches("- ").trim_start_matches("error: ");
        l.strip_prefix(shown).map(|r| r.trim_start_matches(':').trim()).unwrap_or(l).to_string()
    };
    let mut lines = rendered.lines();
    let first = lines.next().map(strip).unwrap_or_default();
    if first.ends_with("problems:") {
        let count = first.split_whitespace().rev().nth(1).unwrap_or("several");
        let next = lines.find(|l| l.trim_start().starts_with("- ")).map(strip).unwrap_or_default();
        return format!("{count} problems; first: {next}");
    }
    first
}

/// Reads one file: a summary, or why it is skipped.
fn read_one(path: &Path, today: chrono::NaiveDate, lang: Lang) -> Result<crate::compute::rollup::Summary, Skipped> {
    let shown = path.display().to_string();
    let skipped = |kind, reason: String, detail: String| Skipped { path: shown.clone(), kind, reason, detail };
    // Regular files only, and at most the cap: a pipe named `x.toml` is skipped, not
    // waited on; `/dev/zero` or a 3 GB file is skipped, not read.
    let bytes = crate::read::read_capped(path)
        .map_err(|e| skipped(SkipKind::Unreadable, e.reason(Lang::En), e.message(lang, &shown)))?;
    let (text, _bom) = crate::plan::load::decode(path, bytes)
        .map_err(|e| skipped(SkipKind::Unreadable, reason(&e.rendered, &shown), e.rendered.clone()))?;
    match crate::plan::load::parse(path, &text) {
        Ok(plan) => Ok(summarise(&plan, &shown, today, lang)),
        Err(e) => {
            // Told apart only on failure, so a good plan is parsed once; text the loader
            // refused as too costly for the parser is not parsed again.
            let not_a_plan = crate::plan::prescan::check(&text).is_ok()
                && text.parse::<toml::Table>().is_ok_and(|t| !t.contains_key("plan"));
            Err(if not_a_plan {
                skipped(
                    SkipKind::NotAPlan,
                    "no [plan] table".into(),
                    format!("{shown} is TOML but not a plan: it has no [plan] table"),
                )
            } else {
                skipped(SkipKind::Invalid, reason(&e.rendered, &shown), e.rendered)
            })
        }
    }
}

/// Reads one found entry into the accumulator.
fn read_into(r: &mut Rollup, order: usize, f: &Found, today: chrono::NaiveDate, lang: Lang) {
    match f {
        Found::File(p) => match read_one(p, today, lang) {
            Ok(s) => r.add(order, s),
            Err(s) => r.skip(order, s),
        },
        Found::Error(p, why) => {
            let shown = p.display().to_string();
            r.skip(
                order,
                Skipped {
                    path: shown.clone(),
                    kind: SkipKind::Unreadable,
                    reason: why.reason(Lang::En),
                    detail: why.message(lang, &shown),
                },
            )
        }
    }
}

/// Reads everything, on up to `jobs` threads. Each worker takes the next file
/// from a shared counter (so a worker slowed by a busy machine simply reads
/// fewer files) and holds one plan at a time; the results carry each file's
/// position, so the report is the same whatever the number of threads.
pub fn read_all(found: &[Found], today: chrono::NaiveDate, lang: Lang, jobs: usize) -> Rollup {
    use std::sync::atomic::{AtomicUsize, Ordering};
    // Below a few dozen files a thread costs more than it saves.
    let jobs = jobs.clamp(1, found.len().div_ceil(32).max(1));
    if jobs == 1 {
        let mut r = Rollup::new();
        for (i, f) in found.iter().enumerate() {
            read_into(&mut r, i, f, today, lang);
        }
        return r;
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut r = Rollup::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(f) = found.get(i) else { break r };
                        read_into(&mut r, i, f, today, lang);
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

pub fn run(ctx: &Context, args: &RollupArgs) -> anyhow::Result<Outcome> {
    let lang = ctx.lang.unwrap_or_default();
    let found = walk(&args.paths);
    if !found.iter().any(|f| matches!(f, Found::File(_))) {
        // Nothing to read: a path that could not be read is exit 3 (as for any command);
        // folders without plan files are bad input, 2.
        if let Some(Found::Error(p, why)) = found.first() {
            return Err(Fail::io(why.message(lang, &crate::text::clean(&p.display().to_string()))).into());
        }
        let shown: Vec<String> =
            args.paths.iter().map(|p| crate::text::clean(&p.display().to_string()).into_owned()).collect();
        return Err(Fail::input(format!(
            "no plan files (*.toml) in {}\n      help: give the folder holding the units' plan files, or the files themselves",
            shown.join(", ")
        ))
        .into());
    }
    // The output is checked before any work: never one of the files rolled up, never an
    // existing file without --force.
    let inputs: Vec<&Path> = found
        .iter()
        .filter_map(|f| match f {
            Found::File(p) => Some(p.as_path()),
            Found::Error(..) => None,
        })
        .collect();
    let output = args.output.as_deref().map(|p| OutputFile::check(p, &inputs, args.force, lang)).transpose()?;
    let jobs = args.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), |n| n.get());
    let report = read_all(&found, ctx.today, lang, jobs).finish(ctx.today);

    let to_terminal_table = args.format == RollupFormat::Table && args.output.is_none();
    if !to_terminal_table {
        // The report itself shows these on a terminal; elsewhere, say them on stderr.
        for d in &report.duplicates {
            eprintln!(
                "warning: {} `{}`: {}",
                lang.pick("đơn vị có trong nhiều tệp", "unit claimed by several files"),
                crate::text::one_line(&d.unit),
                d.paths.iter().map(|p| crate::text::one_line(p)).collect::<Vec<_>>().join(", ")
            );
        }
    }
    for s in &report.skipped {
        // The full reason (every problem with its line) goes to stderr; the report has one line each.
        if to_terminal_table {
            continue;
        }
        eprintln!(
            "warning: {} {}: {}",
            lang.pick("bỏ qua", "skipped"),
            crate::text::one_line(&s.path),
            s.kind.label(lang)
        );
        for line in s.detail.lines() {
            eprintln!("  {}", crate::text::clean(line));
        }
    }

    let text = match args.format {
        RollupFormat::Table => {
            let style =
                if args.output.is_some() { Style { lang, color: false, width: None } } else { Style::new(ctx, lang) };
            crate::render::rollup::table::render(&report, &style)
        }
        RollupFormat::Json => json::to_json("rollup", &report),
        RollupFormat::Csv => crate::render::rollup::csv::render(&report, lang),
        RollupFormat::Md => crate::render::rollup::md::render(&report, lang),
        RollupFormat::Html => crate::render::rollup::html::render(&report, lang),
    };
    let mut outcome = deliver(output.as_ref(), Payload::Text(text), lang, "rollup")?;
    if !report.skipped.is_empty() {
        outcome.code = code::FINDINGS;
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_one_line() {
        let one = "error: d/a.toml:3:1: unknown key `titel`\n  |\n3 | titel = 1\n  | ^^^^^\n      help: did you mean `title`?\n";
        assert_eq!(reason(one, "d/a.toml"), "3:1: unknown key `titel`");
        let many = "error: d/a.toml has 2 problems:\n  - d/a.toml:4:7: unknown owner `x`\n  |\n  - d/a.toml:9:1: bad\n";
        assert_eq!(reason(many, "d/a.toml"), "2 problems; first: 4:7: unknown owner `x`");
    }
}
