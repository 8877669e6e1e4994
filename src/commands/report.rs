//! `par report`: the periodic report, to standard output or to a file written atomically.

use crate::say;
use std::path::{Path, PathBuf};

use crate::cli::{ReportArgs, ReportFormat};
use crate::compute::report::build;
use crate::error::Fail;
use crate::output::{OutputFile, Payload, Written, deliver_saying};
use crate::period::Period;
use crate::render::json;
use crate::render::report::{docx as report_docx, html as report_html, md as report_md, txt as report_txt};
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &ReportArgs) -> anyhow::Result<Outcome> {
    let format = args.format.or_else(|| args.output.as_deref().and_then(format_of)).unwrap_or(ReportFormat::Md);
    if format == ReportFormat::Docx && args.output.is_none() {
        return Err(docx_needs_a_file().into());
    }
    let plan_path = ctx.plan_path()?;
    let loaded = ctx.load_at(&plan_path)?;
    let plan = &loaded.plan;
    let lang = ctx.lang_for(plan);
    // The output is checked before the work: never the plan, never an existing file without --force.
    let output = check_output(args.output.as_deref(), &plan_path, args.force, lang)?;
    let period = requested(args, plan.meta.year)?;
    let report = build(plan, period, ctx.today, lang).map_err(Fail::input)?;
    // Text stays a String to the end: checking a large report's bytes again costs time.
    let rendered = match format {
        ReportFormat::Md => Payload::Text(report_md::render(&report)),
        ReportFormat::Txt => Payload::Text(report_txt::render(&report)),
        ReportFormat::Json => Payload::Text(json::to_json("report", &report)),
        ReportFormat::Docx => Payload::Binary(report_docx::render(&report).map_err(Fail::write)?),
        ReportFormat::Html => Payload::Text(report_html::render(&report)),
    };
    let label = report.period_label.clone();
    // The process ends after this command: what the plan and the report hold is given
    // back with it, not freed piece by piece (tens of thousands of strings in a large plan).
    std::mem::forget((loaded, report));
    // Word without a file was refused above; text without one goes to standard output.
    let written = output.as_ref().map(|file| say!(lang, WroteReport, period = label, file = file.path.display()));
    Ok(deliver_saying(output.as_ref(), rendered, lang, "docx", Written::Line(written.unwrap_or_default()))?)
}

/// The `-o` file of a command that reads the plan at `plan_path`, checked (see [`OutputFile::check`]).
pub fn check_output(
    output: Option<&Path>,
    plan_path: &Path,
    force: bool,
    lang: crate::i18n::Lang,
) -> Result<Option<OutputFile>, Fail> {
    let Some(path) = output else { return Ok(None) };
    let protected = crate::write::plan_files(plan_path);
    let inputs: Vec<&Path> = protected.iter().map(PathBuf::as_path).collect();
    OutputFile::check(path, &inputs, force, lang).map(Some)
}

fn docx_needs_a_file() -> Fail {
    Fail::input(say!(crate::messages::output_lang(), DocxNeedsAFile))
}

/// The format a file name asks for by its extension.
fn format_of(path: &Path) -> Option<ReportFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "md" | "markdown" => ReportFormat::Md,
        "txt" | "text" => ReportFormat::Txt,
        "json" => ReportFormat::Json,
        "docx" => ReportFormat::Docx,
        "html" | "htm" => ReportFormat::Html,
        _ => return None,
    })
}

/// The period the options ask for, `None` for the default; each option takes only its kind.
fn requested(args: &ReportArgs, year: i32) -> Result<Option<Period>, Fail> {
    let lang = crate::messages::output_lang();
    let parse = |flag: &str, s: &str, ok: fn(&Period) -> bool, example: &str| -> Result<Option<Period>, Fail> {
        let p = Period::parse(s, Some(year)).map_err(|reason| Fail::input(say!(lang, BadPeriodFlag, flag, reason)))?;
        if ok(&p) {
            Ok(Some(p))
        } else {
            Err(Fail::input(say!(lang, WrongPeriodKind, flag, typed = crate::text::clean(s.trim()), example)))
        }
    };
    match (&args.quarter, &args.half, &args.year) {
        (Some(q), _, _) => {
            parse("--quarter", q, |p| matches!(p, Period::Quarter(..)), lang.pick("một quý", "a quarter"))
        }
        (_, Some(h), _) => parse("--half", h, |p| matches!(p, Period::Half(..)), lang.pick("nửa năm", "a half year")),
        (_, _, Some(y)) => parse("--year", y, |p| matches!(p, Period::Year(..)), lang.pick("một năm", "a year")),
        _ => Ok(None),
    }
}
