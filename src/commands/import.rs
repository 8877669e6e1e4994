//! `par import FILE [-o plan.toml] [--force]`: drafts a plan.toml from a plan document.

use crate::say;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::ImportArgs;
use crate::error::Fail;
use crate::i18n::Lang;
use crate::import::{Format, import_owned_on};
use crate::output::OutputFile;
use crate::render::Style;
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &ImportArgs) -> anyhow::Result<Outcome> {
    let lang = ctx.lang.unwrap_or_default();
    let input = &args.file;
    let name = input.display().to_string();
    let output = args.output.as_ref().map(|o| if o.is_relative() { ctx.cwd.join(o) } else { o.clone() });
    // Refuse before any work: a failing command changes nothing.
    let document = absolute(ctx, input);
    let output_file =
        output.as_deref().map(|out| OutputFile::check(out, &[&document], args.force, lang)).transpose()?;
    // A regular file of at most 32 MB (a plan document is a few): a pipe is refused, not
    // waited on; `/dev/zero` or a huge file is refused, not read.
    let bytes = crate::read::read_capped_to(&document, crate::import::MAX_INPUT)
        .map_err(|e| Fail::new(e.kind(), e.headline(lang, &name)).help_in(lang, e.help(lang)))?;
    let file_name = input.file_name().map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    // Given its bytes, the import frees them (and the paragraphs) as soon as they are read.
    let imported = import_owned_on(bytes, &file_name, ctx.today, args.explain).map_err(|e| {
        let fail = Fail::new(e.kind(), e.message(lang, &name));
        match e.help(lang) {
            Some(help) => fail.help_in(lang, help),
            None => fail,
        }
    })?;
    // What the report needs of the draft; then it is freed (below) before the draft is loaded.
    let format = imported.format;
    let d = &imported.draft;
    let counts = (d.bases.len(), d.sections.len(), d.tasks.len(), d.owners.len());
    let explanation = args.explain.then(|| crate::import::explain(d, lang, format == Format::Docx));
    let toml = imported.toml;
    // The draft has served: its memory goes back before the draft is loaded. Freed on another
    // thread alongside the load, a large draft's memory (160 MB at the cap) was still held
    // while the loaded plan took its own: the readers that made most of its strings have
    // ended, and mimalloc returns the memory of ended threads only when a living one collects
    // it. Collected before the writer starts: a thread that starts takes such memory for its
    // own, and then it is no longer returned.
    drop(imported.draft);
    if counts.2 >= FREE_APART {
        crate::alloc::return_freed_memory_now();
    }

    // The draft must load as the plan it claims to be; checked before anything is in place.
    // A large draft is written meanwhile (on another thread) into a temporary file beside
    // the output, and put in place by that thread as soon as the draft is known to load,
    // while this one runs the lint (replacing a large file takes the file system tens of
    // milliseconds); if the draft does not load, the temporary file is removed.
    let check_path = output.clone().unwrap_or_else(|| PathBuf::from("plan.toml"));
    let text = toml.as_bytes();
    let (loads, told) = std::sync::mpsc::sync_channel::<bool>(1);
    let (loaded, violations, written) = std::thread::scope(|s| {
        let writing = output_file.as_ref().filter(|_| counts.2 >= FREE_APART).map(|out| {
            s.spawn(move || {
                let staged = out.stage(text, lang)?;
                // Dropped uncommitted (the draft does not load), it leaves nothing behind.
                match told.recv() {
                    Ok(true) => staged.commit(lang),
                    _ => Ok(()),
                }
            })
        });
        let loaded = crate::plan::load::parse(&check_path, &toml);
        // (A writer that failed already is no longer listening.)
        let _ = loads.send(loaded.is_ok());
        let violations = loaded.as_ref().map(|plan| crate::compute::check::check(plan, lang)).unwrap_or_default();
        let written = writing.map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        (loaded, violations, written)
    });
    let plan = loaded.map_err(|e| Fail::input(format!("{}\n{}", say!(lang, ImportDraftDoesNotLoad), e.rendered)))?;

    let kind = match format {
        Format::Docx => "Word .docx",
        Format::Pdf => "PDF",
        Format::Xlsx => "Excel .xlsx",
        Format::Markdown => "Markdown",
        Format::Text => lang.pick("văn bản thường", "plain text"),
    };
    let (bases, sections, tasks, owners) = counts;
    let mut report = match lang {
        Lang::Vi => format!(
            "Đã đọc {name} ({kind}): {bases} căn cứ, {sections} phần, {tasks} nhiệm vụ, {owners} người/bộ phận chủ trì.\n"
        ),
        Lang::En => {
            format!("Read {name} ({kind}): {bases} legal bases, {sections} sections, {tasks} tasks, {owners} owners.\n")
        }
    };
    // Counted by memchr's searcher: `str::matches` over the whole draft was 1.3 % of a large import.
    let checks = memchr::memmem::find_iter(toml.as_bytes(), "# KIỂM TRA / CHECK").count();
    if checks > 0 {
        report.push_str(&match lang {
            Lang::Vi => format!("{checks} chỗ đánh dấu \"# KIỂM TRA\" trong tệp cần đối chiếu với văn bản gốc.\n"),
            Lang::En => format!(
                "{checks} places marked \"# KIỂM TRA / CHECK\" in the file need checking against the document.\n"
            ),
        });
    }
    let style = Style { lang, color: output.is_some() && ctx.color, width: ctx.width };
    // The same lint as `par check`, so the officer sees exactly what that command will ask for;
    // its first rows only (a table of 16,000 rows took a fifth of a large import's time).
    let lint = format!(
        "{}\n{}",
        style.heading(lang.pick("Kiểm tra \"5 rõ\" (như par check):", "The \"5 rõ\" check (as par check):")),
        crate::render::check::render_first(&violations, plan.tasks.len(), LINT_ROWS, &style)
    );
    // The loaded draft has served: a large one is freed on another thread while the report
    // is printed (if the process ends first, the system takes the memory back at once).
    if counts.2 >= FREE_APART {
        let _ = std::thread::Builder::new().spawn(move || drop((plan, violations)));
    }

    match &output_file {
        Some(out) => {
            match written {
                Some(written) => written?,
                None => out.write(toml.as_bytes(), lang)?,
            }
            let shown = args.output.as_ref().map_or(out.path.display().to_string(), |o| o.display().to_string());
            report.push_str(&match lang {
                Lang::Vi => format!("Đã ghi {shown}. Xem tiến độ: par -f {shown} status\n\n"),
                Lang::En => format!("Wrote {shown}. See progress: par -f {shown} status\n\n"),
            });
            report.push_str(&lint);
            if let Some(e) = explanation {
                report.push('\n');
                report.push_str(&e);
            }
            Ok(Outcome::ok(report))
        }
        None => {
            // The plan goes to standard output (to redirect or pipe); the report to standard error.
            // Asked to explain, the explanation goes there instead of the draft.
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "{report}\n{lint}");
            Ok(Outcome::ok(explanation.unwrap_or(toml)))
        }
    }
}

/// From this many tasks a draft is written on another thread, and the memory it freed is
/// returned before it is loaded back.
const FREE_APART: usize = 2_000;

/// Rows of the lint table printed after an import; `par check` shows them all.
const LINT_ROWS: usize = 50;

fn absolute(ctx: &Context, path: &Path) -> PathBuf {
    if path.is_relative() { ctx.cwd.join(path) } else { path.to_path_buf() }
}
