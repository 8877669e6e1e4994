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
    if args.r#final {
        return super::sent::final_report(ctx, args);
    }
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
    // No period asked: the latest closed one not yet sent (see compute::sent).
    let period =
        requested(args, plan.meta.year)?.unwrap_or_else(|| crate::compute::sent::period_to_write(plan, ctx.today));
    let report = build(plan, Some(period), ctx.today, lang).map_err(Fail::input)?;
    warn_unwritten(&report);
    // On a terminal narrower than the page, text is laid out at its width; a file keeps the page.
    let rendered = match (format, ctx.width) {
        (ReportFormat::Txt, Some(w)) if output.is_none() && (w as usize) < report_txt::WIDTH => {
            Payload::Text(report_txt::render_at(&report, w as usize))
        }
        _ => payload(&report, format)?,
    };
    // A sent period: where its copy is, and whether it still renders the same.
    if let Some(note) = super::sent::note(plan, &plan_path, period, lang) {
        eprint!("{note}");
    }
    let label = report.period_label.clone();
    // The process ends after this command: what the plan and the report hold is given
    // back with it, not freed piece by piece (tens of thousands of strings in a large plan).
    std::mem::forget((loaded, report));
    // Word without a file was refused above; text without one goes to standard output.
    let written = output.as_ref().map(|file| say!(lang, WroteReport, period = label, file = file.path.display()));
    Ok(deliver_saying(output.as_ref(), rendered, lang, "docx", Written::Line(written.unwrap_or_default()))?)
}

/// The report in `format`. Text stays a String to the end: checking a large report's
/// bytes again costs time.
fn payload(report: &crate::compute::report::Report, format: ReportFormat) -> Result<Payload, Fail> {
    Ok(match format {
        ReportFormat::Md => Payload::Text(report_md::render(report)),
        ReportFormat::Txt => Payload::Text(report_txt::render(report)),
        ReportFormat::Json => Payload::Text(json::to_json("report", report)),
        ReportFormat::Docx => Payload::Binary(report_docx::render(report).map_err(Fail::write)?),
        ReportFormat::Html => Payload::Text(report_html::render(report)),
    })
}

/// The report's bytes in `format`: the same bytes for the same report (the Word file's
/// dates are the report's, never the clock's).
pub(crate) fn render(report: &crate::compute::report::Report, format: ReportFormat) -> Result<Vec<u8>, Fail> {
    Ok(match payload(report, format)? {
        Payload::Text(t) => t.into_bytes(),
        Payload::Binary(b) => b,
    })
}

/// Lists on standard error the parts of the report the officer has not written yet (the
/// placeholders in the draft) and a citation of the unit's plan with a "…" to fill.
fn warn_unwritten(report: &crate::compute::report::Report) {
    let l = report.lang;
    let mut lines: Vec<String> = report
        .placeholders()
        .iter()
        .map(|p| format!("  - {}", say!(l, ReportPartUnwritten, part = p.kind.label(l), command = p.command())))
        .collect();
    if report.plan_citation_incomplete() {
        lines.push(format!("  - {}", say!(l, PlanCitationIncomplete)));
    }
    if lines.is_empty() {
        return;
    }
    let head = say!(l, ReportPartsUnwritten, period = report.period_label, count = lines.len());
    eprintln!("{}: {head}", say!(l, LabelWarning));
    for line in lines {
        eprintln!("{line}");
    }
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
pub(crate) fn format_of(path: &Path) -> Option<ReportFormat> {
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
pub(crate) fn requested(args: &ReportArgs, year: i32) -> Result<Option<Period>, Fail> {
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
