//! `par rollup PATH...`: the office's view of the plan files (and received reports)
//! found (see [`crate::collect`]), against its roster when there is one.

use std::path::{Path, PathBuf};

use crate::cli::{RollupArgs, RollupFormat, RollupSheet};
use crate::collect::{Found, Roster as RosterFile, read_all_but, walk};
use crate::compute::rollup::{RollupReport, Scope};
use crate::compute::roster::Roster;
use crate::error::{Fail, code};
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::output::{OutputFile, Payload, deliver};
use crate::render::{Style, json};
use crate::{Context, Outcome, say};

/// The name of the roster a folder holds.
pub const ROSTER_FILE: &str = "units.toml";

pub fn run(ctx: &Context, args: &RollupArgs) -> anyhow::Result<Outcome> {
    let lang = ctx.lang.unwrap_or_default();
    refuse_plan_file(ctx, lang)?;
    let scope = scope(ctx, args, lang)?;
    let roster_path = roster_path(&args.paths, args.roster.as_ref());
    // A roster of 10,000 units takes tens of milliseconds to read: on its own thread,
    // while the folders are walked and the plans read. Its errors still come first.
    let pending = roster_path.clone().map(|p| std::thread::spawn(move || read_roster(&p, lang)));
    let joined = |pending: Option<std::thread::JoinHandle<Result<Roster, Fail>>>| -> Result<Option<Roster>, Fail> {
        // The reading thread only panics on a bug; let it surface as one.
        pending.map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).transpose()
    };
    let found = walk(&args.paths);
    // The roster is read as a roster, not rolled up as a plan: the readers pass it over
    // (a path lookup per file cost 10,000 of them at 10,000 plans).
    let roster_file = roster_path.as_deref().map(RosterFile::new);
    let output = match check_inputs(args, &found, roster_path.as_deref(), roster_file.as_ref(), lang) {
        Ok(output) => output,
        Err(e) => {
            joined(pending)?;
            return Err(e.into());
        }
    };
    let jobs = args.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), |n| n.get());
    let read = read_all_but(&found, roster_file.as_ref(), ctx.today, scope, lang, jobs);
    let roster = joined(pending)?;
    let report = read.finish(ctx.today, scope, roster.as_ref());

    let to_terminal_table = args.format == RollupFormat::Table && args.output.is_none();
    if !to_terminal_table {
        warn(&report, lang);
    }
    let payload = if args.report {
        let office = roster.as_ref().map(|r| r.office.clone()).unwrap_or_default();
        match args.format {
            RollupFormat::Docx => Payload::Binary(
                crate::render::rollup::office::docx(&report, &office, ctx.today, lang).map_err(Fail::write)?,
            ),
            RollupFormat::Json => Payload::Text(json::to_json(
                "rollup-report",
                &crate::render::rollup::office::data(&report, &office, ctx.today, lang),
            )),
            // Markdown, also for the default format: the report is a document, not a table.
            _ => Payload::Text(crate::render::rollup::office::markdown(&report, &office, ctx.today, lang)),
        }
    } else {
        Payload::Text(render(ctx, args, &report, lang))
    };
    let mut outcome = deliver(output.as_ref(), payload, lang, "rollup")?;
    if !report.skipped.is_empty() {
        outcome.code = code::FINDINGS;
    }
    // The command ends here and the process with it: the report's hundreds of thousands
    // of strings, made on the reading threads, are left to the system rather than freed
    // one by one (a tenth of the run at 10,000 plans).
    std::mem::forget(report);
    Ok(outcome)
}

/// What is checked before any plan is read: something to read, a format the command can
/// give, an output that is neither one of the files read nor an existing file (without
/// `--force`). Returns the output to write, if any.
fn check_inputs(
    args: &RollupArgs,
    found: &[Found],
    roster_path: Option<&Path>,
    roster_file: Option<&RosterFile>,
    lang: Lang,
) -> Result<Option<OutputFile>, Fail> {
    let plan_file = |p: &PathBuf| roster_file.is_none_or(|r| !r.is(p));
    if !found.iter().any(|f| matches!(f, Found::Document(_)) || matches!(f, Found::File(p) if plan_file(p))) {
        // Nothing to read: a path that could not be read is exit 3 (as for any command);
        // folders without plan files are bad input, 2.
        if let Some(Found::Error(p, why)) = found.iter().find(|f| !matches!(f, Found::File(p) if !plan_file(p))) {
            let shown = crate::text::clean(&p.display().to_string()).into_owned();
            return Err(Fail::new(why.kind(), why.headline(lang, &shown)).help_in(lang, why.help(lang)));
        }
        let shown: Vec<String> =
            args.paths.iter().map(|p| crate::text::clean(&p.display().to_string()).into_owned()).collect();
        return Err(
            Fail::input(say!(lang, NoPlanFilesIn, paths = shown.join(", "))).help(say!(lang, NoPlanFilesInHelp))
        );
    }
    if args.report
        && !matches!(args.format, RollupFormat::Table | RollupFormat::Md | RollupFormat::Docx | RollupFormat::Json)
    {
        return Err(Fail::input(say!(lang, RollupReportFormats)).help(say!(lang, RollupReportFormatsHelp)));
    }
    if args.format == RollupFormat::Docx && (!args.report || args.output.is_none()) {
        return Err(Fail::input(say!(lang, RollupDocxNeedsReport)).help(say!(lang, RollupDocxNeedsReportHelp)));
    }
    // The output is checked before any work: never one of the files rolled up, never an
    // existing file without --force.
    let mut inputs: Vec<&Path> = found
        .iter()
        .filter_map(|f| match f {
            Found::File(p) | Found::Document(p) => Some(p.as_path()),
            Found::Error(..) => None,
        })
        .collect();
    if let Some(r) = roster_path {
        inputs.push(r);
    }
    args.output.as_deref().map(|p| OutputFile::check(p, &inputs, args.force, lang)).transpose()
}

fn render(ctx: &Context, args: &RollupArgs, report: &RollupReport, lang: Lang) -> String {
    match args.format {
        RollupFormat::Table => {
            let style = if args.output.is_some() {
                Style { lang, color: false, width: None }
            } else {
                Style::new(lang, ctx.color, ctx.width)
            };
            crate::render::rollup::table::render(report, &style, args.all)
        }
        RollupFormat::Json => json::to_json("rollup", report),
        RollupFormat::Csv => match args.sheet {
            RollupSheet::Units => crate::render::rollup::csv::render(report, lang),
            RollupSheet::Overdue => crate::render::rollup::csv::overdue(report, lang),
            RollupSheet::Criteria => crate::render::rollup::csv::criteria(report, lang),
        },
        RollupFormat::Md => crate::render::rollup::md::render(report, lang, args.all),
        RollupFormat::Html | RollupFormat::Docx => crate::render::rollup::html::render(report, lang, args.all),
    }
}

/// `-f` names one plan; a rollup reads folders. Given on the command line (not from
/// `PAR_FILE`, which names the user's own plan), it is an error that says what to do.
fn refuse_plan_file(ctx: &Context, lang: Lang) -> Result<(), Fail> {
    let Some(file) = &ctx.file else { return Ok(()) };
    if std::env::var_os("PAR_FILE").is_some_and(|v| Path::new(&v) == file) {
        return Ok(());
    }
    let shown = crate::text::clean(&file.display().to_string()).into_owned();
    Err(Fail::input(say!(lang, RollupNoFileOption, file = shown)).help(say!(
        lang,
        RollupNoFileOptionHelp,
        file = shown
    )))
}

fn scope(ctx: &Context, args: &RollupArgs, lang: Lang) -> Result<Scope, Fail> {
    use chrono::Datelike;
    let year = args.year.unwrap_or_else(|| ctx.today.year());
    let period =
        args.quarter.as_deref().map(|q| crate::period::Period::parse(q, Some(year))).transpose().map_err(|e| {
            Fail::input(say!(lang, BadPeriodFlag, flag = "--quarter", reason = e)).help(say!(lang, RollupQuarterHelp))
        })?;
    Ok(Scope { year, period })
}

/// The roster's path: `--roster FILE`, else `units.toml` in the first folder given, if there.
pub fn roster_path(paths: &[PathBuf], explicit: Option<&PathBuf>) -> Option<PathBuf> {
    match explicit {
        Some(p) => Some(p.clone()),
        None => paths.iter().find(|p| p.is_dir()).map(|d| d.join(ROSTER_FILE)).filter(|p| p.exists()),
    }
}

/// Reads and checks the roster at `path`.
pub fn read_roster(path: &Path, lang: Lang) -> Result<Roster, Fail> {
    let shown = crate::text::clean(&path.display().to_string()).into_owned();
    let bytes = crate::read::read_capped(path)
        .map_err(|e| Fail::new(e.kind(), e.headline(lang, &shown)).help_in(lang, e.help(lang)))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Fail::read(say!(lang, RosterNotUtf8, file = shown)).help(say!(lang, RosterNotUtf8Help)))?;
    Roster::parse(&text, &shown).map_err(|e| Fail::input(e.message(lang)).help_in(lang, e.help(lang)))
}

/// The roster and its path: `--roster FILE`, else `units.toml` in the first folder given, if there.
pub fn load_roster(
    paths: &[PathBuf],
    explicit: Option<&PathBuf>,
    lang: Lang,
) -> Result<(Option<Roster>, Option<PathBuf>), Fail> {
    let Some(path) = roster_path(paths, explicit) else { return Ok((None, None)) };
    Ok((Some(read_roster(&path, lang)?), Some(path)))
}

/// What the report shows on a terminal goes to stderr for the other formats.
fn warn(report: &RollupReport, lang: Lang) {
    for line in crate::render::rollup::warning_lines(report, lang) {
        eprintln!("{}: {}", Msg::LabelWarning.text(lang), line);
    }
    for s in &report.skipped {
        // The full reason (every problem with its line) goes to stderr; the report has one line each.
        let (file, why) = (crate::text::one_line(&s.path), s.kind.label(lang));
        eprintln!("{}: {}", Msg::LabelWarning.text(lang), say!(lang, RollupSkipped, file, why));
        for line in s.detail.lines() {
            eprintln!("  {}", crate::text::clean(line));
        }
    }
}
